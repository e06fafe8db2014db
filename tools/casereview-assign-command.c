/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * casereview assign: draw the reviewers of a sample's files (双随机), or
 * check an assignment manifest.
 *
 *   casereview assign --manifest SAMPLE.json --reviewers R.csv [--per-file 2]
 *                     [--avoid-region] [--require-qualification
 *                      --agencies A.csv --cases C.csv] [--seed S]
 *                     [--encoding E] -o ASSIGNMENT.json [--csv TASKS.csv] [--json]
 *   casereview assign --verify ASSIGNMENT.json --manifest SAMPLE.json --reviewers R.csv …
 *
 * Exit status: 0 success (or a matching assignment), 3 an assignment that
 * does not match its draw, 2 invalid input (malformed files, a pool that
 * cannot cover the files), 1 anything else.
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

static void
print_loads (CaseReviewAssignment   *assignment,
             CaseReviewReviewerPool *pool,
             gboolean                json)
{
  GListModel *reviewers = G_LIST_MODEL (pool);
  guint n_reviewers = g_list_model_get_n_items (reviewers);
  guint n_tasks = g_list_model_get_n_items (G_LIST_MODEL (assignment));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "seed");
      json_builder_add_string_value (builder, case_review_assignment_get_seed (assignment));
      json_builder_set_member_name (builder, "per_file");
      json_builder_add_int_value (builder, case_review_assignment_get_per_file (assignment));
      json_builder_set_member_name (builder, "tasks");
      json_builder_add_int_value (builder, n_tasks);
      json_builder_set_member_name (builder, "loads");
      json_builder_begin_object (builder);
      for (guint i = 0; i < n_reviewers; i++)
        {
          g_autoptr(CaseReviewReviewer) reviewer = g_list_model_get_item (reviewers, i);
          json_builder_set_member_name (builder, case_review_reviewer_get_id (reviewer));
          json_builder_add_int_value (builder, case_review_assignment_get_load (assignment,
                                                                               case_review_reviewer_get_id (reviewer)));
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      case_review_tool_print_json (root);
      return;
    }

  {
    g_autoptr(CaseReviewTextTable) table = case_review_text_table_new (5);
    g_autofree char *heading = g_strdup_printf (_("种子 seed: %s\n%u reviews, %u per file, %u reviewers\n\n"),
                                                case_review_assignment_get_seed (assignment), n_tasks,
                                                case_review_assignment_get_per_file (assignment), n_reviewers);
    g_autofree char *rendered = NULL;

    const char *zh_header[] = { "编号", "姓名", "单位", "片区", "案卷数" };
    const char *en_header[] = { "id", "name", "agency", "region", "files" };

    case_review_text_table_set_align (table, 4, CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT);
    case_review_text_table_add_row (table, zh_header);
    case_review_text_table_add_row (table, en_header);
    case_review_text_table_add_rule (table);
    for (guint i = 0; i < n_reviewers; i++)
      {
        g_autoptr(CaseReviewReviewer) reviewer = g_list_model_get_item (reviewers, i);
        g_autofree char *load = g_strdup_printf ("%u", case_review_assignment_get_load (assignment,
                                                                                    case_review_reviewer_get_id (reviewer)));
        const char *agency = case_review_reviewer_get_agency_id (reviewer);
        const char *region = case_review_reviewer_get_region (reviewer);

        const char *row[] = { case_review_reviewer_get_id (reviewer), case_review_reviewer_get_name (reviewer),
                              agency != NULL ? agency : "—", region != NULL ? region : "—", load };

        case_review_text_table_add_row (table, row);
      }
    rendered = case_review_text_table_to_string (table);
    case_review_tool_print (stdout, heading);
    case_review_tool_print (stdout, rendered);
  }
}

static gboolean
write_tasks_csv (CaseReviewAssignment    *assignment,
                 CaseReviewReviewerPool  *pool,
                 const char              *path,
                 GError                 **error)
{
  g_autoptr(GString) csv = g_string_new ("\xef\xbb\xbf" "case_id,agency,reviewer,reviewer_name,slot\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (assignment)); i++)
    {
      g_autoptr(CaseReviewReviewTask) task = g_list_model_get_item (G_LIST_MODEL (assignment), i);
      CaseReviewReviewer *reviewer = case_review_reviewer_pool_lookup (pool, case_review_review_task_get_reviewer_id (task));
      const char *fields[] = { case_review_review_task_get_case_id (task), case_review_review_task_get_agency_id (task),
                               case_review_review_task_get_reviewer_id (task),
                               reviewer != NULL ? case_review_reviewer_get_name (reviewer) : "" };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          /* Quote every text field: case numbers may hold commas. */
          g_string_append_c (csv, '"');
          for (const char *p = fields[f]; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (csv, '"');
              g_string_append_c (csv, *p);
            }
          g_string_append (csv, "\",");
        }
      g_string_append_printf (csv, "%u\r\n", case_review_review_task_get_slot (task));
    }

  return g_file_set_contents (path, csv->str, csv->len, error);
}

static int
assign_run (const CaseReviewToolCommand *command,
            const char                  *path,
            int                          argc,
            char                       **argv)
{
  g_autofree char *manifest_path = NULL, *reviewers_path = NULL, *agencies_path = NULL, *cases_path = NULL;
  g_autofree char *output_path = NULL, *csv_path = NULL, *verify_path = NULL, *seed = NULL, *encoding_name = NULL;
  int per_file = 2;
  gboolean avoid_region = FALSE, require_qualification = FALSE, json = FALSE;
  const GOptionEntry entries[] = {
    { "manifest", 'm', 0, G_OPTION_ARG_FILENAME, &manifest_path, N_("The sample manifest"), N_("FILE") },
    { "reviewers", 'r', 0, G_OPTION_ARG_FILENAME, &reviewers_path, N_("The reviewer pool CSV"), N_("FILE") },
    { "per-file", 'k', 0, G_OPTION_ARG_INT, &per_file, N_("Reviewers per file (default 2)"), N_("N") },
    { "avoid-region", 0, 0, G_OPTION_ARG_NONE, &avoid_region, N_("Never a reviewer from the file's region"), NULL },
    { "require-qualification", 0, 0, G_OPTION_ARG_NONE, &require_qualification,
      N_("Only reviewers qualified for the file's kind (needs --agencies and --cases)"), NULL },
    { "agencies", 'a', 0, G_OPTION_ARG_FILENAME, &agencies_path, N_("The agencies CSV of the sample"), N_("FILE") },
    { "cases", 'c', 0, G_OPTION_ARG_FILENAME, &cases_path, N_("The case files CSV of the sample"), N_("FILE") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("The CSV files' encoding: auto (the default), utf-8 or gb18030"), N_("ENCODING") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed, N_("The public seed (default: the sample's)"), N_("SEED") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Where to write the assignment manifest"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, N_("Also write the tasks as CSV (for Excel)"), N_("FILE") },
    { "verify", 0, 0, G_OPTION_ARG_FILENAME, &verify_path,
      N_("Check this assignment manifest instead of drawing"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON on stdout"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewSample) sample = NULL;
  g_autoptr(CaseReviewReviewerPool) pool = NULL;
  g_autoptr(CaseReviewPopulation) population = NULL;
  g_autoptr(CaseReviewAssignment) assignment = NULL;
  g_autoptr(GFile) manifest_file = NULL, reviewers_file = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewAssignmentRules rules = CASE_REVIEW_ASSIGNMENT_RULES_NONE;
  CaseReviewTextEncoding encoding;
  int status;

  g_option_context_set_summary (context,
                                _("Draws the reviewers of every file selected in a sample (双随机): never a reviewer "
                                  "from the file's agency or with a declared conflict, optionally never from its "
                                  "region and only qualified for its kind, with balanced workloads; reproducible "
                                  "from the seed and written as a manifest. With --verify, checks a manifest.\n\n"
                                  "Exit status: 0 success, 3 an assignment that does not match, 2 invalid input or a "
                                  "pool that cannot cover the files, 1 any other failure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[1]);
  if (manifest_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --manifest FILE"));
  if (reviewers_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --reviewers FILE"));
  if (verify_path == NULL && output_path == NULL)
    return case_review_tool_usage_error (path, _("Missing -o FILE for the assignment manifest"));
  if (per_file < 1 || per_file > 8)
    return case_review_tool_usage_error (path, _("--per-file must be from 1 to 8"));
  if ((agencies_path == NULL) != (cases_path == NULL))
    return case_review_tool_usage_error (path, _("--agencies and --cases go together"));
  if (require_qualification && agencies_path == NULL)
    return case_review_tool_usage_error (path, _("--require-qualification needs --agencies and --cases"));
  if (!case_review_tool_parse_encoding (encoding_name, &encoding))
    return case_review_tool_usage_error (path, _("Unknown encoding “%s”: use auto, utf-8 or gb18030"), encoding_name);

  manifest_file = g_file_new_for_commandline_arg (manifest_path);
  sample = case_review_sample_new_from_file (manifest_file, NULL, &error);
  if (sample == NULL)
    return report_error (error);

  reviewers_file = g_file_new_for_commandline_arg (reviewers_path);
  pool = case_review_reviewer_pool_new ();
  if (!case_review_reviewer_pool_load_csv (pool, reviewers_file, encoding, NULL, &error))
    return report_error (error);

  if (agencies_path != NULL)
    {
      status = case_review_tool_load_population (agencies_path, cases_path, encoding, &population);
      if (status != CASE_REVIEW_TOOL_EXIT_OK)
        return status;
    }

  if (verify_path != NULL)
    {
      g_autofree char *contents = NULL;

      if (!g_file_get_contents (verify_path, &contents, NULL, &error))
        return report_error (error);
      assignment = case_review_assignment_new_from_manifest (contents, &error);
      if (assignment == NULL)
        return report_error (error);
      if (!case_review_assignment_verify (assignment, sample, pool, population, &error))
        {
          if (!g_error_matches (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_VERIFY))
            return report_error (error);
          case_review_tool_print (stdout, error->message);
          case_review_tool_print (stdout, "\n");
          return CASE_REVIEW_TOOL_EXIT_MISMATCH;
        }
      case_review_tool_print (stdout, _("assignment matches its draw\n"));
      return CASE_REVIEW_TOOL_EXIT_OK;
    }

  if (avoid_region)
    rules |= CASE_REVIEW_ASSIGNMENT_RULES_AVOID_REGION;
  if (require_qualification)
    rules |= CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION;
  assignment = case_review_assignment_new_draw (sample, pool, population, (guint) per_file, rules, seed, &error);
  if (assignment == NULL)
    return report_error (error);

  {
    g_autoptr(GFile) output = g_file_new_for_commandline_arg (output_path);
    if (!case_review_assignment_save_manifest (assignment, output, NULL, &error))
      return report_error (error);
  }
  if (csv_path != NULL && !write_tasks_csv (assignment, pool, csv_path, &error))
    return report_error (error);

  print_loads (assignment, pool, json);
  return CASE_REVIEW_TOOL_EXIT_OK;
}

const CaseReviewToolCommand casereview_assign_command = {
  .name = "assign",
  .summary = N_("Draw the reviewers of a sample's files at random, with recusal (双随机)"),
  .rank = 30,
  .run = assign_run,
};
