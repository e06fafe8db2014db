/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>

#include "casereview-csv-writer.h"

void
csv_append_field (GString    *out,
                  const char *text)
{
  gsize len;

  if (text == NULL)
    return;
  len = strlen (text);
  if (strpbrk (text, ",\"\r\n") == NULL && (len == 0 || (text[0] != ' ' && text[len - 1] != ' ')))
    {
      g_string_append_len (out, text, (gssize) len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
