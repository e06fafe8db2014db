/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib.h>

/* The library is built with hidden visibility: only declarations carrying one
 * of these macros are exported. */
#if defined(_WIN32)
# ifdef CASE_REVIEW_COMPILATION
#  define _CASE_REVIEW_EXTERN __declspec(dllexport) extern
# else
#  define _CASE_REVIEW_EXTERN __declspec(dllimport) extern
# endif
#else
# define _CASE_REVIEW_EXTERN __attribute__((visibility ("default"))) extern
#endif

/* Every public symbol appeared in 0.1, the first release. Later releases add
 * CASE_REVIEW_AVAILABLE_IN_x_y macros beside this one so that applications can
 * be warned when they use API newer than they require. */
#define CASE_REVIEW_AVAILABLE_IN_ALL _CASE_REVIEW_EXTERN
#define CASE_REVIEW_AVAILABLE_IN_0_1 _CASE_REVIEW_EXTERN
