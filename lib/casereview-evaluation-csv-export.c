/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * An evaluation's results as CSV: the agencies' table and the case files'
 * table of the 评查结果汇总表, with Chinese headers and exact decimal text.
 * The columns are described in docs/formats.md ("Review results").
 */
#include "config.h"

#include "casereview-csv-writer.h"
#include "casereview-evaluation.h"
#include "casereview-result-table.h"

static gboolean
write_table (ResultTable   *table,
             GFile         *file,
             gboolean       with_bom,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GString) out = g_string_new (with_bom ? "\xef\xbb\xbf" : "");

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      csv_append_field (out, table->columns[c].header);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < table->n_rows; r++)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *text = result_cell_to_text (result_table_get_cell (table, r, c), table->columns[c].type);

          if (c > 0)
            g_string_append_c (out, ',');
          csv_append_field (out, text);
        }
      g_string_append (out, "\r\n");
    }

  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}

/**
 * case_review_evaluation_write_agency_results_csv:
 * @self: an evaluation
 * @file: where to write
 * @with_bom: whether to start with a UTF-8 byte-order mark, which Excel
 *   needs to recognise UTF-8
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the agencies' results, one row per agency in rank order, as UTF-8
 * CSV with the Chinese headers of the 评查结果汇总表: 名次, 单位编号, 单位名称,
 * 案卷总数, 评查案卷数, 平均分, 中位数, 优秀案卷数, 合格案卷数, 不合格案卷数, 优秀率,
 * 合格率, 否决项, 等次, 不合格率上限 and 不合格案卷数上限 (`docs/formats.md`
 * describes them). Scores are exact decimal text with two decimals
 * (`87.35`), rates percentages with one decimal (`66.7%`). Lines end with
 * CRLF; the file is replaced atomically.
 *
 * Returns: %TRUE on success; %FALSE with the `G_IO_ERROR` of writing @file
 *
 * Since: 0.1
 */
gboolean
case_review_evaluation_write_agency_results_csv (CaseReviewEvaluation  *self,
                                                 GFile                 *file,
                                                 gboolean               with_bom,
                                                 GCancellable          *cancellable,
                                                 GError               **error)
{
  g_autoptr(ResultTable) table = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  table = result_table_new_agencies (self);
  return write_table (table, file, with_bom, cancellable, error);
}

/**
 * case_review_evaluation_write_case_results_csv:
 * @self: an evaluation
 * @file: where to write
 * @with_bom: whether to start with a UTF-8 byte-order mark for Excel
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the case files' results (案卷评分明细), one row per file with
 * sheets in the sample's order, as UTF-8 CSV with the Chinese headers
 * 案卷编号, 单位编号, 单位名称, 执法类别, 初评表数, 初评得分, 最终得分, 等次, 否决项,
 * 需复核 and 已复核 (`docs/formats.md` describes them). Scores are exact
 * decimal text with two decimals. Lines end with CRLF; the file is replaced
 * atomically.
 *
 * Returns: %TRUE on success; %FALSE with the `G_IO_ERROR` of writing @file
 *
 * Since: 0.1
 */
gboolean
case_review_evaluation_write_case_results_csv (CaseReviewEvaluation  *self,
                                               GFile                 *file,
                                               gboolean               with_bom,
                                               GCancellable          *cancellable,
                                               GError               **error)
{
  g_autoptr(ResultTable) table = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  table = result_table_new_cases (self);
  return write_table (table, file, with_bom, cancellable, error);
}
