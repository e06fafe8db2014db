/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-population.h>
#include <libcasereview/casereview-sampled-case.h>
#include <libcasereview/casereview-sample-stratum.h>
#include <libcasereview/casereview-sampling-plan.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_SAMPLE (case_review_sample_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewSample, case_review_sample, CASE_REVIEW, SAMPLE, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewSample       *case_review_sample_new_from_manifest       (const char            *manifest,
                                                                    GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewSample       *case_review_sample_new_from_file           (GFile                 *file,
                                                                    GCancellable          *cancellable,
                                                                    GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewSamplingPlan *case_review_sample_get_plan                (CaseReviewSample      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char             *case_review_sample_get_population_fingerprint (CaseReviewSample   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                   case_review_sample_get_frame_size          (CaseReviewSample      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel             *case_review_sample_get_strata              (CaseReviewSample      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                   case_review_sample_get_n_selected          (CaseReviewSample      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewSampledCase  *case_review_sample_lookup                  (CaseReviewSample      *self,
                                                                    const char            *case_id);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewSampledCase  *case_review_sample_substitute              (CaseReviewSample      *self,
                                                                    const char            *case_id,
                                                                    const char            *reason,
                                                                    GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char                   *case_review_sample_to_manifest             (CaseReviewSample      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                case_review_sample_save_manifest           (CaseReviewSample      *self,
                                                                    GFile                 *file,
                                                                    GCancellable          *cancellable,
                                                                    GError               **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                case_review_sample_verify                  (CaseReviewSample      *self,
                                                                    CaseReviewPopulation  *population,
                                                                    GCancellable          *cancellable,
                                                                    GError               **error);

G_END_DECLS
