/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-population.h>
#include <libcasereview/casereview-review-task.h>
#include <libcasereview/casereview-reviewer-pool.h>
#include <libcasereview/casereview-sample.h>

G_BEGIN_DECLS

/**
 * CaseReviewAssignmentRules:
 * @CASE_REVIEW_ASSIGNMENT_RULES_NONE: only the rules that always apply: never
 *   a reviewer from the file's own agency, never a declared conflict
 * @CASE_REVIEW_ASSIGNMENT_RULES_AVOID_REGION: never a reviewer from the
 *   region of the file's agency
 * @CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION: only reviewers
 *   qualified for the file's enforcement kind
 *
 * Optional rules of reviewer assignment.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_ASSIGNMENT_RULES_NONE = 0,
  CASE_REVIEW_ASSIGNMENT_RULES_AVOID_REGION = 1 << 0,
  CASE_REVIEW_ASSIGNMENT_RULES_REQUIRE_QUALIFICATION = 1 << 1,
} CaseReviewAssignmentRules;

#define CASE_REVIEW_TYPE_ASSIGNMENT (case_review_assignment_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewAssignment, case_review_assignment, CASE_REVIEW, ASSIGNMENT, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewAssignment     *case_review_assignment_new_draw          (CaseReviewSample          *sample,
                                                                     CaseReviewReviewerPool    *pool,
                                                                     CaseReviewPopulation      *population,
                                                                     guint                      per_file,
                                                                     CaseReviewAssignmentRules  rules,
                                                                     const char                *seed,
                                                                     GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewAssignment     *case_review_assignment_new_from_manifest (const char                *manifest,
                                                                     GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
const char               *case_review_assignment_get_seed          (CaseReviewAssignment      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_assignment_get_per_file      (CaseReviewAssignment      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewAssignmentRules case_review_assignment_get_rules         (CaseReviewAssignment      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                    **case_review_assignment_dup_reviewers_for (CaseReviewAssignment      *self,
                                                                     const char                *case_id);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                     case_review_assignment_get_load          (CaseReviewAssignment      *self,
                                                                     const char                *reviewer_id);
CASE_REVIEW_AVAILABLE_IN_0_1
char                     *case_review_assignment_to_manifest       (CaseReviewAssignment      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_assignment_save_manifest     (CaseReviewAssignment      *self,
                                                                     GFile                     *file,
                                                                     GCancellable              *cancellable,
                                                                     GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                  case_review_assignment_verify            (CaseReviewAssignment      *self,
                                                                     CaseReviewSample          *sample,
                                                                     CaseReviewReviewerPool    *pool,
                                                                     CaseReviewPopulation      *population,
                                                                     GError                   **error);

G_END_DECLS
