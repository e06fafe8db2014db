// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Rendering rectification notices to plain text, Markdown and HTML: the
// number, the addressee and every problem come out; hostile agency names and
// notes are escaped (HTML, Markdown) or defused (control characters in
// text); English notices, drafts and whole books render as documented.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test-support.h"

namespace {

using namespace test_support;

const std::string fixture = std::string (CASE_REVIEW_TEST_DATA_DIR) + "/notices/results.json";

const char *const issuer = "深圳市罗湖区司法局";
const char *const hostile_agency = "<script>alert(1)</script> & 罗湖区某局";
const char *const hostile_note = "签名栏 | 空白 <b>未签</b> & 未注明日期";

size_t
count (const std::string &haystack,
       const std::string &needle)
{
  size_t n = 0;
  for (size_t at = haystack.find (needle); at != std::string::npos; at = haystack.find (needle, at + needle.size ()))
    n++;
  return n;
}

std::vector<std::string>
lines_of (const std::string &text)
{
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = text.find ('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back (text.substr (start, end - start));
  if (start < text.size ())
    lines.push_back (text.substr (start));
  return lines;
}

std::string
html_escaped (const char *text)
{
  return take (g_markup_escape_text (text, -1));
}

// What the renderer must turn @text into inside a Markdown cell.
std::string
markdown_escaped (const std::string &text)
{
  std::string out;
  for (char c : text)
    {
      if (std::string ("\\`*_[]!<>&|~#").find (c) != std::string::npos)
        out += '\\';
      out += c;
    }
  return out;
}

CaseReviewNotice *
find_agency (CaseReviewNoticeBook *book,
             const char           *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (book)); i++)
    if (g_strcmp0 (case_review_notice_get_agency_name (notice_at (book, i)), name) == 0)
      return notice_at (book, i);
  ADD_FAILURE () << "no notice for " << name;
  return nullptr;
}

std::string
render (CaseReviewNotice       *notice,
        CaseReviewNoticeFormat  format)
{
  Error error;
  std::string text = take (case_review_notice_render (notice, format, error.out ()));
  EXPECT_EQ (error.error, nullptr) << error.message ();
  return text;
}

std::string
render_book (CaseReviewNoticeBook   *book,
             CaseReviewNoticeFormat  format)
{
  Error error;
  std::string text = take (case_review_notice_book_render (book, format, error.out ()));
  EXPECT_EQ (error.error, nullptr) << error.message ();
  return text;
}

// Calls @check with every problem of @notice.
template <typename F> void
for_each_problem (CaseReviewNotice *notice,
                  F                 check)
{
  GListModel *problems = case_review_notice_get_problems (notice);
  ASSERT_GT (g_list_model_get_n_items (problems), 0u);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      Ref<CaseReviewNoticeProblem> problem (CASE_REVIEW_NOTICE_PROBLEM (g_list_model_get_item (problems, i)));
      check (problem.get ());
    }
}

// Columns in a monospaced font (CJK wide characters take two).
guint
display_width (const std::string &line)
{
  guint width = 0;
  for (const char *p = line.c_str (); *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

// Every element opened is closed in order, outside <style>; void elements
// stand alone. Returns "" or what is wrong.
std::string
check_html_nesting (const std::string &html)
{
  static const std::vector<std::string> void_elements = { "meta", "col", "br", "hr", "link" };
  std::vector<std::string> open;
  size_t at = 0;

  while ((at = html.find ('<', at)) != std::string::npos)
    {
      size_t end = html.find ('>', at);
      if (end == std::string::npos)
        return "unterminated tag at " + std::to_string (at);
      std::string tag = html.substr (at + 1, end - at - 1);
      at = end + 1;
      if (tag.rfind ("!DOCTYPE", 0) == 0)
        continue;
      bool closing = !tag.empty () && tag[0] == '/';
      std::string name = tag.substr (closing ? 1 : 0, tag.find_first_of (" \t\n/", closing ? 1 : 0) - (closing ? 1 : 0));
      if (name.empty ())
        return "empty tag name at " + std::to_string (at);
      if (closing)
        {
          if (open.empty () || open.back () != name)
            return "</" + name + "> closes <" + (open.empty () ? "" : open.back ()) + ">";
          open.pop_back ();
        }
      else if (std::find (void_elements.begin (), void_elements.end (), name) == void_elements.end ())
        {
          open.push_back (name);
          if (name == "style")
            {
              // CSS is not markup: jump to its end tag.
              at = html.find ("</style>", at);
              if (at == std::string::npos)
                return "unterminated <style>";
            }
        }
    }
  if (!open.empty ())
    return "<" + open.back () + "> is never closed";
  return "";
}

} // namespace

TEST (NoticeRender, TextHasTheNumberAgencyAndEveryProblem)
{
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  issue_all (book.get ());
  CaseReviewNotice *notice = notice_at (book.get (), 0);
  ASSERT_STREQ (case_review_notice_get_number (notice), "罗司〔2020〕1号");

  std::string text = render (notice, CASE_REVIEW_NOTICE_FORMAT_TEXT);
  std::vector<std::string> lines = lines_of (text);
  ASSERT_FALSE (lines.empty ());

  // Official reading order: masthead, title, number, addressee, body.
  size_t masthead = text.find (issuer), title = text.find (case_review_notice_get_title (notice));
  size_t number = text.find ("罗司〔2020〕1号");
  size_t addressee = text.find (std::string (case_review_notice_get_agency_name (notice)) + "：");
  ASSERT_NE (masthead, std::string::npos);
  ASSERT_NE (number, std::string::npos);
  ASSERT_NE (addressee, std::string::npos);
  EXPECT_LT (masthead, title);
  EXPECT_LT (title, number);
  EXPECT_LT (number, addressee);
  EXPECT_LT (addressee, text.find ("一、存在的问题"));
  EXPECT_LT (text.find ("一、存在的问题"), text.find ("二、整改要求"));
  EXPECT_EQ (lines[0].find_first_not_of (' '), lines[0].find (issuer)) << "the masthead opens the text";

  // The number is right-aligned to the 72-column page, CJK counted double.
  for (const std::string &line : lines)
    {
      if (line.find ("罗司〔2020〕1号") != std::string::npos)
        {
          EXPECT_EQ (display_width (line), 72u) << line;
        }
    }

  for_each_problem (notice, [&] (CaseReviewNoticeProblem *problem) {
    EXPECT_NE (text.find (case_review_notice_problem_get_case_id (problem)), std::string::npos);
    EXPECT_NE (text.find (case_review_notice_problem_get_text (problem)), std::string::npos)
        << case_review_notice_problem_get_text (problem);
  });

  // One notice: no page separator, and only text and newlines.
  EXPECT_EQ (text.find ('\f'), std::string::npos);
  EXPECT_TRUE (g_utf8_validate (text.c_str (), (gssize) text.size (), nullptr));
}

TEST (NoticeRender, TextKeepsUserStringsButDropsControlCharacters)
{
  // A note carrying a form feed, a terminal escape and a newline: none of
  // them may reach the text, where they would fake a page break or drive the
  // terminal.
  std::string json = read_text (fixture);
  size_t at = json.find (std::string ("\"签名栏 | 空白"));
  ASSERT_NE (at, std::string::npos);
  json.replace (at, 1, "\"换页\\f转义\\u001b[2J换行\\n# 标题 ");
  Ref<CaseReviewNoticeBook> book (fixture_notice_book (CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN, &json));
  issue_all (book.get ());
  CaseReviewNotice *notice = find_agency (book.get (), hostile_agency);
  ASSERT_NE (notice, nullptr);

  std::string text = render (notice, CASE_REVIEW_NOTICE_FORMAT_TEXT);
  EXPECT_NE (text.find (hostile_agency), std::string::npos) << "plain text shows names verbatim";
  EXPECT_NE (text.find (hostile_note), std::string::npos);
  EXPECT_NE (text.find ("换页 转义 [2J换行 # 标题 "), std::string::npos);
  EXPECT_EQ (text.find ('\f'), std::string::npos);
  EXPECT_EQ (text.find ('\x1b'), std::string::npos);

  // In Markdown the newline must not end the table row either.
  std::string markdown = render (notice, CASE_REVIEW_NOTICE_FORMAT_MARKDOWN);
  EXPECT_EQ (markdown.find ('\x1b'), std::string::npos);
  for (const std::string &line : lines_of (markdown))
    EXPECT_NE (line.rfind ("# 标题", 0), 0u) << "a note opened a heading: " << line;
}

TEST (NoticeRender, TextSetsLinesWiderThanThePageFlushLeft)
{
  // An issuer wider than the page: the masthead and the signature cannot be
  // centred or right-aligned, and must not be pushed off by a wrapped-around
  // amount of padding either.
  std::string long_issuer;
  for (int i = 0; i < 5; i++)
    long_issuer += "深圳市罗湖区人民政府行政执法协调监督局";
  Ref<CaseReviewNoticeBook> book (case_review_notice_book_new (long_issuer.c_str (), "罗司", 2020));
  std::string json = read_text (fixture);
  Error error;
  Ref<GListModel> drafts (case_review_notice_book_generate_from_results (book.get (), json.c_str (), "results.json",
                                                                         nullptr, error.out ()));
  ASSERT_NE (drafts.get (), nullptr) << error.message ();

  std::string text = render (notice_at (book.get (), 0), CASE_REVIEW_NOTICE_FORMAT_TEXT);
  guint flush_left = 0;
  for (const std::string &line : lines_of (text))
    {
      if (line == long_issuer)
        flush_left++;
      ASSERT_TRUE (line.empty () || line.find_first_not_of (' ') < 72u) << line;
    }
  EXPECT_EQ (flush_left, 2u) << "masthead and signature";
}

TEST (NoticeRender, MarkdownHasTablesAndEscapesUserText)
{
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  issue_all (book.get ());
  CaseReviewNotice *notice = find_agency (book.get (), hostile_agency);
  ASSERT_NE (notice, nullptr);

  std::string markdown = render (notice, CASE_REVIEW_NOTICE_FORMAT_MARKDOWN);
  EXPECT_EQ (markdown.rfind (std::string ("**") + issuer + "**\n\n# " + case_review_notice_get_title (notice) + "\n\n", 0), 0u)
      << markdown.substr (0, 200);
  EXPECT_NE (markdown.find (std::string ("\n\n") + case_review_notice_get_number (notice) + "\n\n"), std::string::npos);
  EXPECT_NE (markdown.find ("\n## 一、存在的问题\n"), std::string::npos);
  EXPECT_NE (markdown.find ("\n| 案卷编号 | 存在问题 | 违反规定或评查项目 | 性质 | 证据页码 |\n| --- | --- | --- | --- | --- |\n"),
             std::string::npos);

  // The agency's name and the note cannot open HTML, entities or cells.
  EXPECT_NE (markdown.find ("\\<script\\>alert(1)\\</script\\> \\& 罗湖区某局："), std::string::npos);
  EXPECT_NE (markdown.find ("签名栏 \\| 空白 \\<b\\>未签\\</b\\> \\& 未注明日期"), std::string::npos);
  for (size_t at = markdown.find ('<'); at != std::string::npos; at = markdown.find ('<', at + 1))
    EXPECT_EQ (markdown[at - 1], '\\') << "unescaped < at " << at;

  // Every table row has exactly the six unescaped pipes of five cells.
  guint rows = 0;
  for (const std::string &line : lines_of (markdown))
    {
      if (line.empty () || line[0] != '|')
        continue;
      guint pipes = 0;
      for (size_t i = 0; i < line.size (); i++)
        if (line[i] == '\\')
          i++;
        else if (line[i] == '|')
          pipes++;
      EXPECT_EQ (pipes, 6u) << line;
      rows++;
    }

  guint n_problems = 0;
  for_each_problem (notice, [&] (CaseReviewNoticeProblem *problem) {
    n_problems++;
    EXPECT_NE (markdown.find (markdown_escaped (case_review_notice_problem_get_case_id (problem))), std::string::npos);
    EXPECT_NE (markdown.find (markdown_escaped (case_review_notice_problem_get_text (problem))), std::string::npos)
        << case_review_notice_problem_get_text (problem);
  });
  EXPECT_GT (rows, n_problems) << "a header and a delimiter row per group besides the problems";
}

TEST (NoticeRender, HtmlIsOneDocumentWithEverythingEscaped)
{
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  issue_all (book.get ());
  CaseReviewNotice *notice = find_agency (book.get (), hostile_agency);
  ASSERT_NE (notice, nullptr);

  std::string html = render (notice, CASE_REVIEW_NOTICE_FORMAT_HTML);
  EXPECT_EQ (html.rfind ("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0), 0u);
  EXPECT_NE (html.find ("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_EQ (count (html, "<html"), 1u);
  EXPECT_EQ (count (html, "</html>"), 1u);
  EXPECT_EQ (count (html, "<table"), count (html, "</table>"));
  EXPECT_EQ (count (html, "<table"), 1u);
  EXPECT_EQ (check_html_nesting (html), "");

  // Self-contained, with the GB/T 9704 print layout.
  for (const char *external : { "<link", "<script", "<img", "src=", "url(", "@import", "http:", "https:" })
    EXPECT_EQ (html.find (external), std::string::npos) << external;
  EXPECT_NE (html.find ("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"), std::string::npos);
  EXPECT_NE (html.find ("thead { display: table-header-group; }"), std::string::npos);
  EXPECT_NE (html.find ("@media print"), std::string::npos);

  // The hostile name and note are shown, not run.
  EXPECT_EQ (html.find ("<script"), std::string::npos);
  EXPECT_EQ (html.find ("<b>"), std::string::npos);
  EXPECT_NE (html.find ("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 罗湖区某局："), std::string::npos);
  EXPECT_NE (html.find ("签名栏 | 空白 &lt;b&gt;未签&lt;/b&gt; &amp; 未注明日期"), std::string::npos);

  EXPECT_NE (html.find (std::string (">") + case_review_notice_get_number (notice) + "<"), std::string::npos);
  EXPECT_NE (html.find (std::string ("<p class=\"masthead\">") + issuer + "</p>"), std::string::npos);
  for_each_problem (notice, [&] (CaseReviewNoticeProblem *problem) {
    EXPECT_NE (html.find (html_escaped (case_review_notice_problem_get_case_id (problem))), std::string::npos);
    EXPECT_NE (html.find (html_escaped (case_review_notice_problem_get_text (problem))), std::string::npos)
        << case_review_notice_problem_get_text (problem);
  });
}

TEST (NoticeRender, EnglishNoticesHaveEnglishHeadings)
{
  Ref<CaseReviewNoticeBook> book (fixture_notice_book (CASE_REVIEW_NOTICE_LANGUAGE_EN));
  issue_all (book.get ());
  CaseReviewNotice *notice = notice_at (book.get (), 0);
  ASSERT_EQ (case_review_notice_get_language (notice), CASE_REVIEW_NOTICE_LANGUAGE_EN);

  std::string text = render (notice, CASE_REVIEW_NOTICE_FORMAT_TEXT);
  EXPECT_NE (text.find ("1. Problems found"), std::string::npos);
  EXPECT_NE (text.find ("Case file: "), std::string::npos);
  EXPECT_NE (text.find ("Problem: "), std::string::npos);
  EXPECT_NE (text.find ("\nTo: "), std::string::npos);
  EXPECT_NE (text.find ("罗司〔2020〕1号"), std::string::npos);
  EXPECT_EQ (text.find ("存在的问题"), std::string::npos);
  EXPECT_EQ (text.find ("\u3000"), std::string::npos) << "English paragraphs are not indented";

  std::string markdown = render (notice, CASE_REVIEW_NOTICE_FORMAT_MARKDOWN);
  EXPECT_NE (markdown.find ("\n## 1\\. Problems found\n"), std::string::npos);
  EXPECT_NE (markdown.find ("| Case file | Problem | Rule | Severity | Evidence |"), std::string::npos);
  // "2. Requirements." stays a paragraph, not an ordered list.
  EXPECT_NE (markdown.find ("\n2\\. Requirements. "), std::string::npos);

  std::string html = render (notice, CASE_REVIEW_NOTICE_FORMAT_HTML);
  EXPECT_EQ (html.rfind ("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE (html.find ("<article class=\"notice\" lang=\"en\">"), std::string::npos);
  EXPECT_NE (html.find ("<th scope=\"col\">Case file</th>"), std::string::npos);
  EXPECT_NE (html.find ("1. Problems found</h2>"), std::string::npos);
  EXPECT_EQ (check_html_nesting (html), "");
}

TEST (NoticeRender, DraftsShowTheDraftMarkerInsteadOfANumber)
{
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  CaseReviewNotice *notice = notice_at (book.get (), 0);
  ASSERT_EQ (case_review_notice_get_number (notice), nullptr);

  for (CaseReviewNoticeFormat format :
       { CASE_REVIEW_NOTICE_FORMAT_TEXT, CASE_REVIEW_NOTICE_FORMAT_MARKDOWN, CASE_REVIEW_NOTICE_FORMAT_HTML })
    {
      std::string out = render (notice, format);
      EXPECT_NE (out.find ("草稿"), std::string::npos) << format;
      EXPECT_EQ (out.find ("罗司〔"), std::string::npos) << format;
    }
  std::string html = render (notice, CASE_REVIEW_NOTICE_FORMAT_HTML);
  EXPECT_NE (html.find ("<p class=\"number draft\">"), std::string::npos);
  EXPECT_NE (html.find ("<p class=\"draft-mark\">草稿</p>"), std::string::npos);
  EXPECT_EQ (check_html_nesting (html), "");

  // Issued, the notice has its number and no draft mark.
  issue_all (book.get ());
  std::string issued = render (notice, CASE_REVIEW_NOTICE_FORMAT_HTML);
  EXPECT_EQ (issued.find ("<p class=\"draft-mark\">"), std::string::npos);
  EXPECT_EQ (issued.find ("<p class=\"number draft\">"), std::string::npos);

  Ref<CaseReviewNoticeBook> english (fixture_notice_book (CASE_REVIEW_NOTICE_LANGUAGE_EN));
  std::string text = render (notice_at (english.get (), 0), CASE_REVIEW_NOTICE_FORMAT_TEXT);
  EXPECT_NE (text.find ("draft"), std::string::npos);
  EXPECT_NE (render (notice_at (english.get (), 0), CASE_REVIEW_NOTICE_FORMAT_HTML).find ("<p class=\"draft-mark\">DRAFT</p>"),
             std::string::npos);
  EXPECT_EQ (text.find ("罗司〔"), std::string::npos);
}

TEST (NoticeRender, BooksRenderEveryNoticeOnceWithSeparators)
{
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  issue_all (book.get ());
  guint n = g_list_model_get_n_items (G_LIST_MODEL (book.get ()));
  ASSERT_GE (n, 3u);

  std::string text = render_book (book.get (), CASE_REVIEW_NOTICE_FORMAT_TEXT);
  std::string markdown = render_book (book.get (), CASE_REVIEW_NOTICE_FORMAT_MARKDOWN);
  std::string html = render_book (book.get (), CASE_REVIEW_NOTICE_FORMAT_HTML);

  EXPECT_EQ (count (text, "\n\f\n"), n - 1);
  EXPECT_EQ (count (text, "\f"), n - 1);
  EXPECT_EQ (count (markdown, "\n\n---\n\n"), n - 1);
  EXPECT_EQ (count (markdown, "\n# "), n) << "one title per notice";
  EXPECT_EQ (count (html, "<html"), 1u);
  EXPECT_EQ (count (html, "<article class=\"notice\""), n);
  EXPECT_EQ (count (html, "<table"), n);
  EXPECT_NE (html.find ("break-after: page"), std::string::npos);
  EXPECT_EQ (check_html_nesting (html), "");
  EXPECT_EQ (html.find ("<script"), std::string::npos);

  for (guint i = 0; i < n; i++)
    {
      CaseReviewNotice *notice = notice_at (book.get (), i);
      g_autofree char *number = g_strdup_printf ("罗司〔2020〕%u号", i + 1);
      ASSERT_STREQ (case_review_notice_get_number (notice), number);

      EXPECT_EQ (count (text, number), 1u) << number;
      EXPECT_EQ (count (markdown, number), 1u) << number;
      EXPECT_EQ (count (html, number), 1u) << number;

      // The notices come in the book's order.
      if (i > 0)
        {
          g_autofree char *previous = g_strdup_printf ("罗司〔2020〕%u号", i);
          EXPECT_LT (text.find (previous), text.find (number));
          EXPECT_LT (html.find (previous), html.find (number));
        }
      for_each_problem (notice, [&] (CaseReviewNoticeProblem *problem) {
        EXPECT_NE (text.find (case_review_notice_problem_get_case_id (problem)), std::string::npos);
        EXPECT_NE (html.find (html_escaped (case_review_notice_problem_get_text (problem))), std::string::npos);
      });
    }
}
