/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-enforcement-kind.h>
#include <libcasereview/casereview-notice-event.h>
#include <libcasereview/casereview-notice-problem.h>
#include <libcasereview/casereview-rubric.h>

G_BEGIN_DECLS

/**
 * CaseReviewNoticeLanguage:
 * @CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN: Simplified Chinese, the language of the
 *   official document
 * @CASE_REVIEW_NOTICE_LANGUAGE_EN: English, for translations and reports to
 *   readers without Chinese
 *
 * The language a notice is written in.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN,
  CASE_REVIEW_NOTICE_LANGUAGE_EN,
} CaseReviewNoticeLanguage;

/**
 * CaseReviewNoticeFormat:
 * @CASE_REVIEW_NOTICE_FORMAT_TEXT: plain UTF-8 text
 * @CASE_REVIEW_NOTICE_FORMAT_MARKDOWN: CommonMark with a pipe table for the
 *   problems
 * @CASE_REVIEW_NOTICE_FORMAT_HTML: a self-contained HTML5 document with a
 *   print stylesheet
 * @CASE_REVIEW_NOTICE_FORMAT_JSON: the notice as the notice book stores it
 * @CASE_REVIEW_NOTICE_FORMAT_PDF: an A4 PDF laid out like an official
 *   document, with its fonts embedded
 *
 * What a notice can be rendered to.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_NOTICE_FORMAT_TEXT,
  CASE_REVIEW_NOTICE_FORMAT_MARKDOWN,
  CASE_REVIEW_NOTICE_FORMAT_HTML,
  CASE_REVIEW_NOTICE_FORMAT_JSON,
  CASE_REVIEW_NOTICE_FORMAT_PDF,
} CaseReviewNoticeFormat;

/**
 * CaseReviewNoticeReason:
 * @CASE_REVIEW_NOTICE_REASON_NONE: no rule applies
 * @CASE_REVIEW_NOTICE_REASON_VETO: a reviewed file has a legality veto
 * @CASE_REVIEW_NOTICE_REASON_FAILED_FILE: a reviewed file is 不合格
 * @CASE_REVIEW_NOTICE_REASON_LOW_MEAN: the agency's mean is below the
 *   book's threshold
 * @CASE_REVIEW_NOTICE_REASON_CHANNEL: a complaint channel failed its checks
 *
 * Why an agency got a notice; a notice records every rule that applied.
 *
 * Since: 0.1
 */
typedef enum /*< flags >*/ {
  CASE_REVIEW_NOTICE_REASON_NONE = 0,
  CASE_REVIEW_NOTICE_REASON_VETO = 1 << 0,
  CASE_REVIEW_NOTICE_REASON_FAILED_FILE = 1 << 1,
  CASE_REVIEW_NOTICE_REASON_LOW_MEAN = 1 << 2,
  CASE_REVIEW_NOTICE_REASON_CHANNEL = 1 << 3,
} CaseReviewNoticeReason;

#define CASE_REVIEW_TYPE_NOTICE (case_review_notice_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewNotice, case_review_notice, CASE_REVIEW, NOTICE, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNoticeState     case_review_notice_get_state              (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_get_serial             (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_get_number             (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNoticeLanguage  case_review_notice_get_language           (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_get_title              (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_get_issuer             (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_get_issuer_code        (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_get_year               (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_get_agency_id          (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_get_agency_name        (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNoticeReason    case_review_notice_get_reasons            (CaseReviewNotice  *self);

CASE_REVIEW_AVAILABLE_IN_0_1
const GDate              *case_review_notice_get_review_start       (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const GDate              *case_review_notice_get_review_end         (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_get_n_files            (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_get_kind_n_files       (CaseReviewNotice  *self,
                                                                     CaseReviewEnforcementKind kind);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_get_mean_hundredths    (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewGrade           case_review_notice_get_grade              (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_get_n_failed           (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_get_n_vetoed           (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_get_rank               (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_get_n_agencies         (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel               *case_review_notice_get_problems           (CaseReviewNotice  *self);

CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_get_basis              (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_get_requirements       (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_get_feedback           (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_get_consequences       (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_get_objection_route    (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char * const       *case_review_notice_get_copy_to            (CaseReviewNotice  *self);

CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_notice_get_deadline_days      (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_notice_get_working_days       (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const GDate              *case_review_notice_get_issued_on          (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const GDate              *case_review_notice_get_served_on          (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const GDate              *case_review_notice_get_deadline           (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_notice_is_awaiting_response   (CaseReviewNotice  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_notice_is_overdue             (CaseReviewNotice  *self,
                                                                     const GDate       *today);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel               *case_review_notice_get_history            (CaseReviewNotice  *self);

CASE_REVIEW_AVAILABLE_IN_0_1
char                     *case_review_notice_render                 (CaseReviewNotice  *self,
                                                                     CaseReviewNoticeFormat format,
                                                                     GError           **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_notice_write_pdf              (CaseReviewNotice  *self,
                                                                     GFile             *file,
                                                                     GCancellable      *cancellable,
                                                                     GError           **error);

CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_notice_format_get_name        (CaseReviewNoticeFormat format);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_notice_format_from_name       (const char             *name,
                                                                     CaseReviewNoticeFormat *format);

G_END_DECLS
