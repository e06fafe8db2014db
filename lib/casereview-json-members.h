/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Typed access to the members of a JSON object, for readers of manifests and
 * other JSON formats: each failure is a CASE_REVIEW_ERROR_INVALID error
 * "CONTEXT: PATH.MEMBER: expected …", so every problem names its JSON path.
 * Private to the library.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses @text as a JSON document of @format (its "format" member) at
 * @version (its "version" member): PARSE for text that is not JSON, INVALID
 * for another format, UNSUPPORTED for another version. */
JsonObject *json_members_load_document (JsonParser   *parser,
                                        const char   *text,
                                        const char   *context,
                                        const char   *format,
                                        gint64        version,
                                        GError      **error);

gboolean   json_members_error   (GError      **error,
                                 const char   *context,
                                 const char   *path,
                                 const char   *detail);
gboolean   json_members_string  (JsonObject   *object,
                                 const char   *member,
                                 const char   *context,
                                 const char   *path,
                                 gboolean      required,
                                 const char  **out,
                                 GError      **error);
gboolean   json_members_uint    (JsonObject   *object,
                                 const char   *member,
                                 const char   *context,
                                 const char   *path,
                                 guint        *out,
                                 GError      **error);
gboolean   json_members_boolean (JsonObject   *object,
                                 const char   *member,
                                 const char   *context,
                                 const char   *path,
                                 gboolean     *out,
                                 GError      **error);
gboolean   json_members_number  (JsonObject   *object,
                                 const char   *member,
                                 const char   *context,
                                 const char   *path,
                                 double       *out,
                                 GError      **error);
JsonArray *json_members_array   (JsonObject   *object,
                                 const char   *member,
                                 const char   *context,
                                 const char   *path,
                                 GError      **error);

/* Writers: set @member of the object being built. A NULL string is
 * written as null. */
void       json_members_add_string  (JsonBuilder  *builder,
                                     const char   *member,
                                     const char   *value);
void       json_members_add_int     (JsonBuilder  *builder,
                                     const char   *member,
                                     gint64        value);
void       json_members_add_double  (JsonBuilder  *builder,
                                     const char   *member,
                                     double        value);
void       json_members_add_boolean (JsonBuilder  *builder,
                                     const char   *member,
                                     gboolean      value);

G_END_DECLS
