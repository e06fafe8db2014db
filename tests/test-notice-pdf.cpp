// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Rectification notices as PDF, checked from the outside with poppler-utils:
// pdftotext reads back the number, the agency and every problem; a long
// problem table continues over several pages under a repeated header; the
// first page rasterised with pdftoppm is not blank and has its red masthead;
// pdffonts lists the CJK fonts as embedded; hostile agency names come out
// verbatim; page numbers restart with each notice of a book; a failed or
// cancelled write leaves no file behind.
#include <gtest/gtest.h>

#include <glib/gstdio.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "test-support.h"

namespace {

using namespace test_support;

const std::string fixture = std::string (CASE_REVIEW_TEST_DATA_DIR) + "/notices/results.json";

const char *const issuer = "深圳市罗湖区司法局";
const char *const fixture_hostile_agency = "<script>alert(1)</script> & 罗湖区某局";
const char *const hostile_agency = "<script>alert(1)</script> & co";
const char *const hostile_note = "签名栏 | 空白 <b>未签</b> & 未注明日期";
// The problem table's header as the Chinese document model words it.
const char *const table_header = "案卷编号存在问题违反规定或评查项目性质证据页码";

// Runs a program found on PATH and returns what it printed; a failure to run
// or a non-zero exit is a test failure.
std::string
run (const std::vector<std::string> &args)
{
  std::vector<char *> argv;
  for (const std::string &arg : args)
    argv.push_back (const_cast<char *> (arg.c_str ()));
  argv.push_back (nullptr);

  char *out = nullptr, *err = nullptr;
  int status = 0;
  GError *error = nullptr;
  if (!g_spawn_sync (nullptr, argv.data (), nullptr, G_SPAWN_SEARCH_PATH, nullptr, nullptr, &out, &err, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      ADD_FAILURE () << args[0] << ": " << error->message << "\n" << (err != nullptr ? err : "");
      g_error_free (error);
    }
  std::string text = out != nullptr ? out : "";
  g_free (out);
  g_free (err);
  return text;
}

bool
have_poppler ()
{
  for (const char *tool : { "pdftotext", "pdftoppm", "pdffonts" })
    {
      char *path = g_find_program_in_path (tool);
      bool found = path != nullptr;
      g_free (path);
      if (!found)
        return false;
    }
  return true;
}

#define REQUIRE_POPPLER()                                                  \
  do                                                                       \
    {                                                                      \
      if (!have_poppler ())                                                \
        GTEST_SKIP () << "poppler-utils (pdftotext, pdftoppm) not installed"; \
    }                                                                      \
  while (0)

// The PDF's text: -layout keeps each line of the page as a line, -raw keeps
// the order in which the text was drawn, so each table cell stays together
// where -layout interleaves the lines of neighbouring cells.
std::string
pdf_text (const std::string &pdf,
          const char        *mode)
{
  return run ({ "pdftotext", "-enc", "UTF-8", mode, pdf, "-" });
}

// pdftotext breaks lines inside cells and may space out justified text.
std::string
squeeze (const std::string &text)
{
  std::string out;
  for (char c : text)
    if (!g_ascii_isspace (c))
      out += c;
  return out;
}

std::vector<std::string>
pages_of (const std::string &text)
{
  std::vector<std::string> pages;
  size_t start = 0;
  for (size_t end; (end = text.find ('\f', start)) != std::string::npos; start = end + 1)
    pages.push_back (text.substr (start, end - start));
  return pages;
}

bool
contains (const std::string &haystack,
          const std::string &needle)
{
  return haystack.find (needle) != std::string::npos;
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

CaseReviewNotice *
most_problems (CaseReviewNoticeBook *book)
{
  CaseReviewNotice *best = nullptr;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (book)); i++)
    {
      CaseReviewNotice *notice = notice_at (book, i);
      if (best == nullptr || g_list_model_get_n_items (case_review_notice_get_problems (notice)) >
                                 g_list_model_get_n_items (case_review_notice_get_problems (best)))
        best = notice;
    }
  return best;
}

void
write_pdf (CaseReviewNotice  *notice,
           const std::string &path)
{
  Ref<GFile> file (g_file_new_for_path (path.c_str ()));
  Error error;
  ASSERT_TRUE (case_review_notice_write_pdf (notice, file.get (), nullptr, error.out ())) << error.message ();
  EXPECT_EQ (read_text (path).rfind ("%PDF-", 0), 0u);
}

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

// A binary PGM (P5) or PPM (P6) as pdftoppm writes it.
struct Raster {
  unsigned width = 0, height = 0, channels = 0;
  std::string pixels;
};

Raster
read_raster (const std::string &path)
{
  Raster raster;
  std::string data = read_text (path);
  size_t at = 0;
  auto token = [&] () {
    std::string word;
    while (at < data.size ())
      {
        if (data[at] == '#')
          at = data.find ('\n', at);
        else if (g_ascii_isspace (data[at]))
          at++;
        else
          break;
      }
    while (at < data.size () && !g_ascii_isspace (data[at]))
      word += data[at++];
    return word;
  };

  std::string magic = token ();
  raster.channels = magic == "P5" ? 1 : magic == "P6" ? 3 : 0;
  raster.width = (unsigned) std::stoul (token ());
  raster.height = (unsigned) std::stoul (token ());
  EXPECT_EQ (token (), "255");
  raster.pixels = data.substr (at + 1);
  EXPECT_NE (raster.channels, 0u) << magic;
  EXPECT_EQ (raster.pixels.size (), (size_t) raster.width * raster.height * raster.channels);
  return raster;
}

} // namespace

TEST (NoticePdf, NumberAgencyAndEveryProblemReadBack)
{
  REQUIRE_POPPLER ();
  TempDir dir;
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  issue_all (book.get ());
  CaseReviewNotice *notice = notice_at (book.get (), 0);
  ASSERT_STREQ (case_review_notice_get_number (notice), "罗司〔2020〕1号");
  write_pdf (notice, (dir / "notice.pdf"));

  std::string layout = pdf_text ((dir / "notice.pdf"), "-layout");
  EXPECT_TRUE (contains (layout, "罗司〔2020〕1号")) << layout.substr (0, 2000);
  EXPECT_TRUE (contains (layout, issuer));
  EXPECT_TRUE (contains (squeeze (layout), squeeze (std::string (case_review_notice_get_agency_name (notice)) + "：")));
  EXPECT_TRUE (contains (layout, case_review_notice_get_title (notice)));
  EXPECT_EQ (layout.find ("罗司〔2020〕2号"), std::string::npos) << "one notice only";

  // In drawing order: masthead, number, title, addressee, body, signature.
  std::string raw = squeeze (pdf_text ((dir / "notice.pdf"), "-raw"));
  size_t masthead = raw.find (issuer), number = raw.find ("罗司〔2020〕1号");
  size_t title = raw.find (case_review_notice_get_title (notice));
  size_t problems = raw.find ("一、存在的问题"), requirements = raw.find ("二、整改要求");
  ASSERT_NE (requirements, std::string::npos);
  EXPECT_EQ (masthead, 0u);
  EXPECT_LT (number, title);
  EXPECT_LT (title, problems);
  EXPECT_LT (problems, requirements);
  EXPECT_NE (raw.find (issuer, requirements), std::string::npos) << "the signature repeats the issuer";
  EXPECT_NE (raw.find ("2021年2月1日", requirements), std::string::npos) << "dated the day it was issued";

  guint n = 0;
  for_each_problem (notice, [&] (CaseReviewNoticeProblem *problem) {
    n++;
    EXPECT_TRUE (contains (raw, squeeze (case_review_notice_problem_get_case_id (problem))))
        << case_review_notice_problem_get_case_id (problem);
    EXPECT_TRUE (contains (raw, squeeze (case_review_notice_problem_get_text (problem))))
        << case_review_notice_problem_get_text (problem);
  });
  EXPECT_GT (n, 10u);
}

TEST (NoticePdf, LongTableContinuesUnderItsHeaderOnEveryPage)
{
  REQUIRE_POPPLER ();
  TempDir dir;
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  issue_all (book.get ());
  CaseReviewNotice *notice = most_problems (book.get ());
  ASSERT_GE (g_list_model_get_n_items (case_review_notice_get_problems (notice)), 60u);
  write_pdf (notice, (dir / "long.pdf"));

  std::vector<std::string> pages = pages_of (pdf_text ((dir / "long.pdf"), "-raw"));
  ASSERT_GE (pages.size (), 4u);

  // Every page that shows a row of the table shows the header above it, and
  // every page carries its number.
  std::vector<std::string> case_ids;
  for_each_problem (notice, [&] (CaseReviewNoticeProblem *problem) {
    case_ids.push_back (squeeze (case_review_notice_problem_get_case_id (problem)));
  });
  guint with_rows = 0, with_header = 0;
  for (size_t p = 0; p < pages.size (); p++)
    {
      std::string page = squeeze (pages[p]);
      size_t first_row = std::string::npos;
      for (const std::string &id : case_ids)
        first_row = std::min (first_row, page.find (id));
      size_t header = page.find (table_header);

      if (first_row != std::string::npos)
        {
          with_rows++;
          EXPECT_LT (header, first_row) << "page " << p + 1 << " has rows but no header above them";
        }
      if (header != std::string::npos)
        {
          with_header++;
          EXPECT_NE (first_row, std::string::npos) << "page " << p + 1 << " has a header but no rows";
        }
      std::string footer = "—" + std::to_string (p + 1) + "—";
      EXPECT_TRUE (contains (page, footer)) << "page " << p + 1 << " lacks " << footer;
    }
  EXPECT_GE (with_rows, 3u);
  EXPECT_EQ (with_header, with_rows);

  // The closing part comes after the last row, on the last pages.
  std::string last = squeeze (pages.back ());
  EXPECT_TRUE (contains (last, issuer)) << "the signature ends the notice";
}

TEST (NoticePdf, FirstPageIsNotBlankAndHasARedMasthead)
{
  REQUIRE_POPPLER ();
  TempDir dir;
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  issue_all (book.get ());
  write_pdf (notice_at (book.get (), 0), (dir / "notice.pdf"));

  run ({ "pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", "-singlefile", (dir / "notice.pdf"),
         (dir / "page") });
  Raster gray = read_raster ((dir / "page.pgm"));
  // A4 at 30 dpi.
  EXPECT_NEAR (gray.width, 248u, 2u);
  EXPECT_NEAR (gray.height, 351u, 2u);
  size_t dark = std::count_if (gray.pixels.begin (), gray.pixels.end (),
                               [] (char c) { return (unsigned char) c < 200; });
  EXPECT_GT (dark, gray.pixels.size () / 100) << "page 1 is (nearly) blank";
  EXPECT_LT (dark, gray.pixels.size () / 2) << "page 1 is (nearly) black";

  // The masthead is red and sits in the top quarter of the page.
  run ({ "pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-singlefile", (dir / "notice.pdf"), (dir / "page") });
  Raster colour = read_raster ((dir / "page.ppm"));
  size_t red_top = 0, red_below = 0;
  for (unsigned y = 0; y < colour.height; y++)
    for (unsigned x = 0; x < colour.width; x++)
      {
        const unsigned char *px = (const unsigned char *) colour.pixels.data () + 3 * ((size_t) y * colour.width + x);
        if (px[0] > 160 && px[1] < 120 && px[2] < 120)
          (y < colour.height / 4 ? red_top : red_below)++;
      }
  EXPECT_GT (red_top, 50u);
  EXPECT_EQ (red_below, 0u);
}

TEST (NoticePdf, CjkFontsAreEmbedded)
{
  REQUIRE_POPPLER ();
  TempDir dir;
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  issue_all (book.get ());
  write_pdf (notice_at (book.get (), 0), (dir / "notice.pdf"));

  // name type encoding emb sub uni object ID, after two header lines.
  std::string fonts = run ({ "pdffonts", (dir / "notice.pdf") });
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = fonts.find ('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back (fonts.substr (start, end - start));
  ASSERT_GT (lines.size (), 2u) << fonts;

  guint cjk = 0;
  for (size_t i = 2; i < lines.size (); i++)
    {
      char **words = g_strsplit_set (lines[i].c_str (), " ", -1);
      std::vector<std::string> fields;
      for (char **w = words; *w != nullptr; w++)
        if (**w != '\0')
          fields.push_back (*w);
      g_strfreev (words);
      ASSERT_GE (fields.size (), 6u) << lines[i];
      EXPECT_EQ (fields[fields.size () - 5], "yes") << "not embedded: " << lines[i];
      if (contains (fields[0], "CJK"))
        cjk++;
    }
  EXPECT_GE (cjk, 2u) << fonts << "regular and bold faces of Noto CJK SC";
  EXPECT_FALSE (contains (fonts, "CJKjp")) << "the Japanese face was picked:\n" << fonts;
}

TEST (NoticePdf, HostileStringsComeOutVerbatim)
{
  REQUIRE_POPPLER ();
  TempDir dir;
  std::string json = read_text (fixture);
  size_t at = json.find (fixture_hostile_agency);
  ASSERT_NE (at, std::string::npos);
  json.replace (at, strlen (fixture_hostile_agency), hostile_agency);
  Ref<CaseReviewNoticeBook> book (fixture_notice_book (CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN, &json));
  issue_all (book.get ());
  CaseReviewNotice *notice = find_agency (book.get (), hostile_agency);
  ASSERT_NE (notice, nullptr);
  write_pdf (notice, (dir / "hostile.pdf"));

  std::string layout = pdf_text ((dir / "hostile.pdf"), "-layout");
  EXPECT_TRUE (contains (layout, std::string (hostile_agency) + "：")) << layout.substr (0, 1500);
  std::string raw = squeeze (pdf_text ((dir / "hostile.pdf"), "-raw"));
  EXPECT_TRUE (contains (raw, squeeze (hostile_note))) << "the reviewer's note in its cell";
  for (const char *escaped : { "&amp;", "&lt;", "&gt;", "\\<" })
    EXPECT_FALSE (contains (layout, escaped)) << escaped;
}

TEST (NoticePdf, BookStartsEachNoticeOnANewPageNumberedFromOne)
{
  REQUIRE_POPPLER ();
  TempDir dir;
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  issue_all (book.get ());
  Ref<GFile> file (g_file_new_for_path ((dir / "book.pdf").c_str ()));
  Error error;
  ASSERT_TRUE (case_review_notice_book_write_pdf (book.get (), file.get (), nullptr, error.out ())) << error.message ();

  std::vector<std::string> pages = pages_of (pdf_text ((dir / "book.pdf"), "-raw"));
  guint n_notices = g_list_model_get_n_items (G_LIST_MODEL (book.get ()));
  guint starts = 0, page_in_notice = 0;
  for (size_t p = 0; p < pages.size (); p++)
    {
      std::string page = squeeze (pages[p]);
      // A notice opens with its masthead and number; the number of the next
      // notice never appears on the page before.
      if (page.rfind (issuer, 0) == 0)
        {
          starts++;
          page_in_notice = 0;
          std::string number = "罗司〔2020〕" + std::to_string (starts) + "号";
          EXPECT_TRUE (contains (page, number)) << "page " << p + 1;
        }
      page_in_notice++;
      std::string footer = "—" + std::to_string (page_in_notice) + "—";
      EXPECT_TRUE (contains (page, footer)) << "page " << p + 1 << " lacks " << footer;
    }
  EXPECT_EQ (starts, n_notices);
  EXPECT_EQ (dir.names (), std::vector<std::string> ({ "book.pdf" }));
}

TEST (NoticePdf, DraftsAndEnglishNoticesRender)
{
  REQUIRE_POPPLER ();
  TempDir dir;
  Ref<CaseReviewNoticeBook> draft_book (fixture_notice_book ());
  CaseReviewNotice *draft = notice_at (draft_book.get (), 0);
  ASSERT_EQ (case_review_notice_get_number (draft), nullptr);
  write_pdf (draft, (dir / "draft.pdf"));
  std::string text = squeeze (pdf_text ((dir / "draft.pdf"), "-raw"));
  EXPECT_TRUE (contains (text, "草稿")) << text.substr (0, 300);
  EXPECT_FALSE (contains (text, "罗司〔2020〕"));
  // The draft mark crosses every page, not only the first with its number.
  auto draft_pages = pages_of (pdf_text ((dir / "draft.pdf"), "-raw"));
  ASSERT_GE (draft_pages.size (), 2u);
  for (size_t p = 0; p < draft_pages.size (); p++)
    EXPECT_TRUE (contains (squeeze (draft_pages[p]), "草稿")) << "page " << p + 1;

  // Issued, the same notice carries no mark.
  issue_all (draft_book.get ());
  write_pdf (draft, (dir / "issued.pdf"));
  for (const auto &page : pages_of (pdf_text ((dir / "issued.pdf"), "-raw")))
    EXPECT_FALSE (contains (squeeze (page), "草稿"));

  Ref<CaseReviewNoticeBook> english (fixture_notice_book (CASE_REVIEW_NOTICE_LANGUAGE_EN));
  issue_all (english.get ());
  CaseReviewNotice *notice = notice_at (english.get (), 0);
  write_pdf (notice, (dir / "english.pdf"));
  std::string layout = pdf_text ((dir / "english.pdf"), "-layout");
  EXPECT_FALSE (contains (layout, "DRAFT"));
  EXPECT_TRUE (contains (layout, case_review_notice_get_title (notice))) << layout.substr (0, 1500);
  EXPECT_TRUE (contains (layout, "罗司〔2020〕1号"));
  EXPECT_TRUE (contains (squeeze (layout), squeeze (case_review_notice_get_agency_name (notice))));
}

TEST (NoticePdf, MissingDirectoryIsAnErrorAndWritesNothing)
{
  TempDir dir;
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  issue_all (book.get ());
  std::string path = (dir / "missing/notice.pdf");
  Ref<GFile> file (g_file_new_for_path (path.c_str ()));
  Error error;

  EXPECT_FALSE (case_review_notice_write_pdf (notice_at (book.get (), 0), file.get (), nullptr, error.out ()));
  ASSERT_NE (error.error, nullptr);
  EXPECT_TRUE (g_error_matches (error.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)) << error.message ();
  EXPECT_TRUE (contains (error.message (), path)) << error.message ();
  EXPECT_FALSE (g_file_test ((dir / "missing").c_str (), G_FILE_TEST_EXISTS));
  EXPECT_TRUE (dir.names ().empty ());

  // A directory in the way is not replaced, and no temporary file is left.
  ASSERT_EQ (g_mkdir ((dir / "in-the-way").c_str (), 0700), 0);
  Ref<GFile> directory (g_file_new_for_path ((dir / "in-the-way").c_str ()));
  EXPECT_FALSE (case_review_notice_write_pdf (notice_at (book.get (), 0), directory.get (), nullptr, error.out ()));
  EXPECT_NE (error.error, nullptr);
  EXPECT_TRUE (g_file_test ((dir / "in-the-way").c_str (), G_FILE_TEST_IS_DIR));
  EXPECT_EQ (dir.names (), std::vector<std::string> ({ "in-the-way" }));
}

TEST (NoticePdf, CancelledWriteLeavesTheOldFile)
{
  TempDir dir;
  Ref<CaseReviewNoticeBook> book (fixture_notice_book ());
  issue_all (book.get ());
  std::string path = (dir / "notice.pdf");
  ASSERT_TRUE (g_file_set_contents (path.c_str (), "old", -1, nullptr));
  Ref<GFile> file (g_file_new_for_path (path.c_str ()));
  Ref<GCancellable> cancellable (g_cancellable_new ());
  g_cancellable_cancel (cancellable.get ());
  Error error;

  EXPECT_FALSE (case_review_notice_book_write_pdf (book.get (), file.get (), cancellable.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) << error.message ();
  EXPECT_EQ (read_text (path), "old");
  EXPECT_EQ (dir.names (), std::vector<std::string> ({ "notice.pdf" }));

  // Without the cancellation the file is replaced whole.
  EXPECT_TRUE (case_review_notice_book_write_pdf (book.get (), file.get (), nullptr, error.out ())) << error.message ();
  EXPECT_EQ (read_text (path).rfind ("%PDF-", 0), 0u);
  EXPECT_NE (read_text (path).find ("%%EOF"), std::string::npos);
  EXPECT_EQ (dir.names (), std::vector<std::string> ({ "notice.pdf" }));
}
