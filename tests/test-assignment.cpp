// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Reviewer assignment (双随机): recusal, conflicts, regions and
// qualifications never violated over many seeds, balanced loads, capacities,
// infeasible pools failing cleanly, reproducibility, manifests and the
// reviewer CSV's bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <glib/gstdio.h>

#include "test-support.h"

namespace {

using namespace test_support;

const std::string demo_dir = std::string (CASE_REVIEW_SOURCE_DIR) + "/examples/data/luohu-2020";

GFile *
path (const std::string &p)
{
  return g_file_new_for_path (p.c_str ());
}

struct Demo {
  Ref<CaseReviewPopulation> population { case_review_population_new () };
  Ref<CaseReviewReviewerPool> pool { case_review_reviewer_pool_new () };
  Demo ()
  {
    Error error;
    Ref<GFile> agencies (path (demo_dir + "/agencies.csv")), cases (path (demo_dir + "/cases.csv"));
    Ref<GFile> reviewers (path (demo_dir + "/reviewers.csv"));
    EXPECT_TRUE (case_review_population_load_csv (population.get (), agencies.get (), cases.get (),
                                                  CASE_REVIEW_TEXT_ENCODING_AUTO, nullptr, error.out ()));
    EXPECT_TRUE (case_review_reviewer_pool_load_csv (pool.get (), reviewers.get (), CASE_REVIEW_TEXT_ENCODING_AUTO,
                                                     nullptr, error.out ())) << error.message ();
  }
  CaseReviewSample *
  sample (const char *seed)
  {
    Error error;
    Ref<CaseReviewSamplingPlan> plan (case_review_sampling_plan_new (seed));
    g_object_set (plan.get (), "allocation", CASE_REVIEW_ALLOCATION_PROPORTIONAL, "sample-size", 350,
                  "min-per-stratum", 5, "reserves", 2, NULL);
    CaseReviewSample *result = case_review_sampling_plan_draw (plan.get (), population.get (), nullptr, error.out ());
    EXPECT_NE (result, nullptr) << error.message ();
    return result;
  }
};

struct Task {
  std::string case_id, agency, reviewer;
  guint slot;
  bool operator== (const Task &o) const
  {
    return case_id == o.case_id && agency == o.agency && reviewer == o.reviewer && slot == o.slot;
  }
};

std::vector<Task>
tasks_of (CaseReviewAssignment *assignment)
{
  std::vector<Task> tasks;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (assignment)); i++)
    {
      Ref<CaseReviewReviewTask> task (CASE_REVIEW_REVIEW_TASK (g_list_model_get_item (G_LIST_MODEL (assignment), i)));
      tasks.push_back ({ case_review_review_task_get_case_id (task.get ()), case_review_review_task_get_agency_id (task.get ()),
                         case_review_review_task_get_reviewer_id (task.get ()), case_review_review_task_get_slot (task.get ()) });
    }
  return tasks;
}

} // namespace

TEST (Assignment, RulesAreNeverViolatedAndLoadsBalanceOverManySeeds)
{
  Demo demo;
  const CaseReviewAssignmentRules all_rules =
    (CaseReviewAssignmentRules) (CASE_REVIEW_ASSIGNMENT_RULES_AVOID_REGION | CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION);

  for (int round = 0; round < 60; round++)
    {
      std::string seed = "双随机-" + std::to_string (round);
      Ref<CaseReviewSample> sample (demo.sample (seed.c_str ()));
      CaseReviewAssignmentRules rules = round % 2 ? all_rules : CASE_REVIEW_ASSIGNMENT_RULES_NONE;
      Error error;
      Ref<CaseReviewAssignment> assignment (case_review_assignment_new_draw (sample.get (), demo.pool.get (), demo.population.get (),
                                                                             2, rules, nullptr, error.out ()));
      ASSERT_NE (assignment.get (), nullptr) << error.message ();
      auto tasks = tasks_of (assignment.get ());
      ASSERT_EQ (tasks.size (), 700u);

      std::map<std::string, std::set<std::string>> per_file;
      std::map<std::string, guint> load;
      for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (demo.pool.get ())); r++)
        {
          Ref<CaseReviewReviewer> reviewer (CASE_REVIEW_REVIEWER (g_list_model_get_item (G_LIST_MODEL (demo.pool.get ()), r)));
          load[case_review_reviewer_get_id (reviewer.get ())] = 0;
        }
      for (const Task &task : tasks)
        {
          CaseReviewReviewer *reviewer = case_review_reviewer_pool_lookup (demo.pool.get (), task.reviewer.c_str ());
          ASSERT_NE (reviewer, nullptr);
          // Recusal and conflicts, always.
          EXPECT_NE (g_strcmp0 (case_review_reviewer_get_agency_id (reviewer), task.agency.c_str ()), 0)
              << task.reviewer << " reviews their own agency " << task.agency;
          EXPECT_FALSE (case_review_reviewer_has_conflict (reviewer, task.agency.c_str ())) << task.reviewer;
          if (rules & CASE_REVIEW_ASSIGNMENT_RULES_AVOID_REGION)
            {
              const char *region = case_review_reviewer_pool_get_agency_region (demo.pool.get (), task.agency.c_str ());
              EXPECT_TRUE (region == nullptr || g_strcmp0 (case_review_reviewer_get_region (reviewer), region) != 0)
                  << task.reviewer << " is in the region of " << task.agency;
            }
          if (rules & CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION)
            {
              Ref<CaseReviewCaseFile> file (case_review_population_lookup_case (demo.population.get (), task.case_id.c_str ()));
              EXPECT_TRUE (case_review_reviewer_may_review (reviewer, case_review_case_file_get_kind (file.get ())));
            }
          EXPECT_TRUE (per_file[task.case_id].insert (task.reviewer).second) << "the same reviewer twice on " << task.case_id;
          load[task.reviewer]++;
        }
      EXPECT_EQ (per_file.size (), 350u);

      // Balance: loads differ by at most one, except for a reviewer whom the
      // rules leave fewer files (the licensing-only reviewer gets at most
      // every licensing file): such a reviewer has every file it may take.
      std::map<std::string, guint> reachable;
      for (auto &[case_id, assigned] : per_file)
        {
          Ref<CaseReviewCaseFile> file (case_review_population_lookup_case (demo.population.get (), case_id.c_str ()));
          std::string agency = case_review_case_file_get_agency_id (file.get ());
          const char *region = case_review_reviewer_pool_get_agency_region (demo.pool.get (), agency.c_str ());
          for (auto &[id, n] : load)
            {
              CaseReviewReviewer *reviewer = case_review_reviewer_pool_lookup (demo.pool.get (), id.c_str ());
              bool eligible = g_strcmp0 (case_review_reviewer_get_agency_id (reviewer), agency.c_str ()) != 0 &&
                              !case_review_reviewer_has_conflict (reviewer, agency.c_str ());
              if (rules & CASE_REVIEW_ASSIGNMENT_RULES_AVOID_REGION)
                eligible = eligible && (region == nullptr || g_strcmp0 (case_review_reviewer_get_region (reviewer), region) != 0);
              if (rules & CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION)
                eligible = eligible && case_review_reviewer_may_review (reviewer, case_review_case_file_get_kind (file.get ()));
              reachable[id] += eligible;
            }
        }
      guint heaviest = 0;
      for (auto &[id, n] : load)
        heaviest = std::max (heaviest, n);
      for (auto &[id, n] : load)
        {
          guint capacity = case_review_reviewer_get_capacity (case_review_reviewer_pool_lookup (demo.pool.get (), id.c_str ()));
          if (n + 1 < heaviest)
            {
              EXPECT_TRUE (n == reachable[id] || n == capacity) << "seed " << seed << ": " << id << " has " << n
                  << " files, the heaviest " << heaviest << ", and could take " << reachable[id];
            }
        }
      if (rules == CASE_REVIEW_ASSIGNMENT_RULES_NONE)
        {
          auto [lightest, most] = std::minmax_element (load.begin (), load.end (),
                                                      [] (auto &a, auto &b) { return a.second < b.second; });
          EXPECT_LE (most->second - lightest->second, 1u) << "seed " << seed;
        }
      for (auto &[id, n] : load)
        {
          CaseReviewReviewer *reviewer = case_review_reviewer_pool_lookup (demo.pool.get (), id.c_str ());
          guint capacity = case_review_reviewer_get_capacity (reviewer);
          EXPECT_TRUE (capacity == 0 || n <= capacity) << id;
          EXPECT_EQ (case_review_assignment_get_load (assignment.get (), id.c_str ()), n);
        }
    }
}

TEST (Assignment, SameSeedSameResultOtherSeedOtherResult)
{
  Demo demo;
  Ref<CaseReviewSample> sample (demo.sample ("repeat"));
  Error error;
  Ref<CaseReviewAssignment> a (case_review_assignment_new_draw (sample.get (), demo.pool.get (), nullptr, 2,
                                                                CASE_REVIEW_ASSIGNMENT_RULES_NONE, nullptr, error.out ()));
  Ref<CaseReviewAssignment> b (case_review_assignment_new_draw (sample.get (), demo.pool.get (), nullptr, 2,
                                                                CASE_REVIEW_ASSIGNMENT_RULES_NONE, nullptr, error.out ()));
  Ref<CaseReviewAssignment> c (case_review_assignment_new_draw (sample.get (), demo.pool.get (), nullptr, 2,
                                                                CASE_REVIEW_ASSIGNMENT_RULES_NONE, "another seed", error.out ()));
  EXPECT_TRUE (tasks_of (a.get ()) == tasks_of (b.get ()));
  EXPECT_FALSE (tasks_of (a.get ()) == tasks_of (c.get ()));
  EXPECT_STREQ (case_review_assignment_get_seed (a.get ()), "repeat");

  char **reviewers = case_review_assignment_dup_reviewers_for (a.get (), tasks_of (a.get ())[0].case_id.c_str ());
  EXPECT_EQ (g_strv_length (reviewers), 2u);
  g_strfreev (reviewers);
}

TEST (Assignment, InfeasiblePoolsFailCleanlyNamingFileAndRule)
{
  Demo demo;
  Ref<CaseReviewSample> sample (demo.sample ("infeasible"));
  Ref<CaseReviewReviewerPool> pool (case_review_reviewer_pool_new ());
  Error error;

  // Two reviewers, one of whom works for LH13: LH13's files have one left.
  Ref<CaseReviewReviewer> a (case_review_reviewer_new ("A", "甲", "LH13"));
  Ref<CaseReviewReviewer> b (case_review_reviewer_new ("B", "乙", nullptr));
  ASSERT_TRUE (case_review_reviewer_pool_add (pool.get (), a.get (), error.out ()));
  ASSERT_TRUE (case_review_reviewer_pool_add (pool.get (), b.get (), error.out ()));
  EXPECT_FALSE (case_review_reviewer_pool_add (pool.get (), a.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE));

  EXPECT_EQ (case_review_assignment_new_draw (sample.get (), pool.get (), nullptr, 2, CASE_REVIEW_ASSIGNMENT_RULES_NONE,
                                              nullptr, error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));
  EXPECT_NE (error.message ().find ("agency LH13"), std::string::npos) << error.message ();
  EXPECT_NE (error.message ().find ("1 work for the agency"), std::string::npos) << error.message ();

  // Capacity: 700 reviews cannot fit in 40 reviewers of capacity 10.
  Ref<CaseReviewReviewerPool> small (case_review_reviewer_pool_new ());
  for (int i = 0; i < 40; i++)
    {
      std::string id = "S" + std::to_string (i);
      Ref<CaseReviewReviewer> reviewer (case_review_reviewer_new_full (id.c_str (), "某", nullptr, nullptr, nullptr, 0, 10, nullptr));
      ASSERT_TRUE (case_review_reviewer_pool_add (small.get (), reviewer.get (), error.out ()));
    }
  EXPECT_EQ (case_review_assignment_new_draw (sample.get (), small.get (), nullptr, 2, CASE_REVIEW_ASSIGNMENT_RULES_NONE,
                                              nullptr, error.out ()), nullptr);
  EXPECT_NE (error.message ().find ("capacit"), std::string::npos) << error.message ();

  // Qualification without a population, and absurd reviewers per file.
  EXPECT_EQ (case_review_assignment_new_draw (sample.get (), demo.pool.get (), nullptr, 2,
                                              CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION, nullptr, error.out ()), nullptr);
  EXPECT_NE (error.message ().find ("population"), std::string::npos);
  EXPECT_EQ (case_review_assignment_new_draw (sample.get (), demo.pool.get (), nullptr, 0,
                                              CASE_REVIEW_ASSIGNMENT_RULES_NONE, nullptr, error.out ()), nullptr);
  EXPECT_NE (error.message ().find ("per_file"), std::string::npos);
}

TEST (Assignment, RegionsComeFromReviewersOrAreSetExplicitly)
{
  Demo demo;
  EXPECT_STREQ (case_review_reviewer_pool_get_agency_region (demo.pool.get (), "LH23"), "东部街道");
  EXPECT_STREQ (case_review_reviewer_pool_get_agency_region (demo.pool.get (), "LH17"), "驻区单位");
  EXPECT_EQ (case_review_reviewer_pool_get_agency_region (demo.pool.get (), "LH99"), nullptr);
  char *before = case_review_reviewer_pool_dup_fingerprint (demo.pool.get ());
  case_review_reviewer_pool_set_agency_region (demo.pool.get (), "LH23", "西部街道");
  EXPECT_STREQ (case_review_reviewer_pool_get_agency_region (demo.pool.get (), "LH23"), "西部街道");
  char *after = case_review_reviewer_pool_dup_fingerprint (demo.pool.get ());
  EXPECT_STRNE (before, after);
  case_review_reviewer_pool_set_agency_region (demo.pool.get (), "LH23", nullptr);
  char *again = case_review_reviewer_pool_dup_fingerprint (demo.pool.get ());
  EXPECT_STREQ (before, again);
  g_free (before);
  g_free (after);
  g_free (again);
}

TEST (Assignment, ManifestVerifiesAndForgeriesAreNamed)
{
  Demo demo;
  Ref<CaseReviewSample> sample (demo.sample ("manifest"));
  Error error;
  Ref<CaseReviewAssignment> assignment (case_review_assignment_new_draw (sample.get (), demo.pool.get (), demo.population.get (), 2,
                                                                         CASE_REVIEW_ASSIGNMENT_RULES_AVOID_REGION, nullptr, error.out ()));
  ASSERT_NE (assignment.get (), nullptr) << error.message ();
  char *text = case_review_assignment_to_manifest (assignment.get ());
  std::string manifest = text;
  g_free (text);

  Ref<CaseReviewAssignment> back (case_review_assignment_new_from_manifest (manifest.c_str (), error.out ()));
  ASSERT_NE (back.get (), nullptr) << error.message ();
  EXPECT_TRUE (tasks_of (back.get ()) == tasks_of (assignment.get ()));
  EXPECT_EQ (case_review_assignment_get_rules (back.get ()), CASE_REVIEW_ASSIGNMENT_RULES_AVOID_REGION);
  EXPECT_TRUE (case_review_assignment_verify (back.get (), sample.get (), demo.pool.get (), demo.population.get (), error.out ()))
      << error.message ();

  // Swap the first task's reviewer for another.
  auto tasks = tasks_of (assignment.get ());
  std::string needle = "\"reviewer\" : \"" + tasks[0].reviewer + "\"";
  std::string other = tasks[0].reviewer == "R39" ? "R38" : "R39";
  std::string forged = manifest;
  forged.replace (forged.find (needle), needle.size (), "\"reviewer\" : \"" + other + "\"");
  Ref<CaseReviewAssignment> fake (case_review_assignment_new_from_manifest (forged.c_str (), error.out ()));
  ASSERT_NE (fake.get (), nullptr);
  EXPECT_FALSE (case_review_assignment_verify (fake.get (), sample.get (), demo.pool.get (), demo.population.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_VERIFY));
  EXPECT_NE (error.message ().find (tasks[0].case_id), std::string::npos) << error.message ();

  // A different pool is named.
  Ref<CaseReviewReviewer> extra (case_review_reviewer_new ("R99", "新人", nullptr));
  ASSERT_TRUE (case_review_reviewer_pool_add (demo.pool.get (), extra.get (), error.out ()));
  EXPECT_FALSE (case_review_assignment_verify (back.get (), sample.get (), demo.pool.get (), demo.population.get (), error.out ()));
  EXPECT_NE (error.message ().find ("reviewer pool"), std::string::npos) << error.message ();

  // Malformed manifests.
  for (const char *bad : { "nope", "{}", R"({"format": "libcasereview-assignment-manifest", "version": 2})",
                           R"({"format": "libcasereview-assignment-manifest", "version": 1, "seed": 5})" })
    {
      EXPECT_EQ (case_review_assignment_new_from_manifest (bad, error.out ()), nullptr) << bad;
      EXPECT_EQ (error.error->domain, CASE_REVIEW_ERROR) << bad;
    }
}

TEST (ReviewerPool, BadCsvIsLocatedAndChangesNothing)
{
  Demo demo;
  char *before = case_review_reviewer_pool_dup_fingerprint (demo.pool.get ());
  char *dir = g_dir_make_tmp ("casereview-reviewers-XXXXXX", nullptr);
  const struct { const char *text; int code; const char *prefix; } cases[] = {
    { "", CASE_REVIEW_ERROR_PARSE, "reviewers.csv:1:1: " },
    { "id,name\n", CASE_REVIEW_ERROR_INVALID, "reviewers.csv:2:1: " },
    { "id,agency\nR1,LH01\n", CASE_REVIEW_ERROR_INVALID, "reviewers.csv:1:1: " },
    { "id,name\nR1,甲\nR1,乙\n", CASE_REVIEW_ERROR_DUPLICATE, "reviewers.csv:3:1: " },
    { "id,name\n,甲\n", CASE_REVIEW_ERROR_INVALID, "reviewers.csv:2:1: " },
    { "id,name,kinds\nR1,甲,penalty;罚款\n", CASE_REVIEW_ERROR_INVALID, "reviewers.csv:2:3: " },
    { "编号,姓名,最多案卷数\nR1,甲,-3\n", CASE_REVIEW_ERROR_INVALID, "reviewers.csv:2:3: " },
    { "id,name\nR1,甲,多余\n", CASE_REVIEW_ERROR_PARSE, "reviewers.csv:2:3: " },
  };
  for (const auto &c : cases)
    {
      std::string file_path = std::string (dir) + "/reviewers.csv";
      std::ofstream (file_path, std::ios::binary) << c.text;
      Ref<GFile> file (path (file_path));
      Error error;
      EXPECT_FALSE (case_review_reviewer_pool_load_csv (demo.pool.get (), file.get (), CASE_REVIEW_TEXT_ENCODING_AUTO,
                                                        nullptr, error.out ())) << c.text;
      ASSERT_NE (error.error, nullptr) << c.text;
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, c.code)) << c.text << ": " << error.message ();
      EXPECT_EQ (error.message ().rfind (c.prefix, 0), 0u) << error.message ();
      char *now = case_review_reviewer_pool_dup_fingerprint (demo.pool.get ());
      EXPECT_STREQ (now, before);
      g_free (now);
      g_remove (file_path.c_str ());
    }
  g_rmdir (dir);
  g_free (dir);
  g_free (before);

  // Chinese headers and lists.
  CaseReviewReviewer *r23 = case_review_reviewer_pool_lookup (demo.pool.get (), "R23");
  ASSERT_NE (r23, nullptr);
  EXPECT_FALSE (case_review_reviewer_may_review (r23, CASE_REVIEW_ENFORCEMENT_KIND_LICENSING));
  EXPECT_TRUE (case_review_reviewer_may_review (r23, CASE_REVIEW_ENFORCEMENT_KIND_PENALTY));
  EXPECT_TRUE (case_review_reviewer_has_conflict (r23, "LH13"));
  EXPECT_EQ (case_review_reviewer_get_capacity (case_review_reviewer_pool_lookup (demo.pool.get (), "R33")), 30u);
}
