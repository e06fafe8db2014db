/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Rectification notices as plain UTF-8 text and as CommonMark (with a GFM
 * pipe table per problem group). Lays out a CaseReviewNoticeDocument in the
 * reading order of an official document; the wording is the document's.
 * Private.
 */
#include "config.h"

#include <string.h>

#include "casereview-notice-document.h"

/* Columns of a plain-text page: what a terminal, an e-mail and a fixed-width
 * printout all show without wrapping. Only used to centre and right-align
 * the short lines (masthead, title, number, signature); paragraphs are not
 * hard-wrapped, because line breaks inside a Chinese sentence turn into
 * stray spaces or breaks once the text is pasted into a word processor. */
#define TEXT_WIDTH 72

/* GB/T 9704 puts the date four characters in from the right margin. */
#define TEXT_SIGNATURE_MARGIN 8

static gboolean
is_chinese (const CaseReviewNoticeDocument *document)
{
  return document->language == CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN;
}

/* User text reaches the output verbatim, so a control character in an
 * agency name or a note could fake the form feed between notices or send
 * escape sequences to the terminal that `cat`s the file. Controls become
 * spaces; newlines are kept only where @keep_newlines says a paragraph may
 * run over several lines. Invalid UTF-8 is repaired first so the width
 * computation below never reads past a character. */
static char *
sanitize (const char *text,
          gboolean    keep_newlines)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' && keep_newlines)
        g_string_append_c (out, '\n');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Columns @text takes in a monospaced font: East Asian wide and fullwidth
 * characters take two, combining marks none. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
append_spaces (GString *out,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* One line whose right edge is @right, or flush left if it does not fit. */
static void
append_right_aligned (GString    *out,
                      const char *line,
                      guint       right)
{
  guint width = display_width (line);

  append_spaces (out, width < right ? right - width : 0);
  g_string_append (out, line);
  g_string_append_c (out, '\n');
}

static void
append_centred (GString    *out,
                const char *line)
{
  guint width = display_width (line);

  append_spaces (out, width < TEXT_WIDTH ? (TEXT_WIDTH - width) / 2 : 0);
  g_string_append (out, line);
  g_string_append_c (out, '\n');
}

static void
append_rule (GString *out,
             char     c)
{
  for (guint i = 0; i < TEXT_WIDTH; i++)
    g_string_append_c (out, c);
  g_string_append_c (out, '\n');
}

/* A body paragraph: Chinese paragraphs and numbered headings open with a
 * two-character indent (two ideographic spaces, as GB/T 9704 sets them);
 * English ones are set flush left and told apart by the blank line. */
static void
append_paragraph (GString                        *out,
                  const CaseReviewNoticeDocument *document,
                  const char                     *text)
{
  g_autofree char *clean = sanitize (text, TRUE);

  g_strstrip (clean);
  if (*clean == '\0')
    return;
  if (is_chinese (document))
    g_string_append (out, "\u3000\u3000");
  g_string_append (out, clean);
  g_string_append (out, "\n\n");
}

/* "存在问题：…" / "Problem: …" on a line of an entry; an empty value is
 * skipped unless @always (most files have no evidence page). */
static void
append_labelled (GString                        *out,
                 const CaseReviewNoticeDocument *document,
                 guint                           indent,
                 const char                     *label,
                 const char                     *value,
                 gboolean                        always)
{
  g_autofree char *clean_label = sanitize (label, FALSE);
  g_autofree char *clean_value = sanitize (value, FALSE);

  g_strstrip (clean_value);
  if (*clean_value == '\0' && !always)
    return;
  append_spaces (out, indent);
  g_string_append_printf (out, "%s%s%s\n", g_strstrip (clean_label), is_chinese (document) ? "：" : ": ", clean_value);
}

/* The problems as a numbered list, one entry per row: the case on the
 * entry's first line, the other columns below it, each labelled with its
 * column heading. A list rather than an aligned table because problem texts
 * are sentences: a table row would run far past any page width. Entries are
 * numbered through the whole notice so an agency can answer "problem 7"
 * unambiguously. */
static void
append_problems (GString                        *out,
                 const CaseReviewNoticeDocument *document)
{
  guint number = 0;

  append_paragraph (out, document, document->problems_heading);
  for (guint g = 0; g < document->groups->len; g++)
    {
      const CaseReviewNoticeGroup *group = g_ptr_array_index (document->groups, g);

      append_paragraph (out, document, group->heading);
      for (guint r = 0; r < group->rows->len; r++)
        {
          const CaseReviewNoticeRow *row = g_ptr_array_index (group->rows, r);
          g_autofree char *marker = g_strdup_printf ("%u. ", ++number);
          guint indent = 4 + (guint) strlen (marker);

          append_spaces (out, 4);
          g_string_append (out, marker);
          append_labelled (out, document, 0, document->columns[0], row->case_id, TRUE);
          append_labelled (out, document, indent, document->columns[1], row->problem, FALSE);
          append_labelled (out, document, indent, document->columns[2], row->rule, FALSE);
          append_labelled (out, document, indent, document->columns[3], row->severity, FALSE);
          append_labelled (out, document, indent, document->columns[4], row->evidence_page, FALSE);
          g_string_append_c (out, '\n');
        }
    }
}

/* One line of a block of @block columns whose right edge is @right,
 * centred in the block; flush left when the block does not fit. */
static void
append_in_block (GString    *out,
                 const char *line,
                 guint       block,
                 guint       right)
{
  guint offset = (block - display_width (line)) / 2;

  append_right_aligned (out, line, block <= right ? right - offset : 0);
}

/* The signature and the date below it, each centred on the wider of the
 * two, the block ending four characters from the right margin. */
static void
append_signature (GString                        *out,
                  const CaseReviewNoticeDocument *document)
{
  g_autofree char *signature = sanitize (document->signature, FALSE);
  g_autofree char *date = sanitize (document->date, FALSE);
  guint block = MAX (display_width (g_strstrip (signature)), display_width (g_strstrip (date)));

  g_string_append_c (out, '\n');
  append_in_block (out, signature, block, TEXT_WIDTH - TEXT_SIGNATURE_MARGIN);
  append_in_block (out, date, block, TEXT_WIDTH - TEXT_SIGNATURE_MARGIN);
  g_string_append_c (out, '\n');
}

static void
append_text_notice (GString                        *out,
                    const CaseReviewNoticeDocument *document)
{
  g_autofree char *issuer = sanitize (document->issuer, FALSE);
  g_autofree char *title = sanitize (document->title, FALSE);
  g_autofree char *number = sanitize (document->number, FALSE);
  g_autofree char *addressee = sanitize (document->addressee, FALSE);

  /* Masthead over a rule (the red line of the printed form), the title
   * centred, the number right-aligned on its own line as on a 执法文书. */
  append_centred (out, g_strstrip (issuer));
  append_rule (out, '=');
  g_string_append_c (out, '\n');
  append_centred (out, g_strstrip (title));
  g_string_append_c (out, '\n');
  append_right_aligned (out, g_strstrip (number), TEXT_WIDTH);
  g_string_append_c (out, '\n');

  /* The addressee is flush left, without indent. */
  g_string_append_printf (out, "%s\n\n", g_strstrip (addressee));
  for (guint i = 0; i < document->opening->len; i++)
    append_paragraph (out, document, g_ptr_array_index (document->opening, i));
  append_problems (out, document);
  for (guint i = 0; i < document->closing->len; i++)
    append_paragraph (out, document, g_ptr_array_index (document->closing, i));
  append_signature (out, document);

  /* The copy-to line between two rules, like the 版记 of GB/T 9704. */
  if (document->copy_to != NULL)
    {
      g_autofree char *copy_to = sanitize (document->copy_to, FALSE);

      append_rule (out, '-');
      g_string_append_printf (out, "%s\n", g_strstrip (copy_to));
      append_rule (out, '-');
    }
}

/* Markdown escaping. Every ASCII punctuation character may be
 * backslash-escaped in CommonMark, so escaping is always safe; these are the
 * ones that can start markup anywhere in a line: emphasis (* _), code (`),
 * links and images ([ ] !), raw HTML and autolinks (<), entity and character
 * references (&), table cells (|), strikethrough (~), the closing sequence
 * of a heading (#), and the backslash itself. Block markers only count at
 * the start of a line and are handled there by escape_line_start(). */
static gboolean
markdown_needs_escape (gunichar c)
{
  return c != '\0' && strchr ("\\`*_[]!<>&|~#", (int) c) != NULL;
}

/* At the start of a line a user string could open a block: a heading (#,
 * or = / - under a paragraph), a block quote (>), a list item (- + * or
 * "1." "1)"), a thematic break, a fenced code block (` ~). # > * ` ~ are
 * escaped wherever they stand; here - + = are, and for ordered lists the
 * delimiter after the digits. */
static void
escape_line_start (GString    *out,
                   const char *line)
{
  const char *p = line;

  if (*p == '-' || *p == '+' || *p == '=')
    g_string_append_c (out, '\\');
  else
    {
      while (g_ascii_isdigit (*p))
        p++;
      if (p > line && (*p == '.' || *p == ')'))
        {
          g_string_append_len (out, line, p - line);
          g_string_append_c (out, '\\');
          line = p;
        }
    }

  for (p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && markdown_needs_escape (c))
        g_string_append_c (out, '\\');
      g_string_append_unichar (out, c);
    }
}

/* @text as inline Markdown on one line (a heading, a table cell): newlines
 * become spaces, since in a table a newline would end the row. */
static void
append_markdown_inline (GString    *out,
                        const char *text)
{
  g_autofree char *clean = sanitize (text, FALSE);

  escape_line_start (out, g_strstrip (clean));
}

/* A paragraph, ended by a blank line. Lines of a multi-line text are kept
 * apart with hard line breaks (a backslash at the end of the line); leading
 * spaces are dropped, as four of them would open a code block. */
static void
append_markdown_paragraph (GString    *out,
                           const char *text)
{
  g_autofree char *clean = sanitize (text, TRUE);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (!first)
        g_string_append (out, "\\\n");
      escape_line_start (out, lines[i]);
      first = FALSE;
    }
  if (!first)
    g_string_append (out, "\n\n");
}

static void
append_markdown_heading (GString    *out,
                         const char *marker,
                         const char *text)
{
  g_string_append (out, marker);
  g_string_append_c (out, ' ');
  append_markdown_inline (out, text);
  g_string_append (out, "\n\n");
}

/* One GFM pipe table per group under the group's heading: a single table
 * cannot carry the group headings as rows without inventing markup. */
static void
append_markdown_problems (GString                        *out,
                          const CaseReviewNoticeDocument *document)
{
  append_markdown_heading (out, "##", document->problems_heading);
  for (guint g = 0; g < document->groups->len; g++)
    {
      const CaseReviewNoticeGroup *group = g_ptr_array_index (document->groups, g);

      append_markdown_heading (out, "###", group->heading);
      g_string_append (out, "|");
      for (guint c = 0; c < G_N_ELEMENTS (document->columns); c++)
        {
          g_string_append_c (out, ' ');
          append_markdown_inline (out, document->columns[c]);
          g_string_append (out, " |");
        }
      g_string_append (out, "\n|");
      for (guint c = 0; c < G_N_ELEMENTS (document->columns); c++)
        g_string_append (out, " --- |");
      g_string_append_c (out, '\n');

      for (guint r = 0; r < group->rows->len; r++)
        {
          const CaseReviewNoticeRow *row = g_ptr_array_index (group->rows, r);
          const char *cells[] = { row->case_id, row->problem, row->rule, row->severity, row->evidence_page };

          g_string_append (out, "|");
          for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
            {
              g_string_append_c (out, ' ');
              append_markdown_inline (out, cells[c]);
              g_string_append (out, " |");
            }
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_markdown_notice (GString                        *out,
                        const CaseReviewNoticeDocument *document)
{
  g_autofree char *signature = NULL;

  /* The masthead in bold above the title: Markdown has no colour or
   * alignment, so the order alone carries the layout. */
  if (document->issuer != NULL && *document->issuer != '\0')
    {
      g_string_append (out, "**");
      append_markdown_inline (out, document->issuer);
      g_string_append (out, "**\n\n");
    }
  append_markdown_heading (out, "#", document->title);
  append_markdown_paragraph (out, document->number);
  append_markdown_paragraph (out, document->addressee);
  for (guint i = 0; i < document->opening->len; i++)
    append_markdown_paragraph (out, g_ptr_array_index (document->opening, i));
  append_markdown_problems (out, document);
  for (guint i = 0; i < document->closing->len; i++)
    append_markdown_paragraph (out, g_ptr_array_index (document->closing, i));

  /* Signature and date as one paragraph on two lines. */
  signature = g_strdup_printf ("%s\n%s", document->signature != NULL ? document->signature : "",
                               document->date != NULL ? document->date : "");
  append_markdown_paragraph (out, signature);
  if (document->copy_to != NULL)
    append_markdown_paragraph (out, document->copy_to);
}

char *
case_review_notice_render_text_internal (CaseReviewNotice * const *notices,
                                         guint                     n_notices,
                                         gboolean                  markdown)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (notices != NULL || n_notices == 0, NULL);

  for (guint i = 0; i < n_notices; i++)
    {
      g_autoptr(CaseReviewNoticeDocument) document = case_review_notice_document_new (notices[i]);

      /* Text notices are separated by a form feed on its own line, which
       * starts a new page when printed; Markdown ones by a thematic break,
       * with the blank line before it that keeps "---" from turning the
       * previous paragraph into a heading. */
      if (i > 0)
        g_string_append (out, markdown ? "---\n\n" : "\f\n");
      if (markdown)
        append_markdown_notice (out, document);
      else
        append_text_notice (out, document);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
