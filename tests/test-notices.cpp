// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Rectification notices: generation by rule from results, gapless numbering,
// deadlines by the calendar, the lifecycle and its errors, the book file and
// the checks made when reading it back, all-or-nothing failures.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "test-support.h"

namespace {

using namespace test_support;

const std::string notices_dir = std::string (CASE_REVIEW_TEST_DATA_DIR) + "/notices";

struct Date {
  GDate date;
  Date (guint year, guint month, guint day) { g_date_clear (&date, 1); g_date_set_dmy (&date, day, (GDateMonth) month, year); }
  const GDate *get () const { return &date; }
};

struct Time {
  GDateTime *time;
  explicit Time (const char *iso) : time (g_date_time_new_from_iso8601 (iso, nullptr)) {}
  ~Time () { g_date_time_unref (time); }
  GDateTime *get () const { return time; }
};

const std::string &
results_json ()
{
  static const std::string text = read_text (notices_dir + "/results.json");
  return text;
}

std::string
iso (const GDate *date)
{
  if (date == nullptr)
    return "";
  char text[16];
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return text;
}

CaseReviewNoticeBook *
luohu_book ()
{
  return case_review_notice_book_new ("深圳市罗湖区司法局", "罗司", 2020);
}

// Generates the fixture's drafts into @book; served 1 February 2021.
GListModel *
generate (CaseReviewNoticeBook *book, Error &error)
{
  Date served (2021, 2, 1);
  return case_review_notice_book_generate_from_results (book, results_json ().c_str (), "results.json", served.get (),
                                                        error.out ());
}

CaseReviewNotice *
item (GListModel *model, guint position)
{
  CaseReviewNotice *notice = (CaseReviewNotice *) g_list_model_get_item (model, position);
  g_object_unref (notice);   // the book or list keeps it alive
  return notice;
}

bool
move (CaseReviewNoticeBook *book, CaseReviewNotice *notice, CaseReviewNoticeState to, const char *at, Error &error,
      const char *note = nullptr)
{
  Time time (at);
  return case_review_notice_book_transition (book, notice, to, "法制科", time.get (), note, error.out ());
}

} // namespace

TEST (Notices, GeneratedByRuleWithEveryProblem)
{
  Ref<CaseReviewNoticeBook> book (luohu_book ());
  Error error;
  Ref<GListModel> drafts (generate (book.get (), error));
  ASSERT_NE (drafts.get (), nullptr) << error.message ();

  // LH13, LH10 and LH03 have vetoed (不合格) files; LH25 has none.
  ASSERT_EQ (g_list_model_get_n_items (drafts.get ()), 3u);
  EXPECT_EQ (g_list_model_get_n_items (G_LIST_MODEL (book.get ())), 3u);
  std::vector<std::string> agencies;
  for (guint i = 0; i < 3; i++)
    agencies.push_back (case_review_notice_get_agency_id (item (drafts.get (), i)));
  EXPECT_EQ (agencies, (std::vector<std::string> { "LH13", "LH10", "LH03" }));

  CaseReviewNotice *lh03 = item (drafts.get (), 2);
  EXPECT_EQ (case_review_notice_get_state (lh03), CASE_REVIEW_NOTICE_STATE_DRAFT);
  EXPECT_EQ (case_review_notice_get_number (lh03), nullptr);
  EXPECT_EQ (case_review_notice_get_serial (lh03), 0u);
  EXPECT_STREQ (case_review_notice_get_agency_name (lh03), "深圳市罗湖区科技创新局");
  EXPECT_EQ (case_review_notice_get_reasons (lh03),
             CASE_REVIEW_NOTICE_REASON_VETO | CASE_REVIEW_NOTICE_REASON_FAILED_FILE);
  EXPECT_EQ (case_review_notice_get_n_files (lh03), 4u);
  EXPECT_EQ (case_review_notice_get_mean_hundredths (lh03), 6488u);
  EXPECT_EQ (case_review_notice_get_n_vetoed (lh03), 1u);
  EXPECT_EQ (case_review_notice_get_kind_n_files (lh03, CASE_REVIEW_ENFORCEMENT_KIND_PENALTY), 3u);
  EXPECT_EQ (case_review_notice_get_kind_n_files (lh03, CASE_REVIEW_ENFORCEMENT_KIND_INSPECTION), 1u);
  EXPECT_EQ (iso (case_review_notice_get_review_start (lh03)), "2021-01-04");
  EXPECT_EQ (iso (case_review_notice_get_review_end (lh03)), "2021-01-26");
  EXPECT_EQ (case_review_notice_get_year (lh03), 2020u);
  EXPECT_STREQ (case_review_notice_get_title (lh03), "责令整改通知书");
  EXPECT_NE (std::string (case_review_notice_get_basis (lh03)).find ("2020年度行政执法案卷评查工作方案"), std::string::npos);

  // Every problem of the agency's files in the results is listed once,
  // vetoes first, then by rubric item and case.
  std::string results = results_json ();
  GListModel *problems = case_review_notice_get_problems (lh03);
  guint expected = 0;
  {
    Ref<JsonParser> parser (json_parser_new ());
    ASSERT_TRUE (json_parser_load_from_data (parser.get (), results.c_str (), -1, nullptr));
    JsonArray *cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser.get ())), "cases");
    for (guint i = 0; i < json_array_get_length (cases); i++)
      {
        JsonObject *c = json_array_get_object_element (cases, i);
        if (g_strcmp0 (json_object_get_string_member (c, "agency"), "LH03") == 0)
          expected += json_array_get_length (json_object_get_array_member (c, "problems"));
      }
  }
  ASSERT_EQ (g_list_model_get_n_items (problems), expected);
  Ref<CaseReviewNoticeProblem> first ((CaseReviewNoticeProblem *) g_list_model_get_item (problems, 0));
  EXPECT_EQ (case_review_notice_problem_get_severity (first.get ()), CASE_REVIEW_PROBLEM_SEVERITY_VETO);
  EXPECT_STREQ (case_review_notice_problem_get_code (first.get ()), "V09");
  EXPECT_STRNE (case_review_notice_problem_get_basis (first.get ()), "");
  std::string previous;
  for (guint i = 1; i < g_list_model_get_n_items (problems); i++)
    {
      Ref<CaseReviewNoticeProblem> p ((CaseReviewNoticeProblem *) g_list_model_get_item (problems, i));
      ASSERT_EQ (case_review_notice_problem_get_severity (p.get ()), CASE_REVIEW_PROBLEM_SEVERITY_DEDUCTION);
      std::string key = std::string (case_review_notice_problem_get_item_code (p.get ())) + "/" +
                        case_review_notice_problem_get_case_id (p.get ());
      EXPECT_LE (previous, key);
      previous = key;
      EXPECT_GT (case_review_notice_problem_get_points_tenths (p.get ()), 0u);
      EXPECT_GE (case_review_notice_problem_get_occurrences (p.get ()), 1u);
    }

  // The planned service date gives the deadline: 1 February + 30 days = 3 March 2021.
  EXPECT_EQ (iso (case_review_notice_get_served_on (lh03)), "2021-02-01");
  EXPECT_EQ (iso (case_review_notice_get_deadline (lh03)), "2021-03-03");
}

TEST (Notices, RulesChooseTheAgencies)
{
  Error error;
  Date served (2021, 2, 1);

  // A mean threshold alone: agencies below 85.00 (LH03 64.88, LH13, LH10 …).
  Ref<CaseReviewNoticeBook> low (luohu_book ());
  case_review_notice_book_set_rules (low.get (), CASE_REVIEW_NOTICE_REASON_LOW_MEAN, 8500);
  Ref<GListModel> drafts (case_review_notice_book_generate_from_results (low.get (), results_json ().c_str (), nullptr,
                                                                        served.get (), error.out ()));
  ASSERT_NE (drafts.get (), nullptr) << error.message ();
  for (guint i = 0; i < g_list_model_get_n_items (drafts.get ()); i++)
    {
      CaseReviewNotice *notice = item (drafts.get (), i);
      EXPECT_LT (case_review_notice_get_mean_hundredths (notice), 8500u);
      EXPECT_EQ (case_review_notice_get_reasons (notice), CASE_REVIEW_NOTICE_REASON_LOW_MEAN);
    }

  // No rule: no notices, and that is not an error.
  Ref<CaseReviewNoticeBook> none (luohu_book ());
  case_review_notice_book_set_rules (none.get (), CASE_REVIEW_NOTICE_REASON_NONE, 0);
  Ref<GListModel> empty (case_review_notice_book_generate_from_results (none.get (), results_json ().c_str (), nullptr,
                                                                       nullptr, error.out ()));
  ASSERT_NE (empty.get (), nullptr) << error.message ();
  EXPECT_EQ (g_list_model_get_n_items (empty.get ()), 0u);
}

TEST (Notices, NumbersAreGivenAtIssueWithoutGapsAndNeverReused)
{
  Ref<CaseReviewNoticeBook> book (luohu_book ());
  Error error;
  Ref<GListModel> drafts (generate (book.get (), error));
  ASSERT_NE (drafts.get (), nullptr) << error.message ();
  CaseReviewNotice *a = item (drafts.get (), 0), *b = item (drafts.get (), 1), *c = item (drafts.get (), 2);

  // Issue the third first: numbers follow the order of issue.
  ASSERT_TRUE (move (book.get (), c, CASE_REVIEW_NOTICE_STATE_ISSUED, "2021-01-29T09:00:00+08:00", error)) << error.message ();
  EXPECT_STREQ (case_review_notice_get_number (c), "罗司〔2020〕1号");
  EXPECT_EQ (iso (case_review_notice_get_issued_on (c)), "2021-01-29");

  // A discarded draft leaves no gap.
  ASSERT_TRUE (case_review_notice_book_discard_draft (book.get (), b, error.out ())) << error.message ();
  EXPECT_EQ (g_list_model_get_n_items (G_LIST_MODEL (book.get ())), 2u);
  ASSERT_TRUE (move (book.get (), a, CASE_REVIEW_NOTICE_STATE_ISSUED, "2021-01-29T09:05:00+08:00", error));
  EXPECT_STREQ (case_review_notice_get_number (a), "罗司〔2020〕2号");
  EXPECT_EQ (case_review_notice_book_get_next_serial (book.get ()), 3u);

  // Issued notices cannot be discarded; revoking keeps the number used.
  EXPECT_FALSE (case_review_notice_book_discard_draft (book.get (), a, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE));
  ASSERT_TRUE (move (book.get (), a, CASE_REVIEW_NOTICE_STATE_SERVED, "2021-02-01T10:00:00+08:00", error));
  ASSERT_TRUE (move (book.get (), a, CASE_REVIEW_NOTICE_STATE_OBJECTED, "2021-02-03T10:00:00+08:00", error));
  ASSERT_TRUE (move (book.get (), a, CASE_REVIEW_NOTICE_STATE_REVOKED, "2021-02-10T10:00:00+08:00", error));
  Ref<GListModel> again (generate (book.get (), error));   // LH10 gets a new draft; LH13 and LH03 have notices
  ASSERT_EQ (again.get (), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE)) << error.message ();
  EXPECT_NE (error.message ().find ("罗司〔2020〕1号"), std::string::npos) << error.message ();
  EXPECT_EQ (g_list_model_get_n_items (G_LIST_MODEL (book.get ())), 2u);   // nothing added

  EXPECT_EQ (case_review_notice_book_lookup (book.get (), "罗司〔2020〕2号"), a);
  EXPECT_EQ (case_review_notice_book_lookup (book.get (), "1"), c);
  EXPECT_EQ (case_review_notice_book_lookup (book.get (), "3"), nullptr);
  EXPECT_EQ (case_review_notice_book_lookup_serial (book.get (), 0), nullptr);
}

TEST (Notices, TheWholeLifecycleIsRecorded)
{
  Ref<CaseReviewNoticeBook> book (luohu_book ());
  Error error;
  Ref<GListModel> drafts (generate (book.get (), error));
  ASSERT_NE (drafts.get (), nullptr) << error.message ();
  CaseReviewNotice *notice = item (drafts.get (), 0);
  guint state_changes = 0, deadline_changes = 0;
  g_signal_connect_swapped (notice, "notify::state", G_CALLBACK (+[] (guint *n) { (*n)++; }), &state_changes);
  g_signal_connect_swapped (notice, "notify::deadline", G_CALLBACK (+[] (guint *n) { (*n)++; }), &deadline_changes);

  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_ISSUED, "2021-01-29T09:00:00+08:00", error));
  // Served on a Friday, 5 February 2021: 30 days run to Sunday 7 March, moved to Monday 8 March.
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_SERVED, "2021-02-05T15:00:00+08:00", error, "EMS"));
  EXPECT_EQ (iso (case_review_notice_get_served_on (notice)), "2021-02-05");
  EXPECT_EQ (iso (case_review_notice_get_deadline (notice)), "2021-03-08");
  EXPECT_TRUE (case_review_notice_is_awaiting_response (notice));
  Date on_deadline (2021, 3, 8), after (2021, 3, 9);
  EXPECT_FALSE (case_review_notice_is_overdue (notice, on_deadline.get ()));
  EXPECT_TRUE (case_review_notice_is_overdue (notice, after.get ()));

  // A reminder before the deadline has passed is refused, naming the deadline.
  EXPECT_FALSE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_REMINDED, "2021-03-08T17:00:00+08:00", error));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE));
  EXPECT_NE (error.message ().find ("2021-03-08"), std::string::npos) << error.message ();
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_REMINDED, "2021-03-10T09:00:00+08:00", error));
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_ESCALATED, "2021-03-20T09:00:00+08:00", error));
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_RESPONSE_RECEIVED, "2021-03-25T09:00:00+08:00", error));
  EXPECT_FALSE (case_review_notice_is_overdue (notice, after.get ()));

  // A rejected response sends the notice back to issued; serving it again sets a new deadline.
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_RESPONSE_REJECTED, "2021-03-26T09:00:00+08:00", error,
                     "整改报告未附证明材料"));
  EXPECT_EQ (case_review_notice_get_state (notice), CASE_REVIEW_NOTICE_STATE_ISSUED);
  EXPECT_STREQ (case_review_notice_get_number (notice), "罗司〔2020〕1号");   // the same number
  EXPECT_EQ (case_review_notice_get_deadline (notice), nullptr);
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_SERVED, "2021-03-29T09:00:00+08:00", error));
  // 29 March + 30 days = 28 April 2021, a Wednesday.
  EXPECT_EQ (iso (case_review_notice_get_deadline (notice)), "2021-04-28");
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_RESPONSE_RECEIVED, "2021-04-20T09:00:00+08:00", error));
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_VERIFIED, "2021-04-27T09:00:00+08:00", error));
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_CLOSED, "2021-04-30T09:00:00+08:00", error));

  GListModel *history = case_review_notice_get_history (notice);
  std::vector<std::string> path;
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      Ref<CaseReviewNoticeEvent> event ((CaseReviewNoticeEvent *) g_list_model_get_item (history, i));
      path.push_back (case_review_notice_state_get_name (case_review_notice_event_get_to_state (event.get ())));
      EXPECT_STREQ (case_review_notice_event_get_actor (event.get ()), "法制科");
    }
  EXPECT_EQ (path, (std::vector<std::string> { "issued", "served", "reminded", "escalated", "response-received",
                                               "response-rejected", "issued", "served", "response-received",
                                               "verified", "closed" }));
  EXPECT_EQ (state_changes, 11u);
  EXPECT_GE (deadline_changes, 3u);
  Ref<CaseReviewNoticeEvent> served ((CaseReviewNoticeEvent *) g_list_model_get_item (history, 1));
  EXPECT_STREQ (case_review_notice_event_get_note (served.get ()), "EMS");
  EXPECT_EQ (take (g_date_time_format_iso8601 (case_review_notice_event_get_time (served.get ()))),
             "2021-02-05T15:00:00+08");
}

TEST (Notices, IllegalTransitionsNameBothStatesAndChangeNothing)
{
  Ref<CaseReviewNoticeBook> book (luohu_book ());
  Error error;
  Ref<GListModel> drafts (generate (book.get (), error));
  ASSERT_NE (drafts.get (), nullptr) << error.message ();
  CaseReviewNotice *notice = item (drafts.get (), 1);

  // A draft cannot be served.
  EXPECT_FALSE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_SERVED, "2021-02-01T09:00:00+08:00", error));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE));
  EXPECT_NE (error.message ().find ("“draft”"), std::string::npos) << error.message ();
  EXPECT_NE (error.message ().find ("“served”"), std::string::npos) << error.message ();
  EXPECT_EQ (case_review_notice_get_state (notice), CASE_REVIEW_NOTICE_STATE_DRAFT);
  EXPECT_EQ (g_list_model_get_n_items (case_review_notice_get_history (notice)), 0u);
  EXPECT_EQ (case_review_notice_book_get_next_serial (book.get ()), 1u);

  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_ISSUED, "2021-02-01T09:00:00+08:00", error));
  // Closed straight after issue, verified before a response, a revoke without an objection.
  for (auto to : { CASE_REVIEW_NOTICE_STATE_CLOSED, CASE_REVIEW_NOTICE_STATE_VERIFIED, CASE_REVIEW_NOTICE_STATE_REVOKED,
                   CASE_REVIEW_NOTICE_STATE_DRAFT, CASE_REVIEW_NOTICE_STATE_ISSUED })
    {
      EXPECT_FALSE (move (book.get (), notice, to, "2021-02-02T09:00:00+08:00", error));
      EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_STATE)) << error.message ();
      EXPECT_NE (error.message ().find ("罗司〔2020〕1号: cannot go from “issued” to “"), std::string::npos) << error.message ();
    }
  // Going back in time, and without an actor.
  EXPECT_FALSE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_SERVED, "2021-01-31T09:00:00+08:00", error));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID)) << error.message ();
  Time later ("2021-02-03T09:00:00+08:00");
  EXPECT_FALSE (case_review_notice_book_transition (book.get (), notice, CASE_REVIEW_NOTICE_STATE_SERVED, "",
                                                    later.get (), nullptr, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID)) << error.message ();
  EXPECT_EQ (case_review_notice_get_state (notice), CASE_REVIEW_NOTICE_STATE_ISSUED);
  EXPECT_EQ (g_list_model_get_n_items (case_review_notice_get_history (notice)), 1u);

  // Serving into a year the calendar does not know: an error, the notice unchanged.
  EXPECT_FALSE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_SERVED, "2021-12-20T09:00:00+08:00", error));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND)) << error.message ();
  EXPECT_NE (error.message ().find ("2022"), std::string::npos) << error.message ();
  EXPECT_EQ (case_review_notice_get_state (notice), CASE_REVIEW_NOTICE_STATE_ISSUED);
  EXPECT_EQ (iso (case_review_notice_get_served_on (notice)), "2021-02-01");   // still the planned date

  // A notice of another book.
  Ref<CaseReviewNoticeBook> other (luohu_book ());
  EXPECT_FALSE (move (other.get (), notice, CASE_REVIEW_NOTICE_STATE_SERVED, "2021-02-03T09:00:00+08:00", error));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND)) << error.message ();

  // Objections: upheld notices go on; state names parse from the command line's spelling.
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_SERVED, "2021-02-03T09:00:00+08:00", error));
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_OBJECTED, "2021-02-05T09:00:00+08:00", error));
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_MODIFIED, "2021-02-08T09:00:00+08:00", error));
  ASSERT_TRUE (move (book.get (), notice, CASE_REVIEW_NOTICE_STATE_RESPONSE_RECEIVED, "2021-02-20T09:00:00+08:00", error));
  CaseReviewNoticeState state;
  EXPECT_TRUE (case_review_notice_state_from_name ("response_received", &state));
  EXPECT_EQ (state, CASE_REVIEW_NOTICE_STATE_RESPONSE_RECEIVED);
  EXPECT_FALSE (case_review_notice_state_from_name ("overdue", &state));
  EXPECT_FALSE (case_review_notice_state_from_name (nullptr, &state));
}

TEST (Notices, WorkingDayDeadlines)
{
  Ref<CaseReviewNoticeBook> book (luohu_book ());
  Error error;
  case_review_notice_book_set_deadline (book.get (), 15, TRUE);
  Date served (2021, 2, 5);
  Ref<GListModel> drafts (case_review_notice_book_generate_from_results (book.get (), results_json ().c_str (), nullptr,
                                                                        served.get (), error.out ()));
  ASSERT_NE (drafts.get (), nullptr) << error.message ();
  // From Friday 5 February 2021: Sunday 7 (worked, 调休), 8-10 (4), 18, 19, Saturday 20 (worked) (7),
  // 22-26 (12), 1-3 March (15).
  EXPECT_EQ (iso (case_review_notice_get_deadline (item (drafts.get (), 0))), "2021-03-03");
  EXPECT_TRUE (case_review_notice_get_working_days (item (drafts.get (), 0)));
  EXPECT_EQ (case_review_notice_get_deadline_days (item (drafts.get (), 0)), 15u);
}

struct BadResults {
  const char *what;
  std::string json;
  CaseReviewError code;
  const char *message_part;
};

class NoticesBadResults : public ::testing::TestWithParam<BadResults> {};

std::string
with (const std::string &from, const std::string &to)
{
  std::string text = results_json ();
  size_t at = text.find (from);
  EXPECT_NE (at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace (at, from.size (), to);
}

TEST_P (NoticesBadResults, AreLocatedErrorsAndAddNothing)
{
  const BadResults &bad = GetParam ();
  Ref<CaseReviewNoticeBook> book (luohu_book ());
  Error error;
  Date served (2021, 2, 1);

  Ref<GListModel> drafts (case_review_notice_book_generate_from_results (book.get (), bad.json.c_str (), "results.json",
                                                                        served.get (), error.out ()));
  EXPECT_EQ (drafts.get (), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, bad.code)) << error.message ();
  EXPECT_NE (error.message ().find (bad.message_part), std::string::npos) << error.message ();
  EXPECT_EQ (g_list_model_get_n_items (G_LIST_MODEL (book.get ())), 0u);
}

INSTANTIATE_TEST_SUITE_P (
  Notices, NoticesBadResults,
  ::testing::Values (
    BadResults { "NotJson", "{\"format\": ", CASE_REVIEW_ERROR_PARSE, "results.json" },
    BadResults { "OtherFormat", with ("\"casereview-results\"", "\"casereview-sample\""), CASE_REVIEW_ERROR_INVALID,
                 "results.json" },
    BadResults { "OtherVersion", with ("\"version\": 1", "\"version\": 9"), CASE_REVIEW_ERROR_UNSUPPORTED, "$.version" },
    BadResults { "OtherYear", with ("\"year\": 2020", "\"year\": 2019"), CASE_REVIEW_ERROR_INVALID,
                 "results.json: $.year: the results are for 2019, the notice book is for 2020" },
    BadResults { "MeanNotANumber", with ("\"mean_hundredths\": 8890,", "\"mean_hundredths\": \"88.90\","),
                 CASE_REVIEW_ERROR_INVALID, "$.agencies[0].mean_hundredths" },
    BadResults { "UnknownKind", with ("\"kind\": \"penalty\"", "\"kind\": \"parking\""), CASE_REVIEW_ERROR_INVALID,
                 "unknown enforcement kind “parking”" },
    BadResults { "UnknownSeverity", with ("\"severity\": \"veto\"", "\"severity\": \"fatal\""),
                 CASE_REVIEW_ERROR_INVALID, "unknown severity “fatal”" },
    BadResults { "CaseOfUnknownAgency", with ("\"agency\": \"LH25\",\n      \"kind\"", "\"agency\": \"LH99\",\n      \"kind\""),
                 CASE_REVIEW_ERROR_NOT_FOUND, "agency “LH99” is not in the results' agencies" },
    BadResults { "DuplicateAgency", with ("\"agency\": \"LH25\",\n      \"name\"", "\"agency\": \"LH13\",\n      \"name\""),
                 CASE_REVIEW_ERROR_DUPLICATE, "agency “LH13” appears twice" },
    BadResults { "BadReviewDate", with ("\"review_start\": \"2021-01-04\"", "\"review_start\": \"2021-13-04\""),
                 CASE_REVIEW_ERROR_INVALID, "$.review_start" }),
  [] (const ::testing::TestParamInfo<BadResults> &p) { return std::string (p.param.what); });

TEST (Notices, MissingIssuerAndCalendarYearsAreErrors)
{
  Error error;
  Date served (2021, 2, 1), late (2021, 12, 15);

  Ref<CaseReviewNoticeBook> nameless (case_review_notice_book_new ("", "罗司", 2020));
  Ref<GListModel> none (case_review_notice_book_generate_from_results (nameless.get (), results_json ().c_str (), nullptr,
                                                                      served.get (), error.out ()));
  EXPECT_EQ (none.get (), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID)) << error.message ();
  EXPECT_NE (error.message ().find ("issuer"), std::string::npos);

  // Served mid-December 2021, the deadline falls in 2022, which the bundled calendar lacks.
  Ref<CaseReviewNoticeBook> book (luohu_book ());
  Ref<GListModel> late_drafts (case_review_notice_book_generate_from_results (book.get (), results_json ().c_str (), nullptr,
                                                                             late.get (), error.out ()));
  EXPECT_EQ (late_drafts.get (), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND)) << error.message ();
  EXPECT_NE (error.message ().find ("2022"), std::string::npos) << error.message ();
  EXPECT_EQ (g_list_model_get_n_items (G_LIST_MODEL (book.get ())), 0u);

  // With 2022 loaded into the book's calendar it works.
  Ref<CaseReviewCalendar> calendar (case_review_calendar_new_default ());
  std::string path = std::string (g_get_tmp_dir ()) + "/casereview-test-2022.csv";
  ASSERT_TRUE (g_file_set_contents (path.c_str (), "date,type\n2022-01-01,holiday\n2022-01-02,holiday\n2022-01-03,holiday\n",
                                    -1, nullptr));
  Ref<GFile> file (g_file_new_for_path (path.c_str ()));
  ASSERT_TRUE (case_review_calendar_load_file (calendar.get (), file.get (), nullptr, error.out ())) << error.message ();
  g_unlink (path.c_str ());
  case_review_notice_book_set_calendar (book.get (), calendar.get ());
  Ref<GListModel> drafts (case_review_notice_book_generate_from_results (book.get (), results_json ().c_str (), nullptr,
                                                                        late.get (), error.out ()));
  ASSERT_NE (drafts.get (), nullptr) << error.message ();
  // 15 December 2021 + 30 days = Friday 14 January 2022.
  EXPECT_EQ (iso (case_review_notice_get_deadline (item (drafts.get (), 0))), "2022-01-14");
}

TEST (Notices, TheBookFileRoundTrips)
{
  Ref<CaseReviewNoticeBook> book (luohu_book ());
  Error error;
  const char *copy_to[] = { "区委依法治区办", "区政府办公室", nullptr };
  g_object_set (book.get (), "copy-to", copy_to, "requirements", "请立即整改。", nullptr);
  Ref<GListModel> drafts (generate (book.get (), error));
  ASSERT_NE (drafts.get (), nullptr) << error.message ();
  ASSERT_TRUE (move (book.get (), item (drafts.get (), 0), CASE_REVIEW_NOTICE_STATE_ISSUED, "2021-01-29T09:00:00+08:00", error));
  ASSERT_TRUE (move (book.get (), item (drafts.get (), 0), CASE_REVIEW_NOTICE_STATE_SERVED, "2021-02-02T09:00:00+08:00", error));
  ASSERT_TRUE (move (book.get (), item (drafts.get (), 1), CASE_REVIEW_NOTICE_STATE_ISSUED, "2021-01-29T09:00:00+08:00", error));

  std::string json = take (case_review_notice_book_to_json (book.get ()));
  Ref<CaseReviewNoticeBook> loaded (case_review_notice_book_new_from_json (json.c_str (), "notices.json", error.out ()));
  ASSERT_NE (loaded.get (), nullptr) << error.message ();
  EXPECT_EQ (take (case_review_notice_book_to_json (loaded.get ())), json);
  EXPECT_EQ (case_review_notice_book_get_next_serial (loaded.get ()), 3u);
  CaseReviewNotice *first = case_review_notice_book_lookup (loaded.get (), "罗司〔2020〕1号");
  ASSERT_NE (first, nullptr);
  EXPECT_EQ (case_review_notice_get_state (first), CASE_REVIEW_NOTICE_STATE_SERVED);
  EXPECT_EQ (iso (case_review_notice_get_deadline (first)), "2021-03-04");
  EXPECT_STREQ (case_review_notice_get_requirements (first), "请立即整改。");
  EXPECT_STREQ (case_review_notice_get_copy_to (first)[1], "区政府办公室");
  EXPECT_EQ (g_list_model_get_n_items (case_review_notice_get_problems (first)),
             g_list_model_get_n_items (case_review_notice_get_problems (item (drafts.get (), 0))));
  // The loaded book goes on numbering where the saved one stopped.
  CaseReviewNotice *draft = case_review_notice_book_lookup_draft (loaded.get (), "LH03");
  ASSERT_NE (draft, nullptr);
  ASSERT_TRUE (move (loaded.get (), draft, CASE_REVIEW_NOTICE_STATE_ISSUED, "2021-02-01T09:00:00+08:00", error));
  EXPECT_STREQ (case_review_notice_get_number (draft), "罗司〔2020〕3号");

  // The notice's own JSON is its element of the book.
  std::string notice_json = take (case_review_notice_render (first, CASE_REVIEW_NOTICE_FORMAT_JSON, error.out ()));
  EXPECT_NE (notice_json.find ("\"number\" : \"罗司〔2020〕1号\""), std::string::npos);
  EXPECT_EQ (case_review_notice_render (first, CASE_REVIEW_NOTICE_FORMAT_PDF, error.out ()), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_UNSUPPORTED));
}

struct BadBook {
  const char *what;
  std::function<std::string (std::string)> edit;
  CaseReviewError code;
  const char *message_part;
};

class NoticesBadBook : public ::testing::TestWithParam<BadBook> {};

std::string
saved_book ()
{
  Ref<CaseReviewNoticeBook> book (luohu_book ());
  Error error;
  Ref<GListModel> drafts (generate (book.get (), error));
  EXPECT_NE (drafts.get (), nullptr) << error.message ();
  EXPECT_TRUE (move (book.get (), item (drafts.get (), 0), CASE_REVIEW_NOTICE_STATE_ISSUED, "2021-01-29T09:00:00+08:00", error));
  EXPECT_TRUE (move (book.get (), item (drafts.get (), 1), CASE_REVIEW_NOTICE_STATE_ISSUED, "2021-01-29T10:00:00+08:00", error));
  EXPECT_TRUE (move (book.get (), item (drafts.get (), 1), CASE_REVIEW_NOTICE_STATE_SERVED, "2021-02-01T10:00:00+08:00", error));
  return take (case_review_notice_book_to_json (book.get ()));
}

std::string
replace_first (std::string text, const std::string &from, const std::string &to)
{
  size_t at = text.find (from);
  EXPECT_NE (at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace (at, from.size (), to);
}

TEST_P (NoticesBadBook, IsRefusedWithItsPath)
{
  const BadBook &bad = GetParam ();
  Error error;
  std::string json = bad.edit (saved_book ());
  Ref<CaseReviewNoticeBook> book (case_review_notice_book_new_from_json (json.c_str (), "notices.json", error.out ()));
  EXPECT_EQ (book.get (), nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, bad.code)) << error.message ();
  EXPECT_NE (error.message ().find (bad.message_part), std::string::npos) << error.message ();
}

INSTANTIATE_TEST_SUITE_P (
  Notices, NoticesBadBook,
  ::testing::Values (
    BadBook { "GapInNumbers", [] (std::string s) { return replace_first (s, "\"next_serial\" : 3", "\"next_serial\" : 4"); },
              CASE_REVIEW_ERROR_INVALID, "number 3 is missing" },
    BadBook { "NumberGivenTwice", [] (std::string s) { return replace_first (s, "\"serial\" : 2", "\"serial\" : 1"); },
              CASE_REVIEW_ERROR_DUPLICATE, "$.notices[1].serial: number 1 is given twice" },
    BadBook { "SerialBeyondCounter", [] (std::string s) { return replace_first (s, "\"next_serial\" : 3", "\"next_serial\" : 2"); },
              CASE_REVIEW_ERROR_INVALID, "not below the book's next serial number 2" },
    BadBook { "HistorySkipsAStep",
              [] (std::string s) { return replace_first (s, "\"to\" : \"served\"", "\"to\" : \"verified\""); },
              CASE_REVIEW_ERROR_STATE, "$.notices[1].history[1]: cannot go from “issued” to “verified”" },
    BadBook { "UnknownState", [] (std::string s) { return replace_first (s, "\"to\" : \"served\"", "\"to\" : \"lost\""); },
              CASE_REVIEW_ERROR_INVALID, "$.notices[1].history[1].to: unknown state “lost”" },
    BadBook { "TimeGoesBack",
              [] (std::string s) { return replace_first (s, "2021-02-01T10:00:00+08", "2021-01-01T10:00:00+08"); },
              CASE_REVIEW_ERROR_INVALID, "$.notices[1].history[1]: the event is earlier" },
    BadBook { "DraftWithSerial", [] (std::string s) { return replace_first (s, "\"serial\" : 0", "\"serial\" : 2"); },
              CASE_REVIEW_ERROR_INVALID, "$.notices[2]: a draft cannot have a serial number" },
    BadBook { "BadDate", [] (std::string s) { return replace_first (s, "\"deadline\" : \"2021-03-03\"", "\"deadline\" : \"3/3/2021\""); },
              CASE_REVIEW_ERROR_INVALID, ".deadline: “3/3/2021” is not a date" },
    BadBook { "OtherFormat", [] (std::string s) { return replace_first (s, "casereview-notices", "casereview-results"); },
              CASE_REVIEW_ERROR_INVALID, "notices.json" },
    BadBook { "Truncated", [] (std::string s) { return s.substr (0, s.size () / 2); }, CASE_REVIEW_ERROR_PARSE,
              "notices.json" }),
  [] (const ::testing::TestParamInfo<BadBook> &p) { return std::string (p.param.what); });

TEST (Notices, EvaluationResultsFeedTheBook)
{
  // The same drafts from an evaluation object as from its JSON.
  DemoReview review;
  Error error;
  Ref<CaseReviewNoticeBook> book (luohu_book ());
  Ref<GListModel> drafts (case_review_notice_book_generate (book.get (), review.evaluation.get (), nullptr, error.out ()));
  ASSERT_NE (drafts.get (), nullptr) << error.message ();
  // Every agency with a 不合格 file, and only those, gets a draft.
  Ref<GListModel> results (case_review_evaluation_dup_agency_results (review.evaluation.get ()));
  guint failing = 0;
  for (guint i = 0; i < g_list_model_get_n_items (results.get ()); i++)
    {
      Ref<CaseReviewAgencyResult> result ((CaseReviewAgencyResult *) g_list_model_get_item (results.get (), i));
      failing += case_review_agency_result_get_n_failed (result.get ()) > 0;
    }
  EXPECT_EQ (g_list_model_get_n_items (drafts.get ()), failing);
  EXPECT_EQ (failing, 8u);
  for (guint i = 0; i < g_list_model_get_n_items (drafts.get ()); i++)
    {
      CaseReviewNotice *notice = item (drafts.get (), i);
      EXPECT_EQ (case_review_notice_get_served_on (notice), nullptr);
      EXPECT_EQ (case_review_notice_get_deadline (notice), nullptr);
      EXPECT_EQ (case_review_notice_get_n_agencies (notice), 32u);
    }
}
