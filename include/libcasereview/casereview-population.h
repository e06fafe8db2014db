/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-agency.h>
#include <libcasereview/casereview-case-file.h>
#include <libcasereview/casereview-enforcement-kind.h>
#include <libcasereview/casereview-frame-filter.h>

G_BEGIN_DECLS

/**
 * CaseReviewTextEncoding:
 * @CASE_REVIEW_TEXT_ENCODING_AUTO: detect: UTF-8 when the text is valid UTF-8,
 *   otherwise GB18030
 * @CASE_REVIEW_TEXT_ENCODING_UTF8: UTF-8, with or without a byte-order mark
 * @CASE_REVIEW_TEXT_ENCODING_GB18030: GB18030, which includes GBK and GB2312
 *   (what Excel writes on Chinese Windows)
 *
 * The character encoding of a CSV file being read.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_TEXT_ENCODING_AUTO,
  CASE_REVIEW_TEXT_ENCODING_UTF8,
  CASE_REVIEW_TEXT_ENCODING_GB18030,
} CaseReviewTextEncoding;

/**
 * CaseReviewStratification:
 * @CASE_REVIEW_STRATIFICATION_AGENCY: one stratum per agency; the key is the
 *   agency id, e.g. `LH01`
 * @CASE_REVIEW_STRATIFICATION_KIND: one stratum per enforcement kind; the key
 *   is the kind's name, e.g. `penalty`
 * @CASE_REVIEW_STRATIFICATION_AGENCY_KIND: one stratum per agency and kind;
 *   the key is `agency/kind`, e.g. `LH01/penalty`
 *
 * How a frame is divided into strata.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_STRATIFICATION_AGENCY,
  CASE_REVIEW_STRATIFICATION_KIND,
  CASE_REVIEW_STRATIFICATION_AGENCY_KIND,
} CaseReviewStratification;

#define CASE_REVIEW_TYPE_POPULATION (case_review_population_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewPopulation, case_review_population, CASE_REVIEW, POPULATION, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewPopulation *case_review_population_new                  (void);

/* Contents */
CASE_REVIEW_AVAILABLE_IN_0_1
guint                 case_review_population_get_n_cases          (CaseReviewPopulation      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel           *case_review_population_get_agencies         (CaseReviewPopulation      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewAgency     *case_review_population_lookup_agency        (CaseReviewPopulation      *self,
                                                                   const char                *id_or_name);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewCaseFile   *case_review_population_lookup_case          (CaseReviewPopulation      *self,
                                                                   const char                *case_id);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_population_contains_case        (CaseReviewPopulation      *self,
                                                                   const char                *case_id);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_population_add_agency           (CaseReviewPopulation      *self,
                                                                   CaseReviewAgency          *agency,
                                                                   GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_population_add_case             (CaseReviewPopulation      *self,
                                                                   CaseReviewCaseFile        *case_file,
                                                                   GError                   **error);

/* Counts, date range and strata */
CASE_REVIEW_AVAILABLE_IN_0_1
guint                 case_review_population_count_for_agency     (CaseReviewPopulation      *self,
                                                                   const char                *agency_id);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                 case_review_population_count_for_kind       (CaseReviewPopulation      *self,
                                                                   CaseReviewEnforcementKind  kind);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                 case_review_population_count_for_stratum    (CaseReviewPopulation      *self,
                                                                   const char                *agency_id,
                                                                   CaseReviewEnforcementKind  kind);
CASE_REVIEW_AVAILABLE_IN_0_1
GDate                *case_review_population_dup_first_closed_on  (CaseReviewPopulation      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
GDate                *case_review_population_dup_last_closed_on   (CaseReviewPopulation      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                **case_review_population_dup_stratum_keys     (CaseReviewPopulation      *self,
                                                                   CaseReviewStratification   stratification);
CASE_REVIEW_AVAILABLE_IN_0_1
char                 *case_review_population_dup_stratum_key      (CaseReviewPopulation      *self,
                                                                   guint                      position,
                                                                   CaseReviewStratification   stratification);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewPopulation *case_review_population_filter               (CaseReviewPopulation      *self,
                                                                   CaseReviewFrameFilter     *filter,
                                                                   GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char                 *case_review_population_dup_fingerprint      (CaseReviewPopulation      *self);

/* Import */
CASE_REVIEW_AVAILABLE_IN_0_1
guint                 case_review_population_get_max_errors       (CaseReviewPopulation      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                  case_review_population_set_max_errors       (CaseReviewPopulation      *self,
                                                                   guint                      max_errors);
CASE_REVIEW_AVAILABLE_IN_0_1
GPtrArray            *case_review_population_get_problems         (CaseReviewPopulation      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
double                case_review_population_get_progress         (CaseReviewPopulation      *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_population_load_csv             (CaseReviewPopulation      *self,
                                                                   GFile                     *agencies,
                                                                   GFile                     *cases,
                                                                   CaseReviewTextEncoding     encoding,
                                                                   GCancellable              *cancellable,
                                                                   GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
void                  case_review_population_load_csv_async       (CaseReviewPopulation      *self,
                                                                   GFile                     *agencies,
                                                                   GFile                     *cases,
                                                                   CaseReviewTextEncoding     encoding,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_population_load_csv_finish      (CaseReviewPopulation      *self,
                                                                   GAsyncResult              *result,
                                                                   GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_population_load_json            (CaseReviewPopulation      *self,
                                                                   GFile                     *file,
                                                                   GCancellable              *cancellable,
                                                                   GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
void                  case_review_population_load_json_async      (CaseReviewPopulation      *self,
                                                                   GFile                     *file,
                                                                   GCancellable              *cancellable,
                                                                   GAsyncReadyCallback        callback,
                                                                   gpointer                   user_data);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_population_load_json_finish     (CaseReviewPopulation      *self,
                                                                   GAsyncResult              *result,
                                                                   GError                   **error);

/* Export */
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_population_save_json            (CaseReviewPopulation      *self,
                                                                   GFile                     *file,
                                                                   GCancellable              *cancellable,
                                                                   GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_population_save_agencies_csv    (CaseReviewPopulation      *self,
                                                                   GFile                     *file,
                                                                   gboolean                   with_bom,
                                                                   GCancellable              *cancellable,
                                                                   GError                   **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean              case_review_population_save_cases_csv       (CaseReviewPopulation      *self,
                                                                   GFile                     *file,
                                                                   gboolean                   with_bom,
                                                                   GCancellable              *cancellable,
                                                                   GError                   **error);

G_END_DECLS
