/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Score sheets read from CSV: one row per deduction, veto or not-applicable
 * item (or a "none" row for a sheet without findings); rows of the same
 * (case, reviewer, re-review) make one sheet. See the "Score-sheet CSV"
 * section of docs/rubric-format.md.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-csv-table.h"
#include "casereview-error.h"
#include "casereview-evaluation-private.h"
#include "casereview-population-private.h"
#include "casereview-value-parsers.h"

enum {
  COLUMN_CASE,
  COLUMN_REVIEWER,
  COLUMN_REREVIEW,
  COLUMN_DATE,
  COLUMN_ENTRY,
  COLUMN_CODE,
  COLUMN_OCCURRENCES,
  COLUMN_NOTE,
  COLUMN_EVIDENCE_PAGE,
  N_COLUMNS
};

static const CsvColumn columns[N_COLUMNS] = {
  [COLUMN_CASE] = { "案卷编号", "case_id", { "案卷", "case", NULL }, TRUE },
  [COLUMN_REVIEWER] = { "评查人员", "reviewer", { "评查人", "reviewer_id", NULL }, TRUE },
  [COLUMN_REREVIEW] = { "复核", "rereview", { "re_review", NULL, NULL }, FALSE },
  [COLUMN_DATE] = { "评查日期", "date", { NULL, NULL, NULL }, FALSE },
  [COLUMN_ENTRY] = { "类型", "entry", { NULL, NULL, NULL }, TRUE },
  [COLUMN_CODE] = { "代码", "code", { NULL, NULL, NULL }, TRUE },
  [COLUMN_OCCURRENCES] = { "次数", "occurrences", { NULL, NULL, NULL }, FALSE },
  [COLUMN_NOTE] = { "说明", "note", { "备注", NULL, NULL }, FALSE },
  [COLUMN_EVIDENCE_PAGE] = { "证据页码", "evidence_page", { "页码", NULL, NULL }, FALSE },
};

typedef enum {
  ENTRY_DEDUCTION,
  ENTRY_VETO,
  ENTRY_NOT_APPLICABLE,
  ENTRY_NONE,
} EntryType;

static gboolean
parse_entry (const char *text,
             EntryType  *entry)
{
  static const struct { const char *name; EntryType entry; } names[] = {
    { "deduction", ENTRY_DEDUCTION }, { "扣分", ENTRY_DEDUCTION },
    { "veto", ENTRY_VETO }, { "否决", ENTRY_VETO },
    { "not_applicable", ENTRY_NOT_APPLICABLE }, { "不适用", ENTRY_NOT_APPLICABLE },
    { "none", ENTRY_NONE }, { "无", ENTRY_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *entry = names[i].entry;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_rereview (const char *text,
                gboolean   *rereview)
{
  if (text[0] == '\0' || g_str_equal (text, "0") || g_str_equal (text, "否") || g_ascii_strcasecmp (text, "no") == 0)
    *rereview = FALSE;
  else if (g_str_equal (text, "1") || g_str_equal (text, "是") || g_ascii_strcasecmp (text, "yes") == 0)
    *rereview = TRUE;
  else
    return FALSE;
  return TRUE;
}

/* What makes rows one sheet. A pending sheet's key borrows its sheet's
 * strings; lookups use a key on the row's fields. */
typedef struct
{
  const char *case_id;
  const char *reviewer;
  gboolean    rereview;
} SheetKey;

static guint
sheet_key_hash (gconstpointer data)
{
  const SheetKey *key = data;

  return (g_str_hash (key->case_id) * 31 + g_str_hash (key->reviewer)) * 2 + (key->rereview != FALSE);
}

static gboolean
sheet_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const SheetKey *x = a, *y = b;

  return !x->rereview == !y->rereview && g_str_equal (x->case_id, y->case_id) && g_str_equal (x->reviewer, y->reviewer);
}

typedef struct
{
  SheetKey              key;
  CaseReviewScoreSheet *sheet;
  guint32               julian;     /* 0 when no date was given */
  guint                 date_line;
} PendingSheet;

static void
pending_sheet_free (PendingSheet *pending)
{
  g_object_unref (pending->sheet);
  g_free (pending);
}

/* The reading behind case_review_evaluation_load_sheets_csv(). */
gboolean
case_review_evaluation_load_sheets_csv_internal (CaseReviewEvaluation    *self,
                                                 GFile                   *file,
                                                 CaseReviewTextEncoding   encoding,
                                                 GCancellable            *cancellable,
                                                 GError                 **error)
{
  g_autoptr(GPtrArray) problem_array = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (sheet_key_hash, sheet_key_equal, NULL,
                                                        (GDestroyNotify) pending_sheet_free);
  CaseStore *store;
  CaseReviewRubric *rubric;
  /* A sheet's rows usually follow each other: the previous row's sheet is
   * found again without a lookup. */
  PendingSheet *previous = NULL;
  ProblemList problems;
  CsvTable table;
  CsvRecord record;
  int positions[N_COLUMNS];
  gboolean failed = FALSE;
  GError *io_error = NULL;

  store = case_review_population_peek_store (case_review_evaluation_get_population_internal (self));
  rubric = case_review_evaluation_get_rubric (self);

  problem_list_init (&problems, problem_array, 1);
  if (!csv_table_open (&table, file, encoding, cancellable, error))
    {
      csv_table_close (&table);
      return FALSE;
    }

  if (csv_table_read_header (&table, columns, N_COLUMNS, positions, &problems, &failed, cancellable, &io_error))
    {
      while (problem_list_is_empty (&problems) &&
             csv_table_next_row (&table, &record, &problems, &failed, cancellable, &io_error))
        {
          const char *case_id, *reviewer, *entry_text, *code, *occurrences_text, *note, *page, *date_text;
          g_autoptr(GError) local_error = NULL;
          PendingSheet *pending;
          gboolean rereview;
          EntryType entry;
          guint occurrences = 1;
          guint32 julian = 0;
          int case_index;

#define FIELD(column) (positions[column] >= 0 ? csv_field_trim (record.fields[positions[column]]) : "")
#define AT(column) table.display_name, record.field_lines[positions[column]], positions[column] + 1

          if (!csv_table_check_width (&table, &record, &problems))
            break;

          case_id = FIELD (COLUMN_CASE);
          reviewer = FIELD (COLUMN_REVIEWER);
          entry_text = FIELD (COLUMN_ENTRY);
          code = FIELD (COLUMN_CODE);
          occurrences_text = FIELD (COLUMN_OCCURRENCES);
          note = FIELD (COLUMN_NOTE);
          page = FIELD (COLUMN_EVIDENCE_PAGE);
          date_text = FIELD (COLUMN_DATE);

          if (case_id[0] == '\0')
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: the case id is empty"),
                                AT (COLUMN_CASE));
              break;
            }
          case_index = case_store_find_case (store, case_id);
          if (case_index < 0)
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_NOT_FOUND,
                                _("%s:%u:%d: case \"%s\" is not in the population"), AT (COLUMN_CASE), case_id);
              break;
            }
          if (reviewer[0] == '\0')
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: the reviewer id is empty"),
                                AT (COLUMN_REVIEWER));
              break;
            }
          if (!parse_rereview (FIELD (COLUMN_REREVIEW), &rereview))
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                _("%s:%u:%d: re-review \"%s\" is not empty, 0/1, 是/否 or yes/no"),
                                AT (COLUMN_REREVIEW), FIELD (COLUMN_REREVIEW));
              break;
            }
          if (date_text[0] != '\0')
            {
              const char *reason = case_review_parse_date (date_text, &julian);

              if (reason != NULL)
                {
                  problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: date \"%s\": %s"),
                                    AT (COLUMN_DATE), date_text, _(reason));
                  break;
                }
            }
          if (!parse_entry (entry_text, &entry))
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                _("%s:%u:%d: unknown entry type \"%s\" (deduction, veto, not_applicable or none)"),
                                AT (COLUMN_ENTRY), entry_text);
              break;
            }
          if (entry == ENTRY_NONE && code[0] != '\0')
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                _("%s:%u:%d: a \"none\" row takes no code, not \"%s\""), AT (COLUMN_CODE), code);
              break;
            }
          if (entry != ENTRY_NONE && code[0] == '\0')
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: the code is empty"),
                                AT (COLUMN_CODE));
              break;
            }
          if (occurrences_text[0] != '\0')
            {
              guint64 value;

              if (entry != ENTRY_DEDUCTION)
                {
                  problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                    _("%s:%u:%d: occurrences apply only to deductions"), AT (COLUMN_OCCURRENCES));
                  break;
                }
              if (!g_ascii_string_to_unsigned (occurrences_text, 10, 1, 1000, &value, NULL))
                {
                  problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                    _("%s:%u:%d: occurrences \"%s\" is not a whole number from 1 to 1000"),
                                    AT (COLUMN_OCCURRENCES), occurrences_text);
                  break;
                }
              occurrences = (guint) value;
            }

          {
            SheetKey key = { case_id, reviewer, rereview };

            pending = previous != NULL && sheet_key_equal (&key, &previous->key) ? previous
                                                                                 : g_hash_table_lookup (by_key, &key);
          }
          if (pending == NULL)
            {
              CaseReviewScoreSheet *sheet;

              sheet = case_review_score_sheet_new (rubric, case_id,
                                                   case_store_get_row (store, (guint) case_index)->kind,
                                                   reviewer, &local_error);
              if (sheet != NULL)
                {
                  case_review_score_sheet_set_rereview (sheet, rereview);
                  if (!case_review_evaluation_check_sheet_internal (self, sheet, &local_error))
                    g_clear_object (&sheet);
                }
              if (sheet == NULL)
                {
                  problem_list_add (&problems, local_error->code, "%s:%u:%d: %s", AT (COLUMN_CASE),
                                    local_error->message);
                  break;
                }
              pending = g_new0 (PendingSheet, 1);
              pending->sheet = sheet;
              pending->key.case_id = case_review_score_sheet_get_case_id (sheet);
              pending->key.reviewer = case_review_score_sheet_get_reviewer_id (sheet);
              pending->key.rereview = rereview;
              g_hash_table_insert (by_key, &pending->key, pending);
              g_ptr_array_add (order, pending);
            }
          previous = pending;
          if (julian != 0)
            {
              if (pending->julian != 0 && pending->julian != julian)
                {
                  problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                    _("%s:%u:%d: date \"%s\" differs from the sheet's date at line %u"),
                                    AT (COLUMN_DATE), date_text, pending->date_line);
                  break;
                }
              pending->julian = julian;
              pending->date_line = record.field_lines[positions[COLUMN_DATE]];
            }

          switch (entry)
            {
            case ENTRY_DEDUCTION:
              case_review_score_sheet_add_deduction (pending->sheet, code, occurrences,
                                                     note[0] != '\0' ? note : NULL,
                                                     page[0] != '\0' ? page : NULL, &local_error);
              break;
            case ENTRY_VETO:
              case_review_score_sheet_add_veto (pending->sheet, code, note[0] != '\0' ? note : NULL, &local_error);
              break;
            case ENTRY_NOT_APPLICABLE:
              case_review_score_sheet_set_not_applicable (pending->sheet, code, &local_error);
              break;
            case ENTRY_NONE:
            default:
              break;
            }
          if (local_error != NULL)
            {
              problem_list_add (&problems, local_error->code, "%s:%u:%d: %s", AT (COLUMN_CODE), local_error->message);
              break;
            }
#undef AT
#undef FIELD
        }
      if (problem_list_is_empty (&problems) && !failed && io_error == NULL && order->len == 0)
        problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:1: the file has a header but no sheets"),
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

  /* Every sheet was checked against the evaluation when it was begun, and
   * the file's sheets have distinct keys, so adding cannot fail. */
  for (guint i = 0; i < order->len; i++)
    {
      PendingSheet *pending = g_ptr_array_index (order, i);

      if (pending->julian != 0)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, pending->julian);
          case_review_score_sheet_set_date (pending->sheet, &date);
        }
      case_review_evaluation_add_checked_sheet_internal (self, pending->sheet);
    }
  return TRUE;
}
