/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Composite evaluations as JSON: the definition (read with JSON-path errors
 * and written back), and the results.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "casereview-composite-private.h"
#include "casereview-enum-types.h"
#include "casereview-error.h"
#include "casereview-json-members.h"

#define CONTEXT "evaluation definition"
#define DEFINITION_FORMAT "libcasereview-composite-evaluation"
#define RESULTS_FORMAT "libcasereview-composite-results"
#define FORMAT_VERSION 1

static const char * const definition_members[] = {
  "format", "version", "id", "title", "title_en", "components", "bottom_n", "floor", "missing_scores", NULL
};
static const char * const component_members[] = {
  "id", "label", "label_en", "weight", "rule", "trim_from", NULL
};

/* Every member of @object is one of @known. */
static gboolean
check_members (JsonObject          *object,
               const char * const  *known,
               const char          *path,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *member_path = g_strdup_printf ("%s.%s", path, (const char *) l->data);
        g_autofree char *allowed = g_strjoinv (", ", (char **) known);
        g_autofree char *detail = g_strdup_printf (_("unknown member (expected one of %s)"), allowed);

        return json_members_error (error, CONTEXT, member_path, detail);
      }
  return TRUE;
}

/* An exact decimal member: a string as it is, a JSON number as the
 * shortest decimal that reads back as it. NULL when absent. */
static gboolean
decimal_member (JsonObject  *object,
                const char  *member,
                const char  *path,
                char       **out_text,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  *out_text = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (type == G_TYPE_STRING)
    *out_text = g_strdup (json_node_get_string (node));
  else if (type == G_TYPE_INT64)
    *out_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    *out_text = composite_shortest_decimal (json_node_get_double (node));
  else
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);
      return json_members_error (error, CONTEXT, member_path, _("expected a decimal such as \"0.6\""));
    }
  return TRUE;
}

static gboolean
enum_member (JsonObject  *object,
             const char  *member,
             const char  *path,
             GType        type,
             int         *out_value,
             GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);
  const char *nick;
  GEnumValue *value;

  if (!json_members_string (object, member, CONTEXT, path, TRUE, &nick, error))
    return FALSE;
  value = g_enum_get_value_by_nick (klass, nick);
  if (value == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);
      g_autofree char *detail = NULL;

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
      detail = g_strdup_printf (_("unknown value \"%s\" (expected one of %s)"), nick, known->str);
      return json_members_error (error, CONTEXT, member_path, detail);
    }
  *out_value = value->value;
  return TRUE;
}

static CaseReviewCompositeComponent *
component_from_json (JsonNode    *node,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(CaseReviewCompositeComponent) component = NULL;
  g_autofree char *weight = NULL;
  const char *id, *label, *label_en;
  const char *reason;
  JsonObject *object;
  guint millionths = 0;
  int rule;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      json_members_error (error, CONTEXT, path, _("expected an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_members (object, component_members, path, error) ||
      !json_members_string (object, "id", CONTEXT, path, TRUE, &id, error) ||
      !json_members_string (object, "label", CONTEXT, path, FALSE, &label, error) ||
      !json_members_string (object, "label_en", CONTEXT, path, FALSE, &label_en, error) ||
      !enum_member (object, "rule", path, CASE_REVIEW_TYPE_COMPOSITE_RULE, &rule, error) ||
      !decimal_member (object, "weight", path, &weight, error))
    return NULL;

  if (id[0] == '\0')
    {
      g_autofree char *member_path = g_strdup_printf ("%s.id", path);
      json_members_error (error, CONTEXT, member_path, _("the id is empty"));
      return NULL;
    }
  if (weight == NULL)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.weight", path);
      json_members_error (error, CONTEXT, member_path, _("the member is required"));
      return NULL;
    }
  reason = composite_parse_weight (weight, &millionths);
  if (reason != NULL)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.weight", path);
      g_autofree char *detail = g_strdup_printf ("\"%s\" %s", weight, reason);
      json_members_error (error, CONTEXT, member_path, detail);
      return NULL;
    }

  component = case_review_composite_component_new (id, rule, weight, error);
  if (component == NULL)
    return NULL;
  case_review_composite_component_set_label (component, label);
  case_review_composite_component_set_label_en (component, label_en);

  if (json_object_has_member (object, "trim_from"))
    {
      guint trim_from;

      if (!json_members_uint (object, "trim_from", CONTEXT, path, &trim_from, error))
        return NULL;
      if (rule != CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN || trim_from < 3)
        {
          g_autofree char *member_path = g_strdup_printf ("%s.trim_from", path);
          json_members_error (error, CONTEXT, member_path,
                              rule != CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN
                                ? _("only a trimmed-mean component takes trim_from")
                                : _("expected a whole number of at least 3"));
          return NULL;
        }
      case_review_composite_component_set_trim_from (component, trim_from);
    }
  return g_steal_pointer (&component);
}

CaseReviewCompositeEvaluation *
composite_definition_from_json_node (JsonNode  *root,
                                     GError   **error)
{
  g_autoptr(CaseReviewCompositeEvaluation) self = NULL;
  g_autofree char *floor_text = NULL;
  const char *format, *id, *title, *title_en;
  JsonObject *object;
  JsonArray *components;
  JsonNode *node;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      json_members_error (error, CONTEXT, "$", _("expected a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!check_members (object, definition_members, "$", error) ||
      !json_members_string (object, "format", CONTEXT, "$", FALSE, &format, error))
    return NULL;
  if (format != NULL && !g_str_equal (format, DEFINITION_FORMAT))
    {
      json_members_error (error, CONTEXT, "$.format", _("not a composite evaluation definition"));
      return NULL;
    }
  node = json_object_get_member (object, "version");
  if (node != NULL && !(JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
                        json_node_get_int (node) == FORMAT_VERSION))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_UNSUPPORTED,
                   _("%s: $.version: only version %d is supported"), CONTEXT, FORMAT_VERSION);
      return NULL;
    }
  if (!json_members_string (object, "id", CONTEXT, "$", TRUE, &id, error) ||
      !json_members_string (object, "title", CONTEXT, "$", FALSE, &title, error) ||
      !json_members_string (object, "title_en", CONTEXT, "$", FALSE, &title_en, error))
    return NULL;
  if (id[0] == '\0')
    {
      json_members_error (error, CONTEXT, "$.id", _("the id is empty"));
      return NULL;
    }

  self = case_review_composite_evaluation_new (id);
  case_review_composite_evaluation_set_title (self, title);
  case_review_composite_evaluation_set_title_en (self, title_en);

  if ((components = json_members_array (object, "components", CONTEXT, "$", error)) == NULL)
    return NULL;
  if (json_array_get_length (components) == 0)
    {
      json_members_error (error, CONTEXT, "$.components", _("expected at least one component"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (components); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.components[%u]", i);
      g_autoptr(CaseReviewCompositeComponent) component =
        component_from_json (json_array_get_element (components, i), path, error);
      const char *component_id;

      if (component == NULL)
        return NULL;
      component_id = case_review_composite_component_get_id (component);
      if (case_review_composite_evaluation_lookup_component (self, component_id) != NULL)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                       _("%s: %s.id: duplicate component \"%s\""), CONTEXT, path, component_id);
          return NULL;
        }
      case_review_composite_evaluation_add_component (self, component, NULL);
    }

  if (json_object_has_member (object, "bottom_n"))
    {
      guint bottom_n;

      if (!json_members_uint (object, "bottom_n", CONTEXT, "$", &bottom_n, error))
        return NULL;
      case_review_composite_evaluation_set_bottom_n (self, bottom_n);
    }
  if (!decimal_member (object, "floor", "$", &floor_text, error))
    return NULL;
  if (floor_text != NULL)
    {
      guint floor_hundredths = 0;
      const char *reason = composite_parse_score (floor_text, &floor_hundredths);

      if (reason != NULL)
        {
          g_autofree char *detail = g_strdup_printf ("\"%s\" %s", floor_text, reason);
          json_members_error (error, CONTEXT, "$.floor", detail);
          return NULL;
        }
      case_review_composite_evaluation_set_floor_hundredths (self, floor_hundredths);
    }
  if (json_object_has_member (object, "missing_scores"))
    {
      int policy;

      if (!enum_member (object, "missing_scores", "$", CASE_REVIEW_TYPE_MISSING_SCORE_POLICY, &policy, error))
        return NULL;
      case_review_composite_evaluation_set_missing_score_policy (self, policy);
    }

  {
    g_autoptr(GError) invalid = NULL;

    if (!case_review_composite_evaluation_validate (self, &invalid))
      {
        json_members_error (error, CONTEXT, "$.components", invalid->message);
        return NULL;
      }
  }
  return g_steal_pointer (&self);
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* Nicks are static strings of the registered type. */
  return enum_value != NULL ? enum_value->value_nick : "";
}

static void
build_definition (JsonBuilder                   *builder,
                  CaseReviewCompositeEvaluation *self)
{
  GListModel *components = case_review_composite_evaluation_get_components (self);
  guint floor_hundredths = case_review_composite_evaluation_get_floor_hundredths (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, DEFINITION_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, case_review_composite_evaluation_get_id (self));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, case_review_composite_evaluation_get_title (self));
  json_builder_set_member_name (builder, "title_en");
  json_builder_add_string_value (builder, case_review_composite_evaluation_get_title_en (self));
  json_builder_set_member_name (builder, "components");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (components); i++)
    {
      g_autoptr(CaseReviewCompositeComponent) component = g_list_model_get_item (components, i);
      CaseReviewCompositeRule rule = case_review_composite_component_get_rule (component);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, case_review_composite_component_get_id (component));
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, case_review_composite_component_get_label (component));
      json_builder_set_member_name (builder, "label_en");
      json_builder_add_string_value (builder, case_review_composite_component_get_label_en (component));
      json_builder_set_member_name (builder, "weight");
      json_builder_add_string_value (builder, case_review_composite_component_get_weight (component));
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, enum_nick (CASE_REVIEW_TYPE_COMPOSITE_RULE, rule));
      if (rule == CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN)
        {
          json_builder_set_member_name (builder, "trim_from");
          json_builder_add_int_value (builder, case_review_composite_component_get_trim_from (component));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "bottom_n");
  json_builder_add_int_value (builder, case_review_composite_evaluation_get_bottom_n (self));
  if (floor_hundredths > 0)
    {
      g_autofree char *text = composite_format_hundredths (floor_hundredths);

      json_builder_set_member_name (builder, "floor");
      json_builder_add_string_value (builder, text);
    }
  json_builder_set_member_name (builder, "missing_scores");
  json_builder_add_string_value (builder, enum_nick (CASE_REVIEW_TYPE_MISSING_SCORE_POLICY,
                                                     case_review_composite_evaluation_get_missing_score_policy (self)));
  json_builder_end_object (builder);
}

JsonNode *
composite_definition_to_json_node (CaseReviewCompositeEvaluation *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  build_definition (builder, self);
  return json_builder_get_root (builder);
}

static void
add_hundredths (JsonBuilder *builder,
                const char  *name,
                guint        hundredths)
{
  g_autofree char *text = composite_format_hundredths (hundredths);
  g_autofree char *int_name = g_strdup_printf ("%s_hundredths", name);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, int_name);
  json_builder_add_int_value (builder, hundredths);
}

char *
composite_results_to_json (CaseReviewCompositeEvaluation *self,
                           GListModel                    *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *components = case_review_composite_evaluation_get_components (self);
  guint n = g_list_model_get_n_items (results);
  guint n_bottom = 0, n_below = 0, n_flagged = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaseReviewCompositeResult) result = g_list_model_get_item (results, i);

      n_bottom += case_review_composite_result_is_bottom (result);
      n_below += case_review_composite_result_is_below_floor (result);
      n_flagged += case_review_composite_result_is_flagged (result);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, RESULTS_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "definition");
  build_definition (builder, self);
  json_builder_set_member_name (builder, "subjects");
  json_builder_add_int_value (builder, n);
  json_builder_set_member_name (builder, "flagged");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bottom");
  json_builder_add_int_value (builder, n_bottom);
  json_builder_set_member_name (builder, "below_floor");
  json_builder_add_int_value (builder, n_below);
  json_builder_set_member_name (builder, "any");
  json_builder_add_int_value (builder, n_flagged);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaseReviewCompositeResult) result = g_list_model_get_item (results, i);
      const char * const *missing = case_review_composite_result_get_missing_components (result);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_int_value (builder, case_review_composite_result_get_rank (result));
      json_builder_set_member_name (builder, "subject_id");
      json_builder_add_string_value (builder, case_review_composite_result_get_subject_id (result));
      json_builder_set_member_name (builder, "subject_name");
      json_builder_add_string_value (builder, case_review_composite_result_get_subject_name (result));
      add_hundredths (builder, "total", case_review_composite_result_get_total_hundredths (result));
      json_builder_set_member_name (builder, "components");
      json_builder_begin_array (builder);
      for (guint c = 0; c < g_list_model_get_n_items (components); c++)
        {
          g_autoptr(CaseReviewCompositeComponent) component = g_list_model_get_item (components, c);
          const char *id = case_review_composite_component_get_id (component);
          gint64 votes = case_review_composite_result_get_component_votes (result, id);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, id);
          add_hundredths (builder, "score", (guint) case_review_composite_result_get_component_score_hundredths (result, id));
          json_builder_set_member_name (builder, "values");
          json_builder_add_int_value (builder, case_review_composite_result_get_component_n_values (result, id));
          if (votes >= 0)
            {
              json_builder_set_member_name (builder, "votes");
              json_builder_add_int_value (builder, votes);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "bottom");
      json_builder_add_boolean_value (builder, case_review_composite_result_is_bottom (result));
      json_builder_set_member_name (builder, "below_floor");
      json_builder_add_boolean_value (builder, case_review_composite_result_is_below_floor (result));
      json_builder_set_member_name (builder, "missing");
      json_builder_begin_array (builder);
      for (guint m = 0; missing[m] != NULL; m++)
        json_builder_add_string_value (builder, missing[m]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
