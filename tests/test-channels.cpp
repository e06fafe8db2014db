// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Complaint-channel checks: channel directories and check logs from CSV and
// JSON with every bad input located, the reproducible schedule (working days,
// office hours, independence of channels, manifests and verification), the
// rules on crafted cases, and the demo's 74 checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

extern "C" {
#include <glib/gstdio.h>
#include <libcasereview/casereview.h>
}

#include "test-support.h"

namespace {

using test_support::TempDir;

const std::string demo_dir = std::string (CASE_REVIEW_SOURCE_DIR) + "/examples/data/luohu-2020";
const char *const demo_seed = "罗湖区2020年投诉渠道畅通性检查";

template <typename T> struct Ptr {
  T *ptr = nullptr;
  Ptr () = default;
  explicit Ptr (T *p) : ptr (p) {}
  Ptr (const Ptr &) = delete;
  Ptr &operator= (const Ptr &) = delete;
  ~Ptr () { g_clear_object (&ptr); }
  T *get () const { return ptr; }
  void reset (T *p) { g_clear_object (&ptr); ptr = p; }
};

struct Error {
  GError *error = nullptr;
  ~Error () { g_clear_error (&error); }
  GError **out () { g_clear_error (&error); return &error; }
  std::string message () const { return error != nullptr ? error->message : ""; }
};

std::string
take (char *s)
{
  std::string out = s != nullptr ? s : "";
  g_free (s);
  return out;
}

GFile *
file_at (const std::string &path)
{
  return g_file_new_for_path (path.c_str ());
}

bool
load_channels (CaseReviewChannelDirectory *channels, const std::string &path, GError **error)
{
  Ptr<GFile> file (file_at (path));
  if (g_str_has_suffix (path.c_str (), ".json"))
    return case_review_channel_directory_load_json (channels, file.get (), nullptr, error);
  return case_review_channel_directory_load_csv (channels, file.get (), CASE_REVIEW_TEXT_ENCODING_AUTO, nullptr, error);
}

bool
load_checks (CaseReviewChannelCheckLog *log, CaseReviewChannelDirectory *channels, const std::string &path,
             GError **error)
{
  Ptr<GFile> file (file_at (path));
  if (g_str_has_suffix (path.c_str (), ".json"))
    return case_review_channel_check_log_load_json (log, file.get (), channels, nullptr, error);
  return case_review_channel_check_log_load_csv (log, file.get (), channels, CASE_REVIEW_TEXT_ENCODING_AUTO, nullptr,
                                                 error);
}

CaseReviewChannelDirectory *
demo_channels ()
{
  CaseReviewChannelDirectory *channels = case_review_channel_directory_new ();
  Error error;
  EXPECT_TRUE (load_channels (channels, demo_dir + "/channels.csv", error.out ())) << error.message ();
  return channels;
}

GDate *
date (guint year, guint month, guint day)
{
  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

struct DateHolder {
  GDate *ptr;
  DateHolder (guint y, guint m, guint d) : ptr (date (y, m, d)) {}
  ~DateHolder () { g_date_free (ptr); }
  const GDate *get () const { return ptr; }
};

GDateTime *
moment (int year, int month, int day, int hour, int minute)
{
  GTimeZone *zone = g_time_zone_new_offset (8 * 3600);
  GDateTime *result = g_date_time_new (zone, year, month, day, hour, minute, 0);
  g_time_zone_unref (zone);
  return result;
}

CaseReviewChannelSchedule *
demo_schedule (CaseReviewChannelDirectory *channels, const char *seed = demo_seed)
{
  DateHolder from (2020, 9, 14), to (2020, 10, 30);
  CaseReviewChannelSchedule *schedule = case_review_channel_schedule_new (seed, from.get (), to.get ());
  Error error;
  EXPECT_TRUE (case_review_channel_schedule_compute (schedule, channels, nullptr, error.out ())) << error.message ();
  return schedule;
}

// channel id → "YYYY-MM-DD HH:MM" of each attempt, in attempt order.
std::map<std::string, std::vector<std::string>>
entries_by_channel (CaseReviewChannelSchedule *schedule)
{
  std::map<std::string, std::vector<std::string>> result;
  GListModel *model = G_LIST_MODEL (schedule);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      CaseReviewScheduledCheck *entry = (CaseReviewScheduledCheck *) g_list_model_get_item (model, i);
      std::vector<std::string> &list = result[case_review_scheduled_check_get_channel_id (entry)];
      guint attempt = case_review_scheduled_check_get_attempt (entry);
      if (list.size () < attempt)
        list.resize (attempt);
      list[attempt - 1] = take (case_review_scheduled_check_dup_scheduled_at_string (entry));
      g_object_unref (entry);
    }
  return result;
}

std::vector<std::string>
split_lines (const std::string &text)
{
  std::vector<std::string> lines;
  std::stringstream stream (text);
  std::string line;
  while (std::getline (stream, line))
    {
      if (!line.empty () && line.back () == '\r')
        line.pop_back ();
      lines.push_back (line);
    }
  return lines;
}

} // namespace

TEST (Channel, TypesAndOutcomes)
{
  CaseReviewChannelType type;
  EXPECT_TRUE (case_review_channel_type_parse ("电话", &type));
  EXPECT_EQ (type, CASE_REVIEW_CHANNEL_TYPE_PHONE);
  EXPECT_TRUE (case_review_channel_type_parse ("E-Mail", &type));
  EXPECT_EQ (type, CASE_REVIEW_CHANNEL_TYPE_EMAIL);
  EXPECT_TRUE (case_review_channel_type_parse ("网上信箱", &type));
  EXPECT_EQ (type, CASE_REVIEW_CHANNEL_TYPE_WEB_MAILBOX);
  EXPECT_TRUE (case_review_channel_type_parse ("wechat", &type));
  EXPECT_EQ (type, CASE_REVIEW_CHANNEL_TYPE_WECHAT);
  EXPECT_FALSE (case_review_channel_type_parse ("fax", &type));
  EXPECT_STREQ (case_review_channel_type_get_name (CASE_REVIEW_CHANNEL_TYPE_WEB_MAILBOX), "web_mailbox");
  EXPECT_FALSE (case_review_channel_type_is_written (CASE_REVIEW_CHANNEL_TYPE_PHONE));
  EXPECT_TRUE (case_review_channel_type_is_written (CASE_REVIEW_CHANNEL_TYPE_WECHAT));

  // The enum values are the protocol's codes.
  EXPECT_EQ ((int) CASE_REVIEW_CALL_OUTCOME_CORRECT_LINE, 11);
  EXPECT_EQ ((int) CASE_REVIEW_CALL_OUTCOME_NUMBER_VOID, 23);
  for (int code : { 11, 12, 13, 14, 21, 22, 23 })
    EXPECT_TRUE (case_review_call_outcome_is_valid (code)) << code;
  for (int code : { 0, 1, 10, 15, 20, 24, 99 })
    EXPECT_FALSE (case_review_call_outcome_is_valid (code)) << code;
  EXPECT_TRUE (case_review_call_outcome_is_connected (CASE_REVIEW_CALL_OUTCOME_HUNG_UP));
  EXPECT_FALSE (case_review_call_outcome_is_connected (CASE_REVIEW_CALL_OUTCOME_BUSY));
  EXPECT_STREQ (case_review_call_outcome_get_label (CASE_REVIEW_CALL_OUTCOME_NO_ANSWER), "无人接听");
}

TEST (ChannelDirectory, LoadsTheDemoChannels)
{
  Ptr<CaseReviewChannelDirectory> channels (demo_channels ());
  GListModel *model = G_LIST_MODEL (channels.get ());

  // Counted independently from the CSV lines.
  std::ifstream in (demo_dir + "/channels.csv");
  std::string line;
  std::map<std::string, int> per_type;
  std::set<std::string> agencies;
  std::getline (in, line);
  int rows = 0;
  while (std::getline (in, line))
    {
      std::vector<std::string> fields;
      std::stringstream stream (line);
      std::string field;
      while (std::getline (stream, field, ','))
        fields.push_back (field);
      per_type[fields[3]]++;
      agencies.insert (fields[1]);
      rows++;
    }
  EXPECT_EQ (g_list_model_get_n_items (model), (guint) rows);
  EXPECT_EQ (g_list_model_get_item_type (model), CASE_REVIEW_TYPE_CHANNEL);
  EXPECT_EQ (per_type["phone"], 32);
  EXPECT_EQ (agencies.size (), 32u);

  CaseReviewChannel *channel = case_review_channel_directory_lookup (channels.get (), "LH13-W1");
  ASSERT_NE (channel, nullptr);
  EXPECT_EQ (case_review_channel_get_channel_type (channel), CASE_REVIEW_CHANNEL_TYPE_WEB_MAILBOX);
  EXPECT_STREQ (case_review_channel_get_agency_id (channel), "LH13");
  EXPECT_STREQ (case_review_channel_get_agency_name (channel), "深圳市罗湖区城市管理和综合执法局");
  EXPECT_EQ (case_review_channel_directory_lookup (channels.get (), "LH99-T1"), nullptr);

  char **ids = case_review_channel_directory_dup_agency_ids (channels.get ());
  EXPECT_EQ (g_strv_length (ids), 32u);
  EXPECT_STREQ (ids[0], "LH01");
  EXPECT_STREQ (ids[31], "LH32");
  g_strfreev (ids);
}

TEST (ChannelDirectory, RoundTripsAndFingerprints)
{
  Ptr<CaseReviewChannelDirectory> channels (demo_channels ());
  TempDir dir;
  Error error;
  std::string fingerprint = take (case_review_channel_directory_dup_fingerprint (channels.get ()));
  EXPECT_EQ (fingerprint.size (), 64u);

  Ptr<GFile> csv (file_at (dir / "channels.csv")), json (file_at (dir / "channels.json"));
  ASSERT_TRUE (case_review_channel_directory_save_csv (channels.get (), csv.get (), TRUE, nullptr, error.out ()));
  ASSERT_TRUE (case_review_channel_directory_save_json (channels.get (), json.get (), nullptr, error.out ()));

  for (const char *name : { "channels.csv", "channels.json" })
    {
      Ptr<CaseReviewChannelDirectory> copy (case_review_channel_directory_new ());
      ASSERT_TRUE (load_channels (copy.get (), dir / name, error.out ())) << error.message ();
      EXPECT_EQ (take (case_review_channel_directory_dup_fingerprint (copy.get ())), fingerprint) << name;
    }

  // Row order and header language do not change the fingerprint; an address does.
  std::string a = dir.write ("a.csv", "id,agency,type,address\nX-1,X,phone,12345\nX-2,X,email,a@b.cn\n");
  std::string b = dir.write ("b.csv", "号码或地址,渠道类型,执法单位,渠道编号\na@b.cn,电子邮箱,X,X-2\n12345,电话,X,X-1\n");
  std::string c = dir.write ("c.csv", "id,agency,type,address\nX-1,X,phone,12346\nX-2,X,email,a@b.cn\n");
  std::vector<std::string> prints;
  for (const std::string &path : { a, b, c })
    {
      Ptr<CaseReviewChannelDirectory> d (case_review_channel_directory_new ());
      ASSERT_TRUE (load_channels (d.get (), path, error.out ())) << error.message ();
      prints.push_back (take (case_review_channel_directory_dup_fingerprint (d.get ())));
    }
  EXPECT_EQ (prints[0], prints[1]);
  EXPECT_NE (prints[0], prints[2]);

  // The fingerprint is the SHA-256 of the documented text.
  const char *text = "libcasereview-channels-v1\nchannel\tX-1\tX\tphone\t12345\nchannel\tX-2\tX\temail\ta@b.cn\n";
  EXPECT_EQ (prints[0], take (g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1)));
}

TEST (ChannelDirectory, ReadsGb18030)
{
  TempDir dir;
  Error error;
  gsize length = 0;
  const char *utf8 = "渠道编号,执法单位,单位名称,渠道类型,号码或地址\r\nLH02-T1,LH02,深圳市罗湖区教育局,投诉电话,0755-25101234\r\n"
                     "LH02-X1,LH02,深圳市罗湖区教育局,微信,罗湖教育\r\n";
  char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", nullptr, &length, nullptr);
  std::string path = dir.write ("gb.csv", std::string (gb, length));
  g_free (gb);

  Ptr<CaseReviewChannelDirectory> channels (case_review_channel_directory_new ());
  ASSERT_TRUE (load_channels (channels.get (), path, error.out ())) << error.message ();
  CaseReviewChannel *wechat = case_review_channel_directory_lookup (channels.get (), "LH02-X1");
  ASSERT_NE (wechat, nullptr);
  EXPECT_STREQ (case_review_channel_get_address (wechat), "罗湖教育");
  EXPECT_STREQ (case_review_channel_get_agency_name (wechat), "深圳市罗湖区教育局");
}

struct BadInput {
  const char *what;
  const char *content;
  CaseReviewError code;
  const char *location;   // "line:column" in bad.csv, or a JSON path
};

const char *const small_channels =
  "id,agency,agency_name,type,address\n"
  "A-T1,A,甲局,phone,0755-25000001\n"
  "A-M1,A,甲局,email,a@example.gov.cn\n"
  "B-T1,B,乙局,phone,0755-25000002\n"
  "B-W1,B,乙局,web_mailbox,https://www.example.gov.cn/b\n"
  "B-X1,B,乙局,wechat,乙局微信\n";

class ChannelDirectoryBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P (ChannelDirectoryBadInput, FailsWithCodeAndLocationAndChangesNothing)
{
  const BadInput &bad = GetParam ();
  TempDir dir;
  Error error;
  Ptr<CaseReviewChannelDirectory> channels (case_review_channel_directory_new ());
  ASSERT_TRUE (load_channels (channels.get (), dir.write ("good.csv", small_channels), error.out ()));
  std::string before = take (case_review_channel_directory_dup_fingerprint (channels.get ()));

  EXPECT_FALSE (load_channels (channels.get (), dir.write ("bad.csv", bad.content), error.out ()));
  ASSERT_NE (error.error, nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, bad.code)) << error.message ();
  EXPECT_EQ (error.message ().rfind (std::string ("bad.csv:") + bad.location + ": ", 0), 0u) << error.message ();
  EXPECT_EQ (take (case_review_channel_directory_dup_fingerprint (channels.get ())), before);
  EXPECT_EQ (case_review_channel_directory_get_problems (channels.get ())->len, 1u);
}

INSTANTIATE_TEST_SUITE_P (
  ChannelDirectory, ChannelDirectoryBadInput,
  ::testing::Values (
    BadInput { "DuplicateId", "id,agency,type,address\nA-T1,A,phone,12345\nA-T1,A,email,a@b.cn\n",
               CASE_REVIEW_ERROR_DUPLICATE, "3:1" },
    BadInput { "UnknownType", "id,agency,type,address\nA-T1,A,fax,12345\n", CASE_REVIEW_ERROR_INVALID, "2:3" },
    BadInput { "BadEmail", "id,agency,type,address\nA-M1,A,email,not-an-address\n", CASE_REVIEW_ERROR_INVALID, "2:4" },
    BadInput { "PhoneWithoutDigits", "id,agency,type,address\nA-T1,A,phone,call us\n", CASE_REVIEW_ERROR_INVALID, "2:4" },
    BadInput { "WebMailboxNotAUrl", "id,agency,type,address\nA-W1,A,web_mailbox,www.example.cn\n",
               CASE_REVIEW_ERROR_INVALID, "2:4" },
    BadInput { "EmptyId", "id,agency,type,address\n,A,phone,12345\n", CASE_REVIEW_ERROR_INVALID, "2:1" },
    BadInput { "EmptyAddress", "id,agency,type,address\nA-T1,A,phone,\n", CASE_REVIEW_ERROR_INVALID, "2:4" },
    BadInput { "TwoNamesForOneAgency",
               "id,agency,agency_name,type,address\nA-T1,A,甲局,phone,12345\nA-M1,A,乙局,email,a@b.cn\n",
               CASE_REVIEW_ERROR_INVALID, "3:3" },
    BadInput { "MissingAddressColumn", "id,agency,type\nA-T1,A,phone\n", CASE_REVIEW_ERROR_INVALID, "1:1" },
    BadInput { "TooFewFields", "id,agency,type,address\nA-T1,A,phone\n", CASE_REVIEW_ERROR_PARSE, "2:4" },
    BadInput { "UnbalancedQuote", "id,agency,type,address\nA-T1,A,phone,\"12345\n", CASE_REVIEW_ERROR_PARSE, "2:4" },
    BadInput { "HeaderOnly", "id,agency,type,address\n", CASE_REVIEW_ERROR_INVALID, "2:1" },
    BadInput { "Empty", "", CASE_REVIEW_ERROR_PARSE, "1:1" }),
  [] (const ::testing::TestParamInfo<BadInput> &p) { return std::string (p.param.what); });

class ChannelCheckLogBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P (ChannelCheckLogBadInput, FailsWithCodeAndLocationAndChangesNothing)
{
  const BadInput &bad = GetParam ();
  TempDir dir;
  Error error;
  Ptr<CaseReviewChannelDirectory> channels (case_review_channel_directory_new ());
  Ptr<CaseReviewChannelCheckLog> log (case_review_channel_check_log_new ());
  ASSERT_TRUE (load_channels (channels.get (), dir.write ("channels.csv", small_channels), error.out ()));
  ASSERT_TRUE (load_checks (log.get (), channels.get (),
                            dir.write ("good.csv", "channel,attempted_at,outcome\nA-T1,2020-09-15 10:00,11\n"),
                            error.out ())) << error.message ();

  EXPECT_FALSE (load_checks (log.get (), channels.get (), dir.write ("bad.csv", bad.content), error.out ()));
  ASSERT_NE (error.error, nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, bad.code)) << error.message ();
  EXPECT_EQ (error.message ().rfind (std::string ("bad.csv:") + bad.location + ": ", 0), 0u) << error.message ();
  EXPECT_EQ (g_list_model_get_n_items (G_LIST_MODEL (log.get ())), 1u);
}

#define CHECKS_HEADER "channel,attempted_at,outcome,transferred,bounced,replied_on,substantive,tester,note\n"

INSTANTIATE_TEST_SUITE_P (
  ChannelCheckLog, ChannelCheckLogBadInput,
  ::testing::Values (
    BadInput { "UnknownChannel", CHECKS_HEADER "A-T1,2020-09-15 10:00,11,,,,,,\nZ-T9,2020-09-16 10:00,11,,,,,,\n",
               CASE_REVIEW_ERROR_NOT_FOUND, "3:1" },
    BadInput { "InvalidOutcomeCode", CHECKS_HEADER "A-T1,2020-09-15 10:00,15,,,,,,\n", CASE_REVIEW_ERROR_INVALID, "2:3" },
    BadInput { "OutcomeNotANumber", CHECKS_HEADER "A-T1,2020-09-15 10:00,ok,,,,,,\n", CASE_REVIEW_ERROR_INVALID, "2:3" },
    BadInput { "CallOutcomeOnEmail", CHECKS_HEADER "A-M1,2020-09-15 10:00,11,,,,,,\n", CASE_REVIEW_ERROR_INVALID, "2:3" },
    BadInput { "CallWithoutOutcome", CHECKS_HEADER "A-T1,2020-09-15 10:00,,,,,,,\n", CASE_REVIEW_ERROR_INVALID, "2:3" },
    BadInput { "ReplyBeforeAttempt", CHECKS_HEADER "A-M1,2020-09-15 10:00,,,no,2020-09-14,yes,,\n",
               CASE_REVIEW_ERROR_INVALID, "2:6" },
    BadInput { "InvalidTime", CHECKS_HEADER "A-T1,2020-09-15 25:00,11,,,,,,\n", CASE_REVIEW_ERROR_INVALID, "2:2" },
    BadInput { "ImpossibleDate", CHECKS_HEADER "A-T1,2020-02-30 10:00,11,,,,,,\n", CASE_REVIEW_ERROR_INVALID, "2:2" },
    BadInput { "DateWithoutTime", CHECKS_HEADER "A-T1,2020-09-15,11,,,,,,\n", CASE_REVIEW_ERROR_INVALID, "2:2" },
    BadInput { "DuplicateCheck",
               CHECKS_HEADER "A-T1,2020-09-15 10:00,21,,,,,,\nB-T1,2020-09-15 10:00,11,,,,,,\nA-T1,2020-09-15T10:00,11,,,,,,\n",
               CASE_REVIEW_ERROR_DUPLICATE, "4:2" },
    BadInput { "TransferOnCorrectLine", CHECKS_HEADER "A-T1,2020-09-15 10:00,11,yes,,,,,\n", CASE_REVIEW_ERROR_INVALID,
               "2:4" },
    BadInput { "BounceOnAPhone", CHECKS_HEADER "A-T1,2020-09-15 10:00,21,,是,,,,\n", CASE_REVIEW_ERROR_INVALID, "2:5" },
    BadInput { "BouncedWithReply", CHECKS_HEADER "B-W1,2020-09-15 10:00,,,yes,2020-09-16,,,\n", CASE_REVIEW_ERROR_INVALID,
               "2:6" },
    BadInput { "SubstantiveWithoutReply", CHECKS_HEADER "B-X1,2020-09-15 10:00,,,no,,yes,,\n", CASE_REVIEW_ERROR_INVALID,
               "2:7" },
    BadInput { "NotYesOrNo", CHECKS_HEADER "A-M1,2020-09-15 10:00,,,maybe,,,,\n", CASE_REVIEW_ERROR_INVALID, "2:5" },
    BadInput { "MissingChannelColumn", "attempted_at,outcome\n2020-09-15 10:00,11\n", CASE_REVIEW_ERROR_INVALID, "1:1" },
    BadInput { "HeaderOnly", CHECKS_HEADER, CASE_REVIEW_ERROR_INVALID, "2:1" }),
  [] (const ::testing::TestParamInfo<BadInput> &p) { return std::string (p.param.what); });

TEST (ChannelCheckLog, CollectsManyProblemsWithMaxErrors)
{
  TempDir dir;
  Error error;
  Ptr<CaseReviewChannelDirectory> channels (case_review_channel_directory_new ());
  Ptr<CaseReviewChannelCheckLog> log (case_review_channel_check_log_new ());
  ASSERT_TRUE (load_channels (channels.get (), dir.write ("channels.csv", small_channels), error.out ()));
  case_review_channel_check_log_set_max_errors (log.get (), 10);

  std::string path = dir.write ("bad.csv", CHECKS_HEADER
                                "Z-T1,2020-09-15 10:00,11,,,,,,\n"
                                "A-T1,2020-09-15 10:00,16,,,,,,\n"
                                "A-M1,2020-09-15 10:00,21,,,,,,\n"
                                "A-T1,2020-09-16 10:00,11,,,,,,\n");
  EXPECT_FALSE (load_checks (log.get (), channels.get (), path, error.out ()));
  GPtrArray *problems = case_review_channel_check_log_get_problems (log.get ());
  ASSERT_EQ (problems->len, 3u) << error.message ();
  EXPECT_TRUE (g_error_matches ((GError *) g_ptr_array_index (problems, 0), CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
  EXPECT_EQ (std::string (((GError *) g_ptr_array_index (problems, 1))->message).rfind ("bad.csv:3:3: ", 0), 0u);
  EXPECT_EQ (std::string (((GError *) g_ptr_array_index (problems, 2))->message).rfind ("bad.csv:4:3: ", 0), 0u);
  EXPECT_EQ (split_lines (error.message ()).size (), 3u);
}

TEST (ChannelCheckLog, JsonRoundTripAndJsonErrors)
{
  Ptr<CaseReviewChannelDirectory> channels (demo_channels ());
  Ptr<CaseReviewChannelCheckLog> log (case_review_channel_check_log_new ());
  TempDir dir;
  Error error;
  ASSERT_TRUE (load_checks (log.get (), channels.get (), demo_dir + "/channel-checks.csv", error.out ()))
      << error.message ();
  ASSERT_EQ (g_list_model_get_n_items (G_LIST_MODEL (log.get ())), 74u);

  Ptr<GFile> json (file_at (dir / "checks.json")), csv (file_at (dir / "checks.csv"));
  ASSERT_TRUE (case_review_channel_check_log_save_json (log.get (), json.get (), nullptr, error.out ()));
  ASSERT_TRUE (case_review_channel_check_log_save_csv (log.get (), csv.get (), FALSE, nullptr, error.out ()));
  for (const char *name : { "checks.json", "checks.csv" })
    {
      Ptr<CaseReviewChannelCheckLog> copy (case_review_channel_check_log_new ());
      ASSERT_TRUE (load_checks (copy.get (), channels.get (), dir / name, error.out ())) << error.message ();
      ASSERT_EQ (g_list_model_get_n_items (G_LIST_MODEL (copy.get ())), 74u);
      for (guint i = 0; i < 74; i++)
        {
          Ptr<CaseReviewChannelCheck> a ((CaseReviewChannelCheck *) g_list_model_get_item (G_LIST_MODEL (log.get ()), i));
          Ptr<CaseReviewChannelCheck> b ((CaseReviewChannelCheck *) g_list_model_get_item (G_LIST_MODEL (copy.get ()), i));
          EXPECT_STREQ (case_review_channel_check_get_channel_id (a.get ()), case_review_channel_check_get_channel_id (b.get ()));
          EXPECT_TRUE (g_date_time_equal (case_review_channel_check_get_attempted_at (a.get ()),
                                          case_review_channel_check_get_attempted_at (b.get ())));
          EXPECT_EQ (case_review_channel_check_get_outcome (a.get ()), case_review_channel_check_get_outcome (b.get ()));
          EXPECT_EQ (case_review_channel_check_get_transferred (a.get ()), case_review_channel_check_get_transferred (b.get ()));
          EXPECT_EQ (case_review_channel_check_get_bounced (a.get ()), case_review_channel_check_get_bounced (b.get ()));
          EXPECT_EQ (case_review_channel_check_get_substantive (a.get ()), case_review_channel_check_get_substantive (b.get ()));
          EXPECT_STREQ (case_review_channel_check_get_tester (a.get ()), case_review_channel_check_get_tester (b.get ()));
          EXPECT_STREQ (case_review_channel_check_get_note (a.get ()), case_review_channel_check_get_note (b.get ()));
          const GDate *ra = case_review_channel_check_get_replied_on (a.get ());
          const GDate *rb = case_review_channel_check_get_replied_on (b.get ());
          EXPECT_EQ (ra == nullptr, rb == nullptr);
          if (ra != nullptr && rb != nullptr)
            {
              EXPECT_EQ (g_date_compare (ra, rb), 0);
            }
        }
    }

  // JSON problems are located by path.
  Ptr<CaseReviewChannelCheckLog> other (case_review_channel_check_log_new ());
  std::string bad = dir.write ("bad.json",
                               "{\"format\":\"libcasereview-channel-checks\",\"version\":1,\"checks\":["
                               "{\"channel\":\"LH01-T1\",\"attempted_at\":\"2020-09-15 10:00\",\"outcome\":11},"
                               "{\"channel\":\"LH01-M1\",\"attempted_at\":\"2020-09-15 10:00\",\"outcome\":12}]}");
  EXPECT_FALSE (load_checks (other.get (), channels.get (), bad, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));
  EXPECT_EQ (error.message ().rfind ("bad.json: $.checks[1].outcome: ", 0), 0u) << error.message ();

  std::string version = dir.write ("v2.json", "{\"format\":\"libcasereview-channel-checks\",\"version\":2,\"checks\":[]}");
  EXPECT_FALSE (load_checks (other.get (), channels.get (), version, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_UNSUPPORTED)) << error.message ();

  std::string broken = dir.write ("broken.json", "{\"format\":");
  EXPECT_FALSE (load_checks (other.get (), channels.get (), broken, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE)) << error.message ();

  Ptr<CaseReviewChannelDirectory> directory (case_review_channel_directory_new ());
  std::string bad_channels = dir.write ("channels.json",
                                        "{\"format\":\"libcasereview-channels\",\"version\":1,\"channels\":["
                                        "{\"id\":\"A\",\"agency\":\"X\",\"type\":\"phone\",\"address\":\"12345\"},"
                                        "{\"id\":\"A\",\"agency\":\"X\",\"type\":\"email\",\"address\":\"a@b.cn\"}]}");
  EXPECT_FALSE (load_channels (directory.get (), bad_channels, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE));
  EXPECT_EQ (error.message ().rfind ("channels.json: $.channels[1].id: ", 0), 0u) << error.message ();
}

TEST (ChannelCheckLog, AddChecksAgainstTheChannel)
{
  TempDir dir;
  Error error;
  Ptr<CaseReviewChannelDirectory> channels (case_review_channel_directory_new ());
  Ptr<CaseReviewChannelCheckLog> log (case_review_channel_check_log_new ());
  ASSERT_TRUE (load_channels (channels.get (), dir.write ("channels.csv", small_channels), error.out ()));
  GDateTime *at = moment (2020, 9, 15, 10, 0);
  DateHolder before (2020, 9, 14);

  Ptr<CaseReviewChannelCheck> call (case_review_channel_check_new_call ("A-T1", at, CASE_REVIEW_CALL_OUTCOME_BUSY, FALSE,
                                                                        "陈晓", nullptr));
  EXPECT_TRUE (case_review_channel_check_log_add (log.get (), call.get (), channels.get (), error.out ()));
  EXPECT_FALSE (case_review_channel_check_log_add (log.get (), call.get (), channels.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE));

  Ptr<CaseReviewChannelCheck> wrong (case_review_channel_check_new_call ("A-M1", at, CASE_REVIEW_CALL_OUTCOME_BUSY, FALSE,
                                                                         nullptr, nullptr));
  EXPECT_FALSE (case_review_channel_check_log_add (log.get (), wrong.get (), channels.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));

  Ptr<CaseReviewChannelCheck> early (case_review_channel_check_new_inquiry ("A-M1", at, FALSE, before.get (), TRUE,
                                                                            nullptr, nullptr));
  EXPECT_FALSE (case_review_channel_check_log_add (log.get (), early.get (), channels.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));
  EXPECT_NE (error.message ().find ("before"), std::string::npos) << error.message ();

  Ptr<CaseReviewChannelCheck> unknown (case_review_channel_check_new_call ("Q", at, CASE_REVIEW_CALL_OUTCOME_BUSY, FALSE,
                                                                           nullptr, nullptr));
  EXPECT_FALSE (case_review_channel_check_log_add (log.get (), unknown.get (), channels.get (), error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
  EXPECT_EQ (g_list_model_get_n_items (G_LIST_MODEL (log.get ())), 1u);
  g_date_time_unref (at);
}

TEST (ChannelSchedule, SameSeedSameScheduleAndTheRules)
{
  Ptr<CaseReviewChannelDirectory> channels (demo_channels ());
  Ptr<CaseReviewChannelSchedule> a (demo_schedule (channels.get ()));
  Ptr<CaseReviewChannelSchedule> b (demo_schedule (channels.get ()));
  Ptr<CaseReviewChannelSchedule> other (demo_schedule (channels.get (), "another seed"));
  Ptr<CaseReviewCalendar> calendar (case_review_calendar_new_default ());

  EXPECT_EQ (take (case_review_channel_schedule_to_manifest (a.get ())),
             take (case_review_channel_schedule_to_manifest (b.get ())));
  EXPECT_NE (entries_by_channel (a.get ()), entries_by_channel (other.get ()));

  // 2 calls per phone line, 1 inquiry per written channel.
  guint phones = 0, written = 0;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (channels.get ())); i++)
    {
      Ptr<CaseReviewChannel> channel ((CaseReviewChannel *) g_list_model_get_item (G_LIST_MODEL (channels.get ()), i));
      (case_review_channel_is_written (channel.get ()) ? written : phones)++;
    }
  GListModel *model = G_LIST_MODEL (a.get ());
  EXPECT_EQ (g_list_model_get_n_items (model), 2 * phones + written);
  EXPECT_EQ (case_review_channel_schedule_get_n_working_days (a.get ()), 31u);

  // Every attempt on a working day in the period within office hours, in
  // time order; the attempts of one channel on different days and times.
  std::map<std::string, std::set<std::string>> days, times;
  GDateTime *previous = nullptr;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      Ptr<CaseReviewScheduledCheck> entry ((CaseReviewScheduledCheck *) g_list_model_get_item (model, i));
      GDateTime *at = case_review_scheduled_check_get_scheduled_at (entry.get ());
      Error error;
      DateHolder day ((guint) g_date_time_get_year (at), (guint) g_date_time_get_month (at),
                      (guint) g_date_time_get_day_of_month (at));
      int minute = g_date_time_get_hour (at) * 60 + g_date_time_get_minute (at);

      EXPECT_EQ (g_date_time_get_utc_offset (at), (GTimeSpan) 8 * G_TIME_SPAN_HOUR);
      EXPECT_TRUE (case_review_calendar_is_working_day (calendar.get (), day.get (), error.out ()));
      EXPECT_GE (g_date_compare (day.get (), case_review_channel_schedule_get_from (a.get ())), 0);
      EXPECT_LE (g_date_compare (day.get (), case_review_channel_schedule_get_to (a.get ())), 0);
      EXPECT_TRUE ((minute >= 9 * 60 && minute < 12 * 60) || (minute >= 14 * 60 && minute < 17 * 60 + 30)) << minute;
      EXPECT_EQ (g_date_time_get_second (at), 0);
      if (previous != nullptr)
        {
          EXPECT_LE (g_date_time_compare (previous, at), 0);
        }
      previous = at;

      std::string id = case_review_scheduled_check_get_channel_id (entry.get ());
      std::string text = take (case_review_scheduled_check_dup_scheduled_at_string (entry.get ()));
      EXPECT_TRUE (days[id].insert (text.substr (0, 10)).second) << id << " twice on one day";
      EXPECT_TRUE (times[id].insert (text.substr (11)).second) << id << " twice at one time";
    }
}

TEST (ChannelSchedule, ChannelsDoNotAffectEachOther)
{
  Ptr<CaseReviewChannelDirectory> channels (demo_channels ());
  Ptr<CaseReviewChannelSchedule> full (demo_schedule (channels.get ()));
  std::map<std::string, std::vector<std::string>> all = entries_by_channel (full.get ());

  // A directory with every other channel, plus a new one.
  Ptr<CaseReviewChannelDirectory> half (case_review_channel_directory_new ());
  Error error;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (channels.get ())); i += 2)
    {
      Ptr<CaseReviewChannel> channel ((CaseReviewChannel *) g_list_model_get_item (G_LIST_MODEL (channels.get ()), i));
      ASSERT_TRUE (case_review_channel_directory_add (half.get (), channel.get (), error.out ())) << error.message ();
    }
  Ptr<CaseReviewChannel> extra (case_review_channel_new ("LH99-T1", "LH99", nullptr, CASE_REVIEW_CHANNEL_TYPE_PHONE,
                                                         "12345"));
  ASSERT_TRUE (case_review_channel_directory_add (half.get (), extra.get (), error.out ()));
  Ptr<CaseReviewChannelSchedule> partial (demo_schedule (half.get ()));

  std::map<std::string, std::vector<std::string>> some = entries_by_channel (partial.get ());
  EXPECT_EQ (some.size (), (g_list_model_get_n_items (G_LIST_MODEL (channels.get ())) + 1) / 2 + 1);
  for (const auto &[id, attempts] : some)
    {
      if (id != "LH99-T1")
        {
          EXPECT_EQ (attempts, all.at (id)) << id;
        }
    }
  EXPECT_NE (take (case_review_channel_directory_dup_fingerprint (half.get ())),
             case_review_channel_schedule_get_channels_fingerprint (full.get ()));
}

TEST (ChannelSchedule, MatchesTheDemoChecks)
{
  Ptr<CaseReviewChannelDirectory> channels (demo_channels ());
  Ptr<CaseReviewChannelSchedule> schedule (demo_schedule (channels.get ()));
  std::map<std::string, std::vector<std::string>> entries = entries_by_channel (schedule.get ());
  Ptr<CaseReviewChannelCheckLog> log (case_review_channel_check_log_new ());
  Error error;
  ASSERT_TRUE (load_checks (log.get (), channels.get (), demo_dir + "/channel-checks.csv", error.out ()));

  // scripts/generate-demo-channels.py implements docs/channels.md in Python;
  // its checks are made exactly at the library's scheduled times.
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (log.get ())); i++)
    {
      Ptr<CaseReviewChannelCheck> check ((CaseReviewChannelCheck *) g_list_model_get_item (G_LIST_MODEL (log.get ()), i));
      const std::vector<std::string> &attempts = entries.at (case_review_channel_check_get_channel_id (check.get ()));
      std::string when = take (case_review_channel_check_dup_attempted_at_string (check.get ()));
      EXPECT_NE (std::find (attempts.begin (), attempts.end (), when), attempts.end ()) << when;
    }
}

TEST (ChannelSchedule, ManifestRoundTripAndVerification)
{
  Ptr<CaseReviewChannelDirectory> channels (demo_channels ());
  Ptr<CaseReviewChannelSchedule> schedule (demo_schedule (channels.get ()));
  std::string manifest = take (case_review_channel_schedule_to_manifest (schedule.get ()));
  Error error;

  Ptr<CaseReviewChannelSchedule> read (case_review_channel_schedule_new_from_manifest (manifest.c_str (), error.out ()));
  ASSERT_NE (read.get (), nullptr) << error.message ();
  EXPECT_EQ (take (case_review_channel_schedule_to_manifest (read.get ())), manifest);
  EXPECT_TRUE (case_review_channel_schedule_verify (read.get (), channels.get (), nullptr, error.out ())) << error.message ();

  // A moved call is named.
  std::string tampered = manifest;
  std::string first_time = "\"time\":\"";
  size_t at = tampered.find (first_time) + first_time.size ();
  tampered[at + 4] = tampered[at + 4] == '0' ? '1' : '0';
  read.reset (case_review_channel_schedule_new_from_manifest (tampered.c_str (), error.out ()));
  ASSERT_NE (read.get (), nullptr) << error.message ();
  EXPECT_FALSE (case_review_channel_schedule_verify (read.get (), channels.get (), nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_VERIFY));
  std::vector<std::string> lines = split_lines (error.message ());
  ASSERT_EQ (lines.size (), 2u) << error.message ();
  EXPECT_NE (lines[1].find ("the manifest has"), std::string::npos) << lines[1];

  // A changed channel list is named, with the entries it moves.
  read.reset (case_review_channel_schedule_new_from_manifest (manifest.c_str (), error.out ()));
  Ptr<CaseReviewChannelDirectory> changed (demo_channels ());
  Ptr<CaseReviewChannel> extra (case_review_channel_new ("LH33-T1", "LH33", nullptr, CASE_REVIEW_CHANNEL_TYPE_PHONE,
                                                         "0755-25000000"));
  ASSERT_TRUE (case_review_channel_directory_add (changed.get (), extra.get (), error.out ()));
  EXPECT_FALSE (case_review_channel_schedule_verify (read.get (), changed.get (), nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_VERIFY));
  EXPECT_NE (error.message ().find ("fingerprint"), std::string::npos);
  EXPECT_NE (error.message ().find ("channel LH33-T1, attempt 1: missing from the manifest"), std::string::npos)
      << error.message ();

  // Malformed manifests.
  EXPECT_EQ (case_review_channel_schedule_new_from_manifest ("{", error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE));
  std::string no_seed = manifest;
  no_seed.replace (no_seed.find ("\"seed\""), 6, "\"sead\"");
  EXPECT_EQ (case_review_channel_schedule_new_from_manifest (no_seed.c_str (), error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));
  EXPECT_NE (error.message ().find ("$.seed"), std::string::npos) << error.message ();
}

TEST (ChannelSchedule, ParametersAndErrors)
{
  Ptr<CaseReviewChannelDirectory> channels (demo_channels ());
  Error error;
  DateHolder from (2020, 9, 14), to (2020, 10, 30), from_2022 (2022, 3, 1), to_2022 (2022, 3, 31),
             national_day (2020, 10, 1), after (2020, 10, 8);

  Ptr<CaseReviewChannelSchedule> schedule (case_review_channel_schedule_new (demo_seed, from.get (), to.get ()));
  case_review_channel_schedule_set_calls_per_phone (schedule.get (), 3);
  case_review_channel_schedule_set_inquiries_per_channel (schedule.get (), 0);
  ASSERT_TRUE (case_review_channel_schedule_set_office_hours (schedule.get (), "08:30-12:00, 14:30-18:00", error.out ()));
  EXPECT_EQ (take (case_review_channel_schedule_dup_office_hours (schedule.get ())), "08:30-12:00,14:30-18:00");
  ASSERT_TRUE (case_review_channel_schedule_compute (schedule.get (), channels.get (), nullptr, error.out ()));
  EXPECT_EQ (g_list_model_get_n_items (G_LIST_MODEL (schedule.get ())), 3u * 32u);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (schedule.get ())); i++)
    {
      Ptr<CaseReviewScheduledCheck> entry ((CaseReviewScheduledCheck *) g_list_model_get_item (G_LIST_MODEL (schedule.get ()), i));
      GDateTime *at = case_review_scheduled_check_get_scheduled_at (entry.get ());
      int minute = g_date_time_get_hour (at) * 60 + g_date_time_get_minute (at);
      EXPECT_TRUE ((minute >= 8 * 60 + 30 && minute < 12 * 60) || (minute >= 14 * 60 + 30 && minute < 18 * 60)) << minute;
      EXPECT_EQ (case_review_scheduled_check_get_channel_type (entry.get ()), CASE_REVIEW_CHANNEL_TYPE_PHONE);
    }
  // Changing a parameter empties the schedule.
  case_review_channel_schedule_set_calls_per_phone (schedule.get (), 2);
  EXPECT_FALSE (case_review_channel_schedule_is_computed (schedule.get ()));
  EXPECT_EQ (g_list_model_get_n_items (G_LIST_MODEL (schedule.get ())), 0u);

  for (const char *hours : { "9-12", "12:00-09:00", "09:00-12:00,11:00-13:00", "", "09:00-12:60" })
    {
      EXPECT_FALSE (case_review_channel_schedule_set_office_hours (schedule.get (), hours, error.out ())) << hours;
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID)) << hours;
    }

  // A period in a year without calendar data.
  Ptr<CaseReviewChannelSchedule> in_2022 (case_review_channel_schedule_new (demo_seed, from_2022.get (), to_2022.get ()));
  EXPECT_FALSE (case_review_channel_schedule_compute (in_2022.get (), channels.get (), nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
  EXPECT_NE (error.message ().find ("2022"), std::string::npos);

  // The National Day week has one working day: too few for two calls.
  Ptr<CaseReviewChannelSchedule> holiday (case_review_channel_schedule_new (demo_seed, national_day.get (),
                                                                           after.get ()));
  EXPECT_FALSE (case_review_channel_schedule_compute (holiday.get (), channels.get (), nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));

  Ptr<CaseReviewChannelSchedule> backwards (case_review_channel_schedule_new (demo_seed, to.get (), from.get ()));
  EXPECT_FALSE (case_review_channel_schedule_compute (backwards.get (), channels.get (), nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));

  Ptr<CaseReviewChannelSchedule> no_seed (case_review_channel_schedule_new ("", from.get (), to.get ()));
  EXPECT_FALSE (case_review_channel_schedule_compute (no_seed.get (), channels.get (), nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID)) << error.message ();
}

namespace {

// A directory of one phone line P and one e-mail address M, a log of the
// given checks, evaluated with @rules.
struct Crafted {
  Ptr<CaseReviewChannelDirectory> channels;
  Ptr<CaseReviewChannelCheckLog> log;
  Ptr<CaseReviewChannelEvaluation> evaluation;

  Crafted ()
  {
    Error error;
    channels.reset (case_review_channel_directory_new ());
    log.reset (case_review_channel_check_log_new ());
    for (auto [id, agency, type, address] : { std::tuple { "P", "A", CASE_REVIEW_CHANNEL_TYPE_PHONE, "12345" },
                                              std::tuple { "M", "B", CASE_REVIEW_CHANNEL_TYPE_EMAIL, "m@b.cn" },
                                              std::tuple { "U", "C", CASE_REVIEW_CHANNEL_TYPE_WECHAT, "untested" } })
      {
        Ptr<CaseReviewChannel> channel (case_review_channel_new (id, agency, nullptr, type, address));
        EXPECT_TRUE (case_review_channel_directory_add (channels.get (), channel.get (), error.out ()));
      }
  }

  void call (int day, CaseReviewCallOutcome outcome, bool transferred = false)
  {
    Error error;
    GDateTime *at = moment (2020, 9, day, 10, 0);
    Ptr<CaseReviewChannelCheck> check (case_review_channel_check_new_call ("P", at, outcome, transferred, nullptr, nullptr));
    EXPECT_TRUE (case_review_channel_check_log_add (log.get (), check.get (), channels.get (), error.out ()))
        << error.message ();
    g_date_time_unref (at);
  }

  void inquiry (int month, int day, bool bounced, int reply_month, int reply_day, bool substantive)
  {
    Error error;
    GDateTime *at = moment (2020, month, day, 15, 0);
    GDate *reply = reply_day > 0 ? date (2020, (guint) reply_month, (guint) reply_day) : nullptr;
    Ptr<CaseReviewChannelCheck> check (case_review_channel_check_new_inquiry ("M", at, bounced, reply, substantive,
                                                                              nullptr, nullptr));
    EXPECT_TRUE (case_review_channel_check_log_add (log.get (), check.get (), channels.get (), error.out ()))
        << error.message ();
    g_date_time_unref (at);
    if (reply != nullptr)
      g_date_free (reply);
  }

  CaseReviewChannelEvaluation *evaluate (CaseReviewChannelRules *rules = nullptr)
  {
    Error error;
    Ptr<CaseReviewChannelRules> defaults (case_review_channel_rules_new ());
    evaluation.reset (case_review_channel_rules_evaluate (rules != nullptr ? rules : defaults.get (), channels.get (),
                                                          log.get (), nullptr, error.out ()));
    EXPECT_NE (evaluation.get (), nullptr) << error.message ();
    return evaluation.get ();
  }

  CaseReviewChannelStatus status (const char *id) const
  {
    return case_review_channel_evaluation_get_channel_status (evaluation.get (), id);
  }

  CaseReviewChannelFailure failure () const
  {
    GListModel *findings = case_review_channel_evaluation_get_findings (evaluation.get ());
    EXPECT_EQ (g_list_model_get_n_items (findings), 1u);
    Ptr<CaseReviewChannelFinding> finding ((CaseReviewChannelFinding *) g_list_model_get_item (findings, 0));
    return case_review_channel_finding_get_failure (finding.get ());
  }
};

} // namespace

TEST (ChannelRules, PhoneLines)
{
  {
    Crafted c;
    c.call (15, CASE_REVIEW_CALL_OUTCOME_NO_ANSWER);
    c.call (16, CASE_REVIEW_CALL_OUTCOME_BUSY);
    c.evaluate ();
    EXPECT_EQ (c.status ("P"), CASE_REVIEW_CHANNEL_STATUS_FAILED);
    EXPECT_EQ (c.failure (), CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_CONNECTED);
  }
  {
    Crafted c;
    c.call (15, CASE_REVIEW_CALL_OUTCOME_WRONG_DEPARTMENT);
    c.call (16, CASE_REVIEW_CALL_OUTCOME_NUMBER_VOID);
    c.evaluate ();
    EXPECT_EQ (c.failure (), CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_RESOLVED);
  }
  {
    Crafted c;
    c.call (15, CASE_REVIEW_CALL_OUTCOME_NO_ANSWER);
    c.call (16, CASE_REVIEW_CALL_OUTCOME_CORRECT_LINE);
    c.evaluate ();
    EXPECT_EQ (c.status ("P"), CASE_REVIEW_CHANNEL_STATUS_PASSED);
  }
  {
    Crafted c;   // 12 with a correct transfer passes, unless transfers are not accepted
    c.call (15, CASE_REVIEW_CALL_OUTCOME_WRONG_LINE, true);
    c.call (16, CASE_REVIEW_CALL_OUTCOME_HUNG_UP);
    c.evaluate ();
    EXPECT_EQ (c.status ("P"), CASE_REVIEW_CHANNEL_STATUS_PASSED);
    Ptr<CaseReviewChannelRules> strict (case_review_channel_rules_new ());
    case_review_channel_rules_set_accept_transfers (strict.get (), FALSE);
    c.evaluate (strict.get ());
    EXPECT_EQ (c.status ("P"), CASE_REVIEW_CHANNEL_STATUS_FAILED);
    EXPECT_EQ (c.failure (), CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_RESOLVED);
  }
  {
    Crafted c;   // 12 without a transfer fails
    c.call (15, CASE_REVIEW_CALL_OUTCOME_WRONG_LINE, false);
    c.evaluate ();
    EXPECT_EQ (c.failure (), CASE_REVIEW_CHANNEL_FAILURE_CALL_NOT_RESOLVED);
  }
}

TEST (ChannelRules, WrittenChannels)
{
  {
    Crafted c;
    c.inquiry (9, 15, true, 0, 0, false);
    c.evaluate ();
    EXPECT_EQ (c.failure (), CASE_REVIEW_CHANNEL_FAILURE_BOUNCED);
  }
  {
    Crafted c;
    c.inquiry (9, 15, false, 0, 0, false);
    c.evaluate ();
    EXPECT_EQ (c.failure (), CASE_REVIEW_CHANNEL_FAILURE_NO_REPLY);
  }
  {
    Crafted c;   // Tuesday 15 September + 5 working days = Tuesday 22 September
    c.inquiry (9, 15, false, 9, 22, true);
    c.evaluate ();
    EXPECT_EQ (c.status ("M"), CASE_REVIEW_CHANNEL_STATUS_PASSED);
  }
  {
    Crafted c;   // 23 September is the 6th working day
    c.inquiry (9, 15, false, 9, 23, true);
    c.evaluate ();
    EXPECT_EQ (c.failure (), CASE_REVIEW_CHANNEL_FAILURE_LATE_REPLY);
    Ptr<CaseReviewChannelRules> lenient (case_review_channel_rules_new ());
    case_review_channel_rules_set_reply_deadline (lenient.get (), 6);
    c.evaluate (lenient.get ());
    EXPECT_EQ (c.status ("M"), CASE_REVIEW_CHANNEL_STATUS_PASSED);
  }
  {
    Crafted c;   // sent 30 September, answered 9 October: one working day over National Day
    c.inquiry (9, 30, false, 10, 9, true);
    c.evaluate ();
    EXPECT_EQ (c.status ("M"), CASE_REVIEW_CHANNEL_STATUS_PASSED);
  }
  {
    Crafted c;   // an acknowledgement only
    c.inquiry (9, 15, false, 9, 16, false);
    c.evaluate ();
    EXPECT_EQ (c.failure (), CASE_REVIEW_CHANNEL_FAILURE_NOT_SUBSTANTIVE);
    Ptr<CaseReviewChannelRules> any_reply (case_review_channel_rules_new ());
    case_review_channel_rules_set_require_substantive (any_reply.get (), FALSE);
    c.evaluate (any_reply.get ());
    EXPECT_EQ (c.status ("M"), CASE_REVIEW_CHANNEL_STATUS_PASSED);
  }
  {
    Crafted c;   // several inquiries: the failure reported is the closest to passing
    c.inquiry (9, 15, true, 0, 0, false);
    c.inquiry (9, 16, false, 9, 30, true);
    c.evaluate ();
    EXPECT_EQ (c.failure (), CASE_REVIEW_CHANNEL_FAILURE_LATE_REPLY);
  }
  {
    Crafted c;   // a reply in 2022 cannot be counted without 2022's calendar
    c.inquiry (12, 30, false, 12, 31, true);
    Ptr<CaseReviewChannelCheckLog> &log = c.log;
    GDateTime *at = moment (2021, 12, 31, 15, 0);
    GDate *reply = date (2022, 1, 5);
    Ptr<CaseReviewChannelCheck> late (case_review_channel_check_new_inquiry ("M", at, FALSE, reply, TRUE, nullptr, nullptr));
    Error error;
    ASSERT_TRUE (case_review_channel_check_log_add (log.get (), late.get (), c.channels.get (), error.out ()));
    Ptr<CaseReviewChannelRules> rules (case_review_channel_rules_new ());
    Ptr<CaseReviewChannelEvaluation> evaluation (case_review_channel_rules_evaluate (rules.get (), c.channels.get (),
                                                                                     log.get (), nullptr, error.out ()));
    EXPECT_EQ (evaluation.get (), nullptr);
    EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND)) << error.message ();
    EXPECT_NE (error.message ().find ("2022"), std::string::npos);
    g_date_time_unref (at);
    g_date_free (reply);
  }
}

TEST (ChannelRules, AgenciesAndTheExactValidityRate)
{
  Crafted c;
  c.call (15, CASE_REVIEW_CALL_OUTCOME_CORRECT_LINE);
  c.inquiry (9, 15, true, 0, 0, false);
  CaseReviewChannelEvaluation *evaluation = c.evaluate ();

  EXPECT_EQ (case_review_channel_evaluation_get_n_channels (evaluation), 3u);
  EXPECT_EQ (case_review_channel_evaluation_get_n_tested (evaluation), 2u);   // U is untested
  EXPECT_EQ (case_review_channel_evaluation_get_n_passed (evaluation), 1u);
  EXPECT_EQ (case_review_channel_evaluation_get_n_failed (evaluation), 1u);
  EXPECT_DOUBLE_EQ (case_review_channel_evaluation_get_validity_rate (evaluation), 0.5);
  EXPECT_EQ (take (case_review_channel_evaluation_dup_validity_rate_text (evaluation)), "1/2 = 50.00%");
  EXPECT_EQ (c.status ("U"), CASE_REVIEW_CHANNEL_STATUS_UNTESTED);

  char **failing = case_review_channel_evaluation_dup_failing_agency_ids (evaluation);
  ASSERT_EQ (g_strv_length (failing), 1u);
  EXPECT_STREQ (failing[0], "B");
  g_strfreev (failing);

  CaseReviewChannelAgencyResult *a = case_review_channel_evaluation_lookup_agency_result (evaluation, "A");
  CaseReviewChannelAgencyResult *u = case_review_channel_evaluation_lookup_agency_result (evaluation, "C");
  ASSERT_NE (a, nullptr);
  EXPECT_EQ (case_review_channel_agency_result_get_status (a), CASE_REVIEW_CHANNEL_STATUS_PASSED);
  EXPECT_EQ (case_review_channel_agency_result_get_status (u), CASE_REVIEW_CHANNEL_STATUS_UNTESTED);
  EXPECT_EQ (case_review_channel_evaluation_lookup_agency_result (evaluation, "Z"), nullptr);
}

TEST (ChannelRules, TheDemoChecks)
{
  Ptr<CaseReviewChannelDirectory> channels (demo_channels ());
  Ptr<CaseReviewChannelCheckLog> log (case_review_channel_check_log_new ());
  Ptr<CaseReviewChannelRules> rules (case_review_channel_rules_new ());
  Error error;
  ASSERT_TRUE (load_checks (log.get (), channels.get (), demo_dir + "/channel-checks.csv", error.out ()));
  Ptr<CaseReviewChannelEvaluation> evaluation (case_review_channel_rules_evaluate (rules.get (), channels.get (), log.get (),
                                                                                   nullptr, error.out ()));
  ASSERT_NE (evaluation.get (), nullptr) << error.message ();

  // 32 phone lines and 10 written channels were tested; tests/python/test_channels.py
  // recomputes the same figures from the CSV files with its own rules.
  EXPECT_EQ (case_review_channel_evaluation_get_n_tested (evaluation.get ()), 42u);
  EXPECT_EQ (case_review_channel_evaluation_get_n_passed (evaluation.get ()), 35u);
  EXPECT_EQ (take (case_review_channel_evaluation_dup_validity_rate_text (evaluation.get ())), "35/42 = 83.33%");
  char **failing = case_review_channel_evaluation_dup_failing_agency_ids (evaluation.get ());
  std::vector<std::string> ids (failing, failing + g_strv_length (failing));
  g_strfreev (failing);
  EXPECT_EQ (ids, (std::vector<std::string> { "LH01", "LH03", "LH06", "LH08", "LH14", "LH15" }));

  // Every finding carries what a notice needs.
  GListModel *findings = case_review_channel_evaluation_get_findings (evaluation.get ());
  ASSERT_EQ (g_list_model_get_n_items (findings), 7u);
  for (guint i = 0; i < 7; i++)
    {
      Ptr<CaseReviewChannelFinding> finding ((CaseReviewChannelFinding *) g_list_model_get_item (findings, i));
      std::string summary = take (case_review_channel_finding_dup_summary (finding.get ()));
      EXPECT_NE (summary.find (case_review_channel_finding_get_address (finding.get ())), std::string::npos);
      EXPECT_NE (summary.find (case_review_channel_failure_get_label (case_review_channel_finding_get_failure (finding.get ()))),
                 std::string::npos);
      EXPECT_NE (case_review_channel_finding_get_agency_name (finding.get ()), nullptr);
      EXPECT_GE (g_list_model_get_n_items (case_review_channel_finding_get_evidence (finding.get ())), 1u);
      EXPECT_FALSE (take (case_review_channel_finding_dup_english_summary (finding.get ())).empty ());
    }
  std::string json = take (case_review_channel_evaluation_to_json (evaluation.get ()));
  EXPECT_NE (json.find ("\"fraction\" : \"5/6\""), std::string::npos) << json.substr (0, 800);
}
