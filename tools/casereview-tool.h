/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What every command of the `casereview` tool shares: the command table the
 * dispatcher walks, exit statuses, option parsing with uniform usage errors,
 * and JSON and error output.
 *
 * Adding a command group: write tools/casereview-NAME-command.c defining
 *
 *   const CaseReviewToolCommand casereview_NAME_command = { ... };
 *
 * (hyphens in NAME become underscores in the symbol). tools/CMakeLists.txt
 * finds the file by its name and registers the command; no other file
 * changes.
 */
#pragma once

#include <stdio.h>

#include <json-glib/json-glib.h>
#include <libcasereview/casereview.h>

G_BEGIN_DECLS

/* Exit statuses, the same for every command. */
typedef enum {
  CASE_REVIEW_TOOL_EXIT_OK = 0,             /* success; for checks: the input is valid */
  CASE_REVIEW_TOOL_EXIT_FAILURE = 1,        /* bad usage, unreadable file, any other failure */
  CASE_REVIEW_TOOL_EXIT_INVALID_INPUT = 2,  /* the input was read and breaks a rule */
  CASE_REVIEW_TOOL_EXIT_MISMATCH = 3,       /* for verifications: valid input that does not match */
} CaseReviewToolExit;

typedef struct _CaseReviewToolCommand CaseReviewToolCommand;

/* Runs a leaf command. @path is the command as typed, e.g. "casereview
 * population check", for messages; @argv[0] is the command's own name and
 * the rest its arguments. Returns a CaseReviewToolExit. */
typedef int (*CaseReviewToolRunFunc) (const CaseReviewToolCommand *command,
                                      const char                  *path,
                                      int                          argc,
                                      char                       **argv);

/* A command is either a leaf (@run set) or a group of subcommands
 * (@subcommands set, NULL-terminated), like `casereview population check`. */
struct _CaseReviewToolCommand
{
  const char                         *name;
  const char                         *summary;     /* one line, for command lists */
  guint                               rank;        /* list order: lower first, then by name */
  CaseReviewToolRunFunc               run;
  const CaseReviewToolCommand *const *subcommands;
};

/* Lists @commands (NULL-terminated) sorted by rank and name, one per line with
 * its summary, indented. */
char    *case_review_tool_format_command_list (const CaseReviewToolCommand *const *commands);

/* Writes UTF-8 @text to @out in the locale's charset, or as UTF-8 when that
 * charset cannot hold it (for human-readable output; JSON is always UTF-8). */
void     case_review_tool_print              (FILE                               *out,
                                              const char                         *text);

/* Runs @command with @argv (argv[0] is the command's name): a leaf runs, a
 * group dispatches on argv[1] (or prints its commands). */
int      case_review_tool_run_command        (const CaseReviewToolCommand        *command,
                                              const char                         *parent_path,
                                              int                                 argc,
                                              char                              **argv);

/* Finds the command named @name in @commands, or NULL. */
const CaseReviewToolCommand *
         case_review_tool_find_command       (const CaseReviewToolCommand *const *commands,
                                              const char                         *name);

/* Prints help for the command at @words (NULL-terminated, at least one word,
 * e.g. {"population", "check"}) below @commands, which @root_path (e.g.
 * "casereview") runs; returns the exit status (1 for an unknown command). */
int      case_review_tool_help               (const CaseReviewToolCommand *const *commands,
                                              const char                         *root_path,
                                              char                              **words);

/* Parses @argv (argv[0] is the command's name) with @context, which gets a
 * `-h, --help` option that prints its help to stdout. Returns TRUE to go on,
 * FALSE to exit with *@out_status: 0 after --help, 1 after a usage error
 * (already reported on stderr). On TRUE *@out_args holds the remaining
 * arguments, argv[0] first. */
gboolean case_review_tool_parse_options      (GOptionContext                     *context,
                                              const char                         *path,
                                              int                                 argc,
                                              char                              **argv,
                                              char                             ***out_args,
                                              int                                *out_status);

/* Prints "PATH: MESSAGE" and a pointer to --help on stderr; returns 1. */
int      case_review_tool_usage_error        (const char                         *path,
                                              const char                         *format,
                                              ...) G_GNUC_PRINTF (2, 3);

/* Prints "casereview: MESSAGE" on stderr. */
void     case_review_tool_print_error        (const char                         *format,
                                              ...) G_GNUC_PRINTF (1, 2);

/* The exit status an error stands for: 2 when the input broke a rule
 * (CASE_REVIEW_ERROR other than FAILED), 1 otherwise (I/O errors,
 * cancellation, failures). */
int      case_review_tool_exit_status_for_error (const GError                    *error);

/* The machine name of @error's code for JSON output: the CaseReview.Error
 * nick ("duplicate", "parse", …) or "DOMAIN:CODE" for other domains. */
char    *case_review_tool_dup_error_code     (const GError                       *error);

/* Writes @root as pretty-printed UTF-8 JSON and a newline to stdout. */
void     case_review_tool_print_json         (JsonNode                           *root);

/* Reads --encoding: NULL or "auto", "utf-8" ("utf8"), "gb18030" ("gbk",
 * "gb2312"); FALSE for anything else. */
gboolean case_review_tool_parse_encoding     (const char                         *text,
                                              CaseReviewTextEncoding             *out_encoding);

/* Loads the frame from the agencies and cases CSV files as every command
 * does. A file that cannot be read is reported as such before the library
 * sees it (status 1); a file that breaks a rule prints the library's
 * message, every problem on its own line, on stderr (status 2). Returns
 * the exit status: 0 with *@out_population set, otherwise an error already
 * reported on stderr. */
int      case_review_tool_load_population    (const char                         *agencies_path,
                                              const char                         *cases_path,
                                              CaseReviewTextEncoding              encoding,
                                              CaseReviewPopulation              **out_population);

/* Reads --model: binomial, poisson or hypergeometric, in any letter case. */
gboolean    case_review_tool_parse_model   (const char                 *text,
                                            CaseReviewStatisticalModel *out_model);
/* The name --model takes for @model. */
const char *case_review_tool_model_name    (CaseReviewStatisticalModel  model);
/* Reads a whole-number option of at least @minimum; otherwise a usage error
 * naming the option (status 1 in *out_status). */
gboolean    case_review_tool_parse_count   (const char                 *path,
                                            const char                 *option,
                                            const char                 *text,
                                            guint64                     minimum,
                                            guint64                    *out_count,
                                            int                        *out_status);

/* Parses an ISO date YYYY-MM-DD into @out_date; FALSE for anything else. */
gboolean case_review_tool_parse_date        (const char                         *text,
                                             GDate                              *out_date);
/* YYYY-MM-DD. */
char    *case_review_tool_format_date       (const GDate                        *date);

G_END_DECLS
