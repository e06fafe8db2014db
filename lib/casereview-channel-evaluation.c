/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewChannelEvaluation:
 *
 * The results of a complaint-channel check, made by
 * [method@CaseReview.ChannelRules.evaluate]: each channel's status, each
 * agency's result ([class@CaseReview.ChannelAgencyResult], in agency id
 * order), a [class@CaseReview.ChannelFinding] for every failed channel, and
 * the district validity rate, the number of channels passing over the
 * number tested, as an exact fraction
 * ([method@CaseReview.ChannelEvaluation.get_n_passed] over
 * [method@CaseReview.ChannelEvaluation.get_n_tested]) and as a rate.
 *
 * ```python
 * evaluation = CaseReview.ChannelRules.new().evaluate(channels, checks, None)
 * print(evaluation.dup_validity_rate_text())         # 36/42 = 85.71%
 * for finding in evaluation.get_findings():
 *     print(finding.dup_summary())
 * ```
 *
 * Evaluations are immutable.
 *
 * Since: 0.1
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-channel-private.h"
#include "casereview-datetime-parsers.h"
#include "casereview-json-members.h"

struct _CaseReviewChannelEvaluation
{
  GObject parent_instance;

  CaseReviewChannelRules *rules;
  GListStore *agency_results;
  GListStore *findings;
  GHashTable *channel_status;     /* channel id → CaseReviewChannelStatus */
  guint n_channels;
  guint n_tested;
  guint n_passed;
};

G_DEFINE_FINAL_TYPE (CaseReviewChannelEvaluation, case_review_channel_evaluation, G_TYPE_OBJECT)

static void
case_review_channel_evaluation_finalize (GObject *object)
{
  CaseReviewChannelEvaluation *self = CASE_REVIEW_CHANNEL_EVALUATION (object);

  g_clear_object (&self->rules);
  g_clear_object (&self->agency_results);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->channel_status, g_hash_table_unref);

  G_OBJECT_CLASS (case_review_channel_evaluation_parent_class)->finalize (object);
}

static void
case_review_channel_evaluation_class_init (CaseReviewChannelEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_channel_evaluation_finalize;
}

static void
case_review_channel_evaluation_init (CaseReviewChannelEvaluation *self)
{
}

CaseReviewChannelEvaluation *
channel_evaluation_new (CaseReviewChannelRules *rules,
                        GPtrArray              *agency_results,
                        GPtrArray              *findings,
                        GHashTable             *channel_status,
                        guint                   n_channels,
                        guint                   n_tested,
                        guint                   n_passed)
{
  CaseReviewChannelEvaluation *self = g_object_new (CASE_REVIEW_TYPE_CHANNEL_EVALUATION, NULL);

  self->rules = g_object_ref (rules);
  self->agency_results = g_list_store_new (CASE_REVIEW_TYPE_CHANNEL_AGENCY_RESULT);
  g_list_store_splice (self->agency_results, 0, 0, agency_results->pdata, agency_results->len);
  self->findings = g_list_store_new (CASE_REVIEW_TYPE_CHANNEL_FINDING);
  g_list_store_splice (self->findings, 0, 0, findings->pdata, findings->len);
  self->channel_status = g_hash_table_ref (channel_status);
  self->n_channels = n_channels;
  self->n_tested = n_tested;
  self->n_passed = n_passed;
  return self;
}

/**
 * case_review_channel_evaluation_get_rules:
 * @self: an evaluation
 *
 * The rules the evaluation applied (a copy, so later changes to the rules
 * object passed to [method@CaseReview.ChannelRules.evaluate] do not show).
 *
 * Returns: (transfer none): the rules
 *
 * Since: 0.1
 */
CaseReviewChannelRules *
case_review_channel_evaluation_get_rules (CaseReviewChannelEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), NULL);

  return self->rules;
}

/**
 * case_review_channel_evaluation_get_agency_results:
 * @self: an evaluation
 *
 * Every agency with channels in the directory and its result, in agency id
 * order (bytewise).
 *
 * Returns: (transfer none): a list model of
 *   [class@CaseReview.ChannelAgencyResult]
 *
 * Since: 0.1
 */
GListModel *
case_review_channel_evaluation_get_agency_results (CaseReviewChannelEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), NULL);

  return G_LIST_MODEL (self->agency_results);
}

/**
 * case_review_channel_evaluation_lookup_agency_result:
 * @self: an evaluation
 * @agency_id: an agency id
 *
 * Finds an agency's result.
 *
 * Returns: (transfer none) (nullable): the result, or %NULL when the agency
 *   has no channels in the directory
 *
 * Since: 0.1
 */
CaseReviewChannelAgencyResult *
case_review_channel_evaluation_lookup_agency_result (CaseReviewChannelEvaluation *self,
                                                     const char                  *agency_id)
{
  GListModel *model;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), NULL);
  g_return_val_if_fail (agency_id != NULL, NULL);

  model = G_LIST_MODEL (self->agency_results);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CaseReviewChannelAgencyResult) result = g_list_model_get_item (model, i);

      if (g_str_equal (case_review_channel_agency_result_get_agency_id (result), agency_id))
        return result;  /* the store keeps a reference */
    }
  return NULL;
}

/**
 * case_review_channel_evaluation_get_findings:
 * @self: an evaluation
 *
 * A finding for every failed channel, in the order of agency id and then
 * channel id.
 *
 * Returns: (transfer none): a list model of
 *   [class@CaseReview.ChannelFinding]
 *
 * Since: 0.1
 */
GListModel *
case_review_channel_evaluation_get_findings (CaseReviewChannelEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), NULL);

  return G_LIST_MODEL (self->findings);
}

/**
 * case_review_channel_evaluation_get_channel_status:
 * @self: an evaluation
 * @channel_id: a channel id
 *
 * One channel's result.
 *
 * Returns: passed, failed, or untested (also for an id not in the
 *   directory)
 *
 * Since: 0.1
 */
CaseReviewChannelStatus
case_review_channel_evaluation_get_channel_status (CaseReviewChannelEvaluation *self,
                                                   const char                  *channel_id)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), CASE_REVIEW_CHANNEL_STATUS_UNTESTED);
  g_return_val_if_fail (channel_id != NULL, CASE_REVIEW_CHANNEL_STATUS_UNTESTED);

  return (CaseReviewChannelStatus) GPOINTER_TO_UINT (g_hash_table_lookup (self->channel_status, channel_id));
}

/**
 * case_review_channel_evaluation_get_n_channels:
 * @self: an evaluation
 *
 * The number of channels in the directory.
 *
 * Returns: the number of channels
 *
 * Since: 0.1
 */
guint
case_review_channel_evaluation_get_n_channels (CaseReviewChannelEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), 0);

  return self->n_channels;
}

/**
 * case_review_channel_evaluation_get_n_tested:
 * @self: an evaluation
 *
 * The number of channels with at least one check: the denominator of the
 * validity rate.
 *
 * Returns: the number of tested channels
 *
 * Since: 0.1
 */
guint
case_review_channel_evaluation_get_n_tested (CaseReviewChannelEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), 0);

  return self->n_tested;
}

/**
 * case_review_channel_evaluation_get_n_passed:
 * @self: an evaluation
 *
 * The number of channels that passed: the numerator of the validity rate.
 *
 * Returns: the number of passing channels
 *
 * Since: 0.1
 */
guint
case_review_channel_evaluation_get_n_passed (CaseReviewChannelEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), 0);

  return self->n_passed;
}

/**
 * case_review_channel_evaluation_get_n_failed:
 * @self: an evaluation
 *
 * The number of channels that failed, the number of findings.
 *
 * Returns: the number of failing channels
 *
 * Since: 0.1
 */
guint
case_review_channel_evaluation_get_n_failed (CaseReviewChannelEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), 0);

  return self->n_tested - self->n_passed;
}

/**
 * case_review_channel_evaluation_get_validity_rate:
 * @self: an evaluation
 *
 * The district validity rate, channels passing ÷ channels tested, as the
 * nearest double; [method@CaseReview.ChannelEvaluation.get_n_passed] and
 * [method@CaseReview.ChannelEvaluation.get_n_tested] give it exactly.
 *
 * Returns: the rate from 0 to 1, or 0 when no channel was tested
 *
 * Since: 0.1
 */
double
case_review_channel_evaluation_get_validity_rate (CaseReviewChannelEvaluation *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), 0);

  return self->n_tested > 0 ? (double) self->n_passed / (double) self->n_tested : 0;
}

/* The percentage with two decimals, rounded half up in exact integer
 * arithmetic: "85.71". */
static char *
dup_percent (guint passed,
             guint tested)
{
  guint64 hundredths = ((guint64) passed * 20000 + tested) / ((guint64) tested * 2);

  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%02u", hundredths / 100, (guint) (hundredths % 100));
}

static guint
gcd (guint a,
     guint b)
{
  while (b != 0)
    {
      guint t = a % b;
      a = b;
      b = t;
    }
  return a;
}

/**
 * case_review_channel_evaluation_dup_validity_rate_text:
 * @self: an evaluation
 *
 * The validity rate as exact text: the fraction and the percentage rounded
 * half up to two decimals, e.g. `36/42 = 85.71%`.
 *
 * Returns: (transfer full): the text
 *
 * Since: 0.1
 */
char *
case_review_channel_evaluation_dup_validity_rate_text (CaseReviewChannelEvaluation *self)
{
  g_autofree char *percent = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), NULL);

  if (self->n_tested == 0)
    return g_strdup (_("0/0 (no channel was tested)"));
  percent = dup_percent (self->n_passed, self->n_tested);
  return g_strdup_printf ("%u/%u = %s%%", self->n_passed, self->n_tested, percent);
}

/**
 * case_review_channel_evaluation_dup_failing_agency_ids:
 * @self: an evaluation
 *
 * The agencies that failed (any tested channel failed), in id order.
 *
 * Returns: (transfer full) (array zero-terminated=1): the agency ids
 *
 * Since: 0.1
 */
char **
case_review_channel_evaluation_dup_failing_agency_ids (CaseReviewChannelEvaluation *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), NULL);

  model = G_LIST_MODEL (self->agency_results);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CaseReviewChannelAgencyResult) result = g_list_model_get_item (model, i);

      if (case_review_channel_agency_result_get_status (result) == CASE_REVIEW_CHANNEL_STATUS_FAILED)
        g_strv_builder_add (builder, case_review_channel_agency_result_get_agency_id (result));
    }
  return g_strv_builder_end (builder);
}

static void
add_check (JsonBuilder            *builder,
           CaseReviewChannelCheck *check)
{
  g_autofree char *moment = case_review_format_moment (case_review_channel_check_get_attempted_at (check), TRUE);
  const GDate *replied_on = case_review_channel_check_get_replied_on (check);

  json_builder_begin_object (builder);
  json_members_add_string (builder, "attempted_at", moment);
  if (case_review_channel_check_is_call (check))
    {
      json_members_add_int (builder, "outcome", case_review_channel_check_get_outcome (check));
      json_builder_set_member_name (builder, "transferred");
      json_builder_add_boolean_value (builder, case_review_channel_check_get_transferred (check));
    }
  else
    {
      g_autofree char *date = replied_on != NULL ? case_review_format_gdate (replied_on) : NULL;

      json_builder_set_member_name (builder, "bounced");
      json_builder_add_boolean_value (builder, case_review_channel_check_get_bounced (check));
      json_members_add_string (builder, "replied_on", date);
      json_builder_set_member_name (builder, "substantive");
      json_builder_add_boolean_value (builder, case_review_channel_check_get_substantive (check));
    }
  if (case_review_channel_check_get_tester (check) != NULL)
    json_members_add_string (builder, "tester", case_review_channel_check_get_tester (check));
  if (case_review_channel_check_get_note (check) != NULL)
    json_members_add_string (builder, "note", case_review_channel_check_get_note (check));
  json_builder_end_object (builder);
}

/**
 * case_review_channel_evaluation_to_json:
 * @self: an evaluation
 *
 * The evaluation as pretty-printed JSON (format
 * `libcasereview-channel-evaluation`, version 1; `docs/channels.md`): the
 * rules, the channel counts, the validity rate (passed, tested, the reduced
 * fraction, the rate and the percentage), the failing agencies, every
 * agency's result and every finding with its evidence.
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 0.1
 */
char *
case_review_channel_evaluation_to_json (CaseReviewChannelEvaluation *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) failing = NULL;
  GListModel *model;

  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_EVALUATION (self), NULL);

  json_builder_begin_object (builder);
  json_members_add_string (builder, "format", "libcasereview-channel-evaluation");
  json_members_add_int (builder, "version", 1);

  json_builder_set_member_name (builder, "rules");
  json_builder_begin_object (builder);
  json_members_add_int (builder, "reply_deadline", case_review_channel_rules_get_reply_deadline (self->rules));
  json_builder_set_member_name (builder, "accept_transfers");
  json_builder_add_boolean_value (builder, case_review_channel_rules_get_accept_transfers (self->rules));
  json_builder_set_member_name (builder, "require_substantive");
  json_builder_add_boolean_value (builder, case_review_channel_rules_get_require_substantive (self->rules));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "channels");
  json_builder_begin_object (builder);
  json_members_add_int (builder, "total", self->n_channels);
  json_members_add_int (builder, "tested", self->n_tested);
  json_members_add_int (builder, "passed", self->n_passed);
  json_members_add_int (builder, "failed", self->n_tested - self->n_passed);
  json_members_add_int (builder, "untested", self->n_channels - self->n_tested);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "validity_rate");
  json_builder_begin_object (builder);
  json_members_add_int (builder, "passed", self->n_passed);
  json_members_add_int (builder, "tested", self->n_tested);
  if (self->n_tested > 0)
    {
      guint divisor = gcd (self->n_passed, self->n_tested);
      g_autofree char *fraction = g_strdup_printf ("%u/%u", self->n_passed / divisor, self->n_tested / divisor);
      g_autofree char *percent = dup_percent (self->n_passed, self->n_tested);
      g_autofree char *percent_text = g_strconcat (percent, "%", NULL);

      json_members_add_string (builder, "fraction", fraction);
      json_builder_set_member_name (builder, "rate");
      json_builder_add_double_value (builder, case_review_channel_evaluation_get_validity_rate (self));
      json_members_add_string (builder, "percent", percent_text);
    }
  else
    {
      json_members_add_string (builder, "fraction", NULL);
      json_members_add_string (builder, "rate", NULL);
      json_members_add_string (builder, "percent", NULL);
    }
  json_builder_end_object (builder);

  failing = case_review_channel_evaluation_dup_failing_agency_ids (self);
  json_builder_set_member_name (builder, "failing_agencies");
  json_builder_begin_array (builder);
  for (guint i = 0; failing[i] != NULL; i++)
    json_builder_add_string_value (builder, failing[i]);
  json_builder_end_array (builder);

  model = G_LIST_MODEL (self->agency_results);
  json_builder_set_member_name (builder, "agencies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CaseReviewChannelAgencyResult) result = g_list_model_get_item (model, i);

      json_builder_begin_object (builder);
      json_members_add_string (builder, "id", case_review_channel_agency_result_get_agency_id (result));
      json_members_add_string (builder, "name", case_review_channel_agency_result_get_agency_name (result));
      json_members_add_string (builder, "status",
                  case_review_channel_status_get_name (case_review_channel_agency_result_get_status (result)));
      json_members_add_int (builder, "channels", case_review_channel_agency_result_get_n_channels (result));
      json_members_add_int (builder, "tested", case_review_channel_agency_result_get_n_tested (result));
      json_members_add_int (builder, "passed", case_review_channel_agency_result_get_n_passed (result));
      json_members_add_int (builder, "failed", case_review_channel_agency_result_get_n_failed (result));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  model = G_LIST_MODEL (self->findings);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CaseReviewChannelFinding) finding = g_list_model_get_item (model, i);
      g_autofree char *summary = case_review_channel_finding_dup_summary (finding);
      g_autofree char *english = case_review_channel_finding_dup_english_summary (finding);
      GListModel *evidence = case_review_channel_finding_get_evidence (finding);
      CaseReviewChannelFailure failure = case_review_channel_finding_get_failure (finding);

      json_builder_begin_object (builder);
      json_members_add_string (builder, "agency", case_review_channel_finding_get_agency_id (finding));
      json_members_add_string (builder, "agency_name", case_review_channel_finding_get_agency_name (finding));
      json_members_add_string (builder, "channel", case_review_channel_finding_get_channel_id (finding));
      json_members_add_string (builder, "type",
                  case_review_channel_type_get_name (case_review_channel_finding_get_channel_type (finding)));
      json_members_add_string (builder, "address", case_review_channel_finding_get_address (finding));
      json_members_add_string (builder, "failure", case_review_channel_failure_get_name (failure));
      json_members_add_string (builder, "rule", case_review_channel_failure_get_label (failure));
      json_members_add_string (builder, "summary", summary);
      json_members_add_string (builder, "summary_en", english);
      json_builder_set_member_name (builder, "checks");
      json_builder_begin_array (builder);
      for (guint j = 0; j < g_list_model_get_n_items (evidence); j++)
        {
          g_autoptr(CaseReviewChannelCheck) check = g_list_model_get_item (evidence, j);
          add_check (builder, check);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}
