/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Reads a population from the JSON format of docs/formats.md. Problems are
 * located by JSON path: "population.json: $.cases[17].closed_on: ...".
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-population-io.h"
#include "casereview-problem-list.h"
#include "casereview-value-parsers.h"

#define FORMAT_NAME "libcasereview-population"
#define FORMAT_VERSION 1

typedef struct
{
  const char *display_name;
  ProblemList *problems;
} JsonContext;

#define JSON_PROBLEM(context, code, path, ...)                                          \
  G_STMT_START {                                                                        \
    g_autofree char *detail_ = g_strdup_printf (__VA_ARGS__);                           \
    problem_list_add ((context)->problems, code, "%s: %s: %s",                          \
                      (context)->display_name, path, detail_);                          \
  } G_STMT_END

/* A string member: required ones must be non-null strings; optional ones may
 * be absent or null. Returns FALSE after reporting a problem. */
static gboolean
get_string_member (JsonContext  *context,
                   JsonObject   *object,
                   const char   *object_path,
                   const char   *member,
                   gboolean      required,
                   const char  **out_value)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strdup_printf ("%s.%s", object_path, member);

  *out_value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, path, _("the member is required"));
      return !required;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, path, _("expected a string"));
      return FALSE;
    }

  *out_value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_agency (JsonContext *context,
             CaseStore   *store,
             JsonNode    *node,
             guint        index)
{
  g_autofree char *path = g_strdup_printf ("$.agencies[%u]", index);
  g_autofree char *id_path = g_strdup_printf ("%s.id", path);
  JsonObject *object;
  const char *id, *name, *short_name, *category_text;
  CaseReviewAgencyCategory category = CASE_REVIEW_AGENCY_CATEGORY_OTHER;
  const char *reason;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, path, _("expected an object"));
      return FALSE;
    }
  object = json_node_get_object (node);

  ok = get_string_member (context, object, path, "id", TRUE, &id);
  ok = get_string_member (context, object, path, "name", TRUE, &name) && ok;
  ok = get_string_member (context, object, path, "short_name", FALSE, &short_name) && ok;
  ok = get_string_member (context, object, path, "category", FALSE, &category_text) && ok;
  if (!ok)
    return FALSE;

  if ((reason = population_check_identifier (id)) != NULL)
    {
      JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, id_path, "%s", reason);
      return FALSE;
    }
  if (case_store_find_agency (store, id) >= 0)
    {
      JSON_PROBLEM (context, CASE_REVIEW_ERROR_DUPLICATE, id_path, _("duplicate agency id \"%s\""), id);
      return FALSE;
    }
  if (case_store_find_agency_by_name (store, name) >= 0)
    {
      g_autofree char *name_path = g_strdup_printf ("%s.name", path);
      JSON_PROBLEM (context, CASE_REVIEW_ERROR_DUPLICATE, name_path,
                    _("two agencies are named \"%s\"; names must be unique"), name);
      return FALSE;
    }
  if (category_text != NULL && !case_review_agency_category_parse (category_text, &category))
    {
      g_autofree char *category_path = g_strdup_printf ("%s.category", path);
      JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, category_path,
                    _("unknown agency category \"%s\""), category_text);
      return FALSE;
    }

  {
    g_autoptr(CaseReviewAgency) agency = case_review_agency_new (id, name, short_name, category);
    case_store_add_agency (store, agency);
  }
  return TRUE;
}

static gboolean
read_case (JsonContext *context,
           CaseStore   *store,
           JsonNode    *node,
           guint        index)
{
  g_autofree char *path = g_strdup_printf ("$.cases[%u]", index);
  JsonObject *object;
  const char *id, *agency_text, *kind_text, *date_text, *title;
  const char *reason;
  int agency;
  CaseReviewEnforcementKind kind;
  guint32 closed_on = 0;
  gint64 amount = CASE_STORE_NO_AMOUNT;
  double weight = 0;
  gboolean has_weight = FALSE;
  g_autoptr(GStrvBuilder) flags = g_strv_builder_new ();
  g_auto(GStrv) flag_list = NULL;
  JsonNode *member;
  gboolean ok;

#define MEMBER_PATH(name) g_autofree char *name##_path = g_strdup_printf ("%s." #name, path)

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, path, _("expected an object"));
      return FALSE;
    }
  object = json_node_get_object (node);

  ok = get_string_member (context, object, path, "id", TRUE, &id);
  ok = get_string_member (context, object, path, "agency", TRUE, &agency_text) && ok;
  ok = get_string_member (context, object, path, "kind", TRUE, &kind_text) && ok;
  ok = get_string_member (context, object, path, "closed_on", TRUE, &date_text) && ok;
  ok = get_string_member (context, object, path, "title", FALSE, &title) && ok;
  if (!ok)
    return FALSE;

  {
    MEMBER_PATH (id);
    if ((reason = population_check_identifier (id)) != NULL)
      { JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, id_path, "%s", reason); ok = FALSE; }
    else if (case_store_find_case (store, id) >= 0)
      { JSON_PROBLEM (context, CASE_REVIEW_ERROR_DUPLICATE, id_path, _("duplicate case id \"%s\""), id); ok = FALSE; }
  }
  {
    MEMBER_PATH (agency);
    if ((agency = population_resolve_agency (store, agency_text)) < 0)
      { JSON_PROBLEM (context, CASE_REVIEW_ERROR_NOT_FOUND, agency_path,
                    _("unknown agency \"%s\""), agency_text); ok = FALSE; }
  }
  {
    MEMBER_PATH (kind);
    if (!case_review_enforcement_kind_parse (kind_text, &kind))
      { JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, kind_path,
                    _("unknown enforcement kind \"%s\""), kind_text); ok = FALSE; }
  }
  {
    MEMBER_PATH (closed_on);
    if ((reason = case_review_parse_date (date_text, &closed_on)) != NULL)
      { JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, closed_on_path,
                    _("invalid closing date \"%s\": %s"), date_text, reason); ok = FALSE; }
  }

  member = json_object_get_member (object, "amount_fen");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      MEMBER_PATH (amount_fen);
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64)
        { JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, amount_fen_path,
                      _("expected a whole number of fen")); ok = FALSE; }
      else if ((amount = json_node_get_int (member)) < 0)
        { JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, amount_fen_path,
                      _("the amount is negative")); ok = FALSE; }
      else if (amount > G_GINT64_CONSTANT (9000000000000000))
        { JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, amount_fen_path,
                      _("the amount is too large")); ok = FALSE; }
    }

  member = json_object_get_member (object, "weight");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      MEMBER_PATH (weight);
      GType type = JSON_NODE_HOLDS_VALUE (member) ? json_node_get_value_type (member) : G_TYPE_INVALID;

      if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
        { JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, weight_path, _("expected a number")); ok = FALSE; }
      else if (!isfinite (weight = json_node_get_double (member)) || weight < 0)
        { JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, weight_path,
                      _("the weight must be a non-negative number")); ok = FALSE; }
      else
        has_weight = TRUE;
    }

  member = json_object_get_member (object, "flags");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      MEMBER_PATH (flags);
      if (!JSON_NODE_HOLDS_ARRAY (member))
        { JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, flags_path, _("expected an array of strings")); ok = FALSE; }
      else
        {
          JsonArray *array = json_node_get_array (member);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *flag = json_array_get_element (array, i);

              if (!JSON_NODE_HOLDS_VALUE (flag) || json_node_get_value_type (flag) != G_TYPE_STRING)
                {
                  g_autofree char *flag_path = g_strdup_printf ("%s[%u]", flags_path, i);
                  JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, flag_path, _("expected a string"));
                  ok = FALSE;
                  break;
                }
              g_strv_builder_add (flags, json_node_get_string (flag));
            }
        }
    }

#undef MEMBER_PATH

  if (!ok)
    return FALSE;

  flag_list = g_strv_builder_end (flags);
  case_store_add_case (store, id, (guint) agency, kind, closed_on, amount, has_weight, weight,
                       (const char * const *) flag_list, title);
  return TRUE;
}

static JsonArray *
get_array_member (JsonContext *context,
                  JsonObject  *root,
                  const char  *member)
{
  JsonNode *node = json_object_get_member (root, member);
  g_autofree char *path = g_strdup_printf ("$.%s", member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      JSON_PROBLEM (context, CASE_REVIEW_ERROR_INVALID, path, _("expected an array"));
      return NULL;
    }
  return json_node_get_array (node);
}

CaseStore *
population_read_json (GFile                        *file,
                      const PopulationReadOptions  *options,
                      GPtrArray                    *problems_out,
                      GCancellable                 *cancellable,
                      GError                      **error)
{
  g_autoptr(CaseStore) store = case_store_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *display_name = g_file_get_basename (file);
  g_autoptr(GError) parse_error = NULL;
  ProblemList problems;
  JsonContext context = { display_name, &problems };
  JsonNode *root;
  JsonObject *object;
  JsonArray *agencies, *cases;
  const char *format = NULL;
  JsonNode *version;

  problem_list_init (&problems, problems_out, options->max_errors);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  if (!json_parser_load_from_stream (parser, G_INPUT_STREAM (stream), cancellable, &parse_error))
    {
      if (parse_error->domain != JSON_PARSER_ERROR)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&parse_error), "%s: ", display_name);
          return NULL;
        }
      /* json-glib's message already carries "line:column: ". */
      problem_list_add (&problems, CASE_REVIEW_ERROR_PARSE, "%s:%s", display_name, parse_error->message);
      problem_list_to_error (&problems, error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      JSON_PROBLEM (&context, CASE_REVIEW_ERROR_INVALID, "$", _("expected a JSON object"));
      problem_list_to_error (&problems, error);
      return NULL;
    }
  object = json_node_get_object (root);

  if (!get_string_member (&context, object, "$", "format", TRUE, &format) ||
      !g_str_equal (format, FORMAT_NAME))
    {
      if (format != NULL)
        JSON_PROBLEM (&context, CASE_REVIEW_ERROR_INVALID, "$.format",
                      _("\"%s\" is not a population (expected \"%s\")"), format, FORMAT_NAME);
      problem_list_to_error (&problems, error);
      return NULL;
    }
  version = json_object_get_member (object, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != FORMAT_VERSION)
    {
      JSON_PROBLEM (&context, CASE_REVIEW_ERROR_UNSUPPORTED, "$.version",
                    _("only version %d of the population format is supported"), FORMAT_VERSION);
      problem_list_to_error (&problems, error);
      return NULL;
    }

  agencies = get_array_member (&context, object, "agencies");
  cases = get_array_member (&context, object, "cases");
  if (agencies == NULL || cases == NULL)
    {
      problem_list_to_error (&problems, error);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (agencies) && !problem_list_is_full (&problems); i++)
    read_agency (&context, store, json_array_get_element (agencies, i), i);
  if (problem_list_is_empty (&problems))
    {
      guint n = json_array_get_length (cases);

      for (guint i = 0; i < n && !problem_list_is_full (&problems); i++)
        {
          if (i % 8192 == 0)
            {
              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                {
                  g_ptr_array_set_size (problems_out, 0);
                  return NULL;
                }
              if (options->progress != NULL)
                options->progress ((double) i / n, options->progress_data);
            }
          read_case (&context, store, json_array_get_element (cases, i), i);
        }
    }

  if (!problem_list_is_empty (&problems))
    {
      problem_list_to_error (&problems, error);
      return NULL;
    }
  if (options->progress != NULL)
    options->progress (1.0, options->progress_data);

  return g_steal_pointer (&store);
}
