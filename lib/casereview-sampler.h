/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The draw itself, as docs/sampling-spec.md specifies it. Private. */
#pragma once

#include "casereview-population.h"
#include "casereview-sample.h"
#include "casereview-sampling-plan.h"

G_BEGIN_DECLS

CaseReviewSample *sampler_draw (CaseReviewSamplingPlan  *plan,
                                CaseReviewPopulation    *population,
                                GCancellable            *cancellable,
                                GError                 **error);

/* The consistent-sampler ticket of @id for a seed whose SHA-256 (lowercase
 * hex) is @seed_hash_hex. */
char             *sampler_ticket (const char *seed_hash_hex,
                                  const char *id);

G_END_DECLS
