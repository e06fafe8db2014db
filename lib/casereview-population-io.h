/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Reading and writing populations: CSV (UTF-8 or GB18030) and JSON into a
 * fresh CaseStore, all-or-nothing, with every problem located; and writing a
 * store back out. Private to the library; CaseReviewPopulation wraps it.
 */
#pragma once

#include <gio/gio.h>

#include "casereview-case-store.h"
#include "casereview-population.h"

G_BEGIN_DECLS

typedef void (*PopulationProgressFunc) (double   fraction,
                                        gpointer user_data);

typedef struct
{
  CaseReviewTextEncoding  encoding;
  guint                   max_errors;     /* at least 1 */
  PopulationProgressFunc  progress;       /* nullable; called from the reading thread */
  gpointer                progress_data;
} PopulationReadOptions;

/* On failure these return NULL and set @error; when the input itself was at
 * fault, @problems (GError, CASE_REVIEW_ERROR) holds every problem found and
 * @error combines them. I/O errors and cancellation are reported as they
 * come (G_IO_ERROR), with @problems empty. */
CaseStore *population_read_csv          (GFile                        *agencies,
                                         GFile                        *cases,
                                         const PopulationReadOptions  *options,
                                         GPtrArray                    *problems,
                                         GCancellable                 *cancellable,
                                         GError                      **error);
CaseStore *population_read_json         (GFile                        *file,
                                         const PopulationReadOptions  *options,
                                         GPtrArray                    *problems,
                                         GCancellable                 *cancellable,
                                         GError                      **error);

/* Shared validation: NULL when @id is a usable identifier, otherwise the
 * rule it breaks (empty, over 256 bytes, control characters). */
const char *population_check_identifier (const char *id);
/* An agency by id or, failing that, by exact full name; -1 if neither. */
int         population_resolve_agency   (CaseStore  *store,
                                         const char *id_or_name);

gboolean   population_write_json        (CaseStore                    *store,
                                         GFile                        *file,
                                         GCancellable                 *cancellable,
                                         GError                      **error);
gboolean   population_write_agencies_csv (CaseStore                   *store,
                                         GFile                        *file,
                                         gboolean                      with_bom,
                                         GCancellable                 *cancellable,
                                         GError                      **error);
gboolean   population_write_cases_csv   (CaseStore                    *store,
                                         GFile                        *file,
                                         gboolean                      with_bom,
                                         GCancellable                 *cancellable,
                                         GError                      **error);

G_END_DECLS
