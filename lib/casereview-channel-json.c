/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Complaint channels and checks as JSON (docs/channels.md). Problems are
 * located by path: "checks.json: $.checks[4].outcome: ...".
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-channel-io.h"
#include "casereview-channel-private.h"
#include "casereview-datetime-parsers.h"
#include "casereview-population-io.h"
#include "casereview-problem-list.h"
#include "casereview-value-parsers.h"

#define CHANNELS_FORMAT "libcasereview-channels"
#define CHECKS_FORMAT "libcasereview-channel-checks"
#define FORMAT_VERSION 1

typedef struct
{
  const char *display_name;
  ProblemList *problems;
} JsonContext;

static void
json_problem (JsonContext     *context,
              CaseReviewError  code,
              const char      *path,
              const char      *format,
              ...) G_GNUC_PRINTF (4, 5);

static void
json_problem (JsonContext     *context,
              CaseReviewError  code,
              const char      *path,
              const char      *format,
              ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  problem_list_add (context->problems, code, "%s: %s: %s", context->display_name, path, detail);
}

/* A member of @object: FALSE after reporting a problem. Absent and null
 * members give NULL, which is a problem only when @required. */
static gboolean
get_member (JsonContext  *context,
            JsonObject   *object,
            const char   *object_path,
            const char   *member,
            GType         type,
            gboolean      required,
            JsonNode    **out_node)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strdup_printf ("%s.%s", object_path, member);

  *out_node = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        json_problem (context, CASE_REVIEW_ERROR_INVALID, path, _("the member is required"));
      return !required;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    {
      json_problem (context, CASE_REVIEW_ERROR_INVALID, path,
                    type == G_TYPE_STRING ? _("expected a string")
                    : type == G_TYPE_BOOLEAN ? _("expected true or false")
                    : _("expected a whole number"));
      return FALSE;
    }

  *out_node = node;
  return TRUE;
}

static const char *
node_string (JsonNode *node)
{
  return node != NULL ? json_node_get_string (node) : NULL;
}

/* Parses the file and checks its format and version; returns the array
 * member @items. */
static JsonArray *
open_document (JsonParser    *parser,
               GFile         *file,
               JsonContext   *context,
               const char    *format,
               const char    *items,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root, *node;
  JsonObject *object;
  gsize length;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  if (!g_utf8_validate (contents, (gssize) length, NULL))
    {
      problem_list_add (context->problems, CASE_REVIEW_ERROR_ENCODING, _("%s: the file is not valid UTF-8"),
                        context->display_name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, contents, (gssize) length, &parse_error))
    {
      problem_list_add (context->problems, CASE_REVIEW_ERROR_PARSE, "%s: %s", context->display_name,
                        parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      json_problem (context, CASE_REVIEW_ERROR_INVALID, "$", _("expected a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!get_member (context, object, "$", "format", G_TYPE_STRING, TRUE, &node))
    return NULL;
  if (!g_str_equal (json_node_get_string (node), format))
    {
      json_problem (context, CASE_REVIEW_ERROR_INVALID, "$.format", _("expected \"%s\""), format);
      return NULL;
    }
  if (!get_member (context, object, "$", "version", G_TYPE_INT64, TRUE, &node))
    return NULL;
  if (json_node_get_int (node) != FORMAT_VERSION)
    {
      problem_list_add (context->problems, CASE_REVIEW_ERROR_UNSUPPORTED,
                        _("%s: $.version: only version %d of the format is supported"),
                        context->display_name, FORMAT_VERSION);
      return NULL;
    }
  node = json_object_get_member (object, items);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *path = g_strdup_printf ("$.%s", items);
      json_problem (context, CASE_REVIEW_ERROR_INVALID, path, _("expected an array"));
      return NULL;
    }
  return json_node_get_array (node);
}

/* Turns the collected problems into @error; NULL for the caller to return. */
static GPtrArray *
fail (JsonContext  *context,
      GError      **error)
{
  problem_list_to_error (context->problems, error);
  return NULL;
}

GPtrArray *
channel_io_read_channels_json (GFile         *file,
                               guint          max_errors,
                               GPtrArray     *problem_array,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) agency_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *display_name = g_file_get_basename (file);
  ProblemList problems;
  JsonContext context = { display_name, &problems };
  JsonArray *array;

  problem_list_init (&problems, problem_array, max_errors);
  array = open_document (parser, file, &context, CHANNELS_FORMAT, "channels", cancellable, error);
  if (array == NULL)
    return problem_list_is_empty (&problems) ? NULL : fail (&context, error);

  for (guint i = 0; i < json_array_get_length (array) && !problem_list_is_full (&problems); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.channels[%u]", i);
      JsonNode *element = json_array_get_element (array, i);
      JsonNode *id_node, *agency_node, *name_node, *type_node, *address_node;
      const char *id, *agency, *agency_name, *known_name, *reason;
      CaseReviewChannelType channel_type = CASE_REVIEW_CHANNEL_TYPE_PHONE;
      JsonObject *object;
      gboolean ok;

#define MEMBER_PROBLEM(code, member, ...)                                             \
      G_STMT_START {                                                                  \
        g_autofree char *member_path_ = g_strdup_printf ("%s.%s", path, member);      \
        json_problem (&context, code, member_path_, __VA_ARGS__);                     \
        ok = FALSE;                                                                   \
      } G_STMT_END

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          json_problem (&context, CASE_REVIEW_ERROR_INVALID, path, _("expected an object"));
          continue;
        }
      object = json_node_get_object (element);
      ok = get_member (&context, object, path, "id", G_TYPE_STRING, TRUE, &id_node);
      ok = get_member (&context, object, path, "agency", G_TYPE_STRING, TRUE, &agency_node) && ok;
      ok = get_member (&context, object, path, "agency_name", G_TYPE_STRING, FALSE, &name_node) && ok;
      ok = get_member (&context, object, path, "type", G_TYPE_STRING, TRUE, &type_node) && ok;
      ok = get_member (&context, object, path, "address", G_TYPE_STRING, TRUE, &address_node) && ok;
      if (!ok)
        continue;
      id = node_string (id_node);
      agency = node_string (agency_node);
      agency_name = node_string (name_node);
      if (agency_name != NULL && agency_name[0] == '\0')
        agency_name = NULL;

      if ((reason = population_check_identifier (id)) != NULL)
        MEMBER_PROBLEM (CASE_REVIEW_ERROR_INVALID, "id", "%s", reason);
      else if (g_hash_table_contains (ids, id))
        MEMBER_PROBLEM (CASE_REVIEW_ERROR_DUPLICATE, "id", _("duplicate channel id \"%s\""), id);
      else
        g_hash_table_add (ids, (gpointer) id);
      if ((reason = population_check_identifier (agency)) != NULL)
        MEMBER_PROBLEM (CASE_REVIEW_ERROR_INVALID, "agency", _("agency id: %s"), reason);
      if (!case_review_channel_type_parse (node_string (type_node), &channel_type))
        MEMBER_PROBLEM (CASE_REVIEW_ERROR_INVALID, "type",
                        _("unknown channel type \"%s\" (expected phone, email, web_mailbox or wechat)"),
                        node_string (type_node));
      else if ((reason = channel_check_address (channel_type, node_string (address_node))) != NULL)
        MEMBER_PROBLEM (CASE_REVIEW_ERROR_INVALID, "address", _("invalid %s address \"%s\": %s"),
                        case_review_channel_type_get_name (channel_type), node_string (address_node), reason);
      known_name = g_hash_table_lookup (agency_names, agency);
      if (agency_name != NULL && known_name != NULL && !g_str_equal (agency_name, known_name))
        MEMBER_PROBLEM (CASE_REVIEW_ERROR_INVALID, "agency_name",
                        _("agency %s is named \"%s\" here but \"%s\" for another channel"),
                        agency, agency_name, known_name);
      else if (agency_name != NULL && known_name == NULL)
        g_hash_table_insert (agency_names, (gpointer) agency, (gpointer) agency_name);
#undef MEMBER_PROBLEM

      if (ok)
        g_ptr_array_add (channels, case_review_channel_new (id, agency, agency_name, channel_type,
                                                            node_string (address_node)));
    }

  if (!problem_list_is_empty (&problems))
    return fail (&context, error);
  if (channels->len == 0)
    {
      json_problem (&context, CASE_REVIEW_ERROR_INVALID, "$.channels", _("the directory has no channels"));
      return fail (&context, error);
    }
  return g_steal_pointer (&channels);
}

GPtrArray *
channel_io_read_checks_json (GFile                       *file,
                             CaseReviewChannelDirectory  *directory,
                             guint                        max_errors,
                             GPtrArray                   *problem_array,
                             GCancellable                *cancellable,
                             GError                     **error)
{
  static const char * const field_members[N_CHECK_FIELDS] = {
    [CHECK_FIELD_CHANNEL] = "channel",
    [CHECK_FIELD_ATTEMPTED_AT] = "attempted_at",
    [CHECK_FIELD_OUTCOME] = "outcome",
    [CHECK_FIELD_TRANSFERRED] = "transferred",
    [CHECK_FIELD_BOUNCED] = "bounced",
    [CHECK_FIELD_REPLIED_ON] = "replied_on",
    [CHECK_FIELD_SUBSTANTIVE] = "substantive",
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *display_name = g_file_get_basename (file);
  ProblemList problems;
  JsonContext context = { display_name, &problems };
  JsonArray *array;

  problem_list_init (&problems, problem_array, max_errors);
  array = open_document (parser, file, &context, CHECKS_FORMAT, "checks", cancellable, error);
  if (array == NULL)
    return problem_list_is_empty (&problems) ? NULL : fail (&context, error);

  for (guint i = 0; i < json_array_get_length (array) && !problem_list_is_full (&problems); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.checks[%u]", i);
      JsonNode *element = json_array_get_element (array, i);
      JsonNode *channel_node, *moment_node, *outcome_node, *transferred_node, *bounced_node;
      JsonNode *replied_node, *substantive_node, *tester_node, *note_node;
      g_autoptr(GDateTime) attempted_at = NULL;
      g_autoptr(CaseReviewChannelCheck) check = NULL;
      g_autofree char *problem = NULL;
      g_autofree char *key = NULL;
      g_autofree char *moment = NULL;
      CaseReviewChannel *channel;
      CaseReviewCallOutcome outcome = CASE_REVIEW_CALL_OUTCOME_NONE;
      const char *reason;
      guint32 replied_julian = 0;
      GDate replied_on;
      JsonObject *object;
      CheckField field;
      CaseReviewError code;
      gboolean ok;

#define MEMBER_PROBLEM(code, member, ...)                                             \
      G_STMT_START {                                                                  \
        g_autofree char *member_path_ = g_strdup_printf ("%s.%s", path, member);      \
        json_problem (&context, code, member_path_, __VA_ARGS__);                     \
        ok = FALSE;                                                                   \
      } G_STMT_END

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          json_problem (&context, CASE_REVIEW_ERROR_INVALID, path, _("expected an object"));
          continue;
        }
      object = json_node_get_object (element);
      ok = get_member (&context, object, path, "channel", G_TYPE_STRING, TRUE, &channel_node);
      ok = get_member (&context, object, path, "attempted_at", G_TYPE_STRING, TRUE, &moment_node) && ok;
      ok = get_member (&context, object, path, "outcome", G_TYPE_INT64, FALSE, &outcome_node) && ok;
      ok = get_member (&context, object, path, "transferred", G_TYPE_BOOLEAN, FALSE, &transferred_node) && ok;
      ok = get_member (&context, object, path, "bounced", G_TYPE_BOOLEAN, FALSE, &bounced_node) && ok;
      ok = get_member (&context, object, path, "replied_on", G_TYPE_STRING, FALSE, &replied_node) && ok;
      ok = get_member (&context, object, path, "substantive", G_TYPE_BOOLEAN, FALSE, &substantive_node) && ok;
      ok = get_member (&context, object, path, "tester", G_TYPE_STRING, FALSE, &tester_node) && ok;
      ok = get_member (&context, object, path, "note", G_TYPE_STRING, FALSE, &note_node) && ok;
      if (!ok)
        continue;

      g_date_clear (&replied_on, 1);
      channel = case_review_channel_directory_lookup (directory, node_string (channel_node));
      if (channel == NULL)
        MEMBER_PROBLEM (CASE_REVIEW_ERROR_NOT_FOUND, "channel", _("unknown channel \"%s\": not in the channels directory"),
                        node_string (channel_node));
      if ((reason = case_review_parse_moment (node_string (moment_node), &attempted_at)) != NULL)
        MEMBER_PROBLEM (CASE_REVIEW_ERROR_INVALID, "attempted_at", _("invalid time of the attempt \"%s\": %s"),
                        node_string (moment_node), reason);
      if (outcome_node != NULL)
        {
          gint64 value = json_node_get_int (outcome_node);

          if (value < 0 || value > 99 || !case_review_call_outcome_is_valid ((int) value))
            MEMBER_PROBLEM (CASE_REVIEW_ERROR_INVALID, "outcome",
                            _("invalid outcome code %" G_GINT64_FORMAT " (expected 11, 12, 13, 14, 21, 22 or 23)"), value);
          else
            outcome = (CaseReviewCallOutcome) value;
        }
      if (replied_node != NULL)
        {
          if ((reason = case_review_parse_date (node_string (replied_node), &replied_julian)) != NULL)
            MEMBER_PROBLEM (CASE_REVIEW_ERROR_INVALID, "replied_on", _("invalid reply date \"%s\": %s"),
                            node_string (replied_node), reason);
          else
            g_date_set_julian (&replied_on, replied_julian);
        }
      if (!ok)
        continue;

      check = g_object_new (CASE_REVIEW_TYPE_CHANNEL_CHECK,
                            "channel-id", node_string (channel_node),
                            "attempted-at", attempted_at,
                            "outcome", outcome,
                            "transferred", transferred_node != NULL && json_node_get_boolean (transferred_node),
                            "bounced", bounced_node != NULL && json_node_get_boolean (bounced_node),
                            "replied-on", g_date_valid (&replied_on) ? &replied_on : NULL,
                            "substantive", substantive_node != NULL && json_node_get_boolean (substantive_node),
                            "tester", node_string (tester_node),
                            "note", node_string (note_node),
                            NULL);
      problem = channel_check_find_problem (check, channel, &field, &code);
      if (problem != NULL)
        {
          MEMBER_PROBLEM (code, field_members[field], "%s", problem);
          continue;
        }
      moment = case_review_format_moment (attempted_at, FALSE);
      key = g_strconcat (node_string (channel_node), "\n", moment, NULL);
      if (g_hash_table_contains (seen, key))
        {
          MEMBER_PROBLEM (CASE_REVIEW_ERROR_DUPLICATE, "attempted_at",
                          _("channel %s was already checked at %s ($.checks[%u])"), node_string (channel_node),
                          moment, GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)));
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (i));
#undef MEMBER_PROBLEM

      g_ptr_array_add (checks, g_steal_pointer (&check));
    }

  if (!problem_list_is_empty (&problems))
    return fail (&context, error);
  return g_steal_pointer (&checks);
}

char *
channel_io_channels_to_json (GListModel *channels)
{
  GString *out = g_string_new ("{\n\"format\": \"" CHANNELS_FORMAT "\",\n\"version\": 1,\n\"channels\": [\n");

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(CaseReviewChannel) channel = g_list_model_get_item (channels, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, case_review_channel_get_id (channel));
      json_builder_set_member_name (builder, "agency");
      json_builder_add_string_value (builder, case_review_channel_get_agency_id (channel));
      if (case_review_channel_get_agency_name (channel) != NULL)
        {
          json_builder_set_member_name (builder, "agency_name");
          json_builder_add_string_value (builder, case_review_channel_get_agency_name (channel));
        }
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, case_review_channel_type_get_name (case_review_channel_get_channel_type (channel)));
      json_builder_set_member_name (builder, "address");
      json_builder_add_string_value (builder, case_review_channel_get_address (channel));
      json_builder_end_object (builder);

      node = json_builder_get_root (builder);
      text = json_to_string (node, FALSE);
      g_string_append_printf (out, "%s%s\n", text, i + 1 < g_list_model_get_n_items (channels) ? "," : "");
    }

  g_string_append (out, "]\n}\n");
  return g_string_free (out, FALSE);
}

char *
channel_io_checks_to_json (GListModel *checks)
{
  GString *out = g_string_new ("{\n\"format\": \"" CHECKS_FORMAT "\",\n\"version\": 1,\n\"checks\": [\n");

  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr(CaseReviewChannelCheck) check = g_list_model_get_item (checks, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;
      g_autofree char *moment = case_review_format_moment (case_review_channel_check_get_attempted_at (check), TRUE);
      const GDate *replied_on = case_review_channel_check_get_replied_on (check);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "channel");
      json_builder_add_string_value (builder, case_review_channel_check_get_channel_id (check));
      json_builder_set_member_name (builder, "attempted_at");
      json_builder_add_string_value (builder, moment);
      if (case_review_channel_check_is_call (check))
        {
          json_builder_set_member_name (builder, "outcome");
          json_builder_add_int_value (builder, case_review_channel_check_get_outcome (check));
          json_builder_set_member_name (builder, "transferred");
          json_builder_add_boolean_value (builder, case_review_channel_check_get_transferred (check));
        }
      else
        {
          g_autofree char *date = replied_on != NULL ? case_review_format_gdate (replied_on) : NULL;

          json_builder_set_member_name (builder, "bounced");
          json_builder_add_boolean_value (builder, case_review_channel_check_get_bounced (check));
          json_builder_set_member_name (builder, "replied_on");
          if (date != NULL)
            json_builder_add_string_value (builder, date);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "substantive");
          json_builder_add_boolean_value (builder, case_review_channel_check_get_substantive (check));
        }
      if (case_review_channel_check_get_tester (check) != NULL)
        {
          json_builder_set_member_name (builder, "tester");
          json_builder_add_string_value (builder, case_review_channel_check_get_tester (check));
        }
      if (case_review_channel_check_get_note (check) != NULL)
        {
          json_builder_set_member_name (builder, "note");
          json_builder_add_string_value (builder, case_review_channel_check_get_note (check));
        }
      json_builder_end_object (builder);

      node = json_builder_get_root (builder);
      text = json_to_string (node, FALSE);
      g_string_append_printf (out, "%s%s\n", text, i + 1 < g_list_model_get_n_items (checks) ? "," : "");
    }

  g_string_append (out, "]\n}\n");
  return g_string_free (out, FALSE);
}
