/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewReviewer:
 *
 * A member of the reviewer pool (评查人员库): an id, a name, the agency the
 * reviewer works for (never assigned that agency's files, 回避), a region,
 * the enforcement kinds the reviewer is qualified for (all when none are
 * listed), a capacity (0 for no limit) and declared conflicts of interest
 * (agency ids).
 *
 * Reviewers are immutable; a [class@CaseReview.ReviewerPool] holds them and
 * [ctor@CaseReview.Assignment.new_draw] assigns them to sampled files.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-case-file-private.h"
#include "casereview-reviewer.h"

struct _CaseReviewReviewer
{
  GObject parent_instance;

  char *id;
  char *name;
  char *agency_id;       /* NULL for reviewers from outside the agencies */
  char *region;          /* NULL when not given */
  guint kinds;           /* bit per kind; 0 means every kind */
  guint capacity;        /* 0 means no limit */
  char **conflicts;      /* sorted, unique */
};

G_DEFINE_FINAL_TYPE (CaseReviewReviewer, case_review_reviewer, G_TYPE_OBJECT)

static void
case_review_reviewer_finalize (GObject *object)
{
  CaseReviewReviewer *self = CASE_REVIEW_REVIEWER (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->agency_id);
  g_free (self->region);
  g_strfreev (self->conflicts);

  G_OBJECT_CLASS (case_review_reviewer_parent_class)->finalize (object);
}

static void
case_review_reviewer_class_init (CaseReviewReviewerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_reviewer_finalize;
}

static void
case_review_reviewer_init (CaseReviewReviewer *self)
{
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/**
 * case_review_reviewer_new:
 * @id: the reviewer's identifier, unique in the pool
 * @name: the reviewer's name
 * @agency_id: (nullable): the agency the reviewer works for, or %NULL
 *
 * Creates a reviewer qualified for every kind, without region, capacity
 * limit or declared conflicts.
 *
 * Returns: (transfer full): a new reviewer
 *
 * Since: 0.1
 */
CaseReviewReviewer *
case_review_reviewer_new (const char *id,
                          const char *name,
                          const char *agency_id)
{
  return case_review_reviewer_new_full (id, name, agency_id, NULL, NULL, 0, 0, NULL);
}

/**
 * case_review_reviewer_new_full:
 * @id: the reviewer's identifier, unique in the pool
 * @name: the reviewer's name
 * @agency_id: (nullable): the agency the reviewer works for, or %NULL
 * @region: (nullable): the reviewer's region, or %NULL
 * @kinds: (array length=n_kinds) (nullable): the kinds the reviewer may
 *   review
 * @n_kinds: the number of kinds; 0 for every kind
 * @capacity: the most files the reviewer may be given; 0 for no limit
 * @conflicts: (array zero-terminated=1) (nullable): agencies whose files the
 *   reviewer declared a conflict of interest with
 *
 * Creates a reviewer with every attribute.
 *
 * Returns: (transfer full): a new reviewer
 *
 * Since: 0.1
 */
CaseReviewReviewer *
case_review_reviewer_new_full (const char                      *id,
                               const char                      *name,
                               const char                      *agency_id,
                               const char                      *region,
                               const CaseReviewEnforcementKind *kinds,
                               gsize                            n_kinds,
                               guint                            capacity,
                               const char * const              *conflicts)
{
  CaseReviewReviewer *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (kinds != NULL || n_kinds == 0, NULL);

  self = g_object_new (CASE_REVIEW_TYPE_REVIEWER, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->agency_id = dup_nonempty (agency_id);
  self->region = dup_nonempty (region);
  for (gsize i = 0; i < n_kinds; i++)
    if ((guint) kinds[i] < CASE_REVIEW_N_ENFORCEMENT_KINDS)
      self->kinds |= 1u << kinds[i];
  self->capacity = capacity;
  self->conflicts = case_review_case_file_normalize_flags (conflicts);
  return self;
}

/**
 * case_review_reviewer_get_id:
 * @self: a reviewer
 *
 * The reviewer's identifier.
 *
 * Returns: the id
 *
 * Since: 0.1
 */
const char *
case_review_reviewer_get_id (CaseReviewReviewer *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER (self), NULL);
  return self->id;
}

/**
 * case_review_reviewer_get_name:
 * @self: a reviewer
 *
 * The reviewer's name.
 *
 * Returns: the name
 *
 * Since: 0.1
 */
const char *
case_review_reviewer_get_name (CaseReviewReviewer *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER (self), NULL);
  return self->name;
}

/**
 * case_review_reviewer_get_agency_id:
 * @self: a reviewer
 *
 * The agency the reviewer works for, whose files the reviewer never gets.
 *
 * Returns: (nullable): the agency id, or %NULL for a reviewer from outside
 *   the agencies
 *
 * Since: 0.1
 */
const char *
case_review_reviewer_get_agency_id (CaseReviewReviewer *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER (self), NULL);
  return self->agency_id;
}

/**
 * case_review_reviewer_get_region:
 * @self: a reviewer
 *
 * The reviewer's region.
 *
 * Returns: (nullable): the region, or %NULL
 *
 * Since: 0.1
 */
const char *
case_review_reviewer_get_region (CaseReviewReviewer *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER (self), NULL);
  return self->region;
}

/**
 * case_review_reviewer_may_review:
 * @self: a reviewer
 * @kind: an enforcement kind
 *
 * Whether the reviewer is qualified for files of @kind.
 *
 * Returns: %TRUE if so
 *
 * Since: 0.1
 */
gboolean
case_review_reviewer_may_review (CaseReviewReviewer        *self,
                                 CaseReviewEnforcementKind  kind)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER (self), FALSE);
  return self->kinds == 0 || (self->kinds & (1u << kind)) != 0;
}

/**
 * case_review_reviewer_get_capacity:
 * @self: a reviewer
 *
 * The most files the reviewer may be given.
 *
 * Returns: the capacity, 0 for no limit
 *
 * Since: 0.1
 */
guint
case_review_reviewer_get_capacity (CaseReviewReviewer *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER (self), 0);
  return self->capacity;
}

/**
 * case_review_reviewer_get_conflicts:
 * @self: a reviewer
 *
 * The agencies the reviewer declared a conflict of interest with.
 *
 * Returns: (transfer none) (array zero-terminated=1): agency ids, sorted
 *
 * Since: 0.1
 */
const char * const *
case_review_reviewer_get_conflicts (CaseReviewReviewer *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER (self), NULL);
  return (const char * const *) self->conflicts;
}

/**
 * case_review_reviewer_has_conflict:
 * @self: a reviewer
 * @agency_id: an agency id
 *
 * Whether the reviewer declared a conflict with @agency_id.
 *
 * Returns: %TRUE if so
 *
 * Since: 0.1
 */
gboolean
case_review_reviewer_has_conflict (CaseReviewReviewer *self,
                                   const char         *agency_id)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER (self), FALSE);
  g_return_val_if_fail (agency_id != NULL, FALSE);
  return g_strv_contains ((const char * const *) self->conflicts, agency_id);
}
