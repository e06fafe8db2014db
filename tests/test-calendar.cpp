// SPDX-License-Identifier: LGPL-2.1-or-later
//
// CaseReviewCalendar: the bundled 2020 calendar against the State Council's
// announcement, deadlines counted by hand, years without data, loading year
// files (GB18030, Chinese headers) and every bad file with its code and
// location, the calendar unchanged afterwards.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

extern "C" {
#include <glib/gstdio.h>
#include <libcasereview/casereview.h>
}

namespace {

const std::string data_dir = CASE_REVIEW_TEST_DATA_DIR;

struct Calendar {
  CaseReviewCalendar *ptr;
  explicit Calendar (CaseReviewCalendar *p) : ptr (p) {}
  Calendar (const Calendar &) = delete;
  Calendar &operator= (const Calendar &) = delete;
  ~Calendar () { g_clear_object (&ptr); }
  CaseReviewCalendar *get () const { return ptr; }
};

struct Error {
  GError *error = nullptr;
  ~Error () { g_clear_error (&error); }
  GError **out () { g_clear_error (&error); return &error; }
  std::string message () const { return error != nullptr ? error->message : ""; }
};

struct Date {
  GDate date;
  Date (guint year, guint month, guint day)
  {
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  }
  const GDate *get () const { return &date; }
};

std::string
iso (const GDate *date)
{
  char buffer[16];
  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  return buffer;
}

std::string
take_iso (GDate *date)
{
  std::string text = date != nullptr ? iso (date) : "(null)";
  if (date != nullptr)
    g_date_free (date);
  return text;
}

std::vector<guint>
years (CaseReviewCalendar *calendar)
{
  guint n = 0;
  const guint *values = case_review_calendar_get_years (calendar, &n);
  return std::vector<guint> (values, values + n);
}

struct TempFile {
  std::string path;
  explicit TempFile (const std::string &name, const std::string &content)
  {
    char *dir = g_dir_make_tmp ("casereview-calendar-XXXXXX", nullptr);
    path = std::string (dir) + "/" + name;
    g_free (dir);
    std::ofstream out (path, std::ios::binary);
    out << content;
  }
  ~TempFile ()
  {
    char *dir = g_path_get_dirname (path.c_str ());
    g_remove (path.c_str ());
    g_rmdir (dir);
    g_free (dir);
  }
};

bool
load (CaseReviewCalendar *calendar, const std::string &path, GError **error)
{
  GFile *file = g_file_new_for_path (path.c_str ());
  bool ok = case_review_calendar_load_file (calendar, file, nullptr, error);
  g_object_unref (file);
  return ok;
}

} // namespace

TEST (Calendar, DefaultKnows2020And2021)
{
  Calendar calendar (case_review_calendar_new_default ());
  EXPECT_EQ (years (calendar.get ()), (std::vector<guint> { 2020, 2021 }));
  EXPECT_TRUE (case_review_calendar_has_year (calendar.get (), 2020));
  EXPECT_TRUE (case_review_calendar_has_year (calendar.get (), 2021));
  EXPECT_FALSE (case_review_calendar_has_year (calendar.get (), 2022));

  Calendar empty (case_review_calendar_new ());
  EXPECT_TRUE (years (empty.get ()).empty ());
}

TEST (Calendar, Bundled2021)
{
  Calendar calendar (case_review_calendar_new_default ());
  Error error;
  // 国办发明电〔2020〕27号: Spring Festival 11-17 February, worked Sundays/Saturdays 7 and 20 February.
  Date sunday (2021, 2, 7), eve (2021, 2, 11), saturday (2021, 2, 20), national_day (2021, 10, 7), december (2020, 12, 25);
  EXPECT_TRUE (case_review_calendar_is_working_day (calendar.get (), sunday.get (), error.out ())) << error.message ();
  EXPECT_FALSE (case_review_calendar_is_working_day (calendar.get (), eve.get (), error.out ()));
  EXPECT_EQ (case_review_calendar_get_day_type (calendar.get (), saturday.get (), error.out ()),
             CASE_REVIEW_DAY_TYPE_ADJUSTED_WORKING_DAY);
  EXPECT_EQ (case_review_calendar_get_day_type (calendar.get (), national_day.get (), error.out ()),
             CASE_REVIEW_DAY_TYPE_HOLIDAY);
  // 25 December 2020 + 10 working days: 28-31 December (4), 4-8 January (9), 11 January (10).
  EXPECT_EQ (take_iso (case_review_calendar_add_working_days (calendar.get (), december.get (), 10, error.out ())),
             "2021-01-11");
  // 2021 has 250 working days: 365 - 104 weekend days - 15 holidays on weekdays + 4 worked weekend days.
  Date first (2020, 12, 31), last (2021, 12, 31);
  EXPECT_EQ (case_review_calendar_count_working_days (calendar.get (), first.get (), last.get (), error.out ()), 250u);
}

TEST (Calendar, SpringFestival2020)
{
  Calendar calendar (case_review_calendar_new_default ());
  Error error;

  // 2020-01-19 is a Sunday worked in exchange for the Spring Festival.
  Date sunday (2020, 1, 19);
  ASSERT_EQ (g_date_get_weekday (sunday.get ()), G_DATE_SUNDAY);
  EXPECT_TRUE (case_review_calendar_is_working_day (calendar.get (), sunday.get (), error.out ()));
  EXPECT_EQ (case_review_calendar_get_day_type (calendar.get (), sunday.get (), error.out ()),
             CASE_REVIEW_DAY_TYPE_ADJUSTED_WORKING_DAY);
  EXPECT_STREQ (case_review_calendar_get_day_name (calendar.get (), sunday.get ()), "春节调休上班");

  // 24 January to 2 February: the holiday, extended for COVID-19.
  for (guint day = 24; day <= 33; day++)
    {
      Date date (2020, day <= 31 ? 1 : 2, day <= 31 ? day : day - 31);
      EXPECT_FALSE (case_review_calendar_is_working_day (calendar.get (), date.get (), error.out ())) << iso (date.get ());
      EXPECT_EQ (error.error, nullptr);
      EXPECT_EQ (case_review_calendar_get_day_type (calendar.get (), date.get (), error.out ()),
                 CASE_REVIEW_DAY_TYPE_HOLIDAY) << iso (date.get ());
    }
  Date before (2020, 1, 23), after (2020, 2, 3);
  EXPECT_TRUE (case_review_calendar_is_working_day (calendar.get (), before.get (), error.out ()));
  EXPECT_TRUE (case_review_calendar_is_working_day (calendar.get (), after.get (), error.out ()));
}

TEST (Calendar, NationalDay2020)
{
  Calendar calendar (case_review_calendar_new_default ());
  Error error;

  for (guint day = 1; day <= 8; day++)
    {
      Date date (2020, 10, day);
      EXPECT_FALSE (case_review_calendar_is_working_day (calendar.get (), date.get (), error.out ())) << iso (date.get ());
      EXPECT_EQ (case_review_calendar_get_day_type (calendar.get (), date.get (), error.out ()),
                 CASE_REVIEW_DAY_TYPE_HOLIDAY);
    }
  // Sunday 27 September and Saturday 10 October are worked.
  Date sunday (2020, 9, 27), saturday (2020, 10, 10);
  ASSERT_EQ (g_date_get_weekday (sunday.get ()), G_DATE_SUNDAY);
  ASSERT_EQ (g_date_get_weekday (saturday.get ()), G_DATE_SATURDAY);
  EXPECT_TRUE (case_review_calendar_is_working_day (calendar.get (), sunday.get (), error.out ()));
  EXPECT_TRUE (case_review_calendar_is_working_day (calendar.get (), saturday.get (), error.out ()));

  // Ordinary days.
  Date monday (2020, 9, 21), saturday_off (2020, 9, 26);
  EXPECT_EQ (case_review_calendar_get_day_type (calendar.get (), monday.get (), error.out ()),
             CASE_REVIEW_DAY_TYPE_WORKING_DAY);
  EXPECT_EQ (case_review_calendar_get_day_type (calendar.get (), saturday_off.get (), error.out ()),
             CASE_REVIEW_DAY_TYPE_WEEKEND);
  EXPECT_EQ (case_review_calendar_get_day_name (calendar.get (), monday.get ()), nullptr);
}

// "30 working days from 2020-09-25", counted by hand: the day itself is not
// counted; Sunday 27 September is worked (1); 28-30 September (2-4); 1-8
// October are the National Day holiday; 9 October (5); Saturday 10 October
// is worked (6); 12-16 (7-11), 19-23 (12-16), 26-30 October (17-21); 2-6
// November (22-26); 9, 10, 11, 12 November (27-30).
TEST (Calendar, ThirtyWorkingDaysFromSeptember25)
{
  Calendar calendar (case_review_calendar_new_default ());
  Error error;
  Date start (2020, 9, 25);
  const char *hand_count[30] = {
    "2020-09-27", "2020-09-28", "2020-09-29", "2020-09-30", "2020-10-09", "2020-10-10",
    "2020-10-12", "2020-10-13", "2020-10-14", "2020-10-15", "2020-10-16",
    "2020-10-19", "2020-10-20", "2020-10-21", "2020-10-22", "2020-10-23",
    "2020-10-26", "2020-10-27", "2020-10-28", "2020-10-29", "2020-10-30",
    "2020-11-02", "2020-11-03", "2020-11-04", "2020-11-05", "2020-11-06",
    "2020-11-09", "2020-11-10", "2020-11-11", "2020-11-12",
  };

  for (guint n = 1; n <= 30; n++)
    EXPECT_EQ (take_iso (case_review_calendar_add_working_days (calendar.get (), start.get (), n, error.out ())),
               hand_count[n - 1]) << n << " working days";

  GDate *end = case_review_calendar_add_working_days (calendar.get (), start.get (), 30, error.out ());
  ASSERT_NE (end, nullptr) << error.message ();
  EXPECT_EQ (iso (end), "2020-11-12");
  EXPECT_EQ (case_review_calendar_count_working_days (calendar.get (), start.get (), end, error.out ()), 30u);
  g_date_free (end);

  // Walking day by day from the day after finds exactly the hand-counted days.
  std::vector<std::string> walked;
  for (Date day (2020, 9, 26); walked.size () < 30; g_date_add_days (&day.date, 1))
    if (case_review_calendar_is_working_day (calendar.get (), day.get (), error.out ()))
      walked.push_back (iso (day.get ()));
  EXPECT_EQ (walked, std::vector<std::string> (hand_count, hand_count + 30));
}

TEST (Calendar, EdgesOfPeriods)
{
  Calendar calendar (case_review_calendar_new_default ());
  Error error;

  // 0 working days: the day itself if it is worked, else the next working day.
  Date monday (2020, 9, 21), holiday (2020, 10, 1), friday (2020, 9, 25);
  EXPECT_EQ (take_iso (case_review_calendar_add_working_days (calendar.get (), monday.get (), 0, error.out ())),
             "2020-09-21");
  EXPECT_EQ (take_iso (case_review_calendar_add_working_days (calendar.get (), holiday.get (), 0, error.out ())),
             "2020-10-09");
  // One working day after Friday 25 September is Sunday 27 (调休).
  EXPECT_EQ (take_iso (case_review_calendar_add_working_days (calendar.get (), friday.get (), 1, error.out ())),
             "2020-09-27");

  // Calendar days: a period ending on a holiday ends on the next working day.
  EXPECT_EQ (take_iso (case_review_calendar_add_calendar_days (calendar.get (), monday.get (), 10, error.out ())),
             "2020-10-09");
  EXPECT_EQ (take_iso (case_review_calendar_add_calendar_days (calendar.get (), monday.get (), 3, error.out ())),
             "2020-09-24");

  // The same day counts 0; the whole year counts the 249 working days of 2020
  // except 1 January (a holiday, not counted anyway).
  EXPECT_EQ (case_review_calendar_count_working_days (calendar.get (), monday.get (), monday.get (), error.out ()), 0u);
  Date new_year (2020, 1, 1), new_year_eve (2020, 12, 31);
  EXPECT_EQ (case_review_calendar_count_working_days (calendar.get (), new_year.get (), new_year_eve.get (), error.out ()),
             249u);

  // October 2020: 9, 10 (Saturday) and three full weeks.
  Date september_30 (2020, 9, 30), october_31 (2020, 10, 31);
  EXPECT_EQ (case_review_calendar_count_working_days (calendar.get (), september_30.get (), october_31.get (),
                                                      error.out ()), 17u);

  // A period that ends before it starts.
  EXPECT_EQ (case_review_calendar_count_working_days (calendar.get (), new_year_eve.get (), new_year.get (), error.out ()),
             0u);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID)) << error.message ();
}

TEST (Calendar, YearsWithoutDataAreErrors)
{
  Calendar calendar (case_review_calendar_new_default ());
  Error error;
  Date january_2022 (2022, 1, 4), december (2021, 12, 24), summer_2019 (2019, 7, 1);

  EXPECT_FALSE (case_review_calendar_is_working_day (calendar.get (), january_2022.get (), error.out ()));
  ASSERT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
  EXPECT_NE (error.message ().find ("2022"), std::string::npos) << error.message ();

  case_review_calendar_get_day_type (calendar.get (), summer_2019.get (), error.out ());
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
  EXPECT_NE (error.message ().find ("2019"), std::string::npos) << error.message ();

  // A period running into 2022 is an error naming 2022, never a guess.
  EXPECT_EQ (case_review_calendar_add_working_days (calendar.get (), december.get (), 10, error.out ()), nullptr);
  ASSERT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
  EXPECT_NE (error.message ().find ("2022"), std::string::npos) << error.message ();
  EXPECT_EQ (case_review_calendar_count_working_days (calendar.get (), december.get (), january_2022.get (), error.out ()),
             0u);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));

  // Five working days after 24 December stay in 2021 and are fine.
  EXPECT_EQ (take_iso (case_review_calendar_add_working_days (calendar.get (), december.get (), 5, error.out ())),
             "2021-12-31");
}

TEST (Calendar, AddingAYearIsADataChange)
{
  Calendar calendar (case_review_calendar_new_default ());
  Error error;
  // 2022 as announced (国办发明电〔2021〕11号), in Chinese headers and types.
  TempFile file ("china-holidays-2022.csv",
                 "日期,类型,名称\r\n"
                 "2022-01-01,休,元旦\r\n2022-01-02,休,元旦\r\n2022-01-03,休,元旦\r\n"
                 "2022-01-29,班,春节调休上班\r\n2022-01-30,班,春节调休上班\r\n"
                 "2022-01-31,休,春节\r\n2022-02-01,休,春节\r\n2022-02-02,休,春节\r\n2022-02-03,休,春节\r\n"
                 "2022-02-04,休,春节\r\n2022-02-05,休,春节\r\n2022-02-06,休,春节\r\n");

  ASSERT_TRUE (load (calendar.get (), file.path, error.out ())) << error.message ();
  EXPECT_EQ (years (calendar.get ()), (std::vector<guint> { 2020, 2021, 2022 }));
  Date december (2021, 12, 24), sunday (2022, 1, 30), new_year (2022, 1, 3);
  EXPECT_TRUE (case_review_calendar_is_working_day (calendar.get (), sunday.get (), error.out ()));
  EXPECT_FALSE (case_review_calendar_is_working_day (calendar.get (), new_year.get (), error.out ()));
  // 24 December 2021 + 10 working days: 27-31 December (5), 4-7 January (9), 10 January (10).
  EXPECT_EQ (take_iso (case_review_calendar_add_working_days (calendar.get (), december.get (), 10, error.out ())),
             "2022-01-10");

  // Loading the same year again is refused.
  EXPECT_FALSE (load (calendar.get (), file.path, error.out ()));
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE));
  EXPECT_EQ (error.message ().rfind ("china-holidays-2022.csv:2:1: ", 0), 0u) << error.message ();
}

TEST (Calendar, ReadsGb18030AndTheTestDataFile)
{
  Calendar calendar (case_review_calendar_new ());
  Error error;
  gsize length = 0;
  const char *utf8 = "日期,类型,名称\n2022-01-01,holiday,元旦\n2022-01-29,workday,春节调休上班\n";
  char *gb18030 = g_convert (utf8, -1, "GB18030", "UTF-8", nullptr, &length, nullptr);
  ASSERT_NE (gb18030, nullptr);
  TempFile file ("holidays-gb18030.csv", std::string (gb18030, length));
  g_free (gb18030);

  ASSERT_TRUE (load (calendar.get (), file.path, error.out ())) << error.message ();
  Date saturday (2022, 1, 29);
  EXPECT_STREQ (case_review_calendar_get_day_name (calendar.get (), saturday.get ()), "春节调休上班");

  ASSERT_TRUE (load (calendar.get (), data_dir + "/calendar/china-holidays-2020.csv", error.out ())) << error.message ();
  EXPECT_EQ (years (calendar.get ()), (std::vector<guint> { 2020, 2022 }));
}

struct BadCalendar {
  const char *what;
  const char *content;
  CaseReviewError code;
  const char *location;
};

class CalendarBadFile : public ::testing::TestWithParam<BadCalendar> {};

TEST_P (CalendarBadFile, FailsWithCodeAndLocationAndChangesNothing)
{
  const BadCalendar &bad = GetParam ();
  Calendar calendar (case_review_calendar_new_default ());
  Error error;
  TempFile file ("bad.csv", bad.content);

  EXPECT_FALSE (load (calendar.get (), file.path, error.out ()));
  ASSERT_NE (error.error, nullptr);
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, bad.code)) << error.message ();
  EXPECT_EQ (error.message ().rfind (std::string ("bad.csv:") + bad.location + ": ", 0), 0u) << error.message ();
  EXPECT_EQ (years (calendar.get ()), (std::vector<guint> { 2020, 2021 }));
  Date date (2023, 1, 1);
  case_review_calendar_is_working_day (calendar.get (), date.get (), error.out ());
  EXPECT_TRUE (g_error_matches (error.error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND));
}

INSTANTIATE_TEST_SUITE_P (
  Calendar, CalendarBadFile,
  ::testing::Values (
    BadCalendar { "MixedYears", "date,type,name\n2023-01-01,holiday,元旦\n2024-01-03,holiday,元旦\n",
                  CASE_REVIEW_ERROR_INVALID, "3:1" },
    BadCalendar { "DuplicateDate", "date,type,name\n2023-01-01,holiday,元旦\n2023-02-11,holiday,春节\n2023-01-01,holiday,元旦\n",
                  CASE_REVIEW_ERROR_DUPLICATE, "4:1" },
    BadCalendar { "InvalidType", "date,type,name\n2023-01-01,holiday,元旦\n2023-02-07,weekend,春节\n",
                  CASE_REVIEW_ERROR_INVALID, "3:2" },
    BadCalendar { "WorkdayOnAWeekday", "date,type,name\n2023-01-04,workday,调休\n",
                  CASE_REVIEW_ERROR_INVALID, "2:2" },
    BadCalendar { "ImpossibleDate", "name,date,type\n元旦,2023-01-01,holiday\n春节,2023-02-30,holiday\n",
                  CASE_REVIEW_ERROR_INVALID, "3:2" },
    BadCalendar { "MissingTypeColumn", "date,name\n2023-01-01,元旦\n", CASE_REVIEW_ERROR_INVALID, "1:1" },
    BadCalendar { "HeaderOnly", "date,type,name\n", CASE_REVIEW_ERROR_INVALID, "2:1" },
    BadCalendar { "Empty", "", CASE_REVIEW_ERROR_PARSE, "1:1" },
    BadCalendar { "TooManyFields", "date,type,name\n2023-01-01,holiday,元旦,extra\n", CASE_REVIEW_ERROR_PARSE, "2:4" },
    BadCalendar { "AlreadyLoadedYear", "date,type\n2020-05-01,holiday\n", CASE_REVIEW_ERROR_DUPLICATE, "2:1" }),
  [] (const ::testing::TestParamInfo<BadCalendar> &p) { return std::string (p.param.what); });
