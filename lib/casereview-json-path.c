/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-json-path.h"

static gboolean
is_identifier (const char *name)
{
  if (!g_ascii_isalpha (name[0]) && name[0] != '_')
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '_')
      return FALSE;
  return TRUE;
}

char *
json_path_member (const char *path,
                  const char *member)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *quoted = NULL;

  if (is_identifier (member))
    return g_strdup_printf ("%s.%s", path, member);
  node = json_node_init_string (json_node_alloc (), member);
  quoted = json_to_string (node, FALSE);
  return g_strdup_printf ("%s[%s]", path, quoted);
}

char *
json_path_index (const char *path,
                 guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

gboolean
json_path_fail (GError          **error,
                CaseReviewError   code,
                const char       *source,
                const char       *path,
                const char       *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CASE_REVIEW_ERROR, code, "%s: %s: %s", source, path, message);
  return FALSE;
}

gboolean
json_path_check_members (GError            **error,
                         const char         *source,
                         JsonObject         *object,
                         const char         *path,
                         const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *where = json_path_member (path, l->data);
        return json_path_fail (error, CASE_REVIEW_ERROR_INVALID, source, where, "%s", _("unknown field"));
      }
  return TRUE;
}

JsonObject *
json_path_expect_object (GError    **error,
                         const char *source,
                         JsonNode   *node,
                         const char *path)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      json_path_fail (error, CASE_REVIEW_ERROR_INVALID, source, path, "%s", _("expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
json_path_expect_array (GError    **error,
                        const char *source,
                        JsonNode   *node,
                        const char *path)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_path_fail (error, CASE_REVIEW_ERROR_INVALID, source, path, "%s", _("expected an array"));
      return NULL;
    }
  return json_node_get_array (node);
}
