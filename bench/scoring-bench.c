/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * bench/scoring: libcasereview's side of the scoring benchmark, one JSON line
 * per invocation; bench/scoring-bench.py runs it against pandas on the same
 * files (bench/generate-scoring.py writes them) and compares the checksums.
 *
 *   scoring-bench AGENCIES.csv CASES.csv SHEETS.csv [--repeat N]
 *
 * Phases, each timed on its own (wall and CPU seconds) with the peak RSS
 * after it:
 *
 *   frame      case_review_population_load_csv
 *   sample     a census: fixed allocation of as many files per agency as the
 *              frame has, take-all, so that every file is to be reviewed;
 *              then case_review_evaluation_new with the default rubric
 *   load       case_review_evaluation_load_sheets_csv (reads, validates and
 *              builds every sheet)
 *   cases      case_review_evaluation_dup_case_results
 *   agencies   case_review_evaluation_dup_agency_results, which scores the
 *              files again on its own and ranks the agencies: the whole
 *              aggregation from sheets to the ranking
 *
 * cases and agencies are pure functions of the loaded sheets: they run
 * --repeat times (3) and the best and median times are reported. Sheets
 * cache their scores, so only the first agencies call scores every sheet:
 * it runs before anything else reads a score and is reported on its own
 * (agency_results_cold), the figure to hold against a tool that caches
 * nothing.
 *
 * The checksums are computed after the timing, from the public getters:
 *
 *   case_digest    SHA-256 of one line per file, sorted by case id (bytes):
 *                  case_id TAB agency TAB kind TAB n_sheets TAB initial
 *                  hundredths TAB score hundredths TAB grade (0 优秀, 1 良好,
 *                  2 合格, 3 不合格) TAB vetoed (0/1) TAB needs re-review (0/1)
 *                  TAB veto codes (sorted, comma-separated) LF
 *   agency_digest  SHA-256 of one line per agency in rank order: rank TAB
 *                  agency TAB files TAB frame size TAB total TAB mean TAB
 *                  median TAB excellent TAB passed TAB failed TAB grade TAB
 *                  kinds (kind=files:mean, in enum order, comma-separated)
 *                  TAB vetoes (code=files, by code) TAB frequent deductions LF
 *
 * plus plain sums (scores, vetoed files, files needing a re-review, grades,
 * agency means) and the top three, which say where two tools differ when the
 * digests do.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <libcasereview/casereview.h>

#include "bench-measure.h"

static int opt_repeat = 3;

static GOptionEntry entries[] = {
  { "repeat", 0, 0, G_OPTION_ARG_INT, &opt_repeat, "Repetitions of the aggregation (3)", "N" },
  { NULL }
};

typedef struct
{
  const char *name;
  double wall;
  double cpu;
  long peak_rss_kib;
} Phase;

static void
phase_begin (Phase *phase, const char *name)
{
  phase->name = name;
  phase->cpu = bench_cpu_now ();
  phase->wall = bench_now ();
}

static void
phase_end (Phase *phase)
{
  phase->wall = bench_now () - phase->wall;
  phase->cpu = bench_cpu_now () - phase->cpu;
  phase->peak_rss_kib = bench_peak_rss_kib ();
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* ", "NAME_best": …, "NAME_median": …, "NAME_best_cpu": …" */
static void
append_times (GString    *json,
              const char *name,
              GArray     *wall,
              GArray     *cpu)
{
  guint n = wall->len;

  g_array_sort (wall, compare_doubles);
  g_array_sort (cpu, compare_doubles);
  g_string_append_printf (json, ", \"%s_best\": %.6f, \"%s_median\": %.6f, \"%s_best_cpu\": %.6f", name,
                          g_array_index (wall, double, 0), name,
                          n % 2 ? g_array_index (wall, double, n / 2)
                                : (g_array_index (wall, double, n / 2 - 1) + g_array_index (wall, double, n / 2)) / 2,
                          name, g_array_index (cpu, double, 0));
}

static int
compare_case_ids (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (case_review_case_result_get_case_id (*(CaseReviewCaseResult * const *) a),
                 case_review_case_result_get_case_id (*(CaseReviewCaseResult * const *) b));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The case digest and the case-level sums, appended to @json. */
static void
append_case_checksums (GString    *json,
                       GListModel *results)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) line = g_string_new (NULL);
  guint64 score_sum = 0;
  guint n_vetoed = 0, n_rereview = 0, grades[4] = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (results, i));
  g_ptr_array_sort (sorted, compare_case_ids);

  for (guint i = 0; i < sorted->len; i++)
    {
      CaseReviewCaseResult *result = g_ptr_array_index (sorted, i);
      g_autofree char *vetoes = g_strjoinv (",", (char **) case_review_case_result_get_veto_codes (result));
      CaseReviewGrade grade = case_review_case_result_get_grade (result);

      /* get_veto_codes() is sorted by the library already. */
      g_string_printf (line, "%s\t%s\t%s\t%u\t%u\t%u\t%d\t%d\t%d\t%s\n",
                       case_review_case_result_get_case_id (result), case_review_case_result_get_agency_id (result),
                       case_review_enforcement_kind_get_name (case_review_case_result_get_kind (result)),
                       case_review_case_result_get_n_sheets (result),
                       case_review_case_result_get_initial_score_hundredths (result),
                       case_review_case_result_get_score_hundredths (result), (int) grade,
                       case_review_case_result_is_vetoed (result), case_review_case_result_needs_rereview (result),
                       vetoes);
      g_checksum_update (checksum, (const guchar *) line->str, line->len);
      score_sum += case_review_case_result_get_score_hundredths (result);
      n_vetoed += case_review_case_result_is_vetoed (result);
      n_rereview += case_review_case_result_needs_rereview (result);
      grades[MIN ((guint) grade, 3u)]++;
    }
  g_string_append_printf (json, ", \"n_files\": %u, \"case_score_sum\": %" G_GUINT64_FORMAT ", \"n_vetoed\": %u, "
                          "\"n_needs_rereview\": %u, \"grades\": [%u, %u, %u, %u], \"case_digest\": \"%s\"",
                          sorted->len, score_sum, n_vetoed, n_rereview, grades[0], grades[1], grades[2], grades[3],
                          g_checksum_get_string (checksum));
}

/* The agency digest, the sum of the means and the top three. */
static void
append_agency_checksums (GString    *json,
                         GListModel *results)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GString) top = g_string_new (NULL);
  guint64 mean_sum = 0;
  guint n = g_list_model_get_n_items (results);
  gboolean bounds_exact = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaseReviewAgencyResult) result = g_list_model_get_item (results, i);
      g_auto(GStrv) vetoes = case_review_agency_result_dup_veto_codes (result);
      const char * const *deductions = case_review_agency_result_get_frequent_deductions (result);
      g_autofree char *frequent = g_strjoinv (",", (char **) deductions);
      const char *agency = case_review_agency_result_get_agency_id (result);
      guint n_files = case_review_agency_result_get_n_files (result);

      g_string_printf (line, "%u\t%s\t%u\t%u\t%" G_GUINT64_FORMAT "\t%u\t%u\t%u\t%u\t%u\t%d\t",
                       case_review_agency_result_get_rank (result), agency, n_files,
                       case_review_agency_result_get_population_size (result),
                       case_review_agency_result_get_total_hundredths (result),
                       case_review_agency_result_get_mean_hundredths (result),
                       case_review_agency_result_get_median_hundredths (result),
                       case_review_agency_result_get_n_excellent (result),
                       case_review_agency_result_get_n_passed (result),
                       case_review_agency_result_get_n_failed (result),
                       (int) case_review_agency_result_get_grade (result));
      for (guint k = 0, first = TRUE; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
        {
          guint kind_n = case_review_agency_result_get_kind_n_files (result, k);

          if (kind_n == 0)
            continue;
          g_string_append_printf (line, "%s%s=%u:%u", first ? "" : ",", case_review_enforcement_kind_get_name (k),
                                  kind_n, case_review_agency_result_get_kind_mean_hundredths (result, k));
          first = FALSE;
        }
      g_string_append_c (line, '\t');
      qsort (vetoes, g_strv_length (vetoes), sizeof (char *), compare_strings);
      for (guint v = 0; vetoes[v] != NULL; v++)
        g_string_append_printf (line, "%s%s=%u", v ? "," : "", vetoes[v],
                                case_review_agency_result_get_veto_count (result, vetoes[v]));
      g_string_append_printf (line, "\t%s\n", frequent);
      g_checksum_update (checksum, (const guchar *) line->str, line->len);

      mean_sum += case_review_agency_result_get_mean_hundredths (result);
      if (i < 3)
        g_string_append_printf (top, "%s\"%s\"", i ? ", " : "", agency);
      /* A census leaves nothing to estimate: the bound is the count. */
      bounds_exact &= case_review_agency_result_get_noncompliance_upper_count (result) ==
                      case_review_agency_result_get_n_failed (result);
    }
  g_string_append_printf (json, ", \"n_agencies\": %u, \"agency_mean_sum\": %" G_GUINT64_FORMAT ", \"top3\": [%s], "
                          "\"census_bounds_exact\": %s, \"agency_digest\": \"%s\"",
                          n, mean_sum, top->str, bounds_exact ? "true" : "false", g_checksum_get_string (checksum));
}

static void
append_phase (GString     *json,
              const Phase *phase)
{
  g_string_append_printf (json, ", \"%s_seconds\": %.6f, \"%s_cpu_seconds\": %.6f, \"peak_rss_kib_after_%s\": %ld",
                          phase->name, phase->wall, phase->name, phase->cpu, phase->name, phase->peak_rss_kib);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("AGENCIES.csv CASES.csv SHEETS.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CaseReviewPopulation) population = NULL;
  g_autoptr(CaseReviewSamplingPlan) plan = NULL;
  g_autoptr(CaseReviewSample) sample = NULL;
  g_autoptr(CaseReviewEvaluation) evaluation = NULL;
  g_autoptr(GListModel) case_results = NULL;
  g_autoptr(GListModel) agency_results = NULL;
  g_autoptr(GFile) agencies = NULL;
  g_autoptr(GFile) cases = NULL;
  g_autoptr(GFile) sheets = NULL;
  g_autoptr(GArray) case_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) case_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) agency_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) agency_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) json = g_string_new (NULL);
  Phase frame, census, load, aggregate, cold;
  long rss_before;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 4 || opt_repeat < 1)
    {
      fprintf (stderr, "usage: %s AGENCIES.csv CASES.csv SHEETS.csv [--repeat N]%s%s\n", g_get_prgname (),
               error != NULL ? ": " : "", error != NULL ? error->message : "");
      return EXIT_FAILURE;
    }
  agencies = g_file_new_for_commandline_arg (argv[1]);
  cases = g_file_new_for_commandline_arg (argv[2]);
  sheets = g_file_new_for_commandline_arg (argv[3]);
  rss_before = bench_peak_rss_kib ();

  phase_begin (&frame, "frame");
  population = case_review_population_new ();
  if (!case_review_population_load_csv (population, agencies, cases, CASE_REVIEW_TEXT_ENCODING_AUTO, NULL, &error))
    {
      fprintf (stderr, "scoring-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  phase_end (&frame);

  /* Every file is reviewed: a fixed quota no agency can fill, taken whole. */
  phase_begin (&census, "sample");
  plan = case_review_sampling_plan_new ("libcasereview bench/scoring census");
  g_object_set (plan,
                "stratification", CASE_REVIEW_STRATIFICATION_AGENCY,
                "allocation", CASE_REVIEW_ALLOCATION_FIXED,
                "per-stratum", MAX (case_review_population_get_n_cases (population), 1u),
                "take-all", TRUE,
                NULL);
  sample = case_review_sampling_plan_draw (plan, population, NULL, &error);
  if (sample == NULL)
    {
      fprintf (stderr, "scoring-bench: census: %s\n", error->message);
      return EXIT_FAILURE;
    }
  evaluation = case_review_evaluation_new (case_review_rubric_get_default (), sample, population);
  phase_end (&census);

  phase_begin (&load, "load");
  if (!case_review_evaluation_load_sheets_csv (evaluation, sheets, CASE_REVIEW_TEXT_ENCODING_AUTO, NULL, &error))
    {
      fprintf (stderr, "scoring-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  phase_end (&load);

  /* The first aggregation scores every sheet (see above). */
  phase_begin (&cold, "agency_results_cold");
  agency_results = case_review_evaluation_dup_agency_results (evaluation);
  phase_end (&cold);

  phase_begin (&aggregate, "aggregate");
  for (int i = 0; i < opt_repeat; i++)
    {
      double wall, cpu;

      g_clear_object (&case_results);
      cpu = bench_cpu_now ();
      wall = bench_now ();
      case_results = case_review_evaluation_dup_case_results (evaluation);
      wall = bench_now () - wall;
      cpu = bench_cpu_now () - cpu;
      g_array_append_val (case_wall, wall);
      g_array_append_val (case_cpu, cpu);

      g_clear_object (&agency_results);
      cpu = bench_cpu_now ();
      wall = bench_now ();
      agency_results = case_review_evaluation_dup_agency_results (evaluation);
      wall = bench_now () - wall;
      cpu = bench_cpu_now () - cpu;
      g_array_append_val (agency_wall, wall);
      g_array_append_val (agency_cpu, cpu);
    }
  phase_end (&aggregate);

  g_string_append_printf (json, "{\"tool\": \"libcasereview %s\", \"n_cases\": %u, \"n_sheets\": %u, \"repeat\": %d",
                          case_review_get_version (), case_review_population_get_n_cases (population),
                          case_review_evaluation_get_n_sheets (evaluation), opt_repeat);
  g_string_append_printf (json, ", \"peak_rss_kib_before\": %ld", rss_before);
  append_phase (json, &frame);
  append_phase (json, &census);
  append_phase (json, &load);
  g_string_append_printf (json, ", \"agency_results_cold\": %.6f, \"agency_results_cold_cpu\": %.6f",
                          cold.wall, cold.cpu);
  g_string_append_printf (json, ", \"peak_rss_kib_after_aggregate\": %ld", aggregate.peak_rss_kib);
  append_times (json, "case_results", case_wall, case_cpu);
  append_times (json, "agency_results", agency_wall, agency_cpu);
  append_case_checksums (json, case_results);
  append_agency_checksums (json, agency_results);
  g_string_append_printf (json, ", \"peak_rss_kib\": %ld}", bench_peak_rss_kib ());
  puts (json->str);

  return EXIT_SUCCESS;
}
