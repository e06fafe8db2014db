/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Collects located problems found in an input (up to a limit), so that one
 * import can report every bad line of a large file at once, and combines
 * them into one GError. Private to the library.
 */
#pragma once

#include <glib.h>

#include "casereview-error.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *problems;   /* GError; owned by the caller */
  guint      limit;
} ProblemList;

void     problem_list_init     (ProblemList     *list,
                                GPtrArray       *problems,
                                guint            limit);
gboolean problem_list_add      (ProblemList     *list,
                                CaseReviewError  code,
                                const char      *format,
                                ...) G_GNUC_PRINTF (3, 4);
gboolean problem_list_is_full  (ProblemList     *list);
gboolean problem_list_is_empty (ProblemList     *list);
void     problem_list_to_error (ProblemList     *list,
                                GError         **error);

G_END_DECLS
