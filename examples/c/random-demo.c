/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Prints the library version and the first five draws below 100 from the
 * stream "demo" of the seed "罗湖区2020". The Python and GJS examples print
 * the same lines.
 *
 * Build outside the source tree:
 *   cc random-demo.c $(pkg-config --cflags --libs libcasereview-1)
 */
#include <stdio.h>
#include <stdlib.h>

#include <libcasereview/casereview.h>

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaseReviewRandom) rng = NULL;
  const char *seed = "罗湖区2020";
  const char *stream = "demo";

  rng = case_review_random_new_from_seed (seed, stream, &error);
  if (rng == NULL)
    {
      fprintf (stderr, "random-demo: %s\n", error->message);
      return EXIT_FAILURE;
    }

  printf ("libcasereview %s\n", case_review_get_version ());
  printf ("seed %s stream %s:", seed, stream);
  for (int i = 0; i < 5; i++)
    printf (" %u", case_review_random_bounded (rng, 100));
  printf ("\n");

  return EXIT_SUCCESS;
}
