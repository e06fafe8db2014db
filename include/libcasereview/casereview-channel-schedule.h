/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-calendar.h>
#include <libcasereview/casereview-channel-directory.h>
#include <libcasereview/casereview-scheduled-check.h>

G_BEGIN_DECLS

/**
 * CASE_REVIEW_CHANNEL_SCHEDULE_DEFAULT_OFFICE_HOURS:
 *
 * The office hours test calls and inquiries are scheduled in unless
 * [method@CaseReview.ChannelSchedule.set_office_hours] says otherwise:
 * 09:00–12:00 and 14:00–17:30.
 *
 * Since: 0.1
 */
#define CASE_REVIEW_CHANNEL_SCHEDULE_DEFAULT_OFFICE_HOURS "09:00-12:00,14:00-17:30"

#define CASE_REVIEW_TYPE_CHANNEL_SCHEDULE (case_review_channel_schedule_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewChannelSchedule, case_review_channel_schedule, CASE_REVIEW, CHANNEL_SCHEDULE, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelSchedule *case_review_channel_schedule_new                   (const char                  *seed,
                                                                               const GDate                 *from,
                                                                               const GDate                 *to);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelSchedule *case_review_channel_schedule_new_from_manifest     (const char                  *manifest,
                                                                               GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewChannelSchedule *case_review_channel_schedule_new_from_file         (GFile                       *file,
                                                                               GCancellable                *cancellable,
                                                                               GError                     **error);

CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_channel_schedule_get_seed              (CaseReviewChannelSchedule   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const GDate               *case_review_channel_schedule_get_from              (CaseReviewChannelSchedule   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const GDate               *case_review_channel_schedule_get_to                (CaseReviewChannelSchedule   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                      case_review_channel_schedule_get_calls_per_phone   (CaseReviewChannelSchedule   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                       case_review_channel_schedule_set_calls_per_phone   (CaseReviewChannelSchedule   *self,
                                                                               guint                        calls);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                      case_review_channel_schedule_get_inquiries_per_channel (CaseReviewChannelSchedule *self);
CASE_REVIEW_AVAILABLE_IN_0_1
void                       case_review_channel_schedule_set_inquiries_per_channel (CaseReviewChannelSchedule *self,
                                                                               guint                        inquiries);
CASE_REVIEW_AVAILABLE_IN_0_1
char                      *case_review_channel_schedule_dup_office_hours      (CaseReviewChannelSchedule   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_channel_schedule_set_office_hours      (CaseReviewChannelSchedule   *self,
                                                                               const char                  *office_hours,
                                                                               GError                     **error);

CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_channel_schedule_compute               (CaseReviewChannelSchedule   *self,
                                                                               CaseReviewChannelDirectory  *channels,
                                                                               CaseReviewCalendar          *calendar,
                                                                               GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_channel_schedule_is_computed           (CaseReviewChannelSchedule   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char                *case_review_channel_schedule_get_channels_fingerprint (CaseReviewChannelSchedule *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                      case_review_channel_schedule_get_n_channels        (CaseReviewChannelSchedule   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
guint                      case_review_channel_schedule_get_n_working_days    (CaseReviewChannelSchedule   *self);

CASE_REVIEW_AVAILABLE_IN_0_1
char                      *case_review_channel_schedule_to_manifest           (CaseReviewChannelSchedule   *self);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_channel_schedule_save_manifest         (CaseReviewChannelSchedule   *self,
                                                                               GFile                       *file,
                                                                               GCancellable                *cancellable,
                                                                               GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_channel_schedule_save_csv              (CaseReviewChannelSchedule   *self,
                                                                               GFile                       *file,
                                                                               gboolean                     with_bom,
                                                                               GCancellable                *cancellable,
                                                                               GError                     **error);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                   case_review_channel_schedule_verify                (CaseReviewChannelSchedule   *self,
                                                                               CaseReviewChannelDirectory  *channels,
                                                                               CaseReviewCalendar          *calendar,
                                                                               GError                     **error);

G_END_DECLS
