/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * An evaluation's results as JSON (docs/formats.md, "Results (JSON)"): the
 * agencies' ranking, every file's result with the problems its deciding
 * sheets recorded, and the district estimate. It is what `casereview score
 * -o` writes and what rectification notices are generated from.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "casereview-error.h"
#include "casereview-json-members.h"
#include "casereview-evaluation-private.h"

#define RESULTS_FORMAT "casereview-results"
#define RESULTS_VERSION 1

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* One problem of a file: what the deciding sheets recorded under one code.
 * Occurrences are the largest count any reviewer gave, notes and evidence
 * pages the distinct ones in reviewer order. */
typedef struct
{
  gboolean veto;
  char *code;
  guint occurrences;
  GPtrArray *notes;
  GPtrArray *pages;
  GPtrArray *reviewers;
} Problem;

static void
problem_free (Problem *problem)
{
  g_free (problem->code);
  g_ptr_array_unref (problem->notes);
  g_ptr_array_unref (problem->pages);
  g_ptr_array_unref (problem->reviewers);
  g_free (problem);
}

static void
add_distinct (GPtrArray  *values,
              const char *value)
{
  if (value != NULL && *value != '\0' && !g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL))
    g_ptr_array_add (values, g_strdup (value));
}

static Problem *
find_problem (GPtrArray  *problems,
              gboolean    veto,
              const char *code)
{
  Problem *problem;

  for (guint i = 0; i < problems->len; i++)
    {
      problem = g_ptr_array_index (problems, i);
      if (problem->veto == veto && strcmp (problem->code, code) == 0)
        return problem;
    }
  problem = g_new0 (Problem, 1);
  problem->veto = veto;
  problem->code = g_strdup (code);
  problem->notes = g_ptr_array_new_with_free_func (g_free);
  problem->pages = g_ptr_array_new_with_free_func (g_free);
  problem->reviewers = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (problems, problem);
  return problem;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *x = *(Problem * const *) a, *y = *(Problem * const *) b;

  if (x->veto != y->veto)
    return x->veto ? -1 : 1;
  return strcmp (x->code, y->code);
}

static int
compare_sheets_by_reviewer (gconstpointer a,
                            gconstpointer b)
{
  CaseReviewScoreSheet *x = *(CaseReviewScoreSheet * const *) a, *y = *(CaseReviewScoreSheet * const *) b;

  return strcmp (case_review_score_sheet_get_reviewer_id (x), case_review_score_sheet_get_reviewer_id (y));
}

static GPtrArray *
collect_problems (GPtrArray *sheets)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  gboolean rereviewed;
  g_autoptr(GPtrArray) deciding = case_review_evaluation_deciding_sheets_internal (sheets, &rereviewed);

  g_ptr_array_sort (deciding, compare_sheets_by_reviewer);
  for (guint i = 0; i < deciding->len; i++)
    {
      CaseReviewScoreSheet *sheet = g_ptr_array_index (deciding, i);
      const char *reviewer = case_review_score_sheet_get_reviewer_id (sheet);
      g_auto(GStrv) vetoes = case_review_score_sheet_dup_veto_codes (sheet);
      g_auto(GStrv) deductions = case_review_score_sheet_dup_deduction_codes (sheet);

      for (guint v = 0; vetoes[v] != NULL; v++)
        {
          Problem *problem = find_problem (problems, TRUE, vetoes[v]);

          problem->occurrences = 1;
          add_distinct (problem->notes, case_review_score_sheet_get_note (sheet, vetoes[v]));
          add_distinct (problem->reviewers, reviewer);
        }
      for (guint d = 0; deductions[d] != NULL; d++)
        {
          Problem *problem = find_problem (problems, FALSE, deductions[d]);

          problem->occurrences = MAX (problem->occurrences,
                                      case_review_score_sheet_get_occurrences (sheet, deductions[d]));
          add_distinct (problem->notes, case_review_score_sheet_get_note (sheet, deductions[d]));
          add_distinct (problem->pages, case_review_score_sheet_get_evidence_page (sheet, deductions[d]));
          add_distinct (problem->reviewers, reviewer);
        }
    }
  g_ptr_array_sort (problems, compare_problems);
  return problems;
}

static char *
join (GPtrArray  *values,
      const char *separator)
{
  g_ptr_array_add (values, NULL);
  g_autofree char *joined = g_strjoinv (separator, (char **) values->pdata);
  g_ptr_array_remove_index (values, values->len - 1);
  return g_steal_pointer (&joined);
}

static void
add_problem (JsonBuilder               *builder,
             CaseReviewRubric          *rubric,
             CaseReviewEnforcementKind  kind,
             Problem                   *problem)
{
  g_autofree char *note = join (problem->notes, "；");
  g_autofree char *page = join (problem->pages, "、");

  json_builder_begin_object (builder);
  json_members_add_string (builder, "severity", problem->veto ? "veto" : "deduction");
  json_members_add_string (builder, "code", problem->code);
  if (problem->veto)
    {
      CaseReviewRubricVeto *veto = case_review_rubric_lookup_veto (rubric, kind, problem->code);

      json_members_add_string (builder, "item", "V");
      json_members_add_string (builder, "item_title", "合法性否决项");
      json_members_add_string (builder, "item_english_title", "Legality vetoes");
      json_members_add_string (builder, "text", veto != NULL ? case_review_rubric_veto_get_text (veto) : "");
      json_members_add_string (builder, "english_text", veto != NULL ? case_review_rubric_veto_get_english_text (veto) : "");
      json_members_add_string (builder, "basis", veto != NULL ? case_review_rubric_veto_get_basis (veto) : "");
      json_members_add_int (builder, "points_tenths", 0);
    }
  else
    {
      CaseReviewRubricDeduction *deduction = case_review_rubric_lookup_deduction (rubric, kind, problem->code);
      const char *item_code = deduction != NULL ? case_review_rubric_deduction_get_item_code (deduction) : "";
      CaseReviewRubricItem *item = case_review_rubric_lookup_item (rubric, kind, item_code);

      json_members_add_string (builder, "item", item_code);
      json_members_add_string (builder, "item_title", item != NULL ? case_review_rubric_item_get_title (item) : "");
      json_members_add_string (builder, "item_english_title", item != NULL ? case_review_rubric_item_get_english_title (item) : "");
      json_members_add_string (builder, "text", deduction != NULL ? case_review_rubric_deduction_get_text (deduction) : "");
      json_members_add_string (builder, "english_text",
                  deduction != NULL ? case_review_rubric_deduction_get_english_text (deduction) : "");
      json_members_add_string (builder, "basis", "");
      json_members_add_int (builder, "points_tenths", deduction != NULL ? case_review_rubric_deduction_get_points_tenths (deduction) : 0);
    }
  json_members_add_int (builder, "occurrences", problem->occurrences);
  json_members_add_string (builder, "evidence_page", page);
  json_members_add_string (builder, "note", note);
  json_builder_set_member_name (builder, "reviewers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problem->reviewers->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (problem->reviewers, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_case (JsonBuilder          *builder,
          CaseReviewEvaluation *self,
          CaseReviewCaseResult *result)
{
  const char *case_id = case_review_case_result_get_case_id (result);
  const char * const *vetoes = case_review_case_result_get_veto_codes (result);
  CaseReviewEnforcementKind kind = case_review_case_result_get_kind (result);
  g_autoptr(GPtrArray) problems = collect_problems (case_review_evaluation_get_sheets_internal (self, case_id));

  json_builder_begin_object (builder);
  json_members_add_string (builder, "case_id", case_id);
  json_members_add_string (builder, "agency", case_review_case_result_get_agency_id (result));
  json_members_add_string (builder, "kind", case_review_enforcement_kind_get_name (kind));
  json_members_add_int (builder, "sheets", case_review_case_result_get_n_sheets (result));
  json_members_add_int (builder, "initial_score_hundredths", case_review_case_result_get_initial_score_hundredths (result));
  json_members_add_double (builder, "score", case_review_case_result_get_score (result));
  json_members_add_int (builder, "score_hundredths", case_review_case_result_get_score_hundredths (result));
  json_members_add_string (builder, "grade", case_review_grade_get_name (case_review_case_result_get_grade (result)));
  json_builder_set_member_name (builder, "vetoes");
  json_builder_begin_array (builder);
  for (guint v = 0; vetoes[v] != NULL; v++)
    json_builder_add_string_value (builder, vetoes[v]);
  json_builder_end_array (builder);
  json_members_add_boolean (builder, "needs_rereview", case_review_case_result_needs_rereview (result));
  json_members_add_boolean (builder, "rereviewed", case_review_case_result_is_rereviewed (result));
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    add_problem (builder, case_review_evaluation_get_rubric (self), kind, g_ptr_array_index (problems, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_agency (JsonBuilder            *builder,
            CaseReviewPopulation   *population,
            CaseReviewAgencyResult *result,
            GHashTable             *vetoed_files)
{
  const char *id = case_review_agency_result_get_agency_id (result);
  CaseReviewAgency *agency = case_review_population_lookup_agency (population, id);
  g_auto(GStrv) veto_codes = case_review_agency_result_dup_veto_codes (result);
  const char * const *frequent = case_review_agency_result_get_frequent_deductions (result);

  json_builder_begin_object (builder);
  json_members_add_string (builder, "agency", id);
  json_members_add_string (builder, "name", agency != NULL ? case_review_agency_get_name (agency) : id);
  json_members_add_string (builder, "short_name", agency != NULL ? case_review_agency_get_short_name (agency) : "");
  json_members_add_int (builder, "rank", case_review_agency_result_get_rank (result));
  json_members_add_int (builder, "files", case_review_agency_result_get_n_files (result));
  json_members_add_int (builder, "population_size", case_review_agency_result_get_population_size (result));
  json_members_add_double (builder, "mean", case_review_agency_result_get_mean (result));
  json_members_add_int (builder, "mean_hundredths", case_review_agency_result_get_mean_hundredths (result));
  json_members_add_double (builder, "median", case_review_agency_result_get_median_hundredths (result) / 100.0);
  json_members_add_int (builder, "median_hundredths", case_review_agency_result_get_median_hundredths (result));
  json_members_add_int (builder, "total_hundredths", (gint64) case_review_agency_result_get_total_hundredths (result));
  json_members_add_string (builder, "grade", case_review_grade_get_name (case_review_agency_result_get_grade (result)));
  json_members_add_double (builder, "excellent_rate", case_review_agency_result_get_excellent_rate (result));
  json_members_add_double (builder, "pass_rate", case_review_agency_result_get_pass_rate (result));
  json_members_add_int (builder, "excellent_count", case_review_agency_result_get_n_excellent (result));
  json_members_add_int (builder, "pass_count", case_review_agency_result_get_n_passed (result));
  json_members_add_int (builder, "fail_count", case_review_agency_result_get_n_failed (result));
  json_members_add_int (builder, "vetoed_files", GPOINTER_TO_UINT (g_hash_table_lookup (vetoed_files, id)));
  json_builder_set_member_name (builder, "vetoes");
  json_builder_begin_object (builder);
  for (guint v = 0; veto_codes[v] != NULL; v++)
    json_members_add_int (builder, veto_codes[v], case_review_agency_result_get_veto_count (result, veto_codes[v]));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_object (builder);
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    {
      guint n = case_review_agency_result_get_kind_n_files (result, k);

      if (n == 0)
        continue;
      json_builder_set_member_name (builder, case_review_enforcement_kind_get_name (k));
      json_builder_begin_object (builder);
      json_members_add_int (builder, "files", n);
      json_members_add_int (builder, "mean_hundredths", case_review_agency_result_get_kind_mean_hundredths (result, k));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "frequent_deductions");
  json_builder_begin_array (builder);
  for (guint i = 0; frequent != NULL && frequent[i] != NULL; i++)
    json_builder_add_string_value (builder, frequent[i]);
  json_builder_end_array (builder);
  json_members_add_double (builder, "noncompliance_upper", case_review_agency_result_get_noncompliance_upper (result));
  json_members_add_int (builder, "noncompliance_upper_count",
           (gint64) case_review_agency_result_get_noncompliance_upper_count (result));
  json_builder_end_object (builder);
}

/* The review's year and period: the latest year the reviewed files were
 * closed in (评查年度) and the first and last day a sheet was dated. */
static void
add_review_period (JsonBuilder          *builder,
                   CaseReviewEvaluation *self,
                   GListModel           *cases)
{
  CaseReviewPopulation *population = case_review_evaluation_get_population_internal (self);
  GDate first, last;
  guint year = 0;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CaseReviewCaseResult) result = g_list_model_get_item (cases, i);
      const char *case_id = case_review_case_result_get_case_id (result);
      g_autoptr(CaseReviewCaseFile) file = case_review_population_lookup_case (population, case_id);
      GPtrArray *sheets = case_review_evaluation_get_sheets_internal (self, case_id);
      const GDate *closed = file != NULL ? case_review_case_file_get_closed_on (file) : NULL;

      if (closed != NULL && g_date_valid (closed))
        year = MAX (year, g_date_get_year (closed));
      for (guint s = 0; sheets != NULL && s < sheets->len; s++)
        {
          const GDate *date = case_review_score_sheet_get_date (g_ptr_array_index (sheets, s));

          if (date == NULL || !g_date_valid (date))
            continue;
          if (!g_date_valid (&first) || g_date_compare (date, &first) < 0)
            first = *date;
          if (!g_date_valid (&last) || g_date_compare (date, &last) > 0)
            last = *date;
        }
    }

  if (year > 0)
    json_members_add_int (builder, "year", year);
  if (g_date_valid (&first))
    {
      g_autofree char *from = iso_date (&first), *to = iso_date (&last);

      json_members_add_string (builder, "review_start", from);
      json_members_add_string (builder, "review_end", to);
    }
}

/**
 * case_review_evaluation_to_json:
 * @self: an evaluation
 *
 * The evaluation's results as JSON, in the format `docs/formats.md`
 * describes ("Results (JSON)"): the rubric, the review's year (the latest
 * year the reviewed files were closed in) and period (the first and last
 * sheet dates), every agency's result in ranking order with its name, rates,
 * veto counts and per-kind means, every file's result with the problems its
 * deciding sheets recorded (code, rubric item, text, legal basis,
 * occurrences, evidence pages, notes, reviewers), and the district estimate.
 * Scores come both as numbers and as exact integer hundredths.
 *
 * [method@CaseReview.NoticeBook.generate_from_results] reads this format.
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 0.1
 */
char *
case_review_evaluation_to_json (CaseReviewEvaluation *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GListModel) agencies = NULL, cases = NULL;
  g_autoptr(GHashTable) vetoed_files = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CaseReviewStratifiedBound) district = NULL;
  g_autoptr(JsonNode) root = NULL;
  CaseReviewRubric *rubric;

  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), NULL);

  rubric = case_review_evaluation_get_rubric (self);
  agencies = case_review_evaluation_dup_agency_results (self);
  cases = case_review_evaluation_dup_case_results (self);
  district = case_review_evaluation_dup_district_estimate (self, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CaseReviewCaseResult) result = g_list_model_get_item (cases, i);
      const char *agency = case_review_case_result_get_agency_id (result);

      if (case_review_case_result_is_vetoed (result))
        g_hash_table_insert (vetoed_files, (gpointer) agency,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (vetoed_files, agency)) + 1));
    }

  json_builder_begin_object (builder);
  json_members_add_string (builder, "format", RESULTS_FORMAT);
  json_members_add_int (builder, "version", RESULTS_VERSION);
  json_members_add_string (builder, "rubric", case_review_rubric_get_id (rubric));
  json_members_add_string (builder, "rubric_title", case_review_rubric_get_title (rubric));
  add_review_period (builder, self, cases);
  json_members_add_int (builder, "files_reviewed", g_list_model_get_n_items (cases));

  json_builder_set_member_name (builder, "agencies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(CaseReviewAgencyResult) result = g_list_model_get_item (agencies, i);
      add_agency (builder, case_review_evaluation_get_population_internal (self), result, vetoed_files);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CaseReviewCaseResult) result = g_list_model_get_item (cases, i);
      add_case (builder, self, result);
    }
  json_builder_end_array (builder);

  if (district != NULL)
    {
      json_builder_set_member_name (builder, "district");
      json_builder_begin_object (builder);
      json_members_add_double (builder, "estimated_noncompliant", case_review_stratified_bound_get_estimated_deviations (district));
      json_members_add_double (builder, "estimated_rate", case_review_stratified_bound_get_estimated_rate (district));
      json_members_add_double (builder, "upper_rate", case_review_stratified_bound_get_upper_rate (district));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

/**
 * case_review_evaluation_save_json:
 * @self: an evaluation
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes [method@CaseReview.Evaluation.to_json] to @file, replacing it only
 * once everything is written.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_evaluation_save_json (CaseReviewEvaluation  *self,
                                  GFile                 *file,
                                  GCancellable          *cancellable,
                                  GError               **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  json = case_review_evaluation_to_json (self);
  return g_file_replace_contents (file, json, strlen (json), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}
