/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * How CaseReviewNoticeBook builds and moves its notices: the notices, their
 * problems and events are read-only in the public API. Private.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "casereview-notice.h"

G_BEGIN_DECLS

typedef struct
{
  CaseReviewProblemSeverity severity;
  char *case_id;
  char *item_code;
  char *item_title;
  char *item_english_title;
  char *code;
  char *text;
  char *english_text;
  char *basis;
  guint points_tenths;
  guint occurrences;
  char *evidence_page;
  char *note;
} NoticeProblemData;

/* Takes the strings. */
CaseReviewNoticeProblem *case_review_notice_problem_new_internal (NoticeProblemData *data);

CaseReviewNoticeEvent   *case_review_notice_event_new_internal   (CaseReviewNoticeState from,
                                                                  CaseReviewNoticeState to,
                                                                  GDateTime            *at,
                                                                  const char           *actor,
                                                                  const char           *note);

/* Everything a notice says, fixed when it is generated. */
typedef struct
{
  CaseReviewNoticeLanguage language;
  char *title;
  char *issuer;
  char *issuer_code;
  guint year;
  char *agency_id;
  char *agency_name;
  CaseReviewNoticeReason reasons;
  GDate review_start, review_end;        /* invalid when unknown */
  guint n_files;
  guint kind_n_files[CASE_REVIEW_N_ENFORCEMENT_KINDS];
  guint mean;                            /* hundredths */
  CaseReviewGrade grade;
  guint n_failed, n_vetoed;
  guint rank, n_agencies;
  GPtrArray *problems;                   /* CaseReviewNoticeProblem */
  char *basis;
  char *requirements;
  char *feedback;
  char *consequences;
  char *objection_route;
  char **copy_to;
  guint deadline_days;
  gboolean working_days;
} NoticeContent;

void                 notice_content_clear                       (NoticeContent     *content);

/* Takes the content. */
CaseReviewNotice    *case_review_notice_new_internal            (NoticeContent     *content);
const NoticeContent *case_review_notice_get_content_internal    (CaseReviewNotice  *self);

/* Lifecycle bookkeeping, done by the book; each notifies its properties. */
void                 case_review_notice_set_serial_internal     (CaseReviewNotice  *self,
                                                                 guint              serial);
void                 case_review_notice_set_dates_internal      (CaseReviewNotice  *self,
                                                                 const GDate       *issued_on,
                                                                 const GDate       *served_on,
                                                                 const GDate       *deadline);
void                 case_review_notice_record_internal         (CaseReviewNotice  *self,
                                                                 CaseReviewNoticeEvent *event);
void                 case_review_notice_append_problem_internal (CaseReviewNotice  *self,
                                                                 CaseReviewNoticeProblem *problem,
                                                                 CaseReviewNoticeReason reason);

/* JSON (casereview-notice-json.c). */
JsonNode            *case_review_notice_to_json_node_internal   (CaseReviewNotice  *self);
CaseReviewNotice    *case_review_notice_new_from_json_internal  (JsonObject        *object,
                                                                 const char        *path,
                                                                 const char        *source_name,
                                                                 GError           **error);

G_END_DECLS
