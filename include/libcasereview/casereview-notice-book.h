/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-calendar.h>
#include <libcasereview/casereview-evaluation.h>
#include <libcasereview/casereview-notice.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_NOTICE_BOOK (case_review_notice_book_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewNoticeBook, case_review_notice_book, CASE_REVIEW, NOTICE_BOOK, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNoticeBook *case_review_notice_book_new                 (const char            *issuer,
                                                                   const char            *issuer_code,
                                                                   guint                  year);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNoticeBook *case_review_notice_book_new_from_json       (const char            *json,
                                                                   const char            *source_name,
                                                                   GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNoticeBook *case_review_notice_book_new_from_file       (GFile                 *file,
                                                                   GCancellable          *cancellable,
                                                                   GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char                 *case_review_notice_book_to_json             (CaseReviewNoticeBook  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_notice_book_save_to_file        (CaseReviewNoticeBook  *self,
                                                                   GFile                 *file,
                                                                   GCancellable          *cancellable,
                                                                   GError               **error);

CASE_REVIEW_AVAILABLE_IN_0_1
const char           *case_review_notice_book_get_issuer          (CaseReviewNoticeBook  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char           *case_review_notice_book_get_issuer_code     (CaseReviewNoticeBook  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                 case_review_notice_book_get_year            (CaseReviewNoticeBook  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                 case_review_notice_book_get_next_serial     (CaseReviewNoticeBook  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCalendar   *case_review_notice_book_get_calendar        (CaseReviewNoticeBook  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                  case_review_notice_book_set_calendar        (CaseReviewNoticeBook  *self,
                                                                   CaseReviewCalendar    *calendar);
CASE_REVIEW_AVAILABLE_IN_0_1
void                  case_review_notice_book_set_deadline        (CaseReviewNoticeBook  *self,
                                                                   guint                  n_days,
                                                                   gboolean               working_days);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                 case_review_notice_book_get_deadline_days   (CaseReviewNoticeBook  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_notice_book_get_working_days    (CaseReviewNoticeBook  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                  case_review_notice_book_set_rules           (CaseReviewNoticeBook  *self,
                                                                   CaseReviewNoticeReason rules,
                                                                   guint                  mean_threshold_hundredths);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNoticeReason case_review_notice_book_get_rules          (CaseReviewNoticeBook  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                 case_review_notice_book_get_mean_threshold_hundredths (CaseReviewNoticeBook *self);

CASE_REVIEW_AVAILABLE_IN_0_1
GListModel           *case_review_notice_book_generate            (CaseReviewNoticeBook  *self,
                                                                   CaseReviewEvaluation  *evaluation,
                                                                   const GDate           *served_on,
                                                                   GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel           *case_review_notice_book_generate_from_results (CaseReviewNoticeBook *self,
                                                                   const char            *results_json,
                                                                   const char            *source_name,
                                                                   const GDate           *served_on,
                                                                   GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel           *case_review_notice_book_add_channel_findings (CaseReviewNoticeBook *self,
                                                                   GListModel            *findings,
                                                                   const GDate           *served_on,
                                                                   GError               **error);

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNotice     *case_review_notice_book_lookup              (CaseReviewNoticeBook  *self,
                                                                   const char            *number);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNotice     *case_review_notice_book_lookup_serial       (CaseReviewNoticeBook  *self,
                                                                   guint                  serial);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNotice     *case_review_notice_book_lookup_draft        (CaseReviewNoticeBook  *self,
                                                                   const char            *agency_id);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_notice_book_transition          (CaseReviewNoticeBook  *self,
                                                                   CaseReviewNotice      *notice,
                                                                   CaseReviewNoticeState  to,
                                                                   const char            *actor,
                                                                   GDateTime             *at,
                                                                   const char            *note,
                                                                   GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_notice_book_discard_draft       (CaseReviewNoticeBook  *self,
                                                                   CaseReviewNotice      *notice,
                                                                   GError               **error);

CASE_REVIEW_AVAILABLE_IN_0_1
char                 *case_review_notice_book_render              (CaseReviewNoticeBook  *self,
                                                                   CaseReviewNoticeFormat format,
                                                                   GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_notice_book_write_pdf           (CaseReviewNoticeBook  *self,
                                                                   GFile                 *file,
                                                                   GCancellable          *cancellable,
                                                                   GError               **error);

G_END_DECLS
