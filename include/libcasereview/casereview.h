/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libcasereview: reproducible, verifiable review of administrative
 * enforcement case files (行政执法案卷评查).
 *
 * This is the only header applications include.
 */
#pragma once

#define CASE_REVIEW_INSIDE

#include <libcasereview/casereview-version-macros.h>
#include <libcasereview/casereview-version.h>
#include <libcasereview/casereview-enum-types.h>
#include <libcasereview/casereview-error.h>
#include <libcasereview/casereview-random.h>
#include <libcasereview/casereview-enforcement-kind.h>
#include <libcasereview/casereview-agency.h>
#include <libcasereview/casereview-case-file.h>
#include <libcasereview/casereview-frame-filter.h>
#include <libcasereview/casereview-population.h>
#include <libcasereview/casereview-sampling-plan.h>
#include <libcasereview/casereview-sampled-case.h>
#include <libcasereview/casereview-sample-stratum.h>
#include <libcasereview/casereview-sample.h>
#include <libcasereview/casereview-reviewer.h>
#include <libcasereview/casereview-reviewer-pool.h>
#include <libcasereview/casereview-review-task.h>
#include <libcasereview/casereview-assignment.h>
#include <libcasereview/casereview-statistics.h>
#include <libcasereview/casereview-calendar.h>
#include <libcasereview/casereview-channel.h>
#include <libcasereview/casereview-channel-check.h>
#include <libcasereview/casereview-channel-directory.h>
#include <libcasereview/casereview-channel-check-log.h>
#include <libcasereview/casereview-scheduled-check.h>
#include <libcasereview/casereview-channel-schedule.h>
#include <libcasereview/casereview-channel-rules.h>
#include <libcasereview/casereview-channel-finding.h>
#include <libcasereview/casereview-channel-agency-result.h>
#include <libcasereview/casereview-channel-evaluation.h>
#include <libcasereview/casereview-rubric-item.h>
#include <libcasereview/casereview-rubric-deduction.h>
#include <libcasereview/casereview-rubric-veto.h>
#include <libcasereview/casereview-rubric.h>
#include <libcasereview/casereview-score-sheet.h>
#include <libcasereview/casereview-case-result.h>
#include <libcasereview/casereview-agency-result.h>
#include <libcasereview/casereview-evaluation.h>
#include <libcasereview/casereview-composite-component.h>
#include <libcasereview/casereview-composite-result.h>
#include <libcasereview/casereview-composite-evaluation.h>
#include <libcasereview/casereview-notice-problem.h>
#include <libcasereview/casereview-notice-event.h>
#include <libcasereview/casereview-notice.h>
#include <libcasereview/casereview-notice-book.h>

#undef CASE_REVIEW_INSIDE
