/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Reads a population from an agencies CSV and a cases CSV. Every problem is
 * reported as "file:line:column: rule", the column being the 1-based field
 * number; the result is a new store, so a failed read changes nothing.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-csv-table.h"
#include "casereview-population-io.h"
#include "casereview-problem-list.h"
#include "casereview-value-parsers.h"

/* How often (in records) progress is reported and cancellation checked. */
#define CHECK_INTERVAL 8192

/* Rows read before the store is sized for the whole file, and the fewest
 * bytes a row is assumed to take then: about an id, an agency, a kind and a
 * date with their commas. */
#define ROWS_BEFORE_ESTIMATE 4096
#define MIN_ROW_BYTES 24

/* Distinct kind or flags texts remembered at most. */
#define MAX_REMEMBERED 1024

typedef enum {
  CASE_COLUMN_ID,
  CASE_COLUMN_AGENCY,
  CASE_COLUMN_KIND,
  CASE_COLUMN_CLOSED_ON,
  CASE_COLUMN_AMOUNT,
  CASE_COLUMN_FLAGS,
  CASE_COLUMN_TITLE,
  CASE_COLUMN_WEIGHT,
  N_CASE_COLUMNS
} CaseColumn;

typedef enum {
  AGENCY_COLUMN_ID,
  AGENCY_COLUMN_NAME,
  AGENCY_COLUMN_SHORT_NAME,
  AGENCY_COLUMN_CATEGORY,
  N_AGENCY_COLUMNS
} AgencyColumn;

static const CsvColumn case_columns[N_CASE_COLUMNS] = {
  [CASE_COLUMN_ID] = { "案卷编号", "case_id", { "案号", "案件编号", "id" }, TRUE },
  [CASE_COLUMN_AGENCY] = { "执法单位", "agency", { "agency_id", "执法机关", NULL }, TRUE },
  [CASE_COLUMN_KIND] = { "执法类别", "kind", { "执法类型", NULL, NULL }, TRUE },
  [CASE_COLUMN_CLOSED_ON] = { "结案日期", "closed_on", { "结案时间", NULL, NULL }, TRUE },
  [CASE_COLUMN_AMOUNT] = { "罚没金额", "amount", { "罚没金额（元）", "罚没金额(元)", NULL }, FALSE },
  [CASE_COLUMN_FLAGS] = { "风险标记", "flags", { NULL, NULL, NULL }, FALSE },
  [CASE_COLUMN_TITLE] = { "案由", "title", { NULL, NULL, NULL }, FALSE },
  [CASE_COLUMN_WEIGHT] = { "风险权重", "weight", { NULL, NULL, NULL }, FALSE },
};

static const CsvColumn agency_columns[N_AGENCY_COLUMNS] = {
  [AGENCY_COLUMN_ID] = { "编号", "id", { "单位编号", NULL, NULL }, TRUE },
  [AGENCY_COLUMN_NAME] = { "名称", "name", { "单位名称", NULL, NULL }, TRUE },
  [AGENCY_COLUMN_SHORT_NAME] = { "简称", "short_name", { NULL, NULL, NULL }, FALSE },
  [AGENCY_COLUMN_CATEGORY] = { "类别", "category", { "单位类别", NULL, NULL }, FALSE },
};

static char *
trim_field (char  *field,
            gsize  length)
{
  char *end = field + length;

  while (field < end && g_ascii_isspace (*field))
    field++;
  while (end > field && g_ascii_isspace (end[-1]))
    end--;
  *end = '\0';

  return field;
}

#define TRIMMED_FIELD(record, index) \
  (trim_field ((record)->fields[(index)], (record)->lengths[(index)]))

static void
report_progress (const PopulationReadOptions *options,
                 goffset                      done,
                 goffset                      total)
{
  if (options->progress != NULL && total > 0)
    options->progress (MIN (1.0, (double) done / (double) total), options->progress_data);
}

static gboolean
read_agencies (CsvTable                    *open,
               CaseStore                   *store,
               ProblemList                 *problems,
               GCancellable                *cancellable,
               GError                     **error)
{
  CsvRecord record;
  int positions[N_AGENCY_COLUMNS];
  gboolean failed = FALSE;
  g_autoptr(GHashTable) first_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rows = 0;

  if (!csv_table_read_header (open, agency_columns, N_AGENCY_COLUMNS, positions, problems, &failed, cancellable, error))
    return FALSE;

  while (csv_table_next_row (open, &record, problems, &failed, cancellable, error))
    {
      const char *id, *name, *short_name = NULL;
      CaseReviewAgencyCategory category = CASE_REVIEW_AGENCY_CATEGORY_OTHER;
      const char *reason;
      guint line;
      gboolean row_ok = TRUE;

      n_rows++;
      if (!csv_table_check_width (open, &record, problems))
        {
          if (problem_list_is_full (problems))
            return FALSE;
          continue;
        }

      id = TRIMMED_FIELD (&record, positions[AGENCY_COLUMN_ID]);
      line = record.field_lines[positions[AGENCY_COLUMN_ID]];
      name = TRIMMED_FIELD (&record, positions[AGENCY_COLUMN_NAME]);
      if (positions[AGENCY_COLUMN_SHORT_NAME] >= 0)
        short_name = TRIMMED_FIELD (&record, positions[AGENCY_COLUMN_SHORT_NAME]);

      if ((reason = population_check_identifier (id)) != NULL)
        {
          row_ok = FALSE;
          problem_list_add (problems, CASE_REVIEW_ERROR_INVALID, "%s:%u:%d: %s",
                            open->display_name, line, positions[AGENCY_COLUMN_ID] + 1, reason);
        }
      else if (g_hash_table_contains (first_lines, id))
        {
          row_ok = FALSE;
          problem_list_add (problems, CASE_REVIEW_ERROR_DUPLICATE,
                            _("%s:%u:%d: duplicate agency id \"%s\" (first at line %u)"),
                            open->display_name, line, positions[AGENCY_COLUMN_ID] + 1, id,
                            GPOINTER_TO_UINT (g_hash_table_lookup (first_lines, id)));
        }

      if (name[0] == '\0')
        {
          row_ok = FALSE;
          problem_list_add (problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: the agency name is empty"),
                            open->display_name, record.field_lines[positions[AGENCY_COLUMN_NAME]],
                            positions[AGENCY_COLUMN_NAME] + 1);
        }
      else if (case_store_find_agency_by_name (store, name) >= 0)
        {
          row_ok = FALSE;
          problem_list_add (problems, CASE_REVIEW_ERROR_DUPLICATE,
                            _("%s:%u:%d: two agencies are named \"%s\"; names must be unique because cases may refer to agencies by name"),
                            open->display_name, record.field_lines[positions[AGENCY_COLUMN_NAME]],
                            positions[AGENCY_COLUMN_NAME] + 1, name);
        }

      if (positions[AGENCY_COLUMN_CATEGORY] >= 0)
        {
          const char *text = TRIMMED_FIELD (&record, positions[AGENCY_COLUMN_CATEGORY]);

          if (text[0] != '\0' && !case_review_agency_category_parse (text, &category))
            {
              row_ok = FALSE;
              problem_list_add (problems, CASE_REVIEW_ERROR_INVALID,
                                _("%s:%u:%d: unknown agency category \"%s\" (expected district_department, municipal_branch, street_office or other)"),
                                open->display_name, record.field_lines[positions[AGENCY_COLUMN_CATEGORY]],
                                positions[AGENCY_COLUMN_CATEGORY] + 1, text);
            }
        }

      if (row_ok && problem_list_is_empty (problems))
        {
          g_autoptr(CaseReviewAgency) agency =
            case_review_agency_new (id, name, short_name != NULL && short_name[0] != '\0' ? short_name : NULL, category);

          case_store_add_agency (store, agency);
        }
      if (id[0] != '\0' && !g_hash_table_contains (first_lines, id))
        g_hash_table_insert (first_lines, g_strdup (id), GUINT_TO_POINTER (line));
      if (problem_list_is_full (problems))
        return FALSE;
    }

  if (failed || (error != NULL && *error != NULL))
    return FALSE;
  if (n_rows == 0)
    problem_list_add (problems, CASE_REVIEW_ERROR_INVALID,
                      _("%s:%u:1: the file has a header but no agencies"), open->display_name, open->header_line + 1);

  return problem_list_is_empty (problems);
}

/* case_review_enforcement_kind_parse() copies the text it is given; a file
 * spells kinds a handful of ways, so remember what each spelling means. */
static gboolean
parse_kind (GHashTable                *known,
            const char                *text,
            CaseReviewEnforcementKind *kind)
{
  gpointer value;

  if (g_hash_table_lookup_extended (known, text, NULL, &value))
    {
      *kind = (CaseReviewEnforcementKind) GPOINTER_TO_UINT (value);
      return TRUE;
    }
  if (!case_review_enforcement_kind_parse (text, kind))
    return FALSE;
  if (g_hash_table_size (known) < MAX_REMEMBERED)
    g_hash_table_insert (known, g_strdup (text), GUINT_TO_POINTER (*kind));

  return TRUE;
}

/* The store's flag set for a flags field, splitting and normalizing each
 * distinct text once. */
static guint32
intern_flags (CaseStore  *store,
              GHashTable *known,
              const char *text)
{
  g_auto(GStrv) flags = NULL;
  gpointer value;
  guint32 flag_set;

  if (g_hash_table_lookup_extended (known, text, NULL, &value))
    return GPOINTER_TO_UINT (value);

  flags = case_review_split_flags (text);
  flag_set = case_store_intern_flags (store, (const char * const *) flags);
  if (g_hash_table_size (known) < MAX_REMEMBERED)
    g_hash_table_insert (known, g_strdup (text), GUINT_TO_POINTER (flag_set));

  return flag_set;
}

/* Sizes the store for the whole file from the bytes the first rows took,
 * so that it neither reallocates nor rehashes as it fills. The estimate
 * assumes rows of at least MIN_ROW_BYTES, so that odd first rows cannot
 * make it reserve much more than the file could hold. */
static void
reserve_rows (CaseStore *store,
              CsvTable  *open,
              guint      n_rows)
{
  goffset done = csv_reader_get_text_offset (open->reader);
  guint64 row_bytes, estimate;

  if (done <= 0 || open->size <= done)
    return;

  row_bytes = MAX ((guint64) done / n_rows + 1, MIN_ROW_BYTES);
  estimate = (guint64) open->size / row_bytes;
  case_store_reserve (store, (guint) MIN (estimate, G_MAXUINT32 / 4));
}

static gboolean
read_cases (CsvTable                    *open,
            CaseStore                   *store,
            const PopulationReadOptions *options,
            goffset                      total_size,
            goffset                      done_before,
            ProblemList                 *problems,
            GCancellable                *cancellable,
            GError                     **error)
{
  CsvRecord record;
  int positions[N_CASE_COLUMNS];
  gboolean failed = FALSE;
  guint header_line;
  guint n_rows = 0;
  /* The line each stored case came from, for "first at line N". */
  g_autoptr(GArray) row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  /* Ids of rows rejected for other reasons, so their duplicates are caught. */
  g_autoptr(GHashTable) rejected_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Kind and flags columns hold few distinct texts: parse each once. */
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) flag_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!csv_table_read_header (open, case_columns, N_CASE_COLUMNS, positions, problems, &failed, cancellable, error))
    return FALSE;
  header_line = open->header_line;

  while (csv_table_next_row (open, &record, problems, &failed, cancellable, error))
    {
      char *id, *agency_text, *kind_text, *date_text, *amount_text = NULL, *weight_text = NULL;
      const char *reason, *date_reason, *amount_reason = NULL, *weight_reason = NULL;
      gsize id_len;
      gboolean kind_ok;
      int agency = -1, existing = -1;
      CaseStoreProbe probe;
      CaseReviewEnforcementKind kind = CASE_REVIEW_ENFORCEMENT_KIND_OTHER;
      guint32 closed_on = 0;
      gint64 amount = CASE_STORE_NO_AMOUNT;
      double weight = 0;
      gboolean has_weight = FALSE;
      const char *flags = NULL;
      const char *title = NULL;
      gboolean row_ok = TRUE;

#define FIELD_LINE(column) (record.field_lines[positions[column]])
#define FIELD_COLUMN(column) (positions[column] + 1)
#define ROW_PROBLEM(code, column, ...)                                                  \
      G_STMT_START {                                                                    \
        g_autofree char *detail_ = g_strdup_printf (__VA_ARGS__);                       \
        row_ok = FALSE;                                                                 \
        problem_list_add (problems, code, "%s:%u:%d: %s", open->display_name,           \
                          FIELD_LINE (column), FIELD_COLUMN (column), detail_);         \
      } G_STMT_END

      if (++n_rows % CHECK_INTERVAL == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          report_progress (options, done_before + csv_reader_get_bytes_read (open->reader), total_size);
        }
      if (n_rows == ROWS_BEFORE_ESTIMATE && problem_list_is_empty (problems))
        reserve_rows (store, open, n_rows);

      if (!csv_table_check_width (open, &record, problems))
        {
          if (problem_list_is_full (problems))
            return FALSE;
          continue;
        }

      id = TRIMMED_FIELD (&record, positions[CASE_COLUMN_ID]);
      id_len = strlen (id);
      /* Looking the id up misses the cache: have its index slot fetched
       * while the other fields are parsed. Problems are still reported in
       * column order below. */
      case_store_prefetch_case (store, id, id_len);

      agency_text = TRIMMED_FIELD (&record, positions[CASE_COLUMN_AGENCY]);
      agency = population_resolve_agency (store, agency_text);
      kind_text = TRIMMED_FIELD (&record, positions[CASE_COLUMN_KIND]);
      kind_ok = parse_kind (kinds, kind_text, &kind);
      date_text = TRIMMED_FIELD (&record, positions[CASE_COLUMN_CLOSED_ON]);
      date_reason = case_review_parse_date (date_text, &closed_on);
      if (positions[CASE_COLUMN_AMOUNT] >= 0)
        {
          amount_text = TRIMMED_FIELD (&record, positions[CASE_COLUMN_AMOUNT]);
          if (amount_text[0] != '\0')
            amount_reason = case_review_parse_amount (amount_text, &amount);
        }
      if (positions[CASE_COLUMN_WEIGHT] >= 0)
        {
          weight_text = TRIMMED_FIELD (&record, positions[CASE_COLUMN_WEIGHT]);
          if (weight_text[0] != '\0')
            {
              weight_reason = case_review_parse_weight (weight_text, &weight);
              has_weight = TRUE;
            }
        }

      if ((reason = population_check_identifier (id)) != NULL)
        ROW_PROBLEM (CASE_REVIEW_ERROR_INVALID, CASE_COLUMN_ID, "%s", reason);
      else if ((existing = case_store_lookup_case (store, id, id_len, &probe)) >= 0)
        ROW_PROBLEM (CASE_REVIEW_ERROR_DUPLICATE, CASE_COLUMN_ID,
                     _("duplicate case id \"%s\" (first at line %u)"), id,
                     g_array_index (row_lines, guint, existing));
      else if (g_hash_table_size (rejected_ids) > 0 && g_hash_table_contains (rejected_ids, id))
        {
          existing = 0;
          ROW_PROBLEM (CASE_REVIEW_ERROR_DUPLICATE, CASE_COLUMN_ID,
                       _("duplicate case id \"%s\" (first at line %u)"), id,
                       GPOINTER_TO_UINT (g_hash_table_lookup (rejected_ids, id)));
        }
      if (agency < 0)
        ROW_PROBLEM (CASE_REVIEW_ERROR_NOT_FOUND, CASE_COLUMN_AGENCY,
                     _("unknown agency \"%s\": not the id or the name of any agency in the agencies file"),
                     agency_text);
      if (!kind_ok)
        ROW_PROBLEM (CASE_REVIEW_ERROR_INVALID, CASE_COLUMN_KIND,
                     _("unknown enforcement kind \"%s\" (expected 处罚, 强制, 检查, 许可, 其他 or penalty, coercion, inspection, licensing, other)"),
                     kind_text);
      if (date_reason != NULL)
        ROW_PROBLEM (CASE_REVIEW_ERROR_INVALID, CASE_COLUMN_CLOSED_ON,
                     _("invalid closing date \"%s\": %s"), date_text, date_reason);
      if (amount_reason != NULL)
        ROW_PROBLEM (CASE_REVIEW_ERROR_INVALID, CASE_COLUMN_AMOUNT,
                     _("invalid amount \"%s\": %s"), amount_text, amount_reason);
      if (weight_reason != NULL)
        ROW_PROBLEM (CASE_REVIEW_ERROR_INVALID, CASE_COLUMN_WEIGHT,
                     _("invalid risk weight \"%s\": %s"), weight_text, weight_reason);

      if (positions[CASE_COLUMN_FLAGS] >= 0 && record.lengths[positions[CASE_COLUMN_FLAGS]] > 0)
        flags = record.fields[positions[CASE_COLUMN_FLAGS]];

      if (positions[CASE_COLUMN_TITLE] >= 0 && record.lengths[positions[CASE_COLUMN_TITLE]] > 0)
        title = record.fields[positions[CASE_COLUMN_TITLE]];

#undef ROW_PROBLEM
#undef FIELD_COLUMN
#undef FIELD_LINE

      /* Once anything is wrong the store is thrown away; only keep looking
       * for problems, but remember ids for duplicate reports. */
      if (row_ok && id[0] != '\0' && existing < 0)
        {
          guint line = record.field_lines[positions[CASE_COLUMN_ID]];
          CaseRow row = {
            .id = id,
            .title = title,
            .amount = amount,
            .weight = weight,
            .closed_on = closed_on,
            .flag_set = flags != NULL ? intern_flags (store, flag_sets, flags) : 0,
            .agency = (guint16) agency,
            .kind = kind,
            .has_weight = has_weight,
          };

          case_store_insert_case (store, &probe, &row);
          g_array_append_val (row_lines, line);
        }
      else if (id[0] != '\0' && existing < 0)
        g_hash_table_insert (rejected_ids, g_strdup (id),
                             GUINT_TO_POINTER (record.field_lines[positions[CASE_COLUMN_ID]]));
      if (problem_list_is_full (problems))
        return FALSE;
    }

  if (failed || (error != NULL && *error != NULL))
    return FALSE;
  if (n_rows == 0)
    problem_list_add (problems, CASE_REVIEW_ERROR_INVALID,
                      _("%s:%u:1: the file has a header but no case files"), open->display_name, header_line + 1);

  return problem_list_is_empty (problems);
}

CaseStore *
population_read_csv (GFile                        *agencies,
                     GFile                        *cases,
                     const PopulationReadOptions  *options,
                     GPtrArray                    *problems_out,
                     GCancellable                 *cancellable,
                     GError                      **error)
{
  g_autoptr(CaseStore) store = case_store_new ();
  CsvTable agencies_csv = { 0 }, cases_csv = { 0 };
  ProblemList problems;
  GError *local_error = NULL;
  gboolean ok = FALSE;

  problem_list_init (&problems, problems_out, options->max_errors);

  if (!csv_table_open (&agencies_csv, agencies, options->encoding, cancellable, &local_error) ||
      !csv_table_open (&cases_csv, cases, options->encoding, cancellable, &local_error))
    goto out;

  if (read_agencies (&agencies_csv, store, &problems, cancellable, &local_error))
    ok = read_cases (&cases_csv, store, options, agencies_csv.size + cases_csv.size,
                     agencies_csv.size, &problems, cancellable, &local_error);

out:
  csv_table_close (&agencies_csv);
  csv_table_close (&cases_csv);

  if (local_error != NULL)
    {
      g_ptr_array_set_size (problems_out, 0);
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!ok)
    {
      problem_list_to_error (&problems, error);
      return NULL;
    }

  report_progress (options, 1, 1);
  return g_steal_pointer (&store);
}
