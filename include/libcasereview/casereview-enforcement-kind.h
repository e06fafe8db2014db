/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CaseReviewEnforcementKind:
 * @CASE_REVIEW_ENFORCEMENT_KIND_PENALTY: administrative penalty (行政处罚)
 * @CASE_REVIEW_ENFORCEMENT_KIND_COERCION: administrative coercion (行政强制)
 * @CASE_REVIEW_ENFORCEMENT_KIND_INSPECTION: administrative inspection (行政检查)
 * @CASE_REVIEW_ENFORCEMENT_KIND_LICENSING: administrative licensing (行政许可)
 * @CASE_REVIEW_ENFORCEMENT_KIND_OTHER: any other enforcement act (其他)
 *
 * The kind of enforcement act a case file records. Review rubrics differ by
 * kind, and plans can stratify or filter by it.
 *
 * The machine name of each kind (its GEnum nick: "penalty", "coercion", …)
 * is what CSV and JSON files use; [func@CaseReview.EnforcementKind.get_label]
 * and [func@CaseReview.EnforcementKind.get_english_label] give display labels.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_ENFORCEMENT_KIND_PENALTY,
  CASE_REVIEW_ENFORCEMENT_KIND_COERCION,
  CASE_REVIEW_ENFORCEMENT_KIND_INSPECTION,
  CASE_REVIEW_ENFORCEMENT_KIND_LICENSING,
  CASE_REVIEW_ENFORCEMENT_KIND_OTHER,
} CaseReviewEnforcementKind;

/**
 * CASE_REVIEW_N_ENFORCEMENT_KINDS:
 *
 * The number of values of [enum@CaseReview.EnforcementKind].
 *
 * Since: 0.1
 */
#define CASE_REVIEW_N_ENFORCEMENT_KINDS 5

CASE_REVIEW_AVAILABLE_IN_0_1
const char *case_review_enforcement_kind_get_name          (CaseReviewEnforcementKind  kind);
CASE_REVIEW_AVAILABLE_IN_0_1
const char *case_review_enforcement_kind_get_label         (CaseReviewEnforcementKind  kind);
CASE_REVIEW_AVAILABLE_IN_0_1
const char *case_review_enforcement_kind_get_english_label (CaseReviewEnforcementKind  kind);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean    case_review_enforcement_kind_parse             (const char                *text,
                                                            CaseReviewEnforcementKind *out_kind);

G_END_DECLS
