/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewChannelFinding:
 *
 * A complaint channel that failed its checks, as a
 * [class@CaseReview.ChannelEvaluation] reports it: the agency and the
 * channel, the rule broken ([enum@CaseReview.ChannelFailure]), the checks
 * that show it ([method@CaseReview.ChannelFinding.get_evidence]) and a
 * summary sentence in Chinese or English, everything a rectification
 * notice's problem list needs, e.g.
 *
 * ```
 * 区教育局 投诉电话 0755-25101234：投诉电话无法接通。2020-09-15 10:12 拨打，无人接听（21）；2020-09-23 15:40 拨打，占线（22）
 * ```
 *
 * Findings are immutable.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include <glib/gi18n-lib.h>

#include "casereview-channel-private.h"
#include "casereview-datetime-parsers.h"

struct _CaseReviewChannelFinding
{
  GObject parent_instance;

  char *agency_id;
  char *agency_name;
  char *channel_id;
  CaseReviewChannelType channel_type;
  char *address;
  CaseReviewChannelFailure failure;
  GListStore *evidence;
  GArray *reply_working_days;    /* gint per evidence item; -1 when not replied */
  guint reply_deadline;
};

enum {
  PROP_0,
  PROP_AGENCY_ID,
  PROP_AGENCY_NAME,
  PROP_CHANNEL_ID,
  PROP_CHANNEL_TYPE,
  PROP_ADDRESS,
  PROP_FAILURE,
  PROP_EVIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewChannelFinding, case_review_channel_finding, G_TYPE_OBJECT)

typedef struct
{
  const char *name;
  const char *label;
  const char *english_label;
} FailureInfo;

static const FailureInfo failure_info[] = {
  [CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_CONNECTED] = { "call_not_connected", "投诉电话无法接通",
                                                       "the complaint line could not be reached" },
  [CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_RESOLVED] = { "call_not_resolved", "投诉电话接通后未能由受理线路受理",
                                                      "calls were connected but never reached the line that takes complaints" },
  [CASE_REVIEW_CHANNEL_FAILURE_BOUNCED] = { "bounced", "来信被退回", "the inquiry bounced" },
  [CASE_REVIEW_CHANNEL_FAILURE_NO_REPLY] = { "no_reply", "来信未获答复", "the inquiry got no reply" },
  [CASE_REVIEW_CHANNEL_FAILURE_LATE_REPLY] = { "late_reply", "来信未在规定期限内答复",
                                               "the inquiry was not answered within the deadline" },
  [CASE_REVIEW_CHANNEL_FAILURE_NOT_SUBSTANTIVE] = { "not_substantive", "答复无实质内容",
                                                    "the reply did not answer the inquiry" },
};

static gboolean
failure_is_valid (CaseReviewChannelFailure failure)
{
  return (guint) failure < G_N_ELEMENTS (failure_info);
}

static void
case_review_channel_finding_finalize (GObject *object)
{
  CaseReviewChannelFinding *self = CASE_REVIEW_CHANNEL_FINDING (object);

  g_free (self->agency_id);
  g_free (self->agency_name);
  g_free (self->channel_id);
  g_free (self->address);
  g_clear_object (&self->evidence);
  g_clear_pointer (&self->reply_working_days, g_array_unref);

  G_OBJECT_CLASS (case_review_channel_finding_parent_class)->finalize (object);
}

static void
case_review_channel_finding_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  CaseReviewChannelFinding *self = CASE_REVIEW_CHANNEL_FINDING (object);

  switch (prop_id)
    {
    case PROP_AGENCY_ID:
      g_value_set_string (value, self->agency_id);
      break;
    case PROP_AGENCY_NAME:
      g_value_set_string (value, self->agency_name);
      break;
    case PROP_CHANNEL_ID:
      g_value_set_string (value, self->channel_id);
      break;
    case PROP_CHANNEL_TYPE:
      g_value_set_enum (value, self->channel_type);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_FAILURE:
      g_value_set_enum (value, self->failure);
      break;
    case PROP_EVIDENCE:
      g_value_set_object (value, self->evidence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_finding_class_init (CaseReviewChannelFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = case_review_channel_finding_finalize;
  object_class->get_property = case_review_channel_finding_get_property;

  /**
   * CaseReviewChannelFinding:agency-id:
   *
   * The id of the agency whose channel failed.
   *
   * Since: 0.1
   */
  properties[PROP_AGENCY_ID] = g_param_spec_string ("agency-id", NULL, NULL, NULL, flags);

  /**
   * CaseReviewChannelFinding:agency-name:
   *
   * The agency's name as the channel directory gives it, or %NULL.
   *
   * Since: 0.1
   */
  properties[PROP_AGENCY_NAME] = g_param_spec_string ("agency-name", NULL, NULL, NULL, flags);

  /**
   * CaseReviewChannelFinding:channel-id:
   *
   * The id of the channel that failed.
   *
   * Since: 0.1
   */
  properties[PROP_CHANNEL_ID] = g_param_spec_string ("channel-id", NULL, NULL, NULL, flags);

  /**
   * CaseReviewChannelFinding:channel-type:
   *
   * The type of the channel that failed.
   *
   * Since: 0.1
   */
  properties[PROP_CHANNEL_TYPE] =
    g_param_spec_enum ("channel-type", NULL, NULL, CASE_REVIEW_TYPE_CHANNEL_TYPE, CASE_REVIEW_CHANNEL_TYPE_PHONE, flags);

  /**
   * CaseReviewChannelFinding:address:
   *
   * The channel's number, e-mail address, URL or account.
   *
   * Since: 0.1
   */
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);

  /**
   * CaseReviewChannelFinding:failure:
   *
   * The rule the channel broke.
   *
   * Since: 0.1
   */
  properties[PROP_FAILURE] =
    g_param_spec_enum ("failure", NULL, NULL, CASE_REVIEW_TYPE_CHANNEL_FAILURE,
                       CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_CONNECTED, flags);

  /**
   * CaseReviewChannelFinding:evidence:
   *
   * The channel's checks, a [iface@Gio.ListModel] of
   * [class@CaseReview.ChannelCheck] in the order of their attempts.
   *
   * Since: 0.1
   */
  properties[PROP_EVIDENCE] = g_param_spec_object ("evidence", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_channel_finding_init (CaseReviewChannelFinding *self)
{
}

CaseReviewChannelFinding *
channel_finding_new (CaseReviewChannel        *channel,
                     const char               *agency_name,
                     CaseReviewChannelFailure  failure,
                     GPtrArray                *evidence,
                     GArray                   *reply_working_days,
                     guint                     reply_deadline)
{
  CaseReviewChannelFinding *self = g_object_new (CASE_REVIEW_TYPE_CHANNEL_FINDING, NULL);

  self->agency_id = g_strdup (case_review_channel_get_agency_id (channel));
  self->agency_name = g_strdup (agency_name);
  self->channel_id = g_strdup (case_review_channel_get_id (channel));
  self->channel_type = case_review_channel_get_channel_type (channel);
  self->address = g_strdup (case_review_channel_get_address (channel));
  self->failure = failure;
  self->evidence = g_list_store_new (CASE_REVIEW_TYPE_CHANNEL_CHECK);
  g_list_store_splice (self->evidence, 0, 0, evidence->pdata, evidence->len);
  self->reply_working_days = g_array_ref (reply_working_days);
  self->reply_deadline = reply_deadline;
  return self;
}

/**
 * case_review_channel_finding_get_agency_id:
 * @self: a finding
 *
 * The id of the agency whose channel failed.
 *
 * Returns: the agency id
 *
 * Since: 0.1
 */
const char *
case_review_channel_finding_get_agency_id (CaseReviewChannelFinding *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_FINDING (self), NULL);

  return self->agency_id;
}

/**
 * case_review_channel_finding_get_agency_name:
 * @self: a finding
 *
 * The agency's name as the channel directory gives it.
 *
 * Returns: (nullable): the name, or %NULL
 *
 * Since: 0.1
 */
const char *
case_review_channel_finding_get_agency_name (CaseReviewChannelFinding *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_FINDING (self), NULL);

  return self->agency_name;
}

/**
 * case_review_channel_finding_get_channel_id:
 * @self: a finding
 *
 * The id of the channel that failed.
 *
 * Returns: the channel id
 *
 * Since: 0.1
 */
const char *
case_review_channel_finding_get_channel_id (CaseReviewChannelFinding *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_FINDING (self), NULL);

  return self->channel_id;
}

/**
 * case_review_channel_finding_get_channel_type:
 * @self: a finding
 *
 * The type of the channel that failed.
 *
 * Returns: the channel type
 *
 * Since: 0.1
 */
CaseReviewChannelType
case_review_channel_finding_get_channel_type (CaseReviewChannelFinding *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_FINDING (self), CASE_REVIEW_CHANNEL_TYPE_PHONE);

  return self->channel_type;
}

/**
 * case_review_channel_finding_get_address:
 * @self: a finding
 *
 * The channel's number, e-mail address, URL or account.
 *
 * Returns: the address
 *
 * Since: 0.1
 */
const char *
case_review_channel_finding_get_address (CaseReviewChannelFinding *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_FINDING (self), NULL);

  return self->address;
}

/**
 * case_review_channel_finding_get_failure:
 * @self: a finding
 *
 * The rule the channel broke.
 *
 * Returns: the failure
 *
 * Since: 0.1
 */
CaseReviewChannelFailure
case_review_channel_finding_get_failure (CaseReviewChannelFinding *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_FINDING (self), CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_CONNECTED);

  return self->failure;
}

/**
 * case_review_channel_finding_get_evidence:
 * @self: a finding
 *
 * The checks that show the failure: every check of the channel, in the
 * order of their attempts.
 *
 * Returns: (transfer none): a list model of [class@CaseReview.ChannelCheck]
 *
 * Since: 0.1
 */
GListModel *
case_review_channel_finding_get_evidence (CaseReviewChannelFinding *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_FINDING (self), NULL);

  return G_LIST_MODEL (self->evidence);
}

static void
append_evidence (CaseReviewChannelFinding *self,
                 GString                  *out,
                 gboolean                  english)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->evidence)); i++)
    {
      g_autoptr(CaseReviewChannelCheck) check = g_list_model_get_item (G_LIST_MODEL (self->evidence), i);
      g_autofree char *moment = case_review_channel_check_dup_attempted_at_string (check);
      CaseReviewCallOutcome outcome = case_review_channel_check_get_outcome (check);
      const GDate *replied_on = case_review_channel_check_get_replied_on (check);
      int working_days = g_array_index (self->reply_working_days, int, i);

      if (i > 0)
        g_string_append (out, english ? "; " : "；");
      if (case_review_channel_check_is_call (check))
        {
          if (english)
            g_string_append_printf (out, "call on %s: %s (%d)", moment,
                                    case_review_call_outcome_get_english_label (outcome), (int) outcome);
          else
            g_string_append_printf (out, "%s 拨打，%s（%d）", moment, case_review_call_outcome_get_label (outcome),
                                    (int) outcome);
          if (outcome == CASE_REVIEW_CALL_OUTCOME_WRONG_LINE && !case_review_channel_check_get_transferred (check))
            g_string_append (out, english ? ", not transferred" : "，未正确转接");
          continue;
        }

      if (english)
        g_string_append_printf (out, "inquiry sent %s: ", moment);
      else
        g_string_append_printf (out, "%s 发出，", moment);
      if (case_review_channel_check_get_bounced (check))
        g_string_append (out, english ? "bounced" : "被退回");
      else if (replied_on == NULL)
        g_string_append (out, english ? "no reply" : "未获答复");
      else
        {
          g_autofree char *date = case_review_format_gdate (replied_on);

          if (english)
            g_string_append_printf (out, "replied %s (working day %d%s)%s", date, working_days,
                                    working_days > (int) self->reply_deadline ? ", after the deadline" : "",
                                    case_review_channel_check_get_substantive (check) ? "" : ", not substantive");
          else
            g_string_append_printf (out, "%s 答复（第%d个工作日%s）%s", date, working_days,
                                    working_days > (int) self->reply_deadline ? "，超过期限" : "",
                                    case_review_channel_check_get_substantive (check) ? "" : "，答复无实质内容");
        }
    }
}

/**
 * case_review_channel_finding_dup_summary:
 * @self: a finding
 *
 * The finding in one Chinese (zh_CN) sentence for a notice's problem list:
 * the agency, the channel, the rule broken and each check's evidence, e.g.
 * `区教育局 投诉电话 0755-25101234：投诉电话无法接通。2020-09-15 10:12 拨打，无人接听（21）；…`.
 *
 * Returns: (transfer full): the summary
 *
 * Since: 0.1
 */
char *
case_review_channel_finding_dup_summary (CaseReviewChannelFinding *self)
{
  GString *out;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_FINDING (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s %s %s：%s。", self->agency_name != NULL ? self->agency_name : self->agency_id,
                          case_review_channel_type_get_label (self->channel_type), self->address,
                          failure_info[self->failure].label);
  append_evidence (self, out, FALSE);
  if (self->failure == CASE_REVIEW_CHANNEL_FAILURE_LATE_REPLY || self->failure == CASE_REVIEW_CHANNEL_FAILURE_NO_REPLY)
    g_string_append_printf (out, "（答复期限：%u个工作日）", self->reply_deadline);
  return g_string_free (out, FALSE);
}

/**
 * case_review_channel_finding_dup_english_summary:
 * @self: a finding
 *
 * The finding in one English sentence, e.g. `LH02 Phone 0755-25101234: the
 * complaint line could not be reached. call on 2020-09-15 10:12: no answer
 * (21); …`.
 *
 * Returns: (transfer full): the summary
 *
 * Since: 0.1
 */
char *
case_review_channel_finding_dup_english_summary (CaseReviewChannelFinding *self)
{
  GString *out;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_FINDING (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s %s %s: %s. ", self->agency_id,
                          case_review_channel_type_get_english_label (self->channel_type), self->address,
                          failure_info[self->failure].english_label);
  append_evidence (self, out, TRUE);
  if (self->failure == CASE_REVIEW_CHANNEL_FAILURE_LATE_REPLY || self->failure == CASE_REVIEW_CHANNEL_FAILURE_NO_REPLY)
    g_string_append_printf (out, " (reply deadline: %u working days)", self->reply_deadline);
  return g_string_free (out, FALSE);
}

/**
 * case_review_channel_failure_get_name:
 * @failure: a channel failure
 *
 * The machine name of the failure, e.g. `call_not_connected`.
 *
 * Returns: the name, a static string
 *
 * Since: 0.1
 */
const char *
case_review_channel_failure_get_name (CaseReviewChannelFailure failure)
{
  g_return_val_if_fail (failure_is_valid (failure), NULL);

  return failure_info[failure].name;
}

/**
 * case_review_channel_failure_get_label:
 * @failure: a channel failure
 *
 * The Chinese (zh_CN) statement of the rule broken, e.g. 投诉电话无法接通.
 *
 * Returns: the label, a static string
 *
 * Since: 0.1
 */
const char *
case_review_channel_failure_get_label (CaseReviewChannelFailure failure)
{
  g_return_val_if_fail (failure_is_valid (failure), NULL);

  return failure_info[failure].label;
}

/**
 * case_review_channel_failure_get_english_label:
 * @failure: a channel failure
 *
 * The English statement of the rule broken, e.g. "the complaint line could
 * not be reached".
 *
 * Returns: the label, a static string
 *
 * Since: 0.1
 */
const char *
case_review_channel_failure_get_english_label (CaseReviewChannelFailure failure)
{
  g_return_val_if_fail (failure_is_valid (failure), NULL);

  return failure_info[failure].english_label;
}
