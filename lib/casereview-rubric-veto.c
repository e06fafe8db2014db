/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewRubricVeto:
 *
 * A legality veto (一票否决, 合法性): a defect so serious that a file with
 * it is 不合格 with a score of zero, whatever its deductions (e.g. "V01
 * 执法主体不合法"). Each veto has a code, a text in Chinese and English and
 * its legal basis.
 *
 * Common vetoes apply to files of every kind; the others belong to one
 * kind's table (a coercion veto does not apply to a penalty file).
 * [method@CaseReview.Rubric.get_vetoes] lists the vetoes for a kind, common
 * ones first.
 *
 * Vetoes are immutable and belong to a [class@CaseReview.Rubric].
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-rubric-private.h"
#include "casereview-rubric-veto.h"

struct _CaseReviewRubricVeto
{
  GObject parent_instance;

  char *code;
  char *text;
  char *english_text;
  char *basis;
  gboolean common;
  CaseReviewEnforcementKind kind;   /* meaningful when !common */
};

G_DEFINE_FINAL_TYPE (CaseReviewRubricVeto, case_review_rubric_veto, G_TYPE_OBJECT)

static void
case_review_rubric_veto_finalize (GObject *object)
{
  CaseReviewRubricVeto *self = CASE_REVIEW_RUBRIC_VETO (object);

  g_free (self->code);
  g_free (self->text);
  g_free (self->english_text);
  g_free (self->basis);

  G_OBJECT_CLASS (case_review_rubric_veto_parent_class)->finalize (object);
}

static void
case_review_rubric_veto_class_init (CaseReviewRubricVetoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_rubric_veto_finalize;
}

static void
case_review_rubric_veto_init (CaseReviewRubricVeto *self)
{
}

CaseReviewRubricVeto *
case_review_rubric_veto_new_internal (const char                *code,
                                      const char                *text,
                                      const char                *english_text,
                                      const char                *basis,
                                      gboolean                   common,
                                      CaseReviewEnforcementKind  kind)
{
  CaseReviewRubricVeto *self = g_object_new (CASE_REVIEW_TYPE_RUBRIC_VETO, NULL);

  self->code = g_strdup (code);
  self->text = g_strdup (text);
  self->english_text = g_strdup (english_text);
  self->basis = g_strdup (basis != NULL ? basis : "");
  self->common = common;
  self->kind = kind;
  return self;
}

/**
 * case_review_rubric_veto_get_code:
 * @self: a veto
 *
 * The veto's code (e.g. "V01"), unique among the vetoes that apply to a
 * kind. Score sheets name vetoes by it.
 *
 * Returns: the code
 *
 * Since: 0.1
 */
const char *
case_review_rubric_veto_get_code (CaseReviewRubricVeto *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_VETO (self), NULL);

  return self->code;
}

/**
 * case_review_rubric_veto_get_text:
 * @self: a veto
 *
 * What makes the file unlawful, in Chinese (zh_CN), e.g. 执法主体不合法.
 *
 * Returns: the text
 *
 * Since: 0.1
 */
const char *
case_review_rubric_veto_get_text (CaseReviewRubricVeto *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_VETO (self), NULL);

  return self->text;
}

/**
 * case_review_rubric_veto_get_english_text:
 * @self: a veto
 *
 * The English label of [method@CaseReview.RubricVeto.get_text].
 *
 * Returns: the English text
 *
 * Since: 0.1
 */
const char *
case_review_rubric_veto_get_english_text (CaseReviewRubricVeto *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_VETO (self), NULL);

  return self->english_text;
}

/**
 * case_review_rubric_veto_get_basis:
 * @self: a veto
 *
 * The legal basis of the veto (statutes and articles), as the rubric
 * states it; empty when the rubric gives none.
 *
 * Returns: the basis, possibly empty
 *
 * Since: 0.1
 */
const char *
case_review_rubric_veto_get_basis (CaseReviewRubricVeto *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_VETO (self), NULL);

  return self->basis;
}

/**
 * case_review_rubric_veto_applies_to:
 * @self: a veto
 * @kind: an enforcement kind
 *
 * Whether the veto applies to files of @kind: common vetoes apply to every
 * kind, the others only to the kind whose table lists them.
 *
 * Returns: %TRUE if a file of @kind can be vetoed with it
 *
 * Since: 0.1
 */
gboolean
case_review_rubric_veto_applies_to (CaseReviewRubricVeto      *self,
                                    CaseReviewEnforcementKind  kind)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_VETO (self), FALSE);
  g_return_val_if_fail ((guint) kind < CASE_REVIEW_N_ENFORCEMENT_KINDS, FALSE);

  return self->common || self->kind == kind;
}

/**
 * case_review_rubric_veto_is_common:
 * @self: a veto
 *
 * Whether the veto is one of the rubric's common vetoes, which apply to
 * files of every kind.
 *
 * Returns: %TRUE for a common veto, %FALSE for a kind-specific one
 *
 * Since: 0.1
 */
gboolean
case_review_rubric_veto_is_common (CaseReviewRubricVeto *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_RUBRIC_VETO (self), FALSE);

  return self->common;
}
