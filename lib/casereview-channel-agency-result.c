/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewChannelAgencyResult:
 *
 * One agency's result in a [class@CaseReview.ChannelEvaluation]: how many
 * of its complaint channels were tested, passed and failed. An agency fails
 * when any of its tested channels fails, passes when it has tested channels
 * and none failed, and is untested otherwise.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include "casereview-channel-private.h"

struct _CaseReviewChannelAgencyResult
{
  GObject parent_instance;

  char *agency_id;
  char *agency_name;
  guint n_channels;
  guint n_tested;
  guint n_passed;
};

enum {
  PROP_0,
  PROP_AGENCY_ID,
  PROP_AGENCY_NAME,
  PROP_STATUS,
  PROP_N_CHANNELS,
  PROP_N_TESTED,
  PROP_N_PASSED,
  PROP_N_FAILED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewChannelAgencyResult, case_review_channel_agency_result, G_TYPE_OBJECT)

static void
case_review_channel_agency_result_finalize (GObject *object)
{
  CaseReviewChannelAgencyResult *self = CASE_REVIEW_CHANNEL_AGENCY_RESULT (object);

  g_free (self->agency_id);
  g_free (self->agency_name);

  G_OBJECT_CLASS (case_review_channel_agency_result_parent_class)->finalize (object);
}

static void
case_review_channel_agency_result_get_property (GObject    *object,
                                                guint       prop_id,
                                                GValue     *value,
                                                GParamSpec *pspec)
{
  CaseReviewChannelAgencyResult *self = CASE_REVIEW_CHANNEL_AGENCY_RESULT (object);

  switch (prop_id)
    {
    case PROP_AGENCY_ID:
      g_value_set_string (value, self->agency_id);
      break;
    case PROP_AGENCY_NAME:
      g_value_set_string (value, self->agency_name);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, case_review_channel_agency_result_get_status (self));
      break;
    case PROP_N_CHANNELS:
      g_value_set_uint (value, self->n_channels);
      break;
    case PROP_N_TESTED:
      g_value_set_uint (value, self->n_tested);
      break;
    case PROP_N_PASSED:
      g_value_set_uint (value, self->n_passed);
      break;
    case PROP_N_FAILED:
      g_value_set_uint (value, self->n_tested - self->n_passed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_agency_result_class_init (CaseReviewChannelAgencyResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = case_review_channel_agency_result_finalize;
  object_class->get_property = case_review_channel_agency_result_get_property;

  /**
   * CaseReviewChannelAgencyResult:agency-id:
   *
   * The agency's id.
   *
   * Since: 0.1
   */
  properties[PROP_AGENCY_ID] = g_param_spec_string ("agency-id", NULL, NULL, NULL, flags);

  /**
   * CaseReviewChannelAgencyResult:agency-name:
   *
   * The agency's name as the channel directory gives it, or %NULL.
   *
   * Since: 0.1
   */
  properties[PROP_AGENCY_NAME] = g_param_spec_string ("agency-name", NULL, NULL, NULL, flags);

  /**
   * CaseReviewChannelAgencyResult:status:
   *
   * Failed when any tested channel failed, passed when some were tested and
   * none failed, untested otherwise.
   *
   * Since: 0.1
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CASE_REVIEW_TYPE_CHANNEL_STATUS, CASE_REVIEW_CHANNEL_STATUS_UNTESTED, flags);

  /**
   * CaseReviewChannelAgencyResult:n-channels:
   *
   * The number of the agency's channels in the directory.
   *
   * Since: 0.1
   */
  properties[PROP_N_CHANNELS] = g_param_spec_uint ("n-channels", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * CaseReviewChannelAgencyResult:n-tested:
   *
   * The number of its channels that were checked.
   *
   * Since: 0.1
   */
  properties[PROP_N_TESTED] = g_param_spec_uint ("n-tested", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * CaseReviewChannelAgencyResult:n-passed:
   *
   * The number of its channels that passed.
   *
   * Since: 0.1
   */
  properties[PROP_N_PASSED] = g_param_spec_uint ("n-passed", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * CaseReviewChannelAgencyResult:n-failed:
   *
   * The number of its channels that failed.
   *
   * Since: 0.1
   */
  properties[PROP_N_FAILED] = g_param_spec_uint ("n-failed", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_channel_agency_result_init (CaseReviewChannelAgencyResult *self)
{
}

CaseReviewChannelAgencyResult *
channel_agency_result_new (const char *agency_id,
                           const char *agency_name,
                           guint       n_channels,
                           guint       n_tested,
                           guint       n_passed)
{
  CaseReviewChannelAgencyResult *self = g_object_new (CASE_REVIEW_TYPE_CHANNEL_AGENCY_RESULT, NULL);

  self->agency_id = g_strdup (agency_id);
  self->agency_name = g_strdup (agency_name);
  self->n_channels = n_channels;
  self->n_tested = n_tested;
  self->n_passed = n_passed;
  return self;
}

/**
 * case_review_channel_agency_result_get_agency_id:
 * @self: an agency result
 *
 * The agency's id.
 *
 * Returns: the id
 *
 * Since: 0.1
 */
const char *
case_review_channel_agency_result_get_agency_id (CaseReviewChannelAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_AGENCY_RESULT (self), NULL);

  return self->agency_id;
}

/**
 * case_review_channel_agency_result_get_agency_name:
 * @self: an agency result
 *
 * The agency's name as the channel directory gives it.
 *
 * Returns: (nullable): the name, or %NULL
 *
 * Since: 0.1
 */
const char *
case_review_channel_agency_result_get_agency_name (CaseReviewChannelAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_AGENCY_RESULT (self), NULL);

  return self->agency_name;
}

/**
 * case_review_channel_agency_result_get_status:
 * @self: an agency result
 *
 * Whether the agency's channels passed.
 *
 * Returns: failed when any tested channel failed, passed when some were
 *   tested and none failed, untested otherwise
 *
 * Since: 0.1
 */
CaseReviewChannelStatus
case_review_channel_agency_result_get_status (CaseReviewChannelAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_AGENCY_RESULT (self), CASE_REVIEW_CHANNEL_STATUS_UNTESTED);

  if (self->n_tested == 0)
    return CASE_REVIEW_CHANNEL_STATUS_UNTESTED;
  return self->n_passed == self->n_tested ? CASE_REVIEW_CHANNEL_STATUS_PASSED : CASE_REVIEW_CHANNEL_STATUS_FAILED;
}

/**
 * case_review_channel_agency_result_get_n_channels:
 * @self: an agency result
 *
 * The number of the agency's channels.
 *
 * Returns: the number of channels
 *
 * Since: 0.1
 */
guint
case_review_channel_agency_result_get_n_channels (CaseReviewChannelAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_AGENCY_RESULT (self), 0);

  return self->n_channels;
}

/**
 * case_review_channel_agency_result_get_n_tested:
 * @self: an agency result
 *
 * The number of the agency's channels that were checked.
 *
 * Returns: the number of tested channels
 *
 * Since: 0.1
 */
guint
case_review_channel_agency_result_get_n_tested (CaseReviewChannelAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_AGENCY_RESULT (self), 0);

  return self->n_tested;
}

/**
 * case_review_channel_agency_result_get_n_passed:
 * @self: an agency result
 *
 * The number of the agency's channels that passed.
 *
 * Returns: the number of passing channels
 *
 * Since: 0.1
 */
guint
case_review_channel_agency_result_get_n_passed (CaseReviewChannelAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_AGENCY_RESULT (self), 0);

  return self->n_passed;
}

/**
 * case_review_channel_agency_result_get_n_failed:
 * @self: an agency result
 *
 * The number of the agency's channels that failed.
 *
 * Returns: the number of failing channels
 *
 * Since: 0.1
 */
guint
case_review_channel_agency_result_get_n_failed (CaseReviewChannelAgencyResult *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL_AGENCY_RESULT (self), 0);

  return self->n_tested - self->n_passed;
}

/**
 * case_review_channel_status_get_name:
 * @status: a channel status
 *
 * The machine name of the status: `untested`, `passed` or `failed`.
 *
 * Returns: the name, a static string
 *
 * Since: 0.1
 */
const char *
case_review_channel_status_get_name (CaseReviewChannelStatus status)
{
  static const char * const names[] = { "untested", "passed", "failed" };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (names), NULL);

  return names[status];
}

/**
 * case_review_channel_status_get_label:
 * @status: a channel status
 *
 * The Chinese (zh_CN) label of the status: 未测试, 通过 or 未通过.
 *
 * Returns: the label, a static string
 *
 * Since: 0.1
 */
const char *
case_review_channel_status_get_label (CaseReviewChannelStatus status)
{
  static const char * const labels[] = { "未测试", "通过", "未通过" };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (labels), NULL);

  return labels[status];
}
