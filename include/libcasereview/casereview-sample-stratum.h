/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_SAMPLE_STRATUM (case_review_sample_stratum_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewSampleStratum, case_review_sample_stratum, CASE_REVIEW, SAMPLE_STRATUM, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
const char *case_review_sample_stratum_get_key             (CaseReviewSampleStratum *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint       case_review_sample_stratum_get_population_size (CaseReviewSampleStratum *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint       case_review_sample_stratum_get_allocated       (CaseReviewSampleStratum *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint       case_review_sample_stratum_get_n_certainty     (CaseReviewSampleStratum *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint       case_review_sample_stratum_get_n_selected      (CaseReviewSampleStratum *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint       case_review_sample_stratum_get_n_reserves      (CaseReviewSampleStratum *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean    case_review_sample_stratum_is_take_all         (CaseReviewSampleStratum *self);

G_END_DECLS
