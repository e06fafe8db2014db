/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A CSV file read as a table: the streaming CsvReader plus header mapping
 * (Chinese or English column names, any order, unknown columns ignored),
 * blank-row skipping and field-count checks, with every problem located as
 * "file:line:column". Private to the library.
 */
#pragma once

#include <gio/gio.h>

#include "casereview-csv-reader.h"
#include "casereview-problem-list.h"

G_BEGIN_DECLS

/* A column a reader knows: its Chinese and English header and other
 * spellings seen in exports. */
typedef struct
{
  const char *chinese;
  const char *english;
  const char *alternatives[3];
  gboolean    required;
} CsvColumn;

typedef struct
{
  GFileInputStream *stream;
  CsvReader        *reader;
  char             *display_name;
  goffset           size;
  guint             header_fields;
  guint             header_line;
} CsvTable;

gboolean csv_table_open        (CsvTable               *table,
                                GFile                  *file,
                                CaseReviewTextEncoding  encoding,
                                GCancellable           *cancellable,
                                GError                **error);
void     csv_table_close       (CsvTable               *table);
gboolean csv_table_read_header (CsvTable               *table,
                                const CsvColumn        *columns,
                                guint                   n_columns,
                                int                    *positions,
                                ProblemList            *problems,
                                gboolean               *failed,
                                GCancellable           *cancellable,
                                GError                **error);
gboolean csv_table_next_row    (CsvTable               *table,
                                CsvRecord              *record,
                                ProblemList            *problems,
                                gboolean               *failed,
                                GCancellable           *cancellable,
                                GError                **error);
gboolean csv_table_check_width (CsvTable               *table,
                                const CsvRecord        *record,
                                ProblemList            *problems);
char    *csv_field_trim        (char                   *field);

G_END_DECLS
