// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Score sheets read from JSON (case_review_evaluation_load_sheets_json): the
// demo's CSV sheets converted to JSON give the same results; a small
// example; and one bad file per rule, each failing with an error located
// by JSON path and adding nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <glib/gstdio.h>

#include "test-support.h"

namespace {

using namespace test_support;

const std::string data_dir = CASE_REVIEW_TEST_DATA_DIR;

// The demo sample without sheets, loading some from a file.
struct Review : DemoReview {
  Review () : DemoReview (false) {}

  bool
  load_json (const std::string &file_path, Error &error)
  {
    Ref<GFile> file (g_file_new_for_path (file_path.c_str ()));
    return case_review_evaluation_load_sheets_json (evaluation.get (), file.get (), nullptr, error.out ());
  }

  bool
  load_csv (const std::string &file_path, Error &error)
  {
    Ref<GFile> file (g_file_new_for_path (file_path.c_str ()));
    return case_review_evaluation_load_sheets_csv (evaluation.get (), file.get (), CASE_REVIEW_TEXT_ENCODING_AUTO,
                                                   nullptr, error.out ());
  }

  guint n_sheets () const { return case_review_evaluation_get_n_sheets (evaluation.get ()); }
};

std::string
json_string (const std::string &text)
{
  std::string out = "\"";
  for (unsigned char c : text)
    {
      if (c == '"' || c == '\\')
        out += '\\', out += (char) c;
      else if (c < 0x20)
        {
          char escape[8];
          g_snprintf (escape, sizeof escape, "\\u%04x", c);
          out += escape;
        }
      else
        out += (char) c;
    }
  return out + "\"";
}

std::vector<std::string>
split_fields (const std::string &line)
{
  std::vector<std::string> fields;
  std::string field;
  std::stringstream in (line);
  while (std::getline (in, field, ','))
    fields.push_back (field);
  if (!line.empty () && line.back () == ',')
    fields.push_back ("");
  return fields;
}

// The demo's CSV sheets as a JSON document: rows grouped into sheets by
// (case, reviewer, re-review) in the order they first appear, each
// deduction with its item looked up in the rubric.
std::string
demo_sheets_as_json (CaseReviewPopulation *population)
{
  struct Sheet {
    std::string case_id, reviewer, date;
    bool rereview = false;
    std::vector<std::string> deductions, vetoes, not_applicable;
  };
  std::ifstream in (demo_data_dir () + "/score-sheets.csv", std::ios::binary);
  std::string line;
  std::vector<Sheet> sheets;
  std::map<std::string, size_t> index;
  CaseReviewRubric *rubric = case_review_rubric_get_default ();

  std::getline (in, line);
  EXPECT_EQ (line.rfind ("案卷编号,评查人员,复核,评查日期,类型,代码,次数,说明,证据页码", 0), 0u);
  while (std::getline (in, line))
    {
      if (!line.empty () && line.back () == '\r')
        line.pop_back ();
      if (line.empty ())
        continue;
      EXPECT_EQ (line.find ('"'), std::string::npos) << "the converter reads unquoted CSV only";
      std::vector<std::string> f = split_fields (line);
      EXPECT_EQ (f.size (), 9u) << line;
      if (f.size () != 9)
        continue;
      std::string key = f[0] + "\x1f" + f[1] + "\x1f" + f[2];
      if (index.find (key) == index.end ())
        {
          index[key] = sheets.size ();
          sheets.push_back (Sheet { f[0], f[1], "", f[2] == "是", {}, {}, {} });
        }
      Sheet &sheet = sheets[index[key]];
      if (!f[3].empty ())
        sheet.date = f[3];
      if (f[4] == "扣分")
        {
          Ref<CaseReviewCaseFile> file (case_review_population_lookup_case (population, f[0].c_str ()));
          CaseReviewRubricDeduction *deduction =
              case_review_rubric_lookup_deduction (rubric, case_review_case_file_get_kind (file.get ()), f[5].c_str ());
          EXPECT_NE (deduction, nullptr) << line;
          std::string entry = "{\"item\": " + json_string (case_review_rubric_deduction_get_item_code (deduction)) +
                              ", \"option\": " + json_string (f[5]);
          if (!f[6].empty ())
            entry += ", \"occurrences\": " + f[6];
          if (!f[7].empty ())
            entry += ", \"note\": " + json_string (f[7]);
          if (!f[8].empty ())
            entry += ", \"evidence_page\": " + json_string (f[8]);
          sheet.deductions.push_back (entry + "}");
        }
      else if (f[4] == "否决")
        sheet.vetoes.push_back ("{\"code\": " + json_string (f[5]) +
                                (f[7].empty () ? std::string () : ", \"note\": " + json_string (f[7])) + "}");
      else if (f[4] == "不适用")
        sheet.not_applicable.push_back (json_string (f[5]));
      else
        EXPECT_EQ (f[4], "无") << line;
    }

  auto join = [] (const std::vector<std::string> &items) {
    std::string out;
    for (size_t i = 0; i < items.size (); i++)
      out += (i > 0 ? ", " : "") + items[i];
    return out;
  };
  std::string json = "{\n\"format\": \"libcasereview-score-sheets\",\n\"version\": 1,\n\"sheets\": [\n";
  for (size_t i = 0; i < sheets.size (); i++)
    {
      const Sheet &s = sheets[i];
      json += "{\"case_id\": " + json_string (s.case_id) + ", \"reviewer_id\": " + json_string (s.reviewer);
      if (s.rereview)
        json += ", \"rereview\": true";
      if (!s.date.empty ())
        json += ", \"date\": " + json_string (s.date);
      json += ", \"deductions\": [" + join (s.deductions) + "], \"vetoes\": [" + join (s.vetoes) +
              "], \"not_applicable\": [" + join (s.not_applicable) + "]}";
      json += i + 1 < sheets.size () ? ",\n" : "\n";
    }
  return json + "]\n}\n";
}

void
expect_same_case_results (CaseReviewEvaluation *a,
                          CaseReviewEvaluation *b)
{
  Ref<GListModel> x (case_review_evaluation_dup_case_results (a));
  Ref<GListModel> y (case_review_evaluation_dup_case_results (b));
  ASSERT_EQ (g_list_model_get_n_items (x.get ()), g_list_model_get_n_items (y.get ()));
  for (guint i = 0; i < g_list_model_get_n_items (x.get ()); i++)
    {
      Ref<CaseReviewCaseResult> r (CASE_REVIEW_CASE_RESULT (g_list_model_get_item (x.get (), i)));
      Ref<CaseReviewCaseResult> s (CASE_REVIEW_CASE_RESULT (g_list_model_get_item (y.get (), i)));
      const char *id = case_review_case_result_get_case_id (r.get ());

      EXPECT_STREQ (id, case_review_case_result_get_case_id (s.get ()));
      EXPECT_EQ (case_review_case_result_get_n_sheets (r.get ()), case_review_case_result_get_n_sheets (s.get ())) << id;
      EXPECT_EQ (case_review_case_result_get_initial_score_hundredths (r.get ()),
                 case_review_case_result_get_initial_score_hundredths (s.get ())) << id;
      EXPECT_EQ (case_review_case_result_get_score_hundredths (r.get ()),
                 case_review_case_result_get_score_hundredths (s.get ())) << id;
      EXPECT_EQ (case_review_case_result_get_grade (r.get ()), case_review_case_result_get_grade (s.get ())) << id;
      EXPECT_EQ (case_review_case_result_needs_rereview (r.get ()), case_review_case_result_needs_rereview (s.get ())) << id;
      EXPECT_EQ (case_review_case_result_is_rereviewed (r.get ()), case_review_case_result_is_rereviewed (s.get ())) << id;
      g_autofree char *vetoes_r = g_strjoinv (" ", (char **) case_review_case_result_get_veto_codes (r.get ()));
      g_autofree char *vetoes_s = g_strjoinv (" ", (char **) case_review_case_result_get_veto_codes (s.get ()));
      EXPECT_STREQ (vetoes_r, vetoes_s) << id;
    }
}

void
expect_same_agency_results (CaseReviewEvaluation *a,
                            CaseReviewEvaluation *b)
{
  Ref<GListModel> x (case_review_evaluation_dup_agency_results (a));
  Ref<GListModel> y (case_review_evaluation_dup_agency_results (b));
  ASSERT_EQ (g_list_model_get_n_items (x.get ()), g_list_model_get_n_items (y.get ()));
  for (guint i = 0; i < g_list_model_get_n_items (x.get ()); i++)
    {
      Ref<CaseReviewAgencyResult> r (CASE_REVIEW_AGENCY_RESULT (g_list_model_get_item (x.get (), i)));
      Ref<CaseReviewAgencyResult> s (CASE_REVIEW_AGENCY_RESULT (g_list_model_get_item (y.get (), i)));
      const char *id = case_review_agency_result_get_agency_id (r.get ());

      EXPECT_STREQ (id, case_review_agency_result_get_agency_id (s.get ()));
      EXPECT_EQ (case_review_agency_result_get_rank (r.get ()), case_review_agency_result_get_rank (s.get ())) << id;
      EXPECT_EQ (case_review_agency_result_get_n_files (r.get ()), case_review_agency_result_get_n_files (s.get ())) << id;
      EXPECT_EQ (case_review_agency_result_get_total_hundredths (r.get ()),
                 case_review_agency_result_get_total_hundredths (s.get ())) << id;
      EXPECT_EQ (case_review_agency_result_get_mean_hundredths (r.get ()),
                 case_review_agency_result_get_mean_hundredths (s.get ())) << id;
      EXPECT_EQ (case_review_agency_result_get_median_hundredths (r.get ()),
                 case_review_agency_result_get_median_hundredths (s.get ())) << id;
      EXPECT_EQ (case_review_agency_result_get_n_excellent (r.get ()), case_review_agency_result_get_n_excellent (s.get ())) << id;
      EXPECT_EQ (case_review_agency_result_get_n_failed (r.get ()), case_review_agency_result_get_n_failed (s.get ())) << id;
      EXPECT_EQ (case_review_agency_result_get_grade (r.get ()), case_review_agency_result_get_grade (s.get ())) << id;
      EXPECT_EQ (case_review_agency_result_get_noncompliance_upper_count (r.get ()),
                 case_review_agency_result_get_noncompliance_upper_count (s.get ())) << id;
      EXPECT_TRUE (g_strv_equal (case_review_agency_result_get_frequent_deductions (r.get ()),
                                 case_review_agency_result_get_frequent_deductions (s.get ()))) << id;
    }
}

const char prologue[] = "{\"format\": \"libcasereview-score-sheets\", \"version\": 1, \"sheets\": [";
const char epilogue[] = "]}";
// A sheet of R02 for the first file, with one deduction, to put before a bad one.
const char good_sheet[] = "{\"case_id\": \"深罗发改罚〔2020〕2号\", \"reviewer_id\": \"R02\", "
                          "\"deductions\": [{\"option\": \"1.1\"}]}";

std::string
sheet (const std::string &members)
{
  return "{\"case_id\": \"深罗发改罚〔2020〕2号\", \"reviewer_id\": \"R03\"" + (members.empty () ? "" : ", " + members) + "}";
}

} // namespace

TEST (ScoreSheetJson, DemoSheetsConvertedFromCsvGiveTheSameResults)
{
  Review from_csv, from_json;
  TempDir dir;
  Error error;

  ASSERT_TRUE (from_csv.load_csv (demo_data_dir () + "/score-sheets.csv", error)) << error.message ();
  std::string json_path = dir.write ("score-sheets.json", demo_sheets_as_json (from_json.population.get ()));
  ASSERT_TRUE (from_json.load_json (json_path, error)) << error.message ();
  EXPECT_EQ (from_json.n_sheets (), 679u);
  EXPECT_EQ (from_json.n_sheets (), from_csv.n_sheets ());

  expect_same_case_results (from_csv.evaluation.get (), from_json.evaluation.get ());
  expect_same_agency_results (from_csv.evaluation.get (), from_json.evaluation.get ());

  // The exported results are the same text, byte for byte.
  for (auto *write : { case_review_evaluation_write_agency_results_csv, case_review_evaluation_write_case_results_csv })
    {
      Ref<GFile> a (g_file_new_build_filename (dir.path.c_str (), "a.csv", nullptr));
      Ref<GFile> b (g_file_new_build_filename (dir.path.c_str (), "b.csv", nullptr));
      ASSERT_TRUE (write (from_csv.evaluation.get (), a.get (), FALSE, nullptr, error.out ())) << error.message ();
      ASSERT_TRUE (write (from_json.evaluation.get (), b.get (), FALSE, nullptr, error.out ())) << error.message ();
      EXPECT_EQ (dir.read ("a.csv"), dir.read ("b.csv"));
    }

  // Loading the same sheets again adds nothing: the first is a duplicate.
  EXPECT_FALSE (from_json.load_json (json_path, error));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE)) << error.message ();
  EXPECT_EQ (error.message ().rfind ("score-sheets.json: $.sheets[0].case_id: ", 0), 0u) << error.message ();
  EXPECT_EQ (from_json.n_sheets (), 679u);
}

TEST (ScoreSheetJson, SmallExample)
{
  Review review;
  Error error;

  ASSERT_TRUE (review.load_json (data_dir + "/sheets-json/example.json", error)) << error.message ();
  EXPECT_EQ (review.n_sheets (), 4u);

  Ref<CaseReviewCaseResult> result (case_review_evaluation_dup_case_result (review.evaluation.get (), "深罗发改罚〔2020〕2号"));
  ASSERT_NE (result.get (), nullptr);
  // R17: 100 − 5 − 4 × 0.5 = 93; R38: 100. The re-review (R34, item 5 not
  // applicable, no deductions) decides: 100.
  EXPECT_EQ (case_review_case_result_get_n_sheets (result.get ()), 2u);
  EXPECT_EQ (case_review_case_result_get_initial_score_hundredths (result.get ()), 9650u);
  EXPECT_TRUE (case_review_case_result_is_rereviewed (result.get ()));
  EXPECT_EQ (case_review_case_result_get_score_hundredths (result.get ()), 10000u);

  Ref<CaseReviewCaseResult> vetoed (case_review_evaluation_dup_case_result (review.evaluation.get (), "深罗发改检〔2020〕13号"));
  ASSERT_NE (vetoed.get (), nullptr);
  EXPECT_TRUE (case_review_case_result_is_vetoed (vetoed.get ()));
  EXPECT_STREQ (case_review_case_result_get_veto_codes (vetoed.get ())[0], "V33");
}

TEST (ScoreSheetJson, BadFilesAddNothing)
{
  Review review;
  TempDir dir;
  Error error;

  // One sheet already there: R01's for the first file.
  ASSERT_TRUE (review.load_json (dir.write ("first.json", std::string (prologue) +
                                            "{\"case_id\": \"深罗发改罚〔2020〕2号\", \"reviewer_id\": \"R01\"}" +
                                            epilogue),
                                 error))
      << error.message ();
  ASSERT_EQ (review.n_sheets (), 1u);

  const std::string S = "$.sheets[1]";
  const struct { std::string text; int code; std::string prefix; } cases[] = {
    // Not JSON, not UTF-8, not the format.
    { "{\"format\": \"libcasereview-score-sheets\",\n \"version\": 1,\n \"sheets\": [}", CASE_REVIEW_ERROR_PARSE,
      "sheets.json:3:" },
    { "{\"format\": \"libcasereview-score-sheets\", \"version\": 1,\n \"sheets\": [{\"case_id\": \"\xb5\xc0\"}]}",
      CASE_REVIEW_ERROR_ENCODING, "sheets.json:2:26: " },
    { "[]", CASE_REVIEW_ERROR_INVALID, "sheets.json: $: " },
    { "{\"format\": \"libcasereview-population\", \"version\": 1, \"sheets\": []}", CASE_REVIEW_ERROR_INVALID,
      "sheets.json: $.format: " },
    { "{\"version\": 1, \"sheets\": []}", CASE_REVIEW_ERROR_INVALID, "sheets.json: $.format: " },
    { "{\"format\": \"libcasereview-score-sheets\", \"version\": 2, \"sheets\": []}", CASE_REVIEW_ERROR_UNSUPPORTED,
      "sheets.json: $.version: " },
    { "{\"format\": \"libcasereview-score-sheets\", \"version\": \"1\", \"sheets\": []}", CASE_REVIEW_ERROR_INVALID,
      "sheets.json: $.version: " },
    { "{\"format\": \"libcasereview-score-sheets\", \"version\": 1}", CASE_REVIEW_ERROR_INVALID,
      "sheets.json: $.sheets: " },
    { "{\"format\": \"libcasereview-score-sheets\", \"version\": 1, \"sheets\": {}}", CASE_REVIEW_ERROR_INVALID,
      "sheets.json: $.sheets: " },
    { "{\"format\": \"libcasereview-score-sheets\", \"version\": 1, \"sheets\": []}", CASE_REVIEW_ERROR_INVALID,
      "sheets.json: $.sheets: " },
    { "{\"format\": \"libcasereview-score-sheets\", \"version\": 1, \"sheets\": [], \"rubric\": \"x\"}",
      CASE_REVIEW_ERROR_INVALID, "sheets.json: $.rubric: " },
    // Wrong types and missing or unknown members in a sheet.
    { std::string (prologue) + good_sheet + ", \"R03\"" + epilogue, CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ": " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"reviewer\": \"R03\"") + epilogue, CASE_REVIEW_ERROR_INVALID,
      "sheets.json: " + S + ".reviewer: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"备注\": \"\"") + epilogue, CASE_REVIEW_ERROR_INVALID,
      "sheets.json: " + S + "[\"备注\"]: " },
    { std::string (prologue) + good_sheet + ", {\"reviewer_id\": \"R03\"}" + epilogue, CASE_REVIEW_ERROR_INVALID,
      "sheets.json: " + S + ".case_id: " },
    { std::string (prologue) + good_sheet + ", {\"case_id\": 2, \"reviewer_id\": \"R03\"}" + epilogue,
      CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".case_id: " },
    { std::string (prologue) + good_sheet + ", {\"case_id\": \"深罗发改罚〔2020〕2号\", \"reviewer_id\": \"\"}" + epilogue,
      CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".reviewer_id: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"rereview\": \"是\"") + epilogue, CASE_REVIEW_ERROR_INVALID,
      "sheets.json: " + S + ".rereview: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"date\": \"2021/01/05\"") + epilogue,
      CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".date: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"date\": \"2021-02-30\"") + epilogue,
      CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".date: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": {}") + epilogue, CASE_REVIEW_ERROR_INVALID,
      "sheets.json: " + S + ".deductions: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": [\"1.1\"]") + epilogue,
      CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[0]: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": [{\"item\": \"1\"}]") + epilogue,
      CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[0].option: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": [{\"option\": \"1.1\", \"code\": \"1.1\"}]") +
      epilogue, CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[0].code: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": [{\"option\": \"1.1\", \"note\": 3}]") +
      epilogue, CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[0].note: " },
    // Bad occurrences.
    { std::string (prologue) + good_sheet + ", " +
      sheet ("\"deductions\": [{\"option\": \"1.1\"}, {\"option\": \"1.2\", \"occurrences\": 0}]") + epilogue,
      CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[1].occurrences: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": [{\"option\": \"1.2\", \"occurrences\": \"2\"}]") +
      epilogue, CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[0].occurrences: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": [{\"option\": \"1.2\", \"occurrences\": 1.5}]") +
      epilogue, CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[0].occurrences: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": [{\"option\": \"3.3\", \"occurrences\": 1001}]") +
      epilogue, CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[0].occurrences: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": [{\"option\": \"1.3\", \"occurrences\": 2}]") +
      epilogue, CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[0].occurrences: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": [{\"option\": \"1.3\"}, {\"option\": \"1.3\"}]") +
      epilogue, CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[1].option: " },
    // Unknown codes, an item that does not match, a deduction in a not-applicable item.
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": [{\"option\": \"9.9\"}]") + epilogue,
      CASE_REVIEW_ERROR_NOT_FOUND, "sheets.json: " + S + ".deductions[0].option: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"deductions\": [{\"item\": \"4\", \"option\": \"3.3\"}]") +
      epilogue, CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[0].item: " },
    { std::string (prologue) + good_sheet + ", " +
      sheet ("\"not_applicable\": [\"5\"], \"deductions\": [{\"option\": \"5.1\", \"occurrences\": 1}]") + epilogue,
      CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".deductions[0].option: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"vetoes\": [{\"code\": \"V99\"}]") + epilogue,
      CASE_REVIEW_ERROR_NOT_FOUND, "sheets.json: " + S + ".vetoes[0].code: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"vetoes\": [{\"code\": \"V31\"}]") + epilogue,
      CASE_REVIEW_ERROR_NOT_FOUND, "sheets.json: " + S + ".vetoes[0].code: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"vetoes\": [{\"code\": \"V01\"}, {\"code\": \"V01\"}]") +
      epilogue, CASE_REVIEW_ERROR_DUPLICATE, "sheets.json: " + S + ".vetoes[1].code: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"vetoes\": [{\"code\": \"V01\", \"note\": false}]") +
      epilogue, CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".vetoes[0].note: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"vetoes\": [{\"code\": \"\"}]") + epilogue,
      CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".vetoes[0].code: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"not_applicable\": [\"99\"]") + epilogue,
      CASE_REVIEW_ERROR_NOT_FOUND, "sheets.json: " + S + ".not_applicable[0]: " },
    { std::string (prologue) + good_sheet + ", " + sheet ("\"not_applicable\": [\"5\", 6]") + epilogue,
      CASE_REVIEW_ERROR_INVALID, "sheets.json: " + S + ".not_applicable[1]: " },
    // Cases: unknown, outside the sample's files (a reserve, a case not
    // drawn), of a kind the rubric has no table for.
    { std::string (prologue) + good_sheet + ", {\"case_id\": \"深罗发改罚〔2020〕999号\", \"reviewer_id\": \"R03\"}" +
      epilogue, CASE_REVIEW_ERROR_NOT_FOUND, "sheets.json: " + S + ".case_id: " },
    { std::string (prologue) + good_sheet + ", {\"case_id\": \"深罗发改罚〔2020〕1号\", \"reviewer_id\": \"R03\"}" +
      epilogue, CASE_REVIEW_ERROR_NOT_FOUND, "sheets.json: " + S + ".case_id: " },
    { std::string (prologue) + good_sheet + ", {\"case_id\": \"深罗发改罚〔2020〕8号\", \"reviewer_id\": \"R03\"}" +
      epilogue, CASE_REVIEW_ERROR_NOT_FOUND, "sheets.json: " + S + ".case_id: " },
    { std::string (prologue) + good_sheet + ", {\"case_id\": \"深罗发改其〔2020〕1号\", \"reviewer_id\": \"R03\"}" +
      epilogue, CASE_REVIEW_ERROR_UNSUPPORTED, "sheets.json: " + S + ".case_id: " },
    // A reviewer's second sheet for a file: in the same file, or one the
    // evaluation already has. A re-review sheet of the same reviewer is not
    // a duplicate (the last sheet here is fine), so the error is the fourth.
    { std::string (prologue) + good_sheet + ", " + sheet ("") + ", " + sheet ("\"rereview\": true") + ", " +
      sheet ("\"date\": \"2021-01-05\"") + epilogue, CASE_REVIEW_ERROR_DUPLICATE, "sheets.json: $.sheets[3].reviewer_id: " },
    { std::string (prologue) + good_sheet + ", {\"case_id\": \"深罗发改罚〔2020〕2号\", \"reviewer_id\": \"R01\"}" +
      epilogue, CASE_REVIEW_ERROR_DUPLICATE, "sheets.json: " + S + ".case_id: " },
  };
  for (const auto &c : cases)
    {
      std::string file_path = dir.write ("sheets.json", c.text);
      EXPECT_FALSE (review.load_json (file_path, error)) << c.text;
      ASSERT_NE (error.error, nullptr) << c.text;
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, c.code)) << c.text << ": " << error.message ();
      EXPECT_EQ (error.message ().rfind (c.prefix, 0), 0u) << c.text << ": " << error.message ();
      EXPECT_EQ (review.n_sheets (), 1u) << c.text;
    }

  // A file that is not there: GIO's error.
  EXPECT_FALSE (review.load_json (dir.path + "/missing.json", error));
  EXPECT_TRUE (g_error_matches (error.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)) << error.message ();

  // Null optional members are absent ones; the good sheet and a re-review.
  ASSERT_TRUE (review.load_json (dir.write ("ok.json", std::string (prologue) + good_sheet + ", " +
                                            sheet ("\"rereview\": null, \"date\": null, \"deductions\": null, "
                                                   "\"vetoes\": [], \"not_applicable\": null") +
                                            epilogue),
                                 error))
      << error.message ();
  EXPECT_EQ (review.n_sheets (), 3u);
}
