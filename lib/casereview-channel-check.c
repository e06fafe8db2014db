/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewChannelCheck:
 *
 * One test of a complaint channel: a call to a phone line
 * ([ctor@CaseReview.ChannelCheck.new_call]) with its
 * [enum@CaseReview.CallOutcome] code, or a written inquiry to an e-mail
 * address, web mailbox or WeChat account
 * ([ctor@CaseReview.ChannelCheck.new_inquiry]) with whether it bounced,
 * when the reply came and whether the reply answered the question.
 *
 * The moment of the attempt is a [struct@GLib.DateTime] in Beijing time
 * (UTC+08:00); the reply is a date, because the protocol counts replies in
 * working days. A [class@CaseReview.ChannelCheckLog] holds the checks of a
 * review and checks them against their channels.
 *
 * Checks are immutable.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include <glib/gi18n-lib.h>

#include "casereview-channel-check.h"
#include "casereview-datetime-parsers.h"

struct _CaseReviewChannelCheck
{
  GObject parent_instance;

  char *channel_id;
  GDateTime *attempted_at;
  CaseReviewCallOutcome outcome;
  gboolean transferred;
  gboolean bounced;
  GDate replied_on;          /* invalid when there was no reply */
  gboolean substantive;
  char *tester;
  char *note;
};

enum {
  PROP_0,
  PROP_CHANNEL_ID,
  PROP_ATTEMPTED_AT,
  PROP_OUTCOME,
  PROP_TRANSFERRED,
  PROP_BOUNCED,
  PROP_REPLIED_ON,
  PROP_SUBSTANTIVE,
  PROP_TESTER,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewChannelCheck, case_review_channel_check, G_TYPE_OBJECT)

static void
case_review_channel_check_finalize (GObject *object)
{
  CaseReviewChannelCheck *self = CASE_REVIEW_CHANNEL_CHECK (object);

  g_free (self->channel_id);
  g_clear_pointer (&self->attempted_at, g_date_time_unref);
  g_free (self->tester);
  g_free (self->note);

  G_OBJECT_CLASS (case_review_channel_check_parent_class)->finalize (object);
}

static void
case_review_channel_check_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CaseReviewChannelCheck *self = CASE_REVIEW_CHANNEL_CHECK (object);

  switch (prop_id)
    {
    case PROP_CHANNEL_ID:
      g_value_set_string (value, self->channel_id);
      break;
    case PROP_ATTEMPTED_AT:
      g_value_set_boxed (value, self->attempted_at);
      break;
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case PROP_TRANSFERRED:
      g_value_set_boolean (value, self->transferred);
      break;
    case PROP_BOUNCED:
      g_value_set_boolean (value, self->bounced);
      break;
    case PROP_REPLIED_ON:
      g_value_set_boxed (value, g_date_valid (&self->replied_on) ? &self->replied_on : NULL);
      break;
    case PROP_SUBSTANTIVE:
      g_value_set_boolean (value, self->substantive);
      break;
    case PROP_TESTER:
      g_value_set_string (value, self->tester);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static char *
dup_nonempty (const GValue *value)
{
  const char *text = g_value_get_string (value);

  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static void
case_review_channel_check_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CaseReviewChannelCheck *self = CASE_REVIEW_CHANNEL_CHECK (object);
  const GDate *date;

  switch (prop_id)
    {
    case PROP_CHANNEL_ID:
      self->channel_id = g_value_dup_string (value);
      break;
    case PROP_ATTEMPTED_AT:
      self->attempted_at = g_value_dup_boxed (value);
      break;
    case PROP_OUTCOME:
      self->outcome = g_value_get_enum (value);
      break;
    case PROP_TRANSFERRED:
      self->transferred = g_value_get_boolean (value);
      break;
    case PROP_BOUNCED:
      self->bounced = g_value_get_boolean (value);
      break;
    case PROP_REPLIED_ON:
      date = g_value_get_boxed (value);
      if (date != NULL && g_date_valid (date))
        self->replied_on = *date;
      break;
    case PROP_SUBSTANTIVE:
      self->substantive = g_value_get_boolean (value);
      break;
    case PROP_TESTER:
      self->tester = dup_nonempty (value);
      break;
    case PROP_NOTE:
      self->note = dup_nonempty (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_check_constructed (GObject *object)
{
  CaseReviewChannelCheck *self = CASE_REVIEW_CHANNEL_CHECK (object);

  G_OBJECT_CLASS (case_review_channel_check_parent_class)->constructed (object);

  if (self->channel_id == NULL)
    self->channel_id = g_strdup ("");
  if (self->attempted_at == NULL)
    {
      g_autoptr(GTimeZone) beijing = case_review_beijing_time_zone ();
      self->attempted_at = g_date_time_new (beijing, 2000, 1, 1, 0, 0, 0);
    }
}

static void
case_review_channel_check_class_init (CaseReviewChannelCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = case_review_channel_check_finalize;
  object_class->get_property = case_review_channel_check_get_property;
  object_class->set_property = case_review_channel_check_set_property;
  object_class->constructed = case_review_channel_check_constructed;

  /**
   * CaseReviewChannelCheck:channel-id:
   *
   * The id of the channel tested.
   *
   * Since: 0.1
   */
  properties[PROP_CHANNEL_ID] = g_param_spec_string ("channel-id", NULL, NULL, NULL, flags);

  /**
   * CaseReviewChannelCheck:attempted-at:
   *
   * When the call was made or the inquiry sent, in Beijing time.
   *
   * Since: 0.1
   */
  properties[PROP_ATTEMPTED_AT] = g_param_spec_boxed ("attempted-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  /**
   * CaseReviewChannelCheck:outcome:
   *
   * A call's outcome code; %CASE_REVIEW_CALL_OUTCOME_NONE for a written
   * inquiry.
   *
   * Since: 0.1
   */
  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, CASE_REVIEW_TYPE_CALL_OUTCOME, CASE_REVIEW_CALL_OUTCOME_NONE, flags);

  /**
   * CaseReviewChannelCheck:transferred:
   *
   * For a call that reached the right department but the wrong line (12):
   * whether it was correctly transferred to the right line.
   *
   * Since: 0.1
   */
  properties[PROP_TRANSFERRED] = g_param_spec_boolean ("transferred", NULL, NULL, FALSE, flags);

  /**
   * CaseReviewChannelCheck:bounced:
   *
   * For a written inquiry: whether it was rejected or returned undelivered.
   *
   * Since: 0.1
   */
  properties[PROP_BOUNCED] = g_param_spec_boolean ("bounced", NULL, NULL, FALSE, flags);

  /**
   * CaseReviewChannelCheck:replied-on:
   *
   * For a written inquiry: the day the reply arrived, or %NULL when none did.
   *
   * Since: 0.1
   */
  properties[PROP_REPLIED_ON] = g_param_spec_boxed ("replied-on", NULL, NULL, G_TYPE_DATE, flags);

  /**
   * CaseReviewChannelCheck:substantive:
   *
   * For a written inquiry: whether the reply answered the question rather
   * than only acknowledging it.
   *
   * Since: 0.1
   */
  properties[PROP_SUBSTANTIVE] = g_param_spec_boolean ("substantive", NULL, NULL, FALSE, flags);

  /**
   * CaseReviewChannelCheck:tester:
   *
   * Who made the check, or %NULL.
   *
   * Since: 0.1
   */
  properties[PROP_TESTER] = g_param_spec_string ("tester", NULL, NULL, NULL, flags);

  /**
   * CaseReviewChannelCheck:note:
   *
   * The tester's note, or %NULL.
   *
   * Since: 0.1
   */
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_channel_check_init (CaseReviewChannelCheck *self)
{
  g_date_clear (&self->replied_on, 1);
}

/**
 * case_review_call_outcome_is_valid:
 * @code: a number
 *
 * Whether @code is one of the call outcome codes 11, 12, 13, 14, 21, 22 or
 * 23.
 *
 * Returns: %TRUE for a call outcome code
 *
 * Since: 0.1
 */
gboolean
case_review_call_outcome_is_valid (int code)
{
  switch (code)
    {
    case CASE_REVIEW_CALL_OUTCOME_CORRECT_LINE:
    case CASE_REVIEW_CALL_OUTCOME_WRONG_LINE:
    case CASE_REVIEW_CALL_OUTCOME_WRONG_DEPARTMENT:
    case CASE_REVIEW_CALL_OUTCOME_HUNG_UP:
    case CASE_REVIEW_CALL_OUTCOME_NO_ANSWER:
    case CASE_REVIEW_CALL_OUTCOME_BUSY:
    case CASE_REVIEW_CALL_OUTCOME_NUMBER_VOID:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * case_review_call_outcome_is_connected:
 * @outcome: a call outcome
 *
 * Whether a call with this outcome was connected (codes 11 to 14).
 *
 * Returns: %TRUE for a connected call
 *
 * Since: 0.1
 */
gboolean
case_review_call_outcome_is_connected (CaseReviewCallOutcome outcome)
{
  return outcome >= CASE_REVIEW_CALL_OUTCOME_CORRECT_LINE && outcome <= CASE_REVIEW_CALL_OUTCOME_HUNG_UP;
}

/**
 * case_review_call_outcome_get_label:
 * @outcome: a call outcome
 *
 * The Chinese (zh_CN) label of the outcome, e.g. 无人接听 for 21.
 *
 * Returns: the label, a static string
 *
 * Since: 0.1
 */
const char *
case_review_call_outcome_get_label (CaseReviewCallOutcome outcome)
{
  switch (outcome)
    {
    case CASE_REVIEW_CALL_OUTCOME_NONE: return "非电话";
    case CASE_REVIEW_CALL_OUTCOME_CORRECT_LINE: return "接通正确线路";
    case CASE_REVIEW_CALL_OUTCOME_WRONG_LINE: return "接通本单位但非受理线路";
    case CASE_REVIEW_CALL_OUTCOME_WRONG_DEPARTMENT: return "接通其他单位";
    case CASE_REVIEW_CALL_OUTCOME_HUNG_UP: return "接通后挂断";
    case CASE_REVIEW_CALL_OUTCOME_NO_ANSWER: return "无人接听";
    case CASE_REVIEW_CALL_OUTCOME_BUSY: return "占线";
    case CASE_REVIEW_CALL_OUTCOME_NUMBER_VOID: return "空号或停机";
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * case_review_call_outcome_get_english_label:
 * @outcome: a call outcome
 *
 * The English label of the outcome, e.g. "no answer" for 21.
 *
 * Returns: the label, a static string
 *
 * Since: 0.1
 */
const char *
case_review_call_outcome_get_english_label (CaseReviewCallOutcome outcome)
{
  switch (outcome)
    {
    case CASE_REVIEW_CALL_OUTCOME_NONE: return "not a call";
    case CASE_REVIEW_CALL_OUTCOME_CORRECT_LINE: return "correct line";
    case CASE_REVIEW_CALL_OUTCOME_WRONG_LINE: return "right department, wrong line";
    case CASE_REVIEW_CALL_OUTCOME_WRONG_DEPARTMENT: return "wrong department";
    case CASE_REVIEW_CALL_OUTCOME_HUNG_UP: return "hung up";
    case CASE_REVIEW_CALL_OUTCOME_NO_ANSWER: return "no answer";
    case CASE_REVIEW_CALL_OUTCOME_BUSY: return "busy";
    case CASE_REVIEW_CALL_OUTCOME_NUMBER_VOID: return "number void";
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * case_review_channel_check_new_call:
 * @channel_id: the id of the phone channel called
 * @attempted_at: when the call was made
 * @outcome: the outcome code, not %CASE_REVIEW_CALL_OUTCOME_NONE
 * @transferred: for %CASE_REVIEW_CALL_OUTCOME_WRONG_LINE, whether the call
 *   was correctly transferred; otherwise %FALSE
 * @tester: (nullable): who made the call
 * @note: (nullable): a note
 *
 * Creates the record of a test call.
 *
 * Returns: (transfer full): a new check
 *
 * Since: 0.1
 */
CaseReviewChannelCheck *
case_review_channel_check_new_call (const char            *channel_id,
                                    GDateTime             *attempted_at,
                                    CaseReviewCallOutcome  outcome,
                                    gboolean               transferred,
                                    const char            *tester,
                                    const char            *note)
{
  g_return_val_if_fail (channel_id != NULL, NULL);
  g_return_val_if_fail (attempted_at != NULL, NULL);
  g_return_val_if_fail (case_review_call_outcome_is_valid (outcome), NULL);

  return g_object_new (CASE_REVIEW_TYPE_CHANNEL_CHECK,
                       "channel-id", channel_id,
                       "attempted-at", attempted_at,
                       "outcome", outcome,
                       "transferred", transferred,
                       "tester", tester,
                       "note", note,
                       NULL);
}

/**
 * case_review_channel_check_new_inquiry:
 * @channel_id: the id of the written channel tested
 * @attempted_at: when the inquiry was sent
 * @bounced: whether it was rejected or returned undelivered
 * @replied_on: (nullable): the day the reply arrived, or %NULL for none
 * @substantive: whether the reply answered the question
 * @tester: (nullable): who sent the inquiry
 * @note: (nullable): a note
 *
 * Creates the record of a written inquiry.
 *
 * Returns: (transfer full): a new check
 *
 * Since: 0.1
 */
CaseReviewChannelCheck *
case_review_channel_check_new_inquiry (const char  *channel_id,
                                       GDateTime   *attempted_at,
                                       gboolean     bounced,
                                       const GDate *replied_on,
                                       gboolean     substantive,
                                       const char  *tester,
                                       const char  *note)
{
  g_return_val_if_fail (channel_id != NULL, NULL);
  g_return_val_if_fail (attempted_at != NULL, NULL);
  g_return_val_if_fail (replied_on == NULL || g_date_valid (replied_on), NULL);

  return g_object_new (CASE_REVIEW_TYPE_CHANNEL_CHECK,
                       "channel-id", channel_id,
                       "attempted-at", attempted_at,
                       "bounced", bounced,
                       "replied-on", replied_on,
                       "substantive", substantive,
                       "tester", tester,
                       "note", note,
                       NULL);
}

/**
 * case_review_channel_check_get_channel_id:
 * @self: a check
 *
 * The id of the channel tested.
 *
 * Returns: the channel id
 *
 * Since: 0.1
 */
const char *
case_review_channel_check_get_channel_id (CaseReviewChannelCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (self), NULL);

  return self->channel_id;
}

/**
 * case_review_channel_check_get_attempted_at:
 * @self: a check
 *
 * When the call was made or the inquiry sent.
 *
 * Returns: (transfer none): the moment, in Beijing time
 *
 * Since: 0.1
 */
GDateTime *
case_review_channel_check_get_attempted_at (CaseReviewChannelCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (self), NULL);

  return self->attempted_at;
}

/**
 * case_review_channel_check_dup_attempted_at_string:
 * @self: a check
 *
 * The moment of the attempt as files write it: `YYYY-MM-DD HH:MM` (with
 * `:SS` when the seconds are not zero), Beijing time.
 *
 * Returns: (transfer full): the moment as text
 *
 * Since: 0.1
 */
char *
case_review_channel_check_dup_attempted_at_string (CaseReviewChannelCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (self), NULL);

  return case_review_format_moment (self->attempted_at, FALSE);
}

/**
 * case_review_channel_check_is_call:
 * @self: a check
 *
 * Whether this is a call (it has an outcome code) rather than a written
 * inquiry.
 *
 * Returns: %TRUE for a call
 *
 * Since: 0.1
 */
gboolean
case_review_channel_check_is_call (CaseReviewChannelCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (self), FALSE);

  return self->outcome != CASE_REVIEW_CALL_OUTCOME_NONE;
}

/**
 * case_review_channel_check_get_outcome:
 * @self: a check
 *
 * The call's outcome code.
 *
 * Returns: the outcome; %CASE_REVIEW_CALL_OUTCOME_NONE for an inquiry
 *
 * Since: 0.1
 */
CaseReviewCallOutcome
case_review_channel_check_get_outcome (CaseReviewChannelCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (self), CASE_REVIEW_CALL_OUTCOME_NONE);

  return self->outcome;
}

/**
 * case_review_channel_check_get_transferred:
 * @self: a check
 *
 * Whether a call that reached the wrong line was correctly transferred.
 *
 * Returns: %TRUE if it was
 *
 * Since: 0.1
 */
gboolean
case_review_channel_check_get_transferred (CaseReviewChannelCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (self), FALSE);

  return self->transferred;
}

/**
 * case_review_channel_check_get_bounced:
 * @self: a check
 *
 * Whether the inquiry was rejected or returned undelivered.
 *
 * Returns: %TRUE if it bounced
 *
 * Since: 0.1
 */
gboolean
case_review_channel_check_get_bounced (CaseReviewChannelCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (self), FALSE);

  return self->bounced;
}

/**
 * case_review_channel_check_get_replied_on:
 * @self: a check
 *
 * The day the reply to the inquiry arrived.
 *
 * Returns: (transfer none) (nullable): the date, or %NULL when no reply came
 *
 * Since: 0.1
 */
const GDate *
case_review_channel_check_get_replied_on (CaseReviewChannelCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (self), NULL);

  return g_date_valid (&self->replied_on) ? &self->replied_on : NULL;
}

/**
 * case_review_channel_check_get_substantive:
 * @self: a check
 *
 * Whether the reply answered the inquiry.
 *
 * Returns: %TRUE for a substantive reply
 *
 * Since: 0.1
 */
gboolean
case_review_channel_check_get_substantive (CaseReviewChannelCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (self), FALSE);

  return self->substantive;
}

/**
 * case_review_channel_check_get_tester:
 * @self: a check
 *
 * Who made the check.
 *
 * Returns: (nullable): the tester, or %NULL
 *
 * Since: 0.1
 */
const char *
case_review_channel_check_get_tester (CaseReviewChannelCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (self), NULL);

  return self->tester;
}

/**
 * case_review_channel_check_get_note:
 * @self: a check
 *
 * The tester's note.
 *
 * Returns: (nullable): the note, or %NULL
 *
 * Since: 0.1
 */
const char *
case_review_channel_check_get_note (CaseReviewChannelCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (self), NULL);

  return self->note;
}
