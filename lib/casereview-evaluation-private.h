/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What the evaluation's CSV import needs of the evaluation besides its public
 * API. Private to the library.
 */
#pragma once

#include "casereview-evaluation.h"

G_BEGIN_DECLS

CaseReviewPopulation *case_review_evaluation_get_population_internal (CaseReviewEvaluation  *self);
gboolean              case_review_evaluation_check_sheet_internal    (CaseReviewEvaluation  *self,
                                                                      CaseReviewScoreSheet  *sheet,
                                                                      GError               **error);
void                  case_review_evaluation_add_checked_sheet_internal (CaseReviewEvaluation *self,
                                                                         CaseReviewScoreSheet *sheet);
gboolean              case_review_evaluation_load_sheets_csv_internal (CaseReviewEvaluation    *self,
                                                                       GFile                   *file,
                                                                       CaseReviewTextEncoding   encoding,
                                                                       GCancellable            *cancellable,
                                                                       GError                 **error);

G_END_DECLS

G_BEGIN_DECLS

/* The sheets recorded for @case_id (CaseReviewScoreSheet), or NULL. */
GPtrArray            *case_review_evaluation_get_sheets_internal     (CaseReviewEvaluation  *self,
                                                                      const char            *case_id);
/* The sheets that decide a file's result: its re-review sheets if any, else
 * its initial ones (a new array of borrowed sheets). */
GPtrArray            *case_review_evaluation_deciding_sheets_internal (GPtrArray            *sheets,
                                                                       gboolean             *rereviewed);

G_END_DECLS
