// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Sampling: reproducibility properties (order independence, prefix
// stability, stratum independence), inclusion probabilities and empirical
// frequencies, allocation, take-all and certainty units, manifests,
// verification, substitution and bad plans.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <set>
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
};

std::string
read_file (const std::string &path)
{
  std::ifstream in (path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf ();
  return buffer.str ();
}

CaseReviewPopulation *
load (const std::string &agencies, const std::string &cases)
{
  CaseReviewPopulation *population = case_review_population_new ();
  GFile *a = g_file_new_for_path (agencies.c_str ());
  GFile *c = g_file_new_for_path (cases.c_str ());
  Error error;

  EXPECT_TRUE (case_review_population_load_csv (population, a, c, CASE_REVIEW_TEXT_ENCODING_AUTO, nullptr, error.out ()))
      << error.message ();
  g_object_unref (a);
  g_object_unref (c);
  return population;
}

CaseReviewPopulation *
load_demo ()
{
  return load (demo_dir + "/agencies.csv", demo_dir + "/cases.csv");
}

struct Unit {
  std::string case_id, stratum;
  CaseReviewSampleRole role;
  guint draw_index;
  double probability;
  std::string ticket;
  bool operator== (const Unit &o) const
  {
    return case_id == o.case_id && stratum == o.stratum && role == o.role && draw_index == o.draw_index &&
           probability == o.probability && ticket == o.ticket;
  }
};

std::vector<Unit>
units_of (CaseReviewSample *sample)
{
  std::vector<Unit> units;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sample)); i++)
    {
      Ref<CaseReviewSampledCase> unit (CASE_REVIEW_SAMPLED_CASE (g_list_model_get_item (G_LIST_MODEL (sample), i)));
      const char *ticket = case_review_sampled_case_get_ticket (unit.get ());
      units.push_back ({ case_review_sampled_case_get_case_id (unit.get ()), case_review_sampled_case_get_stratum (unit.get ()),
                         case_review_sampled_case_get_role (unit.get ()), case_review_sampled_case_get_draw_index (unit.get ()),
                         case_review_sampled_case_get_inclusion_probability (unit.get ()), ticket ? ticket : "" });
    }
  return units;
}

std::vector<Unit>
in_stratum (const std::vector<Unit> &units, const std::string &stratum)
{
  std::vector<Unit> out;
  std::copy_if (units.begin (), units.end (), std::back_inserter (out),
                [&] (const Unit &u) { return u.stratum == stratum; });
  return out;
}

CaseReviewSample *
draw (CaseReviewSamplingPlan *plan, CaseReviewPopulation *population)
{
  Error error;
  CaseReviewSample *sample = case_review_sampling_plan_draw (plan, population, nullptr, error.out ());
  EXPECT_NE (sample, nullptr) << error.message ();
  return sample;
}

CaseReviewSamplingPlan *
proportional_plan (const char *seed, guint total, guint min, guint reserves)
{
  CaseReviewSamplingPlan *plan = case_review_sampling_plan_new (seed);
  g_object_set (plan, "allocation", CASE_REVIEW_ALLOCATION_PROPORTIONAL, "sample-size", total,
                "min-per-stratum", min, "reserves", reserves, NULL);
  return plan;
}

const CaseReviewSamplingMethod all_methods[] = {
  CASE_REVIEW_SAMPLING_METHOD_SIMPLE_RANDOM, CASE_REVIEW_SAMPLING_METHOD_SYSTEMATIC,
  CASE_REVIEW_SAMPLING_METHOD_PPS_SYSTEMATIC, CASE_REVIEW_SAMPLING_METHOD_SEQUENTIAL_POISSON,
};

bool
is_pps (CaseReviewSamplingMethod method)
{
  return method == CASE_REVIEW_SAMPLING_METHOD_PPS_SYSTEMATIC || method == CASE_REVIEW_SAMPLING_METHOD_SEQUENTIAL_POISSON;
}

// PPS by amount needs amounts: restrict the frame to penalties, which have them.
void
penalties_only (CaseReviewSamplingPlan *plan)
{
  CaseReviewEnforcementKind penalty = CASE_REVIEW_ENFORCEMENT_KIND_PENALTY;
  case_review_frame_filter_set_kinds (case_review_sampling_plan_get_filter (plan), &penalty, 1);
}

} // namespace

TEST (Sampling, DemoDrawAllocatesExactlyWithMinimums)
{
  Ref<CaseReviewPopulation> population (load_demo ());
  Ref<CaseReviewSamplingPlan> plan (proportional_plan ("罗湖区2020", 350, 5, 2));
  Ref<CaseReviewSample> sample (draw (plan.get (), population.get ()));
  GListModel *strata = case_review_sample_get_strata (sample.get ());
  guint total = 0;

  ASSERT_EQ (g_list_model_get_n_items (strata), 32u);
  EXPECT_EQ (case_review_sample_get_n_selected (sample.get ()), 350u);
  std::vector<std::pair<guint, guint>> sizes;
  for (guint i = 0; i < 32; i++)
    {
      Ref<CaseReviewSampleStratum> stratum (CASE_REVIEW_SAMPLE_STRATUM (g_list_model_get_item (strata, i)));
      guint N = case_review_sample_stratum_get_population_size (stratum.get ());
      guint n = case_review_sample_stratum_get_allocated (stratum.get ());

      EXPECT_EQ (N, case_review_population_count_for_agency (population.get (), case_review_sample_stratum_get_key (stratum.get ())));
      EXPECT_GE (n, std::min (5u, N));
      EXPECT_EQ (case_review_sample_stratum_get_n_selected (stratum.get ()), n);
      EXPECT_EQ (case_review_sample_stratum_get_n_reserves (stratum.get ()), std::min (2u, N - n));
      total += n;
      sizes.push_back ({ N, n });
    }
  EXPECT_EQ (total, 350u);

  // Above the minimum, a larger stratum never gets fewer files, and each
  // allocation is within one of its exact proportional share of what is
  // left after the strata held at the minimum.
  std::sort (sizes.begin (), sizes.end ());
  for (size_t i = 1; i < sizes.size (); i++)
    EXPECT_LE (sizes[i - 1].second, sizes[i].second);
  guint at_min = 0, min_files = 0, rest_size = 0;
  for (auto [N, n] : sizes)
    {
      if (n == 5)
        at_min++, min_files += n;
      else
        rest_size += N;
    }
  for (auto [N, n] : sizes)
    {
      if (n > 5)
        {
          EXPECT_LT (std::fabs ((double) n - (350.0 - min_files) * N / rest_size), 1.0) << N;
        }
    }
  EXPECT_GT (at_min, 0u);
}

TEST (Sampling, ShuffledInputGivesTheSameSampleForEveryMethod)
{
  Ref<CaseReviewPopulation> population (load_demo ());
  TempDir tmp;
  std::string text = read_file (demo_dir + "/cases.csv");
  std::vector<std::string> lines;
  std::stringstream stream (text);
  for (std::string line; std::getline (stream, line);)
    lines.push_back (line);
  std::mt19937 shuffler (11);
  std::shuffle (lines.begin () + 1, lines.end (), shuffler);
  std::string shuffled;
  for (const auto &line : lines)
    shuffled += line + "\n";
  tmp.write ("cases.csv", shuffled);
  Ref<CaseReviewPopulation> reordered (load (demo_dir + "/agencies.csv", tmp / "cases.csv"));

  for (CaseReviewSamplingMethod method : all_methods)
    for (CaseReviewSamplingScheme scheme : { CASE_REVIEW_SAMPLING_SCHEME_PCG32, CASE_REVIEW_SAMPLING_SCHEME_TICKET })
      {
        if (scheme == CASE_REVIEW_SAMPLING_SCHEME_TICKET && method != CASE_REVIEW_SAMPLING_METHOD_SIMPLE_RANDOM)
          continue;
        Ref<CaseReviewSamplingPlan> plan (proportional_plan ("2020-12-16 双色球", 200, 3, 2));
        g_object_set (plan.get (), "method", method, "scheme", scheme, NULL);
        if (is_pps (method))
          penalties_only (plan.get ());
        Ref<CaseReviewSample> a (draw (plan.get (), population.get ()));
        Ref<CaseReviewSample> b (draw (plan.get (), reordered.get ()));
        EXPECT_TRUE (units_of (a.get ()) == units_of (b.get ())) << "method " << method << " scheme " << scheme;
        EXPECT_EQ (case_review_sample_get_n_selected (a.get ()), 200u);
      }
}

TEST (Sampling, AskingForMoreNeverChangesEarlierPicks)
{
  Ref<CaseReviewPopulation> population (load_demo ());

  for (CaseReviewSamplingScheme scheme : { CASE_REVIEW_SAMPLING_SCHEME_PCG32, CASE_REVIEW_SAMPLING_SCHEME_TICKET })
    {
      std::vector<std::vector<Unit>> draws;
      for (guint per_stratum : { 3u, 8u })
        {
          Ref<CaseReviewSamplingPlan> plan (case_review_sampling_plan_new ("prefix"));
          g_object_set (plan.get (), "scheme", scheme, "per-stratum", per_stratum, NULL);
          Ref<CaseReviewSample> sample (draw (plan.get (), population.get ()));
          draws.push_back (units_of (sample.get ()));
        }
      for (const char *stratum : { "LH01", "LH13", "LH17", "LH32" })
        {
          auto small = in_stratum (draws[0], stratum), large = in_stratum (draws[1], stratum);
          ASSERT_EQ (small.size (), 3u);
          ASSERT_EQ (large.size (), 8u);
          for (size_t i = 0; i < 3; i++)
            {
              EXPECT_EQ (small[i].case_id, large[i].case_id) << stratum << " pick " << i;
              EXPECT_EQ (small[i].ticket, large[i].ticket);
            }
        }
    }

  // Reserves are the picks a larger sample would have made next.
  Ref<CaseReviewSamplingPlan> with_reserves (case_review_sampling_plan_new ("prefix"));
  g_object_set (with_reserves.get (), "per-stratum", 3, "reserves", 5, NULL);
  Ref<CaseReviewSamplingPlan> larger (case_review_sampling_plan_new ("prefix"));
  g_object_set (larger.get (), "per-stratum", 8, NULL);
  Ref<CaseReviewSample> a (draw (with_reserves.get (), population.get ()));
  Ref<CaseReviewSample> b (draw (larger.get (), population.get ()));
  auto ra = in_stratum (units_of (a.get ()), "LH17"), rb = in_stratum (units_of (b.get ()), "LH17");
  ASSERT_EQ (ra.size (), 8u);
  for (size_t i = 0; i < 8; i++)
    {
      EXPECT_EQ (ra[i].case_id, rb[i].case_id);
      EXPECT_EQ (ra[i].role, i < 3 ? CASE_REVIEW_SAMPLE_ROLE_PRIMARY : CASE_REVIEW_SAMPLE_ROLE_RESERVE);
    }
}

TEST (Sampling, AddingAnAgencyLeavesOtherAgenciesPicksUnchanged)
{
  Ref<CaseReviewPopulation> population (load_demo ());
  TempDir tmp;
  tmp.write ("agencies.csv", read_file (demo_dir + "/agencies.csv") + "LH33,新设执法机构,新机构,other\n");
  std::string cases = read_file (demo_dir + "/cases.csv");
  for (int i = 1; i <= 40; i++)
    cases += "深罗新罚〔2020〕" + std::to_string (i) + "号,LH33,penalty,2020-06-0" + std::to_string (1 + i % 9) + ",100.00,,新案\n";
  tmp.write ("cases.csv", cases);
  Ref<CaseReviewPopulation> larger (load (tmp / "agencies.csv", tmp / "cases.csv"));

  for (CaseReviewSamplingMethod method : all_methods)
    {
      Ref<CaseReviewSamplingPlan> plan (case_review_sampling_plan_new ("stable"));
      g_object_set (plan.get (), "per-stratum", 6, "reserves", 2, "method", method, NULL);
      if (is_pps (method))
        penalties_only (plan.get ());
      Ref<CaseReviewSample> before (draw (plan.get (), population.get ()));
      Ref<CaseReviewSample> after (draw (plan.get (), larger.get ()));
      auto a = units_of (before.get ()), b = units_of (after.get ());
      auto b_without = b;
      b_without.erase (std::remove_if (b_without.begin (), b_without.end (),
                                       [] (const Unit &u) { return u.stratum == "LH33"; }),
                       b_without.end ());
      EXPECT_TRUE (a == b_without) << "method " << method;
      EXPECT_EQ (in_stratum (b, "LH33").size (), 8u);
    }
}

TEST (Sampling, InclusionProbabilitiesSumToTheAllocation)
{
  Ref<CaseReviewPopulation> population (load_demo ());

  for (CaseReviewSamplingMethod method : all_methods)
    {
      Ref<CaseReviewSamplingPlan> plan (proportional_plan ("π", 300, 2, 0));
      g_object_set (plan.get (), "method", method, NULL);
      if (is_pps (method))
        penalties_only (plan.get ());
      Ref<CaseReviewSample> sample (draw (plan.get (), population.get ()));
      GListModel *strata = case_review_sample_get_strata (sample.get ());
      auto units = units_of (sample.get ());

      for (guint s = 0; s < g_list_model_get_n_items (strata); s++)
        {
          Ref<CaseReviewSampleStratum> stratum (CASE_REVIEW_SAMPLE_STRATUM (g_list_model_get_item (strata, s)));
          std::string key = case_review_sample_stratum_get_key (stratum.get ());
          guint N = case_review_sample_stratum_get_population_size (stratum.get ());
          guint n = case_review_sample_stratum_get_allocated (stratum.get ());
          auto selected = in_stratum (units, key);
          if (N == 0)
            continue;

          if (!is_pps (method))
            {
              // Every unit of the stratum has the same probability n/N.
              for (const Unit &u : selected)
                EXPECT_DOUBLE_EQ (u.probability * N, (double) n) << key;
              continue;
            }

          // PPS: recompute every unit's probability from the amounts (take-all
          // units where k·x ≥ X, the others k'·x/X) and check that the
          // selected ones carry it and that all of them sum to n.
          std::vector<std::pair<std::string, double>> sizes;
          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (population.get ())); i++)
            {
              Ref<CaseReviewCaseFile> file (CASE_REVIEW_CASE_FILE (g_list_model_get_item (G_LIST_MODEL (population.get ()), i)));
              if (key == case_review_case_file_get_agency_id (file.get ()) &&
                  case_review_case_file_get_kind (file.get ()) == CASE_REVIEW_ENFORCEMENT_KIND_PENALTY)
                sizes.push_back ({ case_review_case_file_get_id (file.get ()), (double) case_review_case_file_get_amount (file.get ()) });
            }
          std::map<std::string, double> pi;
          std::set<std::string> taken;
          for (bool changed = true; changed;)
            {
              changed = false;
              double X = 0;
              guint k = n - taken.size ();
              for (auto &[id, x] : sizes)
                if (!taken.count (id))
                  X += x;
              for (auto &[id, x] : sizes)
                if (!taken.count (id) && x > 0 && k * x >= X)
                  taken.insert (id), changed = true;
            }
          double X = 0, sum = 0;
          guint k = n - taken.size ();
          for (auto &[id, x] : sizes)
            if (!taken.count (id))
              X += x;
          for (auto &[id, x] : sizes)
            sum += pi[id] = taken.count (id) ? 1.0 : (X > 0 ? k * x / X : 0);
          if (n < N)
            {
              EXPECT_NEAR (sum, n, 1e-9) << key;
            }
          for (const Unit &u : selected)
            EXPECT_NEAR (u.probability, pi[u.case_id], 1e-12) << key << " " << u.case_id;
        }
    }
}

TEST (Sampling, EmpiricalFrequenciesMatchInclusionProbabilities)
{
  // One agency, twelve penalties with unequal amounts, three drawn, over 3000
  // fixed seeds: the number of times each file is drawn is compared with
  // 3000·π by a chi-square statistic (11 degrees of freedom; 31.3 is the
  // 0.1% critical value). Fixed seeds make the outcome deterministic.
  TempDir tmp;
  tmp.write ("agencies.csv", "id,name\nA,甲局\n");
  const int amounts[] = { 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2500 };
  std::string cases = "case_id,agency,kind,closed_on,amount\n";
  for (int i = 0; i < 12; i++)
    cases += "C" + std::to_string (10 + i) + ",A,penalty,2020-0" + std::to_string (1 + i % 9) + "-1" + std::to_string (i % 9) +
             "," + std::to_string (amounts[i]) + ".00\n";
  tmp.write ("cases.csv", cases);
  Ref<CaseReviewPopulation> population (load (tmp / "agencies.csv", tmp / "cases.csv"));
  const int rounds = 3000;

  for (CaseReviewSamplingMethod method : all_methods)
    for (CaseReviewSamplingScheme scheme : { CASE_REVIEW_SAMPLING_SCHEME_PCG32, CASE_REVIEW_SAMPLING_SCHEME_TICKET })
      {
        if (scheme == CASE_REVIEW_SAMPLING_SCHEME_TICKET && method != CASE_REVIEW_SAMPLING_METHOD_SIMPLE_RANDOM)
          continue;
        std::map<std::string, int> count;
        std::map<std::string, double> probability;
        for (int r = 0; r < rounds; r++)
          {
            std::string seed = "frequency-" + std::to_string (r);
            Ref<CaseReviewSamplingPlan> plan (case_review_sampling_plan_new (seed.c_str ()));
            g_object_set (plan.get (), "per-stratum", 3, "method", method, "scheme", scheme, NULL);
            Ref<CaseReviewSample> sample (draw (plan.get (), population.get ()));
            for (const Unit &u : units_of (sample.get ()))
              {
                count[u.case_id]++;
                probability[u.case_id] = u.probability;
              }
          }
        ASSERT_EQ (probability.size (), 12u) << "every file is drawn at some point";
        double chi2 = 0, total = 0;
        for (auto &[id, p] : probability)
          {
            double expected = rounds * p;
            chi2 += (count[id] - expected) * (count[id] - expected) / expected;
            total += p;
          }
        EXPECT_NEAR (total, 3.0, 1e-9) << "method " << method;
        // Sequential Poisson sampling is only approximately proportional to
        // size (its probabilities are the target ones, not exact), so it gets
        // a looser bound; the others are exact designs.
        double limit = method == CASE_REVIEW_SAMPLING_METHOD_SEQUENTIAL_POISSON ? 80.0 : 31.3;
        EXPECT_LT (chi2, limit) << "method " << method << " scheme " << scheme;
      }
}

TEST (Sampling, TakeAllAndCertaintyUnits)
{
  Ref<CaseReviewPopulation> population (load_demo ());
  const char *flags[] = { "major", nullptr };
  Ref<CaseReviewSamplingPlan> plan (case_review_sampling_plan_new ("certainty"));
  g_object_set (plan.get (), "per-stratum", 14, "certainty-flags", flags, "reserves", 1, NULL);
  Ref<CaseReviewSample> sample (draw (plan.get (), population.get ()));
  auto units = units_of (sample.get ());
  GListModel *strata = case_review_sample_get_strata (sample.get ());

  // Every major case is in the sample, as a certainty unit with π = 1, first.
  std::set<std::string> majors;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (population.get ())); i++)
    {
      Ref<CaseReviewCaseFile> file (CASE_REVIEW_CASE_FILE (g_list_model_get_item (G_LIST_MODEL (population.get ()), i)));
      if (case_review_case_file_has_flag (file.get (), "major"))
        majors.insert (case_review_case_file_get_id (file.get ()));
    }
  ASSERT_GT (majors.size (), 50u);
  std::set<std::string> certainty;
  for (const Unit &u : units)
    if (u.role == CASE_REVIEW_SAMPLE_ROLE_CERTAINTY)
      {
        certainty.insert (u.case_id);
        EXPECT_EQ (u.probability, 1.0);
      }
  EXPECT_EQ (certainty, majors);

  for (guint s = 0; s < g_list_model_get_n_items (strata); s++)
    {
      Ref<CaseReviewSampleStratum> stratum (CASE_REVIEW_SAMPLE_STRATUM (g_list_model_get_item (strata, s)));
      std::string key = case_review_sample_stratum_get_key (stratum.get ());
      guint N = case_review_sample_stratum_get_population_size (stratum.get ());
      guint c = case_review_sample_stratum_get_n_certainty (stratum.get ());
      auto mine = in_stratum (units, key);

      for (guint i = 0; i < c; i++)
        EXPECT_EQ (mine[i].role, CASE_REVIEW_SAMPLE_ROLE_CERTAINTY) << key;
      EXPECT_EQ (case_review_sample_stratum_get_n_selected (stratum.get ()), std::max (std::min (14u, N), c)) << key;
      if (N <= 14)
        {
          SCOPED_TRACE (key);
          // Take-all: the whole stratum, probability 1, no reserves.
          EXPECT_TRUE (case_review_sample_stratum_is_take_all (stratum.get ())) << key;
          EXPECT_EQ (mine.size (), N);
          for (const Unit &u : mine)
            EXPECT_EQ (u.probability, 1.0);
        }
      else
        EXPECT_FALSE (case_review_sample_stratum_is_take_all (stratum.get ())) << key;
    }
}

TEST (Sampling, TicketSchemeMatchesTheConsistentSamplerVector)
{
  TempDir tmp;
  tmp.write ("agencies.csv", "id,name\nA,甲局\n");
  tmp.write ("cases.csv", "case_id,agency,kind,closed_on\nAB-130,A,penalty,2020-01-02\nAB-131,A,penalty,2020-01-02\n"
                          "AB-132,A,penalty,2020-01-02\n");
  Ref<CaseReviewPopulation> population (load (tmp / "agencies.csv", tmp / "cases.csv"));
  Ref<CaseReviewSamplingPlan> plan (case_review_sampling_plan_new ("01382438112797316654"));
  g_object_set (plan.get (), "scheme", CASE_REVIEW_SAMPLING_SCHEME_TICKET, "per-stratum", 2, "reserves", 1, NULL);
  Ref<CaseReviewSample> sample (draw (plan.get (), population.get ()));
  CaseReviewSampledCase *unit = case_review_sample_lookup (sample.get (), "AB-130");

  ASSERT_NE (unit, nullptr);
  EXPECT_STREQ (case_review_sampled_case_get_ticket (unit),
                "0.26299714122838008416507544297546663599715395525154425586041245287750224561854");
  auto units = units_of (sample.get ());
  ASSERT_EQ (units.size (), 3u);
  for (size_t i = 1; i < units.size (); i++)
    EXPECT_LT (units[i - 1].ticket, units[i].ticket);   // same length here, so string order is numeric order
}

TEST (Sampling, ManifestRoundTripsAndVerifies)
{
  Ref<CaseReviewPopulation> population (load_demo ());

  for (CaseReviewSamplingMethod method : all_methods)
    {
      Ref<CaseReviewSamplingPlan> plan (proportional_plan ("manifest", 120, 2, 2));
      g_object_set (plan.get (), "method", method, "sort-key", CASE_REVIEW_SORT_KEY_CLOSED_ON, NULL);
      if (is_pps (method))
        penalties_only (plan.get ());
      Ref<CaseReviewSample> sample (draw (plan.get (), population.get ()));
      char *manifest = case_review_sample_to_manifest (sample.get ());
      Error error;
      Ref<CaseReviewSample> back (case_review_sample_new_from_manifest (manifest, error.out ()));

      ASSERT_NE (back.get (), nullptr) << error.message ();
      EXPECT_TRUE (units_of (back.get ()) == units_of (sample.get ()));
      EXPECT_STREQ (case_review_sample_get_population_fingerprint (back.get ()),
                    case_review_sample_get_population_fingerprint (sample.get ()));
      EXPECT_TRUE (case_review_sample_verify (back.get (), population.get (), nullptr, error.out ())) << error.message ();
      char *again = case_review_sample_to_manifest (back.get ());
      EXPECT_STREQ (again, manifest);
      g_free (again);
      g_free (manifest);
    }
}

namespace {

std::string
replace_once (std::string text, const std::string &from, const std::string &to)
{
  size_t at = text.find (from);
  EXPECT_NE (at, std::string::npos) << from;
  if (at != std::string::npos)
    text.replace (at, from.size (), to);
  return text;
}

} // namespace

TEST (Sampling, VerifyNamesEveryDifference)
{
  Ref<CaseReviewPopulation> population (load_demo ());
  Ref<CaseReviewSamplingPlan> plan (proportional_plan ("verify", 100, 2, 1));
  Ref<CaseReviewSample> sample (draw (plan.get (), population.get ()));
  char *text = case_review_sample_to_manifest (sample.get ());
  std::string manifest = text;
  g_free (text);
  Error error;

  // A swapped case: the first unit replaced by another file of its agency.
  Ref<CaseReviewSampledCase> first (CASE_REVIEW_SAMPLED_CASE (g_list_model_get_item (G_LIST_MODEL (sample.get ()), 0)));
  std::string original = case_review_sampled_case_get_case_id (first.get ());
  std::string other;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (population.get ())) && other.empty (); i++)
    {
      Ref<CaseReviewCaseFile> file (CASE_REVIEW_CASE_FILE (g_list_model_get_item (G_LIST_MODEL (population.get ()), i)));
      if (std::string (case_review_case_file_get_agency_id (file.get ())) == case_review_sampled_case_get_agency_id (first.get ()) &&
          case_review_sample_lookup (sample.get (), case_review_case_file_get_id (file.get ())) == nullptr)
        other = case_review_case_file_get_id (file.get ());
    }
  std::string swapped = replace_once (manifest, "\"" + original + "\"", "\"" + other + "\"");
  Ref<CaseReviewSample> forged (case_review_sample_new_from_manifest (swapped.c_str (), error.out ()));
  ASSERT_NE (forged.get (), nullptr) << error.message ();
  EXPECT_FALSE (case_review_sample_verify (forged.get (), population.get (), nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_VERIFY));
  EXPECT_NE (error.message ().find (original), std::string::npos) << error.message ();
  EXPECT_NE (error.message ().find (other), std::string::npos) << error.message ();
  EXPECT_NE (error.message ().find ("1 difference"), std::string::npos) << error.message ();

  // An altered plan (another seed, consistently in both places).
  std::string reseeded = manifest;
  for (int i = 0; i < 2; i++)
    reseeded = replace_once (reseeded, "\"verify\"", "\"verify2\"");
  forged.reset (case_review_sample_new_from_manifest (reseeded.c_str (), error.out ()));
  ASSERT_NE (forged.get (), nullptr) << error.message ();
  EXPECT_FALSE (case_review_sample_verify (forged.get (), population.get (), nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_VERIFY));

  // A changed population.
  TempDir tmp;
  tmp.write ("cases.csv", replace_once (read_file (demo_dir + "/cases.csv"), ",3500.00,", ",3500.01,"));
  Ref<CaseReviewPopulation> changed (load (demo_dir + "/agencies.csv", tmp / "cases.csv"));
  EXPECT_FALSE (case_review_sample_verify (sample.get (), changed.get (), nullptr, error.out ()));
  EXPECT_NE (error.message ().find ("fingerprint"), std::string::npos) << error.message ();

  // Malformed manifests.
  const std::pair<std::string, int> bad[] = {
    { "not json", CASE_REVIEW_ERROR_PARSE },
    { "{}", CASE_REVIEW_ERROR_INVALID },
    { replace_once (manifest, "\"version\" : 1", "\"version\" : 7"), CASE_REVIEW_ERROR_UNSUPPORTED },
    { replace_once (manifest, "\"role\" : \"primary\"", "\"role\" : \"chosen\""), CASE_REVIEW_ERROR_INVALID },
    { replace_once (manifest, "\"seed\" : \"verify\"", "\"seed\" : \"other\""), CASE_REVIEW_ERROR_INVALID },
    { replace_once (manifest, "\"sample_size\" : 100", "\"sample_size\" : -1"), CASE_REVIEW_ERROR_INVALID },
  };
  for (const auto &[text_, code] : bad)
    {
      EXPECT_EQ (case_review_sample_new_from_manifest (text_.c_str (), error.out ()), nullptr);
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, code)) << error.message ();
    }
}

TEST (Sampling, SubstitutionTakesReservesInDrawOrder)
{
  Ref<CaseReviewPopulation> population (load_demo ());
  Ref<CaseReviewSamplingPlan> plan (case_review_sampling_plan_new ("substitute"));
  g_object_set (plan.get (), "per-stratum", 4, "reserves", 2, NULL);
  Ref<CaseReviewSample> sample (draw (plan.get (), population.get ()));
  auto lh13 = in_stratum (units_of (sample.get ()), "LH13");
  Error error;
  guint changes = 0;

  ASSERT_EQ (lh13.size (), 6u);
  g_signal_connect_swapped (sample.get (), "items-changed", G_CALLBACK (+[] (guint *n) { (*n)++; }), &changes);

  CaseReviewSampledCase *first = case_review_sample_substitute (sample.get (), lh13[1].case_id.c_str (), "案卷已移送法院", error.out ());
  ASSERT_NE (first, nullptr) << error.message ();
  EXPECT_EQ (case_review_sampled_case_get_case_id (first), lh13[4].case_id);
  EXPECT_EQ (case_review_sampled_case_get_role (first), CASE_REVIEW_SAMPLE_ROLE_SUBSTITUTE);
  EXPECT_EQ (case_review_sampled_case_get_replaces (first), lh13[1].case_id);
  CaseReviewSampledCase *missing = case_review_sample_lookup (sample.get (), lh13[1].case_id.c_str ());
  EXPECT_EQ (case_review_sampled_case_get_role (missing), CASE_REVIEW_SAMPLE_ROLE_MISSING);
  EXPECT_STREQ (case_review_sampled_case_get_reason (missing), "案卷已移送法院");
  EXPECT_EQ (changes, 2u);
  EXPECT_EQ (case_review_sample_get_n_selected (sample.get ()), 4u * 32);

  // Errors leave the sample unchanged.
  EXPECT_EQ (case_review_sample_substitute (sample.get (), lh13[1].case_id.c_str (), "again", error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE));
  EXPECT_EQ (case_review_sample_substitute (sample.get (), lh13[5].case_id.c_str (), "a reserve", error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE));
  EXPECT_EQ (case_review_sample_substitute (sample.get (), lh13[0].case_id.c_str (), "  ", error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));
  EXPECT_EQ (case_review_sample_substitute (sample.get (), "no such case", "x", error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
  EXPECT_EQ (changes, 2u);

  CaseReviewSampledCase *second = case_review_sample_substitute (sample.get (), lh13[0].case_id.c_str (), "灭失", error.out ());
  ASSERT_NE (second, nullptr);
  EXPECT_EQ (case_review_sampled_case_get_case_id (second), lh13[5].case_id);
  EXPECT_EQ (case_review_sample_substitute (sample.get (), lh13[2].case_id.c_str (), "灭失", error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND)) << error.message ();

  // The manifest records the substitutions and still verifies.
  char *text = case_review_sample_to_manifest (sample.get ());
  std::string manifest = text;
  g_free (text);
  Ref<CaseReviewSample> back (case_review_sample_new_from_manifest (manifest.c_str (), error.out ()));
  ASSERT_NE (back.get (), nullptr) << error.message ();
  EXPECT_STREQ (case_review_sampled_case_get_reason (case_review_sample_lookup (back.get (), lh13[0].case_id.c_str ())), "灭失");
  EXPECT_TRUE (case_review_sample_verify (back.get (), population.get (), nullptr, error.out ())) << error.message ();

  // Taking the second reserve while the first is unused is caught.
  Ref<CaseReviewSample> fresh (draw (plan.get (), population.get ()));
  ASSERT_NE (case_review_sample_substitute (fresh.get (), lh13[1].case_id.c_str (), "x", error.out ()), nullptr);
  text = case_review_sample_to_manifest (fresh.get ());
  std::string out_of_order = text;
  g_free (text);
  // Swap the roles of the two reserves: the substitute becomes the second one.
  out_of_order = replace_once (out_of_order, "\"role\" : \"substitute\"", "\"role\" : \"SWAP\"");
  size_t second_reserve = out_of_order.find ("\"case_id\" : \"" + lh13[5].case_id + "\"");
  ASSERT_NE (second_reserve, std::string::npos);
  size_t role_at = out_of_order.find ("\"role\" : \"reserve\"", second_reserve);
  out_of_order.replace (role_at, std::string ("\"role\" : \"reserve\"").size (), "\"role\" : \"substitute\"");
  out_of_order = replace_once (out_of_order, "\"role\" : \"SWAP\"", "\"role\" : \"reserve\"");
  Ref<CaseReviewSample> forged (case_review_sample_new_from_manifest (out_of_order.c_str (), error.out ()));
  ASSERT_NE (forged.get (), nullptr) << error.message ();
  EXPECT_FALSE (case_review_sample_verify (forged.get (), population.get (), nullptr, error.out ()));
  EXPECT_NE (error.message ().find ("earlier reserve"), std::string::npos) << error.message ();
}

TEST (Sampling, BadPlansNameTheParameter)
{
  Ref<CaseReviewPopulation> population (load_demo ());
  struct Case {
    const char *json;
    int code;
    const char *needle;
  };
  const Case cases[] = {
    { R"({"seed": ""})", CASE_REVIEW_ERROR_INVALID, "seed" },
    { R"({"seed": "s", "per_stratum": 0})", CASE_REVIEW_ERROR_INVALID, "per_stratum" },
    { R"({"seed": "s", "allocation": "proportional"})", CASE_REVIEW_ERROR_INVALID, "sample_size" },
    { R"({"seed": "s", "per_stratum": 1, "confidence": 1.5})", CASE_REVIEW_ERROR_INVALID, "confidence" },
    { R"({"seed": "s", "per_stratum": 1, "confidence": 0})", CASE_REVIEW_ERROR_INVALID, "confidence" },
    { R"({"seed": "s", "per_stratum": 1, "expected_rate": -0.1})", CASE_REVIEW_ERROR_INVALID, "expected_rate" },
    { R"({"seed": "s", "per_stratum": 1, "tolerable_rate": 2})", CASE_REVIEW_ERROR_INVALID, "tolerable_rate" },
    { R"({"seed": "s", "allocation": "attribute", "tolerable_rate": 0.02, "expected_rate": 0.02})", CASE_REVIEW_ERROR_INVALID, "tolerable_rate" },
    { R"({"seed": "s", "per_stratum": 1, "min_per_stratum": 5, "max_per_stratum": 3})", CASE_REVIEW_ERROR_INVALID, "min_per_stratum" },
    { R"({"seed": "s", "per_stratum": 1, "scheme": "ticket", "method": "systematic"})", CASE_REVIEW_ERROR_UNSUPPORTED, "method" },
    { R"({"seed": "s", "per_stratum": 1, "method": "cluster"})", CASE_REVIEW_ERROR_INVALID, "method" },
    { R"({"seed": "s", "per_stratum": 1, "colour": "red"})", CASE_REVIEW_ERROR_INVALID, "colour" },
    { R"({"seed": "s", "per_stratum": 1, "frame": {"closed_from": "2020-02-30"}})", CASE_REVIEW_ERROR_INVALID, "closed_from" },
    { R"({"seed": "s", "per_stratum": 1, "frame": {"kinds": ["fines"]}})", CASE_REVIEW_ERROR_INVALID, "kinds" },
    { "{", CASE_REVIEW_ERROR_PARSE, "plan" },
  };
  for (const Case &c : cases)
    {
      Error error;
      EXPECT_EQ (case_review_sampling_plan_new_from_json (c.json, error.out ()), nullptr) << c.json;
      ASSERT_NE (error.error, nullptr) << c.json;
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, c.code)) << c.json << ": " << error.message ();
      EXPECT_NE (error.message ().find (c.needle), std::string::npos) << c.json << ": " << error.message ();
    }

  // Plans that do not fit the population.
  const Case draws[] = {
    { R"({"seed": "s", "allocation": "proportional", "sample_size": 20000})", CASE_REVIEW_ERROR_INVALID, "sample_size" },
    { R"({"seed": "s", "allocation": "proportional", "sample_size": 100, "min_per_stratum": 10})", CASE_REVIEW_ERROR_INVALID, "min_per_stratum" },
    { R"({"seed": "s", "per_stratum": 13, "take_all": false})", CASE_REVIEW_ERROR_INVALID, "LH14" },
    { R"({"seed": "s", "per_stratum": 2, "frame": {"closed_to": "2020-01-05"}})", CASE_REVIEW_ERROR_INVALID, "no case files" },
    { R"({"seed": "s", "per_stratum": 2, "frame": {"agencies": ["LH99"]}})", CASE_REVIEW_ERROR_NOT_FOUND, "LH99" },
    { R"({"seed": "s", "per_stratum": 2, "method": "pps_systematic"})", CASE_REVIEW_ERROR_INVALID, "amount" },
    { R"({"seed": "s", "per_stratum": 2, "method": "sequential_poisson", "size_measure": "weight"})", CASE_REVIEW_ERROR_INVALID, "weight" },
  };
  for (const Case &c : draws)
    {
      Error error;
      Ref<CaseReviewSamplingPlan> plan (case_review_sampling_plan_new_from_json (c.json, error.out ()));
      ASSERT_NE (plan.get (), nullptr) << c.json << ": " << error.message ();
      EXPECT_EQ (case_review_sampling_plan_draw (plan.get (), population.get (), nullptr, error.out ()), nullptr) << c.json;
      ASSERT_NE (error.error, nullptr) << c.json;
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, c.code)) << c.json << ": " << error.message ();
      EXPECT_NE (error.message ().find (c.needle), std::string::npos) << c.json << ": " << error.message ();
    }
}

TEST (Sampling, PlanJsonRoundTrips)
{
  Error error;
  Ref<CaseReviewSamplingPlan> plan (case_review_sampling_plan_new_from_json (
      R"({"seed": "骰子 3 5 1", "method": "systematic", "stratification": "agency_kind", "allocation": "neyman",
          "sample_size": 30, "min_per_stratum": 1, "max_per_stratum": 12, "reserves": 3, "sort_key": "closed_on",
          "certainty_flags": ["major", "litigation"], "expected_rate": 0.03, "stratum_expected_rates": {"LH13/penalty": 0.1},
          "frame": {"closed_from": "2020-03-01", "closed_to": "2020-10-31", "kinds": ["penalty", "coercion"],
                    "agencies": ["LH13", "LH17"], "excluded_ids": ["x"]}})", error.out ()));
  ASSERT_NE (plan.get (), nullptr) << error.message ();
  char *json = case_review_sampling_plan_to_json (plan.get ());
  Ref<CaseReviewSamplingPlan> again (case_review_sampling_plan_new_from_json (json, error.out ()));
  ASSERT_NE (again.get (), nullptr) << error.message ();
  char *json_again = case_review_sampling_plan_to_json (again.get ());
  EXPECT_STREQ (json, json_again);
  EXPECT_NE (std::string (json).find ("\"LH13/penalty\""), std::string::npos);
  g_free (json);
  g_free (json_again);

  // The Neyman plan draws, within the filter, respecting min and max.
  Ref<CaseReviewPopulation> population (load_demo ());
  Ref<CaseReviewSample> sample (draw (plan.get (), population.get ()));
  GListModel *strata = case_review_sample_get_strata (sample.get ());
  guint total = 0;
  for (guint i = 0; i < g_list_model_get_n_items (strata); i++)
    {
      Ref<CaseReviewSampleStratum> stratum (CASE_REVIEW_SAMPLE_STRATUM (g_list_model_get_item (strata, i)));
      std::string key = case_review_sample_stratum_get_key (stratum.get ());
      EXPECT_TRUE (key.rfind ("LH13/", 0) == 0 || key.rfind ("LH17/", 0) == 0) << key;
      EXPECT_LE (case_review_sample_stratum_get_allocated (stratum.get ()), 12u);
      EXPECT_GE (case_review_sample_stratum_get_allocated (stratum.get ()), 1u);
      total += case_review_sample_stratum_get_allocated (stratum.get ());
    }
  EXPECT_EQ (total, 30u);
  // The stratum with the higher expected rate gets the maximum.
  EXPECT_EQ (case_review_sample_stratum_get_allocated (CASE_REVIEW_SAMPLE_STRATUM (
                 g_list_model_get_item (strata, 1))), 12u);
  g_object_unref (g_list_model_get_item (strata, 1));
}

TEST (Sampling, RepeatedDrawsFollowChangesToThePopulation)
{
  // Draws reuse the frame's strata while the population is unchanged; adding
  // a file must show in the next draw.
  Ref<CaseReviewPopulation> population (load_demo ());
  Ref<CaseReviewSamplingPlan> plan (case_review_sampling_plan_new ("cache"));
  g_object_set (plan.get (), "per-stratum", 3, NULL);
  Ref<CaseReviewSample> before (draw (plan.get (), population.get ()));
  Ref<CaseReviewSample> again (draw (plan.get (), population.get ()));
  EXPECT_TRUE (units_of (before.get ()) == units_of (again.get ()));

  GDate *date = g_date_new_dmy (1, G_DATE_JUNE, 2020);
  Ref<CaseReviewCaseFile> extra (case_review_case_file_new ("深罗统罚〔2020〕999号", "LH15", CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, date));
  Error error;
  ASSERT_TRUE (case_review_population_add_case (population.get (), extra.get (), error.out ()));
  g_date_free (date);

  Ref<CaseReviewSample> after (draw (plan.get (), population.get ()));
  GListModel *strata = case_review_sample_get_strata (after.get ());
  for (guint i = 0; i < g_list_model_get_n_items (strata); i++)
    {
      Ref<CaseReviewSampleStratum> stratum (CASE_REVIEW_SAMPLE_STRATUM (g_list_model_get_item (strata, i)));
      if (std::string (case_review_sample_stratum_get_key (stratum.get ())) == "LH15")
        {
          EXPECT_EQ (case_review_sample_stratum_get_population_size (stratum.get ()), 16u);
        }
    }
  EXPECT_STRNE (case_review_sample_get_population_fingerprint (after.get ()),
                case_review_sample_get_population_fingerprint (before.get ()));
}
