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

/* YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日; month and day with one or two
 * digits, as spreadsheets write them. */
const char *
case_review_parse_date (const char *text,
                        guint32    *out_julian)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *p = trimmed;
  guint year, month, day;
  GDate date;

  if (trimmed[0] == '\0')
    return _("the date is empty");

  if (!read_number (&p, 4, 4, &year))
    return _("not a date in the form YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日");

  if (skip_literal (&p, "年"))
    {
      if (!read_number (&p, 1, 2, &month) || !skip_literal (&p, "月") ||
          !read_number (&p, 1, 2, &day) || !skip_literal (&p, "日") || *p != '\0')
        return _("not a date in the form YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日");
    }
  else
    {
      char separator = *p;

      if ((separator != '-' && separator != '/') || (p++, !read_number (&p, 1, 2, &month)) ||
          *p++ != separator || !read_number (&p, 1, 2, &day) || *p != '\0')
        return _("not a date in the form YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日");
    }

  if (year < 1900 || year > 2199)
    return _("the year is outside 1900–2199");
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return _("no such day in the calendar");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *out_julian = g_date_get_julian (&date);
  return NULL;
}

/* Yuan with at most two decimals, optionally with thousands separators
 * ("1,234.56"), to exact fen. Empty means "no amount" and is handled by the
 * caller. */
const char *
case_review_parse_amount (const char *text,
                          gint64     *out_fen)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *p = trimmed;
  gint64 yuan = 0;
  guint digits = 0, group = 0;
  gboolean grouped = FALSE;
  gint64 fen = 0;

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
  if (*p != '\0')
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
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  if (trimmed[0] == '\0' || !(g_ascii_isdigit (trimmed[0]) || trimmed[0] == '.' || trimmed[0] == '-'))
    return _("the weight is not a number");
  value = g_ascii_strtod (trimmed, &end);
  if (end == trimmed || *end != '\0' || !isfinite (value))
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
