/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewSampleStratum:
 *
 * One stratum of a [class@CaseReview.Sample]: its key, its size in the
 * frame, how many files the plan allocated to it, and how many were drawn.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-sample-private.h"

struct _CaseReviewSampleStratum
{
  GObject parent_instance;

  char *key;
  guint population_size;
  guint allocated;
  guint n_certainty;
  guint n_selected;
  guint n_reserves;
  gboolean take_all;
};

G_DEFINE_FINAL_TYPE (CaseReviewSampleStratum, case_review_sample_stratum, G_TYPE_OBJECT)

static void
case_review_sample_stratum_finalize (GObject *object)
{
  g_free (CASE_REVIEW_SAMPLE_STRATUM (object)->key);

  G_OBJECT_CLASS (case_review_sample_stratum_parent_class)->finalize (object);
}

static void
case_review_sample_stratum_class_init (CaseReviewSampleStratumClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_sample_stratum_finalize;
}

static void
case_review_sample_stratum_init (CaseReviewSampleStratum *self)
{
}

CaseReviewSampleStratum *
case_review_sample_stratum_new_internal (const char *key,
                                         guint       population_size,
                                         guint       allocated,
                                         guint       n_certainty,
                                         guint       n_selected,
                                         guint       n_reserves,
                                         gboolean    take_all)
{
  CaseReviewSampleStratum *self = g_object_new (CASE_REVIEW_TYPE_SAMPLE_STRATUM, NULL);

  self->key = g_strdup (key);
  self->population_size = population_size;
  self->allocated = allocated;
  self->n_certainty = n_certainty;
  self->n_selected = n_selected;
  self->n_reserves = n_reserves;
  self->take_all = take_all;
  return self;
}

/**
 * case_review_sample_stratum_get_key:
 * @self: a stratum
 *
 * The stratum's key: an agency id, a kind name or `agency/kind`.
 *
 * Returns: the key
 *
 * Since: 0.1
 */
const char *
case_review_sample_stratum_get_key (CaseReviewSampleStratum *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE_STRATUM (self), NULL);
  return self->key;
}

/**
 * case_review_sample_stratum_get_population_size:
 * @self: a stratum
 *
 * N: the number of case files of the frame in this stratum.
 *
 * Returns: the stratum's size
 *
 * Since: 0.1
 */
guint
case_review_sample_stratum_get_population_size (CaseReviewSampleStratum *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE_STRATUM (self), 0);
  return self->population_size;
}

/**
 * case_review_sample_stratum_get_allocated:
 * @self: a stratum
 *
 * n: how many files the plan's allocation gave this stratum.
 *
 * Returns: the allocation
 *
 * Since: 0.1
 */
guint
case_review_sample_stratum_get_allocated (CaseReviewSampleStratum *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE_STRATUM (self), 0);
  return self->allocated;
}

/**
 * case_review_sample_stratum_get_n_certainty:
 * @self: a stratum
 *
 * How many of the selected files were included for a certainty flag.
 *
 * Returns: the number of certainty units
 *
 * Since: 0.1
 */
guint
case_review_sample_stratum_get_n_certainty (CaseReviewSampleStratum *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE_STRATUM (self), 0);
  return self->n_certainty;
}

/**
 * case_review_sample_stratum_get_n_selected:
 * @self: a stratum
 *
 * How many files were selected for review (primary and certainty units):
 * the allocation, or more when certainty units exceed it.
 *
 * Returns: the number selected
 *
 * Since: 0.1
 */
guint
case_review_sample_stratum_get_n_selected (CaseReviewSampleStratum *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE_STRATUM (self), 0);
  return self->n_selected;
}

/**
 * case_review_sample_stratum_get_n_reserves:
 * @self: a stratum
 *
 * How many reserves were drawn for this stratum.
 *
 * Returns: the number of reserves
 *
 * Since: 0.1
 */
guint
case_review_sample_stratum_get_n_reserves (CaseReviewSampleStratum *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE_STRATUM (self), 0);
  return self->n_reserves;
}

/**
 * case_review_sample_stratum_is_take_all:
 * @self: a stratum
 *
 * Whether every file of the stratum was selected because it has no more
 * files than its allocation.
 *
 * Returns: %TRUE for a take-all stratum
 *
 * Since: 0.1
 */
gboolean
case_review_sample_stratum_is_take_all (CaseReviewSampleStratum *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE_STRATUM (self), FALSE);
  return self->take_all;
}
