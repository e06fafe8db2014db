// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The rubric as data: the bundled default rubric against the design note's
// numbers, veto scopes, lookups, grade bands at their edges (four- and
// three-band), the canonical JSON round trip, exact decimal points, and one
// bad file per validation rule with its error code and JSON path.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <glib/gstdio.h>

#include "test-support.h"

namespace {

using namespace test_support;

const std::string source_dir = CASE_REVIEW_SOURCE_DIR;
const std::string default_rubric_path = source_dir + "/data/rubric/default-rubric.json";

struct Text {
  char *text;
  explicit Text (char *t) : text (t) {}
  ~Text () { g_free (text); }
  std::string str () const { return text != nullptr ? text : ""; }
};

std::string
read_file (const std::string &path)
{
  std::ifstream in (path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf ();
  return buffer.str ();
}

constexpr CaseReviewEnforcementKind PENALTY = CASE_REVIEW_ENFORCEMENT_KIND_PENALTY;
constexpr CaseReviewEnforcementKind COERCION = CASE_REVIEW_ENFORCEMENT_KIND_COERCION;
constexpr CaseReviewEnforcementKind INSPECTION = CASE_REVIEW_ENFORCEMENT_KIND_INSPECTION;
constexpr CaseReviewEnforcementKind LICENSING = CASE_REVIEW_ENFORCEMENT_KIND_LICENSING;
constexpr CaseReviewEnforcementKind OTHER = CASE_REVIEW_ENFORCEMENT_KIND_OTHER;
const CaseReviewEnforcementKind main_kinds[] = { PENALTY, COERCION, INSPECTION, LICENSING };

template <typename T>
std::vector<T *>
items_of (GListModel *model)
{
  std::vector<T *> out;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      gpointer item = g_list_model_get_item (model, i);
      out.push_back (static_cast<T *> (item));
      g_object_unref (item);   // the model keeps it alive
    }
  return out;
}

std::vector<std::string>
veto_codes (CaseReviewRubric *rubric, CaseReviewEnforcementKind kind)
{
  std::vector<std::string> codes;
  for (auto *veto : items_of<CaseReviewRubricVeto> (case_review_rubric_get_vetoes (rubric, kind)))
    codes.push_back (case_review_rubric_veto_get_code (veto));
  return codes;
}

std::vector<std::string>
codes (std::initializer_list<const char *> list)
{
  return std::vector<std::string> (list.begin (), list.end ());
}

std::vector<std::string>
concat (std::vector<std::string> a, const std::vector<std::string> &b)
{
  a.insert (a.end (), b.begin (), b.end ());
  return a;
}

const std::vector<std::string> common_vetoes =
    codes ({ "V01", "V02", "V03", "V04", "V05", "V06", "V07", "V08", "V09", "V10" });

// A small valid rubric; each bad case below changes one thing in it.
const std::string base_rubric = R"({
  "format": "libcasereview-rubric",
  "version": 1,
  "id": "test",
  "title": "测试标准",
  "title_en": "Test rubric",
  "not_applicable": "drop",
  "grade_scheme": "four_band",
  "bands": {"excellent": 90, "good": 80, "pass": 60},
  "vetoes": [{"code": "V01", "text": "执法主体不合法", "text_en": "Unlawful body", "basis": "《行政处罚法》第三十八条"}],
  "kinds": {
    "penalty": {
      "vetoes": [{"code": "P01", "text": "处罚特有否决", "text_en": "Penalty veto", "basis": ""}],
      "items": [
        {"code": "1", "title": "事实与证据", "title_en": "Facts", "max": 60,
         "deductions": [{"code": "1.1", "text": "证据不足", "text_en": "Weak evidence", "points": 2.5, "max_occurrences": 2},
                        {"code": "1.2", "text": "要素不全", "text_en": "Incomplete", "points": 5, "max_occurrences": 0}]},
        {"code": "2", "title": "程序", "title_en": "Procedure", "max": 40,
         "deductions": [{"code": "2.1", "text": "未送达", "text_en": "Not served", "points": 10, "max_occurrences": 1}]}
      ]
    }
  }
})";

const std::string header = R"({"format": "libcasereview-rubric", "version": 1, "id": "t", "title": "标准", "title_en": "Rubric", )";

std::string
replaced (const std::string &find, const std::string &replacement)
{
  std::string text = base_rubric;
  size_t at = text.find (find);
  EXPECT_NE (at, std::string::npos) << find;
  EXPECT_EQ (text.find (find, at + 1), std::string::npos) << "not unique: " << find;
  if (at != std::string::npos)
    text.replace (at, find.size (), replacement);
  return text;
}

CaseReviewRubric *
load_ok (const std::string &json)
{
  Error error;
  CaseReviewRubric *rubric = case_review_rubric_new_from_json (json.c_str (), error.out ());
  EXPECT_NE (rubric, nullptr) << error.message ();
  return rubric;
}

} // namespace

TEST (Rubric, DefaultIsOneSharedInstance)
{
  CaseReviewRubric *rubric = case_review_rubric_get_default ();
  ASSERT_NE (rubric, nullptr);
  EXPECT_EQ (case_review_rubric_get_default (), rubric);

  std::vector<CaseReviewRubric *> seen (8, nullptr);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size (); i++)
    threads.emplace_back ([&seen, i] { seen[i] = case_review_rubric_get_default (); });
  for (auto &thread : threads)
    thread.join ();
  for (auto *other : seen)
    EXPECT_EQ (other, rubric);

  EXPECT_STREQ (case_review_rubric_get_id (rubric), "libcasereview-default");
  EXPECT_STREQ (case_review_rubric_get_title (rubric), "行政执法案卷评查标准（libcasereview 默认）");
  EXPECT_NE (std::string (case_review_rubric_get_english_title (rubric)), "");
  EXPECT_EQ (case_review_rubric_get_grade_scheme (rubric), CASE_REVIEW_GRADE_SCHEME_FOUR_BAND);
  EXPECT_EQ (case_review_rubric_get_not_applicable_policy (rubric), CASE_REVIEW_NOT_APPLICABLE_POLICY_DROP);
}

TEST (Rubric, DefaultCoversTheFourMainKindsEachTotalling100)
{
  CaseReviewRubric *rubric = case_review_rubric_get_default ();

  for (auto kind : main_kinds)
    {
      guint total = 0;
      EXPECT_TRUE (case_review_rubric_covers_kind (rubric, kind));
      for (auto *item : items_of<CaseReviewRubricItem> (case_review_rubric_get_items (rubric, kind)))
        {
          EXPECT_EQ (case_review_rubric_item_get_kind (item), kind);
          total += case_review_rubric_item_get_max_tenths (item);
        }
      EXPECT_EQ (total, 1000u) << case_review_enforcement_kind_get_name (kind);
    }

  EXPECT_FALSE (case_review_rubric_covers_kind (rubric, OTHER));
  EXPECT_EQ (g_list_model_get_n_items (case_review_rubric_get_items (rubric, OTHER)), 0u);
  EXPECT_EQ (case_review_rubric_lookup_item (rubric, OTHER, "1"), nullptr);
  EXPECT_EQ (case_review_rubric_lookup_deduction (rubric, OTHER, "1.1"), nullptr);
}

TEST (Rubric, DefaultHasTheDesignNotesPointsPerKindAndItem)
{
  // 1 执法主体与人员 10/10/15/10; 2 事实与证据 20/15/15/15; 3 法律适用 15/15/10/10;
  // 4 执法程序 25/35/30/35; 5 自由裁量 10/5/–/–; 6 检查结果处理 or 许可送达与收费 –/–/10/10;
  // 7 文书制作 10/10/10/10; 8 立卷归档 10/10/10/10 (处罚/强制/检查/许可).
  struct Row { const char *code, *title; int points[4]; };
  const Row table[] = {
    { "1", "执法主体与人员", { 10, 10, 15, 10 } },
    { "2", "事实与证据", { 20, 15, 15, 15 } },
    { "3", "法律适用", { 15, 15, 10, 10 } },
    { "4", "执法程序", { 25, 35, 30, 35 } },
    { "5", "自由裁量", { 10, 5, 0, 0 } },
    { "6", nullptr, { 0, 0, 10, 10 } },
    { "7", "文书制作", { 10, 10, 10, 10 } },
    { "8", "立卷归档", { 10, 10, 10, 10 } },
  };
  CaseReviewRubric *rubric = case_review_rubric_get_default ();

  for (int k = 0; k < 4; k++)
    {
      CaseReviewEnforcementKind kind = main_kinds[k];
      std::vector<std::string> expected_order;
      std::vector<std::string> actual_order;

      for (const Row &row : table)
        {
          CaseReviewRubricItem *item = case_review_rubric_lookup_item (rubric, kind, row.code);
          if (row.points[k] == 0)
            {
              EXPECT_EQ (item, nullptr) << row.code;
              continue;
            }
          expected_order.push_back (row.code);
          ASSERT_NE (item, nullptr) << case_review_enforcement_kind_get_name (kind) << " " << row.code;
          EXPECT_EQ (case_review_rubric_item_get_max_tenths (item), (guint) row.points[k] * 10)
              << case_review_enforcement_kind_get_name (kind) << " " << row.code;
          if (row.title != nullptr)
            {
              EXPECT_STREQ (case_review_rubric_item_get_title (item), row.title);
            }
          EXPECT_NE (std::string (case_review_rubric_item_get_english_title (item)), "");
        }
      for (auto *item : items_of<CaseReviewRubricItem> (case_review_rubric_get_items (rubric, kind)))
        actual_order.push_back (case_review_rubric_item_get_code (item));
      EXPECT_EQ (actual_order, expected_order);
    }

  EXPECT_STREQ (case_review_rubric_item_get_title (case_review_rubric_lookup_item (rubric, INSPECTION, "6")),
                "检查结果处理");
  EXPECT_STREQ (case_review_rubric_item_get_title (case_review_rubric_lookup_item (rubric, LICENSING, "6")),
                "许可送达与收费");
  EXPECT_STREQ (case_review_rubric_item_get_english_title (case_review_rubric_lookup_item (rubric, COERCION, "4")),
                "Procedure");
}

TEST (Rubric, DefaultDeductionsAreRealisticSteps)
{
  const std::set<guint> steps = { 5, 10, 20, 50, 100 };   // 0.5, 1, 2, 5, 10 points
  CaseReviewRubric *rubric = case_review_rubric_get_default ();

  for (auto kind : main_kinds)
    for (auto *item : items_of<CaseReviewRubricItem> (case_review_rubric_get_items (rubric, kind)))
      {
        auto deductions = items_of<CaseReviewRubricDeduction> (case_review_rubric_item_get_deductions (item));
        EXPECT_GE (deductions.size (), 2u);
        EXPECT_LE (deductions.size (), 5u);
        for (auto *deduction : deductions)
          {
            const char *code = case_review_rubric_deduction_get_code (deduction);
            EXPECT_STREQ (case_review_rubric_deduction_get_item_code (deduction), case_review_rubric_item_get_code (item));
            EXPECT_TRUE (g_str_has_prefix (code, (std::string (case_review_rubric_item_get_code (item)) + ".").c_str ()));
            EXPECT_EQ (steps.count (case_review_rubric_deduction_get_points_tenths (deduction)), 1u) << code;
            EXPECT_LE (case_review_rubric_deduction_get_points_tenths (deduction), case_review_rubric_item_get_max_tenths (item));
            EXPECT_NE (std::string (case_review_rubric_deduction_get_text (deduction)), "");
            EXPECT_NE (std::string (case_review_rubric_deduction_get_english_text (deduction)), "");
            EXPECT_EQ (case_review_rubric_lookup_deduction (rubric, kind, code), deduction);
          }
      }

  CaseReviewRubricDeduction *names = case_review_rubric_lookup_deduction (rubric, PENALTY, "3.3");
  ASSERT_NE (names, nullptr);
  EXPECT_EQ (case_review_rubric_deduction_get_points_tenths (names), 5u);
  EXPECT_EQ (case_review_rubric_deduction_get_max_occurrences (names), 4u);
  CaseReviewRubricDeduction *typos = case_review_rubric_lookup_deduction (rubric, LICENSING, "7.4");
  ASSERT_NE (typos, nullptr);
  EXPECT_EQ (case_review_rubric_deduction_get_max_occurrences (typos), 0u);   // unlimited
  EXPECT_EQ (case_review_rubric_lookup_deduction (rubric, PENALTY, "4"), nullptr);   // an item, not a deduction
  EXPECT_EQ (case_review_rubric_lookup_item (rubric, PENALTY, "4.1"), nullptr);
}

TEST (Rubric, DefaultVetoesCommonThenKindSpecific)
{
  CaseReviewRubric *rubric = case_review_rubric_get_default ();

  EXPECT_EQ (veto_codes (rubric, PENALTY), common_vetoes);
  EXPECT_EQ (veto_codes (rubric, COERCION), concat (common_vetoes, codes ({ "V11", "V12", "V13", "V14" })));
  EXPECT_EQ (veto_codes (rubric, LICENSING), concat (common_vetoes, codes ({ "V21", "V22", "V23" })));
  EXPECT_EQ (veto_codes (rubric, INSPECTION), concat (common_vetoes, codes ({ "V31", "V32", "V33" })));
  EXPECT_EQ (veto_codes (rubric, OTHER), common_vetoes);

  CaseReviewRubricVeto *v01 = case_review_rubric_lookup_veto (rubric, PENALTY, "V01");
  ASSERT_NE (v01, nullptr);
  EXPECT_TRUE (g_str_has_prefix (case_review_rubric_veto_get_text (v01), "执法主体不合法"));
  EXPECT_NE (std::string (case_review_rubric_veto_get_english_text (v01)), "");
  EXPECT_NE (std::string (case_review_rubric_veto_get_basis (v01)).find ("行政处罚法"), std::string::npos);
  EXPECT_TRUE (case_review_rubric_veto_is_common (v01));
  for (int k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    {
      EXPECT_TRUE (case_review_rubric_veto_applies_to (v01, (CaseReviewEnforcementKind) k));
      EXPECT_EQ (case_review_rubric_lookup_veto (rubric, (CaseReviewEnforcementKind) k, "V01"), v01);
    }
  EXPECT_NE (std::string (case_review_rubric_veto_get_text (case_review_rubric_lookup_veto (rubric, PENALTY, "V02")))
                 .find ("少于2人"),
             std::string::npos);

  // A coercion veto does not apply to a penalty file.
  CaseReviewRubricVeto *v12 = case_review_rubric_lookup_veto (rubric, COERCION, "V12");
  ASSERT_NE (v12, nullptr);
  EXPECT_FALSE (case_review_rubric_veto_is_common (v12));
  EXPECT_TRUE (case_review_rubric_veto_applies_to (v12, COERCION));
  EXPECT_FALSE (case_review_rubric_veto_applies_to (v12, PENALTY));
  EXPECT_EQ (case_review_rubric_lookup_veto (rubric, PENALTY, "V12"), nullptr);
  EXPECT_EQ (case_review_rubric_lookup_veto (rubric, LICENSING, "V12"), nullptr);
  EXPECT_NE (std::string (case_review_rubric_veto_get_basis (v12)).find ("第二十三条"), std::string::npos);

  EXPECT_NE (std::string (case_review_rubric_veto_get_text (case_review_rubric_lookup_veto (rubric, COERCION, "V13")))
                 .find ("30日"),
             std::string::npos);
  EXPECT_NE (case_review_rubric_lookup_veto (rubric, LICENSING, "V22"), nullptr);
  EXPECT_EQ (case_review_rubric_lookup_veto (rubric, INSPECTION, "V22"), nullptr);
  EXPECT_NE (case_review_rubric_lookup_veto (rubric, INSPECTION, "V33"), nullptr);
  EXPECT_EQ (case_review_rubric_lookup_veto (rubric, PENALTY, "V99"), nullptr);
}

TEST (Rubric, FourBandGradesAtTheEdges)
{
  CaseReviewRubric *rubric = case_review_rubric_get_default ();
  const std::map<guint, CaseReviewGrade> expected = {
    { 10000, CASE_REVIEW_GRADE_EXCELLENT }, { 9000, CASE_REVIEW_GRADE_EXCELLENT }, { 8999, CASE_REVIEW_GRADE_GOOD },
    { 8000, CASE_REVIEW_GRADE_GOOD }, { 7999, CASE_REVIEW_GRADE_PASS }, { 6000, CASE_REVIEW_GRADE_PASS },
    { 5999, CASE_REVIEW_GRADE_FAIL }, { 0, CASE_REVIEW_GRADE_FAIL },
  };

  for (const auto &[score, grade] : expected)
    {
      EXPECT_EQ (case_review_rubric_grade_for_score (rubric, score, FALSE), grade) << score;
      EXPECT_EQ (case_review_rubric_grade_for_score (rubric, score, TRUE), CASE_REVIEW_GRADE_FAIL) << score;
    }
  EXPECT_EQ (case_review_rubric_get_band_minimum (rubric, CASE_REVIEW_GRADE_EXCELLENT), 9000u);
  EXPECT_EQ (case_review_rubric_get_band_minimum (rubric, CASE_REVIEW_GRADE_GOOD), 8000u);
  EXPECT_EQ (case_review_rubric_get_band_minimum (rubric, CASE_REVIEW_GRADE_PASS), 6000u);
  EXPECT_EQ (case_review_rubric_get_band_minimum (rubric, CASE_REVIEW_GRADE_FAIL), 0u);
}

TEST (Rubric, ThreeBandNeverGradesGoodAndIgnoresTheGoodBand)
{
  // "good" is not used by the three-band scheme, so even a disordered one is accepted.
  Ref<CaseReviewRubric> rubric (load_ok (replaced (R"("grade_scheme": "four_band",
  "bands": {"excellent": 90, "good": 80, "pass": 60},)",
                                                   R"("grade_scheme": "three_band",
  "bands": {"excellent": 90, "good": 95, "pass": 60},)")));
  ASSERT_NE (rubric.get (), nullptr);

  EXPECT_EQ (case_review_rubric_get_grade_scheme (rubric.get ()), CASE_REVIEW_GRADE_SCHEME_THREE_BAND);
  EXPECT_EQ (case_review_rubric_grade_for_score (rubric.get (), 9000, FALSE), CASE_REVIEW_GRADE_EXCELLENT);
  EXPECT_EQ (case_review_rubric_grade_for_score (rubric.get (), 8999, FALSE), CASE_REVIEW_GRADE_PASS);
  EXPECT_EQ (case_review_rubric_grade_for_score (rubric.get (), 8000, FALSE), CASE_REVIEW_GRADE_PASS);
  EXPECT_EQ (case_review_rubric_grade_for_score (rubric.get (), 6000, FALSE), CASE_REVIEW_GRADE_PASS);
  EXPECT_EQ (case_review_rubric_grade_for_score (rubric.get (), 5999, FALSE), CASE_REVIEW_GRADE_FAIL);
  EXPECT_EQ (case_review_rubric_grade_for_score (rubric.get (), 10000, TRUE), CASE_REVIEW_GRADE_FAIL);
  for (guint score = 0; score <= 10000; score++)
    EXPECT_NE (case_review_rubric_grade_for_score (rubric.get (), score, FALSE), CASE_REVIEW_GRADE_GOOD);
  // The 良好 band is empty: it starts where 优秀 starts.
  EXPECT_EQ (case_review_rubric_get_band_minimum (rubric.get (), CASE_REVIEW_GRADE_GOOD), 9000u);

  Text json (case_review_rubric_to_json (rubric.get ()));
  EXPECT_EQ (json.str ().find ("\"good\""), std::string::npos);
  EXPECT_NE (json.str ().find ("\"three_band\""), std::string::npos);
}

TEST (Rubric, ConfiguredBandsWithDecimals)
{
  Ref<CaseReviewRubric> rubric (load_ok (replaced (R"("bands": {"excellent": 90, "good": 80, "pass": 60})",
                                                   R"("bands": {"excellent": 85.5, "good": 75, "pass": 59.95})")));
  ASSERT_NE (rubric.get (), nullptr);
  EXPECT_EQ (case_review_rubric_get_band_minimum (rubric.get (), CASE_REVIEW_GRADE_EXCELLENT), 8550u);
  EXPECT_EQ (case_review_rubric_get_band_minimum (rubric.get (), CASE_REVIEW_GRADE_GOOD), 7500u);
  EXPECT_EQ (case_review_rubric_get_band_minimum (rubric.get (), CASE_REVIEW_GRADE_PASS), 5995u);
  EXPECT_EQ (case_review_rubric_grade_for_score (rubric.get (), 8549, FALSE), CASE_REVIEW_GRADE_GOOD);
  EXPECT_EQ (case_review_rubric_grade_for_score (rubric.get (), 8550, FALSE), CASE_REVIEW_GRADE_EXCELLENT);
  EXPECT_EQ (case_review_rubric_grade_for_score (rubric.get (), 5994, FALSE), CASE_REVIEW_GRADE_FAIL);
  EXPECT_EQ (case_review_rubric_grade_for_score (rubric.get (), 5995, FALSE), CASE_REVIEW_GRADE_PASS);

  // Bands left out keep their defaults.
  Ref<CaseReviewRubric> partial (load_ok (replaced (R"("bands": {"excellent": 90, "good": 80, "pass": 60})",
                                                    R"("bands": {"pass": 50})")));
  ASSERT_NE (partial.get (), nullptr);
  EXPECT_EQ (case_review_rubric_get_band_minimum (partial.get (), CASE_REVIEW_GRADE_EXCELLENT), 9000u);
  EXPECT_EQ (case_review_rubric_get_band_minimum (partial.get (), CASE_REVIEW_GRADE_PASS), 5000u);
}

TEST (Rubric, GradeNamesAndLabels)
{
  struct { CaseReviewGrade grade; const char *name, *label, *english; } grades[] = {
    { CASE_REVIEW_GRADE_EXCELLENT, "excellent", "优秀", "Excellent" },
    { CASE_REVIEW_GRADE_GOOD, "good", "良好", "Good" },
    { CASE_REVIEW_GRADE_PASS, "pass", "合格", "Pass" },
    { CASE_REVIEW_GRADE_FAIL, "fail", "不合格", "Fail" },
  };
  for (const auto &g : grades)
    {
      EXPECT_STREQ (case_review_grade_get_name (g.grade), g.name);
      EXPECT_STREQ (case_review_grade_get_label (g.grade), g.label);
      EXPECT_STREQ (case_review_grade_get_english_label (g.grade), g.english);
    }
}

TEST (Rubric, DefaultFileIsInCanonicalFormAndRoundTrips)
{
  CaseReviewRubric *rubric = case_review_rubric_get_default ();
  Text json (case_review_rubric_to_json (rubric));
  std::string file = read_file (default_rubric_path);

  ASSERT_FALSE (file.empty ());
  if (!file.empty () && file.back () == '\n')
    file.pop_back ();
  EXPECT_EQ (json.str (), file);

  Ref<CaseReviewRubric> again (load_ok (json.str ()));
  ASSERT_NE (again.get (), nullptr);
  Text json_again (case_review_rubric_to_json (again.get ()));
  EXPECT_EQ (json_again.str (), json.str ());

  GFile *gfile = g_file_new_for_path (default_rubric_path.c_str ());
  Error error;
  Ref<CaseReviewRubric> from_file (case_review_rubric_new_from_file (gfile, nullptr, error.out ()));
  g_object_unref (gfile);
  ASSERT_NE (from_file.get (), nullptr) << error.message ();
  Text json_file (case_review_rubric_to_json (from_file.get ()));
  EXPECT_EQ (json_file.str (), json.str ());
}

TEST (Rubric, CustomRubricRoundTrips)
{
  // Full marks, three bands, an "other" table, decimal points written in
  // several ways, a string needing escapes, members in another order.
  const std::string json = header + R"("grade_scheme": "three_band", "not_applicable": "full_marks",
    "bands": {"pass": 59.5, "excellent": 85},
    "kinds": {
      "other": {"items": [
        {"code": "A", "title": "唯一\"项目\"\\", "title_en": "Only\titem", "max": 99.5,
         "deductions": [{"code": "A-1", "text": "甲", "text_en": "a", "points": 2.30, "max_occurrences": 3},
                        {"points": 1e1, "code": "A-2", "text": "乙", "text_en": "b"}]},
        {"code": "B", "title": "其他", "title_en": "Rest", "max": 0.5,
         "deductions": [{"code": "B-1", "text": "丙", "text_en": "c", "points": 0.5}]}]},
      "penalty": {"items": [{"code": "1", "title": "全部", "title_en": "All", "max": 100.0,
        "deductions": [{"code": "1.1", "text": "丁", "text_en": "d", "points": 100}]}]}
    }})";
  Ref<CaseReviewRubric> rubric (load_ok (json));
  ASSERT_NE (rubric.get (), nullptr);

  EXPECT_EQ (case_review_rubric_get_not_applicable_policy (rubric.get ()), CASE_REVIEW_NOT_APPLICABLE_POLICY_FULL_MARKS);
  EXPECT_TRUE (case_review_rubric_covers_kind (rubric.get (), OTHER));
  EXPECT_TRUE (case_review_rubric_covers_kind (rubric.get (), PENALTY));
  EXPECT_FALSE (case_review_rubric_covers_kind (rubric.get (), COERCION));
  EXPECT_EQ (g_list_model_get_n_items (case_review_rubric_get_vetoes (rubric.get (), PENALTY)), 0u);
  EXPECT_EQ (case_review_rubric_item_get_max_tenths (case_review_rubric_lookup_item (rubric.get (), OTHER, "A")), 995u);
  EXPECT_EQ (case_review_rubric_item_get_max_tenths (case_review_rubric_lookup_item (rubric.get (), OTHER, "B")), 5u);
  EXPECT_STREQ (case_review_rubric_item_get_title (case_review_rubric_lookup_item (rubric.get (), OTHER, "A")), "唯一\"项目\"\\");
  EXPECT_EQ (case_review_rubric_deduction_get_points_tenths (case_review_rubric_lookup_deduction (rubric.get (), OTHER, "A-1")), 23u);
  EXPECT_EQ (case_review_rubric_deduction_get_points_tenths (case_review_rubric_lookup_deduction (rubric.get (), OTHER, "A-2")), 100u);
  EXPECT_EQ (case_review_rubric_deduction_get_max_occurrences (case_review_rubric_lookup_deduction (rubric.get (), OTHER, "A-2")), 0u);
  EXPECT_EQ (case_review_rubric_get_band_minimum (rubric.get (), CASE_REVIEW_GRADE_PASS), 5950u);

  Text first (case_review_rubric_to_json (rubric.get ()));
  Ref<CaseReviewRubric> again (load_ok (first.str ()));
  ASSERT_NE (again.get (), nullptr);
  Text second (case_review_rubric_to_json (again.get ()));
  EXPECT_EQ (second.str (), first.str ());
  // Canonical: kinds in enum order, numbers in their shortest form.
  EXPECT_LT (first.str ().find ("\"penalty\""), first.str ().find ("\"other\""));
  EXPECT_NE (first.str ().find ("\"points\": 2.3,"), std::string::npos);
  EXPECT_NE (first.str ().find ("\"max\": 99.5,"), std::string::npos);
  EXPECT_NE (first.str ().find ("\"max\": 100,"), std::string::npos);
  EXPECT_NE (first.str ().find ("\"pass\": 59.5"), std::string::npos);
  EXPECT_NE (first.str ().find ("\"title_en\": \"Only\\titem\""), std::string::npos);
}

// The not-applicable policy decides what an item that does not apply is
// worth: under "full marks" it stays in both sums as earned, under "drop" it
// leaves both. Item A (99.5 points) loses 3 × 2.3 = 6.9; item B (0.5) does
// not apply.
TEST (Rubric, NotApplicablePolicyDecidesTheScore)
{
  const std::string tables = R"("bands": {"pass": 60, "excellent": 90},
    "kinds": {"other": {"items": [
      {"code": "A", "title": "甲", "title_en": "A", "max": 99.5,
       "deductions": [{"code": "A-1", "text": "甲", "text_en": "a", "points": 2.3, "max_occurrences": 3},
                      {"code": "A-2", "text": "乙", "text_en": "b", "points": 10}]},
      {"code": "B", "title": "乙", "title_en": "B", "max": 0.5,
       "deductions": [{"code": "B-1", "text": "丙", "text_en": "c", "points": 0.5}]}]}}})";
  struct { const char *policy; guint score, floored; } cases[] = {
    // (99.5 − 6.9 + 0.5) / 100 = 93.10; A floored at 0: 0.5 / 100 = 0.50
    { "full_marks", 9310, 50 },
    // (99.5 − 6.9) / 99.5 = 93.065… → 93.07; A floored at 0: 0
    { "drop", 9307, 0 },
  };

  for (const auto &c : cases)
    {
      Ref<CaseReviewRubric> rubric (load_ok (header + "\"grade_scheme\": \"three_band\", \"not_applicable\": \"" +
                                             c.policy + "\", " + tables));
      ASSERT_NE (rubric.get (), nullptr) << c.policy;
      Error error;
      Ref<CaseReviewScoreSheet> sheet (case_review_score_sheet_new (rubric.get (), "C1", OTHER, "R1", error.out ()));
      ASSERT_NE (sheet.get (), nullptr) << error.message ();
      ASSERT_TRUE (case_review_score_sheet_set_not_applicable (sheet.get (), "B", error.out ())) << error.message ();
      // Marking it twice changes nothing.
      ASSERT_TRUE (case_review_score_sheet_set_not_applicable (sheet.get (), "B", error.out ())) << error.message ();
      ASSERT_TRUE (case_review_score_sheet_add_deduction (sheet.get (), "A-1", 3, nullptr, nullptr, error.out ()));
      EXPECT_EQ (case_review_score_sheet_get_score_hundredths (sheet.get ()), c.score) << c.policy;
      EXPECT_EQ (case_review_score_sheet_get_item_score_tenths (sheet.get (), "B"), 5u) << c.policy;

      // The cached score is dropped when the sheet changes.
      ASSERT_TRUE (case_review_score_sheet_add_deduction (sheet.get (), "A-2", 10, nullptr, nullptr, error.out ()));
      EXPECT_EQ (case_review_score_sheet_get_item_score_tenths (sheet.get (), "A"), 0u) << c.policy;
      EXPECT_EQ (case_review_score_sheet_get_score_hundredths (sheet.get ()), c.floored) << c.policy;
      EXPECT_FALSE (case_review_score_sheet_add_deduction (sheet.get (), "B-1", 1, nullptr, nullptr, error.out ()));
      EXPECT_EQ (case_review_score_sheet_get_score_hundredths (sheet.get ()), c.floored) << c.policy;
    }
}

TEST (Rubric, FromFileNamesTheFileInErrors)
{
  char *dir = g_dir_make_tmp ("casereview-rubric-XXXXXX", nullptr);
  std::string path = std::string (dir) + "/my-rubric.json";
  {
    std::ofstream out (path, std::ios::binary);
    out << replaced (R"("max": 60)", R"("max": 55)");
  }
  GFile *file = g_file_new_for_path (path.c_str ());
  Error error;
  CaseReviewRubric *rubric = case_review_rubric_new_from_file (file, nullptr, error.out ());
  EXPECT_EQ (rubric, nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));
  EXPECT_EQ (error.message (), "my-rubric.json: $.kinds.penalty.items: the items' maxima total 95 points, not 100");

  GFile *missing = g_file_new_for_path ((std::string (dir) + "/missing.json").c_str ());
  EXPECT_EQ (case_review_rubric_new_from_file (missing, nullptr, error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));

  g_object_unref (missing);
  g_object_unref (file);
  g_remove (path.c_str ());
  g_rmdir (dir);
  g_free (dir);
}

namespace {

struct BadCase {
  std::string name, json;
  CaseReviewError code;
  std::string message;
};

std::vector<BadCase>
bad_cases ()
{
  const CaseReviewError INVALID = CASE_REVIEW_ERROR_INVALID;
  const CaseReviewError DUPLICATE = CASE_REVIEW_ERROR_DUPLICATE;
  return {
    // The text and the format.
    { "not JSON", "{", CASE_REVIEW_ERROR_PARSE, "" },
    { "not an object", "[]", INVALID, "rubric: $: expected a JSON object" },
    { "other format", replaced (R"("format": "libcasereview-rubric")", R"("format": "libcasereview-sample-manifest")"),
      INVALID, "rubric: $.format: \"libcasereview-sample-manifest\" is not a rubric (expected \"libcasereview-rubric\")" },
    { "no format", replaced (R"("format": "libcasereview-rubric",)", ""), INVALID, "rubric: $.format: required field missing" },
    { "version 2", replaced (R"("version": 1)", R"("version": 2)"), CASE_REVIEW_ERROR_UNSUPPORTED,
      "rubric: $.version: version 2 of the rubric format is not supported (this library reads version 1)" },
    { "version as a string", replaced (R"("version": 1)", R"("version": "1")"), INVALID,
      "rubric: $.version: expected a whole number" },
    { "unknown field", replaced (R"("title_en": "Test rubric",)", R"("title_en": "Test rubric", "colour": "red",)"),
      INVALID, "rubric: $.colour: unknown field" },
    { "no id", replaced (R"("id": "test",)", ""), INVALID, "rubric: $.id: required field missing" },
    { "blank id", replaced (R"("id": "test")", R"("id": "  ")"), INVALID, "rubric: $.id: must not be empty" },
    { "blank title", replaced (R"("title": "测试标准")", R"("title": "")"), INVALID, "rubric: $.title: must not be empty" },
    { "title not a string", replaced (R"("title": "测试标准")", R"("title": 7)"), INVALID, "rubric: $.title: expected a string" },
    { "no English title", replaced (R"("title_en": "Test rubric",)", ""), INVALID, "rubric: $.title_en: required field missing" },
    { "unknown policy", replaced (R"("not_applicable": "drop")", R"("not_applicable": "skip")"), INVALID,
      "rubric: $.not_applicable: unknown value \"skip\" (expected \"drop\" or \"full_marks\")" },
    { "unknown scheme", replaced (R"("grade_scheme": "four_band")", R"("grade_scheme": "five_band")"), INVALID,
      "rubric: $.grade_scheme: unknown value \"five_band\" (expected \"four_band\" or \"three_band\")" },

    // Bands: ordered excellent > good > pass > 0, at most 100, two decimals.
    { "good above excellent", replaced (R"("good": 80)", R"("good": 95)"), INVALID,
      "rubric: $.bands.good: the good minimum 95 is not below the excellent minimum 90" },
    { "good equal to excellent", replaced (R"("good": 80)", R"("good": 90)"), INVALID,
      "rubric: $.bands.good: the good minimum 90 is not below the excellent minimum 90" },
    { "pass above good", replaced (R"("pass": 60)", R"("pass": 85)"), INVALID,
      "rubric: $.bands.pass: the pass minimum 85 is not below the good minimum 80" },
    { "pass above an implicit good", replaced (R"("excellent": 90, "good": 80, "pass": 60)", R"("pass": 85)"), INVALID,
      "rubric: $.bands.pass: the pass minimum 85 is not below the good minimum 80" },
    { "excellent below an implicit good", replaced (R"("excellent": 90, "good": 80, "pass": 60)", R"("excellent": 75)"),
      INVALID, "rubric: $.bands.excellent: the good minimum 80 is not below the excellent minimum 75" },
    { "three-band pass above excellent",
      replaced (R"("grade_scheme": "four_band",
  "bands": {"excellent": 90, "good": 80, "pass": 60},)", R"("grade_scheme": "three_band",
  "bands": {"excellent": 90, "pass": 90},)"),
      INVALID, "rubric: $.bands.pass: the pass minimum 90 is not below the excellent minimum 90" },
    { "pass zero", replaced (R"("pass": 60)", R"("pass": 0)"), INVALID, "rubric: $.bands.pass: the pass minimum must be above 0" },
    { "band above 100", replaced (R"("excellent": 90)", R"("excellent": 100.5)"), INVALID,
      "rubric: $.bands.excellent: 100.5 is more than 100 points" },
    { "band with three decimals", replaced (R"("excellent": 90)", R"("excellent": 89.995)"), INVALID,
      "rubric: $.bands.excellent: 89.995 has more than two decimals (scores are kept in hundredths)" },
    { "negative band", replaced (R"("good": 80)", R"("good": -80)"), INVALID, "rubric: $.bands.good: -80 is negative" },
    { "unknown band", replaced (R"("pass": 60})", R"("pass": 60, "fail": 0})"), INVALID, "rubric: $.bands.fail: unknown field" },
    { "bands not an object", replaced (R"({"excellent": 90, "good": 80, "pass": 60})", "[90, 80, 60]"), INVALID,
      "rubric: $.bands: expected an object" },

    // Kinds.
    { "unknown kind", replaced (R"("kinds": {)", R"("kinds": {"fines": {"items": []},)"), INVALID,
      "rubric: $.kinds.fines: unknown enforcement kind (expected penalty, coercion, inspection, licensing or other)" },
    { "kind by its Chinese label", replaced (R"("penalty": {)", R"("处罚": {)"), INVALID,
      "rubric: $.kinds[\"处罚\"]: unknown enforcement kind (expected penalty, coercion, inspection, licensing or other)" },
    { "no kinds", header + "\"vetoes\": []}", INVALID, "rubric: $.kinds: required field missing" },
    { "empty kinds", header + "\"kinds\": {}}", INVALID, "rubric: $.kinds: the rubric has no table for any kind" },
    { "kinds not an object", header + "\"kinds\": []}", INVALID, "rubric: $.kinds: expected an object" },
    { "no items", header + R"("kinds": {"coercion": {"vetoes": []}}})", INVALID,
      "rubric: $.kinds.coercion.items: required field missing" },
    { "empty items", header + R"("kinds": {"coercion": {"items": []}}})", INVALID,
      "rubric: $.kinds.coercion.items: a kind's table needs at least one item" },
    { "unknown field in a kind", replaced (R"("penalty": {)", R"("penalty": {"weight": 1,)"), INVALID,
      "rubric: $.kinds.penalty.weight: unknown field" },

    // Items: maxima total 100, one decimal, above zero.
    { "total 95", replaced (R"("max": 60)", R"("max": 55)"), INVALID,
      "rubric: $.kinds.penalty.items: the items' maxima total 95 points, not 100" },
    { "total 100.5", replaced (R"("max": 60)", R"("max": 60.5)"), INVALID,
      "rubric: $.kinds.penalty.items: the items' maxima total 100.5 points, not 100" },
    { "max with two decimals", replaced (R"("max": 60)", R"("max": 59.95)"), INVALID,
      "rubric: $.kinds.penalty.items[0].max: 59.95 has more than one decimal (points are kept in tenths)" },
    { "max as a long double", replaced (R"("max": 60)", R"("max": 0.30000000000000004)"), INVALID,
      "rubric: $.kinds.penalty.items[0].max: 0.30000000000000004 has more than one decimal (points are kept in tenths)" },
    { "max zero", replaced (R"("max": 40)", R"("max": 0)"), INVALID,
      "rubric: $.kinds.penalty.items[1].max: an item's maximum must be above 0 points" },
    { "max above 100", replaced (R"("max": 40)", R"("max": 140)"), INVALID,
      "rubric: $.kinds.penalty.items[1].max: 140 is more than 100 points" },
    { "max as a string", replaced (R"("max": 40)", R"("max": "40")"), INVALID,
      "rubric: $.kinds.penalty.items[1].max: expected a number" },
    { "no max", replaced (R"("max": 40,)", ""), INVALID, "rubric: $.kinds.penalty.items[1].max: required field missing" },
    { "unknown field in an item", replaced (R"("title_en": "Procedure",)", R"("title_en": "Procedure", "note": "x",)"),
      INVALID, "rubric: $.kinds.penalty.items[1].note: unknown field" },
    { "item not an object", replaced (R"("items": [)", R"("items": [7, )"), INVALID,
      "rubric: $.kinds.penalty.items[0]: expected an object" },
    { "no deductions",
      replaced (R"(,
         "deductions": [{"code": "2.1", "text": "未送达", "text_en": "Not served", "points": 10, "max_occurrences": 1}])", ""),
      INVALID, "rubric: $.kinds.penalty.items[1].deductions: required field missing" },
    { "empty deductions",
      replaced (R"([{"code": "2.1", "text": "未送达", "text_en": "Not served", "points": 10, "max_occurrences": 1}])", "[]"),
      INVALID, "rubric: $.kinds.penalty.items[1].deductions: an item needs at least one deduction option" },

    // Codes: unique within a kind (items, deductions, common and own vetoes).
    { "duplicate item code", replaced (R"("code": "2", "title")", R"("code": "1", "title")"), DUPLICATE,
      "rubric: $.kinds.penalty.items[1].code: \"1\" is already used at $.kinds.penalty.items[0].code" },
    { "duplicate deduction code across items", replaced (R"("code": "2.1")", R"("code": "1.2")"), DUPLICATE,
      "rubric: $.kinds.penalty.items[1].deductions[0].code: \"1.2\" is already used at "
      "$.kinds.penalty.items[0].deductions[1].code" },
    { "deduction code equal to an item code", replaced (R"("code": "2.1")", R"("code": "1")"), DUPLICATE,
      "rubric: $.kinds.penalty.items[1].deductions[0].code: \"1\" is already used at $.kinds.penalty.items[0].code" },
    { "kind veto repeating a common one", replaced (R"("code": "P01")", R"("code": "V01")"), DUPLICATE,
      "rubric: $.kinds.penalty.vetoes[0].code: \"V01\" is already used at $.vetoes[0].code" },
    { "duplicate common veto",
      replaced (R"("basis": "《行政处罚法》第三十八条"}])",
                R"("basis": "《行政处罚法》第三十八条"}, {"code": "V01", "text": "再次", "text_en": "Again"}])"),
      DUPLICATE, "rubric: $.vetoes[1].code: \"V01\" is already used at $.vetoes[0].code" },
    { "code with a space", replaced (R"("code": "1.1")", R"("code": "1 1")"), INVALID,
      "rubric: $.kinds.penalty.items[0].deductions[0].code: \"1 1\" is not a valid code: codes have no spaces or "
      "control characters" },
    { "empty code", replaced (R"("code": "2", "title")", R"("code": "", "title")"), INVALID,
      "rubric: $.kinds.penalty.items[1].code: must not be empty" },

    // Deductions: above zero, within the item's maximum, one decimal.
    { "deduction above the item's maximum", replaced (R"("points": 10)", R"("points": 45)"), INVALID,
      "rubric: $.kinds.penalty.items[1].deductions[0].points: 45 points per occurrence exceed the item's maximum of 40 "
      "points" },
    { "deduction of zero", replaced (R"("points": 5,)", R"("points": 0,)"), INVALID,
      "rubric: $.kinds.penalty.items[0].deductions[1].points: a deduction must be above 0 points" },
    { "deduction with two decimals", replaced (R"("points": 2.5)", R"("points": 2.25)"), INVALID,
      "rubric: $.kinds.penalty.items[0].deductions[0].points: 2.25 has more than one decimal (points are kept in tenths)" },
    { "negative deduction", replaced (R"("points": 2.5)", R"("points": -1)"), INVALID,
      "rubric: $.kinds.penalty.items[0].deductions[0].points: -1 is negative" },
    { "deduction as text", replaced (R"("points": 2.5)", R"("points": "2.5")"), INVALID,
      "rubric: $.kinds.penalty.items[0].deductions[0].points: expected a number" },
    { "negative occurrences", replaced (R"("max_occurrences": 2)", R"("max_occurrences": -1)"), INVALID,
      "rubric: $.kinds.penalty.items[0].deductions[0].max_occurrences: expected a whole number from 0 to 2147483647" },
    { "fractional occurrences", replaced (R"("max_occurrences": 2)", R"("max_occurrences": 1.5)"), INVALID,
      "rubric: $.kinds.penalty.items[0].deductions[0].max_occurrences: expected a whole number from 0 to 2147483647" },
    { "unknown field in a deduction", replaced (R"("max_occurrences": 1})", R"("max_occurrences": 1, "weight": 2})"),
      INVALID, "rubric: $.kinds.penalty.items[1].deductions[0].weight: unknown field" },
    { "deduction without text", replaced (R"("text": "要素不全", )", ""), INVALID,
      "rubric: $.kinds.penalty.items[0].deductions[1].text: required field missing" },

    // Vetoes.
    { "veto without English text", replaced (R"("text_en": "Unlawful body", )", ""), INVALID,
      "rubric: $.vetoes[0].text_en: required field missing" },
    { "unknown field in a veto", replaced (R"("basis": ""})", R"("basis": "", "severity": 1})"), INVALID,
      "rubric: $.kinds.penalty.vetoes[0].severity: unknown field" },
    { "basis not a string", replaced (R"("basis": ""})", R"("basis": null})"), INVALID,
      "rubric: $.kinds.penalty.vetoes[0].basis: expected a string" },
    { "kind vetoes not an array", header + R"("kinds": {"penalty": {"vetoes": {}, "items": []}}})", INVALID,
      "rubric: $.kinds.penalty.vetoes: expected an array" },
    { "veto not an object", replaced (R"("vetoes": [{"code": "V01")", R"("vetoes": ["V00", {"code": "V01")"), INVALID,
      "rubric: $.vetoes[0]: expected an object" },
  };
}

} // namespace

TEST (Rubric, EveryValidationRuleNamesItsJsonPath)
{
  // The base itself is valid.
  Ref<CaseReviewRubric> base (load_ok (base_rubric));
  ASSERT_NE (base.get (), nullptr);
  EXPECT_EQ (veto_codes (base.get (), PENALTY), codes ({ "V01", "P01" }));

  for (const BadCase &bad : bad_cases ())
    {
      Error error;
      CaseReviewRubric *rubric = case_review_rubric_new_from_json (bad.json.c_str (), error.out ());
      EXPECT_EQ (rubric, nullptr) << bad.name;
      g_clear_object (&rubric);
      ASSERT_NE (error.error, nullptr) << bad.name;
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, bad.code))
          << bad.name << ": code " << error.error->code << ": " << error.message ();
      if (bad.message.empty ())
        {
          EXPECT_TRUE (g_str_has_prefix (error.message ().c_str (), "rubric: ")) << bad.name << ": " << error.message ();
        }
      else
        {
          EXPECT_EQ (error.message (), bad.message) << bad.name;
        }
    }

  // Failures leave the shared default rubric as it was.
  Text json (case_review_rubric_to_json (case_review_rubric_get_default ()));
  std::string file = read_file (default_rubric_path);
  if (!file.empty () && file.back () == '\n')
    file.pop_back ();
  EXPECT_EQ (json.str (), file);
}

TEST (Rubric, PointsAreReadExactlyThroughTheirShortestDecimalForm)
{
  struct { const char *written; guint tenths; } exact[] = {
    { "2.3", 23 }, { "2.30", 23 }, { "0.1", 1 }, { "0.7", 7 }, { "1e1", 100 }, { "2.5e0", 25 }, { "10.0", 100 },
    { "0.5", 5 }, { "39.9", 399 },
  };
  for (const auto &e : exact)
    {
      Ref<CaseReviewRubric> rubric (load_ok (replaced (R"("points": 10)", std::string ("\"points\": ") + e.written)));
      ASSERT_NE (rubric.get (), nullptr) << e.written;
      EXPECT_EQ (case_review_rubric_deduction_get_points_tenths (
                     case_review_rubric_lookup_deduction (rubric.get (), PENALTY, "2.1")),
                 e.tenths)
          << e.written;
    }

  // 59.9 + 40.1 is not 100 in doubles (it is 100.00000000000001) but is
  // exactly 1000 tenths.
  Error error;
  std::string one = replaced (R"("max": 60)", R"("max": 59.9)");
  EXPECT_EQ (case_review_rubric_new_from_json (one.c_str (), error.out ()), nullptr);   // 99.9: rejected ...
  std::string both = replaced (R"("max": 60)", R"("max": 59.9)");
  both.replace (both.find (R"("max": 40)"), 9, R"("max": 40.1)");
  Ref<CaseReviewRubric> exact_sum (load_ok (both));   // ... 59.9 + 40.1 accepted
  ASSERT_NE (exact_sum.get (), nullptr);

  const char *inexact[] = { "0.05", "0.25", "1e-7", "2.3000000000000003" };
  for (const char *written : inexact)
    {
      std::string json = replaced (R"("points": 10)", std::string ("\"points\": ") + written);
      EXPECT_EQ (case_review_rubric_new_from_json (json.c_str (), error.out ()), nullptr) << written;
      EXPECT_NE (error.message ().find ("has more than one decimal"), std::string::npos) << error.message ();
    }
}
