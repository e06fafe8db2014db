// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Composite evaluations: exact weights and their sum, the arithmetic on
// hundredths with half-up rounding at its edges, each combination rule,
// votes to scores, ranking ties, bottom N with ties at the cut, the floor,
// every error with what it names, CSV import errors located as
// file:line:column with the evaluation unchanged, JSON definitions with
// JSON-path errors, round trips, and the two Luohu demos.
#include <gtest/gtest.h>

#include <fstream>
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

const std::string demo_dir = std::string (CASE_REVIEW_SOURCE_DIR) + "/examples/data/luohu-2020";

template <typename T> struct Ref {
  T *ptr = nullptr;
  Ref () = default;
  explicit Ref (T *p) : ptr (p) {}
  Ref (const Ref &) = delete;
  Ref &operator= (const Ref &) = delete;
  Ref (Ref &&other) noexcept : ptr (other.ptr) { other.ptr = nullptr; }
  ~Ref () { g_clear_object (&ptr); }
  T *get () const { return ptr; }
  void reset (T *p) { g_clear_object (&ptr); ptr = p; }
};

struct Error {
  GError *error = nullptr;
  ~Error () { g_clear_error (&error); }
  GError **out () { g_clear_error (&error); return &error; }
  std::string message () const { return error != nullptr ? error->message : ""; }
  bool is (CaseReviewError code) const { return g_error_matches (error, CASE_REVIEW_ERROR, code); }
};

struct Text {
  char *text = nullptr;
  explicit Text (char *t) : text (t) {}
  ~Text () { g_free (text); }
  std::string str () const { return text != nullptr ? text : ""; }
};

bool
contains (const std::string &haystack, const std::string &needle)
{
  return haystack.find (needle) != std::string::npos;
}

CaseReviewCompositeComponent *
component (const char *id, CaseReviewCompositeRule rule, const char *weight)
{
  Error error;
  CaseReviewCompositeComponent *c = case_review_composite_component_new (id, rule, weight, error.out ());
  EXPECT_NE (c, nullptr) << error.message ();
  return c;
}

// An evaluation with the given components (id, rule, weight).
struct Spec {
  const char *id;
  CaseReviewCompositeRule rule;
  const char *weight;
};

CaseReviewCompositeEvaluation *
evaluation (std::initializer_list<Spec> specs)
{
  CaseReviewCompositeEvaluation *e = case_review_composite_evaluation_new ("test");
  for (const Spec &spec : specs)
    {
      Ref<CaseReviewCompositeComponent> c (component (spec.id, spec.rule, spec.weight));
      Error error;
      EXPECT_TRUE (case_review_composite_evaluation_add_component (e, c.get (), error.out ())) << error.message ();
    }
  return e;
}

void
subject (CaseReviewCompositeEvaluation *e, const char *id, const char *name = nullptr)
{
  Error error;
  ASSERT_TRUE (case_review_composite_evaluation_add_subject (e, id, name != nullptr ? name : id, error.out ()))
      << error.message ();
}

void
score (CaseReviewCompositeEvaluation *e, const char *id, const char *component_id, const char *value,
       const char *rater = nullptr)
{
  Error error;
  ASSERT_TRUE (case_review_composite_evaluation_add_score (e, id, component_id, rater, value, error.out ()))
      << error.message ();
}

struct Row {
  std::string id;
  guint rank, total;
  bool bottom, below;
};

std::vector<Row>
compute (CaseReviewCompositeEvaluation *e)
{
  Error error;
  Ref<GListModel> results (case_review_composite_evaluation_compute (e, error.out ()));
  std::vector<Row> rows;
  EXPECT_NE (results.get (), nullptr) << error.message ();
  if (results.get () == nullptr)
    return rows;
  for (guint i = 0; i < g_list_model_get_n_items (results.get ()); i++)
    {
      Ref<CaseReviewCompositeResult> r (CASE_REVIEW_COMPOSITE_RESULT (g_list_model_get_item (results.get (), i)));
      rows.push_back ({ case_review_composite_result_get_subject_id (r.get ()), case_review_composite_result_get_rank (r.get ()),
                        case_review_composite_result_get_total_hundredths (r.get ()),
                        case_review_composite_result_is_bottom (r.get ()) != FALSE,
                        case_review_composite_result_is_below_floor (r.get ()) != FALSE });
    }
  return rows;
}

CaseReviewCompositeResult *
result_for (CaseReviewCompositeEvaluation *e, const std::string &id)
{
  Error error;
  Ref<GListModel> results (case_review_composite_evaluation_compute (e, error.out ()));
  EXPECT_NE (results.get (), nullptr) << error.message ();
  for (guint i = 0; results.get () != nullptr && i < g_list_model_get_n_items (results.get ()); i++)
    {
      CaseReviewCompositeResult *r = CASE_REVIEW_COMPOSITE_RESULT (g_list_model_get_item (results.get (), i));
      if (id == case_review_composite_result_get_subject_id (r))
        return r;
      g_object_unref (r);
    }
  ADD_FAILURE () << "no result for " << id;
  return nullptr;
}

// The score one component gives a subject whose only values are @values.
int
combined (CaseReviewCompositeRule rule, std::initializer_list<const char *> values, guint trim_from = 5)
{
  Ref<CaseReviewCompositeEvaluation> e (evaluation ({ { "c", rule, "1" } }));
  Ref<CaseReviewCompositeComponent> c (CASE_REVIEW_COMPOSITE_COMPONENT (
      g_object_ref (case_review_composite_evaluation_lookup_component (e.get (), "c"))));
  case_review_composite_component_set_trim_from (c.get (), trim_from);
  subject (e.get (), "S");
  for (const char *v : values)
    score (e.get (), "S", "c", v);
  Ref<CaseReviewCompositeResult> r (result_for (e.get (), "S"));
  return r.get () != nullptr ? case_review_composite_result_get_component_score_hundredths (r.get (), "c") : -2;
}

// Weights ---------------------------------------------------------------

TEST (CompositeWeights, AreReadAsExactDecimals)
{
  struct { const char *text; guint millionths; const char *normal; } good[] = {
    { "0.6", 600000, "0.6" }, { "0.600", 600000, "0.6" }, { "0.4", 400000, "0.4" }, { "1", 1000000, "1" },
    { "1.0", 1000000, "1" }, { "0", 0, "0" }, { "0.125", 125000, "0.125" }, { "0.333333", 333333, "0.333333" },
    { "0.1234560", 123456, "0.123456" },
  };
  for (const auto &g : good)
    {
      Ref<CaseReviewCompositeComponent> c (component ("c", CASE_REVIEW_COMPOSITE_RULE_MEAN, g.text));
      ASSERT_NE (c.get (), nullptr) << g.text;
      EXPECT_EQ (case_review_composite_component_get_weight_millionths (c.get ()), g.millionths) << g.text;
      EXPECT_STREQ (case_review_composite_component_get_weight (c.get ()), g.normal);
    }

  struct { const char *text; const char *reason; } bad[] = {
    { "1.5", "is greater than 1" }, { "1.000001", "is greater than 1" }, { "-0.1", "is negative" },
    { "0.1234567", "has more than six decimals" }, { "abc", "is not a decimal" }, { "", "is not a decimal" },
    { ".5", "is not a decimal" }, { "1e-1", "is not a decimal" }, { "0.6 ", "is not a decimal" },
    { "60%", "is not a decimal" },
  };
  for (const auto &b : bad)
    {
      Error error;
      EXPECT_EQ (case_review_composite_component_new ("hearing", CASE_REVIEW_COMPOSITE_RULE_MEAN, b.text, error.out ()),
                 nullptr) << b.text;
      EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_INVALID)) << b.text;
      EXPECT_TRUE (contains (error.message (), "component \"hearing\": weight \"" + std::string (b.text) + "\" " + b.reason))
          << error.message ();
    }
}

TEST (CompositeWeights, MustAddUpToExactlyOne)
{
  Error error;
  Ref<CaseReviewCompositeEvaluation> good (evaluation ({ { "hearing", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.6" },
                                                         { "file", CASE_REVIEW_COMPOSITE_RULE_SINGLE, "0.4" } }));
  EXPECT_TRUE (case_review_composite_evaluation_validate (good.get (), error.out ())) << error.message ();

  Ref<CaseReviewCompositeEvaluation> short_ (evaluation ({ { "hearing", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.6" },
                                                           { "file", CASE_REVIEW_COMPOSITE_RULE_SINGLE, "0.3" } }));
  EXPECT_FALSE (case_review_composite_evaluation_validate (short_.get (), error.out ()));
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_INVALID));
  EXPECT_EQ (error.message (), "the component weights add up to 0.9 (hearing 0.6 + file 0.3), not exactly 1");
  subject (short_.get (), "S");
  EXPECT_EQ (case_review_composite_evaluation_compute (short_.get (), error.out ()), nullptr);
  EXPECT_TRUE (contains (error.message (), "add up to 0.9"));

  // Thirds do not add up to 1 in decimals; the check is exact.
  Ref<CaseReviewCompositeEvaluation> thirds (evaluation ({ { "a", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.333333" },
                                                           { "b", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.333333" },
                                                           { "c", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.333333" } }));
  EXPECT_FALSE (case_review_composite_evaluation_validate (thirds.get (), error.out ()));
  EXPECT_TRUE (contains (error.message (), "add up to 0.999999"));
  Ref<CaseReviewCompositeEvaluation> thirds_fixed (evaluation ({ { "a", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.333333" },
                                                                 { "b", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.333333" },
                                                                 { "c", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.333334" } }));
  EXPECT_TRUE (case_review_composite_evaluation_validate (thirds_fixed.get (), error.out ())) << error.message ();

  Ref<CaseReviewCompositeEvaluation> over (evaluation ({ { "a", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.7" },
                                                         { "b", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.7" } }));
  EXPECT_FALSE (case_review_composite_evaluation_validate (over.get (), error.out ()));
  EXPECT_TRUE (contains (error.message (), "add up to 1.4 (a 0.7 + b 0.7)"));

  Ref<CaseReviewCompositeEvaluation> none (case_review_composite_evaluation_new ("empty"));
  EXPECT_FALSE (case_review_composite_evaluation_validate (none.get (), error.out ()));
  EXPECT_TRUE (contains (error.message (), "evaluation \"empty\" has no components"));
}

TEST (CompositeWeights, ComponentIdsAreUnique)
{
  Ref<CaseReviewCompositeEvaluation> e (evaluation ({ { "hearing", CASE_REVIEW_COMPOSITE_RULE_MEAN, "1" } }));
  Ref<CaseReviewCompositeComponent> again (component ("hearing", CASE_REVIEW_COMPOSITE_RULE_MAX, "0"));
  Error error;
  EXPECT_FALSE (case_review_composite_evaluation_add_component (e.get (), again.get (), error.out ()));
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_DUPLICATE));
  EXPECT_EQ (error.message (), "duplicate component \"hearing\"");
  EXPECT_EQ (g_list_model_get_n_items (case_review_composite_evaluation_get_components (e.get ())), 1u);

  EXPECT_EQ (case_review_composite_component_new ("", CASE_REVIEW_COMPOSITE_RULE_MEAN, "1", error.out ()), nullptr);
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_INVALID));
}

TEST (CompositeWeights, LabelsDefaultToTheId)
{
  Ref<CaseReviewCompositeComponent> c (component ("hearing", CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN, "0.6"));
  EXPECT_STREQ (case_review_composite_component_get_label (c.get ()), "hearing");
  EXPECT_STREQ (case_review_composite_component_get_label_en (c.get ()), "hearing");
  case_review_composite_component_set_label (c.get (), "庭审旁听");
  case_review_composite_component_set_label_en (c.get (), "Live hearing");
  EXPECT_STREQ (case_review_composite_component_get_label (c.get ()), "庭审旁听");
  EXPECT_STREQ (case_review_composite_component_get_label_en (c.get ()), "Live hearing");
  EXPECT_EQ (case_review_composite_component_get_trim_from (c.get ()), 5u);
  EXPECT_EQ (case_review_composite_component_get_rule (c.get ()), CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN);
}

// Arithmetic ------------------------------------------------------------

// Each subject gets one hearing score and one file score.
guint
weighted_total (const char *w_hearing, const char *w_file, const char *hearing, const char *file)
{
  Ref<CaseReviewCompositeEvaluation> e (evaluation ({ { "hearing", CASE_REVIEW_COMPOSITE_RULE_SINGLE, w_hearing },
                                                      { "file", CASE_REVIEW_COMPOSITE_RULE_SINGLE, w_file } }));
  subject (e.get (), "S");
  score (e.get (), "S", "hearing", hearing);
  score (e.get (), "S", "file", file);
  std::vector<Row> rows = compute (e.get ());
  return rows.size () == 1 ? rows[0].total : G_MAXUINT;
}

TEST (CompositeArithmetic, WeightedTotalIsExactThenRoundedHalfUpOnce)
{
  // 0.6 × 85.55 + 0.4 × 90.01 = 51.33 + 36.004 = 87.334
  EXPECT_EQ (weighted_total ("0.6", "0.4", "85.55", "90.01"), 8733u);
  // 0.6 × 85.01 + 0.4 × 85.00 = 85.006 → 85.01
  EXPECT_EQ (weighted_total ("0.6", "0.4", "85.01", "85"), 8501u);
  // Exactly half a hundredth rounds up: 0.5 × 85.01 + 0.5 × 85 = 85.005 →
  // 85.01 (in binary floating point 85.005 is 85.00499999… and would round
  // down).
  EXPECT_EQ (weighted_total ("0.5", "0.5", "85.01", "85"), 8501u);
  EXPECT_EQ (weighted_total ("0.5", "0.5", "0.01", "0"), 1u);
  // Just under half rounds down, just over rounds up (weights in millionths).
  EXPECT_EQ (weighted_total ("0.499999", "0.500001", "0.01", "0"), 0u);
  EXPECT_EQ (weighted_total ("0.500001", "0.499999", "0.01", "0"), 1u);
  // 0.7 × 85.49 + 0.3 × 85.5 = 59.843 + 25.65 = 85.493
  EXPECT_EQ (weighted_total ("0.7", "0.3", "85.49", "85.5"), 8549u);
  // The ends of the scale.
  EXPECT_EQ (weighted_total ("0.6", "0.4", "100", "100"), 10000u);
  EXPECT_EQ (weighted_total ("0.6", "0.4", "0", "0"), 0u);
  EXPECT_EQ (weighted_total ("1", "0", "73.45", "100"), 7345u);
}

TEST (CompositeArithmetic, MeansRoundHalfUpToTheHundredth)
{
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_MEAN, { "85", "85.01" }), 8501);          // 85.005
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_MEAN, { "85", "85", "85.01" }), 8500);    // 85.0033
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_MEAN, { "85", "85.01", "85.01" }), 8501); // 85.0067
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_MEAN, { "90", "80", "85.5", "70" }), 8138); // 81.375
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_MEAN, { "77.7" }), 7770);
  // The component score is rounded before it is weighted: two steps.
  Ref<CaseReviewCompositeEvaluation> e (evaluation ({ { "hearing", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.6" },
                                                      { "file", CASE_REVIEW_COMPOSITE_RULE_SINGLE, "0.4" } }));
  subject (e.get (), "S");
  score (e.get (), "S", "hearing", "85");
  score (e.get (), "S", "hearing", "85");
  score (e.get (), "S", "hearing", "85.01");   // 85.0033 → 85.00
  score (e.get (), "S", "file", "85.01");
  // 0.6 × 85.00 + 0.4 × 85.01 = 85.004 → 85.00 (unrounded it would be 85.006 → 85.01)
  EXPECT_EQ (compute (e.get ())[0].total, 8500u);
}

// Rules -------------------------------------------------------------------

TEST (CompositeRules, TrimmedMeanDropsOneHighestAndOneLowestFromFive)
{
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN, { "60", "80", "85", "90", "100" }), 8500);
  // Order does not matter.
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN, { "100", "85", "60", "90", "80" }), 8500);
  // Below five it is the plain mean.
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN, { "60", "80", "90", "100" }), 8250);
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN, { "60", "100" }), 8000);
  // Only one of several equal extremes goes.
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN, { "70", "70", "80", "90", "100", "100" }), 8500);
  // Seven scores: the middle five.
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN, { "50", "81", "82", "83", "84", "85", "99" }), 8300);
  // Trimming from three is the median of three.
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN, { "60", "80", "100" }, 3), 8000);
  // A mean never trims.
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_MEAN, { "60", "80", "85", "90", "100" }), 8300);
}

TEST (CompositeRules, MaxAndSingle)
{
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_MAX, { "70", "95.5", "80" }), 9550);
  EXPECT_EQ (combined (CASE_REVIEW_COMPOSITE_RULE_SINGLE, { "88.25" }), 8825);

  Ref<CaseReviewCompositeEvaluation> e (evaluation ({ { "file", CASE_REVIEW_COMPOSITE_RULE_SINGLE, "1" } }));
  subject (e.get (), "LA01");
  score (e.get (), "LA01", "file", "80");
  Error error;
  EXPECT_FALSE (case_review_composite_evaluation_add_score (e.get (), "LA01", "file", nullptr, "90", error.out ()));
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_DUPLICATE));
  EXPECT_EQ (error.message (),
             "subject \"LA01\", component \"file\": the component takes a single score and one was already given");
  EXPECT_EQ (case_review_composite_evaluation_get_n_values (e.get (), nullptr), 1u);
}

TEST (CompositeRules, VotesBecomeShareOfTheMostVotes)
{
  Ref<CaseReviewCompositeEvaluation> e (evaluation ({ { "public", CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE, "1" } }));
  const char *ids[] = { "A", "B", "C", "D" };
  gint64 votes[] = { 3, 1, 0, 2 };
  for (guint i = 0; i < 4; i++)
    {
      Error error;
      subject (e.get (), ids[i]);
      ASSERT_TRUE (case_review_composite_evaluation_add_votes (e.get (), ids[i], "public", votes[i], error.out ()))
          << error.message ();
    }
  int expected[] = { 10000, 3333, 0, 6667 };   // 100 × v ÷ 3: 33.333…, 66.666…
  for (guint i = 0; i < 4; i++)
    {
      Ref<CaseReviewCompositeResult> r (result_for (e.get (), ids[i]));
      EXPECT_EQ (case_review_composite_result_get_component_score_hundredths (r.get (), "public"), expected[i]) << ids[i];
      EXPECT_EQ (case_review_composite_result_get_component_votes (r.get (), "public"), votes[i]);
    }

  // Nobody voted: everyone scores 0.
  Ref<CaseReviewCompositeEvaluation> none (evaluation ({ { "public", CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE, "1" } }));
  subject (none.get (), "A");
  score (none.get (), "A", "public", "0");
  EXPECT_EQ (compute (none.get ())[0].total, 0u);

  // Half a hundredth rounds up: 1 vote of at most 20000 is 0.005 points → 0.01.
  Ref<CaseReviewCompositeEvaluation> edge (evaluation ({ { "public", CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE, "1" } }));
  subject (edge.get (), "A");
  subject (edge.get (), "B");
  score (edge.get (), "A", "public", "20000");
  score (edge.get (), "B", "public", "1");
  EXPECT_EQ (compute (edge.get ())[1].total, 1u);
}

TEST (CompositeRules, ExpertAndPublicVotesWeighted)
{
  // Legal-education duty: 0.7 expert + 0.3 public.
  Ref<CaseReviewCompositeEvaluation> e (evaluation ({ { "expert", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.7" },
                                                      { "public", CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE, "0.3" } }));
  subject (e.get (), "LH01", "发展改革局");
  subject (e.get (), "LH02", "教育局");
  score (e.get (), "LH01", "expert", "90");
  score (e.get (), "LH01", "public", "300");
  score (e.get (), "LH02", "expert", "80");
  score (e.get (), "LH02", "public", "900");
  std::vector<Row> rows = compute (e.get ());
  ASSERT_EQ (rows.size (), 2u);
  // LH02: 0.7 × 80 + 0.3 × 100 = 86; LH01: 0.7 × 90 + 0.3 × 33.33 = 63 + 9.999 = 72.999 → 73.00
  EXPECT_EQ (rows[0].id, "LH02");
  EXPECT_EQ (rows[0].total, 8600u);
  EXPECT_EQ (rows[1].total, 7300u);
}

TEST (CompositeRules, VoteErrors)
{
  Ref<CaseReviewCompositeEvaluation> e (evaluation ({ { "expert", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.7" },
                                                      { "public", CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE, "0.3" } }));
  subject (e.get (), "LH01");
  Error error;
  EXPECT_FALSE (case_review_composite_evaluation_add_votes (e.get (), "LH01", "public", -5, error.out ()));
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_INVALID));
  EXPECT_EQ (error.message (), "subject \"LH01\", component \"public\": vote count -5 is negative");
  EXPECT_FALSE (case_review_composite_evaluation_add_score (e.get (), "LH01", "public", nullptr, "-5", error.out ()));
  EXPECT_EQ (error.message (), "subject \"LH01\", component \"public\": vote count \"-5\" is negative");
  EXPECT_FALSE (case_review_composite_evaluation_add_score (e.get (), "LH01", "public", nullptr, "12.5", error.out ()));
  EXPECT_TRUE (contains (error.message (), "vote count \"12.5\" is not a whole number"));
  EXPECT_FALSE (case_review_composite_evaluation_add_votes (e.get (), "LH01", "public", G_GINT64_CONSTANT (1000000000001),
                                                           error.out ()));
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_INVALID));
  // Votes are not scores and scores are not votes.
  EXPECT_FALSE (case_review_composite_evaluation_add_votes (e.get (), "LH01", "expert", 5, error.out ()));
  EXPECT_TRUE (contains (error.message (), "takes scores, not votes"));
  EXPECT_FALSE (case_review_composite_evaluation_add_score_hundredths (e.get (), "LH01", "public", nullptr, 5, error.out ()));
  EXPECT_TRUE (contains (error.message (), "counts votes, not scores"));
  // One count per subject.
  EXPECT_TRUE (case_review_composite_evaluation_add_votes (e.get (), "LH01", "public", 12, error.out ()));
  EXPECT_FALSE (case_review_composite_evaluation_add_votes (e.get (), "LH01", "public", 12, error.out ()));
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_DUPLICATE));
  EXPECT_EQ (case_review_composite_evaluation_get_n_values (e.get (), "public"), 1u);
}

// Ranking and flags -------------------------------------------------------

// Subjects with a total made of two equally weighted single scores.
CaseReviewCompositeEvaluation *
pairs (std::initializer_list<std::tuple<const char *, const char *, const char *>> subjects)
{
  CaseReviewCompositeEvaluation *e = evaluation ({ { "first", CASE_REVIEW_COMPOSITE_RULE_SINGLE, "0.5" },
                                                   { "second", CASE_REVIEW_COMPOSITE_RULE_SINGLE, "0.5" } });
  for (const auto &[id, a, b] : subjects)
    {
      subject (e, id);
      score (e, id, "first", a);
      score (e, id, "second", b);
    }
  return e;
}

std::string
order (const std::vector<Row> &rows)
{
  std::string out;
  for (const Row &r : rows)
    out += (out.empty () ? "" : " ") + r.id;
  return out;
}

std::string
flagged (const std::vector<Row> &rows)
{
  std::string out;
  for (const Row &r : rows)
    if (r.bottom)
      out += (out.empty () ? "" : " ") + r.id;
  return out;
}

TEST (CompositeRanking, TiesGoToTheFirstComponentThenTheId)
{
  // All total 85: B has the best first component; C and D tie on both and
  // are ordered by id; A has the worst first component.
  Ref<CaseReviewCompositeEvaluation> e (pairs ({ { "D", "85", "85" }, { "A", "80", "90" }, { "C", "85", "85" },
                                                 { "B", "90", "80" }, { "E", "99", "99" } }));
  std::vector<Row> rows = compute (e.get ());
  EXPECT_EQ (order (rows), "E B C D A");
  for (guint i = 0; i < rows.size (); i++)
    EXPECT_EQ (rows[i].rank, i + 1);
  // Ids compare as UTF-8 bytes.
  Ref<CaseReviewCompositeEvaluation> ids (pairs ({ { "b", "80", "80" }, { "B", "80", "80" }, { "甲", "80", "80" },
                                                   { "a", "80", "80" } }));
  EXPECT_EQ (order (compute (ids.get ())), "B a b 甲");
}

TEST (CompositeRanking, BottomNFlagsEveryoneTiedAtTheCut)
{
  Ref<CaseReviewCompositeEvaluation> e (pairs ({ { "A", "90", "90" }, { "B", "80", "80" }, { "C", "70", "70" },
                                                 { "D", "70", "70" }, { "E", "60", "60" } }));
  case_review_composite_evaluation_set_bottom_n (e.get (), 2);
  // D is 4th and E 5th; C ties with D on total and first component, so the
  // id cannot separate them: both are flagged, three in all.
  std::vector<Row> rows = compute (e.get ());
  EXPECT_EQ (order (rows), "A B C D E");
  EXPECT_EQ (flagged (rows), "C D E");

  // A tie on the total that the first component breaks is no tie at the cut.
  Ref<CaseReviewCompositeEvaluation> broken (pairs ({ { "A", "90", "90" }, { "B", "80", "80" }, { "C", "71", "69" },
                                                      { "D", "69", "71" }, { "E", "60", "60" } }));
  case_review_composite_evaluation_set_bottom_n (broken.get (), 2);
  rows = compute (broken.get ());
  EXPECT_EQ (order (rows), "A B C D E");
  EXPECT_EQ (flagged (rows), "D E");

  // Ties inside the bottom N or above the cut change nothing.
  Ref<CaseReviewCompositeEvaluation> inside (pairs ({ { "A", "90", "90" }, { "B", "90", "90" }, { "C", "70", "70" },
                                                      { "D", "60", "60" }, { "E", "60", "60" } }));
  case_review_composite_evaluation_set_bottom_n (inside.get (), 2);
  EXPECT_EQ (flagged (compute (inside.get ())), "D E");

  // N = 0 flags none, N ≥ the number of subjects flags all.
  case_review_composite_evaluation_set_bottom_n (inside.get (), 0);
  EXPECT_EQ (flagged (compute (inside.get ())), "");
  case_review_composite_evaluation_set_bottom_n (inside.get (), 9);
  EXPECT_EQ (flagged (compute (inside.get ())), "A B C D E");
  // Everyone tied: bottom 1 flags all of them.
  Ref<CaseReviewCompositeEvaluation> all (pairs ({ { "A", "80", "80" }, { "B", "80", "80" }, { "C", "80", "80" } }));
  case_review_composite_evaluation_set_bottom_n (all.get (), 1);
  EXPECT_EQ (flagged (compute (all.get ())), "A B C");
}

TEST (CompositeRanking, FloorFlagsTotalsStrictlyBelowIt)
{
  Ref<CaseReviewCompositeEvaluation> e (pairs ({ { "A", "60", "60" }, { "B", "59.99", "60" }, { "C", "59.99", "59.99" },
                                                 { "D", "90", "90" } }));
  std::vector<Row> rows = compute (e.get ());
  for (const Row &r : rows)
    EXPECT_FALSE (r.below) << "no floor set";
  case_review_composite_evaluation_set_floor_hundredths (e.get (), 6000);
  rows = compute (e.get ());
  EXPECT_EQ (order (rows), "D A B C");
  EXPECT_FALSE (rows[0].below);
  EXPECT_FALSE (rows[1].below);       // exactly 60: not below
  EXPECT_FALSE (rows[2].below);       // 59.995 rounds to 60.00
  EXPECT_EQ (rows[2].total, 6000u);
  EXPECT_TRUE (rows[3].below);        // 59.99
  Ref<CaseReviewCompositeResult> c (result_for (e.get (), "C"));
  EXPECT_TRUE (case_review_composite_result_is_flagged (c.get ()));
  EXPECT_FALSE (case_review_composite_result_is_bottom (c.get ()));
}

// Errors ------------------------------------------------------------------

TEST (CompositeErrors, EachNamesSubjectComponentAndValueAndChangesNothing)
{
  Ref<CaseReviewCompositeEvaluation> e (evaluation ({ { "hearing", CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN, "0.6" },
                                                      { "file", CASE_REVIEW_COMPOSITE_RULE_SINGLE, "0.4" } }));
  subject (e.get (), "LA01", "王建华");
  score (e.get (), "LA01", "hearing", "85", "E01");
  Error error;

  EXPECT_FALSE (case_review_composite_evaluation_add_subject (e.get (), "LA01", "李四", error.out ()));
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_DUPLICATE));
  EXPECT_EQ (error.message (), "duplicate subject \"LA01\" (already added as 王建华)");
  EXPECT_FALSE (case_review_composite_evaluation_add_subject (e.get (), "", "无名", error.out ()));
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_INVALID));
  EXPECT_FALSE (case_review_composite_evaluation_add_subject (e.get (), "LA02", "", error.out ()));
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_INVALID));

  struct { const char *subject, *component, *value, *rater; CaseReviewError code; const char *message; } cases[] = {
    { "LA09", "hearing", "85", nullptr, CASE_REVIEW_ERROR_NOT_FOUND,
      "unknown subject \"LA09\": add the subject before its scores" },
    { "LA01", "heering", "85", nullptr, CASE_REVIEW_ERROR_NOT_FOUND,
      "subject \"LA01\": unknown component \"heering\" (the evaluation has hearing, file)" },
    { "LA01", "hearing", "100.01", nullptr, CASE_REVIEW_ERROR_INVALID,
      "subject \"LA01\", component \"hearing\": score \"100.01\" is out of range (0 to 100)" },
    { "LA01", "hearing", "-1", nullptr, CASE_REVIEW_ERROR_INVALID,
      "subject \"LA01\", component \"hearing\": score \"-1\" is out of range (0 to 100)" },
    { "LA01", "hearing", "85.555", nullptr, CASE_REVIEW_ERROR_INVALID,
      "subject \"LA01\", component \"hearing\": score \"85.555\" has more than two decimals" },
    { "LA01", "hearing", "八十五", nullptr, CASE_REVIEW_ERROR_INVALID,
      "subject \"LA01\", component \"hearing\": score \"八十五\" is not a number such as 85 or 85.5" },
    { "LA01", "hearing", "", nullptr, CASE_REVIEW_ERROR_INVALID,
      "subject \"LA01\", component \"hearing\": score \"\" is not a number such as 85 or 85.5" },
    { "LA01", "hearing", "90", "E01", CASE_REVIEW_ERROR_DUPLICATE,
      "subject \"LA01\", component \"hearing\": rater E01 already gave a score" },
  };
  for (const auto &c : cases)
    {
      EXPECT_FALSE (case_review_composite_evaluation_add_score (e.get (), c.subject, c.component, c.rater, c.value,
                                                                error.out ())) << c.value;
      EXPECT_TRUE (error.is (c.code)) << error.message ();
      EXPECT_EQ (error.message (), c.message);
    }
  EXPECT_FALSE (case_review_composite_evaluation_add_score_hundredths (e.get (), "LA01", "hearing", nullptr, 10001,
                                                                       error.out ()));
  EXPECT_TRUE (contains (error.message (), "score 10001 hundredths is out of range"));
  EXPECT_FALSE (case_review_composite_evaluation_add_score_hundredths (e.get (), "LA01", "hearing", nullptr, -1,
                                                                       error.out ()));
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_INVALID));

  // Nothing was added by any of them.
  EXPECT_EQ (case_review_composite_evaluation_get_n_subjects (e.get ()), 1u);
  EXPECT_EQ (case_review_composite_evaluation_get_n_values (e.get (), nullptr), 1u);

  // Extra zeros are exact; other raters and no rater are fine.
  score (e.get (), "LA01", "hearing", "85.500", "E02");
  score (e.get (), "LA01", "hearing", "100.00");
  score (e.get (), "LA01", "hearing", "0");
  EXPECT_EQ (case_review_composite_evaluation_get_n_values (e.get (), "hearing"), 4u);
}

TEST (CompositeErrors, MissingScoresAreAnErrorOrZero)
{
  Ref<CaseReviewCompositeEvaluation> e (evaluation ({ { "hearing", CASE_REVIEW_COMPOSITE_RULE_MEAN, "0.6" },
                                                      { "file", CASE_REVIEW_COMPOSITE_RULE_SINGLE, "0.4" } }));
  subject (e.get (), "LA01", "王建华");
  subject (e.get (), "LA02", "李四");
  score (e.get (), "LA01", "hearing", "80");
  score (e.get (), "LA01", "file", "90");
  score (e.get (), "LA02", "hearing", "95");
  Error error;
  EXPECT_EQ (case_review_composite_evaluation_get_missing_score_policy (e.get ()), CASE_REVIEW_MISSING_SCORE_POLICY_ERROR);
  EXPECT_EQ (case_review_composite_evaluation_compute (e.get (), error.out ()), nullptr);
  EXPECT_TRUE (error.is (CASE_REVIEW_ERROR_INVALID));
  EXPECT_EQ (error.message (), "subject \"LA02\" (李四) has no values for component \"file\"");
  EXPECT_EQ (case_review_composite_evaluation_results_to_json (e.get (), error.out ()), nullptr);
  EXPECT_EQ (case_review_composite_evaluation_results_to_csv (e.get (), error.out ()), nullptr);

  case_review_composite_evaluation_set_missing_score_policy (e.get (), CASE_REVIEW_MISSING_SCORE_POLICY_ZERO);
  Ref<CaseReviewCompositeResult> r (result_for (e.get (), "LA02"));
  EXPECT_EQ (case_review_composite_result_get_component_score_hundredths (r.get (), "file"), 0);
  EXPECT_EQ (case_review_composite_result_get_component_n_values (r.get (), "file"), 0u);
  EXPECT_EQ (case_review_composite_result_get_total_hundredths (r.get ()), 5700u);   // 0.6 × 95
  const char * const *missing = case_review_composite_result_get_missing_components (r.get ());
  ASSERT_NE (missing[0], nullptr);
  EXPECT_STREQ (missing[0], "file");
  EXPECT_EQ (missing[1], nullptr);
  Ref<CaseReviewCompositeResult> full (result_for (e.get (), "LA01"));
  EXPECT_EQ (case_review_composite_result_get_missing_components (full.get ())[0], nullptr);
  EXPECT_EQ (case_review_composite_result_get_component_score_hundredths (full.get (), "nope"), -1);
  EXPECT_EQ (case_review_composite_result_get_component_votes (full.get (), "file"), -1);
}

// CSV ---------------------------------------------------------------------

const char *const definition_json = R"({
  "id": "legal-aid",
  "title": "法律援助质量评估",
  "title_en": "Legal-aid quality",
  "components": [
    {"id": "hearing", "label": "庭审旁听", "label_en": "Live hearing", "weight": "0.6", "rule": "trimmed-mean"},
    {"id": "file", "label": "案卷评查", "label_en": "Case file", "weight": "0.4", "rule": "single"},
    {"id": "votes", "weight": "0", "rule": "vote-share"}
  ],
  "bottom_n": 1,
  "floor": "60",
  "missing_scores": "zero"
})";

CaseReviewCompositeEvaluation *
from_json (const char *json)
{
  Error error;
  CaseReviewCompositeEvaluation *e = case_review_composite_evaluation_new_from_json (json, error.out ());
  EXPECT_NE (e, nullptr) << error.message ();
  return e;
}

bool
load_csv (CaseReviewCompositeEvaluation *e, const std::string &path, Error &error)
{
  GFile *file = g_file_new_for_path (path.c_str ());
  gboolean ok = case_review_composite_evaluation_load_scores_csv (e, file, CASE_REVIEW_TEXT_ENCODING_AUTO, nullptr,
                                                                  error.out ());
  g_object_unref (file);
  return ok != FALSE;
}

std::string
results_json (CaseReviewCompositeEvaluation *e)
{
  Error error;
  Text text (case_review_composite_evaluation_results_to_json (e, error.out ()));
  EXPECT_NE (text.text, nullptr) << error.message ();
  return text.str ();
}

TEST (CompositeCsv, ReadsChineseAndEnglishHeadersInAnyOrder)
{
  TempDir dir;
  Ref<CaseReviewCompositeEvaluation> zh (from_json (definition_json));
  Error error;
  ASSERT_TRUE (load_csv (zh.get (), dir.write ("zh.csv",
                                               "对象编号,对象名称,指标,分数,评分人\n"
                                               "LA01,王建华,hearing,85,E01\n"
                                               "LA01,王建华,hearing,87.5,E02\n"
                                               "\n"
                                               "LA01,王建华,file,90,\n"
                                               "LA02,\"李,四\",hearing,70,E01\n"
                                               "LA02,\"李,四\",file,71.25,\n"
                                               "LA03,赵六,,,\n"), error)) << error.message ();
  EXPECT_EQ (case_review_composite_evaluation_get_n_subjects (zh.get ()), 3u);
  EXPECT_EQ (case_review_composite_evaluation_get_n_values (zh.get (), nullptr), 5u);

  Ref<CaseReviewCompositeEvaluation> en (from_json (definition_json));
  ASSERT_TRUE (load_csv (en.get (), dir.write ("en.csv",
                                               "\xef\xbb\xbf" "score,component,subject_name,subject_id,note\r\n"
                                               "85,hearing,王建华,LA01,x\r\n"
                                               "87.5,hearing,王建华,LA01,\r\n"
                                               "90,file,王建华,LA01,\r\n"
                                               "70,hearing,\"李,四\",LA02,\r\n"
                                               "71.25,file,\"李,四\",LA02,\r\n"
                                               ",,赵六,LA03,\r\n"), error)) << error.message ();
  EXPECT_EQ (results_json (zh.get ()), results_json (en.get ()));

  Ref<CaseReviewCompositeResult> r (result_for (en.get (), "LA01"));
  EXPECT_EQ (case_review_composite_result_get_component_score_hundredths (r.get (), "hearing"), 8625);
  EXPECT_EQ (case_review_composite_result_get_component_n_values (r.get (), "hearing"), 2u);
  EXPECT_EQ (case_review_composite_result_get_total_hundredths (r.get ()), 8775u);   // 0.6 × 86.25 + 0.4 × 90
  Ref<CaseReviewCompositeResult> empty (result_for (en.get (), "LA03"));
  EXPECT_EQ (case_review_composite_result_get_total_hundredths (empty.get ()), 0u);
  EXPECT_TRUE (case_review_composite_result_is_bottom (empty.get ()));
  EXPECT_TRUE (case_review_composite_result_is_below_floor (empty.get ()));
}

TEST (CompositeCsv, ProblemsAreLocatedAndLeaveTheEvaluationUnchanged)
{
  TempDir dir;
  Ref<CaseReviewCompositeEvaluation> e (from_json (definition_json));
  Error error;
  ASSERT_TRUE (load_csv (e.get (), dir.write ("base.csv",
                                              "subject_id,subject_name,component,score,rater\n"
                                              "LA01,王建华,hearing,85,E01\n"
                                              "LA01,王建华,file,90,\n"), error)) << error.message ();
  std::string before = results_json (e.get ());
  const std::string header = "subject_id,subject_name,component,score,rater\n";
  const std::string good = "LA02,李四,hearing,70,E01\n";

  struct { const char *name; std::string content; CaseReviewError code; std::string message; } cases[] = {
    { "component.csv", header + good + "LA02,李四,heering,70,E02\n", CASE_REVIEW_ERROR_NOT_FOUND,
      "component.csv:3:3: subject \"LA02\": unknown component \"heering\" (the evaluation has hearing, file, votes)" },
    { "range.csv", header + good + "LA02,李四,file,100.5,\n", CASE_REVIEW_ERROR_INVALID,
      "range.csv:3:4: subject \"LA02\", component \"file\": score \"100.5\" is out of range (0 to 100)" },
    { "decimals.csv", header + "LA02,李四,file,88.125,\n", CASE_REVIEW_ERROR_INVALID,
      "decimals.csv:2:4: subject \"LA02\", component \"file\": score \"88.125\" has more than two decimals" },
    { "votes.csv", header + "LA02,李四,votes,-3,\n", CASE_REVIEW_ERROR_INVALID,
      "votes.csv:2:4: subject \"LA02\", component \"votes\": vote count \"-3\" is negative" },
    { "name.csv", header + good + "LA01,王建国,file,80,\n", CASE_REVIEW_ERROR_DUPLICATE,
      "name.csv:3:2: duplicate subject \"LA01\": named 王建国 here but 王建华 before" },
    { "rater.csv", header + good + "LA02,李四,hearing,75,E01\n", CASE_REVIEW_ERROR_DUPLICATE,
      "rater.csv:3:5: subject \"LA02\", component \"hearing\": rater E01 already gave a score" },
    { "single.csv", header + "LA01,王建华,file,80,\n", CASE_REVIEW_ERROR_DUPLICATE,
      "single.csv:2:4: subject \"LA01\", component \"file\": the component takes a single score and one was already given" },
    { "empty-id.csv", header + ",李四,file,80,\n", CASE_REVIEW_ERROR_INVALID,
      "empty-id.csv:2:1: the subject id is empty" },
    { "empty-score.csv", header + "LA02,李四,file,,\n", CASE_REVIEW_ERROR_INVALID,
      "empty-score.csv:2:4: subject \"LA02\", component \"file\": the score is empty" },
    { "column.csv", "对象编号,对象名称,指标\nLA02,李四,file\n", CASE_REVIEW_ERROR_INVALID,
      "column.csv:1:1: the required column 分数/score is missing from the header" },
    { "width.csv", header + "LA02,李四,file,80,,extra\n", CASE_REVIEW_ERROR_PARSE,
      "width.csv:2:6: the row has 6 fields but the header has 5" },
    { "quote.csv", header + "LA02,\"李四,file,80,\n", CASE_REVIEW_ERROR_PARSE, "quote.csv:2:" },
    { "empty.csv", "", CASE_REVIEW_ERROR_PARSE, "empty.csv:1:1: the file is empty; expected a header row" },
    { "header-only.csv", header, CASE_REVIEW_ERROR_INVALID, "header-only.csv:2:1: the file has a header but no scores" },
  };
  for (const auto &c : cases)
    {
      EXPECT_FALSE (load_csv (e.get (), dir.write (c.name, c.content), error)) << c.name;
      EXPECT_TRUE (error.is (c.code)) << c.name << ": " << error.message ();
      EXPECT_EQ (error.message ().substr (0, c.message.size ()), c.message) << c.name;
      EXPECT_EQ (case_review_composite_evaluation_get_n_subjects (e.get ()), 1u) << c.name;
      EXPECT_EQ (case_review_composite_evaluation_get_n_values (e.get (), nullptr), 2u) << c.name;
      EXPECT_EQ (results_json (e.get ()), before) << c.name;
    }

  // Several bad rows are reported at once, one per line.
  EXPECT_FALSE (load_csv (e.get (), dir.write ("many.csv", header + "LA02,李四,file,101,\nLA03,王五,hearing,x,\n"), error));
  EXPECT_EQ (error.message (),
             "many.csv:2:4: subject \"LA02\", component \"file\": score \"101\" is out of range (0 to 100)\n"
             "many.csv:3:4: subject \"LA03\", component \"hearing\": score \"x\" is not a number such as 85 or 85.5");

  // A file that cannot be read is an I/O error.
  EXPECT_FALSE (load_csv (e.get (), dir.path + "/missing.csv", error));
  EXPECT_TRUE (g_error_matches (error.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
}

// JSON --------------------------------------------------------------------

TEST (CompositeJson, DefinitionRoundTrips)
{
  Ref<CaseReviewCompositeEvaluation> e (from_json (definition_json));
  EXPECT_STREQ (case_review_composite_evaluation_get_id (e.get ()), "legal-aid");
  EXPECT_STREQ (case_review_composite_evaluation_get_title (e.get ()), "法律援助质量评估");
  EXPECT_STREQ (case_review_composite_evaluation_get_title_en (e.get ()), "Legal-aid quality");
  EXPECT_EQ (case_review_composite_evaluation_get_bottom_n (e.get ()), 1u);
  EXPECT_EQ (case_review_composite_evaluation_get_floor_hundredths (e.get ()), 6000u);
  EXPECT_EQ (case_review_composite_evaluation_get_missing_score_policy (e.get ()), CASE_REVIEW_MISSING_SCORE_POLICY_ZERO);
  CaseReviewCompositeComponent *hearing = case_review_composite_evaluation_lookup_component (e.get (), "hearing");
  ASSERT_NE (hearing, nullptr);
  EXPECT_EQ (case_review_composite_component_get_rule (hearing), CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN);
  EXPECT_STREQ (case_review_composite_component_get_label (hearing), "庭审旁听");
  EXPECT_EQ (case_review_composite_evaluation_lookup_component (e.get (), "nope"), nullptr);

  Text once (case_review_composite_evaluation_to_json (e.get ()));
  Ref<CaseReviewCompositeEvaluation> again (from_json (once.text));
  Text twice (case_review_composite_evaluation_to_json (again.get ()));
  EXPECT_EQ (once.str (), twice.str ());
  EXPECT_TRUE (contains (once.str (), "\"weight\" : \"0.6\""));
  EXPECT_TRUE (contains (once.str (), "\"rule\" : \"vote-share\""));
  EXPECT_TRUE (contains (once.str (), "\"format\" : \"libcasereview-composite-evaluation\""));

  // Weights and floors as JSON numbers are read as their shortest decimals.
  Ref<CaseReviewCompositeEvaluation> numbers (from_json (R"({"id": "n", "floor": 59.99, "components": [
      {"id": "a", "weight": 0.7, "rule": "mean"}, {"id": "b", "weight": 0.1, "rule": "max"},
      {"id": "c", "weight": 0.2, "rule": "single"}]})"));
  ASSERT_NE (numbers.get (), nullptr);
  EXPECT_STREQ (case_review_composite_component_get_weight (
                    case_review_composite_evaluation_lookup_component (numbers.get (), "b")), "0.1");
  EXPECT_EQ (case_review_composite_evaluation_get_floor_hundredths (numbers.get ()), 5999u);
  Ref<CaseReviewCompositeEvaluation> one (from_json (R"({"id": "n", "components": [{"id": "a", "weight": 1, "rule": "mean"}]})"));
  EXPECT_NE (one.get (), nullptr);
}

TEST (CompositeJson, ErrorsNameTheJsonPath)
{
  struct { const char *json; CaseReviewError code; const char *message; } cases[] = {
    { "{", CASE_REVIEW_ERROR_PARSE, "evaluation definition: " },
    { "[]", CASE_REVIEW_ERROR_INVALID, "evaluation definition: $: expected a JSON object" },
    { R"({"components": []})", CASE_REVIEW_ERROR_INVALID, "evaluation definition: $.id: the member is required" },
    { R"({"id": "x", "components": []})", CASE_REVIEW_ERROR_INVALID,
      "evaluation definition: $.components: expected at least one component" },
    { R"({"id": "x", "bogus": 1, "components": []})", CASE_REVIEW_ERROR_INVALID,
      "evaluation definition: $.bogus: unknown member" },
    { R"({"id": "x", "version": 2, "components": []})", CASE_REVIEW_ERROR_UNSUPPORTED,
      "evaluation definition: $.version: only version 1 is supported" },
    { R"({"id": "x", "format": "other", "components": []})", CASE_REVIEW_ERROR_INVALID,
      "evaluation definition: $.format: not a composite evaluation definition" },
    { R"({"id": "x", "components": [{"id": "a", "weight": "0.6", "rule": "mean"}, {"id": "b", "weight": "0.3", "rule": "mean"}]})",
      CASE_REVIEW_ERROR_INVALID,
      "evaluation definition: $.components: the component weights add up to 0.9 (a 0.6 + b 0.3), not exactly 1" },
    { R"({"id": "x", "components": [{"id": "a", "weight": "1.5", "rule": "mean"}]})", CASE_REVIEW_ERROR_INVALID,
      "evaluation definition: $.components[0].weight: \"1.5\" is greater than 1" },
    { R"({"id": "x", "components": [{"id": "a", "weight": "1", "rule": "mean"}, {"id": "b", "weight": "0", "rule": "median"}]})",
      CASE_REVIEW_ERROR_INVALID,
      "evaluation definition: $.components[1].rule: unknown value \"median\" (expected one of mean, trimmed-mean, max, "
      "single, vote-share)" },
    { R"({"id": "x", "components": [{"id": "a", "wieght": "1", "rule": "mean"}]})", CASE_REVIEW_ERROR_INVALID,
      "evaluation definition: $.components[0].wieght: unknown member" },
    { R"({"id": "x", "components": [{"id": "a", "rule": "mean"}]})", CASE_REVIEW_ERROR_INVALID,
      "evaluation definition: $.components[0].weight: the member is required" },
    { R"({"id": "x", "components": [{"id": "a", "weight": true, "rule": "mean"}]})", CASE_REVIEW_ERROR_INVALID,
      "evaluation definition: $.components[0].weight: expected a decimal" },
    { R"({"id": "x", "components": [{"id": "a", "weight": "0.5", "rule": "mean"}, {"id": "a", "weight": "0.5", "rule": "max"}]})",
      CASE_REVIEW_ERROR_DUPLICATE, "evaluation definition: $.components[1].id: duplicate component \"a\"" },
    { R"({"id": "x", "components": [{"id": "a", "weight": "1", "rule": "mean", "trim_from": 5}]})",
      CASE_REVIEW_ERROR_INVALID, "evaluation definition: $.components[0].trim_from: only a trimmed-mean component" },
    { R"({"id": "x", "components": [{"id": "a", "weight": "1", "rule": "trimmed-mean", "trim_from": 2}]})",
      CASE_REVIEW_ERROR_INVALID, "evaluation definition: $.components[0].trim_from: expected a whole number of at least 3" },
    { R"({"id": "x", "components": [{"id": "a", "weight": "1", "rule": "mean"}], "bottom_n": -1})",
      CASE_REVIEW_ERROR_INVALID, "evaluation definition: $.bottom_n: expected a whole number" },
    { R"({"id": "x", "components": [{"id": "a", "weight": "1", "rule": "mean"}], "floor": "60.001"})",
      CASE_REVIEW_ERROR_INVALID, "evaluation definition: $.floor: \"60.001\" has more than two decimals" },
    { R"({"id": "x", "components": [{"id": "a", "weight": "1", "rule": "mean"}], "floor": 101})",
      CASE_REVIEW_ERROR_INVALID, "evaluation definition: $.floor: \"101\" is out of range (0 to 100)" },
    { R"({"id": "x", "components": [{"id": "a", "weight": "1", "rule": "mean"}], "missing_scores": "skip"})",
      CASE_REVIEW_ERROR_INVALID, "evaluation definition: $.missing_scores: unknown value \"skip\" (expected one of error, zero)" },
  };
  for (const auto &c : cases)
    {
      Error error;
      EXPECT_EQ (case_review_composite_evaluation_new_from_json (c.json, error.out ()), nullptr) << c.json;
      EXPECT_TRUE (error.is (c.code)) << c.json << ": " << error.message ();
      EXPECT_EQ (error.message ().substr (0, strlen (c.message)), c.message) << c.json;
    }

  TempDir dir;
  GFile *file = g_file_new_for_path (dir.write ("bad.json", "{\"id\": 1}").c_str ());
  Error error;
  EXPECT_EQ (case_review_composite_evaluation_new_from_file (file, nullptr, error.out ()), nullptr);
  EXPECT_EQ (error.message (), "bad.json: evaluation definition: $.id: expected a string");
  g_object_unref (file);
}

// Round trips and exports ---------------------------------------------------

CaseReviewCompositeEvaluation *
load_demo (const std::string &name)
{
  Error error;
  GFile *definition = g_file_new_for_path ((demo_dir + "/" + name + "-definition.json").c_str ());
  CaseReviewCompositeEvaluation *e = case_review_composite_evaluation_new_from_file (definition, nullptr, error.out ());
  g_object_unref (definition);
  EXPECT_NE (e, nullptr) << error.message ();
  if (e != nullptr)
    {
      EXPECT_TRUE (load_csv (e, demo_dir + "/" + name + "-scores.csv", error)) << error.message ();
    }
  return e;
}

TEST (CompositeExport, ScoresCsvRoundTripsToTheSameResults)
{
  TempDir dir;
  for (const char *name : { "legal-aid", "legal-education" })
    {
      Ref<CaseReviewCompositeEvaluation> e (load_demo (name));
      Text csv (case_review_composite_evaluation_scores_to_csv (e.get ()));
      Text definition (case_review_composite_evaluation_to_json (e.get ()));
      Ref<CaseReviewCompositeEvaluation> again (from_json (definition.text));
      Error error;
      ASSERT_TRUE (load_csv (again.get (), dir.write (std::string (name) + ".csv", csv.str ()), error)) << error.message ();
      EXPECT_EQ (case_review_composite_evaluation_get_n_values (again.get (), nullptr),
                 case_review_composite_evaluation_get_n_values (e.get (), nullptr));
      EXPECT_EQ (results_json (again.get ()), results_json (e.get ())) << name;
      Text csv_again (case_review_composite_evaluation_scores_to_csv (again.get ()));
      EXPECT_EQ (csv_again.str (), csv.str ());
    }

  // A subject without values survives the round trip.
  Ref<CaseReviewCompositeEvaluation> e (from_json (definition_json));
  subject (e.get (), "S1", "有分");
  subject (e.get (), "S2", "无分, \"引号\"");
  score (e.get (), "S1", "votes", "7");
  score (e.get (), "S1", "hearing", "80", "E1");
  Text csv (case_review_composite_evaluation_scores_to_csv (e.get ()));
  EXPECT_EQ (csv.str (), "\xef\xbb\xbf" "subject_id,subject_name,component,score,rater\r\n"
                         "S1,有分,hearing,80.00,E1\r\n"
                         "S1,有分,votes,7,\r\n"
                         "S2,\"无分, \"\"引号\"\"\",,,\r\n");
  Ref<CaseReviewCompositeEvaluation> back (from_json (definition_json));
  Error error;
  ASSERT_TRUE (load_csv (back.get (), dir.write ("subjects.csv", csv.str ()), error)) << error.message ();
  EXPECT_EQ (results_json (back.get ()), results_json (e.get ()));
}

TEST (CompositeExport, ResultsAsJsonAndCsv)
{
  Ref<CaseReviewCompositeEvaluation> e (load_demo ("legal-education"));
  std::string json = results_json (e.get ());
  EXPECT_TRUE (contains (json, "\"format\" : \"libcasereview-composite-results\""));
  EXPECT_TRUE (contains (json, "\"subjects\" : 32"));
  EXPECT_TRUE (contains (json, "\"bottom\" : 3,\n    \"below_floor\" : 4"));
  EXPECT_TRUE (contains (json, "\"total\" : \"89.29\",\n      \"total_hundredths\" : 8929"));
  EXPECT_TRUE (contains (json, "\"votes\" : 1317"));

  Error error;
  Text csv (case_review_composite_evaluation_results_to_csv (e.get (), error.out ()));
  ASSERT_NE (csv.text, nullptr) << error.message ();
  std::istringstream lines (csv.str ());
  std::string line;
  std::getline (lines, line);
  EXPECT_EQ (line, "\xef\xbb\xbf" "rank,subject_id,subject_name,expert,public_votes,public,total,bottom,below_floor,missing\r");
  std::getline (lines, line);
  EXPECT_EQ (line, "1,LH29,深圳市罗湖区笋岗街道办事处,84.70,1317,100.00,89.29,0,0,\r");
}

// The demos -----------------------------------------------------------------

TEST (CompositeDemo, LegalAidLawyersBottomTenFlagged)
{
  Ref<CaseReviewCompositeEvaluation> e (load_demo ("legal-aid"));
  EXPECT_EQ (case_review_composite_evaluation_get_n_subjects (e.get ()), 70u);
  EXPECT_EQ (case_review_composite_evaluation_get_n_values (e.get (), "hearing"), 208u);
  EXPECT_EQ (case_review_composite_evaluation_get_n_values (e.get (), "file"), 70u);
  std::vector<Row> rows = compute (e.get ());
  ASSERT_EQ (rows.size (), 70u);
  guint n_bottom = 0, n_below = 0;
  for (const Row &r : rows)
    {
      n_bottom += r.bottom;
      n_below += r.below;
      EXPECT_EQ (r.bottom, r.rank > 60) << r.id;
    }
  EXPECT_EQ (n_bottom, 10u);
  EXPECT_EQ (n_below, 2u);
  EXPECT_EQ (rows[0].id, "LA22");
  EXPECT_EQ (rows[0].total, 9625u);
  // The bottom ten as scripts/generate-demo-composite.py computes them.
  std::string bottom;
  for (guint i = 60; i < 70; i++)
    bottom += (bottom.empty () ? "" : " ") + rows[i].id;
  EXPECT_EQ (bottom, "LA19 LA46 LA51 LA29 LA33 LA17 LA28 LA11 LA56 LA21");
  // Every hearing had 2 to 4 experts.
  Error error;
  Ref<GListModel> results (case_review_composite_evaluation_compute (e.get (), error.out ()));
  for (guint i = 0; i < g_list_model_get_n_items (results.get ()); i++)
    {
      Ref<CaseReviewCompositeResult> r (CASE_REVIEW_COMPOSITE_RESULT (g_list_model_get_item (results.get (), i)));
      guint n = case_review_composite_result_get_component_n_values (r.get (), "hearing");
      EXPECT_TRUE (n >= 2 && n <= 4) << n;
    }
}

TEST (CompositeDemo, LegalEducationVotes)
{
  Ref<CaseReviewCompositeEvaluation> e (load_demo ("legal-education"));
  EXPECT_EQ (case_review_composite_evaluation_get_n_subjects (e.get ()), 32u);
  Error error;
  Ref<GListModel> results (case_review_composite_evaluation_compute (e.get (), error.out ()));
  ASSERT_NE (results.get (), nullptr) << error.message ();
  gint64 votes = 0;
  guint n_full = 0;
  for (guint i = 0; i < g_list_model_get_n_items (results.get ()); i++)
    {
      Ref<CaseReviewCompositeResult> r (CASE_REVIEW_COMPOSITE_RESULT (g_list_model_get_item (results.get (), i)));
      votes += case_review_composite_result_get_component_votes (r.get (), "public");
      n_full += case_review_composite_result_get_component_score_hundredths (r.get (), "public") == 10000;
      EXPECT_EQ (case_review_composite_result_get_component_n_values (r.get (), "expert"), 5u);
    }
  EXPECT_EQ (votes, 12715);
  EXPECT_EQ (n_full, 1u);
  std::vector<Row> rows = compute (e.get ());
  EXPECT_EQ (flagged (rows), "LH15 LH21 LH30");
  std::string below;
  for (const Row &r : rows)
    if (r.below)
      below += (below.empty () ? "" : " ") + r.id;
  EXPECT_EQ (below, "LH10 LH15 LH21 LH30");
}

}  // namespace
