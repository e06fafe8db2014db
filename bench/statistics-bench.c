/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Times the statistics module: hypergeometric sample-size planning for a
 * population of 10^7 (and 10^8), binomial planning of every cell of AICPA
 * Table A-1, and Clopper–Pearson and hypergeometric bounds. Each figure is
 * the best of 5 rounds, each round repeating the work until it has taken at
 * least 20 ms, divided by the number of repetitions.
 *
 * With --json it prints one JSON object with the figures and the computed
 * answers instead of the table, for bench/statistics-bench.py, which compares
 * them with SciPy when Debian's python3-scipy is installed.
 *
 * Usage: statistics-bench [--json] [AICPA-TABLE.csv]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libcasereview/casereview.h>

#include "bench-measure.h"

#ifndef CASE_REVIEW_BENCH_AICPA_TABLE
# define CASE_REVIEW_BENCH_AICPA_TABLE "tests/data/aicpa-table-a1-sample-sizes-5pct-risk.csv"
#endif

typedef void (*Work) (gpointer data);

/* Seconds per call of @work: best of 5 rounds of at least 20 ms each. */
static double
time_per_call (Work     work,
               gpointer data)
{
  double best = INFINITY;

  for (int round = 0; round < 5; round++)
    {
      double start = bench_now (), elapsed;
      long calls = 0;

      do
        {
          work (data);
          calls++;
          elapsed = bench_now () - start;
        }
      while (elapsed < 0.02);
      best = MIN (best, elapsed / (double) calls);
    }
  return best;
}

/* Hypergeometric planning */

typedef struct {
  guint64 population;
  double  tolerable;
  double  expected;
  guint64 n, k;
} HyperCase;

static void
plan_hyper (gpointer data)
{
  HyperCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaseReviewAttributePlan) plan =
    case_review_attribute_plan_new (CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC, 0.95, c->tolerable, c->expected,
                                    c->population, &error);

  if (plan == NULL)
    g_error ("%s", error->message);
  c->n = case_review_attribute_plan_get_sample_size (plan);
  c->k = case_review_attribute_plan_get_allowed_deviations (plan);
}

/* The AICPA table */

typedef struct {
  double  tolerable;
  double  expected;
  guint64 sample_size;
} Cell;

static GArray *
load_table (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (Cell));

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_strstrip (lines[i]), ",", -1);
      Cell cell;

      if (g_strv_length (fields) < 4)
        continue;
      if (!case_review_parse_rate (fields[1], &cell.tolerable, &error) ||
          !case_review_parse_rate (fields[2], &cell.expected, &error))
        g_error ("%s: line %u: %s", path, i + 1, error->message);
      cell.sample_size = g_ascii_strtoull (fields[3], NULL, 10);
      g_array_append_val (cells, cell);
    }
  return cells;
}

static void
plan_table (gpointer data)
{
  GArray *cells = data;

  for (guint i = 0; i < cells->len; i++)
    {
      Cell *cell = &g_array_index (cells, Cell, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CaseReviewAttributePlan) plan =
        case_review_attribute_plan_new (CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL, 0.95, cell->tolerable,
                                        cell->expected, 0, &error);

      if (plan == NULL || case_review_attribute_plan_get_sample_size (plan) != cell->sample_size)
        g_error ("AICPA cell %u not reproduced", i);
    }
}

/* Bounds */

typedef struct {
  CaseReviewStatisticalModel model;
  guint64 n, k, population;
  double  lower, upper;
  guint64 upper_count;
} BoundCase;

static void
bound_interval (gpointer data)
{
  BoundCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaseReviewBound) bound =
    case_review_bound_new_interval (c->model, 0.95, c->n, c->k, c->population, &error);

  if (bound == NULL)
    g_error ("%s", error->message);
  c->lower = case_review_bound_get_lower (bound);
  c->upper = case_review_bound_get_upper (bound);
  c->upper_count = case_review_bound_get_upper_count (bound);
}

int
main (int   argc,
      char *argv[])
{
  gboolean json = FALSE;
  const char *table_path = CASE_REVIEW_BENCH_AICPA_TABLE;
#define HYPER(N, t, e) { .population = (N), .tolerable = (t), .expected = (e) }
  HyperCase hyper[] = {
    HYPER (10000000, 0.05, 0.0), HYPER (10000000, 0.05, 0.01), HYPER (10000000, 0.05, 0.04),
    HYPER (10000000, 0.01, 0.005), HYPER (100000000, 0.05, 0.04),
  };
#define BOUND(m, n_, k_, N) { .model = CASE_REVIEW_STATISTICAL_MODEL_##m, .n = (n_), .k = (k_), .population = (N) }
  BoundCase bounds[] = {
    BOUND (BINOMIAL, 59, 0, 0), BOUND (BINOMIAL, 100, 1, 0), BOUND (BINOMIAL, 1000, 50, 0),
    BOUND (BINOMIAL, 100000, 5000, 0), BOUND (BINOMIAL, 10000000, 500000, 0),
    BOUND (HYPERGEOMETRIC, 100, 1, 10000000), BOUND (HYPERGEOMETRIC, 10000, 500, 10000000),
  };
  double hyper_seconds[G_N_ELEMENTS (hyper)], bound_seconds[G_N_ELEMENTS (bounds)];
  double table_seconds;
  g_autoptr(GArray) cells = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--json") == 0)
        json = TRUE;
      else
        table_path = argv[i];
    }

  for (guint i = 0; i < G_N_ELEMENTS (hyper); i++)
    hyper_seconds[i] = time_per_call (plan_hyper, &hyper[i]);
  cells = load_table (table_path);
  table_seconds = time_per_call (plan_table, cells);
  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    bound_seconds[i] = time_per_call (bound_interval, &bounds[i]);

  if (json)
    {
      printf ("{\"hypergeometric_plans\": [");
      for (guint i = 0; i < G_N_ELEMENTS (hyper); i++)
        printf ("%s{\"population\": %" G_GUINT64_FORMAT ", \"tolerable\": %.17g, \"expected\": %.17g, "
                "\"n\": %" G_GUINT64_FORMAT ", \"k\": %" G_GUINT64_FORMAT ", \"seconds\": %.6g}",
                i ? ", " : "", hyper[i].population, hyper[i].tolerable, hyper[i].expected, hyper[i].n, hyper[i].k,
                hyper_seconds[i]);
      printf ("], \"aicpa_table\": {\"cells\": %u, \"seconds\": %.6g}, \"intervals\": [", cells->len, table_seconds);
      for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
        printf ("%s{\"model\": \"%s\", \"n\": %" G_GUINT64_FORMAT ", \"k\": %" G_GUINT64_FORMAT
                ", \"population\": %" G_GUINT64_FORMAT ", \"lower\": %.17g, \"upper\": %.17g, "
                "\"upper_count\": %" G_GUINT64_FORMAT ", \"seconds\": %.6g}",
                i ? ", " : "",
                bounds[i].model == CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL ? "binomial" : "hypergeometric",
                bounds[i].n, bounds[i].k, bounds[i].population, bounds[i].lower, bounds[i].upper,
                bounds[i].upper_count, bound_seconds[i]);
      printf ("]}\n");
      return 0;
    }

  printf ("Hypergeometric planning, 95%% confidence (time per plan):\n");
  for (guint i = 0; i < G_N_ELEMENTS (hyper); i++)
    printf ("  N = %-10" G_GUINT64_FORMAT " tolerable %-5g expected %-6g -> n = %-6" G_GUINT64_FORMAT
            " k = %-4" G_GUINT64_FORMAT " %9.2f µs\n",
            hyper[i].population, hyper[i].tolerable, hyper[i].expected, hyper[i].n, hyper[i].k,
            hyper_seconds[i] * 1e6);
  printf ("Binomial planning of all %u cells of AICPA Table A-1: %.3f ms (%.2f µs per cell)\n", cells->len,
          table_seconds * 1e3, table_seconds * 1e6 / cells->len);
  printf ("Two-sided 95%% intervals (time per interval):\n");
  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    {
      if (bounds[i].model == CASE_REVIEW_STATISTICAL_MODEL_BINOMIAL)
        printf ("  Clopper-Pearson n = %-9" G_GUINT64_FORMAT " k = %-7" G_GUINT64_FORMAT
                " [%.10f, %.10f] %9.2f µs\n",
                bounds[i].n, bounds[i].k, bounds[i].lower, bounds[i].upper, bound_seconds[i] * 1e6);
      else
        printf ("  hypergeometric  n = %-9" G_GUINT64_FORMAT " k = %-7" G_GUINT64_FORMAT
                " N = %" G_GUINT64_FORMAT ": K <= %" G_GUINT64_FORMAT " %9.2f µs\n",
                bounds[i].n, bounds[i].k, bounds[i].population, bounds[i].upper_count, bound_seconds[i] * 1e6);
    }
  return 0;
}
