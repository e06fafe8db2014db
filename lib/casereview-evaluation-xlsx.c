/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * An evaluation's results as an Excel workbook (libxlsxwriter): the sheet
 * 评查结果汇总表 with one row per agency and the sheet 案卷评分明细 with one
 * row per case file, the same columns as the CSV files, numbers as numeric
 * cells. libxlsxwriter writes to a path of its own, so the workbook is made
 * in a private temporary directory and then copied to the GFile, which is
 * replaced atomically.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "casereview-error.h"
#include "casereview-evaluation.h"
#include "casereview-result-table.h"

#define AGENCY_SHEET_NAME "评查结果汇总表"
#define CASE_SHEET_NAME "案卷评分明细"

typedef struct
{
  lxw_format *header;
  lxw_format *count;
  lxw_format *hundredths;
  lxw_format *percent;
} Formats;

/* Keeps the first error of a series of calls. */
static void
note_error (lxw_error *first,
            lxw_error  error)
{
  if (*first == LXW_NO_ERROR)
    *first = error;
}

static lxw_error
write_sheet (lxw_workbook  *workbook,
             const char    *name,
             ResultTable   *table,
             const Formats *formats)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
  lxw_error error = LXW_NO_ERROR;

  if (sheet == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;

  for (guint c = 0; c < table->n_columns; c++)
    {
      note_error (&error, worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, table->columns[c].width, NULL));
      note_error (&error, worksheet_write_string (sheet, 0, (lxw_col_t) c, table->columns[c].header, formats->header));
    }

  for (guint r = 0; r < table->n_rows; r++)
    for (guint c = 0; c < table->n_columns; c++)
      {
        const ResultCell *cell = result_table_get_cell (table, r, c);
        lxw_row_t row = (lxw_row_t) r + 1;
        lxw_col_t col = (lxw_col_t) c;

        if (cell->empty)
          continue;
        switch (table->columns[c].type)
          {
          case RESULT_CELL_TEXT:
            if (cell->text[0] != '\0')
              note_error (&error, worksheet_write_string (sheet, row, col, cell->text, NULL));
            break;
          case RESULT_CELL_COUNT:
            note_error (&error, worksheet_write_number (sheet, row, col, (double) cell->number, formats->count));
            break;
          case RESULT_CELL_HUNDREDTHS:
            note_error (&error, worksheet_write_number (sheet, row, col, (double) cell->number / 100.0,
                                                        formats->hundredths));
            break;
          case RESULT_CELL_RATE:
          case RESULT_CELL_UPPER_RATE:
            note_error (&error, worksheet_write_number (sheet, row, col,
                                                        (double) cell->number / (double) cell->denominator,
                                                        formats->percent));
            break;
          default:
            g_assert_not_reached ();
          }
      }

  worksheet_freeze_panes (sheet, 1, 0);
  if (table->n_rows > 0)
    note_error (&error, worksheet_autofilter (sheet, 0, 0, (lxw_row_t) table->n_rows, (lxw_col_t) table->n_columns - 1));
  return error;
}

/* The workbook's creation time: SOURCE_DATE_EPOCH when it is set (the
 * reproducible-builds.org convention), which makes the file the same bytes
 * for the same results; 0, which libxlsxwriter takes as now, otherwise. */
static time_t
creation_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 1, G_MAXINT32, &seconds, NULL))
    return (time_t) seconds;
  return 0;
}

/* Writes the workbook to @path; LXW_NO_ERROR or the first error met. */
static lxw_error
write_workbook (CaseReviewEvaluation *self,
                const char           *path,
                char                 *tmpdir)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = tmpdir, .use_zip64 = LXW_FALSE };
  lxw_doc_properties properties = {
    .title = (char *) AGENCY_SHEET_NAME, .comments = (char *) "libcasereview", .created = creation_time (),
  };
  g_autoptr(ResultTable) agencies = result_table_new_agencies (self);
  g_autoptr(ResultTable) cases = result_table_new_cases (self);
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_error error = LXW_NO_ERROR;
  Formats formats;

  if (workbook == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;

  formats.header = workbook_add_format (workbook);
  format_set_bold (formats.header);
  format_set_align (formats.header, LXW_ALIGN_CENTER);
  format_set_bottom (formats.header, LXW_BORDER_THIN);
  formats.count = workbook_add_format (workbook);
  format_set_num_format (formats.count, "0");
  formats.hundredths = workbook_add_format (workbook);
  format_set_num_format (formats.hundredths, "0.00");
  formats.percent = workbook_add_format (workbook);
  format_set_num_format (formats.percent, "0.0%");

  note_error (&error, workbook_set_properties (workbook, &properties));
  note_error (&error, write_sheet (workbook, AGENCY_SHEET_NAME, agencies, &formats));
  note_error (&error, write_sheet (workbook, CASE_SHEET_NAME, cases, &formats));
  /* Closing writes the file and frees the workbook, whatever came before. */
  note_error (&error, workbook_close (workbook));
  return error;
}

/**
 * case_review_evaluation_write_xlsx:
 * @self: an evaluation
 * @file: where to write the workbook (`.xlsx`)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the results as an Excel workbook with two sheets: 评查结果汇总表,
 * one row per agency in rank order, and 案卷评分明细, one row per case file
 * with sheets. Their columns are those of
 * [method@CaseReview.Evaluation.write_agency_results_csv] and
 * [method@CaseReview.Evaluation.write_case_results_csv]; counts, scores and
 * rates are numeric cells formatted `0`, `0.00` and `0.0%`; the header row
 * is bold, frozen and filterable. The file is replaced atomically.
 *
 * The workbook records when it was created. With the environment variable
 * `SOURCE_DATE_EPOCH` set to a number of seconds since 1970 (the
 * reproducible-builds.org convention) that time is used instead of the
 * current one, and the same results give a byte-identical file.
 *
 * Returns: %TRUE on success; %FALSE with %CASE_REVIEW_ERROR_FAILED, naming
 *   @file, when the workbook cannot be made, or the `G_IO_ERROR` of writing
 *   @file
 *
 * Since: 0.1
 */
gboolean
case_review_evaluation_write_xlsx (CaseReviewEvaluation  *self,
                                   GFile                 *file,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  lxw_error written;
  gboolean ok;

  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  tmpdir = g_dir_make_tmp ("casereview-xlsx-XXXXXX", error);
  if (tmpdir == NULL)
    return FALSE;
  path = g_build_filename (tmpdir, "results.xlsx", NULL);

  written = write_workbook (self, path, tmpdir);
  if (written != LXW_NO_ERROR)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_FAILED, _("%s: the workbook could not be made: %s"),
                   name, lxw_strerror (written));
      ok = FALSE;
    }
  else
    ok = g_file_get_contents (path, &contents, &length, error) &&
         g_file_replace_contents (file, contents, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);

  g_remove (path);
  g_rmdir (tmpdir);
  return ok;
}
