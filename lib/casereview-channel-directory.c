/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewChannelDirectory:
 *
 * The complaint channels under review: a [iface@Gio.ListModel] of
 * [class@CaseReview.Channel], each agency's published telephone lines,
 * e-mail addresses, web mailboxes and WeChat accounts.
 *
 * A directory is read from CSV ([method@CaseReview.ChannelDirectory.load_csv];
 * UTF-8 or GB18030, Chinese or English headers) or JSON
 * ([method@CaseReview.ChannelDirectory.load_json]) and written back with
 * [method@CaseReview.ChannelDirectory.save_csv] and
 * [method@CaseReview.ChannelDirectory.save_json]; `docs/channels.md`
 * documents the formats. Loading is all-or-nothing with every problem
 * located, as for a [class@CaseReview.Population]: a duplicate channel id,
 * an unknown channel type, an address that does not fit its type (a phone
 * number without digits, an e-mail address without `@`, a web mailbox that
 * is not an `http(s)://` URL), one agency given two names.
 *
 * [method@CaseReview.ChannelDirectory.dup_fingerprint] identifies the
 * channels' content; schedules of test calls record it.
 *
 * Since: 0.1
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-channel-directory.h"
#include "casereview-channel-io.h"
#include "casereview-channel-private.h"
#include "casereview-population-io.h"

struct _CaseReviewChannelDirectory
{
  GObject parent_instance;

  GPtrArray *channels;        /* CaseReviewChannel, in load order */
  GHashTable *by_id;          /* id → channel */
  GHashTable *agency_names;   /* agency id → the first name given */
  guint max_errors;
  GPtrArray *problems;        /* GError: those of the last failed load */
};

enum {
  PROP_0,
  PROP_MAX_ERRORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void case_review_channel_directory_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaseReviewChannelDirectory, case_review_channel_directory, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      case_review_channel_directory_list_model_init))

static GType
case_review_channel_directory_get_item_type (GListModel *model)
{
  return CASE_REVIEW_TYPE_CHANNEL;
}

static guint
case_review_channel_directory_get_n_items (GListModel *model)
{
  return CASE_REVIEW_CHANNEL_DIRECTORY (model)->channels->len;
}

static gpointer
case_review_channel_directory_get_item (GListModel *model,
                                        guint       position)
{
  CaseReviewChannelDirectory *self = CASE_REVIEW_CHANNEL_DIRECTORY (model);

  if (position >= self->channels->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->channels, position));
}

static void
case_review_channel_directory_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = case_review_channel_directory_get_item_type;
  iface->get_n_items = case_review_channel_directory_get_n_items;
  iface->get_item = case_review_channel_directory_get_item;
}

static void
case_review_channel_directory_finalize (GObject *object)
{
  CaseReviewChannelDirectory *self = CASE_REVIEW_CHANNEL_DIRECTORY (object);

  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->agency_names);
  g_ptr_array_unref (self->channels);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (case_review_channel_directory_parent_class)->finalize (object);
}

static void
case_review_channel_directory_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  CaseReviewChannelDirectory *self = CASE_REVIEW_CHANNEL_DIRECTORY (object);

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
case_review_channel_directory_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  CaseReviewChannelDirectory *self = CASE_REVIEW_CHANNEL_DIRECTORY (object);

  switch (prop_id)
    {
    case PROP_MAX_ERRORS:
      case_review_channel_directory_set_max_errors (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_directory_class_init (CaseReviewChannelDirectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_channel_directory_finalize;
  object_class->get_property = case_review_channel_directory_get_property;
  object_class->set_property = case_review_channel_directory_set_property;

  /**
   * CaseReviewChannelDirectory:max-errors:
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
case_review_channel_directory_init (CaseReviewChannelDirectory *self)
{
  self->channels = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->agency_names = g_hash_table_new (g_str_hash, g_str_equal);
  self->max_errors = 1;
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

/**
 * case_review_channel_directory_new:
 *
 * Creates an empty directory.
 *
 * Returns: (transfer full): a new directory
 *
 * Since: 0.1
 */
CaseReviewChannelDirectory *
case_review_channel_directory_new (void)
{
  return g_object_new (CASE_REVIEW_TYPE_CHANNEL_DIRECTORY, NULL);
}

const char *
channel_check_address (CaseReviewChannelType  channel_type,
                       const char            *address)
{
  const char *at;
  guint digits = 0;

  if (address[0] == '\0')
    return _("the address is empty");
  for (const char *p = address; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return _("the address contains a control character (a tab or a line break)");

  switch (channel_type)
    {
    case CASE_REVIEW_CHANNEL_TYPE_PHONE:
      for (const char *p = address; *p != '\0'; p = g_utf8_next_char (p))
        {
          if (g_ascii_isdigit (*p))
            digits++;
          else if (strchr (" -()+", *p) == NULL && strncmp (p, "转", strlen ("转")) != 0 &&
                   strncmp (p, "－", strlen ("－")) != 0)
            return _("a phone number may hold only digits, spaces, “-”, “+”, parentheses and 转 before an extension");
        }
      if (digits < 3)
        return _("a phone number needs at least three digits");
      return NULL;

    case CASE_REVIEW_CHANNEL_TYPE_EMAIL:
      at = strchr (address, '@');
      if (at == NULL || at == address || strchr (at + 1, '@') != NULL || strchr (at + 1, '.') == NULL ||
          strchr (address, ' ') != NULL || g_str_has_suffix (address, "."))
        return _("not an e-mail address such as jubao@example.gov.cn");
      return NULL;

    case CASE_REVIEW_CHANNEL_TYPE_WEB_MAILBOX:
      if ((g_ascii_strncasecmp (address, "http://", 7) != 0 || address[7] == '\0') &&
          (g_ascii_strncasecmp (address, "https://", 8) != 0 || address[8] == '\0'))
        return _("a web mailbox is given by its http:// or https:// address");
      if (strchr (address, ' ') != NULL)
        return _("a web address cannot contain spaces");
      return NULL;

    case CASE_REVIEW_CHANNEL_TYPE_WECHAT:
    default:
      return NULL;
    }
}

void
channel_append_escaped (GString    *out,
                        const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: g_string_append_c (out, *p);
        }
    }
}

/* Checks @channel against the rules and the channels already present in
 * @by_id and @agency_names; returns NULL or a message with *@code set. */
static char *
find_channel_problem (GHashTable        *by_id,
                      GHashTable        *agency_names,
                      CaseReviewChannel *channel,
                      CaseReviewError   *code)
{
  const char *id = case_review_channel_get_id (channel);
  const char *agency_id = case_review_channel_get_agency_id (channel);
  const char *agency_name = case_review_channel_get_agency_name (channel);
  const char *reason, *known_name;

  *code = CASE_REVIEW_ERROR_INVALID;
  if ((reason = population_check_identifier (id)) != NULL)
    return g_strdup_printf (_("channel id \"%s\": %s"), id, reason);
  if (g_hash_table_contains (by_id, id))
    {
      *code = CASE_REVIEW_ERROR_DUPLICATE;
      return g_strdup_printf (_("duplicate channel id \"%s\""), id);
    }
  if ((reason = population_check_identifier (agency_id)) != NULL)
    return g_strdup_printf (_("channel \"%s\": agency id \"%s\": %s"), id, agency_id, reason);
  if ((reason = channel_check_address (case_review_channel_get_channel_type (channel),
                                       case_review_channel_get_address (channel))) != NULL)
    return g_strdup_printf (_("channel \"%s\": address \"%s\": %s"), id,
                            case_review_channel_get_address (channel), reason);
  known_name = g_hash_table_lookup (agency_names, agency_id);
  if (agency_name != NULL && known_name != NULL && !g_str_equal (agency_name, known_name))
    return g_strdup_printf (_("channel \"%s\": agency %s is named \"%s\" here but \"%s\" for its other channels"),
                            id, agency_id, agency_name, known_name);
  return NULL;
}

static void
index_channel (GHashTable        *by_id,
               GHashTable        *agency_names,
               CaseReviewChannel *channel)
{
  const char *agency_name = case_review_channel_get_agency_name (channel);

  g_hash_table_insert (by_id, (gpointer) case_review_channel_get_id (channel), channel);
  if (agency_name != NULL && !g_hash_table_contains (agency_names, case_review_channel_get_agency_id (channel)))
    g_hash_table_insert (agency_names, (gpointer) case_review_channel_get_agency_id (channel), (gpointer) agency_name);
}

/**
 * case_review_channel_directory_lookup:
 * @self: a directory
 * @channel_id: a channel id
 *
 * Finds a channel by its id.
 *
 * Returns: (transfer none) (nullable): the channel, or %NULL
 *
 * Since: 0.1
 */
CaseReviewChannel *
case_review_channel_directory_lookup (CaseReviewChannelDirectory *self,
                                      const char                 *channel_id)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (self), NULL);
  g_return_val_if_fail (channel_id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, channel_id);
}

/**
 * case_review_channel_directory_add:
 * @self: a directory
 * @channel: a channel
 * @error: return location for a #GError
 *
 * Adds a channel, for directories built in code rather than read from
 * files, checking it as a load would.
 *
 * Returns: %TRUE on success; %FALSE with %CASE_REVIEW_ERROR_DUPLICATE for an
 *   id already present, or %CASE_REVIEW_ERROR_INVALID for an unusable id or
 *   address or an agency name that differs from the one its other channels
 *   give
 *
 * Since: 0.1
 */
gboolean
case_review_channel_directory_add (CaseReviewChannelDirectory  *self,
                                   CaseReviewChannel           *channel,
                                   GError                     **error)
{
  g_autofree char *problem = NULL;
  CaseReviewError code;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL (channel), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  problem = find_channel_problem (self->by_id, self->agency_names, channel, &code);
  if (problem != NULL)
    {
      g_set_error_literal (error, CASE_REVIEW_ERROR, code, problem);
      return FALSE;
    }

  g_ptr_array_add (self->channels, g_object_ref (channel));
  index_channel (self->by_id, self->agency_names, channel);
  g_list_model_items_changed (G_LIST_MODEL (self), self->channels->len - 1, 0, 1);
  return TRUE;
}

void
channel_directory_replace (CaseReviewChannelDirectory *self,
                           GPtrArray                  *channels)
{
  guint old_n = self->channels->len;

  g_hash_table_remove_all (self->by_id);
  g_hash_table_remove_all (self->agency_names);
  g_ptr_array_set_size (self->channels, 0);
  for (guint i = 0; i < channels->len; i++)
    {
      CaseReviewChannel *channel = g_ptr_array_index (channels, i);

      g_ptr_array_add (self->channels, g_object_ref (channel));
      index_channel (self->by_id, self->agency_names, channel);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->channels->len);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * case_review_channel_directory_dup_agency_ids:
 * @self: a directory
 *
 * The ids of the agencies that have channels, each once, sorted bytewise.
 *
 * Returns: (transfer full) (array zero-terminated=1): the agency ids
 *
 * Since: 0.1
 */
char **
case_review_channel_directory_dup_agency_ids (CaseReviewChannelDirectory *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  char **result;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (self), NULL);

  for (guint i = 0; i < self->channels->len; i++)
    {
      const char *agency_id = case_review_channel_get_agency_id (g_ptr_array_index (self->channels, i));

      if (g_hash_table_add (seen, (gpointer) agency_id))
        g_ptr_array_add (ids, (gpointer) agency_id);
    }
  g_ptr_array_sort (ids, compare_strings);

  result = g_new0 (char *, ids->len + 1);
  for (guint i = 0; i < ids->len; i++)
    result[i] = g_strdup (g_ptr_array_index (ids, i));
  return result;
}

static int
compare_channel_ids (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (case_review_channel_get_id (*(CaseReviewChannel **) a),
                 case_review_channel_get_id (*(CaseReviewChannel **) b));
}

/**
 * case_review_channel_directory_dup_fingerprint:
 * @self: a directory
 *
 * The SHA-256 fingerprint of the channels (ids, agencies, types and
 * addresses; not the agency names), independent of their order and of the
 * file format they were read from. `docs/channels.md` specifies the text
 * hashed.
 *
 * Returns: (transfer full): 64 lowercase hexadecimal digits
 *
 * Since: 0.1
 */
char *
case_review_channel_directory_dup_fingerprint (CaseReviewChannelDirectory *self)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GString) text = g_string_new ("libcasereview-channels-v1\n");

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (self), NULL);

  sorted = g_ptr_array_sized_new (self->channels->len);   /* borrowed pointers */
  for (guint i = 0; i < self->channels->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (self->channels, i));
  g_ptr_array_sort (sorted, compare_channel_ids);
  for (guint i = 0; i < sorted->len; i++)
    {
      CaseReviewChannel *channel = g_ptr_array_index (sorted, i);

      g_string_append (text, "channel\t");
      channel_append_escaped (text, case_review_channel_get_id (channel));
      g_string_append_c (text, '\t');
      channel_append_escaped (text, case_review_channel_get_agency_id (channel));
      g_string_append_c (text, '\t');
      g_string_append (text, case_review_channel_type_get_name (case_review_channel_get_channel_type (channel)));
      g_string_append_c (text, '\t');
      channel_append_escaped (text, case_review_channel_get_address (channel));
      g_string_append_c (text, '\n');
    }

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, (gssize) text->len);
}

/**
 * case_review_channel_directory_get_max_errors:
 * @self: a directory
 *
 * How many problems a load collects before it stops.
 *
 * Returns: the limit, at least 1
 *
 * Since: 0.1
 */
guint
case_review_channel_directory_get_max_errors (CaseReviewChannelDirectory *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (self), 1);

  return self->max_errors;
}

/**
 * case_review_channel_directory_set_max_errors:
 * @self: a directory
 * @max_errors: the limit, at least 1
 *
 * Sets [property@CaseReview.ChannelDirectory:max-errors].
 *
 * Since: 0.1
 */
void
case_review_channel_directory_set_max_errors (CaseReviewChannelDirectory *self,
                                              guint                       max_errors)
{
  g_return_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (self));

  max_errors = MAX (max_errors, 1);
  if (self->max_errors == max_errors)
    return;
  self->max_errors = max_errors;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ERRORS]);
}

/**
 * case_review_channel_directory_get_problems:
 * @self: a directory
 *
 * The problems of the last failed load, one [error@CaseReview.Error] each,
 * located as `file:line:column` or by JSON path; empty after a successful
 * load.
 *
 * Returns: (transfer none) (element-type GLib.Error): the problems
 *
 * Since: 0.1
 */
GPtrArray *
case_review_channel_directory_get_problems (CaseReviewChannelDirectory *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (self), NULL);

  return self->problems;
}

static gboolean
finish_load (CaseReviewChannelDirectory  *self,
             GPtrArray                   *loaded,
             GPtrArray                   *problems)
{
  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (self->problems, g_error_copy (g_ptr_array_index (problems, i)));
  if (loaded == NULL)
    return FALSE;

  channel_directory_replace (self, loaded);
  g_ptr_array_unref (loaded);
  return TRUE;
}

/**
 * case_review_channel_directory_load_csv:
 * @self: a directory
 * @file: a channels CSV file (columns 渠道编号/id, 执法单位/agency,
 *   单位名称/agency_name, 渠道类型/type, 号码或地址/address)
 * @encoding: the file's encoding, or %CASE_REVIEW_TEXT_ENCODING_AUTO
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the directory's channels with those of a CSV file (RFC 4180, as
 * for populations; `docs/channels.md` lists the columns).
 *
 * All or nothing: on any error the directory is unchanged.
 *
 * Returns: %TRUE on success; %FALSE with a [error@CaseReview.Error] whose
 *   message has one `file:line:column: rule` problem per line (see
 *   [method@CaseReview.ChannelDirectory.get_problems]), or a #GIOError
 *
 * Since: 0.1
 */
gboolean
case_review_channel_directory_load_csv (CaseReviewChannelDirectory  *self,
                                        GFile                       *file,
                                        CaseReviewTextEncoding       encoding,
                                        GCancellable                *cancellable,
                                        GError                     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return finish_load (self, channel_io_read_channels_csv (file, encoding, self->max_errors, problems,
                                                          cancellable, error),
                      problems);
}

/**
 * case_review_channel_directory_load_json:
 * @self: a directory
 * @file: a channels JSON file (format `libcasereview-channels`, version 1)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the directory's channels with those of a JSON file written by
 * [method@CaseReview.ChannelDirectory.save_json]. Problems are located by
 * JSON path, e.g. `channels.json: $.channels[3].type: …`.
 *
 * All or nothing: on any error the directory is unchanged.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
case_review_channel_directory_load_json (CaseReviewChannelDirectory  *self,
                                         GFile                       *file,
                                         GCancellable                *cancellable,
                                         GError                     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return finish_load (self, channel_io_read_channels_json (file, self->max_errors, problems, cancellable, error),
                      problems);
}

/**
 * case_review_channel_directory_save_csv:
 * @self: a directory
 * @file: where to write
 * @with_bom: whether to start with a UTF-8 byte-order mark for Excel
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the channels as UTF-8 CSV with English headers
 * (`id,agency,agency_name,type,address`); reading it back gives the same
 * channels. The file is replaced atomically.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_channel_directory_save_csv (CaseReviewChannelDirectory  *self,
                                        GFile                       *file,
                                        gboolean                     with_bom,
                                        GCancellable                *cancellable,
                                        GError                     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = channel_io_channels_to_csv (G_LIST_MODEL (self));
  return channel_io_write_file (file, text, with_bom, cancellable, error);
}

/**
 * case_review_channel_directory_save_json:
 * @self: a directory
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the channels as JSON (`docs/channels.md`), one channel per line.
 * The file is replaced atomically.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
case_review_channel_directory_save_json (CaseReviewChannelDirectory  *self,
                                         GFile                       *file,
                                         GCancellable                *cancellable,
                                         GError                     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_DIRECTORY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = channel_io_channels_to_json (G_LIST_MODEL (self));
  return channel_io_write_file (file, text, FALSE, cancellable, error);
}
