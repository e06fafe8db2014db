// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Score sheets read from CSV (case_review_evaluation_load_sheets_csv): the
// demo sheets of the Luohu 2020 review, and one bad file per rule, each
// failing with a located error and adding nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include <glib/gstdio.h>

#include "test-support.h"

namespace {

using namespace test_support;


// The demo sample without sheets, loading some from a file.
struct Review : DemoReview {
  Review () : DemoReview (false) {}

  bool
  load (const std::string &file_path, Error &error)
  {
    Ref<GFile> file (g_file_new_for_path (file_path.c_str ()));
    return case_review_evaluation_load_sheets_csv (evaluation.get (), file.get (), CASE_REVIEW_TEXT_ENCODING_AUTO,
                                                   nullptr, error.out ());
  }
};

const char header[] = "case_id,reviewer,rereview,date,entry,code,occurrences,note,evidence_page\n";
const char good_row[] = "深罗发改罚〔2020〕2号,R01,0,2021-01-05,deduction,1.1,1,,第3页\n";

} // namespace

TEST (ScoreSheetCsv, DemoSheetsLoad)
{
  Review review;
  Error error;

  ASSERT_TRUE (review.load (demo_data_dir () + "/score-sheets.csv", error)) << error.message ();
  EXPECT_EQ (case_review_evaluation_get_n_sheets (review.evaluation.get ()), 679u);

  // Every file with a rubric table (all but the 18 of kind "other") has a
  // result, from two initial sheets each.
  Ref<GListModel> results (case_review_evaluation_dup_case_results (review.evaluation.get ()));
  guint n = g_list_model_get_n_items (results.get ());
  guint n_vetoed = 0, n_rereviewed = 0, n_needing = 0, n_80_to_95 = 0;
  guint grades[4] = { 0 };
  ASSERT_EQ (n, 332u);
  for (guint i = 0; i < n; i++)
    {
      Ref<CaseReviewCaseResult> result (CASE_REVIEW_CASE_RESULT (g_list_model_get_item (results.get (), i)));
      guint score = case_review_case_result_get_score_hundredths (result.get ());

      EXPECT_EQ (case_review_case_result_get_n_sheets (result.get ()), 2u) << case_review_case_result_get_case_id (result.get ());
      EXPECT_LE (score, 10000u);
      n_vetoed += case_review_case_result_is_vetoed (result.get ());
      n_rereviewed += case_review_case_result_is_rereviewed (result.get ());
      n_needing += case_review_case_result_needs_rereview (result.get ());
      n_80_to_95 += score >= 8000 && score <= 9500;
      grades[case_review_case_result_get_grade (result.get ())]++;
    }
  EXPECT_EQ (n_vetoed, 13u);
  EXPECT_EQ (n_rereviewed, 15u);
  EXPECT_EQ (n_needing, 66u);
  EXPECT_EQ (n_80_to_95, 261u);
  EXPECT_GT (n_80_to_95, n / 2);
  EXPECT_EQ (grades[CASE_REVIEW_GRADE_EXCELLENT], 94u);
  EXPECT_EQ (grades[CASE_REVIEW_GRADE_GOOD], 188u);
  EXPECT_EQ (grades[CASE_REVIEW_GRADE_PASS], 37u);
  EXPECT_EQ (grades[CASE_REVIEW_GRADE_FAIL], 13u);

  // The first file, scored by R17 and R38 (initial sheets only).
  Ref<CaseReviewCaseResult> first (case_review_evaluation_dup_case_result (review.evaluation.get (), "深罗发改罚〔2020〕2号"));
  ASSERT_NE (first.get (), nullptr);
  EXPECT_EQ (case_review_case_result_get_score_hundredths (first.get ()), 8300u);

  Ref<GListModel> agencies (case_review_evaluation_dup_agency_results (review.evaluation.get ()));
  EXPECT_EQ (g_list_model_get_n_items (agencies.get ()), 32u);

  // Loading the same sheets again adds nothing: they are all duplicates.
  EXPECT_FALSE (review.load (demo_data_dir () + "/score-sheets.csv", error));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE)) << error.message ();
  EXPECT_EQ (error.message ().rfind ("score-sheets.csv:2:1: ", 0), 0u) << error.message ();
  EXPECT_EQ (case_review_evaluation_get_n_sheets (review.evaluation.get ()), 679u);
}

TEST (ScoreSheetCsv, RowsMakeSheets)
{
  Review review;
  TempDir dir;
  Error error;

  std::string text = std::string ("案卷编号,评查人员,复核,评查日期,类型,代码,次数,说明,证据页码\n") +
                     "深罗发改罚〔2020〕2号,R01,否,2021-01-05,扣分,4.2,,未告知,第3页\n"
                     "深罗发改罚〔2020〕2号,R02,,,无,,,,\n"
                     "深罗发改罚〔2020〕2号,R01,否,,扣分,3.3,4,,\n"
                     "深罗发改罚〔2020〕2号,R03,是,2021-01-15,不适用,5,,,\n"
                     "深罗发改检〔2020〕13号,R01,no,,veto,V01,,无执法权,\n";
  std::string file_path = dir.write ("sheets.csv", text);
  ASSERT_TRUE (review.load (file_path, error)) << error.message ();
  g_remove (file_path.c_str ());
  EXPECT_EQ (case_review_evaluation_get_n_sheets (review.evaluation.get ()), 4u);

  Ref<CaseReviewCaseResult> result (case_review_evaluation_dup_case_result (review.evaluation.get (), "深罗发改罚〔2020〕2号"));
  ASSERT_NE (result.get (), nullptr);
  // The re-review sheet (R03, item 5 not applicable, no deductions) decides.
  EXPECT_TRUE (case_review_case_result_is_rereviewed (result.get ()));
  EXPECT_EQ (case_review_case_result_get_score_hundredths (result.get ()), 10000u);
  EXPECT_EQ (case_review_case_result_get_n_sheets (result.get ()), 2u);
  // R01: 100 − 5 − 4 × 0.5 = 93; R02: 100.
  EXPECT_EQ (case_review_case_result_get_initial_score_hundredths (result.get ()), 9650u);

  Ref<CaseReviewCaseResult> vetoed (case_review_evaluation_dup_case_result (review.evaluation.get (), "深罗发改检〔2020〕13号"));
  ASSERT_NE (vetoed.get (), nullptr);
  EXPECT_TRUE (case_review_case_result_is_vetoed (vetoed.get ()));
}

TEST (ScoreSheetCsv, BadFilesAddNothing)
{
  Review review;
  TempDir dir;
  Error error;

  // One sheet already there: R01's for the first file.
  ASSERT_TRUE (review.load (dir.write ("sheets.csv", std::string (header) + good_row), error)) << error.message ();
  ASSERT_EQ (case_review_evaluation_get_n_sheets (review.evaluation.get ()), 1u);

  const std::string ok = "深罗发改罚〔2020〕2号,R02,0,,deduction,1.1,1,,\n";
  const struct { std::string row; int code; const char *prefix; } cases[] = {
    // Unknown case, case outside the sample, a kind without a rubric table.
    { "深罗发改罚〔2020〕999号,R03,0,,deduction,1.1,1,,\n", CASE_REVIEW_ERROR_NOT_FOUND, "sheets.csv:3:1: " },
    { "深罗发改罚〔2020〕1号,R03,0,,deduction,1.1,1,,\n", CASE_REVIEW_ERROR_NOT_FOUND, "sheets.csv:3:1: " },
    { "深罗发改罚〔2020〕8号,R03,0,,deduction,1.1,1,,\n", CASE_REVIEW_ERROR_NOT_FOUND, "sheets.csv:3:1: " },
    { "深罗发改其〔2020〕1号,R03,0,,none,,,,\n", CASE_REVIEW_ERROR_UNSUPPORTED, "sheets.csv:3:1: " },
    // Unknown codes.
    { "深罗发改罚〔2020〕2号,R03,0,,deduction,9.9,1,,\n", CASE_REVIEW_ERROR_NOT_FOUND, "sheets.csv:3:6: " },
    { "深罗发改罚〔2020〕2号,R03,0,,veto,V99,,,\n", CASE_REVIEW_ERROR_NOT_FOUND, "sheets.csv:3:6: " },
    { "深罗发改罚〔2020〕2号,R03,0,,veto,V31,,,\n", CASE_REVIEW_ERROR_NOT_FOUND, "sheets.csv:3:6: " },
    { "深罗发改罚〔2020〕2号,R03,0,,not_applicable,99,,,\n", CASE_REVIEW_ERROR_NOT_FOUND, "sheets.csv:3:6: " },
    // Bad occurrences.
    { "深罗发改罚〔2020〕2号,R03,0,,deduction,1.1,0,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:7: " },
    { "深罗发改罚〔2020〕2号,R03,0,,deduction,1.1,两次,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:7: " },
    { "深罗发改罚〔2020〕2号,R03,0,,veto,V01,2,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:7: " },
    { "深罗发改罚〔2020〕2号,R03,0,,deduction,1.3,2,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:6: " },
    // Unknown entry type, bad date, bad re-review flag, misplaced codes.
    { "深罗发改罚〔2020〕2号,R03,0,,penalty,1.1,1,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:5: " },
    { "深罗发改罚〔2020〕2号,R03,0,2021-13-01,deduction,1.1,1,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:4: " },
    { "深罗发改罚〔2020〕2号,R02,0,2021-01-07,deduction,1.2,1,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:4: " },
    { "深罗发改罚〔2020〕2号,R03,maybe,,deduction,1.1,1,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:3: " },
    { "深罗发改罚〔2020〕2号,R03,0,,none,1.1,,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:6: " },
    { "深罗发改罚〔2020〕2号,R03,0,,deduction,,1,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:6: " },
    { "深罗发改罚〔2020〕2号,R02,0,,not_applicable,1,,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:6: " },
    { ",R03,0,,deduction,1.1,1,,\n", CASE_REVIEW_ERROR_INVALID, "sheets.csv:3:1: " },
    // A sheet the evaluation already has.
    { "深罗发改罚〔2020〕2号,R01,否,,deduction,1.2,1,,\n", CASE_REVIEW_ERROR_DUPLICATE, "sheets.csv:3:1: " },
  };
  for (const auto &c : cases)
    {
      // The date on line 2 makes line 3's other date for R02's sheet a conflict.
      std::string first = ok;
      if (c.row.find ("R02,0,2021-01-07") != std::string::npos)
        first = "深罗发改罚〔2020〕2号,R02,0,2021-01-06,deduction,1.1,1,,\n";
      std::string file_path = dir.write ("sheets.csv", header + first + c.row);
      EXPECT_FALSE (review.load (file_path, error)) << c.row;
      ASSERT_NE (error.error, nullptr) << c.row;
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, c.code)) << c.row << ": " << error.message ();
      EXPECT_EQ (error.message ().rfind (c.prefix, 0), 0u) << c.row << ": " << error.message ();
      EXPECT_EQ (case_review_evaluation_get_n_sheets (review.evaluation.get ()), 1u) << c.row;
      g_remove (file_path.c_str ());
    }

  // A header without rows, and a missing required column.
  for (const std::string &text : { std::string (header), std::string ("case_id,reviewer,entry\n") + "x,R1,none\n" })
    {
      std::string file_path = dir.write ("sheets.csv", text);
      EXPECT_FALSE (review.load (file_path, error)) << text;
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID)) << error.message ();
      EXPECT_EQ (error.message ().rfind ("sheets.csv:", 0), 0u) << error.message ();
      EXPECT_EQ (case_review_evaluation_get_n_sheets (review.evaluation.get ()), 1u);
      g_remove (file_path.c_str ());
    }
}
