/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-csv-table.h"

gboolean
csv_table_open (CsvTable               *table,
                GFile                  *file,
                CaseReviewTextEncoding  encoding,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(GFileInfo) info = NULL;

  memset (table, 0, sizeof *table);
  table->display_name = g_file_get_basename (file);
  table->stream = g_file_read (file, cancellable, error);
  if (table->stream == NULL)
    return FALSE;

  info = g_file_input_stream_query_info (table->stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  table->size = info != NULL ? g_file_info_get_size (info) : 0;
  table->reader = csv_reader_new (G_INPUT_STREAM (table->stream), table->display_name, encoding);
  return TRUE;
}

void
csv_table_close (CsvTable *table)
{
  g_clear_pointer (&table->reader, csv_reader_free);
  g_clear_object (&table->stream);
  g_clear_pointer (&table->display_name, g_free);
}

/* Trims ASCII white space in place, without moving bytes when there is
 * none (the common case). */
char *
csv_field_trim (char *field)
{
  if (field[0] == '\0' || (!g_ascii_isspace (field[0]) && !g_ascii_isspace (field[strlen (field) - 1])))
    return field;
  return g_strstrip (field);
}

/* Reads the next non-blank record. FALSE at the end (with *failed unset)
 * or on a structural problem, added to @problems and fatal: after a broken
 * quote nothing later can be located reliably. */
gboolean
csv_table_next_row (CsvTable      *table,
                    CsvRecord     *record,
                    ProblemList   *problems,
                    gboolean      *failed,
                    GCancellable  *cancellable,
                    GError       **error)
{
  for (;;)
    {
      GError *local_error = NULL;

      if (!csv_reader_next (table->reader, record, cancellable, &local_error))
        {
          if (local_error == NULL)
            return FALSE;
          *failed = TRUE;
          if (local_error->domain == CASE_REVIEW_ERROR)
            {
              problem_list_add (problems, local_error->code, "%s", local_error->message);
              g_error_free (local_error);
            }
          else
            g_propagate_prefixed_error (error, local_error, "%s: ", table->display_name);
          return FALSE;
        }
      if (!csv_record_is_blank (record))
        return TRUE;
    }
}

static gboolean
column_matches (const CsvColumn *column,
                const char      *header)
{
  if (g_str_equal (header, column->chinese) || g_ascii_strcasecmp (header, column->english) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (column->alternatives); i++)
    if (column->alternatives[i] != NULL &&
        (g_str_equal (header, column->alternatives[i]) || g_ascii_strcasecmp (header, column->alternatives[i]) == 0))
      return TRUE;
  return FALSE;
}

/* Reads the header and maps it: positions[c] is the 0-based field of column
 * c, or -1. Unknown headers are ignored, so exports may carry extra
 * columns; a required column missing or a column given twice is a problem. */
gboolean
csv_table_read_header (CsvTable         *table,
                       const CsvColumn  *columns,
                       guint             n_columns,
                       int              *positions,
                       ProblemList      *problems,
                       gboolean         *failed,
                       GCancellable     *cancellable,
                       GError          **error)
{
  CsvRecord header;
  gboolean ok = TRUE;

  if (!csv_table_next_row (table, &header, problems, failed, cancellable, error))
    {
      if (!*failed && (error == NULL || *error == NULL))
        problem_list_add (problems, CASE_REVIEW_ERROR_PARSE,
                          _("%s:1:1: the file is empty; expected a header row"), table->display_name);
      *failed = TRUE;
      return FALSE;
    }

  for (guint c = 0; c < n_columns; c++)
    positions[c] = -1;

  for (guint f = 0; f < header.n_fields; f++)
    {
      const char *text = csv_field_trim (header.fields[f]);

      for (guint c = 0; c < n_columns; c++)
        {
          if (!column_matches (&columns[c], text))
            continue;
          if (positions[c] >= 0)
            {
              problem_list_add (problems, CASE_REVIEW_ERROR_INVALID,
                                _("%s:%u:%u: column %s/%s appears twice (first as column %d)"),
                                table->display_name, header.line, f + 1,
                                columns[c].chinese, columns[c].english, positions[c] + 1);
              *failed = TRUE;
              return FALSE;
            }
          positions[c] = (int) f;
        }
    }

  for (guint c = 0; c < n_columns; c++)
    {
      if (columns[c].required && positions[c] < 0)
        {
          ok = FALSE;
          if (!problem_list_add (problems, CASE_REVIEW_ERROR_INVALID,
                                 _("%s:%u:1: the required column %s/%s is missing from the header"),
                                 table->display_name, header.line, columns[c].chinese, columns[c].english))
            break;
        }
    }

  table->header_fields = header.n_fields;
  table->header_line = header.line;
  *failed = !ok;
  return ok;
}

gboolean
csv_table_check_width (CsvTable        *table,
                       const CsvRecord *record,
                       ProblemList     *problems)
{
  guint expected = table->header_fields;

  if (record->n_fields == expected)
    return TRUE;

  if (record->n_fields > expected)
    problem_list_add (problems, CASE_REVIEW_ERROR_PARSE,
                      _("%s:%u:%u: the row has %u fields but the header has %u"),
                      table->display_name, record->field_lines[expected], expected + 1,
                      record->n_fields, expected);
  else
    problem_list_add (problems, CASE_REVIEW_ERROR_PARSE,
                      _("%s:%u:%u: the row has %u fields but the header has %u"),
                      table->display_name, record->field_lines[record->n_fields - 1], record->n_fields + 1,
                      record->n_fields, expected);
  return FALSE;
}
