/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * casereview channels: the complaint-channel check (投诉渠道畅通性检查).
 *
 *   casereview channels schedule --channels CH.csv --from DATE --to DATE --seed SEED
 *                                [--calls N] [--inquiries N] [--office-hours H]
 *                                [--calendar FILE]… [--encoding E] -o schedule.json
 *                                [--csv form.csv] [--json]
 *   casereview channels evaluate --channels CH.csv --checks C.csv
 *                                [--reply-deadline N] [--no-transfers] [--any-reply]
 *                                [--calendar FILE]… [--encoding E] [--json]
 *   casereview channels verify-schedule schedule.json --channels CH.csv
 *                                [--calendar FILE]… [--encoding E] [--json]
 *
 * Channel and check files are CSV (UTF-8 or GB18030, Chinese or English
 * headers) or, when their name ends in .json, JSON (docs/channels.md).
 * Exit status 0: done (for verify-schedule: the manifest matches); 2: an
 * input file breaks a rule (each problem on stderr as FILE:LINE:COLUMN:
 * RULE); 3 (verify-schedule): the manifest differs; 1: anything else.
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "casereview-text-table.h"
#include "casereview-tool.h"

/* The options every subcommand shares. */
typedef struct
{
  char  *channels_path;
  char  *encoding_name;
  char **calendar_paths;
  gboolean json;
} CommonOptions;

static void
common_options_clear (CommonOptions *options)
{
  g_clear_pointer (&options->channels_path, g_free);
  g_clear_pointer (&options->encoding_name, g_free);
  g_clear_pointer (&options->calendar_paths, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CommonOptions, common_options_clear)

#define COMMON_ENTRIES(options)                                                                          \
  { "channels", 'c', 0, G_OPTION_ARG_FILENAME, &(options).channels_path,                                 \
    N_("The complaint channels (CSV: id,agency,agency_name,type,address; or .json)"), N_("FILE") },      \
  { "calendar", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &(options).calendar_paths,                           \
    N_("Add a year's holidays to the bundled working-day calendar (repeatable)"), N_("FILE") },          \
  { "encoding", 'e', 0, G_OPTION_ARG_STRING, &(options).encoding_name,                                   \
    N_("The CSV files' character encoding: auto (the default), utf-8 or gb18030"), N_("ENCODING") },     \
  { "json", 0, 0, G_OPTION_ARG_NONE, &(options).json, N_("Print the result as JSON on stdout"), NULL }

/* "No such file" is exit status 1, never a rule broken. */
static gboolean
check_readable (const char  *path,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: is a directory, not a file"), path);
      return FALSE;
    }
  return TRUE;
}

/* Reports a failed load: the library's message (one located problem per
 * line) as it is for rule violations, prefixed otherwise. */
static int
report_error (const GError *error)
{
  int status = case_review_tool_exit_status_for_error (error);

  if (status == CASE_REVIEW_TOOL_EXIT_INVALID_INPUT)
    g_printerr ("%s\n", error->message);
  else
    case_review_tool_print_error ("%s", error->message);
  return status;
}

static gboolean
is_json_path (const char *path)
{
  return g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON");
}

/* Loads the channels, the calendar and the encoding: the common part of
 * every subcommand. Returns an exit status; 0 with everything set. */
static int
load_common (const CommonOptions         *options,
             const char                  *path,
             CaseReviewTextEncoding      *out_encoding,
             CaseReviewChannelDirectory **out_channels,
             CaseReviewCalendar         **out_calendar)
{
  g_autoptr(CaseReviewChannelDirectory) channels = case_review_channel_directory_new ();
  g_autoptr(CaseReviewCalendar) calendar = case_review_calendar_new_default ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (options->channels_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --channels FILE"));
  if (!case_review_tool_parse_encoding (options->encoding_name, out_encoding))
    return case_review_tool_usage_error (path, _("Unknown encoding “%s”: use auto, utf-8 or gb18030"),
                                         options->encoding_name);

  for (guint i = 0; options->calendar_paths != NULL && options->calendar_paths[i] != NULL; i++)
    {
      g_autoptr(GFile) calendar_file = g_file_new_for_commandline_arg (options->calendar_paths[i]);

      if (!check_readable (options->calendar_paths[i], &error))
        {
          case_review_tool_print_error ("%s", error->message);
          return CASE_REVIEW_TOOL_EXIT_FAILURE;
        }
      if (!case_review_calendar_load_file (calendar, calendar_file, NULL, &error))
        return report_error (error);
    }

  if (!check_readable (options->channels_path, &error))
    {
      case_review_tool_print_error ("%s", error->message);
      return CASE_REVIEW_TOOL_EXIT_FAILURE;
    }
  file = g_file_new_for_commandline_arg (options->channels_path);
  if (is_json_path (options->channels_path))
    ok = case_review_channel_directory_load_json (channels, file, NULL, &error);
  else
    ok = case_review_channel_directory_load_csv (channels, file, *out_encoding, NULL, &error);
  if (!ok)
    return report_error (error);

  *out_channels = g_steal_pointer (&channels);
  *out_calendar = g_steal_pointer (&calendar);
  return CASE_REVIEW_TOOL_EXIT_OK;
}

static void
print_schedule_table (CaseReviewChannelSchedule  *schedule,
                      CaseReviewChannelDirectory *channels,
                      const char                 *output_path)
{
  enum { COLUMN_WHEN, COLUMN_CHANNEL, COLUMN_AGENCY, COLUMN_TYPE, COLUMN_ATTEMPT, COLUMN_ADDRESS, N_COLUMNS };
  g_autoptr(CaseReviewTextTable) table = case_review_text_table_new (N_COLUMNS);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *from = case_review_tool_format_date (case_review_channel_schedule_get_from (schedule));
  g_autofree char *to = case_review_tool_format_date (case_review_channel_schedule_get_to (schedule));
  g_autofree char *hours = case_review_channel_schedule_dup_office_hours (schedule);
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (schedule));

  g_string_append_printf (out, "测试计划 schedule: %u 次 attempts, %u 个渠道 channels, %s 至 %s (%u 个工作日 working days), "
                          "办公时间 office hours %s\n",
                          n, case_review_channel_schedule_get_n_channels (schedule), from, to,
                          case_review_channel_schedule_get_n_working_days (schedule), hours);
  g_string_append_printf (out, "种子 seed: %s\n", case_review_channel_schedule_get_seed (schedule));
  g_string_append_printf (out, "渠道指纹 channels fingerprint: %s\n",
                          case_review_channel_schedule_get_channels_fingerprint (schedule));
  g_string_append_printf (out, "清单 manifest: %s\n\n", output_path);

  case_review_text_table_set_align (table, COLUMN_ATTEMPT, CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT);
  case_review_text_table_add_row (table, (const char *[]) { "时间 when", "渠道 channel", "单位 agency", "类型 type",
                                                            "次 #", "号码或地址 address" });
  case_review_text_table_add_rule (table);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaseReviewScheduledCheck) entry = g_list_model_get_item (G_LIST_MODEL (schedule), i);
      g_autofree char *when = case_review_scheduled_check_dup_scheduled_at_string (entry);
      g_autofree char *attempt = g_strdup_printf ("%u", case_review_scheduled_check_get_attempt (entry));
      CaseReviewChannel *channel = case_review_channel_directory_lookup (channels,
                                                                         case_review_scheduled_check_get_channel_id (entry));
      const char *agency = channel != NULL && case_review_channel_get_agency_name (channel) != NULL
                             ? case_review_channel_get_agency_name (channel)
                             : case_review_scheduled_check_get_agency_id (entry);

      case_review_text_table_add_row (table, (const char *[]) {
        when, case_review_scheduled_check_get_channel_id (entry), agency,
        case_review_channel_type_get_label (case_review_scheduled_check_get_channel_type (entry)),
        attempt, case_review_scheduled_check_get_address (entry) });
    }
  text = case_review_text_table_to_string (table);
  g_string_append (out, text);
  case_review_tool_print (stdout, out->str);
}

static int
schedule_run (const CaseReviewToolCommand *command,
              const char                  *path,
              int                          argc,
              char                       **argv)
{
  g_auto(CommonOptions) common = { 0 };
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *office_hours = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *csv_path = NULL;
  int calls = -1, inquiries = -1;
  const GOptionEntry entries[] = {
    COMMON_ENTRIES (common),
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first day of the testing period"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day of the testing period"), N_("YYYY-MM-DD") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed, N_("The public seed string"), N_("SEED") },
    { "calls", 0, 0, G_OPTION_ARG_INT, &calls, N_("Test calls per phone line, on different days (default 2)"), N_("N") },
    { "inquiries", 0, 0, G_OPTION_ARG_INT, &inquiries,
      N_("Written inquiries per e-mail, web mailbox or WeChat channel (default 1)"), N_("N") },
    { "office-hours", 0, 0, G_OPTION_ARG_STRING, &office_hours,
      N_("Office hours (default 09:00-12:00,14:00-17:30)"), N_("HH:MM-HH:MM,…") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Write the manifest here (required)"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path,
      N_("Also write the testers' form as CSV (UTF-8 with BOM, for Excel)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewChannelDirectory) channels = NULL;
  g_autoptr(CaseReviewCalendar) calendar = NULL;
  g_autoptr(CaseReviewChannelSchedule) schedule = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewTextEncoding encoding;
  GDate from, to;
  int status;

  g_option_context_set_summary (context,
                                _("Schedules the test calls and written inquiries of a complaint-channel check: "
                                  "every phone line gets --calls calls on different working days at random times "
                                  "within office hours, every written channel --inquiries inquiries, all drawn "
                                  "from the seed (docs/channels.md), so anyone can recompute the schedule with "
                                  "“casereview channels verify-schedule”.\n\n"
                                  "Exit status: 0 when scheduled, 2 when the input breaks a rule (a bad channels "
                                  "file, a period without calendar data or with too few working days), 1 on any "
                                  "other failure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[1]);
  if (from_text == NULL || !case_review_tool_parse_date (from_text, &from))
    return case_review_tool_usage_error (path, _("Give --from YYYY-MM-DD, a date that exists"));
  if (to_text == NULL || !case_review_tool_parse_date (to_text, &to))
    return case_review_tool_usage_error (path, _("Give --to YYYY-MM-DD, a date that exists"));
  if (seed == NULL || seed[0] == '\0')
    return case_review_tool_usage_error (path, _("Missing --seed SEED"));
  if (output_path == NULL)
    return case_review_tool_usage_error (path, _("Missing -o, --output FILE for the manifest"));
  if (calls != -1 && (calls < 1 || calls > 31))
    return case_review_tool_usage_error (path, _("--calls must be from 1 to 31"));
  if (inquiries != -1 && (inquiries < 0 || inquiries > 31))
    return case_review_tool_usage_error (path, _("--inquiries must be from 0 to 31"));

  schedule = case_review_channel_schedule_new (seed, &from, &to);
  if (calls != -1)
    case_review_channel_schedule_set_calls_per_phone (schedule, (guint) calls);
  if (inquiries != -1)
    case_review_channel_schedule_set_inquiries_per_channel (schedule, (guint) inquiries);
  if (office_hours != NULL && !case_review_channel_schedule_set_office_hours (schedule, office_hours, &error))
    return case_review_tool_usage_error (path, "%s", error->message);

  status = load_common (&common, path, &encoding, &channels, &calendar);
  if (status != CASE_REVIEW_TOOL_EXIT_OK)
    return status;

  if (!case_review_channel_schedule_compute (schedule, channels, calendar, &error))
    {
      case_review_tool_print_error ("%s", error->message);
      return case_review_tool_exit_status_for_error (error);
    }

  output = g_file_new_for_commandline_arg (output_path);
  if (!case_review_channel_schedule_save_manifest (schedule, output, NULL, &error))
    {
      case_review_tool_print_error ("%s", error->message);
      return CASE_REVIEW_TOOL_EXIT_FAILURE;
    }
  if (csv_path != NULL)
    {
      g_autoptr(GFile) csv_file = g_file_new_for_commandline_arg (csv_path);

      if (!case_review_channel_schedule_save_csv (schedule, csv_file, TRUE, NULL, &error))
        {
          case_review_tool_print_error ("%s", error->message);
          return CASE_REVIEW_TOOL_EXIT_FAILURE;
        }
    }

  if (common.json)
    {
      g_autofree char *manifest = case_review_channel_schedule_to_manifest (schedule);
      fputs (manifest, stdout);
      fflush (stdout);
    }
  else
    print_schedule_table (schedule, channels, output_path);

  return CASE_REVIEW_TOOL_EXIT_OK;
}

static char *
dup_count (guint n)
{
  return g_strdup_printf ("%u", n);
}

static void
print_evaluation_table (CaseReviewChannelEvaluation *evaluation)
{
  enum { COLUMN_ID, COLUMN_NAME, COLUMN_CHANNELS, COLUMN_TESTED, COLUMN_PASSED, COLUMN_FAILED, COLUMN_RESULT,
         N_COLUMNS };
  GListModel *agencies = case_review_channel_evaluation_get_agency_results (evaluation);
  GListModel *findings = case_review_channel_evaluation_get_findings (evaluation);
  g_autoptr(CaseReviewTextTable) overview = case_review_text_table_new (2);
  g_autoptr(CaseReviewTextTable) table = case_review_text_table_new (N_COLUMNS);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *n_channels = dup_count (case_review_channel_evaluation_get_n_channels (evaluation));
  g_autofree char *n_tested = dup_count (case_review_channel_evaluation_get_n_tested (evaluation));
  g_autofree char *n_passed = dup_count (case_review_channel_evaluation_get_n_passed (evaluation));
  g_autofree char *n_failed = dup_count (case_review_channel_evaluation_get_n_failed (evaluation));
  g_autofree char *rate = case_review_channel_evaluation_dup_validity_rate_text (evaluation);
  g_autofree char *overview_text = NULL;
  g_autofree char *table_text = NULL;
  g_auto(GStrv) failing = case_review_channel_evaluation_dup_failing_agency_ids (evaluation);
  CaseReviewChannelRules *rules = case_review_channel_evaluation_get_rules (evaluation);
  g_autofree char *deadline = g_strdup_printf (_("%u working days"), case_review_channel_rules_get_reply_deadline (rules));

  case_review_text_table_add_row (overview, (const char *[]) { "渠道 channels", n_channels });
  case_review_text_table_add_row (overview, (const char *[]) { "已测试 tested", n_tested });
  case_review_text_table_add_row (overview, (const char *[]) { "通过 passed", n_passed });
  case_review_text_table_add_row (overview, (const char *[]) { "未通过 failed", n_failed });
  case_review_text_table_add_row (overview, (const char *[]) { "有效率 validity rate", rate });
  case_review_text_table_add_row (overview, (const char *[]) { "答复期限 reply deadline", deadline });

  for (guint c = COLUMN_CHANNELS; c <= COLUMN_FAILED; c++)
    case_review_text_table_set_align (table, c, CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT);
  case_review_text_table_add_row (table, (const char *[]) { "编号", "单位", "渠道", "已测", "通过", "未通过", "结果" });
  case_review_text_table_add_row (table, (const char *[]) { "id", "agency", "channels", "tested", "passed", "failed",
                                                            "result" });
  case_review_text_table_add_rule (table);
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(CaseReviewChannelAgencyResult) result = g_list_model_get_item (agencies, i);
      g_autofree char *channels = dup_count (case_review_channel_agency_result_get_n_channels (result));
      g_autofree char *tested = dup_count (case_review_channel_agency_result_get_n_tested (result));
      g_autofree char *passed = dup_count (case_review_channel_agency_result_get_n_passed (result));
      g_autofree char *failed = dup_count (case_review_channel_agency_result_get_n_failed (result));
      CaseReviewChannelStatus status = case_review_channel_agency_result_get_status (result);
      g_autofree char *result_text = g_strdup_printf ("%s %s", case_review_channel_status_get_label (status),
                                                      case_review_channel_status_get_name (status));
      const char *name = case_review_channel_agency_result_get_agency_name (result);

      case_review_text_table_add_row (table, (const char *[]) {
        case_review_channel_agency_result_get_agency_id (result), name != NULL ? name : "—",
        channels, tested, passed, failed, result_text });
    }

  overview_text = case_review_text_table_to_string (overview);
  table_text = case_review_text_table_to_string (table);
  g_string_append_printf (out, "投诉渠道畅通性检查 complaint-channel check\n%s\n%s", overview_text, table_text);

  g_string_append_printf (out, "\n未通过的单位 failing agencies (%u):", g_strv_length (failing));
  for (guint i = 0; failing[i] != NULL; i++)
    {
      CaseReviewChannelAgencyResult *result =
        case_review_channel_evaluation_lookup_agency_result (evaluation, failing[i]);
      const char *name = case_review_channel_agency_result_get_agency_name (result);

      g_string_append_printf (out, "\n  %s %s", failing[i], name != NULL ? name : "");
    }
  if (failing[0] == NULL)
    g_string_append (out, " —");
  g_string_append (out, "\n");

  if (g_list_model_get_n_items (findings) > 0)
    g_string_append (out, "\n问题 findings:\n");
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CaseReviewChannelFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *summary = case_review_channel_finding_dup_summary (finding);

      g_string_append_printf (out, "%u. [%s] %s\n", i + 1,
                              case_review_channel_failure_get_name (case_review_channel_finding_get_failure (finding)),
                              summary);
    }

  case_review_tool_print (stdout, out->str);
}

static int
evaluate_run (const CaseReviewToolCommand *command,
              const char                  *path,
              int                          argc,
              char                       **argv)
{
  g_auto(CommonOptions) common = { 0 };
  g_autofree char *checks_path = NULL;
  int reply_deadline = -1;
  gboolean no_transfers = FALSE, any_reply = FALSE;
  const GOptionEntry entries[] = {
    COMMON_ENTRIES (common),
    { "checks", 'k', 0, G_OPTION_ARG_FILENAME, &checks_path,
      N_("The checks made (CSV: channel,attempted_at,outcome,transferred,bounced,replied_on,substantive,tester,note; "
         "or .json)"), N_("FILE") },
    { "reply-deadline", 0, 0, G_OPTION_ARG_INT, &reply_deadline,
      N_("Working days a written channel has to reply (default 5)"), N_("N") },
    { "no-transfers", 0, 0, G_OPTION_ARG_NONE, &no_transfers,
      N_("Do not count a correctly transferred call (12) as reaching the right line"), NULL },
    { "any-reply", 0, 0, G_OPTION_ARG_NONE, &any_reply,
      N_("Count any reply in time, substantive or not"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewChannelDirectory) channels = NULL;
  g_autoptr(CaseReviewCalendar) calendar = NULL;
  g_autoptr(CaseReviewChannelCheckLog) checks = case_review_channel_check_log_new ();
  g_autoptr(CaseReviewChannelRules) rules = case_review_channel_rules_new ();
  g_autoptr(CaseReviewChannelEvaluation) evaluation = NULL;
  g_autoptr(GFile) checks_file = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewTextEncoding encoding;
  gboolean ok;
  int status;

  g_option_context_set_summary (context,
                                _("Evaluates a complaint-channel check: a phone line passes when a call reached the "
                                  "right line (11, or 12 correctly transferred), a written channel when a substantive "
                                  "reply came within the deadline in working days; an agency fails when any of its "
                                  "channels fails. Prints each agency's result, the failing agencies, each finding "
                                  "and the district validity rate (channels passing ÷ channels tested).\n\n"
                                  "Exit status: 0 when evaluated (whatever the results), 2 when an input file breaks "
                                  "a rule (each problem on stderr as FILE:LINE:COLUMN: RULE), 1 on any other "
                                  "failure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[1]);
  if (checks_path == NULL)
    return case_review_tool_usage_error (path, _("Missing --checks FILE"));
  if (reply_deadline != -1 && (reply_deadline < 0 || reply_deadline > 365))
    return case_review_tool_usage_error (path, _("--reply-deadline must be from 0 to 365"));

  status = load_common (&common, path, &encoding, &channels, &calendar);
  if (status != CASE_REVIEW_TOOL_EXIT_OK)
    return status;

  if (!check_readable (checks_path, &error))
    {
      case_review_tool_print_error ("%s", error->message);
      return CASE_REVIEW_TOOL_EXIT_FAILURE;
    }
  checks_file = g_file_new_for_commandline_arg (checks_path);
  if (is_json_path (checks_path))
    ok = case_review_channel_check_log_load_json (checks, checks_file, channels, NULL, &error);
  else
    ok = case_review_channel_check_log_load_csv (checks, checks_file, channels, encoding, NULL, &error);
  if (!ok)
    return report_error (error);

  if (reply_deadline != -1)
    case_review_channel_rules_set_reply_deadline (rules, (guint) reply_deadline);
  case_review_channel_rules_set_accept_transfers (rules, !no_transfers);
  case_review_channel_rules_set_require_substantive (rules, !any_reply);

  evaluation = case_review_channel_rules_evaluate (rules, channels, checks, calendar, &error);
  if (evaluation == NULL)
    return report_error (error);

  if (common.json)
    {
      g_autofree char *json = case_review_channel_evaluation_to_json (evaluation);
      fputs (json, stdout);
      fputc ('\n', stdout);
      fflush (stdout);
    }
  else
    print_evaluation_table (evaluation);

  return CASE_REVIEW_TOOL_EXIT_OK;
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
verify_schedule_run (const CaseReviewToolCommand *command,
                     const char                  *path,
                     int                          argc,
                     char                       **argv)
{
  g_auto(CommonOptions) common = { 0 };
  const GOptionEntry entries[] = {
    COMMON_ENTRIES (common),
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("MANIFEST"));
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewChannelDirectory) channels = NULL;
  g_autoptr(CaseReviewCalendar) calendar = NULL;
  g_autoptr(CaseReviewChannelSchedule) schedule = NULL;
  g_autoptr(GFile) manifest_file = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewTextEncoding encoding;
  int status;

  g_option_context_set_summary (context,
                                _("Checks a schedule manifest: recomputes the schedule from its seed and parameters "
                                  "on the channels and reports every difference (a changed channel list, a moved "
                                  "call, a missing or extra entry).\n\n"
                                  "Exit status: 0 when the manifest matches, 3 when it differs (the differences on "
                                  "stdout), 2 when the manifest or the channels file is malformed, 1 on any other "
                                  "failure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] == NULL)
    return case_review_tool_usage_error (path, _("Missing the MANIFEST file"));
  if (args[2] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[2]);

  if (!check_readable (args[1], &error))
    {
      case_review_tool_print_error ("%s", error->message);
      return CASE_REVIEW_TOOL_EXIT_FAILURE;
    }
  manifest_file = g_file_new_for_commandline_arg (args[1]);
  schedule = case_review_channel_schedule_new_from_file (manifest_file, NULL, &error);
  if (schedule == NULL)
    return report_error (error);

  status = load_common (&common, path, &encoding, &channels, &calendar);
  if (status != CASE_REVIEW_TOOL_EXIT_OK)
    return status;

  if (case_review_channel_schedule_verify (schedule, channels, calendar, &error))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (schedule));

      if (common.json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "valid");
          json_builder_add_boolean_value (builder, TRUE);
          json_builder_set_member_name (builder, "entries");
          json_builder_add_int_value (builder, n);
          json_builder_set_member_name (builder, "seed");
          json_builder_add_string_value (builder, case_review_channel_schedule_get_seed (schedule));
          json_builder_set_member_name (builder, "fingerprint");
          json_builder_add_string_value (builder, case_review_channel_schedule_get_channels_fingerprint (schedule));
          json_builder_end_object (builder);
          root = json_builder_get_root (builder);
          case_review_tool_print_json (root);
        }
      else
        {
          g_autofree char *text = g_strdup_printf (_("schedule matches: %u attempts on %u channels, seed “%s”, channels fingerprint %s\n"),
                                                   n, case_review_channel_schedule_get_n_channels (schedule),
                                                   case_review_channel_schedule_get_seed (schedule),
                                                   case_review_channel_schedule_get_channels_fingerprint (schedule));
          case_review_tool_print (stdout, text);
        }
      return CASE_REVIEW_TOOL_EXIT_OK;
    }

  if (g_error_matches (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_VERIFY))
    {
      print_differences (error, common.json);
      return CASE_REVIEW_TOOL_EXIT_MISMATCH;
    }
  case_review_tool_print_error ("%s", error->message);
  return case_review_tool_exit_status_for_error (error);
}

static const CaseReviewToolCommand channels_schedule_command = {
  .name = "schedule",
  .summary = N_("Schedule test calls and written inquiries reproducibly from a seed; write the manifest"),
  .run = schedule_run,
};

static const CaseReviewToolCommand channels_evaluate_command = {
  .name = "evaluate",
  .summary = N_("Judge the checks: results per agency, failing agencies, findings, validity rate"),
  .run = evaluate_run,
};

static const CaseReviewToolCommand channels_verify_schedule_command = {
  .name = "verify-schedule",
  .summary = N_("Recompute a schedule from its manifest and the channels; report every difference"),
  .run = verify_schedule_run,
};

static const CaseReviewToolCommand *const channels_commands[] = {
  &channels_schedule_command,
  &channels_evaluate_command,
  &channels_verify_schedule_command,
  NULL
};

const CaseReviewToolCommand casereview_channels_command = {
  .name = "channels",
  .summary = N_("Complaint-channel checks: schedule test calls, evaluate the results"),
  .rank = 40,
  .subcommands = channels_commands,
};
