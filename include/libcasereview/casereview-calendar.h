/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CaseReviewDayType:
 * @CASE_REVIEW_DAY_TYPE_WORKING_DAY: an ordinary working day, Monday to
 *   Friday
 * @CASE_REVIEW_DAY_TYPE_WEEKEND: a Saturday or Sunday that is not a working
 *   day
 * @CASE_REVIEW_DAY_TYPE_HOLIDAY: a public holiday (法定节假日 or a day of the
 *   holiday period), whatever day of the week it falls on
 * @CASE_REVIEW_DAY_TYPE_ADJUSTED_WORKING_DAY: a Saturday or Sunday worked in
 *   exchange for a holiday (调休上班)
 *
 * What a day is in a [class@CaseReview.Calendar]. Working days are
 * %CASE_REVIEW_DAY_TYPE_WORKING_DAY and
 * %CASE_REVIEW_DAY_TYPE_ADJUSTED_WORKING_DAY.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_DAY_TYPE_WORKING_DAY,
  CASE_REVIEW_DAY_TYPE_WEEKEND,
  CASE_REVIEW_DAY_TYPE_HOLIDAY,
  CASE_REVIEW_DAY_TYPE_ADJUSTED_WORKING_DAY,
} CaseReviewDayType;

#define CASE_REVIEW_TYPE_CALENDAR (case_review_calendar_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewCalendar, case_review_calendar, CASE_REVIEW, CALENDAR, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCalendar *case_review_calendar_new                (void);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCalendar *case_review_calendar_new_default        (void);

CASE_REVIEW_AVAILABLE_IN_0_1
gboolean            case_review_calendar_load_file          (CaseReviewCalendar  *self,
                                                             GFile               *file,
                                                             GCancellable        *cancellable,
                                                             GError             **error);

CASE_REVIEW_AVAILABLE_IN_0_1
const guint        *case_review_calendar_get_years          (CaseReviewCalendar  *self,
                                                             guint               *n_years);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean            case_review_calendar_has_year           (CaseReviewCalendar  *self,
                                                             guint                year);

CASE_REVIEW_AVAILABLE_IN_0_1
gboolean            case_review_calendar_is_working_day     (CaseReviewCalendar  *self,
                                                             const GDate         *date,
                                                             GError             **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewDayType   case_review_calendar_get_day_type       (CaseReviewCalendar  *self,
                                                             const GDate         *date,
                                                             GError             **error);
CASE_REVIEW_AVAILABLE_IN_0_1
const char         *case_review_calendar_get_day_name       (CaseReviewCalendar  *self,
                                                             const GDate         *date);
CASE_REVIEW_AVAILABLE_IN_0_1
GDate              *case_review_calendar_add_working_days   (CaseReviewCalendar  *self,
                                                             const GDate         *date,
                                                             guint                n_days,
                                                             GError             **error);
CASE_REVIEW_AVAILABLE_IN_0_1
GDate              *case_review_calendar_add_calendar_days  (CaseReviewCalendar  *self,
                                                             const GDate         *date,
                                                             guint                n_days,
                                                             GError             **error);
CASE_REVIEW_AVAILABLE_IN_0_1
guint               case_review_calendar_count_working_days (CaseReviewCalendar  *self,
                                                             const GDate         *from,
                                                             const GDate         *to,
                                                             GError             **error);

G_END_DECLS
