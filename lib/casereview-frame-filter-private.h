/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "casereview-frame-filter.h"

G_BEGIN_DECLS

/* The test behind case_review_frame_filter_matches() on plain fields, so a
 * population can filter its compact rows without creating objects. */
gboolean case_review_frame_filter_matches_fields (CaseReviewFrameFilter     *self,
                                                  const char                *case_id,
                                                  const char                *agency_id,
                                                  CaseReviewEnforcementKind  kind,
                                                  guint32                    closed_on_julian);

G_END_DECLS
