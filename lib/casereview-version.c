/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "casereview-version.h"

/**
 * case_review_get_version:
 *
 * The version of the libcasereview the program is running against, which may
 * differ from the headers it was compiled with ([const@CaseReview.VERSION_S]).
 *
 * Returns: the run-time version as "MAJOR.MINOR.MICRO"
 *
 * Since: 0.1
 */
const char *
case_review_get_version (void)
{
  return CASE_REVIEW_VERSION_S;
}

/**
 * case_review_get_major_version:
 *
 * The major version of the libcasereview the program is running against.
 *
 * Returns: the run-time major version
 *
 * Since: 0.1
 */
guint
case_review_get_major_version (void)
{
  return CASE_REVIEW_MAJOR_VERSION;
}

/**
 * case_review_get_minor_version:
 *
 * The minor version of the libcasereview the program is running against.
 *
 * Returns: the run-time minor version
 *
 * Since: 0.1
 */
guint
case_review_get_minor_version (void)
{
  return CASE_REVIEW_MINOR_VERSION;
}

/**
 * case_review_get_micro_version:
 *
 * The micro version of the libcasereview the program is running against.
 *
 * Returns: the run-time micro version
 *
 * Since: 0.1
 */
guint
case_review_get_micro_version (void)
{
  return CASE_REVIEW_MICRO_VERSION;
}

/**
 * case_review_check_version:
 * @major: required major version
 * @minor: required minor version
 * @micro: required micro version
 *
 * Run-time check that the library is at least the given version, for
 * programs that load it dynamically (through GObject-Introspection, say).
 *
 * Returns: %TRUE if the run-time version is @major.@minor.@micro or newer
 *
 * Since: 0.1
 */
gboolean
case_review_check_version (guint major,
                           guint minor,
                           guint micro)
{
  /* Packed comparison: the macro would compare unsigned arguments with
   * constants that may be 0, which -Wtype-limits rightly flags. */
  guint64 running = ((guint64) CASE_REVIEW_MAJOR_VERSION << 42) |
                    ((guint64) CASE_REVIEW_MINOR_VERSION << 21) |
                    (guint64) CASE_REVIEW_MICRO_VERSION;
  guint64 required = ((guint64) MIN (major, 0x1fffffu) << 42) |
                     ((guint64) MIN (minor, 0x1fffffu) << 21) |
                     (guint64) MIN (micro, 0x1fffffu);

  return running >= required;
}
