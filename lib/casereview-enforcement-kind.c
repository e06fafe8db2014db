/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "casereview-enforcement-kind.h"

typedef struct
{
  const char *name;           /* machine name, the GEnum nick */
  const char *label;          /* zh_CN display label */
  const char *english_label;
  const char *formal_label;   /* the statute's full name, also accepted on input */
} KindInfo;

static const KindInfo kind_info[CASE_REVIEW_N_ENFORCEMENT_KINDS] = {
  [CASE_REVIEW_ENFORCEMENT_KIND_PENALTY] = { "penalty", "处罚", "Penalty", "行政处罚" },
  [CASE_REVIEW_ENFORCEMENT_KIND_COERCION] = { "coercion", "强制", "Coercion", "行政强制" },
  [CASE_REVIEW_ENFORCEMENT_KIND_INSPECTION] = { "inspection", "检查", "Inspection", "行政检查" },
  [CASE_REVIEW_ENFORCEMENT_KIND_LICENSING] = { "licensing", "许可", "Licensing", "行政许可" },
  [CASE_REVIEW_ENFORCEMENT_KIND_OTHER] = { "other", "其他", "Other", "其他行政执法行为" },
};

static gboolean
kind_is_valid (CaseReviewEnforcementKind kind)
{
  return (guint) kind < CASE_REVIEW_N_ENFORCEMENT_KINDS;
}

/**
 * case_review_enforcement_kind_get_name:
 * @kind: an enforcement kind
 *
 * The machine name of @kind as CSV and JSON files spell it: "penalty",
 * "coercion", "inspection", "licensing" or "other".
 *
 * Returns: the name, a static string
 *
 * Since: 0.1
 */
const char *
case_review_enforcement_kind_get_name (CaseReviewEnforcementKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return kind_info[kind].name;
}

/**
 * case_review_enforcement_kind_get_label:
 * @kind: an enforcement kind
 *
 * The Chinese (zh_CN) display label of @kind: 处罚, 强制, 检查, 许可 or 其他.
 *
 * Returns: the label, a static string
 *
 * Since: 0.1
 */
const char *
case_review_enforcement_kind_get_label (CaseReviewEnforcementKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return kind_info[kind].label;
}

/**
 * case_review_enforcement_kind_get_english_label:
 * @kind: an enforcement kind
 *
 * The English display label of @kind: "Penalty", "Coercion", "Inspection",
 * "Licensing" or "Other".
 *
 * Returns: the label, a static string
 *
 * Since: 0.1
 */
const char *
case_review_enforcement_kind_get_english_label (CaseReviewEnforcementKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return kind_info[kind].english_label;
}

/**
 * case_review_enforcement_kind_parse:
 * @text: a kind as written in a file
 * @out_kind: (out): where to store the kind
 *
 * Recognises a kind written as its machine name in any letter case
 * ("penalty", "Penalty"), its Chinese label (处罚) or its full Chinese name
 * (行政处罚). Surrounding white space is ignored.
 *
 * Returns: %TRUE if @text names a kind
 *
 * Since: 0.1
 */
gboolean
case_review_enforcement_kind_parse (const char                *text,
                                    CaseReviewEnforcementKind *out_kind)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_kind != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  for (guint i = 0; i < CASE_REVIEW_N_ENFORCEMENT_KINDS; i++)
    {
      if (g_ascii_strcasecmp (trimmed, kind_info[i].name) == 0 ||
          g_str_equal (trimmed, kind_info[i].label) ||
          g_str_equal (trimmed, kind_info[i].formal_label))
        {
          *out_kind = (CaseReviewEnforcementKind) i;
          return TRUE;
        }
    }

  return FALSE;
}
