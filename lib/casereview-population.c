/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewPopulation:
 *
 * The sampling frame of a review: every case file closed in the review
 * period, with the agencies they belong to.
 *
 * A population is a [iface@Gio.ListModel] of [class@CaseReview.CaseFile], so
 * a GTK list view can show it directly. It keeps the files in compact arrays
 * (a few dozen bytes each plus their strings) and creates a
 * `CaseReviewCaseFile` only when one is asked for, so frames of millions of
 * files load quickly and fit in memory.
 *
 * Populations are read from an agencies CSV and a cases CSV
 * ([method@CaseReview.Population.load_csv], UTF-8 or GB18030, Chinese or
 * English headers) or from JSON ([method@CaseReview.Population.load_json]),
 * and written back with [method@CaseReview.Population.save_cases_csv],
 * [method@CaseReview.Population.save_agencies_csv] and
 * [method@CaseReview.Population.save_json]; `docs/formats.md` documents every
 * format. Loading is all-or-nothing: on any error the population is exactly
 * as it was, and the error names the file, line and column (or JSON path) and
 * the rule broken, e.g.
 * `cases.csv:1045:1: duplicate case id "深罗城罚〔2020〕88号" (first at line 17)`.
 * Set [property@CaseReview.Population:max-errors] to collect many problems
 * at once.
 *
 * [method@CaseReview.Population.dup_fingerprint] identifies the frame's
 * content independently of row order and file encoding; sample manifests
 * record it.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include <glib/gi18n-lib.h>

#include "casereview-case-store.h"
#include "casereview-error.h"
#include "casereview-frame-filter-private.h"
#include "casereview-population.h"
#include "casereview-population-io.h"
#include "casereview-population-private.h"
#include "casereview-value-parsers.h"

struct _CaseReviewPopulation
{
  GObject parent_instance;

  CaseStore *store;
  GListStore *agency_model;
  guint max_errors;
  GPtrArray *problems;       /* GError: those of the last failed load */
  double progress;
  gboolean loading;
};

enum {
  PROP_0,
  PROP_N_CASES,
  PROP_MAX_ERRORS,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void case_review_population_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaseReviewPopulation, case_review_population, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      case_review_population_list_model_init))

static GType
case_review_population_get_item_type (GListModel *model)
{
  return CASE_REVIEW_TYPE_CASE_FILE;
}

static guint
case_review_population_get_n_items (GListModel *model)
{
  return case_store_get_n_rows (CASE_REVIEW_POPULATION (model)->store);
}

static gpointer
case_review_population_get_item (GListModel *model,
                                 guint       position)
{
  CaseReviewPopulation *self = CASE_REVIEW_POPULATION (model);

  if (position >= case_store_get_n_rows (self->store))
    return NULL;

  return case_store_make_case_file (self->store, position);
}

static void
case_review_population_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = case_review_population_get_item_type;
  iface->get_n_items = case_review_population_get_n_items;
  iface->get_item = case_review_population_get_item;
}

static void
case_review_population_finalize (GObject *object)
{
  CaseReviewPopulation *self = CASE_REVIEW_POPULATION (object);

  case_store_free (self->store);
  g_object_unref (self->agency_model);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (case_review_population_parent_class)->finalize (object);
}

static void
case_review_population_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CaseReviewPopulation *self = CASE_REVIEW_POPULATION (object);

  switch (prop_id)
    {
    case PROP_N_CASES:
      g_value_set_uint (value, case_store_get_n_rows (self->store));
      break;
    case PROP_MAX_ERRORS:
      g_value_set_uint (value, self->max_errors);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_population_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CaseReviewPopulation *self = CASE_REVIEW_POPULATION (object);

  switch (prop_id)
    {
    case PROP_MAX_ERRORS:
      case_review_population_set_max_errors (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_population_class_init (CaseReviewPopulationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_population_finalize;
  object_class->get_property = case_review_population_get_property;
  object_class->set_property = case_review_population_set_property;

  /**
   * CaseReviewPopulation:n-cases:
   *
   * The number of case files, the same as the list model's item count.
   *
   * Since: 0.1
   */
  properties[PROP_N_CASES] =
    g_param_spec_uint ("n-cases", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewPopulation:max-errors:
   *
   * How many problems a load collects before it stops: 1 (the default)
   * stops at the first; a larger number reports every problem of a large
   * file at once, one per line of the error message and each in
   * [method@CaseReview.Population.get_problems].
   *
   * Since: 0.1
   */
  properties[PROP_MAX_ERRORS] =
    g_param_spec_uint ("max-errors", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewPopulation:progress:
   *
   * The fraction of the input read by the asynchronous load in progress,
   * from 0 to 1, for a progress bar. Notifications arrive in the main
   * context the load was started from.
   *
   * Since: 0.1
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_population_init (CaseReviewPopulation *self)
{
  self->store = case_store_new ();
  self->agency_model = g_list_store_new (CASE_REVIEW_TYPE_AGENCY);
  self->max_errors = 1;
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

/**
 * case_review_population_new:
 *
 * Creates an empty population.
 *
 * Returns: (transfer full): a new population
 *
 * Since: 0.1
 */
CaseReviewPopulation *
case_review_population_new (void)
{
  return g_object_new (CASE_REVIEW_TYPE_POPULATION, NULL);
}

/* Takes over @store as the population's content and tells observers. */
static void
replace_store (CaseReviewPopulation *self,
               CaseStore            *store)
{
  guint old_n = case_store_get_n_rows (self->store);
  g_autoptr(GPtrArray) agencies = g_ptr_array_new ();

  case_store_free (self->store);
  self->store = store;

  for (guint i = 0; i < case_store_get_n_agencies (store); i++)
    g_ptr_array_add (agencies, case_store_get_agency (store, i));
  g_list_store_splice (self->agency_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->agency_model)),
                       agencies->pdata, agencies->len);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, case_store_get_n_rows (store));
  if (old_n != case_store_get_n_rows (store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CASES]);
}

/**
 * case_review_population_get_n_cases:
 * @self: a population
 *
 * The number of case files.
 *
 * Returns: the number of case files
 *
 * Since: 0.1
 */
guint
case_review_population_get_n_cases (CaseReviewPopulation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), 0);

  return case_store_get_n_rows (self->store);
}

/**
 * case_review_population_get_agencies:
 * @self: a population
 *
 * The agencies, in the order they were loaded or added.
 *
 * Returns: (transfer none): a list model of [class@CaseReview.Agency]
 *
 * Since: 0.1
 */
GListModel *
case_review_population_get_agencies (CaseReviewPopulation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), NULL);

  return G_LIST_MODEL (self->agency_model);
}

/**
 * case_review_population_lookup_agency:
 * @self: a population
 * @id_or_name: an agency id, or failing that an agency's exact full name
 *
 * Finds an agency.
 *
 * Returns: (transfer none) (nullable): the agency, or %NULL
 *
 * Since: 0.1
 */
CaseReviewAgency *
case_review_population_lookup_agency (CaseReviewPopulation *self,
                                      const char           *id_or_name)
{
  int index;

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  index = population_resolve_agency (self->store, id_or_name);
  return index >= 0 ? case_store_get_agency (self->store, index) : NULL;
}

/**
 * case_review_population_lookup_case:
 * @self: a population
 * @case_id: a case number
 *
 * Finds a case file by its id in constant time.
 *
 * Returns: (transfer full) (nullable): the case file, or %NULL
 *
 * Since: 0.1
 */
CaseReviewCaseFile *
case_review_population_lookup_case (CaseReviewPopulation *self,
                                    const char           *case_id)
{
  int index;

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  index = case_store_find_case (self->store, case_id);
  return index >= 0 ? case_store_make_case_file (self->store, index) : NULL;
}

/**
 * case_review_population_contains_case:
 * @self: a population
 * @case_id: a case number
 *
 * Whether a case file with this id is in the population.
 *
 * Returns: %TRUE if it is
 *
 * Since: 0.1
 */
gboolean
case_review_population_contains_case (CaseReviewPopulation *self,
                                      const char           *case_id)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), FALSE);
  g_return_val_if_fail (case_id != NULL, FALSE);

  return case_store_find_case (self->store, case_id) >= 0;
}

/**
 * case_review_population_add_agency:
 * @self: a population
 * @agency: an agency
 * @error: return location for a #GError
 *
 * Adds an agency, for frames built in code rather than read from files.
 *
 * Returns: %TRUE on success; %FALSE with %CASE_REVIEW_ERROR_DUPLICATE when an
 *   agency with the same id or full name exists, or
 *   %CASE_REVIEW_ERROR_INVALID when the id is not usable
 *
 * Since: 0.1
 */
gboolean
case_review_population_add_agency (CaseReviewPopulation  *self,
                                   CaseReviewAgency      *agency,
                                   GError               **error)
{
  const char *id, *reason;

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_AGENCY (agency), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = case_review_agency_get_id (agency);
  if ((reason = population_check_identifier (id)) != NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("agency \"%s\": %s"), id, reason);
      return FALSE;
    }
  if (case_store_find_agency (self->store, id) >= 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                   _("agency \"%s\": an agency with this id is already in the population"), id);
      return FALSE;
    }
  if (case_store_find_agency_by_name (self->store, case_review_agency_get_name (agency)) >= 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                   _("agency \"%s\": another agency is already named \"%s\""),
                   id, case_review_agency_get_name (agency));
      return FALSE;
    }

  case_store_add_agency (self->store, agency);
  g_list_store_append (self->agency_model, agency);
  return TRUE;
}

/**
 * case_review_population_add_case:
 * @self: a population
 * @case_file: a case file whose agency is in the population
 * @error: return location for a #GError
 *
 * Adds a case file, for frames built in code rather than read from files.
 *
 * Returns: %TRUE on success; %FALSE with %CASE_REVIEW_ERROR_DUPLICATE for an
 *   id already present, %CASE_REVIEW_ERROR_NOT_FOUND for an unknown agency or
 *   %CASE_REVIEW_ERROR_INVALID for an unusable id
 *
 * Since: 0.1
 */
gboolean
case_review_population_add_case (CaseReviewPopulation  *self,
                                 CaseReviewCaseFile    *case_file,
                                 GError               **error)
{
  const char *id, *reason;
  int agency;
  guint position;

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (case_file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = case_review_case_file_get_id (case_file);
  if ((reason = population_check_identifier (id)) != NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, _("case \"%s\": %s"), id, reason);
      return FALSE;
    }
  if (case_store_find_case (self->store, id) >= 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                   _("case \"%s\": a case file with this id is already in the population"), id);
      return FALSE;
    }
  agency = case_store_find_agency (self->store, case_review_case_file_get_agency_id (case_file));
  if (agency < 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                   _("case \"%s\": unknown agency \"%s\""), id, case_review_case_file_get_agency_id (case_file));
      return FALSE;
    }

  position = case_store_add_case (self->store, id, (guint) agency,
                                  case_review_case_file_get_kind (case_file),
                                  g_date_get_julian (case_review_case_file_get_closed_on (case_file)),
                                  case_review_case_file_has_amount (case_file)
                                    ? case_review_case_file_get_amount (case_file) : CASE_STORE_NO_AMOUNT,
                                  case_review_case_file_has_weight (case_file),
                                  case_review_case_file_get_weight (case_file),
                                  case_review_case_file_get_flags (case_file),
                                  case_review_case_file_get_title (case_file));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CASES]);
  return TRUE;
}

/**
 * case_review_population_count_for_agency:
 * @self: a population
 * @agency_id: an agency id
 *
 * The number of case files of one agency.
 *
 * Returns: the count, 0 for an unknown agency
 *
 * Since: 0.1
 */
guint
case_review_population_count_for_agency (CaseReviewPopulation *self,
                                         const char           *agency_id)
{
  int agency;

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), 0);
  g_return_val_if_fail (agency_id != NULL, 0);

  agency = case_store_find_agency (self->store, agency_id);
  return agency >= 0 ? case_store_count (self->store, agency, -1) : 0;
}

/**
 * case_review_population_count_for_kind:
 * @self: a population
 * @kind: an enforcement kind
 *
 * The number of case files of one kind.
 *
 * Returns: the count
 *
 * Since: 0.1
 */
guint
case_review_population_count_for_kind (CaseReviewPopulation      *self,
                                       CaseReviewEnforcementKind  kind)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), 0);
  g_return_val_if_fail ((guint) kind < CASE_REVIEW_N_ENFORCEMENT_KINDS, 0);

  return case_store_count (self->store, -1, kind);
}

/**
 * case_review_population_count_for_stratum:
 * @self: a population
 * @agency_id: an agency id
 * @kind: an enforcement kind
 *
 * The number of case files of one agency and kind.
 *
 * Returns: the count, 0 for an unknown agency
 *
 * Since: 0.1
 */
guint
case_review_population_count_for_stratum (CaseReviewPopulation      *self,
                                          const char                *agency_id,
                                          CaseReviewEnforcementKind  kind)
{
  int agency;

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), 0);
  g_return_val_if_fail (agency_id != NULL, 0);
  g_return_val_if_fail ((guint) kind < CASE_REVIEW_N_ENFORCEMENT_KINDS, 0);

  agency = case_store_find_agency (self->store, agency_id);
  return agency >= 0 ? case_store_count (self->store, agency, kind) : 0;
}

static GDate *
date_from_julian (guint32 julian)
{
  GDate *date = g_date_new ();

  g_date_set_julian (date, julian);
  return date;
}

/**
 * case_review_population_dup_first_closed_on:
 * @self: a population
 *
 * The earliest closing date in the population.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when empty
 *
 * Since: 0.1
 */
GDate *
case_review_population_dup_first_closed_on (CaseReviewPopulation *self)
{
  guint32 first, last;

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), NULL);

  return case_store_get_date_range (self->store, &first, &last) ? date_from_julian (first) : NULL;
}

/**
 * case_review_population_dup_last_closed_on:
 * @self: a population
 *
 * The latest closing date in the population.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when empty
 *
 * Since: 0.1
 */
GDate *
case_review_population_dup_last_closed_on (CaseReviewPopulation *self)
{
  guint32 first, last;

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), NULL);

  return case_store_get_date_range (self->store, &first, &last) ? date_from_julian (last) : NULL;
}

static char *
stratum_key (CaseStore                *store,
             const CaseRow            *row,
             CaseReviewStratification  stratification)
{
  const char *agency = case_review_agency_get_id (case_store_get_agency (store, row->agency));
  const char *kind = case_review_enforcement_kind_get_name (row->kind);

  switch (stratification)
    {
    case CASE_REVIEW_STRATIFICATION_AGENCY:
      return g_strdup (agency);
    case CASE_REVIEW_STRATIFICATION_KIND:
      return g_strdup (kind);
    case CASE_REVIEW_STRATIFICATION_AGENCY_KIND:
    default:
      return g_strconcat (agency, "/", kind, NULL);
    }
}

/**
 * case_review_population_dup_stratum_key:
 * @self: a population
 * @position: the position of a case file
 * @stratification: how the frame is stratified
 *
 * The key of the stratum the case file at @position belongs to: `LH01`,
 * `penalty` or `LH01/penalty`.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL if @position is out
 *   of range
 *
 * Since: 0.1
 */
char *
case_review_population_dup_stratum_key (CaseReviewPopulation     *self,
                                        guint                     position,
                                        CaseReviewStratification  stratification)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), NULL);

  if (position >= case_store_get_n_rows (self->store))
    return NULL;

  return stratum_key (self->store, case_store_get_row (self->store, position), stratification);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * case_review_population_dup_stratum_keys:
 * @self: a population
 * @stratification: how the frame is stratified
 *
 * The keys of the non-empty strata, sorted bytewise.
 *
 * Returns: (transfer full) (array zero-terminated=1): the keys
 *
 * Since: 0.1
 */
char **
case_review_population_dup_stratum_keys (CaseReviewPopulation     *self,
                                         CaseReviewStratification  stratification)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), NULL);

  for (guint a = 0; a < case_store_get_n_agencies (self->store); a++)
    {
      const char *agency = case_review_agency_get_id (case_store_get_agency (self->store, a));

      if (stratification == CASE_REVIEW_STRATIFICATION_AGENCY)
        {
          if (case_store_count (self->store, a, -1) > 0)
            g_ptr_array_add (keys, g_strdup (agency));
          continue;
        }
      for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
        {
          if (case_store_count (self->store, a, k) == 0)
            continue;
          if (stratification == CASE_REVIEW_STRATIFICATION_AGENCY_KIND)
            g_ptr_array_add (keys, g_strconcat (agency, "/", case_review_enforcement_kind_get_name (k), NULL));
        }
    }
  if (stratification == CASE_REVIEW_STRATIFICATION_KIND)
    for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
      if (case_store_count (self->store, -1, k) > 0)
        g_ptr_array_add (keys, g_strdup (case_review_enforcement_kind_get_name (k)));

  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}

/**
 * case_review_population_filter:
 * @self: a population
 * @filter: which case files to keep
 * @error: return location for a #GError
 *
 * Makes the frame of a review from a larger population: a new population
 * with the same agencies and the case files @filter matches, in the same
 * order.
 *
 * Returns: (transfer full) (nullable): a new population, or %NULL with
 *   %CASE_REVIEW_ERROR_NOT_FOUND when the filter names an agency the
 *   population does not have (a typo would otherwise give an empty frame)
 *
 * Since: 0.1
 */
CaseReviewPopulation *
case_review_population_filter (CaseReviewPopulation   *self,
                               CaseReviewFrameFilter  *filter,
                               GError                **error)
{
  const char * const *agencies;
  CaseStore *store;
  CaseReviewPopulation *result;

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), NULL);
  g_return_val_if_fail (CASE_REVIEW_IS_FRAME_FILTER (filter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  agencies = case_review_frame_filter_get_agencies (filter);
  for (guint i = 0; agencies != NULL && agencies[i] != NULL; i++)
    {
      if (case_store_find_agency (self->store, agencies[i]) < 0)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                       _("filter: unknown agency \"%s\""), agencies[i]);
          return NULL;
        }
    }

  store = case_store_new ();
  for (guint a = 0; a < case_store_get_n_agencies (self->store); a++)
    case_store_add_agency (store, case_store_get_agency (self->store, a));

  for (guint i = 0; i < case_store_get_n_rows (self->store); i++)
    {
      const CaseRow *row = case_store_get_row (self->store, i);
      const char *agency_id = case_review_agency_get_id (case_store_get_agency (self->store, row->agency));

      if (case_review_frame_filter_matches_fields (filter, row->id, agency_id, row->kind, row->closed_on))
        case_store_add_case (store, row->id, row->agency, row->kind, row->closed_on, row->amount,
                             row->has_weight, row->weight, case_store_get_flags (self->store, row), row->title);
    }

  result = case_review_population_new ();
  result->max_errors = self->max_errors;
  replace_store (result, store);
  return result;
}

/**
 * case_review_population_dup_fingerprint:
 * @self: a population
 *
 * Identifies the population's content: the SHA-256, in lowercase
 * hexadecimal, of a canonical serialization of the agencies and the case
 * files sorted by id (documented in `docs/formats.md`). It is the same for
 * the same frame read in any row order or encoding, and differs when any
 * field of any case or agency differs.
 *
 * Returns: (transfer full): 64 hexadecimal digits
 *
 * Since: 0.1
 */
char *
case_review_population_dup_fingerprint (CaseReviewPopulation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), NULL);

  return case_store_dup_fingerprint (self->store);
}

/**
 * case_review_population_get_max_errors:
 * @self: a population
 *
 * How many problems a load collects before it stops.
 *
 * Returns: the limit, at least 1
 *
 * Since: 0.1
 */
guint
case_review_population_get_max_errors (CaseReviewPopulation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), 1);

  return self->max_errors;
}

/**
 * case_review_population_set_max_errors:
 * @self: a population
 * @max_errors: how many problems to collect, at least 1
 *
 * Sets [property@CaseReview.Population:max-errors].
 *
 * Since: 0.1
 */
void
case_review_population_set_max_errors (CaseReviewPopulation *self,
                                       guint                 max_errors)
{
  g_return_if_fail (CASE_REVIEW_IS_POPULATION (self));
  g_return_if_fail (max_errors >= 1);

  if (self->max_errors == max_errors)
    return;
  self->max_errors = max_errors;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ERRORS]);
}

/**
 * case_review_population_get_problems:
 * @self: a population
 *
 * The problems the last failed load found in its input, each a #GError in
 * the [error@CaseReview.Error] domain with a located message. Empty after a
 * successful load.
 *
 * Returns: (transfer none) (element-type GLib.Error): the problems
 *
 * Since: 0.1
 */
GPtrArray *
case_review_population_get_problems (CaseReviewPopulation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), NULL);

  return self->problems;
}

/**
 * case_review_population_get_progress:
 * @self: a population
 *
 * The progress of the asynchronous load in progress.
 *
 * Returns: a fraction from 0 to 1
 *
 * Since: 0.1
 */
double
case_review_population_get_progress (CaseReviewPopulation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), 0);

  return self->progress;
}

static void
set_progress (CaseReviewPopulation *self,
              double                progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* Loading: the same job runs synchronously or in a worker thread. */

typedef enum {
  LOAD_CSV,
  LOAD_JSON,
} LoadFormat;

typedef struct
{
  LoadFormat format;
  GFile *agencies;   /* CSV only */
  GFile *file;       /* cases CSV or the JSON file */
  CaseReviewTextEncoding encoding;
  guint max_errors;
  GPtrArray *problems;
  CaseStore *store;  /* the result */

  /* Progress reports from the worker thread, delivered in the main context. */
  GWeakRef population;
  GMainContext *context;
  double reported;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->agencies);
  g_clear_object (&job->file);
  g_ptr_array_unref (job->problems);
  g_clear_pointer (&job->store, case_store_free);
  g_weak_ref_clear (&job->population);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static LoadJob *
load_job_new (CaseReviewPopulation   *self,
              LoadFormat              format,
              GFile                  *agencies,
              GFile                  *file,
              CaseReviewTextEncoding  encoding)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  job->format = format;
  job->agencies = agencies != NULL ? g_object_ref (agencies) : NULL;
  job->file = g_object_ref (file);
  job->encoding = encoding;
  job->max_errors = self->max_errors;
  job->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_weak_ref_init (&job->population, self);
  return job;
}

typedef struct
{
  GWeakRef population;
  double progress;
} ProgressUpdate;

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;
  g_autoptr(CaseReviewPopulation) self = g_weak_ref_get (&update->population);

  if (self != NULL && self->loading)
    set_progress (self, update->progress);
  return G_SOURCE_REMOVE;
}

static void
free_progress_update (gpointer data)
{
  ProgressUpdate *update = data;

  g_weak_ref_clear (&update->population);
  g_free (update);
}

/* Called in the worker thread; posts at most a few hundred updates. */
static void
load_job_progress (double   fraction,
                   gpointer user_data)
{
  LoadJob *job = user_data;
  g_autoptr(GObject) population = NULL;
  ProgressUpdate *update;

  if (job->context == NULL || fraction - job->reported < 0.005)
    return;
  job->reported = fraction;

  population = g_weak_ref_get (&job->population);
  if (population == NULL)
    return;

  update = g_new0 (ProgressUpdate, 1);
  g_weak_ref_init (&update->population, population);
  update->progress = fraction;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_progress, update,
                              free_progress_update);
}

static gboolean
load_job_run (LoadJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  PopulationReadOptions options = {
    .encoding = job->encoding,
    .max_errors = job->max_errors,
    .progress = load_job_progress,
    .progress_data = job,
  };

  if (job->format == LOAD_CSV)
    job->store = population_read_csv (job->agencies, job->file, &options, job->problems, cancellable, error);
  else
    job->store = population_read_json (job->file, &options, job->problems, cancellable, error);

  return job->store != NULL;
}

/* Applies a finished job: the new content on success, the problems either way. */
static gboolean
load_job_apply (CaseReviewPopulation  *self,
                LoadJob               *job,
                GError               **error,
                GError                *job_error)
{
  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < job->problems->len; i++)
    g_ptr_array_add (self->problems, g_error_copy (g_ptr_array_index (job->problems, i)));

  if (job_error != NULL)
    {
      g_propagate_error (error, job_error);
      return FALSE;
    }

  replace_store (self, g_steal_pointer (&job->store));
  return TRUE;
}

/**
 * case_review_population_load_csv:
 * @self: a population
 * @agencies: the agencies CSV (columns 编号/id, 名称/name, 简称/short_name,
 *   类别/category)
 * @cases: the case files CSV (columns 案卷编号/case_id, 执法单位/agency,
 *   执法类别/kind, 结案日期/closed_on, 罚没金额/amount, 风险标记/flags, 案由/title,
 *   风险权重/weight)
 * @encoding: the files' encoding, or %CASE_REVIEW_TEXT_ENCODING_AUTO
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the population's content with the agencies and case files read
 * from two CSV files (RFC 4180: quoted fields may hold commas, quotes and
 * line breaks; CRLF or LF; an optional byte-order mark). Cases name their
 * agency by id or exact full name. Blank lines are skipped; unknown columns
 * are ignored.
 *
 * All or nothing: on any error, including cancellation, the population is
 * unchanged.
 *
 * Returns: %TRUE on success; on failure %FALSE with @error set: a
 *   [error@CaseReview.Error] whose message has one located problem per line
 *   (see [method@CaseReview.Population.get_problems]), or a #GIOError when a
 *   file cannot be read or the load was cancelled
 *
 * Since: 0.1
 */
gboolean
case_review_population_load_csv (CaseReviewPopulation    *self,
                                 GFile                   *agencies,
                                 GFile                   *cases,
                                 CaseReviewTextEncoding   encoding,
                                 GCancellable            *cancellable,
                                 GError                 **error)
{
  LoadJob *job;
  GError *job_error = NULL;
  gboolean ok;

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (agencies), FALSE);
  g_return_val_if_fail (G_IS_FILE (cases), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = load_job_new (self, LOAD_CSV, agencies, cases, encoding);
  load_job_run (job, cancellable, &job_error);
  ok = load_job_apply (self, job, error, job_error);
  load_job_free (job);
  return ok;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (load_job_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start_load (CaseReviewPopulation *self,
            LoadJob              *job,
            gpointer              source_tag,
            GCancellable         *cancellable,
            GAsyncReadyCallback   callback,
            gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  job->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_set_return_on_cancel (task, FALSE);

  self->loading = TRUE;
  set_progress (self, 0);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
finish_load (CaseReviewPopulation  *self,
             GAsyncResult          *result,
             gpointer               source_tag,
             GError               **error)
{
  GError *job_error = NULL;
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  self->loading = FALSE;
  g_task_propagate_boolean (G_TASK (result), &job_error);
  ok = load_job_apply (self, g_task_get_task_data (G_TASK (result)), error, job_error);
  if (ok)
    set_progress (self, 1.0);
  return ok;
}

/**
 * case_review_population_load_csv_async:
 * @self: a population
 * @agencies: the agencies CSV
 * @cases: the case files CSV
 * @encoding: the files' encoding, or %CASE_REVIEW_TEXT_ENCODING_AUTO
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the files have been read
 * @user_data: data for @callback
 *
 * Reads the files of [method@CaseReview.Population.load_csv] in a worker
 * thread, updating [property@CaseReview.Population:progress] as it goes.
 * The population changes only when
 * [method@CaseReview.Population.load_csv_finish] is called and succeeds.
 *
 * Since: 0.1
 */
void
case_review_population_load_csv_async (CaseReviewPopulation   *self,
                                       GFile                  *agencies,
                                       GFile                  *cases,
                                       CaseReviewTextEncoding  encoding,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data)
{
  g_return_if_fail (CASE_REVIEW_IS_POPULATION (self));
  g_return_if_fail (G_IS_FILE (agencies));
  g_return_if_fail (G_IS_FILE (cases));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_load (self, load_job_new (self, LOAD_CSV, agencies, cases, encoding),
              case_review_population_load_csv_async, cancellable, callback, user_data);
}

/**
 * case_review_population_load_csv_finish:
 * @self: a population
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Completes [method@CaseReview.Population.load_csv_async], replacing the
 * population's content on success.
 *
 * Returns: %TRUE on success; %FALSE with @error set as for
 *   [method@CaseReview.Population.load_csv], the population unchanged
 *
 * Since: 0.1
 */
gboolean
case_review_population_load_csv_finish (CaseReviewPopulation  *self,
                                        GAsyncResult          *result,
                                        GError               **error)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), FALSE);

  return finish_load (self, result, case_review_population_load_csv_async, error);
}

/**
 * case_review_population_load_json:
 * @self: a population
 * @file: a population JSON file (format `libcasereview-population`, version 1)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the population's content with that of a JSON file written by
 * [method@CaseReview.Population.save_json] or any program following
 * `docs/formats.md`. Problems are located by JSON path, e.g.
 * `population.json: $.cases[17].closed_on: invalid closing date …`.
 *
 * All or nothing: on any error the population is unchanged.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
case_review_population_load_json (CaseReviewPopulation  *self,
                                  GFile                 *file,
                                  GCancellable          *cancellable,
                                  GError               **error)
{
  LoadJob *job;
  GError *job_error = NULL;
  gboolean ok;

  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = load_job_new (self, LOAD_JSON, NULL, file, CASE_REVIEW_TEXT_ENCODING_UTF8);
  load_job_run (job, cancellable, &job_error);
  ok = load_job_apply (self, job, error, job_error);
  load_job_free (job);
  return ok;
}

/**
 * case_review_population_load_json_async:
 * @self: a population
 * @file: a population JSON file
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the file has been read
 * @user_data: data for @callback
 *
 * Reads the file of [method@CaseReview.Population.load_json] in a worker
 * thread. The population changes only when
 * [method@CaseReview.Population.load_json_finish] succeeds.
 *
 * Since: 0.1
 */
void
case_review_population_load_json_async (CaseReviewPopulation *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  g_return_if_fail (CASE_REVIEW_IS_POPULATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_load (self, load_job_new (self, LOAD_JSON, NULL, file, CASE_REVIEW_TEXT_ENCODING_UTF8),
              case_review_population_load_json_async, cancellable, callback, user_data);
}

/**
 * case_review_population_load_json_finish:
 * @self: a population
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Completes [method@CaseReview.Population.load_json_async].
 *
 * Returns: %TRUE on success; %FALSE with @error set, the population unchanged
 *
 * Since: 0.1
 */
gboolean
case_review_population_load_json_finish (CaseReviewPopulation  *self,
                                         GAsyncResult          *result,
                                         GError               **error)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), FALSE);

  return finish_load (self, result, case_review_population_load_json_async, error);
}

/**
 * case_review_population_save_json:
 * @self: a population
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the population as JSON (`docs/formats.md`); reading it back gives
 * an identical population. The file is replaced atomically: on error any
 * previous file is left as it was.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_population_save_json (CaseReviewPopulation  *self,
                                  GFile                 *file,
                                  GCancellable          *cancellable,
                                  GError               **error)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return population_write_json (self->store, file, cancellable, error);
}

/**
 * case_review_population_save_agencies_csv:
 * @self: a population
 * @file: where to write
 * @with_bom: whether to start with a UTF-8 byte-order mark, which Excel
 *   needs to recognise UTF-8
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the agencies as UTF-8 CSV with English headers. The file is
 * replaced atomically.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_population_save_agencies_csv (CaseReviewPopulation  *self,
                                          GFile                 *file,
                                          gboolean               with_bom,
                                          GCancellable          *cancellable,
                                          GError               **error)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return population_write_agencies_csv (self->store, file, with_bom, cancellable, error);
}

/**
 * case_review_population_save_cases_csv:
 * @self: a population
 * @file: where to write
 * @with_bom: whether to start with a UTF-8 byte-order mark for Excel
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the case files as UTF-8 CSV with English headers, amounts in yuan
 * with two decimals; reading it back (with the agencies) gives an identical
 * population. The file is replaced atomically.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_population_save_cases_csv (CaseReviewPopulation  *self,
                                       GFile                 *file,
                                       gboolean               with_bom,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return population_write_cases_csv (self->store, file, with_bom, cancellable, error);
}

CaseStore *
case_review_population_peek_store (CaseReviewPopulation *self)
{
  return self->store;
}
