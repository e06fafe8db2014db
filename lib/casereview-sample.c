/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewSample:
 *
 * The result of a draw: a [iface@Gio.ListModel] of
 * [class@CaseReview.SampledCase] (every selected file and every reserve,
 * stratum by stratum in draw order), the strata
 * ([method@CaseReview.Sample.get_strata]), the plan that produced it and
 * the fingerprint of the population it was drawn from.
 *
 * A sample is written as a manifest ([method@CaseReview.Sample.to_manifest],
 * JSON, `docs/sampling-spec.md`) that anyone can check against the
 * population with [method@CaseReview.Sample.verify], which redraws and names
 * every difference. When a selected file cannot be reviewed,
 * [method@CaseReview.Sample.substitute] records why and brings in the next
 * reserve of its stratum.
 *
 * Since: 0.1
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-enum-types.h"
#include "casereview-error.h"
#include "casereview-json-members.h"
#include "casereview-sample-private.h"
#include "casereview-sampling-plan-private.h"
#include "casereview-version.h"

#define MANIFEST_FORMAT "libcasereview-sample-manifest"
#define MANIFEST_VERSION 1

/* A verification lists at most this many differences. */
#define MAX_DIFFERENCES 50

struct _CaseReviewSample
{
  GObject parent_instance;

  CaseReviewSamplingPlan *plan;
  char *population_fingerprint;
  guint population_size;
  guint frame_size;
  GPtrArray *units;           /* CaseReviewSampledCase */
  GListStore *strata;         /* CaseReviewSampleStratum */
  GHashTable *by_case_id;     /* case id → position + 1 */
  char *library_version;      /* of the library that drew it */
};

static void case_review_sample_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaseReviewSample, case_review_sample, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, case_review_sample_list_model_init))

static GType
case_review_sample_get_item_type (GListModel *model)
{
  return CASE_REVIEW_TYPE_SAMPLED_CASE;
}

static guint
case_review_sample_get_n_items (GListModel *model)
{
  return CASE_REVIEW_SAMPLE (model)->units->len;
}

static gpointer
case_review_sample_get_item (GListModel *model,
                             guint       position)
{
  CaseReviewSample *self = CASE_REVIEW_SAMPLE (model);

  return position < self->units->len ? g_object_ref (g_ptr_array_index (self->units, position)) : NULL;
}

static void
case_review_sample_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = case_review_sample_get_item_type;
  iface->get_n_items = case_review_sample_get_n_items;
  iface->get_item = case_review_sample_get_item;
}

static void
case_review_sample_finalize (GObject *object)
{
  CaseReviewSample *self = CASE_REVIEW_SAMPLE (object);

  g_clear_object (&self->plan);
  g_free (self->population_fingerprint);
  g_ptr_array_unref (self->units);
  g_object_unref (self->strata);
  g_hash_table_unref (self->by_case_id);
  g_free (self->library_version);

  G_OBJECT_CLASS (case_review_sample_parent_class)->finalize (object);
}

static void
case_review_sample_class_init (CaseReviewSampleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_sample_finalize;
}

static void
case_review_sample_init (CaseReviewSample *self)
{
  self->strata = g_list_store_new (CASE_REVIEW_TYPE_SAMPLE_STRATUM);
  self->by_case_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
index_units (CaseReviewSample *self)
{
  g_hash_table_remove_all (self->by_case_id);
  for (guint i = 0; i < self->units->len; i++)
    g_hash_table_insert (self->by_case_id,
                         (gpointer) case_review_sampled_case_get_case_id (g_ptr_array_index (self->units, i)),
                         GUINT_TO_POINTER (i + 1));
}

CaseReviewSample *
case_review_sample_new_internal (CaseReviewSamplingPlan *plan,
                                 const char             *population_fingerprint,
                                 guint                   population_size,
                                 guint                   frame_size,
                                 GPtrArray              *units,
                                 GPtrArray              *strata)
{
  CaseReviewSample *self = g_object_new (CASE_REVIEW_TYPE_SAMPLE, NULL);

  self->plan = g_object_ref (plan);
  self->population_fingerprint = g_strdup (population_fingerprint);
  self->population_size = population_size;
  self->frame_size = frame_size;
  self->units = units;
  self->library_version = g_strdup (CASE_REVIEW_VERSION_S);
  g_list_store_splice (self->strata, 0, 0, strata->pdata, strata->len);
  g_ptr_array_unref (strata);
  index_units (self);
  return self;
}

/**
 * case_review_sample_get_plan:
 * @self: a sample
 *
 * The plan the sample was drawn with (a copy: changing the plan that was
 * drawn from does not change it).
 *
 * Returns: (transfer none): the plan
 *
 * Since: 0.1
 */
CaseReviewSamplingPlan *
case_review_sample_get_plan (CaseReviewSample *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (self), NULL);

  return self->plan;
}

/**
 * case_review_sample_get_population_fingerprint:
 * @self: a sample
 *
 * The fingerprint of the population the sample was drawn from
 * ([method@CaseReview.Population.dup_fingerprint]).
 *
 * Returns: 64 hexadecimal digits
 *
 * Since: 0.1
 */
const char *
case_review_sample_get_population_fingerprint (CaseReviewSample *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (self), NULL);

  return self->population_fingerprint;
}

/**
 * case_review_sample_get_frame_size:
 * @self: a sample
 *
 * How many case files of the population were in the frame after the plan's
 * filter.
 *
 * Returns: the frame size
 *
 * Since: 0.1
 */
guint
case_review_sample_get_frame_size (CaseReviewSample *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (self), 0);

  return self->frame_size;
}

/**
 * case_review_sample_get_strata:
 * @self: a sample
 *
 * The strata, sorted by key.
 *
 * Returns: (transfer none): a list model of [class@CaseReview.SampleStratum]
 *
 * Since: 0.1
 */
GListModel *
case_review_sample_get_strata (CaseReviewSample *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (self), NULL);

  return G_LIST_MODEL (self->strata);
}

/**
 * case_review_sample_get_n_selected:
 * @self: a sample
 *
 * How many files are to be reviewed: primary, certainty and substitute
 * units (not reserves, nor files marked missing).
 *
 * Returns: the number of files to review
 *
 * Since: 0.1
 */
guint
case_review_sample_get_n_selected (CaseReviewSample *self)
{
  guint n = 0;

  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (self), 0);

  for (guint i = 0; i < self->units->len; i++)
    {
      CaseReviewSampleRole role = case_review_sampled_case_get_role (g_ptr_array_index (self->units, i));
      n += role == CASE_REVIEW_SAMPLE_ROLE_PRIMARY || role == CASE_REVIEW_SAMPLE_ROLE_CERTAINTY ||
           role == CASE_REVIEW_SAMPLE_ROLE_SUBSTITUTE;
    }
  return n;
}

/**
 * case_review_sample_lookup:
 * @self: a sample
 * @case_id: a case number
 *
 * Finds a case file in the sample (selected or reserve).
 *
 * Returns: (transfer none) (nullable): the sampled case, or %NULL
 *
 * Since: 0.1
 */
CaseReviewSampledCase *
case_review_sample_lookup (CaseReviewSample *self,
                           const char       *case_id)
{
  guint position;

  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_case_id, case_id));
  return position > 0 ? g_ptr_array_index (self->units, position - 1) : NULL;
}

/**
 * case_review_sample_substitute:
 * @self: a sample
 * @case_id: a selected case file that cannot be reviewed
 * @reason: why, for the record (e.g. "案卷已移送法院")
 * @error: return location for a #GError
 *
 * Replaces a selected file by the next unused reserve of its stratum (the
 * reserve with the smallest draw index), marking the file
 * %CASE_REVIEW_SAMPLE_ROLE_MISSING and the reserve
 * %CASE_REVIEW_SAMPLE_ROLE_SUBSTITUTE, each naming the other, with the
 * reason. The manifest records it; verification checks that substitutes were
 * taken in draw order.
 *
 * Returns: (transfer none) (nullable): the substitute, or %NULL with
 *   %CASE_REVIEW_ERROR_NOT_FOUND (no such file, or no reserve left),
 *   %CASE_REVIEW_ERROR_STATE (the file is not a selected one) or
 *   %CASE_REVIEW_ERROR_INVALID (an empty reason); the sample is then
 *   unchanged
 *
 * Since: 0.1
 */
CaseReviewSampledCase *
case_review_sample_substitute (CaseReviewSample  *self,
                               const char        *case_id,
                               const char        *reason,
                               GError           **error)
{
  CaseReviewSampledCase *missing, *substitute = NULL;
  CaseReviewSampleRole role;
  guint missing_position = 0, substitute_position = 0;

  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autofree char *trimmed_reason = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;

  if (trimmed_reason == NULL || trimmed_reason[0] == '\0')
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("reason: a substitution must record why the file cannot be reviewed"));
      return NULL;
    }

  missing = case_review_sample_lookup (self, case_id);
  if (missing == NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                   _("case \"%s\" is not in the sample"), case_id);
      return NULL;
    }
  role = case_review_sampled_case_get_role (missing);
  if (role != CASE_REVIEW_SAMPLE_ROLE_PRIMARY && role != CASE_REVIEW_SAMPLE_ROLE_CERTAINTY)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE,
                   _("case \"%s\" is a %s unit; only primary and certainty units can be replaced"),
                   case_id, case_review_sample_role_get_name (role));
      return NULL;
    }

  for (guint i = 0; i < self->units->len; i++)
    {
      CaseReviewSampledCase *unit = g_ptr_array_index (self->units, i);

      if (unit == missing)
        missing_position = i;
      if (substitute == NULL &&
          case_review_sampled_case_get_role (unit) == CASE_REVIEW_SAMPLE_ROLE_RESERVE &&
          g_str_equal (case_review_sampled_case_get_stratum (unit), case_review_sampled_case_get_stratum (missing)))
        {
          substitute = unit;
          substitute_position = i;
        }
    }
  if (substitute == NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                   _("stratum %s has no reserve left to replace case \"%s\""),
                   case_review_sampled_case_get_stratum (missing), case_id);
      return NULL;
    }

  case_review_sampled_case_set_substitution (substitute, CASE_REVIEW_SAMPLE_ROLE_SUBSTITUTE, case_id, reason);
  case_review_sampled_case_set_substitution (missing, CASE_REVIEW_SAMPLE_ROLE_MISSING,
                                             case_review_sampled_case_get_case_id (substitute), reason);
  g_list_model_items_changed (G_LIST_MODEL (self), missing_position, 1, 1);
  g_list_model_items_changed (G_LIST_MODEL (self), substitute_position, 1, 1);
  return substitute;
}

static JsonNode *
manifest_to_node (CaseReviewSample *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  CaseReviewSamplingScheme scheme;
  GEnumClass *schemes = g_type_class_ref (CASE_REVIEW_TYPE_SAMPLING_SCHEME);
  JsonNode *plan;

  g_object_get (self->plan, "scheme", &scheme, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, MANIFEST_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, MANIFEST_VERSION);
  json_builder_set_member_name (builder, "library_version");
  json_builder_add_string_value (builder, self->library_version);
  json_builder_set_member_name (builder, "scheme");
  json_builder_add_string_value (builder, g_enum_get_value (schemes, scheme)->value_nick);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_string_value (builder, case_review_sampling_plan_get_seed (self->plan));
  json_builder_set_member_name (builder, "plan");
  plan = case_review_sampling_plan_to_json_node (self->plan);
  json_builder_add_value (builder, plan);

  json_builder_set_member_name (builder, "population");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fingerprint");
  json_builder_add_string_value (builder, self->population_fingerprint);
  json_builder_set_member_name (builder, "n_cases");
  json_builder_add_int_value (builder, self->population_size);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "frame_size");
  json_builder_add_int_value (builder, self->frame_size);

  json_builder_set_member_name (builder, "strata");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->strata)); i++)
    {
      g_autoptr(CaseReviewSampleStratum) stratum = g_list_model_get_item (G_LIST_MODEL (self->strata), i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, case_review_sample_stratum_get_key (stratum));
      json_builder_set_member_name (builder, "population_size");
      json_builder_add_int_value (builder, case_review_sample_stratum_get_population_size (stratum));
      json_builder_set_member_name (builder, "allocated");
      json_builder_add_int_value (builder, case_review_sample_stratum_get_allocated (stratum));
      json_builder_set_member_name (builder, "certainty");
      json_builder_add_int_value (builder, case_review_sample_stratum_get_n_certainty (stratum));
      json_builder_set_member_name (builder, "selected");
      json_builder_add_int_value (builder, case_review_sample_stratum_get_n_selected (stratum));
      json_builder_set_member_name (builder, "reserves");
      json_builder_add_int_value (builder, case_review_sample_stratum_get_n_reserves (stratum));
      json_builder_set_member_name (builder, "take_all");
      json_builder_add_boolean_value (builder, case_review_sample_stratum_is_take_all (stratum));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "units");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->units->len; i++)
    {
      CaseReviewSampledCase *unit = g_ptr_array_index (self->units, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "case_id");
      json_builder_add_string_value (builder, case_review_sampled_case_get_case_id (unit));
      json_builder_set_member_name (builder, "agency");
      json_builder_add_string_value (builder, case_review_sampled_case_get_agency_id (unit));
      json_builder_set_member_name (builder, "stratum");
      json_builder_add_string_value (builder, case_review_sampled_case_get_stratum (unit));
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, case_review_sample_role_get_name (case_review_sampled_case_get_role (unit)));
      json_builder_set_member_name (builder, "draw_index");
      json_builder_add_int_value (builder, case_review_sampled_case_get_draw_index (unit));
      json_builder_set_member_name (builder, "inclusion_probability");
      json_builder_add_double_value (builder, case_review_sampled_case_get_inclusion_probability (unit));
      if (case_review_sampled_case_get_ticket (unit) != NULL)
        {
          json_builder_set_member_name (builder, "ticket");
          json_builder_add_string_value (builder, case_review_sampled_case_get_ticket (unit));
        }
      if (case_review_sampled_case_get_replaces (unit) != NULL)
        {
          json_builder_set_member_name (builder, "replaces");
          json_builder_add_string_value (builder, case_review_sampled_case_get_replaces (unit));
          json_builder_set_member_name (builder, "reason");
          json_builder_add_string_value (builder, case_review_sampled_case_get_reason (unit));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  g_type_class_unref (schemes);
  return json_builder_get_root (builder);
}

/**
 * case_review_sample_to_manifest:
 * @self: a sample
 *
 * The sample's manifest: format and library version, scheme, seed, the full
 * plan, the population fingerprint, N and n per stratum, and every unit with
 * its stratum, role, draw index, inclusion probability and ticket
 * (`docs/sampling-spec.md` describes every field).
 *
 * Returns: (transfer full): the manifest as JSON text
 *
 * Since: 0.1
 */
char *
case_review_sample_to_manifest (CaseReviewSample *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (self), NULL);

  node = manifest_to_node (self);
  return json_to_string (node, TRUE);
}

/**
 * case_review_sample_save_manifest:
 * @self: a sample
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes [method@CaseReview.Sample.to_manifest] to a file, replacing it
 * atomically.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_sample_save_manifest (CaseReviewSample  *self,
                                  GFile             *file,
                                  GCancellable      *cancellable,
                                  GError           **error)
{
  g_autofree char *manifest = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  manifest = case_review_sample_to_manifest (self);
  return g_file_replace_contents (file, manifest, strlen (manifest), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

/* Reading manifests: every problem names its JSON path. */
#define CONTEXT "manifest"

/**
 * case_review_sample_new_from_manifest:
 * @manifest: a manifest as JSON text
 * @error: return location for a #GError
 *
 * Reads a sample back from its manifest, to check it with
 * [method@CaseReview.Sample.verify] or to continue working with it.
 *
 * Returns: (transfer full) (nullable): the sample, or %NULL with
 *   %CASE_REVIEW_ERROR_PARSE (not JSON), %CASE_REVIEW_ERROR_UNSUPPORTED
 *   (another format version) or %CASE_REVIEW_ERROR_INVALID (a malformed
 *   field, named by its JSON path)
 *
 * Since: 0.1
 */
CaseReviewSample *
case_review_sample_new_from_manifest (const char  *manifest,
                                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(CaseReviewSamplingPlan) plan = NULL;
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) strata = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *population_node;
  JsonObject *object, *population;
  JsonArray *strata_array, *units_array;
  const char *fingerprint, *seed, *library_version;
  guint population_size, frame_size;
  CaseReviewSample *self;

  g_return_val_if_fail (manifest != NULL, NULL);

  object = json_members_load_document (parser, manifest, CONTEXT, MANIFEST_FORMAT, MANIFEST_VERSION, error);
  if (object == NULL)
    return NULL;
  if (!json_members_string (object, "seed", CONTEXT, "$", TRUE, &seed, error) ||
      !json_members_string (object, "library_version", CONTEXT, "$", TRUE, &library_version, error))
    return NULL;

  plan = case_review_sampling_plan_new_from_json_node (json_object_get_member (object, "plan"), "$.plan", error);
  if (plan == NULL)
    {
      g_prefix_error (error, "manifest: ");
      return NULL;
    }
  if (!g_str_equal (seed, case_review_sampling_plan_get_seed (plan)))
    {
      json_members_error (error, CONTEXT, "$.seed", _("differs from the plan's seed"));
      return NULL;
    }

  population_node = json_object_get_member (object, "population");
  if (population_node == NULL || !JSON_NODE_HOLDS_OBJECT (population_node))
    {
      json_members_error (error, CONTEXT, "$.population", _("expected an object"));
      return NULL;
    }
  population = json_node_get_object (population_node);
  if (!json_members_string (population, "fingerprint", CONTEXT, "$.population", TRUE, &fingerprint, error) ||
      !json_members_uint (population, "n_cases", CONTEXT, "$.population", &population_size, error) ||
      !json_members_uint (object, "frame_size", CONTEXT, "$", &frame_size, error))
    return NULL;

  if ((strata_array = json_members_array (object, "strata", CONTEXT, "$", error)) == NULL ||
      (units_array = json_members_array (object, "units", CONTEXT, "$", error)) == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (strata_array); i++)
    {
      JsonNode *node = json_array_get_element (strata_array, i);
      g_autofree char *path = g_strdup_printf ("$.strata[%u]", i);
      JsonObject *stratum;
      const char *key;
      guint size, allocated, certainty, selected, reserves;
      JsonNode *take_all;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          json_members_error (error, CONTEXT, path, _("expected an object"));
          return NULL;
        }
      stratum = json_node_get_object (node);
      take_all = json_object_get_member (stratum, "take_all");
      if (!json_members_string (stratum, "key", CONTEXT, path, TRUE, &key, error) ||
          !json_members_uint (stratum, "population_size", CONTEXT, path, &size, error) ||
          !json_members_uint (stratum, "allocated", CONTEXT, path, &allocated, error) ||
          !json_members_uint (stratum, "certainty", CONTEXT, path, &certainty, error) ||
          !json_members_uint (stratum, "selected", CONTEXT, path, &selected, error) ||
          !json_members_uint (stratum, "reserves", CONTEXT, path, &reserves, error))
        return NULL;
      if (take_all == NULL || !JSON_NODE_HOLDS_VALUE (take_all) || json_node_get_value_type (take_all) != G_TYPE_BOOLEAN)
        {
          g_autofree char *member_path = g_strdup_printf ("%s.take_all", path);
          json_members_error (error, CONTEXT, member_path, _("expected true or false"));
          return NULL;
        }
      g_ptr_array_add (strata, case_review_sample_stratum_new_internal (key, size, allocated, certainty, selected,
                                                                        reserves, json_node_get_boolean (take_all)));
    }

  for (guint i = 0; i < json_array_get_length (units_array); i++)
    {
      JsonNode *node = json_array_get_element (units_array, i);
      g_autofree char *path = g_strdup_printf ("$.units[%u]", i);
      JsonObject *unit;
      const char *case_id, *agency, *stratum, *role_name, *ticket, *replaces, *reason;
      CaseReviewSampleRole role;
      guint draw_index;
      double probability = 0;
      CaseReviewSampledCase *sampled;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          json_members_error (error, CONTEXT, path, _("expected an object"));
          return NULL;
        }
      unit = json_node_get_object (node);
      if (!json_members_string (unit, "case_id", CONTEXT, path, TRUE, &case_id, error) ||
          !json_members_string (unit, "agency", CONTEXT, path, TRUE, &agency, error) ||
          !json_members_string (unit, "stratum", CONTEXT, path, TRUE, &stratum, error) ||
          !json_members_string (unit, "role", CONTEXT, path, TRUE, &role_name, error) ||
          !json_members_uint (unit, "draw_index", CONTEXT, path, &draw_index, error) ||
          !json_members_number (unit, "inclusion_probability", CONTEXT, path, &probability, error) ||
          !json_members_string (unit, "ticket", CONTEXT, path, FALSE, &ticket, error) ||
          !json_members_string (unit, "replaces", CONTEXT, path, FALSE, &replaces, error) ||
          !json_members_string (unit, "reason", CONTEXT, path, replaces != NULL, &reason, error))
        return NULL;
      if (!case_review_sample_role_parse (role_name, &role))
        {
          g_autofree char *member_path = g_strdup_printf ("%s.role", path);
          json_members_error (error, CONTEXT, member_path, _("unknown role"));
          return NULL;
        }
      sampled = case_review_sampled_case_new_internal (case_id, agency, stratum, role, draw_index, probability, ticket);
      if (replaces != NULL)
        case_review_sampled_case_set_substitution (sampled, role, replaces, reason);
      g_ptr_array_add (units, sampled);
    }

  self = case_review_sample_new_internal (plan, fingerprint, population_size, frame_size,
                                          g_steal_pointer (&units), g_steal_pointer (&strata));
  g_free (self->library_version);
  self->library_version = g_strdup (library_version);
  if (g_hash_table_size (self->by_case_id) != self->units->len)
    {
      json_members_error (error, CONTEXT, "$.units", _("a case appears more than once"));
      g_object_unref (self);
      return NULL;
    }
  return self;
}

/**
 * case_review_sample_new_from_file:
 * @file: a manifest file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a sample back from a manifest file.
 *
 * Returns: (transfer full) (nullable): the sample, or %NULL with an error
 *   naming the file and the field
 *
 * Since: 0.1
 */
CaseReviewSample *
case_review_sample_new_from_file (GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autofree char *contents = NULL;
  CaseReviewSample *sample;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, NULL, NULL, error))
    return NULL;
  sample = case_review_sample_new_from_manifest (contents, error);
  if (sample == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_prefix_error (error, "%s: ", name);
    }
  return sample;
}

/* The role a unit had when drawn, before any substitution. */
static gboolean
roles_agree (CaseReviewSampleRole recorded,
             CaseReviewSampleRole drawn)
{
  if (recorded == drawn)
    return TRUE;
  if (recorded == CASE_REVIEW_SAMPLE_ROLE_SUBSTITUTE)
    return drawn == CASE_REVIEW_SAMPLE_ROLE_RESERVE;
  if (recorded == CASE_REVIEW_SAMPLE_ROLE_MISSING)
    return drawn == CASE_REVIEW_SAMPLE_ROLE_PRIMARY || drawn == CASE_REVIEW_SAMPLE_ROLE_CERTAINTY;
  return FALSE;
}

static void
add_difference (GPtrArray  *differences,
                const char *format,
                ...) G_GNUC_PRINTF (2, 3);

static void
add_difference (GPtrArray  *differences,
                const char *format,
                ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (differences, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
compare_strata (CaseReviewSample *self,
                CaseReviewSample *redrawn,
                GPtrArray        *differences)
{
  GListModel *recorded = G_LIST_MODEL (self->strata), *computed = G_LIST_MODEL (redrawn->strata);
  guint n = MAX (g_list_model_get_n_items (recorded), g_list_model_get_n_items (computed));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaseReviewSampleStratum) a = g_list_model_get_item (recorded, i);
      g_autoptr(CaseReviewSampleStratum) b = g_list_model_get_item (computed, i);

      if (a == NULL || b == NULL || !g_str_equal (case_review_sample_stratum_get_key (a), case_review_sample_stratum_get_key (b)))
        {
          add_difference (differences, _("strata: the manifest lists stratum %s where the draw has %s"),
                          a != NULL ? case_review_sample_stratum_get_key (a) : _("(none)"),
                          b != NULL ? case_review_sample_stratum_get_key (b) : _("(none)"));
          return;
        }
#define COMPARE(getter, what)                                                                     \
      if (case_review_sample_stratum_##getter (a) != case_review_sample_stratum_##getter (b))     \
        add_difference (differences, _("stratum %s: the manifest records %s %u, the draw gives %u"), \
                        case_review_sample_stratum_get_key (a), what,                              \
                        (guint) case_review_sample_stratum_##getter (a),                           \
                        (guint) case_review_sample_stratum_##getter (b))
      COMPARE (get_population_size, "N =");
      COMPARE (get_allocated, "allocation");
      COMPARE (get_n_certainty, "certainty units");
      COMPARE (get_n_selected, "selected");
      COMPARE (get_n_reserves, "reserves");
      COMPARE (is_take_all, "take-all");
#undef COMPARE
    }
}

static void
compare_units (CaseReviewSample *self,
               CaseReviewSample *redrawn,
               GPtrArray        *differences)
{
  g_autoptr(GHashTable) next_reserve = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->units->len != redrawn->units->len)
    add_difference (differences, _("units: the manifest lists %u units, the draw gives %u"),
                    self->units->len, redrawn->units->len);

  for (guint i = 0; i < MIN (self->units->len, redrawn->units->len); i++)
    {
      CaseReviewSampledCase *a = g_ptr_array_index (self->units, i);
      CaseReviewSampledCase *b = g_ptr_array_index (redrawn->units, i);
      double pa = case_review_sampled_case_get_inclusion_probability (a);
      double pb = case_review_sampled_case_get_inclusion_probability (b);

      if (!g_str_equal (case_review_sampled_case_get_case_id (a), case_review_sampled_case_get_case_id (b)) ||
          !g_str_equal (case_review_sampled_case_get_stratum (a), case_review_sampled_case_get_stratum (b)) ||
          case_review_sampled_case_get_draw_index (a) != case_review_sampled_case_get_draw_index (b))
        add_difference (differences, _("stratum %s, draw %u: the manifest has case \"%s\", the draw gives \"%s\""),
                        case_review_sampled_case_get_stratum (b), case_review_sampled_case_get_draw_index (b),
                        case_review_sampled_case_get_case_id (a), case_review_sampled_case_get_case_id (b));
      else if (!roles_agree (case_review_sampled_case_get_role (a), case_review_sampled_case_get_role (b)))
        add_difference (differences, _("case \"%s\": the manifest records it as %s, the draw as %s"),
                        case_review_sampled_case_get_case_id (a),
                        case_review_sample_role_get_name (case_review_sampled_case_get_role (a)),
                        case_review_sample_role_get_name (case_review_sampled_case_get_role (b)));
      else if (fabs (pa - pb) > 1e-12 * MAX (1.0, fabs (pb)))
        add_difference (differences, _("case \"%s\": the manifest records inclusion probability %.17g, the draw gives %.17g"),
                        case_review_sampled_case_get_case_id (a), pa, pb);
      else if (g_strcmp0 (case_review_sampled_case_get_ticket (a), case_review_sampled_case_get_ticket (b)) != 0)
        add_difference (differences, _("case \"%s\": the manifest records ticket %s, the draw gives %s"),
                        case_review_sampled_case_get_case_id (a),
                        case_review_sampled_case_get_ticket (a) ? case_review_sampled_case_get_ticket (a) : "(none)",
                        case_review_sampled_case_get_ticket (b) ? case_review_sampled_case_get_ticket (b) : "(none)");

      /* Substitutes must be the stratum's reserves in draw order. */
      if (case_review_sampled_case_get_role (b) == CASE_REVIEW_SAMPLE_ROLE_RESERVE)
        {
          const char *stratum = case_review_sampled_case_get_stratum (b);
          gboolean seen_unused = GPOINTER_TO_INT (g_hash_table_lookup (next_reserve, stratum));

          if (case_review_sampled_case_get_role (a) == CASE_REVIEW_SAMPLE_ROLE_SUBSTITUTE && seen_unused)
            add_difference (differences, _("case \"%s\": substituted although an earlier reserve of stratum %s was unused"),
                            case_review_sampled_case_get_case_id (a), stratum);
          if (case_review_sampled_case_get_role (a) == CASE_REVIEW_SAMPLE_ROLE_RESERVE)
            g_hash_table_insert (next_reserve, (gpointer) stratum, GINT_TO_POINTER (TRUE));
        }
    }
}

/**
 * case_review_sample_verify:
 * @self: a sample, usually read from a manifest
 * @population: the population it claims to be drawn from
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Recomputes the draw from the sample's plan and seed on @population and
 * compares everything: the population fingerprint, the strata (N, allocation,
 * counts) and every unit (case, role, draw index, inclusion probability,
 * ticket), and checks that substitutes were taken in draw order.
 *
 * Returns: %TRUE if the sample is exactly what the plan gives on this
 *   population; otherwise %FALSE with a %CASE_REVIEW_ERROR_VERIFY error whose
 *   message lists each difference on its own line (a changed population, a
 *   swapped case, an altered plan), or the error the redraw itself gave
 *
 * Since: 0.1
 */
gboolean
case_review_sample_verify (CaseReviewSample      *self,
                           CaseReviewPopulation  *population,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CaseReviewSample) redrawn = NULL;
  g_autofree char *fingerprint = NULL;
  g_autoptr(GString) message = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (population), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fingerprint = case_review_population_dup_fingerprint (population);
  if (!g_str_equal (fingerprint, self->population_fingerprint))
    add_difference (differences,
                    _("population: the fingerprint is %s but the manifest records %s (the frame's content changed)"),
                    fingerprint, self->population_fingerprint);

  redrawn = case_review_sampling_plan_draw (self->plan, population, cancellable, error);
  if (redrawn == NULL)
    {
      g_prefix_error (error, _("the manifest's plan cannot be redrawn on this population: "));
      return FALSE;
    }

  if (self->frame_size != redrawn->frame_size)
    add_difference (differences, _("frame: the manifest records %u case files, the plan's filter gives %u"),
                    self->frame_size, redrawn->frame_size);
  compare_strata (self, redrawn, differences);
  compare_units (self, redrawn, differences);

  if (differences->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE,
                                                "the sample does not match its plan and population (%u difference):",
                                                "the sample does not match its plan and population (%u differences):",
                                                differences->len),
                          differences->len);
  for (guint i = 0; i < differences->len && i < MAX_DIFFERENCES; i++)
    g_string_append_printf (message, "\n%s", (const char *) g_ptr_array_index (differences, i));
  if (differences->len > MAX_DIFFERENCES)
    g_string_append_printf (message, _("\n… and %u more"), differences->len - MAX_DIFFERENCES);

  g_set_error_literal (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_VERIFY, message->str);
  return FALSE;
}
