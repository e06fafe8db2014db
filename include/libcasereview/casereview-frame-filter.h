/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-enforcement-kind.h>
#include <libcasereview/casereview-case-file.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_FRAME_FILTER (case_review_frame_filter_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewFrameFilter, case_review_frame_filter, CASE_REVIEW, FRAME_FILTER, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewFrameFilter *case_review_frame_filter_new              (void);
CASE_REVIEW_AVAILABLE_IN_0_1
void                   case_review_frame_filter_set_closed_between (CaseReviewFrameFilter           *self,
                                                                  const GDate                     *from,
                                                                  const GDate                     *to);
CASE_REVIEW_AVAILABLE_IN_0_1
const GDate           *case_review_frame_filter_get_closed_from  (CaseReviewFrameFilter           *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const GDate           *case_review_frame_filter_get_closed_to    (CaseReviewFrameFilter           *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                   case_review_frame_filter_set_kinds        (CaseReviewFrameFilter           *self,
                                                                  const CaseReviewEnforcementKind *kinds,
                                                                  gsize                            n_kinds);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean               case_review_frame_filter_includes_kind    (CaseReviewFrameFilter           *self,
                                                                  CaseReviewEnforcementKind        kind);
CASE_REVIEW_AVAILABLE_IN_0_1
void                   case_review_frame_filter_set_agencies     (CaseReviewFrameFilter           *self,
                                                                  const char * const              *agency_ids);
CASE_REVIEW_AVAILABLE_IN_0_1
const char * const    *case_review_frame_filter_get_agencies     (CaseReviewFrameFilter           *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                   case_review_frame_filter_set_excluded_ids (CaseReviewFrameFilter           *self,
                                                                  const char * const              *case_ids);
CASE_REVIEW_AVAILABLE_IN_0_1
const char * const    *case_review_frame_filter_get_excluded_ids (CaseReviewFrameFilter           *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean               case_review_frame_filter_matches          (CaseReviewFrameFilter           *self,
                                                                  CaseReviewCaseFile              *case_file);

G_END_DECLS
