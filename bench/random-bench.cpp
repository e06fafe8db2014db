// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Draws per second of CaseReviewRandom against the reference pcg-cpp
// (pcg_random.hpp, header-only and fully inlined) in the same run.
// Usage: random-bench [draws]   (default 200,000,000 per measurement)
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include <pcg_random.hpp>

extern "C" {
#include <libcasereview/casereview.h>
}

namespace {

// Best of three runs, in draws per second; the checksum keeps the compiler
// from discarding the work and shows both generators produced the same numbers.
double
draws_per_second (uint64_t draws, const std::function<uint64_t (uint64_t)> &run, uint64_t *checksum)
{
  double best = 0;
  for (int round = 0; round < 3; round++)
    {
      auto start = std::chrono::steady_clock::now ();
      *checksum = run (draws);
      std::chrono::duration<double> elapsed = std::chrono::steady_clock::now () - start;
      best = std::max (best, draws / elapsed.count ());
    }
  return best;
}

void
report (const char *what, double ours, double reference, uint64_t sum_ours, uint64_t sum_reference)
{
  std::printf ("%-34s %10.1f M/s %10.1f M/s %7.3f %s\n", what, ours / 1e6, reference / 1e6,
               ours / reference, sum_ours == sum_reference ? "same" : "DIFFERENT");
}

} // namespace

int
main (int argc, char **argv)
{
  uint64_t draws = argc > 1 ? std::strtoull (argv[1], nullptr, 10) : 200000000ull;
  uint64_t sum_ours = 0, sum_reference = 0;
  double ours, reference;

  std::printf ("libcasereview %s, %" PRIu64 " draws per measurement, best of 3\n",
               case_review_get_version (), draws);
  std::printf ("%-34s %14s %14s %7s %s\n", "measurement", "libcasereview", "pcg-cpp", "ratio", "outputs");

  ours = draws_per_second (draws, [] (uint64_t n) {
      CaseReviewRandom *rng = case_review_random_new (42, 54);
      uint64_t sum = 0;
      for (uint64_t i = 0; i < n; i++)
        sum += case_review_random_next_u32 (rng);
      case_review_random_free (rng);
      return sum;
    }, &sum_ours);
  reference = draws_per_second (draws, [] (uint64_t n) {
      pcg32 rng (42u, 54u);
      uint64_t sum = 0;
      for (uint64_t i = 0; i < n; i++)
        sum += rng ();
      return sum;
    }, &sum_reference);
  report ("next_u32, one call per draw", ours, reference, sum_ours, sum_reference);

  ours = draws_per_second (draws, [] (uint64_t n) {
      CaseReviewRandom *rng = case_review_random_new (42, 54);
      std::vector<guint32> buffer (4096);
      uint64_t sum = 0;
      for (uint64_t done = 0; done < n; done += buffer.size ())
        {
          case_review_random_fill_u32 (rng, buffer.data (), buffer.size ());
          for (guint32 value : buffer)
            sum += value;
        }
      case_review_random_free (rng);
      return sum;
    }, &sum_ours);
  reference = draws_per_second (draws, [] (uint64_t n) {
      pcg32 rng (42u, 54u);
      std::vector<uint32_t> buffer (4096);
      uint64_t sum = 0;
      for (uint64_t done = 0; done < n; done += buffer.size ())
        {
          for (auto &value : buffer)
            value = rng ();
          for (uint32_t value : buffer)
            sum += value;
        }
      return sum;
    }, &sum_reference);
  report ("fill_u32, 4096 per call", ours, reference, sum_ours, sum_reference);

  ours = draws_per_second (draws, [] (uint64_t n) {
      CaseReviewRandom *rng = case_review_random_new (42, 54);
      uint64_t sum = 0;
      for (uint64_t i = 0; i < n; i++)
        sum += case_review_random_bounded (rng, 350);
      case_review_random_free (rng);
      return sum;
    }, &sum_ours);
  reference = draws_per_second (draws, [] (uint64_t n) {
      pcg32 rng (42u, 54u);
      uint64_t sum = 0;
      for (uint64_t i = 0; i < n; i++)
        sum += rng (350u);
      return sum;
    }, &sum_reference);
  report ("bounded(350), one call per draw", ours, reference, sum_ours, sum_reference);

  return EXIT_SUCCESS;
}
