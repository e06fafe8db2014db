/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * JSON paths for error messages ($.kinds.penalty.items[2], $["备注"]) and the
 * located error every JSON reader reports: "SOURCE: PATH: what is wrong".
 * Private to the library.
 */
#pragma once

#include <glib.h>

#include "casereview-error.h"

G_BEGIN_DECLS

/* PATH.MEMBER, or PATH["MEMBER"] (JSON-quoted) when MEMBER is not an
 * identifier. */
char     *json_path_member (const char       *path,
                            const char       *member);
/* PATH[INDEX]. */
char     *json_path_index  (const char       *path,
                            guint             index);
/* Sets @error to "SOURCE: PATH: MESSAGE" in CASE_REVIEW_ERROR; returns FALSE. */
gboolean  json_path_fail   (GError          **error,
                            CaseReviewError   code,
                            const char       *source,
                            const char       *path,
                            const char       *format,
                            ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
