/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * casereview plan: how many case files to review (attribute sampling).
 *
 *   casereview plan --tolerable RATE [--confidence RATE] [--expected RATE |
 *                   --deviations K] [--population-size N]
 *                   [--model binomial|poisson|hypergeometric] [--json]
 *
 * Rates are read exactly, as "5%" or "0.05" (case_review_parse_rate()). The
 * model is binomial unless --population-size is given, then hypergeometric.
 * Exit status 0: planned; 2: the parameters are invalid or no sample size
 * reaches them (the library's message names the parameter); 1: usage.
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "casereview-text-table.h"
#include "casereview-tool.h"

/* A rate option: the library's exact reading; a text that is not a rate in
 * [0, 1] is reported naming the option, with status 2. */
static gboolean
parse_rate_option (const char *option,
                   const char *text,
                   double     *out_rate,
                   int        *out_status)
{
  g_autoptr(GError) error = NULL;

  if (case_review_parse_rate (text, out_rate, &error))
    return TRUE;

  case_review_tool_print_error ("%s: %s", option, error->message);
  *out_status = case_review_tool_exit_status_for_error (error);
  return FALSE;
}

/* The rate as the decimal it stands for, and as a percentage for people. */
static char *
dup_rate_text (double rate)
{
  g_autofree char *decimal = case_review_format_rate (rate);
  char percent[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (percent, sizeof percent, "%.12g", rate * 100);
  return g_strdup_printf ("%s (%s%%)", decimal, percent);
}

static void
print_plan_json (const CaseReviewAttributePlan *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  CaseReviewStatisticalModel model = case_review_attribute_plan_get_model (plan);
  guint64 population_size = case_review_attribute_plan_get_population_size (plan);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sample_size");
  json_builder_add_int_value (builder, (gint64) case_review_attribute_plan_get_sample_size (plan));
  json_builder_set_member_name (builder, "allowed_deviations");
  json_builder_add_int_value (builder, (gint64) case_review_attribute_plan_get_allowed_deviations (plan));
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, case_review_tool_model_name (model));
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_double_value (builder, case_review_attribute_plan_get_confidence (plan));
  json_builder_set_member_name (builder, "tolerable_rate");
  json_builder_add_double_value (builder, case_review_attribute_plan_get_tolerable_rate (plan));
  json_builder_set_member_name (builder, "expected_rate");
  if (case_review_attribute_plan_has_expected_rate (plan))
    json_builder_add_double_value (builder, case_review_attribute_plan_get_expected_rate (plan));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "population_size");
  if (population_size > 0)
    json_builder_add_int_value (builder, (gint64) population_size);
  else
    json_builder_add_null_value (builder);
  if (model == CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC)
    {
      json_builder_set_member_name (builder, "critical_count");
      json_builder_add_int_value (builder, (gint64) case_review_attribute_plan_get_critical_count (plan));
    }
  json_builder_set_member_name (builder, "achieved_risk");
  json_builder_add_double_value (builder, case_review_attribute_plan_get_achieved_risk (plan));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  case_review_tool_print_json (root);
}

static void
print_plan_table (const CaseReviewAttributePlan *plan)
{
  g_autoptr(CaseReviewTextTable) table = case_review_text_table_new (2);
  CaseReviewStatisticalModel model = case_review_attribute_plan_get_model (plan);
  guint64 population_size = case_review_attribute_plan_get_population_size (plan);
  g_autofree char *sample_size = g_strdup_printf ("%" G_GUINT64_FORMAT, case_review_attribute_plan_get_sample_size (plan));
  g_autofree char *deviations = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                 case_review_attribute_plan_get_allowed_deviations (plan));
  g_autofree char *confidence = dup_rate_text (case_review_attribute_plan_get_confidence (plan));
  g_autofree char *tolerable = dup_rate_text (case_review_attribute_plan_get_tolerable_rate (plan));
  g_autofree char *expected = case_review_attribute_plan_has_expected_rate (plan)
                                ? dup_rate_text (case_review_attribute_plan_get_expected_rate (plan))
                                : g_strdup ("—");
  g_autofree char *population = population_size > 0 ? g_strdup_printf ("%" G_GUINT64_FORMAT, population_size)
                                                     : g_strdup ("—");
  g_autofree char *critical = g_strdup_printf ("%" G_GUINT64_FORMAT, case_review_attribute_plan_get_critical_count (plan));
  g_autofree char *risk = g_strdup_printf ("%.6g", case_review_attribute_plan_get_achieved_risk (plan));
  g_autofree char *text = NULL;

  case_review_text_table_add_row (table, (const char *[]) { "样本量 sample size", sample_size });
  case_review_text_table_add_row (table, (const char *[]) { "允许偏差数 allowed deviations", deviations });
  case_review_text_table_add_rule (table);
  case_review_text_table_add_row (table, (const char *[]) { "模型 model", case_review_tool_model_name (model) });
  case_review_text_table_add_row (table, (const char *[]) { "置信度 confidence", confidence });
  case_review_text_table_add_row (table, (const char *[]) { "可容忍偏差率 tolerable rate", tolerable });
  case_review_text_table_add_row (table, (const char *[]) { "预期偏差率 expected rate", expected });
  case_review_text_table_add_row (table, (const char *[]) { "总体规模 population size", population });
  if (model == CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC)
    case_review_text_table_add_row (table, (const char *[]) { "临界偏差数 critical count", critical });
  case_review_text_table_add_row (table, (const char *[]) { "实际风险 achieved risk", risk });

  text = case_review_text_table_to_string (table);
  case_review_tool_print (stdout, text);
}

static int
plan_run (const CaseReviewToolCommand *command,
          const char                  *path,
          int                          argc,
          char                       **argv)
{
  g_autofree char *confidence_text = NULL;
  g_autofree char *tolerable_text = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *deviations_text = NULL;
  g_autofree char *population_text = NULL;
  g_autofree char *model_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "confidence", 'c', 0, G_OPTION_ARG_STRING, &confidence_text,
      N_("The confidence, 1 − the risk of overreliance: 0.95 or 95% (the default)"), N_("RATE") },
    { "tolerable", 't', 0, G_OPTION_ARG_STRING, &tolerable_text,
      N_("The tolerable deviation rate: 5% or 0.05"), N_("RATE") },
    { "expected", 'e', 0, G_OPTION_ARG_STRING, &expected_text,
      N_("The expected deviation rate (default 0); the allowed deviations are ⌈n · RATE⌉"), N_("RATE") },
    { "deviations", 'k', 0, G_OPTION_ARG_STRING, &deviations_text,
      N_("Allow exactly K deviations instead of an expected rate"), N_("K") },
    { "population-size", 'N', 0, G_OPTION_ARG_STRING, &population_text,
      N_("The number of files in the population (the model becomes hypergeometric)"), N_("N") },
    { "model", 'm', 0, G_OPTION_ARG_STRING, &model_text,
      N_("binomial (the default), poisson or hypergeometric"), N_("MODEL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the plan as JSON on stdout"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewAttributePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewStatisticalModel model = CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL;
  double confidence = 0.95, tolerable = 0, expected = 0;
  guint64 deviations = 0, population_size = 0;
  int status;

  g_option_context_set_summary (context,
                                _("Plans an attribute sample: the smallest number of case files n such that "
                                  "finding at most k deviations (k = ⌈n · expected rate⌉, or --deviations) would "
                                  "have probability below 1 − confidence were the deviation rate the tolerable "
                                  "rate. Rates are exact decimals (see docs/statistics.md).\n\n"
                                  "Exit status: 0 on success, 2 when the parameters are invalid (the message names "
                                  "the parameter), 1 on a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[1]);
  if (tolerable_text == NULL)
    return case_review_tool_usage_error (path, _("Missing --tolerable RATE"));
  if (expected_text != NULL && deviations_text != NULL)
    return case_review_tool_usage_error (path, _("Give --expected or --deviations, not both"));
  if (model_text != NULL && !case_review_tool_parse_model (model_text, &model))
    return case_review_tool_usage_error (path, _("Unknown model “%s”: use binomial, poisson or hypergeometric"),
                                         model_text);
  if (deviations_text != NULL && !case_review_tool_parse_count (path, "--deviations", deviations_text, 0, &deviations, &status))
    return status;
  if (population_text != NULL &&
      !case_review_tool_parse_count (path, "--population-size", population_text, 1, &population_size, &status))
    return status;
  if (model_text == NULL && population_text != NULL)
    model = CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC;

  if ((confidence_text != NULL && !parse_rate_option ("--confidence", confidence_text, &confidence, &status)) ||
      !parse_rate_option ("--tolerable", tolerable_text, &tolerable, &status) ||
      (expected_text != NULL && !parse_rate_option ("--expected", expected_text, &expected, &status)))
    return status;

  if (deviations_text != NULL)
    plan = case_review_attribute_plan_new_for_deviations (model, confidence, tolerable, deviations,
                                                          population_size, &error);
  else
    plan = case_review_attribute_plan_new (model, confidence, tolerable, expected, population_size, &error);
  if (plan == NULL)
    {
      case_review_tool_print_error ("%s", error->message);
      return case_review_tool_exit_status_for_error (error);
    }

  if (json)
    print_plan_json (plan);
  else
    print_plan_table (plan);

  return CASE_REVIEW_TOOL_EXIT_OK;
}

const CaseReviewToolCommand casereview_plan_command = {
  .name = "plan",
  .summary = N_("Attribute sample size: how many files to review for a confidence and tolerable rate"),
  .rank = 30,
  .run = plan_run,
};
