/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Complaint channels inside the library: the validation shared by the CSV
 * and JSON readers and the add() functions, and the constructors of the
 * evaluation's result objects. Private to the library.
 */
#pragma once

#include "casereview-channel.h"
#include "casereview-channel-agency-result.h"
#include "casereview-channel-check.h"
#include "casereview-channel-directory.h"
#include "casereview-channel-evaluation.h"
#include "casereview-channel-finding.h"
#include "casereview-error.h"

G_BEGIN_DECLS

/* The fields of a check a problem can be blamed on, for locations. */
typedef enum {
  CHECK_FIELD_CHANNEL,
  CHECK_FIELD_ATTEMPTED_AT,
  CHECK_FIELD_OUTCOME,
  CHECK_FIELD_TRANSFERRED,
  CHECK_FIELD_BOUNCED,
  CHECK_FIELD_REPLIED_ON,
  CHECK_FIELD_SUBSTANTIVE,
  N_CHECK_FIELDS
} CheckField;

/* NULL when @address is usable for a channel of @channel_type, otherwise
 * the rule it breaks. */
const char *channel_check_address      (CaseReviewChannelType   channel_type,
                                        const char             *address);

/* NULL when @check is consistent with its channel (NULL: unknown), otherwise
 * a message naming the rule, the field to blame and the error code. */
char       *channel_check_find_problem (CaseReviewChannelCheck *check,
                                        CaseReviewChannel      *channel,
                                        CheckField             *out_field,
                                        CaseReviewError        *out_code);

/* "channel\t…" line of the fingerprint text, escaped (docs/channels.md). */
void        channel_append_escaped     (GString                *out,
                                        const char             *text);

/* Replaces the directory's channels (CaseReviewChannel, already valid). */
void        channel_directory_replace  (CaseReviewChannelDirectory *self,
                                        GPtrArray                  *channels);

CaseReviewChannelFinding      *channel_finding_new       (CaseReviewChannel        *channel,
                                                          const char               *agency_name,
                                                          CaseReviewChannelFailure  failure,
                                                          GPtrArray                *evidence,
                                                          GArray                   *reply_working_days,
                                                          guint                     reply_deadline);
CaseReviewChannelAgencyResult *channel_agency_result_new (const char               *agency_id,
                                                          const char               *agency_name,
                                                          guint                     n_channels,
                                                          guint                     n_tested,
                                                          guint                     n_passed);
CaseReviewChannelEvaluation   *channel_evaluation_new    (CaseReviewChannelRules   *rules,
                                                          GPtrArray                *agency_results,
                                                          GPtrArray                *findings,
                                                          GHashTable               *channel_status,
                                                          guint                     n_channels,
                                                          guint                     n_tested,
                                                          guint                     n_passed);

G_END_DECLS
