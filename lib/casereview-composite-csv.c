/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Composite evaluations as CSV: raw values read one row per value with
 * every problem located as file:line:column, and written back; results
 * written one row per subject.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-composite-private.h"
#include "casereview-csv-table.h"
#include "casereview-error.h"

/* Problems reported at once before a load gives up. */
#define MAX_PROBLEMS 20

typedef enum {
  COLUMN_SUBJECT,
  COLUMN_NAME,
  COLUMN_COMPONENT,
  COLUMN_SCORE,
  COLUMN_RATER,
  N_COLUMNS
} Column;

static const CsvColumn columns[N_COLUMNS] = {
  [COLUMN_SUBJECT] = { "对象编号", "subject_id", { "编号", "subject", "id" }, TRUE },
  [COLUMN_NAME] = { "对象名称", "subject_name", { "名称", "姓名", "name" }, TRUE },
  [COLUMN_COMPONENT] = { "指标", "component", { "评分项", "项目", "component_id" }, TRUE },
  [COLUMN_SCORE] = { "分数", "score", { "得分", "票数", "value" }, TRUE },
  [COLUMN_RATER] = { "评分人", "rater", { "专家", "评委", "expert" }, FALSE },
};

static Column
column_for_field (CompositeField field)
{
  switch (field)
    {
    case COMPOSITE_FIELD_SUBJECT: return COLUMN_SUBJECT;
    case COMPOSITE_FIELD_NAME: return COLUMN_NAME;
    case COMPOSITE_FIELD_COMPONENT: return COLUMN_COMPONENT;
    case COMPOSITE_FIELD_RATER: return COLUMN_RATER;
    case COMPOSITE_FIELD_VALUE:
    default: return COLUMN_SCORE;
    }
}

static char *
known_components (CaseReviewCompositeEvaluation *evaluation)
{
  GListModel *components = case_review_composite_evaluation_get_components (evaluation);
  GString *known = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (components); i++)
    {
      g_autoptr(CaseReviewCompositeComponent) component = g_list_model_get_item (components, i);
      g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", case_review_composite_component_get_id (component));
    }
  if (known->len == 0)
    g_string_append (known, _("no components"));
  return g_string_free (known, FALSE);
}

gboolean
composite_scores_load_csv (CompositeScores               *scores,
                           CaseReviewCompositeEvaluation *evaluation,
                           GFile                         *file,
                           CaseReviewTextEncoding         encoding,
                           GCancellable                  *cancellable,
                           GError                       **error)
{
  g_autoptr(GPtrArray) problem_array = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  ProblemList problems;
  CsvTable table;
  CsvRecord record;
  int positions[N_COLUMNS];
  gboolean failed = FALSE;
  GError *io_error = NULL;
  guint n_rows = 0;

  problem_list_init (&problems, problem_array, MAX_PROBLEMS);
  if (!csv_table_open (&table, file, encoding, cancellable, error))
    {
      csv_table_close (&table);
      return FALSE;
    }

  if (csv_table_read_header (&table, columns, N_COLUMNS, positions, &problems, &failed, cancellable, &io_error))
    {
      while (!problem_list_is_full (&problems) &&
             csv_table_next_row (&table, &record, &problems, &failed, cancellable, &io_error))
        {
          const char *subject_id, *name, *component_id, *value, *rater;
          CaseReviewCompositeComponent *component;
          g_autoptr(GError) row_error = NULL;
          CompositeField field = COMPOSITE_FIELD_VALUE;
          gint64 parsed;

#define FIELD(column) (positions[column] >= 0 ? csv_field_trim (record.fields[positions[column]]) : "")
#define AT(column) table.display_name, record.field_lines[positions[column]], positions[column] + 1

          if (!csv_table_check_width (&table, &record, &problems))
            break;
          n_rows++;

          subject_id = FIELD (COLUMN_SUBJECT);
          name = FIELD (COLUMN_NAME);
          component_id = FIELD (COLUMN_COMPONENT);
          value = FIELD (COLUMN_SCORE);
          rater = FIELD (COLUMN_RATER);

          if (!composite_scores_add_subject (scores, subject_id, name, TRUE, &row_error))
            {
              Column column = subject_id[0] == '\0' ? COLUMN_SUBJECT : COLUMN_NAME;

              problem_list_add (&problems, row_error->code, "%s:%u:%d: %s", AT (column), row_error->message);
              continue;
            }
          if (component_id[0] == '\0' && value[0] == '\0')
            continue;   /* a subject without values */
          if (component_id[0] == '\0')
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                _("%s:%u:%d: subject \"%s\": the component is empty"), AT (COLUMN_COMPONENT), subject_id);
              continue;
            }
          component = case_review_composite_evaluation_lookup_component (evaluation, component_id);
          if (component == NULL)
            {
              g_autofree char *known = known_components (evaluation);

              problem_list_add (&problems, CASE_REVIEW_ERROR_NOT_FOUND,
                                _("%s:%u:%d: subject \"%s\": unknown component \"%s\" (the evaluation has %s)"),
                                AT (COLUMN_COMPONENT), subject_id, component_id, known);
              continue;
            }
          if (value[0] == '\0')
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                _("%s:%u:%d: subject \"%s\", component \"%s\": the score is empty"),
                                AT (COLUMN_SCORE), subject_id, component_id);
              continue;
            }
          if (!composite_parse_value (component, subject_id, value, &parsed, &row_error) ||
              !composite_scores_add_value (scores, subject_id, component, rater, parsed, &field, &row_error))
            {
              Column column = column_for_field (field);

              if (positions[column] < 0)
                column = COLUMN_SCORE;
              problem_list_add (&problems, row_error->code, "%s:%u:%d: %s", AT (column), row_error->message);
              continue;
            }
#undef AT
#undef FIELD
        }
      if (problem_list_is_empty (&problems) && !failed && io_error == NULL && n_rows == 0)
        problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:1: the file has a header but no scores"),
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
  return TRUE;
}

/* Appends a CSV field, quoted when it needs to be. */
static void
append_field (GString    *csv,
              const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL && (text[0] == '\0' || (!g_ascii_isspace (text[0]) &&
                                                                  !g_ascii_isspace (text[strlen (text) - 1]))))
    {
      g_string_append (csv, text);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_row (GString            *csv,
            const char * const *fields,
            guint               n_fields)
{
  for (guint f = 0; f < n_fields; f++)
    {
      if (f > 0)
        g_string_append_c (csv, ',');
      append_field (csv, fields[f] != NULL ? fields[f] : "");
    }
  g_string_append (csv, "\r\n");
}

char *
composite_scores_to_csv (CompositeScores               *scores,
                         CaseReviewCompositeEvaluation *evaluation)
{
  GListModel *components = case_review_composite_evaluation_get_components (evaluation);
  GString *csv = g_string_new ("\xef\xbb\xbf" "subject_id,subject_name,component,score,rater\r\n");

  for (guint s = 0; s < scores->subjects->len; s++)
    {
      CompositeSubject *subject = g_ptr_array_index (scores->subjects, s);
      guint n_written = 0;

      for (guint c = 0; c < g_list_model_get_n_items (components); c++)
        {
          g_autoptr(CaseReviewCompositeComponent) component = g_list_model_get_item (components, c);
          const char *component_id = case_review_composite_component_get_id (component);
          gboolean votes = case_review_composite_component_get_rule (component) == CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE;
          CompositeValues *values = composite_subject_lookup (subject, component_id);

          for (guint v = 0; values != NULL && v < values->values->len; v++)
            {
              gint64 value = g_array_index (values->values, gint64, v);
              g_autofree char *text = votes ? g_strdup_printf ("%" G_GINT64_FORMAT, value)
                                            : composite_format_hundredths ((guint) value);
              const char *row[] = { subject->id, subject->name, component_id, text,
                                    g_ptr_array_index (values->raters, v) };

              append_row (csv, row, G_N_ELEMENTS (row));
              n_written++;
            }
        }
      if (n_written == 0)
        {
          const char *row[] = { subject->id, subject->name, "", "", "" };
          append_row (csv, row, G_N_ELEMENTS (row));
        }
    }
  return g_string_free (csv, FALSE);
}

char *
composite_results_to_csv (CaseReviewCompositeEvaluation *evaluation,
                          GListModel                    *results)
{
  GListModel *components = case_review_composite_evaluation_get_components (evaluation);
  guint n_components = g_list_model_get_n_items (components);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  GString *csv = g_string_new ("\xef\xbb\xbf");

  g_ptr_array_add (header, g_strdup ("rank"));
  g_ptr_array_add (header, g_strdup ("subject_id"));
  g_ptr_array_add (header, g_strdup ("subject_name"));
  for (guint c = 0; c < n_components; c++)
    {
      g_autoptr(CaseReviewCompositeComponent) component = g_list_model_get_item (components, c);
      const char *id = case_review_composite_component_get_id (component);

      if (case_review_composite_component_get_rule (component) == CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE)
        g_ptr_array_add (header, g_strdup_printf ("%s_votes", id));
      g_ptr_array_add (header, g_strdup (id));
    }
  g_ptr_array_add (header, g_strdup ("total"));
  g_ptr_array_add (header, g_strdup ("bottom"));
  g_ptr_array_add (header, g_strdup ("below_floor"));
  g_ptr_array_add (header, g_strdup ("missing"));
  append_row (csv, (const char * const *) header->pdata, header->len);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CaseReviewCompositeResult) result = g_list_model_get_item (results, i);
      g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *missing = g_strjoinv (";", (char **) case_review_composite_result_get_missing_components (result));

      g_ptr_array_add (row, g_strdup_printf ("%u", case_review_composite_result_get_rank (result)));
      g_ptr_array_add (row, g_strdup (case_review_composite_result_get_subject_id (result)));
      g_ptr_array_add (row, g_strdup (case_review_composite_result_get_subject_name (result)));
      for (guint c = 0; c < n_components; c++)
        {
          g_autoptr(CaseReviewCompositeComponent) component = g_list_model_get_item (components, c);
          const char *id = case_review_composite_component_get_id (component);
          gint64 votes = case_review_composite_result_get_component_votes (result, id);

          if (case_review_composite_component_get_rule (component) == CASE_REVIEW_COMPOSITE_RULE_VOTE_SHARE)
            g_ptr_array_add (row, g_strdup_printf ("%" G_GINT64_FORMAT, votes));
          g_ptr_array_add (row, composite_format_hundredths (
                                  (guint) case_review_composite_result_get_component_score_hundredths (result, id)));
        }
      g_ptr_array_add (row, composite_format_hundredths (case_review_composite_result_get_total_hundredths (result)));
      g_ptr_array_add (row, g_strdup (case_review_composite_result_is_bottom (result) ? "1" : "0"));
      g_ptr_array_add (row, g_strdup (case_review_composite_result_is_below_floor (result) ? "1" : "0"));
      g_ptr_array_add (row, g_steal_pointer (&missing));
      append_row (csv, (const char * const *) row->pdata, row->len);
    }
  return g_string_free (csv, FALSE);
}
