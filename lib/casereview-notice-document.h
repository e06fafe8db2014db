/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A rectification notice laid out as a document: every sentence already
 * written in the notice's language, in reading order. The text, Markdown,
 * HTML and PDF renderers only lay it out, so the wording lives in one place
 * (casereview-notice-document.c). Private.
 */
#pragma once

#include "casereview-notice.h"

G_BEGIN_DECLS

/* One row of the problem table. */
typedef struct
{
  char *case_id;           /* 案卷编号, or the channel for channel findings */
  char *problem;           /* what is wrong, with the reviewer's note */
  char *rule;              /* the rubric item or the legal basis broken */
  char *severity;          /* 否决 / 扣2分 (×2) / 渠道不畅通 … */
  char *evidence_page;     /* "P12", or "" */
  CaseReviewProblemSeverity kind;
} CaseReviewNoticeRow;

/* The rows of one rubric item (or of the vetoes, or of the channels). */
typedef struct
{
  char *heading;           /* "B3 调查取证" */
  GPtrArray *rows;         /* CaseReviewNoticeRow */
} CaseReviewNoticeGroup;

typedef struct
{
  CaseReviewNoticeLanguage language;
  char *issuer;            /* red masthead: 深圳市罗湖区司法局 */
  char *title;             /* 责令整改通知书 */
  char *number;            /* 罗司〔2020〕12号, or 草稿 for a draft */
  char *draft_mark;        /* 草稿 / DRAFT across every page of a draft; NULL once numbered */
  char *addressee;         /* 罗湖区城市管理和综合执法局： */
  GPtrArray *opening;      /* paragraphs before the problem table: basis, review summary */
  char *problems_heading;  /* 一、存在的问题 */
  char *columns[5];        /* case, problem, rule, severity, evidence page */
  GPtrArray *groups;       /* CaseReviewNoticeGroup */
  GPtrArray *closing;      /* paragraphs after the table: requirements, deadline, feedback, consequences, objection */
  char *signature;         /* the issuer again, above the date */
  char *date;              /* 2020年12月1日, the issue date (or the day of rendering for a draft) */
  char *copy_to;           /* 抄送：…, or NULL */
  char *footer;            /* the page-number template: "— %u —" */
} CaseReviewNoticeDocument;

CaseReviewNoticeDocument *case_review_notice_document_new  (CaseReviewNotice         *notice);
void                      case_review_notice_document_free (CaseReviewNoticeDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaseReviewNoticeDocument, case_review_notice_document_free)

/* Renderers over one or more notices (casereview-notice-text.c,
 * casereview-notice-html.c, casereview-notice-pdf.c). Several notices come
 * out as one document, each notice starting on a new page. */
char     *case_review_notice_render_text_internal     (CaseReviewNotice * const *notices,
                                                       guint                     n_notices,
                                                       gboolean                  markdown);
char     *case_review_notice_render_html_internal     (CaseReviewNotice * const *notices,
                                                       guint                     n_notices);
gboolean  case_review_notice_write_pdf_internal       (CaseReviewNotice * const *notices,
                                                       guint                     n_notices,
                                                       GFile                    *file,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);

G_END_DECLS
