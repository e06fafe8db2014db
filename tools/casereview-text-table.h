/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A plain-text table for terminal output whose columns line up with Chinese
 * text: widths are counted in terminal columns, a CJK character taking two.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CASE_REVIEW_TEXT_TABLE_ALIGN_LEFT,
  CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT,
} CaseReviewTextTableAlign;

typedef struct _CaseReviewTextTable CaseReviewTextTable;

/* A table of @n_columns columns, all left-aligned. */
CaseReviewTextTable *case_review_text_table_new        (guint                     n_columns);
void                 case_review_text_table_free       (CaseReviewTextTable      *self);

void                 case_review_text_table_set_align  (CaseReviewTextTable      *self,
                                                        guint                     column,
                                                        CaseReviewTextTableAlign  align);

/* Appends a row; @cells holds n_columns strings (NULL for an empty cell) and
 * is copied. */
void                 case_review_text_table_add_row    (CaseReviewTextTable      *self,
                                                        const char * const       *cells);

/* Appends a horizontal rule as wide as the table. */
void                 case_review_text_table_add_rule   (CaseReviewTextTable      *self);

/* The table as text, one line per row, columns separated by two spaces, no
 * trailing spaces. */
char                *case_review_text_table_to_string  (CaseReviewTextTable      *self);

/* The number of terminal columns @text takes: wide and fullwidth (CJK)
 * characters count two, zero-width ones nothing, others one. */
gsize                case_review_text_display_width    (const char               *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaseReviewTextTable, case_review_text_table_free)

G_END_DECLS
