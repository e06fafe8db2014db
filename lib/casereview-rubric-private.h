/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "casereview-rubric.h"

G_BEGIN_DECLS

/* The JSON format's identification (docs/rubric-format.md). */
#define CASE_REVIEW_RUBRIC_FORMAT "libcasereview-rubric"
#define CASE_REVIEW_RUBRIC_VERSION 1

/* Where the bundled default rubric lives in the library's own GResource
 * (lib/casereview-rubric.gresource.xml). */
#define CASE_REVIEW_RUBRIC_DEFAULT_RESOURCE "/org/libcasereview/rubric/default-rubric.json"

/* Rubrics, items, deductions and vetoes are immutable once built; only the
 * reader (casereview-rubric-json.c) builds them, with these. */

CaseReviewRubricDeduction *case_review_rubric_deduction_new_internal (const char                *code,
                                                                      const char                *item_code,
                                                                      const char                *text,
                                                                      const char                *english_text,
                                                                      guint                      points_tenths,
                                                                      guint                      max_occurrences);

CaseReviewRubricItem      *case_review_rubric_item_new_internal      (CaseReviewEnforcementKind  kind,
                                                                      const char                *code,
                                                                      const char                *title,
                                                                      const char                *english_title,
                                                                      guint                      max_tenths);
void                       case_review_rubric_item_add_deduction     (CaseReviewRubricItem      *self,
                                                                      CaseReviewRubricDeduction *deduction);

/* @common: the veto applies to every kind; otherwise only to @kind. */
CaseReviewRubricVeto      *case_review_rubric_veto_new_internal      (const char                *code,
                                                                      const char                *text,
                                                                      const char                *english_text,
                                                                      const char                *basis,
                                                                      gboolean                   common,
                                                                      CaseReviewEnforcementKind  kind);

CaseReviewRubric          *case_review_rubric_new_internal           (const char                *id,
                                                                      const char                *title,
                                                                      const char                *english_title,
                                                                      CaseReviewNotApplicablePolicy policy,
                                                                      CaseReviewGradeScheme      scheme,
                                                                      guint                      excellent_hundredths,
                                                                      guint                      good_hundredths,
                                                                      guint                      pass_hundredths);
/* Common vetoes first, then each kind's table (its vetoes, then its items,
 * in file order). */
void                       case_review_rubric_add_common_veto        (CaseReviewRubric          *self,
                                                                      CaseReviewRubricVeto      *veto);
void                       case_review_rubric_add_kind               (CaseReviewRubric          *self,
                                                                      CaseReviewEnforcementKind  kind);
void                       case_review_rubric_add_kind_veto          (CaseReviewRubric          *self,
                                                                      CaseReviewEnforcementKind  kind,
                                                                      CaseReviewRubricVeto      *veto);
void                       case_review_rubric_add_item               (CaseReviewRubric          *self,
                                                                      CaseReviewEnforcementKind  kind,
                                                                      CaseReviewRubricItem      *item);
/* The maxima of @kind's items summed, in tenths (1000 in a valid rubric). */
guint                      case_review_rubric_get_kind_max_tenths_internal (CaseReviewRubric          *self,
                                                                            CaseReviewEnforcementKind  kind);
GListModel                *case_review_rubric_get_common_vetoes      (CaseReviewRubric          *self);
GListModel                *case_review_rubric_get_kind_vetoes        (CaseReviewRubric          *self,
                                                                      CaseReviewEnforcementKind  kind);

/* casereview-rubric-json.c */
CaseReviewRubric          *case_review_rubric_read_json              (const char                *json,
                                                                      gssize                     length,
                                                                      const char                *source,
                                                                      GError                   **error);
char                      *case_review_rubric_write_json             (CaseReviewRubric          *self);

/* The resource compiled from lib/casereview-rubric.gresource.xml. */
G_GNUC_INTERNAL
GResource                 *case_review_rubric_resource_get_resource  (void);

G_END_DECLS
