/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Rubrics as JSON (docs/rubric-format.md): the reader validates every rule of
 * the format and names the JSON path of whatever breaks one
 * ("rubric: $.kinds.penalty.items[3].max: ..."); the writer produces the
 * canonical text, which reads back into an identical rubric.
 *
 * Points are JSON numbers with at most one decimal, kept as integer tenths;
 * band minimums are scores with at most two decimals, kept as hundredths.
 * A number that JSON-GLib hands over as a double is converted through its
 * shortest decimal form (the digits that read back as the same double), so
 * 2.3 is exactly 23 tenths and 0.25 is rejected rather than rounded.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-error.h"
#include "casereview-json-path.h"
#include "casereview-rubric-private.h"

#define TENTHS_PER_KIND 1000       /* each kind's items total 100 points */
#define MAX_POINTS_TENTHS 1000     /* no item or deduction exceeds 100 points */
#define MAX_SCORE_HUNDREDTHS 10000

#define DEFAULT_EXCELLENT 9000
#define DEFAULT_GOOD 8000
#define DEFAULT_PASS 6000

typedef struct
{
  const char *source;     /* "rubric" or the file's name, to start messages */
  GError **error;
} Reader;

/* How read_string checks a string. */
typedef enum
{
  STRING_ANY = 0,
  STRING_REQUIRED = 1 << 0,
  STRING_TEXT = 1 << 1,        /* not empty, not only white space */
  STRING_CODE = 1 << 2,        /* not empty, no white space or control characters */
} StringRule;

static const char * const rubric_members[] = {
  "format", "version", "id", "title", "title_en", "not_applicable", "grade_scheme", "bands", "vetoes", "kinds", NULL
};
static const char * const band_members[] = { "excellent", "good", "pass", NULL };
static const char * const veto_members[] = { "code", "text", "text_en", "basis", NULL };
static const char * const kind_members[] = { "vetoes", "items", NULL };
static const char * const item_members[] = { "code", "title", "title_en", "max", "deductions", NULL };
static const char * const deduction_members[] = { "code", "text", "text_en", "points", "max_occurrences", NULL };

static const char * const policy_names[] = {
  [CASE_REVIEW_NOT_APPLICABLE_POLICY_DROP] = "drop",
  [CASE_REVIEW_NOT_APPLICABLE_POLICY_FULL_MARKS] = "full_marks",
};
static const char * const scheme_names[] = {
  [CASE_REVIEW_GRADE_SCHEME_FOUR_BAND] = "four_band",
  [CASE_REVIEW_GRADE_SCHEME_THREE_BAND] = "three_band",
};

/* Every error names the source and the JSON path. */
#define fail(reader, code, path, ...) json_path_fail ((reader)->error, (code), (reader)->source, (path), __VA_ARGS__)

/* --- JSON paths --------------------------------------------------------- */

/* --- Fixed-point numbers ------------------------------------------------ */

/* "25" with 1 decimal is "2.5"; "100" with 1 decimal is "10". */
static char *
format_fixed (guint64 value,
              guint   decimals)
{
  guint64 scale = decimals == 1 ? 10 : 100;
  guint64 fraction = value % scale;

  if (fraction == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, value / scale);
  if (decimals == 2 && fraction % 10 == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT, value / scale, fraction / 10);
  return g_strdup_printf (decimals == 1 ? "%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT
                                        : "%" G_GUINT64_FORMAT ".%02" G_GUINT64_FORMAT,
                          value / scale, fraction);
}

/* The shortest decimal digits that read back as @value: @digits without a
 * point or trailing zeros, and the decimal exponent of the first digit
 * (2.5 is "25", 0; 100 is "1", 2; 0.3 is "3", -1). */
static void
shortest_decimal (double  value,
                  char    digits[24],
                  int    *exponent)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *e;
  guint n = 0;

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  e = strchr (buffer, 'e');
  *exponent = atoi (e + 1);
  for (const char *c = buffer; c < e && n < 23; c++)
    if (g_ascii_isdigit (*c))
      digits[n++] = *c;
  while (n > 1 && digits[n - 1] == '0')
    n--;
  digits[n] = '\0';
}

/* @digits and @exponent from shortest_decimal() in plain notation. */
static char *
plain_decimal (gboolean    negative,
               const char *digits,
               int         exponent)
{
  GString *text = g_string_new (negative ? "-" : "");
  int n = (int) strlen (digits);
  int before_point = exponent + 1;

  if (before_point <= 0)
    {
      g_string_append (text, "0.");
      for (int i = 0; i < -before_point; i++)
        g_string_append_c (text, '0');
      g_string_append (text, digits);
    }
  else if (before_point >= n)
    {
      g_string_append (text, digits);
      for (int i = n; i < before_point; i++)
        g_string_append_c (text, '0');
    }
  else
    {
      g_string_append_len (text, digits, before_point);
      g_string_append_c (text, '.');
      g_string_append (text, digits + before_point);
    }
  return g_string_free (text, FALSE);
}

typedef enum
{
  FIXED_OK,
  FIXED_NOT_A_NUMBER,
  FIXED_NEGATIVE,
  FIXED_TOO_PRECISE,
  FIXED_TOO_LARGE,
} FixedStatus;

/* Reads a JSON number as an exact count of 10^-@decimals units, at most
 * @limit units. @text gets the number as written, for messages. */
static FixedStatus
node_to_fixed (JsonNode  *node,
               guint      decimals,
               guint64    limit,
               guint64   *out,
               char     **text)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  guint64 scale = decimals == 1 ? 10 : 100;
  char digits[24];
  int exponent, n_digits, shift;
  guint64 value;
  double number;

  if (type == G_TYPE_INT64)
    {
      gint64 integer = json_node_get_int (node);

      *text = g_strdup_printf ("%" G_GINT64_FORMAT, integer);
      if (integer < 0)
        return FIXED_NEGATIVE;
      if ((guint64) integer > limit / scale)
        return FIXED_TOO_LARGE;
      *out = (guint64) integer * scale;
      return FIXED_OK;
    }
  if (type != G_TYPE_DOUBLE)
    return FIXED_NOT_A_NUMBER;

  number = json_node_get_double (node);
  shortest_decimal (number, digits, &exponent);
  *text = plain_decimal (number < 0, digits, exponent);
  if (number < 0)
    return FIXED_NEGATIVE;
  if (number > (double) limit / (double) scale)
    return FIXED_TOO_LARGE;

  n_digits = (int) strlen (digits);
  shift = exponent - (n_digits - 1) + (int) decimals;   /* value = digits × 10^shift units */
  if (shift < 0)
    return FIXED_TOO_PRECISE;
  value = g_ascii_strtoull (digits, NULL, 10);
  for (int i = 0; i < shift; i++)
    value *= 10;
  *out = value;
  return FIXED_OK;
}

/* --- Fields --------------------------------------------------------------- */

/* Leaves *@out alone when an optional member is absent. */
static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *path,
             const char  *member,
             StringRule   rule,
             const char **out)
{
  g_autofree char *where = json_path_member (path, member);
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  if (node == NULL)
    {
      if (rule & STRING_REQUIRED)
        return fail (reader, CASE_REVIEW_ERROR_INVALID, where, _("required field missing"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (reader, CASE_REVIEW_ERROR_INVALID, where, _("expected a string"));

  text = json_node_get_string (node);
  if (rule & (STRING_TEXT | STRING_CODE))
    {
      gboolean blank = TRUE;

      for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
        if (!g_unichar_isspace (g_utf8_get_char (c)))
          blank = FALSE;
      if (blank)
        return fail (reader, CASE_REVIEW_ERROR_INVALID, where, _("must not be empty"));
    }
  if (rule & STRING_CODE)
    {
      for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);
          if (g_unichar_isspace (ch) || g_unichar_iscntrl (ch))
            return fail (reader, CASE_REVIEW_ERROR_INVALID, where,
                         _("\"%s\" is not a valid code: codes have no spaces or control characters"), text);
        }
    }
  *out = text;
  return TRUE;
}

/* A number of points (@decimals 1, in tenths) or a score (@decimals 2, in
 * hundredths), at most @limit units. Leaves *@out alone when an optional
 * member is absent. */
static gboolean
read_fixed (Reader     *reader,
            JsonObject *object,
            const char *path,
            const char *member,
            gboolean    required,
            guint       decimals,
            guint64     limit,
            guint      *out)
{
  g_autofree char *where = json_path_member (path, member);
  g_autofree char *text = NULL;
  g_autofree char *limit_text = NULL;
  JsonNode *node = json_object_get_member (object, member);
  guint64 value = 0;

  if (node == NULL)
    {
      if (required)
        return fail (reader, CASE_REVIEW_ERROR_INVALID, where, _("required field missing"));
      return TRUE;
    }

  switch (node_to_fixed (node, decimals, limit, &value, &text))
    {
    case FIXED_OK:
      *out = (guint) value;
      return TRUE;
    case FIXED_NOT_A_NUMBER:
      return fail (reader, CASE_REVIEW_ERROR_INVALID, where, _("expected a number"));
    case FIXED_NEGATIVE:
      return fail (reader, CASE_REVIEW_ERROR_INVALID, where, _("%s is negative"), text);
    case FIXED_TOO_PRECISE:
      if (decimals == 1)
        return fail (reader, CASE_REVIEW_ERROR_INVALID, where,
                     _("%s has more than one decimal (points are kept in tenths)"), text);
      return fail (reader, CASE_REVIEW_ERROR_INVALID, where,
                   _("%s has more than two decimals (scores are kept in hundredths)"), text);
    case FIXED_TOO_LARGE:
    default:
      limit_text = format_fixed (limit, decimals);
      return fail (reader, CASE_REVIEW_ERROR_INVALID, where, _("%s is more than %s points"), text, limit_text);
    }
}

/* A whole number from 0 to G_MAXINT32. Leaves *@out alone when absent. */
static gboolean
read_count (Reader     *reader,
            JsonObject *object,
            const char *path,
            const char *member,
            guint      *out)
{
  g_autofree char *where = json_path_member (path, member);
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (value = json_node_get_int (node)) < 0 || value > G_MAXINT32)
    return fail (reader, CASE_REVIEW_ERROR_INVALID, where, _("expected a whole number from 0 to 2147483647"));
  *out = (guint) value;
  return TRUE;
}

/* One of @names (indexed by enum value). Leaves *@out alone when absent. */
static gboolean
read_choice (Reader             *reader,
             JsonObject         *object,
             const char         *path,
             const char         *member,
             const char * const *names,
             guint               n_names,
             guint              *out)
{
  g_autofree char *where = json_path_member (path, member);
  const char *name = NULL;

  if (!read_string (reader, object, path, member, STRING_ANY, &name))
    return FALSE;
  if (name == NULL)
    return TRUE;
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (name, names[i]))
      {
        *out = i;
        return TRUE;
      }
  return fail (reader, CASE_REVIEW_ERROR_INVALID, where, _("unknown value \"%s\" (expected \"%s\" or \"%s\")"),
               name, names[0], names[1]);
}

/* Codes share one namespace per kind: the common vetoes, the kind's own
 * vetoes, its items and its deductions. @codes maps each code (borrowed from
 * the parsed JSON) to the path where it was first used. */
static gboolean
claim_code (Reader     *reader,
            GHashTable *codes,
            const char *code,
            const char *path)
{
  g_autofree char *where = json_path_member (path, "code");
  const char *first = g_hash_table_lookup (codes, code);

  if (first != NULL)
    return fail (reader, CASE_REVIEW_ERROR_DUPLICATE, where, _("\"%s\" is already used at %s"), code, first);
  g_hash_table_insert (codes, (gpointer) code, g_steal_pointer (&where));
  return TRUE;
}

static GHashTable *
new_code_table (GHashTable *from)
{
  GHashTable *codes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer code, path;

  if (from != NULL)
    {
      g_hash_table_iter_init (&iter, from);
      while (g_hash_table_iter_next (&iter, &code, &path))
        g_hash_table_insert (codes, code, g_strdup (path));
    }
  return codes;
}

/* --- The rubric ----------------------------------------------------------- */

static gboolean
check_band_order (Reader     *reader,
                  JsonObject *bands,
                  const char *higher,
                  guint       higher_value,
                  const char *lower,
                  guint       lower_value)
{
  g_autofree char *where = NULL;
  g_autofree char *higher_text = NULL;
  g_autofree char *lower_text = NULL;

  if (lower_value < higher_value)
    return TRUE;
  /* Blame the lower band if the file sets it, else the higher one. */
  where = json_path_member ("$.bands", json_object_has_member (bands, lower) || !json_object_has_member (bands, higher)
                                    ? lower : higher);
  higher_text = format_fixed (higher_value, 2);
  lower_text = format_fixed (lower_value, 2);
  return fail (reader, CASE_REVIEW_ERROR_INVALID, where, _("the %s minimum %s is not below the %s minimum %s"),
               lower, lower_text, higher, higher_text);
}

static gboolean
read_bands (Reader                *reader,
            JsonObject            *root,
            CaseReviewGradeScheme  scheme,
            guint                 *excellent,
            guint                 *good,
            guint                 *pass)
{
  JsonNode *node = json_object_get_member (root, "bands");
  JsonObject *bands;

  if (node == NULL)
    return TRUE;
  if ((bands = json_path_expect_object (reader->error, reader->source, node, "$.bands")) == NULL ||
      !json_path_check_members (reader->error, reader->source, bands, "$.bands", band_members) ||
      !read_fixed (reader, bands, "$.bands", "excellent", FALSE, 2, MAX_SCORE_HUNDREDTHS, excellent) ||
      !read_fixed (reader, bands, "$.bands", "good", FALSE, 2, MAX_SCORE_HUNDREDTHS, good) ||
      !read_fixed (reader, bands, "$.bands", "pass", FALSE, 2, MAX_SCORE_HUNDREDTHS, pass))
    return FALSE;

  if (*pass == 0)
    return fail (reader, CASE_REVIEW_ERROR_INVALID, "$.bands.pass", _("the pass minimum must be above 0"));
  /* The three-band scheme has no 良好: "good" is not used, in any order. */
  if (scheme == CASE_REVIEW_GRADE_SCHEME_THREE_BAND)
    return check_band_order (reader, bands, "excellent", *excellent, "pass", *pass);
  return check_band_order (reader, bands, "good", *good, "pass", *pass) &&
         check_band_order (reader, bands, "excellent", *excellent, "good", *good);
}

static CaseReviewRubricVeto *
read_veto (Reader                    *reader,
           JsonNode                  *node,
           const char                *path,
           gboolean                   common,
           CaseReviewEnforcementKind  kind,
           GHashTable                *codes)
{
  const char *code = NULL, *text = NULL, *english_text = NULL, *basis = "";
  JsonObject *object;

  if ((object = json_path_expect_object (reader->error, reader->source, node, path)) == NULL ||
      !json_path_check_members (reader->error, reader->source, object, path, veto_members) ||
      !read_string (reader, object, path, "code", STRING_REQUIRED | STRING_CODE, &code) ||
      !claim_code (reader, codes, code, path) ||
      !read_string (reader, object, path, "text", STRING_REQUIRED | STRING_TEXT, &text) ||
      !read_string (reader, object, path, "text_en", STRING_REQUIRED | STRING_TEXT, &english_text) ||
      !read_string (reader, object, path, "basis", STRING_ANY, &basis))
    return NULL;

  return case_review_rubric_veto_new_internal (code, text, english_text, basis, common, kind);
}

/* Reads the optional "vetoes" array of @object into @rubric: the common
 * vetoes when @common, else @kind's own. */
static gboolean
read_vetoes (Reader                    *reader,
             CaseReviewRubric          *rubric,
             JsonObject                *object,
             const char                *path,
             gboolean                   common,
             CaseReviewEnforcementKind  kind,
             GHashTable                *codes)
{
  g_autofree char *where = json_path_member (path, "vetoes");
  JsonNode *node = json_object_get_member (object, "vetoes");
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if ((array = json_path_expect_array (reader->error, reader->source, node, where)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *veto_path = json_path_index (where, i);
      g_autoptr(CaseReviewRubricVeto) veto = NULL;

      veto = read_veto (reader, json_array_get_element (array, i), veto_path, common, kind, codes);
      if (veto == NULL)
        return FALSE;
      if (common)
        case_review_rubric_add_common_veto (rubric, veto);
      else
        case_review_rubric_add_kind_veto (rubric, kind, veto);
    }
  return TRUE;
}

static CaseReviewRubricDeduction *
read_deduction (Reader     *reader,
                JsonNode   *node,
                const char *path,
                const char *item_code,
                guint       item_max,
                GHashTable *codes)
{
  g_autofree char *points_path = json_path_member (path, "points");
  g_autofree char *points_text = NULL;
  g_autofree char *max_text = NULL;
  const char *code = NULL, *text = NULL, *english_text = NULL;
  guint points = 0, max_occurrences = 0;
  JsonObject *object;

  if ((object = json_path_expect_object (reader->error, reader->source, node, path)) == NULL ||
      !json_path_check_members (reader->error, reader->source, object, path, deduction_members) ||
      !read_string (reader, object, path, "code", STRING_REQUIRED | STRING_CODE, &code) ||
      !claim_code (reader, codes, code, path) ||
      !read_string (reader, object, path, "text", STRING_REQUIRED | STRING_TEXT, &text) ||
      !read_string (reader, object, path, "text_en", STRING_REQUIRED | STRING_TEXT, &english_text) ||
      !read_fixed (reader, object, path, "points", TRUE, 1, MAX_POINTS_TENTHS, &points) ||
      !read_count (reader, object, path, "max_occurrences", &max_occurrences))
    return NULL;

  if (points == 0)
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, points_path, _("a deduction must be above 0 points"));
      return NULL;
    }
  if (points > item_max)
    {
      points_text = format_fixed (points, 1);
      max_text = format_fixed (item_max, 1);
      fail (reader, CASE_REVIEW_ERROR_INVALID, points_path,
            _("%s points per occurrence exceed the item's maximum of %s points"), points_text, max_text);
      return NULL;
    }

  return case_review_rubric_deduction_new_internal (code, item_code, text, english_text, points, max_occurrences);
}

static CaseReviewRubricItem *
read_item (Reader                    *reader,
           JsonNode                  *node,
           const char                *path,
           CaseReviewEnforcementKind  kind,
           GHashTable                *codes)
{
  g_autofree char *max_path = json_path_member (path, "max");
  g_autofree char *deductions_path = json_path_member (path, "deductions");
  g_autoptr(CaseReviewRubricItem) item = NULL;
  const char *code = NULL, *title = NULL, *english_title = NULL;
  guint max = 0;
  JsonObject *object;
  JsonNode *deductions_node;
  JsonArray *deductions;

  if ((object = json_path_expect_object (reader->error, reader->source, node, path)) == NULL ||
      !json_path_check_members (reader->error, reader->source, object, path, item_members) ||
      !read_string (reader, object, path, "code", STRING_REQUIRED | STRING_CODE, &code) ||
      !claim_code (reader, codes, code, path) ||
      !read_string (reader, object, path, "title", STRING_REQUIRED | STRING_TEXT, &title) ||
      !read_string (reader, object, path, "title_en", STRING_REQUIRED | STRING_TEXT, &english_title) ||
      !read_fixed (reader, object, path, "max", TRUE, 1, TENTHS_PER_KIND, &max))
    return NULL;
  if (max == 0)
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, max_path, _("an item's maximum must be above 0 points"));
      return NULL;
    }

  if ((deductions_node = json_object_get_member (object, "deductions")) == NULL)
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, deductions_path, _("required field missing"));
      return NULL;
    }
  if ((deductions = json_path_expect_array (reader->error, reader->source, deductions_node, deductions_path)) == NULL)
    return NULL;
  if (json_array_get_length (deductions) == 0)
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, deductions_path, _("an item needs at least one deduction option"));
      return NULL;
    }

  item = case_review_rubric_item_new_internal (kind, code, title, english_title, max);
  for (guint i = 0; i < json_array_get_length (deductions); i++)
    {
      g_autofree char *deduction_path = json_path_index (deductions_path, i);
      g_autoptr(CaseReviewRubricDeduction) deduction = NULL;

      deduction = read_deduction (reader, json_array_get_element (deductions, i), deduction_path, code, max, codes);
      if (deduction == NULL)
        return NULL;
      case_review_rubric_item_add_deduction (item, deduction);
    }
  return g_steal_pointer (&item);
}

static gboolean
read_kind (Reader                    *reader,
           CaseReviewRubric          *rubric,
           JsonNode                  *node,
           const char                *path,
           CaseReviewEnforcementKind  kind,
           GHashTable                *common_codes)
{
  g_autoptr(GHashTable) codes = new_code_table (common_codes);
  g_autofree char *items_path = json_path_member (path, "items");
  g_autofree char *total_text = NULL;
  JsonObject *object;
  JsonNode *items_node;
  JsonArray *items;
  guint total = 0;

  if ((object = json_path_expect_object (reader->error, reader->source, node, path)) == NULL ||
      !json_path_check_members (reader->error, reader->source, object, path, kind_members))
    return FALSE;

  case_review_rubric_add_kind (rubric, kind);
  if (!read_vetoes (reader, rubric, object, path, FALSE, kind, codes))
    return FALSE;

  if ((items_node = json_object_get_member (object, "items")) == NULL)
    return fail (reader, CASE_REVIEW_ERROR_INVALID, items_path, _("required field missing"));
  if ((items = json_path_expect_array (reader->error, reader->source, items_node, items_path)) == NULL)
    return FALSE;
  if (json_array_get_length (items) == 0)
    return fail (reader, CASE_REVIEW_ERROR_INVALID, items_path, _("a kind's table needs at least one item"));

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *item_path = json_path_index (items_path, i);
      g_autoptr(CaseReviewRubricItem) item = NULL;

      item = read_item (reader, json_array_get_element (items, i), item_path, kind, codes);
      if (item == NULL)
        return FALSE;
      total += case_review_rubric_item_get_max_tenths (item);
      case_review_rubric_add_item (rubric, kind, item);
    }

  if (total != TENTHS_PER_KIND)
    {
      total_text = format_fixed (total, 1);
      return fail (reader, CASE_REVIEW_ERROR_INVALID, items_path, _("the items' maxima total %s points, not 100"),
                   total_text);
    }
  return TRUE;
}

static gboolean
read_kinds (Reader           *reader,
            CaseReviewRubric *rubric,
            JsonObject       *root,
            GHashTable       *common_codes)
{
  g_autoptr(GList) members = NULL;
  JsonNode *node = json_object_get_member (root, "kinds");
  JsonObject *kinds;

  if (node == NULL)
    return fail (reader, CASE_REVIEW_ERROR_INVALID, "$.kinds", _("required field missing"));
  if ((kinds = json_path_expect_object (reader->error, reader->source, node, "$.kinds")) == NULL)
    return FALSE;

  members = json_object_get_members (kinds);
  if (members == NULL)
    return fail (reader, CASE_REVIEW_ERROR_INVALID, "$.kinds", _("the rubric has no table for any kind"));

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *path = json_path_member ("$.kinds", l->data);
      CaseReviewEnforcementKind kind;
      gboolean known = FALSE;

      for (kind = 0; kind < CASE_REVIEW_N_ENFORCEMENT_KINDS; kind++)
        if (g_str_equal (l->data, case_review_enforcement_kind_get_name (kind)))
          {
            known = TRUE;
            break;
          }
      if (!known)
        return fail (reader, CASE_REVIEW_ERROR_INVALID, path,
                     _("unknown enforcement kind (expected penalty, coercion, inspection, licensing or other)"));
      if (!read_kind (reader, rubric, json_object_get_member (kinds, l->data), path, kind, common_codes))
        return FALSE;
    }
  return TRUE;
}

static CaseReviewRubric *
read_rubric (Reader     *reader,
             JsonObject *root)
{
  g_autoptr(CaseReviewRubric) rubric = NULL;
  g_autoptr(GHashTable) common_codes = new_code_table (NULL);
  const char *format = NULL, *id = NULL, *title = NULL, *english_title = NULL;
  guint policy = CASE_REVIEW_NOT_APPLICABLE_POLICY_DROP;
  guint scheme = CASE_REVIEW_GRADE_SCHEME_FOUR_BAND;
  guint excellent = DEFAULT_EXCELLENT, good = DEFAULT_GOOD, pass = DEFAULT_PASS;
  JsonNode *version;

  /* What the text is comes first: a later version may have other fields. */
  if (!read_string (reader, root, "$", "format", STRING_REQUIRED, &format))
    return NULL;
  if (!g_str_equal (format, CASE_REVIEW_RUBRIC_FORMAT))
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, "$.format", _("\"%s\" is not a rubric (expected \"%s\")"), format,
            CASE_REVIEW_RUBRIC_FORMAT);
      return NULL;
    }
  if ((version = json_object_get_member (root, "version")) == NULL)
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, "$.version", _("required field missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, "$.version", _("expected a whole number"));
      return NULL;
    }
  if (json_node_get_int (version) != CASE_REVIEW_RUBRIC_VERSION)
    {
      fail (reader, CASE_REVIEW_ERROR_UNSUPPORTED, "$.version",
            _("version %" G_GINT64_FORMAT " of the rubric format is not supported (this library reads version %d)"),
            json_node_get_int (version), CASE_REVIEW_RUBRIC_VERSION);
      return NULL;
    }

  if (!json_path_check_members (reader->error, reader->source, root, "$", rubric_members) ||
      !read_string (reader, root, "$", "id", STRING_REQUIRED | STRING_CODE, &id) ||
      !read_string (reader, root, "$", "title", STRING_REQUIRED | STRING_TEXT, &title) ||
      !read_string (reader, root, "$", "title_en", STRING_REQUIRED | STRING_TEXT, &english_title) ||
      !read_choice (reader, root, "$", "not_applicable", policy_names, G_N_ELEMENTS (policy_names), &policy) ||
      !read_choice (reader, root, "$", "grade_scheme", scheme_names, G_N_ELEMENTS (scheme_names), &scheme) ||
      !read_bands (reader, root, scheme, &excellent, &good, &pass))
    return NULL;

  rubric = case_review_rubric_new_internal (id, title, english_title, policy, scheme, excellent, good, pass);
  if (!read_vetoes (reader, rubric, root, "$", TRUE, CASE_REVIEW_ENFORCEMENT_KIND_OTHER, common_codes) ||
      !read_kinds (reader, rubric, root, common_codes))
    return NULL;

  return g_steal_pointer (&rubric);
}

CaseReviewRubric *
case_review_rubric_read_json (const char  *json,
                              gssize       length,
                              const char  *source,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  Reader reader = { source, error };
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, length, &parse_error))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE, "%s: %s", source, parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (&reader, CASE_REVIEW_ERROR_INVALID, "$", _("expected a JSON object"));
      return NULL;
    }
  return read_rubric (&reader, json_node_get_object (root));
}

/* --- Writing -------------------------------------------------------------- */

/* The canonical text: two-space indentation, "key": value, one member or
 * element per line, empty containers as [] and {}; the layout of Python's
 * json.dumps (indent=2, ensure_ascii=False). */
typedef struct
{
  GString *out;
  guint depth;
  gboolean empty[16];     /* per open container: nothing written in it yet */
} Writer;

static void
write_string (Writer     *writer,
              const char *text)
{
  g_string_append_c (writer->out, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      switch (*c)
        {
        case '"': g_string_append (writer->out, "\\\""); break;
        case '\\': g_string_append (writer->out, "\\\\"); break;
        case '\n': g_string_append (writer->out, "\\n"); break;
        case '\r': g_string_append (writer->out, "\\r"); break;
        case '\t': g_string_append (writer->out, "\\t"); break;
        case '\b': g_string_append (writer->out, "\\b"); break;
        case '\f': g_string_append (writer->out, "\\f"); break;
        default:
          if ((guchar) *c < 0x20)
            g_string_append_printf (writer->out, "\\u%04x", (guint) (guchar) *c);
          else
            g_string_append_c (writer->out, *c);
        }
    }
  g_string_append_c (writer->out, '"');
}

static void
new_line (Writer *writer)
{
  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->depth; i++)
    g_string_append (writer->out, "  ");
}

static void
open_container (Writer *writer,
                char    bracket)
{
  g_string_append_c (writer->out, bracket);
  writer->depth++;
  g_assert (writer->depth < G_N_ELEMENTS (writer->empty));
  writer->empty[writer->depth] = TRUE;
}

static void
close_container (Writer *writer,
                 char    bracket)
{
  gboolean empty = writer->empty[writer->depth];

  writer->depth--;
  if (!empty)
    new_line (writer);
  g_string_append_c (writer->out, bracket);
}

/* Starts the next element of an array. */
static void
next_element (Writer *writer)
{
  if (!writer->empty[writer->depth])
    g_string_append_c (writer->out, ',');
  writer->empty[writer->depth] = FALSE;
  new_line (writer);
}

/* Starts the next member of an object. */
static void
write_key (Writer     *writer,
           const char *key)
{
  next_element (writer);
  write_string (writer, key);
  g_string_append (writer->out, ": ");
}

static void
write_string_member (Writer     *writer,
                     const char *key,
                     const char *value)
{
  write_key (writer, key);
  write_string (writer, value);
}

static void
write_fixed_member (Writer     *writer,
                    const char *key,
                    guint       value,
                    guint       decimals)
{
  g_autofree char *text = format_fixed (value, decimals);

  write_key (writer, key);
  g_string_append (writer->out, text);
}

static void
write_vetoes (Writer     *writer,
              GListModel *vetoes)
{
  write_key (writer, "vetoes");
  open_container (writer, '[');
  for (guint i = 0; i < g_list_model_get_n_items (vetoes); i++)
    {
      g_autoptr(CaseReviewRubricVeto) veto = g_list_model_get_item (vetoes, i);

      next_element (writer);
      open_container (writer, '{');
      write_string_member (writer, "code", case_review_rubric_veto_get_code (veto));
      write_string_member (writer, "text", case_review_rubric_veto_get_text (veto));
      write_string_member (writer, "text_en", case_review_rubric_veto_get_english_text (veto));
      write_string_member (writer, "basis", case_review_rubric_veto_get_basis (veto));
      close_container (writer, '}');
    }
  close_container (writer, ']');
}

static void
write_item (Writer               *writer,
            CaseReviewRubricItem *item)
{
  GListModel *deductions = case_review_rubric_item_get_deductions (item);

  next_element (writer);
  open_container (writer, '{');
  write_string_member (writer, "code", case_review_rubric_item_get_code (item));
  write_string_member (writer, "title", case_review_rubric_item_get_title (item));
  write_string_member (writer, "title_en", case_review_rubric_item_get_english_title (item));
  write_fixed_member (writer, "max", case_review_rubric_item_get_max_tenths (item), 1);
  write_key (writer, "deductions");
  open_container (writer, '[');
  for (guint i = 0; i < g_list_model_get_n_items (deductions); i++)
    {
      g_autoptr(CaseReviewRubricDeduction) deduction = g_list_model_get_item (deductions, i);

      next_element (writer);
      open_container (writer, '{');
      write_string_member (writer, "code", case_review_rubric_deduction_get_code (deduction));
      write_string_member (writer, "text", case_review_rubric_deduction_get_text (deduction));
      write_string_member (writer, "text_en", case_review_rubric_deduction_get_english_text (deduction));
      write_fixed_member (writer, "points", case_review_rubric_deduction_get_points_tenths (deduction), 1);
      write_key (writer, "max_occurrences");
      g_string_append_printf (writer->out, "%u", case_review_rubric_deduction_get_max_occurrences (deduction));
      close_container (writer, '}');
    }
  close_container (writer, ']');
  close_container (writer, '}');
}

char *
case_review_rubric_write_json (CaseReviewRubric *self)
{
  Writer writer = { g_string_new (NULL), 0, { FALSE } };
  CaseReviewGradeScheme scheme = case_review_rubric_get_grade_scheme (self);

  open_container (&writer, '{');
  write_string_member (&writer, "format", CASE_REVIEW_RUBRIC_FORMAT);
  write_key (&writer, "version");
  g_string_append_printf (writer.out, "%d", CASE_REVIEW_RUBRIC_VERSION);
  write_string_member (&writer, "id", case_review_rubric_get_id (self));
  write_string_member (&writer, "title", case_review_rubric_get_title (self));
  write_string_member (&writer, "title_en", case_review_rubric_get_english_title (self));
  write_string_member (&writer, "not_applicable", policy_names[case_review_rubric_get_not_applicable_policy (self)]);
  write_string_member (&writer, "grade_scheme", scheme_names[scheme]);

  write_key (&writer, "bands");
  open_container (&writer, '{');
  write_fixed_member (&writer, "excellent", case_review_rubric_get_band_minimum (self, CASE_REVIEW_GRADE_EXCELLENT), 2);
  if (scheme == CASE_REVIEW_GRADE_SCHEME_FOUR_BAND)
    write_fixed_member (&writer, "good", case_review_rubric_get_band_minimum (self, CASE_REVIEW_GRADE_GOOD), 2);
  write_fixed_member (&writer, "pass", case_review_rubric_get_band_minimum (self, CASE_REVIEW_GRADE_PASS), 2);
  close_container (&writer, '}');

  write_vetoes (&writer, case_review_rubric_get_common_vetoes (self));

  write_key (&writer, "kinds");
  open_container (&writer, '{');
  for (CaseReviewEnforcementKind kind = 0; kind < CASE_REVIEW_N_ENFORCEMENT_KINDS; kind++)
    {
      GListModel *items;

      if (!case_review_rubric_covers_kind (self, kind))
        continue;
      write_key (&writer, case_review_enforcement_kind_get_name (kind));
      open_container (&writer, '{');
      write_vetoes (&writer, case_review_rubric_get_kind_vetoes (self, kind));
      write_key (&writer, "items");
      open_container (&writer, '[');
      items = case_review_rubric_get_items (self, kind);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CaseReviewRubricItem) item = g_list_model_get_item (items, i);
          write_item (&writer, item);
        }
      close_container (&writer, ']');
      close_container (&writer, '}');
    }
  close_container (&writer, '}');
  close_container (&writer, '}');

  return g_string_free (writer.out, FALSE);
}
