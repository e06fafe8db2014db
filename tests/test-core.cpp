// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Version functions, the error domain and the generated enum GTypes.
#include <gtest/gtest.h>

#include <string>

extern "C" {
#include <libcasereview/casereview.h>
}

TEST (Version, RuntimeMatchesHeaders)
{
  std::string expected = std::to_string (CASE_REVIEW_MAJOR_VERSION) + "." +
                         std::to_string (CASE_REVIEW_MINOR_VERSION) + "." +
                         std::to_string (CASE_REVIEW_MICRO_VERSION);

  EXPECT_EQ (expected, case_review_get_version ());
  EXPECT_STREQ (CASE_REVIEW_VERSION_S, case_review_get_version ());
  EXPECT_EQ (case_review_get_major_version (), (guint) CASE_REVIEW_MAJOR_VERSION);
  EXPECT_EQ (case_review_get_minor_version (), (guint) CASE_REVIEW_MINOR_VERSION);
  EXPECT_EQ (case_review_get_micro_version (), (guint) CASE_REVIEW_MICRO_VERSION);
}

TEST (Version, CheckVersionComparesEachPart)
{
  guint major = CASE_REVIEW_MAJOR_VERSION, minor = CASE_REVIEW_MINOR_VERSION, micro = CASE_REVIEW_MICRO_VERSION;

  EXPECT_TRUE (case_review_check_version (major, minor, micro));
  EXPECT_TRUE (case_review_check_version (0, 0, 0));
  EXPECT_FALSE (case_review_check_version (major + 1, 0, 0));
  EXPECT_FALSE (case_review_check_version (major, minor + 1, 0));
  EXPECT_FALSE (case_review_check_version (major, minor, micro + 1));
  EXPECT_FALSE (case_review_check_version (G_MAXUINT, 0, 0));
  EXPECT_TRUE (CASE_REVIEW_CHECK_VERSION (0, 1, 0));
  EXPECT_FALSE (CASE_REVIEW_CHECK_VERSION (99, 0, 0));
}

TEST (Error, DomainIsStableAndNamed)
{
  EXPECT_EQ (CASE_REVIEW_ERROR, case_review_error_quark ());
  EXPECT_STREQ (g_quark_to_string (CASE_REVIEW_ERROR), "case-review-error-quark");
}

TEST (Error, EnumTypeListsEveryCodeInOrder)
{
  // Codes are append-only: these numbers are ABI.
  const struct { int value; const char *nick; } codes[] = {
    { CASE_REVIEW_ERROR_FAILED, "failed" },     { CASE_REVIEW_ERROR_PARSE, "parse" },
    { CASE_REVIEW_ERROR_INVALID, "invalid" },   { CASE_REVIEW_ERROR_DUPLICATE, "duplicate" },
    { CASE_REVIEW_ERROR_NOT_FOUND, "not-found" }, { CASE_REVIEW_ERROR_STATE, "state" },
    { CASE_REVIEW_ERROR_VERIFY, "verify" },     { CASE_REVIEW_ERROR_UNSUPPORTED, "unsupported" },
    { CASE_REVIEW_ERROR_ENCODING, "encoding" },
  };
  GEnumClass *klass = static_cast<GEnumClass *> (g_type_class_ref (CASE_REVIEW_TYPE_ERROR));

  EXPECT_STREQ (g_type_name (CASE_REVIEW_TYPE_ERROR), "CaseReviewError");
  ASSERT_EQ (klass->n_values, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      EXPECT_EQ (codes[i].value, (int) i);
      GEnumValue *value = g_enum_get_value (klass, codes[i].value);
      ASSERT_NE (value, nullptr);
      EXPECT_STREQ (value->value_nick, codes[i].nick);
    }
  g_type_class_unref (klass);
}
