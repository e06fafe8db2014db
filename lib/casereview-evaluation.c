/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewEvaluation:
 *
 * A year's review results: the reviewers' [class@CaseReview.ScoreSheet]s for
 * the files of a [class@CaseReview.Sample], combined into one
 * [class@CaseReview.CaseResult] per file and one
 * [class@CaseReview.AgencyResult] per agency, ranked, with exact bounds on
 * each agency's share of non-compliant (不合格) files and a stratified
 * district-wide estimate.
 *
 * Files are scored in hundredths of a point and every mean is rounded half up
 * to the hundredth, so results are integers and rankings never depend on
 * floating point. A file's initial sheets are combined by their mean (two to
 * four) or trimmed mean (five or more: the single highest and lowest are
 * dropped); when any initial score is below
 * [property@CaseReview.Evaluation:rereview-threshold] or the initial grades
 * differ, the file needs a re-review (复核), and a re-review sheet, when added,
 * replaces the initial result (which is kept).
 *
 * Since: 0.1
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-enum-types.h"
#include "casereview-error.h"
#include "casereview-evaluation.h"
#include "casereview-evaluation-private.h"
#include "casereview-frame-filter-private.h"
#include "casereview-population-private.h"
#include "casereview-results-private.h"
#include "casereview-score-sheet-private.h"

/* Most frequent deductions listed per agency. */
#define N_FREQUENT_DEDUCTIONS 5

struct _CaseReviewEvaluation
{
  GObject parent_instance;

  CaseReviewRubric *rubric;
  CaseReviewSample *sample;
  CaseReviewPopulation *population;
  GPtrArray *files;              /* CaseReviewSampledCase to review, sample order */
  GHashTable *files_by_id;       /* case id → 1 + its index in files */
  GPtrArray *sheets_by_file;     /* by index in files: GPtrArray of CaseReviewScoreSheet, or NULL */
  guint n_sheets;

  guint rereview_threshold;      /* hundredths */
  gboolean rereview_on_grade_difference;
  double excellent_rate_minimum;
  double confidence;
};

enum {
  PROP_0,
  PROP_REREVIEW_THRESHOLD,
  PROP_REREVIEW_ON_GRADE_DIFFERENCE,
  PROP_EXCELLENT_RATE_MINIMUM,
  PROP_CONFIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewEvaluation, case_review_evaluation, G_TYPE_OBJECT)

static void
case_review_evaluation_finalize (GObject *object)
{
  CaseReviewEvaluation *self = CASE_REVIEW_EVALUATION (object);

  g_clear_object (&self->rubric);
  g_clear_object (&self->sample);
  g_clear_object (&self->population);
  g_hash_table_unref (self->files_by_id);
  g_ptr_array_unref (self->files);
  g_ptr_array_unref (self->sheets_by_file);

  G_OBJECT_CLASS (case_review_evaluation_parent_class)->finalize (object);
}

static void
case_review_evaluation_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CaseReviewEvaluation *self = CASE_REVIEW_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_REREVIEW_THRESHOLD: g_value_set_uint (value, self->rereview_threshold); break;
    case PROP_REREVIEW_ON_GRADE_DIFFERENCE: g_value_set_boolean (value, self->rereview_on_grade_difference); break;
    case PROP_EXCELLENT_RATE_MINIMUM: g_value_set_double (value, self->excellent_rate_minimum); break;
    case PROP_CONFIDENCE: g_value_set_double (value, self->confidence); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_evaluation_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CaseReviewEvaluation *self = CASE_REVIEW_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_REREVIEW_THRESHOLD: self->rereview_threshold = g_value_get_uint (value); break;
    case PROP_REREVIEW_ON_GRADE_DIFFERENCE: self->rereview_on_grade_difference = g_value_get_boolean (value); break;
    case PROP_EXCELLENT_RATE_MINIMUM: self->excellent_rate_minimum = g_value_get_double (value); break;
    case PROP_CONFIDENCE: self->confidence = g_value_get_double (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_evaluation_class_init (CaseReviewEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_evaluation_finalize;
  object_class->get_property = case_review_evaluation_get_property;
  object_class->set_property = case_review_evaluation_set_property;

  /**
   * CaseReviewEvaluation:rereview-threshold:
   *
   * An initial score below this many hundredths of a point calls for a
   * re-review (复核); 7000 (70 points) by default.
   *
   * Since: 0.1
   */
  properties[PROP_REREVIEW_THRESHOLD] =
    g_param_spec_uint ("rereview-threshold", NULL, NULL, 0, 10000, 7000,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewEvaluation:rereview-on-grade-difference:
   *
   * Whether initial sheets with different grades call for a re-review.
   *
   * Since: 0.1
   */
  properties[PROP_REREVIEW_ON_GRADE_DIFFERENCE] =
    g_param_spec_boolean ("rereview-on-grade-difference", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewEvaluation:excellent-rate-minimum:
   *
   * The 优秀率 an agency needs, besides a 100% 合格率, for the grade 优秀
   * (Harbin's rules ask 0.85); 0 by default.
   *
   * Since: 0.1
   */
  properties[PROP_EXCELLENT_RATE_MINIMUM] =
    g_param_spec_double ("excellent-rate-minimum", NULL, NULL, 0, 1, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /**
   * CaseReviewEvaluation:confidence:
   *
   * The confidence of the bounds on non-compliance; 0.95 by default.
   *
   * Since: 0.1
   */
  properties[PROP_CONFIDENCE] =
    g_param_spec_double ("confidence", NULL, NULL, 0.5, 0.999999, 0.95,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sheets_free (gpointer sheets)
{
  if (sheets != NULL)
    g_ptr_array_unref (sheets);
}

static void
case_review_evaluation_init (CaseReviewEvaluation *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->files_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->sheets_by_file = g_ptr_array_new_with_free_func (sheets_free);
  self->rereview_threshold = 7000;
  self->rereview_on_grade_difference = TRUE;
  self->confidence = 0.95;
}

/**
 * case_review_evaluation_new:
 * @rubric: the rubric the files are scored against
 * @sample: the sample whose files are reviewed
 * @population: the sample's population (for each file's kind and each
 *   agency's frame size)
 *
 * Creates an evaluation without sheets.
 *
 * Returns: (transfer full): a new evaluation
 *
 * Since: 0.1
 */
CaseReviewEvaluation *
case_review_evaluation_new (CaseReviewRubric     *rubric,
                            CaseReviewSample     *sample,
                            CaseReviewPopulation *population)
{
  CaseReviewEvaluation *self;

  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (rubric), NULL);
  g_return_val_if_fail (CASE_REVIEW_IS_SAMPLE (sample), NULL);
  g_return_val_if_fail (CASE_REVIEW_IS_POPULATION (population), NULL);

  self = g_object_new (CASE_REVIEW_TYPE_EVALUATION, NULL);
  self->rubric = g_object_ref (rubric);
  self->sample = g_object_ref (sample);
  self->population = g_object_ref (population);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sample)); i++)
    {
      CaseReviewSampledCase *unit = g_list_model_get_item (G_LIST_MODEL (sample), i);
      CaseReviewSampleRole role = case_review_sampled_case_get_role (unit);

      if (role == CASE_REVIEW_SAMPLE_ROLE_PRIMARY || role == CASE_REVIEW_SAMPLE_ROLE_CERTAINTY ||
          role == CASE_REVIEW_SAMPLE_ROLE_SUBSTITUTE)
        {
          g_ptr_array_add (self->files, unit);
          g_ptr_array_add (self->sheets_by_file, NULL);
          g_hash_table_insert (self->files_by_id, (gpointer) case_review_sampled_case_get_case_id (unit),
                               GUINT_TO_POINTER (self->files->len));
        }
      else
        g_object_unref (unit);
    }
  return self;
}

/**
 * case_review_evaluation_get_rubric:
 * @self: an evaluation
 *
 * The rubric of the evaluation.
 *
 * Returns: (transfer none): the rubric
 *
 * Since: 0.1
 */
CaseReviewRubric *
case_review_evaluation_get_rubric (CaseReviewEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), NULL);
  return self->rubric;
}

/**
 * case_review_evaluation_get_n_sheets:
 * @self: an evaluation
 *
 * How many sheets were added.
 *
 * Returns: the number of sheets
 *
 * Since: 0.1
 */
guint
case_review_evaluation_get_n_sheets (CaseReviewEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), 0);
  return self->n_sheets;
}

/* The index of @case_id's file in files, or -1. By hash: sheet loads look
 * up every sheet's file (1M sheets in bench/). */
static int
find_file (CaseReviewEvaluation *self,
           const char           *case_id)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->files_by_id, case_id)) - 1;
}

static GPtrArray *
sheets_of (CaseReviewEvaluation *self,
           const char           *case_id)
{
  int index = find_file (self, case_id);

  return index >= 0 ? g_ptr_array_index (self->sheets_by_file, index) : NULL;
}

/**
 * case_review_evaluation_add_sheet:
 * @self: an evaluation
 * @sheet: a score sheet for one of the sample's files
 * @error: return location for a #GError
 *
 * Adds a reviewer's sheet.
 *
 * Returns: %TRUE on success; %FALSE, nothing added, with
 *   %CASE_REVIEW_ERROR_NOT_FOUND for a file that is not among the sample's
 *   files to review, %CASE_REVIEW_ERROR_INVALID for a sheet scored against
 *   another rubric or under another kind than the file's, or
 *   %CASE_REVIEW_ERROR_DUPLICATE for a second sheet of the same reviewer
 *   (initial or re-review) for the same file
 *
 * Since: 0.1
 */
gboolean
case_review_evaluation_add_sheet (CaseReviewEvaluation  *self,
                                  CaseReviewScoreSheet  *sheet,
                                  GError               **error)
{
  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (sheet), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!case_review_evaluation_check_sheet_internal (self, sheet, error))
    return FALSE;
  case_review_evaluation_add_checked_sheet_internal (self, sheet);
  return TRUE;
}

/* Adds a sheet that case_review_evaluation_check_sheet_internal() accepted. */
void
case_review_evaluation_add_checked_sheet_internal (CaseReviewEvaluation *self,
                                                   CaseReviewScoreSheet *sheet)
{
  int index = find_file (self, case_review_score_sheet_get_case_id (sheet));
  GPtrArray *sheets = g_ptr_array_index (self->sheets_by_file, index);

  if (sheets == NULL)
    {
      sheets = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_index (self->sheets_by_file, index) = sheets;
    }
  g_ptr_array_add (sheets, g_object_ref (sheet));
  self->n_sheets++;
}

CaseReviewPopulation *
case_review_evaluation_get_population_internal (CaseReviewEvaluation *self)
{
  return self->population;
}

/* Whether add_sheet would accept @sheet, with its error if not. */
gboolean
case_review_evaluation_check_sheet_internal (CaseReviewEvaluation  *self,
                                             CaseReviewScoreSheet  *sheet,
                                             GError               **error)
{
  const char *case_id;
  CaseStore *store = case_review_population_peek_store (self->population);
  const CaseRow *row = NULL;
  GPtrArray *sheets;
  int index;

  case_id = case_review_score_sheet_get_case_id (sheet);
  if (case_review_score_sheet_get_rubric (sheet) != self->rubric)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("case \"%s\": the sheet is scored against rubric \"%s\", not the evaluation's \"%s\""), case_id,
                   case_review_rubric_get_id (case_review_score_sheet_get_rubric (sheet)),
                   case_review_rubric_get_id (self->rubric));
      return FALSE;
    }
  if (find_file (self, case_id) < 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                   _("case \"%s\" is not among the sample's files to review"), case_id);
      return FALSE;
    }
  /* The file's kind from the population's rows: no object for each sheet. */
  index = case_store_find_case (store, case_id);
  if (index >= 0)
    row = case_store_get_row (store, (guint) index);
  if (row == NULL || row->kind != case_review_score_sheet_get_kind (sheet))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("case \"%s\": the sheet scores a %s file, but the file is %s"), case_id,
                   case_review_enforcement_kind_get_name (case_review_score_sheet_get_kind (sheet)),
                   row != NULL ? case_review_enforcement_kind_get_name (row->kind) : _("not in the population"));
      return FALSE;
    }

  sheets = sheets_of (self, case_id);
  for (guint i = 0; sheets != NULL && i < sheets->len; i++)
    {
      CaseReviewScoreSheet *other = g_ptr_array_index (sheets, i);

      if (g_str_equal (case_review_score_sheet_get_reviewer_id (other), case_review_score_sheet_get_reviewer_id (sheet)) &&
          case_review_score_sheet_is_rereview (other) == case_review_score_sheet_is_rereview (sheet))
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                       _("case \"%s\": reviewer %s already has a %s sheet for this file"), case_id,
                       case_review_score_sheet_get_reviewer_id (sheet),
                       case_review_score_sheet_is_rereview (sheet) ? _("re-review") : _("review"));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * case_review_evaluation_load_sheets_csv:
 * @self: an evaluation
 * @file: a score-sheet CSV (columns 案卷编号/case_id, 评查人员/reviewer,
 *   复核/rereview, 评查日期/date, 类型/entry, 代码/code, 次数/occurrences,
 *   说明/note, 证据页码/evidence_page)
 * @encoding: the file's encoding, or %CASE_REVIEW_TEXT_ENCODING_AUTO
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Adds the score sheets of a CSV file, one row per deduction, veto or
 * not-applicable item, or a `none` row for a sheet without findings. The
 * rows of the same case, reviewer and re-review flag make one sheet, scored
 * under the kind the evaluation's population gives the case. The format is
 * described in `docs/rubric-format.md` ("Score-sheet CSV"). All or nothing.
 *
 * Returns: %TRUE on success; %FALSE with a [error@CaseReview.Error] located
 *   as `file:line:column` otherwise (%CASE_REVIEW_ERROR_NOT_FOUND for an
 *   unknown case or code or a case outside the sample's files to review,
 *   %CASE_REVIEW_ERROR_UNSUPPORTED for a case whose kind has no table in the
 *   rubric, %CASE_REVIEW_ERROR_DUPLICATE for a sheet the evaluation already
 *   has, %CASE_REVIEW_ERROR_INVALID for other problems), nothing added
 *
 * Since: 0.1
 */
gboolean
case_review_evaluation_load_sheets_csv (CaseReviewEvaluation    *self,
                                        GFile                   *file,
                                        CaseReviewTextEncoding   encoding,
                                        GCancellable            *cancellable,
                                        GError                 **error)
{
  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return case_review_evaluation_load_sheets_csv_internal (self, file, encoding, cancellable, error);
}

static guint
round_half_up (guint64 numerator,
               guint64 denominator)
{
  return (guint) ((2 * numerator + denominator) / (2 * denominator));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Mean of two to four scores, trimmed mean (without the single highest and
 * lowest) of five or more; hundredths, rounded half up. Sorts @scores. */
static guint
combine_scores (guint *scores,
                guint  n_scores)
{
  guint64 sum = 0;
  guint first = 0, last = n_scores;

  qsort (scores, n_scores, sizeof (guint), compare_uints);
  if (n_scores >= 5)
    first = 1, last = n_scores - 1;
  for (guint i = first; i < last; i++)
    sum += scores[i];
  return round_half_up (sum, last - first);
}

static void
add_vetoes (GPtrArray            *codes,
            CaseReviewScoreSheet *sheet)
{
  g_auto(GStrv) vetoes = case_review_score_sheet_dup_veto_codes (sheet);

  for (guint v = 0; vetoes[v] != NULL; v++)
    if (!g_ptr_array_find_with_equal_func (codes, vetoes[v], g_str_equal, NULL))
      g_ptr_array_add (codes, g_strdup (vetoes[v]));
}

GPtrArray *
case_review_evaluation_get_sheets_internal (CaseReviewEvaluation *self,
                                            const char           *case_id)
{
  return sheets_of (self, case_id);
}

static gboolean
any_rereview (GPtrArray *sheets)
{
  for (guint i = 0; i < sheets->len; i++)
    if (case_review_score_sheet_is_rereview (g_ptr_array_index (sheets, i)))
      return TRUE;
  return FALSE;
}

/* The sheets that decide a file's result: its re-review sheets if any,
 * else its initial ones. */
GPtrArray *
case_review_evaluation_deciding_sheets_internal (GPtrArray *sheets,
                                                 gboolean  *rereviewed)
{
  GPtrArray *deciding = g_ptr_array_new ();

  *rereviewed = any_rereview (sheets);
  for (guint i = 0; i < sheets->len; i++)
    if (case_review_score_sheet_is_rereview (g_ptr_array_index (sheets, i)) == *rereviewed)
      g_ptr_array_add (deciding, g_ptr_array_index (sheets, i));
  return deciding;
}

/* The files' sheets are scattered over the heap and a file needs little
 * arithmetic, so aggregating a large evaluation waits on memory: while
 * file @i is computed, the loads of the next files' sheet lists, sheets and
 * deductions are started, each stage reading what an earlier one fetched. */
static inline void
prefetch_ahead (CaseReviewEvaluation *self,
                guint                 i)
{
#if defined(__GNUC__)
  GPtrArray **by_file = (GPtrArray **) self->sheets_by_file->pdata;
  guint n = self->sheets_by_file->len;
  GPtrArray *sheets;

  if (i + 16 < n && by_file[i + 16] != NULL)
    __builtin_prefetch (by_file[i + 16]);
  if (i + 8 < n && (sheets = by_file[i + 8]) != NULL)
    __builtin_prefetch (sheets->pdata);
  if (i + 4 < n && (sheets = by_file[i + 4]) != NULL)
    for (guint s = 0; s < sheets->len; s++)
      __builtin_prefetch (sheets->pdata[s]);
  if (i + 2 < n && (sheets = by_file[i + 2]) != NULL)
    for (guint s = 0; s < sheets->len; s++)
      case_review_score_sheet_prefetch_internal (sheets->pdata[s]);
#endif
}

/* One file's result from its sheets. The ids in @data are borrowed from
 * @unit; the veto codes (NULL when none) belong to the caller. Agency
 * results need this for every file, so it allocates only for vetoes and for
 * files with more sheets than usual. */
static void
compute_case_data (CaseReviewEvaluation  *self,
                   CaseReviewSampledCase *unit,
                   GPtrArray             *sheets,
                   CaseResultData        *data)
{
  guint initial_buffer[8], final_buffer[8];
  g_autofree guint *initial_heap = NULL, *final_heap = NULL;
  guint *initial_scores = initial_buffer, *final_scores = final_buffer;
  guint n_initial = 0, n_final = 0;
  g_autoptr(GPtrArray) codes = NULL;
  gboolean grades_differ = FALSE, low = FALSE;
  int first_grade = -1;

  memset (data, 0, sizeof *data);
  if (sheets->len > G_N_ELEMENTS (initial_buffer))
    {
      initial_scores = initial_heap = g_new (guint, sheets->len);
      final_scores = final_heap = g_new (guint, sheets->len);
    }
  data->case_id = (char *) case_review_sampled_case_get_case_id (unit);
  data->agency_id = (char *) case_review_sampled_case_get_agency_id (unit);
  data->kind = case_review_score_sheet_get_kind (g_ptr_array_index (sheets, 0));
  data->rereviewed = any_rereview (sheets);

  for (guint i = 0; i < sheets->len; i++)
    {
      CaseReviewScoreSheet *sheet = g_ptr_array_index (sheets, i);
      guint score = case_review_score_sheet_get_score_hundredths (sheet);
      gboolean rereview = case_review_score_sheet_is_rereview (sheet);

      if (!rereview)
        {
          int grade = case_review_score_sheet_get_grade (sheet);

          data->n_sheets++;
          initial_scores[n_initial++] = score;
          low |= score < self->rereview_threshold;
          grades_differ |= first_grade >= 0 && grade != first_grade;
          first_grade = grade;
        }
      if (rereview == data->rereviewed)
        {
          final_scores[n_final++] = score;
          if (case_review_score_sheet_has_veto (sheet))
            {
              data->vetoed = TRUE;
              if (codes == NULL)
                codes = g_ptr_array_new_with_free_func (g_free);
              add_vetoes (codes, sheet);
            }
        }
    }

  data->initial_score = n_initial > 0 ? combine_scores (initial_scores, n_initial)
                                      : combine_scores (final_scores, n_final);
  /* Any veto in the deciding sheets makes the file 不合格 with 0 points; when
   * the initial reviewers disagree about it, the grade difference calls for
   * the re-review that settles it. */
  data->score = data->vetoed ? 0 : combine_scores (final_scores, n_final);
  data->grade = case_review_rubric_grade_for_score (self->rubric, data->score, data->vetoed);
  data->needs_rereview = !data->rereviewed &&
                         (low || (self->rereview_on_grade_difference && grades_differ));
  if (codes != NULL)
    {
      g_ptr_array_sort (codes, compare_strings);
      g_ptr_array_add (codes, NULL);
      data->veto_codes = (char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
    }
}

static CaseReviewCaseResult *
compute_case_result (CaseReviewEvaluation  *self,
                     CaseReviewSampledCase *unit,
                     GPtrArray             *sheets)
{
  CaseResultData data;

  compute_case_data (self, unit, sheets, &data);
  data.case_id = g_strdup (data.case_id);
  data.agency_id = g_strdup (data.agency_id);
  return case_review_case_result_new_internal (&data);
}

/**
 * case_review_evaluation_dup_case_results:
 * @self: an evaluation
 *
 * One result per file of the sample that has at least one sheet, in the
 * sample's order.
 *
 * Returns: (transfer full): a list model of [class@CaseReview.CaseResult]
 *
 * Since: 0.1
 */
GListModel *
case_review_evaluation_dup_case_results (CaseReviewEvaluation *self)
{
  GListStore *results;

  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), NULL);

  results = g_list_store_new (CASE_REVIEW_TYPE_CASE_RESULT);
  for (guint i = 0; i < self->files->len; i++)
    {
      CaseReviewSampledCase *unit = g_ptr_array_index (self->files, i);
      GPtrArray *sheets = g_ptr_array_index (self->sheets_by_file, i);

      prefetch_ahead (self, i);
      if (sheets != NULL)
        {
          g_autoptr(CaseReviewCaseResult) result = compute_case_result (self, unit, sheets);
          g_list_store_append (results, result);
        }
    }
  return G_LIST_MODEL (results);
}

/**
 * case_review_evaluation_dup_case_result:
 * @self: an evaluation
 * @case_id: a case id
 *
 * The result of one file.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL for a file
 *   without sheets or not in the sample
 *
 * Since: 0.1
 */
CaseReviewCaseResult *
case_review_evaluation_dup_case_result (CaseReviewEvaluation *self,
                                        const char           *case_id)
{
  int index;
  GPtrArray *sheets;

  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  index = find_file (self, case_id);
  sheets = index >= 0 ? g_ptr_array_index (self->sheets_by_file, index) : NULL;
  return sheets != NULL ? compute_case_result (self, g_ptr_array_index (self->files, index), sheets) : NULL;
}

typedef struct
{
  const char *code;
  guint count;
} Tally;

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const Tally *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->code, y->code);
}

static int
compare_agency_results (gconstpointer a,
                        gconstpointer b)
{
  const AgencyResultData *x = *(AgencyResultData * const *) a, *y = *(AgencyResultData * const *) b;

  if (x->mean != y->mean)
    return x->mean > y->mean ? -1 : 1;
  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  if (x->n_failed != y->n_failed)
    return x->n_failed < y->n_failed ? -1 : 1;
  return strcmp (x->agency_id, y->agency_id);
}

static void
agency_result_data_free (AgencyResultData *data)
{
  g_free (data->agency_id);
  g_clear_pointer (&data->veto_counts, g_hash_table_unref);
  g_strfreev (data->frequent_deductions);
  g_free (data);
}

/* One agency's running sums while the files are read. */
typedef struct
{
  AgencyResultData *data;
  GArray *scores;             /* guint hundredths, one per file */
  GHashTable *deductions;     /* rubric-owned CaseReviewRubricDeduction → guint occurrences */
  guint64 kind_total[CASE_REVIEW_N_ENFORCEMENT_KINDS];
} AgencySums;

static void
agency_sums_free (AgencySums *sums)
{
  g_array_unref (sums->scores);
  g_hash_table_unref (sums->deductions);
  g_free (sums);
}

/* Adds one file to its agency's sums: score, grade, kind, vetoes and the
 * deductions of the sheets that decided it. */
static void
agency_sums_add_file (AgencySums           *sums,
                       const CaseResultData *file,
                       GPtrArray            *sheets)
{
  AgencyResultData *data = sums->data;

  g_array_append_val (sums->scores, file->score);
  data->total += file->score;
  data->n_files++;
  data->n_excellent += file->grade == CASE_REVIEW_GRADE_EXCELLENT;
  data->n_failed += file->grade == CASE_REVIEW_GRADE_FAIL;
  sums->kind_total[file->kind] += file->score;
  data->kind_n[file->kind]++;
  for (guint v = 0; file->veto_codes != NULL && file->veto_codes[v] != NULL; v++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (data->veto_counts, file->veto_codes[v]));
      g_hash_table_insert (data->veto_counts, g_strdup (file->veto_codes[v]), GUINT_TO_POINTER (count + 1));
    }

  for (guint s = 0; s < sheets->len; s++)
    {
      CaseReviewScoreSheet *sheet = g_ptr_array_index (sheets, s);

      if (case_review_score_sheet_is_rereview (sheet) != file->rereviewed)
        continue;
      for (guint c = 0; c < case_review_score_sheet_get_n_deductions_internal (sheet); c++)
        {
          guint occurrences;
          CaseReviewRubricDeduction *option = case_review_score_sheet_get_deduction_internal (sheet, c, &occurrences);
          guint *count = g_hash_table_lookup (sums->deductions, option);

          if (count == NULL)
            {
              count = g_new0 (guint, 1);
              g_hash_table_insert (sums->deductions, option, count);
            }
          *count += occurrences;
        }
    }
}

/* Each agency's number of files in the sample's frame, by the population's
 * agency index, counted on the population's rows; all zero when the plan's
 * filter names an agency the population does not have. */
static guint *
count_frame_by_agency (CaseReviewEvaluation *self)
{
  CaseStore *store = case_review_population_peek_store (self->population);
  CaseReviewFrameFilter *filter = case_review_sampling_plan_get_filter (case_review_sample_get_plan (self->sample));
  const char * const *named = case_review_frame_filter_get_agencies (filter);
  guint *counts = g_new0 (guint, case_store_get_n_agencies (store) + 1);

  for (guint i = 0; named != NULL && named[i] != NULL; i++)
    if (case_store_find_agency (store, named[i]) < 0)
      return counts;
  for (guint i = 0; i < case_store_get_n_rows (store); i++)
    {
      const CaseRow *row = case_store_get_row (store, i);
      const char *agency_id = case_review_agency_get_id (case_store_get_agency (store, row->agency));

      if (case_review_frame_filter_matches_fields (filter, row->id, agency_id, row->kind, row->closed_on))
        counts[row->agency]++;
    }
  return counts;
}

/* Per agency: its files' results and the frame size, computed together. */
static GPtrArray *
compute_agency_data (CaseReviewEvaluation *self)
{
  g_autoptr(GHashTable) by_agency = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sums_by_agency = g_ptr_array_new_with_free_func ((GDestroyNotify) agency_sums_free);
  g_autofree guint *frame_sizes = count_frame_by_agency (self);
  CaseStore *store = case_review_population_peek_store (self->population);
  GPtrArray *agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) agency_result_data_free);
  CaseReviewGradeScheme scheme = case_review_rubric_get_grade_scheme (self->rubric);

  /* The files' results are computed in place, without result objects. */
  for (guint i = 0; i < self->files->len; i++)
    {
      CaseReviewSampledCase *unit = g_ptr_array_index (self->files, i);
      GPtrArray *sheets = g_ptr_array_index (self->sheets_by_file, i);
      CaseResultData file;
      AgencySums *sums;

      prefetch_ahead (self, i);
      if (sheets == NULL)
        continue;
      compute_case_data (self, unit, sheets, &file);
      sums = g_hash_table_lookup (by_agency, file.agency_id);
      if (sums == NULL)
        {
          AgencyResultData *data = g_new0 (AgencyResultData, 1);
          int agency_index = case_store_find_agency (store, file.agency_id);

          data->agency_id = g_strdup (file.agency_id);
          data->veto_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          /* Each agency's N is its number of files in the sample's frame. */
          data->population_size = agency_index >= 0 ? frame_sizes[agency_index] : 0;
          g_ptr_array_add (agencies, data);
          sums = g_new0 (AgencySums, 1);
          sums->data = data;
          sums->scores = g_array_new (FALSE, FALSE, sizeof (guint));
          /* Keyed by the rubric's options (cheaper than their codes); the
           * counts are merged by code at the end. */
          sums->deductions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
          g_ptr_array_add (sums_by_agency, sums);
          g_hash_table_insert (by_agency, data->agency_id, sums);
        }
      agency_sums_add_file (sums, &file, sheets);
      g_strfreev (file.veto_codes);
    }

  for (guint a = 0; a < agencies->len; a++)
    {
      AgencySums *sums = g_ptr_array_index (sums_by_agency, a);
      AgencyResultData *data = sums->data;
      GArray *scores = sums->scores;
      g_autoptr(GArray) tallies = g_array_new (FALSE, FALSE, sizeof (Tally));
      /* code → a count owned by sums->deductions */
      g_autoptr(GHashTable) counts_by_code = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter iter;
      gpointer key, value;
      g_autoptr(CaseReviewBound) bound = NULL;

      data->n_passed = data->n_files - data->n_failed;
      data->mean = round_half_up (data->total, data->n_files);
      g_array_sort (scores, compare_uints);
      data->median = data->n_files % 2 ? g_array_index (scores, guint, data->n_files / 2)
                                       : round_half_up ((guint64) g_array_index (scores, guint, data->n_files / 2 - 1) +
                                                        g_array_index (scores, guint, data->n_files / 2), 2);
      for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
        data->kind_mean[k] = data->kind_n[k] > 0 ? round_half_up (sums->kind_total[k], data->kind_n[k]) : 0;

      /* 优秀 needs every file to pass, and the minimum 优秀率 if any. */
      data->grade = case_review_rubric_grade_for_score (self->rubric, data->mean, FALSE);
      if (data->grade == CASE_REVIEW_GRADE_EXCELLENT &&
          (data->n_failed > 0 || (double) data->n_excellent < self->excellent_rate_minimum * data->n_files))
        data->grade = scheme == CASE_REVIEW_GRADE_SCHEME_FOUR_BAND ? CASE_REVIEW_GRADE_GOOD : CASE_REVIEW_GRADE_PASS;

      /* Kinds' tables share codes, and the result lists codes: options with
       * the same code count together. */
      g_hash_table_iter_init (&iter, sums->deductions);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *code = case_review_rubric_deduction_get_code (key);
          guint *by_code = g_hash_table_lookup (counts_by_code, code);

          if (by_code == NULL)
            g_hash_table_insert (counts_by_code, (gpointer) code, value);
          else
            *by_code += *(guint *) value;
        }
      g_hash_table_iter_init (&iter, counts_by_code);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Tally counted = { key, *(guint *) value };
          g_array_append_val (tallies, counted);
        }
      g_array_sort (tallies, compare_tallies);
      data->frequent_deductions = g_new0 (char *, MIN (tallies->len, N_FREQUENT_DEDUCTIONS) + 1);
      for (guint t = 0; t < tallies->len && t < N_FREQUENT_DEDUCTIONS; t++)
        data->frequent_deductions[t] = g_strdup (g_array_index (tallies, Tally, t).code);

      if (data->population_size >= data->n_files && data->n_files > 0)
        bound = case_review_bound_new_upper (CASE_REVIEW_STATISTICAL_MODEL_HYPERGEOMETRIC, self->confidence,
                                             data->n_files, data->n_failed, data->population_size, NULL);
      if (bound != NULL)
        {
          data->noncompliance_upper = case_review_bound_get_upper (bound);
          data->noncompliance_upper_count = case_review_bound_get_upper_count (bound);
        }
    }

  g_ptr_array_sort (agencies, compare_agency_results);
  for (guint a = 0; a < agencies->len; a++)
    ((AgencyResultData *) g_ptr_array_index (agencies, a))->rank = a + 1;
  return agencies;
}

/**
 * case_review_evaluation_dup_agency_results:
 * @self: an evaluation
 *
 * One result per agency with reviewed files, in rank order: mean score
 * (higher first), then total score, then fewer 不合格 files, then agency id.
 *
 * Returns: (transfer full): a list model of [class@CaseReview.AgencyResult]
 *
 * Since: 0.1
 */
GListModel *
case_review_evaluation_dup_agency_results (CaseReviewEvaluation *self)
{
  g_autoptr(GPtrArray) agencies = NULL;
  GListStore *results;

  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), NULL);

  agencies = compute_agency_data (self);
  results = g_list_store_new (CASE_REVIEW_TYPE_AGENCY_RESULT);
  for (guint a = 0; a < agencies->len; a++)
    {
      AgencyResultData *data = g_ptr_array_index (agencies, a);
      g_autoptr(CaseReviewAgencyResult) result = case_review_agency_result_new_internal (data);

      /* The result owns the data's contents now. */
      memset (data, 0, sizeof *data);
      g_list_store_append (results, result);
    }
  return G_LIST_MODEL (results);
}

/**
 * case_review_evaluation_dup_district_estimate:
 * @self: an evaluation
 * @error: return location for a #GError
 *
 * The district-wide estimate of non-compliant (不合格) files: each agency a
 * stratum with its frame size, reviewed files and 不合格 files, combined by
 * [method@CaseReview.StratifiedEstimate.compute] at the evaluation's
 * confidence (Horvitz–Thompson estimate and a conservative upper bound).
 *
 * Returns: (transfer full) (nullable): the estimate, or %NULL with an error
 *   when there are no results yet
 *
 * Since: 0.1
 */
CaseReviewStratifiedBound *
case_review_evaluation_dup_district_estimate (CaseReviewEvaluation  *self,
                                              GError               **error)
{
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(CaseReviewStratifiedEstimate) estimate = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), NULL);

  agencies = compute_agency_data (self);
  estimate = case_review_stratified_estimate_new ();
  for (guint a = 0; a < agencies->len; a++)
    {
      AgencyResultData *data = g_ptr_array_index (agencies, a);

      if (!case_review_stratified_estimate_add_stratum (estimate, data->population_size, data->n_files,
                                                        data->n_failed, error))
        {
          g_prefix_error (error, _("agency %s: "), data->agency_id);
          return NULL;
        }
    }
  return case_review_stratified_estimate_compute (estimate, self->confidence, error);
}
