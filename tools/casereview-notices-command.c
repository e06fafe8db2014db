/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * casereview notices: rectification notices (责令整改通知书) from review
 * results, kept in one notice-book file.
 *
 *   casereview notices generate --results RESULTS.json --issuer NAME --code CODE --year YEAR
 *                               [--deadline DAYS] [--working-days] [--served-on DATE]
 *                               [--issued-at TIME] [--actor A] [--draft] [--mean-below SCORE]
 *                               [--no-veto-rule] [--no-failed-rule] [--language zh_CN|en]
 *                               [--copy-to NAME]… [--calendar FILE]…
 *                               [--channels C --checks K] -o NOTICES.json
 *   casereview notices list NOTICES.json [--today DATE] [--json]
 *   casereview notices render NOTICES.json (--number N | --all) --format F [-o PATH]
 *   casereview notices transition NOTICES.json --number N --to STATE --actor A [--note T] [--at TIME]
 *
 * A book file that already exists is extended (same issuer, code and year),
 * so numbers keep counting across runs. Nothing is written on error.
 *
 * Exit status: 0 success, 2 invalid input or an illegal transition, 1
 * anything else.
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

/* TIME is ISO 8601 (2021-02-01T09:30:00+08:00, or without a zone for local
 * time) or a date, meaning 09:00 local time that day. */
static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  GDate date;

  if (text == NULL)
    return g_date_time_new_now_local ();
  if (case_review_tool_parse_date (text, &date))
    return g_date_time_new (local, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 9, 0,
                            0);
  return g_date_time_new_from_iso8601 (text, local);
}

static gboolean
load_calendar (char               **paths,
               CaseReviewCalendar  *calendar,
               GError             **error)
{
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

      if (!case_review_calendar_load_file (calendar, file, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The findings of the channel checks, for notices about failed channels. */
static GListModel *
evaluate_channels (const char          *channels_path,
                   const char          *checks_path,
                   CaseReviewCalendar  *calendar,
                   GError             **error)
{
  g_autoptr(CaseReviewChannelDirectory) channels = case_review_channel_directory_new ();
  g_autoptr(CaseReviewChannelCheckLog) checks = case_review_channel_check_log_new ();
  g_autoptr(CaseReviewChannelRules) rules = case_review_channel_rules_new ();
  g_autoptr(CaseReviewChannelEvaluation) evaluation = NULL;
  g_autoptr(GFile) channels_file = g_file_new_for_commandline_arg (channels_path);
  g_autoptr(GFile) checks_file = g_file_new_for_commandline_arg (checks_path);

  if (!case_review_channel_directory_load_csv (channels, channels_file, CASE_REVIEW_TEXT_ENCODING_AUTO, NULL, error) ||
      !case_review_channel_check_log_load_csv (checks, checks_file, channels, CASE_REVIEW_TEXT_ENCODING_AUTO, NULL,
                                               error))
    return NULL;
  evaluation = case_review_channel_rules_evaluate (rules, channels, checks, calendar, error);
  if (evaluation == NULL)
    return NULL;
  return g_object_ref (case_review_channel_evaluation_get_findings (evaluation));
}

/* The book at @path if the file exists (it must be for the same issuer, code
 * and year), else a new one. */
static CaseReviewNoticeBook *
open_book (const char  *path,
           const char  *issuer,
           const char  *code,
           guint        year,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(CaseReviewNoticeBook) book = NULL;

  if (!g_file_query_exists (file, NULL))
    return case_review_notice_book_new (issuer, code, year);
  if ((book = case_review_notice_book_new_from_file (file, NULL, error)) == NULL)
    return NULL;
  if (g_strcmp0 (case_review_notice_book_get_issuer (book), issuer) != 0 ||
      g_strcmp0 (case_review_notice_book_get_issuer_code (book), code) != 0 ||
      case_review_notice_book_get_year (book) != year)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("%s is the notice book of %s (%s, %u), not of %s (%s, %u)"), path,
                   case_review_notice_book_get_issuer (book), case_review_notice_book_get_issuer_code (book),
                   case_review_notice_book_get_year (book), issuer, code, year);
      return NULL;
    }
  return g_steal_pointer (&book);
}

static gboolean
save_book (CaseReviewNoticeBook  *book,
           const char            *path,
           GError               **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return case_review_notice_book_save_to_file (book, file, NULL, error);
}

static void
print_notices (CaseReviewNoticeBook *book,
               GListModel           *notices,
               const GDate          *today)
{
  g_autoptr(CaseReviewTextTable) table = case_review_text_table_new (7);
  const char *zh[] = { "文号", "单位", "状态", "问题", "送达", "期限", "逾期" };
  const char *en[] = { "number", "agency", "state", "problems", "served", "deadline", "overdue" };
  g_autofree char *text = NULL;

  case_review_text_table_set_align (table, 3, CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT);
  case_review_text_table_add_row (table, zh);
  case_review_text_table_add_row (table, en);
  case_review_text_table_add_rule (table);
  for (guint i = 0; i < g_list_model_get_n_items (notices); i++)
    {
      g_autoptr(CaseReviewNotice) notice = g_list_model_get_item (notices, i);
      const GDate *served = case_review_notice_get_served_on (notice);
      const GDate *deadline = case_review_notice_get_deadline (notice);
      g_autofree char *problems = g_strdup_printf ("%u", g_list_model_get_n_items (case_review_notice_get_problems (notice)));
      g_autofree char *served_text = served != NULL ? case_review_tool_format_date (served) : g_strdup ("");
      g_autofree char *deadline_text = deadline != NULL ? case_review_tool_format_date (deadline) : g_strdup ("");
      const char *number = case_review_notice_get_number (notice);
      const char *row[] = { number != NULL ? number : _("(draft)"), case_review_notice_get_agency_name (notice),
                            case_review_notice_state_get_name (case_review_notice_get_state (notice)), problems,
                            served_text, deadline_text,
                            today != NULL && case_review_notice_is_overdue (notice, today) ? _("overdue") : "" };

      case_review_text_table_add_row (table, row);
    }
  text = case_review_text_table_to_string (table);
  case_review_tool_print (stdout, text);
}

static int
generate_run (const CaseReviewToolCommand *command,
              const char                  *path,
              int                          argc,
              char                       **argv)
{
  g_autofree char *results_path = NULL, *issuer = NULL, *code = NULL, *served_text = NULL, *issued_text = NULL;
  g_autofree char *actor = NULL, *output_path = NULL, *language = NULL, *channels_path = NULL, *checks_path = NULL;
  g_autofree char *mean_below = NULL;
  g_auto(GStrv) copy_to = NULL, calendar_paths = NULL;
  int year = 0, deadline = 30;
  gboolean working_days = FALSE, draft = FALSE, no_veto = FALSE, no_failed = FALSE;
  const GOptionEntry entries[] = {
    { "results", 'r', 0, G_OPTION_ARG_FILENAME, &results_path, N_("The results “casereview score -o” wrote"),
      N_("FILE") },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &issuer, N_("The issuing authority, e.g. 深圳市罗湖区司法局"), N_("NAME") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("The issuer's code in document numbers (机关代字), e.g. 罗司"),
      N_("CODE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year of the review and of the numbers"), N_("YEAR") },
    { "deadline", 'd', 0, G_OPTION_ARG_INT, &deadline, N_("The rectification period in days (default 30)"),
      N_("DAYS") },
    { "working-days", 0, 0, G_OPTION_ARG_NONE, &working_days, N_("Count the period in working days"), NULL },
    { "served-on", 0, 0, G_OPTION_ARG_STRING, &served_text, N_("The planned service date, for the deadlines"),
      N_("DATE") },
    { "issued-at", 0, 0, G_OPTION_ARG_STRING, &issued_text, N_("When the notices are issued (default: now)"),
      N_("TIME") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor, N_("Who issues them (default: casereview)"), N_("NAME") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft, N_("Leave the new notices as unnumbered drafts"), NULL },
    { "mean-below", 0, 0, G_OPTION_ARG_STRING, &mean_below,
      N_("Also give a notice to agencies whose mean is below SCORE"), N_("SCORE") },
    { "no-veto-rule", 0, 0, G_OPTION_ARG_NONE, &no_veto, N_("Do not give a notice for vetoes alone"), NULL },
    { "no-failed-rule", 0, 0, G_OPTION_ARG_NONE, &no_failed, N_("Do not give a notice for 不合格 files alone"), NULL },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("zh_CN (the default) or en"), N_("LANGUAGE") },
    { "copy-to", 0, 0, G_OPTION_ARG_STRING_ARRAY, &copy_to, N_("Add to the copy-to list (repeatable)"),
      N_("NAME") },
    { "calendar", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &calendar_paths,
      N_("Add a year's holidays to the bundled working-day calendar (repeatable)"), N_("FILE") },
    { "channels", 0, 0, G_OPTION_ARG_FILENAME, &channels_path, N_("The complaint channels (with --checks)"),
      N_("FILE") },
    { "checks", 0, 0, G_OPTION_ARG_FILENAME, &checks_path, N_("The channel checks: failed channels become problems"),
      N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("The notice book (extended if it exists)"),
      N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewNoticeBook) book = NULL;
  g_autoptr(CaseReviewCalendar) calendar = case_review_calendar_new_default ();
  g_autoptr(GListModel) drafts = NULL, channel_drafts = NULL, findings = NULL;
  g_autoptr(GDateTime) issued_at = NULL;
  g_autofree char *results = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewNoticeReason rules = CASE_REVIEW_NOTICE_REASON_VETO | CASE_REVIEW_NOTICE_REASON_FAILED_FILE |
                                 CASE_REVIEW_NOTICE_REASON_CHANNEL;
  guint64 threshold = 0;
  GDate served;
  int status;

  g_option_context_set_summary (context,
                                _("Generates a rectification notice for every agency a rule selects (any veto, any "
                                  "不合格 file, a mean below a threshold, failed complaint channels), lists every "
                                  "problem found in its files, issues the notices with gapless numbers and computes "
                                  "their deadlines.\n\nExit status: 0 success, 2 invalid input, 1 any other "
                                  "failure."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;

  if (args[1] != NULL)
    return case_review_tool_usage_error (path, _("Unexpected argument “%s”"), args[1]);
  if (results_path == NULL || output_path == NULL)
    return case_review_tool_usage_error (path, _("--results and -o are required"));
  if (issuer == NULL || *issuer == '\0' || code == NULL || *code == '\0' || year <= 0)
    return case_review_tool_usage_error (path, _("--issuer, --code and --year are required"));
  if (deadline < 1 || deadline > 365)
    return case_review_tool_usage_error (path, _("--deadline must be from 1 to 365 days"));
  if (served_text != NULL && !case_review_tool_parse_date (served_text, &served))
    return case_review_tool_usage_error (path, _("--served-on “%s” is not a date (YYYY-MM-DD)"), served_text);
  if ((issued_at = parse_time (issued_text)) == NULL)
    return case_review_tool_usage_error (path, _("--issued-at “%s” is not a time (ISO 8601) or a date"), issued_text);
  if (language != NULL && strcmp (language, "zh_CN") != 0 && strcmp (language, "en") != 0)
    return case_review_tool_usage_error (path, _("--language must be zh_CN or en"));
  if ((channels_path == NULL) != (checks_path == NULL))
    return case_review_tool_usage_error (path, _("--channels and --checks go together"));
  if (mean_below != NULL)
    {
      double score;
      char *end;

      score = g_ascii_strtod (mean_below, &end);
      if (*end != '\0' || end == mean_below || !(score > 0 && score <= 100))
        return case_review_tool_usage_error (path, _("--mean-below must be a score from 0 to 100"));
      threshold = (guint64) (score * 100 + 0.5);
      rules |= CASE_REVIEW_NOTICE_REASON_LOW_MEAN;
    }
  if (no_veto)
    rules &= ~CASE_REVIEW_NOTICE_REASON_VETO;
  if (no_failed)
    rules &= ~CASE_REVIEW_NOTICE_REASON_FAILED_FILE;

  if (!load_calendar (calendar_paths, calendar, &error) ||
      !g_file_get_contents (results_path, &results, NULL, &error))
    return report_error (error);
  if ((book = open_book (output_path, issuer, code, (guint) year, &error)) == NULL)
    return report_error (error);
  case_review_notice_book_set_calendar (book, calendar);
  case_review_notice_book_set_deadline (book, (guint) deadline, working_days);
  case_review_notice_book_set_rules (book, rules, (guint) threshold);
  if (language != NULL)
    g_object_set (book, "language", strcmp (language, "en") == 0 ? CASE_REVIEW_NOTICE_LANGUAGE_EN
                                                                 : CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN, NULL);
  if (copy_to != NULL)
    g_object_set (book, "copy-to", copy_to, NULL);

  if (channels_path != NULL &&
      (findings = evaluate_channels (channels_path, checks_path, calendar, &error)) == NULL)
    return report_error (error);

  {
    g_autofree char *name = g_path_get_basename (results_path);
    drafts = case_review_notice_book_generate_from_results (book, results, name,
                                                            served_text != NULL ? &served : NULL, &error);
  }
  if (drafts == NULL)
    return report_error (error);
  if (findings != NULL &&
      (channel_drafts = case_review_notice_book_add_channel_findings (book, findings,
                                                                      served_text != NULL ? &served : NULL,
                                                                      &error)) == NULL)
    return report_error (error);

  if (!draft)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (book)); i++)
      {
        g_autoptr(CaseReviewNotice) notice = g_list_model_get_item (G_LIST_MODEL (book), i);

        if (case_review_notice_get_state (notice) == CASE_REVIEW_NOTICE_STATE_DRAFT &&
            !case_review_notice_book_transition (book, notice, CASE_REVIEW_NOTICE_STATE_ISSUED,
                                                 actor != NULL ? actor : "casereview", issued_at, NULL, &error))
          return report_error (error);
      }

  if (!save_book (book, output_path, &error))
    return report_error (error);
  print_notices (book, G_LIST_MODEL (book), NULL);
  return CASE_REVIEW_TOOL_EXIT_OK;
}

static CaseReviewNoticeBook *
load_book (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return case_review_notice_book_new_from_file (file, NULL, error);
}

static int
list_run (const CaseReviewToolCommand *command,
          const char                  *path,
          int                          argc,
          char                       **argv)
{
  g_autofree char *today_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Mark the notices overdue on DATE"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the book as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NOTICES.json"));
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewNoticeBook) book = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  int status;

  g_option_context_set_summary (context, _("Lists a notice book's notices: number, agency, state, deadline and, "
                                           "with --today, which are overdue."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;
  if (args[1] == NULL || args[2] != NULL)
    return case_review_tool_usage_error (path, _("Give one notice book file"));
  if (today_text != NULL && !case_review_tool_parse_date (today_text, &today))
    return case_review_tool_usage_error (path, _("--today “%s” is not a date (YYYY-MM-DD)"), today_text);

  if ((book = load_book (args[1], &error)) == NULL)
    return report_error (error);
  if (json)
    {
      g_autofree char *text = case_review_notice_book_to_json (book);
      fputs (text, stdout);
      fputc ('\n', stdout);
    }
  else
    print_notices (book, G_LIST_MODEL (book), today_text != NULL ? &today : NULL);
  return CASE_REVIEW_TOOL_EXIT_OK;
}

static CaseReviewNotice *
find_notice (CaseReviewNoticeBook *book,
             const char           *number,
             GError              **error)
{
  CaseReviewNotice *notice = case_review_notice_book_lookup (book, number);

  if (notice == NULL)
    g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                 _("No issued notice numbered “%s” in the book"), number);
  return notice;
}

static int
render_run (const CaseReviewToolCommand *command,
            const char                  *path,
            int                          argc,
            char                       **argv)
{
  g_autofree char *number = NULL, *format_name = NULL, *output_path = NULL;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "number", 'n', 0, G_OPTION_ARG_STRING, &number, N_("The notice: its number (罗司〔2020〕3号) or serial (3)"),
      N_("N") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Every notice of the book, in one document"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("text, markdown, html, json or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Write to FILE (required for PDF)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NOTICES.json"));
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewNoticeBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CaseReviewNotice *notice = NULL;
  CaseReviewNoticeFormat format;
  int status;

  g_option_context_set_summary (context, _("Renders one notice, or all of them, to plain text, Markdown, HTML, JSON "
                                           "or an A4 PDF laid out like an official document."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;
  if (args[1] == NULL || args[2] != NULL)
    return case_review_tool_usage_error (path, _("Give one notice book file"));
  if ((number == NULL) == !all)
    return case_review_tool_usage_error (path, _("Give either --number N or --all"));
  if (!case_review_notice_format_from_name (format_name != NULL ? format_name : "text", &format))
    return case_review_tool_usage_error (path, _("Unknown format “%s”: use text, markdown, html, json or pdf"),
                                         format_name);
  if (format == CASE_REVIEW_NOTICE_FORMAT_PDF && output_path == NULL)
    return case_review_tool_usage_error (path, _("PDF output needs -o FILE"));

  if ((book = load_book (args[1], &error)) == NULL)
    return report_error (error);
  if (number != NULL && (notice = find_notice (book, number, &error)) == NULL)
    return report_error (error);

  if (format == CASE_REVIEW_NOTICE_FORMAT_PDF)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output_path);
      gboolean ok = notice != NULL ? case_review_notice_write_pdf (notice, file, NULL, &error)
                                   : case_review_notice_book_write_pdf (book, file, NULL, &error);
      return ok ? CASE_REVIEW_TOOL_EXIT_OK : report_error (error);
    }

  text = notice != NULL ? case_review_notice_render (notice, format, &error)
                        : case_review_notice_book_render (book, format, &error);
  if (text == NULL)
    return report_error (error);
  if (output_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output_path);

      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                    NULL, &error))
        return report_error (error);
    }
  else
    fputs (text, stdout);
  return CASE_REVIEW_TOOL_EXIT_OK;
}

static int
transition_run (const CaseReviewToolCommand *command,
                const char                  *path,
                int                          argc,
                char                       **argv)
{
  g_autofree char *number = NULL, *to_name = NULL, *actor = NULL, *note = NULL, *at_text = NULL;
  const GOptionEntry entries[] = {
    { "number", 'n', 0, G_OPTION_ARG_STRING, &number, N_("The notice: its number or serial"), N_("N") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_name, N_("The new state (served, response-received, verified, …)"),
      N_("STATE") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor, N_("Who does it"), N_("NAME") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why, or what was done"), N_("TEXT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("When (ISO 8601 time or a date; default: now)"), N_("TIME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NOTICES.json"));
  g_auto(GStrv) args = NULL;
  g_autoptr(CaseReviewNoticeBook) book = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) error = NULL;
  CaseReviewNotice *notice;
  CaseReviewNoticeState to;
  int status;

  g_option_context_set_summary (context,
                                _("Moves a notice along its lifecycle (issued → served → response-received → verified "
                                  "→ closed; objections, reminders, escalation, rejected responses) and records who "
                                  "did it and when. The book file is rewritten only when the transition is "
                                  "allowed.\n\nStates: draft, issued, served, objected, upheld, modified, revoked, "
                                  "reminded, escalated, response-received, response-rejected, verified, closed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!case_review_tool_parse_options (context, path, argc, argv, &args, &status))
    return status;
  if (args[1] == NULL || args[2] != NULL)
    return case_review_tool_usage_error (path, _("Give one notice book file"));
  if (number == NULL || to_name == NULL || actor == NULL)
    return case_review_tool_usage_error (path, _("--number, --to and --actor are required"));
  if (!case_review_notice_state_from_name (to_name, &to))
    {
      case_review_tool_print_error (_("Unknown state “%s”: use draft, issued, served, objected, upheld, modified, "
                                      "revoked, reminded, escalated, response-received, response-rejected, verified "
                                      "or closed"), to_name);
      return CASE_REVIEW_TOOL_EXIT_INVALID_INPUT;
    }
  if ((at = parse_time (at_text)) == NULL)
    return case_review_tool_usage_error (path, _("--at “%s” is not a time (ISO 8601) or a date"), at_text);

  if ((book = load_book (args[1], &error)) == NULL)
    return report_error (error);
  if ((notice = find_notice (book, number, &error)) == NULL ||
      !case_review_notice_book_transition (book, notice, to, actor, at, note, &error) ||
      !save_book (book, args[1], &error))
    return report_error (error);
  {
    const GDate *deadline = case_review_notice_get_deadline (notice);
    g_autofree char *deadline_text = deadline != NULL ? case_review_tool_format_date (deadline) : NULL;
    g_autofree char *line = g_strdup_printf ("%s: %s%s%s\n", case_review_notice_get_number (notice),
                                             case_review_notice_state_get_name (case_review_notice_get_state (notice)),
                                             deadline_text != NULL ? _(", deadline ") : "",
                                             deadline_text != NULL ? deadline_text : "");
    case_review_tool_print (stdout, line);
  }
  return CASE_REVIEW_TOOL_EXIT_OK;
}

static const CaseReviewToolCommand notices_generate_command = {
  .name = "generate",
  .summary = N_("Generate and issue rectification notices from review results"),
  .run = generate_run,
};

static const CaseReviewToolCommand notices_list_command = {
  .name = "list",
  .summary = N_("List a notice book's notices, their states and deadlines"),
  .run = list_run,
};

static const CaseReviewToolCommand notices_render_command = {
  .name = "render",
  .summary = N_("Render notices to text, Markdown, HTML, JSON or PDF"),
  .run = render_run,
};

static const CaseReviewToolCommand notices_transition_command = {
  .name = "transition",
  .summary = N_("Move a notice along its lifecycle, recording who and when"),
  .run = transition_run,
};

static const CaseReviewToolCommand *const notices_commands[] = {
  &notices_generate_command,
  &notices_list_command,
  &notices_render_command,
  &notices_transition_command,
  NULL
};

const CaseReviewToolCommand casereview_notices_command = {
  .name = "notices",
  .summary = N_("Rectification notices: generate, list, render, move along their lifecycle"),
  .rank = 45,
  .subcommands = notices_commands,
};
