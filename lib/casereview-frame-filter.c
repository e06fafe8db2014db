/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewFrameFilter:
 *
 * Which case files of a population belong to a review's sampling frame: a
 * closing-date window, a set of enforcement kinds, a set of agencies and
 * explicitly excluded case ids (for example files reviewed last year).
 *
 * An empty filter matches every file; each criterion that is set narrows it.
 * Apply it with [method@CaseReview.Population.filter].
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-frame-filter.h"
#include "casereview-frame-filter-private.h"

struct _CaseReviewFrameFilter
{
  GObject parent_instance;

  GDate closed_from;       /* invalid when open */
  GDate closed_to;         /* invalid when open */
  guint kinds;             /* bit per kind; 0 means every kind */
  char **agencies;         /* NULL means every agency */
  char **excluded_ids;     /* never NULL */
  GHashTable *excluded;    /* the same ids, for O(1) tests */
};

G_DEFINE_FINAL_TYPE (CaseReviewFrameFilter, case_review_frame_filter, G_TYPE_OBJECT)

static void
case_review_frame_filter_finalize (GObject *object)
{
  CaseReviewFrameFilter *self = CASE_REVIEW_FRAME_FILTER (object);

  g_strfreev (self->agencies);
  g_strfreev (self->excluded_ids);
  g_hash_table_unref (self->excluded);

  G_OBJECT_CLASS (case_review_frame_filter_parent_class)->finalize (object);
}

static void
case_review_frame_filter_class_init (CaseReviewFrameFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_frame_filter_finalize;
}

static void
case_review_frame_filter_init (CaseReviewFrameFilter *self)
{
  g_date_clear (&self->closed_from, 1);
  g_date_clear (&self->closed_to, 1);
  self->excluded_ids = g_new0 (char *, 1);
  self->excluded = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * case_review_frame_filter_new:
 *
 * Creates a filter that matches every case file.
 *
 * Returns: (transfer full): a new filter
 *
 * Since: 0.1
 */
CaseReviewFrameFilter *
case_review_frame_filter_new (void)
{
  return g_object_new (CASE_REVIEW_TYPE_FRAME_FILTER, NULL);
}

/**
 * case_review_frame_filter_set_closed_between:
 * @self: a filter
 * @from: (nullable): the first closing date included, or %NULL for no lower limit
 * @to: (nullable): the last closing date included, or %NULL for no upper limit
 *
 * Restricts the frame to files closed within a date window, both ends
 * included.
 *
 * Since: 0.1
 */
void
case_review_frame_filter_set_closed_between (CaseReviewFrameFilter *self,
                                             const GDate           *from,
                                             const GDate           *to)
{
  g_return_if_fail (CASE_REVIEW_IS_FRAME_FILTER (self));
  g_return_if_fail (from == NULL || g_date_valid (from));
  g_return_if_fail (to == NULL || g_date_valid (to));

  g_date_clear (&self->closed_from, 1);
  g_date_clear (&self->closed_to, 1);
  if (from != NULL)
    self->closed_from = *from;
  if (to != NULL)
    self->closed_to = *to;
}

/**
 * case_review_frame_filter_get_closed_from:
 * @self: a filter
 *
 * The first closing date included.
 *
 * Returns: (nullable) (transfer none): the date, or %NULL without lower limit
 *
 * Since: 0.1
 */
const GDate *
case_review_frame_filter_get_closed_from (CaseReviewFrameFilter *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_FRAME_FILTER (self), NULL);

  return g_date_valid (&self->closed_from) ? &self->closed_from : NULL;
}

/**
 * case_review_frame_filter_get_closed_to:
 * @self: a filter
 *
 * The last closing date included.
 *
 * Returns: (nullable) (transfer none): the date, or %NULL without upper limit
 *
 * Since: 0.1
 */
const GDate *
case_review_frame_filter_get_closed_to (CaseReviewFrameFilter *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_FRAME_FILTER (self), NULL);

  return g_date_valid (&self->closed_to) ? &self->closed_to : NULL;
}

/**
 * case_review_frame_filter_set_kinds:
 * @self: a filter
 * @kinds: (array length=n_kinds) (nullable): the kinds to keep
 * @n_kinds: the number of kinds; 0 keeps every kind
 *
 * Restricts the frame to files of the given enforcement kinds.
 *
 * Since: 0.1
 */
void
case_review_frame_filter_set_kinds (CaseReviewFrameFilter           *self,
                                    const CaseReviewEnforcementKind *kinds,
                                    gsize                            n_kinds)
{
  g_return_if_fail (CASE_REVIEW_IS_FRAME_FILTER (self));
  g_return_if_fail (kinds != NULL || n_kinds == 0);

  self->kinds = 0;
  for (gsize i = 0; i < n_kinds; i++)
    {
      g_return_if_fail ((guint) kinds[i] < CASE_REVIEW_N_ENFORCEMENT_KINDS);
      self->kinds |= 1u << kinds[i];
    }
}

/**
 * case_review_frame_filter_includes_kind:
 * @self: a filter
 * @kind: an enforcement kind
 *
 * Whether files of @kind can belong to the frame.
 *
 * Returns: %TRUE if they can
 *
 * Since: 0.1
 */
gboolean
case_review_frame_filter_includes_kind (CaseReviewFrameFilter     *self,
                                        CaseReviewEnforcementKind  kind)
{
  g_return_val_if_fail (CASE_REVIEW_IS_FRAME_FILTER (self), FALSE);

  return self->kinds == 0 || (self->kinds & (1u << kind)) != 0;
}

/**
 * case_review_frame_filter_set_agencies:
 * @self: a filter
 * @agency_ids: (array zero-terminated=1) (nullable): the agencies to keep, or
 *   %NULL for every agency
 *
 * Restricts the frame to files of the given agencies.
 *
 * Since: 0.1
 */
void
case_review_frame_filter_set_agencies (CaseReviewFrameFilter *self,
                                       const char * const    *agency_ids)
{
  g_return_if_fail (CASE_REVIEW_IS_FRAME_FILTER (self));

  g_strfreev (self->agencies);
  self->agencies = agency_ids != NULL ? g_strdupv ((char **) agency_ids) : NULL;
}

/**
 * case_review_frame_filter_get_agencies:
 * @self: a filter
 *
 * The agencies the frame is restricted to.
 *
 * Returns: (nullable) (transfer none) (array zero-terminated=1): the agency
 *   ids, or %NULL for every agency
 *
 * Since: 0.1
 */
const char * const *
case_review_frame_filter_get_agencies (CaseReviewFrameFilter *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_FRAME_FILTER (self), NULL);

  return (const char * const *) self->agencies;
}

/**
 * case_review_frame_filter_set_excluded_ids:
 * @self: a filter
 * @case_ids: (array zero-terminated=1) (nullable): case ids to leave out
 *
 * Leaves the given case files out of the frame. Ids that are not in the
 * population are ignored, so last year's list can be applied as it is.
 *
 * Since: 0.1
 */
void
case_review_frame_filter_set_excluded_ids (CaseReviewFrameFilter *self,
                                           const char * const    *case_ids)
{
  g_return_if_fail (CASE_REVIEW_IS_FRAME_FILTER (self));

  g_hash_table_remove_all (self->excluded);
  g_strfreev (self->excluded_ids);
  self->excluded_ids = case_ids != NULL ? g_strdupv ((char **) case_ids) : g_new0 (char *, 1);
  for (guint i = 0; self->excluded_ids[i] != NULL; i++)
    g_hash_table_add (self->excluded, self->excluded_ids[i]);
}

/**
 * case_review_frame_filter_get_excluded_ids:
 * @self: a filter
 *
 * The case ids left out of the frame.
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids, possibly empty
 *
 * Since: 0.1
 */
const char * const *
case_review_frame_filter_get_excluded_ids (CaseReviewFrameFilter *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_FRAME_FILTER (self), NULL);

  return (const char * const *) self->excluded_ids;
}

gboolean
case_review_frame_filter_matches_fields (CaseReviewFrameFilter     *self,
                                         const char                *case_id,
                                         const char                *agency_id,
                                         CaseReviewEnforcementKind  kind,
                                         guint32                    closed_on_julian)
{
  if (!case_review_frame_filter_includes_kind (self, kind))
    return FALSE;
  if (g_date_valid (&self->closed_from) && closed_on_julian < g_date_get_julian (&self->closed_from))
    return FALSE;
  if (g_date_valid (&self->closed_to) && closed_on_julian > g_date_get_julian (&self->closed_to))
    return FALSE;
  if (self->agencies != NULL && !g_strv_contains ((const char * const *) self->agencies, agency_id))
    return FALSE;
  /* Hashing every id costs more than the rest of the test: skip it when
   * nothing is excluded. */
  if (g_hash_table_size (self->excluded) > 0 && g_hash_table_contains (self->excluded, case_id))
    return FALSE;

  return TRUE;
}

/**
 * case_review_frame_filter_matches:
 * @self: a filter
 * @case_file: a case file
 *
 * Whether @case_file belongs to the frame.
 *
 * Returns: %TRUE if it does
 *
 * Since: 0.1
 */
gboolean
case_review_frame_filter_matches (CaseReviewFrameFilter *self,
                                  CaseReviewCaseFile    *case_file)
{
  g_return_val_if_fail (CASE_REVIEW_IS_FRAME_FILTER (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (case_file), FALSE);

  return case_review_frame_filter_matches_fields (self,
                                                  case_review_case_file_get_id (case_file),
                                                  case_review_case_file_get_agency_id (case_file),
                                                  case_review_case_file_get_kind (case_file),
                                                  g_date_get_julian (case_review_case_file_get_closed_on (case_file)));
}
