// SPDX-License-Identifier: LGPL-2.1-or-later
//
// What the GoogleTest suites share: owning wrappers for GObjects and GErrors,
// text helpers, a temporary directory, and the demo review (the Luohu 2020 sample scored with the
// bundled sheets) that several suites start from.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <glib/gstdio.h>

extern "C" {
#include <libcasereview/casereview.h>
}

namespace test_support {

// Owns one reference to a GObject.
template <typename T> struct Ref {
  T *ptr = nullptr;
  Ref () = default;
  explicit Ref (T *p) : ptr (p) {}
  Ref (const Ref &) = delete;
  Ref &operator= (const Ref &) = delete;
  ~Ref () { g_clear_object (&ptr); }
  T *get () const { return ptr; }
};

// A GError out-parameter that frees what it caught.
struct Error {
  GError *error = nullptr;
  ~Error () { g_clear_error (&error); }
  GError **out () { g_clear_error (&error); return &error; }
  std::string message () const { return error != nullptr ? error->message : ""; }
};

// Takes a string the library returned (transfer full).
inline std::string
take (char *text)
{
  std::string copy = text != nullptr ? text : "";
  g_free (text);
  return copy;
}

// A whole file as a string; a test failure if it cannot be read.
inline std::string
read_text (const std::string &path)
{
  char *contents = nullptr;
  gsize length = 0;
  GError *error = nullptr;

  if (!g_file_get_contents (path.c_str (), &contents, &length, &error))
    {
      ADD_FAILURE () << error->message;
      g_error_free (error);
      return "";
    }
  std::string text (contents, length);
  g_free (contents);
  return text;
}

// A temporary directory, removed at the end with what is in it (files and
// empty subdirectories).
struct TempDir {
  std::string path;

  TempDir ()
  {
    GError *error = nullptr;
    char *made = g_dir_make_tmp ("casereview-test-XXXXXX", &error);
    if (made == nullptr)
      {
        ADD_FAILURE () << error->message;
        g_error_free (error);
        return;
      }
    path = made;
    g_free (made);
  }
  TempDir (const TempDir &) = delete;
  TempDir &operator= (const TempDir &) = delete;
  ~TempDir ()
  {
    for (const std::string &name : names ())
      {
        std::string child = *this / name;
        if (g_file_test (child.c_str (), G_FILE_TEST_IS_DIR))
          g_rmdir (child.c_str ());
        else
          g_unlink (child.c_str ());
      }
    if (!path.empty ())
      g_rmdir (path.c_str ());
  }

  // The path of @name in the directory.
  std::string operator/ (const std::string &name) const { return path + "/" + name; }
  // A GFile for @name in the directory (transfer full).
  GFile *file (const std::string &name) const { return g_file_new_for_path ((*this / name).c_str ()); }
  // Writes @content to @name; returns its path.
  std::string write (const std::string &name, const std::string &content) const
  {
    std::ofstream (*this / name, std::ios::binary) << content;
    return *this / name;
  }
  std::string read (const std::string &name) const
  {
    std::ifstream in (*this / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf ();
    return text.str ();
  }
  // What the directory holds, sorted.
  std::vector<std::string> names () const
  {
    std::vector<std::string> list;
    GDir *dir = g_dir_open (path.c_str (), 0, nullptr);
    if (dir == nullptr)
      return list;
    for (const char *name; (name = g_dir_read_name (dir)) != nullptr;)
      list.push_back (name);
    g_dir_close (dir);
    std::sort (list.begin (), list.end ());
    return list;
  }
};

inline const std::string &
demo_data_dir ()
{
  static const std::string dir = std::string (CASE_REVIEW_SOURCE_DIR) + "/examples/data/luohu-2020";
  return dir;
}

// The demo review: the Luohu 2020 sample scored with the bundled sheets.
struct DemoReview {
  Ref<CaseReviewPopulation> population { case_review_population_new () };
  Ref<CaseReviewSample> sample;
  Ref<CaseReviewEvaluation> evaluation;

  // The demo's frame, plan and sample, and an evaluation with the demo's
  // score sheets unless @with_demo_sheets is false.
  explicit DemoReview (bool with_demo_sheets = true)
  {
    Error error;
    Ref<GFile> agencies (g_file_new_for_path ((demo_data_dir () + "/agencies.csv").c_str ()));
    Ref<GFile> cases (g_file_new_for_path ((demo_data_dir () + "/cases.csv").c_str ()));
    Ref<GFile> plan_file (g_file_new_for_path ((demo_data_dir () + "/plan.json").c_str ()));
    Ref<GFile> sheets (g_file_new_for_path ((demo_data_dir () + "/score-sheets.csv").c_str ()));
    EXPECT_TRUE (case_review_population_load_csv (population.get (), agencies.get (), cases.get (),
                                                  CASE_REVIEW_TEXT_ENCODING_AUTO, nullptr, error.out ()))
        << error.message ();
    Ref<CaseReviewSamplingPlan> plan (case_review_sampling_plan_new_from_file (plan_file.get (), nullptr, error.out ()));
    EXPECT_NE (plan.get (), nullptr) << error.message ();
    sample.ptr = case_review_sampling_plan_draw (plan.get (), population.get (), nullptr, error.out ());
    EXPECT_NE (sample.get (), nullptr) << error.message ();
    evaluation.ptr = case_review_evaluation_new (case_review_rubric_get_default (), sample.get (), population.get ());
    if (with_demo_sheets)
      {
        EXPECT_TRUE (case_review_evaluation_load_sheets_csv (evaluation.get (), sheets.get (),
                                                             CASE_REVIEW_TEXT_ENCODING_AUTO, nullptr, error.out ()))
            << error.message ();
      }
  }
};

// The rendering suites' book: the notices fixture's drafts (three agencies),
// in @language; @results may replace the fixture's JSON (to plant hostile
// strings).
inline CaseReviewNoticeBook *
fixture_notice_book (CaseReviewNoticeLanguage  language = CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN,
                     const std::string        *results = nullptr)
{
  CaseReviewNoticeBook *book = case_review_notice_book_new ("深圳市罗湖区司法局", "罗司", 2020);
  std::string json = results != nullptr ? *results
                                        : read_text (std::string (CASE_REVIEW_TEST_DATA_DIR) + "/notices/results.json");
  Error error;

  g_object_set (book, "language", language, NULL);
  Ref<GListModel> drafts (case_review_notice_book_generate_from_results (book, json.c_str (), "results.json", nullptr,
                                                                         error.out ()));
  EXPECT_NE (drafts.get (), nullptr) << error.message ();
  EXPECT_GE (g_list_model_get_n_items (G_LIST_MODEL (book)), 3u);
  return book;
}

// A borrowed pointer: the book keeps its notices.
inline CaseReviewNotice *
notice_at (CaseReviewNoticeBook *book,
           guint                 position)
{
  CaseReviewNotice *notice = CASE_REVIEW_NOTICE (g_list_model_get_item (G_LIST_MODEL (book), position));
  g_object_unref (notice);
  return notice;
}

// Issues every notice of @book, in order, on 1 February 2021.
inline void
issue_all (CaseReviewNoticeBook *book)
{
  GDateTime *at = g_date_time_new_local (2021, 2, 1, 9, 30, 0);
  Error error;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (book)); i++)
    EXPECT_TRUE (case_review_notice_book_transition (book, notice_at (book, i), CASE_REVIEW_NOTICE_STATE_ISSUED, "张三",
                                                     at, nullptr, error.out ()))
        << error.message ();
  g_date_time_unref (at);
}

} // namespace test_support
