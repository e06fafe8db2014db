/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewNotice:
 *
 * A rectification notice (责令整改通知书) to one agency: its number, the
 * review that found the problems, the problems grouped by rubric item, what
 * the agency must do and by when, and the notice's history.
 *
 * Notices are made and moved by a [class@CaseReview.NoticeBook]: the book
 * generates them as drafts, numbers them when they are issued (so drafts
 * never leave gaps in the numbering), computes their deadline from the
 * service date and records every transition. The public API of a notice is
 * read-only; its [property@CaseReview.Notice:state],
 * [property@CaseReview.Notice:number] and
 * [property@CaseReview.Notice:deadline] properties notify so that an
 * application can follow the lifecycle.
 *
 * A notice renders itself to text, Markdown, HTML, JSON and PDF in the
 * language it was generated in ([method@CaseReview.Notice.render],
 * [method@CaseReview.Notice.write_pdf]).
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-error.h"
#include "casereview-notice-document.h"
#include "casereview-notice-private.h"

struct _CaseReviewNotice
{
  GObject parent_instance;

  NoticeContent content;
  GListStore *problems;          /* CaseReviewNoticeProblem */
  guint serial;                  /* 0 while a draft */
  char *number;                  /* NULL while a draft */
  GDate issued_on, served_on, deadline;   /* invalid when unknown */
  GListStore *history;           /* CaseReviewNoticeEvent */
};

enum {
  PROP_0,
  PROP_STATE,
  PROP_SERIAL,
  PROP_NUMBER,
  PROP_AGENCY_ID,
  PROP_AGENCY_NAME,
  PROP_SERVED_ON,
  PROP_DEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewNotice, case_review_notice, G_TYPE_OBJECT)

void
notice_content_clear (NoticeContent *content)
{
  g_clear_pointer (&content->title, g_free);
  g_clear_pointer (&content->issuer, g_free);
  g_clear_pointer (&content->issuer_code, g_free);
  g_clear_pointer (&content->agency_id, g_free);
  g_clear_pointer (&content->agency_name, g_free);
  g_clear_pointer (&content->problems, g_ptr_array_unref);
  g_clear_pointer (&content->basis, g_free);
  g_clear_pointer (&content->requirements, g_free);
  g_clear_pointer (&content->feedback, g_free);
  g_clear_pointer (&content->consequences, g_free);
  g_clear_pointer (&content->objection_route, g_free);
  g_clear_pointer (&content->copy_to, g_strfreev);
}

static void
case_review_notice_finalize (GObject *object)
{
  CaseReviewNotice *self = CASE_REVIEW_NOTICE (object);

  notice_content_clear (&self->content);
  g_clear_object (&self->problems);
  g_free (self->number);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (case_review_notice_parent_class)->finalize (object);
}

static void
case_review_notice_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CaseReviewNotice *self = CASE_REVIEW_NOTICE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, case_review_notice_get_state (self));
      break;
    case PROP_SERIAL:
      g_value_set_uint (value, self->serial);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_AGENCY_ID:
      g_value_set_string (value, self->content.agency_id);
      break;
    case PROP_AGENCY_NAME:
      g_value_set_string (value, self->content.agency_name);
      break;
    case PROP_SERVED_ON:
      g_value_set_boxed (value, g_date_valid (&self->served_on) ? &self->served_on : NULL);
      break;
    case PROP_DEADLINE:
      g_value_set_boxed (value, g_date_valid (&self->deadline) ? &self->deadline : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_notice_class_init (CaseReviewNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_notice_finalize;
  object_class->get_property = case_review_notice_get_property;

  /**
   * CaseReviewNotice:state: (getter get_state)
   *
   * Where the notice is in its lifecycle; notifies on every transition.
   *
   * Since: 0.1
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, CASE_REVIEW_TYPE_NOTICE_STATE, CASE_REVIEW_NOTICE_STATE_DRAFT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CaseReviewNotice:serial: (getter get_serial)
   *
   * The notice's serial number in its issuer's year, 0 while it is a draft.
   *
   * Since: 0.1
   */
  properties[PROP_SERIAL] =
    g_param_spec_uint ("serial", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CaseReviewNotice:number: (getter get_number)
   *
   * The document number, e.g. 罗司〔2020〕12号; %NULL while a draft.
   *
   * Since: 0.1
   */
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CaseReviewNotice:agency-id: (getter get_agency_id)
   *
   * The addressee agency's id.
   *
   * Since: 0.1
   */
  properties[PROP_AGENCY_ID] =
    g_param_spec_string ("agency-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CaseReviewNotice:agency-name: (getter get_agency_name)
   *
   * The addressee agency's name.
   *
   * Since: 0.1
   */
  properties[PROP_AGENCY_NAME] =
    g_param_spec_string ("agency-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CaseReviewNotice:served-on: (getter get_served_on)
   *
   * The service date: planned until the notice is served, then actual.
   *
   * Since: 0.1
   */
  properties[PROP_SERVED_ON] =
    g_param_spec_boxed ("served-on", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CaseReviewNotice:deadline: (getter get_deadline)
   *
   * The last day for the agency's rectification report.
   *
   * Since: 0.1
   */
  properties[PROP_DEADLINE] =
    g_param_spec_boxed ("deadline", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_notice_init (CaseReviewNotice *self)
{
  self->problems = g_list_store_new (CASE_REVIEW_TYPE_NOTICE_PROBLEM);
  self->history = g_list_store_new (CASE_REVIEW_TYPE_NOTICE_EVENT);
  g_date_clear (&self->issued_on, 1);
  g_date_clear (&self->served_on, 1);
  g_date_clear (&self->deadline, 1);
}

CaseReviewNotice *
case_review_notice_new_internal (NoticeContent *content)
{
  CaseReviewNotice *self = g_object_new (CASE_REVIEW_TYPE_NOTICE, NULL);

  self->content = *content;
  memset (content, 0, sizeof *content);
  if (self->content.problems == NULL)
    self->content.problems = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->content.problems->len; i++)
    g_list_store_append (self->problems, g_ptr_array_index (self->content.problems, i));
  if (self->content.copy_to == NULL)
    self->content.copy_to = g_new0 (char *, 1);
  return self;
}

const NoticeContent *
case_review_notice_get_content_internal (CaseReviewNotice *self)
{
  return &self->content;
}

void
case_review_notice_set_serial_internal (CaseReviewNotice *self,
                                        guint             serial)
{
  self->serial = serial;
  g_clear_pointer (&self->number, g_free);
  if (serial > 0)
    self->number = g_strdup_printf ("%s〔%u〕%u号", self->content.issuer_code, self->content.year, serial);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

static void
copy_date (GDate       *target,
           const GDate *source)
{
  if (source != NULL && g_date_valid (source))
    *target = *source;
  else
    g_date_clear (target, 1);
}

void
case_review_notice_set_dates_internal (CaseReviewNotice *self,
                                       const GDate      *issued_on,
                                       const GDate      *served_on,
                                       const GDate      *deadline)
{
  copy_date (&self->issued_on, issued_on);
  copy_date (&self->served_on, served_on);
  copy_date (&self->deadline, deadline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVED_ON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

void
case_review_notice_record_internal (CaseReviewNotice      *self,
                                    CaseReviewNoticeEvent *event)
{
  g_list_store_append (self->history, event);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
case_review_notice_append_problem_internal (CaseReviewNotice        *self,
                                            CaseReviewNoticeProblem *problem,
                                            CaseReviewNoticeReason   reason)
{
  g_ptr_array_add (self->content.problems, g_object_ref (problem));
  g_list_store_append (self->problems, problem);
  self->content.reasons |= reason;
}

/**
 * case_review_notice_get_state:
 * @self: a notice
 *
 * Gets where the notice is in its lifecycle.
 *
 * Returns: where the notice is in its lifecycle
 *
 * Since: 0.1
 */
CaseReviewNoticeState
case_review_notice_get_state (CaseReviewNotice *self)
{
  guint n;
  g_autoptr(CaseReviewNoticeEvent) last = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), CASE_REVIEW_NOTICE_STATE_DRAFT);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  if (n == 0)
    return CASE_REVIEW_NOTICE_STATE_DRAFT;
  last = g_list_model_get_item (G_LIST_MODEL (self->history), n - 1);
  return case_review_notice_event_get_to_state (last);
}

/**
 * case_review_notice_get_serial:
 * @self: a notice
 *
 * Gets the serial number in the issuer's year, 0 for a draft.
 *
 * Returns: the serial number in the issuer's year, 0 for a draft
 *
 * Since: 0.1
 */
guint
case_review_notice_get_serial (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), 0);
  return self->serial;
}

/**
 * case_review_notice_get_number:
 * @self: a notice
 *
 * The document number `{机关代字}〔{year}〕{serial}号`, without leading zeros,
 * e.g. 罗司〔2020〕12号.
 *
 * Returns: (nullable): the number, or %NULL for a draft
 *
 * Since: 0.1
 */
const char *
case_review_notice_get_number (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), NULL);
  return self->number;
}

/**
 * case_review_notice_get_language:
 * @self: a notice
 *
 * Gets the language the notice was generated in.
 *
 * Returns: the language the notice was generated in
 *
 * Since: 0.1
 */
CaseReviewNoticeLanguage
case_review_notice_get_language (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN);
  return self->content.language;
}

#define CONTENT_STRING_GETTER(field)                                     \
const char *                                                            \
case_review_notice_get_##field (CaseReviewNotice *self)                 \
{                                                                       \
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), NULL);            \
  return self->content.field;                                           \
}

#define CONTENT_UINT_GETTER(name, field)                                 \
guint                                                                   \
case_review_notice_get_##name (CaseReviewNotice *self)                  \
{                                                                       \
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), 0);               \
  return self->content.field;                                           \
}

/**
 * case_review_notice_get_title:
 * @self: a notice
 *
 * Gets the document's title, e.g. 责令整改通知书.
 *
 * Returns: the document's title, e.g. 责令整改通知书
 *
 * Since: 0.1
 */
CONTENT_STRING_GETTER (title)

/**
 * case_review_notice_get_issuer:
 * @self: a notice
 *
 * Gets the issuing authority, e.g. 深圳市罗湖区司法局.
 *
 * Returns: the issuing authority, e.g. 深圳市罗湖区司法局
 *
 * Since: 0.1
 */
CONTENT_STRING_GETTER (issuer)

/**
 * case_review_notice_get_issuer_code:
 * @self: a notice
 *
 * Gets the issuer's code in document numbers (机关代字), e.g. 罗司.
 *
 * Returns: the issuer's code in document numbers (机关代字), e.g. 罗司
 *
 * Since: 0.1
 */
CONTENT_STRING_GETTER (issuer_code)

/**
 * case_review_notice_get_agency_id:
 * @self: a notice
 *
 * Gets the addressee agency's id.
 *
 * Returns: the addressee agency's id
 *
 * Since: 0.1
 */
CONTENT_STRING_GETTER (agency_id)

/**
 * case_review_notice_get_agency_name:
 * @self: a notice
 *
 * Gets the addressee agency's name.
 *
 * Returns: the addressee agency's name
 *
 * Since: 0.1
 */
CONTENT_STRING_GETTER (agency_name)

/**
 * case_review_notice_get_basis:
 * @self: a notice
 *
 * Gets the paragraph naming the notice's legal basis and the review plan.
 *
 * Returns: the paragraph naming the notice's legal basis and the review
 *   plan
 *
 * Since: 0.1
 */
CONTENT_STRING_GETTER (basis)

/**
 * case_review_notice_get_requirements:
 * @self: a notice
 *
 * Gets the rectification requirements.
 *
 * Returns: the rectification requirements
 *
 * Since: 0.1
 */
CONTENT_STRING_GETTER (requirements)

/**
 * case_review_notice_get_feedback:
 * @self: a notice
 *
 * Gets what the agency's written rectification report must contain.
 *
 * Returns: what the agency's written rectification report must contain
 *
 * Since: 0.1
 */
CONTENT_STRING_GETTER (feedback)

/**
 * case_review_notice_get_consequences:
 * @self: a notice
 *
 * Gets the consequences of not rectifying in time.
 *
 * Returns: the consequences of not rectifying in time
 *
 * Since: 0.1
 */
CONTENT_STRING_GETTER (consequences)

/**
 * case_review_notice_get_objection_route:
 * @self: a notice
 *
 * Gets how and within what period the agency may object.
 *
 * Returns: how and within what period the agency may object
 *
 * Since: 0.1
 */
CONTENT_STRING_GETTER (objection_route)

/**
 * case_review_notice_get_year:
 * @self: a notice
 *
 * Gets the year of the review and of the document number.
 *
 * Returns: the year of the review and of the document number
 *
 * Since: 0.1
 */
CONTENT_UINT_GETTER (year, year)

/**
 * case_review_notice_get_n_files:
 * @self: a notice
 *
 * Gets how many of the agency's files were reviewed.
 *
 * Returns: how many of the agency's files were reviewed
 *
 * Since: 0.1
 */
CONTENT_UINT_GETTER (n_files, n_files)

/**
 * case_review_notice_get_mean_hundredths:
 * @self: a notice
 *
 * Gets the agency's mean score, in hundredths.
 *
 * Returns: the agency's mean score, in hundredths
 *
 * Since: 0.1
 */
CONTENT_UINT_GETTER (mean_hundredths, mean)

/**
 * case_review_notice_get_n_failed:
 * @self: a notice
 *
 * Gets how many reviewed files are 不合格.
 *
 * Returns: how many reviewed files are 不合格
 *
 * Since: 0.1
 */
CONTENT_UINT_GETTER (n_failed, n_failed)

/**
 * case_review_notice_get_n_vetoed:
 * @self: a notice
 *
 * Gets how many reviewed files have a legality veto.
 *
 * Returns: how many reviewed files have a legality veto
 *
 * Since: 0.1
 */
CONTENT_UINT_GETTER (n_vetoed, n_vetoed)

/**
 * case_review_notice_get_rank:
 * @self: a notice
 *
 * Gets the agency's rank in the review (1 is best), 0 if unknown.
 *
 * Returns: the agency's rank in the review (1 is best), 0 if unknown
 *
 * Since: 0.1
 */
CONTENT_UINT_GETTER (rank, rank)

/**
 * case_review_notice_get_n_agencies:
 * @self: a notice
 *
 * Gets how many agencies the review ranked.
 *
 * Returns: how many agencies the review ranked
 *
 * Since: 0.1
 */
CONTENT_UINT_GETTER (n_agencies, n_agencies)

/**
 * case_review_notice_get_deadline_days:
 * @self: a notice
 *
 * Gets the rectification period in days, counted from the service date.
 *
 * Returns: the rectification period in days, counted from the service date
 *
 * Since: 0.1
 */
CONTENT_UINT_GETTER (deadline_days, deadline_days)

/**
 * case_review_notice_get_working_days:
 * @self: a notice
 *
 * Whether the period counts working days.
 *
 * Returns: %TRUE if the period counts working days, %FALSE for calendar days
 *
 * Since: 0.1
 */
gboolean
case_review_notice_get_working_days (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), FALSE);
  return self->content.working_days;
}

/**
 * case_review_notice_get_reasons:
 * @self: a notice
 *
 * Gets every rule that gave the agency this notice.
 *
 * Returns: every rule that gave the agency this notice
 *
 * Since: 0.1
 */
CaseReviewNoticeReason
case_review_notice_get_reasons (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), CASE_REVIEW_NOTICE_REASON_NONE);
  return self->content.reasons;
}

/**
 * case_review_notice_get_grade:
 * @self: a notice
 *
 * Gets the agency's grade in the review.
 *
 * Returns: the agency's grade in the review
 *
 * Since: 0.1
 */
CaseReviewGrade
case_review_notice_get_grade (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), CASE_REVIEW_GRADE_FAIL);
  return self->content.grade;
}

/**
 * case_review_notice_get_kind_n_files:
 * @self: a notice
 * @kind: an enforcement kind
 *
 * Gets how many reviewed files are of @kind.
 *
 * Returns: how many reviewed files are of @kind
 *
 * Since: 0.1
 */
guint
case_review_notice_get_kind_n_files (CaseReviewNotice          *self,
                                     CaseReviewEnforcementKind  kind)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), 0);
  g_return_val_if_fail ((guint) kind < CASE_REVIEW_N_ENFORCEMENT_KINDS, 0);
  return self->content.kind_n_files[kind];
}

static const GDate *
valid_or_null (const GDate *date)
{
  return g_date_valid (date) ? date : NULL;
}

/**
 * case_review_notice_get_review_start:
 * @self: a notice
 *
 * Gets the first day the reviewers scored files, if known.
 *
 * Returns: (nullable): the first day the reviewers scored files, if known
 *
 * Since: 0.1
 */
const GDate *
case_review_notice_get_review_start (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), NULL);
  return valid_or_null (&self->content.review_start);
}

/**
 * case_review_notice_get_review_end:
 * @self: a notice
 *
 * Gets the last day the reviewers scored files, if known.
 *
 * Returns: (nullable): the last day the reviewers scored files, if known
 *
 * Since: 0.1
 */
const GDate *
case_review_notice_get_review_end (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), NULL);
  return valid_or_null (&self->content.review_end);
}

/**
 * case_review_notice_get_issued_on:
 * @self: a notice
 *
 * Gets the day the notice was issued, %NULL for a draft.
 *
 * Returns: (nullable): the day the notice was issued, %NULL for a draft
 *
 * Since: 0.1
 */
const GDate *
case_review_notice_get_issued_on (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), NULL);
  return valid_or_null (&self->issued_on);
}

/**
 * case_review_notice_get_served_on:
 * @self: a notice
 *
 * Gets the service date: the planned one until the notice is served, then the
 * actual one.
 *
 * Returns: (nullable): the service date: the planned one until the notice is
 *   served, then the actual one
 *
 * Since: 0.1
 */
const GDate *
case_review_notice_get_served_on (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), NULL);
  return valid_or_null (&self->served_on);
}

/**
 * case_review_notice_get_deadline:
 * @self: a notice
 *
 * The last day for the rectification report: the service date plus
 * [method@CaseReview.Notice.get_deadline_days] calendar days (moved off
 * holidays and weekends) or working days, by the book's calendar.
 *
 * Returns: (nullable): the deadline, %NULL when no service date is known
 *
 * Since: 0.1
 */
const GDate *
case_review_notice_get_deadline (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), NULL);
  return valid_or_null (&self->deadline);
}

/**
 * case_review_notice_get_problems:
 * @self: a notice
 *
 * The problems the notice lists, ordered by rubric item, then case id,
 * then code; vetoes first.
 *
 * Returns: (transfer none): a list model of
 *   [class@CaseReview.NoticeProblem]
 *
 * Since: 0.1
 */
GListModel *
case_review_notice_get_problems (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), NULL);
  return G_LIST_MODEL (self->problems);
}

/**
 * case_review_notice_get_copy_to:
 * @self: a notice
 *
 * Gets the copy-to list (抄送), possibly empty.
 *
 * Returns: (transfer none) (array zero-terminated=1): the copy-to list
 *   (抄送), possibly empty
 *
 * Since: 0.1
 */
const char * const *
case_review_notice_get_copy_to (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), NULL);
  return (const char * const *) self->content.copy_to;
}

/**
 * case_review_notice_get_history:
 * @self: a notice
 *
 * Every transition the notice went through, oldest first.
 *
 * Returns: (transfer none): a list model of [class@CaseReview.NoticeEvent]
 *
 * Since: 0.1
 */
GListModel *
case_review_notice_get_history (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), NULL);
  return G_LIST_MODEL (self->history);
}

/**
 * case_review_notice_is_awaiting_response:
 * @self: a notice
 *
 * Whether the notice was served and the agency's rectification report has not
 * arrived (served, upheld or modified after an objection, reminded,
 * escalated).
 *
 * Returns: %TRUE if the notice was served and the agency's rectification
 *   report has not arrived (served, upheld or modified after an objection,
 *   reminded, escalated)
 *
 * Since: 0.1
 */
gboolean
case_review_notice_is_awaiting_response (CaseReviewNotice *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), FALSE);

  switch (case_review_notice_get_state (self))
    {
    case CASE_REVIEW_NOTICE_STATE_SERVED:
    case CASE_REVIEW_NOTICE_STATE_UPHELD:
    case CASE_REVIEW_NOTICE_STATE_MODIFIED:
    case CASE_REVIEW_NOTICE_STATE_REMINDED:
    case CASE_REVIEW_NOTICE_STATE_ESCALATED:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * case_review_notice_is_overdue:
 * @self: a notice
 * @today: the day to judge by ("now"; pass it explicitly so that results
 *   are reproducible)
 *
 * A notice is overdue when it awaits the agency's response
 * ([method@CaseReview.Notice.is_awaiting_response]) and @today is after its
 * deadline. The deadline day itself is not overdue.
 *
 * Returns: %TRUE if the notice is overdue on @today
 *
 * Since: 0.1
 */
gboolean
case_review_notice_is_overdue (CaseReviewNotice *self,
                               const GDate      *today)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  return case_review_notice_is_awaiting_response (self) && g_date_valid (&self->deadline) &&
         g_date_compare (today, &self->deadline) > 0;
}

/**
 * case_review_notice_render:
 * @self: a notice
 * @format: any format but %CASE_REVIEW_NOTICE_FORMAT_PDF (use
 *   [method@CaseReview.Notice.write_pdf])
 * @error: return location for a #GError
 *
 * Renders the notice in its language. HTML is one self-contained document
 * with a print stylesheet, every string from the data escaped; JSON is the
 * notice as [method@CaseReview.NoticeBook.to_json] stores it.
 *
 * Returns: (transfer full) (nullable): the rendered notice, or %NULL with
 *   %CASE_REVIEW_ERROR_UNSUPPORTED for the PDF format
 *
 * Since: 0.1
 */
char *
case_review_notice_render (CaseReviewNotice        *self,
                           CaseReviewNoticeFormat   format,
                           GError                 **error)
{
  CaseReviewNotice *notices[] = { self };

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case CASE_REVIEW_NOTICE_FORMAT_TEXT:
      return case_review_notice_render_text_internal (notices, 1, FALSE);
    case CASE_REVIEW_NOTICE_FORMAT_MARKDOWN:
      return case_review_notice_render_text_internal (notices, 1, TRUE);
    case CASE_REVIEW_NOTICE_FORMAT_HTML:
      return case_review_notice_render_html_internal (notices, 1);
    case CASE_REVIEW_NOTICE_FORMAT_JSON:
      {
        g_autoptr(JsonNode) node = case_review_notice_to_json_node_internal (self);
        return json_to_string (node, TRUE);
      }
    case CASE_REVIEW_NOTICE_FORMAT_PDF:
    default:
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_UNSUPPORTED,
                   _("Notices render to PDF with case_review_notice_write_pdf(), not to a string"));
      return NULL;
    }
}

/**
 * case_review_notice_write_pdf:
 * @self: a notice
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the notice as an A4 PDF laid out in the spirit of GB/T 9704 (red
 * masthead, number, addressee, body, a problem table that continues across
 * pages with its header repeated, deadline, signature block, page numbers),
 * with its CJK fonts embedded. A draft carries a pale diagonal 草稿 (DRAFT)
 * across every page. The file is replaced only when the whole document was
 * written.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_notice_write_pdf (CaseReviewNotice  *self,
                              GFile             *file,
                              GCancellable      *cancellable,
                              GError           **error)
{
  CaseReviewNotice *notices[] = { self };

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return case_review_notice_write_pdf_internal (notices, 1, file, cancellable, error);
}

static const char * const format_names[] = {
  [CASE_REVIEW_NOTICE_FORMAT_TEXT] = "text",
  [CASE_REVIEW_NOTICE_FORMAT_MARKDOWN] = "markdown",
  [CASE_REVIEW_NOTICE_FORMAT_HTML] = "html",
  [CASE_REVIEW_NOTICE_FORMAT_JSON] = "json",
  [CASE_REVIEW_NOTICE_FORMAT_PDF] = "pdf",
};

/**
 * case_review_notice_format_get_name:
 * @format: a format
 *
 * Gets the format's name (`text`, `markdown`, `html`, `json`, `pdf`).
 *
 * Returns: (nullable): the format's name (`text`, `markdown`, `html`,
 *   `json`, `pdf`)
 *
 * Since: 0.1
 */
const char *
case_review_notice_format_get_name (CaseReviewNoticeFormat format)
{
  return (guint) format < G_N_ELEMENTS (format_names) ? format_names[format] : NULL;
}

/**
 * case_review_notice_format_from_name:
 * @name: a format's name, case-insensitive; `md` and `txt` are accepted
 * @format: (out): return location for the format
 *
 * Whether @name names a format.
 *
 * Returns: %TRUE if @name names a format
 *
 * Since: 0.1
 */
gboolean
case_review_notice_format_from_name (const char             *name,
                                     CaseReviewNoticeFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);
  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "md") == 0)
    name = "markdown";
  else if (g_ascii_strcasecmp (name, "txt") == 0)
    name = "text";
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = (CaseReviewNoticeFormat) i;
        return TRUE;
      }
  return FALSE;
}
