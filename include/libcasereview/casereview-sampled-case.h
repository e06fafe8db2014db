/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CaseReviewSampleRole:
 * @CASE_REVIEW_SAMPLE_ROLE_PRIMARY: drawn at random (or taken because its
 *   stratum or its size required it) to be reviewed
 * @CASE_REVIEW_SAMPLE_ROLE_CERTAINTY: always included because it carries a
 *   certainty flag (a major case, a complaint, lost litigation)
 * @CASE_REVIEW_SAMPLE_ROLE_RESERVE: drawn after the primary units, to replace
 *   a file that cannot be reviewed
 * @CASE_REVIEW_SAMPLE_ROLE_SUBSTITUTE: a reserve that replaced a missing file
 * @CASE_REVIEW_SAMPLE_ROLE_MISSING: a primary or certainty file that could not
 *   be reviewed and was replaced
 *
 * What a case file is in a sample.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_SAMPLE_ROLE_PRIMARY,
  CASE_REVIEW_SAMPLE_ROLE_CERTAINTY,
  CASE_REVIEW_SAMPLE_ROLE_RESERVE,
  CASE_REVIEW_SAMPLE_ROLE_SUBSTITUTE,
  CASE_REVIEW_SAMPLE_ROLE_MISSING,
} CaseReviewSampleRole;

#define CASE_REVIEW_TYPE_SAMPLED_CASE (case_review_sampled_case_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewSampledCase, case_review_sampled_case, CASE_REVIEW, SAMPLED_CASE, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
const char          *case_review_sampled_case_get_case_id               (CaseReviewSampledCase *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char          *case_review_sampled_case_get_agency_id             (CaseReviewSampledCase *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char          *case_review_sampled_case_get_stratum               (CaseReviewSampledCase *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewSampleRole case_review_sampled_case_get_role                  (CaseReviewSampledCase *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                case_review_sampled_case_get_draw_index            (CaseReviewSampledCase *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double               case_review_sampled_case_get_inclusion_probability (CaseReviewSampledCase *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char          *case_review_sampled_case_get_ticket                (CaseReviewSampledCase *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char          *case_review_sampled_case_get_replaces              (CaseReviewSampledCase *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char          *case_review_sampled_case_get_reason                (CaseReviewSampledCase *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char          *case_review_sample_role_get_name                   (CaseReviewSampleRole   role);

G_END_DECLS
