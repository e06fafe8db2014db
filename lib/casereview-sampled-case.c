/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewSampledCase:
 *
 * One case file in a [class@CaseReview.Sample]: which case, its stratum, its
 * [enum@CaseReview.SampleRole], its position in the stratum's draw, its
 * inclusion probability and, in the ticket scheme, its ticket.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"
#include "casereview-sample-private.h"

struct _CaseReviewSampledCase
{
  GObject parent_instance;

  char *case_id;
  char *agency_id;
  char *stratum;
  CaseReviewSampleRole role;
  guint draw_index;
  double inclusion_probability;
  char *ticket;
  char *replaces;
  char *reason;
};

G_DEFINE_FINAL_TYPE (CaseReviewSampledCase, case_review_sampled_case, G_TYPE_OBJECT)

static const char * const role_names[] = {
  [CASE_REVIEW_SAMPLE_ROLE_PRIMARY] = "primary",
  [CASE_REVIEW_SAMPLE_ROLE_CERTAINTY] = "certainty",
  [CASE_REVIEW_SAMPLE_ROLE_RESERVE] = "reserve",
  [CASE_REVIEW_SAMPLE_ROLE_SUBSTITUTE] = "substitute",
  [CASE_REVIEW_SAMPLE_ROLE_MISSING] = "missing",
};

static void
case_review_sampled_case_finalize (GObject *object)
{
  CaseReviewSampledCase *self = CASE_REVIEW_SAMPLED_CASE (object);

  g_free (self->case_id);
  g_free (self->agency_id);
  g_free (self->stratum);
  g_free (self->ticket);
  g_free (self->replaces);
  g_free (self->reason);

  G_OBJECT_CLASS (case_review_sampled_case_parent_class)->finalize (object);
}

static void
case_review_sampled_case_class_init (CaseReviewSampledCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_sampled_case_finalize;
}

static void
case_review_sampled_case_init (CaseReviewSampledCase *self)
{
}

CaseReviewSampledCase *
case_review_sampled_case_new_internal (const char           *case_id,
                                       const char           *agency_id,
                                       const char           *stratum,
                                       CaseReviewSampleRole  role,
                                       guint                 draw_index,
                                       double                inclusion_probability,
                                       const char           *ticket)
{
  CaseReviewSampledCase *self = g_object_new (CASE_REVIEW_TYPE_SAMPLED_CASE, NULL);

  self->case_id = g_strdup (case_id);
  self->agency_id = g_strdup (agency_id);
  self->stratum = g_strdup (stratum);
  self->role = role;
  self->draw_index = draw_index;
  self->inclusion_probability = inclusion_probability;
  self->ticket = g_strdup (ticket);
  return self;
}

void
case_review_sampled_case_set_substitution (CaseReviewSampledCase *self,
                                           CaseReviewSampleRole   role,
                                           const char            *replaces,
                                           const char            *reason)
{
  self->role = role;
  g_free (self->replaces);
  self->replaces = g_strdup (replaces);
  g_free (self->reason);
  self->reason = g_strdup (reason);
}

gboolean
case_review_sample_role_parse (const char           *name,
                               CaseReviewSampleRole *out_role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if (g_strcmp0 (name, role_names[i]) == 0)
        {
          *out_role = (CaseReviewSampleRole) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * case_review_sample_role_get_name:
 * @role: a sample role
 *
 * The name of @role as manifests spell it: "primary", "certainty",
 * "reserve", "substitute" or "missing".
 *
 * Returns: the name, a static string
 *
 * Since: 0.1
 */
const char *
case_review_sample_role_get_name (CaseReviewSampleRole role)
{
  g_return_val_if_fail ((guint) role < G_N_ELEMENTS (role_names), NULL);

  return role_names[role];
}

/**
 * case_review_sampled_case_get_case_id:
 * @self: a sampled case
 *
 * The case number.
 *
 * Returns: the case id
 *
 * Since: 0.1
 */
const char *
case_review_sampled_case_get_case_id (CaseReviewSampledCase *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLED_CASE (self), NULL);
  return self->case_id;
}

/**
 * case_review_sampled_case_get_agency_id:
 * @self: a sampled case
 *
 * The id of the agency that handled the case.
 *
 * Returns: the agency id
 *
 * Since: 0.1
 */
const char *
case_review_sampled_case_get_agency_id (CaseReviewSampledCase *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLED_CASE (self), NULL);
  return self->agency_id;
}

/**
 * case_review_sampled_case_get_stratum:
 * @self: a sampled case
 *
 * The key of the stratum the case was drawn from, e.g. `LH01`.
 *
 * Returns: the stratum key
 *
 * Since: 0.1
 */
const char *
case_review_sampled_case_get_stratum (CaseReviewSampledCase *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLED_CASE (self), NULL);
  return self->stratum;
}

/**
 * case_review_sampled_case_get_role:
 * @self: a sampled case
 *
 * What the case is in the sample.
 *
 * Returns: the role
 *
 * Since: 0.1
 */
CaseReviewSampleRole
case_review_sampled_case_get_role (CaseReviewSampledCase *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLED_CASE (self), CASE_REVIEW_SAMPLE_ROLE_PRIMARY);
  return self->role;
}

/**
 * case_review_sampled_case_get_draw_index:
 * @self: a sampled case
 *
 * The position of the case in its stratum's selection: certainty units
 * first, then the units in the order they were drawn, then the reserves.
 *
 * Returns: the 0-based position
 *
 * Since: 0.1
 */
guint
case_review_sampled_case_get_draw_index (CaseReviewSampledCase *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLED_CASE (self), 0);
  return self->draw_index;
}

/**
 * case_review_sampled_case_get_inclusion_probability:
 * @self: a sampled case
 *
 * The probability that the design selects this case (1 for certainty and
 * take-all units, n/N in a simple random stratum, proportional to size in
 * PPS methods); reserves have 0. Estimates weight each case by its inverse.
 *
 * Returns: the probability
 *
 * Since: 0.1
 */
double
case_review_sampled_case_get_inclusion_probability (CaseReviewSampledCase *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLED_CASE (self), 0);
  return self->inclusion_probability;
}

/**
 * case_review_sampled_case_get_ticket:
 * @self: a sampled case
 *
 * The case's ticket in the ticket scheme, a decimal fraction such as
 * `0.26299714…`.
 *
 * Returns: (nullable): the ticket, or %NULL in the PCG32 scheme
 *
 * Since: 0.1
 */
const char *
case_review_sampled_case_get_ticket (CaseReviewSampledCase *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLED_CASE (self), NULL);
  return self->ticket;
}

/**
 * case_review_sampled_case_get_replaces:
 * @self: a sampled case
 *
 * For a substitute, the id of the missing case it replaces; for a missing
 * case, the id of its substitute.
 *
 * Returns: (nullable): the other case's id, or %NULL
 *
 * Since: 0.1
 */
const char *
case_review_sampled_case_get_replaces (CaseReviewSampledCase *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLED_CASE (self), NULL);
  return self->replaces;
}

/**
 * case_review_sampled_case_get_reason:
 * @self: a sampled case
 *
 * Why a missing case was replaced, as recorded by
 * [method@CaseReview.Sample.substitute].
 *
 * Returns: (nullable): the reason, or %NULL
 *
 * Since: 0.1
 */
const char *
case_review_sampled_case_get_reason (CaseReviewSampledCase *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLED_CASE (self), NULL);
  return self->reason;
}
