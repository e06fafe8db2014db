/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-datetime-parsers.h"
#include "casereview-value-parsers.h"

GTimeZone *
case_review_beijing_time_zone (void)
{
  return g_time_zone_new_offset (CASE_REVIEW_BEIJING_OFFSET_SECONDS);
}

/* Reads 1 to @max_digits digits (at least @min_digits). */
static gboolean
read_digits (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *out_value)
{
  guint value = 0, n = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      value = value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min_digits || g_ascii_isdigit (**p))
    return FALSE;

  *out_value = value;
  return TRUE;
}

/* "H:MM" or "HH:MM" at *@p, advancing past it; 24:00 is the end of the day. */
static const char *
read_clock_time (const char **p,
                 guint       *out_minutes)
{
  guint hours, minutes;

  if (!read_digits (p, 1, 2, &hours) || **p != ':')
    return _("not a time of day in the form HH:MM");
  (*p)++;
  if (!read_digits (p, 2, 2, &minutes))
    return _("not a time of day in the form HH:MM");
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
    return _("no such time of day");

  *out_minutes = hours * 60 + minutes;
  return NULL;
}

const char *
case_review_parse_clock_time (const char *text,
                              guint      *out_minutes)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *p = copy;
  const char *reason;

  if ((reason = read_clock_time (&p, out_minutes)) != NULL)
    return reason;
  if (*p != '\0')
    return _("not a time of day in the form HH:MM");

  return NULL;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const CaseReviewMinuteSpan *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* Accepts "-", "–", "~" and "～" between the two times of a span, and ",",
 * ";", "，" and "；" between spans. */
const char *
case_review_parse_office_hours (const char *text,
                                GArray     *spans)
{
  static const char * const dashes[] = { "-", "–", "~", "～" };
  g_autofree char *copy = g_strdup (text);
  g_auto(GStrv) parts = NULL;

  g_array_set_size (spans, 0);
  for (char *q = copy; *q != '\0'; q++)
    if (*q == ';')
      *q = ',';
  {
    g_autoptr(GString) normalized = g_string_new (copy);

    g_string_replace (normalized, "，", ",", 0);
    g_string_replace (normalized, "；", ",", 0);
    parts = g_strsplit (normalized->str, ",", -1);
  }

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *p = g_strstrip (parts[i]);
      CaseReviewMinuteSpan span;
      gboolean dashed = FALSE;

      if (*p == '\0')
        return _("an office-hours period is empty; write periods such as 09:00-12:00,14:00-17:30");
      if (read_clock_time (&p, &span.start) != NULL)
        return _("not office hours in the form 09:00-12:00,14:00-17:30");
      while (*p == ' ')
        p++;
      for (guint d = 0; d < G_N_ELEMENTS (dashes) && !dashed; d++)
        if (strncmp (p, dashes[d], strlen (dashes[d])) == 0)
          {
            p += strlen (dashes[d]);
            dashed = TRUE;
          }
      while (*p == ' ')
        p++;
      if (!dashed || read_clock_time (&p, &span.end) != NULL || *p != '\0')
        return _("not office hours in the form 09:00-12:00,14:00-17:30");
      if (span.end <= span.start)
        return _("an office-hours period ends before it starts");
      g_array_append_val (spans, span);
    }

  if (spans->len == 0)
    return _("no office hours given");
  g_array_sort (spans, compare_spans);
  for (guint i = 1; i < spans->len; i++)
    if (g_array_index (spans, CaseReviewMinuteSpan, i).start < g_array_index (spans, CaseReviewMinuteSpan, i - 1).end)
      return _("two office-hours periods overlap");

  return NULL;
}

char *
case_review_format_office_hours (const GArray *spans)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const CaseReviewMinuteSpan *span = &g_array_index (spans, CaseReviewMinuteSpan, i);

      g_string_append_printf (out, "%s%02u:%02u-%02u:%02u", i > 0 ? "," : "",
                              span->start / 60, span->start % 60, span->end / 60, span->end % 60);
    }

  return g_string_free (out, FALSE);
}

/* A moment: a date (any form case_review_parse_date() reads), a space or
 * "T", a time "HH:MM" or "HH:MM:SS", and optionally "Z" or an offset such as
 * "+08:00"; without an offset the time is Beijing time. */
const char *
case_review_parse_moment (const char  *text,
                          GDateTime  **out_moment)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GTimeZone) beijing = case_review_beijing_time_zone ();
  g_autoptr(GDateTime) moment = NULL;
  char *separator = NULL;
  const char *p, *reason;
  guint32 julian;
  guint hours, minutes, seconds = 0;
  GDate date;

  if (copy[0] == '\0')
    return _("the time is empty");

  /* The date ends at the first space or "T" after it starts. */
  for (char *q = copy + 1; *q != '\0' && separator == NULL; q++)
    if (*q == ' ' || *q == 'T')
      separator = q;
  if (separator == NULL)
    return _("not a date and time such as 2020-06-03 10:17");
  *separator = '\0';
  if ((reason = case_review_parse_date (copy, &julian)) != NULL)
    return reason;

  p = separator + 1;
  while (*p == ' ')
    p++;
  if (!read_digits (&p, 1, 2, &hours) || *p++ != ':' || !read_digits (&p, 2, 2, &minutes))
    return _("not a date and time such as 2020-06-03 10:17");
  if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, 2, &seconds))
        return _("not a date and time such as 2020-06-03 10:17");
    }
  if (hours > 23 || minutes > 59 || seconds > 59)
    return _("no such time of day");

  if (*p == '\0')
    zone = g_time_zone_ref (beijing);
  else if (*p == 'Z' && p[1] == '\0')
    zone = g_time_zone_new_utc ();
  else if (*p == '+' || *p == '-')
    {
      int sign = *p++ == '-' ? -1 : 1;
      guint offset_hours, offset_minutes;

      if (!read_digits (&p, 2, 2, &offset_hours))
        return _("not a time-zone offset such as +08:00");
      if (*p == ':')
        p++;
      if (!read_digits (&p, 2, 2, &offset_minutes) || *p != '\0' || offset_hours > 14 || offset_minutes > 59)
        return _("not a time-zone offset such as +08:00");
      zone = g_time_zone_new_offset (sign * (int) (offset_hours * 3600 + offset_minutes * 60));
    }
  else
    return _("not a date and time such as 2020-06-03 10:17");

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  moment = g_date_time_new (zone, (int) g_date_get_year (&date), (int) g_date_get_month (&date),
                            (int) g_date_get_day (&date), (int) hours, (int) minutes, (double) seconds);
  if (moment == NULL)
    return _("no such time of day");

  *out_moment = g_date_time_to_timezone (moment, beijing);
  return NULL;
}

char *
case_review_format_moment (GDateTime *moment,
                           gboolean   iso)
{
  g_autoptr(GTimeZone) beijing = case_review_beijing_time_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (moment, beijing);

  if (iso)
    return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S+08:00");
  if (g_date_time_get_second (local) != 0)
    return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

void
case_review_moment_get_date (GDateTime *moment,
                             GDate     *out_date)
{
  g_autoptr(GTimeZone) beijing = case_review_beijing_time_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (moment, beijing);

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
}

char *
case_review_format_gdate (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

const char *
case_review_parse_yes_no (const char *text,
                          gboolean   *out_value)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "是" };
  static const char * const no[] = { "no", "n", "false", "0", "否", "" };
  g_autofree char *copy = g_strstrip (g_strdup (text));

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (copy, yes[i]) == 0)
      {
        *out_value = TRUE;
        return NULL;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (copy, no[i]) == 0)
      {
        *out_value = FALSE;
        return NULL;
      }

  return _("not yes or no (write yes, no, 是 or 否, or leave it empty)");
}
