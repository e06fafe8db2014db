/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Rectification notices as PDF: each notice's document model
 * (casereview-notice-document.c) laid out with Pango on a Cairo PDF surface,
 * A4, in the manner of a Chinese official document (GB/T 9704-2012): red
 * masthead, number and red rule, title, addressee, body paragraphs with a
 * two-character indent, the problem table continuing across pages under a
 * repeated header, signature and date, the copy-to block at the foot of the
 * last page, page numbers. Each notice starts on a new page and numbers its
 * own pages.
 *
 * Text is laid out with pango_layout_set_text() only (never markup), so
 * whatever an agency typed comes out verbatim. Blocks are drawn line by line
 * so a paragraph or a table cell can be split across pages without drawing
 * clipped-away text that a PDF reader would still extract. The PDF is made in
 * memory, written to a temporary file next to the target and renamed over it,
 * so a failure or a cancellation never leaves a partial file.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "casereview-error.h"
#include "casereview-notice-document.h"

/* A4 and the type area (版心) of GB/T 9704, in points. */
#define MM (72.0 / 25.4)
#define PAGE_WIDTH 595.28
#define PAGE_HEIGHT 841.89
#define TEXT_LEFT (28 * MM)
#define TEXT_TOP (37 * MM)
#define TEXT_WIDTH (PAGE_WIDTH - TEXT_LEFT - 26 * MM)
#define TEXT_BOTTOM (PAGE_HEIGHT - 35 * MM)

/* The Simplified Chinese faces of fonts-noto-cjk; with a generic family
 * fontconfig may pick the Japanese face for the shared code points. */
#define SERIF "Noto Serif CJK SC,Noto Serif CJK,serif"
#define SANS "Noto Sans CJK SC,Noto Sans CJK,sans-serif"

/* Sizes in points: 二号 title, 三号 number, 四号 body and page numbers
 * (三号 leaves the five-column table too narrow), 五号 table. */
#define MASTHEAD_SIZE 36.0
#define MASTHEAD_MIN_SIZE 20.0
#define TITLE_SIZE 22.0
#define NUMBER_SIZE 16.0
#define BODY_SIZE 14.0
#define TABLE_SIZE 10.5
#define FOOTER_SIZE 14.0
#define DRAFT_MARK_SIZE 150.0
/* Noto CJK's line height is 1.45 em; official documents set body text
 * about 1.85 em apart (22 lines of 28 characters in GB/T 9704). */
#define BODY_LINE (BODY_SIZE * 1.88)
#define TABLE_LINE (TABLE_SIZE * 1.45)

#define RED_RULE_WIDTH 1.5
#define RULE_WIDTH 0.75
#define BORDER_WIDTH 0.5
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0
#define TABLE_GAP 4.0
/* Positions are sums of floating-point heights. */
#define EPSILON 0.01

#define N_COLUMNS 5
G_STATIC_ASSERT (G_N_ELEMENTS (((CaseReviewNoticeDocument *) NULL)->columns) == N_COLUMNS);

enum { COLUMN_CASE, COLUMN_PROBLEM, COLUMN_RULE, COLUMN_SEVERITY, COLUMN_PAGE };

/* The case, severity and page columns are as wide as their longest entry,
 * between these shares of the type area; the problem and the rule share
 * the rest, the rule at least as wide as its heading. */
static const double column_max[] = { 0.25, 0, 0, 0.13, 0.12 };
#define COLUMN_MIN 0.08
#define RULE_SHARE 0.4

typedef struct
{
  const char *family;
  double size;
  PangoWeight weight;
  PangoAlignment alignment;
  gboolean justify;
  double line_spacing;          /* a factor of the font's height; 0 for the font's own */
} TextStyle;

static const TextStyle masthead_style = { SERIF, MASTHEAD_SIZE, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, FALSE, 0 };
static const TextStyle number_style = { SERIF, NUMBER_SIZE, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, FALSE, 0 };
static const TextStyle title_style = { SERIF, TITLE_SIZE, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, FALSE, 1.1 };
static const TextStyle body_style = { SERIF, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, TRUE, 1.3 };
static const TextStyle heading_style = { SANS, BODY_SIZE, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, FALSE, 1.3 };
static const TextStyle plain_style = { SERIF, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, FALSE, 1.3 };
static const TextStyle footer_style = { SERIF, FOOTER_SIZE, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, FALSE, 0 };
static const TextStyle draft_mark_style = { SANS, DRAFT_MARK_SIZE, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, FALSE, 0 };
static const TextStyle header_cell_style = { SANS, TABLE_SIZE, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, FALSE, 0 };
static const TextStyle group_cell_style = { SERIF, TABLE_SIZE, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle cell_style = { SERIF, TABLE_SIZE, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle centred_cell_style = { SERIF, TABLE_SIZE, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, FALSE, 0 };
static const TextStyle veto_cell_style = { SERIF, TABLE_SIZE, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, FALSE, 0 };

/* A laid-out piece of text and the vertical extent of each of its lines
 * (Pango units), so it can be drawn a range of lines at a time. */
typedef struct
{
  PangoLayout *layout;
  guint n_lines;
  int *top;
  int *bottom;
} Block;

static void
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_free (block->top);
  g_free (block->bottom);
  g_free (block);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Block, block_free)

typedef struct
{
  PangoFontMap *font_map;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_t *cr;
  GCancellable *cancellable;
  const CaseReviewNoticeDocument *document;
  gboolean chinese;
  double y;                     /* where the next block goes, points from the top of the page */
  double table_top;             /* where rows start under the table header on a continued page */
  guint page;                   /* page of the current notice, from 1 */
  guint pdf_page;               /* page of the whole PDF, from 1 */
} Pdf;

static Block *
block_new (Pdf             *pdf,
           const char      *text,
           const TextStyle *style,
           double           size,
           double           width,
           double           indent)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  g_autofree char *valid = NULL;
  Block *block = g_new0 (Block, 1);
  PangoAttrList *attributes;
  PangoLayoutIter *iter;
  guint i = 0;

  /* Pango warns about and mangles invalid UTF-8; the model should never hold
   * any, but a PDF is no place to find out. */
  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  pango_font_description_set_family (font, style->family);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, style->weight);

  block->layout = pango_layout_new (pdf->context);
  pango_layout_set_font_description (block->layout, font);
  pango_layout_set_width (block->layout, width < 0 ? -1 : pango_units_from_double (width));
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (block->layout, style->alignment);
  /* Justified English in a 156 mm measure opens rivers between words;
   * Chinese justifies between characters and keeps an even colour. */
  pango_layout_set_justify (block->layout, style->justify && pdf->chinese);
  pango_layout_set_indent (block->layout, pango_units_from_double (indent));
  if (style->line_spacing > 0)
    pango_layout_set_line_spacing (block->layout, (float) style->line_spacing);
  /* A hyphen Pango adds where it breaks a word would read as part of a
   * case number such as LH-CG-2020-0012. */
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (block->layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_text (block->layout, text, -1);

  block->n_lines = (guint) pango_layout_get_line_count (block->layout);
  block->top = g_new (int, block->n_lines);
  block->bottom = g_new (int, block->n_lines);
  iter = pango_layout_get_iter (block->layout);
  do
    pango_layout_iter_get_line_yrange (iter, &block->top[i], &block->bottom[i]);
  while (++i < block->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return block;
}

static Block *
block_new_styled (Pdf             *pdf,
                  const char      *text,
                  const TextStyle *style,
                  double           width,
                  double           indent)
{
  return block_new (pdf, text, style, style->size, width, indent);
}

/* The height of lines [first, last), in points. */
static double
block_height (const Block *block,
              guint        first,
              guint        last)
{
  if (last <= first)
    return 0;
  return pango_units_to_double (block->bottom[last - 1] - block->top[first]);
}

/* How far from @first the lines fit into @height: the end of the range. */
static guint
block_fit (const Block *block,
           guint        first,
           double       height)
{
  guint last = first;

  while (last < block->n_lines && block_height (block, first, last + 1) <= height)
    last++;
  return last;
}

static double
block_width (const Block *block)
{
  PangoRectangle logical;

  pango_layout_get_extents (block->layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

/* Draws lines [first, last) with the top of line @first at (@x, @y), the way
 * pango_renderer_draw_layout() places lines. */
static void
block_draw (Pdf         *pdf,
            const Block *block,
            double       x,
            double       y,
            guint        first,
            guint        last)
{
  PangoLayoutIter *iter;
  guint i = 0;

  if (first >= last)
    return;
  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;

      if (i < first)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (pdf->cr, x + pango_units_to_double (logical.x),
                     y + pango_units_to_double (pango_layout_iter_get_baseline (iter) - block->top[first]));
      pango_cairo_show_layout_line (pdf->cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (++i < last && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* "— %u —" with the page number; the template comes from the document model
 * and is never handed to printf, "%%" is a percent sign. */
static char *
format_page_number (const char *template,
                    guint       page)
{
  GString *text = g_string_new (NULL);
  gboolean done = FALSE;

  if (template == NULL)
    template = "— %u —";
  for (const char *p = template; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == '%')
        {
          g_string_append_c (text, '%');
          p++;
        }
      else if (p[0] == '%' && p[1] == 'u' && !done)
        {
          g_string_append_printf (text, "%u", page);
          done = TRUE;
          p++;
        }
      else
        g_string_append_c (text, *p);
    }
  /* A template without the number still numbers the page. */
  if (!done)
    g_string_append_printf (text, text->len > 0 ? " %u" : "%u", page);

  return g_string_free (text, FALSE);
}

static void
set_colour (cairo_t *cr,
            guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

#define BLACK 0x000000
#define RED 0xe60012            /* the red of Chinese official mastheads */
#define HEADER_FILL 0xe6e6e6
#define GROUP_FILL 0xf4f4f4

static void
draw_rule (Pdf    *pdf,
           double  y,
           double  width,
           guint32 rgb)
{
  cairo_save (pdf->cr);
  set_colour (pdf->cr, rgb);
  cairo_set_line_width (pdf->cr, width);
  cairo_move_to (pdf->cr, TEXT_LEFT, y);
  cairo_line_to (pdf->cr, TEXT_LEFT + TEXT_WIDTH, y);
  cairo_stroke (pdf->cr);
  cairo_restore (pdf->cr);
}

static gboolean
begin_page (Pdf     *pdf,
            GError **error)
{
  if (g_cancellable_set_error_if_cancelled (pdf->cancellable, error))
    return FALSE;
  pdf->page++;
  pdf->pdf_page++;
  pdf->y = TEXT_TOP;
  set_colour (pdf->cr, BLACK);
  return TRUE;
}

/* A draft's mark, large, pale and diagonal across the middle of the page,
 * over the text so that no table fill hides it. */
static void
draw_draft_mark (Pdf *pdf)
{
  g_autoptr(Block) mark = block_new (pdf, pdf->document->draft_mark, &draft_mark_style, DRAFT_MARK_SIZE, -1, 0);
  PangoRectangle ink;

  pango_layout_get_pixel_extents (mark->layout, &ink, NULL);
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, PAGE_WIDTH / 2, PAGE_HEIGHT / 2);
  cairo_rotate (pdf->cr, -G_PI / 4);
  cairo_set_source_rgba (pdf->cr, 0.5, 0.5, 0.5, 0.3);
  cairo_move_to (pdf->cr, -(ink.x + ink.width / 2.0), -(ink.y + ink.height / 2.0));
  pango_cairo_show_layout (pdf->cr, mark->layout);
  cairo_restore (pdf->cr);
}

/* The page number sits 7 mm under the type area (GB/T 9704, 7.5). */
static void
end_page (Pdf *pdf)
{
  g_autofree char *text = format_page_number (pdf->document->footer, pdf->page);
  g_autoptr(Block) footer = block_new_styled (pdf, text, &footer_style, TEXT_WIDTH, 0);

  set_colour (pdf->cr, BLACK);
  block_draw (pdf, footer, TEXT_LEFT, TEXT_BOTTOM + 7 * MM, 0, footer->n_lines);
  if (pdf->document->draft_mark != NULL)
    draw_draft_mark (pdf);
  cairo_show_page (pdf->cr);
}

static gboolean
break_page (Pdf     *pdf,
            GError **error)
{
  end_page (pdf);
  return begin_page (pdf, error);
}

static gboolean
at_page_top (Pdf *pdf)
{
  return pdf->y <= TEXT_TOP + EPSILON;
}

/* Flows a block down from pdf->y, breaking pages between its lines. It
 * avoids a paragraph's first line alone at the foot of a page and its last
 * line alone at the top of the next, and keeps @keep_after points (the
 * signature under the last paragraph) on the page of its last line. */
static gboolean
flow_block (Pdf         *pdf,
            const Block *block,
            double       x,
            double       keep_after,
            GError     **error)
{
  guint first = 0;

  while (first < block->n_lines)
    {
      guint last = block_fit (block, first, TEXT_BOTTOM - pdf->y);

      /* A line taller than a page is drawn anyway rather than looped on. */
      if (last == first && at_page_top (pdf))
        last = first + 1;
      if (last + 1 == block->n_lines && last >= first + 2)
        last--;
      if (last == block->n_lines && keep_after > 0 &&
          pdf->y + block_height (block, first, last) + keep_after > TEXT_BOTTOM)
        {
          if (last >= first + 2)
            last--;
          else if (!at_page_top (pdf))
            last = first;
        }
      if (first == 0 && last == 1 && block->n_lines > 1 && !at_page_top (pdf))
        last = 0;

      if (last > first)
        {
          block_draw (pdf, block, x, pdf->y, first, last);
          pdf->y += block_height (block, first, last);
          first = last;
        }
      if (first < block->n_lines && !break_page (pdf, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_paragraph (Pdf             *pdf,
               const char      *text,
               const TextStyle *style,
               gboolean         indent,
               double           keep_after,
               GError         **error)
{
  /* Chinese paragraphs open with a two-character indent; English ones are
   * set apart by space instead. */
  g_autoptr(Block) block = block_new_styled (pdf, text, style, TEXT_WIDTH,
                                             indent && pdf->chinese ? 2 * style->size : 0);

  if (!flow_block (pdf, block, TEXT_LEFT, keep_after, error))
    return FALSE;
  if (!pdf->chinese)
    pdf->y += style->size * 0.5;
  return TRUE;
}

/* The masthead (版头): the issuer in red, as large as fits the type area
 * on one line, the number centred under it and the red rule 4 mm below. */
static void
add_masthead (Pdf *pdf)
{
  const CaseReviewNoticeDocument *document = pdf->document;
  g_autoptr(Block) measure = block_new_styled (pdf, document->issuer, &masthead_style, -1, 0);
  g_autoptr(Block) number = block_new_styled (pdf, document->number, &number_style, TEXT_WIDTH, 0);
  g_autoptr(Block) masthead = NULL;
  double width = block_width (measure);
  double size = MASTHEAD_SIZE;

  /* A long name shrinks, down to a size that still reads as a masthead,
   * and wraps beyond that. */
  if (width > TEXT_WIDTH)
    size = MAX (MASTHEAD_MIN_SIZE, MASTHEAD_SIZE * TEXT_WIDTH / width * 0.98);
  masthead = block_new (pdf, document->issuer, &masthead_style, size, TEXT_WIDTH, 0);

  set_colour (pdf->cr, RED);
  block_draw (pdf, masthead, TEXT_LEFT, pdf->y, 0, masthead->n_lines);
  pdf->y += block_height (masthead, 0, masthead->n_lines) + NUMBER_SIZE;

  set_colour (pdf->cr, BLACK);
  block_draw (pdf, number, TEXT_LEFT, pdf->y, 0, number->n_lines);
  pdf->y += block_height (number, 0, number->n_lines) + 4 * MM;

  draw_rule (pdf, pdf->y, RED_RULE_WIDTH, RED);
  pdf->y += 2 * BODY_LINE;
}

static gboolean
add_title (Pdf     *pdf,
           GError **error)
{
  g_autoptr(Block) title = block_new_styled (pdf, pdf->document->title, &title_style, TEXT_WIDTH, 0);

  if (!flow_block (pdf, title, TEXT_LEFT, 0, error))
    return FALSE;
  pdf->y += BODY_LINE;
  return TRUE;
}

/* The problem table. */

typedef struct
{
  double x[N_COLUMNS];
  double width[N_COLUMNS];
  Block *header[N_COLUMNS];
  double header_height;
} Table;

static void
table_clear (Table *table)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    g_clear_pointer (&table->header[c], block_free);
}

/* One row: a cell per column, or a single cell across the table for a
 * group heading. */
typedef struct
{
  Block *cells[N_COLUMNS];
  guint n_cells;
  guint32 fill;                 /* 0xffffff for none */
} Row;

static void
row_clear (Row *row)
{
  for (guint c = 0; c < row->n_cells; c++)
    g_clear_pointer (&row->cells[c], block_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

static void
row_init_data (Row                       *row,
               Pdf                       *pdf,
               const Table               *table,
               const CaseReviewNoticeRow *data)
{
  const char *texts[] = { data->case_id, data->problem, data->rule, data->severity, data->evidence_page };
  const TextStyle *styles[] = {
    &cell_style, &cell_style, &cell_style,
    data->kind == CASE_REVIEW_PROBLEM_SEVERITY_VETO ? &veto_cell_style : &centred_cell_style,
    &centred_cell_style,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (texts) == N_COLUMNS);
  row->n_cells = N_COLUMNS;
  row->fill = 0xffffff;
  for (guint c = 0; c < N_COLUMNS; c++)
    row->cells[c] = block_new_styled (pdf, texts[c], styles[c], table->width[c] - 2 * CELL_PAD_X, 0);
}

static void
row_init_group (Row         *row,
                Pdf         *pdf,
                const char  *heading)
{
  row->n_cells = 1;
  row->fill = GROUP_FILL;
  row->cells[0] = block_new_styled (pdf, heading, &group_cell_style, TEXT_WIDTH - 2 * CELL_PAD_X, 0);
}

static double
row_x (const Row   *row,
       const Table *table,
       guint        c)
{
  return row->n_cells == 1 ? TEXT_LEFT : table->x[c];
}

static double
row_width (const Row   *row,
           const Table *table,
           guint        c)
{
  return row->n_cells == 1 ? TEXT_WIDTH : table->width[c];
}

/* The height of what is left of a row from line first[c] of each cell. */
static double
row_height (const Row   *row,
            const guint *first)
{
  double height = 0;

  for (guint c = 0; c < row->n_cells; c++)
    height = MAX (height, block_height (row->cells[c], first[c], row->cells[c]->n_lines));
  return height + 2 * CELL_PAD_Y;
}

/* Draws lines [first[c], last[c]) of each cell as one band of the row,
 * bordered, at pdf->y. */
static void
row_draw (Pdf         *pdf,
          const Row   *row,
          const Table *table,
          const guint *first,
          const guint *last)
{
  double height = 0;

  for (guint c = 0; c < row->n_cells; c++)
    height = MAX (height, block_height (row->cells[c], first[c], last[c]));
  height += 2 * CELL_PAD_Y;

  cairo_save (pdf->cr);
  cairo_set_line_width (pdf->cr, BORDER_WIDTH);
  for (guint c = 0; c < row->n_cells; c++)
    {
      cairo_rectangle (pdf->cr, row_x (row, table, c), pdf->y, row_width (row, table, c), height);
      if (row->fill != 0xffffff)
        {
          set_colour (pdf->cr, row->fill);
          cairo_fill_preserve (pdf->cr);
        }
      set_colour (pdf->cr, BLACK);
      cairo_stroke (pdf->cr);
      block_draw (pdf, row->cells[c], row_x (row, table, c) + CELL_PAD_X, pdf->y + CELL_PAD_Y, first[c], last[c]);
    }
  cairo_restore (pdf->cr);

  pdf->y += height;
}

static void
table_draw_header (Pdf         *pdf,
                   const Table *table)
{
  Row header = { .n_cells = N_COLUMNS, .fill = HEADER_FILL };
  guint first[N_COLUMNS] = { 0 };
  guint last[N_COLUMNS];

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      header.cells[c] = table->header[c];
      last[c] = table->header[c]->n_lines;
    }
  row_draw (pdf, &header, table, first, last);
}

static gboolean
table_break_page (Pdf         *pdf,
                  const Table *table,
                  GError     **error)
{
  if (!break_page (pdf, error))
    return FALSE;
  table_draw_header (pdf, table);
  pdf->table_top = pdf->y;
  return TRUE;
}

/* Adds a row under the table, moving it whole to the next page when it
 * does not fit; only a row taller than a page is split between lines. */
static gboolean
table_add_row (Pdf         *pdf,
               const Table *table,
               const Row   *row,
               GError     **error)
{
  guint first[N_COLUMNS] = { 0 };
  guint last[N_COLUMNS] = { 0 };

  for (;;)
    {
      gboolean fresh = pdf->y <= pdf->table_top + EPSILON;
      double height = row_height (row, first);
      double room = TEXT_BOTTOM - pdf->y;
      gboolean progress = FALSE;

      if (height <= room + EPSILON)
        {
          for (guint c = 0; c < row->n_cells; c++)
            last[c] = row->cells[c]->n_lines;
          row_draw (pdf, row, table, first, last);
          return TRUE;
        }
      if (!fresh && height <= TEXT_BOTTOM - TEXT_TOP - table->header_height + EPSILON)
        {
          if (!table_break_page (pdf, table, error))
            return FALSE;
          continue;
        }

      for (guint c = 0; c < row->n_cells; c++)
        {
          last[c] = block_fit (row->cells[c], first[c], room - 2 * CELL_PAD_Y);
          progress |= last[c] > first[c];
        }
      /* A single line taller than the page: draw a line of each cell. */
      if (!progress && fresh)
        for (guint c = 0; c < row->n_cells; c++)
          last[c] = MIN (first[c] + 1, row->cells[c]->n_lines);
      if (progress || fresh)
        {
          row_draw (pdf, row, table, first, last);
          memcpy (first, last, sizeof first);
        }
      if (!table_break_page (pdf, table, error))
        return FALSE;
    }
}

static double
natural_width (Pdf             *pdf,
               const char      *text,
               const TextStyle *style)
{
  g_autoptr(Block) block = block_new_styled (pdf, text, style, -1, 0);

  return block_width (block);
}

/* The widest piece of @text a line cannot break: a word in English, a
 * character in Chinese. (Only the block's width is read afterwards.) */
static double
widest_word (Pdf             *pdf,
             const char      *text,
             const TextStyle *style)
{
  g_autoptr(Block) block = block_new_styled (pdf, text, style, -1, 0);

  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD);
  pango_layout_set_width (block->layout, 1);
  return block_width (block);
}

static void
table_set_widths (Table *table,
                  Pdf   *pdf)
{
  static const guint fitted[] = { COLUMN_CASE, COLUMN_SEVERITY, COLUMN_PAGE };
  const CaseReviewNoticeDocument *document = pdf->document;
  double want[N_COLUMNS] = { 0 };
  double rest = TEXT_WIDTH;
  double x = TEXT_LEFT;

  for (guint i = 0; i < G_N_ELEMENTS (fitted); i++)
    want[fitted[i]] = natural_width (pdf, document->columns[fitted[i]], &header_cell_style);
  for (guint g = 0; g < document->groups->len; g++)
    {
      const CaseReviewNoticeGroup *group = g_ptr_array_index (document->groups, g);

      for (guint r = 0; r < group->rows->len; r++)
        {
          const CaseReviewNoticeRow *row = g_ptr_array_index (group->rows, r);

          want[COLUMN_CASE] = MAX (want[COLUMN_CASE], natural_width (pdf, row->case_id, &cell_style));
          want[COLUMN_SEVERITY] = MAX (want[COLUMN_SEVERITY], natural_width (pdf, row->severity, &veto_cell_style));
          want[COLUMN_PAGE] = MAX (want[COLUMN_PAGE], natural_width (pdf, row->evidence_page, &cell_style));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (fitted); i++)
    {
      guint c = fitted[i];

      /* Never so narrow that a word of the heading has to break; a point
       * to spare so rounding never wraps an entry that fits. */
      double least = MAX (COLUMN_MIN * TEXT_WIDTH,
                          widest_word (pdf, document->columns[c], &header_cell_style) + 2 * CELL_PAD_X + 1);

      table->width[c] = MAX (least, MIN (want[c] + 2 * CELL_PAD_X + 1, column_max[c] * TEXT_WIDTH));
      rest -= table->width[c];
    }
  want[COLUMN_RULE] = natural_width (pdf, document->columns[COLUMN_RULE], &header_cell_style);
  table->width[COLUMN_RULE] = CLAMP (want[COLUMN_RULE] + 2 * CELL_PAD_X + 1, rest * RULE_SHARE, rest / 2);
  table->width[COLUMN_PROBLEM] = rest - table->width[COLUMN_RULE];

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      table->x[c] = x;
      x += table->width[c];
    }
}

static void
table_init (Table *table,
            Pdf   *pdf)
{
  table_set_widths (table, pdf);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      table->header[c] = block_new_styled (pdf, pdf->document->columns[c], &header_cell_style,
                                           table->width[c] - 2 * CELL_PAD_X, 0);
      table->header_height = MAX (table->header_height,
                                  block_height (table->header[c], 0, table->header[c]->n_lines));
    }
  table->header_height += 2 * CELL_PAD_Y;
}

/* How much of a group must share a page with its heading: the heading and
 * its first row, or the start of that row when it is taller than a page. */
static double
group_start_height (Pdf                         *pdf,
                    const Table                 *table,
                    const CaseReviewNoticeGroup *group,
                    const Row                   *heading)
{
  double height = row_height (heading, (guint[N_COLUMNS]) { 0 });
  g_auto(Row) row = { 0 };
  double row_full;

  if (group->rows->len == 0)
    return height;
  row_init_data (&row, pdf, table, g_ptr_array_index (group->rows, 0));
  row_full = row_height (&row, (guint[N_COLUMNS]) { 0 });
  if (row_full <= TEXT_BOTTOM - TEXT_TOP - table->header_height - height)
    return height + row_full;
  return height + 2 * TABLE_LINE + 2 * CELL_PAD_Y;
}

/* How much of the table must share a page with what comes before it: its
 * header and the start of the first group. */
static double
table_start_height (Pdf         *pdf,
                    const Table *table)
{
  const CaseReviewNoticeGroup *group = g_ptr_array_index (pdf->document->groups, 0);
  g_auto(Row) heading = { 0 };

  row_init_group (&heading, pdf, group->heading);
  return TABLE_GAP + table->header_height + group_start_height (pdf, table, group, &heading);
}

static gboolean
add_table (Pdf         *pdf,
           const Table *table,
           GError     **error)
{
  const CaseReviewNoticeDocument *document = pdf->document;

  if (pdf->y + table_start_height (pdf, table) > TEXT_BOTTOM && !at_page_top (pdf) && !break_page (pdf, error))
    return FALSE;
  if (!at_page_top (pdf))
    pdf->y += TABLE_GAP;
  table_draw_header (pdf, table);
  pdf->table_top = pdf->y;

  for (guint g = 0; g < document->groups->len; g++)
    {
      const CaseReviewNoticeGroup *group = g_ptr_array_index (document->groups, g);
      g_auto(Row) heading = { 0 };

      row_init_group (&heading, pdf, group->heading);
      if (pdf->y + group_start_height (pdf, table, group, &heading) > TEXT_BOTTOM + EPSILON &&
          pdf->y > pdf->table_top + EPSILON && !table_break_page (pdf, table, error))
        return FALSE;

      if (!table_add_row (pdf, table, &heading, error))
        return FALSE;
      for (guint r = 0; r < group->rows->len; r++)
        {
          g_auto(Row) row = { 0 };

          row_init_data (&row, pdf, table, g_ptr_array_index (group->rows, r));
          if (!table_add_row (pdf, table, &row, error))
            return FALSE;
        }
    }

  pdf->y += BODY_LINE * 0.5;
  return TRUE;
}

/* The signature: two lines left for the seal, the issuer and the date. */
#define SIGNATURE_HEIGHT (4 * BODY_LINE)

/* The date right-aligned four characters in, the issuer centred over it
 * (GB/T 9704, 7.3.5.1). */
static gboolean
add_signature (Pdf     *pdf,
               GError **error)
{
  const CaseReviewNoticeDocument *document = pdf->document;
  g_autoptr(Block) issuer = block_new_styled (pdf, document->signature, &plain_style, TEXT_WIDTH, 0);
  g_autoptr(Block) date = block_new_styled (pdf, document->date, &plain_style, TEXT_WIDTH, 0);
  double right = TEXT_LEFT + TEXT_WIDTH - (pdf->chinese ? 4 * BODY_SIZE : 0);
  double date_width = MIN (block_width (date), right - TEXT_LEFT);
  double issuer_width = MIN (block_width (issuer), TEXT_WIDTH);
  double centre = right - date_width / 2;
  /* Left-aligned blocks at most as wide as the type area: placed by their
   * widths, they only wrap when they are wider than a line. */
  double issuer_x = CLAMP (centre - issuer_width / 2, TEXT_LEFT, TEXT_LEFT + TEXT_WIDTH - issuer_width);
  double height;

  height = 2 * BODY_LINE + block_height (issuer, 0, issuer->n_lines) + block_height (date, 0, date->n_lines);
  if (pdf->y + height > TEXT_BOTTOM && !at_page_top (pdf) && !break_page (pdf, error))
    return FALSE;
  if (!at_page_top (pdf))
    pdf->y += 2 * BODY_LINE;

  block_draw (pdf, issuer, issuer_x, pdf->y, 0, issuer->n_lines);
  pdf->y += block_height (issuer, 0, issuer->n_lines);
  block_draw (pdf, date, right - date_width, pdf->y, 0, date->n_lines);
  pdf->y += block_height (date, 0, date->n_lines);
  return TRUE;
}

/* The copy-to block (版记) sits at the foot of the last page between two
 * rules, the lines after the first aligned after "抄送：". */
static gboolean
add_copy_to (Pdf     *pdf,
             GError **error)
{
  const char *text = pdf->document->copy_to;
  const char *colon;
  double inset = BODY_SIZE;
  double hang = 0;
  g_autoptr(Block) block = NULL;
  double height, top;

  if (text == NULL || *text == '\0')
    return TRUE;

  colon = strstr (text, "：");
  if (colon != NULL)
    colon += strlen ("：");
  else if ((colon = strchr (text, ':')) != NULL)
    colon += 1;
  if (colon != NULL && g_utf8_strlen (text, colon - text) <= 8)
    {
      g_autofree char *label = g_strndup (text, colon - text);
      g_autoptr(Block) measure = block_new_styled (pdf, label, &plain_style, -1, 0);

      hang = block_width (measure);
    }

  block = block_new_styled (pdf, text, &plain_style, TEXT_WIDTH - 2 * inset, -hang);
  height = block_height (block, 0, block->n_lines) + 2 * CELL_PAD_Y;
  top = TEXT_BOTTOM - height;
  if (pdf->y + BODY_LINE > top)
    {
      if (!break_page (pdf, error))
        return FALSE;
      /* A copy-to list longer than a page flows down from the top. */
      top = MAX (TEXT_TOP, top);
    }

  draw_rule (pdf, top, RULE_WIDTH, BLACK);
  pdf->y = top + CELL_PAD_Y;
  if (!flow_block (pdf, block, TEXT_LEFT + inset, 0, error))
    return FALSE;
  pdf->y += CELL_PAD_Y;
  draw_rule (pdf, pdf->y, RULE_WIDTH, BLACK);
  return TRUE;
}

static const char *
language_tag (CaseReviewNoticeLanguage language)
{
  switch (language)
    {
    case CASE_REVIEW_NOTICE_LANGUAGE_EN:
      return "en";
    case CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN:
    default:
      return "zh-cn";
    }
}

/* An entry in the PDF's outline so a reader can jump between the notices
 * of a book: the number and the addressee without its colon. */
static void
add_outline_entry (Pdf *pdf)
{
  const CaseReviewNoticeDocument *document = pdf->document;
  g_autofree char *link = g_strdup_printf ("page=%u", pdf->pdf_page);
  g_autofree char *addressee = g_strdup (document->addressee != NULL ? document->addressee : "");
  g_autofree char *name = NULL;
  gsize len = strlen (addressee);

  if (g_str_has_suffix (addressee, "："))
    len -= strlen ("：");
  else if (g_str_has_suffix (addressee, ":"))
    len -= 1;
  addressee[len] = '\0';
  name = g_strconcat (document->number != NULL ? document->number : "", " ", addressee, NULL);
  if (g_utf8_validate (name, -1, NULL))
    cairo_pdf_surface_add_outline (pdf->surface, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
}

static gboolean
add_notice (Pdf                            *pdf,
            const CaseReviewNoticeDocument *document,
            GError                        **error)
{
  pdf->document = document;
  pdf->chinese = document->language == CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN;
  pdf->page = 0;
  pango_context_set_language (pdf->context, pango_language_from_string (language_tag (document->language)));

  if (!begin_page (pdf, error))
    return FALSE;
  add_outline_entry (pdf);
  add_masthead (pdf);
  if (!add_title (pdf, error))
    return FALSE;
  if (document->addressee != NULL && !add_paragraph (pdf, document->addressee, &plain_style, FALSE, 0, error))
    return FALSE;
  for (guint i = 0; document->opening != NULL && i < document->opening->len; i++)
    if (!add_paragraph (pdf, g_ptr_array_index (document->opening, i), &body_style, TRUE, 0, error))
      return FALSE;

  if (document->groups != NULL && document->groups->len > 0)
    {
      g_auto(Table) table = { 0 };

      table_init (&table, pdf);
      /* The heading stays with the start of the table. */
      if (document->problems_heading != NULL &&
          !add_paragraph (pdf, document->problems_heading, &heading_style, TRUE,
                          table_start_height (pdf, &table), error))
        return FALSE;
      if (!add_table (pdf, &table, error))
        return FALSE;
    }

  for (guint i = 0; document->closing != NULL && i < document->closing->len; i++)
    {
      gboolean last = i + 1 == document->closing->len;

      if (!add_paragraph (pdf, g_ptr_array_index (document->closing, i), &body_style, TRUE,
                          last ? SIGNATURE_HEIGHT : 0, error))
        return FALSE;
    }
  if (!add_signature (pdf, error) || !add_copy_to (pdf, error))
    return FALSE;

  end_page (pdf);
  pdf->document = NULL;
  return TRUE;
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Lays all the notices out into a PDF in memory. */
static GBytes *
make_pdf (CaseReviewNotice * const *notices,
          guint                     n_notices,
          const char               *display_name,
          GCancellable             *cancellable,
          GError                  **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_font_options_t *options = cairo_font_options_create ();
  gboolean ok = TRUE;
  cairo_status_t status;
  Pdf pdf = { .cancellable = cancellable };

  pdf.surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  pdf.cr = cairo_create (pdf.surface);
  /* A font map of our own, dropped at the end, rather than the thread's
   * default one, which keeps every font it loaded until the thread exits. */
  pdf.font_map = pango_cairo_font_map_new ();
  pdf.context = pango_font_map_create_context (pdf.font_map);
  pango_cairo_update_context (pdf.cr, pdf.context);
  /* Sizes are in points, the PDF's own unit; layout must not depend on
   * hinting for the screen. */
  pango_cairo_context_set_resolution (pdf.context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pdf.context, options);
  cairo_font_options_destroy (options);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "libcasereview");

  for (guint i = 0; ok && i < n_notices; i++)
    {
      g_autoptr(CaseReviewNoticeDocument) document = case_review_notice_document_new (notices[i]);

      if (i == 0)
        {
          g_autofree char *title = g_strjoin (" ", document->title != NULL ? document->title : "",
                                              n_notices == 1 && document->number != NULL ? document->number : "",
                                              NULL);

          cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, g_strchomp (title));
          cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_AUTHOR,
                                          document->issuer != NULL ? document->issuer : "");
        }
      ok = add_notice (&pdf, document, error);
      if (ok && cairo_status (pdf.cr) != CAIRO_STATUS_SUCCESS)
        break;
    }

  g_object_unref (pdf.context);
  g_object_unref (pdf.font_map);
  status = cairo_status (pdf.cr);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);

  if (!ok)
    return NULL;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_FAILED, _("%s: the PDF could not be made: %s"),
                   display_name, cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Writes @bytes to a new file next to @file and renames it over @file, so
 * @file is either untouched or complete. */
static gboolean
replace_file (GFile        *file,
              GBytes       *bytes,
              GCancellable *cancellable,
              GError      **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (parent == NULL || basename == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("A PDF cannot replace a root directory"));
      return FALSE;
    }

  for (guint attempt = 0; stream == NULL; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", basename, g_random_int ());

      g_clear_object (&temporary);
      temporary = g_file_get_child (parent, name);
      stream = g_file_create (temporary, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream == NULL && (attempt >= 100 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS)))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL, cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error) ||
      !g_file_move (temporary, file, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_file_delete (temporary, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
case_review_notice_write_pdf_internal (CaseReviewNotice * const *notices,
                                       guint                     n_notices,
                                       GFile                    *file,
                                       GCancellable             *cancellable,
                                       GError                  **error)
{
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  if (n_notices == 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("%s: there are no notices to write"), display_name);
      return FALSE;
    }

  bytes = make_pdf (notices, n_notices, display_name, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  if (!replace_file (file, bytes, cancellable, &local_error))
    {
      /* GIO's message names the temporary file; say which PDF it was for. */
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("Could not write %s: "), display_name);
      return FALSE;
    }
  return TRUE;
}
