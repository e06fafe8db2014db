/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewCalendar:
 *
 * A working-day calendar for deadlines: Saturdays and Sundays are days off,
 * except the weekend days worked in exchange for a holiday (调休上班), and
 * the public holidays the State Council announces each year (法定节假日) are
 * days off whatever day of the week they fall on.
 *
 * The holidays change every year, so a calendar knows only the years it has
 * data for, and asking about any other year is a
 * %CASE_REVIEW_ERROR_NOT_FOUND error naming the year, never a guess from the
 * day of the week. [ctor@CaseReview.Calendar.new_default] knows the years
 * bundled with the library (2020); [method@CaseReview.Calendar.load_file]
 * adds a year from a CSV file with one row per holiday or adjusted working
 * day (the format is in `docs/formats.md`, "Working-day calendars"):
 *
 * ```
 * date,type,name
 * 2020-01-19,workday,春节调休上班
 * 2020-01-24,holiday,春节
 * ```
 *
 * Periods follow the rule of Chinese procedural law that the day an event
 * happens is not counted: "30 working days from 2020-09-25" is the 30th
 * working day after 25 September,
 * [method@CaseReview.Calendar.add_working_days], and
 * [method@CaseReview.Calendar.count_working_days] counts the working days
 * after one date up to and including another, so that
 * `count_working_days (d, add_working_days (d, n)) == n`.
 *
 * Since: 0.1
 */
#include "config.h"

#include "casereview-enum-types.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-calendar.h"
#include "casereview-calendar-private.h"
#include "casereview-csv-table.h"
#include "casereview-error.h"
#include "casereview-value-parsers.h"

/* Where the bundled year files are, compiled in from data/calendar/ by
 * glib-compile-resources (data/calendar/calendar.gresource.xml). */
#define BUNDLED_RESOURCE_PATH "/org/libcasereview/calendar/"

/* Problems a calendar file reports before the load stops. */
#define MAX_PROBLEMS 20

typedef struct
{
  CaseReviewDayType type;    /* HOLIDAY or ADJUSTED_WORKING_DAY */
  char *name;                /* nullable */
} DayEntry;

struct _CaseReviewCalendar
{
  GObject parent_instance;

  GArray *years;             /* guint, ascending */
  GHashTable *days;          /* julian day → DayEntry */
};

G_DEFINE_FINAL_TYPE (CaseReviewCalendar, case_review_calendar, G_TYPE_OBJECT)

static void
day_entry_free (gpointer data)
{
  DayEntry *entry = data;

  g_free (entry->name);
  g_free (entry);
}

static void
case_review_calendar_finalize (GObject *object)
{
  CaseReviewCalendar *self = CASE_REVIEW_CALENDAR (object);

  g_array_unref (self->years);
  g_hash_table_unref (self->days);

  G_OBJECT_CLASS (case_review_calendar_parent_class)->finalize (object);
}

static void
case_review_calendar_class_init (CaseReviewCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = case_review_calendar_finalize;
}

static void
case_review_calendar_init (CaseReviewCalendar *self)
{
  self->years = g_array_new (FALSE, FALSE, sizeof (guint));
  self->days = g_hash_table_new_full (NULL, NULL, NULL, day_entry_free);
}

/**
 * case_review_calendar_new:
 *
 * Creates a calendar without any year; add years with
 * [method@CaseReview.Calendar.load_file].
 *
 * Returns: (transfer full): a new, empty calendar
 *
 * Since: 0.1
 */
CaseReviewCalendar *
case_review_calendar_new (void)
{
  return g_object_new (CASE_REVIEW_TYPE_CALENDAR, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * case_review_calendar_new_default:
 *
 * Creates a calendar that knows every year bundled with the library: 2020 in
 * this version. More years can be added with
 * [method@CaseReview.Calendar.load_file].
 *
 * Returns: (transfer full): a new calendar
 *
 * Since: 0.1
 */
CaseReviewCalendar *
case_review_calendar_new_default (void)
{
  CaseReviewCalendar *self = case_review_calendar_new ();
  g_auto(GStrv) names = g_resources_enumerate_children (BUNDLED_RESOURCE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  guint n = names != NULL ? g_strv_length (names) : 0;

  if (n > 1)
    qsort (names, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uri = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (names[i], ".csv"))
        continue;
      uri = g_strconcat ("resource://" BUNDLED_RESOURCE_PATH, names[i], NULL);
      file = g_file_new_for_uri (uri);
      if (!case_review_calendar_load_file (self, file, NULL, &error))
        g_critical ("The bundled calendar %s is invalid: %s", names[i], error->message);
    }

  return self;
}

typedef enum {
  COLUMN_DATE,
  COLUMN_TYPE,
  COLUMN_NAME,
  N_COLUMNS
} Column;

static const CsvColumn columns[N_COLUMNS] = {
  [COLUMN_DATE] = { "日期", "date", { NULL, NULL, NULL }, TRUE },
  [COLUMN_TYPE] = { "类型", "type", { "类别", NULL, NULL }, TRUE },
  [COLUMN_NAME] = { "名称", "name", { "节日", "说明", NULL }, FALSE },
};

static gboolean
parse_day_type (const char        *text,
                CaseReviewDayType *out_type)
{
  static const char * const holidays[] = { "holiday", "休", "假", "节假日" };
  static const char * const workdays[] = { "workday", "班", "上班", "调休上班" };

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    if (g_ascii_strcasecmp (text, holidays[i]) == 0)
      {
        *out_type = CASE_REVIEW_DAY_TYPE_HOLIDAY;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (workdays); i++)
    if (g_ascii_strcasecmp (text, workdays[i]) == 0)
      {
        *out_type = CASE_REVIEW_DAY_TYPE_ADJUSTED_WORKING_DAY;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

static const char *
weekday_name (GDateWeekday weekday)
{
  static const char * const names[] = { NULL, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                        "Saturday", "Sunday" };

  return names[weekday];
}

/* Reads one year's file into @days (julian → DayEntry) and *@out_year. */
static gboolean
read_year (CaseReviewCalendar  *self,
           GFile               *file,
           GHashTable          *days,
           guint               *out_year,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(GPtrArray) problem_array = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GHashTable) first_lines = g_hash_table_new (NULL, NULL);
  ProblemList problems;
  CsvTable table;
  CsvRecord record;
  int positions[N_COLUMNS];
  gboolean failed = FALSE;
  GError *io_error = NULL;
  guint year = 0, year_line = 0, n_rows = 0;

  problem_list_init (&problems, problem_array, MAX_PROBLEMS);
  if (!csv_table_open (&table, file, CASE_REVIEW_TEXT_ENCODING_AUTO, cancellable, error))
    {
      csv_table_close (&table);
      return FALSE;
    }

  if (csv_table_read_header (&table, columns, N_COLUMNS, positions, &problems, &failed, cancellable, &io_error))
    {
      while (!problem_list_is_full (&problems) &&
             csv_table_next_row (&table, &record, &problems, &failed, cancellable, &io_error))
        {
          const char *date_text, *type_text, *name = NULL, *reason;
          CaseReviewDayType type = CASE_REVIEW_DAY_TYPE_HOLIDAY;
          guint32 julian = 0;
          gboolean row_ok = TRUE;
          GDate date;

#define FIELD(column) csv_field_trim (record.fields[positions[column]])
#define AT(column) table.display_name, record.field_lines[positions[column]], positions[column] + 1

          n_rows++;
          if (!csv_table_check_width (&table, &record, &problems))
            continue;

          date_text = FIELD (COLUMN_DATE);
          type_text = FIELD (COLUMN_TYPE);
          if (positions[COLUMN_NAME] >= 0 && FIELD (COLUMN_NAME)[0] != '\0')
            name = FIELD (COLUMN_NAME);

          if ((reason = case_review_parse_date (date_text, &julian)) != NULL)
            {
              row_ok = FALSE;
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: invalid date \"%s\": %s"),
                                AT (COLUMN_DATE), date_text, reason);
            }
          if (!parse_day_type (type_text, &type))
            {
              row_ok = FALSE;
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                _("%s:%u:%d: unknown day type \"%s\" (expected holiday or workday, 休 or 班)"),
                                AT (COLUMN_TYPE), type_text);
            }
          if (julian == 0)
            continue;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, julian);
          if (year == 0)
            {
              year = g_date_get_year (&date);
              year_line = record.field_lines[positions[COLUMN_DATE]];
              if (case_review_calendar_has_year (self, year))
                {
                  problem_list_add (&problems, CASE_REVIEW_ERROR_DUPLICATE,
                                    _("%s:%u:%d: the calendar already has the year %u; a year is loaded once"),
                                    AT (COLUMN_DATE), year);
                  break;
                }
            }
          else if (g_date_get_year (&date) != year)
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                _("%s:%u:%d: %s is not in %u: a calendar file holds one year (the year of its first date, line %u)"),
                                AT (COLUMN_DATE), date_text, year, year_line);
              continue;
            }

          if (g_hash_table_contains (first_lines, GUINT_TO_POINTER (julian)))
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_DUPLICATE,
                                _("%s:%u:%d: %s is listed twice (first at line %u)"), AT (COLUMN_DATE), date_text,
                                GPOINTER_TO_UINT (g_hash_table_lookup (first_lines, GUINT_TO_POINTER (julian))));
              continue;
            }
          g_hash_table_insert (first_lines, GUINT_TO_POINTER (julian),
                               GUINT_TO_POINTER (record.field_lines[positions[COLUMN_DATE]]));

          if (row_ok && type == CASE_REVIEW_DAY_TYPE_ADJUSTED_WORKING_DAY && !is_weekend (&date))
            {
              row_ok = FALSE;
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                _("%s:%u:%d: %s is a %s, already a working day: only a Saturday or Sunday can be an adjusted working day"),
                                AT (COLUMN_TYPE), date_text, weekday_name (g_date_get_weekday (&date)));
            }

          if (row_ok)
            {
              DayEntry *entry = g_new0 (DayEntry, 1);

              entry->type = type;
              entry->name = g_strdup (name);
              g_hash_table_insert (days, GUINT_TO_POINTER (julian), entry);
            }
#undef AT
#undef FIELD
        }
      if (!failed && io_error == NULL && problem_list_is_empty (&problems) && n_rows == 0)
        problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                          _("%s:%u:1: the file has a header but no days; list the year's holidays and adjusted working days"),
                          table.display_name, table.header_line + 1);
    }
  csv_table_close (&table);

  if (io_error != NULL)
    {
      g_propagate_error (error, io_error);
      return FALSE;
    }
  if (!problem_list_is_empty (&problems))
    {
      problem_list_to_error (&problems, error);
      return FALSE;
    }

  *out_year = year;
  return TRUE;
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/**
 * case_review_calendar_load_file:
 * @self: a calendar
 * @file: a CSV file with the columns `date` (日期), `type` (类型: `holiday`
 *   or `workday`, also 休 or 班) and optionally `name` (名称), UTF-8 or GB18030
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Adds one year to the calendar: the year of the file's dates, every one of
 * which must be in the same year. Listed `holiday` dates are days off;
 * listed `workday` dates (which must be Saturdays or Sundays) are working
 * days; every other date is a working day from Monday to Friday.
 *
 * All or nothing: on any error the calendar is unchanged. Problems are
 * located as `file:line:column`: an invalid date or day type, a date
 * outside the file's year, a date listed twice (%CASE_REVIEW_ERROR_DUPLICATE),
 * a weekday listed as an adjusted working day, a year the calendar already
 * has (%CASE_REVIEW_ERROR_DUPLICATE).
 *
 * Returns: %TRUE on success; %FALSE with a [error@CaseReview.Error], or a
 *   #GIOError when the file cannot be read
 *
 * Since: 0.1
 */
gboolean
case_review_calendar_load_file (CaseReviewCalendar  *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_autoptr(GHashTable) days = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint year = 0;

  g_return_val_if_fail (CASE_REVIEW_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  days = g_hash_table_new_full (NULL, NULL, NULL, day_entry_free);
  if (!read_year (self, file, days, &year, cancellable, error))
    return FALSE;

  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->days, key, value);
    }
  g_array_append_val (self->years, year);
  g_array_sort (self->years, compare_years);

  return TRUE;
}

/**
 * case_review_calendar_get_years:
 * @self: a calendar
 * @n_years: (out): the number of years
 *
 * The years the calendar has data for, in ascending order.
 *
 * Returns: (array length=n_years) (transfer none): the years
 *
 * Since: 0.1
 */
const guint *
case_review_calendar_get_years (CaseReviewCalendar *self,
                                guint              *n_years)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (n_years != NULL, NULL);

  *n_years = self->years->len;
  return (const guint *) (gpointer) self->years->data;
}

/**
 * case_review_calendar_has_year:
 * @self: a calendar
 * @year: a year, e.g. 2020
 *
 * Whether the calendar has data for @year.
 *
 * Returns: %TRUE if it has
 *
 * Since: 0.1
 */
gboolean
case_review_calendar_has_year (CaseReviewCalendar *self,
                               guint               year)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CALENDAR (self), FALSE);

  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, guint, i) == year)
      return TRUE;
  return FALSE;
}

static gboolean
require_year (CaseReviewCalendar  *self,
              guint                year,
              GError             **error)
{
  g_autoptr(GString) known = NULL;

  if (case_review_calendar_has_year (self, year))
    return TRUE;

  known = g_string_new (NULL);
  for (guint i = 0; i < self->years->len; i++)
    g_string_append_printf (known, "%s%u", i > 0 ? ", " : "", g_array_index (self->years, guint, i));
  if (known->len == 0)
    g_string_append (known, _("none"));
  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_NOT_FOUND,
               _("the working-day calendar has no data for %u (it knows: %s); load that year's holidays and adjusted working days from a file"),
               year, known->str);
  return FALSE;
}

/* The type of a day whose year the calendar has. */
static CaseReviewDayType
day_type (CaseReviewCalendar *self,
          const GDate        *date)
{
  DayEntry *entry = g_hash_table_lookup (self->days, GUINT_TO_POINTER (g_date_get_julian (date)));

  if (entry != NULL)
    return entry->type;
  return is_weekend (date) ? CASE_REVIEW_DAY_TYPE_WEEKEND : CASE_REVIEW_DAY_TYPE_WORKING_DAY;
}

static gboolean
type_is_working (CaseReviewDayType type)
{
  return type == CASE_REVIEW_DAY_TYPE_WORKING_DAY || type == CASE_REVIEW_DAY_TYPE_ADJUSTED_WORKING_DAY;
}

/* Whether @date is a working day, or an error when its year is unknown. */
static gboolean
lookup_working (CaseReviewCalendar  *self,
                const GDate         *date,
                gboolean            *out_working,
                GError             **error)
{
  if (!require_year (self, g_date_get_year (date), error))
    return FALSE;
  *out_working = type_is_working (day_type (self, date));
  return TRUE;
}

/**
 * case_review_calendar_is_working_day:
 * @self: a calendar
 * @date: a valid date
 * @error: return location for a #GError
 *
 * Whether @date is a working day: Monday to Friday and not a holiday, or a
 * weekend day worked in exchange for a holiday.
 *
 * Returns: %TRUE for a working day; %FALSE for a day off, or with
 *   %CASE_REVIEW_ERROR_NOT_FOUND when the calendar has no data for the year
 *
 * Since: 0.1
 */
gboolean
case_review_calendar_is_working_day (CaseReviewCalendar  *self,
                                     const GDate         *date,
                                     GError             **error)
{
  gboolean working = FALSE;

  g_return_val_if_fail (CASE_REVIEW_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return lookup_working (self, date, &working, error) && working;
}

/**
 * case_review_calendar_get_day_type:
 * @self: a calendar
 * @date: a valid date
 * @error: return location for a #GError
 *
 * What @date is: an ordinary working day, a weekend day, a holiday or an
 * adjusted working day.
 *
 * Returns: the day's type; %CASE_REVIEW_DAY_TYPE_WORKING_DAY with
 *   %CASE_REVIEW_ERROR_NOT_FOUND set when the calendar has no data for the
 *   year
 *
 * Since: 0.1
 */
CaseReviewDayType
case_review_calendar_get_day_type (CaseReviewCalendar  *self,
                                   const GDate         *date,
                                   GError             **error)
{
  g_return_val_if_fail (CASE_REVIEW_IS_CALENDAR (self), CASE_REVIEW_DAY_TYPE_WORKING_DAY);
  g_return_val_if_fail (date != NULL && g_date_valid (date), CASE_REVIEW_DAY_TYPE_WORKING_DAY);
  g_return_val_if_fail (error == NULL || *error == NULL, CASE_REVIEW_DAY_TYPE_WORKING_DAY);

  if (!require_year (self, g_date_get_year (date), error))
    return CASE_REVIEW_DAY_TYPE_WORKING_DAY;
  return day_type (self, date);
}

/**
 * case_review_calendar_get_day_name:
 * @self: a calendar
 * @date: a valid date
 *
 * The name the calendar file gives a holiday or adjusted working day, such
 * as 春节 or 国庆节中秋节调休上班.
 *
 * Returns: (nullable): the name, or %NULL for an ordinary day, a day the
 *   file does not name, or a year without data
 *
 * Since: 0.1
 */
const char *
case_review_calendar_get_day_name (CaseReviewCalendar *self,
                                   const GDate        *date)
{
  DayEntry *entry;

  g_return_val_if_fail (CASE_REVIEW_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  entry = g_hash_table_lookup (self->days, GUINT_TO_POINTER (g_date_get_julian (date)));
  return entry != NULL ? entry->name : NULL;
}

/* Moves @date forward to the first working day on or after it. */
static gboolean
roll_forward (CaseReviewCalendar  *self,
              GDate               *date,
              GError             **error)
{
  for (;;)
    {
      gboolean working;

      if (!lookup_working (self, date, &working, error))
        return FALSE;
      if (working)
        return TRUE;
      g_date_add_days (date, 1);
    }
}

/**
 * case_review_calendar_add_working_days:
 * @self: a calendar
 * @date: a valid date, the day the period starts from (not counted)
 * @n_days: the number of working days
 * @error: return location for a #GError
 *
 * The end of a period of @n_days working days from @date: the @n_days-th
 * working day after @date. The day itself is not counted, so 1 working day
 * from a Friday is the next Monday (if that is a working day). With
 * @n_days = 0 the result is the first working day on or after @date: @date
 * itself when it is a working day.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL with
 *   %CASE_REVIEW_ERROR_NOT_FOUND when the period reaches a year the
 *   calendar has no data for
 *
 * Since: 0.1
 */
GDate *
case_review_calendar_add_working_days (CaseReviewCalendar  *self,
                                       const GDate         *date,
                                       guint                n_days,
                                       GError             **error)
{
  g_autoptr(GDate) result = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = g_date_copy (date);
  if (n_days == 0)
    return roll_forward (self, result, error) ? g_steal_pointer (&result) : NULL;

  if (!require_year (self, g_date_get_year (date), error))
    return NULL;
  for (guint counted = 0; counted < n_days;)
    {
      gboolean working;

      if (g_date_get_julian (result) >= G_MAXUINT32 - 1)
        {
          g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, _("the period is too long"));
          return NULL;
        }
      g_date_add_days (result, 1);
      if (!lookup_working (self, result, &working, error))
        return NULL;
      if (working)
        counted++;
    }

  return g_steal_pointer (&result);
}

/**
 * case_review_calendar_add_calendar_days:
 * @self: a calendar
 * @date: a valid date, the day the period starts from (not counted)
 * @n_days: the number of days
 * @error: return location for a #GError
 *
 * The end of a period of @n_days calendar days from @date: @date plus
 * @n_days days, moved to the next working day when that is a holiday or a
 * weekend day (期间届满的最后一日是节假日的，以节假日后的第一日为期间届满的日期, as
 * the Administrative Litigation and Civil Procedure Laws provide).
 *
 * Returns: (transfer full) (nullable): the date, or %NULL with
 *   %CASE_REVIEW_ERROR_NOT_FOUND when the end falls in a year the calendar
 *   has no data for
 *
 * Since: 0.1
 */
GDate *
case_review_calendar_add_calendar_days (CaseReviewCalendar  *self,
                                        const GDate         *date,
                                        guint                n_days,
                                        GError             **error)
{
  g_autoptr(GDate) result = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((guint64) g_date_get_julian (date) + n_days >= G_MAXUINT32 - 366)
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, _("the period is too long"));
      return NULL;
    }
  result = g_date_copy (date);
  g_date_add_days (result, n_days);
  return roll_forward (self, result, error) ? g_steal_pointer (&result) : NULL;
}

static gboolean
check_range (CaseReviewCalendar  *self,
             const GDate         *from,
             const GDate         *to,
             GError             **error)
{
  if (g_date_compare (from, to) > 0)
    {
      g_autofree char *a = case_review_format_date (g_date_get_julian (from));
      g_autofree char *b = case_review_format_date (g_date_get_julian (to));

      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID,
                   _("the period from %s to %s ends before it starts"), a, b);
      return FALSE;
    }
  for (guint year = g_date_get_year (from); year <= g_date_get_year (to); year++)
    if (!require_year (self, year, error))
      return FALSE;
  return TRUE;
}

/**
 * case_review_calendar_count_working_days:
 * @self: a calendar
 * @from: a valid date, not counted
 * @to: a valid date on or after @from, counted
 * @error: return location for a #GError
 *
 * The number of working days after @from up to and including @to: how many
 * working days a reply received on @to took to a request sent on @from. The
 * inverse of [method@CaseReview.Calendar.add_working_days]:
 * `count_working_days (d, add_working_days (d, n)) == n`.
 *
 * Returns: the number of working days; 0 with %CASE_REVIEW_ERROR_INVALID
 *   when @to is before @from, or with %CASE_REVIEW_ERROR_NOT_FOUND when the
 *   calendar has no data for a year of the period
 *
 * Since: 0.1
 */
guint
case_review_calendar_count_working_days (CaseReviewCalendar  *self,
                                         const GDate         *from,
                                         const GDate         *to,
                                         GError             **error)
{
  guint count = 0;
  GDate day;

  g_return_val_if_fail (CASE_REVIEW_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_range (self, from, to, error))
    return 0;

  day = *from;
  while (g_date_compare (&day, to) < 0)
    {
      g_date_add_days (&day, 1);
      if (type_is_working (day_type (self, &day)))
        count++;
    }
  return count;
}

/* The working days from @from to @to, both included, ascending (GDate);
 * NULL with an error as for count_working_days(). */
GPtrArray *
calendar_list_working_days (CaseReviewCalendar  *self,
                            const GDate         *from,
                            const GDate         *to,
                            GError             **error)
{
  GPtrArray *days;
  GDate day;

  g_return_val_if_fail (CASE_REVIEW_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_range (self, from, to, error))
    return NULL;

  days = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_free);
  for (day = *from; g_date_compare (&day, to) <= 0; g_date_add_days (&day, 1))
    {
      if (type_is_working (day_type (self, &day)))
        g_ptr_array_add (days, g_date_copy (&day));
      if (g_date_compare (&day, to) == 0)
        break;
    }
  return days;
}
