/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The draw: frame, strata, allocation and the selection methods exactly as
 * docs/sampling-spec.md specifies them; tests/python/spec_sampler.py is an
 * independent implementation from that text alone. Any change here that
 * changes a sample is a change of the spec's version.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-error.h"
#include "casereview-frame-filter-private.h"
#include "casereview-population-private.h"
#include "casereview-random.h"
#include "casereview-sample-private.h"
#include "casereview-sampler.h"
#include "casereview-sampling-plan-private.h"
#include "casereview-statistics.h"

/* Neyman weights N·√(p(1−p)) are turned into integers at this scale so the
 * apportionment itself is exact. */
#define NEYMAN_SCALE 1048576.0

typedef struct
{
  CaseReviewSamplingScheme scheme;
  CaseReviewSamplingMethod method;
  CaseReviewStratification stratification;
  CaseReviewAllocation allocation;
  guint sample_size, per_stratum, min_per_stratum, max_per_stratum, reserves;
  gboolean take_all;
  CaseReviewSortKey sort_key;
  CaseReviewSizeMeasure size_measure;
  char **certainty_flags;
  double confidence, tolerable_rate;
  const char *seed;
} Settings;

typedef struct
{
  char *key;
  GArray *rows;          /* guint: store rows, canonical order */
  guint allocated;
  gboolean take_all;
  GPtrArray *units;      /* CaseReviewSampledCase, in draw order */
  guint n_certainty;
  guint n_selected;
  guint n_reserves;
} Stratum;

static void
stratum_free (Stratum *stratum)
{
  g_free (stratum->key);
  g_array_unref (stratum->rows);
  g_ptr_array_unref (stratum->units);
  g_free (stratum);
}

static Stratum *
stratum_new (const char *key)
{
  Stratum *stratum = g_new0 (Stratum, 1);

  stratum->key = g_strdup (key);
  stratum->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  stratum->units = g_ptr_array_new_with_free_func (g_object_unref);
  return stratum;
}

typedef struct
{
  CaseStore *store;
  const Settings *settings;
  CaseReviewSamplingPlan *plan;
} Context;

static int
compare_strata (gconstpointer a,
                gconstpointer b)
{
  return strcmp ((*(Stratum * const *) a)->key, (*(Stratum * const *) b)->key);
}

static int
compare_rows_by_date (gconstpointer a,
                      gconstpointer b,
                      gpointer      store)
{
  const CaseRow *x = case_store_get_row (store, *(const guint *) a);
  const CaseRow *y = case_store_get_row (store, *(const guint *) b);

  if (x->closed_on != y->closed_on)
    return x->closed_on < y->closed_on ? -1 : 1;
  return strcmp (x->id, y->id);
}

static const char *
agency_id (CaseStore     *store,
           const CaseRow *row)
{
  return case_review_agency_get_id (case_store_get_agency (store, row->agency));
}

/* The stratum a row belongs to, as a small integer: the agency's index, the
 * kind, or agency × kinds + kind. */
static guint
stratum_slot (const CaseRow            *row,
              CaseReviewStratification  stratification)
{
  switch (stratification)
    {
    case CASE_REVIEW_STRATIFICATION_AGENCY:
      return row->agency;
    case CASE_REVIEW_STRATIFICATION_KIND:
      return row->kind;
    case CASE_REVIEW_STRATIFICATION_AGENCY_KIND:
    default:
      return row->agency * CASE_REVIEW_N_ENFORCEMENT_KINDS + row->kind;
    }
}

static char *
slot_key (CaseStore                *store,
          guint                     slot,
          CaseReviewStratification  stratification)
{
  switch (stratification)
    {
    case CASE_REVIEW_STRATIFICATION_AGENCY:
      return g_strdup (case_review_agency_get_id (case_store_get_agency (store, slot)));
    case CASE_REVIEW_STRATIFICATION_KIND:
      return g_strdup (case_review_enforcement_kind_get_name (slot));
    case CASE_REVIEW_STRATIFICATION_AGENCY_KIND:
    default:
      return g_strconcat (case_review_agency_get_id (case_store_get_agency (store, slot / CASE_REVIEW_N_ENFORCEMENT_KINDS)),
                          "/", case_review_enforcement_kind_get_name (slot % CASE_REVIEW_N_ENFORCEMENT_KINDS), NULL);
    }
}

/* The strata of one frame, kept with the store (case_store_set_derived())
 * so that drawing again from the same frame with another seed or size only
 * touches the units it picks. */
typedef struct
{
  guint frame_size;
  GPtrArray *keys;    /* char *, sorted */
  GPtrArray *rows;    /* GArray of guint, canonical order */
} FrameIndex;

static void
frame_index_free (gpointer data)
{
  FrameIndex *index = data;

  g_ptr_array_unref (index->keys);
  g_ptr_array_unref (index->rows);
  g_free (index);
}

/* Everything the strata depend on, as text. */
static char *
frame_index_key (CaseReviewFrameFilter    *filter,
                 CaseReviewStratification  stratification)
{
  GString *key = g_string_new (NULL);
  const GDate *from = case_review_frame_filter_get_closed_from (filter);
  const GDate *to = case_review_frame_filter_get_closed_to (filter);
  const char * const *agencies = case_review_frame_filter_get_agencies (filter);
  const char * const *excluded = case_review_frame_filter_get_excluded_ids (filter);

  g_string_append_printf (key, "%d %u %u", stratification, from != NULL ? g_date_get_julian (from) : 0,
                          to != NULL ? g_date_get_julian (to) : 0);
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    g_string_append_c (key, case_review_frame_filter_includes_kind (filter, k) ? '1' : '0');
  g_string_append (key, agencies != NULL ? "\nA" : "\n-");
  for (guint i = 0; agencies != NULL && agencies[i] != NULL; i++)
    g_string_append_printf (key, "\x1f%s", agencies[i]);
  g_string_append (key, "\nX");
  for (guint i = 0; excluded[i] != NULL; i++)
    g_string_append_printf (key, "\x1f%s", excluded[i]);

  return g_string_free (key, FALSE);
}

/* The frame, divided into strata sorted by key, each in canonical order.
 * One pass in row order applies the filter and finds each row's stratum;
 * one walk of the store's canonical order (the fingerprint's) then fills
 * the strata already sorted, which is much cheaper than sorting each. */
static GPtrArray *build_strata_uncached (Context                *context,
                                          CaseReviewFrameFilter  *filter,
                                          guint                  *out_frame_size,
                                          GError                **error);

static GPtrArray *
build_strata (Context                *context,
              CaseReviewFrameFilter  *filter,
              guint                  *out_frame_size,
              GError                **error)
{
  g_autofree char *key = frame_index_key (filter, context->settings->stratification);
  FrameIndex *index = case_store_get_derived (context->store, key);
  GPtrArray *strata;

  if (index == NULL)
    {
      strata = build_strata_uncached (context, filter, out_frame_size, error);
      if (strata == NULL)
        return NULL;

      index = g_new0 (FrameIndex, 1);
      index->frame_size = *out_frame_size;
      index->keys = g_ptr_array_new_with_free_func (g_free);
      index->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      for (guint s = 0; s < strata->len; s++)
        {
          Stratum *stratum = g_ptr_array_index (strata, s);
          g_ptr_array_add (index->keys, g_strdup (stratum->key));
          g_ptr_array_add (index->rows, g_array_ref (stratum->rows));
        }
      case_store_set_derived (context->store, key, index, frame_index_free);
      return strata;
    }

  strata = g_ptr_array_new_with_free_func ((GDestroyNotify) stratum_free);
  for (guint s = 0; s < index->keys->len; s++)
    {
      Stratum *stratum = stratum_new (g_ptr_array_index (index->keys, s));

      g_array_unref (stratum->rows);
      stratum->rows = g_array_ref (g_ptr_array_index (index->rows, s));
      g_ptr_array_add (strata, stratum);
    }
  *out_frame_size = index->frame_size;
  return strata;
}

static GPtrArray *
build_strata_uncached (Context                *context,
                       CaseReviewFrameFilter  *filter,
                       guint                  *out_frame_size,
                       GError                **error)
{
  CaseStore *store = context->store;
  CaseReviewStratification stratification = context->settings->stratification;
  g_autoptr(GPtrArray) strata = g_ptr_array_new_with_free_func ((GDestroyNotify) stratum_free);
  const char * const *agencies = case_review_frame_filter_get_agencies (filter);
  guint n_rows = case_store_get_n_rows (store);
  guint n_slots = stratification == CASE_REVIEW_STRATIFICATION_KIND ? CASE_REVIEW_N_ENFORCEMENT_KINDS
                : stratification == CASE_REVIEW_STRATIFICATION_AGENCY ? case_store_get_n_agencies (store)
                : case_store_get_n_agencies (store) * CASE_REVIEW_N_ENFORCEMENT_KINDS;
  g_autofree Stratum **by_slot = g_new0 (Stratum *, MAX (n_slots, 1));
  g_autofree guint8 *in_frame = g_new0 (guint8, MAX (n_rows, 1));
  const guint *order;
  guint frame_size = 0;

  for (guint i = 0; agencies != NULL && agencies[i] != NULL; i++)
    {
      if (case_store_find_agency (store, agencies[i]) < 0)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                       _("frame.agencies: unknown agency \"%s\""), agencies[i]);
          return NULL;
        }
    }

  /* Agency and kind strata exist even when empty, so a fixed quota on an
   * agency without files is noticed; agency × kind strata are the
   * non-empty combinations. */
  for (guint slot = 0; slot < n_slots && stratification != CASE_REVIEW_STRATIFICATION_AGENCY_KIND; slot++)
    {
      g_autofree char *key = slot_key (store, slot, stratification);

      if (stratification == CASE_REVIEW_STRATIFICATION_AGENCY
            ? (agencies == NULL || g_strv_contains (agencies, key))
            : case_review_frame_filter_includes_kind (filter, slot))
        {
          by_slot[slot] = stratum_new (key);
          g_ptr_array_add (strata, by_slot[slot]);
        }
    }

  for (guint i = 0; i < n_rows; i++)
    {
      const CaseRow *row = case_store_get_row (store, i);
      guint slot;

      if (!case_review_frame_filter_matches_fields (filter, row->id, agency_id (store, row), row->kind, row->closed_on))
        continue;
      in_frame[i] = 1;
      frame_size++;
      slot = stratum_slot (row, stratification);
      if (by_slot[slot] == NULL)
        {
          g_autofree char *key = slot_key (store, slot, stratification);
          by_slot[slot] = stratum_new (key);
          g_ptr_array_add (strata, by_slot[slot]);
        }
    }

  order = case_store_peek_sorted_rows (store);
  for (guint i = 0; i < n_rows; i++)
    {
      guint row_index = order[i];

      if (in_frame[row_index])
        g_array_append_val (by_slot[stratum_slot (case_store_get_row (store, row_index), stratification)]->rows,
                            row_index);
    }

  g_ptr_array_sort (strata, compare_strata);
  *out_frame_size = frame_size;
  return g_steal_pointer (&strata);
}

static gboolean
is_certainty (Context       *context,
              const CaseRow *row)
{
  const char * const *flags = case_store_get_flags (context->store, row);

  for (guint i = 0; flags[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) context->settings->certainty_flags, flags[i]))
      return TRUE;
  return FALSE;
}

/* Largest-remainder apportionment of @total over strata with integer
 * weights, within bounds [low, high]: strata whose exact quota falls below
 * their lower bound are fixed there, then those above their upper bound, and
 * the rest re-apportioned, until every quota is within bounds. Remaining
 * seats go to the largest remainders; ties to the larger stratum, then to the
 * smaller key. */
typedef struct
{
  guint64 weight;
  guint low, high, size;
  const char *key;
  gboolean fixed;
  guint result;
  unsigned __int128 remainder;
} Share;

static int
compare_shares_for_extra_seat (gconstpointer a,
                               gconstpointer b)
{
  const Share *x = *(Share * const *) a, *y = *(Share * const *) b;

  if (x->remainder != y->remainder)
    return x->remainder > y->remainder ? -1 : 1;
  if (x->size != y->size)
    return x->size > y->size ? -1 : 1;
  return strcmp (x->key, y->key);
}

static void
apportion (Share *shares,
           guint  n_shares,
           guint  total)
{
  for (;;)
    {
      guint64 remaining = total;
      unsigned __int128 weight_sum = 0;
      gboolean changed = FALSE;

      for (guint i = 0; i < n_shares; i++)
        {
          if (shares[i].fixed)
            remaining -= shares[i].result;
          else
            weight_sum += shares[i].weight;
        }

      if (weight_sum == 0)
        {
          /* Only zero-weight strata are left: they get their lower bound. */
          for (guint i = 0; i < n_shares; i++)
            if (!shares[i].fixed)
              shares[i].result = shares[i].low, shares[i].fixed = TRUE;
          return;
        }

      /* Quotas below the lower bounds first, then above the upper bounds. */
      for (int pass = 0; pass < 2 && !changed; pass++)
        for (guint i = 0; i < n_shares; i++)
          {
            unsigned __int128 scaled;

            if (shares[i].fixed)
              continue;
            scaled = (unsigned __int128) remaining * shares[i].weight;
            if (pass == 0 && scaled < (unsigned __int128) shares[i].low * weight_sum)
              shares[i].result = shares[i].low, shares[i].fixed = TRUE, changed = TRUE;
            else if (pass == 1 && scaled > (unsigned __int128) shares[i].high * weight_sum)
              shares[i].result = shares[i].high, shares[i].fixed = TRUE, changed = TRUE;
          }
      if (changed)
        continue;

      {
        g_autoptr(GPtrArray) free_shares = g_ptr_array_new ();
        guint64 given = 0;

        for (guint i = 0; i < n_shares; i++)
          {
            unsigned __int128 scaled;

            if (shares[i].fixed)
              continue;
            scaled = (unsigned __int128) remaining * shares[i].weight;
            shares[i].result = (guint) (scaled / weight_sum);
            shares[i].remainder = scaled % weight_sum;
            given += shares[i].result;
            g_ptr_array_add (free_shares, &shares[i]);
          }
        g_ptr_array_sort (free_shares, compare_shares_for_extra_seat);
        for (guint i = 0; given < remaining && i < free_shares->len; i++, given++)
          ((Share *) g_ptr_array_index (free_shares, i))->result++;
      }
      return;
    }
}

static gboolean
allocate (Context    *context,
          GPtrArray  *strata,
          GError    **error)
{
  const Settings *settings = context->settings;
  guint max = settings->max_per_stratum != 0 ? settings->max_per_stratum : G_MAXUINT;
  g_autofree Share *shares = g_new0 (Share, MAX (strata->len, 1));
  guint64 low_sum = 0, high_sum = 0;
  guint64 weight_sum = 0;

  if (settings->allocation == CASE_REVIEW_ALLOCATION_FIXED ||
      settings->allocation == CASE_REVIEW_ALLOCATION_ATTRIBUTE)
    {
      for (guint s = 0; s < strata->len; s++)
        {
          Stratum *stratum = g_ptr_array_index (strata, s);
          guint N = stratum->rows->len;
          guint n;

          if (settings->allocation == CASE_REVIEW_ALLOCATION_FIXED)
            {
              if (N == 0)
                {
                  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                               _("per_stratum: stratum %s has no case files in the frame, but fixed allocation asks for %u"),
                               stratum->key, settings->per_stratum);
                  return FALSE;
                }
              n = settings->per_stratum;
            }
          else
            {
              g_autoptr(CaseReviewAttributePlan) plan = NULL;
              double expected = case_review_sampling_plan_expected_rate_for (context->plan, stratum->key);

              if (N == 0)
                {
                  stratum->allocated = 0;
                  continue;
                }
              g_autoptr(GError) plan_error = NULL;

              plan = case_review_attribute_plan_new (CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC,
                                                     settings->confidence, settings->tolerable_rate,
                                                     expected, N, &plan_error);
              /* The plan's rates were validated, so a failure means that no
               * sample smaller than the stratum reaches the confidence: a
               * small agency is reviewed in full. */
              n = plan != NULL ? (guint) MIN (case_review_attribute_plan_get_sample_size (plan), (guint64) N) : N;
            }

          n = MIN (MAX (n, settings->min_per_stratum), max);
          if (n > N)
            {
              if (!settings->take_all)
                {
                  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                               _("take_all: stratum %s has %u case files, fewer than the %u asked for; allow take-all or lower the quota"),
                               stratum->key, N, n);
                  return FALSE;
                }
              n = N;
            }
          stratum->allocated = n;
        }
      return TRUE;
    }

  for (guint s = 0; s < strata->len; s++)
    {
      Stratum *stratum = g_ptr_array_index (strata, s);
      guint N = stratum->rows->len;
      Share *share = &shares[s];

      share->size = N;
      share->key = stratum->key;
      if (N > 0 && settings->min_per_stratum > N && !settings->take_all)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("take_all: stratum %s has %u case files, fewer than the minimum %u; allow take-all or lower the minimum"),
                       stratum->key, N, settings->min_per_stratum);
          return FALSE;
        }
      share->low = MIN (settings->min_per_stratum, N);
      share->high = MIN (max, N);
      switch (settings->allocation)
        {
        case CASE_REVIEW_ALLOCATION_EQUAL:
          share->weight = N > 0 ? 1 : 0;
          break;
        case CASE_REVIEW_ALLOCATION_NEYMAN:
          {
            double p = case_review_sampling_plan_expected_rate_for (context->plan, stratum->key);
            share->weight = (guint64) llround ((double) N * sqrt (p * (1.0 - p)) * NEYMAN_SCALE);
          }
          break;
        case CASE_REVIEW_ALLOCATION_PROPORTIONAL:
        default:
          share->weight = N;
          break;
        }
      low_sum += share->low;
      high_sum += share->high;
      weight_sum += share->weight;
    }

  /* Neyman with every expected rate 0 (or 1) has no information: allocate
   * proportionally. */
  if (settings->allocation == CASE_REVIEW_ALLOCATION_NEYMAN && weight_sum == 0)
    for (guint s = 0; s < strata->len; s++)
      shares[s].weight = shares[s].size;

  if (settings->sample_size > high_sum)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("sample_size: %u is more than the %" G_GUINT64_FORMAT " case files the frame can give within the limits per stratum"),
                   settings->sample_size, high_sum);
      return FALSE;
    }
  if (low_sum > settings->sample_size)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("min_per_stratum: the minimums add up to %" G_GUINT64_FORMAT ", more than the sample size %u"),
                   low_sum, settings->sample_size);
      return FALSE;
    }

  apportion (shares, strata->len, settings->sample_size);
  for (guint s = 0; s < strata->len; s++)
    {
      Stratum *stratum = g_ptr_array_index (strata, s);
      stratum->allocated = shares[s].result;
    }
  return TRUE;
}

/* 64-bit bounded draw: the 32-bit method below 2^32, otherwise two outputs
 * (high word first) with the same threshold rejection in 64 bits. */
static guint64
bounded64 (CaseReviewRandom *rng,
           guint64           bound)
{
  guint64 threshold;

  if (bound <= G_MAXUINT32)
    return case_review_random_bounded (rng, (guint32) bound);

  threshold = (-bound) % bound;
  for (;;)
    {
      guint64 high = case_review_random_next_u32 (rng);
      guint64 r = (high << 32) | case_review_random_next_u32 (rng);

      if (r >= threshold)
        return r % bound;
    }
}

/* Partial Fisher–Yates over positions 0..M-1, sparse so memory is O(picks):
 * pick i swaps position i with i + bounded(M − i). */
static void
fisher_yates (CaseReviewRandom *rng,
              guint             M,
              guint             picks,
              GArray           *out)
{
  g_autoptr(GHashTable) moved = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < picks && i < M; i++)
    {
      guint j = i + case_review_random_bounded (rng, M - i);
      gpointer value_i, value_j;
      guint at_i, at_j;

      at_i = g_hash_table_lookup_extended (moved, GUINT_TO_POINTER (i), NULL, &value_i) ? GPOINTER_TO_UINT (value_i) : i;
      at_j = g_hash_table_lookup_extended (moved, GUINT_TO_POINTER (j), NULL, &value_j) ? GPOINTER_TO_UINT (value_j) : j;
      g_hash_table_insert (moved, GUINT_TO_POINTER (j), GUINT_TO_POINTER (at_i));
      g_array_append_val (out, at_j);
    }
}

static CaseReviewRandom *
stream_for (Context    *context,
            const char *purpose,
            const char *key)
{
  g_autofree char *label = g_strconcat (purpose, "/", key, NULL);

  /* The seed was validated with the plan, so this cannot fail. */
  return case_review_random_new_from_seed (context->settings->seed, label, NULL);
}

static void
add_unit (Context              *context,
          Stratum              *stratum,
          guint                 row_index,
          CaseReviewSampleRole  role,
          double                probability,
          const char           *ticket)
{
  const CaseRow *row = case_store_get_row (context->store, row_index);

  g_ptr_array_add (stratum->units,
                   case_review_sampled_case_new_internal (row->id, agency_id (context->store, row), stratum->key,
                                                          role, stratum->units->len, probability, ticket));
  if (role == CASE_REVIEW_SAMPLE_ROLE_RESERVE)
    stratum->n_reserves++;
  else
    stratum->n_selected++;
}

/* Reserves for the methods whose own order has no natural continuation:
 * simple random picks among the unselected units (canonical order) from the
 * stream "reserve/KEY". */
static void
draw_reserves_by_srs (Context    *context,
                      Stratum    *stratum,
                      GArray     *eligible,
                      GHashTable *selected)
{
  g_autoptr(GArray) rest = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) picks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(CaseReviewRandom) rng = NULL;

  for (guint i = 0; i < eligible->len; i++)
    if (!g_hash_table_contains (selected, GUINT_TO_POINTER (g_array_index (eligible, guint, i))))
      g_array_append_val (rest, g_array_index (eligible, guint, i));
  if (rest->len == 0 || context->settings->reserves == 0)
    return;

  rng = stream_for (context, "reserve", stratum->key);
  fisher_yates (rng, rest->len, context->settings->reserves, picks);
  for (guint i = 0; i < picks->len; i++)
    add_unit (context, stratum, g_array_index (rest, guint, g_array_index (picks, guint, i)),
              CASE_REVIEW_SAMPLE_ROLE_RESERVE, 0, NULL);
}

/* The ticket of Rivest's consistent sampler: "0." followed by the decimal
 * digits of SHA-256 (hex (SHA-256 (seed)) ‖ id) as a 256-bit integer,
 * zero-padded on the left to 64 digits, then reversed. */
char *
sampler_ticket (const char *seed_hash_hex,
                const char *id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  guint32 limbs[8];
  char digits[80];
  guint n_digits = 0;
  GString *ticket;
  gboolean nonzero = TRUE;

  g_checksum_update (checksum, (const guchar *) seed_hash_hex, strlen (seed_hash_hex));
  g_checksum_update (checksum, (const guchar *) id, strlen (id));
  g_checksum_get_digest (checksum, digest, &digest_len);

  for (guint i = 0; i < 8; i++)
    limbs[i] = ((guint32) digest[4 * i] << 24) | ((guint32) digest[4 * i + 1] << 16) |
               ((guint32) digest[4 * i + 2] << 8) | digest[4 * i + 3];

  /* Repeated division by 10 of the big-endian 256-bit number. */
  while (nonzero)
    {
      guint64 remainder = 0;

      nonzero = FALSE;
      for (guint i = 0; i < 8; i++)
        {
          guint64 current = (remainder << 32) | limbs[i];
          limbs[i] = (guint32) (current / 10);
          remainder = current % 10;
          nonzero |= limbs[i] != 0;
        }
      digits[n_digits++] = (char) ('0' + remainder);   /* least significant first */
    }
  while (n_digits < 64)
    digits[n_digits++] = '0';

  /* Digits were produced least significant first, which is already the
   * reversed order the ticket uses. */
  ticket = g_string_new ("0.");
  g_string_append_len (ticket, digits, n_digits);
  return g_string_free (ticket, FALSE);
}

/* Compares two tickets as decimal fractions. */
static int
compare_tickets (const char *a,
                 const char *b)
{
  for (a += 2, b += 2; *a != '\0' || *b != '\0'; a++, b++)
    {
      char x = *a != '\0' ? *a : '0', y = *b != '\0' ? *b : '0';

      if (x != y)
        return x < y ? -1 : 1;
      if (*a == '\0')
        a--;
      if (*b == '\0')
        b--;
    }
  return 0;
}

typedef struct
{
  guint row;
  guint position;
  char *ticket;
  double rank;
} Ranked;

static int
compare_by_ticket (gconstpointer a,
                   gconstpointer b)
{
  const Ranked *x = a, *y = b;
  int result = compare_tickets (x->ticket, y->ticket);

  return result != 0 ? result : (x->position < y->position ? -1 : 1);
}

static int
compare_by_rank (gconstpointer a,
                 gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->position < y->position ? -1 : (x->position > y->position);
}

static gboolean
unit_size (Context       *context,
           const CaseRow *row,
           guint64       *out_size,
           GError       **error)
{
  if (context->settings->size_measure == CASE_REVIEW_SIZE_MEASURE_AMOUNT)
    {
      if (row->amount == CASE_STORE_NO_AMOUNT)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("size_measure: case \"%s\" has no amount, which sampling proportional to amount needs"),
                       row->id);
          return FALSE;
        }
      *out_size = (guint64) row->amount;
    }
  else
    {
      if (!row->has_weight)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("size_measure: case \"%s\" has no risk weight, which sampling proportional to weight needs"),
                       row->id);
          return FALSE;
        }
      *out_size = (guint64) llround (row->weight * 1e6);
    }
  return TRUE;
}

/* Probability-proportional-to-size draws (systematic and sequential
 * Poisson) share the sizes and the take-all rule: while some unit has
 * k·x ≥ X, those units are taken with probability 1 and the rest is redone
 * with k and X reduced. */
static gboolean
draw_pps (Context   *context,
          Stratum   *stratum,
          GArray    *eligible,
          guint      k,
          GError   **error)
{
  guint M = eligible->len;
  g_autofree guint64 *sizes = g_new0 (guint64, MAX (M, 1));
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (M, 1));
  g_autoptr(GHashTable) selected = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(CaseReviewRandom) rng = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));   /* positions in walk order */
  guint64 X;
  guint k_left = k, positive = 0;
  gboolean changed = TRUE;

  for (guint i = 0; i < M; i++)
    if (!unit_size (context, case_store_get_row (context->store, g_array_index (eligible, guint, i)), &sizes[i], error))
      return FALSE;

  while (changed && k_left > 0)
    {
      changed = FALSE;
      X = 0;
      for (guint i = 0; i < M; i++)
        if (!taken[i])
          X += sizes[i];
      for (guint i = 0; i < M; i++)
        if (!taken[i] && sizes[i] > 0 && (unsigned __int128) k_left * sizes[i] >= X)
          taken[i] = TRUE, changed = TRUE;
      if (changed)
        {
          k_left = k;
          for (guint i = 0; i < M; i++)
            if (taken[i])
              k_left = k_left > 0 ? k_left - 1 : 0;
        }
    }

  /* Take-all units first, in canonical order. */
  for (guint i = 0; i < M; i++)
    if (taken[i])
      {
        add_unit (context, stratum, g_array_index (eligible, guint, i), CASE_REVIEW_SAMPLE_ROLE_PRIMARY, 1.0, NULL);
        g_hash_table_add (selected, GUINT_TO_POINTER (g_array_index (eligible, guint, i)));
      }

  X = 0;
  for (guint i = 0; i < M; i++)
    if (!taken[i])
      {
        X += sizes[i];
        positive += sizes[i] > 0;
      }

  rng = stream_for (context, "sample", stratum->key);

  if (context->settings->method == CASE_REVIEW_SAMPLING_METHOD_SEQUENTIAL_POISSON)
    {
      g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));

      /* One uniform per eligible unit in canonical order, used or not, so
       * the stream's position never depends on the sizes. */
      for (guint i = 0; i < M; i++)
        {
          double u = case_review_random_next_double (rng);
          Ranked r = { g_array_index (eligible, guint, i), i, NULL, 0 };

          if (taken[i] || sizes[i] == 0 || k_left == 0)
            continue;
          r.rank = u / ((double) ((guint64) k_left * sizes[i]) / (double) X);
          g_array_append_val (ranked, r);
        }
      g_array_sort (ranked, compare_by_rank);
      for (guint i = 0; i < ranked->len && i < k_left + context->settings->reserves; i++)
        {
          Ranked *r = &g_array_index (ranked, Ranked, i);
          gboolean reserve = i >= k_left;
          double pi = (double) ((guint64) k_left * sizes[r->position]) / (double) X;

          add_unit (context, stratum, r->row, reserve ? CASE_REVIEW_SAMPLE_ROLE_RESERVE : CASE_REVIEW_SAMPLE_ROLE_PRIMARY,
                    reserve ? 0 : pi, NULL);
        }
      return TRUE;
    }

  /* Systematic PPS in the plan's sort order. */
  for (guint i = 0; i < M; i++)
    g_array_append_val (order, i);
  if (context->settings->sort_key == CASE_REVIEW_SORT_KEY_CLOSED_ON)
    {
      /* Sort positions by the rows' dates (ids break ties). */
      g_autoptr(GArray) rows = g_array_copy (eligible);
      g_qsort_with_data (rows->data, rows->len, sizeof (guint), compare_rows_by_date, context->store);
      g_autoptr(GHashTable) position_of = g_hash_table_new (g_direct_hash, g_direct_equal);
      for (guint i = 0; i < M; i++)
        g_hash_table_insert (position_of, GUINT_TO_POINTER (g_array_index (eligible, guint, i)), GUINT_TO_POINTER (i));
      for (guint i = 0; i < M; i++)
        g_array_index (order, guint, i) = GPOINTER_TO_UINT (g_hash_table_lookup (position_of,
                                                                                  GUINT_TO_POINTER (g_array_index (rows, guint, i))));
    }

  if (k_left > 0 && positive <= k_left)
    {
      /* No more units of positive size than places: take them all. */
      for (guint i = 0; i < M; i++)
        {
          guint p = g_array_index (order, guint, i);
          if (!taken[p] && sizes[p] > 0)
            {
              add_unit (context, stratum, g_array_index (eligible, guint, p), CASE_REVIEW_SAMPLE_ROLE_PRIMARY, 1.0, NULL);
              g_hash_table_add (selected, GUINT_TO_POINTER (g_array_index (eligible, guint, p)));
            }
        }
    }
  else if (k_left > 0)
    {
      /* Unit i covers [C(i−1)·k, C(i)·k) on a line of length X·k; the
       * points are U + j·X for j = 0 … k−1 with U uniform in [0, X). */
      unsigned __int128 cumulative = 0;
      guint64 U = bounded64 (rng, X);
      guint j = 0;

      for (guint i = 0; i < M && j < k_left; i++)
        {
          guint p = g_array_index (order, guint, i);
          unsigned __int128 end;

          if (taken[p])
            continue;
          end = (cumulative + sizes[p]) * k_left;
          if ((unsigned __int128) U + (unsigned __int128) j * X < end)
            {
              double pi = (double) ((guint64) k_left * sizes[p]) / (double) X;

              add_unit (context, stratum, g_array_index (eligible, guint, p), CASE_REVIEW_SAMPLE_ROLE_PRIMARY, pi, NULL);
              g_hash_table_add (selected, GUINT_TO_POINTER (g_array_index (eligible, guint, p)));
              j++;
            }
          cumulative += sizes[p];
        }
    }

  draw_reserves_by_srs (context, stratum, eligible, selected);
  return TRUE;
}

static gboolean
draw_stratum (Context  *context,
              Stratum  *stratum,
              GError  **error)
{
  const Settings *settings = context->settings;
  g_autoptr(GArray) eligible = NULL;
  guint M, k;

  /* Without certainty flags every unit is eligible: share the rows. */
  if (settings->certainty_flags[0] == NULL)
    eligible = g_array_ref (stratum->rows);
  else
    eligible = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Certainty units first, in canonical order. */
  for (guint i = 0; settings->certainty_flags[0] != NULL && i < stratum->rows->len; i++)
    {
      guint row_index = g_array_index (stratum->rows, guint, i);

      if (settings->certainty_flags[0] != NULL && is_certainty (context, case_store_get_row (context->store, row_index)))
        {
          add_unit (context, stratum, row_index, CASE_REVIEW_SAMPLE_ROLE_CERTAINTY, 1.0, NULL);
          stratum->n_certainty++;
        }
      else
        g_array_append_val (eligible, row_index);
    }

  M = eligible->len;
  k = stratum->allocated > stratum->n_certainty ? stratum->allocated - stratum->n_certainty : 0;

  if (k >= M)
    {
      /* Take-all: every remaining unit, no reserves left to draw. */
      stratum->take_all = stratum->rows->len > 0;
      for (guint i = 0; i < M; i++)
        add_unit (context, stratum, g_array_index (eligible, guint, i), CASE_REVIEW_SAMPLE_ROLE_PRIMARY, 1.0, NULL);
      return TRUE;
    }

  if (settings->scheme == CASE_REVIEW_SAMPLING_SCHEME_TICKET)
    {
      g_autofree char *seed_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, settings->seed, -1);
      g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));

      for (guint i = 0; i < M; i++)
        {
          Ranked r = { g_array_index (eligible, guint, i), i, NULL, 0 };
          r.ticket = sampler_ticket (seed_hash, case_store_get_row (context->store, r.row)->id);
          g_array_append_val (ranked, r);
        }
      g_array_sort (ranked, compare_by_ticket);
      for (guint i = 0; i < M && i < k + settings->reserves; i++)
        {
          Ranked *r = &g_array_index (ranked, Ranked, i);
          gboolean reserve = i >= k;
          add_unit (context, stratum, r->row, reserve ? CASE_REVIEW_SAMPLE_ROLE_RESERVE : CASE_REVIEW_SAMPLE_ROLE_PRIMARY,
                    reserve ? 0 : (double) k / M, r->ticket);
        }
      for (guint i = 0; i < M; i++)
        g_free (g_array_index (ranked, Ranked, i).ticket);
      return TRUE;
    }

  switch (settings->method)
    {
    case CASE_REVIEW_SAMPLING_METHOD_SIMPLE_RANDOM:
      {
        g_autoptr(CaseReviewRandom) rng = stream_for (context, "sample", stratum->key);
        g_autoptr(GArray) picks = g_array_new (FALSE, FALSE, sizeof (guint));

        /* Reserves continue the same shuffle: a reserve is exactly what a
         * larger sample would have picked next. */
        fisher_yates (rng, M, k + settings->reserves, picks);
        for (guint i = 0; i < picks->len; i++)
          {
            gboolean reserve = i >= k;
            add_unit (context, stratum, g_array_index (eligible, guint, g_array_index (picks, guint, i)),
                      reserve ? CASE_REVIEW_SAMPLE_ROLE_RESERVE : CASE_REVIEW_SAMPLE_ROLE_PRIMARY,
                      reserve ? 0 : (double) k / M, NULL);
          }
      }
      return TRUE;

    case CASE_REVIEW_SAMPLING_METHOD_SYSTEMATIC:
      {
        g_autoptr(CaseReviewRandom) rng = stream_for (context, "sample", stratum->key);
        g_autoptr(GArray) walk = g_array_copy (eligible);
        g_autoptr(GHashTable) selected = g_hash_table_new (g_direct_hash, g_direct_equal);
        guint U;

        if (settings->sort_key == CASE_REVIEW_SORT_KEY_CLOSED_ON)
          g_qsort_with_data (walk->data, walk->len, sizeof (guint), compare_rows_by_date, context->store);

        /* Interval M/k exactly: with U uniform in [0, M), pick the units at
         * floor ((U + j·M) / k) for j = 0 … k−1. */
        U = case_review_random_bounded (rng, M);
        for (guint j = 0; j < k; j++)
          {
            guint64 position = ((guint64) U + (guint64) j * M) / k;
            guint row_index = g_array_index (walk, guint, position);

            add_unit (context, stratum, row_index, CASE_REVIEW_SAMPLE_ROLE_PRIMARY, (double) k / M, NULL);
            g_hash_table_add (selected, GUINT_TO_POINTER (row_index));
          }
        draw_reserves_by_srs (context, stratum, eligible, selected);
      }
      return TRUE;

    case CASE_REVIEW_SAMPLING_METHOD_PPS_SYSTEMATIC:
    case CASE_REVIEW_SAMPLING_METHOD_SEQUENTIAL_POISSON:
    default:
      return draw_pps (context, stratum, eligible, k, error);
    }
}

CaseReviewSample *
sampler_draw (CaseReviewSamplingPlan  *plan,
              CaseReviewPopulation    *population,
              GCancellable            *cancellable,
              GError                 **error)
{
  Settings settings = { 0 };
  Context context = { case_review_population_peek_store (population), &settings, plan };
  g_autoptr(GPtrArray) strata = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) strata_info = NULL;
  g_autofree char *fingerprint = NULL;
  g_autoptr(CaseReviewSamplingPlan) plan_copy = NULL;
  g_autoptr(JsonNode) plan_json = NULL;
  guint frame_size = 0;

  g_object_get (plan,
                "scheme", &settings.scheme, "method", &settings.method,
                "stratification", &settings.stratification, "allocation", &settings.allocation,
                "sample-size", &settings.sample_size, "per-stratum", &settings.per_stratum,
                "min-per-stratum", &settings.min_per_stratum, "max-per-stratum", &settings.max_per_stratum,
                "take-all", &settings.take_all, "reserves", &settings.reserves,
                "sort-key", &settings.sort_key, "size-measure", &settings.size_measure,
                "certainty-flags", &settings.certainty_flags,
                "confidence", &settings.confidence, "tolerable-rate", &settings.tolerable_rate,
                NULL);
  settings.seed = case_review_sampling_plan_get_seed (plan);

  strata = build_strata (&context, case_review_sampling_plan_get_filter (plan), &frame_size, error);
  if (strata == NULL || !allocate (&context, strata, error))
    {
      g_strfreev (settings.certainty_flags);
      return NULL;
    }

  units = g_ptr_array_new_with_free_func (g_object_unref);
  strata_info = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint s = 0; s < strata->len; s++)
    {
      Stratum *stratum = g_ptr_array_index (strata, s);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !draw_stratum (&context, stratum, error))
        {
          g_strfreev (settings.certainty_flags);
          return NULL;
        }
      for (guint i = 0; i < stratum->units->len; i++)
        g_ptr_array_add (units, g_object_ref (g_ptr_array_index (stratum->units, i)));
      g_ptr_array_add (strata_info,
                       case_review_sample_stratum_new_internal (stratum->key, stratum->rows->len, stratum->allocated,
                                                                stratum->n_certainty, stratum->n_selected,
                                                                stratum->n_reserves, stratum->take_all));
    }
  g_strfreev (settings.certainty_flags);

  /* The sample keeps its own copy of the plan: later edits of @plan must
   * not change what the manifest says was done. */
  plan_json = case_review_sampling_plan_to_json_node (plan);
  plan_copy = case_review_sampling_plan_new_from_json_node (plan_json, "$", error);
  if (plan_copy == NULL)
    return NULL;

  fingerprint = case_review_population_dup_fingerprint (population);
  return case_review_sample_new_internal (plan_copy, fingerprint, case_review_population_get_n_cases (population),
                                          frame_size, g_steal_pointer (&units), g_steal_pointer (&strata_info));
}
