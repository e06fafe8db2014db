/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewCompositeComponent:
 *
 * One scored part of a [class@CaseReview.CompositeEvaluation]: an id, a
 * label in Chinese and English, a weight and a [enum@CaseReview.CompositeRule]
 * that turns a subject's raw values into the component's score.
 *
 * The weight is an exact decimal with up to six decimals, read from text
 * (`"0.6"`) digit by digit and kept in millionths, so the weights of an
 * evaluation can be checked to add up to exactly 1 in integer arithmetic.
 *
 * ```c
 * g_autoptr(CaseReviewCompositeComponent) hearing =
 *   case_review_composite_component_new ("hearing", CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN, "0.6", &error);
 * case_review_composite_component_set_label (hearing, "庭审旁听");
 * case_review_composite_component_set_label_en (hearing, "Live hearing");
 * ```
 *
 * The id, rule and weight are fixed when the component is made; the labels
 * and [property@CaseReview.CompositeComponent:trim-from] may change.
 *
 * Since: 0.1
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "casereview-composite-private.h"
#include "casereview-enum-types.h"
#include "casereview-error.h"

struct _CaseReviewCompositeComponent
{
  GObject parent_instance;

  char *id;
  char *label;
  char *label_en;
  CaseReviewCompositeRule rule;
  guint weight;        /* millionths */
  char *weight_text;   /* normalized: "0.6" */
  guint trim_from;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_RULE,
  PROP_WEIGHT,
  PROP_WEIGHT_MILLIONTHS,
  PROP_LABEL,
  PROP_LABEL_EN,
  PROP_TRIM_FROM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewCompositeComponent, case_review_composite_component, G_TYPE_OBJECT)

/* Replaces *@slot with a copy of @value (an empty string counts as NULL);
 * whether it changed. (g_set_str needs GLib 2.76.) */
static gboolean
replace_label (char       **slot,
               const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
case_review_composite_component_finalize (GObject *object)
{
  CaseReviewCompositeComponent *self = CASE_REVIEW_COMPOSITE_COMPONENT (object);

  g_free (self->id);
  g_free (self->label);
  g_free (self->label_en);
  g_free (self->weight_text);

  G_OBJECT_CLASS (case_review_composite_component_parent_class)->finalize (object);
}

static void
case_review_composite_component_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  CaseReviewCompositeComponent *self = CASE_REVIEW_COMPOSITE_COMPONENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_RULE: g_value_set_enum (value, self->rule); break;
    case PROP_WEIGHT: g_value_set_string (value, self->weight_text); break;
    case PROP_WEIGHT_MILLIONTHS: g_value_set_uint (value, self->weight); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_LABEL_EN: g_value_set_string (value, self->label_en); break;
    case PROP_TRIM_FROM: g_value_set_uint (value, self->trim_from); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_composite_component_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  CaseReviewCompositeComponent *self = CASE_REVIEW_COMPOSITE_COMPONENT (object);

  switch (prop_id)
    {
    case PROP_LABEL: case_review_composite_component_set_label (self, g_value_get_string (value)); break;
    case PROP_LABEL_EN: case_review_composite_component_set_label_en (self, g_value_get_string (value)); break;
    case PROP_TRIM_FROM: case_review_composite_component_set_trim_from (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_composite_component_class_init (CaseReviewCompositeComponentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_composite_component_finalize;
  object_class->get_property = case_review_composite_component_get_property;
  object_class->set_property = case_review_composite_component_set_property;

  /**
   * CaseReviewCompositeComponent:id:
   *
   * The component's id, unique within its evaluation (`hearing`).
   *
   * Since: 0.1
   */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCompositeComponent:rule:
   *
   * How the subject's raw values become the component's score.
   *
   * Since: 0.1
   */
  properties[PROP_RULE] =
    g_param_spec_enum ("rule", NULL, NULL, CASE_REVIEW_TYPE_COMPOSITE_RULE, CASE_REVIEW_COMPOSITE_RULE_MEAN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCompositeComponent:weight:
   *
   * The weight as the shortest exact decimal (`"0.6"`).
   *
   * Since: 0.1
   */
  properties[PROP_WEIGHT] = g_param_spec_string ("weight", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCompositeComponent:weight-millionths:
   *
   * The weight in millionths (600000 for 0.6).
   *
   * Since: 0.1
   */
  properties[PROP_WEIGHT_MILLIONTHS] =
    g_param_spec_uint ("weight-millionths", NULL, NULL, 0, COMPOSITE_WEIGHT_ONE, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCompositeComponent:label:
   *
   * The Chinese label (`庭审旁听`); the id when none was set.
   *
   * Since: 0.1
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCompositeComponent:label-en:
   *
   * The English label (`Live hearing`); the id when none was set.
   *
   * Since: 0.1
   */
  properties[PROP_LABEL_EN] =
    g_param_spec_string ("label-en", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCompositeComponent:trim-from:
   *
   * For [enum@CaseReview.CompositeRule.TRIMMED_MEAN]: the number of values
   * from which the single highest and lowest are dropped; 5 by default, at
   * least 3.
   *
   * Since: 0.1
   */
  properties[PROP_TRIM_FROM] =
    g_param_spec_uint ("trim-from", NULL, NULL, 3, G_MAXUINT, 5,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_composite_component_init (CaseReviewCompositeComponent *self)
{
  self->trim_from = 5;
}

/**
 * case_review_composite_component_new:
 * @id: the component's id, a non-empty string
 * @rule: how the component combines a subject's values
 * @weight: the weight as a decimal from 0 to 1 with up to six decimals
 *   (`"0.6"`, `"0.125"`, `"1"`)
 * @error: return location for a #GError
 *
 * Creates a component. Its labels are the id until set.
 *
 * Returns: (transfer full) (nullable): the component, or %NULL with
 *   %CASE_REVIEW_ERROR_INVALID for an empty id or a weight that is not such
 *   a decimal
 *
 * Since: 0.1
 */
CaseReviewCompositeComponent *
case_review_composite_component_new (const char               *id,
                                     CaseReviewCompositeRule   rule,
                                     const char               *weight,
                                     GError                  **error)
{
  CaseReviewCompositeComponent *self;
  const char *reason;
  guint millionths = 0;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (weight != NULL, NULL);
  g_return_val_if_fail (rule <= CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (id[0] == '\0' || !g_utf8_validate (id, -1, NULL))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, _("a component id must be non-empty UTF-8"));
      return NULL;
    }
  reason = composite_parse_weight (weight, &millionths);
  if (reason != NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("component \"%s\": weight \"%s\" %s"), id, weight, reason);
      return NULL;
    }

  self = g_object_new (CASE_REVIEW_TYPE_COMPOSITE_COMPONENT, NULL);
  self->id = g_strdup (id);
  self->rule = rule;
  self->weight = millionths;
  self->weight_text = composite_format_weight (millionths);
  return self;
}

/**
 * case_review_composite_component_get_id:
 * @self: a component
 *
 * The component's id.
 *
 * Returns: the id
 *
 * Since: 0.1
 */
const char *
case_review_composite_component_get_id (CaseReviewCompositeComponent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_COMPONENT (self), NULL);
  return self->id;
}

/**
 * case_review_composite_component_get_rule:
 * @self: a component
 *
 * How the component combines a subject's values.
 *
 * Returns: the rule
 *
 * Since: 0.1
 */
CaseReviewCompositeRule
case_review_composite_component_get_rule (CaseReviewCompositeComponent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_COMPONENT (self), CASE_REVIEW_COMPOSITE_RULE_MEAN);
  return self->rule;
}

/**
 * case_review_composite_component_get_weight:
 * @self: a component
 *
 * The weight as the shortest exact decimal: `"0.6"` whether it was given
 * as `"0.6"` or `"0.600"`.
 *
 * Returns: the weight
 *
 * Since: 0.1
 */
const char *
case_review_composite_component_get_weight (CaseReviewCompositeComponent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_COMPONENT (self), NULL);
  return self->weight_text;
}

/**
 * case_review_composite_component_get_weight_millionths:
 * @self: a component
 *
 * The weight in millionths, the unit the library computes in.
 *
 * Returns: the weight × 10⁶ (600000 for 0.6)
 *
 * Since: 0.1
 */
guint
case_review_composite_component_get_weight_millionths (CaseReviewCompositeComponent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_COMPONENT (self), 0);
  return self->weight;
}

/**
 * case_review_composite_component_get_label:
 * @self: a component
 *
 * The Chinese label, or the id when none was set.
 *
 * Returns: the label
 *
 * Since: 0.1
 */
const char *
case_review_composite_component_get_label (CaseReviewCompositeComponent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_COMPONENT (self), NULL);
  return self->label != NULL ? self->label : self->id;
}

/**
 * case_review_composite_component_set_label:
 * @self: a component
 * @label: (nullable): the Chinese label, or %NULL for the id
 *
 * Sets the Chinese label.
 *
 * Since: 0.1
 */
void
case_review_composite_component_set_label (CaseReviewCompositeComponent *self,
                                           const char                   *label)
{
  g_return_if_fail (CASE_REVIEW_IS_COMPOSITE_COMPONENT (self));

  if (replace_label (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * case_review_composite_component_get_label_en:
 * @self: a component
 *
 * The English label, or the id when none was set.
 *
 * Returns: the label
 *
 * Since: 0.1
 */
const char *
case_review_composite_component_get_label_en (CaseReviewCompositeComponent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_COMPONENT (self), NULL);
  return self->label_en != NULL ? self->label_en : self->id;
}

/**
 * case_review_composite_component_set_label_en:
 * @self: a component
 * @label_en: (nullable): the English label, or %NULL for the id
 *
 * Sets the English label.
 *
 * Since: 0.1
 */
void
case_review_composite_component_set_label_en (CaseReviewCompositeComponent *self,
                                              const char                   *label_en)
{
  g_return_if_fail (CASE_REVIEW_IS_COMPOSITE_COMPONENT (self));

  if (replace_label (&self->label_en, label_en))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_EN]);
}

/**
 * case_review_composite_component_get_trim_from:
 * @self: a component
 *
 * From how many values a trimmed mean drops the highest and the lowest.
 *
 * Returns: the number of values, at least 3
 *
 * Since: 0.1
 */
guint
case_review_composite_component_get_trim_from (CaseReviewCompositeComponent *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_COMPONENT (self), 5);
  return self->trim_from;
}

/**
 * case_review_composite_component_set_trim_from:
 * @self: a component
 * @trim_from: the number of values from which a trimmed mean drops the
 *   single highest and lowest, at least 3
 *
 * Sets [property@CaseReview.CompositeComponent:trim-from]; it matters only
 * for [enum@CaseReview.CompositeRule.TRIMMED_MEAN].
 *
 * Since: 0.1
 */
void
case_review_composite_component_set_trim_from (CaseReviewCompositeComponent *self,
                                               guint                         trim_from)
{
  g_return_if_fail (CASE_REVIEW_IS_COMPOSITE_COMPONENT (self));
  g_return_if_fail (trim_from >= 3);

  if (self->trim_from != trim_from)
    {
      self->trim_from = trim_from;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRIM_FROM]);
    }
}
