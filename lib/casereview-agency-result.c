/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewAgencyResult:
 *
 * One agency's results in a [class@CaseReview.Evaluation]: how many files,
 * mean, median and total score, 优秀率 and 合格率, 不合格 count, veto counts
 * by code, per-kind means, the most frequent deductions, the agency's grade
 * and rank, and, because the files are a sample, an exact upper bound on the
 * share of its files that are 不合格.
 *
 * Since: 0.1
 */
#include "config.h"

#include <string.h>

#include "casereview-results-private.h"

struct _CaseReviewAgencyResult
{
  GObject parent_instance;
  AgencyResultData data;
};

G_DEFINE_FINAL_TYPE (CaseReviewAgencyResult, case_review_agency_result, G_TYPE_OBJECT)

static void
case_review_agency_result_finalize (GObject *object)
{
  CaseReviewAgencyResult *self = CASE_REVIEW_AGENCY_RESULT (object);

  g_free (self->data.agency_id);
  g_clear_pointer (&self->data.veto_counts, g_hash_table_unref);
  g_strfreev (self->data.frequent_deductions);

  G_OBJECT_CLASS (case_review_agency_result_parent_class)->finalize (object);
}

static void
case_review_agency_result_class_init (CaseReviewAgencyResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_agency_result_finalize;
}

static void
case_review_agency_result_init (CaseReviewAgencyResult *self)
{
}

CaseReviewAgencyResult *
case_review_agency_result_new_internal (AgencyResultData *data)
{
  CaseReviewAgencyResult *self = g_object_new (CASE_REVIEW_TYPE_AGENCY_RESULT, NULL);

  self->data = *data;
  if (self->data.frequent_deductions == NULL)
    self->data.frequent_deductions = g_new0 (char *, 1);
  if (self->data.veto_counts == NULL)
    self->data.veto_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

/**
 * case_review_agency_result_get_agency_id:
 * @self: an agency result
 *
 * The agency.
 *
 * Returns: the agency id
 *
 * Since: 0.1
 */
const char *
case_review_agency_result_get_agency_id (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), NULL);
  return self->data.agency_id;
}

/**
 * case_review_agency_result_get_rank:
 * @self: an agency result
 *
 * The agency's place in the ranking, from 1: by mean score (higher first), then total, then fewer 不合格 files, then agency id.
 *
 * Returns: the rank
 *
 * Since: 0.1
 */
guint
case_review_agency_result_get_rank (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.rank;
}

/**
 * case_review_agency_result_get_n_files:
 * @self: an agency result
 *
 * How many of the agency's files have a result.
 *
 * Returns: the number of files
 *
 * Since: 0.1
 */
guint
case_review_agency_result_get_n_files (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.n_files;
}

/**
 * case_review_agency_result_get_population_size:
 * @self: an agency result
 *
 * N: how many case files the agency has in the frame.
 *
 * Returns: the frame size
 *
 * Since: 0.1
 */
guint
case_review_agency_result_get_population_size (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.population_size;
}

/**
 * case_review_agency_result_get_mean_hundredths:
 * @self: an agency result
 *
 * The mean of the files' scores in hundredths of a point, rounded half up.
 *
 * Returns: the mean ×100
 *
 * Since: 0.1
 */
guint
case_review_agency_result_get_mean_hundredths (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.mean;
}

/**
 * case_review_agency_result_get_mean:
 * @self: an agency result
 *
 * The mean score in points.
 *
 * Returns: the mean, with two decimals
 *
 * Since: 0.1
 */
double
case_review_agency_result_get_mean (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.mean / 100.0;
}

/**
 * case_review_agency_result_get_median_hundredths:
 * @self: an agency result
 *
 * The median of the files' scores in hundredths of a point (the mean of the two middle ones, rounded half up, for an even count).
 *
 * Returns: the median ×100
 *
 * Since: 0.1
 */
guint
case_review_agency_result_get_median_hundredths (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.median;
}

/**
 * case_review_agency_result_get_total_hundredths:
 * @self: an agency result
 *
 * The sum of the files' scores in hundredths of a point.
 *
 * Returns: the total ×100
 *
 * Since: 0.1
 */
guint64
case_review_agency_result_get_total_hundredths (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.total;
}

/**
 * case_review_agency_result_get_n_excellent:
 * @self: an agency result
 *
 * How many files are 优秀.
 *
 * Returns: the count
 *
 * Since: 0.1
 */
guint
case_review_agency_result_get_n_excellent (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.n_excellent;
}

/**
 * case_review_agency_result_get_n_passed:
 * @self: an agency result
 *
 * How many files are not 不合格.
 *
 * Returns: the count
 *
 * Since: 0.1
 */
guint
case_review_agency_result_get_n_passed (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.n_passed;
}

/**
 * case_review_agency_result_get_n_failed:
 * @self: an agency result
 *
 * How many files are 不合格.
 *
 * Returns: the count
 *
 * Since: 0.1
 */
guint
case_review_agency_result_get_n_failed (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.n_failed;
}

/**
 * case_review_agency_result_get_excellent_rate:
 * @self: an agency result
 *
 * 优秀率: the share of files that are 优秀.
 *
 * Returns: a fraction from 0 to 1
 *
 * Since: 0.1
 */
double
case_review_agency_result_get_excellent_rate (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.n_files ? (double) self->data.n_excellent / self->data.n_files : 0;
}

/**
 * case_review_agency_result_get_pass_rate:
 * @self: an agency result
 *
 * 合格率: the share of files that are not 不合格.
 *
 * Returns: a fraction from 0 to 1
 *
 * Since: 0.1
 */
double
case_review_agency_result_get_pass_rate (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.n_files ? (double) self->data.n_passed / self->data.n_files : 0;
}

/**
 * case_review_agency_result_get_grade:
 * @self: an agency result
 *
 * The agency's grade: the rubric's bands on the mean score, where 优秀 also needs every file to pass (and the evaluation's minimum 优秀率).
 *
 * Returns: the grade
 *
 * Since: 0.1
 */
CaseReviewGrade
case_review_agency_result_get_grade (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), CASE_REVIEW_GRADE_FAIL);
  return self->data.grade;
}

/**
 * case_review_agency_result_get_frequent_deductions:
 * @self: an agency result
 *
 * The deduction codes found most often in the agency's files (by occurrences, then code), at most five.
 *
 * Returns: (transfer none) (array zero-terminated=1): deduction codes
 *
 * Since: 0.1
 */
const char * const *
case_review_agency_result_get_frequent_deductions (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), NULL);
  return (const char * const *) self->data.frequent_deductions;
}

/**
 * case_review_agency_result_get_noncompliance_upper:
 * @self: an agency result
 *
 * The exact upper confidence limit (hypergeometric, with the agency's frame size) on the share of the agency's files that are 不合格, at the evaluation's confidence.
 *
 * Returns: a fraction from 0 to 1
 *
 * Since: 0.1
 */
double
case_review_agency_result_get_noncompliance_upper (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.noncompliance_upper;
}

/**
 * case_review_agency_result_get_noncompliance_upper_count:
 * @self: an agency result
 *
 * The upper confidence limit on the number of the agency's files that are 不合格.
 *
 * Returns: the count
 *
 * Since: 0.1
 */
guint64
case_review_agency_result_get_noncompliance_upper_count (CaseReviewAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  return self->data.noncompliance_upper_count;
}

/**
 * case_review_agency_result_get_veto_count:
 * @self: an agency result
 * @veto_code: a veto code, e.g. "V04"
 *
 * How many of the agency's files carry a veto.
 *
 * Returns: the count
 *
 * Since: 0.1
 */
guint
case_review_agency_result_get_veto_count (CaseReviewAgencyResult *self,
                                          const char             *veto_code)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  g_return_val_if_fail (veto_code != NULL, 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->data.veto_counts, veto_code));
}

/**
 * case_review_agency_result_dup_veto_codes:
 * @self: an agency result
 *
 * The vetoes found in the agency's files.
 *
 * Returns: (transfer full) (array zero-terminated=1): veto codes, sorted
 *
 * Since: 0.1
 */
char **
case_review_agency_result_dup_veto_codes (CaseReviewAgencyResult *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) codes = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), NULL);

  codes = g_list_sort (g_hash_table_get_keys (self->data.veto_counts), (GCompareFunc) strcmp);
  for (GList *l = codes; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  return g_strv_builder_end (builder);
}

/**
 * case_review_agency_result_get_kind_mean_hundredths:
 * @self: an agency result
 * @kind: an enforcement kind
 *
 * The mean score of the agency's files of one kind, in hundredths of a point.
 *
 * Returns: the mean ×100, 0 when there are none
 *
 * Since: 0.1
 */
guint
case_review_agency_result_get_kind_mean_hundredths (CaseReviewAgencyResult    *self,
                                                    CaseReviewEnforcementKind  kind)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  g_return_val_if_fail ((guint) kind < CASE_REVIEW_N_ENFORCEMENT_KINDS, 0);
  return self->data.kind_mean[kind];
}

/**
 * case_review_agency_result_get_kind_n_files:
 * @self: an agency result
 * @kind: an enforcement kind
 *
 * How many of the agency's files of one kind have a result.
 *
 * Returns: the count
 *
 * Since: 0.1
 */
guint
case_review_agency_result_get_kind_n_files (CaseReviewAgencyResult    *self,
                                            CaseReviewEnforcementKind  kind)
{
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY_RESULT (self), 0);
  g_return_val_if_fail ((guint) kind < CASE_REVIEW_N_ENFORCEMENT_KINDS, 0);
  return self->data.kind_n[kind];
}
