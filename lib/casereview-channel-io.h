/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Reading and writing complaint channels and checks: CSV (UTF-8 or GB18030,
 * Chinese or English headers) and JSON, into fresh arrays so that a failed
 * read changes nothing, with every problem located as "file:line:column" or
 * "file: $.path". Private to the library; CaseReviewChannelDirectory and
 * CaseReviewChannelCheckLog wrap it.
 */
#pragma once

#include <gio/gio.h>

#include "casereview-channel-directory.h"
#include "casereview-channel-check-log.h"

G_BEGIN_DECLS

/* On failure these return NULL and set @error; when the input itself was at
 * fault, @problems (GError, CASE_REVIEW_ERROR) holds every problem found (up
 * to @max_errors) and @error combines them. I/O errors are reported as they
 * come, with @problems empty. The arrays hold new, validated objects. */
GPtrArray *channel_io_read_channels_csv  (GFile                       *file,
                                          CaseReviewTextEncoding       encoding,
                                          guint                        max_errors,
                                          GPtrArray                   *problems,
                                          GCancellable                *cancellable,
                                          GError                     **error);
GPtrArray *channel_io_read_channels_json (GFile                       *file,
                                          guint                        max_errors,
                                          GPtrArray                   *problems,
                                          GCancellable                *cancellable,
                                          GError                     **error);
GPtrArray *channel_io_read_checks_csv    (GFile                       *file,
                                          CaseReviewChannelDirectory  *channels,
                                          CaseReviewTextEncoding       encoding,
                                          guint                        max_errors,
                                          GPtrArray                   *problems,
                                          GCancellable                *cancellable,
                                          GError                     **error);
GPtrArray *channel_io_read_checks_json   (GFile                       *file,
                                          CaseReviewChannelDirectory  *channels,
                                          guint                        max_errors,
                                          GPtrArray                   *problems,
                                          GCancellable                *cancellable,
                                          GError                     **error);

char      *channel_io_channels_to_csv    (GListModel                  *channels);
char      *channel_io_channels_to_json   (GListModel                  *channels);
char      *channel_io_checks_to_csv      (GListModel                  *checks);
char      *channel_io_checks_to_json     (GListModel                  *checks);

/* Appends one RFC 4180 field (quoted only when needed) and, unless @last, a
 * comma; with @last, CRLF. */
void       channel_io_append_csv_field   (GString                     *out,
                                          const char                  *text,
                                          gboolean                     last);
/* Replaces @file atomically with @text, after a UTF-8 byte-order mark when
 * @with_bom. */
gboolean   channel_io_write_file         (GFile                       *file,
                                          const char                  *text,
                                          gboolean                     with_bom,
                                          GCancellable                *cancellable,
                                          GError                     **error);

G_END_DECLS
