/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What evaluations read of a score sheet without copying: its deductions as
 * the rubric's options (borrowed from the sheet's rubric). Private to the
 * library.
 */
#pragma once

#include "casereview-score-sheet.h"

G_BEGIN_DECLS

guint                      case_review_score_sheet_get_n_deductions_internal (CaseReviewScoreSheet *self);
/* The @index-th deduction recorded, with its occurrences. */
CaseReviewRubricDeduction *case_review_score_sheet_get_deduction_internal    (CaseReviewScoreSheet *self,
                                                                              guint                 index,
                                                                              guint                *occurrences);

/* Starts loading the deductions, for a caller about to read many sheets. */
void                       case_review_score_sheet_prefetch_internal         (CaseReviewScoreSheet *self);

G_END_DECLS
