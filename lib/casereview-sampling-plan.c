/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewSamplingPlan:
 *
 * Everything that decides a draw: the public seed, the
 * [enum@CaseReview.SamplingScheme] and [enum@CaseReview.SamplingMethod], how
 * the frame is filtered ([method@CaseReview.SamplingPlan.get_filter]) and
 * stratified, how the sample size is allocated to the strata (with a minimum
 * and maximum per stratum), which flags make a file a certainty unit, and
 * how many reserves each stratum gets.
 *
 * ```c
 * g_autoptr(CaseReviewSamplingPlan) plan = case_review_sampling_plan_new ("20201216 双色球 03 09 12 20 27 31 + 05");
 * g_object_set (plan,
 *               "allocation", CASE_REVIEW_ALLOCATION_PROPORTIONAL,
 *               "sample-size", 350, "min-per-stratum", 5, "reserves", 2,
 *               NULL);
 * g_autoptr(CaseReviewSample) sample = case_review_sampling_plan_draw (plan, population, NULL, &error);
 * ```
 *
 * A plan reads and writes JSON ([ctor@CaseReview.SamplingPlan.new_from_json],
 * [method@CaseReview.SamplingPlan.to_json]): the property names with
 * underscores, enum values by name, and the frame filter under `frame`; every
 * sample manifest embeds its plan this way. `docs/sampling-spec.md` specifies
 * what every setting does.
 *
 * Since: 0.1
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-enum-types.h"
#include "casereview-error.h"
#include "casereview-sampler.h"
#include "casereview-sampling-plan.h"
#include "casereview-sampling-plan-private.h"
#include "casereview-value-parsers.h"

struct _CaseReviewSamplingPlan
{
  GObject parent_instance;

  char *seed;
  CaseReviewSamplingScheme scheme;
  CaseReviewSamplingMethod method;
  CaseReviewStratification stratification;
  CaseReviewAllocation allocation;
  guint sample_size;
  guint per_stratum;
  guint min_per_stratum;
  guint max_per_stratum;
  gboolean take_all;
  guint reserves;
  CaseReviewSortKey sort_key;
  CaseReviewSizeMeasure size_measure;
  char **certainty_flags;
  double confidence;
  double tolerable_rate;
  double expected_rate;
  GHashTable *stratum_expected_rates;   /* key → double * */
  CaseReviewFrameFilter *filter;
};

enum {
  PROP_0,
  PROP_SEED,
  PROP_SCHEME,
  PROP_METHOD,
  PROP_STRATIFICATION,
  PROP_ALLOCATION,
  PROP_SAMPLE_SIZE,
  PROP_PER_STRATUM,
  PROP_MIN_PER_STRATUM,
  PROP_MAX_PER_STRATUM,
  PROP_TAKE_ALL,
  PROP_RESERVES,
  PROP_SORT_KEY,
  PROP_SIZE_MEASURE,
  PROP_CERTAINTY_FLAGS,
  PROP_CONFIDENCE,
  PROP_TOLERABLE_RATE,
  PROP_EXPECTED_RATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewSamplingPlan, case_review_sampling_plan, G_TYPE_OBJECT)

static void
case_review_sampling_plan_finalize (GObject *object)
{
  CaseReviewSamplingPlan *self = CASE_REVIEW_SAMPLING_PLAN (object);

  g_free (self->seed);
  g_strfreev (self->certainty_flags);
  g_hash_table_unref (self->stratum_expected_rates);
  g_object_unref (self->filter);

  G_OBJECT_CLASS (case_review_sampling_plan_parent_class)->finalize (object);
}

static void
case_review_sampling_plan_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CaseReviewSamplingPlan *self = CASE_REVIEW_SAMPLING_PLAN (object);

  switch (prop_id)
    {
    case PROP_SEED: g_value_set_string (value, self->seed); break;
    case PROP_SCHEME: g_value_set_enum (value, self->scheme); break;
    case PROP_METHOD: g_value_set_enum (value, self->method); break;
    case PROP_STRATIFICATION: g_value_set_enum (value, self->stratification); break;
    case PROP_ALLOCATION: g_value_set_enum (value, self->allocation); break;
    case PROP_SAMPLE_SIZE: g_value_set_uint (value, self->sample_size); break;
    case PROP_PER_STRATUM: g_value_set_uint (value, self->per_stratum); break;
    case PROP_MIN_PER_STRATUM: g_value_set_uint (value, self->min_per_stratum); break;
    case PROP_MAX_PER_STRATUM: g_value_set_uint (value, self->max_per_stratum); break;
    case PROP_TAKE_ALL: g_value_set_boolean (value, self->take_all); break;
    case PROP_RESERVES: g_value_set_uint (value, self->reserves); break;
    case PROP_SORT_KEY: g_value_set_enum (value, self->sort_key); break;
    case PROP_SIZE_MEASURE: g_value_set_enum (value, self->size_measure); break;
    case PROP_CERTAINTY_FLAGS: g_value_set_boxed (value, self->certainty_flags); break;
    case PROP_CONFIDENCE: g_value_set_double (value, self->confidence); break;
    case PROP_TOLERABLE_RATE: g_value_set_double (value, self->tolerable_rate); break;
    case PROP_EXPECTED_RATE: g_value_set_double (value, self->expected_rate); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_sampling_plan_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CaseReviewSamplingPlan *self = CASE_REVIEW_SAMPLING_PLAN (object);

  switch (prop_id)
    {
    case PROP_SEED: g_free (self->seed); self->seed = g_value_dup_string (value); break;
    case PROP_SCHEME: self->scheme = g_value_get_enum (value); break;
    case PROP_METHOD: self->method = g_value_get_enum (value); break;
    case PROP_STRATIFICATION: self->stratification = g_value_get_enum (value); break;
    case PROP_ALLOCATION: self->allocation = g_value_get_enum (value); break;
    case PROP_SAMPLE_SIZE: self->sample_size = g_value_get_uint (value); break;
    case PROP_PER_STRATUM: self->per_stratum = g_value_get_uint (value); break;
    case PROP_MIN_PER_STRATUM: self->min_per_stratum = g_value_get_uint (value); break;
    case PROP_MAX_PER_STRATUM: self->max_per_stratum = g_value_get_uint (value); break;
    case PROP_TAKE_ALL: self->take_all = g_value_get_boolean (value); break;
    case PROP_RESERVES: self->reserves = g_value_get_uint (value); break;
    case PROP_SORT_KEY: self->sort_key = g_value_get_enum (value); break;
    case PROP_SIZE_MEASURE: self->size_measure = g_value_get_enum (value); break;
    case PROP_CERTAINTY_FLAGS:
      g_strfreev (self->certainty_flags);
      self->certainty_flags = g_value_dup_boxed (value);
      if (self->certainty_flags == NULL)
        self->certainty_flags = g_new0 (char *, 1);
      break;
    case PROP_CONFIDENCE: self->confidence = g_value_get_double (value); break;
    case PROP_TOLERABLE_RATE: self->tolerable_rate = g_value_get_double (value); break;
    case PROP_EXPECTED_RATE: self->expected_rate = g_value_get_double (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
case_review_sampling_plan_class_init (CaseReviewSamplingPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_sampling_plan_finalize;
  object_class->get_property = case_review_sampling_plan_get_property;
  object_class->set_property = case_review_sampling_plan_set_property;

  /**
   * CaseReviewSamplingPlan:seed:
   *
   * The public seed, a non-empty UTF-8 string used verbatim, typically the
   * digits of a public lottery or dice ceremony held after the frame was
   * frozen.
   *
   * Since: 0.1
   */
  properties[PROP_SEED] = g_param_spec_string ("seed", NULL, NULL, NULL, RW);

  /**
   * CaseReviewSamplingPlan:scheme:
   *
   * Where the randomness comes from.
   *
   * Since: 0.1
   */
  properties[PROP_SCHEME] = g_param_spec_enum ("scheme", NULL, NULL, CASE_REVIEW_TYPE_SAMPLING_SCHEME,
                                               CASE_REVIEW_SAMPLING_SCHEME_PCG32, RW);

  /**
   * CaseReviewSamplingPlan:method:
   *
   * How units are selected within a stratum. The ticket scheme supports
   * simple random sampling only.
   *
   * Since: 0.1
   */
  properties[PROP_METHOD] = g_param_spec_enum ("method", NULL, NULL, CASE_REVIEW_TYPE_SAMPLING_METHOD,
                                               CASE_REVIEW_SAMPLING_METHOD_SIMPLE_RANDOM, RW);

  /**
   * CaseReviewSamplingPlan:stratification:
   *
   * How the frame is divided into strata.
   *
   * Since: 0.1
   */
  properties[PROP_STRATIFICATION] = g_param_spec_enum ("stratification", NULL, NULL, CASE_REVIEW_TYPE_STRATIFICATION,
                                                       CASE_REVIEW_STRATIFICATION_AGENCY, RW);

  /**
   * CaseReviewSamplingPlan:allocation:
   *
   * How the sample size is spread over the strata.
   *
   * Since: 0.1
   */
  properties[PROP_ALLOCATION] = g_param_spec_enum ("allocation", NULL, NULL, CASE_REVIEW_TYPE_ALLOCATION,
                                                   CASE_REVIEW_ALLOCATION_FIXED, RW);

  /**
   * CaseReviewSamplingPlan:sample-size:
   *
   * The total number of files for proportional, equal and Neyman allocation.
   *
   * Since: 0.1
   */
  properties[PROP_SAMPLE_SIZE] = g_param_spec_uint ("sample-size", NULL, NULL, 0, G_MAXINT32, 0, RW);

  /**
   * CaseReviewSamplingPlan:per-stratum:
   *
   * The number of files from every stratum for fixed allocation.
   *
   * Since: 0.1
   */
  properties[PROP_PER_STRATUM] = g_param_spec_uint ("per-stratum", NULL, NULL, 0, G_MAXINT32, 0, RW);

  /**
   * CaseReviewSamplingPlan:min-per-stratum:
   *
   * The fewest files any non-empty stratum gets (all of them when it has
   * fewer).
   *
   * Since: 0.1
   */
  properties[PROP_MIN_PER_STRATUM] = g_param_spec_uint ("min-per-stratum", NULL, NULL, 0, G_MAXINT32, 0, RW);

  /**
   * CaseReviewSamplingPlan:max-per-stratum:
   *
   * The most files any stratum gets; 0 for no limit.
   *
   * Since: 0.1
   */
  properties[PROP_MAX_PER_STRATUM] = g_param_spec_uint ("max-per-stratum", NULL, NULL, 0, G_MAXINT32, 0, RW);

  /**
   * CaseReviewSamplingPlan:take-all:
   *
   * Whether a stratum with no more files than its allocation is taken whole;
   * when %FALSE, such a fixed allocation is an error.
   *
   * Since: 0.1
   */
  properties[PROP_TAKE_ALL] = g_param_spec_boolean ("take-all", NULL, NULL, TRUE, RW);

  /**
   * CaseReviewSamplingPlan:reserves:
   *
   * How many reserves to draw per stratum, in draw order after the primary
   * units.
   *
   * Since: 0.1
   */
  properties[PROP_RESERVES] = g_param_spec_uint ("reserves", NULL, NULL, 0, G_MAXINT32, 0, RW);

  /**
   * CaseReviewSamplingPlan:sort-key:
   *
   * The order the systematic methods walk a stratum in.
   *
   * Since: 0.1
   */
  properties[PROP_SORT_KEY] = g_param_spec_enum ("sort-key", NULL, NULL, CASE_REVIEW_TYPE_SORT_KEY,
                                                 CASE_REVIEW_SORT_KEY_CASE_ID, RW);

  /**
   * CaseReviewSamplingPlan:size-measure:
   *
   * The size of a file for the PPS methods.
   *
   * Since: 0.1
   */
  properties[PROP_SIZE_MEASURE] = g_param_spec_enum ("size-measure", NULL, NULL, CASE_REVIEW_TYPE_SIZE_MEASURE,
                                                     CASE_REVIEW_SIZE_MEASURE_AMOUNT, RW);

  /**
   * CaseReviewSamplingPlan:certainty-flags:
   *
   * Files carrying any of these flags (e.g. `major`) are always included.
   *
   * Since: 0.1
   */
  properties[PROP_CERTAINTY_FLAGS] = g_param_spec_boxed ("certainty-flags", NULL, NULL, G_TYPE_STRV, RW);

  /**
   * CaseReviewSamplingPlan:confidence:
   *
   * The confidence for attribute allocation, in (0, 1).
   *
   * Since: 0.1
   */
  properties[PROP_CONFIDENCE] = g_param_spec_double ("confidence", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.95, RW);

  /**
   * CaseReviewSamplingPlan:tolerable-rate:
   *
   * The tolerable deviation rate for attribute allocation.
   *
   * Since: 0.1
   */
  properties[PROP_TOLERABLE_RATE] = g_param_spec_double ("tolerable-rate", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.05, RW);

  /**
   * CaseReviewSamplingPlan:expected-rate:
   *
   * The expected deviation rate for attribute and Neyman allocation (each
   * stratum's unless set with
   * [method@CaseReview.SamplingPlan.set_stratum_expected_rate]).
   *
   * Since: 0.1
   */
  properties[PROP_EXPECTED_RATE] = g_param_spec_double ("expected-rate", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_sampling_plan_init (CaseReviewSamplingPlan *self)
{
  self->seed = g_strdup ("");
  self->take_all = TRUE;
  self->certainty_flags = g_new0 (char *, 1);
  self->confidence = 0.95;
  self->tolerable_rate = 0.05;
  self->stratum_expected_rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->filter = case_review_frame_filter_new ();
}

/**
 * case_review_sampling_plan_new:
 * @seed: the public seed
 *
 * Creates a plan with the defaults: PCG32, simple random sampling,
 * stratified by agency, fixed allocation (set
 * [property@CaseReview.SamplingPlan:per-stratum]), take-all, no reserves.
 *
 * Returns: (transfer full): a new plan
 *
 * Since: 0.1
 */
CaseReviewSamplingPlan *
case_review_sampling_plan_new (const char *seed)
{
  g_return_val_if_fail (seed != NULL, NULL);

  return g_object_new (CASE_REVIEW_TYPE_SAMPLING_PLAN, "seed", seed, NULL);
}

/**
 * case_review_sampling_plan_get_seed:
 * @self: a plan
 *
 * The public seed.
 *
 * Returns: the seed
 *
 * Since: 0.1
 */
const char *
case_review_sampling_plan_get_seed (CaseReviewSamplingPlan *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLING_PLAN (self), NULL);

  return self->seed;
}

/**
 * case_review_sampling_plan_get_filter:
 * @self: a plan
 *
 * The filter that makes the frame from the population; change it to
 * restrict the closing dates, kinds or agencies, or to exclude files.
 *
 * Returns: (transfer none): the plan's frame filter
 *
 * Since: 0.1
 */
CaseReviewFrameFilter *
case_review_sampling_plan_get_filter (CaseReviewSamplingPlan *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLING_PLAN (self), NULL);

  return self->filter;
}

/**
 * case_review_sampling_plan_set_stratum_expected_rate:
 * @self: a plan
 * @stratum: a stratum key
 * @rate: the expected deviation rate of that stratum, or a negative number
 *   to use [property@CaseReview.SamplingPlan:expected-rate] again
 *
 * Sets one stratum's expected deviation rate for Neyman and attribute
 * allocation.
 *
 * Since: 0.1
 */
void
case_review_sampling_plan_set_stratum_expected_rate (CaseReviewSamplingPlan *self,
                                                     const char             *stratum,
                                                     double                  rate)
{
  g_return_if_fail (CASE_REVIEW_IS_SAMPLING_PLAN (self));
  g_return_if_fail (stratum != NULL);

  if (rate < 0)
    g_hash_table_remove (self->stratum_expected_rates, stratum);
  else
    g_hash_table_insert (self->stratum_expected_rates, g_strdup (stratum), g_memdup2 (&rate, sizeof rate));
}

double
case_review_sampling_plan_expected_rate_for (CaseReviewSamplingPlan *self,
                                             const char             *stratum)
{
  double *rate = g_hash_table_lookup (self->stratum_expected_rates, stratum);

  return rate != NULL ? *rate : self->expected_rate;
}

static gboolean
invalid (GError     **error,
         const char  *parameter,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         const char  *parameter,
         const char  *format,
         ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, "%s: %s", parameter, detail);
  return FALSE;
}

static gboolean
check_rate (double       rate,
            const char  *parameter,
            GError     **error)
{
  if (!isfinite (rate) || rate < 0 || rate > 1)
    return invalid (error, parameter, _("%g is not a rate between 0 and 1"), rate);
  return TRUE;
}

/**
 * case_review_sampling_plan_validate:
 * @self: a plan
 * @error: return location for a #GError
 *
 * Checks the plan's settings on their own (whether they fit a population is
 * checked when drawing).
 *
 * Returns: %TRUE if the plan is usable; otherwise %FALSE with a
 *   %CASE_REVIEW_ERROR_INVALID or %CASE_REVIEW_ERROR_UNSUPPORTED error that
 *   names the setting at fault
 *
 * Since: 0.1
 */
gboolean
case_review_sampling_plan_validate (CaseReviewSamplingPlan  *self,
                                    GError                 **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLING_PLAN (self), FALSE);

  if (self->seed == NULL || self->seed[0] == '\0')
    return invalid (error, "seed", _("the seed is empty; a draw needs a public seed"));
  if (!g_utf8_validate (self->seed, -1, NULL))
    return invalid (error, "seed", _("the seed is not valid UTF-8"));

  if (self->scheme == CASE_REVIEW_SAMPLING_SCHEME_TICKET &&
      self->method != CASE_REVIEW_SAMPLING_METHOD_SIMPLE_RANDOM)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_UNSUPPORTED,
                   _("method: the ticket scheme draws simple random samples only"));
      return FALSE;
    }

  switch (self->allocation)
    {
    case CASE_REVIEW_ALLOCATION_FIXED:
      if (self->per_stratum == 0)
        return invalid (error, "per_stratum", _("fixed allocation needs at least 1 file per stratum"));
      break;
    case CASE_REVIEW_ALLOCATION_PROPORTIONAL:
    case CASE_REVIEW_ALLOCATION_EQUAL:
    case CASE_REVIEW_ALLOCATION_NEYMAN:
      if (self->sample_size == 0)
        return invalid (error, "sample_size", _("this allocation splits a total sample size, which must be at least 1"));
      break;
    case CASE_REVIEW_ALLOCATION_ATTRIBUTE:
    default:
      break;
    }

  if (self->max_per_stratum != 0 && self->min_per_stratum > self->max_per_stratum)
    return invalid (error, "min_per_stratum", _("the minimum %u exceeds the maximum %u"),
                    self->min_per_stratum, self->max_per_stratum);

  if (!isfinite (self->confidence) || self->confidence <= 0 || self->confidence >= 1)
    return invalid (error, "confidence", _("%g is not between 0 and 1"), self->confidence);
  if (!check_rate (self->tolerable_rate, "tolerable_rate", error) ||
      !check_rate (self->expected_rate, "expected_rate", error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->stratum_expected_rates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *parameter = g_strdup_printf ("stratum_expected_rates.%s", (const char *) key);
      if (!check_rate (*(double *) value, parameter, error))
        return FALSE;
    }

  if (self->allocation == CASE_REVIEW_ALLOCATION_ATTRIBUTE)
    {
      if (self->tolerable_rate <= 0)
        return invalid (error, "tolerable_rate", _("the tolerable rate must be above 0"));
      if (self->tolerable_rate <= self->expected_rate)
        return invalid (error, "tolerable_rate", _("the tolerable rate %g must exceed the expected rate %g"),
                        self->tolerable_rate, self->expected_rate);
    }

  return TRUE;
}

/**
 * case_review_sampling_plan_draw:
 * @self: a plan
 * @population: the population to draw from
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Draws a sample. The result depends only on the plan (seed included) and
 * the population's content, never on the order the files were read in, and
 * anyone can recompute it ([method@CaseReview.Sample.verify]).
 *
 * Returns: (transfer full) (nullable): the sample, or %NULL with a
 *   %CASE_REVIEW_ERROR_INVALID error naming the setting or stratum when the
 *   plan does not fit the population (an empty stratum with a fixed quota,
 *   a sample larger than its frame without take-all, PPS sizes missing)
 *
 * Since: 0.1
 */
CaseReviewSample *
case_review_sampling_plan_draw (CaseReviewSamplingPlan  *self,
                                CaseReviewPopulation    *population,
                                GCancellable            *cancellable,
                                GError                 **error)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLING_PLAN (self), NULL);
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (population), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!case_review_sampling_plan_validate (self, error))
    return NULL;

  return sampler_draw (self, population, cancellable, error);
}

/* JSON: every property under its name with underscores; enums by nick. */

static char *
json_name (const char *property)
{
  char *name = g_strdup (property);

  g_strdelimit (name, "-", '_');
  return name;
}

static char *
enum_json_value (GType type,
                 int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);
  char *name = json_name (enum_value != NULL ? enum_value->value_nick : "");

  g_type_class_unref (klass);
  return name;
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          const GDate *date)
{
  if (date == NULL)
    return;
  json_builder_set_member_name (builder, member);
  {
    g_autofree char *text = case_review_format_date (g_date_get_julian (date));
    json_builder_add_string_value (builder, text);
  }
}

JsonNode *
case_review_sampling_plan_to_json_node (CaseReviewSamplingPlan *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  CaseReviewFrameFilter *filter = self->filter;
  const char * const *strv;
  g_autoptr(GList) keys = NULL;

  json_builder_begin_object (builder);
  for (guint i = 1; i < N_PROPS; i++)
    {
      GParamSpec *pspec = properties[i];
      g_autofree char *member = json_name (pspec->name);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &value);
      json_builder_set_member_name (builder, member);

      if (G_IS_PARAM_SPEC_STRING (pspec))
        json_builder_add_string_value (builder, g_value_get_string (&value));
      else if (G_IS_PARAM_SPEC_ENUM (pspec))
        {
          g_autofree char *name = enum_json_value (pspec->value_type, g_value_get_enum (&value));
          json_builder_add_string_value (builder, name);
        }
      else if (G_IS_PARAM_SPEC_UINT (pspec))
        json_builder_add_int_value (builder, g_value_get_uint (&value));
      else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
        json_builder_add_boolean_value (builder, g_value_get_boolean (&value));
      else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
        json_builder_add_double_value (builder, g_value_get_double (&value));
      else
        {
          char **flags = g_value_get_boxed (&value);
          json_builder_begin_array (builder);
          for (guint f = 0; flags != NULL && flags[f] != NULL; f++)
            json_builder_add_string_value (builder, flags[f]);
          json_builder_end_array (builder);
        }
    }

  json_builder_set_member_name (builder, "stratum_expected_rates");
  json_builder_begin_object (builder);
  keys = g_list_sort (g_hash_table_get_keys (self->stratum_expected_rates), (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_double_value (builder, *(double *) g_hash_table_lookup (self->stratum_expected_rates, l->data));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "frame");
  json_builder_begin_object (builder);
  add_date (builder, "closed_from", case_review_frame_filter_get_closed_from (filter));
  add_date (builder, "closed_to", case_review_frame_filter_get_closed_to (filter));
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_array (builder);
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    if (case_review_frame_filter_includes_kind (filter, k))
      json_builder_add_string_value (builder, case_review_enforcement_kind_get_name (k));
  json_builder_end_array (builder);
  if ((strv = case_review_frame_filter_get_agencies (filter)) != NULL)
    {
      json_builder_set_member_name (builder, "agencies");
      json_builder_begin_array (builder);
      for (guint i = 0; strv[i] != NULL; i++)
        json_builder_add_string_value (builder, strv[i]);
      json_builder_end_array (builder);
    }
  strv = case_review_frame_filter_get_excluded_ids (filter);
  json_builder_set_member_name (builder, "excluded_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * case_review_sampling_plan_to_json:
 * @self: a plan
 *
 * Serializes the plan as JSON (the format manifests embed).
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 0.1
 */
char *
case_review_sampling_plan_to_json (CaseReviewSamplingPlan *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLING_PLAN (self), NULL);

  node = case_review_sampling_plan_to_json_node (self);
  return json_to_string (node, TRUE);
}

static gboolean
plan_field_error (GError     **error,
                  const char  *path,
                  const char  *member,
                  const char  *detail)
{
  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, "%s.%s: %s", path, member, detail);
  return FALSE;
}

static gboolean
read_strings (JsonNode     *node,
              const char   *path,
              const char   *member,
              GStrv        *out,
              GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return plan_field_error (error, path, member, _("expected an array of strings"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return plan_field_error (error, path, member, _("expected an array of strings"));
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_frame (CaseReviewSamplingPlan  *self,
            JsonObject              *frame,
            const char              *path,
            GError                 **error)
{
  g_autoptr(GList) members = json_object_get_members (frame);
  GDate from, to;
  gboolean have_from = FALSE, have_to = FALSE;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *node = json_object_get_member (frame, member);

      if (g_str_equal (member, "closed_from") || g_str_equal (member, "closed_to"))
        {
          guint32 julian;
          const char *reason;

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            return plan_field_error (error, path, member, _("expected a date string"));
          if ((reason = case_review_parse_date (json_node_get_string (node), &julian)) != NULL)
            return plan_field_error (error, path, member, reason);
          g_date_set_julian (g_str_equal (member, "closed_from") ? &from : &to, julian);
          *(g_str_equal (member, "closed_from") ? &have_from : &have_to) = TRUE;
        }
      else if (g_str_equal (member, "kinds"))
        {
          g_auto(GStrv) names = NULL;
          g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (CaseReviewEnforcementKind));

          if (!read_strings (node, path, member, &names, error))
            return FALSE;
          for (guint i = 0; names[i] != NULL; i++)
            {
              CaseReviewEnforcementKind kind;
              if (!case_review_enforcement_kind_parse (names[i], &kind))
                {
                  g_autofree char *detail = g_strdup_printf (_("unknown enforcement kind \"%s\""), names[i]);
                  return plan_field_error (error, path, member, detail);
                }
              g_array_append_val (kinds, kind);
            }
          /* Listing every kind is the same as not filtering by kind. */
          case_review_frame_filter_set_kinds (self->filter, (CaseReviewEnforcementKind *) (gpointer) kinds->data,
                                              kinds->len == CASE_REVIEW_N_ENFORCEMENT_KINDS ? 0 : kinds->len);
        }
      else if (g_str_equal (member, "agencies") || g_str_equal (member, "excluded_ids"))
        {
          g_auto(GStrv) ids = NULL;

          if (!read_strings (node, path, member, &ids, error))
            return FALSE;
          if (g_str_equal (member, "agencies"))
            case_review_frame_filter_set_agencies (self->filter, (const char * const *) ids);
          else
            case_review_frame_filter_set_excluded_ids (self->filter, (const char * const *) ids);
        }
      else
        return plan_field_error (error, path, member, _("unknown field"));
    }

  case_review_frame_filter_set_closed_between (self->filter, have_from ? &from : NULL, have_to ? &to : NULL);
  return TRUE;
}

CaseReviewSamplingPlan *
case_review_sampling_plan_new_from_json_node (JsonNode    *root,
                                              const char  *path,
                                              GError     **error)
{
  g_autoptr(CaseReviewSamplingPlan) self = g_object_new (CASE_REVIEW_TYPE_SAMPLING_PLAN, NULL);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, _("%s: expected a JSON object"), path);
      return NULL;
    }
  object = json_node_get_object (root);
  members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *node = json_object_get_member (object, member);
      g_autofree char *property = g_strdup (member);
      GParamSpec *pspec;
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_str_equal (member, "frame"))
        {
          g_autofree char *frame_path = g_strdup_printf ("%s.frame", path);
          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              plan_field_error (error, path, member, _("expected an object"));
              return NULL;
            }
          if (!read_frame (self, json_node_get_object (node), frame_path, error))
            return NULL;
          continue;
        }
      if (g_str_equal (member, "stratum_expected_rates"))
        {
          g_autoptr(GList) strata = NULL;
          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              plan_field_error (error, path, member, _("expected an object of rates"));
              return NULL;
            }
          strata = json_object_get_members (json_node_get_object (node));
          for (GList *s = strata; s != NULL; s = s->next)
            {
              JsonNode *rate = json_object_get_member (json_node_get_object (node), s->data);
              GType type = JSON_NODE_HOLDS_VALUE (rate) ? json_node_get_value_type (rate) : G_TYPE_INVALID;
              if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
                {
                  plan_field_error (error, path, member, _("expected an object of rates"));
                  return NULL;
                }
              case_review_sampling_plan_set_stratum_expected_rate (self, s->data, json_node_get_double (rate));
            }
          continue;
        }

      g_strdelimit (property, "_", '-');
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);
      if (pspec == NULL)
        {
          plan_field_error (error, path, member, _("unknown field"));
          return NULL;
        }

      g_value_init (&value, pspec->value_type);
      if (G_IS_PARAM_SPEC_STRING (pspec))
        {
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            {
              plan_field_error (error, path, member, _("expected a string"));
              return NULL;
            }
          g_value_set_string (&value, json_node_get_string (node));
        }
      else if (G_IS_PARAM_SPEC_ENUM (pspec))
        {
          g_autofree char *nick = NULL;
          GEnumClass *klass;
          GEnumValue *enum_value;

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            {
              plan_field_error (error, path, member, _("expected a string"));
              return NULL;
            }
          nick = g_strdup (json_node_get_string (node));
          g_strdelimit (nick, "_", '-');
          klass = g_type_class_ref (pspec->value_type);
          enum_value = g_enum_get_value_by_nick (klass, nick);
          g_type_class_unref (klass);
          if (enum_value == NULL)
            {
              g_autofree char *detail = g_strdup_printf (_("unknown value \"%s\""), json_node_get_string (node));
              plan_field_error (error, path, member, detail);
              return NULL;
            }
          g_value_set_enum (&value, enum_value->value);
        }
      else if (G_IS_PARAM_SPEC_UINT (pspec))
        {
          gint64 number;
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
              (number = json_node_get_int (node)) < 0 || number > G_MAXINT32)
            {
              plan_field_error (error, path, member, _("expected a whole number from 0 to 2147483647"));
              return NULL;
            }
          g_value_set_uint (&value, (guint) number);
        }
      else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
        {
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
            {
              plan_field_error (error, path, member, _("expected true or false"));
              return NULL;
            }
          g_value_set_boolean (&value, json_node_get_boolean (node));
        }
      else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
        {
          GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
          if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
            {
              plan_field_error (error, path, member, _("expected a number"));
              return NULL;
            }
          g_value_set_double (&value, json_node_get_double (node));
        }
      else
        {
          g_auto(GStrv) strings = NULL;
          if (!read_strings (node, path, member, &strings, error))
            return NULL;
          g_value_take_boxed (&value, g_steal_pointer (&strings));
        }
      g_object_set_property (G_OBJECT (self), pspec->name, &value);
    }

  if (!case_review_sampling_plan_validate (self, error))
    {
      g_prefix_error (error, "%s.", path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * case_review_sampling_plan_new_from_json:
 * @json: a plan as JSON text
 * @error: return location for a #GError
 *
 * Reads a plan written by [method@CaseReview.SamplingPlan.to_json] or by
 * hand. Fields left out keep their defaults; unknown fields are errors, so
 * that a misspelt setting is not silently ignored.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with an error
 *   naming the field (`$.sample_size: …`)
 *
 * Since: 0.1
 */
CaseReviewSamplingPlan *
case_review_sampling_plan_new_from_json (const char  *json,
                                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, &parse_error))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE, _("plan: %s"), parse_error->message);
      return NULL;
    }

  return case_review_sampling_plan_new_from_json_node (json_parser_get_root (parser), "$", error);
}

/**
 * case_review_sampling_plan_new_from_file:
 * @file: a plan JSON file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a plan from a JSON file.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with an error that
 *   names the file and the field
 *
 * Since: 0.1
 */
CaseReviewSamplingPlan *
case_review_sampling_plan_new_from_file (GFile         *file,
                                         GCancellable  *cancellable,
                                         GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  CaseReviewSamplingPlan *plan;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, NULL, NULL, error))
    return NULL;

  plan = case_review_sampling_plan_new_from_json (contents, error);
  if (plan == NULL)
    {
      name = g_file_get_basename (file);
      g_prefix_error (error, "%s: ", name);
    }
  return plan;
}
