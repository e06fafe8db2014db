/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* How CaseReviewEvaluation fills in its results. Private. */
#pragma once

#include "casereview-agency-result.h"
#include "casereview-case-result.h"

G_BEGIN_DECLS

typedef struct
{
  char *case_id;
  char *agency_id;
  CaseReviewEnforcementKind kind;
  guint n_sheets;
  guint initial_score;       /* hundredths */
  guint score;               /* hundredths */
  CaseReviewGrade grade;
  gboolean vetoed;
  char **veto_codes;
  gboolean needs_rereview;
  gboolean rereviewed;
} CaseResultData;

typedef struct
{
  char *agency_id;
  guint rank;
  guint n_files;
  guint population_size;
  guint mean;                /* hundredths */
  guint median;              /* hundredths */
  guint64 total;             /* hundredths */
  guint n_excellent, n_passed, n_failed;
  CaseReviewGrade grade;
  GHashTable *veto_counts;   /* code → count */
  guint kind_mean[CASE_REVIEW_N_ENFORCEMENT_KINDS];
  guint kind_n[CASE_REVIEW_N_ENFORCEMENT_KINDS];
  char **frequent_deductions;
  double noncompliance_upper;
  guint64 noncompliance_upper_count;
} AgencyResultData;

/* Both take ownership of everything the data points to. */
CaseReviewCaseResult   *case_review_case_result_new_internal   (CaseResultData   *data);
CaseReviewAgencyResult *case_review_agency_result_new_internal (AgencyResultData *data);

G_END_DECLS
