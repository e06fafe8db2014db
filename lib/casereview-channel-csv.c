/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Complaint channels and checks as CSV: reading (through CsvTable, so the
 * rules and locations are those of populations) and writing.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-channel-io.h"
#include "casereview-channel-private.h"
#include "casereview-csv-table.h"
#include "casereview-csv-writer.h"
#include "casereview-datetime-parsers.h"
#include "casereview-population-io.h"
#include "casereview-value-parsers.h"

typedef enum {
  CHANNEL_COLUMN_ID,
  CHANNEL_COLUMN_AGENCY,
  CHANNEL_COLUMN_AGENCY_NAME,
  CHANNEL_COLUMN_TYPE,
  CHANNEL_COLUMN_ADDRESS,
  N_CHANNEL_COLUMNS
} ChannelColumn;

static const CsvColumn channel_columns[N_CHANNEL_COLUMNS] = {
  [CHANNEL_COLUMN_ID] = { "渠道编号", "id", { "channel_id", "channel", NULL }, TRUE },
  [CHANNEL_COLUMN_AGENCY] = { "执法单位", "agency", { "agency_id", "单位编号", NULL }, TRUE },
  [CHANNEL_COLUMN_AGENCY_NAME] = { "单位名称", "agency_name", { NULL, NULL, NULL }, FALSE },
  [CHANNEL_COLUMN_TYPE] = { "渠道类型", "type", { "类型", "channel_type", NULL }, TRUE },
  [CHANNEL_COLUMN_ADDRESS] = { "号码或地址", "address", { "地址", "号码", "联系方式" }, TRUE },
};

/* Check columns, in the order of CheckField, then the rest. */
typedef enum {
  CHECK_COLUMN_CHANNEL = CHECK_FIELD_CHANNEL,
  CHECK_COLUMN_ATTEMPTED_AT = CHECK_FIELD_ATTEMPTED_AT,
  CHECK_COLUMN_OUTCOME = CHECK_FIELD_OUTCOME,
  CHECK_COLUMN_TRANSFERRED = CHECK_FIELD_TRANSFERRED,
  CHECK_COLUMN_BOUNCED = CHECK_FIELD_BOUNCED,
  CHECK_COLUMN_REPLIED_ON = CHECK_FIELD_REPLIED_ON,
  CHECK_COLUMN_SUBSTANTIVE = CHECK_FIELD_SUBSTANTIVE,
  CHECK_COLUMN_TESTER = N_CHECK_FIELDS,
  CHECK_COLUMN_NOTE,
  N_CHECK_COLUMNS
} CheckColumn;

static const CsvColumn check_columns[N_CHECK_COLUMNS] = {
  [CHECK_COLUMN_CHANNEL] = { "渠道编号", "channel", { "channel_id", NULL, NULL }, TRUE },
  [CHECK_COLUMN_ATTEMPTED_AT] = { "测试时间", "attempted_at", { "拨打时间", "发送时间", "time" }, TRUE },
  [CHECK_COLUMN_OUTCOME] = { "结果代码", "outcome", { "接通结果", "代码", NULL }, FALSE },
  [CHECK_COLUMN_TRANSFERRED] = { "正确转接", "transferred", { "是否正确转接", NULL, NULL }, FALSE },
  [CHECK_COLUMN_BOUNCED] = { "退信", "bounced", { "是否退信", NULL, NULL }, FALSE },
  [CHECK_COLUMN_REPLIED_ON] = { "答复日期", "replied_on", { "回复日期", NULL, NULL }, FALSE },
  [CHECK_COLUMN_SUBSTANTIVE] = { "实质答复", "substantive", { "是否实质答复", NULL, NULL }, FALSE },
  [CHECK_COLUMN_TESTER] = { "测试人", "tester", { "测试人员", NULL, NULL }, FALSE },
  [CHECK_COLUMN_NOTE] = { "备注", "note", { NULL, NULL, NULL }, FALSE },
};

/* In the row readers below, @table, @record and @positions are in scope. */
#define FIELD(column) (positions[column] >= 0 ? csv_field_trim (record->fields[positions[column]]) : "")
#define AT(column) table->display_name, \
                   (positions[column] >= 0 ? record->field_lines[positions[column]] : record->line), \
                   (positions[column] >= 0 ? positions[column] + 1 : 1)

/* Opens @file, reads its header and every row with @read_row; the common
 * frame of both readers. */
typedef gboolean (*ReadRowFunc) (CsvTable    *table,
                                 CsvRecord   *record,
                                 const int   *positions,
                                 ProblemList *problems,
                                 gpointer     user_data);

static gboolean
read_table (GFile                  *file,
            CaseReviewTextEncoding  encoding,
            const CsvColumn        *columns,
            guint                   n_columns,
            const char             *what,
            ReadRowFunc             read_row,
            gpointer                user_data,
            ProblemList            *problems,
            GCancellable           *cancellable,
            GError                **error)
{
  CsvTable table;
  CsvRecord record;
  int positions[N_CHECK_COLUMNS];
  gboolean failed = FALSE;
  GError *io_error = NULL;
  guint n_rows = 0;

  g_assert (n_columns <= G_N_ELEMENTS (positions));

  if (!csv_table_open (&table, file, encoding, cancellable, error))
    {
      csv_table_close (&table);
      return FALSE;
    }

  if (csv_table_read_header (&table, columns, n_columns, positions, problems, &failed, cancellable, &io_error))
    {
      while (!problem_list_is_full (problems) &&
             csv_table_next_row (&table, &record, problems, &failed, cancellable, &io_error))
        {
          n_rows++;
          if (!csv_table_check_width (&table, &record, problems))
            continue;
          read_row (&table, &record, positions, problems, user_data);
        }
      if (!failed && io_error == NULL && n_rows == 0 && problem_list_is_empty (problems))
        problem_list_add (problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:1: the file has a header but no %s"),
                          table.display_name, table.header_line + 1, what);
    }
  csv_table_close (&table);

  if (io_error != NULL)
    {
      g_ptr_array_set_size (problems->problems, 0);
      g_propagate_error (error, io_error);
      return FALSE;
    }
  if (!problem_list_is_empty (problems))
    {
      problem_list_to_error (problems, error);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GPtrArray *channels;
  GHashTable *first_lines;     /* id → line */
  GHashTable *agency_names;    /* agency id → (name, line) */
} ChannelsRead;

typedef struct
{
  char *name;
  guint line;
} AgencyName;

static void
agency_name_free (gpointer data)
{
  AgencyName *name = data;

  g_free (name->name);
  g_free (name);
}

static gboolean
read_channel_row (CsvTable    *table,
                  CsvRecord   *record,
                  const int   *positions,
                  ProblemList *problems,
                  gpointer     user_data)
{
  ChannelsRead *read = user_data;
  const char *id, *agency, *agency_name, *type_text, *address, *reason;
  CaseReviewChannelType channel_type = CASE_REVIEW_CHANNEL_TYPE_PHONE;
  gboolean row_ok = TRUE, type_ok;
  AgencyName *known;

  id = FIELD (CHANNEL_COLUMN_ID);
  agency = FIELD (CHANNEL_COLUMN_AGENCY);
  agency_name = FIELD (CHANNEL_COLUMN_AGENCY_NAME);
  type_text = FIELD (CHANNEL_COLUMN_TYPE);
  address = FIELD (CHANNEL_COLUMN_ADDRESS);

  if ((reason = population_check_identifier (id)) != NULL)
    {
      row_ok = FALSE;
      problem_list_add (problems, CASE_REVIEW_ERROR_INVALID, "%s:%u:%d: %s", AT (CHANNEL_COLUMN_ID), reason);
    }
  else if (g_hash_table_contains (read->first_lines, id))
    {
      row_ok = FALSE;
      problem_list_add (problems, CASE_REVIEW_ERROR_DUPLICATE, _("%s:%u:%d: duplicate channel id \"%s\" (first at line %u)"),
                        AT (CHANNEL_COLUMN_ID), id, GPOINTER_TO_UINT (g_hash_table_lookup (read->first_lines, id)));
    }
  else
    g_hash_table_insert (read->first_lines, g_strdup (id), GUINT_TO_POINTER (record->field_lines[positions[CHANNEL_COLUMN_ID]]));

  if ((reason = population_check_identifier (agency)) != NULL)
    {
      row_ok = FALSE;
      problem_list_add (problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: agency id: %s"), AT (CHANNEL_COLUMN_AGENCY), reason);
    }

  type_ok = case_review_channel_type_parse (type_text, &channel_type);
  if (!type_ok)
    {
      row_ok = FALSE;
      problem_list_add (problems, CASE_REVIEW_ERROR_INVALID,
                        _("%s:%u:%d: unknown channel type \"%s\" (expected phone, email, web_mailbox or wechat; 电话, 电子邮箱, 网上信箱 or 微信)"),
                        AT (CHANNEL_COLUMN_TYPE), type_text);
    }
  else if ((reason = channel_check_address (channel_type, address)) != NULL)
    {
      row_ok = FALSE;
      problem_list_add (problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: invalid %s address \"%s\": %s"),
                        AT (CHANNEL_COLUMN_ADDRESS), case_review_channel_type_get_name (channel_type), address, reason);
    }

  if (agency_name[0] != '\0' && agency[0] != '\0')
    {
      known = g_hash_table_lookup (read->agency_names, agency);
      if (known == NULL)
        {
          known = g_new0 (AgencyName, 1);
          known->name = g_strdup (agency_name);
          known->line = record->field_lines[positions[CHANNEL_COLUMN_AGENCY_NAME]];
          g_hash_table_insert (read->agency_names, g_strdup (agency), known);
        }
      else if (!g_str_equal (known->name, agency_name))
        {
          row_ok = FALSE;
          problem_list_add (problems, CASE_REVIEW_ERROR_INVALID,
                            _("%s:%u:%d: agency %s is named \"%s\" here but \"%s\" at line %u"),
                            AT (CHANNEL_COLUMN_AGENCY_NAME), agency, agency_name, known->name, known->line);
        }
    }

  if (row_ok && problem_list_is_empty (problems))
    g_ptr_array_add (read->channels,
                     case_review_channel_new (id, agency, agency_name[0] != '\0' ? agency_name : NULL,
                                              channel_type, address));
  return row_ok;
}

GPtrArray *
channel_io_read_channels_csv (GFile                   *file,
                              CaseReviewTextEncoding   encoding,
                              guint                    max_errors,
                              GPtrArray               *problem_array,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) first_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) agency_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, agency_name_free);
  ChannelsRead read = { channels, first_lines, agency_names };
  ProblemList problems;

  problem_list_init (&problems, problem_array, max_errors);
  if (!read_table (file, encoding, channel_columns, N_CHANNEL_COLUMNS, _("channels"), read_channel_row, &read,
                   &problems, cancellable, error))
    return NULL;

  return g_steal_pointer (&channels);
}

typedef struct
{
  CaseReviewChannelDirectory *directory;
  GPtrArray *checks;
  GHashTable *first_lines;     /* "channel\nmoment" → line */
} ChecksRead;

/* Locates a problem the shared rules found. */
static void
add_check_problem (CsvTable        *table,
                   CsvRecord       *record,
                   const int       *positions,
                   ProblemList     *problems,
                   CheckField       field,
                   CaseReviewError  code,
                   const char      *message)
{
  problem_list_add (problems, code, "%s:%u:%d: %s", AT ((CheckColumn) field), message);
}

static gboolean
read_check_row (CsvTable    *table,
                CsvRecord   *record,
                const int   *positions,
                ProblemList *problems,
                gpointer     user_data)
{
  ChecksRead *read = user_data;
  const char *channel_id, *moment_text, *outcome_text, *replied_text, *reason;
  g_autoptr(GDateTime) attempted_at = NULL;
  g_autoptr(CaseReviewChannelCheck) check = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *key = NULL;
  g_autofree char *moment = NULL;
  CaseReviewChannel *channel;
  CaseReviewCallOutcome outcome = CASE_REVIEW_CALL_OUTCOME_NONE;
  gboolean transferred = FALSE, bounced = FALSE, substantive = FALSE;
  gboolean row_ok = TRUE;
  guint32 replied_julian = 0;
  GDate replied_on;
  CheckField field;
  CaseReviewError code;

  g_date_clear (&replied_on, 1);
  channel_id = FIELD (CHECK_COLUMN_CHANNEL);
  channel = case_review_channel_directory_lookup (read->directory, channel_id);
  if (channel == NULL)
    {
      row_ok = FALSE;
      problem_list_add (problems, CASE_REVIEW_ERROR_NOT_FOUND,
                        _("%s:%u:%d: unknown channel \"%s\": not in the channels directory"),
                        AT (CHECK_COLUMN_CHANNEL), channel_id);
    }

  moment_text = FIELD (CHECK_COLUMN_ATTEMPTED_AT);
  if ((reason = case_review_parse_moment (moment_text, &attempted_at)) != NULL)
    {
      row_ok = FALSE;
      problem_list_add (problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: invalid time of the attempt \"%s\": %s"),
                        AT (CHECK_COLUMN_ATTEMPTED_AT), moment_text, reason);
    }

  outcome_text = FIELD (CHECK_COLUMN_OUTCOME);
  if (outcome_text[0] != '\0')
    {
      guint64 code_value = 0;

      if (!g_ascii_string_to_unsigned (outcome_text, 10, 0, 99, &code_value, NULL) ||
          !case_review_call_outcome_is_valid ((int) code_value))
        {
          row_ok = FALSE;
          problem_list_add (problems, CASE_REVIEW_ERROR_INVALID,
                            _("%s:%u:%d: invalid outcome code \"%s\" (expected 11, 12, 13, 14, 21, 22 or 23)"),
                            AT (CHECK_COLUMN_OUTCOME), outcome_text);
        }
      else
        outcome = (CaseReviewCallOutcome) code_value;
    }

#define YES_NO(column, variable)                                                                    \
  G_STMT_START {                                                                                    \
    const char *text_ = FIELD (column);                                                             \
    if ((reason = case_review_parse_yes_no (text_, &variable)) != NULL)                             \
      {                                                                                             \
        row_ok = FALSE;                                                                             \
        problem_list_add (problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: \"%s\" is %s"),          \
                          AT (column), text_, reason);                                              \
      }                                                                                             \
  } G_STMT_END
  YES_NO (CHECK_COLUMN_TRANSFERRED, transferred);
  YES_NO (CHECK_COLUMN_BOUNCED, bounced);
  YES_NO (CHECK_COLUMN_SUBSTANTIVE, substantive);
#undef YES_NO

  replied_text = FIELD (CHECK_COLUMN_REPLIED_ON);
  if (replied_text[0] != '\0')
    {
      if ((reason = case_review_parse_date (replied_text, &replied_julian)) != NULL)
        {
          row_ok = FALSE;
          problem_list_add (problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: invalid reply date \"%s\": %s"),
                            AT (CHECK_COLUMN_REPLIED_ON), replied_text, reason);
        }
      else
        g_date_set_julian (&replied_on, replied_julian);
    }

  if (!row_ok)
    return FALSE;

  check = g_object_new (CASE_REVIEW_TYPE_CHANNEL_CHECK,
                        "channel-id", channel_id,
                        "attempted-at", attempted_at,
                        "outcome", outcome,
                        "transferred", transferred,
                        "bounced", bounced,
                        "replied-on", g_date_valid (&replied_on) ? &replied_on : NULL,
                        "substantive", substantive,
                        "tester", FIELD (CHECK_COLUMN_TESTER),
                        "note", FIELD (CHECK_COLUMN_NOTE),
                        NULL);
  problem = channel_check_find_problem (check, channel, &field, &code);
  if (problem != NULL)
    {
      add_check_problem (table, record, positions, problems, field, code, problem);
      return FALSE;
    }

  moment = case_review_format_moment (attempted_at, FALSE);
  key = g_strconcat (channel_id, "\n", moment, NULL);
  if (g_hash_table_contains (read->first_lines, key))
    {
      problem_list_add (problems, CASE_REVIEW_ERROR_DUPLICATE,
                        _("%s:%u:%d: channel %s was already checked at %s (line %u)"),
                        AT (CHECK_COLUMN_ATTEMPTED_AT), channel_id, moment,
                        GPOINTER_TO_UINT (g_hash_table_lookup (read->first_lines, key)));
      return FALSE;
    }
  g_hash_table_insert (read->first_lines, g_steal_pointer (&key),
                       GUINT_TO_POINTER (record->field_lines[positions[CHECK_COLUMN_ATTEMPTED_AT]]));

  if (problem_list_is_empty (problems))
    g_ptr_array_add (read->checks, g_steal_pointer (&check));
  return TRUE;
}

GPtrArray *
channel_io_read_checks_csv (GFile                       *file,
                            CaseReviewChannelDirectory  *directory,
                            CaseReviewTextEncoding       encoding,
                            guint                        max_errors,
                            GPtrArray                   *problem_array,
                            GCancellable                *cancellable,
                            GError                     **error)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) first_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ChecksRead read = { directory, checks, first_lines };
  ProblemList problems;

  problem_list_init (&problems, problem_array, max_errors);
  if (!read_table (file, encoding, check_columns, N_CHECK_COLUMNS, _("checks"), read_check_row, &read,
                   &problems, cancellable, error))
    return NULL;

  return g_steal_pointer (&checks);
}

#undef AT
#undef FIELD

void
channel_io_append_csv_field (GString    *out,
                             const char *text,
                             gboolean    last)
{
  csv_append_field (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

char *
channel_io_channels_to_csv (GListModel *channels)
{
  GString *out = g_string_new ("id,agency,agency_name,type,address\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(CaseReviewChannel) channel = g_list_model_get_item (channels, i);

      channel_io_append_csv_field (out, case_review_channel_get_id (channel), FALSE);
      channel_io_append_csv_field (out, case_review_channel_get_agency_id (channel), FALSE);
      channel_io_append_csv_field (out, case_review_channel_get_agency_name (channel), FALSE);
      channel_io_append_csv_field (out, case_review_channel_type_get_name (case_review_channel_get_channel_type (channel)),
                                   FALSE);
      channel_io_append_csv_field (out, case_review_channel_get_address (channel), TRUE);
    }

  return g_string_free (out, FALSE);
}

char *
channel_io_checks_to_csv (GListModel *checks)
{
  GString *out = g_string_new ("channel,attempted_at,outcome,transferred,bounced,replied_on,substantive,tester,note\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr(CaseReviewChannelCheck) check = g_list_model_get_item (checks, i);
      g_autofree char *moment = case_review_channel_check_dup_attempted_at_string (check);
      g_autofree char *outcome = NULL;
      g_autofree char *replied = NULL;
      const GDate *replied_on = case_review_channel_check_get_replied_on (check);
      gboolean call = case_review_channel_check_is_call (check);

      if (call)
        outcome = g_strdup_printf ("%d", (int) case_review_channel_check_get_outcome (check));
      if (replied_on != NULL)
        replied = case_review_format_gdate (replied_on);

      channel_io_append_csv_field (out, case_review_channel_check_get_channel_id (check), FALSE);
      channel_io_append_csv_field (out, moment, FALSE);
      channel_io_append_csv_field (out, outcome, FALSE);
      channel_io_append_csv_field (out, call ? (case_review_channel_check_get_transferred (check) ? "yes" : "no") : NULL,
                                   FALSE);
      channel_io_append_csv_field (out, call ? NULL : (case_review_channel_check_get_bounced (check) ? "yes" : "no"),
                                   FALSE);
      channel_io_append_csv_field (out, replied, FALSE);
      channel_io_append_csv_field (out, call ? NULL : (case_review_channel_check_get_substantive (check) ? "yes" : "no"),
                                   FALSE);
      channel_io_append_csv_field (out, case_review_channel_check_get_tester (check), FALSE);
      channel_io_append_csv_field (out, case_review_channel_check_get_note (check), TRUE);
    }

  return g_string_free (out, FALSE);
}

gboolean
channel_io_write_file (GFile         *file,
                       const char    *text,
                       gboolean       with_bom,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *contents = g_strconcat (with_bom ? "\xef\xbb\xbf" : "", text, NULL);

  return g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}
