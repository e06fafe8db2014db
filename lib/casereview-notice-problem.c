/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewNoticeProblem:
 *
 * One problem a rectification notice lists: the case file (or complaint
 * channel) it was found in, the rubric item it belongs to, what is wrong,
 * the rule broken, how serious it is and where in the file the evidence is.
 *
 * A deduction problem comes from a reviewer's deduction (its code is the
 * rubric's deduction code, e.g. `B3-2`, its basis the rubric item); a veto
 * problem from a legality veto (its basis is the law the veto cites); a
 * channel problem from a failed complaint channel. Problems are immutable.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include <string.h>

#include "casereview-notice-private.h"

struct _CaseReviewNoticeProblem
{
  GObject parent_instance;

  NoticeProblemData data;
};

G_DEFINE_FINAL_TYPE (CaseReviewNoticeProblem, case_review_notice_problem, G_TYPE_OBJECT)

static void
case_review_notice_problem_finalize (GObject *object)
{
  NoticeProblemData *data = &CASE_REVIEW_NOTICE_PROBLEM (object)->data;

  g_free (data->case_id);
  g_free (data->item_code);
  g_free (data->item_title);
  g_free (data->item_english_title);
  g_free (data->code);
  g_free (data->text);
  g_free (data->english_text);
  g_free (data->basis);
  g_free (data->evidence_page);
  g_free (data->note);

  G_OBJECT_CLASS (case_review_notice_problem_parent_class)->finalize (object);
}

static void
case_review_notice_problem_class_init (CaseReviewNoticeProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_notice_problem_finalize;
}

static void
case_review_notice_problem_init (CaseReviewNoticeProblem *self)
{
}

/* Missing strings become "" so that renderers never see NULL. */
static char *
text_or_empty (char *text)
{
  return text != NULL ? text : g_strdup ("");
}

CaseReviewNoticeProblem *
case_review_notice_problem_new_internal (NoticeProblemData *data)
{
  CaseReviewNoticeProblem *self = g_object_new (CASE_REVIEW_TYPE_NOTICE_PROBLEM, NULL);

  self->data = *data;
  self->data.case_id = text_or_empty (data->case_id);
  self->data.item_code = text_or_empty (data->item_code);
  self->data.item_title = text_or_empty (data->item_title);
  self->data.item_english_title = text_or_empty (data->item_english_title);
  self->data.code = text_or_empty (data->code);
  self->data.text = text_or_empty (data->text);
  self->data.english_text = text_or_empty (data->english_text);
  self->data.basis = text_or_empty (data->basis);
  self->data.evidence_page = text_or_empty (data->evidence_page);
  self->data.note = text_or_empty (data->note);
  memset (data, 0, sizeof *data);
  return self;
}

/**
 * case_review_notice_problem_get_severity:
 * @self: a problem
 *
 * Gets whether the problem is a deduction, a veto or a failed channel.
 *
 * Returns: whether the problem is a deduction, a veto or a failed channel
 *
 * Since: 0.1
 */
CaseReviewProblemSeverity
case_review_notice_problem_get_severity (CaseReviewNoticeProblem *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_PROBLEM (self), CASE_REVIEW_PROBLEM_SEVERITY_DEDUCTION);
  return self->data.severity;
}

#define STRING_GETTER(field)                                             \
const char *                                                            \
case_review_notice_problem_get_##field (CaseReviewNoticeProblem *self)  \
{                                                                       \
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_PROBLEM (self), NULL);    \
  return self->data.field;                                              \
}

/**
 * case_review_notice_problem_get_case_id:
 * @self: a problem
 *
 * Gets the case file's id, or the channel's id for a channel problem.
 *
 * Returns: the case file's id, or the channel's id for a channel problem
 *
 * Since: 0.1
 */
STRING_GETTER (case_id)

/**
 * case_review_notice_problem_get_item_code:
 * @self: a problem
 *
 * Gets the rubric item's code (e.g. `B3`), `V` for vetoes, or the channel
 * type for a channel problem.
 *
 * Returns: the rubric item's code (e.g. `B3`), `V` for vetoes, or the channel
 *   type for a channel problem
 *
 * Since: 0.1
 */
STRING_GETTER (item_code)

/**
 * case_review_notice_problem_get_item_title:
 * @self: a problem
 *
 * Gets the rubric item's title in Chinese (e.g. 调查取证).
 *
 * Returns: the rubric item's title in Chinese (e.g. 调查取证)
 *
 * Since: 0.1
 */
STRING_GETTER (item_title)

/**
 * case_review_notice_problem_get_item_english_title:
 * @self: a problem
 *
 * Gets the rubric item's title in English.
 *
 * Returns: the rubric item's title in English
 *
 * Since: 0.1
 */
STRING_GETTER (item_english_title)

/**
 * case_review_notice_problem_get_code:
 * @self: a problem
 *
 * Gets the deduction or veto code (e.g. `B3-2`, `V04`), or the failure name
 * of a channel problem.
 *
 * Returns: the deduction or veto code (e.g. `B3-2`, `V04`), or the failure
 *   name of a channel problem
 *
 * Since: 0.1
 */
STRING_GETTER (code)

/**
 * case_review_notice_problem_get_text:
 * @self: a problem
 *
 * Gets what is wrong, in Chinese.
 *
 * Returns: what is wrong, in Chinese
 *
 * Since: 0.1
 */
STRING_GETTER (text)

/**
 * case_review_notice_problem_get_english_text:
 * @self: a problem
 *
 * Gets what is wrong, in English.
 *
 * Returns: what is wrong, in English
 *
 * Since: 0.1
 */
STRING_GETTER (english_text)

/**
 * case_review_notice_problem_get_basis:
 * @self: a problem
 *
 * Gets the rule broken: a veto's legal basis, or the rubric item for a
 * deduction; may be empty.
 *
 * Returns: the rule broken: a veto's legal basis, or the rubric item for a
 *   deduction; may be empty
 *
 * Since: 0.1
 */
STRING_GETTER (basis)

/**
 * case_review_notice_problem_get_evidence_page:
 * @self: a problem
 *
 * Gets where in the case file the reviewer found it (e.g. `P12`); may be
 * empty.
 *
 * Returns: where in the case file the reviewer found it (e.g. `P12`); may
 *   be empty
 *
 * Since: 0.1
 */
STRING_GETTER (evidence_page)

/**
 * case_review_notice_problem_get_note:
 * @self: a problem
 *
 * Gets the reviewers' notes, joined with "；"; may be empty.
 *
 * Returns: the reviewers' notes, joined with "；"; may be empty
 *
 * Since: 0.1
 */
STRING_GETTER (note)

/**
 * case_review_notice_problem_get_points_tenths:
 * @self: a problem
 *
 * Gets the points deducted per occurrence, in tenths (0 for vetoes and
 * channels).
 *
 * Returns: the points deducted per occurrence, in tenths (0 for vetoes and
 *   channels)
 *
 * Since: 0.1
 */
guint
case_review_notice_problem_get_points_tenths (CaseReviewNoticeProblem *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_PROBLEM (self), 0);
  return self->data.points_tenths;
}

/**
 * case_review_notice_problem_get_occurrences:
 * @self: a problem
 *
 * Gets how many times the problem occurs in the file (the largest count any
 * deciding reviewer recorded); 1 for vetoes and channels.
 *
 * Returns: how many times the problem occurs in the file (the largest count
 *   any deciding reviewer recorded); 1 for vetoes and channels
 *
 * Since: 0.1
 */
guint
case_review_notice_problem_get_occurrences (CaseReviewNoticeProblem *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_PROBLEM (self), 0);
  return self->data.occurrences;
}

typedef struct
{
  const char *name;
  const char *label;
  const char *english_label;
} SeverityInfo;

static const SeverityInfo severity_info[] = {
  [CASE_REVIEW_PROBLEM_SEVERITY_DEDUCTION] = { "deduction", "扣分", "deduction" },
  [CASE_REVIEW_PROBLEM_SEVERITY_VETO] = { "veto", "否决", "veto" },
  [CASE_REVIEW_PROBLEM_SEVERITY_CHANNEL] = { "channel", "渠道不畅通", "channel failure" },
};

static const SeverityInfo *
lookup_severity (CaseReviewProblemSeverity severity)
{
  g_return_val_if_fail ((guint) severity < G_N_ELEMENTS (severity_info), NULL);
  return &severity_info[severity];
}

/**
 * case_review_problem_severity_get_name:
 * @severity: a severity
 *
 * Gets the name JSON uses (`deduction`, `veto`, `channel`).
 *
 * Returns: (nullable): the name JSON uses (`deduction`, `veto`, `channel`)
 *
 * Since: 0.1
 */
const char *
case_review_problem_severity_get_name (CaseReviewProblemSeverity severity)
{
  const SeverityInfo *info = lookup_severity (severity);
  return info != NULL ? info->name : NULL;
}

/**
 * case_review_problem_severity_get_label:
 * @severity: a severity
 *
 * Gets the Chinese label (扣分, 否决, 渠道不畅通).
 *
 * Returns: (nullable): the Chinese label (扣分, 否决, 渠道不畅通)
 *
 * Since: 0.1
 */
const char *
case_review_problem_severity_get_label (CaseReviewProblemSeverity severity)
{
  const SeverityInfo *info = lookup_severity (severity);
  return info != NULL ? info->label : NULL;
}

/**
 * case_review_problem_severity_get_english_label:
 * @severity: a severity
 *
 * Gets the English label.
 *
 * Returns: (nullable): the English label
 *
 * Since: 0.1
 */
const char *
case_review_problem_severity_get_english_label (CaseReviewProblemSeverity severity)
{
  const SeverityInfo *info = lookup_severity (severity);
  return info != NULL ? info->english_label : NULL;
}
