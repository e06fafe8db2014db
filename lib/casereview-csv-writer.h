/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Writing CSV the way the library reads it (RFC 4180): a field is quoted
 * when it holds a comma, a quote or a line break, or starts or ends with a
 * space (which the reader would trim); quotes inside are doubled. Private
 * to the library.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text (NULL writes an empty field) as one field, quoted if needed. */
void csv_append_field (GString    *out,
                       const char *text);

G_END_DECLS
