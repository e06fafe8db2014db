/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

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
