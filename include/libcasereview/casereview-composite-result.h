/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_COMPOSITE_RESULT (case_review_composite_result_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewCompositeResult, case_review_composite_result, CASE_REVIEW, COMPOSITE_RESULT, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
const char         *case_review_composite_result_get_subject_id              (CaseReviewCompositeResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char         *case_review_composite_result_get_subject_name            (CaseReviewCompositeResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint               case_review_composite_result_get_rank                    (CaseReviewCompositeResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint               case_review_composite_result_get_total_hundredths        (CaseReviewCompositeResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
int                 case_review_composite_result_get_component_score_hundredths (CaseReviewCompositeResult *self,
                                                                               const char                *component_id);
CASE_REVIEW_AVAILABLE_IN_0_1
guint               case_review_composite_result_get_component_n_values      (CaseReviewCompositeResult *self,
                                                                              const char                *component_id);
CASE_REVIEW_AVAILABLE_IN_0_1
gint64              case_review_composite_result_get_component_votes         (CaseReviewCompositeResult *self,
                                                                              const char                *component_id);
CASE_REVIEW_AVAILABLE_IN_0_1
const char * const *case_review_composite_result_get_missing_components      (CaseReviewCompositeResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean            case_review_composite_result_is_bottom                   (CaseReviewCompositeResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean            case_review_composite_result_is_below_floor              (CaseReviewCompositeResult *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean            case_review_composite_result_is_flagged                  (CaseReviewCompositeResult *self);

G_END_DECLS
