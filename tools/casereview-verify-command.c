/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * casereview verify: recompute a sample from its manifest and the frame.
 *
 *   casereview verify MANIFEST --agencies A.csv --cases C.csv
 *                     [--encoding auto|utf-8|gb18030] [--json]
 *
 * Redraws the manifest's plan with its seed on the population and compares
 * everything (case_review_sample_verify()): the population fingerprint, the
 * strata and every unit. Exit status 0: the manifest matches; 3: it differs
 * (each difference on its own line on stdout, or {"valid": false,
 * "differences": […]} with --json); 2: the manifest or the CSV files are
 * malformed, or the manifest's plan cannot be drawn on this population;
 * 1: anything else (usage, unreadable files).
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "casereview-tool.h"

static void
print_match (CaseReviewSample *sample,
             gboolean          json)
{
  guint n_units = g_list_model_get_n_items (G_LIST_MODEL (sample));
  guint n_selected = case_review_sample_get_n_selected (sample);
  guint n_strata = g_list_model_get_n_items (case_review_sample_get_strata (sample));
  const char *fingerprint = case_review_sample_get_population_fingerprint (sample);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "valid");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "units");
      json_builder_add_int_value (builder, n_units);
      json_builder_set_member_name (builder, "n_selected");
      json_builder_add_int_value (builder, n_selected);
      json_builder_set_member_name (builder, "strata");
      json_builder_add_int_value (builder, n_strata);
      json_builder_set_member_name (builder, "seed");
      json_builder_add_string_value (builder,
                                     case_review_sampling_plan_get_seed (case_review_sample_get_plan (sample)));
      json_builder_set_member_name (builder, "fingerprint");
      json_builder_add_string_value (builder, fingerprint);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      case_review_tool_print_json (root);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("manifest matches: %u units, fingerprint %s\n"
                                                 "(%u files to review in %u strata, seed “%s”)\n"),
                                               n_units, fingerprint, n_selected, n_strata,
                                               case_review_sampling_plan_get_seed (case_review_sample_get_plan (sample)));

      case_review_tool_print (stdout, text);
    }
}

/* The VERIFY error's message is a heading line, then one difference per
 * line. */
static void
print_differences (const GError *error,
                   gboolean      json)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "valid");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_set_member_name (builder, "summary");
      json_builder_add_string_value (builder, lines[0] != NULL ? lines[0] : "");
      json_builder_set_member_name (builder, "differences");
      json_builder_begin_array (builder);
      for (gsize i = 1; lines[0] != NULL && lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          json_builder_add_string_value (builder, lines[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      case_review_tool_print_json (root);
    }
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (gsize i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          g_string_append_printf (text, "%s\n", lines[i]);
      case_review_tool_print (stdout, text->str);
    }
}

static int
verify_run (const CaseReviewToolCommand *command,
            const char                  *path,
            int                          argc,
            char                       **argv)
{
  g_autofree char *agencies_path = NULL;
  g_autofree char *cases_path = NULL;
  g_autofree char *encoding_name = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "agencies", 'a', 0, G_OPTION_ARG_FILENAME, &agencies_path,
      N_("The agencies CSV the sample was drawn from"), N_("FILE") },
    { "cases", 'c', 0, G_OPTION_ARG_FILENAME, &cases_path,
      N_("The case files CSV the sample was drawn from"), N_("FILE") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("The files' character encoding: auto (the default), utf-8 or gb18030"), N_("ENCODING") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the result as JSON on stdout"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("MANIFEST"));
  g_auto(GStrv) args = NULL;
  g_autoptr(GFile) manifest_file = NULL;
  g_autoptr(CaseReviewSample) sample = NULL;
  g_autoptr(CaseReviewPopulation) population = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewTextEncoding encoding;
  int status;

  g_option_context_set_summary (context,
                                _("Checks a sample manifest against the frame: redraws the manifest's plan with its "
                                  "seed and reports every difference (a changed population, a swapped case, an "
                                  "altered plan).\n\n"
                                  "Exit status: 0 when the manifest matches, 3 when it differs (the differences on "
                                  "stdout), 2 when the manifest or the CSV files are malformed or the plan cannot be "
                                  "drawn on them, 1 on any other failure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] == NULL)
    return case_review_tool_usage_error (path, _("Missing the MANIFEST file"));
  if (args[2] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[2]);
  if (agencies_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --agencies FILE"));
  if (cases_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --cases FILE"));
  if (!case_review_tool_parse_encoding (encoding_name, &encoding))
    return case_review_tool_usage_error (path, _("Unknown encoding “%s”: use auto, utf-8 or gb18030"), encoding_name);

  manifest_file = g_file_new_for_commandline_arg (args[1]);
  sample = case_review_sample_new_from_file (manifest_file, NULL, &error);
  if (sample == NULL)
    {
      case_review_tool_print_error ("%s", error->message);
      return case_review_tool_exit_status_for_error (error);
    }

  status = case_review_tool_load_population (agencies_path, cases_path, encoding, &population);
  if (status != CASE_REVIEW_TOOL_EXIT_OK)
    return status;

  if (case_review_sample_verify (sample, population, NULL, &error))
    {
      print_match (sample, json);
      return CASE_REVIEW_TOOL_EXIT_OK;
    }

  if (g_error_matches (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_VERIFY))
    {
      print_differences (error, json);
      return CASE_REVIEW_TOOL_EXIT_MISMATCH;
    }

  case_review_tool_print_error ("%s", error->message);
  return case_review_tool_exit_status_for_error (error);
}

const CaseReviewToolCommand casereview_verify_command = {
  .name = "verify",
  .summary = N_("Recompute a sample from its manifest and the frame; report every difference"),
  .rank = 21,
  .run = verify_run,
};
