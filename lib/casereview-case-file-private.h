/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "casereview-case-file.h"

G_BEGIN_DECLS

/* Flags are a set: trimmed, without empty entries, sorted bytewise, unique.
 * Every place that stores flags uses this, so equal sets compare equal. */
char **case_review_case_file_normalize_flags (const char * const *flags);

G_END_DECLS
