/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "casereview-text-table.h"

#include <string.h>

#define COLUMN_GAP "  "

struct _CaseReviewTextTable
{
  guint      n_columns;
  guint8    *align;   /* CaseReviewTextTableAlign per column */
  GPtrArray *rows;    /* of char ** (n_columns cells), NULL for a rule */
};

static void
row_free (gpointer row)
{
  g_strfreev (row);
}

CaseReviewTextTable *
case_review_text_table_new (guint n_columns)
{
  CaseReviewTextTable *self;

  g_return_val_if_fail (n_columns > 0, NULL);

  self = g_new0 (CaseReviewTextTable, 1);
  self->n_columns = n_columns;
  self->align = g_new0 (guint8, n_columns);
  self->rows = g_ptr_array_new_with_free_func (row_free);

  return self;
}

void
case_review_text_table_free (CaseReviewTextTable *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_free (self->align);
  g_free (self);
}

void
case_review_text_table_set_align (CaseReviewTextTable      *self,
                                  guint                     column,
                                  CaseReviewTextTableAlign  align)
{
  g_return_if_fail (column < self->n_columns);

  self->align[column] = (guint8) align;
}

void
case_review_text_table_add_row (CaseReviewTextTable *self,
                                const char * const  *cells)
{
  char **row = g_new0 (char *, self->n_columns + 1);

  for (guint i = 0; i < self->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");

  g_ptr_array_add (self->rows, row);
}

void
case_review_text_table_add_rule (CaseReviewTextTable *self)
{
  g_ptr_array_add (self->rows, NULL);
}

gsize
case_review_text_display_width (const char *text)
{
  gsize width = 0;
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8 (never from the library, which validates its input):
           * count the byte as one column and go on. */
          width++;
          p++;
          continue;
        }
      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
      p = g_utf8_next_char (p);
    }

  return width;
}

static void
append_padding (GString *out,
                gsize    n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

char *
case_review_text_table_to_string (CaseReviewTextTable *self)
{
  g_autofree gsize *widths = g_new0 (gsize, self->n_columns);
  GString *out = g_string_new (NULL);
  gsize total_width = 0;

  for (guint r = 0; r < self->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->rows, r);

      if (row == NULL)
        continue;
      for (guint i = 0; i < self->n_columns; i++)
        widths[i] = MAX (widths[i], case_review_text_display_width (row[i]));
    }
  for (guint i = 0; i < self->n_columns; i++)
    total_width += widths[i] + (i > 0 ? strlen (COLUMN_GAP) : 0);

  for (guint r = 0; r < self->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->rows, r);
      gsize line_start = out->len;

      if (row == NULL)
        {
          for (gsize i = 0; i < total_width; i++)
            g_string_append_c (out, '-');
          g_string_append_c (out, '\n');
          continue;
        }

      for (guint i = 0; i < self->n_columns; i++)
        {
          gsize padding = widths[i] - case_review_text_display_width (row[i]);

          if (i > 0)
            g_string_append (out, COLUMN_GAP);
          if (self->align[i] == CASE_REVIEW_TEXT_TABLE_ALIGN_RIGHT)
            {
              append_padding (out, padding);
              g_string_append (out, row[i]);
            }
          else
            {
              g_string_append (out, row[i]);
              append_padding (out, padding);
            }
        }

      /* No trailing blanks: they only make copied text and diffs noisy. */
      while (out->len > line_start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
