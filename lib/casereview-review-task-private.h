/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "casereview-review-task.h"

G_BEGIN_DECLS

CaseReviewReviewTask *case_review_review_task_new_internal (const char *case_id,
                                                            const char *agency_id,
                                                            const char *reviewer_id,
                                                            guint       slot);

G_END_DECLS
