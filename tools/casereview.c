/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * casereview: libcasereview from the shell.
 *
 *   casereview [--version] COMMAND [ARGUMENT…]
 *   casereview help [COMMAND…]
 *
 * Each command group lives in its own tools/casereview-NAME-command.c and is
 * registered by tools/CMakeLists.txt from the file name (see
 * casereview-tool.h). Built on the public API only.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "casereview-tool.h"
#include "casereview-commands.h"

#define ROOT_PATH "casereview"

static int run_help (const CaseReviewToolCommand *command,
                     const char                  *path,
                     int                          argc,
                     char                       **argv);

static const CaseReviewToolCommand help_command = {
  .name = "help",
  .summary = N_("Show the commands, or the options of one command"),
  .rank = G_MAXUINT,
  .run = run_help,
};

/* NULL-terminated: every tools/casereview-*-command.c, then help. */
static const CaseReviewToolCommand *commands[] = {
  CASE_REVIEW_TOOL_COMMANDS
  &help_command,
  NULL
};

static GOptionContext *
top_level_context (gboolean *version)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Show the version of casereview and libcasereview and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_autofree char *list = case_review_tool_format_command_list (commands);
  g_autofree char *description = g_strdup_printf (_("Commands:\n%s\n"
                                                    "Run “%s help COMMAND” or “%s COMMAND --help” for the options "
                                                    "of a command."),
                                                  list, ROOT_PATH, ROOT_PATH);

  g_option_context_set_summary (context,
                                _("Review administrative enforcement case files (行政执法案卷评查) from the shell."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows it is the command's. */
  g_option_context_set_strict_posix (context, TRUE);

  return context;
}

/* Parses the top-level options in @argv; returns FALSE with *@out_status
 * to exit, TRUE with the arguments from the command on in *@out_args. */
static gboolean
parse_top_level (int      argc,
                 char   **argv,
                 char  ***out_args,
                 int     *out_status)
{
  gboolean version = FALSE;
  g_autoptr(GOptionContext) context = top_level_context (&version);

  g_set_prgname (ROOT_PATH);
  if (!case_review_tool_parse_options (context, ROOT_PATH, argc, argv, out_args, out_status))
    return FALSE;

  if (version)
    {
      g_print ("casereview %s (libcasereview %s)\n", CASE_REVIEW_VERSION_S, case_review_get_version ());
      *out_status = CASE_REVIEW_TOOL_EXIT_OK;
      return FALSE;
    }
  if ((*out_args)[1] == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      case_review_tool_print (stderr, help);
      *out_status = CASE_REVIEW_TOOL_EXIT_FAILURE;
      return FALSE;
    }

  return TRUE;
}

static int
run_help (const CaseReviewToolCommand *command,
          const char                  *path,
          int                          argc,
          char                       **argv)
{
  if (argc < 2 || argv[1][0] == '-')
    {
      char *help_argv[] = { (char *) ROOT_PATH, (char *) "--help", NULL };
      g_auto(GStrv) args = NULL;
      int status;

      parse_top_level (2, help_argv, &args, &status);
      return status;
    }

  return case_review_tool_help (commands, ROOT_PATH, argv + 1);
}

int
main (int    argc,
      char **argv)
{
  g_auto(GStrv) args = NULL;
  const CaseReviewToolCommand *command;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, CASE_REVIEW_TOOL_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!parse_top_level (argc, argv, &args, &status))
    return status;

  command = case_review_tool_find_command (commands, args[1]);
  if (command == NULL)
    return case_review_tool_usage_error (ROOT_PATH, _("Unknown command “%s”; “%s help” lists the commands"),
                                         args[1], ROOT_PATH);

  status = case_review_tool_run_command (command, ROOT_PATH, (int) g_strv_length (args) - 1, args + 1);
  fflush (stdout);

  return status;
}
