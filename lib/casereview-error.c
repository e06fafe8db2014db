/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "casereview-error.h"

/**
 * case_review_error_quark:
 *
 * The quark of the [error@CaseReview.Error] domain.
 *
 * Returns: the error domain quark
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (case-review-error-quark, case_review_error)
