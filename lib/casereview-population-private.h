/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "casereview-case-store.h"
#include "casereview-population.h"

G_BEGIN_DECLS

/* The population's storage, for the sampler to read without making objects. */
CaseStore *case_review_population_peek_store (CaseReviewPopulation *self);

G_END_DECLS
