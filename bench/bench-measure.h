/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What the C benchmarks measure with: wall-clock and CPU seconds, and the
 * process's peak resident set size. Header-only, shared by the C benchmarks.
 */
#pragma once

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <glib.h>

/* Monotonic wall-clock seconds. */
static inline double
bench_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

/* CPU seconds (user + system) of this process: on a shared machine they
 * move less than wall-clock seconds when other work competes for cores. */
static inline double
bench_cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

/* The peak resident set size of this process in KiB. Linux carries
 * getrusage()'s ru_maxrss over exec(), so a child of a big parent (a Python
 * driver) starts from the parent's figure; VmHWM in /proc/self/status is
 * this program's own high water mark. Use it where it exists, ru_maxrss
 * otherwise. */
static inline long
bench_peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *line = strstr (status, "\nVmHWM:");

      if (line != NULL)
        return strtol (line + strlen ("\nVmHWM:"), NULL, 10);
    }
  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss;  /* KiB on Linux */
}
