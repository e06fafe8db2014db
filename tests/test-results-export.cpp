// SPDX-License-Identifier: LGPL-2.1-or-later
//
// An evaluation's results written out (case_review_evaluation_write_*): the
// 评查结果汇总表 and 案卷评分明细 as CSV, checked cell by cell against the
// results with exact decimal text, and the Excel workbook; paths that cannot
// be written give an error. (tests/python/test_results_export.py reads the
// workbook's cells back.)
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <glib/gstdio.h>

#include "test-support.h"

namespace {

using namespace test_support;

const std::string demo_dir = std::string (CASE_REVIEW_SOURCE_DIR) + "/examples/data/luohu-2020";

// CRLF lines of unquoted fields (the demo's names and codes have no commas).
std::vector<std::vector<std::string>>
parse_csv (const std::string &text)
{
  std::vector<std::vector<std::string>> rows;
  size_t start = 0;
  while (start < text.size ())
    {
      size_t end = text.find ("\r\n", start);
      EXPECT_NE (end, std::string::npos) << "every line ends with CRLF";
      if (end == std::string::npos)
        break;
      std::string line = text.substr (start, end - start);
      std::vector<std::string> fields;
      size_t from = 0;
      for (size_t comma; (comma = line.find (',', from)) != std::string::npos; from = comma + 1)
        fields.push_back (line.substr (from, comma - from));
      fields.push_back (line.substr (from));
      rows.push_back (fields);
      start = end + 2;
    }
  return rows;
}

std::string
hundredths (guint64 value)
{
  char text[32];
  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT ".%02u", value / 100, (guint) (value % 100));
  return text;
}

// A percentage with one decimal, half up, from integers only.
std::string
percent (guint64 numerator,
         guint64 denominator)
{
  guint64 tenths = (2000 * numerator + denominator) / (2 * denominator);
  char text[32];
  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT ".%u%%", tenths / 10, (guint) (tenths % 10));
  return text;
}

} // namespace

TEST (ResultsExport, AgencyCsvIsTheSummaryTable)
{
  DemoReview review;
  TempDir dir;
  Error error;
  Ref<GFile> file (dir.file ("agencies.csv"));

  ASSERT_TRUE (case_review_evaluation_write_agency_results_csv (review.evaluation.get (), file.get (), TRUE, nullptr,
                                                                error.out ()))
      << error.message ();
  std::string text = dir.read ("agencies.csv");
  ASSERT_EQ (text.rfind ("\xef\xbb\xbf", 0), 0u) << "a byte-order mark for Excel";
  auto rows = parse_csv (text.substr (3));
  ASSERT_EQ (rows.size (), 33u);
  const std::vector<std::string> header = {
    "名次", "单位编号", "单位名称", "案卷总数", "评查案卷数", "平均分", "中位数", "优秀案卷数", "合格案卷数",
    "不合格案卷数", "优秀率", "合格率", "否决项", "等次", "不合格率上限", "不合格案卷数上限",
  };
  EXPECT_EQ (rows[0], header);

  // The top of the ranking, as the demo prints it.
  EXPECT_EQ (rows[1][0], "1");
  EXPECT_EQ (rows[1][1], "LH25");
  EXPECT_EQ (rows[1][4], "12");
  EXPECT_EQ (rows[1][5], "88.90");
  EXPECT_EQ (rows[1][6], "90.00");
  EXPECT_EQ (rows[1][10], "50.0%");
  EXPECT_EQ (rows[1][13], "良好");

  Ref<GListModel> results (case_review_evaluation_dup_agency_results (review.evaluation.get ()));
  guint n_with_vetoes = 0;
  for (guint i = 0; i < g_list_model_get_n_items (results.get ()); i++)
    {
      Ref<CaseReviewAgencyResult> result (CASE_REVIEW_AGENCY_RESULT (g_list_model_get_item (results.get (), i)));
      const std::vector<std::string> &row = rows[i + 1];
      const char *id = case_review_agency_result_get_agency_id (result.get ());
      guint n = case_review_agency_result_get_n_files (result.get ());
      guint population_size = case_review_agency_result_get_population_size (result.get ());
      guint64 upper = case_review_agency_result_get_noncompliance_upper_count (result.get ());
      CaseReviewAgency *agency = case_review_population_lookup_agency (review.population.get (), id);

      ASSERT_EQ (row.size (), header.size ()) << id;
      EXPECT_EQ (row[0], std::to_string (case_review_agency_result_get_rank (result.get ())));
      EXPECT_EQ (row[1], id);
      EXPECT_EQ (row[2], case_review_agency_get_name (agency));
      EXPECT_EQ (row[3], std::to_string (population_size)) << id;
      EXPECT_EQ (row[4], std::to_string (n)) << id;
      EXPECT_EQ (row[5], hundredths (case_review_agency_result_get_mean_hundredths (result.get ()))) << id;
      EXPECT_EQ (row[6], hundredths (case_review_agency_result_get_median_hundredths (result.get ()))) << id;
      EXPECT_EQ (row[7], std::to_string (case_review_agency_result_get_n_excellent (result.get ()))) << id;
      EXPECT_EQ (row[8], std::to_string (case_review_agency_result_get_n_passed (result.get ()))) << id;
      EXPECT_EQ (row[9], std::to_string (case_review_agency_result_get_n_failed (result.get ()))) << id;
      EXPECT_EQ (row[10], percent (case_review_agency_result_get_n_excellent (result.get ()), n)) << id;
      EXPECT_EQ (row[11], percent (case_review_agency_result_get_n_passed (result.get ()), n)) << id;
      EXPECT_EQ (row[13], case_review_grade_get_label (case_review_agency_result_get_grade (result.get ()))) << id;
      EXPECT_EQ (row[15], std::to_string (upper)) << id;

      // The bound is rounded up: never below upper ÷ N.
      guint64 tenths = (1000 * upper + population_size - 1) / population_size;
      EXPECT_GE (tenths * population_size, 1000 * upper) << id;
      EXPECT_EQ (row[14], std::to_string (tenths / 10) + "." + std::to_string (tenths % 10) + "%") << id;

      // Vetoes: "V04×2、V07×1", codes sorted, with the number of files.
      g_auto (GStrv) codes = case_review_agency_result_dup_veto_codes (result.get ());
      std::string vetoes;
      for (guint v = 0; codes[v] != nullptr; v++)
        vetoes += (v > 0 ? "、" : "") + std::string (codes[v]) + "×" +
                  std::to_string (case_review_agency_result_get_veto_count (result.get (), codes[v]));
      EXPECT_EQ (row[12], vetoes) << id;
      n_with_vetoes += codes[0] != nullptr;
    }
  EXPECT_GT (n_with_vetoes, 0u);
}

TEST (ResultsExport, CaseCsvHasOneRowPerFile)
{
  DemoReview review;
  TempDir dir;
  Error error;
  Ref<GFile> file (dir.file ("cases.csv"));

  ASSERT_TRUE (case_review_evaluation_write_case_results_csv (review.evaluation.get (), file.get (), FALSE, nullptr,
                                                              error.out ()))
      << error.message ();
  std::string text = dir.read ("cases.csv");
  ASSERT_NE (text.rfind ("\xef\xbb\xbf", 0), 0u) << "no byte-order mark unless asked";
  auto rows = parse_csv (text);
  ASSERT_EQ (rows.size (), 333u);
  const std::vector<std::string> header = {
    "案卷编号", "单位编号", "单位名称", "执法类别", "初评表数", "初评得分", "最终得分", "等次", "否决项", "需复核", "已复核",
  };
  EXPECT_EQ (rows[0], header);
  EXPECT_EQ (rows[1][0], "深罗发改罚〔2020〕2号");
  EXPECT_EQ (rows[1][3], "处罚");
  EXPECT_EQ (rows[1][6], "83.00");

  Ref<GListModel> results (case_review_evaluation_dup_case_results (review.evaluation.get ()));
  guint n_vetoed = 0, n_rereviewed = 0;
  for (guint i = 0; i < g_list_model_get_n_items (results.get ()); i++)
    {
      Ref<CaseReviewCaseResult> result (CASE_REVIEW_CASE_RESULT (g_list_model_get_item (results.get (), i)));
      const std::vector<std::string> &row = rows[i + 1];
      const char *id = case_review_case_result_get_case_id (result.get ());

      ASSERT_EQ (row.size (), header.size ()) << id;
      EXPECT_EQ (row[0], id);
      EXPECT_EQ (row[1], case_review_case_result_get_agency_id (result.get ()));
      EXPECT_EQ (row[3], case_review_enforcement_kind_get_label (case_review_case_result_get_kind (result.get ())));
      EXPECT_EQ (row[4], std::to_string (case_review_case_result_get_n_sheets (result.get ())));
      EXPECT_EQ (row[5], hundredths (case_review_case_result_get_initial_score_hundredths (result.get ()))) << id;
      EXPECT_EQ (row[6], hundredths (case_review_case_result_get_score_hundredths (result.get ()))) << id;
      EXPECT_EQ (row[7], case_review_grade_get_label (case_review_case_result_get_grade (result.get ()))) << id;
      g_autofree char *vetoes = g_strjoinv ("、", (char **) case_review_case_result_get_veto_codes (result.get ()));
      EXPECT_EQ (row[8], vetoes) << id;
      EXPECT_EQ (row[9], case_review_case_result_needs_rereview (result.get ()) ? "是" : "否") << id;
      EXPECT_EQ (row[10], case_review_case_result_is_rereviewed (result.get ()) ? "是" : "否") << id;
      if (case_review_case_result_is_vetoed (result.get ()))
        {
          n_vetoed++;
          EXPECT_EQ (row[6], "0.00") << id;
          EXPECT_EQ (row[7], "不合格") << id;
        }
      n_rereviewed += row[10] == "是";
    }
  EXPECT_EQ (n_vetoed, 13u);
  EXPECT_EQ (n_rereviewed, 15u);
}

TEST (ResultsExport, WorkbookIsWrittenAndReplaced)
{
  DemoReview review;
  TempDir dir;
  Error error;
  Ref<GFile> file (dir.file ("results.xlsx"));

  ASSERT_TRUE (g_file_set_contents (g_file_peek_path (file.get ()), "old", -1, nullptr));
  ASSERT_TRUE (case_review_evaluation_write_xlsx (review.evaluation.get (), file.get (), nullptr, error.out ()))
      << error.message ();
  std::string bytes = dir.read ("results.xlsx");
  EXPECT_GT (bytes.size (), 4000u);
  EXPECT_EQ (bytes.rfind ("PK\x03\x04", 0), 0u) << "a zip container";
}

// With SOURCE_DATE_EPOCH the workbook is the same bytes for the same
// results; the time changes the bytes, so it is really written.
TEST (ResultsExport, WorkbookIsReproducibleUnderSourceDateEpoch)
{
  DemoReview review;
  TempDir dir;
  Error error;
  Ref<GFile> first (dir.file ("first.xlsx")), second (dir.file ("second.xlsx")), later (dir.file ("later.xlsx"));

  g_setenv ("SOURCE_DATE_EPOCH", "1609459200", TRUE);   // 2021-01-01T00:00:00Z
  ASSERT_TRUE (case_review_evaluation_write_xlsx (review.evaluation.get (), first.get (), nullptr, error.out ()))
      << error.message ();
  g_usleep (1100 * 1000);   // a later second, which would show in a timestamp
  ASSERT_TRUE (case_review_evaluation_write_xlsx (review.evaluation.get (), second.get (), nullptr, error.out ()))
      << error.message ();
  g_setenv ("SOURCE_DATE_EPOCH", "1640995200", TRUE);   // 2022-01-01T00:00:00Z
  ASSERT_TRUE (case_review_evaluation_write_xlsx (review.evaluation.get (), later.get (), nullptr, error.out ()))
      << error.message ();
  g_unsetenv ("SOURCE_DATE_EPOCH");

  EXPECT_TRUE (dir.read ("first.xlsx") == dir.read ("second.xlsx"));
  EXPECT_FALSE (dir.read ("first.xlsx") == dir.read ("later.xlsx"));
}

TEST (ResultsExport, UnwritablePathsGiveErrors)
{
  DemoReview review;
  TempDir dir;
  Error error;
  std::string missing_dir = dir.path + "/no-such-directory";
  Ref<GFile> in_missing_dir (g_file_new_for_path ((missing_dir + "/results.xlsx").c_str ()));
  Ref<GFile> a_directory (g_file_new_for_path (dir.path.c_str ()));

  EXPECT_FALSE (case_review_evaluation_write_xlsx (review.evaluation.get (), in_missing_dir.get (), nullptr, error.out ()));
  ASSERT_NE (error.error, nullptr);
  EXPECT_TRUE (g_error_matches (error.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)) << error.message ();
  EXPECT_NE (error.message ().find (missing_dir), std::string::npos) << error.message ();

  EXPECT_FALSE (case_review_evaluation_write_xlsx (review.evaluation.get (), a_directory.get (), nullptr, error.out ()));
  ASSERT_NE (error.error, nullptr);
  EXPECT_EQ (error.error->domain, G_IO_ERROR) << error.message ();

  Ref<GFile> csv_in_missing_dir (g_file_new_for_path ((missing_dir + "/agencies.csv").c_str ()));
  EXPECT_FALSE (case_review_evaluation_write_agency_results_csv (review.evaluation.get (), csv_in_missing_dir.get (),
                                                                 FALSE, nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)) << error.message ();
  EXPECT_FALSE (case_review_evaluation_write_case_results_csv (review.evaluation.get (), csv_in_missing_dir.get (),
                                                               FALSE, nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)) << error.message ();

  // Cancelled before it starts.
  Ref<GCancellable> cancellable (g_cancellable_new ());
  Ref<GFile> file (dir.file ("results.xlsx"));
  g_cancellable_cancel (cancellable.get ());
  EXPECT_FALSE (case_review_evaluation_write_xlsx (review.evaluation.get (), file.get (), cancellable.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) << error.message ();
  EXPECT_FALSE (g_file_test (g_file_peek_path (file.get ()), G_FILE_TEST_EXISTS));
}
