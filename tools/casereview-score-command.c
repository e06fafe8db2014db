/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * casereview score: combine the reviewers' score sheets of a sample into
 * case and agency results and print the agencies' ranking.
 *
 *   casereview score (--rubric R.json | --default-rubric) --manifest SAMPLE.json
 *                    --agencies A.csv --cases C.csv --sheets S.csv|S.json
 *                    [--encoding E] [-o RESULTS.json] [--json] [--xlsx RESULTS.xlsx]
 *
 * Exit status: 0 success, 2 invalid input (malformed files, sheets that do
 * not fit the sample or the rubric), 1 anything else.
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "casereview-text-table.h"
#include "casereview-tool.h"

static int
report_error (GError *error)
{
  case_review_tool_print_error ("%s", error->message);
  return case_review_tool_exit_status_for_error (error);
}

static char *
hundredths_text (guint64 hundredths)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%02u", hundredths / 100, (guint) (hundredths % 100));
}

static void
print_ranking (CaseReviewPopulation *population,
               GListModel           *agencies)
{
  g_autoptr(CaseReviewTextTable) table = case_review_text_table_new (9);
  const char *zh[] = { "名次", "单位", "简称", "案卷", "平均分", "中位数", "优秀率", "不合格", "等次" };
  const char *en[] = { "rank", "agency", "short name", "files", "mean", "median", "excellent", "failed", "grade" };
  g_autofree char *text = NULL;

  for (guint c = 3; c < 8; c++)
    case_review_text_table_set_align (table, c, CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT);
  case_review_text_table_add_row (table, zh);
  case_review_text_table_add_row (table, en);
  case_review_text_table_add_rule (table);
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(CaseReviewAgencyResult) result = g_list_model_get_item (agencies, i);
      const char *id = case_review_agency_result_get_agency_id (result);
      CaseReviewAgency *agency = case_review_population_lookup_agency (population, id);
      g_autofree char *rank = g_strdup_printf ("%u", case_review_agency_result_get_rank (result));
      g_autofree char *files = g_strdup_printf ("%u", case_review_agency_result_get_n_files (result));
      g_autofree char *mean = hundredths_text (case_review_agency_result_get_mean_hundredths (result));
      g_autofree char *median = hundredths_text (case_review_agency_result_get_median_hundredths (result));
      g_autofree char *excellent = g_strdup_printf ("%.1f%%", 100 * case_review_agency_result_get_excellent_rate (result));
      g_autofree char *failed = g_strdup_printf ("%u", case_review_agency_result_get_n_failed (result));
      const char *row[] = { rank, id, agency != NULL ? case_review_agency_get_short_name (agency) : "", files, mean,
                            median, excellent, failed,
                            case_review_grade_get_label (case_review_agency_result_get_grade (result)) };

      case_review_text_table_add_row (table, row);
    }

  text = case_review_text_table_to_string (table);
  case_review_tool_print (stdout, text);
}

static int
score_run (const CaseReviewToolCommand *command,
           const char                  *path,
           int                          argc,
           char                       **argv)
{
  g_autofree char *rubric_path = NULL, *manifest_path = NULL, *agencies_path = NULL, *cases_path = NULL;
  g_autofree char *sheets_path = NULL, *output_path = NULL, *encoding_name = NULL;
  gboolean default_rubric = FALSE, json = FALSE;
  g_autofree char *xlsx_path = NULL;
  const GOptionEntry entries[] = {
    { "rubric", 'r', 0, G_OPTION_ARG_FILENAME, &rubric_path, N_("The rubric (JSON)"), N_("FILE") },
    { "default-rubric", 0, 0, G_OPTION_ARG_NONE, &default_rubric, N_("Use the bundled default rubric"), NULL },
    { "manifest", 'm', 0, G_OPTION_ARG_FILENAME, &manifest_path, N_("The sample manifest"), N_("FILE") },
    { "agencies", 'a', 0, G_OPTION_ARG_FILENAME, &agencies_path, N_("The agencies CSV of the sample"), N_("FILE") },
    { "cases", 'c', 0, G_OPTION_ARG_FILENAME, &cases_path, N_("The case files CSV of the sample"), N_("FILE") },
    { "sheets", 's', 0, G_OPTION_ARG_FILENAME, &sheets_path,
      N_("The score sheets: CSV, or JSON when the name ends in .json"), N_("FILE") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("The CSV files' encoding: auto (the default), utf-8 or gb18030"), N_("ENCODING") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Write the results as JSON"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results JSON on stdout"), NULL },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx_path, N_("Write the results as an Excel workbook"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewRubric) rubric = NULL;
  g_autoptr(CaseReviewSample) sample = NULL;
  g_autoptr(CaseReviewPopulation) population = NULL;
  g_autoptr(CaseReviewEvaluation) evaluation = NULL;
  g_autoptr(GListModel) agencies = NULL;
  g_autofree char *results = NULL;
  g_autoptr(GFile) manifest_file = NULL, sheets_file = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewTextEncoding encoding;
  int status;

  g_option_context_set_summary (context,
                                _("Combines the reviewers' score sheets of a sample into case and agency results "
                                  "(mean or trimmed mean, re-reviews replacing initial results, vetoes), ranks the "
                                  "agencies and bounds each one's share of non-compliant files.\n\n"
                                  "Exit status: 0 success, 2 invalid input, 1 any other failure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[1]);
  if ((rubric_path == NULL) == !default_rubric)
    return case_review_tool_usage_error (path, _("Give either --rubric FILE or --default-rubric"));
  if (manifest_path == NULL || agencies_path == NULL || cases_path == NULL || sheets_path == NULL)
    return case_review_tool_usage_error (path, _("--manifest, --agencies, --cases and --sheets are required"));
  if (!case_review_tool_parse_encoding (encoding_name, &encoding))
    return case_review_tool_usage_error (path, _("Unknown encoding “%s”: use auto, utf-8 or gb18030"), encoding_name);

  if (default_rubric)
    rubric = g_object_ref (case_review_rubric_get_default ());
  else
    {
      g_autoptr(GFile) rubric_file = g_file_new_for_commandline_arg (rubric_path);
      if ((rubric = case_review_rubric_new_from_file (rubric_file, NULL, &error)) == NULL)
        return report_error (error);
    }

  manifest_file = g_file_new_for_commandline_arg (manifest_path);
  if ((sample = case_review_sample_new_from_file (manifest_file, NULL, &error)) == NULL)
    return report_error (error);
  status = case_review_tool_load_population (agencies_path, cases_path, encoding, &population);
  if (status != CASE_REVIEW_TOOL_EXIT_OK)
    return status;
  if (!case_review_sample_verify (sample, population, NULL, &error))
    {
      case_review_tool_print_error (_("the manifest does not match the frame: %s"), error->message);
      return CASE_REVIEW_TOOL_EXIT_INVALID_INPUT;
    }

  evaluation = case_review_evaluation_new (rubric, sample, population);
  sheets_file = g_file_new_for_commandline_arg (sheets_path);
  if (!(g_str_has_suffix (sheets_path, ".json") || g_str_has_suffix (sheets_path, ".JSON")
          ? case_review_evaluation_load_sheets_json (evaluation, sheets_file, NULL, &error)
          : case_review_evaluation_load_sheets_csv (evaluation, sheets_file, encoding, NULL, &error)))
    return report_error (error);

  agencies = case_review_evaluation_dup_agency_results (evaluation);
  results = case_review_evaluation_to_json (evaluation);
  if (output_path != NULL)
    {
      g_autoptr(GFile) output_file = g_file_new_for_commandline_arg (output_path);

      if (!case_review_evaluation_save_json (evaluation, output_file, NULL, &error))
        return report_error (error);
    }
  if (xlsx_path != NULL)
    {
      g_autoptr(GFile) xlsx_file = g_file_new_for_commandline_arg (xlsx_path);

      if (!case_review_evaluation_write_xlsx (evaluation, xlsx_file, NULL, &error))
        return report_error (error);
    }

  if (json)
    {
      fputs (results, stdout);
      fputc ('\n', stdout);
    }
  else
    print_ranking (population, agencies);
  return CASE_REVIEW_TOOL_EXIT_OK;
}

const CaseReviewToolCommand casereview_score_command = {
  .name = "score",
  .summary = N_("Combine score sheets into case and agency results and rank the agencies"),
  .rank = 35,
  .run = score_run,
};
