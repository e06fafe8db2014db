/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "casereview-calendar.h"

G_BEGIN_DECLS

/* The working days from @from to @to, both included, in ascending order
 * (GDate, owned by the array); NULL with CASE_REVIEW_ERROR_INVALID when @to
 * is before @from or CASE_REVIEW_ERROR_NOT_FOUND for a year without data. */
GPtrArray *calendar_list_working_days (CaseReviewCalendar  *self,
                                       const GDate         *from,
                                       const GDate         *to,
                                       GError             **error);

G_END_DECLS
