/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-channel-check.h>
#include <libcasereview/casereview-channel-directory.h>
#include <libcasereview/casereview-population.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_CHANNEL_CHECK_LOG (case_review_channel_check_log_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewChannelCheckLog, case_review_channel_check_log, CASE_REVIEW, CHANNEL_CHECK_LOG, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelCheckLog *case_review_channel_check_log_new            (void);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_channel_check_log_add            (CaseReviewChannelCheckLog   *self,
                                                                         CaseReviewChannelCheck      *check,
                                                                         CaseReviewChannelDirectory  *channels,
                                                                         GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
GListModel                *case_review_channel_check_log_dup_checks_for_channel (CaseReviewChannelCheckLog *self,
                                                                         const char                  *channel_id);

CASE_REVIEW_AVAILABLE_IN_0_1
guint                      case_review_channel_check_log_get_max_errors (CaseReviewChannelCheckLog   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                       case_review_channel_check_log_set_max_errors (CaseReviewChannelCheckLog   *self,
                                                                         guint                        max_errors);
CASE_REVIEW_AVAILABLE_IN_0_1
GPtrArray                 *case_review_channel_check_log_get_problems   (CaseReviewChannelCheckLog   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_channel_check_log_load_csv       (CaseReviewChannelCheckLog   *self,
                                                                         GFile                       *file,
                                                                         CaseReviewChannelDirectory  *channels,
                                                                         CaseReviewTextEncoding       encoding,
                                                                         GCancellable                *cancellable,
                                                                         GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_channel_check_log_load_json      (CaseReviewChannelCheckLog   *self,
                                                                         GFile                       *file,
                                                                         CaseReviewChannelDirectory  *channels,
                                                                         GCancellable                *cancellable,
                                                                         GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_channel_check_log_save_csv       (CaseReviewChannelCheckLog   *self,
                                                                         GFile                       *file,
                                                                         gboolean                     with_bom,
                                                                         GCancellable                *cancellable,
                                                                         GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_channel_check_log_save_json      (CaseReviewChannelCheckLog   *self,
                                                                         GFile                       *file,
                                                                         GCancellable                *cancellable,
                                                                         GError                     **error);

G_END_DECLS
