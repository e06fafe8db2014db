/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Score sheets read from JSON: one object per sheet with its deductions,
 * vetoes and not-applicable items. The rules are the CSV loader's (the
 * "Score sheets (JSON)" section of docs/formats.md), every problem located
 * by JSON path: "sheets.json: $.sheets[3].deductions[1].occurrences: …".
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-error.h"
#include "casereview-json-path.h"
#include "casereview-evaluation-private.h"
#include "casereview-value-parsers.h"

#define FORMAT_NAME "libcasereview-score-sheets"
#define FORMAT_VERSION 1
#define MAX_OCCURRENCES 1000

typedef struct
{
  const char           *source;        /* the file's name, for messages */
  CaseReviewEvaluation *evaluation;
  GError              **error;
} Reader;

/* Every error names the source and the JSON path. */
#define fail(reader, code, path, ...) json_path_fail ((reader)->error, (code), (reader)->source, (path), __VA_ARGS__)

/* --- JSON paths ---------------------------------------------------------- */

/* --- Members --------------------------------------------------------------- */

static GType
value_type (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
}

static gboolean
is_absent (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* A string member; an optional one may be absent or null (*@out is then
 * NULL). With @not_empty, the empty string is refused. */
static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *path,
             const char  *member,
             gboolean     required,
             gboolean     not_empty,
             const char **out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = json_path_member (path, member);

  *out = NULL;
  if (is_absent (node))
    return !required || fail (reader, CASE_REVIEW_ERROR_INVALID, where, "%s", _("required field missing"));
  if (value_type (node) != G_TYPE_STRING)
    return fail (reader, CASE_REVIEW_ERROR_INVALID, where, "%s", _("expected a string"));
  *out = json_node_get_string (node);
  if (not_empty && (*out)[0] == '\0')
    return fail (reader, CASE_REVIEW_ERROR_INVALID, where, "%s", _("must not be empty"));
  return TRUE;
}

/* An optional array member: absent or null is an empty array (*@out NULL). */
static gboolean
read_array (Reader      *reader,
            JsonObject  *object,
            const char  *path,
            const char  *member,
            JsonArray  **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (is_absent (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *where = json_path_member (path, member);
      return fail (reader, CASE_REVIEW_ERROR_INVALID, where, "%s", _("expected an array"));
    }
  *out = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
element_object (Reader     *reader,
                JsonArray  *array,
                guint       index,
                const char *path)
{
  return json_path_expect_object (reader->error, reader->source, json_array_get_element (array, index), path);
}

/* --- Sheets ------------------------------------------------------------------ */

/* Only YYYY-MM-DD, a day that exists. */
static gboolean
read_date (Reader      *reader,
           JsonObject  *object,
           const char  *path,
           guint32     *julian)
{
  g_autofree char *where = json_path_member (path, "date");
  const char *text, *reason = NULL;

  *julian = 0;
  if (!read_string (reader, object, path, "date", FALSE, FALSE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (strlen (text) != 10 || !g_ascii_isdigit (text[0]) || text[4] != '-' || text[7] != '-')
    reason = _("not a date in the form YYYY-MM-DD");
  else
    reason = case_review_parse_date (text, julian);
  if (reason != NULL)
    return fail (reader, CASE_REVIEW_ERROR_INVALID, where, _("date \"%s\": %s"), text, reason);
  return TRUE;
}

static gboolean
read_not_applicable (Reader               *reader,
                     JsonObject           *object,
                     const char           *path,
                     CaseReviewScoreSheet *sheet)
{
  g_autofree char *array_path = json_path_member (path, "not_applicable");
  JsonArray *array;

  if (!read_array (reader, object, path, "not_applicable", &array))
    return FALSE;
  for (guint k = 0; array != NULL && k < json_array_get_length (array); k++)
    {
      g_autofree char *where = json_path_index (array_path, k);
      JsonNode *node = json_array_get_element (array, k);
      g_autoptr(GError) local_error = NULL;
      const char *item;

      if (value_type (node) != G_TYPE_STRING)
        return fail (reader, CASE_REVIEW_ERROR_INVALID, where, "%s", _("expected an item code (a string)"));
      item = json_node_get_string (node);
      if (item[0] == '\0')
        return fail (reader, CASE_REVIEW_ERROR_INVALID, where, "%s", _("must not be empty"));
      if (!case_review_score_sheet_set_not_applicable (sheet, item, &local_error))
        return fail (reader, local_error->code, where, "%s", local_error->message);
    }
  return TRUE;
}

static gboolean
read_deductions (Reader               *reader,
                 JsonObject           *object,
                 const char           *path,
                 CaseReviewScoreSheet *sheet)
{
  static const char * const members[] = { "item", "option", "occurrences", "note", "evidence_page", NULL };
  CaseReviewRubric *rubric = case_review_score_sheet_get_rubric (sheet);
  CaseReviewEnforcementKind kind = case_review_score_sheet_get_kind (sheet);
  g_autofree char *array_path = json_path_member (path, "deductions");
  JsonArray *array;

  if (!read_array (reader, object, path, "deductions", &array))
    return FALSE;
  for (guint k = 0; array != NULL && k < json_array_get_length (array); k++)
    {
      g_autofree char *entry_path = json_path_index (array_path, k);
      g_autofree char *option_path = json_path_member (entry_path, "option");
      g_autofree char *occurrences_path = json_path_member (entry_path, "occurrences");
      g_autoptr(GError) local_error = NULL;
      const char *item, *option, *note, *page;
      CaseReviewRubricDeduction *deduction;
      JsonNode *occurrences_node;
      JsonObject *entry;
      guint occurrences = 1;

      if ((entry = element_object (reader, array, k, entry_path)) == NULL ||
          !json_path_check_members (reader->error, reader->source, entry, entry_path, members) ||
          !read_string (reader, entry, entry_path, "option", TRUE, TRUE, &option) ||
          !read_string (reader, entry, entry_path, "item", FALSE, TRUE, &item) ||
          !read_string (reader, entry, entry_path, "note", FALSE, FALSE, &note) ||
          !read_string (reader, entry, entry_path, "evidence_page", FALSE, FALSE, &page))
        return FALSE;

      occurrences_node = json_object_get_member (entry, "occurrences");
      if (!is_absent (occurrences_node))
        {
          gint64 value = value_type (occurrences_node) == G_TYPE_INT64 ? json_node_get_int (occurrences_node) : 0;

          if (value < 1 || value > MAX_OCCURRENCES)
            return fail (reader, CASE_REVIEW_ERROR_INVALID, occurrences_path,
                         _("must be a whole number from 1 to %d"), MAX_OCCURRENCES);
          occurrences = (guint) value;
        }

      deduction = case_review_rubric_lookup_deduction (rubric, kind, option);
      if (deduction != NULL && item != NULL && !g_str_equal (item, case_review_rubric_deduction_get_item_code (deduction)))
        {
          g_autofree char *item_path = json_path_member (entry_path, "item");
          return fail (reader, CASE_REVIEW_ERROR_INVALID, item_path,
                       _("deduction \"%s\" belongs to item \"%s\", not \"%s\""), option,
                       case_review_rubric_deduction_get_item_code (deduction), item);
        }
      if (!case_review_score_sheet_add_deduction (sheet, option, occurrences, note, page, &local_error))
        {
          /* Too many occurrences is the occurrences' fault when they are
           * given; an unknown option or one in a not-applicable item is the
           * option's. */
          gboolean blame_occurrences = deduction != NULL && !is_absent (occurrences_node) &&
                                       !case_review_score_sheet_is_not_applicable (
                                         sheet, case_review_rubric_deduction_get_item_code (deduction));

          return fail (reader, local_error->code, blame_occurrences ? occurrences_path : option_path, "%s",
                       local_error->message);
        }
    }
  return TRUE;
}

static gboolean
read_vetoes (Reader               *reader,
             JsonObject           *object,
             const char           *path,
             CaseReviewScoreSheet *sheet)
{
  static const char * const members[] = { "code", "note", NULL };
  g_autofree char *array_path = json_path_member (path, "vetoes");
  JsonArray *array;

  if (!read_array (reader, object, path, "vetoes", &array))
    return FALSE;
  for (guint k = 0; array != NULL && k < json_array_get_length (array); k++)
    {
      g_autofree char *entry_path = json_path_index (array_path, k);
      g_autofree char *code_path = json_path_member (entry_path, "code");
      g_autoptr(GError) local_error = NULL;
      const char *code, *note;
      JsonObject *entry;

      if ((entry = element_object (reader, array, k, entry_path)) == NULL ||
          !json_path_check_members (reader->error, reader->source, entry, entry_path, members) ||
          !read_string (reader, entry, entry_path, "code", TRUE, TRUE, &code) ||
          !read_string (reader, entry, entry_path, "note", FALSE, FALSE, &note))
        return FALSE;
      if (!case_review_score_sheet_add_veto (sheet, code, note, &local_error))
        return fail (reader, local_error->code, code_path, "%s", local_error->message);
    }
  return TRUE;
}

/* Reads $.sheets[@index] into a new sheet, checked against the evaluation
 * and against the sheets of the file before it (@seen: key → index). */
static CaseReviewScoreSheet *
read_sheet (Reader     *reader,
            JsonArray  *sheets,
            guint       index,
            GHashTable *seen)
{
  static const char * const members[] = {
    "case_id", "reviewer_id", "rereview", "date", "deductions", "vetoes", "not_applicable", NULL
  };
  g_autofree char *path = g_strdup_printf ("$.sheets[%u]", index);
  g_autofree char *case_path = json_path_member (path, "case_id");
  g_autoptr(CaseReviewScoreSheet) sheet = NULL;
  g_autoptr(CaseReviewCaseFile) case_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = NULL;
  const char *case_id, *reviewer;
  gboolean rereview = FALSE;
  gpointer first;
  JsonObject *object;
  JsonNode *node;
  guint32 julian;

  if ((object = element_object (reader, sheets, index, path)) == NULL ||
      !json_path_check_members (reader->error, reader->source, object, path, members) ||
      !read_string (reader, object, path, "case_id", TRUE, TRUE, &case_id) ||
      !read_string (reader, object, path, "reviewer_id", TRUE, TRUE, &reviewer))
    return NULL;
  node = json_object_get_member (object, "rereview");
  if (!is_absent (node))
    {
      if (value_type (node) != G_TYPE_BOOLEAN)
        {
          g_autofree char *where = json_path_member (path, "rereview");
          fail (reader, CASE_REVIEW_ERROR_INVALID, where, "%s", _("expected true or false"));
          return NULL;
        }
      rereview = json_node_get_boolean (node);
    }
  if (!read_date (reader, object, path, &julian))
    return NULL;

  case_file = case_review_population_lookup_case (case_review_evaluation_get_population_internal (reader->evaluation),
                                                  case_id);
  if (case_file == NULL)
    {
      fail (reader, CASE_REVIEW_ERROR_NOT_FOUND, case_path, _("case \"%s\" is not in the population"), case_id);
      return NULL;
    }

  key = g_strdup_printf ("%s\x1f%s\x1f%d", case_id, reviewer, rereview);
  if (g_hash_table_lookup_extended (seen, key, NULL, &first))
    {
      g_autofree char *where = json_path_member (path, "reviewer_id");
      fail (reader, CASE_REVIEW_ERROR_DUPLICATE, where,
            _("reviewer %s already has a %s sheet for case \"%s\" at $.sheets[%u]"), reviewer,
            rereview ? _("re-review") : _("review"), case_id, GPOINTER_TO_UINT (first));
      return NULL;
    }

  sheet = case_review_score_sheet_new (case_review_evaluation_get_rubric (reader->evaluation), case_id,
                                       case_review_case_file_get_kind (case_file), reviewer, &local_error);
  if (sheet != NULL)
    {
      case_review_score_sheet_set_rereview (sheet, rereview);
      if (!case_review_evaluation_check_sheet_internal (reader->evaluation, sheet, &local_error))
        g_clear_object (&sheet);
    }
  if (sheet == NULL)
    {
      fail (reader, local_error->code, case_path, "%s", local_error->message);
      return NULL;
    }
  if (julian != 0)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      case_review_score_sheet_set_date (sheet, &date);
    }

  /* Not-applicable items first, so that a deduction in one of them is the
   * deduction's error. */
  if (!read_not_applicable (reader, object, path, sheet) ||
      !read_deductions (reader, object, path, sheet) ||
      !read_vetoes (reader, object, path, sheet))
    return NULL;

  g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (index));
  return g_steal_pointer (&sheet);
}

/* --- The document ---------------------------------------------------------- */

/* "line:column" of the first byte that is not UTF-8, columns counted in
 * characters. */
static char *
invalid_utf8_location (const char *contents,
                       const char *bad)
{
  const char *line_start = contents;
  guint line = 1;

  for (const char *p = contents; p < bad; p++)
    if (*p == '\n')
      line++, line_start = p + 1;
  return g_strdup_printf ("%u:%ld", line, g_utf8_pointer_to_offset (line_start, bad) + 1);
}

static JsonArray *
read_document (Reader      *reader,
               JsonParser  *parser,
               const char  *contents,
               gsize        length)
{
  static const char * const members[] = { "format", "version", "sheets", NULL };
  g_autoptr(GError) parse_error = NULL;
  const char *bad, *format;
  JsonObject *root;
  JsonNode *node;

  if (!g_utf8_validate_len (contents, length, &bad))
    {
      g_autofree char *where = invalid_utf8_location (contents, bad);

      g_set_error (reader->error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_ENCODING,
                   _("%s:%s: the file is not valid UTF-8 (byte 0x%02X)"), reader->source, where, (guchar) *bad);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, contents, (gssize) length, &parse_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: …". */
      const char *message = parse_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (reader->error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE, "%s:%s", reader->source, message);
      return NULL;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, "$", "%s", _("expected a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);

  /* The format and version first: a later version is unsupported, not a
   * file with unknown fields. */
  if (!read_string (reader, root, "$", "format", TRUE, FALSE, &format))
    return NULL;
  if (!g_str_equal (format, FORMAT_NAME))
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, "$.format", _("\"%s\" is not a score-sheet file (expected \"%s\")"),
            format, FORMAT_NAME);
      return NULL;
    }
  node = json_object_get_member (root, "version");
  if (value_type (node) != G_TYPE_INT64)
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, "$.version", "%s", _("expected a whole number"));
      return NULL;
    }
  if (json_node_get_int (node) != FORMAT_VERSION)
    {
      fail (reader, CASE_REVIEW_ERROR_UNSUPPORTED, "$.version",
            _("version %" G_GINT64_FORMAT " of the score-sheet format is not supported (this library reads version %d)"),
            json_node_get_int (node), FORMAT_VERSION);
      return NULL;
    }
  if (!json_path_check_members (reader->error, reader->source, root, "$", members))
    return NULL;

  node = json_object_get_member (root, "sheets");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, "$.sheets", "%s",
            node == NULL ? _("required field missing") : _("expected an array"));
      return NULL;
    }
  if (json_array_get_length (json_node_get_array (node)) == 0)
    {
      fail (reader, CASE_REVIEW_ERROR_INVALID, "$.sheets", "%s", _("the file has no sheets"));
      return NULL;
    }
  return json_node_get_array (node);
}

/**
 * case_review_evaluation_load_sheets_json:
 * @self: an evaluation
 * @file: a score-sheet JSON file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Adds the score sheets of a JSON file: an object with `"format":
 * "libcasereview-score-sheets"`, `"version": 1` and a `sheets` array, each
 * sheet an object with its case id, reviewer id, optional re-review flag and
 * date, and its `deductions`, `vetoes` and `not_applicable` items. Each
 * sheet is scored under the kind the evaluation's population gives the
 * case. The format is described in `docs/formats.md` ("Score sheets
 * (JSON)"); its rules are those of
 * [method@CaseReview.Evaluation.load_sheets_csv]. All or nothing.
 *
 * Returns: %TRUE on success; %FALSE, nothing added, with a
 *   [error@CaseReview.Error] naming the file and the JSON path of the
 *   problem (`sheets.json: $.sheets[3].deductions[1].occurrences: …`):
 *   %CASE_REVIEW_ERROR_PARSE for text that is not JSON,
 *   %CASE_REVIEW_ERROR_ENCODING for text that is not UTF-8,
 *   %CASE_REVIEW_ERROR_NOT_FOUND for an unknown case or code or a case
 *   outside the sample's files to review, %CASE_REVIEW_ERROR_UNSUPPORTED for
 *   a case whose kind has no table in the rubric or another format version,
 *   %CASE_REVIEW_ERROR_DUPLICATE for a second sheet of a reviewer for a
 *   file, %CASE_REVIEW_ERROR_INVALID for other problems; or the `G_IO_ERROR`
 *   of reading @file
 *
 * Since: 0.1
 */
gboolean
case_review_evaluation_load_sheets_json (CaseReviewEvaluation  *self,
                                         GFile                 *file,
                                         GCancellable          *cancellable,
                                         GError               **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *source = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  Reader reader;
  JsonArray *sheets;

  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;

  source = g_file_get_basename (file);
  reader = (Reader) { source, self, error };
  parser = json_parser_new_immutable ();
  sheets = read_document (&reader, parser, contents, length);
  if (sheets == NULL)
    return FALSE;

  pending = g_ptr_array_new_with_free_func (g_object_unref);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      CaseReviewScoreSheet *sheet = read_sheet (&reader, sheets, i, seen);

      if (sheet == NULL)
        return FALSE;
      g_ptr_array_add (pending, sheet);
    }

  /* Every sheet was checked against the evaluation and the file's sheets
   * have distinct keys, so adding cannot fail. */
  for (guint i = 0; i < pending->len; i++)
    {
      g_autoptr(GError) add_error = NULL;

      if (!case_review_evaluation_add_sheet (self, g_ptr_array_index (pending, i), &add_error))
        g_critical ("$.sheets[%u]: %s", i, add_error->message);
    }
  return TRUE;
}
