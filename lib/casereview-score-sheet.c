/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewScoreSheet:
 *
 * One reviewer's scoring of one case file against a [class@CaseReview.Rubric]
 * (评查表): the deductions found (an option of the rubric, how many times,
 * a note and the evidence page), the legality vetoes (一票否决) and the items
 * that do not apply to the file.
 *
 * The sheet computes its scores exactly, in integers: each item earns its
 * maximum minus its deductions, never below zero (扣完为止，不计负分); items
 * that do not apply leave the denominator or count as full marks, as the
 * rubric's [enum@CaseReview.NotApplicablePolicy] says; the score is
 * 100 × earned ÷ applicable maximum in hundredths of a point, rounded half
 * up; any veto makes the score 0 and the grade 不合格.
 *
 * ```c
 * sheet = case_review_score_sheet_new (case_review_rubric_get_default (), "深罗城罚〔2020〕88号",
 *                                      CASE_REVIEW_ENFORCEMENT_KIND_PENALTY, "R07", &error);
 * case_review_score_sheet_add_deduction (sheet, "4.3", 1, "未告知陈述申辩权利", "第12页", &error);
 * g_print ("%.2f %s\n", case_review_score_sheet_get_score (sheet),
 *          case_review_grade_get_label (case_review_score_sheet_get_grade (sheet)));
 * ```
 *
 * Since: 0.1
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-error.h"
#include "casereview-rubric-private.h"
#include "casereview-score-sheet.h"
#include "casereview-score-sheet-private.h"

/* Options, vetoes and items are borrowed from the rubric, which the sheet
 * keeps alive: a million sheets then need no copies of their codes. */
typedef struct
{
  CaseReviewRubricDeduction *option;
  CaseReviewRubricItem *item;     /* the option's item */
  guint points_tenths;            /* the option's, per occurrence */
  guint occurrences;
  char *note;
  char *evidence_page;
} Deduction;

typedef struct
{
  CaseReviewRubricVeto *veto;
  char *note;                  /* NULL when none */
} Veto;

struct _CaseReviewScoreSheet
{
  GObject parent_instance;

  CaseReviewRubric *rubric;
  char *case_id;
  char *reviewer_id;
  CaseReviewEnforcementKind kind;
  gboolean rereview;
  GDate date;
  GArray *deductions;          /* Deduction, in the order added */
  /* Most sheets have neither, so both stay NULL until first needed. */
  GArray *vetoes;              /* Veto, in the order added */
  GPtrArray *not_applicable;   /* CaseReviewRubricItem, borrowed */
  gint score_cache;            /* hundredths, or -1 until computed; every change resets it */
};

G_DEFINE_FINAL_TYPE (CaseReviewScoreSheet, case_review_score_sheet, G_TYPE_OBJECT)

static void
deduction_clear (gpointer data)
{
  Deduction *deduction = data;

  g_free (deduction->note);
  g_free (deduction->evidence_page);
}

static void
veto_clear (gpointer data)
{
  Veto *veto = data;

  g_free (veto->note);
}

static void
case_review_score_sheet_finalize (GObject *object)
{
  CaseReviewScoreSheet *self = CASE_REVIEW_SCORE_SHEET (object);

  g_clear_object (&self->rubric);
  g_free (self->case_id);
  g_free (self->reviewer_id);
  g_array_unref (self->deductions);
  g_clear_pointer (&self->vetoes, g_array_unref);
  g_clear_pointer (&self->not_applicable, g_ptr_array_unref);

  G_OBJECT_CLASS (case_review_score_sheet_parent_class)->finalize (object);
}

static void
case_review_score_sheet_class_init (CaseReviewScoreSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_score_sheet_finalize;
}

static void
case_review_score_sheet_init (CaseReviewScoreSheet *self)
{
  /* Room for three deductions, about what a sheet has: one allocation. */
  self->deductions = g_array_sized_new (FALSE, TRUE, sizeof (Deduction), 3);
  g_array_set_clear_func (self->deductions, deduction_clear);
  self->score_cache = -1;
  g_date_clear (&self->date, 1);
}

/**
 * case_review_score_sheet_new:
 * @rubric: the rubric the file is scored against
 * @case_id: the case file's id
 * @kind: the file's enforcement kind, which selects the rubric's table
 * @reviewer_id: the reviewer's id
 * @error: return location for a #GError
 *
 * Creates an empty sheet: a file without deductions scores 100.
 *
 * Returns: (transfer full) (nullable): the sheet, or %NULL with
 *   %CASE_REVIEW_ERROR_UNSUPPORTED when the rubric has no table for @kind,
 *   or %CASE_REVIEW_ERROR_INVALID for an empty id
 *
 * Since: 0.1
 */
CaseReviewScoreSheet *
case_review_score_sheet_new (CaseReviewRubric          *rubric,
                             const char                *case_id,
                             CaseReviewEnforcementKind  kind,
                             const char                *reviewer_id,
                             GError                   **error)
{
  CaseReviewScoreSheet *self;

  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC (rubric), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (reviewer_id != NULL, NULL);

  if (case_id[0] == '\0' || reviewer_id[0] == '\0')
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("score sheet: the case id and the reviewer id must not be empty"));
      return NULL;
    }
  if (!case_review_rubric_covers_kind (rubric, kind))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_UNSUPPORTED,
                   _("score sheet for \"%s\": rubric \"%s\" has no table for %s files"),
                   case_id, case_review_rubric_get_id (rubric), case_review_enforcement_kind_get_name (kind));
      return NULL;
    }

  self = g_object_new (CASE_REVIEW_TYPE_SCORE_SHEET, NULL);
  self->rubric = g_object_ref (rubric);
  self->case_id = g_strdup (case_id);
  self->reviewer_id = g_strdup (reviewer_id);
  self->kind = kind;
  return self;
}

/**
 * case_review_score_sheet_get_case_id:
 * @self: a score sheet
 *
 * The case file scored.
 *
 * Returns: the case id
 *
 * Since: 0.1
 */
const char *
case_review_score_sheet_get_case_id (CaseReviewScoreSheet *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), NULL);
  return self->case_id;
}

/**
 * case_review_score_sheet_get_reviewer_id:
 * @self: a score sheet
 *
 * The reviewer who scored it.
 *
 * Returns: the reviewer id
 *
 * Since: 0.1
 */
const char *
case_review_score_sheet_get_reviewer_id (CaseReviewScoreSheet *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), NULL);
  return self->reviewer_id;
}

/**
 * case_review_score_sheet_get_kind:
 * @self: a score sheet
 *
 * The file's enforcement kind.
 *
 * Returns: the kind
 *
 * Since: 0.1
 */
CaseReviewEnforcementKind
case_review_score_sheet_get_kind (CaseReviewScoreSheet *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), CASE_REVIEW_ENFORCEMENT_KIND_OTHER);
  return self->kind;
}

/**
 * case_review_score_sheet_get_rubric:
 * @self: a score sheet
 *
 * The rubric the file is scored against.
 *
 * Returns: (transfer none): the rubric
 *
 * Since: 0.1
 */
CaseReviewRubric *
case_review_score_sheet_get_rubric (CaseReviewScoreSheet *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), NULL);
  return self->rubric;
}

/**
 * case_review_score_sheet_is_rereview:
 * @self: a score sheet
 *
 * Whether this is a re-review (复核) sheet, whose result replaces the
 * initial reviewers'.
 *
 * Returns: %TRUE for a re-review
 *
 * Since: 0.1
 */
gboolean
case_review_score_sheet_is_rereview (CaseReviewScoreSheet *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), FALSE);
  return self->rereview;
}

/**
 * case_review_score_sheet_set_rereview:
 * @self: a score sheet
 * @rereview: whether this is a re-review sheet
 *
 * Marks the sheet as a re-review (复核).
 *
 * Since: 0.1
 */
void
case_review_score_sheet_set_rereview (CaseReviewScoreSheet *self,
                                      gboolean              rereview)
{
  g_return_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self));
  self->rereview = !!rereview;
}

/**
 * case_review_score_sheet_get_date:
 * @self: a score sheet
 *
 * The date of the review.
 *
 * Returns: (nullable) (transfer none): the date, or %NULL when not set
 *
 * Since: 0.1
 */
const GDate *
case_review_score_sheet_get_date (CaseReviewScoreSheet *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), NULL);
  return g_date_valid (&self->date) ? &self->date : NULL;
}

/**
 * case_review_score_sheet_set_date:
 * @self: a score sheet
 * @date: (nullable): the date of the review
 *
 * Records when the file was reviewed.
 *
 * Since: 0.1
 */
void
case_review_score_sheet_set_date (CaseReviewScoreSheet *self,
                                  const GDate          *date)
{
  g_return_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  if (date != NULL)
    self->date = *date;
  else
    g_date_clear (&self->date, 1);
}

static Deduction *
find_deduction (CaseReviewScoreSheet *self,
                const char           *code)
{
  for (guint i = 0; i < self->deductions->len; i++)
    {
      Deduction *deduction = &g_array_index (self->deductions, Deduction, i);
      if (g_str_equal (case_review_rubric_deduction_get_code (deduction->option), code))
        return deduction;
    }
  return NULL;
}

static Veto *
find_veto (CaseReviewScoreSheet *self,
           const char           *code)
{
  for (guint i = 0; self->vetoes != NULL && i < self->vetoes->len; i++)
    {
      Veto *veto = &g_array_index (self->vetoes, Veto, i);
      if (g_str_equal (case_review_rubric_veto_get_code (veto->veto), code))
        return veto;
    }
  return NULL;
}

static gboolean
item_is_not_applicable (CaseReviewScoreSheet *self,
                        const char           *item_code)
{
  for (guint i = 0; self->not_applicable != NULL && i < self->not_applicable->len; i++)
    if (g_str_equal (case_review_rubric_item_get_code (g_ptr_array_index (self->not_applicable, i)), item_code))
      return TRUE;
  return FALSE;
}

/**
 * case_review_score_sheet_add_deduction:
 * @self: a score sheet
 * @code: the code of a deduction option of the rubric's table for the
 *   file's kind, e.g. "4.3"
 * @occurrences: how many times the problem occurs, at least 1
 * @note: (nullable): what was found
 * @evidence_page: (nullable): where in the file, e.g. "第12页"
 * @error: return location for a #GError
 *
 * Records a deduction. Recording the same option again adds to its
 * occurrences (and keeps the first note).
 *
 * Returns: %TRUE on success; %FALSE, the sheet unchanged, with
 *   %CASE_REVIEW_ERROR_NOT_FOUND for a code the table does not have or
 *   %CASE_REVIEW_ERROR_INVALID for 0 occurrences, more than the option
 *   allows, or an item marked as not applicable
 *
 * Since: 0.1
 */
gboolean
case_review_score_sheet_add_deduction (CaseReviewScoreSheet  *self,
                                       const char            *code,
                                       guint                  occurrences,
                                       const char            *note,
                                       const char            *evidence_page,
                                       GError               **error)
{
  CaseReviewRubricDeduction *option;
  Deduction *existing;
  guint total, limit;

  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  option = case_review_rubric_lookup_deduction (self->rubric, self->kind, code);
  if (option == NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                   _("case \"%s\": deduction \"%s\" is not in the rubric's table for %s files"),
                   self->case_id, code, case_review_enforcement_kind_get_name (self->kind));
      return FALSE;
    }
  if (occurrences == 0)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("case \"%s\": deduction \"%s\" needs at least one occurrence"), self->case_id, code);
      return FALSE;
    }
  if (item_is_not_applicable (self, case_review_rubric_deduction_get_item_code (option)))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("case \"%s\": deduction \"%s\" belongs to item %s, which is marked as not applicable"),
                   self->case_id, code, case_review_rubric_deduction_get_item_code (option));
      return FALSE;
    }

  existing = find_deduction (self, code);
  total = occurrences + (existing != NULL ? existing->occurrences : 0);
  limit = case_review_rubric_deduction_get_max_occurrences (option);
  if (limit != 0 && total > limit)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("case \"%s\": deduction \"%s\" may occur at most %u times, not %u"),
                   self->case_id, code, limit, total);
      return FALSE;
    }

  self->score_cache = -1;
  if (existing != NULL)
    existing->occurrences = total;
  else
    {
      Deduction deduction = {
        option,
        case_review_rubric_lookup_item (self->rubric, self->kind, case_review_rubric_deduction_get_item_code (option)),
        case_review_rubric_deduction_get_points_tenths (option),
        occurrences,
        note != NULL && note[0] != '\0' ? g_strdup (note) : NULL,
        evidence_page != NULL && evidence_page[0] != '\0' ? g_strdup (evidence_page) : NULL,
      };
      g_array_append_val (self->deductions, deduction);
    }
  return TRUE;
}

/**
 * case_review_score_sheet_add_veto:
 * @self: a score sheet
 * @code: the code of a legality veto that applies to the file's kind, e.g.
 *   "V04"
 * @note: (nullable): what was found
 * @error: return location for a #GError
 *
 * Records a legality veto (一票否决): the file scores 0 and is 不合格.
 *
 * Returns: %TRUE on success; %FALSE with %CASE_REVIEW_ERROR_NOT_FOUND for a
 *   veto the rubric does not have for this kind, or
 *   %CASE_REVIEW_ERROR_DUPLICATE for a veto already recorded
 *
 * Since: 0.1
 */
gboolean
case_review_score_sheet_add_veto (CaseReviewScoreSheet  *self,
                                  const char            *code,
                                  const char            *note,
                                  GError               **error)
{
  CaseReviewRubricVeto *veto;
  Veto recorded;

  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  veto = case_review_rubric_lookup_veto (self->rubric, self->kind, code);
  if (veto == NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                   _("case \"%s\": veto \"%s\" does not apply to %s files in this rubric"),
                   self->case_id, code, case_review_enforcement_kind_get_name (self->kind));
      return FALSE;
    }
  if (find_veto (self, code) != NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                   _("case \"%s\": veto \"%s\" is already recorded"), self->case_id, code);
      return FALSE;
    }

  if (self->vetoes == NULL)
    {
      self->vetoes = g_array_new (FALSE, TRUE, sizeof (Veto));
      g_array_set_clear_func (self->vetoes, veto_clear);
    }
  recorded.veto = veto;
  recorded.note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
  g_array_append_val (self->vetoes, recorded);
  self->score_cache = -1;
  return TRUE;
}

/**
 * case_review_score_sheet_set_not_applicable:
 * @self: a score sheet
 * @item_code: the code of an item of the table for the file's kind
 * @error: return location for a #GError
 *
 * Marks an item as not applying to this file (e.g. no hearing was held).
 *
 * Returns: %TRUE on success; %FALSE with %CASE_REVIEW_ERROR_NOT_FOUND for
 *   an unknown item or %CASE_REVIEW_ERROR_INVALID for an item that already
 *   has deductions
 *
 * Since: 0.1
 */
gboolean
case_review_score_sheet_set_not_applicable (CaseReviewScoreSheet  *self,
                                            const char            *item_code,
                                            GError               **error)
{
  CaseReviewRubricItem *item;

  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), FALSE);
  g_return_val_if_fail (item_code != NULL, FALSE);

  item = case_review_rubric_lookup_item (self->rubric, self->kind, item_code);
  if (item == NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
                   _("case \"%s\": item \"%s\" is not in the rubric's table for %s files"),
                   self->case_id, item_code, case_review_enforcement_kind_get_name (self->kind));
      return FALSE;
    }
  for (guint i = 0; i < self->deductions->len; i++)
    {
      CaseReviewRubricDeduction *option = g_array_index (self->deductions, Deduction, i).option;

      if (g_str_equal (case_review_rubric_deduction_get_item_code (option), item_code))
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("case \"%s\": item \"%s\" has deductions and cannot be marked as not applicable"),
                       self->case_id, item_code);
          return FALSE;
        }
    }

  if (item_is_not_applicable (self, item_code))
    return TRUE;
  if (self->not_applicable == NULL)
    self->not_applicable = g_ptr_array_new ();
  g_ptr_array_add (self->not_applicable, item);
  self->score_cache = -1;
  return TRUE;
}

/**
 * case_review_score_sheet_dup_deduction_codes:
 * @self: a score sheet
 *
 * The deduction options recorded, in the order first recorded.
 *
 * Returns: (transfer full) (array zero-terminated=1): deduction codes
 *
 * Since: 0.1
 */
char **
case_review_score_sheet_dup_deduction_codes (CaseReviewScoreSheet *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), NULL);

  for (guint i = 0; i < self->deductions->len; i++)
    g_strv_builder_add (builder, case_review_rubric_deduction_get_code (g_array_index (self->deductions, Deduction, i).option));
  return g_strv_builder_end (builder);
}

/**
 * case_review_score_sheet_get_occurrences:
 * @self: a score sheet
 * @code: a deduction code
 *
 * How many times a deduction was recorded.
 *
 * Returns: the occurrences, 0 when not recorded
 *
 * Since: 0.1
 */
guint
case_review_score_sheet_get_occurrences (CaseReviewScoreSheet *self,
                                         const char           *code)
{
  Deduction *deduction;

  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), 0);
  g_return_val_if_fail (code != NULL, 0);

  deduction = find_deduction (self, code);
  return deduction != NULL ? deduction->occurrences : 0;
}

/**
 * case_review_score_sheet_get_note:
 * @self: a score sheet
 * @code: a deduction or veto code
 *
 * The note recorded with a deduction or a veto.
 *
 * Returns: (nullable): the note, or %NULL
 *
 * Since: 0.1
 */
const char *
case_review_score_sheet_get_note (CaseReviewScoreSheet *self,
                                  const char           *code)
{
  Deduction *deduction;
  Veto *veto;

  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if ((deduction = find_deduction (self, code)) != NULL)
    return deduction->note;
  veto = find_veto (self, code);
  return veto != NULL ? veto->note : NULL;
}

/**
 * case_review_score_sheet_get_evidence_page:
 * @self: a score sheet
 * @code: a deduction code
 *
 * Where in the file the problem of a deduction was found.
 *
 * Returns: (nullable): the evidence page, or %NULL
 *
 * Since: 0.1
 */
const char *
case_review_score_sheet_get_evidence_page (CaseReviewScoreSheet *self,
                                           const char           *code)
{
  Deduction *deduction;

  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  deduction = find_deduction (self, code);
  return deduction != NULL ? deduction->evidence_page : NULL;
}

/**
 * case_review_score_sheet_dup_veto_codes:
 * @self: a score sheet
 *
 * The vetoes recorded, in order.
 *
 * Returns: (transfer full) (array zero-terminated=1): veto codes
 *
 * Since: 0.1
 */
char **
case_review_score_sheet_dup_veto_codes (CaseReviewScoreSheet *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), NULL);

  for (guint i = 0; self->vetoes != NULL && i < self->vetoes->len; i++)
    g_strv_builder_add (builder, case_review_rubric_veto_get_code (g_array_index (self->vetoes, Veto, i).veto));
  return g_strv_builder_end (builder);
}

/**
 * case_review_score_sheet_is_not_applicable:
 * @self: a score sheet
 * @item_code: an item code
 *
 * Whether an item was marked as not applying to the file.
 *
 * Returns: %TRUE if it was
 *
 * Since: 0.1
 */
gboolean
case_review_score_sheet_is_not_applicable (CaseReviewScoreSheet *self,
                                           const char           *item_code)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), FALSE);
  g_return_val_if_fail (item_code != NULL, FALSE);

  return item_is_not_applicable (self, item_code);
}

/**
 * case_review_score_sheet_has_veto:
 * @self: a score sheet
 *
 * Whether any legality veto was recorded.
 *
 * Returns: %TRUE if one was
 *
 * Since: 0.1
 */
gboolean
case_review_score_sheet_has_veto (CaseReviewScoreSheet *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), FALSE);
  return self->vetoes != NULL && self->vetoes->len > 0;
}

/* Points lost on one item, in tenths, before the item's floor at zero. */
static guint
deducted_from (CaseReviewScoreSheet *self,
               CaseReviewRubricItem *item)
{
  guint deducted = 0;

  for (guint i = 0; i < self->deductions->len; i++)
    {
      Deduction *deduction = &g_array_index (self->deductions, Deduction, i);

      if (deduction->item == item)
        deducted += deduction->points_tenths * deduction->occurrences;
    }
  return deducted;
}

/**
 * case_review_score_sheet_get_item_score_tenths:
 * @self: a score sheet
 * @item_code: an item code
 *
 * The points an item earns, in tenths of a point: its maximum minus its
 * deductions, never below zero; the maximum when it does not apply.
 *
 * Returns: the item's points ×10, or 0 for an unknown item
 *
 * Since: 0.1
 */
guint
case_review_score_sheet_get_item_score_tenths (CaseReviewScoreSheet *self,
                                               const char           *item_code)
{
  CaseReviewRubricItem *item;
  guint max, deducted;

  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), 0);
  g_return_val_if_fail (item_code != NULL, 0);

  item = case_review_rubric_lookup_item (self->rubric, self->kind, item_code);
  if (item == NULL)
    return 0;
  max = case_review_rubric_item_get_max_tenths (item);
  if (item_is_not_applicable (self, item_code))
    return max;
  deducted = deducted_from (self, item);
  return deducted >= max ? 0 : max - deducted;
}

/**
 * case_review_score_sheet_get_score_hundredths:
 * @self: a score sheet
 *
 * The file's score out of 100 in hundredths of a point (9550 is 95.50):
 * 0 with a veto; otherwise 100 × earned ÷ applicable maximum, rounded half
 * up, where items that do not apply leave both sums under the "drop" policy
 * and count as earned under "full marks".
 *
 * Returns: the score ×100, from 0 to 10000
 *
 * Since: 0.1
 */
guint
case_review_score_sheet_get_score_hundredths (CaseReviewScoreSheet *self)
{
  guint64 applicable, lost = 0;

  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), 0);

  if (case_review_score_sheet_has_veto (self))
    return 0;
  /* Evaluations ask for every sheet's score several times. */
  if (self->score_cache >= 0)
    return (guint) self->score_cache;

  /* Items that do not apply carry no deductions, so they earn their maximum:
   * under "full marks" they stay in both sums, under "drop" they leave both. */
  applicable = case_review_rubric_get_kind_max_tenths_internal (self->rubric, self->kind);
  if (self->not_applicable != NULL &&
      case_review_rubric_get_not_applicable_policy (self->rubric) == CASE_REVIEW_NOT_APPLICABLE_POLICY_DROP)
    for (guint i = 0; i < self->not_applicable->len; i++)
      applicable -= case_review_rubric_item_get_max_tenths (g_ptr_array_index (self->not_applicable, i));

  /* Each item with deductions loses them, at most its maximum. */
  for (guint i = 0; i < self->deductions->len; i++)
    {
      CaseReviewRubricItem *item = g_array_index (self->deductions, Deduction, i).item;
      gboolean counted = FALSE;

      for (guint j = 0; j < i && !counted; j++)
        counted = g_array_index (self->deductions, Deduction, j).item == item;
      if (!counted)
        lost += MIN (deducted_from (self, item), case_review_rubric_item_get_max_tenths (item));
    }

  /* round_half_up (10000 · earned / applicable) in integers */
  self->score_cache = applicable == 0 ? 10000
                                      : (gint) ((20000 * (applicable - lost) + applicable) / (2 * applicable));
  return (guint) self->score_cache;
}

/**
 * case_review_score_sheet_get_score:
 * @self: a score sheet
 *
 * [method@CaseReview.ScoreSheet.get_score_hundredths] as a number of points.
 *
 * Returns: the score, from 0 to 100, with two decimals
 *
 * Since: 0.1
 */
double
case_review_score_sheet_get_score (CaseReviewScoreSheet *self)
{
  return case_review_score_sheet_get_score_hundredths (self) / 100.0;
}

/**
 * case_review_score_sheet_get_grade:
 * @self: a score sheet
 *
 * The file's grade by the rubric's bands; 不合格 with any veto.
 *
 * Returns: the grade
 *
 * Since: 0.1
 */
CaseReviewGrade
case_review_score_sheet_get_grade (CaseReviewScoreSheet *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCORE_SHEET (self), CASE_REVIEW_GRADE_FAIL);

  return case_review_rubric_grade_for_score (self->rubric, case_review_score_sheet_get_score_hundredths (self),
                                             case_review_score_sheet_has_veto (self));
}

guint
case_review_score_sheet_get_n_deductions_internal (CaseReviewScoreSheet *self)
{
  return self->deductions->len;
}

CaseReviewRubricDeduction *
case_review_score_sheet_get_deduction_internal (CaseReviewScoreSheet *self,
                                                guint                 index,
                                                guint                *occurrences)
{
  Deduction *deduction = &g_array_index (self->deductions, Deduction, index);

  *occurrences = deduction->occurrences;
  return deduction->option;
}

void
case_review_score_sheet_prefetch_internal (CaseReviewScoreSheet *self)
{
#if defined(__GNUC__)
  __builtin_prefetch (self->deductions->data);
#endif
}
