/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "casereview-sampling-plan.h"

G_BEGIN_DECLS

double                  case_review_sampling_plan_expected_rate_for  (CaseReviewSamplingPlan *self,
                                                                      const char             *stratum);
JsonNode               *case_review_sampling_plan_to_json_node       (CaseReviewSamplingPlan *self);
CaseReviewSamplingPlan *case_review_sampling_plan_new_from_json_node (JsonNode               *root,
                                                                      const char             *path,
                                                                      GError                **error);

G_END_DECLS
