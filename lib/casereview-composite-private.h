/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Composite evaluations inside the library: exact decimals (weights in
 * millionths, scores in hundredths), the store of subjects and their raw
 * values, the data behind a CaseReviewCompositeResult, and the JSON and CSV
 * readers and writers. Private to the library.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "casereview-composite-component.h"
#include "casereview-composite-evaluation.h"
#include "casereview-composite-result.h"

G_BEGIN_DECLS

/* Exact scales: a weight of 1 and a score of 100 points. */
#define COMPOSITE_WEIGHT_ONE   1000000u
#define COMPOSITE_SCORE_MAX    10000u
#define COMPOSITE_VOTES_MAX    G_GINT64_CONSTANT (1000000000000)

/* Exact decimal text. Each parser returns NULL on success or a short
 * translatable reason ("has more than two decimals"). */
const char *composite_parse_weight      (const char *text,
                                         guint      *out_millionths);
const char *composite_parse_score       (const char *text,
                                         guint      *out_hundredths);
const char *composite_parse_votes       (const char *text,
                                         gint64     *out_votes);
char       *composite_format_weight     (guint       millionths);
char       *composite_format_hundredths (guint       hundredths);
/* The shortest decimal text that reads back as @value (JSON numbers). */
char       *composite_shortest_decimal  (double      value);

/* A raw value of a component, checked against the component's rule:
 * a score text for score rules, a vote count for the vote share. */
gboolean    composite_parse_value       (CaseReviewCompositeComponent  *component,
                                         const char                    *subject_id,
                                         const char                    *text,
                                         gint64                        *out_value,
                                         GError                       **error);

/* The store of subjects and raw values. */
typedef struct
{
  char      *component_id;
  GArray    *values;     /* gint64: hundredths of a point, or votes */
  GPtrArray *raters;     /* char *, "" when not given; parallel to values */
} CompositeValues;

typedef struct
{
  char      *id;
  char      *name;
  GPtrArray *components; /* CompositeValues, in the order first given */
} CompositeSubject;

typedef struct
{
  GPtrArray  *subjects;  /* CompositeSubject, in the order added */
  GHashTable *by_id;     /* id → CompositeSubject, borrowed */
  guint       n_values;
} CompositeScores;

/* Which input field a problem is about, for CSV locations. */
typedef enum {
  COMPOSITE_FIELD_SUBJECT,
  COMPOSITE_FIELD_NAME,
  COMPOSITE_FIELD_COMPONENT,
  COMPOSITE_FIELD_VALUE,
  COMPOSITE_FIELD_RATER,
} CompositeField;

CompositeScores  *composite_scores_new         (void);
CompositeScores  *composite_scores_copy        (const CompositeScores         *scores);
void              composite_scores_free        (CompositeScores               *scores);
CompositeSubject *composite_scores_lookup      (CompositeScores               *scores,
                                                const char                    *subject_id);
gboolean          composite_scores_add_subject (CompositeScores               *scores,
                                                const char                    *subject_id,
                                                const char                    *name,
                                                gboolean                       existing_ok,
                                                GError                       **error);
gboolean          composite_scores_add_value   (CompositeScores               *scores,
                                                const char                    *subject_id,
                                                CaseReviewCompositeComponent  *component,
                                                const char                    *rater,
                                                gint64                         value,
                                                CompositeField                *out_field,
                                                GError                       **error);
CompositeValues  *composite_subject_lookup     (CompositeSubject              *subject,
                                                const char                    *component_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CompositeScores, composite_scores_free)

/* Reads a scores CSV into @scores (a staging copy: on failure the caller
 * drops it). */
gboolean composite_scores_load_csv   (CompositeScores               *scores,
                                      CaseReviewCompositeEvaluation *evaluation,
                                      GFile                         *file,
                                      CaseReviewTextEncoding         encoding,
                                      GCancellable                  *cancellable,
                                      GError                       **error);
char    *composite_scores_to_csv     (CompositeScores               *scores,
                                      CaseReviewCompositeEvaluation *evaluation);

/* What a result holds. */
typedef struct
{
  guint    score;        /* hundredths */
  guint    n_values;
  gint64   votes;        /* -1 unless the component is a vote share */
  gboolean missing;
} CompositeComponentScore;

typedef struct
{
  char                    *subject_id;
  char                    *subject_name;
  char                   **component_ids;  /* NULL-terminated, parallel to scores */
  CompositeComponentScore *scores;
  char                   **missing;        /* NULL-terminated component ids */
  guint                    total;          /* hundredths */
  guint                    rank;
  gboolean                 bottom;
  gboolean                 below_floor;
} CompositeResultData;

void                       composite_result_data_clear           (CompositeResultData       *data);
/* Takes over the contents of @data and zeroes it. */
CaseReviewCompositeResult *case_review_composite_result_new_internal (CompositeResultData   *data);

/* JSON: the definition and the results. */
CaseReviewCompositeEvaluation *composite_definition_from_json_node (JsonNode                      *root,
                                                                    GError                       **error);
JsonNode                      *composite_definition_to_json_node   (CaseReviewCompositeEvaluation *evaluation);
char                          *composite_results_to_json           (CaseReviewCompositeEvaluation *evaluation,
                                                                    GListModel                    *results);
char                          *composite_results_to_csv            (CaseReviewCompositeEvaluation *evaluation,
                                                                    GListModel                    *results);

G_END_DECLS
