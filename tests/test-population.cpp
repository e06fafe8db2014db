// SPDX-License-Identifier: LGPL-2.1-or-later
//
// CaseReviewPopulation: loading CSV (UTF-8, GB18030, Chinese and English
// headers) and JSON, every bad-input rule with its location, all-or-nothing
// loads, fingerprints, round trips, filters, async loading and cancellation.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" {
#include <glib/gstdio.h>
#include <libcasereview/casereview.h>
}

#include "test-support.h"

namespace {

using test_support::TempDir;

const std::string data_dir = CASE_REVIEW_TEST_DATA_DIR;
const std::string demo_dir = std::string (CASE_REVIEW_SOURCE_DIR) + "/examples/data/luohu-2020";

template <typename T> struct ObjectPtr {
  T *ptr = nullptr;
  ObjectPtr () = default;
  explicit ObjectPtr (T *p) : ptr (p) {}
  ObjectPtr (const ObjectPtr &) = delete;
  ObjectPtr &operator= (const ObjectPtr &) = delete;
  ~ObjectPtr () { g_clear_object (&ptr); }
  T *get () const { return ptr; }
  T *operator-> () const { return ptr; }
};

struct Error {
  GError *error = nullptr;
  ~Error () { g_clear_error (&error); }
  GError **out () { g_clear_error (&error); return &error; }
};

std::string
take_string (char *s)
{
  std::string out = s != nullptr ? s : "";
  g_free (s);
  return out;
}

GFile *
file_at (const std::string &path)
{
  return g_file_new_for_path (path.c_str ());
}

bool
load (CaseReviewPopulation *population, const std::string &agencies, const std::string &cases,
      GError **error, CaseReviewTextEncoding encoding = CASE_REVIEW_TEXT_ENCODING_AUTO)
{
  ObjectPtr<GFile> a (file_at (agencies)), c (file_at (cases));
  return case_review_population_load_csv (population, a.get (), c.get (), encoding, nullptr, error);
}

std::string
read_file (const std::string &path)
{
  std::ifstream in (path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf ();
  return buffer.str ();
}

void
write_file (const std::string &path, const std::string &content)
{
  std::ofstream out (path, std::ios::binary);
  out << content;
}

CaseReviewPopulation *
load_demo ()
{
  CaseReviewPopulation *population = case_review_population_new ();
  Error error;
  EXPECT_TRUE (load (population, demo_dir + "/agencies.csv", demo_dir + "/cases.csv", error.out ()))
      << (error.error ? error.error->message : "");
  return population;
}

} // namespace

TEST (Population, LoadsTheDemoFrame)
{
  ObjectPtr<CaseReviewPopulation> population (load_demo ());

  // The demo CSV has 12,014 data rows (checked independently by counting lines).
  std::string text = read_file (demo_dir + "/cases.csv");
  EXPECT_EQ (case_review_population_get_n_cases (population.get ()), 12014u);
  EXPECT_EQ (g_list_model_get_n_items (G_LIST_MODEL (population.get ())), 12014u);
  EXPECT_EQ (g_list_model_get_item_type (G_LIST_MODEL (population.get ())), CASE_REVIEW_TYPE_CASE_FILE);
  EXPECT_EQ (g_list_model_get_n_items (case_review_population_get_agencies (population.get ())), 32u);

  guint total = 0;
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    total += case_review_population_count_for_kind (population.get (), (CaseReviewEnforcementKind) k);
  EXPECT_EQ (total, 12014u);

  guint by_agency = 0;
  GListModel *agencies = case_review_population_get_agencies (population.get ());
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      ObjectPtr<CaseReviewAgency> agency (CASE_REVIEW_AGENCY (g_list_model_get_item (agencies, i)));
      guint count = case_review_population_count_for_agency (population.get (), case_review_agency_get_id (agency.get ()));
      guint by_kind = 0;
      for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
        by_kind += case_review_population_count_for_stratum (population.get (), case_review_agency_get_id (agency.get ()),
                                                             (CaseReviewEnforcementKind) k);
      EXPECT_EQ (count, by_kind);
      EXPECT_GE (count, 12u);
      by_agency += count;
    }
  EXPECT_EQ (by_agency, 12014u);

  GDate *first = case_review_population_dup_first_closed_on (population.get ());
  GDate *last = case_review_population_dup_last_closed_on (population.get ());
  ASSERT_NE (first, nullptr);
  EXPECT_EQ (g_date_get_year (first), 2020);
  EXPECT_EQ (g_date_get_year (last), 2020);
  EXPECT_LE (g_date_compare (first, last), 0);
  g_date_free (first);
  g_date_free (last);

  ObjectPtr<CaseReviewCaseFile> found (case_review_population_lookup_case (population.get (), "深罗发改罚〔2020〕1号"));
  ASSERT_NE (found.get (), nullptr);
  EXPECT_STREQ (case_review_case_file_get_agency_id (found.get ()), "LH01");
  EXPECT_EQ (case_review_case_file_get_kind (found.get ()), CASE_REVIEW_ENFORCEMENT_KIND_PENALTY);
  EXPECT_EQ (case_review_case_file_get_amount (found.get ()), 350000);
  EXPECT_EQ (take_string (case_review_case_file_dup_closed_on_string (found.get ())), "2020-03-03");
  EXPECT_EQ (case_review_population_lookup_case (population.get (), "no such case"), nullptr);
  EXPECT_FALSE (case_review_population_contains_case (population.get (), "深罗发改罚〔2020〕999999号"));

  CaseReviewAgency *by_name = case_review_population_lookup_agency (population.get (), "深圳市罗湖区城市管理和综合执法局");
  ASSERT_NE (by_name, nullptr);
  EXPECT_STREQ (case_review_agency_get_id (by_name), "LH13");
  EXPECT_EQ (case_review_agency_get_category (by_name), CASE_REVIEW_AGENCY_CATEGORY_DISTRICT_DEPARTMENT);
}

TEST (Population, ParsesEveryFieldExactly)
{
  ObjectPtr<CaseReviewPopulation> population (case_review_population_new ());
  Error error;

  ASSERT_TRUE (load (population.get (), data_dir + "/population/agencies.csv",
                     data_dir + "/population/cases.csv", error.out ()))
      << error.error->message;
  ASSERT_EQ (case_review_population_get_n_cases (population.get ()), 7u);

  struct Expected { const char *id, *agency; CaseReviewEnforcementKind kind; const char *date; gint64 amount;
                    std::vector<std::string> flags; const char *title; };
  const Expected expected[] = {
    { "深罗城罚〔2020〕88号", "LH13", CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, "2020-03-05", 123456, { "complaint", "major" }, "占道经营案, 东门路" },
    { "深罗城罚〔2020〕89号", "LH13", CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, "2020-03-06", 150000, { "hearing" }, "未按规定设置\"垃圾分类\"收集容器案" },
    { "深罗城强〔2020〕1号", "LH13", CASE_REVIEW_ENFORCEMENT_KIND_COERCION, "2020-04-01", 29, {}, "查封场所\n（跨行说明）" },
    { "深罗发改检〔2020〕1号", "LH01", CASE_REVIEW_ENFORCEMENT_KIND_INSPECTION, "2020-12-31", -1, {}, "重点用能单位节能监察" },
    { "深罗东门罚〔2020〕7号", "LH23", CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, "2020-01-02", 50000, { "complaint", "major" }, nullptr },
    { "深罗东门许〔2020〕1号", "LH23", CASE_REVIEW_ENFORCEMENT_KIND_LICENSING, "2020-06-30", -1, {}, nullptr },
    { "深罗东门其〔2020〕1号", "LH23", CASE_REVIEW_ENFORCEMENT_KIND_OTHER, "2020-02-29", 50, { "litigation" }, "其他事项" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const Expected &e = expected[i];
      ObjectPtr<CaseReviewCaseFile> file (CASE_REVIEW_CASE_FILE (g_list_model_get_item (G_LIST_MODEL (population.get ()), i)));

      SCOPED_TRACE (e.id);
      EXPECT_STREQ (case_review_case_file_get_id (file.get ()), e.id);
      EXPECT_STREQ (case_review_case_file_get_agency_id (file.get ()), e.agency);
      EXPECT_EQ (case_review_case_file_get_kind (file.get ()), e.kind);
      EXPECT_EQ (take_string (case_review_case_file_dup_closed_on_string (file.get ())), e.date);
      EXPECT_EQ (case_review_case_file_has_amount (file.get ()), e.amount >= 0);
      EXPECT_EQ (case_review_case_file_get_amount (file.get ()), std::max<gint64> (e.amount, 0));
      std::vector<std::string> flags;
      for (const char * const *f = case_review_case_file_get_flags (file.get ()); *f != nullptr; f++)
        flags.push_back (*f);
      EXPECT_EQ (flags, e.flags);
      if (e.title == nullptr)
        EXPECT_EQ (case_review_case_file_get_title (file.get ()), nullptr);
      else
        EXPECT_STREQ (case_review_case_file_get_title (file.get ()), e.title);
    }
  EXPECT_EQ (g_list_model_get_item (G_LIST_MODEL (population.get ())
                                    , 7), nullptr);
}

TEST (Population, FingerprintIgnoresOrderEncodingHeadersAndLineEnds)
{
  ObjectPtr<CaseReviewPopulation> reference (case_review_population_new ());
  ObjectPtr<CaseReviewPopulation> other (case_review_population_new ());
  Error error;
  std::string dir = data_dir + "/population/";

  ASSERT_TRUE (load (reference.get (), dir + "agencies.csv", dir + "cases.csv", error.out ()));
  std::string fingerprint = take_string (case_review_population_dup_fingerprint (reference.get ()));
  EXPECT_EQ (fingerprint.size (), 64u);
  EXPECT_EQ (fingerprint.find_first_not_of ("0123456789abcdef"), std::string::npos);

  // Chinese headers, CRLF and a byte-order mark.
  ASSERT_TRUE (load (other.get (), dir + "agencies.csv", dir + "cases-zh-crlf-bom.csv", error.out ()))
      << error.error->message;
  EXPECT_EQ (take_string (case_review_population_dup_fingerprint (other.get ())), fingerprint);

  // GB18030, detected and declared.
  ASSERT_TRUE (load (other.get (), dir + "agencies-gb18030.csv", dir + "cases-gb18030.csv", error.out ()))
      << error.error->message;
  EXPECT_EQ (take_string (case_review_population_dup_fingerprint (other.get ())), fingerprint);
  ASSERT_TRUE (load (other.get (), dir + "agencies-gb18030.csv", dir + "cases-gb18030.csv", error.out (),
                     CASE_REVIEW_TEXT_ENCODING_GB18030));
  EXPECT_EQ (take_string (case_review_population_dup_fingerprint (other.get ())), fingerprint);

  // GB18030 declared as UTF-8 is an encoding error, not garbage.
  EXPECT_FALSE (load (other.get (), dir + "agencies-gb18030.csv", dir + "cases-gb18030.csv", error.out (),
                      CASE_REVIEW_TEXT_ENCODING_UTF8));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_ENCODING));
}

TEST (Population, FingerprintOfShuffledDemoFrameIsUnchangedAndAnyEditChangesIt)
{
  ObjectPtr<CaseReviewPopulation> population (load_demo ());
  std::string fingerprint = take_string (case_review_population_dup_fingerprint (population.get ()));
  TempDir tmp;
  Error error;

  std::string text = read_file (demo_dir + "/cases.csv");
  std::vector<std::string> lines;
  std::stringstream stream (text);
  for (std::string line; std::getline (stream, line);)
    lines.push_back (line);
  std::string header = lines.front ();
  std::vector<std::string> body (lines.begin () + 1, lines.end ());
  std::mt19937 shuffler (7);
  std::shuffle (body.begin (), body.end (), shuffler);
  std::string shuffled = header + "\n";
  for (const std::string &line : body)
    shuffled += line + "\n";
  write_file (tmp / "shuffled.csv", shuffled);

  ObjectPtr<CaseReviewPopulation> reloaded (case_review_population_new ());
  ASSERT_TRUE (load (reloaded.get (), demo_dir + "/agencies.csv", tmp / "shuffled.csv", error.out ()));
  EXPECT_EQ (take_string (case_review_population_dup_fingerprint (reloaded.get ())), fingerprint);

  // Changing one field of one case (the last amount digit, a date, a flag)
  // changes the fingerprint.
  const std::pair<std::string, std::string> edits[] = {
    { ",3500.00,", ",3500.01," }, { ",2020-03-03,", ",2020-03-04," }, { "招标投标活动违反规定案", "招标投标活动违反规定" },
  };
  for (const auto &edit : edits)
    {
      std::string changed = text;
      size_t at = changed.find (edit.first);
      ASSERT_NE (at, std::string::npos) << edit.first;
      changed.replace (at, edit.first.size (), edit.second);
      write_file (tmp / "changed.csv", changed);
      ASSERT_TRUE (load (reloaded.get (), demo_dir + "/agencies.csv", tmp / "changed.csv", error.out ()));
      EXPECT_NE (take_string (case_review_population_dup_fingerprint (reloaded.get ())), fingerprint) << edit.first;
    }
}

TEST (Population, RoundTripsThroughJsonAndCsv)
{
  ObjectPtr<CaseReviewPopulation> population (case_review_population_new ());
  Error error;
  TempDir tmp;

  ASSERT_TRUE (load (population.get (), data_dir + "/population/agencies.csv",
                     data_dir + "/population/cases.csv", error.out ()));
  std::string fingerprint = take_string (case_review_population_dup_fingerprint (population.get ()));

  ObjectPtr<GFile> json (file_at (tmp / "population.json"));
  ASSERT_TRUE (case_review_population_save_json (population.get (), json.get (), nullptr, error.out ()));
  ObjectPtr<CaseReviewPopulation> from_json (case_review_population_new ());
  ASSERT_TRUE (case_review_population_load_json (from_json.get (), json.get (), nullptr, error.out ()))
      << error.error->message;
  EXPECT_EQ (take_string (case_review_population_dup_fingerprint (from_json.get ())), fingerprint);

  for (gboolean bom : std::vector<gboolean> { FALSE, TRUE })
    {
      ObjectPtr<GFile> agencies (file_at (tmp / "agencies-out.csv")), cases (file_at (tmp / "cases-out.csv"));
      ASSERT_TRUE (case_review_population_save_agencies_csv (population.get (), agencies.get (), bom, nullptr, error.out ()));
      ASSERT_TRUE (case_review_population_save_cases_csv (population.get (), cases.get (), bom, nullptr, error.out ()));
      EXPECT_EQ (read_file (tmp / "cases-out.csv").rfind ("\xef\xbb\xbf", 0) == 0, (bool) bom);
      ObjectPtr<CaseReviewPopulation> from_csv (case_review_population_new ());
      ASSERT_TRUE (load (from_csv.get (), tmp / "agencies-out.csv", tmp / "cases-out.csv", error.out ()))
          << error.error->message;
      EXPECT_EQ (take_string (case_review_population_dup_fingerprint (from_csv.get ())), fingerprint);
    }

  // The demo frame round-trips too.
  ObjectPtr<CaseReviewPopulation> demo (load_demo ());
  ASSERT_TRUE (case_review_population_save_json (demo.get (), json.get (), nullptr, error.out ()));
  ASSERT_TRUE (case_review_population_load_json (from_json.get (), json.get (), nullptr, error.out ()));
  EXPECT_EQ (take_string (case_review_population_dup_fingerprint (from_json.get ())),
             take_string (case_review_population_dup_fingerprint (demo.get ())));
}

namespace {

struct BadCase {
  std::string file, code, needle;
  unsigned line, column;
};

std::vector<BadCase>
read_bad_cases ()
{
  std::vector<BadCase> cases;
  std::stringstream stream (read_file (data_dir + "/bad/expected.tsv"));
  for (std::string line; std::getline (stream, line);)
    {
      if (line.empty () || line[0] == '#')
        continue;
      std::vector<std::string> fields;
      std::stringstream row (line);
      for (std::string field; std::getline (row, field, '\t');)
        fields.push_back (field);
      if (fields.size () != 5)
        ADD_FAILURE () << "malformed expected.tsv line: " << line;
      else
        cases.push_back ({ fields[0], fields[1], fields[4], (unsigned) std::stoul (fields[2]),
                           (unsigned) std::stoul (fields[3]) });
    }
  return cases;
}

} // namespace

TEST (Population, EveryBadFileGivesItsErrorAndLocationAndChangesNothing)
{
  std::vector<BadCase> cases = read_bad_cases ();
  ASSERT_GE (cases.size (), 24u);
  GEnumClass *codes = static_cast<GEnumClass *> (g_type_class_ref (CASE_REVIEW_TYPE_ERROR));

  for (const BadCase &bad : cases)
    {
      SCOPED_TRACE (bad.file);
      ObjectPtr<CaseReviewPopulation> population (load_demo ());
      std::string before = take_string (case_review_population_dup_fingerprint (population.get ()));
      bool is_agencies = bad.file.rfind ("agencies-", 0) == 0;
      std::string agencies = is_agencies ? data_dir + "/bad/" + bad.file : data_dir + "/population/agencies.csv";
      std::string cases_file = is_agencies ? data_dir + "/population/cases.csv" : data_dir + "/bad/" + bad.file;
      Error error;

      EXPECT_FALSE (load (population.get (), agencies, cases_file, error.out ()));
      ASSERT_NE (error.error, nullptr);
      GEnumValue *expected_code = g_enum_get_value_by_nick (codes, bad.code.c_str ());
      ASSERT_NE (expected_code, nullptr) << bad.code;
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, expected_code->value))
          << "code " << error.error->code << ": " << error.error->message;
      std::string prefix = bad.file + ":" + std::to_string (bad.line) + ":" + std::to_string (bad.column) + ": ";
      EXPECT_EQ (std::string (error.error->message).rfind (prefix, 0), 0u) << error.error->message;
      EXPECT_NE (std::string (error.error->message).find (bad.needle), std::string::npos) << error.error->message;

      // All or nothing.
      EXPECT_EQ (case_review_population_get_n_cases (population.get ()), 12014u);
      EXPECT_EQ (take_string (case_review_population_dup_fingerprint (population.get ())), before);
      EXPECT_EQ (case_review_population_get_problems (population.get ())->len, 1u);
    }
  g_type_class_unref (codes);
}

TEST (Population, CollectsManyProblemsWhenAsked)
{
  TempDir tmp;
  write_file (tmp / "cases.csv",
              "case_id,agency,kind,closed_on,amount,flags,title\n"
              "A1,LH13,penalty,2020-02-30,1.00,,\n"      // impossible date
              "A2,LH99,penalty,2020-03-01,1.00,,\n"      // unknown agency
              "A3,LH13,penalty,2020-03-01,1.005,,\n"     // three decimals
              "A1,LH13,penalty,2020-03-01,1.00,,\n");    // duplicate of line 2
  ObjectPtr<CaseReviewPopulation> population (case_review_population_new ());
  Error error;

  case_review_population_set_max_errors (population.get (), 100);
  EXPECT_FALSE (load (population.get (), data_dir + "/population/agencies.csv", tmp / "cases.csv", error.out ()));
  GPtrArray *problems = case_review_population_get_problems (population.get ());
  ASSERT_EQ (problems->len, 4u) << error.error->message;
  const char *prefixes[] = { "cases.csv:2:4: ", "cases.csv:3:2: ", "cases.csv:4:5: ", "cases.csv:5:1: " };
  for (guint i = 0; i < 4; i++)
    EXPECT_EQ (std::string (((GError *) g_ptr_array_index (problems, i))->message).rfind (prefixes[i], 0), 0u)
        << ((GError *) g_ptr_array_index (problems, i))->message;
  EXPECT_NE (std::string (((GError *) g_ptr_array_index (problems, 3))->message).find ("first at line 2"), std::string::npos);
  EXPECT_EQ (std::count (error.error->message, error.error->message + strlen (error.error->message), '\n'), 3);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));

  // A limit of two stops after two and says so.
  case_review_population_set_max_errors (population.get (), 2);
  EXPECT_FALSE (load (population.get (), data_dir + "/population/agencies.csv", tmp / "cases.csv", error.out ()));
  EXPECT_EQ (case_review_population_get_problems (population.get ())->len, 2u);
  EXPECT_NE (std::string (error.error->message).find ("stopped"), std::string::npos);
  EXPECT_EQ (case_review_population_get_n_cases (population.get ()), 0u);
}

TEST (Population, MissingFileIsAnIoError)
{
  ObjectPtr<CaseReviewPopulation> population (case_review_population_new ());
  Error error;

  EXPECT_FALSE (load (population.get (), data_dir + "/population/agencies.csv", data_dir + "/no-such-file.csv", error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)) << error.error->message;
  EXPECT_EQ (case_review_population_get_problems (population.get ())->len, 0u);
}

TEST (Population, BadJsonIsLocatedByPath)
{
  TempDir tmp;
  const struct { const char *json; int code; const char *needle; } cases[] = {
    { "{", CASE_REVIEW_ERROR_PARSE, "population.json:" },
    { "[]", CASE_REVIEW_ERROR_INVALID, "$: expected a JSON object" },
    { "{\"format\":\"other\",\"version\":1}", CASE_REVIEW_ERROR_INVALID, "$.format" },
    { "{\"format\":\"libcasereview-population\",\"version\":2,\"agencies\":[],\"cases\":[]}", CASE_REVIEW_ERROR_UNSUPPORTED, "$.version" },
    { "{\"format\":\"libcasereview-population\",\"version\":1,\"agencies\":[{\"id\":\"A\",\"name\":\"甲\"}],"
      "\"cases\":[{\"id\":\"C1\",\"agency\":\"A\",\"kind\":\"penalty\",\"closed_on\":\"2020-02-30\"}]}",
      CASE_REVIEW_ERROR_INVALID, "$.cases[0].closed_on" },
    { "{\"format\":\"libcasereview-population\",\"version\":1,\"agencies\":[{\"id\":\"A\",\"name\":\"甲\"}],"
      "\"cases\":[{\"id\":\"C1\",\"agency\":\"A\",\"kind\":\"penalty\",\"closed_on\":\"2020-02-01\",\"amount_fen\":1.5}]}",
      CASE_REVIEW_ERROR_INVALID, "$.cases[0].amount_fen" },
    { "{\"format\":\"libcasereview-population\",\"version\":1,\"agencies\":[{\"id\":\"A\",\"name\":\"甲\"}],"
      "\"cases\":[{\"id\":\"C1\",\"agency\":\"A\",\"kind\":\"penalty\",\"closed_on\":\"2020-02-01\"},"
      "{\"id\":\"C1\",\"agency\":\"A\",\"kind\":\"penalty\",\"closed_on\":\"2020-02-01\"}]}",
      CASE_REVIEW_ERROR_DUPLICATE, "$.cases[1].id" },
    { "{\"format\":\"libcasereview-population\",\"version\":1,\"agencies\":[{\"id\":\"A\",\"name\":\"甲\"}],"
      "\"cases\":[{\"id\":\"C1\",\"agency\":\"B\",\"kind\":\"penalty\",\"closed_on\":\"2020-02-01\"}]}",
      CASE_REVIEW_ERROR_NOT_FOUND, "$.cases[0].agency" },
  };

  ObjectPtr<CaseReviewPopulation> population (load_demo ());
  std::string before = take_string (case_review_population_dup_fingerprint (population.get ()));
  for (const auto &c : cases)
    {
      SCOPED_TRACE (c.json);
      write_file (tmp / "population.json", c.json);
      ObjectPtr<GFile> file (file_at (tmp / "population.json"));
      Error error;
      EXPECT_FALSE (case_review_population_load_json (population.get (), file.get (), nullptr, error.out ()));
      ASSERT_NE (error.error, nullptr);
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, c.code)) << error.error->message;
      EXPECT_NE (std::string (error.error->message).find (c.needle), std::string::npos) << error.error->message;
      EXPECT_EQ (take_string (case_review_population_dup_fingerprint (population.get ())), before);
    }
}

TEST (Population, FilterBuildsTheReviewFrame)
{
  ObjectPtr<CaseReviewPopulation> population (load_demo ());
  ObjectPtr<CaseReviewFrameFilter> filter (case_review_frame_filter_new ());
  Error error;

  // An empty filter keeps everything.
  ObjectPtr<CaseReviewPopulation> all (case_review_population_filter (population.get (), filter.get (), error.out ()));
  EXPECT_EQ (case_review_population_get_n_cases (all.get ()), 12014u);
  EXPECT_EQ (take_string (case_review_population_dup_fingerprint (all.get ())),
             take_string (case_review_population_dup_fingerprint (population.get ())));

  GDate *from = g_date_new_dmy (1, G_DATE_JULY, 2020), *to = g_date_new_dmy (30, G_DATE_SEPTEMBER, 2020);
  CaseReviewEnforcementKind kinds[] = { CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, CASE_REVIEW_ENFORCEMENT_KIND_COERCION };
  const char *agencies[] = { "LH13", "LH17", nullptr };
  const char *excluded[] = { "深罗城罚〔2020〕500号", "not in the frame", nullptr };
  case_review_frame_filter_set_closed_between (filter.get (), from, to);
  case_review_frame_filter_set_kinds (filter.get (), kinds, G_N_ELEMENTS (kinds));
  case_review_frame_filter_set_agencies (filter.get (), agencies);
  case_review_frame_filter_set_excluded_ids (filter.get (), excluded);

  ObjectPtr<CaseReviewPopulation> frame (case_review_population_filter (population.get (), filter.get (), error.out ()));
  ASSERT_NE (frame.get (), nullptr);

  // Count the same thing independently, through the list model and matches().
  guint expected = 0;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (population.get ())); i++)
    {
      ObjectPtr<CaseReviewCaseFile> file (CASE_REVIEW_CASE_FILE (g_list_model_get_item (G_LIST_MODEL (population.get ()), i)));
      const GDate *date = case_review_case_file_get_closed_on (file.get ());
      std::string agency = case_review_case_file_get_agency_id (file.get ());
      CaseReviewEnforcementKind kind = case_review_case_file_get_kind (file.get ());
      bool by_hand = g_date_compare (date, from) >= 0 && g_date_compare (date, to) <= 0 &&
                     (agency == "LH13" || agency == "LH17") &&
                     (kind == CASE_REVIEW_ENFORCEMENT_KIND_PENALTY || kind == CASE_REVIEW_ENFORCEMENT_KIND_COERCION) &&
                     std::string (case_review_case_file_get_id (file.get ())) != "深罗城罚〔2020〕500号";
      EXPECT_EQ (by_hand, (bool) case_review_frame_filter_matches (filter.get (), file.get ()));
      EXPECT_EQ (by_hand, (bool) case_review_population_contains_case (frame.get (), case_review_case_file_get_id (file.get ())));
      expected += by_hand;
    }
  EXPECT_GT (expected, 100u);
  EXPECT_EQ (case_review_population_get_n_cases (frame.get ()), expected);
  EXPECT_EQ (case_review_population_count_for_agency (frame.get (), "LH01"), 0u);
  g_date_free (from);
  g_date_free (to);

  const char *typo[] = { "LH1", nullptr };
  case_review_frame_filter_set_agencies (filter.get (), typo);
  EXPECT_EQ (case_review_population_filter (population.get (), filter.get (), error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
}

TEST (Population, StratumKeys)
{
  ObjectPtr<CaseReviewPopulation> population (case_review_population_new ());
  Error error;
  ASSERT_TRUE (load (population.get (), data_dir + "/population/agencies.csv", data_dir + "/population/cases.csv", error.out ()));

  auto keys = [&] (CaseReviewStratification by) {
    char **strv = case_review_population_dup_stratum_keys (population.get (), by);
    std::vector<std::string> out (strv, strv + g_strv_length (strv));
    g_strfreev (strv);
    return out;
  };
  EXPECT_EQ (keys (CASE_REVIEW_STRATIFICATION_AGENCY), (std::vector<std::string> { "LH01", "LH13", "LH23" }));
  EXPECT_EQ (keys (CASE_REVIEW_STRATIFICATION_KIND),
             (std::vector<std::string> { "coercion", "inspection", "licensing", "other", "penalty" }));
  EXPECT_EQ (keys (CASE_REVIEW_STRATIFICATION_AGENCY_KIND),
             (std::vector<std::string> { "LH01/inspection", "LH13/coercion", "LH13/penalty", "LH23/licensing",
                                         "LH23/other", "LH23/penalty" }));
  EXPECT_EQ (take_string (case_review_population_dup_stratum_key (population.get (), 2, CASE_REVIEW_STRATIFICATION_AGENCY_KIND)),
             "LH13/coercion");
  EXPECT_EQ (case_review_population_dup_stratum_key (population.get (), 99, CASE_REVIEW_STRATIFICATION_AGENCY), nullptr);
}

TEST (Population, AddingInCodeValidatesLikeLoading)
{
  ObjectPtr<CaseReviewPopulation> population (case_review_population_new ());
  ObjectPtr<CaseReviewAgency> agency (case_review_agency_new ("A", "甲局", nullptr, CASE_REVIEW_AGENCY_CATEGORY_OTHER));
  ObjectPtr<CaseReviewAgency> same_id (case_review_agency_new ("A", "乙局", nullptr, CASE_REVIEW_AGENCY_CATEGORY_OTHER));
  ObjectPtr<CaseReviewAgency> same_name (case_review_agency_new ("B", "甲局", nullptr, CASE_REVIEW_AGENCY_CATEGORY_OTHER));
  GDate *date = g_date_new_dmy (5, G_DATE_MARCH, 2020);
  const char *flags[] = { "major", " major", "complaint", "", nullptr };
  ObjectPtr<CaseReviewCaseFile> file (case_review_case_file_new_full ("C1", "A", CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, date,
                                                                      12345, 2.5, flags, "标题"));
  ObjectPtr<CaseReviewCaseFile> orphan (case_review_case_file_new ("C2", "Z", CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, date));
  Error error;
  guint changes = 0;

  g_signal_connect_swapped (population.get (), "items-changed", G_CALLBACK (+[] (guint *n) { (*n)++; }), &changes);
  EXPECT_STREQ (case_review_agency_get_short_name (agency.get ()), "甲局");
  ASSERT_TRUE (case_review_population_add_agency (population.get (), agency.get (), error.out ()));
  EXPECT_FALSE (case_review_population_add_agency (population.get (), same_id.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE));
  EXPECT_FALSE (case_review_population_add_agency (population.get (), same_name.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE));

  ASSERT_TRUE (case_review_population_add_case (population.get (), file.get (), error.out ()));
  EXPECT_EQ (changes, 1u);
  EXPECT_FALSE (case_review_population_add_case (population.get (), file.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE));
  EXPECT_FALSE (case_review_population_add_case (population.get (), orphan.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
  EXPECT_EQ (changes, 1u);

  ObjectPtr<CaseReviewCaseFile> back (case_review_population_lookup_case (population.get (), "C1"));
  const char * const *stored = case_review_case_file_get_flags (back.get ());
  ASSERT_EQ (g_strv_length ((char **) stored), 2u);
  EXPECT_STREQ (stored[0], "complaint");
  EXPECT_STREQ (stored[1], "major");
  EXPECT_TRUE (case_review_case_file_has_flag (back.get (), "major"));
  EXPECT_EQ (case_review_case_file_get_weight (back.get ()), 2.5);
  EXPECT_EQ (case_review_case_file_get_amount (back.get ()), 12345);
  g_date_free (date);
}

namespace {

struct AsyncState {
  GMainLoop *loop;
  gboolean ok = FALSE;
  GError *error = nullptr;
  std::vector<double> progress;
};

void
on_loaded (GObject *source, GAsyncResult *result, gpointer data)
{
  AsyncState *state = static_cast<AsyncState *> (data);
  state->ok = case_review_population_load_csv_finish (CASE_REVIEW_POPULATION (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

void
on_progress (GObject *object, GParamSpec *, gpointer data)
{
  static_cast<AsyncState *> (data)->progress.push_back (case_review_population_get_progress (CASE_REVIEW_POPULATION (object)));
}

} // namespace

TEST (Population, LoadsAsynchronouslyWithProgressAndCancels)
{
  ObjectPtr<CaseReviewPopulation> population (case_review_population_new ());
  ObjectPtr<GFile> agencies (file_at (demo_dir + "/agencies.csv")), cases (file_at (demo_dir + "/cases.csv"));
  AsyncState state;
  state.loop = g_main_loop_new (nullptr, FALSE);

  g_signal_connect (population.get (), "notify::progress", G_CALLBACK (on_progress), &state);
  case_review_population_load_csv_async (population.get (), agencies.get (), cases.get (),
                                         CASE_REVIEW_TEXT_ENCODING_AUTO, nullptr, on_loaded, &state);
  // Nothing changes until the load finishes.
  EXPECT_EQ (case_review_population_get_n_cases (population.get ()), 0u);
  g_main_loop_run (state.loop);
  ASSERT_TRUE (state.ok) << state.error->message;
  EXPECT_EQ (case_review_population_get_n_cases (population.get ()), 12014u);
  ASSERT_FALSE (state.progress.empty ());
  EXPECT_DOUBLE_EQ (state.progress.back (), 1.0);
  EXPECT_TRUE (std::is_sorted (state.progress.begin (), state.progress.end ()));

  // A cancelled load leaves the population as it was.
  std::string before = take_string (case_review_population_dup_fingerprint (population.get ()));
  ObjectPtr<GCancellable> cancellable (g_cancellable_new ());
  ObjectPtr<GFile> small_agencies (file_at (data_dir + "/population/agencies.csv"));
  ObjectPtr<GFile> small_cases (file_at (data_dir + "/population/cases.csv"));
  g_cancellable_cancel (cancellable.get ());
  case_review_population_load_csv_async (population.get (), small_agencies.get (), small_cases.get (),
                                         CASE_REVIEW_TEXT_ENCODING_AUTO, cancellable.get (), on_loaded, &state);
  g_main_loop_run (state.loop);
  EXPECT_FALSE (state.ok);
  EXPECT_TRUE (g_error_matches (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  EXPECT_EQ (take_string (case_review_population_dup_fingerprint (population.get ())), before);
  g_clear_error (&state.error);

  // Synchronous cancellation, too.
  Error error;
  EXPECT_FALSE (case_review_population_load_csv (population.get (), small_agencies.get (), small_cases.get (),
                                                 CASE_REVIEW_TEXT_ENCODING_AUTO, cancellable.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  EXPECT_EQ (case_review_population_get_n_cases (population.get ()), 12014u);
  g_main_loop_unref (state.loop);
}

TEST (EnforcementKind, NamesLabelsAndParsing)
{
  const struct { CaseReviewEnforcementKind kind; const char *name, *label, *english; } kinds[] = {
    { CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, "penalty", "处罚", "Penalty" },
    { CASE_REVIEW_ENFORCEMENT_KIND_COERCION, "coercion", "强制", "Coercion" },
    { CASE_REVIEW_ENFORCEMENT_KIND_INSPECTION, "inspection", "检查", "Inspection" },
    { CASE_REVIEW_ENFORCEMENT_KIND_LICENSING, "licensing", "许可", "Licensing" },
    { CASE_REVIEW_ENFORCEMENT_KIND_OTHER, "other", "其他", "Other" },
  };
  for (const auto &k : kinds)
    {
      CaseReviewEnforcementKind parsed;
      EXPECT_STREQ (case_review_enforcement_kind_get_name (k.kind), k.name);
      EXPECT_STREQ (case_review_enforcement_kind_get_label (k.kind), k.label);
      EXPECT_STREQ (case_review_enforcement_kind_get_english_label (k.kind), k.english);
      for (const char *text : { k.name, k.label, k.english })
        {
          ASSERT_TRUE (case_review_enforcement_kind_parse (text, &parsed)) << text;
          EXPECT_EQ (parsed, k.kind);
        }
    }
  CaseReviewEnforcementKind parsed;
  EXPECT_TRUE (case_review_enforcement_kind_parse (" 行政许可 ", &parsed));
  EXPECT_EQ (parsed, CASE_REVIEW_ENFORCEMENT_KIND_LICENSING);
  EXPECT_FALSE (case_review_enforcement_kind_parse ("罚款", &parsed));
  EXPECT_FALSE (case_review_enforcement_kind_parse ("", &parsed));

  CaseReviewAgencyCategory category;
  EXPECT_TRUE (case_review_agency_category_parse ("street-office", &category));
  EXPECT_EQ (category, CASE_REVIEW_AGENCY_CATEGORY_STREET_OFFICE);
  EXPECT_TRUE (case_review_agency_category_parse ("街道办事处", &category));
  EXPECT_STREQ (case_review_agency_category_get_name (CASE_REVIEW_AGENCY_CATEGORY_MUNICIPAL_BRANCH), "municipal_branch");
  EXPECT_FALSE (case_review_agency_category_parse ("ministry", &category));
}
