/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * bench/sampling: the figures of libcasereview's side of the sampling
 * benchmark, one JSON line per invocation; bench/sampling-bench.py runs it
 * against pandas + numpy and R's sampling package on the same frame.
 *
 * The plan is the one of issue 4's demo: stratified by agency, a total of
 * --sample-size files (350) split proportionally with at least
 * --min-per-stratum (5) per agency, --reserves (2) reserves per agency,
 * simple random sampling with the pcg32 scheme.
 *
 *   sampling-bench end-to-end AGENCIES.csv CASES.csv
 *       load (case_review_population_load_csv, which validates every field),
 *       fingerprint, draw: each phase timed, and the process's peak RSS.
 *       Run it once per fresh process.
 *
 *   sampling-bench draw AGENCIES.csv CASES.csv [--repeat N]
 *       load once, then time the draw alone: the first draw (which computes
 *       the fingerprint, the draw puts it in the sample), N draws with the
 *       fingerprint already cached, and N draws each preceded by adding an
 *       empty agency, which drops the cached fingerprint so that the draw
 *       computes it again (the empty agency is an empty stratum: it changes
 *       no pick, which the sample digests check). Also the fingerprint alone.
 *       With --cached-only, only the draws with the fingerprint cached, so
 *       that `perf record` sees the draw itself after the first.
 *
 *   sampling-bench plan [--population-size N]
 *       hypergeometric attribute planning (0.95, 5%, 1%, N): seconds per
 *       call, best of 5 rounds of at least 20 ms.
 *
 * The sample digest is the SHA-256 of "stratum TAB case id TAB role LF" for
 * every unit in draw order, so two runs can be compared at a glance.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <libcasereview/casereview.h>

#include "bench-measure.h"

static char *opt_seed = NULL;
static int opt_sample_size = 350;
static int opt_min_per_stratum = 5;
static int opt_reserves = 2;
static int opt_repeat = 5;
static gboolean opt_cached_only = FALSE;
static gint64 opt_population_size = 10000000;

static GOptionEntry entries[] = {
  { "seed", 0, 0, G_OPTION_ARG_STRING, &opt_seed, "Seed string of the plan", "SEED" },
  { "sample-size", 0, 0, G_OPTION_ARG_INT, &opt_sample_size, "Total sample size (350)", "N" },
  { "min-per-stratum", 0, 0, G_OPTION_ARG_INT, &opt_min_per_stratum, "Minimum per agency (5)", "N" },
  { "reserves", 0, 0, G_OPTION_ARG_INT, &opt_reserves, "Reserves per agency (2)", "N" },
  { "repeat", 0, 0, G_OPTION_ARG_INT, &opt_repeat, "Repetitions of the draw (5)", "N" },
  { "cached-only", 0, 0, G_OPTION_ARG_NONE, &opt_cached_only,
    "In draw mode, time only draws with the fingerprint cached (for perf record)", NULL },
  { "population-size", 0, 0, G_OPTION_ARG_INT64, &opt_population_size,
    "Population size for the plan mode (10000000)", "N" },
  { NULL }
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  if (times->len == 0)
    return NAN;
  g_array_sort (times, compare_doubles);
  if (times->len % 2 == 1)
    return g_array_index (times, double, times->len / 2);
  return (g_array_index (times, double, times->len / 2 - 1) + g_array_index (times, double, times->len / 2)) / 2;
}

static double
best (GArray *times)
{
  double result = INFINITY;

  for (guint i = 0; i < times->len; i++)
    result = MIN (result, g_array_index (times, double, i));
  return result;
}

/* ", "NAME_best": …, "NAME_median": …[, "NAME_best_cpu": …]", null when
 * nothing was timed. */
static void
append_times (GString    *json,
              const char *name,
              GArray     *wall,
              GArray     *cpu)
{
  double values[3] = { best (wall), median (wall), cpu != NULL ? best (cpu) : NAN };
  const char *suffixes[3] = { "best", "median", "best_cpu" };

  for (guint i = 0; i < (cpu != NULL ? 3 : 2); i++)
    {
      if (isfinite (values[i]))
        g_string_append_printf (json, ", \"%s_%s\": %.6f", name, suffixes[i], values[i]);
      else
        g_string_append_printf (json, ", \"%s_%s\": null", name, suffixes[i]);
    }
}

static CaseReviewSamplingPlan *
make_plan (void)
{
  CaseReviewSamplingPlan *plan = case_review_sampling_plan_new (opt_seed);

  g_object_set (plan,
                "stratification", CASE_REVIEW_STRATIFICATION_AGENCY,
                "method", CASE_REVIEW_SAMPLING_METHOD_SIMPLE_RANDOM,
                "allocation", CASE_REVIEW_ALLOCATION_PROPORTIONAL,
                "sample-size", (guint) opt_sample_size,
                "min-per-stratum", (guint) opt_min_per_stratum,
                "reserves", (guint) opt_reserves,
                NULL);
  return plan;
}

static CaseReviewPopulation *
load (const char  *agencies_path,
      const char  *cases_path,
      double      *out_seconds,
      GError     **error)
{
  g_autoptr(CaseReviewPopulation) population = case_review_population_new ();
  g_autoptr(GFile) agencies = g_file_new_for_commandline_arg (agencies_path);
  g_autoptr(GFile) cases = g_file_new_for_commandline_arg (cases_path);
  double start = bench_now ();

  if (!case_review_population_load_csv (population, agencies, cases, CASE_REVIEW_TEXT_ENCODING_AUTO, NULL, error))
    return NULL;
  *out_seconds = bench_now () - start;
  return g_steal_pointer (&population);
}

static CaseReviewSample *
draw (CaseReviewSamplingPlan *plan,
      CaseReviewPopulation   *population,
      double                 *out_seconds,
      double                 *out_cpu_seconds)
{
  g_autoptr(GError) error = NULL;
  double cpu_start = bench_cpu_now ();
  double start = bench_now ();
  CaseReviewSample *sample = case_review_sampling_plan_draw (plan, population, NULL, &error);

  *out_seconds = bench_now () - start;
  if (out_cpu_seconds != NULL)
    *out_cpu_seconds = bench_cpu_now () - cpu_start;
  if (sample == NULL)
    g_error ("draw: %s", error->message);
  return sample;
}

/* The SHA-256 of the units in draw order; counts of primary units and
 * reserves. */
static char *
sample_digest (CaseReviewSample *sample,
               guint            *out_primary,
               guint            *out_reserves)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (sample));

  *out_primary = *out_reserves = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaseReviewSampledCase) unit = g_list_model_get_item (G_LIST_MODEL (sample), i);
      CaseReviewSampleRole role = case_review_sampled_case_get_role (unit);
      g_autofree char *line = g_strdup_printf ("%s\t%s\t%s\n", case_review_sampled_case_get_stratum (unit),
                                               case_review_sampled_case_get_case_id (unit),
                                               case_review_sample_role_get_name (role));

      g_checksum_update (checksum, (const guchar *) line, -1);
      if (role == CASE_REVIEW_SAMPLE_ROLE_RESERVE)
        (*out_reserves)++;
      else
        (*out_primary)++;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* {"LH01": 12, …}: the allocation of every non-empty stratum. */
static char *
allocation_json (CaseReviewSample *sample)
{
  GListModel *strata = case_review_sample_get_strata (sample);
  GString *json = g_string_new ("{");
  gboolean first = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (strata); i++)
    {
      g_autoptr(CaseReviewSampleStratum) stratum = g_list_model_get_item (strata, i);

      if (case_review_sample_stratum_get_population_size (stratum) == 0)
        continue;
      g_string_append_printf (json, "%s\"%s\": %u", first ? "" : ", ", case_review_sample_stratum_get_key (stratum),
                              case_review_sample_stratum_get_allocated (stratum));
      first = FALSE;
    }
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

static int
run_end_to_end (const char *agencies_path,
                const char *cases_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaseReviewPopulation) population = NULL;
  g_autoptr(CaseReviewSamplingPlan) plan = NULL;
  g_autoptr(CaseReviewSample) sample = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *allocation = NULL;
  double start, cpu_start, load_seconds, fingerprint_start, fingerprint_seconds, draw_seconds, total, total_cpu;
  long rss_before, rss_after_load, rss_after_fingerprint;
  guint n_primary, n_reserves;

  plan = make_plan ();
  if (!case_review_sampling_plan_validate (plan, &error))
    g_error ("plan: %s", error->message);

  rss_before = bench_peak_rss_kib ();
  cpu_start = bench_cpu_now ();
  start = bench_now ();
  population = load (agencies_path, cases_path, &load_seconds, &error);
  if (population == NULL)
    {
      fprintf (stderr, "sampling-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  rss_after_load = bench_peak_rss_kib ();
  fingerprint_start = bench_now ();
  fingerprint = case_review_population_dup_fingerprint (population);
  fingerprint_seconds = bench_now () - fingerprint_start;
  rss_after_fingerprint = bench_peak_rss_kib ();
  sample = draw (plan, population, &draw_seconds, NULL);
  total = bench_now () - start;
  total_cpu = bench_cpu_now () - cpu_start;

  digest = sample_digest (sample, &n_primary, &n_reserves);
  allocation = allocation_json (sample);
  printf ("{\"tool\": \"libcasereview %s\", \"rows\": %u, \"load_seconds\": %.6f, \"fingerprint_seconds\": %.6f, "
          "\"draw_seconds\": %.6f, \"total_seconds\": %.6f, \"total_cpu_seconds\": %.6f, "
          "\"peak_rss_kib_before_load\": %ld, "
          "\"peak_rss_kib_after_load\": %ld, \"peak_rss_kib_after_fingerprint\": %ld, \"peak_rss_kib\": %ld, "
          "\"n_primary\": %u, \"n_reserves\": %u, \"n_strata\": %u, \"fingerprint\": \"%s\", "
          "\"sample_digest\": \"%s\", \"allocation\": %s}\n",
          case_review_get_version (), case_review_population_get_n_cases (population), load_seconds,
          fingerprint_seconds, draw_seconds, total, total_cpu, rss_before, rss_after_load, rss_after_fingerprint,
          bench_peak_rss_kib (), n_primary, n_reserves,
          g_list_model_get_n_items (case_review_sample_get_strata (sample)), fingerprint, digest, allocation);
  return EXIT_SUCCESS;
}

/* Adds an agency without cases, which drops the population's cached
 * fingerprint and adds one empty stratum. */
static void
forget_fingerprint (CaseReviewPopulation *population,
                    guint                 serial)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("ZZBENCH%04u", serial);
  g_autofree char *name = g_strdup_printf ("bench agency %u", serial);
  g_autoptr(CaseReviewAgency) agency =
    case_review_agency_new (id, name, name, CASE_REVIEW_AGENCY_CATEGORY_OTHER);

  if (!case_review_population_add_agency (population, agency, &error))
    g_error ("add_agency: %s", error->message);
}

static int
run_draw (const char *agencies_path,
          const char *cases_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaseReviewPopulation) population = NULL;
  g_autoptr(CaseReviewSamplingPlan) plan = make_plan ();
  g_autoptr(CaseReviewSample) first = NULL;
  g_autoptr(GArray) cached = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) uncached = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fingerprints = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cached_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) uncached_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *reference = NULL;
  g_autofree char *allocation = NULL;
  double load_seconds, first_seconds;
  guint n_primary, n_reserves, serial = 0;
  gboolean consistent = TRUE;
  g_autoptr(GString) json = NULL;

  if (!case_review_sampling_plan_validate (plan, &error))
    g_error ("plan: %s", error->message);
  population = load (agencies_path, cases_path, &load_seconds, &error);
  if (population == NULL)
    {
      fprintf (stderr, "sampling-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }

  first = draw (plan, population, &first_seconds, NULL);
  reference = sample_digest (first, &n_primary, &n_reserves);
  allocation = allocation_json (first);

  for (int i = 0; i < opt_repeat; i++)
    {
      g_autoptr(CaseReviewSample) sample = NULL;
      g_autofree char *digest = NULL;
      g_autofree char *fingerprint = NULL;
      guint p, r;
      double seconds, cpu_seconds, start;

      /* The fingerprint is cached now: the draw alone. */
      sample = draw (plan, population, &seconds, &cpu_seconds);
      g_array_append_val (cached, seconds);
      g_array_append_val (cached_cpu, cpu_seconds);
      digest = sample_digest (sample, &p, &r);
      consistent &= g_str_equal (digest, reference);
      g_clear_object (&sample);
      g_clear_pointer (&digest, g_free);
      if (opt_cached_only)
        continue;

      /* The draw computing the fingerprint afresh. */
      forget_fingerprint (population, serial++);
      sample = draw (plan, population, &seconds, &cpu_seconds);
      g_array_append_val (uncached, seconds);
      g_array_append_val (uncached_cpu, cpu_seconds);
      digest = sample_digest (sample, &p, &r);
      consistent &= g_str_equal (digest, reference);

      /* The fingerprint alone. */
      forget_fingerprint (population, serial++);
      start = bench_now ();
      fingerprint = case_review_population_dup_fingerprint (population);
      seconds = bench_now () - start;
      g_array_append_val (fingerprints, seconds);
    }

  json = g_string_new (NULL);
  g_string_append_printf (json, "{\"tool\": \"libcasereview %s\", \"rows\": %u, \"load_seconds\": %.6f, "
                          "\"repeat\": %d, \"first_draw_seconds\": %.6f",
                          case_review_get_version (), case_review_population_get_n_cases (population),
                          load_seconds, opt_repeat, first_seconds);
  append_times (json, "draw_cached_fingerprint", cached, cached_cpu);
  append_times (json, "draw_with_fingerprint", uncached, uncached_cpu);
  append_times (json, "fingerprint", fingerprints, NULL);
  g_string_append_printf (json, ", \"n_primary\": %u, \"n_reserves\": %u, \"sample_digest\": \"%s\", "
                          "\"consistent\": %s, \"peak_rss_kib\": %ld, \"allocation\": %s}",
                          n_primary, n_reserves, reference, consistent ? "true" : "false", bench_peak_rss_kib (),
                          allocation);
  puts (json->str);
  return EXIT_SUCCESS;
}

typedef struct
{
  guint64 population_size;
  guint64 sample_size;
  guint64 allowed_deviations;
} PlanCall;

static void
plan_once (PlanCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaseReviewAttributePlan) plan =
    case_review_attribute_plan_new (CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC, 0.95, 0.05, 0.01,
                                    call->population_size, &error);

  if (plan == NULL)
    g_error ("plan: %s", error->message);
  call->sample_size = case_review_attribute_plan_get_sample_size (plan);
  call->allowed_deviations = case_review_attribute_plan_get_allowed_deviations (plan);
}

static int
run_plan (void)
{
  PlanCall call = { (guint64) opt_population_size, 0, 0 };
  double start = bench_now (), first_seconds, best_seconds = INFINITY;
  long calls_total = 0;

  if (opt_population_size < 1)
    g_error ("--population-size must be at least 1");
  plan_once (&call);
  first_seconds = bench_now () - start;

  /* Best of 5 rounds, each repeating the call for at least 20 ms. */
  for (int round = 0; round < 5; round++)
    {
      double elapsed;
      long calls = 0;

      start = bench_now ();
      do
        {
          plan_once (&call);
          calls++;
          elapsed = bench_now () - start;
        }
      while (elapsed < 0.02);
      best_seconds = MIN (best_seconds, elapsed / (double) calls);
      calls_total += calls;
    }

  printf ("{\"tool\": \"libcasereview %s\", \"model\": \"hypergeometric\", \"confidence\": 0.95, "
          "\"tolerable_rate\": 0.05, \"expected_rate\": 0.01, \"population_size\": %" G_GUINT64_FORMAT ", "
          "\"sample_size\": %" G_GUINT64_FORMAT ", \"allowed_deviations\": %" G_GUINT64_FORMAT ", "
          "\"first_call_seconds\": %.9f, \"seconds_per_call\": %.9f, \"calls\": %ld}\n",
          case_review_get_version (), call.population_size, call.sample_size, call.allowed_deviations,
          first_seconds, best_seconds, calls_total);
  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new ("end-to-end|draw AGENCIES.csv CASES.csv | plan: the sampling benchmark's C side");
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "sampling-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (opt_seed == NULL)
    opt_seed = g_strdup ("libcasereview bench/sampling v1");
  if (opt_sample_size < 1 || opt_min_per_stratum < 0 || opt_reserves < 0 || opt_repeat < 1)
    {
      fprintf (stderr, "sampling-bench: --sample-size and --repeat must be at least 1, the others at least 0\n");
      return EXIT_FAILURE;
    }

  if (argc == 2 && strcmp (argv[1], "plan") == 0)
    status = run_plan ();
  else if (argc == 4 && strcmp (argv[1], "end-to-end") == 0)
    status = run_end_to_end (argv[2], argv[3]);
  else if (argc == 4 && strcmp (argv[1], "draw") == 0)
    status = run_draw (argv[2], argv[3]);
  else
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      fprintf (stderr, "%s", help);
      status = EXIT_FAILURE;
    }
  g_free (opt_seed);
  return status;
}
