/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A streaming RFC 4180 CSV reader that decodes UTF-8 or GB18030 and knows the
 * line and column of everything it returns, so callers can report problems
 * as "file:line:column". Private to the library.
 */
#pragma once

#include <gio/gio.h>

#include "casereview-population.h"

G_BEGIN_DECLS

typedef struct _CsvReader CsvReader;

typedef struct
{
  guint        n_fields;
  char       **fields;       /* NUL-terminated UTF-8, valid until the next read */
  const gsize *lengths;      /* byte length of each field */
  const guint *field_lines;  /* the line each field starts on (1-based) */
  guint        line;         /* the line the record starts on (1-based) */
} CsvRecord;

CsvReader              *csv_reader_new               (GInputStream           *stream,
                                                      const char             *display_name,
                                                      CaseReviewTextEncoding  encoding);
void                    csv_reader_free              (CsvReader              *reader);
gboolean                csv_reader_next              (CsvReader              *reader,
                                                      CsvRecord              *record,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
goffset                 csv_reader_get_bytes_read    (CsvReader              *reader);
goffset                 csv_reader_get_text_offset   (CsvReader              *reader);
CaseReviewTextEncoding  csv_reader_get_encoding      (CsvReader              *reader);
const char             *csv_reader_get_display_name  (CsvReader              *reader);
gboolean                csv_record_is_blank          (const CsvRecord        *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsvReader, csv_reader_free)

G_END_DECLS
