/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewChannelSchedule:
 *
 * A reproducible random schedule of test calls and written inquiries for a
 * complaint-channel check: for every phone line of a
 * [class@CaseReview.ChannelDirectory],
 * [property@CaseReview.ChannelSchedule:calls-per-phone] calls (2 by
 * default) on different working days and at different times within office
 * hours; for every written channel (e-mail, web mailbox, WeChat),
 * [property@CaseReview.ChannelSchedule:inquiries-per-channel] inquiries (1
 * by default).
 *
 * Days and times are drawn from the PCG32 stream `channels/ID` of the seed
 * for the channel with id `ID` ([ctor@CaseReview.Random.new_from_seed]), so
 * a schedule is a pure function of the seed, the period, the office hours,
 * the counts, the channels and the working-day
 * [class@CaseReview.Calendar], and each channel's dates do not depend on the
 * other channels. `docs/channels.md` specifies the algorithm completely.
 *
 * ```python
 * schedule = CaseReview.ChannelSchedule.new("罗湖区2020投诉渠道", from_date, to_date)
 * schedule.compute(channels, None)            # None: the bundled calendar
 * for entry in schedule:                      # a Gio.ListModel, in time order
 *     print(entry.props.channel_id, entry.dup_scheduled_at_string())
 * open("schedule.json", "w").write(schedule.to_manifest())
 * ```
 *
 * A schedule is published as a manifest
 * ([method@CaseReview.ChannelSchedule.to_manifest]: seed, period, office
 * hours, the channels' fingerprint and every entry) so that anyone can check
 * it with [method@CaseReview.ChannelSchedule.verify], which recomputes it and
 * names every difference. [method@CaseReview.ChannelSchedule.save_csv]
 * writes the testers' form.
 *
 * Since: 0.1
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-calendar-private.h"
#include "casereview-channel-io.h"
#include "casereview-channel-private.h"
#include "casereview-channel-schedule.h"
#include "casereview-datetime-parsers.h"
#include "casereview-random.h"
#include "casereview-value-parsers.h"
#include "casereview-version.h"

#define MANIFEST_FORMAT "libcasereview-channel-schedule"
#define MANIFEST_VERSION 1
#define ALGORITHM "pcg32-channels-v1"
#define MAX_ATTEMPTS 31
#define MAX_DIFFERENCES 20

struct _CaseReviewChannelSchedule
{
  GObject parent_instance;

  char *seed;
  GDate from;
  GDate to;
  guint calls_per_phone;
  guint inquiries_per_channel;
  GArray *office_hours;            /* CaseReviewMinuteSpan */

  gboolean computed;
  char *library_version;
  char *channels_fingerprint;
  guint n_channels;
  guint n_working_days;
  GPtrArray *entries;              /* CaseReviewScheduledCheck, in time order */
};

enum {
  PROP_0,
  PROP_SEED,
  PROP_FROM,
  PROP_TO,
  PROP_CALLS_PER_PHONE,
  PROP_INQUIRIES_PER_CHANNEL,
  PROP_OFFICE_HOURS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void case_review_channel_schedule_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaseReviewChannelSchedule, case_review_channel_schedule, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      case_review_channel_schedule_list_model_init))

static GType
case_review_channel_schedule_get_item_type (GListModel *model)
{
  return CASE_REVIEW_TYPE_SCHEDULED_CHECK;
}

static guint
case_review_channel_schedule_get_n_items (GListModel *model)
{
  return CASE_REVIEW_CHANNEL_SCHEDULE (model)->entries->len;
}

static gpointer
case_review_channel_schedule_get_item (GListModel *model,
                                       guint       position)
{
  CaseReviewChannelSchedule *self = CASE_REVIEW_CHANNEL_SCHEDULE (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
case_review_channel_schedule_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = case_review_channel_schedule_get_item_type;
  iface->get_n_items = case_review_channel_schedule_get_n_items;
  iface->get_item = case_review_channel_schedule_get_item;
}

static void
case_review_channel_schedule_finalize (GObject *object)
{
  CaseReviewChannelSchedule *self = CASE_REVIEW_CHANNEL_SCHEDULE (object);

  g_free (self->seed);
  g_array_unref (self->office_hours);
  g_free (self->library_version);
  g_free (self->channels_fingerprint);
  g_ptr_array_unref (self->entries);

  G_OBJECT_CLASS (case_review_channel_schedule_parent_class)->finalize (object);
}

/* Forgets the computed entries: the parameters changed. */
static void
clear_entries (CaseReviewChannelSchedule *self)
{
  guint old_n = self->entries->len;

  self->computed = FALSE;
  self->n_channels = 0;
  self->n_working_days = 0;
  g_clear_pointer (&self->channels_fingerprint, g_free);
  g_ptr_array_set_size (self->entries, 0);
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
}

static void
case_review_channel_schedule_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  CaseReviewChannelSchedule *self = CASE_REVIEW_CHANNEL_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_SEED:
      g_value_set_string (value, self->seed);
      break;
    case PROP_FROM:
      g_value_set_boxed (value, g_date_valid (&self->from) ? &self->from : NULL);
      break;
    case PROP_TO:
      g_value_set_boxed (value, g_date_valid (&self->to) ? &self->to : NULL);
      break;
    case PROP_CALLS_PER_PHONE:
      g_value_set_uint (value, self->calls_per_phone);
      break;
    case PROP_INQUIRIES_PER_CHANNEL:
      g_value_set_uint (value, self->inquiries_per_channel);
      break;
    case PROP_OFFICE_HOURS:
      g_value_take_string (value, case_review_format_office_hours (self->office_hours));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_schedule_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  CaseReviewChannelSchedule *self = CASE_REVIEW_CHANNEL_SCHEDULE (object);
  const GDate *date;

  switch (prop_id)
    {
    case PROP_SEED:
      self->seed = g_value_dup_string (value);
      break;
    case PROP_FROM:
      date = g_value_get_boxed (value);
      if (date != NULL && g_date_valid (date))
        self->from = *date;
      break;
    case PROP_TO:
      date = g_value_get_boxed (value);
      if (date != NULL && g_date_valid (date))
        self->to = *date;
      break;
    case PROP_CALLS_PER_PHONE:
      case_review_channel_schedule_set_calls_per_phone (self, g_value_get_uint (value));
      break;
    case PROP_INQUIRIES_PER_CHANNEL:
      case_review_channel_schedule_set_inquiries_per_channel (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_schedule_constructed (GObject *object)
{
  CaseReviewChannelSchedule *self = CASE_REVIEW_CHANNEL_SCHEDULE (object);

  G_OBJECT_CLASS (case_review_channel_schedule_parent_class)->constructed (object);

  if (self->seed == NULL)
    self->seed = g_strdup ("");
}

static void
case_review_channel_schedule_class_init (CaseReviewChannelScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags settable = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = case_review_channel_schedule_finalize;
  object_class->get_property = case_review_channel_schedule_get_property;
  object_class->set_property = case_review_channel_schedule_set_property;
  object_class->constructed = case_review_channel_schedule_constructed;

  /**
   * CaseReviewChannelSchedule:seed:
   *
   * The public seed string every day and time is drawn from.
   *
   * Since: 0.1
   */
  properties[PROP_SEED] = g_param_spec_string ("seed", NULL, NULL, NULL, construct);

  /**
   * CaseReviewChannelSchedule:from:
   *
   * The first day of the testing period.
   *
   * Since: 0.1
   */
  properties[PROP_FROM] = g_param_spec_boxed ("from", NULL, NULL, G_TYPE_DATE, construct);

  /**
   * CaseReviewChannelSchedule:to:
   *
   * The last day of the testing period.
   *
   * Since: 0.1
   */
  properties[PROP_TO] = g_param_spec_boxed ("to", NULL, NULL, G_TYPE_DATE, construct);

  /**
   * CaseReviewChannelSchedule:calls-per-phone:
   *
   * How many test calls each phone line gets, each on a different working
   * day: 2 by default, from 1 to 31.
   *
   * Since: 0.1
   */
  properties[PROP_CALLS_PER_PHONE] =
    g_param_spec_uint ("calls-per-phone", NULL, NULL, 1, MAX_ATTEMPTS, 2, settable);

  /**
   * CaseReviewChannelSchedule:inquiries-per-channel:
   *
   * How many written inquiries each e-mail address, web mailbox and WeChat
   * account gets: 1 by default, from 0 (written channels are not scheduled)
   * to 31.
   *
   * Since: 0.1
   */
  properties[PROP_INQUIRIES_PER_CHANNEL] =
    g_param_spec_uint ("inquiries-per-channel", NULL, NULL, 0, MAX_ATTEMPTS, 1, settable);

  /**
   * CaseReviewChannelSchedule:office-hours:
   *
   * The office hours attempts are scheduled in, as text such as
   * `09:00-12:00,14:00-17:30` (the default); set it with
   * [method@CaseReview.ChannelSchedule.set_office_hours].
   *
   * Since: 0.1
   */
  properties[PROP_OFFICE_HOURS] =
    g_param_spec_string ("office-hours", NULL, NULL, CASE_REVIEW_CHANNEL_SCHEDULE_DEFAULT_OFFICE_HOURS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_channel_schedule_init (CaseReviewChannelSchedule *self)
{
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  self->calls_per_phone = 2;
  self->inquiries_per_channel = 1;
  self->office_hours = g_array_new (FALSE, FALSE, sizeof (CaseReviewMinuteSpan));
  case_review_parse_office_hours (CASE_REVIEW_CHANNEL_SCHEDULE_DEFAULT_OFFICE_HOURS, self->office_hours);
  self->library_version = g_strdup (CASE_REVIEW_VERSION_S);
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * case_review_channel_schedule_new:
 * @seed: the public seed string, e.g. the result of a public lottery draw
 * @from: the first day of the testing period
 * @to: the last day of the testing period
 *
 * Creates a schedule with the default counts and office hours; adjust them,
 * then fill it with [method@CaseReview.ChannelSchedule.compute].
 *
 * Returns: (transfer full): a new, empty schedule
 *
 * Since: 0.1
 */
CaseReviewChannelSchedule *
case_review_channel_schedule_new (const char  *seed,
                                  const GDate *from,
                                  const GDate *to)
{
  g_return_val_if_fail (seed != NULL, NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  return g_object_new (CASE_REVIEW_TYPE_CHANNEL_SCHEDULE, "seed", seed, "from", from, "to", to, NULL);
}

/**
 * case_review_channel_schedule_get_seed:
 * @self: a schedule
 *
 * The seed string.
 *
 * Returns: the seed
 *
 * Since: 0.1
 */
const char *
case_review_channel_schedule_get_seed (CaseReviewChannelSchedule *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), NULL);

  return self->seed;
}

/**
 * case_review_channel_schedule_get_from:
 * @self: a schedule
 *
 * The first day of the testing period.
 *
 * Returns: (transfer none): the date
 *
 * Since: 0.1
 */
const GDate *
case_review_channel_schedule_get_from (CaseReviewChannelSchedule *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), NULL);

  return &self->from;
}

/**
 * case_review_channel_schedule_get_to:
 * @self: a schedule
 *
 * The last day of the testing period.
 *
 * Returns: (transfer none): the date
 *
 * Since: 0.1
 */
const GDate *
case_review_channel_schedule_get_to (CaseReviewChannelSchedule *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), NULL);

  return &self->to;
}

/**
 * case_review_channel_schedule_get_calls_per_phone:
 * @self: a schedule
 *
 * How many test calls each phone line gets.
 *
 * Returns: the number of calls
 *
 * Since: 0.1
 */
guint
case_review_channel_schedule_get_calls_per_phone (CaseReviewChannelSchedule *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), 0);

  return self->calls_per_phone;
}

/**
 * case_review_channel_schedule_set_calls_per_phone:
 * @self: a schedule
 * @calls: the number of calls per phone line, from 1 to 31
 *
 * Sets [property@CaseReview.ChannelSchedule:calls-per-phone]; a computed
 * schedule is emptied.
 *
 * Since: 0.1
 */
void
case_review_channel_schedule_set_calls_per_phone (CaseReviewChannelSchedule *self,
                                                  guint                      calls)
{
  g_return_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self));
  g_return_if_fail (calls >= 1 && calls <= MAX_ATTEMPTS);

  if (self->calls_per_phone == calls)
    return;
  self->calls_per_phone = calls;
  clear_entries (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALLS_PER_PHONE]);
}

/**
 * case_review_channel_schedule_get_inquiries_per_channel:
 * @self: a schedule
 *
 * How many written inquiries each written channel gets.
 *
 * Returns: the number of inquiries
 *
 * Since: 0.1
 */
guint
case_review_channel_schedule_get_inquiries_per_channel (CaseReviewChannelSchedule *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), 0);

  return self->inquiries_per_channel;
}

/**
 * case_review_channel_schedule_set_inquiries_per_channel:
 * @self: a schedule
 * @inquiries: the number of inquiries per written channel, from 0 to 31
 *
 * Sets [property@CaseReview.ChannelSchedule:inquiries-per-channel]; a
 * computed schedule is emptied.
 *
 * Since: 0.1
 */
void
case_review_channel_schedule_set_inquiries_per_channel (CaseReviewChannelSchedule *self,
                                                        guint                      inquiries)
{
  g_return_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self));
  g_return_if_fail (inquiries <= MAX_ATTEMPTS);

  if (self->inquiries_per_channel == inquiries)
    return;
  self->inquiries_per_channel = inquiries;
  clear_entries (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INQUIRIES_PER_CHANNEL]);
}

/**
 * case_review_channel_schedule_dup_office_hours:
 * @self: a schedule
 *
 * The office hours, as text such as `09:00-12:00,14:00-17:30`.
 *
 * Returns: (transfer full): the office hours
 *
 * Since: 0.1
 */
char *
case_review_channel_schedule_dup_office_hours (CaseReviewChannelSchedule *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), NULL);

  return case_review_format_office_hours (self->office_hours);
}

/**
 * case_review_channel_schedule_set_office_hours:
 * @self: a schedule
 * @office_hours: periods `HH:MM-HH:MM` separated by commas, e.g.
 *   `08:30-12:00,14:00-18:00`
 * @error: return location for a #GError
 *
 * Sets the office hours attempts are scheduled in: non-overlapping periods,
 * each ending after it starts (an attempt is due at a whole minute from the
 * start up to one minute before the end). A computed schedule is emptied.
 *
 * Returns: %TRUE on success; %FALSE with %CASE_REVIEW_ERROR_INVALID for
 *   text that is not office hours, the schedule unchanged
 *
 * Since: 0.1
 */
gboolean
case_review_channel_schedule_set_office_hours (CaseReviewChannelSchedule  *self,
                                               const char                 *office_hours,
                                               GError                    **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CaseReviewMinuteSpan));
  const char *reason;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), FALSE);
  g_return_val_if_fail (office_hours != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((reason = case_review_parse_office_hours (office_hours, spans)) != NULL)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, _("office hours \"%s\": %s"),
                   office_hours, reason);
      return FALSE;
    }

  g_array_unref (self->office_hours);
  self->office_hours = g_steal_pointer (&spans);
  clear_entries (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFICE_HOURS]);
  return TRUE;
}

static int
compare_channels (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (case_review_channel_get_id (*(CaseReviewChannel **) a),
                 case_review_channel_get_id (*(CaseReviewChannel **) b));
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Time order; then channel id and attempt, so the order is total. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  CaseReviewScheduledCheck *x = *(CaseReviewScheduledCheck **) a;
  CaseReviewScheduledCheck *y = *(CaseReviewScheduledCheck **) b;
  int order = g_date_time_compare (case_review_scheduled_check_get_scheduled_at (x),
                                   case_review_scheduled_check_get_scheduled_at (y));

  if (order == 0)
    order = strcmp (case_review_scheduled_check_get_channel_id (x), case_review_scheduled_check_get_channel_id (y));
  if (order == 0)
    order = compare_uints (&(guint) { case_review_scheduled_check_get_attempt (x) },
                           &(guint) { case_review_scheduled_check_get_attempt (y) });
  return order;
}

/* The minute of the day of the @offset-th minute of office hours. */
static guint
office_minute (GArray *spans,
               guint   offset)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const CaseReviewMinuteSpan *span = &g_array_index (spans, CaseReviewMinuteSpan, i);

      if (offset < span->end - span->start)
        return span->start + offset;
      offset -= span->end - span->start;
    }
  g_return_val_if_reached (0);
}

static guint
office_minutes (GArray *spans)
{
  guint total = 0;

  for (guint i = 0; i < spans->len; i++)
    total += g_array_index (spans, CaseReviewMinuteSpan, i).end - g_array_index (spans, CaseReviewMinuteSpan, i).start;
  return total;
}

/* Draws the attempts of one channel (docs/channels.md, "The schedule"). */
static gboolean
schedule_channel (CaseReviewChannelSchedule  *self,
                  CaseReviewChannel          *channel,
                  GPtrArray                  *days,
                  guint                       n_attempts,
                  GPtrArray                  *entries,
                  GError                    **error)
{
  g_autofree char *label = g_strconcat ("channels/", case_review_channel_get_id (channel), NULL);
  g_autoptr(CaseReviewRandom) stream = NULL;
  g_autoptr(GTimeZone) beijing = case_review_beijing_time_zone ();
  g_autofree guint *order = NULL;
  g_autofree guint *offsets = NULL;
  guint n_days = days->len, total = office_minutes (self->office_hours);

  stream = case_review_random_new_from_seed (self->seed, label, error);
  if (stream == NULL)
    return FALSE;

  /* Days: a partial Fisher–Yates shuffle of the working days' positions. */
  order = g_new (guint, n_days);
  for (guint i = 0; i < n_days; i++)
    order[i] = i;
  for (guint i = 0; i < n_attempts; i++)
    {
      guint j = i + case_review_random_bounded (stream, n_days - i);
      guint swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }
  qsort (order, n_attempts, sizeof (guint), compare_uints);

  /* Times: distinct minutes of office hours, in draw order. */
  offsets = g_new (guint, n_attempts);
  for (guint i = 0; i < n_attempts; i++)
    {
      gboolean taken;

      do
        {
          offsets[i] = case_review_random_bounded (stream, total);
          taken = FALSE;
          for (guint j = 0; j < i; j++)
            taken = taken || offsets[j] == offsets[i];
        }
      while (taken);
    }

  for (guint i = 0; i < n_attempts; i++)
    {
      const GDate *day = g_ptr_array_index (days, order[i]);
      guint minute = office_minute (self->office_hours, offsets[i]);
      g_autoptr(GDateTime) moment = g_date_time_new (beijing, (int) g_date_get_year (day), (int) g_date_get_month (day),
                                                     (int) g_date_get_day (day), (int) (minute / 60),
                                                     (int) (minute % 60), 0);

      g_ptr_array_add (entries, case_review_scheduled_check_new (channel, i + 1, moment));
    }
  return TRUE;
}

/* The computation behind compute() and verify(); fills @entries. */
static gboolean
compute_entries (CaseReviewChannelSchedule   *self,
                 CaseReviewChannelDirectory  *channels,
                 CaseReviewCalendar          *calendar,
                 GPtrArray                   *entries,
                 guint                       *out_n_working_days,
                 GError                     **error)
{
  g_autoptr(CaseReviewCalendar) default_calendar = NULL;
  g_autoptr(CaseReviewRandom) probe = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *from = case_review_format_gdate (&self->from);
  g_autofree char *to = case_review_format_gdate (&self->to);
  guint n_channels = g_list_model_get_n_items (G_LIST_MODEL (channels));
  guint most = 0, total = office_minutes (self->office_hours);

  if ((probe = case_review_random_new_from_seed (self->seed, "channels/", error)) == NULL)
    {
      g_prefix_error (error, _("seed: "));
      return FALSE;
    }
  if (calendar == NULL)
    calendar = default_calendar = case_review_calendar_new_default ();

  days = calendar_list_working_days (calendar, &self->from, &self->to, error);
  if (days == NULL)
    {
      g_prefix_error (error, _("the testing period %s to %s: "), from, to);
      return FALSE;
    }

  for (guint i = 0; i < n_channels; i++)
    {
      CaseReviewChannel *channel = g_list_model_get_item (G_LIST_MODEL (channels), i);
      guint n = case_review_channel_is_written (channel) ? self->inquiries_per_channel : self->calls_per_phone;

      most = MAX (most, n);
      g_ptr_array_add (sorted, channel);
    }
  if (most > days->len)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("the testing period %s to %s has %u working days, fewer than the %u attempts a channel needs on different days"),
                   from, to, days->len, most);
      return FALSE;
    }
  if (most > total)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("the office hours have %u minutes, fewer than the %u attempts a channel needs at different times"),
                   total, most);
      return FALSE;
    }

  g_ptr_array_sort (sorted, compare_channels);
  for (guint i = 0; i < sorted->len; i++)
    {
      CaseReviewChannel *channel = g_ptr_array_index (sorted, i);
      guint n = case_review_channel_is_written (channel) ? self->inquiries_per_channel : self->calls_per_phone;

      if (n > 0 && !schedule_channel (self, channel, days, n, entries, error))
        return FALSE;
    }
  g_ptr_array_sort (entries, compare_entries);

  *out_n_working_days = days->len;
  return TRUE;
}

/**
 * case_review_channel_schedule_compute:
 * @self: a schedule
 * @channels: the channels to schedule checks for
 * @calendar: (nullable): the working-day calendar, or %NULL for
 *   [ctor@CaseReview.Calendar.new_default]
 * @error: return location for a #GError
 *
 * Draws every channel's attempts and replaces the schedule's entries with
 * them, in time order.
 *
 * Returns: %TRUE on success; %FALSE with %CASE_REVIEW_ERROR_NOT_FOUND when
 *   the calendar has no data for a year of the period, or
 *   %CASE_REVIEW_ERROR_INVALID for an empty seed, a period that ends before
 *   it starts or has fewer working days than attempts per channel; the
 *   schedule is unchanged on failure
 *
 * Since: 0.1
 */
gboolean
case_review_channel_schedule_compute (CaseReviewChannelSchedule   *self,
                                      CaseReviewChannelDirectory  *channels,
                                      CaseReviewCalendar          *calendar,
                                      GError                     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_working_days = 0;
  guint old_n;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (channels), FALSE);
  g_return_val_if_fail (calendar == NULL || CASE_REVIEW_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!compute_entries (self, channels, calendar, entries, &n_working_days, error))
    return FALSE;

  old_n = self->entries->len;
  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&entries);
  self->computed = TRUE;
  self->n_working_days = n_working_days;
  self->n_channels = g_list_model_get_n_items (G_LIST_MODEL (channels));
  g_free (self->channels_fingerprint);
  self->channels_fingerprint = case_review_channel_directory_dup_fingerprint (channels);
  g_free (self->library_version);
  self->library_version = g_strdup (CASE_REVIEW_VERSION_S);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->entries->len);
  return TRUE;
}

/**
 * case_review_channel_schedule_is_computed:
 * @self: a schedule
 *
 * Whether the schedule holds entries for its current parameters: after
 * [method@CaseReview.ChannelSchedule.compute] or when read from a manifest.
 *
 * Returns: %TRUE if it does
 *
 * Since: 0.1
 */
gboolean
case_review_channel_schedule_is_computed (CaseReviewChannelSchedule *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), FALSE);

  return self->computed;
}

/**
 * case_review_channel_schedule_get_channels_fingerprint:
 * @self: a schedule
 *
 * The fingerprint of the channels the schedule was computed for
 * ([method@CaseReview.ChannelDirectory.dup_fingerprint]).
 *
 * Returns: (nullable): the fingerprint, or %NULL before the schedule is
 *   computed
 *
 * Since: 0.1
 */
const char *
case_review_channel_schedule_get_channels_fingerprint (CaseReviewChannelSchedule *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), NULL);

  return self->channels_fingerprint;
}

/**
 * case_review_channel_schedule_get_n_channels:
 * @self: a schedule
 *
 * The number of channels the schedule was computed for.
 *
 * Returns: the number of channels, 0 before the schedule is computed
 *
 * Since: 0.1
 */
guint
case_review_channel_schedule_get_n_channels (CaseReviewChannelSchedule *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), 0);

  return self->n_channels;
}

/**
 * case_review_channel_schedule_get_n_working_days:
 * @self: a schedule
 *
 * The number of working days in the testing period, by the calendar the
 * schedule was computed with.
 *
 * Returns: the number of working days, 0 before the schedule is computed
 *
 * Since: 0.1
 */
guint
case_review_channel_schedule_get_n_working_days (CaseReviewChannelSchedule *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), 0);

  return self->n_working_days;
}

static JsonNode *
entry_to_node (CaseReviewScheduledCheck *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GTimeZone) beijing = case_review_beijing_time_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (case_review_scheduled_check_get_scheduled_at (entry), beijing);
  g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "channel");
  json_builder_add_string_value (builder, case_review_scheduled_check_get_channel_id (entry));
  json_builder_set_member_name (builder, "agency");
  json_builder_add_string_value (builder, case_review_scheduled_check_get_agency_id (entry));
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder,
                                 case_review_channel_type_get_name (case_review_scheduled_check_get_channel_type (entry)));
  json_builder_set_member_name (builder, "address");
  json_builder_add_string_value (builder, case_review_scheduled_check_get_address (entry));
  json_builder_set_member_name (builder, "attempt");
  json_builder_add_int_value (builder, case_review_scheduled_check_get_attempt (entry));
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, time);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
string_to_json (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return json_to_string (node, FALSE);
}

/**
 * case_review_channel_schedule_to_manifest:
 * @self: a computed schedule
 *
 * The schedule's manifest, JSON text with the format name and version, the
 * library version, the algorithm, the seed, the period and its number of
 * working days, the office hours, the counts per channel, the channels'
 * number and fingerprint, and every entry (channel, agency, type, address,
 * attempt, date, time), one per line.
 *
 * Returns: (transfer full): the manifest
 *
 * Since: 0.1
 */
char *
case_review_channel_schedule_to_manifest (CaseReviewChannelSchedule *self)
{
  g_autoptr(GString) out = g_string_new ("{\n");
  g_autofree char *seed = NULL;
  g_autofree char *version = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *fingerprint = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), NULL);

  seed = string_to_json (self->seed);
  version = string_to_json (self->library_version);
  from = case_review_format_gdate (&self->from);
  to = case_review_format_gdate (&self->to);
  hours = case_review_format_office_hours (self->office_hours);
  fingerprint = string_to_json (self->channels_fingerprint != NULL ? self->channels_fingerprint : "");

  g_string_append_printf (out, "\"format\": \"%s\",\n\"version\": %d,\n\"library_version\": %s,\n",
                          MANIFEST_FORMAT, MANIFEST_VERSION, version);
  g_string_append_printf (out, "\"algorithm\": \"%s\",\n\"seed\": %s,\n", ALGORITHM, seed);
  g_string_append_printf (out, "\"period\": {\"from\": \"%s\", \"to\": \"%s\", \"working_days\": %u},\n",
                          from, to, self->n_working_days);
  g_string_append_printf (out, "\"office_hours\": \"%s\",\n\"calls_per_phone\": %u,\n\"inquiries_per_channel\": %u,\n",
                          hours, self->calls_per_phone, self->inquiries_per_channel);
  g_string_append_printf (out, "\"channels\": {\"count\": %u, \"fingerprint\": %s},\n\"entries\": [\n",
                          self->n_channels, fingerprint);
  for (guint i = 0; i < self->entries->len; i++)
    {
      g_autoptr(JsonNode) node = entry_to_node (g_ptr_array_index (self->entries, i));
      g_autofree char *text = json_to_string (node, FALSE);

      g_string_append_printf (out, "%s%s\n", text, i + 1 < self->entries->len ? "," : "");
    }
  g_string_append (out, "]\n}\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * case_review_channel_schedule_save_manifest:
 * @self: a computed schedule
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes [method@CaseReview.ChannelSchedule.to_manifest] to a file,
 * replacing it atomically.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_channel_schedule_save_manifest (CaseReviewChannelSchedule  *self,
                                            GFile                      *file,
                                            GCancellable               *cancellable,
                                            GError                    **error)
{
  g_autofree char *manifest = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  manifest = case_review_channel_schedule_to_manifest (self);
  return channel_io_write_file (file, manifest, FALSE, cancellable, error);
}

/**
 * case_review_channel_schedule_save_csv:
 * @self: a computed schedule
 * @file: where to write
 * @with_bom: whether to start with a UTF-8 byte-order mark for Excel
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the testers' form: one row per entry in time order with the
 * columns `channel,agency,type,address,attempt,attempted_at` followed by the
 * empty result columns of a checks file
 * (`outcome,transferred,bounced,replied_on,substantive,tester,note`), so
 * that the filled-in form can be read by
 * [method@CaseReview.ChannelCheckLog.load_csv].
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_channel_schedule_save_csv (CaseReviewChannelSchedule  *self,
                                       GFile                      *file,
                                       gboolean                    with_bom,
                                       GCancellable               *cancellable,
                                       GError                    **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  out = g_string_new ("channel,agency,type,address,attempt,attempted_at,"
                      "outcome,transferred,bounced,replied_on,substantive,tester,note\r\n");
  for (guint i = 0; i < self->entries->len; i++)
    {
      CaseReviewScheduledCheck *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *attempt = g_strdup_printf ("%u", case_review_scheduled_check_get_attempt (entry));
      g_autofree char *moment = case_review_scheduled_check_dup_scheduled_at_string (entry);

      channel_io_append_csv_field (out, case_review_scheduled_check_get_channel_id (entry), FALSE);
      channel_io_append_csv_field (out, case_review_scheduled_check_get_agency_id (entry), FALSE);
      channel_io_append_csv_field (out, case_review_channel_type_get_name (case_review_scheduled_check_get_channel_type (entry)),
                                   FALSE);
      channel_io_append_csv_field (out, case_review_scheduled_check_get_address (entry), FALSE);
      channel_io_append_csv_field (out, attempt, FALSE);
      channel_io_append_csv_field (out, moment, FALSE);
      g_string_append (out, ",,,,,,\r\n");
    }

  return channel_io_write_file (file, out->str, with_bom, cancellable, error);
}

/* Reading manifests: every problem names its JSON path. */
static gboolean
manifest_error (GError     **error,
                const char  *path,
                const char  *detail)
{
  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, _("manifest: %s: %s"), path, detail);
  return FALSE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char  *object_path,
            const char **out_value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strdup_printf ("%s.%s", object_path, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return manifest_error (error, path, node == NULL ? _("the member is required") : _("expected a string"));
  *out_value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_uint (JsonObject  *object,
          const char  *member,
          const char  *object_path,
          guint        min,
          guint        max,
          guint       *out_value,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strdup_printf ("%s.%s", object_path, member);
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return manifest_error (error, path, node == NULL ? _("the member is required") : _("expected a whole number"));
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_autofree char *detail = g_strdup_printf (_("expected a number from %u to %u"), min, max);
      return manifest_error (error, path, detail);
    }
  *out_value = (guint) value;
  return TRUE;
}

static gboolean
get_object (JsonObject   *object,
            const char   *member,
            JsonObject  **out_object,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strdup_printf ("$.%s", member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return manifest_error (error, path, _("expected an object"));
  *out_object = json_node_get_object (node);
  return TRUE;
}

static gboolean
get_date (JsonObject  *object,
          const char  *member,
          const char  *object_path,
          GDate       *out_date,
          GError     **error)
{
  const char *text, *reason;
  guint32 julian;

  if (!get_string (object, member, object_path, &text, error))
    return FALSE;
  if ((reason = case_review_parse_date (text, &julian)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s", object_path, member);
      return manifest_error (error, path, reason);
    }
  g_date_clear (out_date, 1);
  g_date_set_julian (out_date, julian);
  return TRUE;
}

static CaseReviewScheduledCheck *
read_entry (JsonNode  *node,
            guint      index,
            GError   **error)
{
  g_autofree char *path = g_strdup_printf ("$.entries[%u]", index);
  g_autoptr(CaseReviewChannel) channel = NULL;
  g_autoptr(GDateTime) moment = NULL;
  g_autofree char *moment_text = NULL;
  const char *id, *agency, *type_text, *address, *date, *time, *reason;
  CaseReviewChannelType channel_type;
  JsonObject *object;
  guint attempt;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      manifest_error (error, path, _("expected an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!get_string (object, "channel", path, &id, error) || !get_string (object, "agency", path, &agency, error) ||
      !get_string (object, "type", path, &type_text, error) || !get_string (object, "address", path, &address, error) ||
      !get_uint (object, "attempt", path, 1, MAX_ATTEMPTS, &attempt, error) ||
      !get_string (object, "date", path, &date, error) || !get_string (object, "time", path, &time, error))
    return NULL;
  if (!case_review_channel_type_parse (type_text, &channel_type))
    {
      g_autofree char *type_path = g_strdup_printf ("%s.type", path);
      manifest_error (error, type_path, _("unknown channel type"));
      return NULL;
    }
  moment_text = g_strdup_printf ("%s %s", date, time);
  if ((reason = case_review_parse_moment (moment_text, &moment)) != NULL)
    {
      g_autofree char *time_path = g_strdup_printf ("%s.date/time", path);
      manifest_error (error, time_path, reason);
      return NULL;
    }

  channel = case_review_channel_new (id, agency, NULL, channel_type, address);
  return case_review_scheduled_check_new (channel, attempt, moment);
}

/**
 * case_review_channel_schedule_new_from_manifest:
 * @manifest: a manifest as JSON text
 * @error: return location for a #GError
 *
 * Reads a schedule back from its manifest, to check it with
 * [method@CaseReview.ChannelSchedule.verify] or to print it.
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL with
 *   %CASE_REVIEW_ERROR_PARSE for text that is not JSON,
 *   %CASE_REVIEW_ERROR_UNSUPPORTED for another version, or
 *   %CASE_REVIEW_ERROR_INVALID naming the JSON path of a bad member
 *
 * Since: 0.1
 */
CaseReviewChannelSchedule *
case_review_channel_schedule_new_from_manifest (const char  *manifest,
                                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(CaseReviewChannelSchedule) self = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *root, *period, *channels;
  JsonNode *node;
  JsonArray *array;
  const char *format, *library_version, *algorithm, *seed, *hours, *fingerprint;
  GDate from, to;
  guint version, working_days, calls, inquiries, n_channels;

  g_return_val_if_fail (manifest != NULL, NULL);

  if (!json_parser_load_from_data (parser, manifest, -1, &parse_error))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE, _("manifest: %s"), parse_error->message);
      return NULL;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      manifest_error (error, "$", _("expected a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);

  if (!get_string (root, "format", "$", &format, error))
    return NULL;
  if (!g_str_equal (format, MANIFEST_FORMAT))
    {
      manifest_error (error, "$.format", _("not a complaint-channel schedule manifest"));
      return NULL;
    }
  if (!get_uint (root, "version", "$", 0, G_MAXINT, &version, error))
    return NULL;
  if (version != MANIFEST_VERSION)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_UNSUPPORTED,
                   _("manifest: $.version: only version %d of the schedule manifest is supported"), MANIFEST_VERSION);
      return NULL;
    }
  if (!get_string (root, "library_version", "$", &library_version, error) ||
      !get_string (root, "algorithm", "$", &algorithm, error))
    return NULL;
  if (!g_str_equal (algorithm, ALGORITHM))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_UNSUPPORTED,
                   _("manifest: $.algorithm: unknown scheduling algorithm \"%s\" (this library has %s)"),
                   algorithm, ALGORITHM);
      return NULL;
    }
  if (!get_string (root, "seed", "$", &seed, error) ||
      !get_object (root, "period", &period, error) ||
      !get_date (period, "from", "$.period", &from, error) ||
      !get_date (period, "to", "$.period", &to, error) ||
      !get_uint (period, "working_days", "$.period", 0, G_MAXINT, &working_days, error) ||
      !get_string (root, "office_hours", "$", &hours, error) ||
      !get_uint (root, "calls_per_phone", "$", 1, MAX_ATTEMPTS, &calls, error) ||
      !get_uint (root, "inquiries_per_channel", "$", 0, MAX_ATTEMPTS, &inquiries, error) ||
      !get_object (root, "channels", &channels, error) ||
      !get_uint (channels, "count", "$.channels", 0, G_MAXINT, &n_channels, error) ||
      !get_string (channels, "fingerprint", "$.channels", &fingerprint, error))
    return NULL;

  self = case_review_channel_schedule_new (seed, &from, &to);
  self->calls_per_phone = calls;
  self->inquiries_per_channel = inquiries;
  if (!case_review_channel_schedule_set_office_hours (self, hours, error))
    {
      g_prefix_error (error, "manifest: $.office_hours: ");
      return NULL;
    }

  node = json_object_get_member (root, "entries");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      manifest_error (error, "$.entries", _("expected an array"));
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      CaseReviewScheduledCheck *entry = read_entry (json_array_get_element (array, i), i, error);
      char *key;

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
      key = g_strdup_printf ("%s\n%u", case_review_scheduled_check_get_channel_id (entry),
                             case_review_scheduled_check_get_attempt (entry));
      if (!g_hash_table_add (keys, key))
        {
          g_autofree char *path = g_strdup_printf ("$.entries[%u]", i);
          manifest_error (error, path, _("this attempt on this channel is listed twice"));
          return NULL;
        }
    }

  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&entries);
  self->computed = TRUE;
  self->n_working_days = working_days;
  self->n_channels = n_channels;
  self->channels_fingerprint = g_strdup (fingerprint);
  g_free (self->library_version);
  self->library_version = g_strdup (library_version);
  return g_steal_pointer (&self);
}

/**
 * case_review_channel_schedule_new_from_file:
 * @file: a manifest file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a schedule back from a manifest file.
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL with an error
 *   naming the file and the member
 *
 * Since: 0.1
 */
CaseReviewChannelSchedule *
case_review_channel_schedule_new_from_file (GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error)
{
  g_autofree char *contents = NULL;
  CaseReviewChannelSchedule *schedule;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, NULL, NULL, error))
    return NULL;
  schedule = case_review_channel_schedule_new_from_manifest (contents, error);
  if (schedule == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_prefix_error (error, "%s: ", name);
    }
  return schedule;
}

static void
add_difference (GPtrArray  *differences,
                const char *format,
                ...) G_GNUC_PRINTF (2, 3);

static void
add_difference (GPtrArray  *differences,
                const char *format,
                ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (differences, g_strdup_vprintf (format, args));
  va_end (args);
}

static char *
entry_key (CaseReviewScheduledCheck *entry)
{
  return g_strdup_printf ("%s\n%u", case_review_scheduled_check_get_channel_id (entry),
                          case_review_scheduled_check_get_attempt (entry));
}

/**
 * case_review_channel_schedule_verify:
 * @self: a schedule, usually read from a manifest
 * @channels: the channels it claims to be computed for
 * @calendar: (nullable): the working-day calendar, or %NULL for
 *   [ctor@CaseReview.Calendar.new_default]
 * @error: return location for a #GError
 *
 * Recomputes the schedule from its seed and parameters on @channels and
 * compares everything: the channels' fingerprint, the number of working
 * days in the period, and every entry's channel, agency, type, address and
 * moment.
 *
 * Returns: %TRUE if the schedule is exactly what the algorithm gives;
 *   otherwise %FALSE with a %CASE_REVIEW_ERROR_VERIFY error whose message
 *   lists each difference on its own line (a changed channel list, a moved
 *   call, a missing or extra entry), or the error the recomputation gave
 *
 * Since: 0.1
 */
gboolean
case_review_channel_schedule_verify (CaseReviewChannelSchedule   *self,
                                     CaseReviewChannelDirectory  *channels,
                                     CaseReviewCalendar          *calendar,
                                     GError                     **error)
{
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) computed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) message = NULL;
  g_autofree char *fingerprint = NULL;
  guint n_working_days = 0;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_SCHEDULE (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (channels), FALSE);
  g_return_val_if_fail (calendar == NULL || CASE_REVIEW_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->computed)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE,
                   _("the schedule has not been computed or read from a manifest"));
      return FALSE;
    }

  fingerprint = case_review_channel_directory_dup_fingerprint (channels);
  if (g_strcmp0 (fingerprint, self->channels_fingerprint) != 0)
    add_difference (differences,
                    _("channels: the fingerprint is %s but the manifest records %s (the channel list changed)"),
                    fingerprint, self->channels_fingerprint);
  if (g_list_model_get_n_items (G_LIST_MODEL (channels)) != self->n_channels)
    add_difference (differences, _("channels: the manifest records %u channels, the list has %u"),
                    self->n_channels, g_list_model_get_n_items (G_LIST_MODEL (channels)));

  if (!compute_entries (self, channels, calendar, entries, &n_working_days, error))
    {
      g_prefix_error (error, _("the manifest's schedule cannot be recomputed: "));
      return FALSE;
    }
  if (n_working_days != self->n_working_days)
    add_difference (differences, _("period: the manifest records %u working days, the calendar gives %u"),
                    self->n_working_days, n_working_days);

  for (guint i = 0; i < self->entries->len; i++)
    g_hash_table_insert (recorded, entry_key (g_ptr_array_index (self->entries, i)), g_ptr_array_index (self->entries, i));
  for (guint i = 0; i < entries->len; i++)
    {
      CaseReviewScheduledCheck *b = g_ptr_array_index (entries, i);
      g_autofree char *key = entry_key (b);
      CaseReviewScheduledCheck *a = g_hash_table_lookup (recorded, key);
      g_autofree char *when_b = case_review_scheduled_check_dup_scheduled_at_string (b);
      const char *id = case_review_scheduled_check_get_channel_id (b);
      guint attempt = case_review_scheduled_check_get_attempt (b);

      g_hash_table_add (computed, g_strdup (key));
      if (a == NULL)
        {
          add_difference (differences, _("channel %s, attempt %u: missing from the manifest (the schedule has %s)"),
                          id, attempt, when_b);
          continue;
        }
      if (g_date_time_compare (case_review_scheduled_check_get_scheduled_at (a),
                               case_review_scheduled_check_get_scheduled_at (b)) != 0)
        {
          g_autofree char *when_a = case_review_scheduled_check_dup_scheduled_at_string (a);

          add_difference (differences, _("channel %s, attempt %u: the manifest has %s, the schedule gives %s"),
                          id, attempt, when_a, when_b);
        }
      if (!g_str_equal (case_review_scheduled_check_get_agency_id (a), case_review_scheduled_check_get_agency_id (b)) ||
          case_review_scheduled_check_get_channel_type (a) != case_review_scheduled_check_get_channel_type (b) ||
          !g_str_equal (case_review_scheduled_check_get_address (a), case_review_scheduled_check_get_address (b)))
        add_difference (differences, _("channel %s, attempt %u: the manifest has agency %s, %s %s; the channel list has agency %s, %s %s"),
                        id, attempt, case_review_scheduled_check_get_agency_id (a),
                        case_review_channel_type_get_name (case_review_scheduled_check_get_channel_type (a)),
                        case_review_scheduled_check_get_address (a), case_review_scheduled_check_get_agency_id (b),
                        case_review_channel_type_get_name (case_review_scheduled_check_get_channel_type (b)),
                        case_review_scheduled_check_get_address (b));
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      CaseReviewScheduledCheck *a = g_ptr_array_index (self->entries, i);
      g_autofree char *key = entry_key (a);

      if (!g_hash_table_contains (computed, key))
        {
          g_autofree char *when = case_review_scheduled_check_dup_scheduled_at_string (a);

          add_difference (differences, _("channel %s, attempt %u at %s: in the manifest but not in the schedule"),
                          case_review_scheduled_check_get_channel_id (a), case_review_scheduled_check_get_attempt (a),
                          when);
        }
    }

  if (differences->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE,
                                                "the schedule does not match its seed and channels (%u difference):",
                                                "the schedule does not match its seed and channels (%u differences):",
                                                differences->len),
                          differences->len);
  for (guint i = 0; i < differences->len && i < MAX_DIFFERENCES; i++)
    g_string_append_printf (message, "\n%s", (const char *) g_ptr_array_index (differences, i));
  if (differences->len > MAX_DIFFERENCES)
    g_string_append_printf (message, _("\n… and %u more"), differences->len - MAX_DIFFERENCES);

  g_set_error_literal (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_VERIFY, message->str);
  return FALSE;
}
