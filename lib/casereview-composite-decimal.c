/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Exact decimals for composite evaluations: weights are read into
 * millionths and scores into hundredths digit by digit, never through
 * floating point, so 0.6 is exactly 600000 and 85.5 exactly 8550.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-composite-private.h"
#include "casereview-error.h"

typedef enum {
  FIXED_OK,
  FIXED_SYNTAX,       /* not DIGITS[.DIGITS] */
  FIXED_TOO_PRECISE,  /* a non-zero digit beyond the scale */
} FixedStatus;

/* Reads "[-]DIGITS[.DIGITS]" into an integer scaled by 10^@decimals. Extra
 * decimals are accepted only when they are zeros (85.500 is 85.5 exactly).
 * An integer part too long to hold saturates at 10^14 (before scaling),
 * which every caller rejects as out of range. */
static FixedStatus
parse_fixed (const char *text,
             guint       decimals,
             guint64    *out_value,
             gboolean   *out_negative)
{
  const guint64 cap = G_GUINT64_CONSTANT (100000000000000);
  const char *p = text;
  guint64 whole = 0, fraction = 0;
  guint n_digits = 0, n_decimals = 0;

  *out_negative = FALSE;
  if (*p == '-')
    {
      *out_negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p); p++, n_digits++)
    whole = whole >= cap ? cap : whole * 10 + (guint64) (*p - '0');
  if (n_digits == 0)
    return FIXED_SYNTAX;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FIXED_SYNTAX;
      for (; g_ascii_isdigit (*p); p++, n_decimals++)
        {
          if (n_decimals < decimals)
            fraction = fraction * 10 + (guint64) (*p - '0');
          else if (*p != '0')
            {
              /* Keep scanning for a syntax error, which takes precedence. */
              while (g_ascii_isdigit (*p))
                p++;
              return *p == '\0' ? FIXED_TOO_PRECISE : FIXED_SYNTAX;
            }
        }
    }
  if (*p != '\0')
    return FIXED_SYNTAX;
  for (; n_decimals < decimals; n_decimals++)
    fraction *= 10;

  *out_value = MIN (whole, cap);
  for (guint i = 0; i < decimals; i++)
    *out_value *= 10;
  *out_value += fraction;
  if (*out_negative && *out_value == 0)
    *out_negative = FALSE;   /* "-0" is zero */
  return FIXED_OK;
}

const char *
composite_parse_weight (const char *text,
                        guint      *out_millionths)
{
  guint64 value = 0;
  gboolean negative;

  switch (parse_fixed (text, 6, &value, &negative))
    {
    case FIXED_SYNTAX: return _("is not a decimal such as 0.6");
    case FIXED_TOO_PRECISE: return _("has more than six decimals");
    case FIXED_OK: break;
    }
  if (negative)
    return _("is negative");
  if (value > COMPOSITE_WEIGHT_ONE)
    return _("is greater than 1");
  *out_millionths = (guint) value;
  return NULL;
}

const char *
composite_parse_score (const char *text,
                       guint      *out_hundredths)
{
  guint64 value = 0;
  gboolean negative;

  switch (parse_fixed (text, 2, &value, &negative))
    {
    case FIXED_SYNTAX: return _("is not a number such as 85 or 85.5");
    case FIXED_TOO_PRECISE: return _("has more than two decimals");
    case FIXED_OK: break;
    }
  if (negative || value > COMPOSITE_SCORE_MAX)
    return _("is out of range (0 to 100)");
  *out_hundredths = (guint) value;
  return NULL;
}

const char *
composite_parse_votes (const char *text,
                       gint64     *out_votes)
{
  guint64 value = 0;
  gboolean negative;

  switch (parse_fixed (text, 0, &value, &negative))
    {
    case FIXED_SYNTAX:
    case FIXED_TOO_PRECISE: return _("is not a whole number");
    case FIXED_OK: break;
    }
  if (negative)
    return _("is negative");
  if (value > (guint64) COMPOSITE_VOTES_MAX)
    return _("is more than 10¹² votes");
  *out_votes = (gint64) value;
  return NULL;
}

char *
composite_format_weight (guint millionths)
{
  char digits[8];
  int end;

  if (millionths % COMPOSITE_WEIGHT_ONE == 0)
    return g_strdup_printf ("%u", millionths / COMPOSITE_WEIGHT_ONE);
  g_snprintf (digits, sizeof digits, "%06u", millionths % COMPOSITE_WEIGHT_ONE);
  for (end = 6; end > 0 && digits[end - 1] == '0'; end--)
    ;
  digits[end] = '\0';
  return g_strdup_printf ("%u.%s", millionths / COMPOSITE_WEIGHT_ONE, digits);
}

char *
composite_format_hundredths (guint hundredths)
{
  return g_strdup_printf ("%u.%02u", hundredths / 100, hundredths % 100);
}

char *
composite_shortest_decimal (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

gboolean
composite_parse_value (CaseReviewCompositeComponent  *component,
                       const char                    *subject_id,
                       const char                    *text,
                       gint64                        *out_value,
                       GError                       **error)
{
  const char *component_id = case_review_composite_component_get_id (component);
  const char *reason;

  if (case_review_composite_component_get_rule (component) == CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE)
    {
      reason = composite_parse_votes (text, out_value);
      if (reason != NULL)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("subject \"%s\", component \"%s\": vote count \"%s\" %s"),
                       subject_id, component_id, text, reason);
          return FALSE;
        }
    }
  else
    {
      guint hundredths;

      reason = composite_parse_score (text, &hundredths);
      if (reason != NULL)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("subject \"%s\", component \"%s\": score \"%s\" %s"),
                       subject_id, component_id, text, reason);
          return FALSE;
        }
      *out_value = hundredths;
    }
  return TRUE;
}
