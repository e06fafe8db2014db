/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CaseReviewChannelType:
 * @CASE_REVIEW_CHANNEL_TYPE_PHONE: a complaint telephone line (投诉电话);
 *   tested by calls
 * @CASE_REVIEW_CHANNEL_TYPE_EMAIL: an e-mail address (电子邮箱); tested by a
 *   written inquiry
 * @CASE_REVIEW_CHANNEL_TYPE_WEB_MAILBOX: a mailbox form on a web site
 *   (网上信箱); tested by a written inquiry
 * @CASE_REVIEW_CHANNEL_TYPE_WECHAT: a WeChat official account (微信公众号);
 *   tested by a written inquiry
 *
 * How the public reaches an agency with a complaint. CSV and JSON files
 * spell the values `phone`, `email`, `web_mailbox` and `wechat`.
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_CHANNEL_TYPE_PHONE,
  CASE_REVIEW_CHANNEL_TYPE_EMAIL,
  CASE_REVIEW_CHANNEL_TYPE_WEB_MAILBOX,
  CASE_REVIEW_CHANNEL_TYPE_WECHAT,
} CaseReviewChannelType;

#define CASE_REVIEW_TYPE_CHANNEL (case_review_channel_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewChannel, case_review_channel, CASE_REVIEW, CHANNEL, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannel     *case_review_channel_new                   (const char            *id,
                                                                  const char            *agency_id,
                                                                  const char            *agency_name,
                                                                  CaseReviewChannelType  channel_type,
                                                                  const char            *address);
CASE_REVIEW_AVAILABLE_IN_0_1
const char            *case_review_channel_get_id                (CaseReviewChannel     *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char            *case_review_channel_get_agency_id         (CaseReviewChannel     *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char            *case_review_channel_get_agency_name       (CaseReviewChannel     *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelType  case_review_channel_get_channel_type      (CaseReviewChannel     *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char            *case_review_channel_get_address           (CaseReviewChannel     *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean               case_review_channel_is_written            (CaseReviewChannel     *self);

CASE_REVIEW_AVAILABLE_IN_0_1
const char            *case_review_channel_type_get_name         (CaseReviewChannelType  channel_type);
CASE_REVIEW_AVAILABLE_IN_0_1
const char            *case_review_channel_type_get_label        (CaseReviewChannelType  channel_type);
CASE_REVIEW_AVAILABLE_IN_0_1
const char            *case_review_channel_type_get_english_label (CaseReviewChannelType channel_type);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean               case_review_channel_type_is_written       (CaseReviewChannelType  channel_type);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean               case_review_channel_type_parse            (const char            *text,
                                                                  CaseReviewChannelType *out_type);

G_END_DECLS
