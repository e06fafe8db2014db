/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The agency and case-file tables of an evaluation's results, shared by the
 * CSV and Excel writers. Every number stays an integer (hundredths of a
 * point, counts, a rate's numerator and denominator) until a writer prints
 * it, so the CSV text is exact.
 */
#include "config.h"

#include "casereview-evaluation-private.h"
#include "casereview-result-table.h"

enum {
  AGENCY_RANK,
  AGENCY_ID,
  AGENCY_NAME,
  AGENCY_POPULATION_SIZE,
  AGENCY_FILES,
  AGENCY_MEAN,
  AGENCY_MEDIAN,
  AGENCY_EXCELLENT,
  AGENCY_PASSED,
  AGENCY_FAILED,
  AGENCY_EXCELLENT_RATE,
  AGENCY_PASS_RATE,
  AGENCY_VETOES,
  AGENCY_GRADE,
  AGENCY_NONCOMPLIANCE_UPPER,
  AGENCY_NONCOMPLIANCE_UPPER_COUNT,
  N_AGENCY_COLUMNS
};

static const ResultColumn agency_columns[N_AGENCY_COLUMNS] = {
  [AGENCY_RANK] = { "名次", RESULT_CELL_COUNT, 6 },
  [AGENCY_ID] = { "单位编号", RESULT_CELL_TEXT, 10 },
  [AGENCY_NAME] = { "单位名称", RESULT_CELL_TEXT, 40 },
  [AGENCY_POPULATION_SIZE] = { "案卷总数", RESULT_CELL_COUNT, 10 },
  [AGENCY_FILES] = { "评查案卷数", RESULT_CELL_COUNT, 12 },
  [AGENCY_MEAN] = { "平均分", RESULT_CELL_HUNDREDTHS, 9 },
  [AGENCY_MEDIAN] = { "中位数", RESULT_CELL_HUNDREDTHS, 9 },
  [AGENCY_EXCELLENT] = { "优秀案卷数", RESULT_CELL_COUNT, 12 },
  [AGENCY_PASSED] = { "合格案卷数", RESULT_CELL_COUNT, 12 },
  [AGENCY_FAILED] = { "不合格案卷数", RESULT_CELL_COUNT, 14 },
  [AGENCY_EXCELLENT_RATE] = { "优秀率", RESULT_CELL_RATE, 9 },
  [AGENCY_PASS_RATE] = { "合格率", RESULT_CELL_RATE, 9 },
  [AGENCY_VETOES] = { "否决项", RESULT_CELL_TEXT, 18 },
  [AGENCY_GRADE] = { "等次", RESULT_CELL_TEXT, 8 },
  [AGENCY_NONCOMPLIANCE_UPPER] = { "不合格率上限", RESULT_CELL_UPPER_RATE, 14 },
  [AGENCY_NONCOMPLIANCE_UPPER_COUNT] = { "不合格案卷数上限", RESULT_CELL_COUNT, 18 },
};

enum {
  CASE_ID,
  CASE_AGENCY_ID,
  CASE_AGENCY_NAME,
  CASE_KIND,
  CASE_SHEETS,
  CASE_INITIAL_SCORE,
  CASE_SCORE,
  CASE_GRADE,
  CASE_VETOES,
  CASE_NEEDS_REREVIEW,
  CASE_REREVIEWED,
  N_CASE_COLUMNS
};

static const ResultColumn case_columns[N_CASE_COLUMNS] = {
  [CASE_ID] = { "案卷编号", RESULT_CELL_TEXT, 28 },
  [CASE_AGENCY_ID] = { "单位编号", RESULT_CELL_TEXT, 10 },
  [CASE_AGENCY_NAME] = { "单位名称", RESULT_CELL_TEXT, 40 },
  [CASE_KIND] = { "执法类别", RESULT_CELL_TEXT, 10 },
  [CASE_SHEETS] = { "初评表数", RESULT_CELL_COUNT, 10 },
  [CASE_INITIAL_SCORE] = { "初评得分", RESULT_CELL_HUNDREDTHS, 10 },
  [CASE_SCORE] = { "最终得分", RESULT_CELL_HUNDREDTHS, 10 },
  [CASE_GRADE] = { "等次", RESULT_CELL_TEXT, 8 },
  [CASE_VETOES] = { "否决项", RESULT_CELL_TEXT, 14 },
  [CASE_NEEDS_REREVIEW] = { "需复核", RESULT_CELL_TEXT, 8 },
  [CASE_REREVIEWED] = { "已复核", RESULT_CELL_TEXT, 8 },
};

static void
clear_cell (ResultCell *cell)
{
  g_free (cell->text);
}

static ResultTable *
table_new (const ResultColumn *columns,
           guint               n_columns,
           guint               n_rows)
{
  ResultTable *table = g_new0 (ResultTable, 1);

  table->columns = columns;
  table->n_columns = n_columns;
  table->n_rows = n_rows;
  table->cells = g_array_sized_new (FALSE, TRUE, sizeof (ResultCell), n_columns * n_rows);
  g_array_set_clear_func (table->cells, (GDestroyNotify) clear_cell);
  g_array_set_size (table->cells, n_columns * n_rows);
  return table;
}

void
result_table_free (ResultTable *table)
{
  g_array_unref (table->cells);
  g_free (table);
}

const ResultCell *
result_table_get_cell (ResultTable *table,
                       guint        row,
                       guint        column)
{
  g_assert (row < table->n_rows && column < table->n_columns);
  return &g_array_index (table->cells, ResultCell, row * table->n_columns + column);
}

static ResultCell *
cell_at (ResultTable *table,
         guint        row,
         guint        column)
{
  return (ResultCell *) result_table_get_cell (table, row, column);
}

static void
set_text (ResultTable *table,
          guint        row,
          guint        column,
          const char  *text)
{
  cell_at (table, row, column)->text = g_strdup (text != NULL ? text : "");
}

static void
set_number (ResultTable *table,
            guint        row,
            guint        column,
            guint64      number)
{
  cell_at (table, row, column)->number = number;
}

static void
set_rate (ResultTable *table,
          guint        row,
          guint        column,
          guint64      numerator,
          guint64      denominator)
{
  ResultCell *cell = cell_at (table, row, column);

  cell->number = numerator;
  cell->denominator = denominator;
  cell->empty = denominator == 0;
}

static const char *
agency_name (CaseReviewEvaluation *evaluation,
             const char           *agency_id)
{
  CaseReviewPopulation *population = case_review_evaluation_get_population_internal (evaluation);
  CaseReviewAgency *agency = case_review_population_lookup_agency (population, agency_id);

  return agency != NULL ? case_review_agency_get_name (agency) : "";
}

ResultTable *
result_table_new_agencies (CaseReviewEvaluation *evaluation)
{
  g_autoptr(GListModel) results = case_review_evaluation_dup_agency_results (evaluation);
  ResultTable *table = table_new (agency_columns, N_AGENCY_COLUMNS, g_list_model_get_n_items (results));

  for (guint row = 0; row < table->n_rows; row++)
    {
      g_autoptr(CaseReviewAgencyResult) result = g_list_model_get_item (results, row);
      const char *id = case_review_agency_result_get_agency_id (result);
      guint n_files = case_review_agency_result_get_n_files (result);
      guint population_size = case_review_agency_result_get_population_size (result);
      g_auto(GStrv) vetoes = case_review_agency_result_dup_veto_codes (result);
      g_autoptr(GString) veto_text = g_string_new (NULL);

      /* "V04×2、V07×1": each veto code with the number of files it was found in. */
      for (guint v = 0; vetoes[v] != NULL; v++)
        g_string_append_printf (veto_text, "%s%s×%u", v > 0 ? "、" : "", vetoes[v],
                                case_review_agency_result_get_veto_count (result, vetoes[v]));

      set_number (table, row, AGENCY_RANK, case_review_agency_result_get_rank (result));
      set_text (table, row, AGENCY_ID, id);
      set_text (table, row, AGENCY_NAME, agency_name (evaluation, id));
      set_number (table, row, AGENCY_POPULATION_SIZE, population_size);
      set_number (table, row, AGENCY_FILES, n_files);
      set_number (table, row, AGENCY_MEAN, case_review_agency_result_get_mean_hundredths (result));
      set_number (table, row, AGENCY_MEDIAN, case_review_agency_result_get_median_hundredths (result));
      set_number (table, row, AGENCY_EXCELLENT, case_review_agency_result_get_n_excellent (result));
      set_number (table, row, AGENCY_PASSED, case_review_agency_result_get_n_passed (result));
      set_number (table, row, AGENCY_FAILED, case_review_agency_result_get_n_failed (result));
      set_rate (table, row, AGENCY_EXCELLENT_RATE, case_review_agency_result_get_n_excellent (result), n_files);
      set_rate (table, row, AGENCY_PASS_RATE, case_review_agency_result_get_n_passed (result), n_files);
      set_text (table, row, AGENCY_VETOES, veto_text->str);
      set_text (table, row, AGENCY_GRADE, case_review_grade_get_label (case_review_agency_result_get_grade (result)));

      /* The bound exists only when the agency's frame holds its reviewed
       * files; it is then exactly upper_count ÷ population size. */
      if (population_size >= n_files && n_files > 0)
        {
          guint64 upper_count = case_review_agency_result_get_noncompliance_upper_count (result);

          set_rate (table, row, AGENCY_NONCOMPLIANCE_UPPER, upper_count, population_size);
          set_number (table, row, AGENCY_NONCOMPLIANCE_UPPER_COUNT, upper_count);
        }
      else
        {
          cell_at (table, row, AGENCY_NONCOMPLIANCE_UPPER)->empty = TRUE;
          cell_at (table, row, AGENCY_NONCOMPLIANCE_UPPER_COUNT)->empty = TRUE;
        }
    }
  return table;
}

ResultTable *
result_table_new_cases (CaseReviewEvaluation *evaluation)
{
  g_autoptr(GListModel) results = case_review_evaluation_dup_case_results (evaluation);
  ResultTable *table = table_new (case_columns, N_CASE_COLUMNS, g_list_model_get_n_items (results));

  for (guint row = 0; row < table->n_rows; row++)
    {
      g_autoptr(CaseReviewCaseResult) result = g_list_model_get_item (results, row);
      const char *agency_id = case_review_case_result_get_agency_id (result);
      g_autofree char *vetoes = g_strjoinv ("、", (char **) case_review_case_result_get_veto_codes (result));

      set_text (table, row, CASE_ID, case_review_case_result_get_case_id (result));
      set_text (table, row, CASE_AGENCY_ID, agency_id);
      set_text (table, row, CASE_AGENCY_NAME, agency_name (evaluation, agency_id));
      set_text (table, row, CASE_KIND, case_review_enforcement_kind_get_label (case_review_case_result_get_kind (result)));
      set_number (table, row, CASE_SHEETS, case_review_case_result_get_n_sheets (result));
      set_number (table, row, CASE_INITIAL_SCORE, case_review_case_result_get_initial_score_hundredths (result));
      set_number (table, row, CASE_SCORE, case_review_case_result_get_score_hundredths (result));
      set_text (table, row, CASE_GRADE, case_review_grade_get_label (case_review_case_result_get_grade (result)));
      set_text (table, row, CASE_VETOES, vetoes);
      set_text (table, row, CASE_NEEDS_REREVIEW, case_review_case_result_needs_rereview (result) ? "是" : "否");
      set_text (table, row, CASE_REREVIEWED, case_review_case_result_is_rereviewed (result) ? "是" : "否");
    }
  return table;
}

char *
result_cell_to_text (const ResultCell *cell,
                     ResultCellType    type)
{
  guint64 tenths;

  if (cell->empty)
    return g_strdup ("");

  switch (type)
    {
    case RESULT_CELL_TEXT:
      return g_strdup (cell->text != NULL ? cell->text : "");
    case RESULT_CELL_COUNT:
      return g_strdup_printf ("%" G_GUINT64_FORMAT, cell->number);
    case RESULT_CELL_HUNDREDTHS:
      return g_strdup_printf ("%" G_GUINT64_FORMAT ".%02u", cell->number / 100, (guint) (cell->number % 100));
    case RESULT_CELL_RATE:
      /* Tenths of a percent, rounded half up. */
      tenths = (2000 * cell->number + cell->denominator) / (2 * cell->denominator);
      return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u%%", tenths / 10, (guint) (tenths % 10));
    case RESULT_CELL_UPPER_RATE:
      /* An upper bound is rounded up, never below the exact value. */
      tenths = (1000 * cell->number + cell->denominator - 1) / cell->denominator;
      return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u%%", tenths / 10, (guint) (tenths % 10));
    default:
      g_assert_not_reached ();
    }
}
