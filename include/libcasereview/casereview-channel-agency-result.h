/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CaseReviewChannelStatus:
 * @CASE_REVIEW_CHANNEL_STATUS_UNTESTED: no check was made, so there is no
 *   result; untested channels are left out of the validity rate
 * @CASE_REVIEW_CHANNEL_STATUS_PASSED: the checks show the channel works
 * @CASE_REVIEW_CHANNEL_STATUS_FAILED: the checks show it does not
 *
 * The result of a complaint channel's checks, or of an agency's channels.
 * JSON output spells the values `untested`, `passed` and `failed`.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_CHANNEL_STATUS_UNTESTED,
  CASE_REVIEW_CHANNEL_STATUS_PASSED,
  CASE_REVIEW_CHANNEL_STATUS_FAILED,
} CaseReviewChannelStatus;

#define CASE_REVIEW_TYPE_CHANNEL_AGENCY_RESULT (case_review_channel_agency_result_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewChannelAgencyResult, case_review_channel_agency_result, CASE_REVIEW,
                      CHANNEL_AGENCY_RESULT, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
const char              *case_review_channel_agency_result_get_agency_id   (CaseReviewChannelAgencyResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char              *case_review_channel_agency_result_get_agency_name (CaseReviewChannelAgencyResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelStatus  case_review_channel_agency_result_get_status      (CaseReviewChannelAgencyResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                    case_review_channel_agency_result_get_n_channels  (CaseReviewChannelAgencyResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                    case_review_channel_agency_result_get_n_tested    (CaseReviewChannelAgencyResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                    case_review_channel_agency_result_get_n_passed    (CaseReviewChannelAgencyResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                    case_review_channel_agency_result_get_n_failed    (CaseReviewChannelAgencyResult *self);

CASE_REVIEW_AVAILABLE_IN_0_1
const char              *case_review_channel_status_get_name               (CaseReviewChannelStatus        status);
CASE_REVIEW_AVAILABLE_IN_0_1
const char              *case_review_channel_status_get_label              (CaseReviewChannelStatus        status);

G_END_DECLS
