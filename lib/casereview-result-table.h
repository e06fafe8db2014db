/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * An evaluation's results as the two tables of the 评查结果汇总表: one row per
 * agency and one row per case file, each cell a typed value, so that the CSV
 * writer prints exact decimal text and the workbook writer numeric cells from
 * the same columns. docs/formats.md ("Review results (CSV and Excel)")
 * describes the columns. Private to the library.
 */
#pragma once

#include "casereview-evaluation.h"

G_BEGIN_DECLS

typedef enum {
  RESULT_CELL_TEXT,           /* text, possibly empty */
  RESULT_CELL_COUNT,          /* a whole number */
  RESULT_CELL_HUNDREDTHS,     /* points kept in hundredths: 8735 is 87.35 */
  RESULT_CELL_RATE,           /* numerator ÷ denominator, a percentage rounded half up */
  RESULT_CELL_UPPER_RATE,     /* numerator ÷ denominator, a percentage rounded up */
} ResultCellType;

typedef struct
{
  const char     *header;     /* the Chinese header, as the files carry it */
  ResultCellType  type;
  double          width;      /* spreadsheet column width, in characters */
} ResultColumn;

typedef struct
{
  char    *text;              /* TEXT */
  guint64  number;            /* COUNT and HUNDREDTHS; the numerator of rates */
  guint64  denominator;       /* rates */
  gboolean empty;             /* no value: an empty cell */
} ResultCell;

typedef struct
{
  const ResultColumn *columns;
  guint               n_columns;
  guint               n_rows;
  GArray             *cells;  /* ResultCell, row by row */
} ResultTable;

ResultTable      *result_table_new_agencies (CaseReviewEvaluation *evaluation);
ResultTable      *result_table_new_cases    (CaseReviewEvaluation *evaluation);
void              result_table_free         (ResultTable          *table);
const ResultCell *result_table_get_cell     (ResultTable          *table,
                                             guint                 row,
                                             guint                 column);

/* The cell as the CSV files print it: "87.35", "66.7%", "" for no value. */
char             *result_cell_to_text       (const ResultCell     *cell,
                                             ResultCellType        type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ResultTable, result_table_free)

G_END_DECLS
