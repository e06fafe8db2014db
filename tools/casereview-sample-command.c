/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * casereview sample: draw a reproducible, verifiable sample of case files.
 *
 *   casereview sample --agencies A.csv --cases C.csv [--encoding E]
 *                     (--plan plan.json | --per-agency N | --total N)
 *                     [--seed S] [--min-per-stratum N] [--max-per-stratum N]
 *                     [--reserves N] [--method M] [--scheme S] [--stratify S]
 *                     [--allocation A] [--certainty-flags F,…] [--sort-key K]
 *                     [--size-measure M] [--closed-from D] [--closed-to D]
 *                     [--kinds K,…] -o manifest.json [--csv list.csv] [--json]
 *
 * The plan is the plan file's JSON (the format of CaseReview.SamplingPlan and
 * of every manifest's "plan") with the command-line options written over its
 * fields, or the options alone; the library reads and validates the result,
 * so every error names the plan field at fault. Without --plan, --per-agency
 * means fixed allocation and --total proportional allocation. The draw is
 * written as a manifest (docs/sampling-spec.md), optionally as a CSV list of
 * units for Excel, and summarised per stratum on stdout.
 *
 * Exit status 0: drawn; 2: the input breaks a rule (a bad CSV, a bad plan
 * file, a plan that does not fit the population); 1: anything else (usage,
 * unreadable files).
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "casereview-text-table.h"
#include "casereview-tool.h"

#define NOT_GIVEN G_MININT

/* The command line, as parsed. */
typedef struct
{
  char     *agencies_path;
  char     *cases_path;
  char     *encoding_name;
  char     *plan_path;
  char     *seed;
  int       per_stratum;
  int       total;
  int       min_per_stratum;
  int       max_per_stratum;
  int       reserves;
  char     *method;
  char     *scheme;
  char     *stratify;
  char     *allocation;
  char     *certainty_flags;
  char     *sort_key;
  char     *size_measure;
  char     *closed_from;
  char     *closed_to;
  char     *kinds;
  char     *confidence;
  char     *tolerable;
  char     *expected;
  gboolean  no_take_all;
  char     *output_path;
  char     *csv_path;
  gboolean  json;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->agencies_path);
  g_free (options->cases_path);
  g_free (options->encoding_name);
  g_free (options->plan_path);
  g_free (options->seed);
  g_free (options->method);
  g_free (options->scheme);
  g_free (options->stratify);
  g_free (options->allocation);
  g_free (options->certainty_flags);
  g_free (options->sort_key);
  g_free (options->size_measure);
  g_free (options->closed_from);
  g_free (options->closed_to);
  g_free (options->kinds);
  g_free (options->confidence);
  g_free (options->tolerable);
  g_free (options->expected);
  g_free (options->output_path);
  g_free (options->csv_path);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* An enum's value as the plan JSON writes it: the nick with underscores. */
static char *
dup_enum_json_name (GType type,
                    int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);
  char *name = g_strdup (enum_value != NULL ? enum_value->value_nick : "");

  g_type_class_unref (klass);
  return g_strdelimit (name, "-", '_');
}

/* Checks an enum option's value against @type's nicks (with underscores or
 * hyphens); returns its JSON name, or NULL after a usage error listing the
 * values. */
static char *
parse_enum_option (const char *path,
                   const char *option,
                   GType       type,
                   const char *text,
                   int        *out_status)
{
  GEnumClass *klass = g_type_class_ref (type);
  g_autofree char *nick = g_strdelimit (g_ascii_strdown (text, -1), "_", '-');
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);
  char *name = NULL;

  if (value != NULL)
    name = dup_enum_json_name (type, value->value);
  else
    {
      g_autoptr(GString) values = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        {
          g_autofree char *json_name = dup_enum_json_name (type, klass->values[i].value);

          g_string_append_printf (values, "%s%s", i > 0 ? ", " : "", json_name);
        }
      *out_status = case_review_tool_usage_error (path, _("%s: unknown value “%s”; use %s"), option, text, values->str);
    }

  g_type_class_unref (klass);
  return name;
}

/* Splits a comma-separated option value into its non-empty, trimmed items. */
static GStrv
split_list (const char *text)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (gsize i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (items[i][0] != '\0')
        g_strv_builder_add (builder, items[i]);
    }

  return g_strv_builder_end (builder);
}

static JsonArray *
new_string_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (gsize i = 0; strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);

  return array;
}

static gboolean
set_count_member (JsonObject *object,
                  const char *path,
                  const char *option,
                  const char *member,
                  int         value,
                  int        *out_status)
{
  if (value == NOT_GIVEN)
    return TRUE;
  if (value < 0)
    {
      *out_status = case_review_tool_usage_error (path, _("%s must not be negative"), option);
      return FALSE;
    }

  json_object_set_int_member (object, member, value);
  return TRUE;
}

static gboolean
set_enum_member (JsonObject *object,
                 const char *path,
                 const char *option,
                 const char *member,
                 GType       type,
                 const char *text,
                 int        *out_status)
{
  g_autofree char *name = NULL;

  if (text == NULL)
    return TRUE;
  if ((name = parse_enum_option (path, option, type, text, out_status)) == NULL)
    return FALSE;

  json_object_set_string_member (object, member, name);
  return TRUE;
}

static gboolean
set_rate_member (JsonObject *object,
                 const char *option,
                 const char *member,
                 const char *text,
                 int        *out_status)
{
  g_autoptr(GError) error = NULL;
  double rate;

  if (text == NULL)
    return TRUE;
  if (!case_review_parse_rate (text, &rate, &error))
    {
      case_review_tool_print_error ("%s: %s", option, error->message);
      *out_status = case_review_tool_exit_status_for_error (error);
      return FALSE;
    }

  json_object_set_double_member (object, member, rate);
  return TRUE;
}

/* The allocation the plan file gives, or NULL. */
static const char *
plan_allocation (JsonObject *plan)
{
  JsonNode *node = json_object_get_member (plan, "allocation");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
splits_a_total (const char *allocation)
{
  return allocation != NULL &&
         (g_str_equal (allocation, "proportional") || g_str_equal (allocation, "equal") ||
          g_str_equal (allocation, "neyman"));
}

/* Writes the command-line options over the plan's JSON fields. */
static gboolean
apply_options (JsonObject    *plan,
               const Options *options,
               const char    *path,
               int           *out_status)
{
  JsonObject *frame;

  if (options->seed != NULL)
    json_object_set_string_member (plan, "seed", options->seed);

  if (!set_enum_member (plan, path, "--scheme", "scheme", CASE_REVIEW_TYPE_SAMPLING_SCHEME, options->scheme, out_status) ||
      !set_enum_member (plan, path, "--method", "method", CASE_REVIEW_TYPE_SAMPLING_METHOD, options->method, out_status) ||
      !set_enum_member (plan, path, "--stratify", "stratification", CASE_REVIEW_TYPE_STRATIFICATION,
                        options->stratify, out_status) ||
      !set_enum_member (plan, path, "--sort-key", "sort_key", CASE_REVIEW_TYPE_SORT_KEY, options->sort_key, out_status) ||
      !set_enum_member (plan, path, "--size-measure", "size_measure", CASE_REVIEW_TYPE_SIZE_MEASURE,
                        options->size_measure, out_status))
    return FALSE;

  /* The allocation: as given; else what --per-agency or --total imply. */
  if (options->allocation != NULL)
    {
      if (!set_enum_member (plan, path, "--allocation", "allocation", CASE_REVIEW_TYPE_ALLOCATION,
                            options->allocation, out_status))
        return FALSE;
    }
  else if (options->per_stratum != NOT_GIVEN && options->total != NOT_GIVEN)
    {
      *out_status = case_review_tool_usage_error (path, _("--per-agency asks for fixed allocation and --total for a "
                                                          "split total; give one, or choose with --allocation"));
      return FALSE;
    }
  else if (options->per_stratum != NOT_GIVEN)
    json_object_set_string_member (plan, "allocation", "fixed");
  else if (options->total != NOT_GIVEN && !splits_a_total (plan_allocation (plan)))
    json_object_set_string_member (plan, "allocation", "proportional");

  if (!set_count_member (plan, path, "--per-agency", "per_stratum", options->per_stratum, out_status) ||
      !set_count_member (plan, path, "--total", "sample_size", options->total, out_status) ||
      !set_count_member (plan, path, "--min-per-stratum", "min_per_stratum", options->min_per_stratum, out_status) ||
      !set_count_member (plan, path, "--max-per-stratum", "max_per_stratum", options->max_per_stratum, out_status) ||
      !set_count_member (plan, path, "--reserves", "reserves", options->reserves, out_status))
    return FALSE;

  if (options->no_take_all)
    json_object_set_boolean_member (plan, "take_all", FALSE);

  if (options->certainty_flags != NULL)
    {
      g_auto(GStrv) flags = split_list (options->certainty_flags);

      json_object_set_array_member (plan, "certainty_flags", new_string_array ((const char * const *) flags));
    }

  if (!set_rate_member (plan, "--confidence", "confidence", options->confidence, out_status) ||
      !set_rate_member (plan, "--tolerable", "tolerable_rate", options->tolerable, out_status) ||
      !set_rate_member (plan, "--expected", "expected_rate", options->expected, out_status))
    return FALSE;

  if (options->closed_from == NULL && options->closed_to == NULL && options->kinds == NULL)
    return TRUE;

  /* The frame filter: into the plan's "frame" object, made if missing. */
  if (!json_object_has_member (plan, "frame") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (plan, "frame")))
    json_object_set_object_member (plan, "frame", json_object_new ());
  frame = json_object_get_object_member (plan, "frame");

  if (options->closed_from != NULL)
    json_object_set_string_member (frame, "closed_from", options->closed_from);
  if (options->closed_to != NULL)
    json_object_set_string_member (frame, "closed_to", options->closed_to);
  if (options->kinds != NULL)
    {
      g_auto(GStrv) kinds = split_list (options->kinds);

      for (gsize i = 0; kinds[i] != NULL; i++)
        {
          CaseReviewEnforcementKind kind;

          if (!case_review_enforcement_kind_parse (kinds[i], &kind))
            {
              *out_status = case_review_tool_usage_error (path, _("--kinds: unknown enforcement kind “%s”; use "
                                                                  "penalty, coercion, inspection, licensing or other"),
                                                          kinds[i]);
              return FALSE;
            }
          g_free (kinds[i]);
          kinds[i] = g_strdup (case_review_enforcement_kind_get_name (kind));
        }
      if (kinds[0] == NULL)
        {
          *out_status = case_review_tool_usage_error (path, _("--kinds: name at least one enforcement kind"));
          return FALSE;
        }
      json_object_set_array_member (frame, "kinds", new_string_array ((const char * const *) kinds));
    }

  return TRUE;
}

/* Whether the command line changes any field of the plan. */
static gboolean
has_plan_options (const Options *options)
{
  return options->seed != NULL || options->per_stratum != NOT_GIVEN || options->total != NOT_GIVEN ||
         options->min_per_stratum != NOT_GIVEN || options->max_per_stratum != NOT_GIVEN ||
         options->reserves != NOT_GIVEN || options->method != NULL || options->scheme != NULL ||
         options->stratify != NULL || options->allocation != NULL || options->certainty_flags != NULL ||
         options->sort_key != NULL || options->size_measure != NULL || options->closed_from != NULL ||
         options->closed_to != NULL || options->kinds != NULL || options->confidence != NULL ||
         options->tolerable != NULL || options->expected != NULL || options->no_take_all;
}

/* Reads the plan file (when given) as a JSON object. */
static JsonObject *
read_plan_object (const char *plan_path,
                  int        *out_status)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (plan_path);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, &error))
    {
      case_review_tool_print_error ("%s", error->message);
      *out_status = CASE_REVIEW_TOOL_EXIT_FAILURE;
      return NULL;
    }
  if (!json_parser_load_from_data (parser, contents, -1, &error))
    {
      case_review_tool_print_error ("%s: plan: %s", name, error->message);
      *out_status = CASE_REVIEW_TOOL_EXIT_INVALID_INPUT;
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      case_review_tool_print_error (_("%s: $: expected a JSON object"), name);
      *out_status = CASE_REVIEW_TOOL_EXIT_INVALID_INPUT;
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/* The plan: the file's fields, the options over them, read and validated
 * by the library. */
static CaseReviewSamplingPlan *
build_plan (const Options *options,
            const char    *path,
            int           *out_status)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewSamplingPlan *plan;

  if (options->plan_path != NULL)
    {
      if ((object = read_plan_object (options->plan_path, out_status)) == NULL)
        return NULL;
    }
  else
    object = json_object_new ();

  if (!apply_options (object, options, path, out_status))
    return NULL;

  if (!json_object_has_member (object, "seed"))
    {
      *out_status = case_review_tool_usage_error (path, options->plan_path != NULL
                                                          ? _("Missing --seed SEED: the plan file has no seed")
                                                          : _("Missing --seed SEED"));
      return NULL;
    }

  root = json_node_init_object (json_node_alloc (), object);
  json = json_to_string (root, FALSE);
  plan = case_review_sampling_plan_new_from_json (json, &error);
  if (plan == NULL)
    {
      g_autoptr(GFile) file = options->plan_path != NULL ? g_file_new_for_commandline_arg (options->plan_path) : NULL;
      g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

      if (name != NULL && has_plan_options (options))
        case_review_tool_print_error (_("%s with the command-line options: %s"), name, error->message);
      else if (name != NULL)
        case_review_tool_print_error ("%s: %s", name, error->message);
      else
        case_review_tool_print_error (_("plan: %s"), error->message);
      *out_status = case_review_tool_exit_status_for_error (error);
      return NULL;
    }

  return plan;
}

/* The shortest decimal that reads back as @value. */
static void
format_double (char   buffer[G_ASCII_DTOSTR_BUF_SIZE],
               double value)
{
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return;
    }
}

static void
append_csv_field (GString    *out,
                  const char *text,
                  gboolean    last)
{
  if (text == NULL)
    text = "";

  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);

  g_string_append (out, last ? "\r\n" : ",");
}

static const char *
agency_short_name (CaseReviewPopulation *population,
                   const char           *agency_id)
{
  CaseReviewAgency *agency = case_review_population_lookup_agency (population, agency_id);

  return agency != NULL ? case_review_agency_get_short_name (agency) : NULL;
}

/* The list of units for a spreadsheet: UTF-8 with a byte order mark (so that
 * Excel reads it as UTF-8), CRLF line ends, every selected unit and reserve
 * in the manifest's order. */
static gboolean
write_csv (CaseReviewSample      *sample,
           CaseReviewPopulation  *population,
           const char            *csv_path,
           GError               **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (csv_path);
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  guint n_units = g_list_model_get_n_items (G_LIST_MODEL (sample));

  g_string_append (out, "stratum,agency,agency_short_name,case_id,role,draw_index,inclusion_probability,ticket\r\n");
  for (guint i = 0; i < n_units; i++)
    {
      g_autoptr(CaseReviewSampledCase) unit = g_list_model_get_item (G_LIST_MODEL (sample), i);
      const char *agency_id = case_review_sampled_case_get_agency_id (unit);
      char draw_index[16];
      char probability[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (draw_index, sizeof draw_index, "%u", case_review_sampled_case_get_draw_index (unit));
      format_double (probability, case_review_sampled_case_get_inclusion_probability (unit));

      append_csv_field (out, case_review_sampled_case_get_stratum (unit), FALSE);
      append_csv_field (out, agency_id, FALSE);
      append_csv_field (out, agency_short_name (population, agency_id), FALSE);
      append_csv_field (out, case_review_sampled_case_get_case_id (unit), FALSE);
      append_csv_field (out, case_review_sample_role_get_name (case_review_sampled_case_get_role (unit)), FALSE);
      append_csv_field (out, draw_index, FALSE);
      append_csv_field (out, probability, FALSE);
      append_csv_field (out, case_review_sampled_case_get_ticket (unit), TRUE);
    }

  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/* The agency of a stratum, when the strata are agencies (key "LH01") or
 * agencies × kinds (key "LH01/penalty"); NULL by kind. */
static char *
dup_stratum_agency (CaseReviewStratification  stratification,
                    const char               *key)
{
  const char *slash;

  switch (stratification)
    {
    case CASE_REVIEW_STRATIFICATION_AGENCY:
      return g_strdup (key);
    case CASE_REVIEW_STRATIFICATION_AGENCY_KIND:
      slash = strrchr (key, '/');
      return slash != NULL ? g_strndup (key, (gsize) (slash - key)) : g_strdup (key);
    case CASE_REVIEW_STRATIFICATION_KIND:
    default:
      return NULL;
    }
}

static CaseReviewStratification
sample_stratification (CaseReviewSample *sample)
{
  CaseReviewStratification stratification = CASE_REVIEW_STRATIFICATION_AGENCY;

  g_object_get (case_review_sample_get_plan (sample), "stratification", &stratification, NULL);
  return stratification;
}

static char *
dup_plan_enum (CaseReviewSample *sample,
               const char       *property,
               GType             type)
{
  int value = 0;

  g_object_get (case_review_sample_get_plan (sample), property, &value, NULL);
  return dup_enum_json_name (type, value);
}

static guint
count_reserves (CaseReviewSample *sample)
{
  GListModel *strata = case_review_sample_get_strata (sample);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (strata); i++)
    {
      g_autoptr(CaseReviewSampleStratum) stratum = g_list_model_get_item (strata, i);

      n += case_review_sample_stratum_get_n_reserves (stratum);
    }
  return n;
}

static void
print_sample_json (CaseReviewSample     *sample,
                   CaseReviewPopulation *population)
{
  GListModel *strata = case_review_sample_get_strata (sample);
  CaseReviewStratification stratification = sample_stratification (sample);
  g_autofree char *scheme = dup_plan_enum (sample, "scheme", CASE_REVIEW_TYPE_SAMPLING_SCHEME);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_string_value (builder, case_review_sampling_plan_get_seed (case_review_sample_get_plan (sample)));
  json_builder_set_member_name (builder, "scheme");
  json_builder_add_string_value (builder, scheme);
  json_builder_set_member_name (builder, "fingerprint");
  json_builder_add_string_value (builder, case_review_sample_get_population_fingerprint (sample));
  json_builder_set_member_name (builder, "frame_size");
  json_builder_add_int_value (builder, case_review_sample_get_frame_size (sample));
  json_builder_set_member_name (builder, "n_selected");
  json_builder_add_int_value (builder, case_review_sample_get_n_selected (sample));
  json_builder_set_member_name (builder, "n_reserves");
  json_builder_add_int_value (builder, count_reserves (sample));

  json_builder_set_member_name (builder, "strata");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (strata); i++)
    {
      g_autoptr(CaseReviewSampleStratum) stratum = g_list_model_get_item (strata, i);
      const char *key = case_review_sample_stratum_get_key (stratum);
      g_autofree char *agency_id = dup_stratum_agency (stratification, key);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, key);
      if (agency_id != NULL)
        {
          const char *short_name = agency_short_name (population, agency_id);

          json_builder_set_member_name (builder, "agency");
          json_builder_add_string_value (builder, agency_id);
          json_builder_set_member_name (builder, "short_name");
          if (short_name != NULL)
            json_builder_add_string_value (builder, short_name);
          else
            json_builder_add_null_value (builder);
        }
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
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  case_review_tool_print_json (root);
}

static char *
dup_count (guint count)
{
  return g_strdup_printf ("%u", count);
}

/* The human-readable report: the draw's seed, method and fingerprint, then
 * one row per stratum, headed in Chinese and English, with a total row. */
static void
print_sample_table (CaseReviewSample     *sample,
                    CaseReviewPopulation *population,
                    const char           *manifest_path)
{
  enum { COLUMN_KEY, COLUMN_SHORT_NAME, COLUMN_N, COLUMN_ALLOCATED, COLUMN_CERTAINTY, COLUMN_SELECTED,
         COLUMN_RESERVES, COLUMN_TAKE_ALL, N_COLUMNS };
  static const char *const chinese_headings[N_COLUMNS] = { "分层", "简称", "案卷数", "分配", "必抽", "抽中", "备选", "全取" };
  static const char *const english_headings[N_COLUMNS] = { "stratum", "short name", "N", "allocated", "certainty",
                                                           "selected", "reserves", "take-all" };
  GListModel *strata = case_review_sample_get_strata (sample);
  guint n_strata = g_list_model_get_n_items (strata);
  CaseReviewStratification stratification = sample_stratification (sample);
  gboolean with_agency = stratification != CASE_REVIEW_STRATIFICATION_KIND;
  guint n_columns = with_agency ? N_COLUMNS : N_COLUMNS - 1;
  g_autoptr(CaseReviewTextTable) overview = case_review_text_table_new (2);
  g_autoptr(CaseReviewTextTable) table = case_review_text_table_new (n_columns);
  g_autofree char *scheme = dup_plan_enum (sample, "scheme", CASE_REVIEW_TYPE_SAMPLING_SCHEME);
  g_autofree char *method = dup_plan_enum (sample, "method", CASE_REVIEW_TYPE_SAMPLING_METHOD);
  g_autofree char *allocation = dup_plan_enum (sample, "allocation", CASE_REVIEW_TYPE_ALLOCATION);
  g_autofree char *stratify = dup_enum_json_name (CASE_REVIEW_TYPE_STRATIFICATION, stratification);
  g_autofree char *design = g_strdup_printf (_("%s (%s scheme), stratified by %s, %s allocation"),
                                             method, scheme, stratify, allocation);
  g_autofree char *frame = g_strdup_printf (_("%u case files in %u strata"),
                                            case_review_sample_get_frame_size (sample), n_strata);
  g_autofree char *selected = g_strdup_printf (_("%u files to review, %u reserves"),
                                               case_review_sample_get_n_selected (sample), count_reserves (sample));
  g_autofree char *overview_text = NULL;
  g_autofree char *table_text = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint totals[N_COLUMNS] = { 0 };
  const char *row[N_COLUMNS];
  char *cells[N_COLUMNS] = { NULL };

  case_review_text_table_add_row (overview, (const char *[]) {
    "随机种子 seed", case_review_sampling_plan_get_seed (case_review_sample_get_plan (sample)) });
  case_review_text_table_add_row (overview, (const char *[]) { "抽样方法 design", design });
  case_review_text_table_add_row (overview, (const char *[]) { "抽样框 frame", frame });
  case_review_text_table_add_row (overview, (const char *[]) { "样本 sample", selected });
  case_review_text_table_add_row (overview, (const char *[]) {
    "指纹 SHA-256 fingerprint", case_review_sample_get_population_fingerprint (sample) });
  case_review_text_table_add_row (overview, (const char *[]) { "清单 manifest", manifest_path });

  /* Without agencies the short-name column is left out: shift the rest. */
#define COLUMN(c) (with_agency || (c) < COLUMN_SHORT_NAME ? (c) : (c) - 1)
  for (guint c = COLUMN_N; c < N_COLUMNS; c++)
    case_review_text_table_set_align (table, COLUMN (c), CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT);

  for (guint c = 0; c < N_COLUMNS; c++)
    if (with_agency || c != COLUMN_SHORT_NAME)
      row[COLUMN (c)] = chinese_headings[c];
  case_review_text_table_add_row (table, row);
  for (guint c = 0; c < N_COLUMNS; c++)
    if (with_agency || c != COLUMN_SHORT_NAME)
      row[COLUMN (c)] = english_headings[c];
  case_review_text_table_add_row (table, row);
  case_review_text_table_add_rule (table);

  for (guint i = 0; i < n_strata; i++)
    {
      g_autoptr(CaseReviewSampleStratum) stratum = g_list_model_get_item (strata, i);
      const char *key = case_review_sample_stratum_get_key (stratum);
      g_autofree char *agency_id = dup_stratum_agency (stratification, key);
      guint values[N_COLUMNS] = { 0 };
      gboolean take_all = case_review_sample_stratum_is_take_all (stratum);

      values[COLUMN_N] = case_review_sample_stratum_get_population_size (stratum);
      values[COLUMN_ALLOCATED] = case_review_sample_stratum_get_allocated (stratum);
      values[COLUMN_CERTAINTY] = case_review_sample_stratum_get_n_certainty (stratum);
      values[COLUMN_SELECTED] = case_review_sample_stratum_get_n_selected (stratum);
      values[COLUMN_RESERVES] = case_review_sample_stratum_get_n_reserves (stratum);
      values[COLUMN_TAKE_ALL] = take_all ? 1 : 0;

      row[COLUMN (COLUMN_KEY)] = key;
      if (with_agency)
        row[COLUMN_SHORT_NAME] = agency_id != NULL ? agency_short_name (population, agency_id) : NULL;
      for (guint c = COLUMN_N; c < COLUMN_TAKE_ALL; c++)
        {
          cells[c] = dup_count (values[c]);
          row[COLUMN (c)] = cells[c];
        }
      row[COLUMN (COLUMN_TAKE_ALL)] = take_all ? "yes" : "";
      case_review_text_table_add_row (table, row);

      for (guint c = COLUMN_N; c < N_COLUMNS; c++)
        {
          totals[c] += values[c];
          g_clear_pointer (&cells[c], g_free);
        }
    }

  case_review_text_table_add_rule (table);
  row[COLUMN (COLUMN_KEY)] = "合计 total";
  if (with_agency)
    row[COLUMN_SHORT_NAME] = NULL;
  for (guint c = COLUMN_N; c < N_COLUMNS; c++)
    {
      cells[c] = dup_count (totals[c]);
      row[COLUMN (c)] = cells[c];
    }
  case_review_text_table_add_row (table, row);
  for (guint c = COLUMN_N; c < N_COLUMNS; c++)
    g_clear_pointer (&cells[c], g_free);
#undef COLUMN

  overview_text = case_review_text_table_to_string (overview);
  table_text = case_review_text_table_to_string (table);
  g_string_append (out, overview_text);
  g_string_append_c (out, '\n');
  g_string_append (out, table_text);

  case_review_tool_print (stdout, out->str);
}

static int
sample_run (const CaseReviewToolCommand *command,
            const char                  *path,
            int                          argc,
            char                       **argv)
{
  g_auto(Options) options = {
    .per_stratum = NOT_GIVEN,
    .total = NOT_GIVEN,
    .min_per_stratum = NOT_GIVEN,
    .max_per_stratum = NOT_GIVEN,
    .reserves = NOT_GIVEN,
  };
  const GOptionEntry entries[] = {
    { "agencies", 'a', 0, G_OPTION_ARG_FILENAME, &options.agencies_path,
      N_("The agencies CSV (id,name,short_name,category)"), N_("FILE") },
    { "cases", 'c', 0, G_OPTION_ARG_FILENAME, &options.cases_path,
      N_("The case files CSV (case_id,agency,kind,closed_on,amount,flags,title)"), N_("FILE") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &options.encoding_name,
      N_("The files' character encoding: auto (the default), utf-8 or gb18030"), N_("ENCODING") },
    { "plan", 'p', 0, G_OPTION_ARG_FILENAME, &options.plan_path,
      N_("A sampling plan (JSON, as in a manifest's \"plan\"); the options below override its fields"), N_("FILE") },
    { "per-agency", 0, 0, G_OPTION_ARG_INT, &options.per_stratum,
      N_("Fixed allocation: N files from every stratum"), N_("N") },
    { "per-stratum", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &options.per_stratum,
      N_("The same as --per-agency"), N_("N") },
    { "total", 'n', 0, G_OPTION_ARG_INT, &options.total,
      N_("A total of N files split over the strata (proportional allocation unless --allocation)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &options.seed,
      N_("The public seed (required unless the plan file gives one)"), N_("SEED") },
    { "min-per-stratum", 0, 0, G_OPTION_ARG_INT, &options.min_per_stratum,
      N_("At least N files from every stratum (all of a smaller one)"), N_("N") },
    { "max-per-stratum", 0, 0, G_OPTION_ARG_INT, &options.max_per_stratum,
      N_("At most N files from any stratum (0: no limit)"), N_("N") },
    { "reserves", 'r', 0, G_OPTION_ARG_INT, &options.reserves,
      N_("N reserves per stratum, to replace files that cannot be reviewed"), N_("N") },
    { "method", 'm', 0, G_OPTION_ARG_STRING, &options.method,
      N_("simple_random (the default), systematic, pps_systematic or sequential_poisson"), N_("METHOD") },
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &options.scheme,
      N_("pcg32 (the default) or ticket (SHA-256 tickets, simple random only)"), N_("SCHEME") },
    { "stratify", 0, 0, G_OPTION_ARG_STRING, &options.stratify,
      N_("agency (the default), kind or agency_kind"), N_("BY") },
    { "allocation", 0, 0, G_OPTION_ARG_STRING, &options.allocation,
      N_("fixed, proportional, equal, neyman or attribute"), N_("ALLOCATION") },
    { "certainty-flags", 0, 0, G_OPTION_ARG_STRING, &options.certainty_flags,
      N_("Always include files carrying any of these flags, e.g. major,complaint"), N_("FLAG,…") },
    { "sort-key", 0, 0, G_OPTION_ARG_STRING, &options.sort_key,
      N_("The order systematic methods walk: case_id (the default) or closed_on"), N_("KEY") },
    { "size-measure", 0, 0, G_OPTION_ARG_STRING, &options.size_measure,
      N_("The size for PPS methods: amount (the default) or weight"), N_("MEASURE") },
    { "closed-from", 0, 0, G_OPTION_ARG_STRING, &options.closed_from,
      N_("Only files closed on or after this date"), N_("YYYY-MM-DD") },
    { "closed-to", 0, 0, G_OPTION_ARG_STRING, &options.closed_to,
      N_("Only files closed on or before this date"), N_("YYYY-MM-DD") },
    { "kinds", 0, 0, G_OPTION_ARG_STRING, &options.kinds,
      N_("Only files of these kinds, e.g. penalty,coercion"), N_("KIND,…") },
    { "confidence", 0, 0, G_OPTION_ARG_STRING, &options.confidence,
      N_("Attribute allocation: the confidence (default 95%)"), N_("RATE") },
    { "tolerable", 0, 0, G_OPTION_ARG_STRING, &options.tolerable,
      N_("Attribute allocation: the tolerable deviation rate (default 5%)"), N_("RATE") },
    { "expected", 0, 0, G_OPTION_ARG_STRING, &options.expected,
      N_("Attribute and Neyman allocation: the expected deviation rate (default 0)"), N_("RATE") },
    { "no-take-all", 0, 0, G_OPTION_ARG_NONE, &options.no_take_all,
      N_("Make a stratum with fewer files than its quota an error instead of taking it whole"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output_path,
      N_("Write the manifest here (required)"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &options.csv_path,
      N_("Also write the units as CSV (UTF-8 with BOM, for Excel)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json,
      N_("Print the summary as JSON on stdout"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewSamplingPlan) plan = NULL;
  g_autoptr(CaseReviewPopulation) population = NULL;
  g_autoptr(CaseReviewSample) sample = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewTextEncoding encoding;
  int status;

  g_option_context_set_summary (context,
                                _("Draws a sample of case files that anyone holding the seed, the frame and "
                                  "docs/sampling-spec.md can recompute: stratified, allocated, drawn by the chosen "
                                  "method, written as a manifest (check it with “casereview verify”).\n\n"
                                  "The plan comes from --plan FILE with the options written over its fields, or "
                                  "from the options alone: --per-agency N for fixed allocation, --total N for a "
                                  "total split in proportion to the strata's sizes.\n\n"
                                  "Exit status: 0 when drawn, 2 when the input breaks a rule (a bad CSV, a bad plan, "
                                  "a plan the frame cannot satisfy; the message names the plan field), 1 on any "
                                  "other failure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[1]);
  if (options.agencies_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --agencies FILE"));
  if (options.cases_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --cases FILE"));
  if (options.output_path == NULL)
    return case_review_tool_usage_error (path, _("Missing -o, --output FILE for the manifest"));
  if (!case_review_tool_parse_encoding (options.encoding_name, &encoding))
    return case_review_tool_usage_error (path, _("Unknown encoding “%s”: use auto, utf-8 or gb18030"),
                                         options.encoding_name);
  if (options.plan_path == NULL && options.per_stratum == NOT_GIVEN && options.total == NOT_GIVEN &&
      (options.allocation == NULL || g_ascii_strcasecmp (options.allocation, "attribute") != 0))
    return case_review_tool_usage_error (path, _("Give --plan FILE, --per-agency N or --total N"));

  plan = build_plan (&options, path, &status);
  if (plan == NULL)
    return status;

  status = case_review_tool_load_population (options.agencies_path, options.cases_path, encoding, &population);
  if (status != CASE_REVIEW_TOOL_EXIT_OK)
    return status;

  sample = case_review_sampling_plan_draw (plan, population, NULL, &error);
  if (sample == NULL)
    {
      case_review_tool_print_error ("%s", error->message);
      return case_review_tool_exit_status_for_error (error);
    }

  output = g_file_new_for_commandline_arg (options.output_path);
  if (!case_review_sample_save_manifest (sample, output, NULL, &error) ||
      (options.csv_path != NULL && !write_csv (sample, population, options.csv_path, &error)))
    {
      case_review_tool_print_error ("%s", error->message);
      return CASE_REVIEW_TOOL_EXIT_FAILURE;
    }

  if (options.json)
    print_sample_json (sample, population);
  else
    print_sample_table (sample, population, options.output_path);

  return CASE_REVIEW_TOOL_EXIT_OK;
}

const CaseReviewToolCommand casereview_sample_command = {
  .name = "sample",
  .summary = N_("Draw a reproducible sample of case files and write its manifest"),
  .rank = 20,
  .run = sample_run,
};
