// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Score sheets and the evaluation: exact arithmetic (item floors, the
// not-applicable policy, half-up rounding), vetoes, bands, multi-reviewer
// combination, re-review triggers, agency results, ranking and bounds.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test-support.h"

namespace {

using namespace test_support;


CaseReviewScoreSheet *
penalty_sheet (const char *reviewer = "R01")
{
  Error error;
  CaseReviewScoreSheet *sheet = case_review_score_sheet_new (case_review_rubric_get_default (), "C1",
                                                             CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, reviewer, error.out ());
  EXPECT_NE (sheet, nullptr) << error.message ();
  return sheet;
}

} // namespace

TEST (ScoreSheet, DeductionsAreExactAndFloorAtZeroPerItem)
{
  Ref<CaseReviewScoreSheet> sheet (penalty_sheet ());
  Error error;

  EXPECT_EQ (case_review_score_sheet_get_score_hundredths (sheet.get ()), 10000u);
  EXPECT_EQ (case_review_score_sheet_get_grade (sheet.get ()), CASE_REVIEW_GRADE_EXCELLENT);

  // 4.2 (5 points) and 3.3 four times (0.5 each): 100 − 7 = 93.
  ASSERT_TRUE (case_review_score_sheet_add_deduction (sheet.get (), "4.2", 1, "未告知", "第3页", error.out ())) << error.message ();
  ASSERT_TRUE (case_review_score_sheet_add_deduction (sheet.get (), "3.3", 4, nullptr, nullptr, error.out ()));
  EXPECT_EQ (case_review_score_sheet_get_score_hundredths (sheet.get ()), 9300u);
  EXPECT_EQ (case_review_score_sheet_get_item_score_tenths (sheet.get (), "3"), 130u);
  EXPECT_STREQ (case_review_score_sheet_get_note (sheet.get (), "4.2"), "未告知");
  EXPECT_STREQ (case_review_score_sheet_get_evidence_page (sheet.get (), "4.2"), "第3页");

  // Item 1 (10 points) loses 5 + 5 + 2×2 = 14: it scores 0, not −4.
  Ref<CaseReviewScoreSheet> floored (penalty_sheet ());
  for (const char *code : { "1.3", "1.4" })
    ASSERT_TRUE (case_review_score_sheet_add_deduction (floored.get (), code, 1, nullptr, nullptr, error.out ()));
  ASSERT_TRUE (case_review_score_sheet_add_deduction (floored.get (), "1.1", 2, nullptr, nullptr, error.out ()));
  EXPECT_EQ (case_review_score_sheet_get_item_score_tenths (floored.get (), "1"), 0u);
  EXPECT_EQ (case_review_score_sheet_get_score_hundredths (floored.get ()), 9000u);
  EXPECT_EQ (case_review_score_sheet_get_grade (floored.get ()), CASE_REVIEW_GRADE_EXCELLENT);   // 90.00 is the band's edge
  ASSERT_TRUE (case_review_score_sheet_add_deduction (floored.get (), "3.3", 1, nullptr, nullptr, error.out ()));
  EXPECT_EQ (case_review_score_sheet_get_grade (floored.get ()), CASE_REVIEW_GRADE_GOOD);        // 89.50
}

TEST (ScoreSheet, NotApplicableItemsLeaveTheDenominatorWithHalfUpRounding)
{
  Error error;
  ASSERT_EQ (case_review_rubric_get_not_applicable_policy (case_review_rubric_get_default ()),
             CASE_REVIEW_NOT_APPLICABLE_POLICY_DROP);

  // Item 5 (10 points) does not apply; 4.2 loses 5: 100 × 85 / 90 = 94.444… → 94.44.
  Ref<CaseReviewScoreSheet> sheet (penalty_sheet ());
  ASSERT_TRUE (case_review_score_sheet_set_not_applicable (sheet.get (), "5", error.out ()));
  ASSERT_TRUE (case_review_score_sheet_add_deduction (sheet.get (), "4.2", 1, nullptr, nullptr, error.out ()));
  EXPECT_EQ (case_review_score_sheet_get_score_hundredths (sheet.get ()), 9444u);

  // Items 5 and 8 do not apply; 3.3 loses 0.5: 100 × 79.5 / 80 = 99.375 → 99.38 (half up).
  Ref<CaseReviewScoreSheet> half (penalty_sheet ());
  ASSERT_TRUE (case_review_score_sheet_set_not_applicable (half.get (), "5", error.out ()));
  ASSERT_TRUE (case_review_score_sheet_set_not_applicable (half.get (), "8", error.out ()));
  ASSERT_TRUE (case_review_score_sheet_add_deduction (half.get (), "3.3", 1, nullptr, nullptr, error.out ()));
  EXPECT_EQ (case_review_score_sheet_get_score_hundredths (half.get ()), 9938u);
  EXPECT_TRUE (case_review_score_sheet_is_not_applicable (half.get (), "8"));
}

TEST (ScoreSheet, VetoesAndBadEntriesAreErrorsThatChangeNothing)
{
  Ref<CaseReviewScoreSheet> sheet (penalty_sheet ());
  Error error;

  EXPECT_FALSE (case_review_score_sheet_add_deduction (sheet.get (), "9.9", 1, nullptr, nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND)) << error.message ();
  EXPECT_FALSE (case_review_score_sheet_add_deduction (sheet.get (), "4.2", 0, nullptr, nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));
  EXPECT_FALSE (case_review_score_sheet_add_deduction (sheet.get (), "1.3", 2, nullptr, nullptr, error.out ()));
  EXPECT_NE (error.message ().find ("at most 1"), std::string::npos) << error.message ();
  ASSERT_TRUE (case_review_score_sheet_add_deduction (sheet.get (), "1.1", 2, nullptr, nullptr, error.out ()));
  EXPECT_FALSE (case_review_score_sheet_add_deduction (sheet.get (), "1.1", 1, nullptr, nullptr, error.out ()));
  EXPECT_EQ (case_review_score_sheet_get_occurrences (sheet.get (), "1.1"), 2u);
  EXPECT_FALSE (case_review_score_sheet_set_not_applicable (sheet.get (), "1", error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));
  ASSERT_TRUE (case_review_score_sheet_set_not_applicable (sheet.get (), "5", error.out ()));
  EXPECT_FALSE (case_review_score_sheet_add_deduction (sheet.get (), "5.1", 1, nullptr, nullptr, error.out ()));
  EXPECT_FALSE (case_review_score_sheet_set_not_applicable (sheet.get (), "42", error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));

  // A coercion veto does not apply to a penalty file; a common one does.
  EXPECT_FALSE (case_review_score_sheet_add_veto (sheet.get (), "V12", nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
  EXPECT_FALSE (case_review_score_sheet_has_veto (sheet.get ()));
  ASSERT_TRUE (case_review_score_sheet_add_veto (sheet.get (), "V04", "主要证据不足", error.out ()));
  EXPECT_FALSE (case_review_score_sheet_add_veto (sheet.get (), "V04", nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE));
  EXPECT_EQ (case_review_score_sheet_get_score_hundredths (sheet.get ()), 0u);
  EXPECT_EQ (case_review_score_sheet_get_grade (sheet.get ()), CASE_REVIEW_GRADE_FAIL);
  EXPECT_STREQ (case_review_score_sheet_get_note (sheet.get (), "V04"), "主要证据不足");

  EXPECT_EQ (case_review_score_sheet_new (case_review_rubric_get_default (), "", CASE_REVIEW_ENFORCEMENT_KIND_PENALTY,
                                          "R01", error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));
}

namespace {

// The demo sample without sheets, and helpers to add some.
struct Review : DemoReview {
  Review () : DemoReview (false) {}

  // The sample's primary penalty files of one agency.
  std::vector<std::string>
  penalty_files (const char *agency)
  {
    return files_of_kind (agency, CASE_REVIEW_ENFORCEMENT_KIND_PENALTY);
  }

  // The sample's primary files of one agency and kind.
  std::vector<std::string>
  files_of_kind (const char *agency, CaseReviewEnforcementKind kind)
  {
    std::vector<std::string> files;
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sample.get ())); i++)
      {
        Ref<CaseReviewSampledCase> unit (CASE_REVIEW_SAMPLED_CASE (g_list_model_get_item (G_LIST_MODEL (sample.get ()), i)));
        if (std::string (case_review_sampled_case_get_agency_id (unit.get ())) != agency ||
            case_review_sampled_case_get_role (unit.get ()) != CASE_REVIEW_SAMPLE_ROLE_PRIMARY)
          continue;
        Ref<CaseReviewCaseFile> file (case_review_population_lookup_case (population.get (), case_review_sampled_case_get_case_id (unit.get ())));
        if (case_review_case_file_get_kind (file.get ()) == kind)
          files.push_back (case_review_sampled_case_get_case_id (unit.get ()));
      }
    return files;
  }

  // A penalty sheet scoring @score points (a multiple of 0.5), built from
  // 7.4 (0.5 points, item 7 holds 10), 2.2 (2 points, item 2 holds 20) and
  // 4.5 (2 points, at most twice).
  void
  add (const std::string &case_id, const char *reviewer, double score, bool rereview = false, const char *veto = nullptr)
  {
    Error error;
    Ref<CaseReviewScoreSheet> sheet (case_review_score_sheet_new (case_review_rubric_get_default (), case_id.c_str (),
                                                                  CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, reviewer, error.out ()));
    guint halves = (guint) ((100.0 - score) * 2 + 0.5);
    guint small = std::min (halves, 20u), rest = halves - small;
    guint twos = std::min (rest / 4, 10u), last = (rest - twos * 4) / 4;

    ASSERT_NE (sheet.get (), nullptr) << error.message ();
    ASSERT_EQ ((rest - twos * 4) % 4, 0u) << score;
    ASSERT_LE (last, 2u) << score;
    const std::pair<const char *, guint> deductions[] = { { "7.4", small }, { "2.2", twos }, { "4.5", last } };
    for (const auto &[code, occurrences] : deductions)
      {
        if (occurrences > 0)
          {
            ASSERT_TRUE (case_review_score_sheet_add_deduction (sheet.get (), code, occurrences, nullptr, nullptr, error.out ()))
                << error.message ();
          }
      }
    if (veto != nullptr)
      {
        ASSERT_TRUE (case_review_score_sheet_add_veto (sheet.get (), veto, nullptr, error.out ()));
      }
    else
      {
        ASSERT_EQ (case_review_score_sheet_get_score (sheet.get ()), score);
      }
    case_review_score_sheet_set_rereview (sheet.get (), rereview);
    ASSERT_TRUE (case_review_evaluation_add_sheet (evaluation.get (), sheet.get (), error.out ())) << error.message ();
  }
};

} // namespace

TEST (Evaluation, CombinesReviewersAndFlagsReReviews)
{
  Review review;
  auto files = review.penalty_files ("LH13");
  ASSERT_GE (files.size (), 5u);
  Error error;

  // Two reviewers: 93.00 and 88.00 → mean 90.50; grades differ → re-review.
  review.add (files[0], "R01", 93);
  review.add (files[0], "R02", 88);
  Ref<CaseReviewCaseResult> r0 (case_review_evaluation_dup_case_result (review.evaluation.get (), files[0].c_str ()));
  EXPECT_EQ (case_review_case_result_get_score_hundredths (r0.get ()), 9050u);
  EXPECT_EQ (case_review_case_result_get_n_sheets (r0.get ()), 2u);
  EXPECT_TRUE (case_review_case_result_needs_rereview (r0.get ()));
  EXPECT_FALSE (case_review_case_result_is_rereviewed (r0.get ()));

  // The re-review replaces the result; the initial one is kept.
  review.add (files[0], "R03", 92, true);
  Ref<CaseReviewCaseResult> again (case_review_evaluation_dup_case_result (review.evaluation.get (), files[0].c_str ()));
  EXPECT_EQ (case_review_case_result_get_score_hundredths (again.get ()), 9200u);
  EXPECT_EQ (case_review_case_result_get_initial_score_hundredths (again.get ()), 9050u);
  EXPECT_TRUE (case_review_case_result_is_rereviewed (again.get ()));
  EXPECT_FALSE (case_review_case_result_needs_rereview (again.get ()));

  // Three reviewers: 95.50, 95.00, 95.00 → 95.1666… → 95.17 (half up).
  review.add (files[1], "R01", 95.5);
  review.add (files[1], "R02", 95);
  review.add (files[1], "R03", 95);
  Ref<CaseReviewCaseResult> r1 (case_review_evaluation_dup_case_result (review.evaluation.get (), files[1].c_str ()));
  EXPECT_EQ (case_review_case_result_get_score_hundredths (r1.get ()), 9517u);
  EXPECT_FALSE (case_review_case_result_needs_rereview (r1.get ()));

  // Five reviewers: the single highest and lowest are dropped.
  const double scores[] = { 100, 98, 96, 94, 80 };   // → mean of 98, 96, 94 = 96
  const char *reviewers[] = { "R04", "R05", "R06", "R07", "R08" };
  for (int i = 0; i < 5; i++)
    review.add (files[2], reviewers[i], scores[i]);
  Ref<CaseReviewCaseResult> r2 (case_review_evaluation_dup_case_result (review.evaluation.get (), files[2].c_str ()));
  EXPECT_EQ (case_review_case_result_get_score_hundredths (r2.get ()), 9600u);
  EXPECT_TRUE (case_review_case_result_needs_rereview (r2.get ()));   // 80.00 is 良好, the others 优秀

  // Below the threshold calls for a re-review even when alone.
  review.add (files[3], "R01", 68);
  Ref<CaseReviewCaseResult> r3 (case_review_evaluation_dup_case_result (review.evaluation.get (), files[3].c_str ()));
  EXPECT_TRUE (case_review_case_result_needs_rereview (r3.get ()));
  EXPECT_EQ (case_review_case_result_get_grade (r3.get ()), CASE_REVIEW_GRADE_PASS);

  // A veto makes the file 不合格 with 0 points.
  review.add (files[4], "R01", 100, false, "V04");
  Ref<CaseReviewCaseResult> r4 (case_review_evaluation_dup_case_result (review.evaluation.get (), files[4].c_str ()));
  EXPECT_TRUE (case_review_case_result_is_vetoed (r4.get ()));
  EXPECT_EQ (case_review_case_result_get_score_hundredths (r4.get ()), 0u);
  EXPECT_EQ (case_review_case_result_get_grade (r4.get ()), CASE_REVIEW_GRADE_FAIL);
  EXPECT_STREQ (case_review_case_result_get_veto_codes (r4.get ())[0], "V04");

  // Errors: a second sheet by the same reviewer, a file outside the sample,
  // the wrong kind.
  Ref<CaseReviewScoreSheet> dup (case_review_score_sheet_new (case_review_rubric_get_default (), files[1].c_str (),
                                                              CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, "R01", error.out ()));
  EXPECT_FALSE (case_review_evaluation_add_sheet (review.evaluation.get (), dup.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE)) << error.message ();
  Ref<CaseReviewScoreSheet> outside (case_review_score_sheet_new (case_review_rubric_get_default (), "不在样本中",
                                                                  CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, "R01", error.out ()));
  EXPECT_FALSE (case_review_evaluation_add_sheet (review.evaluation.get (), outside.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
  Ref<CaseReviewScoreSheet> wrong (case_review_score_sheet_new (case_review_rubric_get_default (), files[1].c_str (),
                                                                CASE_REVIEW_ENFORCEMENT_KIND_COERCION, "R09", error.out ()));
  EXPECT_FALSE (case_review_evaluation_add_sheet (review.evaluation.get (), wrong.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));
  EXPECT_EQ (case_review_evaluation_get_n_sheets (review.evaluation.get ()), 13u);
}

// Nine initial reviewers (more than the evaluation keeps on its stack) and a
// two-sheet re-review: the trimmed mean for the initial score, the mean of
// the re-review for the result, and the agency counts only the deciding
// sheets' deductions.
TEST (Evaluation, ManyReviewersAndAReReview)
{
  Review review;
  auto files = review.penalty_files ("LH13");
  ASSERT_GE (files.size (), 1u);

  // Without 100 and 70: (98 + 96 + 95 + 94 + 92 + 90 + 88) / 7 = 93.2857… → 93.29.
  const double scores[] = { 100, 98, 96, 95, 94, 92, 90, 88, 70 };
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    review.add (files[0], ("R" + std::to_string (10 + i)).c_str (), scores[i]);
  Ref<CaseReviewCaseResult> initial (case_review_evaluation_dup_case_result (review.evaluation.get (), files[0].c_str ()));
  EXPECT_EQ (case_review_case_result_get_score_hundredths (initial.get ()), 9329u);
  EXPECT_EQ (case_review_case_result_get_n_sheets (initial.get ()), 9u);
  EXPECT_TRUE (case_review_case_result_needs_rereview (initial.get ()));

  // The re-review: 99.5 (one 7.4) and 99 (two 7.4) → 99.25.
  review.add (files[0], "R30", 99.5, true);
  review.add (files[0], "R31", 99, true);
  Ref<CaseReviewCaseResult> final_result (case_review_evaluation_dup_case_result (review.evaluation.get (), files[0].c_str ()));
  EXPECT_EQ (case_review_case_result_get_score_hundredths (final_result.get ()), 9925u);
  EXPECT_EQ (case_review_case_result_get_initial_score_hundredths (final_result.get ()), 9329u);
  EXPECT_TRUE (case_review_case_result_is_rereviewed (final_result.get ()));
  EXPECT_FALSE (case_review_case_result_needs_rereview (final_result.get ()));

  // The initial sheets deducted 2.2 and 4.5 too; only 7.4 decided the file.
  Ref<GListModel> agencies (case_review_evaluation_dup_agency_results (review.evaluation.get ()));
  ASSERT_EQ (g_list_model_get_n_items (agencies.get ()), 1u);
  Ref<CaseReviewAgencyResult> agency (CASE_REVIEW_AGENCY_RESULT (g_list_model_get_item (agencies.get (), 0)));
  EXPECT_EQ (case_review_agency_result_get_mean_hundredths (agency.get ()), 9925u);
  const char * const *frequent = case_review_agency_result_get_frequent_deductions (agency.get ());
  ASSERT_NE (frequent[0], nullptr);
  EXPECT_STREQ (frequent[0], "7.4");
  EXPECT_EQ (frequent[1], nullptr);
}

// Kinds' tables share deduction codes ("2.2" is an option of the penalty
// and of the licensing table): an agency's most frequent deductions count a
// code once, whatever the kinds of its files.
TEST (Evaluation, FrequentDeductionsCountACodeAcrossKinds)
{
  Review review;
  std::string agency, penalty, licensing;
  for (int a = 1; a <= 32 && agency.empty (); a++)
    {
      char id[8];
      g_snprintf (id, sizeof id, "LH%02d", a);
      auto p = review.penalty_files (id), l = review.files_of_kind (id, CASE_REVIEW_ENFORCEMENT_KIND_LICENSING);
      if (!p.empty () && !l.empty ())
        agency = id, penalty = p[0], licensing = l[0];
    }
  ASSERT_FALSE (agency.empty ()) << "no agency with a penalty and a licensing file in the demo sample";

  Error error;
  Ref<CaseReviewScoreSheet> on_penalty (case_review_score_sheet_new (case_review_rubric_get_default (), penalty.c_str (),
                                                                     CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, "R01", error.out ()));
  ASSERT_TRUE (case_review_score_sheet_add_deduction (on_penalty.get (), "2.2", 1, nullptr, nullptr, error.out ())) << error.message ();
  ASSERT_TRUE (case_review_score_sheet_add_deduction (on_penalty.get (), "3.3", 1, nullptr, nullptr, error.out ())) << error.message ();
  Ref<CaseReviewScoreSheet> on_licensing (case_review_score_sheet_new (case_review_rubric_get_default (), licensing.c_str (),
                                                                       CASE_REVIEW_ENFORCEMENT_KIND_LICENSING, "R01", error.out ()));
  ASSERT_TRUE (case_review_score_sheet_add_deduction (on_licensing.get (), "2.2", 1, nullptr, nullptr, error.out ())) << error.message ();
  for (CaseReviewScoreSheet *sheet : { on_penalty.get (), on_licensing.get () })
    ASSERT_TRUE (case_review_evaluation_add_sheet (review.evaluation.get (), sheet, error.out ())) << error.message ();

  // 2.2: 1 + 1 = 2, then 3.3: 1; counted per kind, 2.2 would be listed twice.
  Ref<GListModel> agencies (case_review_evaluation_dup_agency_results (review.evaluation.get ()));
  ASSERT_EQ (g_list_model_get_n_items (agencies.get ()), 1u);
  Ref<CaseReviewAgencyResult> result (CASE_REVIEW_AGENCY_RESULT (g_list_model_get_item (agencies.get (), 0)));
  const char * const *frequent = case_review_agency_result_get_frequent_deductions (result.get ());
  std::vector<std::string> listed;
  for (guint i = 0; frequent[i] != nullptr; i++)
    listed.push_back (frequent[i]);
  EXPECT_EQ (listed, (std::vector<std::string> { "2.2", "3.3" }));
}

TEST (Evaluation, AgencyResultsRankAndBound)
{
  Review review;
  // LH13: 95, 95, 90, 84, 68 → mean 86.40, median 90, three 优秀, none fail → 良好.
  // LH17: 96 × 5 with one vetoed → mean 76.80, one 不合格.
  // LH25: 91 × 5 → mean 91.00, all 优秀 → 优秀, first.
  auto lh13 = review.penalty_files ("LH13"), lh17 = review.penalty_files ("LH17"), lh25 = review.penalty_files ("LH25");
  ASSERT_GE (lh13.size (), 5u);
  ASSERT_GE (lh17.size (), 5u);
  ASSERT_GE (lh25.size (), 5u);
  const double scores13[] = { 95, 95, 90, 84, 68 };
  for (int i = 0; i < 5; i++)
    review.add (lh13[i], "R30", scores13[i]);
  for (int i = 0; i < 5; i++)
    review.add (lh17[i], "R30", 96, false, i == 0 ? "V01" : nullptr);
  for (int i = 0; i < 5; i++)
    review.add (lh25[i], "R30", 91);

  Ref<GListModel> results (case_review_evaluation_dup_agency_results (review.evaluation.get ()));
  ASSERT_EQ (g_list_model_get_n_items (results.get ()), 3u);
  Ref<CaseReviewAgencyResult> first (CASE_REVIEW_AGENCY_RESULT (g_list_model_get_item (results.get (), 0)));
  Ref<CaseReviewAgencyResult> second (CASE_REVIEW_AGENCY_RESULT (g_list_model_get_item (results.get (), 1)));
  Ref<CaseReviewAgencyResult> third (CASE_REVIEW_AGENCY_RESULT (g_list_model_get_item (results.get (), 2)));

  EXPECT_STREQ (case_review_agency_result_get_agency_id (first.get ()), "LH25");
  EXPECT_EQ (case_review_agency_result_get_mean_hundredths (first.get ()), 9100u);
  EXPECT_EQ (case_review_agency_result_get_grade (first.get ()), CASE_REVIEW_GRADE_EXCELLENT);
  EXPECT_EQ (case_review_agency_result_get_rank (first.get ()), 1u);

  EXPECT_STREQ (case_review_agency_result_get_agency_id (second.get ()), "LH13");
  EXPECT_EQ (case_review_agency_result_get_mean_hundredths (second.get ()), 8640u);
  EXPECT_EQ (case_review_agency_result_get_median_hundredths (second.get ()), 9000u);
  EXPECT_EQ (case_review_agency_result_get_total_hundredths (second.get ()), 43200u);
  EXPECT_EQ (case_review_agency_result_get_n_excellent (second.get ()), 3u);
  EXPECT_DOUBLE_EQ (case_review_agency_result_get_excellent_rate (second.get ()), 0.6);
  EXPECT_DOUBLE_EQ (case_review_agency_result_get_pass_rate (second.get ()), 1.0);
  EXPECT_EQ (case_review_agency_result_get_grade (second.get ()), CASE_REVIEW_GRADE_GOOD);
  EXPECT_EQ (case_review_agency_result_get_kind_n_files (second.get (), CASE_REVIEW_ENFORCEMENT_KIND_PENALTY), 5u);
  EXPECT_EQ (case_review_agency_result_get_population_size (second.get ()),
             case_review_population_count_for_agency (review.population.get (), "LH13"));

  EXPECT_STREQ (case_review_agency_result_get_agency_id (third.get ()), "LH17");
  EXPECT_EQ (case_review_agency_result_get_mean_hundredths (third.get ()), 7680u);
  EXPECT_EQ (case_review_agency_result_get_n_failed (third.get ()), 1u);
  EXPECT_EQ (case_review_agency_result_get_veto_count (third.get (), "V01"), 1u);
  EXPECT_STREQ (case_review_agency_result_get_frequent_deductions (third.get ())[0], "7.4");

  // The bound is the exact hypergeometric one for 1 failure in 5 of N.
  Error error;
  CaseReviewBound *bound = case_review_bound_new_upper (CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC, 0.95, 5, 1,
                                                        case_review_agency_result_get_population_size (third.get ()),
                                                        error.out ());
  ASSERT_NE (bound, nullptr) << error.message ();
  EXPECT_DOUBLE_EQ (case_review_agency_result_get_noncompliance_upper (third.get ()), case_review_bound_get_upper (bound));
  case_review_bound_free (bound);

  // District: Horvitz–Thompson estimate of 不合格 files = N(LH17) × 1/5.
  CaseReviewStratifiedBound *district = case_review_evaluation_dup_district_estimate (review.evaluation.get (), error.out ());
  ASSERT_NE (district, nullptr) << error.message ();
  EXPECT_DOUBLE_EQ (case_review_stratified_bound_get_estimated_deviations (district),
                    case_review_agency_result_get_population_size (third.get ()) / 5.0);
  case_review_stratified_bound_free (district);
}
