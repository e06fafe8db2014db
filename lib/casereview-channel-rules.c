/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewChannelRules:
 *
 * The rules a complaint-channel check is judged by, with the defaults of
 * the protocol in `docs/channels.md` (no national method exists, so every
 * rule is configurable):
 *
 * - a phone line passes when any test call reached the right line (11), or
 *   reached the right department and was correctly transferred (12 with a
 *   transfer) while [property@CaseReview.ChannelRules:accept-transfers] is
 *   set (the default);
 * - a written channel passes when any inquiry got a reply within
 *   [property@CaseReview.ChannelRules:reply-deadline] working days (5 by
 *   default) that answered the question, unless
 *   [property@CaseReview.ChannelRules:require-substantive] is unset; a bounced
 *   inquiry fails;
 * - an agency fails when any of its tested channels fails;
 * - the district validity rate is the number of channels passing divided by
 *   the number of channels tested.
 *
 * [method@CaseReview.ChannelRules.evaluate] applies the rules to a
 * [class@CaseReview.ChannelCheckLog].
 *
 * Since: 0.1
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-channel-private.h"
#include "casereview-channel-rules.h"
#include "casereview-datetime-parsers.h"

#define DEFAULT_REPLY_DEADLINE 5
#define MAX_REPLY_DEADLINE 365

struct _CaseReviewChannelRules
{
  GObject parent_instance;

  guint reply_deadline;
  gboolean accept_transfers;
  gboolean require_substantive;
};

enum {
  PROP_0,
  PROP_REPLY_DEADLINE,
  PROP_ACCEPT_TRANSFERS,
  PROP_REQUIRE_SUBSTANTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewChannelRules, case_review_channel_rules, G_TYPE_OBJECT)

static void
case_review_channel_rules_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CaseReviewChannelRules *self = CASE_REVIEW_CHANNEL_RULES (object);

  switch (prop_id)
    {
    case PROP_REPLY_DEADLINE:
      g_value_set_uint (value, self->reply_deadline);
      break;
    case PROP_ACCEPT_TRANSFERS:
      g_value_set_boolean (value, self->accept_transfers);
      break;
    case PROP_REQUIRE_SUBSTANTIVE:
      g_value_set_boolean (value, self->require_substantive);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_rules_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CaseReviewChannelRules *self = CASE_REVIEW_CHANNEL_RULES (object);

  switch (prop_id)
    {
    case PROP_REPLY_DEADLINE:
      case_review_channel_rules_set_reply_deadline (self, g_value_get_uint (value));
      break;
    case PROP_ACCEPT_TRANSFERS:
      case_review_channel_rules_set_accept_transfers (self, g_value_get_boolean (value));
      break;
    case PROP_REQUIRE_SUBSTANTIVE:
      case_review_channel_rules_set_require_substantive (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_rules_class_init (CaseReviewChannelRulesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = case_review_channel_rules_get_property;
  object_class->set_property = case_review_channel_rules_set_property;

  /**
   * CaseReviewChannelRules:reply-deadline:
   *
   * How many working days a written channel has to reply, counted from the
   * day after the inquiry was sent: 5 by default, at most 365.
   *
   * Since: 0.1
   */
  properties[PROP_REPLY_DEADLINE] =
    g_param_spec_uint ("reply-deadline", NULL, NULL, 0, MAX_REPLY_DEADLINE, DEFAULT_REPLY_DEADLINE, flags);

  /**
   * CaseReviewChannelRules:accept-transfers:
   *
   * Whether a call that reached the right department but the wrong line
   * (12) and was correctly transferred passes: %TRUE by default.
   *
   * Since: 0.1
   */
  properties[PROP_ACCEPT_TRANSFERS] = g_param_spec_boolean ("accept-transfers", NULL, NULL, TRUE, flags);

  /**
   * CaseReviewChannelRules:require-substantive:
   *
   * Whether a reply must answer the inquiry (not only acknowledge it) for a
   * written channel to pass: %TRUE by default.
   *
   * Since: 0.1
   */
  properties[PROP_REQUIRE_SUBSTANTIVE] = g_param_spec_boolean ("require-substantive", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_channel_rules_init (CaseReviewChannelRules *self)
{
  self->reply_deadline = DEFAULT_REPLY_DEADLINE;
  self->accept_transfers = TRUE;
  self->require_substantive = TRUE;
}

/**
 * case_review_channel_rules_new:
 *
 * Creates the default rules.
 *
 * Returns: (transfer full): new rules
 *
 * Since: 0.1
 */
CaseReviewChannelRules *
case_review_channel_rules_new (void)
{
  return g_object_new (CASE_REVIEW_TYPE_CHANNEL_RULES, NULL);
}

/**
 * case_review_channel_rules_get_reply_deadline:
 * @self: rules
 *
 * The reply deadline in working days.
 *
 * Returns: the number of working days
 *
 * Since: 0.1
 */
guint
case_review_channel_rules_get_reply_deadline (CaseReviewChannelRules *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_RULES (self), DEFAULT_REPLY_DEADLINE);

  return self->reply_deadline;
}

/**
 * case_review_channel_rules_set_reply_deadline:
 * @self: rules
 * @working_days: the reply deadline in working days, at most 365
 *
 * Sets [property@CaseReview.ChannelRules:reply-deadline].
 *
 * Since: 0.1
 */
void
case_review_channel_rules_set_reply_deadline (CaseReviewChannelRules *self,
                                              guint                   working_days)
{
  g_return_if_fail (CASE_REVIEW_IS_CHANNEL_RULES (self));
  g_return_if_fail (working_days <= MAX_REPLY_DEADLINE);

  if (self->reply_deadline == working_days)
    return;
  self->reply_deadline = working_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLY_DEADLINE]);
}

/**
 * case_review_channel_rules_get_accept_transfers:
 * @self: rules
 *
 * Whether a correctly transferred call (12) passes.
 *
 * Returns: %TRUE if it does
 *
 * Since: 0.1
 */
gboolean
case_review_channel_rules_get_accept_transfers (CaseReviewChannelRules *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_RULES (self), TRUE);

  return self->accept_transfers;
}

/**
 * case_review_channel_rules_set_accept_transfers:
 * @self: rules
 * @accept: whether a correctly transferred call passes
 *
 * Sets [property@CaseReview.ChannelRules:accept-transfers].
 *
 * Since: 0.1
 */
void
case_review_channel_rules_set_accept_transfers (CaseReviewChannelRules *self,
                                                gboolean                accept)
{
  g_return_if_fail (CASE_REVIEW_IS_CHANNEL_RULES (self));

  accept = !!accept;
  if (self->accept_transfers == accept)
    return;
  self->accept_transfers = accept;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPT_TRANSFERS]);
}

/**
 * case_review_channel_rules_get_require_substantive:
 * @self: rules
 *
 * Whether a reply must be substantive.
 *
 * Returns: %TRUE if it must
 *
 * Since: 0.1
 */
gboolean
case_review_channel_rules_get_require_substantive (CaseReviewChannelRules *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_RULES (self), TRUE);

  return self->require_substantive;
}

/**
 * case_review_channel_rules_set_require_substantive:
 * @self: rules
 * @require: whether a reply must be substantive
 *
 * Sets [property@CaseReview.ChannelRules:require-substantive].
 *
 * Since: 0.1
 */
void
case_review_channel_rules_set_require_substantive (CaseReviewChannelRules *self,
                                                   gboolean                require)
{
  g_return_if_fail (CASE_REVIEW_IS_CHANNEL_RULES (self));

  require = !!require;
  if (self->require_substantive == require)
    return;
  self->require_substantive = require;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRE_SUBSTANTIVE]);
}

static int
compare_attempts (gconstpointer a,
                  gconstpointer b)
{
  return g_date_time_compare (case_review_channel_check_get_attempted_at (*(CaseReviewChannelCheck **) a),
                              case_review_channel_check_get_attempted_at (*(CaseReviewChannelCheck **) b));
}

static int
compare_channels (gconstpointer a,
                  gconstpointer b)
{
  CaseReviewChannel *x = *(CaseReviewChannel **) a, *y = *(CaseReviewChannel **) b;
  int order = strcmp (case_review_channel_get_agency_id (x), case_review_channel_get_agency_id (y));

  return order != 0 ? order : strcmp (case_review_channel_get_id (x), case_review_channel_get_id (y));
}

/* How close a failed inquiry came to passing, for choosing the failure a
 * written channel with several inquiries is reported under. */
static guint
failure_rank (CaseReviewChannelFailure failure)
{
  switch (failure)
    {
    case CASE_REVIEW_CHANNEL_FAILURE_BOUNCED: return 0;
    case CASE_REVIEW_CHANNEL_FAILURE_NO_REPLY: return 1;
    case CASE_REVIEW_CHANNEL_FAILURE_LATE_REPLY: return 2;
    case CASE_REVIEW_CHANNEL_FAILURE_NOT_SUBSTANTIVE: return 3;
    case CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_CONNECTED:
    case CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_RESOLVED:
    default: return 0;
    }
}

/* Judges one tested channel: returns whether it passed, else *@failure.
 * Fills @working_days (one gint per check, -1 without a reply). */
static gboolean
judge_channel (CaseReviewChannelRules    *self,
               CaseReviewChannel         *channel,
               GPtrArray                 *checks,
               CaseReviewCalendar        *calendar,
               GArray                    *working_days,
               CaseReviewChannelFailure  *failure,
               GError                   **error)
{
  gboolean passed = FALSE, connected = FALSE, ranked = FALSE;

  for (guint i = 0; i < checks->len; i++)
    {
      CaseReviewChannelCheck *check = g_ptr_array_index (checks, i);
      const GDate *replied_on = case_review_channel_check_get_replied_on (check);
      CaseReviewCallOutcome outcome = case_review_channel_check_get_outcome (check);
      CaseReviewChannelFailure this_failure;
      int days = -1;

      if (replied_on != NULL)
        {
          GDate sent;

          case_review_moment_get_date (case_review_channel_check_get_attempted_at (check), &sent);
          days = (int) case_review_calendar_count_working_days (calendar, &sent, replied_on, error);
          if (error != NULL && *error != NULL)
            {
              g_autofree char *moment = case_review_channel_check_dup_attempted_at_string (check);
              g_prefix_error (error, _("channel %s, inquiry of %s: "), case_review_channel_get_id (channel), moment);
              return FALSE;
            }
        }
      g_array_append_val (working_days, days);

      if (!case_review_channel_is_written (channel))
        {
          connected = connected || case_review_call_outcome_is_connected (outcome);
          if (outcome == CASE_REVIEW_CALL_OUTCOME_CORRECT_LINE ||
              (outcome == CASE_REVIEW_CALL_OUTCOME_WRONG_LINE && self->accept_transfers &&
               case_review_channel_check_get_transferred (check)))
            passed = TRUE;
          continue;
        }

      if (case_review_channel_check_get_bounced (check))
        this_failure = CASE_REVIEW_CHANNEL_FAILURE_BOUNCED;
      else if (replied_on == NULL)
        this_failure = CASE_REVIEW_CHANNEL_FAILURE_NO_REPLY;
      else if (days > (int) self->reply_deadline)
        this_failure = CASE_REVIEW_CHANNEL_FAILURE_LATE_REPLY;
      else if (self->require_substantive && !case_review_channel_check_get_substantive (check))
        this_failure = CASE_REVIEW_CHANNEL_FAILURE_NOT_SUBSTANTIVE;
      else
        {
          passed = TRUE;
          continue;
        }
      if (!ranked || failure_rank (this_failure) > failure_rank (*failure))
        *failure = this_failure;
      ranked = TRUE;
    }

  if (!case_review_channel_is_written (channel))
    *failure = connected ? CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_RESOLVED : CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_CONNECTED;
  return passed;
}

typedef struct
{
  const char *name;
  guint n_channels;
  guint n_tested;
  guint n_passed;
} AgencyTally;

/**
 * case_review_channel_rules_evaluate:
 * @self: rules
 * @channels: the channels under review
 * @checks: the checks made
 * @calendar: (nullable): the working-day calendar replies are counted in,
 *   or %NULL for [ctor@CaseReview.Calendar.new_default]
 * @error: return location for a #GError
 *
 * Judges every channel by its checks and sums up per agency and for the
 * district: channels without checks are untested and left out of the
 * validity rate; every failed channel becomes a
 * [class@CaseReview.ChannelFinding].
 *
 * Returns: (transfer full) (nullable): the evaluation, or %NULL with
 *   %CASE_REVIEW_ERROR_NOT_FOUND for a check of an unknown channel or a
 *   reply in a year the calendar has no data for, or
 *   %CASE_REVIEW_ERROR_INVALID for a check that does not fit its channel
 *
 * Since: 0.1
 */
CaseReviewChannelEvaluation *
case_review_channel_rules_evaluate (CaseReviewChannelRules      *self,
                                    CaseReviewChannelDirectory  *channels,
                                    CaseReviewChannelCheckLog   *checks,
                                    CaseReviewCalendar          *calendar,
                                    GError                     **error)
{
  g_autoptr(CaseReviewCalendar) default_calendar = NULL;
  g_autoptr(CaseReviewChannelRules) rules = NULL;
  g_autoptr(GHashTable) by_channel = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) agency_results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) agency_order = g_ptr_array_new ();
  guint n_checks = g_list_model_get_n_items (G_LIST_MODEL (checks));
  guint n_channels = g_list_model_get_n_items (G_LIST_MODEL (channels));
  guint n_tested = 0, n_passed = 0;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_RULES (self), NULL);
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (channels), NULL);
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK_LOG (checks), NULL);
  g_return_val_if_fail (calendar == NULL || CASE_REVIEW_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (calendar == NULL)
    calendar = default_calendar = case_review_calendar_new_default ();

  /* The log was checked against a directory when it was built; it may be
   * another one now. */
  for (guint i = 0; i < n_checks; i++)
    {
      g_autoptr(CaseReviewChannelCheck) check = g_list_model_get_item (G_LIST_MODEL (checks), i);
      const char *channel_id = case_review_channel_check_get_channel_id (check);
      CaseReviewChannel *channel = case_review_channel_directory_lookup (channels, channel_id);
      g_autofree char *problem = NULL;
      GPtrArray *list;
      CheckField field;
      CaseReviewError code;

      problem = channel_check_find_problem (check, channel, &field, &code);
      if (problem != NULL)
        {
          g_autofree char *moment = case_review_channel_check_dup_attempted_at_string (check);

          g_set_error (error, CASE_REVIEW_ERROR, code, _("check %u (channel %s at %s): %s"), i + 1, channel_id,
                       moment, problem);
          return NULL;
        }
      list = g_hash_table_lookup (by_channel, case_review_channel_get_id (channel));
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_channel, (gpointer) case_review_channel_get_id (channel), list);
        }
      g_ptr_array_add (list, g_steal_pointer (&check));
    }

  for (guint i = 0; i < n_channels; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (G_LIST_MODEL (channels), i));
  g_ptr_array_sort (sorted, compare_channels);

  /* An agency's name is the first one its channels give. */
  for (guint i = 0; i < sorted->len; i++)
    {
      CaseReviewChannel *channel = g_ptr_array_index (sorted, i);
      const char *agency_id = case_review_channel_get_agency_id (channel);
      AgencyTally *tally = g_hash_table_lookup (tallies, agency_id);

      if (tally == NULL)
        {
          tally = g_new0 (AgencyTally, 1);
          g_hash_table_insert (tallies, (gpointer) agency_id, tally);
          g_ptr_array_add (agency_order, (gpointer) agency_id);
        }
      if (tally->name == NULL)
        tally->name = case_review_channel_get_agency_name (channel);
    }

  for (guint i = 0; i < sorted->len; i++)
    {
      CaseReviewChannel *channel = g_ptr_array_index (sorted, i);
      const char *agency_id = case_review_channel_get_agency_id (channel);
      GPtrArray *list = g_hash_table_lookup (by_channel, case_review_channel_get_id (channel));
      AgencyTally *tally = g_hash_table_lookup (tallies, agency_id);
      CaseReviewChannelStatus channel_status = CASE_REVIEW_CHANNEL_STATUS_UNTESTED;

      tally->n_channels++;

      if (list != NULL && list->len > 0)
        {
          g_autoptr(GArray) working_days = g_array_new (FALSE, FALSE, sizeof (int));
          CaseReviewChannelFailure failure = CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_CONNECTED;
          GError *local_error = NULL;
          gboolean passed;

          g_ptr_array_sort (list, compare_attempts);
          passed = judge_channel (self, channel, list, calendar, working_days, &failure, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          n_tested++;
          tally->n_tested++;
          if (passed)
            {
              n_passed++;
              tally->n_passed++;
              channel_status = CASE_REVIEW_CHANNEL_STATUS_PASSED;
            }
          else
            {
              channel_status = CASE_REVIEW_CHANNEL_STATUS_FAILED;
              g_ptr_array_add (findings, channel_finding_new (channel, tally->name, failure, list, working_days,
                                                              self->reply_deadline));
            }
        }
      g_hash_table_insert (status, g_strdup (case_review_channel_get_id (channel)), GUINT_TO_POINTER (channel_status));
    }

  for (guint i = 0; i < agency_order->len; i++)
    {
      const char *agency_id = g_ptr_array_index (agency_order, i);
      AgencyTally *tally = g_hash_table_lookup (tallies, agency_id);

      g_ptr_array_add (agency_results, channel_agency_result_new (agency_id, tally->name, tally->n_channels,
                                                                  tally->n_tested, tally->n_passed));
    }
  rules = case_review_channel_rules_new ();
  rules->reply_deadline = self->reply_deadline;
  rules->accept_transfers = self->accept_transfers;
  rules->require_substantive = self->require_substantive;
  return channel_evaluation_new (rules, agency_results, findings, status, n_channels, n_tested, n_passed);
}
