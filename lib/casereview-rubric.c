/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewRubric:
 *
 * A review standard (评查标准) as data: for each enforcement kind it covers,
 * a table of scored [class@CaseReview.RubricItem]s (maxima totalling 100
 * points) with their [class@CaseReview.RubricDeduction] options, and the
 * legality [class@CaseReview.RubricVeto]es, common to every kind or
 * specific to one; the [enum@CaseReview.NotApplicablePolicy] for items that
 * do not apply to a file; and the grade bands of its
 * [enum@CaseReview.GradeScheme].
 *
 * Scoring has two tiers. Any veto makes a file 不合格 with a score of zero.
 * Otherwise each item scores its maximum less the deductions found, never
 * below zero (扣完为止，不计负分), and the items add up to the score out of
 * 100, which [method@CaseReview.Rubric.grade_for_score] maps to a
 * [enum@CaseReview.Grade]. Points are kept as integers in tenths of a
 * point, scores in hundredths, so that every sum is exact.
 *
 * ```c
 * CaseReviewRubric *rubric = case_review_rubric_get_default ();
 * CaseReviewRubricItem *item = case_review_rubric_lookup_item (rubric, CASE_REVIEW_ENFORCEMENT_KIND_COERCION, "4");
 *
 * g_print ("%s: %u points\n", case_review_rubric_item_get_title (item),
 *          case_review_rubric_item_get_max_tenths (item) / 10);     // 执法程序: 35 points
 * ```
 *
 * Rubrics are read from JSON ([ctor@CaseReview.Rubric.new_from_json],
 * [ctor@CaseReview.Rubric.new_from_file]; the format is specified in
 * `docs/rubric-format.md`), validated as they are read, and immutable
 * afterwards, so one rubric can be shared by any number of score sheets and
 * threads. The library bundles a default rubric built from published
 * Chinese review standards ([func@CaseReview.Rubric.get_default]).
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-rubric.h"
#include "casereview-rubric-private.h"

typedef struct
{
  gboolean covered;
  GListStore *items;           /* of CaseReviewRubricItem, in file order */
  GListStore *kind_vetoes;     /* of CaseReviewRubricVeto: this kind's own */
  GListStore *vetoes;          /* common ones, then this kind's own */
  GHashTable *items_by_code;       /* code → item (borrowed from items) */
  GHashTable *deductions_by_code;  /* code → deduction (borrowed) */
  GHashTable *vetoes_by_code;      /* code → veto (borrowed) */
  guint max_tenths;                /* the items' maxima summed */
} KindTable;

struct _CaseReviewRubric
{
  GObject parent_instance;

  char *id;
  char *title;
  char *english_title;
  CaseReviewNotApplicablePolicy policy;
  CaseReviewGradeScheme scheme;
  guint band_minimum[CASE_REVIEW_GRADE_FAIL + 1];   /* hundredths, by grade */
  GListStore *common_vetoes;
  KindTable kinds[CASE_REVIEW_N_ENFORCEMENT_KINDS];
};

G_DEFINE_FINAL_TYPE (CaseReviewRubric, case_review_rubric, G_TYPE_OBJECT)

static void
case_review_rubric_finalize (GObject *object)
{
  CaseReviewRubric *self = CASE_REVIEW_RUBRIC (object);

  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    {
      KindTable *table = &self->kinds[k];

      g_hash_table_unref (table->items_by_code);
      g_hash_table_unref (table->deductions_by_code);
      g_hash_table_unref (table->vetoes_by_code);
      g_object_unref (table->items);
      g_object_unref (table->kind_vetoes);
      g_object_unref (table->vetoes);
    }
  g_object_unref (self->common_vetoes);
  g_free (self->id);
  g_free (self->title);
  g_free (self->english_title);

  G_OBJECT_CLASS (case_review_rubric_parent_class)->finalize (object);
}

static void
case_review_rubric_class_init (CaseReviewRubricClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_rubric_finalize;
}

static void
case_review_rubric_init (CaseReviewRubric *self)
{
  self->common_vetoes = g_list_store_new (CASE_REVIEW_TYPE_RUBRIC_VETO);
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    {
      KindTable *table = &self->kinds[k];

      table->items = g_list_store_new (CASE_REVIEW_TYPE_RUBRIC_ITEM);
      table->kind_vetoes = g_list_store_new (CASE_REVIEW_TYPE_RUBRIC_VETO);
      table->vetoes = g_list_store_new (CASE_REVIEW_TYPE_RUBRIC_VETO);
      table->items_by_code = g_hash_table_new (g_str_hash, g_str_equal);
      table->deductions_by_code = g_hash_table_new (g_str_hash, g_str_equal);
      table->vetoes_by_code = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

CaseReviewRubric *
case_review_rubric_new_internal (const char                    *id,
                                 const char                    *title,
                                 const char                    *english_title,
                                 CaseReviewNotApplicablePolicy  policy,
                                 CaseReviewGradeScheme          scheme,
                                 guint                          excellent_hundredths,
                                 guint                          good_hundredths,
                                 guint                          pass_hundredths)
{
  CaseReviewRubric *self = g_object_new (CASE_REVIEW_TYPE_RUBRIC, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->english_title = g_strdup (english_title);
  self->policy = policy;
  self->scheme = scheme;
  self->band_minimum[CASE_REVIEW_GRADE_EXCELLENT] = excellent_hundredths;
  /* The three-band scheme has no 良好: its band is empty. */
  self->band_minimum[CASE_REVIEW_GRADE_GOOD] =
    scheme == CASE_REVIEW_GRADE_SCHEME_THREE_BAND ? excellent_hundredths : good_hundredths;
  self->band_minimum[CASE_REVIEW_GRADE_PASS] = pass_hundredths;
  self->band_minimum[CASE_REVIEW_GRADE_FAIL] = 0;
  return self;
}

void
case_review_rubric_add_common_veto (CaseReviewRubric     *self,
                                    CaseReviewRubricVeto *veto)
{
  guint n_common = g_list_model_get_n_items (G_LIST_MODEL (self->common_vetoes));

  g_list_store_append (self->common_vetoes, veto);
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    {
      /* Common vetoes come before each kind's own. */
      g_list_store_insert (self->kinds[k].vetoes, n_common, veto);
      g_hash_table_insert (self->kinds[k].vetoes_by_code, (gpointer) case_review_rubric_veto_get_code (veto), veto);
    }
}

void
case_review_rubric_add_kind (CaseReviewRubric          *self,
                             CaseReviewEnforcementKind  kind)
{
  self->kinds[kind].covered = TRUE;
}

void
case_review_rubric_add_kind_veto (CaseReviewRubric          *self,
                                  CaseReviewEnforcementKind  kind,
                                  CaseReviewRubricVeto      *veto)
{
  KindTable *table = &self->kinds[kind];

  g_list_store_append (table->kind_vetoes, veto);
  g_list_store_append (table->vetoes, veto);
  g_hash_table_insert (table->vetoes_by_code, (gpointer) case_review_rubric_veto_get_code (veto), veto);
}

void
case_review_rubric_add_item (CaseReviewRubric          *self,
                             CaseReviewEnforcementKind  kind,
                             CaseReviewRubricItem      *item)
{
  KindTable *table = &self->kinds[kind];
  GListModel *deductions = case_review_rubric_item_get_deductions (item);

  g_list_store_append (table->items, item);
  table->max_tenths += case_review_rubric_item_get_max_tenths (item);
  g_hash_table_insert (table->items_by_code, (gpointer) case_review_rubric_item_get_code (item), item);
  for (guint i = 0; i < g_list_model_get_n_items (deductions); i++)
    {
      g_autoptr(CaseReviewRubricDeduction) deduction = g_list_model_get_item (deductions, i);
      g_hash_table_insert (table->deductions_by_code,
                           (gpointer) case_review_rubric_deduction_get_code (deduction), deduction);
    }
}

guint
case_review_rubric_get_kind_max_tenths_internal (CaseReviewRubric          *self,
                                                 CaseReviewEnforcementKind  kind)
{
  return self->kinds[kind].max_tenths;
}

GListModel *
case_review_rubric_get_common_vetoes (CaseReviewRubric *self)
{
  return G_LIST_MODEL (self->common_vetoes);
}

GListModel *
case_review_rubric_get_kind_vetoes (CaseReviewRubric          *self,
                                    CaseReviewEnforcementKind  kind)
{
  return G_LIST_MODEL (self->kinds[kind].kind_vetoes);
}

static gboolean
kind_is_valid (CaseReviewEnforcementKind kind)
{
  return (guint) kind < CASE_REVIEW_N_ENFORCEMENT_KINDS;
}

static gboolean
grade_is_valid (CaseReviewGrade grade)
{
  return (guint) grade <= CASE_REVIEW_GRADE_FAIL;
}

/**
 * case_review_rubric_new_from_json:
 * @json: a rubric as JSON text (`docs/rubric-format.md`)
 * @error: return location for a #GError
 *
 * Reads and validates a rubric. Every rule of the format is checked: the
 * format name and version, required and unknown fields, known enforcement
 * kinds, each kind's item maxima totalling exactly 100 points, unique
 * codes, deductions above zero and within their item's maximum, points
 * with at most one decimal, and ordered grade bands.
 *
 * Returns: (transfer full) (nullable): the rubric, or %NULL with an error
 *   in the `CASE_REVIEW_ERROR` domain whose message names the JSON path,
 *   e.g. `rubric: $.kinds.penalty.items: the items' maxima total 95 points,
 *   not 100`: %CASE_REVIEW_ERROR_PARSE for text that is not JSON,
 *   %CASE_REVIEW_ERROR_UNSUPPORTED for a format version other than 1,
 *   %CASE_REVIEW_ERROR_DUPLICATE for a code used twice and
 *   %CASE_REVIEW_ERROR_INVALID for everything else
 *
 * Since: 0.1
 */
CaseReviewRubric *
case_review_rubric_new_from_json (const char  *json,
                                  GError     **error)
{
  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return case_review_rubric_read_json (json, -1, "rubric", error);
}

/**
 * case_review_rubric_new_from_file:
 * @file: a rubric JSON file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and validates a rubric from a file, like
 * [ctor@CaseReview.Rubric.new_from_json].
 *
 * Returns: (transfer full) (nullable): the rubric, or %NULL with an error
 *   whose message starts with the file's name instead of `rubric`
 *   (`my-rubric.json: $.kinds.penalty.items[3].max: …`)
 *
 * Since: 0.1
 */
CaseReviewRubric *
case_review_rubric_new_from_file (GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  name = g_file_get_basename (file);
  return case_review_rubric_read_json (contents, (gssize) length, name, error);
}

static gpointer
load_default (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  CaseReviewRubric *rubric;

  bytes = g_resource_lookup_data (case_review_rubric_resource_get_resource (), CASE_REVIEW_RUBRIC_DEFAULT_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The bundled rubric is missing: %s", error->message);

  rubric = case_review_rubric_read_json (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                         "default-rubric.json", &error);
  if (rubric == NULL)
    g_error ("The bundled rubric is invalid: %s", error->message);
  return rubric;
}

/**
 * case_review_rubric_get_default:
 *
 * The rubric bundled with the library (`data/rubric/default-rubric.json`,
 * compiled in as a resource), built from published Chinese review
 * standards: the common vetoes V01–V10 and kind-specific ones for coercion
 * (V11–V14), licensing (V21–V23) and inspection (V31–V33); tables for
 * penalty, coercion, inspection and licensing files (none for "other");
 * items dropped from the denominator when they do not apply; four grade
 * bands 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60.
 *
 * The rubric is loaded on first use, once, and is the same instance for
 * the life of the process; this function is thread-safe.
 *
 * Returns: (transfer none): the default rubric
 *
 * Since: 0.1
 */
CaseReviewRubric *
case_review_rubric_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_default, NULL);
  return once.retval;
}

/**
 * case_review_rubric_to_json:
 * @self: a rubric
 *
 * Writes the rubric in its canonical JSON form: every field present
 * (defaults included), kinds in the order of [enum@CaseReview.EnforcementKind],
 * items, deductions and vetoes in the rubric's order, points as decimal
 * numbers, indented by two spaces. Reading the text back with
 * [ctor@CaseReview.Rubric.new_from_json] gives an identical rubric, whose
 * JSON is the same text.
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 0.1
 */
char *
case_review_rubric_to_json (CaseReviewRubric *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), NULL);

  return case_review_rubric_write_json (self);
}

/**
 * case_review_rubric_get_id:
 * @self: a rubric
 *
 * The rubric's identifier, e.g. "libcasereview-default"; results
 * record which rubric scored them by it.
 *
 * Returns: the identifier
 *
 * Since: 0.1
 */
const char *
case_review_rubric_get_id (CaseReviewRubric *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), NULL);

  return self->id;
}

/**
 * case_review_rubric_get_title:
 * @self: a rubric
 *
 * The rubric's title in Chinese (zh_CN).
 *
 * Returns: the title
 *
 * Since: 0.1
 */
const char *
case_review_rubric_get_title (CaseReviewRubric *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), NULL);

  return self->title;
}

/**
 * case_review_rubric_get_english_title:
 * @self: a rubric
 *
 * The rubric's English title.
 *
 * Returns: the English title
 *
 * Since: 0.1
 */
const char *
case_review_rubric_get_english_title (CaseReviewRubric *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), NULL);

  return self->english_title;
}

/**
 * case_review_rubric_get_grade_scheme:
 * @self: a rubric
 *
 * Whether the rubric grades in four bands (优秀/良好/合格/不合格) or three
 * (优秀/合格/不合格).
 *
 * Returns: the grade scheme
 *
 * Since: 0.1
 */
CaseReviewGradeScheme
case_review_rubric_get_grade_scheme (CaseReviewRubric *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), CASE_REVIEW_GRADE_SCHEME_FOUR_BAND);

  return self->scheme;
}

/**
 * case_review_rubric_get_not_applicable_policy:
 * @self: a rubric
 *
 * How items that do not apply to a file are scored: dropped from the
 * denominator or counted as full marks.
 *
 * Returns: the policy
 *
 * Since: 0.1
 */
CaseReviewNotApplicablePolicy
case_review_rubric_get_not_applicable_policy (CaseReviewRubric *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), CASE_REVIEW_NOT_APPLICABLE_POLICY_DROP);

  return self->policy;
}

/**
 * case_review_rubric_covers_kind:
 * @self: a rubric
 * @kind: an enforcement kind
 *
 * Whether the rubric has a table for files of @kind. Files of a kind the
 * rubric does not cover cannot be scored with it.
 *
 * Returns: %TRUE if the rubric has items for @kind
 *
 * Since: 0.1
 */
gboolean
case_review_rubric_covers_kind (CaseReviewRubric          *self,
                                CaseReviewEnforcementKind  kind)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), FALSE);
  g_return_val_if_fail (kind_is_valid (kind), FALSE);

  return self->kinds[kind].covered;
}

/**
 * case_review_rubric_get_items:
 * @self: a rubric
 * @kind: an enforcement kind
 *
 * The scored items of @kind's table, in the rubric's order; their maxima
 * total 100 points. The list is empty when the rubric does not cover
 * @kind.
 *
 * Returns: (transfer none): a list model of [class@CaseReview.RubricItem];
 *   do not modify it
 *
 * Since: 0.1
 */
GListModel *
case_review_rubric_get_items (CaseReviewRubric          *self,
                              CaseReviewEnforcementKind  kind)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), NULL);
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return G_LIST_MODEL (self->kinds[kind].items);
}

/**
 * case_review_rubric_get_vetoes:
 * @self: a rubric
 * @kind: an enforcement kind
 *
 * The vetoes that apply to files of @kind: the common vetoes, then those of
 * @kind's table, each in the rubric's order.
 *
 * Returns: (transfer none): a list model of [class@CaseReview.RubricVeto];
 *   do not modify it
 *
 * Since: 0.1
 */
GListModel *
case_review_rubric_get_vetoes (CaseReviewRubric          *self,
                               CaseReviewEnforcementKind  kind)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), NULL);
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return G_LIST_MODEL (self->kinds[kind].vetoes);
}

/**
 * case_review_rubric_lookup_item:
 * @self: a rubric
 * @kind: an enforcement kind
 * @code: an item code, e.g. "4"
 *
 * Finds an item of @kind's table by its code.
 *
 * Returns: (transfer none) (nullable): the item, or %NULL if @kind's table
 *   has no item @code
 *
 * Since: 0.1
 */
CaseReviewRubricItem *
case_review_rubric_lookup_item (CaseReviewRubric          *self,
                                CaseReviewEnforcementKind  kind,
                                const char                *code)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), NULL);
  g_return_val_if_fail (kind_is_valid (kind), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->kinds[kind].items_by_code, code);
}

/**
 * case_review_rubric_lookup_deduction:
 * @self: a rubric
 * @kind: an enforcement kind
 * @code: a deduction code, e.g. "4.3"
 *
 * Finds a deduction option of any item of @kind's table by its code;
 * [method@CaseReview.RubricDeduction.get_item_code] says which item it
 * belongs to.
 *
 * Returns: (transfer none) (nullable): the deduction option, or %NULL if
 *   @kind's table has none with @code
 *
 * Since: 0.1
 */
CaseReviewRubricDeduction *
case_review_rubric_lookup_deduction (CaseReviewRubric          *self,
                                     CaseReviewEnforcementKind  kind,
                                     const char                *code)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), NULL);
  g_return_val_if_fail (kind_is_valid (kind), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->kinds[kind].deductions_by_code, code);
}

/**
 * case_review_rubric_lookup_veto:
 * @self: a rubric
 * @kind: an enforcement kind
 * @code: a veto code, e.g. "V01"
 *
 * Finds a veto that applies to files of @kind: a common veto or one of
 * @kind's own. A veto of another kind's table is not found.
 *
 * Returns: (transfer none) (nullable): the veto, or %NULL if no veto @code
 *   applies to @kind
 *
 * Since: 0.1
 */
CaseReviewRubricVeto *
case_review_rubric_lookup_veto (CaseReviewRubric          *self,
                                CaseReviewEnforcementKind  kind,
                                const char                *code)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), NULL);
  g_return_val_if_fail (kind_is_valid (kind), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->kinds[kind].vetoes_by_code, code);
}

/**
 * case_review_rubric_get_band_minimum:
 * @self: a rubric
 * @grade: a grade
 *
 * The lowest score that earns @grade (without a veto), in hundredths of a
 * point: by default 9000 for 优秀, 8000 for 良好, 6000 for 合格 and 0 for
 * 不合格. A grade's band runs from its minimum up to the next better
 * grade's minimum. The three-band scheme has no 良好 band: for
 * %CASE_REVIEW_GRADE_GOOD it returns the 优秀 minimum, an empty band.
 *
 * Returns: the band's minimum score ×100
 *
 * Since: 0.1
 */
guint
case_review_rubric_get_band_minimum (CaseReviewRubric *self,
                                     CaseReviewGrade   grade)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), 0);
  g_return_val_if_fail (grade_is_valid (grade), 0);

  return self->band_minimum[grade];
}

/**
 * case_review_rubric_grade_for_score:
 * @self: a rubric
 * @score_hundredths: a score out of 100, in hundredths of a point (8999
 *   is 89.99)
 * @vetoed: whether the file has a legality veto
 *
 * Grades a score by the rubric's bands: a vetoed file is always 不合格;
 * otherwise the best grade whose minimum the score reaches. With the
 * default bands 89.99 is 良好 and 90.00 优秀, 59.99 不合格 and 60.00 合格.
 * The three-band scheme never returns %CASE_REVIEW_GRADE_GOOD.
 *
 * Returns: the grade
 *
 * Since: 0.1
 */
CaseReviewGrade
case_review_rubric_grade_for_score (CaseReviewRubric *self,
                                    guint             score_hundredths,
                                    gboolean          vetoed)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (self), CASE_REVIEW_GRADE_FAIL);

  if (vetoed)
    return CASE_REVIEW_GRADE_FAIL;
  if (score_hundredths >= self->band_minimum[CASE_REVIEW_GRADE_EXCELLENT])
    return CASE_REVIEW_GRADE_EXCELLENT;
  if (self->scheme == CASE_REVIEW_GRADE_SCHEME_FOUR_BAND &&
      score_hundredths >= self->band_minimum[CASE_REVIEW_GRADE_GOOD])
    return CASE_REVIEW_GRADE_GOOD;
  if (score_hundredths >= self->band_minimum[CASE_REVIEW_GRADE_PASS])
    return CASE_REVIEW_GRADE_PASS;
  return CASE_REVIEW_GRADE_FAIL;
}

typedef struct
{
  const char *name;
  const char *label;
  const char *english_label;
} GradeInfo;

static const GradeInfo grade_info[] = {
  [CASE_REVIEW_GRADE_EXCELLENT] = { "excellent", "优秀", "Excellent" },
  [CASE_REVIEW_GRADE_GOOD] = { "good", "良好", "Good" },
  [CASE_REVIEW_GRADE_PASS] = { "pass", "合格", "Pass" },
  [CASE_REVIEW_GRADE_FAIL] = { "fail", "不合格", "Fail" },
};

/**
 * case_review_grade_get_name:
 * @grade: a grade
 *
 * The machine name of @grade as files spell it: "excellent", "good",
 * "pass" or "fail".
 *
 * Returns: the name, a static string
 *
 * Since: 0.1
 */
const char *
case_review_grade_get_name (CaseReviewGrade grade)
{
  g_return_val_if_fail (grade_is_valid (grade), NULL);

  return grade_info[grade].name;
}

/**
 * case_review_grade_get_label:
 * @grade: a grade
 *
 * The Chinese (zh_CN) label of @grade: 优秀, 良好, 合格 or 不合格.
 *
 * Returns: the label, a static string
 *
 * Since: 0.1
 */
const char *
case_review_grade_get_label (CaseReviewGrade grade)
{
  g_return_val_if_fail (grade_is_valid (grade), NULL);

  return grade_info[grade].label;
}

/**
 * case_review_grade_get_english_label:
 * @grade: a grade
 *
 * The English label of @grade: "Excellent", "Good", "Pass" or "Fail".
 *
 * Returns: the label, a static string
 *
 * Since: 0.1
 */
const char *
case_review_grade_get_english_label (CaseReviewGrade grade)
{
  g_return_val_if_fail (grade_is_valid (grade), NULL);

  return grade_info[grade].english_label;
}
