/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewChannelCheckLog:
 *
 * The record of a complaint-channel check (投诉渠道畅通性检查): a
 * [iface@Gio.ListModel] of [class@CaseReview.ChannelCheck], every test
 * call and written inquiry made, in the order recorded.
 *
 * Checks are read from CSV ([method@CaseReview.ChannelCheckLog.load_csv])
 * or JSON ([method@CaseReview.ChannelCheckLog.load_json]) against a
 * [class@CaseReview.ChannelDirectory], which every check must name a channel
 * of, and written back with [method@CaseReview.ChannelCheckLog.save_csv]
 * and [method@CaseReview.ChannelCheckLog.save_json]. Each check must fit
 * its channel: a call has an outcome code and no reply, an inquiry has no
 * outcome code, only a call that reached the wrong line (12) can be
 * transferred, a bounced inquiry has no reply, a reply cannot be dated
 * before the inquiry, and one channel is not checked twice at the same
 * moment. Loading is all-or-nothing and every problem is located, e.g.
 * `checks.csv:7:3: invalid outcome code "15" (expected 11, 12, 13, 14, 21, 22 or 23)`.
 *
 * [method@CaseReview.ChannelRules.evaluate] turns a log into results.
 *
 * Since: 0.1
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "casereview-channel-check-log.h"
#include "casereview-channel-io.h"
#include "casereview-channel-private.h"
#include "casereview-datetime-parsers.h"

struct _CaseReviewChannelCheckLog
{
  GObject parent_instance;

  GPtrArray *checks;          /* CaseReviewChannelCheck */
  GHashTable *moments;        /* "channel\nmoment" keys of the checks */
  guint max_errors;
  GPtrArray *problems;        /* GError: those of the last failed load */
};

enum {
  PROP_0,
  PROP_MAX_ERRORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void case_review_channel_check_log_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaseReviewChannelCheckLog, case_review_channel_check_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      case_review_channel_check_log_list_model_init))

static GType
case_review_channel_check_log_get_item_type (GListModel *model)
{
  return CASE_REVIEW_TYPE_CHANNEL_CHECK;
}

static guint
case_review_channel_check_log_get_n_items (GListModel *model)
{
  return CASE_REVIEW_CHANNEL_CHECK_LOG (model)->checks->len;
}

static gpointer
case_review_channel_check_log_get_item (GListModel *model,
                                        guint       position)
{
  CaseReviewChannelCheckLog *self = CASE_REVIEW_CHANNEL_CHECK_LOG (model);

  if (position >= self->checks->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->checks, position));
}

static void
case_review_channel_check_log_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = case_review_channel_check_log_get_item_type;
  iface->get_n_items = case_review_channel_check_log_get_n_items;
  iface->get_item = case_review_channel_check_log_get_item;
}

static void
case_review_channel_check_log_finalize (GObject *object)
{
  CaseReviewChannelCheckLog *self = CASE_REVIEW_CHANNEL_CHECK_LOG (object);

  g_ptr_array_unref (self->checks);
  g_hash_table_unref (self->moments);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (case_review_channel_check_log_parent_class)->finalize (object);
}

static void
case_review_channel_check_log_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  CaseReviewChannelCheckLog *self = CASE_REVIEW_CHANNEL_CHECK_LOG (object);

  switch (prop_id)
    {
    case PROP_MAX_ERRORS:
      g_value_set_uint (value, self->max_errors);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_check_log_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  CaseReviewChannelCheckLog *self = CASE_REVIEW_CHANNEL_CHECK_LOG (object);

  switch (prop_id)
    {
    case PROP_MAX_ERRORS:
      case_review_channel_check_log_set_max_errors (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_check_log_class_init (CaseReviewChannelCheckLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_channel_check_log_finalize;
  object_class->get_property = case_review_channel_check_log_get_property;
  object_class->set_property = case_review_channel_check_log_set_property;

  /**
   * CaseReviewChannelCheckLog:max-errors:
   *
   * How many problems a load collects before it stops: 1 (the default)
   * stops at the first.
   *
   * Since: 0.1
   */
  properties[PROP_MAX_ERRORS] =
    g_param_spec_uint ("max-errors", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_channel_check_log_init (CaseReviewChannelCheckLog *self)
{
  self->checks = g_ptr_array_new_with_free_func (g_object_unref);
  self->moments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->max_errors = 1;
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

/**
 * case_review_channel_check_log_new:
 *
 * Creates an empty log.
 *
 * Returns: (transfer full): a new log
 *
 * Since: 0.1
 */
CaseReviewChannelCheckLog *
case_review_channel_check_log_new (void)
{
  return g_object_new (CASE_REVIEW_TYPE_CHANNEL_CHECK_LOG, NULL);
}

char *
channel_check_find_problem (CaseReviewChannelCheck *check,
                            CaseReviewChannel      *channel,
                            CheckField             *out_field,
                            CaseReviewError        *out_code)
{
  const char *channel_id = case_review_channel_check_get_channel_id (check);
  CaseReviewCallOutcome outcome = case_review_channel_check_get_outcome (check);
  const GDate *replied_on = case_review_channel_check_get_replied_on (check);
  const char *type_name;

  *out_code = CASE_REVIEW_ERROR_INVALID;
  if (channel == NULL)
    {
      *out_field = CHECK_FIELD_CHANNEL;
      *out_code = CASE_REVIEW_ERROR_NOT_FOUND;
      return g_strdup_printf (_("unknown channel \"%s\": not in the channels directory"), channel_id);
    }

  type_name = case_review_channel_type_get_name (case_review_channel_get_channel_type (channel));
  if (!case_review_channel_is_written (channel))
    {
      if (outcome == CASE_REVIEW_CALL_OUTCOME_NONE)
        {
          *out_field = CHECK_FIELD_OUTCOME;
          return g_strdup_printf (_("a call to phone channel %s needs an outcome code (11, 12, 13, 14, 21, 22 or 23)"),
                                  channel_id);
        }
      if (case_review_channel_check_get_transferred (check) && outcome != CASE_REVIEW_CALL_OUTCOME_WRONG_LINE)
        {
          *out_field = CHECK_FIELD_TRANSFERRED;
          return g_strdup_printf (_("only a call that reached the wrong line (12) can be transferred; this call's outcome is %d"),
                                  (int) outcome);
        }
      if (case_review_channel_check_get_bounced (check))
        {
          *out_field = CHECK_FIELD_BOUNCED;
          return g_strdup_printf (_("channel %s is a phone line: a call cannot bounce (that is for written inquiries)"),
                                  channel_id);
        }
      if (replied_on != NULL)
        {
          *out_field = CHECK_FIELD_REPLIED_ON;
          return g_strdup_printf (_("channel %s is a phone line: a call has no reply date (that is for written inquiries)"),
                                  channel_id);
        }
      if (case_review_channel_check_get_substantive (check))
        {
          *out_field = CHECK_FIELD_SUBSTANTIVE;
          return g_strdup_printf (_("channel %s is a phone line: a call has no substantive reply (that is for written inquiries)"),
                                  channel_id);
        }
      return NULL;
    }

  if (outcome != CASE_REVIEW_CALL_OUTCOME_NONE)
    {
      *out_field = CHECK_FIELD_OUTCOME;
      return g_strdup_printf (_("channel %s is a %s channel, tested by a written inquiry: it cannot have a call outcome code (%d)"),
                              channel_id, type_name, (int) outcome);
    }
  if (case_review_channel_check_get_transferred (check))
    {
      *out_field = CHECK_FIELD_TRANSFERRED;
      return g_strdup_printf (_("channel %s is a %s channel: only calls are transferred"), channel_id, type_name);
    }
  if (case_review_channel_check_get_bounced (check) && replied_on != NULL)
    {
      *out_field = CHECK_FIELD_REPLIED_ON;
      return g_strdup (_("a bounced inquiry cannot have a reply"));
    }
  if (case_review_channel_check_get_substantive (check) && replied_on == NULL)
    {
      *out_field = CHECK_FIELD_SUBSTANTIVE;
      return g_strdup (_("a reply is marked substantive but has no reply date"));
    }
  if (replied_on != NULL)
    {
      GDate sent;

      case_review_moment_get_date (case_review_channel_check_get_attempted_at (check), &sent);
      if (g_date_compare (replied_on, &sent) < 0)
        {
          g_autofree char *reply = case_review_format_gdate (replied_on);
          g_autofree char *moment = case_review_channel_check_dup_attempted_at_string (check);

          *out_field = CHECK_FIELD_REPLIED_ON;
          return g_strdup_printf (_("the reply (%s) is dated before the inquiry was sent (%s)"), reply, moment);
        }
    }
  return NULL;
}

static char *
moment_key (CaseReviewChannelCheck *check)
{
  g_autofree char *moment = case_review_channel_check_dup_attempted_at_string (check);

  return g_strconcat (case_review_channel_check_get_channel_id (check), "\n", moment, NULL);
}

/**
 * case_review_channel_check_log_add:
 * @self: a log
 * @check: a check
 * @channels: the directory the check's channel is in
 * @error: return location for a #GError
 *
 * Adds a check, for logs built in code rather than read from files,
 * checking it against its channel as a load would.
 *
 * Returns: %TRUE on success; %FALSE with %CASE_REVIEW_ERROR_NOT_FOUND for
 *   an unknown channel, %CASE_REVIEW_ERROR_DUPLICATE when the channel was
 *   already checked at that moment, or %CASE_REVIEW_ERROR_INVALID for a
 *   check that does not fit its channel
 *
 * Since: 0.1
 */
gboolean
case_review_channel_check_log_add (CaseReviewChannelCheckLog   *self,
                                   CaseReviewChannelCheck      *check,
                                   CaseReviewChannelDirectory  *channels,
                                   GError                     **error)
{
  g_autofree char *problem = NULL;
  g_autofree char *key = NULL;
  CheckField field;
  CaseReviewError code;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK_LOG (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK (check), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (channels), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  problem = channel_check_find_problem (check,
                                        case_review_channel_directory_lookup (channels,
                                                                              case_review_channel_check_get_channel_id (check)),
                                        &field, &code);
  if (problem != NULL)
    {
      g_set_error_literal (error, CASE_REVIEW_ERROR, code, problem);
      return FALSE;
    }
  key = moment_key (check);
  if (g_hash_table_contains (self->moments, key))
    {
      g_autofree char *moment = case_review_channel_check_dup_attempted_at_string (check);

      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE, _("channel %s was already checked at %s"),
                   case_review_channel_check_get_channel_id (check), moment);
      return FALSE;
    }

  g_hash_table_add (self->moments, g_steal_pointer (&key));
  g_ptr_array_add (self->checks, g_object_ref (check));
  g_list_model_items_changed (G_LIST_MODEL (self), self->checks->len - 1, 0, 1);
  return TRUE;
}

static int
compare_attempts (gconstpointer a,
                  gconstpointer b)
{
  return g_date_time_compare (case_review_channel_check_get_attempted_at (*(CaseReviewChannelCheck **) a),
                              case_review_channel_check_get_attempted_at (*(CaseReviewChannelCheck **) b));
}

/**
 * case_review_channel_check_log_dup_checks_for_channel:
 * @self: a log
 * @channel_id: a channel id
 *
 * The checks of one channel, in the order of their attempts.
 *
 * Returns: (transfer full): a list model of [class@CaseReview.ChannelCheck]
 *
 * Since: 0.1
 */
GListModel *
case_review_channel_check_log_dup_checks_for_channel (CaseReviewChannelCheckLog *self,
                                                      const char                *channel_id)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GListStore *store;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK_LOG (self), NULL);
  g_return_val_if_fail (channel_id != NULL, NULL);

  for (guint i = 0; i < self->checks->len; i++)
    {
      CaseReviewChannelCheck *check = g_ptr_array_index (self->checks, i);

      if (g_str_equal (case_review_channel_check_get_channel_id (check), channel_id))
        g_ptr_array_add (found, check);
    }
  g_ptr_array_sort (found, compare_attempts);
  store = g_list_store_new (CASE_REVIEW_TYPE_CHANNEL_CHECK);
  g_list_store_splice (store, 0, 0, found->pdata, found->len);
  return G_LIST_MODEL (store);
}

/**
 * case_review_channel_check_log_get_max_errors:
 * @self: a log
 *
 * How many problems a load collects before it stops.
 *
 * Returns: the limit, at least 1
 *
 * Since: 0.1
 */
guint
case_review_channel_check_log_get_max_errors (CaseReviewChannelCheckLog *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK_LOG (self), 1);

  return self->max_errors;
}

/**
 * case_review_channel_check_log_set_max_errors:
 * @self: a log
 * @max_errors: the limit, at least 1
 *
 * Sets [property@CaseReview.ChannelCheckLog:max-errors].
 *
 * Since: 0.1
 */
void
case_review_channel_check_log_set_max_errors (CaseReviewChannelCheckLog *self,
                                              guint                      max_errors)
{
  g_return_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK_LOG (self));

  max_errors = MAX (max_errors, 1);
  if (self->max_errors == max_errors)
    return;
  self->max_errors = max_errors;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ERRORS]);
}

/**
 * case_review_channel_check_log_get_problems:
 * @self: a log
 *
 * The problems of the last failed load, one [error@CaseReview.Error] each;
 * empty after a successful load.
 *
 * Returns: (transfer none) (element-type GLib.Error): the problems
 *
 * Since: 0.1
 */
GPtrArray *
case_review_channel_check_log_get_problems (CaseReviewChannelCheckLog *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK_LOG (self), NULL);

  return self->problems;
}

static gboolean
finish_load (CaseReviewChannelCheckLog *self,
             GPtrArray                 *loaded,
             GPtrArray                 *problems)
{
  guint old_n = self->checks->len;

  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (self->problems, g_error_copy (g_ptr_array_index (problems, i)));
  if (loaded == NULL)
    return FALSE;

  g_hash_table_remove_all (self->moments);
  g_ptr_array_set_size (self->checks, 0);
  for (guint i = 0; i < loaded->len; i++)
    {
      CaseReviewChannelCheck *check = g_ptr_array_index (loaded, i);

      g_ptr_array_add (self->checks, g_object_ref (check));
      g_hash_table_add (self->moments, moment_key (check));
    }
  g_ptr_array_unref (loaded);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->checks->len);
  return TRUE;
}

/**
 * case_review_channel_check_log_load_csv:
 * @self: a log
 * @file: a checks CSV file (columns 渠道编号/channel, 测试时间/attempted_at,
 *   结果代码/outcome, 正确转接/transferred, 退信/bounced, 答复日期/replied_on,
 *   实质答复/substantive, 测试人/tester, 备注/note)
 * @channels: the channels the checks test
 * @encoding: the file's encoding, or %CASE_REVIEW_TEXT_ENCODING_AUTO
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the log's checks with those of a CSV file (`docs/channels.md`).
 * Times are `YYYY-MM-DD HH:MM` in Beijing time; outcome codes are the
 * numbers 11–23; yes/no columns take `yes`, `no`, `是`, `否` or nothing.
 *
 * All or nothing: on any error the log is unchanged.
 *
 * Returns: %TRUE on success; %FALSE with a [error@CaseReview.Error] whose
 *   message has one `file:line:column: rule` problem per line, or a
 *   #GIOError
 *
 * Since: 0.1
 */
gboolean
case_review_channel_check_log_load_csv (CaseReviewChannelCheckLog   *self,
                                        GFile                       *file,
                                        CaseReviewChannelDirectory  *channels,
                                        CaseReviewTextEncoding       encoding,
                                        GCancellable                *cancellable,
                                        GError                     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK_LOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (channels), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return finish_load (self, channel_io_read_checks_csv (file, channels, encoding, self->max_errors, problems,
                                                        cancellable, error),
                      problems);
}

/**
 * case_review_channel_check_log_load_json:
 * @self: a log
 * @file: a checks JSON file (format `libcasereview-channel-checks`, version 1)
 * @channels: the channels the checks test
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the log's checks with those of a JSON file written by
 * [method@CaseReview.ChannelCheckLog.save_json]; problems are located by
 * JSON path.
 *
 * All or nothing: on any error the log is unchanged.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
case_review_channel_check_log_load_json (CaseReviewChannelCheckLog   *self,
                                         GFile                       *file,
                                         CaseReviewChannelDirectory  *channels,
                                         GCancellable                *cancellable,
                                         GError                     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK_LOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (channels), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return finish_load (self, channel_io_read_checks_json (file, channels, self->max_errors, problems,
                                                         cancellable, error),
                      problems);
}

/**
 * case_review_channel_check_log_save_csv:
 * @self: a log
 * @file: where to write
 * @with_bom: whether to start with a UTF-8 byte-order mark for Excel
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the checks as UTF-8 CSV with English headers
 * (`channel,attempted_at,outcome,transferred,bounced,replied_on,substantive,tester,note`);
 * reading it back gives the same checks. The file is replaced atomically.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_channel_check_log_save_csv (CaseReviewChannelCheckLog  *self,
                                        GFile                      *file,
                                        gboolean                    with_bom,
                                        GCancellable               *cancellable,
                                        GError                    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK_LOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = channel_io_checks_to_csv (G_LIST_MODEL (self));
  return channel_io_write_file (file, text, with_bom, cancellable, error);
}

/**
 * case_review_channel_check_log_save_json:
 * @self: a log
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the checks as JSON (`docs/channels.md`), one check per line, times
 * in ISO 8601 with the `+08:00` offset. The file is replaced atomically.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_channel_check_log_save_json (CaseReviewChannelCheckLog  *self,
                                         GFile                      *file,
                                         GCancellable               *cancellable,
                                         GError                    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_CHECK_LOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = channel_io_checks_to_json (G_LIST_MODEL (self));
  return channel_io_write_file (file, text, FALSE, cancellable, error);
}
