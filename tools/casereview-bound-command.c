/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * casereview bound: what k deviations in n reviewed files say about the
 * population's deviation rate.
 *
 *   casereview bound --sample-size N --deviations K [--population-size N]
 *                    [--confidence RATE] [--model binomial|poisson|hypergeometric]
 *                    [--two-sided] [--json]
 *
 * The one-sided upper limit (Clopper–Pearson, Poisson, or exact
 * hypergeometric as a count of files), or with --two-sided the interval with
 * half the risk on each side. The model is binomial unless
 * --population-size is given, then hypergeometric. Exit status 0: computed;
 * 2: invalid parameters (the library's message names the parameter);
 * 1: usage.
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "casereview-text-table.h"
#include "casereview-tool.h"

/* A limit for people: the rate to 10 significant digits and as a
 * percentage, with the count of files for the hypergeometric model. */
static char *
dup_limit_text (const CaseReviewBound *bound,
                double                 rate,
                guint64                count)
{
  char decimal[G_ASCII_DTOSTR_BUF_SIZE];
  char percent[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (decimal, sizeof decimal, "%.10g", rate);
  g_ascii_formatd (percent, sizeof percent, "%.6g", rate * 100);
  if (case_review_bound_get_model (bound) == CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC)
    return g_strdup_printf (_("%s (%s%%; %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " files)"), decimal, percent,
                            count, case_review_bound_get_population_size (bound));
  return g_strdup_printf ("%s (%s%%)", decimal, percent);
}

static void
print_bound_json (const CaseReviewBound *bound)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  CaseReviewStatisticalModel model = case_review_bound_get_model (bound);
  gboolean two_sided = case_review_bound_is_two_sided (bound);
  guint64 population_size = case_review_bound_get_population_size (bound);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "upper");
  json_builder_add_double_value (builder, case_review_bound_get_upper (bound));
  if (two_sided)
    {
      json_builder_set_member_name (builder, "lower");
      json_builder_add_double_value (builder, case_review_bound_get_lower (bound));
    }
  if (model == CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC)
    {
      json_builder_set_member_name (builder, "upper_count");
      json_builder_add_int_value (builder, (gint64) case_review_bound_get_upper_count (bound));
      if (two_sided)
        {
          json_builder_set_member_name (builder, "lower_count");
          json_builder_add_int_value (builder, (gint64) case_review_bound_get_lower_count (bound));
        }
    }
  json_builder_set_member_name (builder, "estimate");
  json_builder_add_double_value (builder, case_review_bound_get_estimate (bound));
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, case_review_tool_model_name (model));
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_double_value (builder, case_review_bound_get_confidence (bound));
  json_builder_set_member_name (builder, "two_sided");
  json_builder_add_boolean_value (builder, two_sided);
  json_builder_set_member_name (builder, "sample_size");
  json_builder_add_int_value (builder, (gint64) case_review_bound_get_sample_size (bound));
  json_builder_set_member_name (builder, "deviations");
  json_builder_add_int_value (builder, (gint64) case_review_bound_get_deviations (bound));
  json_builder_set_member_name (builder, "population_size");
  if (population_size > 0)
    json_builder_add_int_value (builder, (gint64) population_size);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  case_review_tool_print_json (root);
}

static void
print_bound_table (const CaseReviewBound *bound)
{
  g_autoptr(CaseReviewTextTable) table = case_review_text_table_new (2);
  gboolean two_sided = case_review_bound_is_two_sided (bound);
  guint64 population_size = case_review_bound_get_population_size (bound);
  g_autofree char *upper = dup_limit_text (bound, case_review_bound_get_upper (bound),
                                           case_review_bound_get_upper_count (bound));
  g_autofree char *lower = dup_limit_text (bound, case_review_bound_get_lower (bound),
                                           case_review_bound_get_lower_count (bound));
  g_autofree char *confidence = case_review_format_rate (case_review_bound_get_confidence (bound));
  g_autofree char *sample = g_strdup_printf (_("%" G_GUINT64_FORMAT " deviations in %" G_GUINT64_FORMAT " files"),
                                             case_review_bound_get_deviations (bound),
                                             case_review_bound_get_sample_size (bound));
  g_autofree char *population = population_size > 0 ? g_strdup_printf ("%" G_GUINT64_FORMAT, population_size)
                                                     : g_strdup ("—");
  g_autofree char *text = NULL;

  case_review_text_table_add_row (table, (const char *[]) { "上限 upper limit", upper });
  if (two_sided)
    case_review_text_table_add_row (table, (const char *[]) { "下限 lower limit", lower });
  case_review_text_table_add_rule (table);
  case_review_text_table_add_row (table, (const char *[]) { "样本 sample", sample });
  case_review_text_table_add_row (table, (const char *[]) { "模型 model",
                                                            case_review_tool_model_name (case_review_bound_get_model (bound)) });
  case_review_text_table_add_row (table, (const char *[]) { "置信度 confidence", confidence });
  case_review_text_table_add_row (table, (const char *[]) { "区间 interval", two_sided ? _("two-sided") : _("one-sided") });
  case_review_text_table_add_row (table, (const char *[]) { "总体规模 population size", population });

  text = case_review_text_table_to_string (table);
  case_review_tool_print (stdout, text);
}

static int
bound_run (const CaseReviewToolCommand *command,
           const char                  *path,
           int                          argc,
           char                       **argv)
{
  g_autofree char *sample_text = NULL;
  g_autofree char *deviations_text = NULL;
  g_autofree char *population_text = NULL;
  g_autofree char *confidence_text = NULL;
  g_autofree char *model_text = NULL;
  gboolean two_sided = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "sample-size", 'n', 0, G_OPTION_ARG_STRING, &sample_text,
      N_("The number of files reviewed"), N_("N") },
    { "deviations", 'k', 0, G_OPTION_ARG_STRING, &deviations_text,
      N_("The number of deviations found among them"), N_("K") },
    { "population-size", 'N', 0, G_OPTION_ARG_STRING, &population_text,
      N_("The number of files in the population (the model becomes hypergeometric)"), N_("N") },
    { "confidence", 'c', 0, G_OPTION_ARG_STRING, &confidence_text,
      N_("The confidence: 0.95 or 95% (the default)"), N_("RATE") },
    { "model", 'm', 0, G_OPTION_ARG_STRING, &model_text,
      N_("binomial (the default), poisson or hypergeometric"), N_("MODEL") },
    { "two-sided", 0, 0, G_OPTION_ARG_NONE, &two_sided,
      N_("A two-sided interval, half of 1 − confidence on each side"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the limits as JSON on stdout"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewBound) bound = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewStatisticalModel model = CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL;
  double confidence = 0.95;
  guint64 sample_size = 0, deviations = 0, population_size = 0;
  int status;

  g_option_context_set_summary (context,
                                _("Bounds the deviation rate of a population after K deviations were found in N "
                                  "reviewed files: the one-sided upper confidence limit (Clopper–Pearson for the "
                                  "binomial model, the Poisson limit, or the exact hypergeometric limit as a number "
                                  "of files), or a two-sided interval.\n\n"
                                  "Exit status: 0 on success, 2 when the parameters are invalid (the message names "
                                  "the parameter), 1 on a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[1]);
  if (sample_text == NULL)
    return case_review_tool_usage_error (path, _("Missing --sample-size N"));
  if (deviations_text == NULL)
    return case_review_tool_usage_error (path, _("Missing --deviations K"));
  if (model_text != NULL && !case_review_tool_parse_model (model_text, &model))
    return case_review_tool_usage_error (path, _("Unknown model “%s”: use binomial, poisson or hypergeometric"),
                                         model_text);
  if (!case_review_tool_parse_count (path, "--sample-size", sample_text, 0, &sample_size, &status) ||
      !case_review_tool_parse_count (path, "--deviations", deviations_text, 0, &deviations, &status) ||
      (population_text != NULL &&
       !case_review_tool_parse_count (path, "--population-size", population_text, 0, &population_size, &status)))
    return status;
  if (model_text == NULL && population_text != NULL)
    model = CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC;

  if (confidence_text != NULL && !case_review_parse_rate (confidence_text, &confidence, &error))
    {
      case_review_tool_print_error ("--confidence: %s", error->message);
      return case_review_tool_exit_status_for_error (error);
    }

  if (two_sided)
    bound = case_review_bound_new_interval (model, confidence, sample_size, deviations, population_size, &error);
  else
    bound = case_review_bound_new_upper (model, confidence, sample_size, deviations, population_size, &error);
  if (bound == NULL)
    {
      case_review_tool_print_error ("%s", error->message);
      return case_review_tool_exit_status_for_error (error);
    }

  if (json)
    print_bound_json (bound);
  else
    print_bound_table (bound);

  return CASE_REVIEW_TOOL_EXIT_OK;
}

const CaseReviewToolCommand casereview_bound_command = {
  .name = "bound",
  .summary = N_("Confidence limits on the deviation rate after k deviations in n reviewed files"),
  .rank = 31,
  .run = bound_run,
};
