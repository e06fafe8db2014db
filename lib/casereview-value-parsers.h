/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Exact parsers for the values case files carry: dates in the forms Chinese
 * exports use, amounts in yuan to integer fen without floating point, risk
 * weights and flag lists. Each returns NULL on success or a short reason
 * (a translatable sentence fragment) on failure. Private to the library.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *case_review_parse_date   (const char  *text,
                                      guint32     *out_julian);
const char *case_review_parse_amount (const char  *text,
                                      gint64      *out_fen);
const char *case_review_parse_weight (const char  *text,
                                      double      *out_weight);
char      **case_review_split_flags  (const char  *text);
char       *case_review_format_amount (gint64      fen);
char       *case_review_format_date  (guint32      julian);

G_END_DECLS
