/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Parsers and formatters for the times complaint-channel checks carry:
 * clock times ("14:05"), office hours ("09:00-12:00,14:00-17:30"), moments
 * ("2020-06-03 10:17", read as Beijing time, UTC+08:00) and yes/no fields.
 * Like casereview-value-parsers.h, each parser returns NULL on success or a
 * short translatable reason. Private to the library.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* China Standard Time, UTC+08:00 all year (no daylight saving since 1991). */
#define CASE_REVIEW_BEIJING_OFFSET_SECONDS (8 * 3600)

/* A half-open interval of minutes since midnight, [start, end). */
typedef struct
{
  guint start;
  guint end;
} CaseReviewMinuteSpan;

GTimeZone  *case_review_beijing_time_zone      (void);
const char *case_review_parse_clock_time       (const char  *text,
                                                guint       *out_minutes);
/* Fills @spans (CaseReviewMinuteSpan) with ascending, non-overlapping,
 * non-empty intervals. */
const char *case_review_parse_office_hours     (const char  *text,
                                                GArray      *spans);
char       *case_review_format_office_hours    (const GArray *spans);
const char *case_review_parse_moment           (const char  *text,
                                                GDateTime  **out_moment);
/* "YYYY-MM-DD HH:MM", with ":SS" when the seconds are not zero, in Beijing
 * time; with @iso, "YYYY-MM-DDTHH:MM:SS+08:00". */
char       *case_review_format_moment          (GDateTime   *moment,
                                                gboolean     iso);
const char *case_review_parse_yes_no           (const char  *text,
                                                gboolean    *out_value);
/* The calendar date of @moment in Beijing time. */
void        case_review_moment_get_date        (GDateTime   *moment,
                                                GDate       *out_date);
char       *case_review_format_gdate           (const GDate *date);

G_END_DECLS
