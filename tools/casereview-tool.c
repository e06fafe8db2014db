/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "casereview-tool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

static int
compare_commands (gconstpointer a,
                  gconstpointer b)
{
  const CaseReviewToolCommand *left = *(const CaseReviewToolCommand *const *) a;
  const CaseReviewToolCommand *right = *(const CaseReviewToolCommand *const *) b;

  if (left->rank != right->rank)
    return left->rank < right->rank ? -1 : 1;
  return strcmp (left->name, right->name);
}

char *
case_review_tool_format_command_list (const CaseReviewToolCommand *const *commands)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GString *text = g_string_new (NULL);
  gsize width = 0;

  for (gsize i = 0; commands[i] != NULL; i++)
    {
      g_ptr_array_add (sorted, (gpointer) commands[i]);
      width = MAX (width, strlen (commands[i]->name));
    }
  g_ptr_array_sort (sorted, compare_commands);

  for (guint i = 0; i < sorted->len; i++)
    {
      const CaseReviewToolCommand *command = g_ptr_array_index (sorted, i);

      g_string_append_printf (text, "  %-*s  %s\n", (int) width, command->name,
                              command->summary != NULL ? _(command->summary) : "");
    }

  return g_string_free (text, FALSE);
}

void
case_review_tool_print (FILE       *out,
                        const char *text)
{
  /* In the locale's charset when it can hold the text (a GB18030 terminal);
   * otherwise as UTF-8, more useful than g_print()'s \u escapes for
   * Chinese names in a C locale. */
  g_autofree char *converted = g_locale_from_utf8 (text, -1, NULL, NULL, NULL);

  fputs (converted != NULL ? converted : text, out);
}

const CaseReviewToolCommand *
case_review_tool_find_command (const CaseReviewToolCommand *const *commands,
                               const char                         *name)
{
  for (gsize i = 0; commands[i] != NULL; i++)
    if (g_str_equal (commands[i]->name, name))
      return commands[i];

  return NULL;
}

static void
print_group_help (FILE                        *out,
                  const CaseReviewToolCommand *group,
                  const char                  *path)
{
  g_autofree char *list = case_review_tool_format_command_list (group->subcommands);
  g_autofree char *text = g_strdup_printf (_("Usage:\n  %s COMMAND [OPTION…]\n\n%s\n\nCommands:\n%s\n"
                                             "Run “%s COMMAND --help” for the options of a command.\n"),
                                           path, _(group->summary), list, path);

  case_review_tool_print (out, text);
}

int
case_review_tool_run_command (const CaseReviewToolCommand *command,
                              const char                  *parent_path,
                              int                          argc,
                              char                       **argv)
{
  g_autofree char *path = g_strdup_printf ("%s %s", parent_path, command->name);
  const CaseReviewToolCommand *subcommand;

  /* GOptionContext prints the program name in usage lines and messages;
   * as gio(1) does, make it the command as typed. */
  g_set_prgname (path);

  if (command->run != NULL)
    return command->run (command, path, argc, argv);

  g_assert (command->subcommands != NULL);

  if (argc < 2)
    {
      print_group_help (stderr, command, path);
      return CASE_REVIEW_TOOL_EXIT_FAILURE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      if (argc > 2 && g_str_equal (argv[1], "help"))
        return case_review_tool_help (command->subcommands, path, argv + 2);
      print_group_help (stdout, command, path);
      return CASE_REVIEW_TOOL_EXIT_OK;
    }
  if (argv[1][0] == '-')
    return case_review_tool_usage_error (path, _("Expected a command before the option “%s”"), argv[1]);

  subcommand = case_review_tool_find_command (command->subcommands, argv[1]);
  if (subcommand == NULL)
    return case_review_tool_usage_error (path, _("Unknown command “%s”"), argv[1]);

  return case_review_tool_run_command (subcommand, path, argc - 1, argv + 1);
}

int
case_review_tool_help (const CaseReviewToolCommand *const *commands,
                       const char                         *root_path,
                       char                              **words)
{
  const CaseReviewToolCommand *const *level = commands;
  const CaseReviewToolCommand *command = NULL;
  g_autoptr(GString) parent_path = g_string_new (root_path);
  char *help_argv[3] = { NULL, (char *) "--help", NULL };

  g_return_val_if_fail (words[0] != NULL, CASE_REVIEW_TOOL_EXIT_FAILURE);

  /* Walk down the groups; words after a leaf command are ignored. */
  for (gsize i = 0; words[i] != NULL && level != NULL; i++)
    {
      if (command != NULL)
        g_string_append_printf (parent_path, " %s", command->name);

      command = case_review_tool_find_command (level, words[i]);
      if (command == NULL)
        return case_review_tool_usage_error (parent_path->str, _("Unknown command “%s”"), words[i]);

      level = command->subcommands;
    }

  help_argv[0] = (char *) command->name;
  return case_review_tool_run_command (command, parent_path->str, 2, help_argv);
}

gboolean
case_review_tool_parse_options (GOptionContext   *context,
                                const char       *path,
                                int               argc,
                                char            **argv,
                                char           ***out_args,
                                int              *out_status)
{
  gboolean help = FALSE;
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  /* Our own --help, printed and returned rather than exit()ing inside
   * GOptionContext, so every path out of a command frees what it holds. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      *out_status = case_review_tool_usage_error (path, "%s", error->message);
      return FALSE;
    }
  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      case_review_tool_print (stdout, text);
      *out_status = CASE_REVIEW_TOOL_EXIT_OK;
      return FALSE;
    }

  *out_args = g_steal_pointer (&args);
  *out_status = CASE_REVIEW_TOOL_EXIT_OK;
  return TRUE;
}

int
case_review_tool_usage_error (const char *path,
                              const char *format,
                              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", path, message);
  g_printerr (_("Try “%s --help” for more information.\n"), path);

  return CASE_REVIEW_TOOL_EXIT_FAILURE;
}

void
case_review_tool_print_error (const char *format,
                              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("casereview: %s\n", message);
}

int
case_review_tool_exit_status_for_error (const GError *error)
{
  if (error->domain == CASE_REVIEW_ERROR && error->code != CASE_REVIEW_ERROR_FAILED)
    return CASE_REVIEW_TOOL_EXIT_INVALID_INPUT;

  return CASE_REVIEW_TOOL_EXIT_FAILURE;
}

static char *
dup_enum_nick (GType type,
               int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);
  char *nick = enum_value != NULL ? g_strdup (enum_value->value_nick) : NULL;

  g_type_class_unref (klass);

  return nick;
}

char *
case_review_tool_dup_error_code (const GError *error)
{
  char *nick = NULL;

  if (error->domain == CASE_REVIEW_ERROR)
    nick = dup_enum_nick (CASE_REVIEW_TYPE_ERROR, error->code);
  else if (error->domain == G_IO_ERROR)
    nick = dup_enum_nick (G_TYPE_IO_ERROR_ENUM, error->code);

  if (nick != NULL)
    return nick;

  return g_strdup_printf ("%s:%d", g_quark_to_string (error->domain), error->code);
}

void
case_review_tool_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length = 0;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  /* JSON is UTF-8 whatever the locale: write the bytes, not through
   * g_print(), which would convert to the locale's charset. */
  fwrite (text, 1, length, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

gboolean
case_review_tool_parse_encoding (const char             *text,
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

/* "No such file" is exit status 1, never a rule broken. */
static gboolean
check_readable_file (GFile   *file,
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

int
case_review_tool_load_population (const char             *agencies_path,
                                  const char             *cases_path,
                                  CaseReviewTextEncoding  encoding,
                                  CaseReviewPopulation  **out_population)
{
  g_autoptr(GFile) agencies_file = g_file_new_for_commandline_arg (agencies_path);
  g_autoptr(GFile) cases_file = g_file_new_for_commandline_arg (cases_path);
  g_autoptr(CaseReviewPopulation) population = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!check_readable_file (agencies_file, &error) || !check_readable_file (cases_file, &error))
    {
      case_review_tool_print_error ("%s", error->message);
      return CASE_REVIEW_TOOL_EXIT_FAILURE;
    }

  population = case_review_population_new ();
  if (!case_review_population_load_csv (population, agencies_file, cases_file, encoding, NULL, &error))
    {
      status = case_review_tool_exit_status_for_error (error);
      if (status == CASE_REVIEW_TOOL_EXIT_INVALID_INPUT)
        g_printerr ("%s\n", error->message);  /* FILE:LINE:COLUMN: RULE, one per line */
      else
        case_review_tool_print_error ("%s", error->message);
      return status;
    }

  *out_population = g_steal_pointer (&population);
  return CASE_REVIEW_TOOL_EXIT_OK;
}

gboolean
case_review_tool_parse_model (const char                 *text,
                              CaseReviewStatisticalModel *out_model)
{
  g_autofree char *nick = g_ascii_strdown (text, -1);
  GEnumClass *klass = g_type_class_ref (CASE_REVIEW_TYPE_STATISTICAL_MODEL);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  if (value != NULL)
    *out_model = value->value;
  g_type_class_unref (klass);
  return value != NULL;
}

const char *
case_review_tool_model_name (CaseReviewStatisticalModel model)
{
  GEnumClass *klass = g_type_class_ref (CASE_REVIEW_TYPE_STATISTICAL_MODEL);
  GEnumValue *value = g_enum_get_value (klass, model);
  const char *name = value != NULL ? value->value_nick : "binomial";

  /* Enum classes live as long as the type system: the nick stays valid. */
  g_type_class_unref (klass);
  return name;
}

gboolean
case_review_tool_parse_count (const char *path,
                              const char *option,
                              const char *text,
                              guint64     minimum,
                              guint64    *out_count,
                              int        *out_status)
{
  if (g_ascii_string_to_unsigned (text, 10, minimum, G_MAXUINT64, out_count, NULL))
    return TRUE;

  if (minimum == 0)
    *out_status = case_review_tool_usage_error (path, _("%s: “%s” is not a whole number"), option, text);
  else
    *out_status = case_review_tool_usage_error (path, _("%s: “%s” is not a whole number of at least %" G_GUINT64_FORMAT),
                                                option, text, minimum);
  return FALSE;
}

gboolean
case_review_tool_parse_date (const char *text,
                             GDate      *out_date)
{
  guint year, month, day;
  char end;

  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

char *
case_review_tool_format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date), (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}
