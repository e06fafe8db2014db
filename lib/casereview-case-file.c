/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewCaseFile:
 *
 * One closed enforcement case file (案卷) of the sampling frame: its case
 * number (the id, e.g. 深罗城罚〔2020〕88号), the agency that handled it, the
 * [enum@CaseReview.EnforcementKind], the closing date, and optionally the
 * amount fined or confiscated in fen (1/100 yuan, an exact integer), a risk
 * weight, flags such as `major`, `complaint`, `hearing` or `litigation`, and
 * a title (案由).
 *
 * Case files are immutable values; those handed out by a
 * [class@CaseReview.Population] are created on demand from its compact
 * storage, so keep a reference rather than comparing pointers.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include <string.h>

#include "casereview-case-file.h"
#include "casereview-case-file-private.h"

struct _CaseReviewCaseFile
{
  GObject parent_instance;

  char *id;
  char *agency_id;
  CaseReviewEnforcementKind kind;
  GDate closed_on;
  gint64 amount;      /* fen; -1 when the file records none */
  double weight;      /* -1 when the file records none */
  char **flags;       /* sorted, unique, never NULL */
  char *title;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_AGENCY_ID,
  PROP_KIND,
  PROP_CLOSED_ON,
  PROP_AMOUNT,
  PROP_WEIGHT,
  PROP_FLAGS,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewCaseFile, case_review_case_file, G_TYPE_OBJECT)

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
case_review_case_file_normalize_flags (const char * const *flags)
{
  g_autoptr(GPtrArray) set = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; flags != NULL && flags[i] != NULL; i++)
    {
      char *flag = g_strstrip (g_strdup (flags[i]));

      if (flag[0] == '\0')
        g_free (flag);
      else
        g_ptr_array_add (set, flag);
    }
  g_ptr_array_sort (set, compare_strings);
  for (guint i = 1; i < set->len;)
    {
      if (strcmp (g_ptr_array_index (set, i - 1), g_ptr_array_index (set, i)) == 0)
        g_ptr_array_remove_index (set, i);
      else
        i++;
    }
  g_ptr_array_add (set, NULL);

  return (char **) g_ptr_array_steal (set, NULL);
}

static void
case_review_case_file_finalize (GObject *object)
{
  CaseReviewCaseFile *self = CASE_REVIEW_CASE_FILE (object);

  g_free (self->id);
  g_free (self->agency_id);
  g_strfreev (self->flags);
  g_free (self->title);

  G_OBJECT_CLASS (case_review_case_file_parent_class)->finalize (object);
}

static void
case_review_case_file_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CaseReviewCaseFile *self = CASE_REVIEW_CASE_FILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_AGENCY_ID:
      g_value_set_string (value, self->agency_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_CLOSED_ON:
      g_value_set_boxed (value, &self->closed_on);
      break;
    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;
    case PROP_FLAGS:
      g_value_set_boxed (value, self->flags);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_case_file_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CaseReviewCaseFile *self = CASE_REVIEW_CASE_FILE (object);
  const GDate *date;

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_AGENCY_ID:
      self->agency_id = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_CLOSED_ON:
      date = g_value_get_boxed (value);
      if (date != NULL && g_date_valid (date))
        self->closed_on = *date;
      break;
    case PROP_AMOUNT:
      self->amount = g_value_get_int64 (value);
      break;
    case PROP_WEIGHT:
      self->weight = g_value_get_double (value);
      break;
    case PROP_FLAGS:
      g_strfreev (self->flags);
      self->flags = case_review_case_file_normalize_flags (g_value_get_boxed (value));
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_case_file_constructed (GObject *object)
{
  CaseReviewCaseFile *self = CASE_REVIEW_CASE_FILE (object);

  G_OBJECT_CLASS (case_review_case_file_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_strdup ("");
  if (self->agency_id == NULL)
    self->agency_id = g_strdup ("");
  if (self->flags == NULL)
    self->flags = g_new0 (char *, 1);
}

static void
case_review_case_file_class_init (CaseReviewCaseFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_case_file_finalize;
  object_class->get_property = case_review_case_file_get_property;
  object_class->set_property = case_review_case_file_set_property;
  object_class->constructed = case_review_case_file_constructed;

  /**
   * CaseReviewCaseFile:id:
   *
   * The case number, unique within a population.
   *
   * Since: 0.1
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCaseFile:agency-id:
   *
   * The id of the [class@CaseReview.Agency] that handled the case.
   *
   * Since: 0.1
   */
  properties[PROP_AGENCY_ID] =
    g_param_spec_string ("agency-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCaseFile:kind:
   *
   * The kind of enforcement act.
   *
   * Since: 0.1
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CASE_REVIEW_TYPE_ENFORCEMENT_KIND, CASE_REVIEW_ENFORCEMENT_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCaseFile:closed-on:
   *
   * The date the case was closed (结案日期).
   *
   * Since: 0.1
   */
  properties[PROP_CLOSED_ON] =
    g_param_spec_boxed ("closed-on", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCaseFile:amount:
   *
   * The amount fined or confiscated (罚没金额) in fen, or -1 when the file
   * records none.
   *
   * Since: 0.1
   */
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCaseFile:weight:
   *
   * A non-negative risk weight for size-proportional sampling, or -1 when the
   * file records none.
   *
   * Since: 0.1
   */
  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCaseFile:flags:
   *
   * Flags such as `major`, `complaint`, `hearing` or `litigation`, as a
   * sorted set.
   *
   * Since: 0.1
   */
  properties[PROP_FLAGS] =
    g_param_spec_boxed ("flags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCaseFile:title:
   *
   * The case's title (案由), or %NULL.
   *
   * Since: 0.1
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_case_file_init (CaseReviewCaseFile *self)
{
  self->kind = CASE_REVIEW_ENFORCEMENT_KIND_OTHER;
  self->amount = -1;
  self->weight = -1;
  g_date_clear (&self->closed_on, 1);
}

/**
 * case_review_case_file_new:
 * @id: the case number
 * @agency_id: the id of the agency that handled the case
 * @kind: the kind of enforcement act
 * @closed_on: the closing date, a valid date
 *
 * Creates a case file without amount, weight, flags or title; see
 * [ctor@CaseReview.CaseFile.new_full] for all fields.
 *
 * Returns: (transfer full): a new case file
 *
 * Since: 0.1
 */
CaseReviewCaseFile *
case_review_case_file_new (const char                *id,
                           const char                *agency_id,
                           CaseReviewEnforcementKind  kind,
                           const GDate               *closed_on)
{
  return case_review_case_file_new_full (id, agency_id, kind, closed_on, -1, -1, NULL, NULL);
}

/**
 * case_review_case_file_new_full:
 * @id: the case number
 * @agency_id: the id of the agency that handled the case
 * @kind: the kind of enforcement act
 * @closed_on: the closing date, a valid date
 * @amount: the amount in fen, or -1 for none
 * @weight: a non-negative risk weight, or -1 for none
 * @flags: (array zero-terminated=1) (nullable): flags, in any order
 * @title: (nullable): the case's title
 *
 * Creates a case file with every field.
 *
 * Returns: (transfer full): a new case file
 *
 * Since: 0.1
 */
CaseReviewCaseFile *
case_review_case_file_new_full (const char                *id,
                                const char                *agency_id,
                                CaseReviewEnforcementKind  kind,
                                const GDate               *closed_on,
                                gint64                     amount,
                                double                     weight,
                                const char * const        *flags,
                                const char                *title)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (agency_id != NULL, NULL);
  g_return_val_if_fail (closed_on != NULL && g_date_valid (closed_on), NULL);
  g_return_val_if_fail (amount >= -1, NULL);
  g_return_val_if_fail (weight >= 0 || weight == -1, NULL);

  return g_object_new (CASE_REVIEW_TYPE_CASE_FILE,
                       "id", id,
                       "agency-id", agency_id,
                       "kind", kind,
                       "closed-on", closed_on,
                       "amount", amount,
                       "weight", weight,
                       "flags", flags,
                       "title", title,
                       NULL);
}

/**
 * case_review_case_file_get_id:
 * @self: a case file
 *
 * The case number.
 *
 * Returns: the id
 *
 * Since: 0.1
 */
const char *
case_review_case_file_get_id (CaseReviewCaseFile *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), NULL);

  return self->id;
}

/**
 * case_review_case_file_get_agency_id:
 * @self: a case file
 *
 * The id of the agency that handled the case.
 *
 * Returns: the agency id
 *
 * Since: 0.1
 */
const char *
case_review_case_file_get_agency_id (CaseReviewCaseFile *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), NULL);

  return self->agency_id;
}

/**
 * case_review_case_file_get_kind:
 * @self: a case file
 *
 * The kind of enforcement act.
 *
 * Returns: the kind
 *
 * Since: 0.1
 */
CaseReviewEnforcementKind
case_review_case_file_get_kind (CaseReviewCaseFile *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), CASE_REVIEW_ENFORCEMENT_KIND_OTHER);

  return self->kind;
}

/**
 * case_review_case_file_get_closed_on:
 * @self: a case file
 *
 * The closing date.
 *
 * Returns: (transfer none): the date
 *
 * Since: 0.1
 */
const GDate *
case_review_case_file_get_closed_on (CaseReviewCaseFile *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), NULL);

  return &self->closed_on;
}

/**
 * case_review_case_file_dup_closed_on_string:
 * @self: a case file
 *
 * The closing date in ISO 8601 form, `YYYY-MM-DD`.
 *
 * Returns: (transfer full): the date as a string
 *
 * Since: 0.1
 */
char *
case_review_case_file_dup_closed_on_string (CaseReviewCaseFile *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), NULL);

  if (!g_date_valid (&self->closed_on))
    return g_strdup ("");

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (&self->closed_on),
                          g_date_get_month (&self->closed_on),
                          g_date_get_day (&self->closed_on));
}

/**
 * case_review_case_file_has_amount:
 * @self: a case file
 *
 * Whether the file records an amount fined or confiscated.
 *
 * Returns: %TRUE if it does
 *
 * Since: 0.1
 */
gboolean
case_review_case_file_has_amount (CaseReviewCaseFile *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), FALSE);

  return self->amount >= 0;
}

/**
 * case_review_case_file_get_amount:
 * @self: a case file
 *
 * The amount fined or confiscated in fen (1/100 yuan), exact.
 *
 * Returns: the amount, or 0 when the file records none
 *
 * Since: 0.1
 */
gint64
case_review_case_file_get_amount (CaseReviewCaseFile *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), 0);

  return MAX (self->amount, 0);
}

/**
 * case_review_case_file_has_weight:
 * @self: a case file
 *
 * Whether the file records a risk weight.
 *
 * Returns: %TRUE if it does
 *
 * Since: 0.1
 */
gboolean
case_review_case_file_has_weight (CaseReviewCaseFile *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), FALSE);

  return self->weight >= 0;
}

/**
 * case_review_case_file_get_weight:
 * @self: a case file
 *
 * The risk weight used for size-proportional sampling.
 *
 * Returns: the weight, or 0 when the file records none
 *
 * Since: 0.1
 */
double
case_review_case_file_get_weight (CaseReviewCaseFile *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), 0);

  return MAX (self->weight, 0);
}

/**
 * case_review_case_file_get_flags:
 * @self: a case file
 *
 * The file's flags, sorted bytewise and without duplicates.
 *
 * Returns: (transfer none) (array zero-terminated=1): the flags, possibly empty
 *
 * Since: 0.1
 */
const char * const *
case_review_case_file_get_flags (CaseReviewCaseFile *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), NULL);

  return (const char * const *) self->flags;
}

/**
 * case_review_case_file_has_flag:
 * @self: a case file
 * @flag: a flag such as `major`
 *
 * Whether the file carries @flag.
 *
 * Returns: %TRUE if it does
 *
 * Since: 0.1
 */
gboolean
case_review_case_file_has_flag (CaseReviewCaseFile *self,
                                const char         *flag)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), FALSE);
  g_return_val_if_fail (flag != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->flags, flag);
}

/**
 * case_review_case_file_get_title:
 * @self: a case file
 *
 * The case's title (案由).
 *
 * Returns: (nullable): the title, or %NULL
 *
 * Since: 0.1
 */
const char *
case_review_case_file_get_title (CaseReviewCaseFile *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CASE_FILE (self), NULL);

  return self->title;
}
