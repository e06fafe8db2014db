/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CASE_REVIEW_ERROR:
 *
 * The error domain of libcasereview; errors carry a [enum@CaseReview.Error]
 * code.
 *
 * Since: 0.1
 */
#define CASE_REVIEW_ERROR (case_review_error_quark ())

/**
 * CaseReviewError:
 * @CASE_REVIEW_ERROR_FAILED: an operation failed for a reason no other code
 *   describes
 * @CASE_REVIEW_ERROR_PARSE: input could not be parsed (malformed CSV or JSON,
 *   unbalanced quote, wrong column count)
 * @CASE_REVIEW_ERROR_INVALID: input parsed but breaks a rule (an impossible
 *   date, a negative amount, a rate out of range, an impossible plan)
 * @CASE_REVIEW_ERROR_DUPLICATE: an identifier that must be unique appears twice
 * @CASE_REVIEW_ERROR_NOT_FOUND: a referenced identifier does not exist
 * @CASE_REVIEW_ERROR_STATE: an operation is not allowed in the object's current
 *   state (an illegal lifecycle transition)
 * @CASE_REVIEW_ERROR_VERIFY: recomputing a recorded result gave a different
 *   result
 * @CASE_REVIEW_ERROR_UNSUPPORTED: a format version, scheme or option this
 *   version of the library does not support
 * @CASE_REVIEW_ERROR_ENCODING: text is not in the declared or any supported
 *   character encoding
 *
 * Error codes in the `CASE_REVIEW_ERROR` domain. Codes are only ever appended,
 * never renumbered.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_ERROR_FAILED,
  CASE_REVIEW_ERROR_PARSE,
  CASE_REVIEW_ERROR_INVALID,
  CASE_REVIEW_ERROR_DUPLICATE,
  CASE_REVIEW_ERROR_NOT_FOUND,
  CASE_REVIEW_ERROR_STATE,
  CASE_REVIEW_ERROR_VERIFY,
  CASE_REVIEW_ERROR_UNSUPPORTED,
  CASE_REVIEW_ERROR_ENCODING,
} CaseReviewError;

CASE_REVIEW_AVAILABLE_IN_0_1
GQuark case_review_error_quark (void);

G_END_DECLS
