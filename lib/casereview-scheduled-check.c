/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewScheduledCheck:
 *
 * One entry of a [class@CaseReview.ChannelSchedule]: the call or written
 * inquiry number [property@CaseReview.ScheduledCheck:attempt] to a channel,
 * and the moment it is due, a working day within office hours.
 *
 * Scheduled checks are immutable.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include "casereview-datetime-parsers.h"
#include "casereview-scheduled-check.h"

struct _CaseReviewScheduledCheck
{
  GObject parent_instance;

  char *channel_id;
  char *agency_id;
  CaseReviewChannelType channel_type;
  char *address;
  guint attempt;
  GDateTime *scheduled_at;
};

enum {
  PROP_0,
  PROP_CHANNEL_ID,
  PROP_AGENCY_ID,
  PROP_CHANNEL_TYPE,
  PROP_ADDRESS,
  PROP_ATTEMPT,
  PROP_SCHEDULED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewScheduledCheck, case_review_scheduled_check, G_TYPE_OBJECT)

static void
case_review_scheduled_check_finalize (GObject *object)
{
  CaseReviewScheduledCheck *self = CASE_REVIEW_SCHEDULED_CHECK (object);

  g_free (self->channel_id);
  g_free (self->agency_id);
  g_free (self->address);
  g_clear_pointer (&self->scheduled_at, g_date_time_unref);

  G_OBJECT_CLASS (case_review_scheduled_check_parent_class)->finalize (object);
}

static void
case_review_scheduled_check_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  CaseReviewScheduledCheck *self = CASE_REVIEW_SCHEDULED_CHECK (object);

  switch (prop_id)
    {
    case PROP_CHANNEL_ID:
      g_value_set_string (value, self->channel_id);
      break;
    case PROP_AGENCY_ID:
      g_value_set_string (value, self->agency_id);
      break;
    case PROP_CHANNEL_TYPE:
      g_value_set_enum (value, self->channel_type);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_ATTEMPT:
      g_value_set_uint (value, self->attempt);
      break;
    case PROP_SCHEDULED_AT:
      g_value_set_boxed (value, self->scheduled_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_scheduled_check_class_init (CaseReviewScheduledCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = case_review_scheduled_check_finalize;
  object_class->get_property = case_review_scheduled_check_get_property;

  /**
   * CaseReviewScheduledCheck:channel-id:
   *
   * The id of the channel to test.
   *
   * Since: 0.1
   */
  properties[PROP_CHANNEL_ID] = g_param_spec_string ("channel-id", NULL, NULL, NULL, flags);

  /**
   * CaseReviewScheduledCheck:agency-id:
   *
   * The id of the channel's agency.
   *
   * Since: 0.1
   */
  properties[PROP_AGENCY_ID] = g_param_spec_string ("agency-id", NULL, NULL, NULL, flags);

  /**
   * CaseReviewScheduledCheck:channel-type:
   *
   * The channel's type: a call for a phone line, a written inquiry
   * otherwise.
   *
   * Since: 0.1
   */
  properties[PROP_CHANNEL_TYPE] =
    g_param_spec_enum ("channel-type", NULL, NULL, CASE_REVIEW_TYPE_CHANNEL_TYPE, CASE_REVIEW_CHANNEL_TYPE_PHONE, flags);

  /**
   * CaseReviewScheduledCheck:address:
   *
   * The number, e-mail address, URL or account to use.
   *
   * Since: 0.1
   */
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);

  /**
   * CaseReviewScheduledCheck:attempt:
   *
   * Which attempt on the channel this is, from 1, in the order of the
   * attempts' days.
   *
   * Since: 0.1
   */
  properties[PROP_ATTEMPT] = g_param_spec_uint ("attempt", NULL, NULL, 1, G_MAXUINT, 1, flags);

  /**
   * CaseReviewScheduledCheck:scheduled-at:
   *
   * When the attempt is due, in Beijing time.
   *
   * Since: 0.1
   */
  properties[PROP_SCHEDULED_AT] = g_param_spec_boxed ("scheduled-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_scheduled_check_init (CaseReviewScheduledCheck *self)
{
}

/**
 * case_review_scheduled_check_new:
 * @channel: the channel to test
 * @attempt: which attempt on the channel, from 1
 * @scheduled_at: when it is due
 *
 * Creates a schedule entry. Schedules make their own entries; this is for
 * bindings and tests.
 *
 * Returns: (transfer full): a new scheduled check
 *
 * Since: 0.1
 */
CaseReviewScheduledCheck *
case_review_scheduled_check_new (CaseReviewChannel *channel,
                                 guint              attempt,
                                 GDateTime         *scheduled_at)
{
  CaseReviewScheduledCheck *self;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL (channel), NULL);
  g_return_val_if_fail (attempt >= 1, NULL);
  g_return_val_if_fail (scheduled_at != NULL, NULL);

  self = g_object_new (CASE_REVIEW_TYPE_SCHEDULED_CHECK, NULL);
  self->channel_id = g_strdup (case_review_channel_get_id (channel));
  self->agency_id = g_strdup (case_review_channel_get_agency_id (channel));
  self->channel_type = case_review_channel_get_channel_type (channel);
  self->address = g_strdup (case_review_channel_get_address (channel));
  self->attempt = attempt;
  self->scheduled_at = g_date_time_ref (scheduled_at);
  return self;
}

/**
 * case_review_scheduled_check_get_channel_id:
 * @self: a scheduled check
 *
 * The id of the channel to test.
 *
 * Returns: the channel id
 *
 * Since: 0.1
 */
const char *
case_review_scheduled_check_get_channel_id (CaseReviewScheduledCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCHEDULED_CHECK (self), NULL);

  return self->channel_id;
}

/**
 * case_review_scheduled_check_get_agency_id:
 * @self: a scheduled check
 *
 * The id of the channel's agency.
 *
 * Returns: the agency id
 *
 * Since: 0.1
 */
const char *
case_review_scheduled_check_get_agency_id (CaseReviewScheduledCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCHEDULED_CHECK (self), NULL);

  return self->agency_id;
}

/**
 * case_review_scheduled_check_get_channel_type:
 * @self: a scheduled check
 *
 * The channel's type.
 *
 * Returns: the channel type
 *
 * Since: 0.1
 */
CaseReviewChannelType
case_review_scheduled_check_get_channel_type (CaseReviewScheduledCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCHEDULED_CHECK (self), CASE_REVIEW_CHANNEL_TYPE_PHONE);

  return self->channel_type;
}

/**
 * case_review_scheduled_check_get_address:
 * @self: a scheduled check
 *
 * The channel's number, e-mail address, URL or account.
 *
 * Returns: the address
 *
 * Since: 0.1
 */
const char *
case_review_scheduled_check_get_address (CaseReviewScheduledCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCHEDULED_CHECK (self), NULL);

  return self->address;
}

/**
 * case_review_scheduled_check_get_attempt:
 * @self: a scheduled check
 *
 * Which attempt on the channel this is, from 1.
 *
 * Returns: the attempt number
 *
 * Since: 0.1
 */
guint
case_review_scheduled_check_get_attempt (CaseReviewScheduledCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCHEDULED_CHECK (self), 0);

  return self->attempt;
}

/**
 * case_review_scheduled_check_get_scheduled_at:
 * @self: a scheduled check
 *
 * When the attempt is due.
 *
 * Returns: (transfer none): the moment, in Beijing time
 *
 * Since: 0.1
 */
GDateTime *
case_review_scheduled_check_get_scheduled_at (CaseReviewScheduledCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCHEDULED_CHECK (self), NULL);

  return self->scheduled_at;
}

/**
 * case_review_scheduled_check_dup_scheduled_at_string:
 * @self: a scheduled check
 *
 * When the attempt is due, as `YYYY-MM-DD HH:MM` in Beijing time.
 *
 * Returns: (transfer full): the moment as text
 *
 * Since: 0.1
 */
char *
case_review_scheduled_check_dup_scheduled_at_string (CaseReviewScheduledCheck *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_SCHEDULED_CHECK (self), NULL);

  return case_review_format_moment (self->scheduled_at, FALSE);
}
