/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Loads one population with case_review_population_load_csv(), computes its
 * fingerprint, and prints the load time, the fingerprint time and the peak
 * resident set size of this process as one JSON line, e.g.
 *
 *   {"tool": "libcasereview", "rows": 1000000, "load_seconds": 0.61, ...}
 *
 * One load per process, so that the peak memory belongs to that load alone;
 * bench/population-bench.py runs it several times and compares it with
 * Python's csv module and pandas on the same file.
 *
 * Usage: population-bench AGENCIES.csv CASES.csv [auto|utf-8|gb18030]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <libcasereview/casereview.h>

#include "bench-measure.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(CaseReviewPopulation) population = NULL;
  g_autoptr(GFile) agencies = NULL;
  g_autoptr(GFile) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  CaseReviewTextEncoding encoding = CASE_REVIEW_TEXT_ENCODING_AUTO;
  long rss_before, rss_after_load, rss_after_fingerprint;
  gint64 start, loaded, fingerprinted;

  if (argc < 3 || argc > 4)
    {
      fprintf (stderr, "usage: %s AGENCIES.csv CASES.csv [auto|utf-8|gb18030]\n", argv[0]);
      return EXIT_FAILURE;
    }
  if (argc == 4)
    {
      if (strcmp (argv[3], "utf-8") == 0)
        encoding = CASE_REVIEW_TEXT_ENCODING_UTF8;
      else if (strcmp (argv[3], "gb18030") == 0)
        encoding = CASE_REVIEW_TEXT_ENCODING_GB18030;
      else if (strcmp (argv[3], "auto") != 0)
        {
          fprintf (stderr, "%s: unknown encoding %s\n", argv[0], argv[3]);
          return EXIT_FAILURE;
        }
    }

  agencies = g_file_new_for_commandline_arg (argv[1]);
  cases = g_file_new_for_commandline_arg (argv[2]);
  population = case_review_population_new ();
  rss_before = bench_peak_rss_kib ();

  start = g_get_monotonic_time ();
  if (!case_review_population_load_csv (population, agencies, cases, encoding, NULL, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return EXIT_FAILURE;
    }
  loaded = g_get_monotonic_time ();
  rss_after_load = bench_peak_rss_kib ();

  fingerprint = case_review_population_dup_fingerprint (population);
  fingerprinted = g_get_monotonic_time ();
  rss_after_fingerprint = bench_peak_rss_kib ();

  printf ("{\"tool\": \"libcasereview %s\", \"rows\": %u, \"load_seconds\": %.6f, "
          "\"fingerprint_seconds\": %.6f, \"peak_rss_kib_before_load\": %ld, "
          "\"peak_rss_kib_after_load\": %ld, \"peak_rss_kib\": %ld, \"fingerprint\": \"%s\"}\n",
          case_review_get_version (), case_review_population_get_n_cases (population),
          (loaded - start) / 1e6, (fingerprinted - loaded) / 1e6, rss_before,
          rss_after_load, rss_after_fingerprint, fingerprint);

  return EXIT_SUCCESS;
}
