/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewNoticeBook:
 *
 * The register of one issuer's rectification notices for one year: it
 * decides which agencies get a notice, numbers notices when they are issued,
 * computes deadlines from the service date, moves notices through their
 * lifecycle and keeps everything in one JSON file.
 *
 * ## Generating
 *
 * [method@CaseReview.NoticeBook.generate] (or
 * [method@CaseReview.NoticeBook.generate_from_results] on the JSON
 * `casereview score -o` writes) makes one draft per agency that a rule
 * selects: any legality veto, any 不合格 file, a mean below a threshold
 * ([method@CaseReview.NoticeBook.set_rules]). A draft lists every problem
 * the deciding score sheets recorded in the agency's files, grouped by
 * rubric item, and the book's texts (basis, requirements, feedback,
 * consequences, objection route, copy-to list; defaults in the book's
 * [property@CaseReview.NoticeBook:language]). Failed complaint channels add
 * their own problems ([method@CaseReview.NoticeBook.add_channel_findings]).
 *
 * ## Numbering
 *
 * A notice gets its number `{机关代字}〔{year}〕{n}号` when it is issued, from
 * the book's counter: drafts can be discarded without leaving gaps, and a
 * number is never given twice, even to a notice revoked later.
 *
 * ## Lifecycle
 *
 * [method@CaseReview.NoticeBook.transition] moves a notice along the table
 * in [enum@CaseReview.NoticeState], recording the time, the actor and a note.
 * Serving fixes the deadline: the service date plus the book's period in
 * calendar days (moved off weekends and holidays) or working days, by the
 * book's [class@CaseReview.Calendar]. A period reaching a year the calendar
 * has no data for is an error, never a guess.
 *
 * Every failing call leaves the book and its notices as they were.
 *
 * The book is a [iface@Gio.ListModel] of its notices in the order they were
 * generated.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-channel-finding.h"
#include "casereview-error.h"
#include "casereview-json-members.h"
#include "casereview-notice-book.h"
#include "casereview-notice-document.h"
#include "casereview-notice-private.h"

#define BOOK_FORMAT "casereview-notices"
#define BOOK_VERSION 1
#define RESULTS_FORMAT "casereview-results"
#define RESULTS_VERSION 1

struct _CaseReviewNoticeBook
{
  GObject parent_instance;

  char *issuer;
  char *issuer_code;
  guint year;
  char *title;
  CaseReviewNoticeLanguage language;
  guint next_serial;
  CaseReviewCalendar *calendar;
  guint deadline_days;
  gboolean working_days;
  CaseReviewNoticeReason rules;
  guint mean_threshold;          /* hundredths; 0 = no threshold */
  char *basis, *requirements, *feedback, *consequences, *objection_route;   /* NULL = default */
  char **copy_to;
  GPtrArray *notices;            /* CaseReviewNotice */
};

enum {
  PROP_0,
  PROP_ISSUER,
  PROP_ISSUER_CODE,
  PROP_YEAR,
  PROP_TITLE,
  PROP_LANGUAGE,
  PROP_NEXT_SERIAL,
  PROP_BASIS,
  PROP_REQUIREMENTS,
  PROP_FEEDBACK,
  PROP_CONSEQUENCES,
  PROP_OBJECTION_ROUTE,
  PROP_COPY_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void case_review_notice_book_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaseReviewNoticeBook, case_review_notice_book, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, case_review_notice_book_list_model_init))

static GType
list_model_get_item_type (GListModel *model)
{
  return CASE_REVIEW_TYPE_NOTICE;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return CASE_REVIEW_NOTICE_BOOK (model)->notices->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  CaseReviewNoticeBook *self = CASE_REVIEW_NOTICE_BOOK (model);

  return position < self->notices->len ? g_object_ref (g_ptr_array_index (self->notices, position)) : NULL;
}

static void
case_review_notice_book_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
case_review_notice_book_finalize (GObject *object)
{
  CaseReviewNoticeBook *self = CASE_REVIEW_NOTICE_BOOK (object);

  g_free (self->issuer);
  g_free (self->issuer_code);
  g_free (self->title);
  g_clear_object (&self->calendar);
  g_free (self->basis);
  g_free (self->requirements);
  g_free (self->feedback);
  g_free (self->consequences);
  g_free (self->objection_route);
  g_strfreev (self->copy_to);
  g_ptr_array_unref (self->notices);

  G_OBJECT_CLASS (case_review_notice_book_parent_class)->finalize (object);
}

static char **
text_field (CaseReviewNoticeBook *self,
            guint                 prop_id)
{
  switch (prop_id)
    {
    case PROP_ISSUER: return &self->issuer;
    case PROP_ISSUER_CODE: return &self->issuer_code;
    case PROP_TITLE: return &self->title;
    case PROP_BASIS: return &self->basis;
    case PROP_REQUIREMENTS: return &self->requirements;
    case PROP_FEEDBACK: return &self->feedback;
    case PROP_CONSEQUENCES: return &self->consequences;
    case PROP_OBJECTION_ROUTE: return &self->objection_route;
    default: return NULL;
    }
}

static void
case_review_notice_book_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CaseReviewNoticeBook *self = CASE_REVIEW_NOTICE_BOOK (object);
  char **field = text_field (self, prop_id);

  if (field != NULL)
    {
      g_value_set_string (value, *field);
      return;
    }
  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;
    case PROP_LANGUAGE:
      g_value_set_enum (value, self->language);
      break;
    case PROP_NEXT_SERIAL:
      g_value_set_uint (value, self->next_serial);
      break;
    case PROP_COPY_TO:
      g_value_set_boxed (value, self->copy_to);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_notice_book_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CaseReviewNoticeBook *self = CASE_REVIEW_NOTICE_BOOK (object);
  char **field = text_field (self, prop_id);

  if (field != NULL)
    {
      const char *text = g_value_get_string (value);

      g_free (*field);
      /* An empty text falls back to the default, except for the issuer's data. */
      *field = text != NULL && (*text != '\0' || prop_id == PROP_ISSUER || prop_id == PROP_ISSUER_CODE)
               ? g_strdup (text) : NULL;
      return;
    }
  switch (prop_id)
    {
    case PROP_YEAR:
      self->year = g_value_get_uint (value);
      break;
    case PROP_LANGUAGE:
      self->language = g_value_get_enum (value);
      break;
    case PROP_COPY_TO:
      g_strfreev (self->copy_to);
      self->copy_to = g_value_get_boxed (value) != NULL ? g_strdupv (g_value_get_boxed (value)) : g_new0 (char *, 1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_notice_book_class_init (CaseReviewNoticeBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags text_flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = case_review_notice_book_finalize;
  object_class->get_property = case_review_notice_book_get_property;
  object_class->set_property = case_review_notice_book_set_property;

  /**
   * CaseReviewNoticeBook:issuer: (getter get_issuer)
   *
   * The issuing authority, e.g. 深圳市罗湖区司法局.
   *
   * Since: 0.1
   */
  properties[PROP_ISSUER] = g_param_spec_string ("issuer", NULL, NULL, NULL,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * CaseReviewNoticeBook:issuer-code: (getter get_issuer_code)
   *
   * The issuer's code in document numbers (机关代字), e.g. 罗司.
   *
   * Since: 0.1
   */
  properties[PROP_ISSUER_CODE] = g_param_spec_string ("issuer-code", NULL, NULL, NULL,
                                                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                      G_PARAM_STATIC_STRINGS);
  /**
   * CaseReviewNoticeBook:year: (getter get_year)
   *
   * The year of the review and of the document numbers.
   *
   * Since: 0.1
   */
  properties[PROP_YEAR] = g_param_spec_uint ("year", NULL, NULL, 0, 9999, 0,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * CaseReviewNoticeBook:title:
   *
   * The document title; %NULL for the default, 责令整改通知书 (or
   * "Rectification Notice" in English). Some bureaus use 行政执法监督意见书.
   *
   * Since: 0.1
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, text_flags);
  /**
   * CaseReviewNoticeBook:language:
   *
   * The language new notices are written in; existing notices keep theirs.
   *
   * Since: 0.1
   */
  properties[PROP_LANGUAGE] = g_param_spec_enum ("language", NULL, NULL, CASE_REVIEW_TYPE_NOTICE_LANGUAGE,
                                                 CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN, text_flags);
  /**
   * CaseReviewNoticeBook:next-serial: (getter get_next_serial)
   *
   * The serial number the next issued notice gets.
   *
   * Since: 0.1
   */
  properties[PROP_NEXT_SERIAL] = g_param_spec_uint ("next-serial", NULL, NULL, 1, G_MAXUINT, 1,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  /**
   * CaseReviewNoticeBook:basis:
   *
   * The legal basis and review plan new notices cite; %NULL for the
   * default (the Guangdong administrative enforcement supervision
   * regulation and the year's review plan).
   *
   * Since: 0.1
   */
  properties[PROP_BASIS] = g_param_spec_string ("basis", NULL, NULL, NULL, text_flags);
  /**
   * CaseReviewNoticeBook:requirements:
   *
   * The rectification requirements of new notices; %NULL for the default.
   *
   * Since: 0.1
   */
  properties[PROP_REQUIREMENTS] = g_param_spec_string ("requirements", NULL, NULL, NULL, text_flags);
  /**
   * CaseReviewNoticeBook:feedback:
   *
   * What the written rectification report must contain; %NULL for the
   * default.
   *
   * Since: 0.1
   */
  properties[PROP_FEEDBACK] = g_param_spec_string ("feedback", NULL, NULL, NULL, text_flags);
  /**
   * CaseReviewNoticeBook:consequences:
   *
   * The consequences of not rectifying in time; %NULL for the default
   * (通报, 约谈, deduction in the rule-of-law assessment).
   *
   * Since: 0.1
   */
  properties[PROP_CONSEQUENCES] = g_param_spec_string ("consequences", NULL, NULL, NULL, text_flags);
  /**
   * CaseReviewNoticeBook:objection-route:
   *
   * How and within what period an agency may object; %NULL for the default
   * (in writing within 7 working days of service).
   *
   * Since: 0.1
   */
  properties[PROP_OBJECTION_ROUTE] = g_param_spec_string ("objection-route", NULL, NULL, NULL, text_flags);
  /**
   * CaseReviewNoticeBook:copy-to:
   *
   * The copy-to list (抄送) of new notices.
   *
   * Since: 0.1
   */
  properties[PROP_COPY_TO] = g_param_spec_boxed ("copy-to", NULL, NULL, G_TYPE_STRV, text_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_notice_book_init (CaseReviewNoticeBook *self)
{
  self->next_serial = 1;
  self->deadline_days = 30;
  self->rules = CASE_REVIEW_NOTICE_REASON_VETO | CASE_REVIEW_NOTICE_REASON_FAILED_FILE |
                CASE_REVIEW_NOTICE_REASON_CHANNEL;
  self->copy_to = g_new0 (char *, 1);
  self->notices = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * case_review_notice_book_new:
 * @issuer: the issuing authority, e.g. 深圳市罗湖区司法局
 * @issuer_code: its code in document numbers (机关代字), e.g. 罗司
 * @year: the year of the review and of the numbers
 *
 * An empty book whose first notice will be `{issuer_code}〔{year}〕1号`, with
 * a 30-calendar-day deadline, the bundled calendar
 * ([ctor@CaseReview.Calendar.new_default]) and the rules "any veto", "any
 * 不合格 file" and "any failed channel". Generating notices fails while the
 * issuer or its code is empty.
 *
 * Returns: (transfer full): a new book
 *
 * Since: 0.1
 */
CaseReviewNoticeBook *
case_review_notice_book_new (const char *issuer,
                             const char *issuer_code,
                             guint       year)
{
  return g_object_new (CASE_REVIEW_TYPE_NOTICE_BOOK, "issuer", issuer, "issuer-code", issuer_code, "year", year,
                       NULL);
}

/**
 * case_review_notice_book_get_issuer:
 * @self: a book
 *
 * Gets the issuing authority.
 *
 * Returns: (nullable): the issuing authority
 *
 * Since: 0.1
 */
const char *
case_review_notice_book_get_issuer (CaseReviewNoticeBook *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), NULL);
  return self->issuer;
}

/**
 * case_review_notice_book_get_issuer_code:
 * @self: a book
 *
 * Gets the issuer's code in document numbers.
 *
 * Returns: (nullable): the issuer's code in document numbers
 *
 * Since: 0.1
 */
const char *
case_review_notice_book_get_issuer_code (CaseReviewNoticeBook *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), NULL);
  return self->issuer_code;
}

/**
 * case_review_notice_book_get_year:
 * @self: a book
 *
 * Gets the book's year.
 *
 * Returns: the book's year
 *
 * Since: 0.1
 */
guint
case_review_notice_book_get_year (CaseReviewNoticeBook *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), 0);
  return self->year;
}

/**
 * case_review_notice_book_get_next_serial:
 * @self: a book
 *
 * Gets the serial number the next issued notice gets.
 *
 * Returns: the serial number the next issued notice gets
 *
 * Since: 0.1
 */
guint
case_review_notice_book_get_next_serial (CaseReviewNoticeBook *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), 0);
  return self->next_serial;
}

/**
 * case_review_notice_book_get_calendar:
 * @self: a book
 *
 * Gets the calendar deadlines are computed with.
 *
 * Returns: (transfer none): the calendar deadlines are computed with
 *
 * Since: 0.1
 */
CaseReviewCalendar *
case_review_notice_book_get_calendar (CaseReviewNoticeBook *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), NULL);
  if (self->calendar == NULL)
    self->calendar = case_review_calendar_new_default ();
  return self->calendar;
}

/**
 * case_review_notice_book_set_calendar:
 * @self: a book
 * @calendar: a calendar, e.g. the default one with a year loaded from a file
 *
 * Sets the calendar deadlines are computed with from now on.
 *
 * Since: 0.1
 */
void
case_review_notice_book_set_calendar (CaseReviewNoticeBook *self,
                                      CaseReviewCalendar   *calendar)
{
  g_return_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self));
  g_return_if_fail (CASE_REVIEW_IS_CALENDAR (calendar));
  g_set_object (&self->calendar, calendar);
}

/**
 * case_review_notice_book_set_deadline:
 * @self: a book
 * @n_days: the rectification period, at least 1
 * @working_days: %TRUE to count working days, %FALSE for calendar days
 *
 * Sets the period new notices give ("自收到本通知书之日起 N 日内"). The
 * default is 30 calendar days.
 *
 * Since: 0.1
 */
void
case_review_notice_book_set_deadline (CaseReviewNoticeBook *self,
                                      guint                 n_days,
                                      gboolean              working_days)
{
  g_return_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self));
  g_return_if_fail (n_days > 0);
  self->deadline_days = n_days;
  self->working_days = working_days;
}

/**
 * case_review_notice_book_get_deadline_days:
 * @self: a book
 *
 * Gets the period new notices give, in days.
 *
 * Returns: the period new notices give, in days
 *
 * Since: 0.1
 */
guint
case_review_notice_book_get_deadline_days (CaseReviewNoticeBook *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), 0);
  return self->deadline_days;
}

/**
 * case_review_notice_book_get_working_days:
 * @self: a book
 *
 * Gets whether the period counts working days.
 *
 * Returns: whether the period counts working days
 *
 * Since: 0.1
 */
gboolean
case_review_notice_book_get_working_days (CaseReviewNoticeBook *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), FALSE);
  return self->working_days;
}

/**
 * case_review_notice_book_set_rules:
 * @self: a book
 * @rules: the rules that give an agency a notice
 * @mean_threshold_hundredths: with %CASE_REVIEW_NOTICE_REASON_LOW_MEAN, an
 *   agency whose mean is below this (in hundredths, e.g. 8000) gets a notice
 *
 * Chooses which agencies get a notice. An agency gets one when any of
 * @rules applies to it.
 *
 * Since: 0.1
 */
void
case_review_notice_book_set_rules (CaseReviewNoticeBook   *self,
                                   CaseReviewNoticeReason  rules,
                                   guint                   mean_threshold_hundredths)
{
  g_return_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self));
  self->rules = rules;
  self->mean_threshold = mean_threshold_hundredths;
}

/**
 * case_review_notice_book_get_rules:
 * @self: a book
 *
 * Gets the rules that give an agency a notice.
 *
 * Returns: the rules that give an agency a notice
 *
 * Since: 0.1
 */
CaseReviewNoticeReason
case_review_notice_book_get_rules (CaseReviewNoticeBook *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), CASE_REVIEW_NOTICE_REASON_NONE);
  return self->rules;
}

/**
 * case_review_notice_book_get_mean_threshold_hundredths:
 * @self: a book
 *
 * Gets the mean below which an agency gets a notice, in hundredths.
 *
 * Returns: the mean below which an agency gets a notice, in hundredths
 *
 * Since: 0.1
 */
guint
case_review_notice_book_get_mean_threshold_hundredths (CaseReviewNoticeBook *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), 0);
  return self->mean_threshold;
}

/* Default texts, by language. */

static char *
default_title (CaseReviewNoticeBook *self)
{
  return g_strdup (self->language == CASE_REVIEW_NOTICE_LANGUAGE_EN ? "Rectification Notice" : "责令整改通知书");
}

static char *
default_basis (CaseReviewNoticeBook *self)
{
  if (self->language == CASE_REVIEW_NOTICE_LANGUAGE_EN)
    return g_strdup_printf ("the Guangdong Province Regulations on the Supervision of Administrative Law "
                            "Enforcement and the %u administrative enforcement case file review plan", self->year);
  return g_strdup_printf ("《广东省行政执法监督条例》和%u年度行政执法案卷评查工作方案", self->year);
}

static const char *
default_requirements (CaseReviewNoticeBook *self)
{
  if (self->language == CASE_REVIEW_NOTICE_LANGUAGE_EN)
    return "Correct each problem listed: remedy the unlawful decisions according to law; find the weak points in "
           "procedure, document drafting and file management that allowed them and improve the rules concerned; "
           "train the enforcement staff involved so that the same problems do not recur.";
  return "请你单位对照上述问题逐项整改：对存在合法性问题的案件依法予以纠正；查找执法程序、文书制作和案卷管理中的薄弱环节，"
         "完善相关制度；组织执法人员开展针对性培训，防止同类问题再次发生。";
}

static const char *
default_feedback (CaseReviewNoticeBook *self)
{
  if (self->language == CASE_REVIEW_NOTICE_LANGUAGE_EN)
    return "Before the deadline, send this office a written rectification report that explains, problem by "
           "problem, what was done and with what result, with the supporting evidence attached.";
  return "请于整改期限届满前向本机关报送书面整改报告，逐项说明整改措施和整改结果，并附相关证明材料。";
}

static const char *
default_consequences (CaseReviewNoticeBook *self)
{
  if (self->language == CASE_REVIEW_NOTICE_LANGUAGE_EN)
    return "If the problems are not corrected in time or not corrected fully, this office will issue a public "
           "criticism, summon the agency's head for a talk and deduct points in the rule-of-law government "
           "assessment, as the rules provide.";
  return "逾期未整改或者整改不到位的，本机关将依照有关规定予以通报批评、约谈单位主要负责人，并在法治政府建设考评中相应扣分。";
}

static const char *
default_objection_route (CaseReviewNoticeBook *self)
{
  if (self->language == CASE_REVIEW_NOTICE_LANGUAGE_EN)
    return "If the agency disagrees with a finding of this notice, it may object in writing to this office, "
           "with its evidence, within 7 working days of receiving it. An objection does not suspend the "
           "rectification.";
  return "你单位对本通知书认定的问题有异议的，可以自收到本通知书之日起7个工作日内向本机关书面提出，并附相关证据材料。"
         "异议期间不停止整改。";
}

static char *
text_or_default (const char *text,
                 const char *fallback)
{
  return g_strdup (text != NULL ? text : fallback);
}

static gboolean
check_issuer (CaseReviewNoticeBook  *self,
              GError               **error)
{
  if (self->issuer == NULL || *self->issuer == '\0' || self->issuer_code == NULL || *self->issuer_code == '\0')
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("The notice book has no issuer or no issuer code (机关代字): both are needed to issue "
                     "notices"));
      return FALSE;
    }
  if (self->year < 1949 || self->year > 9999)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("The notice book's year %u is not a valid year"), self->year);
      return FALSE;
    }
  return TRUE;
}

/* The deadline of a notice served on @served_on, or NULL with an error. */
static GDate *
compute_deadline (CaseReviewNoticeBook *self,
                  const char           *what,
                  const GDate          *served_on,
                  guint                 n_days,
                  gboolean              working_days,
                  GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  CaseReviewCalendar *calendar = case_review_notice_book_get_calendar (self);
  GDate *deadline = working_days
                    ? case_review_calendar_add_working_days (calendar, served_on, n_days, &local_error)
                    : case_review_calendar_add_calendar_days (calendar, served_on, n_days, &local_error);

  if (deadline == NULL)
    g_set_error (error, local_error->domain, local_error->code, _("%s: the deadline: %s"), what,
                 local_error->message);
  return deadline;
}

static NoticeContent
new_content (CaseReviewNoticeBook *self)
{
  NoticeContent content = { 0 };

  content.language = self->language;
  content.title = self->title != NULL ? g_strdup (self->title) : default_title (self);
  content.issuer = g_strdup (self->issuer);
  content.issuer_code = g_strdup (self->issuer_code);
  content.year = self->year;
  g_date_clear (&content.review_start, 1);
  g_date_clear (&content.review_end, 1);
  content.grade = CASE_REVIEW_GRADE_PASS;
  content.problems = g_ptr_array_new_with_free_func (g_object_unref);
  content.basis = self->basis != NULL ? g_strdup (self->basis) : default_basis (self);
  content.requirements = text_or_default (self->requirements, default_requirements (self));
  content.feedback = text_or_default (self->feedback, default_feedback (self));
  content.consequences = text_or_default (self->consequences, default_consequences (self));
  content.objection_route = text_or_default (self->objection_route, default_objection_route (self));
  content.copy_to = g_strdupv (self->copy_to);
  content.deadline_days = self->deadline_days;
  content.working_days = self->working_days;
  return content;
}

/* Reading the results JSON (docs/formats.md, "Results (JSON)"). */

typedef struct
{
  const char *context;
  GPtrArray *drafts;             /* CaseReviewNotice, the new drafts */
  GHashTable *by_agency;         /* agency id → CaseReviewNotice (borrowed) */
  GHashTable *kinds;             /* agency id → guint[N_KINDS] */
} Generation;

static gboolean
parse_date_member (JsonObject  *object,
                   const char  *member,
                   const char  *context,
                   GDate       *out,
                   GError     **error)
{
  const char *text;

  g_date_clear (out, 1);
  if (!json_members_string (object, member, context, "$", FALSE, &text, error))
    return FALSE;
  if (text != NULL)
    {
      g_date_set_parse (out, text);
      if (!g_date_valid (out) || strlen (text) != 10)
        {
          g_autofree char *path = g_strdup_printf ("$.%s", member);
          g_autofree char *detail = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)"), text);
          return json_members_error (error, context, path, detail);
        }
    }
  return TRUE;
}

static gboolean
read_agency (CaseReviewNoticeBook *self,
             Generation           *generation,
             JsonObject           *agency,
             const char           *path,
             NoticeContent        *base,
             guint                 n_agencies,
             GError              **error)
{
  const char *id, *name, *grade;
  guint rank, files, mean, fail_count, vetoed_files = 0;
  CaseReviewNoticeReason reasons = CASE_REVIEW_NOTICE_REASON_NONE;
  NoticeContent content;
  CaseReviewNotice *notice;

  if (!json_members_string (agency, "agency", generation->context, path, TRUE, &id, error) ||
      !json_members_string (agency, "name", generation->context, path, FALSE, &name, error) ||
      !json_members_string (agency, "grade", generation->context, path, TRUE, &grade, error) ||
      !json_members_uint (agency, "rank", generation->context, path, &rank, error) ||
      !json_members_uint (agency, "files", generation->context, path, &files, error) ||
      !json_members_uint (agency, "mean_hundredths", generation->context, path, &mean, error) ||
      !json_members_uint (agency, "fail_count", generation->context, path, &fail_count, error))
    return FALSE;
  if (json_object_has_member (agency, "vetoed_files") &&
      !json_members_uint (agency, "vetoed_files", generation->context, path, &vetoed_files, error))
    return FALSE;
  if (g_hash_table_contains (generation->by_agency, id))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.agency", path);
      g_autofree char *detail = g_strdup_printf (_("agency “%s” appears twice"), id);
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE, "%s: %s: %s", generation->context,
                   member_path, detail);
      return FALSE;
    }

  if (vetoed_files > 0)
    reasons |= CASE_REVIEW_NOTICE_REASON_VETO;
  if (fail_count > 0)
    reasons |= CASE_REVIEW_NOTICE_REASON_FAILED_FILE;
  if (mean < self->mean_threshold)
    reasons |= CASE_REVIEW_NOTICE_REASON_LOW_MEAN;
  reasons &= self->rules;
  if (reasons == CASE_REVIEW_NOTICE_REASON_NONE)
    {
      g_hash_table_insert (generation->by_agency, (gpointer) id, NULL);
      return TRUE;
    }

  for (guint i = 0; i < self->notices->len; i++)
    {
      CaseReviewNotice *existing = g_ptr_array_index (self->notices, i);

      if (strcmp (case_review_notice_get_agency_id (existing), id) == 0 &&
          case_review_notice_get_state (existing) != CASE_REVIEW_NOTICE_STATE_REVOKED &&
          (case_review_notice_get_reasons (existing) & ~CASE_REVIEW_NOTICE_REASON_CHANNEL) != 0)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                       _("%s: %s: agency “%s” already has a review notice in the book (%s)"), generation->context,
                       path, id, case_review_notice_get_number (existing) != NULL
                                 ? case_review_notice_get_number (existing) : _("a draft"));
          return FALSE;
        }
    }

  content = new_content (self);
  content.agency_id = g_strdup (id);
  content.agency_name = g_strdup (name != NULL && *name != '\0' ? name : id);
  content.reasons = reasons;
  content.review_start = base->review_start;
  content.review_end = base->review_end;
  content.n_files = files;
  content.mean = mean;
  content.n_failed = fail_count;
  content.n_vetoed = vetoed_files;
  content.rank = rank;
  content.n_agencies = n_agencies;
  for (guint g = CASE_REVIEW_GRADE_EXCELLENT; g <= CASE_REVIEW_GRADE_FAIL; g++)
    if (g_strcmp0 (case_review_grade_get_name (g), grade) == 0)
      content.grade = g;

  notice = case_review_notice_new_internal (&content);
  g_ptr_array_add (generation->drafts, notice);
  g_hash_table_insert (generation->by_agency, (gpointer) id, notice);
  return TRUE;
}

static gboolean
read_problem (Generation  *generation,
              JsonObject  *object,
              const char  *path,
              const char  *case_id,
              GPtrArray   *problems,
              GError     **error)
{
  const char *context = generation->context;
  NoticeProblemData data = { 0 };
  const char *severity, *code, *item, *item_title, *item_english_title, *text, *english_text, *basis, *page, *note;

  if (!json_members_string (object, "severity", context, path, TRUE, &severity, error) ||
      !json_members_string (object, "code", context, path, TRUE, &code, error) ||
      !json_members_string (object, "item", context, path, FALSE, &item, error) ||
      !json_members_string (object, "item_title", context, path, FALSE, &item_title, error) ||
      !json_members_string (object, "item_english_title", context, path, FALSE, &item_english_title, error) ||
      !json_members_string (object, "text", context, path, FALSE, &text, error) ||
      !json_members_string (object, "english_text", context, path, FALSE, &english_text, error) ||
      !json_members_string (object, "basis", context, path, FALSE, &basis, error) ||
      !json_members_string (object, "evidence_page", context, path, FALSE, &page, error) ||
      !json_members_string (object, "note", context, path, FALSE, &note, error) ||
      !json_members_uint (object, "occurrences", context, path, &data.occurrences, error) ||
      !json_members_uint (object, "points_tenths", context, path, &data.points_tenths, error))
    return FALSE;

  if (strcmp (severity, "veto") == 0)
    data.severity = CASE_REVIEW_PROBLEM_SEVERITY_VETO;
  else if (strcmp (severity, "deduction") == 0)
    data.severity = CASE_REVIEW_PROBLEM_SEVERITY_DEDUCTION;
  else
    {
      g_autofree char *member_path = g_strdup_printf ("%s.severity", path);
      g_autofree char *detail = g_strdup_printf (_("unknown severity “%s”: expected deduction or veto"), severity);
      return json_members_error (error, context, member_path, detail);
    }

  data.case_id = g_strdup (case_id);
  data.code = g_strdup (code);
  data.item_code = g_strdup (item);
  data.item_title = g_strdup (item_title);
  data.item_english_title = g_strdup (item_english_title);
  data.text = g_strdup (text != NULL && *text != '\0' ? text : code);
  data.english_text = g_strdup (english_text);
  data.basis = g_strdup (basis);
  data.evidence_page = g_strdup (page);
  data.note = g_strdup (note);
  g_ptr_array_add (problems, case_review_notice_problem_new_internal (&data));
  return TRUE;
}

static gboolean
read_case (Generation  *generation,
           JsonObject  *object,
           const char  *path,
           GError     **error)
{
  const char *context = generation->context;
  const char *case_id, *agency, *kind_name;
  CaseReviewNotice *notice;
  CaseReviewEnforcementKind kind;
  JsonArray *problems;
  guint *kinds;
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func (g_object_unref);

  if (!json_members_string (object, "case_id", context, path, TRUE, &case_id, error) ||
      !json_members_string (object, "agency", context, path, TRUE, &agency, error) ||
      !json_members_string (object, "kind", context, path, TRUE, &kind_name, error))
    return FALSE;
  if (!case_review_enforcement_kind_parse (kind_name, &kind))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.kind", path);
      g_autofree char *detail = g_strdup_printf (_("unknown enforcement kind “%s”"), kind_name);
      return json_members_error (error, context, member_path, detail);
    }
  if (!g_hash_table_lookup_extended (generation->by_agency, agency, NULL, (gpointer *) &notice))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.agency", path);
      g_autofree char *detail = g_strdup_printf (_("agency “%s” is not in the results' agencies"), agency);
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND, "%s: %s: %s", context, member_path, detail);
      return FALSE;
    }
  if ((problems = json_members_array (object, "problems", context, path, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      g_autofree char *problem_path = g_strdup_printf ("%s.problems[%u]", path, i);
      JsonNode *node = json_array_get_element (problems, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return json_members_error (error, context, problem_path, _("expected an object"));
      if (!read_problem (generation, json_node_get_object (node), problem_path, case_id, read, error))
        return FALSE;
    }

  if (notice == NULL)
    return TRUE;
  kinds = g_hash_table_lookup (generation->kinds, agency);
  if (kinds == NULL)
    {
      kinds = g_new0 (guint, CASE_REVIEW_N_ENFORCEMENT_KINDS);
      g_hash_table_insert (generation->kinds, (gpointer) agency, kinds);
    }
  kinds[kind]++;
  for (guint i = 0; i < read->len; i++)
    case_review_notice_append_problem_internal (notice, g_ptr_array_index (read, i), CASE_REVIEW_NOTICE_REASON_NONE);
  return TRUE;
}

/* Problems in reading order: vetoes first, then by rubric item, case, code. */
static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  CaseReviewNoticeProblem *x = *(CaseReviewNoticeProblem * const *) a;
  CaseReviewNoticeProblem *y = *(CaseReviewNoticeProblem * const *) b;
  int cmp;

  if (case_review_notice_problem_get_severity (x) != case_review_notice_problem_get_severity (y))
    return case_review_notice_problem_get_severity (x) == CASE_REVIEW_PROBLEM_SEVERITY_VETO ? -1 :
           case_review_notice_problem_get_severity (y) == CASE_REVIEW_PROBLEM_SEVERITY_VETO ? 1 :
           (int) case_review_notice_problem_get_severity (x) - (int) case_review_notice_problem_get_severity (y);
  /* Item codes repeat across kinds with other titles: the title keeps each
   * rubric item's problems together. */
  if ((cmp = g_utf8_collate (case_review_notice_problem_get_item_code (x), case_review_notice_problem_get_item_code (y))) != 0 ||
      (cmp = strcmp (case_review_notice_problem_get_item_title (x), case_review_notice_problem_get_item_title (y))) != 0 ||
      (cmp = strcmp (case_review_notice_problem_get_case_id (x), case_review_notice_problem_get_case_id (y))) != 0)
    return cmp;
  return strcmp (case_review_notice_problem_get_code (x), case_review_notice_problem_get_code (y));
}

/* Rebuilds @notice's problems in reading order, and sets its kind counts. */
static CaseReviewNotice *
finish_draft (CaseReviewNotice *notice,
              const guint      *kinds)
{
  const NoticeContent *old = case_review_notice_get_content_internal (notice);
  NoticeContent content = *old;

  /* A fresh notice takes over the content with its problems sorted. */
  content.title = g_strdup (old->title);
  content.issuer = g_strdup (old->issuer);
  content.issuer_code = g_strdup (old->issuer_code);
  content.agency_id = g_strdup (old->agency_id);
  content.agency_name = g_strdup (old->agency_name);
  content.problems = g_ptr_array_copy (old->problems, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (content.problems, g_object_unref);
  g_ptr_array_sort (content.problems, compare_problems);
  content.basis = g_strdup (old->basis);
  content.requirements = g_strdup (old->requirements);
  content.feedback = g_strdup (old->feedback);
  content.consequences = g_strdup (old->consequences);
  content.objection_route = g_strdup (old->objection_route);
  content.copy_to = g_strdupv (old->copy_to);
  if (kinds != NULL)
    memcpy (content.kind_n_files, kinds, sizeof content.kind_n_files);
  return case_review_notice_new_internal (&content);
}

static void
append_notices (CaseReviewNoticeBook *self,
                GPtrArray            *drafts)
{
  guint position = self->notices->len;

  for (guint i = 0; i < drafts->len; i++)
    g_ptr_array_add (self->notices, g_object_ref (g_ptr_array_index (drafts, i)));
  if (drafts->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, drafts->len);
}

static gboolean
plan_service (CaseReviewNoticeBook  *self,
              GPtrArray             *drafts,
              const GDate           *served_on,
              GError               **error)
{
  g_autoptr(GPtrArray) deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_free);

  if (served_on == NULL)
    return TRUE;
  for (guint i = 0; i < drafts->len; i++)
    {
      CaseReviewNotice *notice = g_ptr_array_index (drafts, i);
      g_autofree char *what = g_strdup_printf (_("the notice to %s"), case_review_notice_get_agency_name (notice));
      GDate *deadline = compute_deadline (self, what, served_on, case_review_notice_get_deadline_days (notice),
                                          case_review_notice_get_working_days (notice), error);

      if (deadline == NULL)
        return FALSE;
      g_ptr_array_add (deadlines, deadline);
    }
  for (guint i = 0; i < drafts->len; i++)
    case_review_notice_set_dates_internal (g_ptr_array_index (drafts, i), NULL, served_on,
                                           g_ptr_array_index (deadlines, i));
  return TRUE;
}

/**
 * case_review_notice_book_generate_from_results:
 * @self: a book
 * @results_json: results in the format
 *   [method@CaseReview.Evaluation.to_json] writes
 * @source_name: (nullable): what to call the results in errors, e.g. their
 *   file name
 * @served_on: (nullable): the planned service date, from which the drafts'
 *   deadlines are computed (serving a notice later recomputes its deadline)
 * @error: return location for a #GError
 *
 * Makes a draft for every agency of the results that one of the book's
 * rules selects, with every problem the agency's files have, and adds the
 * drafts to the book in ranking order.
 *
 * Errors: %CASE_REVIEW_ERROR_PARSE for text that is not JSON;
 * %CASE_REVIEW_ERROR_INVALID naming the JSON path of a missing or wrong
 * member, for results of another year than the book's, or a book without
 * issuer data; %CASE_REVIEW_ERROR_DUPLICATE for an agency that already has
 * a review notice in the book; %CASE_REVIEW_ERROR_NOT_FOUND when the
 * deadline falls in a year the calendar has no data for. Nothing is added
 * on error.
 *
 * Returns: (transfer full): a list model of the new drafts (possibly
 *   empty), or %NULL on error
 *
 * Since: 0.1
 */
GListModel *
case_review_notice_book_generate_from_results (CaseReviewNoticeBook  *self,
                                               const char            *results_json,
                                               const char            *source_name,
                                               const GDate           *served_on,
                                               GError               **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_agency = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  Generation generation = { source_name != NULL ? source_name : "results", drafts, by_agency, kinds };
  g_autoptr(GPtrArray) finished = g_ptr_array_new_with_free_func (g_object_unref);
  NoticeContent base = { 0 };
  JsonObject *root;
  JsonArray *agencies, *cases;
  guint year;
  GListStore *result;

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), NULL);
  g_return_val_if_fail (results_json != NULL, NULL);
  g_return_val_if_fail (served_on == NULL || g_date_valid (served_on), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_issuer (self, error))
    return NULL;
  root = json_members_load_document (parser, results_json, generation.context, RESULTS_FORMAT, RESULTS_VERSION,
                                     error);
  if (root == NULL)
    return NULL;
  if (!json_members_uint (root, "year", generation.context, "$", &year, error))
    return NULL;
  if (year != self->year)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("%s: $.year: the results are for %u, the notice book is for %u"), generation.context, year,
                   self->year);
      return NULL;
    }
  if (!parse_date_member (root, "review_start", generation.context, &base.review_start, error) ||
      !parse_date_member (root, "review_end", generation.context, &base.review_end, error))
    return NULL;
  if ((agencies = json_members_array (root, "agencies", generation.context, "$", error)) == NULL ||
      (cases = json_members_array (root, "cases", generation.context, "$", error)) == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (agencies); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.agencies[%u]", i);
      JsonNode *node = json_array_get_element (agencies, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          json_members_error (error, generation.context, path, _("expected an object"));
          return NULL;
        }
      if (!read_agency (self, &generation, json_node_get_object (node), path, &base,
                        json_array_get_length (agencies), error))
        return NULL;
    }
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.cases[%u]", i);
      JsonNode *node = json_array_get_element (cases, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          json_members_error (error, generation.context, path, _("expected an object"));
          return NULL;
        }
      if (!read_case (&generation, json_node_get_object (node), path, error))
        return NULL;
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      CaseReviewNotice *draft = g_ptr_array_index (drafts, i);
      g_ptr_array_add (finished, finish_draft (draft, g_hash_table_lookup (kinds, case_review_notice_get_agency_id (draft))));
    }
  if (!plan_service (self, finished, served_on, error))
    return NULL;

  append_notices (self, finished);
  result = g_list_store_new (CASE_REVIEW_TYPE_NOTICE);
  for (guint i = 0; i < finished->len; i++)
    g_list_store_append (result, g_ptr_array_index (finished, i));
  return G_LIST_MODEL (result);
}

/**
 * case_review_notice_book_generate:
 * @self: a book
 * @evaluation: an evaluation with its score sheets
 * @served_on: (nullable): the planned service date
 * @error: return location for a #GError
 *
 * [method@CaseReview.NoticeBook.generate_from_results] on the evaluation's
 * results ([method@CaseReview.Evaluation.to_json]).
 *
 * Returns: (transfer full): a list model of the new drafts, or %NULL on
 *   error
 *
 * Since: 0.1
 */
GListModel *
case_review_notice_book_generate (CaseReviewNoticeBook  *self,
                                  CaseReviewEvaluation  *evaluation,
                                  const GDate           *served_on,
                                  GError               **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), NULL);
  g_return_val_if_fail (CASE_REVIEW_IS_EVALUATION (evaluation), NULL);

  json = case_review_evaluation_to_json (evaluation);
  return case_review_notice_book_generate_from_results (self, json, _("the evaluation"), served_on, error);
}

/**
 * case_review_notice_book_add_channel_findings:
 * @self: a book
 * @findings: a list model of [class@CaseReview.ChannelFinding], e.g. from
 *   [method@CaseReview.ChannelEvaluation.get_findings]
 * @served_on: (nullable): the planned service date of new drafts
 * @error: return location for a #GError
 *
 * Adds each failed complaint channel as a problem of its agency's draft,
 * making a draft for agencies that have none, when the book's rules include
 * %CASE_REVIEW_NOTICE_REASON_CHANNEL. Findings for an agency whose notice
 * is already issued go into a new draft.
 *
 * Returns: (transfer full): a list model of the new drafts (drafts that got
 *   findings added are not in it), or %NULL on error
 *
 * Since: 0.1
 */
GListModel *
case_review_notice_book_add_channel_findings (CaseReviewNoticeBook  *self,
                                              GListModel            *findings,
                                              const GDate           *served_on,
                                              GError               **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  GListStore *result;

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (findings), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_issuer (self, error))
    return NULL;
  result = g_list_store_new (CASE_REVIEW_TYPE_NOTICE);
  if ((self->rules & CASE_REVIEW_NOTICE_REASON_CHANNEL) == 0)
    return G_LIST_MODEL (result);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CaseReviewChannelFinding) finding = g_list_model_get_item (findings, i);
      const char *agency = case_review_channel_finding_get_agency_id (finding);
      CaseReviewNotice *target = case_review_notice_book_lookup_draft (self, agency);
      NoticeProblemData data = { 0 };
      CaseReviewChannelFailure failure = case_review_channel_finding_get_failure (finding);

      for (guint d = 0; target == NULL && d < drafts->len; d++)
        if (strcmp (case_review_notice_get_agency_id (g_ptr_array_index (drafts, d)), agency) == 0)
          target = g_ptr_array_index (drafts, d);
      if (target == NULL)
        {
          NoticeContent content = new_content (self);

          content.agency_id = g_strdup (agency);
          content.agency_name = g_strdup (case_review_channel_finding_get_agency_name (finding));
          target = case_review_notice_new_internal (&content);
          g_ptr_array_add (drafts, target);
        }

      data.severity = CASE_REVIEW_PROBLEM_SEVERITY_CHANNEL;
      data.case_id = g_strdup (case_review_channel_finding_get_address (finding));
      data.item_code = g_strdup ("C");
      data.item_title = g_strdup ("投诉渠道畅通性");
      data.item_english_title = g_strdup ("Complaint channels");
      data.code = g_strdup (case_review_channel_failure_get_name (failure));
      data.text = case_review_channel_finding_dup_summary (finding);
      data.english_text = case_review_channel_finding_dup_english_summary (finding);
      data.basis = g_strdup (case_review_channel_failure_get_label (failure));
      data.occurrences = 1;
      g_ptr_array_add (problems, case_review_notice_problem_new_internal (&data));
      g_ptr_array_add (targets, target);
    }

  if (!plan_service (self, drafts, served_on, error))
    {
      g_object_unref (result);
      return NULL;
    }
  for (guint i = 0; i < problems->len; i++)
    case_review_notice_append_problem_internal (g_ptr_array_index (targets, i), g_ptr_array_index (problems, i),
                                                CASE_REVIEW_NOTICE_REASON_CHANNEL);
  append_notices (self, drafts);
  for (guint i = 0; i < drafts->len; i++)
    g_list_store_append (result, g_ptr_array_index (drafts, i));
  return G_LIST_MODEL (result);
}

/**
 * case_review_notice_book_lookup:
 * @self: a book
 * @number: a document number (罗司〔2020〕12号) or a serial number (`12`)
 *
 * Gets the issued notice with that number.
 *
 * Returns: (transfer none) (nullable): the issued notice with that number
 *
 * Since: 0.1
 */
CaseReviewNotice *
case_review_notice_book_lookup (CaseReviewNoticeBook *self,
                                const char           *number)
{
  guint64 serial;

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &serial, NULL))
    return case_review_notice_book_lookup_serial (self, (guint) serial);
  for (guint i = 0; i < self->notices->len; i++)
    {
      CaseReviewNotice *notice = g_ptr_array_index (self->notices, i);

      if (g_strcmp0 (case_review_notice_get_number (notice), number) == 0)
        return notice;
    }
  return NULL;
}

/**
 * case_review_notice_book_lookup_serial:
 * @self: a book
 * @serial: a serial number, from 1
 *
 * Gets the issued notice with that serial.
 *
 * Returns: (transfer none) (nullable): the issued notice with that serial
 *
 * Since: 0.1
 */
CaseReviewNotice *
case_review_notice_book_lookup_serial (CaseReviewNoticeBook *self,
                                       guint                 serial)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), NULL);

  for (guint i = 0; serial > 0 && i < self->notices->len; i++)
    if (case_review_notice_get_serial (g_ptr_array_index (self->notices, i)) == serial)
      return g_ptr_array_index (self->notices, i);
  return NULL;
}

/**
 * case_review_notice_book_lookup_draft:
 * @self: a book
 * @agency_id: an agency id
 *
 * Gets the agency's draft, if it has one.
 *
 * Returns: (transfer none) (nullable): the agency's draft, if it has one
 *
 * Since: 0.1
 */
CaseReviewNotice *
case_review_notice_book_lookup_draft (CaseReviewNoticeBook *self,
                                      const char           *agency_id)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), NULL);
  g_return_val_if_fail (agency_id != NULL, NULL);

  for (guint i = 0; i < self->notices->len; i++)
    {
      CaseReviewNotice *notice = g_ptr_array_index (self->notices, i);

      if (case_review_notice_get_state (notice) == CASE_REVIEW_NOTICE_STATE_DRAFT &&
          strcmp (case_review_notice_get_agency_id (notice), agency_id) == 0)
        return notice;
    }
  return NULL;
}

static char *
describe (CaseReviewNotice *notice)
{
  if (case_review_notice_get_number (notice) != NULL)
    return g_strdup (case_review_notice_get_number (notice));
  return g_strdup_printf (_("the draft to %s"), case_review_notice_get_agency_name (notice));
}

static GDateTime *
last_event_time (CaseReviewNotice *notice)
{
  GListModel *history = case_review_notice_get_history (notice);
  guint n = g_list_model_get_n_items (history);
  g_autoptr(CaseReviewNoticeEvent) last = n > 0 ? g_list_model_get_item (history, n - 1) : NULL;

  return last != NULL ? g_date_time_ref (case_review_notice_event_get_time (last)) : NULL;
}

static void
date_of (GDateTime *at,
         GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (at), g_date_time_get_month (at), g_date_time_get_year (at));
}

static char *
allowed_targets (CaseReviewNoticeState from)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint to = CASE_REVIEW_NOTICE_STATE_DRAFT; to <= CASE_REVIEW_NOTICE_STATE_CLOSED; to++)
    if (case_review_notice_state_can_transition (from, to))
      g_string_append_printf (text, "%s“%s”", text->len > 0 ? ", " : "", case_review_notice_state_get_name (to));
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup (_("nothing: it is final"));
}

static void
record (CaseReviewNotice      *notice,
        CaseReviewNoticeState  from,
        CaseReviewNoticeState  to,
        GDateTime             *at,
        const char            *actor,
        const char            *note)
{
  g_autoptr(CaseReviewNoticeEvent) event = case_review_notice_event_new_internal (from, to, at, actor, note);
  case_review_notice_record_internal (notice, event);
}

/**
 * case_review_notice_book_transition:
 * @self: a book
 * @notice: one of the book's notices
 * @to: the state to move it to
 * @actor: who does it
 * @at: when; not earlier than the notice's last event
 * @note: (nullable): why, or what was done
 * @error: return location for a #GError
 *
 * Moves @notice along its lifecycle ([enum@CaseReview.NoticeState]) and
 * records the event in its history. Issuing gives the notice the book's next
 * number and its issue date; serving sets the service date and computes the
 * deadline; reminding and escalating need the notice to be overdue at @at;
 * rejecting a response sends the notice back to
 * %CASE_REVIEW_NOTICE_STATE_ISSUED at once, to be served again with a new
 * deadline.
 *
 * Errors: %CASE_REVIEW_ERROR_STATE for a transition the lifecycle does not
 * allow (the message names both states and the allowed ones) or a reminder
 * before the deadline has passed; %CASE_REVIEW_ERROR_INVALID for a missing
 * actor, a time before the last event, a book without issuer data;
 * %CASE_REVIEW_ERROR_NOT_FOUND for a notice not in the book or a deadline in
 * a year the calendar has no data for. The notice is unchanged on error.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_notice_book_transition (CaseReviewNoticeBook   *self,
                                    CaseReviewNotice       *notice,
                                    CaseReviewNoticeState   to,
                                    const char             *actor,
                                    GDateTime              *at,
                                    const char             *note,
                                    GError                **error)
{
  CaseReviewNoticeState from;
  g_autofree char *what = NULL;
  g_autoptr(GDateTime) last = NULL;
  GDate day;

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (notice), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  what = describe (notice);
  if (!g_ptr_array_find (self->notices, notice, NULL))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND, _("%s is not in this notice book"), what);
      return FALSE;
    }
  if (case_review_notice_state_get_name (to) == NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, _("%s: %d is not a notice state"), what,
                   (int) to);
      return FALSE;
    }
  from = case_review_notice_get_state (notice);
  if (!case_review_notice_state_can_transition (from, to))
    {
      g_autofree char *allowed = allowed_targets (from);
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE,
                   _("%s: cannot go from “%s” to “%s”; from “%s” it can go to %s"), what,
                   case_review_notice_state_get_name (from), case_review_notice_state_get_name (to),
                   case_review_notice_state_get_name (from), allowed);
      return FALSE;
    }
  if (actor == NULL || *actor == '\0')
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("%s: a transition needs an actor (who did it)"), what);
      return FALSE;
    }
  last = last_event_time (notice);
  if (last != NULL && g_date_time_compare (at, last) < 0)
    {
      g_autofree char *at_text = g_date_time_format_iso8601 (at);
      g_autofree char *last_text = g_date_time_format_iso8601 (last);
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("%s: the transition at %s is earlier than the notice's last event at %s"), what, at_text,
                   last_text);
      return FALSE;
    }
  date_of (at, &day);

  switch (to)
    {
    case CASE_REVIEW_NOTICE_STATE_ISSUED:
      {
        guint serial = case_review_notice_get_serial (notice);

        if (!check_issuer (self, error))
          return FALSE;
        /* A notice issued again after a rejected response keeps its number. */
        if (serial == 0)
          {
            serial = self->next_serial++;
            case_review_notice_set_serial_internal (notice, serial);
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_SERIAL]);
            case_review_notice_set_dates_internal (notice, &day, case_review_notice_get_served_on (notice),
                                                   case_review_notice_get_deadline (notice));
          }
        record (notice, from, to, at, actor, note);
        return TRUE;
      }
    case CASE_REVIEW_NOTICE_STATE_SERVED:
      {
        g_autoptr(GDate) deadline = compute_deadline (self, what, &day, case_review_notice_get_deadline_days (notice),
                                                      case_review_notice_get_working_days (notice), error);
        if (deadline == NULL)
          return FALSE;
        case_review_notice_set_dates_internal (notice, case_review_notice_get_issued_on (notice), &day, deadline);
        record (notice, from, to, at, actor, note);
        return TRUE;
      }
    case CASE_REVIEW_NOTICE_STATE_REMINDED:
    case CASE_REVIEW_NOTICE_STATE_ESCALATED:
      if (!case_review_notice_is_overdue (notice, &day))
        {
          char deadline[64] = "";

          if (case_review_notice_get_deadline (notice) != NULL)
            g_date_strftime (deadline, sizeof deadline, "%Y-%m-%d", case_review_notice_get_deadline (notice));
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE,
                       _("%s: cannot go from “%s” to “%s”: the notice is not overdue on %04u-%02u-%02u "
                         "(deadline %s)"), what, case_review_notice_state_get_name (from),
                       case_review_notice_state_get_name (to), g_date_get_year (&day), g_date_get_month (&day),
                       g_date_get_day (&day), deadline);
          return FALSE;
        }
      record (notice, from, to, at, actor, note);
      return TRUE;
    case CASE_REVIEW_NOTICE_STATE_RESPONSE_REJECTED:
      record (notice, from, to, at, actor, note);
      /* Back to issued at once: the new deadline runs from the next service. */
      case_review_notice_set_dates_internal (notice, case_review_notice_get_issued_on (notice), NULL, NULL);
      record (notice, CASE_REVIEW_NOTICE_STATE_RESPONSE_REJECTED, CASE_REVIEW_NOTICE_STATE_ISSUED, at, actor,
              notice != NULL && case_review_notice_get_language (notice) == CASE_REVIEW_NOTICE_LANGUAGE_EN
              ? "issued again; the new deadline runs from the next service"
              : "重新下达，整改期限自再次送达之日起重新计算");
      return TRUE;
    default:
      record (notice, from, to, at, actor, note);
      return TRUE;
    }
}

/**
 * case_review_notice_book_discard_draft:
 * @self: a book
 * @notice: a draft of the book
 * @error: return location for a #GError
 *
 * Removes a draft. Issued notices cannot be removed (their numbers must
 * stay accounted for); revoke them instead.
 *
 * Returns: %TRUE on success; %FALSE with %CASE_REVIEW_ERROR_STATE for a
 *   notice that is not a draft, %CASE_REVIEW_ERROR_NOT_FOUND for one not in
 *   the book
 *
 * Since: 0.1
 */
gboolean
case_review_notice_book_discard_draft (CaseReviewNoticeBook  *self,
                                       CaseReviewNotice      *notice,
                                       GError               **error)
{
  guint position;
  g_autofree char *what = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE (notice), FALSE);

  what = describe (notice);
  if (!g_ptr_array_find (self->notices, notice, &position))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND, _("%s is not in this notice book"), what);
      return FALSE;
    }
  if (case_review_notice_get_state (notice) != CASE_REVIEW_NOTICE_STATE_DRAFT)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE,
                   _("%s is “%s”, not a draft: issued notices are revoked, never removed"), what,
                   case_review_notice_state_get_name (case_review_notice_get_state (notice)));
      return FALSE;
    }
  g_ptr_array_remove_index (self->notices, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/* The book file (docs/notices.md). */

static const char * const rule_names[] = { "veto", "failed_file", "low_mean", "channel" };

/**
 * case_review_notice_book_to_json:
 * @self: a book
 *
 * The book as JSON: its issuer, year, counter, settings and every notice
 * with its problems and history (`docs/notices.md`).
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 0.1
 */
char *
case_review_notice_book_to_json (CaseReviewNoticeBook *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const struct { const char *name; const char *value; } texts[] = {
    { "title", self->title }, { "basis", self->basis }, { "requirements", self->requirements },
    { "feedback", self->feedback }, { "consequences", self->consequences },
    { "objection_route", self->objection_route },
  };

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, BOOK_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, BOOK_VERSION);
  json_builder_set_member_name (builder, "issuer");
  json_builder_add_string_value (builder, self->issuer != NULL ? self->issuer : "");
  json_builder_set_member_name (builder, "issuer_code");
  json_builder_add_string_value (builder, self->issuer_code != NULL ? self->issuer_code : "");
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, self->year);
  json_builder_set_member_name (builder, "next_serial");
  json_builder_add_int_value (builder, self->next_serial);
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, self->language == CASE_REVIEW_NOTICE_LANGUAGE_EN ? "en" : "zh_CN");
  json_builder_set_member_name (builder, "deadline_days");
  json_builder_add_int_value (builder, self->deadline_days);
  json_builder_set_member_name (builder, "working_days");
  json_builder_add_boolean_value (builder, self->working_days);
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (rule_names); i++)
    if (self->rules & (1u << i))
      json_builder_add_string_value (builder, rule_names[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "mean_threshold_hundredths");
  json_builder_add_int_value (builder, self->mean_threshold);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      json_builder_set_member_name (builder, texts[i].name);
      if (texts[i].value != NULL)
        json_builder_add_string_value (builder, texts[i].value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "copy_to");
  json_builder_begin_array (builder);
  for (guint i = 0; self->copy_to[i] != NULL; i++)
    json_builder_add_string_value (builder, self->copy_to[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "notices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->notices->len; i++)
    json_builder_add_value (builder, case_review_notice_to_json_node_internal (g_ptr_array_index (self->notices, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

/* Replays a loaded notice's history through the lifecycle and checks its
 * number against the book. */
static gboolean
check_loaded_notice (CaseReviewNoticeBook  *self,
                     CaseReviewNotice      *notice,
                     const char            *context,
                     const char            *path,
                     GError               **error)
{
  GListModel *history = case_review_notice_get_history (notice);
  CaseReviewNoticeState state = CASE_REVIEW_NOTICE_STATE_DRAFT;
  g_autoptr(GDateTime) previous = NULL;
  gboolean issued = FALSE;

  if (g_strcmp0 (case_review_notice_get_issuer_code (notice), self->issuer_code) != 0 ||
      case_review_notice_get_year (notice) != self->year)
    return json_members_error (error, context, path, _("the notice belongs to another issuer code or year"));

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(CaseReviewNoticeEvent) event = g_list_model_get_item (history, i);
      g_autofree char *event_path = g_strdup_printf ("%s.history[%u]", path, i);
      CaseReviewNoticeState from = case_review_notice_event_get_from_state (event);
      CaseReviewNoticeState to = case_review_notice_event_get_to_state (event);
      GDateTime *at = case_review_notice_event_get_time (event);

      if (from != state || !case_review_notice_state_can_transition (from, to))
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE,
                       _("%s: %s: cannot go from “%s” to “%s” (the notice was “%s”)"), context, event_path,
                       case_review_notice_state_get_name (from), case_review_notice_state_get_name (to),
                       case_review_notice_state_get_name (state));
          return FALSE;
        }
      if (previous != NULL && g_date_time_compare (at, previous) < 0)
        return json_members_error (error, context, event_path, _("the event is earlier than the one before it"));
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_date_time_ref (at);
      issued |= to == CASE_REVIEW_NOTICE_STATE_ISSUED;
      state = to;
    }
  if (state == CASE_REVIEW_NOTICE_STATE_RESPONSE_REJECTED)
    return json_members_error (error, context, path, _("a rejected response must be followed by the notice being "
                                                       "issued again"));
  if (issued != (case_review_notice_get_serial (notice) > 0))
    return json_members_error (error, context, path, issued ? _("an issued notice needs a serial number")
                                                            : _("a draft cannot have a serial number"));
  return TRUE;
}

static gboolean
read_book_settings (CaseReviewNoticeBook  *self,
                    JsonObject            *root,
                    const char            *context,
                    GError               **error)
{
  const char *issuer, *issuer_code, *language;
  g_autofree char *texts[6] = { NULL };
  const char *names[] = { "title", "basis", "requirements", "feedback", "consequences", "objection_route" };
  JsonArray *rules, *copy_to;

  if (!json_members_string (root, "issuer", context, "$", TRUE, &issuer, error) ||
      !json_members_string (root, "issuer_code", context, "$", TRUE, &issuer_code, error) ||
      !json_members_uint (root, "year", context, "$", &self->year, error) ||
      !json_members_uint (root, "next_serial", context, "$", &self->next_serial, error) ||
      !json_members_string (root, "language", context, "$", TRUE, &language, error) ||
      !json_members_uint (root, "deadline_days", context, "$", &self->deadline_days, error) ||
      !json_members_boolean (root, "working_days", context, "$", &self->working_days, error) ||
      !json_members_uint (root, "mean_threshold_hundredths", context, "$", &self->mean_threshold, error))
    return FALSE;
  if (self->next_serial == 0)
    return json_members_error (error, context, "$.next_serial", _("serial numbers start at 1"));
  if (self->deadline_days == 0)
    return json_members_error (error, context, "$.deadline_days", _("the period must be at least one day"));
  if (strcmp (language, "zh_CN") != 0 && strcmp (language, "en") != 0)
    return json_members_error (error, context, "$.language", _("expected “zh_CN” or “en”"));
  self->language = strcmp (language, "en") == 0 ? CASE_REVIEW_NOTICE_LANGUAGE_EN : CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN;
  self->issuer = g_strdup (issuer);
  self->issuer_code = g_strdup (issuer_code);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *text;

      if (!json_members_string (root, names[i], context, "$", FALSE, &text, error))
        return FALSE;
      texts[i] = g_strdup (text);
    }
  self->title = g_steal_pointer (&texts[0]);
  self->basis = g_steal_pointer (&texts[1]);
  self->requirements = g_steal_pointer (&texts[2]);
  self->feedback = g_steal_pointer (&texts[3]);
  self->consequences = g_steal_pointer (&texts[4]);
  self->objection_route = g_steal_pointer (&texts[5]);

  if ((rules = json_members_array (root, "rules", context, "$", error)) == NULL ||
      (copy_to = json_members_array (root, "copy_to", context, "$", error)) == NULL)
    return FALSE;
  self->rules = CASE_REVIEW_NOTICE_REASON_NONE;
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      const char *name = json_array_get_string_element (rules, i);
      guint r;

      for (r = 0; name != NULL && r < G_N_ELEMENTS (rule_names); r++)
        if (strcmp (name, rule_names[r]) == 0)
          break;
      if (name == NULL || r == G_N_ELEMENTS (rule_names))
        {
          g_autofree char *path = g_strdup_printf ("$.rules[%u]", i);
          return json_members_error (error, context, path,
                                     _("expected veto, failed_file, low_mean or channel"));
        }
      self->rules |= 1u << r;
    }
  g_strfreev (self->copy_to);
  self->copy_to = g_new0 (char *, json_array_get_length (copy_to) + 1);
  for (guint i = 0; i < json_array_get_length (copy_to); i++)
    {
      const char *name = json_array_get_string_element (copy_to, i);

      if (name == NULL)
        {
          g_autofree char *path = g_strdup_printf ("$.copy_to[%u]", i);
          return json_members_error (error, context, path, _("expected a string"));
        }
      self->copy_to[i] = g_strdup (name);
    }
  return TRUE;
}

/**
 * case_review_notice_book_new_from_json:
 * @json: a book as [method@CaseReview.NoticeBook.to_json] writes it
 * @source_name: (nullable): what to call the text in errors, e.g. its file
 *   name
 * @error: return location for a #GError
 *
 * Reads a book back and checks it: every member's type, every notice's
 * history against the lifecycle (a hand-edited history that skips a step
 * is a %CASE_REVIEW_ERROR_STATE error), and the numbering: serial numbers
 * unique, below `next_serial`, with none missing.
 *
 * Returns: (transfer full) (nullable): the book, or %NULL with an error
 *   naming the JSON path
 *
 * Since: 0.1
 */
CaseReviewNoticeBook *
case_review_notice_book_new_from_json (const char  *json,
                                       const char  *source_name,
                                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CaseReviewNoticeBook) self = g_object_new (CASE_REVIEW_TYPE_NOTICE_BOOK, NULL);
  const char *context = source_name != NULL ? source_name : "notices";
  g_autofree gboolean *seen = NULL;
  JsonObject *root;
  JsonArray *notices;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = json_members_load_document (parser, json, context, BOOK_FORMAT, BOOK_VERSION, error);
  if (root == NULL || !read_book_settings (self, root, context, error))
    return NULL;
  if ((notices = json_members_array (root, "notices", context, "$", error)) == NULL)
    return NULL;

  seen = g_new0 (gboolean, self->next_serial);
  for (guint i = 0; i < json_array_get_length (notices); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.notices[%u]", i);
      JsonNode *node = json_array_get_element (notices, i);
      g_autoptr(CaseReviewNotice) notice = NULL;
      guint serial;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          json_members_error (error, context, path, _("expected an object"));
          return NULL;
        }
      notice = case_review_notice_new_from_json_internal (json_node_get_object (node), path, context, error);
      if (notice == NULL || !check_loaded_notice (self, notice, context, path, error))
        return NULL;
      serial = case_review_notice_get_serial (notice);
      if (serial >= self->next_serial)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                       _("%s: %s.serial: %u is not below the book's next serial number %u"), context, path, serial,
                       self->next_serial);
          return NULL;
        }
      if (serial > 0 && seen[serial])
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                       _("%s: %s.serial: number %u is given twice"), context, path, serial);
          return NULL;
        }
      seen[serial] = TRUE;
      g_ptr_array_add (self->notices, g_steal_pointer (&notice));
    }
  for (guint serial = 1; serial < self->next_serial; serial++)
    if (!seen[serial])
      {
        g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                     _("%s: $.notices: number %u is missing (numbers are issued without gaps up to %u)"), context,
                     serial, self->next_serial - 1);
        return NULL;
      }
  return g_steal_pointer (&self);
}

/**
 * case_review_notice_book_new_from_file:
 * @file: a book file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * [ctor@CaseReview.NoticeBook.new_from_json] on a file's contents; errors
 * are prefixed with the file's name.
 *
 * Returns: (transfer full) (nullable): the book
 *
 * Since: 0.1
 */
CaseReviewNoticeBook *
case_review_notice_book_new_from_file (GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  g_autofree char *contents = NULL, *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  name = g_file_get_basename (file);
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_ENCODING, _("%s: the file is not UTF-8"), name);
      return NULL;
    }
  return case_review_notice_book_new_from_json (contents, name, error);
}

/**
 * case_review_notice_book_save_to_file:
 * @self: a book
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes [method@CaseReview.NoticeBook.to_json] to @file, replacing it only
 * once everything is written.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_notice_book_save_to_file (CaseReviewNoticeBook  *self,
                                      GFile                 *file,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  json = case_review_notice_book_to_json (self);
  return g_file_replace_contents (file, json, strlen (json), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}

/**
 * case_review_notice_book_render:
 * @self: a book
 * @format: any format but %CASE_REVIEW_NOTICE_FORMAT_PDF
 * @error: return location for a #GError
 *
 * Renders every notice of the book into one document: text notices
 * separated by form feeds, Markdown ones by rules, HTML ones as one document
 * with a page break between notices, JSON as the book file.
 *
 * Returns: (transfer full) (nullable): the document
 *
 * Since: 0.1
 */
char *
case_review_notice_book_render (CaseReviewNoticeBook    *self,
                                CaseReviewNoticeFormat   format,
                                GError                 **error)
{
  CaseReviewNotice **notices;
  guint n;

  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  notices = (CaseReviewNotice **) self->notices->pdata;
  n = self->notices->len;
  switch (format)
    {
    case CASE_REVIEW_NOTICE_FORMAT_TEXT:
      return case_review_notice_render_text_internal (notices, n, FALSE);
    case CASE_REVIEW_NOTICE_FORMAT_MARKDOWN:
      return case_review_notice_render_text_internal (notices, n, TRUE);
    case CASE_REVIEW_NOTICE_FORMAT_HTML:
      return case_review_notice_render_html_internal (notices, n);
    case CASE_REVIEW_NOTICE_FORMAT_JSON:
      return case_review_notice_book_to_json (self);
    case CASE_REVIEW_NOTICE_FORMAT_PDF:
    default:
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_UNSUPPORTED,
                   _("Notice books render to PDF with case_review_notice_book_write_pdf(), not to a string"));
      return NULL;
    }
}

/**
 * case_review_notice_book_write_pdf:
 * @self: a book
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every notice of the book into one PDF, each starting on a new
 * page with its own page numbers (see [method@CaseReview.Notice.write_pdf]).
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_notice_book_write_pdf (CaseReviewNoticeBook  *self,
                                   GFile                 *file,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_return_val_if_fail (CASE_REVIEW_IS_NOTICE_BOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return case_review_notice_write_pdf_internal ((CaseReviewNotice **) self->notices->pdata, self->notices->len, file,
                                                cancellable, error);
}
