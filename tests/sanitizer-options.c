/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Sanitizer settings compiled into the GoogleTest programs of a sanitizer
 * build. gtest_discover_tests cannot pass an environment with several
 * variables to the tests it discovers (CMake 3.25 splits the list into
 * properties), so the programs carry the settings themselves: leaks
 * reported with the suppressions in tests/lsan.supp, UBSan fatal.
 * LSAN_OPTIONS and UBSAN_OPTIONS in the environment still take precedence.
 */
const char *__lsan_default_options (void);
const char *__ubsan_default_options (void);

const char *
__lsan_default_options (void)
{
  return "suppressions=" CASE_REVIEW_LSAN_SUPPRESSIONS ":print_suppressions=0";
}

const char *
__ubsan_default_options (void)
{
  return "print_stacktrace=1:halt_on_error=1";
}
