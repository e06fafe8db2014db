/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-enforcement-kind.h>
#include <libcasereview/casereview-rubric-item.h>
#include <libcasereview/casereview-rubric-deduction.h>
#include <libcasereview/casereview-rubric-veto.h>

G_BEGIN_DECLS

/**
 * CaseReviewGrade:
 * @CASE_REVIEW_GRADE_EXCELLENT: 优秀
 * @CASE_REVIEW_GRADE_GOOD: 良好 (not used by the three-band scheme)
 * @CASE_REVIEW_GRADE_PASS: 合格
 * @CASE_REVIEW_GRADE_FAIL: 不合格, also any file with a legality veto
 *
 * The grade of a case file or an agency.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_GRADE_EXCELLENT,
  CASE_REVIEW_GRADE_GOOD,
  CASE_REVIEW_GRADE_PASS,
  CASE_REVIEW_GRADE_FAIL,
} CaseReviewGrade;

/**
 * CaseReviewGradeScheme:
 * @CASE_REVIEW_GRADE_SCHEME_FOUR_BAND: 优秀 ≥ 90, 良好 80–<90, 合格 60–<80,
 *   不合格 < 60 (the bounds are the rubric's)
 * @CASE_REVIEW_GRADE_SCHEME_THREE_BAND: 优秀 ≥ 90, 合格 60–<90, 不合格 < 60
 *
 * How scores map to grades.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_GRADE_SCHEME_FOUR_BAND,
  CASE_REVIEW_GRADE_SCHEME_THREE_BAND,
} CaseReviewGradeScheme;

/**
 * CaseReviewNotApplicablePolicy:
 * @CASE_REVIEW_NOT_APPLICABLE_POLICY_DROP: items that do not apply to a file
 *   leave the denominator: score = 100 × earned ÷ applicable maximum
 * @CASE_REVIEW_NOT_APPLICABLE_POLICY_FULL_MARKS: items that do not apply
 *   count as full marks
 *
 * How a rubric scores items that do not apply to a file (no hearing held).
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_NOT_APPLICABLE_POLICY_DROP,
  CASE_REVIEW_NOT_APPLICABLE_POLICY_FULL_MARKS,
} CaseReviewNotApplicablePolicy;

#define CASE_REVIEW_TYPE_RUBRIC (case_review_rubric_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewRubric, case_review_rubric, CASE_REVIEW, RUBRIC, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRubric              *case_review_rubric_new_from_json           (const char                *json,
                                                                           GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRubric              *case_review_rubric_new_from_file           (GFile                     *file,
                                                                           GCancellable              *cancellable,
                                                                           GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRubric              *case_review_rubric_get_default             (void);
CASE_REVIEW_AVAILABLE_IN_0_1
char                          *case_review_rubric_to_json                 (CaseReviewRubric          *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                    *case_review_rubric_get_id                  (CaseReviewRubric          *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                    *case_review_rubric_get_title               (CaseReviewRubric          *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                    *case_review_rubric_get_english_title       (CaseReviewRubric          *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewGradeScheme          case_review_rubric_get_grade_scheme        (CaseReviewRubric          *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewNotApplicablePolicy  case_review_rubric_get_not_applicable_policy (CaseReviewRubric        *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                       case_review_rubric_covers_kind             (CaseReviewRubric          *self,
                                                                           CaseReviewEnforcementKind  kind);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel                    *case_review_rubric_get_items               (CaseReviewRubric          *self,
                                                                           CaseReviewEnforcementKind  kind);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel                    *case_review_rubric_get_vetoes              (CaseReviewRubric          *self,
                                                                           CaseReviewEnforcementKind  kind);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRubricItem          *case_review_rubric_lookup_item             (CaseReviewRubric          *self,
                                                                           CaseReviewEnforcementKind  kind,
                                                                           const char                *code);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRubricDeduction     *case_review_rubric_lookup_deduction        (CaseReviewRubric          *self,
                                                                           CaseReviewEnforcementKind  kind,
                                                                           const char                *code);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRubricVeto          *case_review_rubric_lookup_veto             (CaseReviewRubric          *self,
                                                                           CaseReviewEnforcementKind  kind,
                                                                           const char                *code);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                          case_review_rubric_get_band_minimum        (CaseReviewRubric          *self,
                                                                           CaseReviewGrade            grade);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewGrade                case_review_rubric_grade_for_score         (CaseReviewRubric          *self,
                                                                           guint                      score_hundredths,
                                                                           gboolean                   vetoed);

CASE_REVIEW_AVAILABLE_IN_0_1
const char                    *case_review_grade_get_name                 (CaseReviewGrade            grade);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                    *case_review_grade_get_label                (CaseReviewGrade            grade);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                    *case_review_grade_get_english_label        (CaseReviewGrade            grade);

G_END_DECLS
