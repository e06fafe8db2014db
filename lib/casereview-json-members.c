/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "casereview-error.h"
#include "casereview-json-members.h"

gboolean
json_members_error (GError     **error,
                    const char  *context,
                    const char  *path,
                    const char  *detail)
{
  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, "%s: %s: %s", context, path, detail);
  return FALSE;
}

static gboolean
member_error (GError     **error,
              const char  *context,
              const char  *path,
              const char  *member,
              const char  *detail)
{
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

  return json_members_error (error, context, member_path, detail);
}

static GType
value_type (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
}

gboolean
json_members_string (JsonObject   *object,
                     const char   *member,
                     const char   *context,
                     const char   *path,
                     gboolean      required,
                     const char  **out,
                     GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? member_error (error, context, path, member, _("the member is required")) : TRUE;
  if (value_type (node) != G_TYPE_STRING)
    return member_error (error, context, path, member, _("expected a string"));
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
json_members_uint (JsonObject  *object,
                   const char  *member,
                   const char  *context,
                   const char  *path,
                   guint       *out,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (value_type (node) != G_TYPE_INT64 || (value = json_node_get_int (node)) < 0 || value > G_MAXUINT32)
    return member_error (error, context, path, member, _("expected a whole number"));
  *out = (guint) value;
  return TRUE;
}

gboolean
json_members_boolean (JsonObject  *object,
                      const char  *member,
                      const char  *context,
                      const char  *path,
                      gboolean    *out,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (value_type (node) != G_TYPE_BOOLEAN)
    return member_error (error, context, path, member, _("expected true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
json_members_number (JsonObject  *object,
                     const char  *member,
                     const char  *context,
                     const char  *path,
                     double      *out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type = value_type (node);

  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return member_error (error, context, path, member, _("expected a number"));
  *out = json_node_get_double (node);
  return TRUE;
}

JsonArray *
json_members_array (JsonObject  *object,
                    const char  *member,
                    const char  *context,
                    const char  *path,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      member_error (error, context, path, member, _("expected an array"));
      return NULL;
    }
  return json_node_get_array (node);
}

JsonObject *
json_members_load_document (JsonParser  *parser,
                            const char  *text,
                            const char  *context,
                            const char  *format,
                            gint64       version,
                            GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root, *version_node;
  JsonObject *object;
  const char *found;

  if (!json_parser_load_from_data (parser, text, -1, &parse_error))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE, "%s: %s", context, parse_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      json_members_error (error, context, "$", _("expected a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!json_members_string (object, "format", context, "$", TRUE, &found, error))
    return NULL;
  if (!g_str_equal (found, format))
    {
      g_autofree char *detail = g_strdup_printf (_("\"%s\" is not the expected format \"%s\""), found, format);
      json_members_error (error, context, "$.format", detail);
      return NULL;
    }
  version_node = json_object_get_member (object, "version");
  if (value_type (version_node) != G_TYPE_INT64 || json_node_get_int (version_node) != version)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_UNSUPPORTED,
                   _("%s: $.version: only version %" G_GINT64_FORMAT " of this format is supported"), context, version);
      return NULL;
    }
  return object;
}

void
json_members_add_string (JsonBuilder *builder,
                         const char  *member,
                         const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
json_members_add_int (JsonBuilder *builder,
                      const char  *member,
                      gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
json_members_add_double (JsonBuilder *builder,
                         const char  *member,
                         double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

void
json_members_add_boolean (JsonBuilder *builder,
                          const char  *member,
                          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}
