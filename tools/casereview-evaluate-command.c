/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * casereview evaluate: a composite evaluation (legal-aid lawyers, agencies'
 * legal-education duties) from its definition and raw scores.
 *
 *   casereview evaluate --definition D.json --scores S.csv [--encoding E]
 *                       [-o RESULTS.json] [--csv RESULTS.csv] [--json]
 *
 * Prints the ranking with each component's score, the total and the flags
 * (bottom N, below the floor), or with --json the results JSON on stdout.
 * Exit status: 0 success, 2 invalid input (a definition or scores file that
 * breaks a rule, a subject without scores; located messages on stderr),
 * 1 anything else (usage, unreadable files).
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "casereview-text-table.h"
#include "casereview-tool.h"

static int
report_error (GError *error)
{
  int status = case_review_tool_exit_status_for_error (error);

  if (status == CASE_REVIEW_TOOL_EXIT_INVALID_INPUT)
    g_printerr ("%s\n", error->message);  /* located problems, one per line */
  else
    case_review_tool_print_error ("%s", error->message);
  return status;
}

static char *
format_points (guint hundredths)
{
  return g_strdup_printf ("%u.%02u", hundredths / 100, hundredths % 100);
}

static void
print_ranking (CaseReviewCompositeEvaluation *evaluation,
               GListModel                    *results)
{
  GListModel *components = case_review_composite_evaluation_get_components (evaluation);
  guint n_components = g_list_model_get_n_items (components);
  guint n_columns = n_components + 5;
  guint n = g_list_model_get_n_items (results);
  guint bottom_n = case_review_composite_evaluation_get_bottom_n (evaluation);
  guint floor_hundredths = case_review_composite_evaluation_get_floor_hundredths (evaluation);
  g_autoptr(CaseReviewTextTable) table = case_review_text_table_new (n_columns);
  g_autoptr(GPtrArray) zh_header = g_ptr_array_new ();
  g_autoptr(GPtrArray) en_header = g_ptr_array_new ();
  g_autoptr(GString) heading = g_string_new (NULL);
  g_autofree char *floor_text = format_points (floor_hundredths);
  g_autofree char *rendered = NULL;
  guint n_bottom = 0, n_below = 0;

  g_string_append_printf (heading, "%s\n%s\n", case_review_composite_evaluation_get_title (evaluation),
                          case_review_composite_evaluation_get_title_en (evaluation));
  g_string_append_printf (heading, _("%u subjects; total ="), n);
  for (guint c = 0; c < n_components; c++)
    {
      g_autoptr(CaseReviewCompositeComponent) component = g_list_model_get_item (components, c);

      g_string_append_printf (heading, "%s %s × %s", c > 0 ? " +" : "",
                              case_review_composite_component_get_id (component),
                              case_review_composite_component_get_weight (component));
    }
  g_string_append (heading, "\n");
  if (bottom_n > 0)
    g_string_append_printf (heading, _("bottom %u flagged (末位)"), bottom_n);
  if (floor_hundredths > 0)
    g_string_append_printf (heading, _("%sfloor %s (最低分)"), bottom_n > 0 ? "; " : "", floor_text);
  if (bottom_n > 0 || floor_hundredths > 0)
    g_string_append (heading, "\n");
  g_string_append (heading, "\n");

  g_ptr_array_add (zh_header, "名次");
  g_ptr_array_add (en_header, "rank");
  g_ptr_array_add (zh_header, "编号");
  g_ptr_array_add (en_header, "id");
  g_ptr_array_add (zh_header, "名称");
  g_ptr_array_add (en_header, "name");
  for (guint c = 0; c < n_components; c++)
    {
      g_autoptr(CaseReviewCompositeComponent) component = g_list_model_get_item (components, c);

      g_ptr_array_add (zh_header, (gpointer) case_review_composite_component_get_label (component));
      g_ptr_array_add (en_header, (gpointer) case_review_composite_component_get_id (component));
      case_review_text_table_set_align (table, 3 + c, CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT);
    }
  g_ptr_array_add (zh_header, "总分");
  g_ptr_array_add (en_header, "total");
  g_ptr_array_add (zh_header, "标记");
  g_ptr_array_add (en_header, "flags");
  case_review_text_table_set_align (table, 0, CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT);
  case_review_text_table_set_align (table, 3 + n_components, CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT);
  case_review_text_table_add_row (table, (const char * const *) zh_header->pdata);
  case_review_text_table_add_row (table, (const char * const *) en_header->pdata);
  case_review_text_table_add_rule (table);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaseReviewCompositeResult) result = g_list_model_get_item (results, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) flags = g_string_new (NULL);
      const char * const *missing = case_review_composite_result_get_missing_components (result);

      g_ptr_array_add (cells, g_strdup_printf ("%u", case_review_composite_result_get_rank (result)));
      g_ptr_array_add (cells, g_strdup (case_review_composite_result_get_subject_id (result)));
      g_ptr_array_add (cells, g_strdup (case_review_composite_result_get_subject_name (result)));
      for (guint c = 0; c < n_components; c++)
        {
          g_autoptr(CaseReviewCompositeComponent) component = g_list_model_get_item (components, c);
          const char *id = case_review_composite_component_get_id (component);
          g_autofree char *score = format_points ((guint) case_review_composite_result_get_component_score_hundredths (result, id));
          gint64 votes = case_review_composite_result_get_component_votes (result, id);

          g_ptr_array_add (cells, votes >= 0 ? g_strdup_printf ("%s (%" G_GINT64_FORMAT ")", score, votes)
                                             : g_steal_pointer (&score));
        }
      g_ptr_array_add (cells, format_points (case_review_composite_result_get_total_hundredths (result)));
      if (case_review_composite_result_is_bottom (result))
        {
          g_string_append (flags, "末位 bottom");
          n_bottom++;
        }
      if (case_review_composite_result_is_below_floor (result))
        {
          g_string_append_printf (flags, "%s低于最低分 below floor", flags->len > 0 ? ", " : "");
          n_below++;
        }
      if (missing[0] != NULL)
        {
          g_autofree char *list = g_strjoinv ("/", (char **) missing);
          g_string_append_printf (flags, "%s缺分 missing %s", flags->len > 0 ? ", " : "", list);
        }
      g_ptr_array_add (cells, g_string_free (g_steal_pointer (&flags), FALSE));
      case_review_text_table_add_row (table, (const char * const *) cells->pdata);
    }

  rendered = case_review_text_table_to_string (table);
  case_review_tool_print (stdout, heading->str);
  case_review_tool_print (stdout, rendered);
  {
    g_autofree char *summary = g_strdup_printf (_("\n%u flagged as bottom %u, %u below the floor %s\n"),
                                                n_bottom, bottom_n, n_below, floor_text);
    case_review_tool_print (stdout, summary);
  }
}

static int
evaluate_run (const CaseReviewToolCommand *command,
              const char                  *path,
              int                          argc,
              char                       **argv)
{
  g_autofree char *definition_path = NULL, *scores_path = NULL, *output_path = NULL, *csv_path = NULL;
  g_autofree char *encoding_name = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "definition", 'd', 0, G_OPTION_ARG_FILENAME, &definition_path,
      N_("The evaluation's definition (JSON: components, weights, rules, bottom N, floor)"), N_("FILE") },
    { "scores", 's', 0, G_OPTION_ARG_FILENAME, &scores_path,
      N_("The raw scores CSV, one row per score (subject, name, component, score, rater)"), N_("FILE") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("The CSV file's encoding: auto (the default), utf-8 or gb18030"), N_("ENCODING") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Write the results as JSON"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, N_("Write the results as CSV (for Excel)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results JSON on stdout"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewCompositeEvaluation) evaluation = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GFile) definition_file = NULL, scores_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *results_json = NULL;
  CaseReviewTextEncoding encoding;
  int status;

  g_option_context_set_summary (context,
                                _("Scores subjects on weighted components (legal-aid lawyers: hearing and case "
                                  "file; agencies' legal-education duty: experts and public votes), ranks them "
                                  "and flags the bottom N and those below the floor, in exact arithmetic "
                                  "(docs/composite-evaluations.md).\n\n"
                                  "Exit status: 0 success, 2 invalid input, 1 any other failure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[1]);
  if (definition_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --definition FILE"));
  if (scores_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --scores FILE"));
  if (!case_review_tool_parse_encoding (encoding_name, &encoding))
    return case_review_tool_usage_error (path, _("Unknown encoding “%s”: use auto, utf-8 or gb18030"), encoding_name);

  definition_file = g_file_new_for_commandline_arg (definition_path);
  evaluation = case_review_composite_evaluation_new_from_file (definition_file, NULL, &error);
  if (evaluation == NULL)
    return report_error (error);

  scores_file = g_file_new_for_commandline_arg (scores_path);
  if (!case_review_composite_evaluation_load_scores_csv (evaluation, scores_file, encoding, NULL, &error))
    return report_error (error);

  results = case_review_composite_evaluation_compute (evaluation, &error);
  if (results == NULL)
    return report_error (error);

  if (output_path != NULL || json)
    {
      results_json = case_review_composite_evaluation_results_to_json (evaluation, &error);
      if (results_json == NULL)
        return report_error (error);
    }
  if (output_path != NULL && !g_file_set_contents (output_path, results_json, -1, &error))
    return report_error (error);
  if (csv_path != NULL)
    {
      g_autofree char *csv = case_review_composite_evaluation_results_to_csv (evaluation, &error);

      if (csv == NULL || !g_file_set_contents (csv_path, csv, -1, &error))
        return report_error (error);
    }

  if (json)
    {
      fputs (results_json, stdout);
      fputs ("\n", stdout);
    }
  else
    print_ranking (evaluation, results);
  return CASE_REVIEW_TOOL_EXIT_OK;
}

const CaseReviewToolCommand casereview_evaluate_command = {
  .name = "evaluate",
  .summary = N_("Rank subjects on weighted components: legal-aid lawyers, legal-education duties"),
  .rank = 35,
  .run = evaluate_run,
};
