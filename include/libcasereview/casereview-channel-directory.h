/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-channel.h>
#include <libcasereview/casereview-population.h>

G_BEGIN_DECLS

#define CASE_REVIEW_TYPE_CHANNEL_DIRECTORY (case_review_channel_directory_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewChannelDirectory, case_review_channel_directory, CASE_REVIEW, CHANNEL_DIRECTORY, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelDirectory *case_review_channel_directory_new              (void);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannel          *case_review_channel_directory_lookup           (CaseReviewChannelDirectory  *self,
                                                                            const char                  *channel_id);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                    case_review_channel_directory_add              (CaseReviewChannelDirectory  *self,
                                                                            CaseReviewChannel           *channel,
                                                                            GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
char                      **case_review_channel_directory_dup_agency_ids   (CaseReviewChannelDirectory  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
char                       *case_review_channel_directory_dup_fingerprint  (CaseReviewChannelDirectory  *self);

CASE_REVIEW_AVAILABLE_IN_0_1
guint                       case_review_channel_directory_get_max_errors   (CaseReviewChannelDirectory  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                        case_review_channel_directory_set_max_errors   (CaseReviewChannelDirectory  *self,
                                                                            guint                        max_errors);
CASE_REVIEW_AVAILABLE_IN_0_1
GPtrArray                  *case_review_channel_directory_get_problems     (CaseReviewChannelDirectory  *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                    case_review_channel_directory_load_csv         (CaseReviewChannelDirectory  *self,
                                                                            GFile                       *file,
                                                                            CaseReviewTextEncoding       encoding,
                                                                            GCancellable                *cancellable,
                                                                            GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                    case_review_channel_directory_load_json        (CaseReviewChannelDirectory  *self,
                                                                            GFile                       *file,
                                                                            GCancellable                *cancellable,
                                                                            GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                    case_review_channel_directory_save_csv         (CaseReviewChannelDirectory  *self,
                                                                            GFile                       *file,
                                                                            gboolean                     with_bom,
                                                                            GCancellable                *cancellable,
                                                                            GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                    case_review_channel_directory_save_json        (CaseReviewChannelDirectory  *self,
                                                                            GFile                       *file,
                                                                            GCancellable                *cancellable,
                                                                            GError                     **error);

G_END_DECLS
