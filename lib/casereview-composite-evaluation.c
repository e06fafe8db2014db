/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewCompositeEvaluation:
 *
 * Scores subjects other than case files, such as legal-aid lawyers or the
 * agencies' legal-education duties, on several weighted components, and
 * ranks them.
 *
 * An evaluation has [class@CaseReview.CompositeComponent]s, whose weights
 * must add up to exactly 1, and subjects (an id and a name) with raw values
 * per component: scores from 0 to 100 with up to two decimals, or vote
 * counts for a [enum@CaseReview.CompositeRule.VOTE_SHARE] component.
 * [method@CaseReview.CompositeEvaluation.compute] turns them into one
 * [class@CaseReview.CompositeResult] per subject, in rank order.
 *
 * Everything is computed in integers: scores in hundredths of a point,
 * weights in millionths. Each component score is rounded half up to the
 * hundredth once (the mean, the trimmed mean, the vote share), and the total,
 * the exact sum of weight × component score, is rounded half up to the
 * hundredth once. Ranks are unique and deterministic: total descending, then
 * the first component's score descending, then subject id ascending. The
 * bottom [property@CaseReview.CompositeEvaluation:bottom-n] subjects are
 * flagged (with every subject tied at the cut on both the total and the
 * first component's score, so the id never decides a flag), and so are the
 * subjects whose total is below
 * [property@CaseReview.CompositeEvaluation:floor-hundredths].
 *
 * ```c
 * g_autoptr(CaseReviewCompositeEvaluation) evaluation =
 *   case_review_composite_evaluation_new_from_file (definition, NULL, &error);
 * if (evaluation == NULL ||
 *     !case_review_composite_evaluation_load_scores_csv (evaluation, scores, CASE_REVIEW_TEXT_ENCODING_AUTO,
 *                                                        NULL, &error))
 *   return FALSE;
 * g_autoptr(GListModel) results = case_review_composite_evaluation_compute (evaluation, &error);
 * ```
 *
 * Definitions are JSON ([ctor@CaseReview.CompositeEvaluation.new_from_json]),
 * raw values CSV with one row per value
 * ([method@CaseReview.CompositeEvaluation.load_scores_csv]), and results
 * export to JSON and CSV. `docs/composite-evaluations.md` describes the
 * formats and the arithmetic.
 *
 * Since: 0.1
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-composite-private.h"
#include "casereview-enum-types.h"
#include "casereview-error.h"

struct _CaseReviewCompositeEvaluation
{
  GObject parent_instance;

  char *id;
  char *title;
  char *title_en;
  guint bottom_n;
  guint floor;                   /* hundredths; 0 = no floor */
  CaseReviewMissingScorePolicy missing_policy;
  GListStore *components;        /* CaseReviewCompositeComponent */
  CompositeScores *scores;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_TITLE_EN,
  PROP_BOTTOM_N,
  PROP_FLOOR_HUNDREDTHS,
  PROP_MISSING_SCORE_POLICY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewCompositeEvaluation, case_review_composite_evaluation, G_TYPE_OBJECT)

static void
case_review_composite_evaluation_finalize (GObject *object)
{
  CaseReviewCompositeEvaluation *self = CASE_REVIEW_COMPOSITE_EVALUATION (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->title_en);
  g_object_unref (self->components);
  composite_scores_free (self->scores);

  G_OBJECT_CLASS (case_review_composite_evaluation_parent_class)->finalize (object);
}

static void
case_review_composite_evaluation_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  CaseReviewCompositeEvaluation *self = CASE_REVIEW_COMPOSITE_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, case_review_composite_evaluation_get_title (self)); break;
    case PROP_TITLE_EN: g_value_set_string (value, case_review_composite_evaluation_get_title_en (self)); break;
    case PROP_BOTTOM_N: g_value_set_uint (value, self->bottom_n); break;
    case PROP_FLOOR_HUNDREDTHS: g_value_set_uint (value, self->floor); break;
    case PROP_MISSING_SCORE_POLICY: g_value_set_enum (value, self->missing_policy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_composite_evaluation_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  CaseReviewCompositeEvaluation *self = CASE_REVIEW_COMPOSITE_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE: case_review_composite_evaluation_set_title (self, g_value_get_string (value)); break;
    case PROP_TITLE_EN: case_review_composite_evaluation_set_title_en (self, g_value_get_string (value)); break;
    case PROP_BOTTOM_N: case_review_composite_evaluation_set_bottom_n (self, g_value_get_uint (value)); break;
    case PROP_FLOOR_HUNDREDTHS: case_review_composite_evaluation_set_floor_hundredths (self, g_value_get_uint (value)); break;
    case PROP_MISSING_SCORE_POLICY:
      case_review_composite_evaluation_set_missing_score_policy (self, g_value_get_enum (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
case_review_composite_evaluation_class_init (CaseReviewCompositeEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_composite_evaluation_finalize;
  object_class->get_property = case_review_composite_evaluation_get_property;
  object_class->set_property = case_review_composite_evaluation_set_property;

  /**
   * CaseReviewCompositeEvaluation:id:
   *
   * The evaluation's id (`luohu-2020-legal-aid`).
   *
   * Since: 0.1
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewCompositeEvaluation:title:
   *
   * The Chinese title; the id when none was set.
   *
   * Since: 0.1
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RW);

  /**
   * CaseReviewCompositeEvaluation:title-en:
   *
   * The English title; the id when none was set.
   *
   * Since: 0.1
   */
  properties[PROP_TITLE_EN] = g_param_spec_string ("title-en", NULL, NULL, NULL, RW);

  /**
   * CaseReviewCompositeEvaluation:bottom-n:
   *
   * How many subjects at the bottom of the ranking are flagged (末位); 0,
   * the default, flags none. Subjects tied at the cut on both the total and
   * the first component's score are all flagged.
   *
   * Since: 0.1
   */
  properties[PROP_BOTTOM_N] = g_param_spec_uint ("bottom-n", NULL, NULL, 0, G_MAXUINT, 0, RW);

  /**
   * CaseReviewCompositeEvaluation:floor-hundredths:
   *
   * Subjects whose total is below this many hundredths of a point are
   * flagged; 0, the default, flags none.
   *
   * Since: 0.1
   */
  properties[PROP_FLOOR_HUNDREDTHS] =
    g_param_spec_uint ("floor-hundredths", NULL, NULL, 0, COMPOSITE_SCORE_MAX, 0, RW);

  /**
   * CaseReviewCompositeEvaluation:missing-score-policy:
   *
   * What a subject without values for a component gets: an error (the
   * default) or 0.
   *
   * Since: 0.1
   */
  properties[PROP_MISSING_SCORE_POLICY] =
    g_param_spec_enum ("missing-score-policy", NULL, NULL, CASE_REVIEW_TYPE_MISSING_SCORE_POLICY,
                       CASE_REVIEW_MISSING_SCORE_POLICY_ERROR, RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_composite_evaluation_init (CaseReviewCompositeEvaluation *self)
{
  self->components = g_list_store_new (CASE_REVIEW_TYPE_COMPOSITE_COMPONENT);
  self->scores = composite_scores_new ();
}

/**
 * case_review_composite_evaluation_new:
 * @id: the evaluation's id, a non-empty string
 *
 * Creates an evaluation without components or subjects.
 *
 * Returns: (transfer full): a new evaluation
 *
 * Since: 0.1
 */
CaseReviewCompositeEvaluation *
case_review_composite_evaluation_new (const char *id)
{
  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);

  return g_object_new (CASE_REVIEW_TYPE_COMPOSITE_EVALUATION, "id", id, NULL);
}

/**
 * case_review_composite_evaluation_new_from_json:
 * @json: a definition as JSON text
 * @error: return location for a #GError
 *
 * Reads a definition: the id, titles, components with their weights and
 * rules, the bottom N, the floor and the missing-score policy
 * (`docs/composite-evaluations.md`). Weights and the floor are exact
 * decimals, best written as strings (`"0.6"`); a JSON number is read as the
 * shortest decimal that stands for it. Unknown members are errors, so that
 * a misspelt setting is not silently ignored.
 *
 * Returns: (transfer full) (nullable): the evaluation, without subjects, or
 *   %NULL with %CASE_REVIEW_ERROR_PARSE for malformed JSON,
 *   %CASE_REVIEW_ERROR_DUPLICATE for a component id given twice, or
 *   %CASE_REVIEW_ERROR_INVALID naming the JSON path
 *   (`$.components[1].weight: …`), also when the weights do not add up to 1
 *
 * Since: 0.1
 */
CaseReviewCompositeEvaluation *
case_review_composite_evaluation_new_from_json (const char  *json,
                                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, &parse_error))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE, _("evaluation definition: %s"),
                   parse_error->message);
      return NULL;
    }
  return composite_definition_from_json_node (json_parser_get_root (parser), error);
}

/**
 * case_review_composite_evaluation_new_from_file:
 * @file: a definition JSON file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a definition from a file, as
 * [ctor@CaseReview.CompositeEvaluation.new_from_json] does.
 *
 * Returns: (transfer full) (nullable): the evaluation, or %NULL with an
 *   error that names the file and the JSON path
 *
 * Since: 0.1
 */
CaseReviewCompositeEvaluation *
case_review_composite_evaluation_new_from_file (GFile         *file,
                                                GCancellable  *cancellable,
                                                GError       **error)
{
  g_autofree char *contents = NULL;
  CaseReviewCompositeEvaluation *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, cancellable, &contents, NULL, NULL, error))
    return NULL;

  self = case_review_composite_evaluation_new_from_json (contents, error);
  if (self == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_prefix_error (error, "%s: ", name);
    }
  return self;
}

/**
 * case_review_composite_evaluation_to_json:
 * @self: an evaluation
 *
 * The definition as JSON, which
 * [ctor@CaseReview.CompositeEvaluation.new_from_json] reads back. Subjects
 * and their values are not part of it
 * ([method@CaseReview.CompositeEvaluation.scores_to_csv] writes those).
 *
 * Returns: (transfer full): pretty-printed UTF-8 JSON
 *
 * Since: 0.1
 */
char *
case_review_composite_evaluation_to_json (CaseReviewCompositeEvaluation *self)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), NULL);

  root = composite_definition_to_json_node (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * case_review_composite_evaluation_get_id:
 * @self: an evaluation
 *
 * The evaluation's id.
 *
 * Returns: the id
 *
 * Since: 0.1
 */
const char *
case_review_composite_evaluation_get_id (CaseReviewCompositeEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), NULL);
  return self->id;
}

static gboolean
replace_text (char       **slot,
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

/**
 * case_review_composite_evaluation_get_title:
 * @self: an evaluation
 *
 * The Chinese title, or the id when none was set.
 *
 * Returns: the title
 *
 * Since: 0.1
 */
const char *
case_review_composite_evaluation_get_title (CaseReviewCompositeEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), NULL);
  return self->title != NULL ? self->title : self->id;
}

/**
 * case_review_composite_evaluation_set_title:
 * @self: an evaluation
 * @title: (nullable): the Chinese title, or %NULL for the id
 *
 * Sets the Chinese title.
 *
 * Since: 0.1
 */
void
case_review_composite_evaluation_set_title (CaseReviewCompositeEvaluation *self,
                                            const char                    *title)
{
  g_return_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self));

  if (replace_text (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * case_review_composite_evaluation_get_title_en:
 * @self: an evaluation
 *
 * The English title, or the id when none was set.
 *
 * Returns: the title
 *
 * Since: 0.1
 */
const char *
case_review_composite_evaluation_get_title_en (CaseReviewCompositeEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), NULL);
  return self->title_en != NULL ? self->title_en : self->id;
}

/**
 * case_review_composite_evaluation_set_title_en:
 * @self: an evaluation
 * @title_en: (nullable): the English title, or %NULL for the id
 *
 * Sets the English title.
 *
 * Since: 0.1
 */
void
case_review_composite_evaluation_set_title_en (CaseReviewCompositeEvaluation *self,
                                               const char                    *title_en)
{
  g_return_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self));

  if (replace_text (&self->title_en, title_en))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_EN]);
}

/**
 * case_review_composite_evaluation_get_bottom_n:
 * @self: an evaluation
 *
 * How many subjects at the bottom are flagged.
 *
 * Returns: the number, 0 for none
 *
 * Since: 0.1
 */
guint
case_review_composite_evaluation_get_bottom_n (CaseReviewCompositeEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), 0);
  return self->bottom_n;
}

/**
 * case_review_composite_evaluation_set_bottom_n:
 * @self: an evaluation
 * @bottom_n: how many subjects at the bottom to flag, 0 for none
 *
 * Sets [property@CaseReview.CompositeEvaluation:bottom-n].
 *
 * Since: 0.1
 */
void
case_review_composite_evaluation_set_bottom_n (CaseReviewCompositeEvaluation *self,
                                               guint                          bottom_n)
{
  g_return_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self));

  if (self->bottom_n != bottom_n)
    {
      self->bottom_n = bottom_n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOTTOM_N]);
    }
}

/**
 * case_review_composite_evaluation_get_floor_hundredths:
 * @self: an evaluation
 *
 * The floor below which a total is flagged.
 *
 * Returns: the floor in hundredths of a point, 0 for none
 *
 * Since: 0.1
 */
guint
case_review_composite_evaluation_get_floor_hundredths (CaseReviewCompositeEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), 0);
  return self->floor;
}

/**
 * case_review_composite_evaluation_set_floor_hundredths:
 * @self: an evaluation
 * @floor_hundredths: the floor in hundredths of a point (6000 for 60), at
 *   most 10000; 0 for none
 *
 * Sets [property@CaseReview.CompositeEvaluation:floor-hundredths].
 *
 * Since: 0.1
 */
void
case_review_composite_evaluation_set_floor_hundredths (CaseReviewCompositeEvaluation *self,
                                                       guint                          floor_hundredths)
{
  g_return_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self));
  g_return_if_fail (floor_hundredths <= COMPOSITE_SCORE_MAX);

  if (self->floor != floor_hundredths)
    {
      self->floor = floor_hundredths;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLOOR_HUNDREDTHS]);
    }
}

/**
 * case_review_composite_evaluation_get_missing_score_policy:
 * @self: an evaluation
 *
 * What a subject without values for a component gets.
 *
 * Returns: the policy
 *
 * Since: 0.1
 */
CaseReviewMissingScorePolicy
case_review_composite_evaluation_get_missing_score_policy (CaseReviewCompositeEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), CASE_REVIEW_MISSING_SCORE_POLICY_ERROR);
  return self->missing_policy;
}

/**
 * case_review_composite_evaluation_set_missing_score_policy:
 * @self: an evaluation
 * @policy: what a subject without values for a component gets
 *
 * Sets [property@CaseReview.CompositeEvaluation:missing-score-policy].
 *
 * Since: 0.1
 */
void
case_review_composite_evaluation_set_missing_score_policy (CaseReviewCompositeEvaluation *self,
                                                           CaseReviewMissingScorePolicy   policy)
{
  g_return_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self));
  g_return_if_fail (policy <= CASE_REVIEW_MISSING_SCORE_POLICY_ZERO);

  if (self->missing_policy != policy)
    {
      self->missing_policy = policy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSING_SCORE_POLICY]);
    }
}

/**
 * case_review_composite_evaluation_add_component:
 * @self: an evaluation
 * @component: a component
 * @error: return location for a #GError
 *
 * Appends a component. The first component added breaks ties in the
 * ranking.
 *
 * Returns: %TRUE on success; %FALSE, nothing added, with
 *   %CASE_REVIEW_ERROR_DUPLICATE when the evaluation already has a
 *   component with the id
 *
 * Since: 0.1
 */
gboolean
case_review_composite_evaluation_add_component (CaseReviewCompositeEvaluation  *self,
                                                CaseReviewCompositeComponent   *component,
                                                GError                        **error)
{
  const char *id;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_COMPONENT (component), FALSE);
  /* Only case_review_composite_component_new() makes usable components. */
  g_return_val_if_fail (case_review_composite_component_get_id (component) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = case_review_composite_component_get_id (component);
  if (case_review_composite_evaluation_lookup_component (self, id) != NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE, _("duplicate component \"%s\""), id);
      return FALSE;
    }
  g_list_store_append (self->components, component);
  return TRUE;
}

/**
 * case_review_composite_evaluation_get_components:
 * @self: an evaluation
 *
 * The components, in the order they were added.
 *
 * Returns: (transfer none): a list model of
 *   [class@CaseReview.CompositeComponent]
 *
 * Since: 0.1
 */
GListModel *
case_review_composite_evaluation_get_components (CaseReviewCompositeEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), NULL);
  return G_LIST_MODEL (self->components);
}

static CaseReviewCompositeComponent *
component_at (CaseReviewCompositeEvaluation *self,
              guint                          i)
{
  /* The store keeps a reference; hand out a borrowed one. */
  CaseReviewCompositeComponent *component = g_list_model_get_item (G_LIST_MODEL (self->components), i);

  g_object_unref (component);
  return component;
}

/**
 * case_review_composite_evaluation_lookup_component:
 * @self: an evaluation
 * @component_id: a component id
 *
 * Finds a component by its id.
 *
 * Returns: (transfer none) (nullable): the component, or %NULL
 *
 * Since: 0.1
 */
CaseReviewCompositeComponent *
case_review_composite_evaluation_lookup_component (CaseReviewCompositeEvaluation *self,
                                                   const char                    *component_id)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), NULL);
  g_return_val_if_fail (component_id != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->components)); i++)
    {
      CaseReviewCompositeComponent *component = component_at (self, i);

      if (g_str_equal (case_review_composite_component_get_id (component), component_id))
        return component;
    }
  return NULL;
}

/**
 * case_review_composite_evaluation_validate:
 * @self: an evaluation
 * @error: return location for a #GError
 *
 * Checks the definition: at least one component, and weights that add up
 * to exactly 1 (in millionths, so 0.6 + 0.4 passes and 0.333333 × 3 does
 * not).
 *
 * Returns: %TRUE when the definition is usable; %FALSE with
 *   %CASE_REVIEW_ERROR_INVALID naming each component's weight otherwise
 *
 * Since: 0.1
 */
gboolean
case_review_composite_evaluation_validate (CaseReviewCompositeEvaluation  *self,
                                           GError                        **error)
{
  guint n = 0;
  guint64 sum = 0;
  g_autoptr(GString) terms = g_string_new (NULL);

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->components));
  if (n == 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("evaluation \"%s\" has no components"), self->id);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      CaseReviewCompositeComponent *component = component_at (self, i);

      sum += case_review_composite_component_get_weight_millionths (component);
      g_string_append_printf (terms, "%s%s %s", i > 0 ? " + " : "", case_review_composite_component_get_id (component),
                              case_review_composite_component_get_weight (component));
    }
  if (sum != COMPOSITE_WEIGHT_ONE)
    {
      g_autofree char *total = sum <= G_MAXUINT ? composite_format_weight ((guint) sum) : g_strdup ("?");

      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("the component weights add up to %s (%s), not exactly 1"), total, terms->str);
      return FALSE;
    }
  return TRUE;
}

/**
 * case_review_composite_evaluation_add_subject:
 * @self: an evaluation
 * @subject_id: the subject's id, unique in the evaluation
 * @name: the subject's name (a lawyer's, an agency's)
 * @error: return location for a #GError
 *
 * Adds a subject without values.
 *
 * Returns: %TRUE on success; %FALSE, nothing added, with
 *   %CASE_REVIEW_ERROR_DUPLICATE for an id already there or
 *   %CASE_REVIEW_ERROR_INVALID for an empty id or name
 *
 * Since: 0.1
 */
gboolean
case_review_composite_evaluation_add_subject (CaseReviewCompositeEvaluation  *self,
                                              const char                     *subject_id,
                                              const char                     *name,
                                              GError                        **error)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), FALSE);
  g_return_val_if_fail (subject_id != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return composite_scores_add_subject (self->scores, subject_id, name, FALSE, error);
}

/**
 * case_review_composite_evaluation_get_n_subjects:
 * @self: an evaluation
 *
 * How many subjects the evaluation has.
 *
 * Returns: the number of subjects
 *
 * Since: 0.1
 */
guint
case_review_composite_evaluation_get_n_subjects (CaseReviewCompositeEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), 0);
  return self->scores->subjects->len;
}

/**
 * case_review_composite_evaluation_dup_subject_ids:
 * @self: an evaluation
 *
 * The subjects' ids in the order they were added.
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids
 *
 * Since: 0.1
 */
char **
case_review_composite_evaluation_dup_subject_ids (CaseReviewCompositeEvaluation *self)
{
  char **ids;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), NULL);

  ids = g_new0 (char *, self->scores->subjects->len + 1);
  for (guint s = 0; s < self->scores->subjects->len; s++)
    ids[s] = g_strdup (((CompositeSubject *) g_ptr_array_index (self->scores->subjects, s))->id);
  return ids;
}

/**
 * case_review_composite_evaluation_get_n_values:
 * @self: an evaluation
 * @component_id: (nullable): a component id, or %NULL for all components
 *
 * How many raw values (scores or vote counts) were added: for one
 * component, or in all.
 *
 * Returns: the number of values
 *
 * Since: 0.1
 */
guint
case_review_composite_evaluation_get_n_values (CaseReviewCompositeEvaluation *self,
                                               const char                    *component_id)
{
  guint n = 0;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), 0);

  if (component_id == NULL)
    return self->scores->n_values;
  for (guint s = 0; s < self->scores->subjects->len; s++)
    {
      CompositeValues *values = composite_subject_lookup (g_ptr_array_index (self->scores->subjects, s), component_id);

      n += values != NULL ? values->values->len : 0;
    }
  return n;
}

/* The subject and component a value is for, or an error naming them. */
static CaseReviewCompositeComponent *
check_target (CaseReviewCompositeEvaluation  *self,
              const char                     *subject_id,
              const char                     *component_id,
              GError                        **error)
{
  CaseReviewCompositeComponent *component;

  if (composite_scores_lookup (self->scores, subject_id) == NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                   _("unknown subject \"%s\": add the subject before its scores"), subject_id);
      return NULL;
    }
  component = case_review_composite_evaluation_lookup_component (self, component_id);
  if (component == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->components)); i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "",
                                case_review_composite_component_get_id (component_at (self, i)));
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                   _("subject \"%s\": unknown component \"%s\" (the evaluation has %s)"), subject_id, component_id,
                   known->len > 0 ? known->str : _("no components"));
      return NULL;
    }
  return component;
}

/**
 * case_review_composite_evaluation_add_score:
 * @self: an evaluation
 * @subject_id: a subject of the evaluation
 * @component_id: a component of the evaluation
 * @rater: (nullable): who gave the value (an expert's id), or %NULL
 * @value: the value as text: a score from 0 to 100 with up to two decimals
 *   (`"85.5"`), or a whole number of votes for a vote-share component
 * @error: return location for a #GError
 *
 * Adds a raw value, read exactly. A rater scores a subject's component at
 * most once.
 *
 * Returns: %TRUE on success; %FALSE, nothing added, with
 *   %CASE_REVIEW_ERROR_NOT_FOUND for an unknown subject or component,
 *   %CASE_REVIEW_ERROR_INVALID for a score out of range or with more than
 *   two decimals or a negative vote count, or %CASE_REVIEW_ERROR_DUPLICATE
 *   for a second value of a single-score or vote component or a second
 *   score by the same rater; the message names the subject, the component
 *   and the value
 *
 * Since: 0.1
 */
gboolean
case_review_composite_evaluation_add_score (CaseReviewCompositeEvaluation  *self,
                                            const char                     *subject_id,
                                            const char                     *component_id,
                                            const char                     *rater,
                                            const char                     *value,
                                            GError                        **error)
{
  CaseReviewCompositeComponent *component;
  CompositeField field;
  gint64 parsed;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), FALSE);
  g_return_val_if_fail (subject_id != NULL, FALSE);
  g_return_val_if_fail (component_id != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  component = check_target (self, subject_id, component_id, error);
  return component != NULL &&
         composite_parse_value (component, subject_id, value, &parsed, error) &&
         composite_scores_add_value (self->scores, subject_id, component, rater, parsed, &field, error);
}

/**
 * case_review_composite_evaluation_add_score_hundredths:
 * @self: an evaluation
 * @subject_id: a subject of the evaluation
 * @component_id: a score component of the evaluation
 * @rater: (nullable): who gave the score, or %NULL
 * @hundredths: the score in hundredths of a point, 0 to 10000
 * @error: return location for a #GError
 *
 * Adds a score given in hundredths, as
 * [method@CaseReview.CompositeEvaluation.add_score] does.
 *
 * Returns: %TRUE on success; %FALSE, nothing added, with the errors of
 *   [method@CaseReview.CompositeEvaluation.add_score], and
 *   %CASE_REVIEW_ERROR_INVALID for a vote-share component
 *
 * Since: 0.1
 */
gboolean
case_review_composite_evaluation_add_score_hundredths (CaseReviewCompositeEvaluation  *self,
                                                       const char                     *subject_id,
                                                       const char                     *component_id,
                                                       const char                     *rater,
                                                       int                             hundredths,
                                                       GError                        **error)
{
  CaseReviewCompositeComponent *component;
  CompositeField field;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), FALSE);
  g_return_val_if_fail (subject_id != NULL, FALSE);
  g_return_val_if_fail (component_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  component = check_target (self, subject_id, component_id, error);
  if (component == NULL)
    return FALSE;
  if (case_review_composite_component_get_rule (component) == CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("subject \"%s\", component \"%s\": the component counts votes, not scores"),
                   subject_id, component_id);
      return FALSE;
    }
  return composite_scores_add_value (self->scores, subject_id, component, rater, hundredths, &field, error);
}

/**
 * case_review_composite_evaluation_add_votes:
 * @self: an evaluation
 * @subject_id: a subject of the evaluation
 * @component_id: a vote-share component of the evaluation
 * @votes: the subject's vote count, 0 to 10¹²
 * @error: return location for a #GError
 *
 * Sets a subject's votes on a [enum@CaseReview.CompositeRule.VOTE_SHARE]
 * component (once per subject).
 *
 * Returns: %TRUE on success; %FALSE, nothing added, with
 *   %CASE_REVIEW_ERROR_INVALID for negative votes or a component that is not
 *   a vote share, %CASE_REVIEW_ERROR_NOT_FOUND for an unknown subject or
 *   component, or %CASE_REVIEW_ERROR_DUPLICATE when the subject already has
 *   a vote count
 *
 * Since: 0.1
 */
gboolean
case_review_composite_evaluation_add_votes (CaseReviewCompositeEvaluation  *self,
                                            const char                     *subject_id,
                                            const char                     *component_id,
                                            gint64                          votes,
                                            GError                        **error)
{
  CaseReviewCompositeComponent *component;
  CompositeField field;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), FALSE);
  g_return_val_if_fail (subject_id != NULL, FALSE);
  g_return_val_if_fail (component_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  component = check_target (self, subject_id, component_id, error);
  if (component == NULL)
    return FALSE;
  if (case_review_composite_component_get_rule (component) != CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("subject \"%s\", component \"%s\": the component takes scores, not votes"),
                   subject_id, component_id);
      return FALSE;
    }
  return composite_scores_add_value (self->scores, subject_id, component, NULL, votes, &field, error);
}

/**
 * case_review_composite_evaluation_load_scores_csv:
 * @self: an evaluation with its components
 * @file: a CSV file with one row per raw value
 * @encoding: the file's encoding, or %CASE_REVIEW_TEXT_ENCODING_AUTO
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Adds the subjects and raw values of a CSV file. The columns, in any
 * order, with Chinese or English headers: 对象编号/subject_id,
 * 对象名称/subject_name, 指标/component, 分数/score and, optionally,
 * 评分人/rater. A subject is added on its first row and must keep its name;
 * a row with an empty component and score only adds its subject. The CSV
 * rules are those of populations (`docs/formats.md`). All or nothing.
 *
 * Returns: %TRUE on success; %FALSE with a [error@CaseReview.Error]
 *   located as `file:line:column` (the errors of
 *   [method@CaseReview.CompositeEvaluation.add_score], a subject named
 *   differently on two rows, malformed CSV, a missing column), the
 *   evaluation unchanged
 *
 * Since: 0.1
 */
gboolean
case_review_composite_evaluation_load_scores_csv (CaseReviewCompositeEvaluation  *self,
                                                  GFile                          *file,
                                                  CaseReviewTextEncoding          encoding,
                                                  GCancellable                   *cancellable,
                                                  GError                        **error)
{
  g_autoptr(CompositeScores) staging = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  staging = composite_scores_copy (self->scores);
  if (!composite_scores_load_csv (staging, self, file, encoding, cancellable, error))
    return FALSE;

  composite_scores_free (self->scores);
  self->scores = g_steal_pointer (&staging);
  return TRUE;
}

/**
 * case_review_composite_evaluation_scores_to_csv:
 * @self: an evaluation
 *
 * The subjects and raw values as CSV in the format
 * [method@CaseReview.CompositeEvaluation.load_scores_csv] reads (English
 * headers, UTF-8 with a byte-order mark for Excel, CRLF line ends): one row
 * per value, subjects in the order added, components in the evaluation's
 * order, and one row with an empty component for a subject without values.
 *
 * Returns: (transfer full): the CSV text
 *
 * Since: 0.1
 */
char *
case_review_composite_evaluation_scores_to_csv (CaseReviewCompositeEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), NULL);
  return composite_scores_to_csv (self->scores, self);
}

static guint
round_half_up (guint64 numerator,
               guint64 denominator)
{
  return (guint) ((2 * numerator + denominator) / (2 * denominator));
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* A score component's score from its raw values (hundredths). */
static guint
combine (CaseReviewCompositeComponent *component,
         GArray                       *raw)
{
  g_autoptr(GArray) values = g_array_copy (raw);
  guint first = 0, last = values->len;
  guint64 sum = 0;

  g_array_sort (values, compare_values);
  switch (case_review_composite_component_get_rule (component))
    {
    case CASE_REVIEW_COMPOSITE_RULE_MAX:
      return (guint) g_array_index (values, gint64, values->len - 1);
    case CASE_REVIEW_COMPOSITE_RULE_SINGLE:
      return (guint) g_array_index (values, gint64, 0);
    case CASE_REVIEW_COMPOSITE_RULE_TRIMMED_MEAN:
      if (values->len >= case_review_composite_component_get_trim_from (component))
        first = 1, last = values->len - 1;
      break;
    case CASE_REVIEW_COMPOSITE_RULE_MEAN:
    case CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE:
    default:
      break;
    }
  for (guint i = first; i < last; i++)
    sum += (guint64) g_array_index (values, gint64, i);
  return round_half_up (sum, last - first);
}

typedef struct
{
  CompositeResultData data;
  guint first_score;  /* the first component's score, for ties */
} Row;

static void
row_free (Row *row)
{
  composite_result_data_clear (&row->data);
  g_free (row);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = *(Row * const *) a, *y = *(Row * const *) b;

  if (x->data.total != y->data.total)
    return x->data.total > y->data.total ? -1 : 1;
  if (x->first_score != y->first_score)
    return x->first_score > y->first_score ? -1 : 1;
  return strcmp (x->data.subject_id, y->data.subject_id);
}

static gboolean
rows_tie (const Row *x,
          const Row *y)
{
  return x->data.total == y->data.total && x->first_score == y->first_score;
}

/**
 * case_review_composite_evaluation_compute:
 * @self: an evaluation
 * @error: return location for a #GError
 *
 * Computes every subject's result. For each component, a subject's values
 * become the component score by the component's rule, rounded half up to
 * the hundredth; a vote share is 100 × votes ÷ the most votes of any
 * subject (0 for everyone when nobody got a vote). The total is the exact
 * sum of weight × component score, rounded half up to the hundredth. Then
 * subjects are ranked and flagged as the class description says.
 *
 * Returns: (transfer full) (nullable): a list model of
 *   [class@CaseReview.CompositeResult] in rank order, or %NULL with
 *   %CASE_REVIEW_ERROR_INVALID when the definition is not valid
 *   ([method@CaseReview.CompositeEvaluation.validate]) or, under
 *   [enum@CaseReview.MissingScorePolicy.ERROR], a subject has no values for
 *   a component
 *
 * Since: 0.1
 */
GListModel *
case_review_composite_evaluation_compute (CaseReviewCompositeEvaluation  *self,
                                          GError                        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GArray) max_votes = NULL;
  GListStore *results;
  guint n_components, n;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!case_review_composite_evaluation_validate (self, error))
    return NULL;
  n_components = g_list_model_get_n_items (G_LIST_MODEL (self->components));

  /* The most votes of any subject, per vote-share component. */
  max_votes = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n_components);
  g_array_set_size (max_votes, n_components);
  for (guint c = 0; c < n_components; c++)
    {
      const char *component_id = case_review_composite_component_get_id (component_at (self, c));

      for (guint s = 0; s < self->scores->subjects->len; s++)
        {
          CompositeValues *values = composite_subject_lookup (g_ptr_array_index (self->scores->subjects, s), component_id);

          for (guint v = 0; values != NULL && v < values->values->len; v++)
            g_array_index (max_votes, gint64, c) = MAX (g_array_index (max_votes, gint64, c),
                                                        g_array_index (values->values, gint64, v));
        }
    }

  for (guint s = 0; s < self->scores->subjects->len; s++)
    {
      CompositeSubject *subject = g_ptr_array_index (self->scores->subjects, s);
      Row *row = g_new0 (Row, 1);
      g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
      guint64 weighted = 0;

      g_ptr_array_add (rows, row);
      row->data.subject_id = g_strdup (subject->id);
      row->data.subject_name = g_strdup (subject->name);
      row->data.component_ids = g_new0 (char *, n_components + 1);
      row->data.scores = g_new0 (CompositeComponentScore, n_components);

      for (guint c = 0; c < n_components; c++)
        {
          CaseReviewCompositeComponent *component = component_at (self, c);
          const char *component_id = case_review_composite_component_get_id (component);
          gboolean votes = case_review_composite_component_get_rule (component) == CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE;
          CompositeValues *values = composite_subject_lookup (subject, component_id);
          CompositeComponentScore *score = &row->data.scores[c];

          row->data.component_ids[c] = g_strdup (component_id);
          score->votes = votes ? 0 : -1;
          if (values == NULL || values->values->len == 0)
            {
              if (self->missing_policy == CASE_REVIEW_MISSING_SCORE_POLICY_ERROR)
                {
                  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                               _("subject \"%s\" (%s) has no values for component \"%s\""),
                               subject->id, subject->name, component_id);
                  return NULL;
                }
              score->missing = TRUE;
              g_ptr_array_add (missing, g_strdup (component_id));
            }
          else if (votes)
            {
              gint64 max = g_array_index (max_votes, gint64, c);

              score->n_values = values->values->len;
              score->votes = g_array_index (values->values, gint64, 0);
              score->score = max > 0 ? round_half_up ((guint64) score->votes * COMPOSITE_SCORE_MAX, (guint64) max) : 0;
            }
          else
            {
              score->n_values = values->values->len;
              score->score = combine (component, values->values);
            }
          weighted += (guint64) case_review_composite_component_get_weight_millionths (component) * score->score;
        }

      row->data.total = round_half_up (weighted, COMPOSITE_WEIGHT_ONE);
      row->first_score = row->data.scores[0].score;
      g_ptr_array_add (missing, NULL);
      row->data.missing = (char **) g_ptr_array_free (g_steal_pointer (&missing), FALSE);
    }

  g_ptr_array_sort (rows, compare_rows);
  n = rows->len;
  for (guint i = 0; i < n; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      row->data.rank = i + 1;
      row->data.below_floor = self->floor > 0 && row->data.total < self->floor;
    }
  if (self->bottom_n > 0 && n > 0)
    {
      /* The last N, and everyone tied with the first of them: the id that
       * orders a tie never decides a flag. */
      guint cut = self->bottom_n >= n ? 0 : n - self->bottom_n;

      for (guint i = cut; i < n; i++)
        ((Row *) g_ptr_array_index (rows, i))->data.bottom = TRUE;
      for (guint i = cut; i > 0 && rows_tie (g_ptr_array_index (rows, i - 1), g_ptr_array_index (rows, cut)); i--)
        ((Row *) g_ptr_array_index (rows, i - 1))->data.bottom = TRUE;
    }

  results = g_list_store_new (CASE_REVIEW_TYPE_COMPOSITE_RESULT);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaseReviewCompositeResult) result =
        case_review_composite_result_new_internal (&((Row *) g_ptr_array_index (rows, i))->data);

      g_list_store_append (results, result);
    }
  return G_LIST_MODEL (results);
}

/**
 * case_review_composite_evaluation_results_to_json:
 * @self: an evaluation
 * @error: return location for a #GError
 *
 * Computes the results and writes them as JSON: the definition, then one
 * object per subject in rank order with its rank, total, component scores
 * (exact decimal strings such as `"87.35"` and integer hundredths), value
 * counts, votes and flags (`docs/composite-evaluations.md`).
 *
 * Returns: (transfer full) (nullable): pretty-printed UTF-8 JSON, or %NULL
 *   with the error of [method@CaseReview.CompositeEvaluation.compute]
 *
 * Since: 0.1
 */
char *
case_review_composite_evaluation_results_to_json (CaseReviewCompositeEvaluation  *self,
                                                  GError                        **error)
{
  g_autoptr(GListModel) results = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  results = case_review_composite_evaluation_compute (self, error);
  return results != NULL ? composite_results_to_json (self, results) : NULL;
}

/**
 * case_review_composite_evaluation_results_to_csv:
 * @self: an evaluation
 * @error: return location for a #GError
 *
 * Computes the results and writes them as CSV, one row per subject in rank
 * order: rank, subject id and name, one column per component score, the
 * total, and the flags (`1` or `0`); scores as decimals with two places.
 * UTF-8 with a byte-order mark, CRLF line ends.
 *
 * Returns: (transfer full) (nullable): the CSV text, or %NULL with the
 *   error of [method@CaseReview.CompositeEvaluation.compute]
 *
 * Since: 0.1
 */
char *
case_review_composite_evaluation_results_to_csv (CaseReviewCompositeEvaluation  *self,
                                                 GError                        **error)
{
  g_autoptr(GListModel) results = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_COMPOSITE_EVALUATION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  results = case_review_composite_evaluation_compute (self, error);
  return results != NULL ? composite_results_to_csv (self, results) : NULL;
}
