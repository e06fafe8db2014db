/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-value-parsers.h"

/* Amounts above this many fen (a hundred trillion yuan) are rejected: far
 * beyond any fine, and below 2^53 so JavaScript holds them exactly. */
#define MAX_AMOUNT_FEN G_GINT64_CONSTANT (9000000000000000)

static gboolean
read_number (const char **p,
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

static gboolean
skip_literal (const char **p,
              const char  *literal)
{
  gsize len = strlen (literal);

  if (strncmp (*p, literal, len) != 0)
    return FALSE;
  *p += len;
  return TRUE;
}

/* Where @text starts and ends without surrounding ASCII white space, as
 * g_strstrip() would leave it, but without copying it: the parsers run once
 * per field of files with millions of rows. */
static void
strip_bounds (const char  *text,
              const char **start,
              const char **end)
{
  const char *p = text + strlen (text);

  while (*text != '\0' && g_ascii_isspace (*text))
    text++;
  while (p > text && g_ascii_isspace (p[-1]))
    p--;
  *start = text;
  *end = p;
}

/* GDate's Julian day (1 January of year 1 is day 1) of a valid date, with
 * Howard Hinnant's days-from-civil arithmetic rather than GDate's several
 * calls per row. */
static guint32
julian_from_dmy (guint day,
                 guint month,
                 guint year)
{
  guint march_year = month <= 2 ? year - 1 : year;    /* years start in March */
  guint era = march_year / 400;
  guint year_of_era = march_year - era * 400;
  guint day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  guint day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  /* Day 0 of era 0 is 0000-03-01, 305 days before GDate's day 1. */
  return era * 146097 + day_of_era - 305;
}

/* YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日; month and day with one or two
 * digits, as spreadsheets write them. */
const char *
case_review_parse_date (const char *text,
                        guint32    *out_julian)
{
  const char *p, *end;
  guint year, month, day;

  /* The scanning below stops at the white space after the end, if any. */
  strip_bounds (text, &p, &end);
  if (p == end)
    return _("the date is empty");

  if (!read_number (&p, 4, 4, &year))
    return _("not a date in the form YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日");

  if (skip_literal (&p, "年"))
    {
      if (!read_number (&p, 1, 2, &month) || !skip_literal (&p, "月") ||
          !read_number (&p, 1, 2, &day) || !skip_literal (&p, "日") || p != end)
        return _("not a date in the form YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日");
    }
  else
    {
      char separator = *p;

      if ((separator != '-' && separator != '/') || (p++, !read_number (&p, 1, 2, &month)) ||
          *p++ != separator || !read_number (&p, 1, 2, &day) || p != end)
        return _("not a date in the form YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日");
    }

  if (year < 1900 || year > 2199)
    return _("the year is outside 1900–2199");
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return _("no such day in the calendar");

  *out_julian = julian_from_dmy (day, month, year);
  return NULL;
}

/* Yuan with at most two decimals, optionally with thousands separators
 * ("1,234.56"), to exact fen. Empty means "no amount" and is handled by the
 * caller. */
const char *
case_review_parse_amount (const char *text,
                          gint64     *out_fen)
{
  const char *p, *end;
  gint64 yuan = 0;
  guint digits = 0, group = 0;
  gboolean grouped = FALSE;
  gint64 fen = 0;

  /* The scanning below stops at the white space after the end, if any. */
  strip_bounds (text, &p, &end);
  if (*p == '-')
    return _("the amount is negative");
  if (*p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return _("the amount is not a number of yuan such as 1234.56");

  for (; g_ascii_isdigit (*p) || *p == ','; p++)
    {
      if (*p == ',')
        {
          /* A separator needs 1–3 digits before the first and exactly 3
           * between separators. */
          if ((grouped && group != 3) || (!grouped && (digits == 0 || digits > 3)))
            return _("the amount has misplaced thousands separators");
          grouped = TRUE;
          group = 0;
          continue;
        }
      if (yuan > (MAX_AMOUNT_FEN / 100) / 10)
        return _("the amount is too large");
      yuan = yuan * 10 + (*p - '0');
      digits++;
      group++;
    }
  if (grouped && group != 3)
    return _("the amount has misplaced thousands separators");

  if (*p == '.')
    {
      guint decimals = 0;

      p++;
      while (g_ascii_isdigit (*p))
        {
          if (++decimals > 2)
            return _("the amount has more than two decimals (fen is the smallest unit)");
          fen = fen * 10 + (*p - '0');
          p++;
        }
      if (decimals == 0)
        return _("the amount is not a number of yuan such as 1234.56");
      if (decimals == 1)
        fen *= 10;
    }
  if (p != end)
    return _("the amount is not a number of yuan such as 1234.56");

  fen += yuan * 100;
  if (fen > MAX_AMOUNT_FEN)
    return _("the amount is too large");

  *out_fen = fen;
  return NULL;
}

const char *
case_review_parse_weight (const char *text,
                          double     *out_weight)
{
  const char *start, *end;
  char *stop = NULL;
  double value;

  strip_bounds (text, &start, &end);
  if (start == end || !(g_ascii_isdigit (start[0]) || start[0] == '.' || start[0] == '-'))
    return _("the weight is not a number");
  /* A number never takes in the white space after the end. */
  value = g_ascii_strtod (start, &stop);
  if (stop == start || stop != end || !isfinite (value))
    return _("the weight is not a number");
  if (value < 0)
    return _("the weight is negative");

  *out_weight = value;
  return NULL;
}

/* Flags are separated by ";", "；" or "、". */
char **
case_review_split_flags (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *copy = g_strdup (text);
  char *start = copy;

  for (char *p = copy;; p++)
    {
      gsize separator = 0;

      if (*p == ';')
        separator = 1;
      else if (strncmp (p, "；", strlen ("；")) == 0)
        separator = strlen ("；");
      else if (strncmp (p, "、", strlen ("、")) == 0)
        separator = strlen ("、");

      if (separator > 0 || *p == '\0')
        {
          gboolean end = *p == '\0';

          *p = '\0';
          g_strstrip (start);
          if (start[0] != '\0')
            g_strv_builder_add (builder, start);
          if (end)
            break;
          p += separator - 1;
          start = p + 1;
        }
    }

  return g_strv_builder_end (builder);
}

char *
case_review_format_amount (gint64 fen)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", fen / 100, (int) (fen % 100));
}

char *
case_review_format_date (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}
