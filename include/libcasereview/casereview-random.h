/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_RANDOM (case_review_random_get_type ())

typedef struct _CaseReviewRandom CaseReviewRandom;

CASE_REVIEW_AVAILABLE_IN_0_1
GType             case_review_random_get_type        (void) G_GNUC_CONST;

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRandom *case_review_random_new             (guint64                 initstate,
                                                      guint64                 initseq);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRandom *case_review_random_new_from_halves (guint32                 initstate_high,
                                                      guint32                 initstate_low,
                                                      guint32                 initseq_high,
                                                      guint32                 initseq_low);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRandom *case_review_random_new_from_hex    (const char             *initstate,
                                                      const char             *initseq,
                                                      GError                **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRandom *case_review_random_new_from_seed   (const char             *seed,
                                                      const char             *stream,
                                                      GError                **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewRandom *case_review_random_copy            (const CaseReviewRandom *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void              case_review_random_free            (CaseReviewRandom       *self);

CASE_REVIEW_AVAILABLE_IN_0_1
guint32           case_review_random_next_u32        (CaseReviewRandom       *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint32           case_review_random_bounded         (CaseReviewRandom       *self,
                                                      guint32                 bound);
CASE_REVIEW_AVAILABLE_IN_0_1
double            case_review_random_next_double     (CaseReviewRandom       *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void              case_review_random_advance         (CaseReviewRandom       *self,
                                                      guint64                 delta);
CASE_REVIEW_AVAILABLE_IN_0_1
void              case_review_random_fill_u32        (CaseReviewRandom       *self,
                                                      guint32                *values,
                                                      gsize                   n_values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaseReviewRandom, case_review_random_free)

G_END_DECLS
