/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CASE_REVIEW_INSIDE) && !defined(CASE_REVIEW_COMPILATION)
# error "Only <libcasereview/casereview.h> can be included directly."
#endif

#include <glib-object.h>
#include <libcasereview/casereview-version-macros.h>

G_BEGIN_DECLS

/**
 * CaseReviewAgencyCategory:
 * @CASE_REVIEW_AGENCY_CATEGORY_DISTRICT_DEPARTMENT: a department of the district
 *   government (区政府工作部门)
 * @CASE_REVIEW_AGENCY_CATEGORY_MUNICIPAL_BRANCH: a branch of a municipal
 *   department stationed in the district (市直部门派驻机构)
 * @CASE_REVIEW_AGENCY_CATEGORY_STREET_OFFICE: a street office (街道办事处)
 * @CASE_REVIEW_AGENCY_CATEGORY_OTHER: any other enforcement body
 *
 * What kind of body an enforcement agency is. CSV and JSON files spell the
 * values with underscores (`district_department`, `municipal_branch`,
 * `street_office`, `other`).
 *
 * Since: 0.1
 */
typedef enum {
  CASE_REVIEW_AGENCY_CATEGORY_DISTRICT_DEPARTMENT,
  CASE_REVIEW_AGENCY_CATEGORY_MUNICIPAL_BRANCH,
  CASE_REVIEW_AGENCY_CATEGORY_STREET_OFFICE,
  CASE_REVIEW_AGENCY_CATEGORY_OTHER,
} CaseReviewAgencyCategory;

#define CASE_REVIEW_TYPE_AGENCY (case_review_agency_get_type ())

CASE_REVIEW_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CaseReviewAgency, case_review_agency, CASE_REVIEW, AGENCY, GObject)

CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewAgency        *case_review_agency_new            (const char               *id,
                                                            const char               *name,
                                                            const char               *short_name,
                                                            CaseReviewAgencyCategory  category);
CASE_REVIEW_AVAILABLE_IN_0_1
const char              *case_review_agency_get_id         (CaseReviewAgency         *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char              *case_review_agency_get_name       (CaseReviewAgency         *self);
CASE_REVIEW_AVAILABLE_IN_0_1
const char              *case_review_agency_get_short_name (CaseReviewAgency         *self);
CASE_REVIEW_AVAILABLE_IN_0_1
CaseReviewAgencyCategory case_review_agency_get_category   (CaseReviewAgency         *self);

CASE_REVIEW_AVAILABLE_IN_0_1
const char              *case_review_agency_category_get_name (CaseReviewAgencyCategory  category);
CASE_REVIEW_AVAILABLE_IN_0_1
gboolean                 case_review_agency_category_parse    (const char               *text,
                                                               CaseReviewAgencyCategory *out_category);

G_END_DECLS
