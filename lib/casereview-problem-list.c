/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "casereview-problem-list.h"

void
problem_list_init (ProblemList *list,
                   GPtrArray   *problems,
                   guint        limit)
{
  list->problems = problems;
  list->limit = MAX (limit, 1);
}

/* Returns whether the caller may go on looking for more problems. */
gboolean
problem_list_add (ProblemList     *list,
                  CaseReviewError  code,
                  const char      *format,
                  ...)
{
  va_list args;

  if (problem_list_is_full (list))
    return FALSE;

  va_start (args, format);
  g_ptr_array_add (list->problems, g_error_new_valist (CASE_REVIEW_ERROR, code, format, args));
  va_end (args);

  return !problem_list_is_full (list);
}

gboolean
problem_list_is_full (ProblemList *list)
{
  return list->problems->len >= list->limit;
}

gboolean
problem_list_is_empty (ProblemList *list)
{
  return list->problems->len == 0;
}

/* One error with the first problem's code and every problem on its own line. */
void
problem_list_to_error (ProblemList  *list,
                       GError      **error)
{
  g_autoptr(GString) message = g_string_new (NULL);
  const GError *first;

  g_return_if_fail (list->problems->len > 0);

  first = g_ptr_array_index (list->problems, 0);
  for (guint i = 0; i < list->problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (list->problems, i);

      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, problem->message);
    }
  if (list->problems->len > 1 && problem_list_is_full (list))
    g_string_append_printf (message, "\n%s",
                            _("(stopped after this many problems; raise the limit to see more)"));

  g_set_error_literal (error, first->domain, first->code, message->str);
}
