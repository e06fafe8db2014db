/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Rectification notices as one self-contained HTML5 document: inline style
 * only, laid out in the spirit of GB/T 9704 (red masthead and rule, centred
 * title, indented body, bordered problem table, signature and date on the
 * right, copy-to at the bottom) with a print stylesheet for A4. Every string
 * of the document model is escaped: agency names and reviewers' notes are
 * user text. Private.
 */
#include "config.h"

#include <string.h>

#include "casereview-notice-document.h"

/* Sizes follow GB/T 9704: body in 3号 (16pt) 仿宋, title in 2号 (22pt)
 * 小标宋, first-level headings in 黑体 and second-level ones in 楷体, 22
 * lines of text on a 225mm type area (28.9pt apart); the page margins give
 * the standard 156 × 225 mm type area on A4. The fonts are the usual
 * Windows and macOS names first, then the Noto CJK faces of Linux. Colours
 * are forced in print so the masthead and its rule stay red. */
static const char stylesheet[] =
  ":root { --red: #c8161d; }\n"
  "body { margin: 0; color: #000; background: #fff; font-family: \"FangSong\", \"FangSong_GB2312\", \"仿宋\","
  " \"STFangsong\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", serif; font-size: 16pt; line-height: 28.9pt; }\n"
  ".notice { max-width: 156mm; margin: 0 auto; padding: 12mm 8mm; }\n"
  ".notice:lang(en) { font-family: \"Times New Roman\", \"Noto Serif\", \"Noto Serif CJK SC\", serif; }\n"
  ".masthead { margin: 0; padding-bottom: 4mm; border-bottom: 2px solid var(--red); color: var(--red);"
  " font-family: \"FZXiaoBiaoSong-B05S\", \"方正小标宋简体\", \"SimSun\", \"Noto Serif CJK SC\", serif;"
  " font-size: 30pt; line-height: 1.3; font-weight: bold; text-align: center; letter-spacing: .05em; }\n"
  ".title { margin: 10mm 0 0; font-family: \"FZXiaoBiaoSong-B05S\", \"方正小标宋简体\", \"SimSun\","
  " \"Noto Serif CJK SC\", serif; font-size: 22pt; line-height: 1.5; font-weight: bold; text-align: center; }\n"
  ".number { margin: 0 0 6mm; text-align: right; }\n"
  ".number.draft { color: #666; }\n"
  /* A draft's mark, pale and diagonal over the notice, on screen and paper. */
  ".notice { position: relative; }\n"
  ".draft-mark { position: absolute; top: 30%; left: 50%; margin: 0; transform: translate(-50%, -50%) rotate(-45deg);"
  " font-family: \"SimHei\", \"黑体\", \"Noto Sans CJK SC\", sans-serif; font-size: 120pt; font-weight: bold;"
  " line-height: 1; white-space: nowrap; color: rgba(0, 0, 0, .1); pointer-events: none; user-select: none; }\n"
  ".notice p { margin: 0; }\n"
  ".notice .body { text-indent: 2em; text-align: justify; }\n"
  ".notice:lang(en) .body { text-indent: 0; margin-bottom: .5em; }\n"
  ".addressee { margin-top: 0; }\n"
  "h2 { margin: 0; font-family: \"SimHei\", \"黑体\", \"Noto Sans CJK SC\", sans-serif; font-size: 16pt;"
  " font-weight: normal; text-indent: 2em; }\n"
  ".notice:lang(en) h2 { font-family: inherit; font-weight: bold; text-indent: 0; }\n"
  "table { width: 100%; margin: 2mm 0 4mm; border-collapse: collapse; table-layout: fixed; font-size: 12pt; line-height: 1.5; }\n"
  "th, td { padding: 1mm 1.5mm; border: 1px solid #000; vertical-align: top; text-align: left;"
  " overflow-wrap: anywhere; }\n"
  "thead th { font-family: \"SimHei\", \"黑体\", \"Noto Sans CJK SC\", sans-serif; font-weight: normal;"
  " text-align: center; }\n"
  ".notice:lang(en) thead th { font-family: inherit; font-weight: bold; }\n"
  "tbody th { font-family: \"KaiTi\", \"楷体\", \"STKaiti\", \"Noto Serif CJK SC\", serif; font-weight: normal;"
  " background: #f2f2f2; }\n"
  ".notice:lang(en) tbody th { font-family: inherit; font-style: italic; }\n"
  "col.case { width: 20%; } col.problem { width: 38%; } col.rule { width: 22%; }"
  " col.severity { width: 11%; } col.page { width: 9%; }\n"
  "td.severity, td.page { white-space: nowrap; text-align: center; }\n"
  "tr.veto td.severity { font-weight: bold; }\n"
  ".signature { width: max-content; max-width: 100%; margin: 10mm 4em 0 auto; text-align: center; }\n"
  ".copy-to { margin-top: 12mm; padding: 1mm 1em; border-top: 1px solid #000; border-bottom: 1px solid #000;"
  " font-size: 14pt; line-height: 1.6; }\n"
  "@media screen {\n"
  "  html { background: #e8e8e8; }\n"
  "  body { padding: 8mm 0; background: #e8e8e8; }\n"
  "  .notice { margin-bottom: 8mm; padding: 20mm 26mm 20mm 28mm; background: #fff;"
  " box-shadow: 0 1px 4px rgba(0, 0, 0, .3); }\n"
  "}\n"
  "@media print {\n"
  "  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n"
  "  html, body { background: #fff; }\n"
  "  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
  "  .notice { max-width: none; margin: 0; padding: 0; }\n"
  "  .notice:not(:last-child) { break-after: page; page-break-after: always; }\n"
  "  thead { display: table-header-group; }\n"
  "  tr, th, td { break-inside: avoid; page-break-inside: avoid; }\n"
  "  h2, tbody th { break-after: avoid; page-break-after: avoid; }\n"
  "  .signature, .copy-to { break-inside: avoid; page-break-inside: avoid; }\n"
  "}\n";

/* Text content and attribute values alike: & < > " ' become references, so
 * an agency called <script>…</script> is shown, never run, and a quote
 * cannot close an attribute. Control characters, which HTML forbids even as
 * references, become spaces; newlines become <br> where @line_breaks allows
 * (multi-line texts of the book's paragraphs) and spaces elsewhere. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    line_breaks)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\n':
          g_string_append (out, line_breaks ? "<br>\n" : " ");
          break;
        default:
          if (g_unichar_iscntrl (c) && c != '\t')
            g_string_append_c (out, ' ');
          else
            g_string_append_unichar (out, c);
        }
    }
}

/* <tag class="…">text</tag> on one line. */
static void
append_element (GString    *out,
                const char *tag,
                const char *class_name,
                const char *text,
                gboolean    line_breaks)
{
  g_string_append_printf (out, "<%s", tag);
  if (class_name != NULL)
    g_string_append_printf (out, " class=\"%s\"", class_name);
  g_string_append_c (out, '>');
  append_escaped (out, text, line_breaks);
  g_string_append_printf (out, "</%s>\n", tag);
}

static const char *
language_tag (CaseReviewNoticeLanguage language)
{
  return language == CASE_REVIEW_NOTICE_LANGUAGE_EN ? "en" : "zh-CN";
}

/* Also a CSS class on the row, so the stylesheet can set vetoes apart. */
static const char *
severity_class (CaseReviewProblemSeverity kind)
{
  switch (kind)
    {
    case CASE_REVIEW_PROBLEM_SEVERITY_VETO:
      return "veto";
    case CASE_REVIEW_PROBLEM_SEVERITY_CHANNEL:
      return "channel";
    case CASE_REVIEW_PROBLEM_SEVERITY_DEDUCTION:
    default:
      return "deduction";
    }
}

/* A CSS string literal for a `content:` property: everything but letters,
 * digits, spaces and non-ASCII text is written as a hexadecimal escape, so
 * neither a quote nor "</style>" can end up in the stylesheet. */
static void
append_css_string (GString    *out,
                   const char *text,
                   gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x80 ? !g_unichar_iscntrl (c) : (g_ascii_isalnum (c) || c == ' '))
        g_string_append_unichar (out, c);
      else
        g_string_append_printf (out, "\\%x ", c);
    }
  g_string_append_c (out, '"');
}

/* Page numbers from the document's footer template ("— %u —"), on the
 * outer side of the page as GB/T 9704 places them: right on odd pages,
 * left on even ones. Print engines without page-margin boxes ignore it. */
static void
append_page_numbers (GString    *out,
                     const char *footer)
{
  const char *slot = footer != NULL ? strstr (footer, "%u") : NULL;
  g_autoptr(GString) content = NULL;

  if (slot == NULL)
    return;
  content = g_string_new (NULL);
  append_css_string (content, footer, slot - footer);
  g_string_append (content, " counter(page) ");
  append_css_string (content, slot + 2, -1);

  g_string_append_printf (out,
                          "@media print {\n"
                          "  @page :right { @bottom-right { content: %s; font-size: 14pt; } }\n"
                          "  @page :left { @bottom-left { content: %s; font-size: 14pt; } }\n"
                          "}\n",
                          content->str, content->str);
}

/* The problems as one table: the column headings in <thead>, repeated on
 * every printed page, and one <tbody> per group opened by a heading row
 * spanning the table, so the columns line up across groups. */
static void
append_problem_table (GString                        *out,
                      const CaseReviewNoticeDocument *document)
{
  static const char * const classes[] = { "case", "problem", "rule", "severity", "page" };

  if (document->groups->len == 0)
    return;

  g_string_append (out, "<table>\n<colgroup>");
  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    g_string_append_printf (out, "<col class=\"%s\">", classes[c]);
  g_string_append (out, "</colgroup>\n<thead>\n<tr>");
  for (guint c = 0; c < G_N_ELEMENTS (document->columns); c++)
    {
      g_string_append (out, "<th scope=\"col\">");
      append_escaped (out, document->columns[c], FALSE);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr>\n</thead>\n");

  for (guint g = 0; g < document->groups->len; g++)
    {
      const CaseReviewNoticeGroup *group = g_ptr_array_index (document->groups, g);

      g_string_append_printf (out, "<tbody>\n<tr class=\"group\"><th colspan=\"%u\" scope=\"rowgroup\">",
                              (guint) G_N_ELEMENTS (document->columns));
      append_escaped (out, group->heading, FALSE);
      g_string_append (out, "</th></tr>\n");
      for (guint r = 0; r < group->rows->len; r++)
        {
          const CaseReviewNoticeRow *row = g_ptr_array_index (group->rows, r);
          const char *cells[] = { row->case_id, row->problem, row->rule, row->severity, row->evidence_page };

          g_string_append_printf (out, "<tr class=\"%s\">", severity_class (row->kind));
          for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
            {
              g_string_append_printf (out, "<td class=\"%s\">", classes[c]);
              append_escaped (out, cells[c], FALSE);
              g_string_append (out, "</td>");
            }
          g_string_append (out, "</tr>\n");
        }
      g_string_append (out, "</tbody>\n");
    }
  g_string_append (out, "</table>\n");
}

static void
append_notice (GString                        *out,
               CaseReviewNotice               *notice,
               const CaseReviewNoticeDocument *document)
{
  /* A draft's "number" is the document's draft marker; greyed so that a
   * printed draft is not taken for an issued notice. */
  gboolean draft = case_review_notice_get_number (notice) == NULL;

  /* Each notice carries its own language: a book may mix them. */
  g_string_append_printf (out, "<article class=\"notice\" lang=\"%s\">\n<header>\n",
                          language_tag (document->language));
  append_element (out, "p", "masthead", document->issuer, FALSE);
  append_element (out, "h1", "title", document->title, FALSE);
  append_element (out, "p", draft ? "number draft" : "number", document->number, FALSE);
  g_string_append (out, "</header>\n");
  if (document->draft_mark != NULL)
    append_element (out, "p", "draft-mark", document->draft_mark, FALSE);

  append_element (out, "p", "addressee", document->addressee, FALSE);
  for (guint i = 0; i < document->opening->len; i++)
    append_element (out, "p", "body", g_ptr_array_index (document->opening, i), TRUE);

  g_string_append (out, "<section class=\"problems\">\n");
  append_element (out, "h2", NULL, document->problems_heading, FALSE);
  append_problem_table (out, document);
  g_string_append (out, "</section>\n");

  for (guint i = 0; i < document->closing->len; i++)
    append_element (out, "p", "body", g_ptr_array_index (document->closing, i), TRUE);

  g_string_append (out, "<div class=\"signature\">\n");
  append_element (out, "p", NULL, document->signature, FALSE);
  append_element (out, "p", NULL, document->date, FALSE);
  g_string_append (out, "</div>\n");

  if (document->copy_to != NULL)
    {
      g_string_append (out, "<footer class=\"copy-to\">\n");
      append_element (out, "p", NULL, document->copy_to, FALSE);
      g_string_append (out, "</footer>\n");
    }
  g_string_append (out, "</article>\n");
}

char *
case_review_notice_render_html_internal (CaseReviewNotice * const *notices,
                                         guint                     n_notices)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) case_review_notice_document_free);
  const CaseReviewNoticeDocument *first = NULL;

  g_return_val_if_fail (notices != NULL || n_notices == 0, NULL);

  for (guint i = 0; i < n_notices; i++)
    g_ptr_array_add (documents, case_review_notice_document_new (notices[i]));
  if (documents->len > 0)
    first = g_ptr_array_index (documents, 0);

  /* The page takes the first notice's language and names it in the title
   * bar: "罗司〔2020〕1号 责令整改通知书" for one notice, the issuer and the
   * title for a book. */
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
                          language_tag (first != NULL ? first->language : CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN));
  if (first != NULL)
    {
      append_escaped (out, n_notices == 1 ? first->number : first->issuer, FALSE);
      g_string_append_c (out, ' ');
      append_escaped (out, first->title, FALSE);
    }
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, stylesheet);
  if (first != NULL)
    append_page_numbers (out, first->footer);
  g_string_append (out, "</style>\n</head>\n<body>\n");

  for (guint i = 0; i < documents->len; i++)
    append_notice (out, notices[i], g_ptr_array_index (documents, i));

  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
