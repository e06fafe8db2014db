/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * casereview population: the sampling frame.
 *
 *   casereview population check --agencies A.csv --cases C.csv
 *                               [--encoding auto|utf-8|gb18030]
 *                               [--max-errors N] [--json]
 *
 * Loads the frame as the library does for every other command, then reports
 * counts per agency and kind, the closing-date range and the fingerprint.
 * Exit status 0: valid; 2: the files break a rule (each problem on stderr
 * as FILE:LINE:COLUMN: RULE); 1: anything else.
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "casereview-text-table.h"
#include "casereview-tool.h"

static const CaseReviewEnforcementKind all_kinds[CASE_REVIEW_N_ENFORCEMENT_KINDS] = {
  CASE_REVIEW_ENFORCEMENT_KIND_PENALTY,
  CASE_REVIEW_ENFORCEMENT_KIND_COERCION,
  CASE_REVIEW_ENFORCEMENT_KIND_INSPECTION,
  CASE_REVIEW_ENFORCEMENT_KIND_LICENSING,
  CASE_REVIEW_ENFORCEMENT_KIND_OTHER,
};

static gboolean
parse_encoding (const char             *text,
                CaseReviewTextEncoding *out_encoding)
{
  if (text == NULL || g_ascii_strcasecmp (text, "auto") == 0)
    *out_encoding = CASE_REVIEW_TEXT_ENCODING_AUTO;
  else if (g_ascii_strcasecmp (text, "utf-8") == 0 || g_ascii_strcasecmp (text, "utf8") == 0)
    *out_encoding = CASE_REVIEW_TEXT_ENCODING_UTF8;
  else if (g_ascii_strcasecmp (text, "gb18030") == 0 || g_ascii_strcasecmp (text, "gbk") == 0 ||
           g_ascii_strcasecmp (text, "gb2312") == 0)
    *out_encoding = CASE_REVIEW_TEXT_ENCODING_GB18030;  /* a superset of both */
  else
    return FALSE;

  return TRUE;
}

/* A problem the library reported: its code and one line of message. */
typedef struct
{
  char *code;
  char *message;
} Problem;

static void
problem_free (gpointer data)
{
  Problem *problem = data;

  g_free (problem->code);
  g_free (problem->message);
  g_free (problem);
}

static Problem *
problem_new (const GError *error,
             const char   *message)
{
  Problem *problem = g_new0 (Problem, 1);

  problem->code = case_review_tool_dup_error_code (error);
  problem->message = g_strdup (message);

  return problem;
}

/* The problems behind a failed load: the ones the population collected
 * (one GError each, several with --max-errors), or else one per line of
 * @error's message. */
static GPtrArray *
collect_problems (CaseReviewPopulation *population,
                  const GError         *error)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (problem_free);
  GPtrArray *collected = case_review_population_get_problems (population);

  if (collected != NULL && collected->len > 0)
    {
      for (guint i = 0; i < collected->len; i++)
        {
          const GError *problem = g_ptr_array_index (collected, i);

          g_ptr_array_add (problems, problem_new (problem, problem->message));
        }
    }
  else
    {
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      for (gsize i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          g_ptr_array_add (problems, problem_new (error, lines[i]));
    }

  return problems;
}

/* Adds "file", "line" and "column" members when @message starts with a
 * FILE:LINE:COLUMN: location. */
static void
add_location (JsonBuilder *builder,
              const char  *message)
{
  g_autoptr(GRegex) regex = g_regex_new ("^(.+?):([0-9]+):([0-9]+): ", G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, message, 0, &match))
    return;

  {
    g_autofree char *file = g_match_info_fetch (match, 1);
    g_autofree char *line = g_match_info_fetch (match, 2);
    g_autofree char *column = g_match_info_fetch (match, 3);

    json_builder_set_member_name (builder, "file");
    json_builder_add_string_value (builder, file);
    json_builder_set_member_name (builder, "line");
    json_builder_add_int_value (builder, g_ascii_strtoll (line, NULL, 10));
    json_builder_set_member_name (builder, "column");
    json_builder_add_int_value (builder, g_ascii_strtoll (column, NULL, 10));
  }
}

static void
print_invalid_json (GPtrArray *problems)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      Problem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, problem->code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      add_location (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  case_review_tool_print_json (root);
}

static char *
dup_date_string (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/* Everything the report shows, computed once for both formats. */
typedef struct
{
  guint  n_cases;
  guint  n_agencies;
  guint  by_kind[CASE_REVIEW_N_ENFORCEMENT_KINDS];
  char  *first_closed_on;  /* nullable */
  char  *last_closed_on;   /* nullable */
  char  *fingerprint;
} Summary;

static void
summary_clear (Summary *summary)
{
  g_free (summary->first_closed_on);
  g_free (summary->last_closed_on);
  g_free (summary->fingerprint);
}

static void
summarize (CaseReviewPopulation *population,
           Summary              *summary)
{
  GDate *first = case_review_population_dup_first_closed_on (population);
  GDate *last = case_review_population_dup_last_closed_on (population);

  summary->n_cases = case_review_population_get_n_cases (population);
  summary->n_agencies = g_list_model_get_n_items (case_review_population_get_agencies (population));
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    summary->by_kind[k] = case_review_population_count_for_kind (population, all_kinds[k]);
  summary->first_closed_on = dup_date_string (first);
  summary->last_closed_on = dup_date_string (last);
  summary->fingerprint = case_review_population_dup_fingerprint (population);

  g_clear_pointer (&first, g_date_free);
  g_clear_pointer (&last, g_date_free);
}

static void
add_by_kind (JsonBuilder *builder,
             const guint *counts)
{
  json_builder_begin_object (builder);
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    {
      json_builder_set_member_name (builder, case_review_enforcement_kind_get_name (all_kinds[k]));
      json_builder_add_int_value (builder, counts[k]);
    }
  json_builder_end_object (builder);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_report_json (CaseReviewPopulation *population,
                   const Summary        *summary)
{
  GListModel *agencies = case_review_population_get_agencies (population);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "cases");
  json_builder_add_int_value (builder, summary->n_cases);

  json_builder_set_member_name (builder, "agencies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->n_agencies; i++)
    {
      g_autoptr(CaseReviewAgency) agency = g_list_model_get_item (agencies, i);
      const char *id = case_review_agency_get_id (agency);
      guint counts[CASE_REVIEW_N_ENFORCEMENT_KINDS];

      for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
        counts[k] = case_review_population_count_for_stratum (population, id, all_kinds[k]);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, case_review_agency_get_name (agency));
      json_builder_set_member_name (builder, "short_name");
      json_builder_add_string_value (builder, case_review_agency_get_short_name (agency));
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder,
                                     case_review_agency_category_get_name (case_review_agency_get_category (agency)));
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, case_review_population_count_for_agency (population, id));
      json_builder_set_member_name (builder, "by_kind");
      add_by_kind (builder, counts);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "by_kind");
  add_by_kind (builder, summary->by_kind);
  add_nullable_string (builder, "first_closed_on", summary->first_closed_on);
  add_nullable_string (builder, "last_closed_on", summary->last_closed_on);
  json_builder_set_member_name (builder, "fingerprint");
  json_builder_add_string_value (builder, summary->fingerprint);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  case_review_tool_print_json (root);
}

static char *
dup_count (guint count)
{
  return g_strdup_printf ("%u", count);
}

/* The human-readable report: a summary, then one row per agency with its
 * cases per kind, headed in Chinese and English, with a total row. */
static void
print_report_table (CaseReviewPopulation *population,
                    const Summary        *summary)
{
  enum { COLUMN_ID, COLUMN_SHORT_NAME, COLUMN_TOTAL, COLUMN_FIRST_KIND, N_COLUMNS = COLUMN_FIRST_KIND + CASE_REVIEW_N_ENFORCEMENT_KINDS };
  GListModel *agencies = case_review_population_get_agencies (population);
  g_autoptr(CaseReviewTextTable) overview = case_review_text_table_new (2);
  g_autoptr(CaseReviewTextTable) table = case_review_text_table_new (N_COLUMNS);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *n_cases = dup_count (summary->n_cases);
  g_autofree char *n_agencies = dup_count (summary->n_agencies);
  g_autofree char *date_range = NULL;
  g_autofree char *overview_text = NULL;
  g_autofree char *table_text = NULL;
  const char *row[N_COLUMNS];
  char *cells[N_COLUMNS] = { NULL };

  if (summary->first_closed_on != NULL)
    date_range = g_strdup_printf ("%s 至 %s", summary->first_closed_on, summary->last_closed_on);

  case_review_text_table_add_row (overview, (const char *[]) { "案卷总数 cases", n_cases });
  case_review_text_table_add_row (overview, (const char *[]) { "执法单位 agencies", n_agencies });
  case_review_text_table_add_row (overview, (const char *[]) { "结案日期 closed on", date_range != NULL ? date_range : "—" });
  case_review_text_table_add_row (overview, (const char *[]) { "指纹 SHA-256 fingerprint", summary->fingerprint });

  for (guint c = COLUMN_TOTAL; c < N_COLUMNS; c++)
    case_review_text_table_set_align (table, c, CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT);

  row[COLUMN_ID] = "编号";
  row[COLUMN_SHORT_NAME] = "简称";
  row[COLUMN_TOTAL] = "合计";
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    row[COLUMN_FIRST_KIND + k] = case_review_enforcement_kind_get_label (all_kinds[k]);
  case_review_text_table_add_row (table, row);

  row[COLUMN_ID] = "id";
  row[COLUMN_SHORT_NAME] = "short name";
  row[COLUMN_TOTAL] = "total";
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    row[COLUMN_FIRST_KIND + k] = case_review_enforcement_kind_get_name (all_kinds[k]);
  case_review_text_table_add_row (table, row);
  case_review_text_table_add_rule (table);

  for (guint i = 0; i < summary->n_agencies; i++)
    {
      g_autoptr(CaseReviewAgency) agency = g_list_model_get_item (agencies, i);
      const char *id = case_review_agency_get_id (agency);

      cells[COLUMN_TOTAL] = dup_count (case_review_population_count_for_agency (population, id));
      for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
        cells[COLUMN_FIRST_KIND + k] = dup_count (case_review_population_count_for_stratum (population, id, all_kinds[k]));

      row[COLUMN_ID] = id;
      row[COLUMN_SHORT_NAME] = case_review_agency_get_short_name (agency);
      for (guint c = COLUMN_TOTAL; c < N_COLUMNS; c++)
        row[c] = cells[c];
      case_review_text_table_add_row (table, row);

      for (guint c = COLUMN_TOTAL; c < N_COLUMNS; c++)
        g_clear_pointer (&cells[c], g_free);
    }

  case_review_text_table_add_rule (table);
  cells[COLUMN_TOTAL] = dup_count (summary->n_cases);
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    cells[COLUMN_FIRST_KIND + k] = dup_count (summary->by_kind[k]);
  row[COLUMN_ID] = "合计";
  row[COLUMN_SHORT_NAME] = "total";
  for (guint c = COLUMN_TOTAL; c < N_COLUMNS; c++)
    row[c] = cells[c];
  case_review_text_table_add_row (table, row);
  for (guint c = COLUMN_TOTAL; c < N_COLUMNS; c++)
    g_clear_pointer (&cells[c], g_free);

  overview_text = case_review_text_table_to_string (overview);
  table_text = case_review_text_table_to_string (table);
  g_string_append (out, overview_text);
  g_string_append_c (out, '\n');
  g_string_append (out, table_text);

  case_review_tool_print (stdout, out->str);
}

/* Reports a file that cannot be read as such before the library sees it,
 * so that "no such file" is exit status 1 and never a rule broken. */
static gboolean
check_readable (GFile   *file,
                GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_READ,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;  /* GIO's message names the file */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: is a directory, not a CSV file"), name);
      return FALSE;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("%s: permission denied"), name);
      return FALSE;
    }

  return TRUE;
}

static int
population_check (const CaseReviewToolCommand *command,
                  const char                  *path,
                  int                          argc,
                  char                       **argv)
{
  g_autofree char *agencies_path = NULL;
  g_autofree char *cases_path = NULL;
  g_autofree char *encoding_name = NULL;
  int max_errors = G_MININT;  /* not given */
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "agencies", 'a', 0, G_OPTION_ARG_FILENAME, &agencies_path,
      N_("The agencies CSV (id,name,short_name,category)"), N_("FILE") },
    { "cases", 'c', 0, G_OPTION_ARG_FILENAME, &cases_path,
      N_("The case files CSV (case_id,agency,kind,closed_on,amount,flags,title)"), N_("FILE") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("The files' character encoding: auto (the default), utf-8 or gb18030"), N_("ENCODING") },
    { "max-errors", 'm', 0, G_OPTION_ARG_INT, &max_errors,
      N_("Report up to N problems instead of stopping at the first"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the report as JSON on stdout"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autoptr(GFile) agencies_file = NULL;
  g_autoptr(GFile) cases_file = NULL;
  g_autoptr(CaseReviewPopulation) population = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewTextEncoding encoding;
  Summary summary = { 0 };
  int status;

  g_option_context_set_summary (context,
                                _("Checks a frame of case files: reads the agencies and the case files as every "
                                  "command does, and reports the number of cases per agency and kind, the closing "
                                  "dates and the frame's fingerprint.\n\n"
                                  "Exit status: 0 when the files are valid, 2 when they break a rule (each problem "
                                  "is printed on stderr as FILE:LINE:COLUMN: RULE), 1 on any other failure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[1]);
  if (agencies_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --agencies FILE"));
  if (cases_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --cases FILE"));
  if (!parse_encoding (encoding_name, &encoding))
    return case_review_tool_usage_error (path, _("Unknown encoding “%s”: use auto, utf-8 or gb18030"), encoding_name);
  if (max_errors != G_MININT && max_errors < 1)
    return case_review_tool_usage_error (path, _("--max-errors must be at least 1"));

  agencies_file = g_file_new_for_commandline_arg (agencies_path);
  cases_file = g_file_new_for_commandline_arg (cases_path);
  if (!check_readable (agencies_file, &error) || !check_readable (cases_file, &error))
    {
      case_review_tool_print_error ("%s", error->message);
      return CASE_REVIEW_TOOL_EXIT_FAILURE;
    }

  population = case_review_population_new ();
  if (max_errors != G_MININT)
    case_review_population_set_max_errors (population, (guint) max_errors);

  if (!case_review_population_load_csv (population, agencies_file, cases_file, encoding, NULL, &error))
    {
      g_autoptr(GPtrArray) problems = NULL;

      status = case_review_tool_exit_status_for_error (error);
      if (status != CASE_REVIEW_TOOL_EXIT_INVALID_INPUT)
        {
          case_review_tool_print_error ("%s", error->message);
          return status;
        }

      /* Every problem on its own line, FILE:LINE:COLUMN: RULE, as the
       * library puts them in the message. */
      g_printerr ("%s\n", error->message);
      if (json)
        {
          problems = collect_problems (population, error);
          print_invalid_json (problems);
        }

      return CASE_REVIEW_TOOL_EXIT_INVALID_INPUT;
    }

  summarize (population, &summary);
  if (json)
    print_report_json (population, &summary);
  else
    print_report_table (population, &summary);
  summary_clear (&summary);

  return CASE_REVIEW_TOOL_EXIT_OK;
}

static const CaseReviewToolCommand population_check_command = {
  .name = "check",
  .summary = N_("Validate agencies and case files; count cases per agency and kind; fingerprint the frame"),
  .run = population_check,
};

static const CaseReviewToolCommand *const population_commands[] = {
  &population_check_command,
  NULL
};

const CaseReviewToolCommand casereview_population_command = {
  .name = "population",
  .summary = N_("The sampling frame: agencies and the case files closed in the review period"),
  .rank = 10,
  .subcommands = population_commands,
};
