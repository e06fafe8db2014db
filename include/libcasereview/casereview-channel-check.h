/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CaseReviewCallOutcome:
 * @CASE_REVIEW_CALL_OUTCOME_NONE: not a call: a written inquiry has no
 *   outcome code
 * @CASE_REVIEW_CALL_OUTCOME_CORRECT_LINE: 11, connected to the right line,
 *   which took the complaint
 * @CASE_REVIEW_CALL_OUTCOME_WRONG_LINE: 12, connected to the right
 *   department but the wrong line; passes when the call was correctly
 *   transferred
 * @CASE_REVIEW_CALL_OUTCOME_WRONG_DEPARTMENT: 13, connected to the wrong
 *   department
 * @CASE_REVIEW_CALL_OUTCOME_HUNG_UP: 14, connected, then hung up on the
 *   caller
 * @CASE_REVIEW_CALL_OUTCOME_NO_ANSWER: 21, not connected: nobody answered
 * @CASE_REVIEW_CALL_OUTCOME_BUSY: 22, not connected: busy
 * @CASE_REVIEW_CALL_OUTCOME_NUMBER_VOID: 23, not connected: the number does
 *   not exist (空号) or is out of service
 *
 * What a test call to a complaint line got. The values are the protocol's
 * two-digit codes, which CSV and JSON files use: 1x connected, 2x not
 * connected.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_CALL_OUTCOME_NONE = 0,
  CASE_REVIEW_CALL_OUTCOME_CORRECT_LINE = 11,
  CASE_REVIEW_CALL_OUTCOME_WRONG_LINE = 12,
  CASE_REVIEW_CALL_OUTCOME_WRONG_DEPARTMENT = 13,
  CASE_REVIEW_CALL_OUTCOME_HUNG_UP = 14,
  CASE_REVIEW_CALL_OUTCOME_NO_ANSWER = 21,
  CASE_REVIEW_CALL_OUTCOME_BUSY = 22,
  CASE_REVIEW_CALL_OUTCOME_NUMBER_VOID = 23,
} CaseReviewCallOutcome;

#define CASE_REVIEW_TYPE_CHANNEL_CHECK (case_review_channel_check_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewChannelCheck, case_review_channel_check, CASE_REVIEW, CHANNEL_CHECK, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelCheck *case_review_channel_check_new_call        (const char             *channel_id,
                                                                   GDateTime              *attempted_at,
                                                                   CaseReviewCallOutcome   outcome,
                                                                   gboolean                transferred,
                                                                   const char             *tester,
                                                                   const char             *note);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelCheck *case_review_channel_check_new_inquiry     (const char             *channel_id,
                                                                   GDateTime              *attempted_at,
                                                                   gboolean                bounced,
                                                                   const GDate            *replied_on,
                                                                   gboolean                substantive,
                                                                   const char             *tester,
                                                                   const char             *note);
CASE_REVIEW_AVAILABLE_IN_0_1
const char             *case_review_channel_check_get_channel_id  (CaseReviewChannelCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
GDateTime              *case_review_channel_check_get_attempted_at (CaseReviewChannelCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                   *case_review_channel_check_dup_attempted_at_string (CaseReviewChannelCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                case_review_channel_check_is_call         (CaseReviewChannelCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCallOutcome   case_review_channel_check_get_outcome     (CaseReviewChannelCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                case_review_channel_check_get_transferred (CaseReviewChannelCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                case_review_channel_check_get_bounced     (CaseReviewChannelCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const GDate            *case_review_channel_check_get_replied_on  (CaseReviewChannelCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                case_review_channel_check_get_substantive (CaseReviewChannelCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char             *case_review_channel_check_get_tester      (CaseReviewChannelCheck *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char             *case_review_channel_check_get_note        (CaseReviewChannelCheck *self);

CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                case_review_call_outcome_is_valid         (int                     code);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                case_review_call_outcome_is_connected     (CaseReviewCallOutcome   outcome);
CASE_REVIEW_AVAILABLE_IN_0_1
const char             *case_review_call_outcome_get_label        (CaseReviewCallOutcome   outcome);
CASE_REVIEW_AVAILABLE_IN_0_1
const char             *case_review_call_outcome_get_english_label (CaseReviewCallOutcome  outcome);

G_END_DECLS
