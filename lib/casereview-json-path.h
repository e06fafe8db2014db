/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * JSON paths for error messages ($.kinds.penalty.items[2], $["备注"]) and the
 * located error every JSON reader reports: "SOURCE: PATH: what is wrong".
 * Private to the library.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

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

/* What both JSON readers check the same way; each fails as json_path_fail. */

/* FALSE, naming PATH.MEMBER, for the first member of @object not in @known. */
gboolean    json_path_check_members (GError            **error,
                                     const char         *source,
                                     JsonObject         *object,
                                     const char         *path,
                                     const char * const *known);
/* @node's object, or NULL when it is not an object. */
JsonObject *json_path_expect_object (GError            **error,
                                     const char         *source,
                                     JsonNode           *node,
                                     const char         *path);
/* @node's array, or NULL when it is not an array. */
JsonArray  *json_path_expect_array  (GError            **error,
                                     const char         *source,
                                     JsonNode           *node,
                                     const char         *path);

G_END_DECLS
