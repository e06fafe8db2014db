/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A notice as JSON, the element of a notice book's "notices" array
 * (docs/notices.md, "The notice book file"): what it says, its number and
 * dates, its problems and its history. Reading checks types and values and
 * names the JSON path of anything wrong; the book checks the history against
 * the lifecycle and the numbering. Private.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-error.h"
#include "casereview-json-members.h"
#include "casereview-notice-private.h"

static void
add_date (JsonBuilder *builder,
          const char  *name,
          const GDate *date)
{
  g_autofree char *text = NULL;

  if (date != NULL && g_date_valid (date))
    text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  json_members_add_string (builder, name, text);
}

static const char * const reason_names[] = { "veto", "failed_file", "low_mean", "channel" };

static void
add_problem (JsonBuilder             *builder,
             CaseReviewNoticeProblem *problem)
{
  json_builder_begin_object (builder);
  json_members_add_string (builder, "severity",
              case_review_problem_severity_get_name (case_review_notice_problem_get_severity (problem)));
  json_members_add_string (builder, "case_id", case_review_notice_problem_get_case_id (problem));
  json_members_add_string (builder, "item", case_review_notice_problem_get_item_code (problem));
  json_members_add_string (builder, "item_title", case_review_notice_problem_get_item_title (problem));
  json_members_add_string (builder, "item_english_title", case_review_notice_problem_get_item_english_title (problem));
  json_members_add_string (builder, "code", case_review_notice_problem_get_code (problem));
  json_members_add_string (builder, "text", case_review_notice_problem_get_text (problem));
  json_members_add_string (builder, "english_text", case_review_notice_problem_get_english_text (problem));
  json_members_add_string (builder, "basis", case_review_notice_problem_get_basis (problem));
  json_members_add_int (builder, "points_tenths", case_review_notice_problem_get_points_tenths (problem));
  json_members_add_int (builder, "occurrences", case_review_notice_problem_get_occurrences (problem));
  json_members_add_string (builder, "evidence_page", case_review_notice_problem_get_evidence_page (problem));
  json_members_add_string (builder, "note", case_review_notice_problem_get_note (problem));
  json_builder_end_object (builder);
}

JsonNode *
case_review_notice_to_json_node_internal (CaseReviewNotice *self)
{
  const NoticeContent *content = case_review_notice_get_content_internal (self);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *history = case_review_notice_get_history (self);
  GListModel *problems = case_review_notice_get_problems (self);

  json_builder_begin_object (builder);
  json_members_add_int (builder, "serial", case_review_notice_get_serial (self));
  json_members_add_string (builder, "number", case_review_notice_get_number (self));
  json_members_add_string (builder, "state", case_review_notice_state_get_name (case_review_notice_get_state (self)));
  json_members_add_string (builder, "language", content->language == CASE_REVIEW_NOTICE_LANGUAGE_EN ? "en" : "zh_CN");
  json_members_add_string (builder, "title", content->title);
  json_members_add_string (builder, "issuer", content->issuer);
  json_members_add_string (builder, "issuer_code", content->issuer_code);
  json_members_add_int (builder, "year", content->year);
  json_members_add_string (builder, "agency", content->agency_id);
  json_members_add_string (builder, "agency_name", content->agency_name);
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    if (content->reasons & (1u << i))
      json_builder_add_string_value (builder, reason_names[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "review");
  json_builder_begin_object (builder);
  add_date (builder, "start", &content->review_start);
  add_date (builder, "end", &content->review_end);
  json_members_add_int (builder, "files", content->n_files);
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_object (builder);
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    if (content->kind_n_files[k] > 0)
      json_members_add_int (builder, case_review_enforcement_kind_get_name (k), content->kind_n_files[k]);
  json_builder_end_object (builder);
  json_members_add_int (builder, "mean_hundredths", content->mean);
  json_members_add_string (builder, "grade", case_review_grade_get_name (content->grade));
  json_members_add_int (builder, "fail_count", content->n_failed);
  json_members_add_int (builder, "vetoed_files", content->n_vetoed);
  json_members_add_int (builder, "rank", content->rank);
  json_members_add_int (builder, "agencies", content->n_agencies);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(CaseReviewNoticeProblem) problem = g_list_model_get_item (problems, i);
      add_problem (builder, problem);
    }
  json_builder_end_array (builder);

  json_members_add_string (builder, "basis", content->basis);
  json_members_add_string (builder, "requirements", content->requirements);
  json_members_add_string (builder, "feedback", content->feedback);
  json_members_add_string (builder, "consequences", content->consequences);
  json_members_add_string (builder, "objection_route", content->objection_route);
  json_builder_set_member_name (builder, "copy_to");
  json_builder_begin_array (builder);
  for (guint i = 0; content->copy_to != NULL && content->copy_to[i] != NULL; i++)
    json_builder_add_string_value (builder, content->copy_to[i]);
  json_builder_end_array (builder);

  json_members_add_int (builder, "deadline_days", content->deadline_days);
  json_builder_set_member_name (builder, "working_days");
  json_builder_add_boolean_value (builder, content->working_days);
  add_date (builder, "issued_on", case_review_notice_get_issued_on (self));
  add_date (builder, "served_on", case_review_notice_get_served_on (self));
  add_date (builder, "deadline", case_review_notice_get_deadline (self));

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(CaseReviewNoticeEvent) event = g_list_model_get_item (history, i);
      g_autofree char *at = g_date_time_format_iso8601 (case_review_notice_event_get_time (event));

      json_builder_begin_object (builder);
      json_members_add_string (builder, "from", case_review_notice_state_get_name (case_review_notice_event_get_from_state (event)));
      json_members_add_string (builder, "to", case_review_notice_state_get_name (case_review_notice_event_get_to_state (event)));
      json_members_add_string (builder, "at", at);
      json_members_add_string (builder, "actor", case_review_notice_event_get_actor (event));
      json_members_add_string (builder, "note", case_review_notice_event_get_note (event));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Reading. Every helper names PATH.MEMBER in its error. */

static gboolean
read_string (JsonObject  *object,
             const char  *member,
             const char  *context,
             const char  *path,
             gboolean     required,
             char       **out,
             GError     **error)
{
  const char *value;

  if (!json_members_string (object, member, context, path, required, &value, error))
    return FALSE;
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
read_date (JsonObject  *object,
           const char  *member,
           const char  *context,
           const char  *path,
           GDate       *out,
           GError     **error)
{
  const char *text;
  guint year, month, day;
  char tail;

  g_date_clear (out, 1);
  if (!json_members_string (object, member, context, path, FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 || strlen (text) != 10 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);
      g_autofree char *detail = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)"), text);
      return json_members_error (error, context, member_path, detail);
    }
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

static gboolean
read_problem (JsonNode                 *node,
              const char               *context,
              const char               *path,
              CaseReviewNoticeProblem **out,
              GError                  **error)
{
  NoticeProblemData data = { 0 };
  JsonObject *object;
  const char *severity;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_members_error (error, context, path, _("expected an object"));
  object = json_node_get_object (node);
  if (!json_members_string (object, "severity", context, path, TRUE, &severity, error))
    return FALSE;
  if (g_strcmp0 (severity, "deduction") == 0)
    data.severity = CASE_REVIEW_PROBLEM_SEVERITY_DEDUCTION;
  else if (g_strcmp0 (severity, "veto") == 0)
    data.severity = CASE_REVIEW_PROBLEM_SEVERITY_VETO;
  else if (g_strcmp0 (severity, "channel") == 0)
    data.severity = CASE_REVIEW_PROBLEM_SEVERITY_CHANNEL;
  else
    {
      g_autofree char *member_path = g_strdup_printf ("%s.severity", path);
      g_autofree char *detail = g_strdup_printf (_("unknown severity “%s”: expected deduction, veto or channel"),
                                                 severity);
      return json_members_error (error, context, member_path, detail);
    }

  ok = read_string (object, "case_id", context, path, TRUE, &data.case_id, error) &&
       read_string (object, "item", context, path, FALSE, &data.item_code, error) &&
       read_string (object, "item_title", context, path, FALSE, &data.item_title, error) &&
       read_string (object, "item_english_title", context, path, FALSE, &data.item_english_title, error) &&
       read_string (object, "code", context, path, TRUE, &data.code, error) &&
       read_string (object, "text", context, path, TRUE, &data.text, error) &&
       read_string (object, "english_text", context, path, FALSE, &data.english_text, error) &&
       read_string (object, "basis", context, path, FALSE, &data.basis, error) &&
       read_string (object, "evidence_page", context, path, FALSE, &data.evidence_page, error) &&
       read_string (object, "note", context, path, FALSE, &data.note, error) &&
       json_members_uint (object, "points_tenths", context, path, &data.points_tenths, error) &&
       json_members_uint (object, "occurrences", context, path, &data.occurrences, error);

  /* The constructor takes the strings either way. */
  *out = case_review_notice_problem_new_internal (&data);
  if (!ok)
    g_clear_object (out);
  return ok;
}

static gboolean
read_strv (JsonObject  *object,
           const char  *member,
           const char  *context,
           const char  *path,
           char      ***out,
           GError     **error)
{
  JsonArray *array = json_members_array (object, member, context, path, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *element_path = g_strdup_printf ("%s.%s[%u]", path, member, i);
          return json_members_error (error, context, element_path, _("expected a string"));
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_reasons (JsonObject             *object,
              const char             *context,
              const char             *path,
              CaseReviewNoticeReason *out,
              GError                **error)
{
  g_auto(GStrv) names = NULL;

  *out = CASE_REVIEW_NOTICE_REASON_NONE;
  if (!read_strv (object, "reasons", context, path, &names, error))
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      guint r;

      for (r = 0; r < G_N_ELEMENTS (reason_names); r++)
        if (strcmp (names[i], reason_names[r]) == 0)
          break;
      if (r == G_N_ELEMENTS (reason_names))
        {
          g_autofree char *element_path = g_strdup_printf ("%s.reasons[%u]", path, i);
          g_autofree char *detail = g_strdup_printf (_("unknown reason “%s”"), names[i]);
          return json_members_error (error, context, element_path, detail);
        }
      *out |= 1u << r;
    }
  return TRUE;
}

static gboolean
read_review (JsonObject    *object,
             const char    *context,
             const char    *path,
             NoticeContent *content,
             GError       **error)
{
  g_autofree char *review_path = g_strdup_printf ("%s.review", path);
  JsonNode *node = json_object_get_member (object, "review");
  JsonObject *review, *kinds;
  const char *grade;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return json_members_error (error, context, review_path, _("expected an object"));
  review = json_node_get_object (node);
  if (!read_date (review, "start", context, review_path, &content->review_start, error) ||
      !read_date (review, "end", context, review_path, &content->review_end, error) ||
      !json_members_uint (review, "files", context, review_path, &content->n_files, error) ||
      !json_members_uint (review, "mean_hundredths", context, review_path, &content->mean, error) ||
      !json_members_uint (review, "fail_count", context, review_path, &content->n_failed, error) ||
      !json_members_uint (review, "vetoed_files", context, review_path, &content->n_vetoed, error) ||
      !json_members_uint (review, "rank", context, review_path, &content->rank, error) ||
      !json_members_uint (review, "agencies", context, review_path, &content->n_agencies, error) ||
      !json_members_string (review, "grade", context, review_path, TRUE, &grade, error))
    return FALSE;

  content->grade = CASE_REVIEW_GRADE_FAIL;
  for (guint g = CASE_REVIEW_GRADE_EXCELLENT; g <= CASE_REVIEW_GRADE_FAIL; g++)
    if (g_strcmp0 (case_review_grade_get_name (g), grade) == 0)
      content->grade = g;

  node = json_object_get_member (review, "kinds");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *kinds_path = g_strdup_printf ("%s.kinds", review_path);
      return json_members_error (error, context, kinds_path, _("expected an object"));
    }
  kinds = json_node_get_object (node);
  for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
    if (json_object_has_member (kinds, case_review_enforcement_kind_get_name (k)))
      {
        g_autofree char *kinds_path = g_strdup_printf ("%s.kinds", review_path);
        if (!json_members_uint (kinds, case_review_enforcement_kind_get_name (k), context, kinds_path,
                                &content->kind_n_files[k], error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
read_content (JsonObject    *object,
              const char    *context,
              const char    *path,
              NoticeContent *content,
              GError       **error)
{
  const char *language;
  JsonArray *problems;

  if (!json_members_string (object, "language", context, path, TRUE, &language, error))
    return FALSE;
  if (strcmp (language, "zh_CN") == 0)
    content->language = CASE_REVIEW_NOTICE_LANGUAGE_ZH_CN;
  else if (strcmp (language, "en") == 0)
    content->language = CASE_REVIEW_NOTICE_LANGUAGE_EN;
  else
    {
      g_autofree char *member_path = g_strdup_printf ("%s.language", path);
      return json_members_error (error, context, member_path, _("expected “zh_CN” or “en”"));
    }

  if (!read_string (object, "title", context, path, TRUE, &content->title, error) ||
      !read_string (object, "issuer", context, path, TRUE, &content->issuer, error) ||
      !read_string (object, "issuer_code", context, path, TRUE, &content->issuer_code, error) ||
      !json_members_uint (object, "year", context, path, &content->year, error) ||
      !read_string (object, "agency", context, path, TRUE, &content->agency_id, error) ||
      !read_string (object, "agency_name", context, path, TRUE, &content->agency_name, error) ||
      !read_reasons (object, context, path, &content->reasons, error) ||
      !read_review (object, context, path, content, error) ||
      !read_string (object, "basis", context, path, TRUE, &content->basis, error) ||
      !read_string (object, "requirements", context, path, TRUE, &content->requirements, error) ||
      !read_string (object, "feedback", context, path, TRUE, &content->feedback, error) ||
      !read_string (object, "consequences", context, path, TRUE, &content->consequences, error) ||
      !read_string (object, "objection_route", context, path, TRUE, &content->objection_route, error) ||
      !read_strv (object, "copy_to", context, path, &content->copy_to, error) ||
      !json_members_uint (object, "deadline_days", context, path, &content->deadline_days, error) ||
      !json_members_boolean (object, "working_days", context, path, &content->working_days, error))
    return FALSE;

  if ((problems = json_members_array (object, "problems", context, path, error)) == NULL)
    return FALSE;
  content->problems = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      g_autofree char *problem_path = g_strdup_printf ("%s.problems[%u]", path, i);
      CaseReviewNoticeProblem *problem = NULL;

      if (!read_problem (json_array_get_element (problems, i), context, problem_path, &problem, error))
        return FALSE;
      g_ptr_array_add (content->problems, problem);
    }
  return TRUE;
}

static gboolean
read_state (JsonObject            *object,
            const char            *member,
            const char            *context,
            const char            *path,
            CaseReviewNoticeState *out,
            GError               **error)
{
  const char *name;

  if (!json_members_string (object, member, context, path, TRUE, &name, error))
    return FALSE;
  if (!case_review_notice_state_from_name (name, out))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);
      g_autofree char *detail = g_strdup_printf (_("unknown state “%s”"), name);
      return json_members_error (error, context, member_path, detail);
    }
  return TRUE;
}

static gboolean
read_history (JsonObject        *object,
              const char        *context,
              const char        *path,
              CaseReviewNotice  *notice,
              GError           **error)
{
  JsonArray *history = json_members_array (object, "history", context, path, error);

  if (history == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      g_autofree char *event_path = g_strdup_printf ("%s.history[%u]", path, i);
      JsonNode *node = json_array_get_element (history, i);
      g_autoptr(GDateTime) at = NULL;
      g_autoptr(CaseReviewNoticeEvent) event = NULL;
      CaseReviewNoticeState from, to;
      const char *at_text, *actor, *note;
      JsonObject *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return json_members_error (error, context, event_path, _("expected an object"));
      entry = json_node_get_object (node);
      if (!read_state (entry, "from", context, event_path, &from, error) ||
          !read_state (entry, "to", context, event_path, &to, error) ||
          !json_members_string (entry, "at", context, event_path, TRUE, &at_text, error) ||
          !json_members_string (entry, "actor", context, event_path, TRUE, &actor, error) ||
          !json_members_string (entry, "note", context, event_path, FALSE, &note, error))
        return FALSE;
      if ((at = g_date_time_new_from_iso8601 (at_text, NULL)) == NULL)
        {
          g_autofree char *member_path = g_strdup_printf ("%s.at", event_path);
          g_autofree char *detail = g_strdup_printf (_("“%s” is not an ISO 8601 time with a time zone"), at_text);
          return json_members_error (error, context, member_path, detail);
        }
      event = case_review_notice_event_new_internal (from, to, at, actor, note);
      case_review_notice_record_internal (notice, event);
    }
  return TRUE;
}

CaseReviewNotice *
case_review_notice_new_from_json_internal (JsonObject  *object,
                                           const char  *path,
                                           const char  *context,
                                           GError     **error)
{
  NoticeContent content = { 0 };
  g_autoptr(CaseReviewNotice) notice = NULL;
  GDate issued_on, served_on, deadline;
  guint serial;

  if (!read_content (object, context, path, &content, error))
    {
      notice_content_clear (&content);
      return NULL;
    }
  notice = case_review_notice_new_internal (&content);

  if (!json_members_uint (object, "serial", context, path, &serial, error) ||
      !read_date (object, "issued_on", context, path, &issued_on, error) ||
      !read_date (object, "served_on", context, path, &served_on, error) ||
      !read_date (object, "deadline", context, path, &deadline, error) ||
      !read_history (object, context, path, notice, error))
    return NULL;
  if (serial > 0)
    case_review_notice_set_serial_internal (notice, serial);
  case_review_notice_set_dates_internal (notice, &issued_on, &served_on, &deadline);
  return g_steal_pointer (&notice);
}
