/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Constructors the sampler and the manifest reader use. Private. */
#pragma once

#include "casereview-sample.h"
#include "casereview-sampled-case.h"
#include "casereview-sample-stratum.h"

G_BEGIN_DECLS

CaseReviewSampledCase   *case_review_sampled_case_new_internal  (const char            *case_id,
                                                                 const char            *agency_id,
                                                                 const char            *stratum,
                                                                 CaseReviewSampleRole   role,
                                                                 guint                  draw_index,
                                                                 double                 inclusion_probability,
                                                                 const char            *ticket);
void                     case_review_sampled_case_set_substitution (CaseReviewSampledCase *self,
                                                                 CaseReviewSampleRole   role,
                                                                 const char            *replaces,
                                                                 const char            *reason);
gboolean                 case_review_sample_role_parse          (const char            *name,
                                                                 CaseReviewSampleRole  *out_role);

CaseReviewSampleStratum *case_review_sample_stratum_new_internal (const char           *key,
                                                                 guint                  population_size,
                                                                 guint                  allocated,
                                                                 guint                  n_certainty,
                                                                 guint                  n_selected,
                                                                 guint                  n_reserves,
                                                                 gboolean               take_all);

/* Takes ownership of @units (CaseReviewSampledCase) and @strata. */
CaseReviewSample        *case_review_sample_new_internal        (CaseReviewSamplingPlan *plan,
                                                                 const char            *population_fingerprint,
                                                                 guint                  population_size,
                                                                 guint                  frame_size,
                                                                 GPtrArray             *units,
                                                                 GPtrArray             *strata);

G_END_DECLS
