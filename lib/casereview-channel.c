/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewChannel:
 *
 * A published complaint channel of an agency (投诉渠道): a telephone line,
 * an e-mail address, a web mailbox or a WeChat account, with the address
 * the public uses (`0755-25666666`, `jubao@example.gov.cn`, a URL, an
 * account name).
 *
 * The complaint-channel check (投诉渠道畅通性检查) tests whether each channel
 * works: phone lines by test calls ([ctor@CaseReview.ChannelCheck.new_call]),
 * written channels by an inquiry ([ctor@CaseReview.ChannelCheck.new_inquiry]).
 * A [class@CaseReview.ChannelDirectory] holds the channels under review.
 *
 * Channels are immutable.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include <glib/gi18n-lib.h>

#include "casereview-channel.h"

struct _CaseReviewChannel
{
  GObject parent_instance;

  char *id;
  char *agency_id;
  char *agency_name;
  CaseReviewChannelType channel_type;
  char *address;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_AGENCY_ID,
  PROP_AGENCY_NAME,
  PROP_CHANNEL_TYPE,
  PROP_ADDRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaseReviewChannel, case_review_channel, G_TYPE_OBJECT)

typedef struct
{
  const char *name;
  const char *label;
  const char *english_label;
  const char *spellings[5];    /* also accepted on input, ignoring ASCII case */
} TypeInfo;

static const TypeInfo type_info[] = {
  [CASE_REVIEW_CHANNEL_TYPE_PHONE] = { "phone", "投诉电话", "Phone", { "电话", "telephone", "tel", NULL, NULL } },
  [CASE_REVIEW_CHANNEL_TYPE_EMAIL] = { "email", "电子邮箱", "E-mail", { "e-mail", "邮箱", "电子邮件", "mail", NULL } },
  [CASE_REVIEW_CHANNEL_TYPE_WEB_MAILBOX] = { "web_mailbox", "网上信箱", "Web mailbox",
                                             { "web-mailbox", "网站信箱", "网上留言", "web", NULL } },
  [CASE_REVIEW_CHANNEL_TYPE_WECHAT] = { "wechat", "微信公众号", "WeChat", { "微信", "weixin", NULL, NULL, NULL } },
};

static gboolean
type_is_valid (CaseReviewChannelType channel_type)
{
  return (guint) channel_type < G_N_ELEMENTS (type_info);
}

static void
case_review_channel_finalize (GObject *object)
{
  CaseReviewChannel *self = CASE_REVIEW_CHANNEL (object);

  g_free (self->id);
  g_free (self->agency_id);
  g_free (self->agency_name);
  g_free (self->address);

  G_OBJECT_CLASS (case_review_channel_parent_class)->finalize (object);
}

static void
case_review_channel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CaseReviewChannel *self = CASE_REVIEW_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_AGENCY_ID:
      g_value_set_string (value, self->agency_id);
      break;
    case PROP_AGENCY_NAME:
      g_value_set_string (value, self->agency_name);
      break;
    case PROP_CHANNEL_TYPE:
      g_value_set_enum (value, self->channel_type);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CaseReviewChannel *self = CASE_REVIEW_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_AGENCY_ID:
      self->agency_id = g_value_dup_string (value);
      break;
    case PROP_AGENCY_NAME:
      self->agency_name = g_value_dup_string (value);
      if (self->agency_name != NULL && self->agency_name[0] == '\0')
        g_clear_pointer (&self->agency_name, g_free);
      break;
    case PROP_CHANNEL_TYPE:
      self->channel_type = g_value_get_enum (value);
      break;
    case PROP_ADDRESS:
      self->address = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
case_review_channel_constructed (GObject *object)
{
  CaseReviewChannel *self = CASE_REVIEW_CHANNEL (object);

  G_OBJECT_CLASS (case_review_channel_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_strdup ("");
  if (self->agency_id == NULL)
    self->agency_id = g_strdup ("");
  if (self->address == NULL)
    self->address = g_strdup ("");
}

static void
case_review_channel_class_init (CaseReviewChannelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = case_review_channel_finalize;
  object_class->get_property = case_review_channel_get_property;
  object_class->set_property = case_review_channel_set_property;
  object_class->constructed = case_review_channel_constructed;

  /**
   * CaseReviewChannel:id:
   *
   * The channel's identifier, unique in its directory, e.g. `LH13-T1`.
   *
   * Since: 0.1
   */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);

  /**
   * CaseReviewChannel:agency-id:
   *
   * The id of the agency the channel belongs to, e.g. `LH13`.
   *
   * Since: 0.1
   */
  properties[PROP_AGENCY_ID] = g_param_spec_string ("agency-id", NULL, NULL, NULL, flags);

  /**
   * CaseReviewChannel:agency-name:
   *
   * The agency's name for reports, or %NULL when the directory does not
   * give it.
   *
   * Since: 0.1
   */
  properties[PROP_AGENCY_NAME] = g_param_spec_string ("agency-name", NULL, NULL, NULL, flags);

  /**
   * CaseReviewChannel:channel-type:
   *
   * Phone, e-mail, web mailbox or WeChat.
   *
   * Since: 0.1
   */
  properties[PROP_CHANNEL_TYPE] =
    g_param_spec_enum ("channel-type", NULL, NULL, CASE_REVIEW_TYPE_CHANNEL_TYPE,
                       CASE_REVIEW_CHANNEL_TYPE_PHONE, flags);

  /**
   * CaseReviewChannel:address:
   *
   * The number, e-mail address, URL or account name the public uses.
   *
   * Since: 0.1
   */
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
case_review_channel_init (CaseReviewChannel *self)
{
}

/**
 * case_review_channel_new:
 * @id: the channel's identifier, e.g. `LH13-T1`
 * @agency_id: the id of the agency it belongs to
 * @agency_name: (nullable): the agency's name for reports
 * @channel_type: phone, e-mail, web mailbox or WeChat
 * @address: the number, e-mail address, URL or account name
 *
 * Creates a channel. Nothing is validated here;
 * [method@CaseReview.ChannelDirectory.add] checks the id and the address.
 *
 * Returns: (transfer full): a new channel
 *
 * Since: 0.1
 */
CaseReviewChannel *
case_review_channel_new (const char            *id,
                         const char            *agency_id,
                         const char            *agency_name,
                         CaseReviewChannelType  channel_type,
                         const char            *address)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (agency_id != NULL, NULL);
  g_return_val_if_fail (type_is_valid (channel_type), NULL);
  g_return_val_if_fail (address != NULL, NULL);

  return g_object_new (CASE_REVIEW_TYPE_CHANNEL,
                       "id", id,
                       "agency-id", agency_id,
                       "agency-name", agency_name,
                       "channel-type", channel_type,
                       "address", address,
                       NULL);
}

/**
 * case_review_channel_get_id:
 * @self: a channel
 *
 * The channel's identifier.
 *
 * Returns: the id
 *
 * Since: 0.1
 */
const char *
case_review_channel_get_id (CaseReviewChannel *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL (self), NULL);

  return self->id;
}

/**
 * case_review_channel_get_agency_id:
 * @self: a channel
 *
 * The id of the agency the channel belongs to.
 *
 * Returns: the agency id
 *
 * Since: 0.1
 */
const char *
case_review_channel_get_agency_id (CaseReviewChannel *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL (self), NULL);

  return self->agency_id;
}

/**
 * case_review_channel_get_agency_name:
 * @self: a channel
 *
 * The agency's name, when the directory gives it.
 *
 * Returns: (nullable): the agency name, or %NULL
 *
 * Since: 0.1
 */
const char *
case_review_channel_get_agency_name (CaseReviewChannel *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL (self), NULL);

  return self->agency_name;
}

/**
 * case_review_channel_get_channel_type:
 * @self: a channel
 *
 * What kind of channel this is.
 *
 * Returns: the channel type
 *
 * Since: 0.1
 */
CaseReviewChannelType
case_review_channel_get_channel_type (CaseReviewChannel *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL (self), CASE_REVIEW_CHANNEL_TYPE_PHONE);

  return self->channel_type;
}

/**
 * case_review_channel_get_address:
 * @self: a channel
 *
 * The number, e-mail address, URL or account name.
 *
 * Returns: the address
 *
 * Since: 0.1
 */
const char *
case_review_channel_get_address (CaseReviewChannel *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL (self), NULL);

  return self->address;
}

/**
 * case_review_channel_is_written:
 * @self: a channel
 *
 * Whether the channel is tested by a written inquiry (e-mail, web mailbox,
 * WeChat) rather than by calls.
 *
 * Returns: %TRUE for a written channel
 *
 * Since: 0.1
 */
gboolean
case_review_channel_is_written (CaseReviewChannel *self)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CHANNEL (self), FALSE);

  return case_review_channel_type_is_written (self->channel_type);
}

/**
 * case_review_channel_type_get_name:
 * @channel_type: a channel type
 *
 * The machine name files use: `phone`, `email`, `web_mailbox` or `wechat`.
 *
 * Returns: the name, a static string
 *
 * Since: 0.1
 */
const char *
case_review_channel_type_get_name (CaseReviewChannelType channel_type)
{
  g_return_val_if_fail (type_is_valid (channel_type), NULL);

  return type_info[channel_type].name;
}

/**
 * case_review_channel_type_get_label:
 * @channel_type: a channel type
 *
 * The Chinese (zh_CN) label: 投诉电话, 电子邮箱, 网上信箱 or 微信公众号.
 *
 * Returns: the label, a static string
 *
 * Since: 0.1
 */
const char *
case_review_channel_type_get_label (CaseReviewChannelType channel_type)
{
  g_return_val_if_fail (type_is_valid (channel_type), NULL);

  return type_info[channel_type].label;
}

/**
 * case_review_channel_type_get_english_label:
 * @channel_type: a channel type
 *
 * The English label: "Phone", "E-mail", "Web mailbox" or "WeChat".
 *
 * Returns: the label, a static string
 *
 * Since: 0.1
 */
const char *
case_review_channel_type_get_english_label (CaseReviewChannelType channel_type)
{
  g_return_val_if_fail (type_is_valid (channel_type), NULL);

  return type_info[channel_type].english_label;
}

/**
 * case_review_channel_type_is_written:
 * @channel_type: a channel type
 *
 * Whether channels of this type are tested by a written inquiry: every type
 * but %CASE_REVIEW_CHANNEL_TYPE_PHONE.
 *
 * Returns: %TRUE for a written channel type
 *
 * Since: 0.1
 */
gboolean
case_review_channel_type_is_written (CaseReviewChannelType channel_type)
{
  g_return_val_if_fail (type_is_valid (channel_type), FALSE);

  return channel_type != CASE_REVIEW_CHANNEL_TYPE_PHONE;
}

/**
 * case_review_channel_type_parse:
 * @text: a channel type as written in a file: the machine name in any
 *   letter case (`phone`, `email`, `web_mailbox`, `wechat`, also with a
 *   hyphen), or 电话, 投诉电话, 电子邮箱, 邮箱, 网上信箱, 网站信箱, 微信, 微信公众号
 * @out_type: (out): the channel type
 *
 * Reads a channel type.
 *
 * Returns: %TRUE if @text names a channel type
 *
 * Since: 0.1
 */
gboolean
case_review_channel_type_parse (const char            *text,
                                CaseReviewChannelType *out_type)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_type != NULL, FALSE);

  for (guint t = 0; t < G_N_ELEMENTS (type_info); t++)
    {
      gboolean match = g_ascii_strcasecmp (text, type_info[t].name) == 0 ||
                       g_str_equal (text, type_info[t].label);

      for (guint i = 0; !match && i < G_N_ELEMENTS (type_info[t].spellings); i++)
        match = type_info[t].spellings[i] != NULL && g_ascii_strcasecmp (text, type_info[t].spellings[i]) == 0;
      if (match)
        {
          *out_type = (CaseReviewChannelType) t;
          return TRUE;
        }
    }

  return FALSE;
}
