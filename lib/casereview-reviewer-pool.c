/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * CaseReviewReviewerPool:
 *
 * The pool of reviewers (评查人员库) a review draws from: a
 * [iface@Gio.ListModel] of [class@CaseReview.Reviewer], read from a CSV file
 * ([method@CaseReview.ReviewerPool.load_csv]) or built in code.
 *
 * Agencies belong to regions for the "avoid the same region" rule of an
 * [class@CaseReview.Assignment]: a reviewer's region is taken as the region
 * of the reviewer's agency, and
 * [method@CaseReview.ReviewerPool.set_agency_region] sets (or overrides) an
 * agency's region directly.
 *
 * Since: 0.1
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-csv-table.h"
#include "casereview-error.h"
#include "casereview-reviewer-pool.h"
#include "casereview-value-parsers.h"

struct _CaseReviewReviewerPool
{
  GObject parent_instance;

  GPtrArray *reviewers;          /* CaseReviewReviewer */
  GHashTable *by_id;             /* id → reviewer */
  GHashTable *agency_regions;    /* agency id → region, set explicitly */
};

static void case_review_reviewer_pool_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaseReviewReviewerPool, case_review_reviewer_pool, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, case_review_reviewer_pool_list_model_init))

static GType
case_review_reviewer_pool_get_item_type (GListModel *model)
{
  return CASE_REVIEW_TYPE_REVIEWER;
}

static guint
case_review_reviewer_pool_get_n_items (GListModel *model)
{
  return CASE_REVIEW_REVIEWER_POOL (model)->reviewers->len;
}

static gpointer
case_review_reviewer_pool_get_item (GListModel *model,
                                    guint       position)
{
  CaseReviewReviewerPool *self = CASE_REVIEW_REVIEWER_POOL (model);

  return position < self->reviewers->len ? g_object_ref (g_ptr_array_index (self->reviewers, position)) : NULL;
}

static void
case_review_reviewer_pool_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = case_review_reviewer_pool_get_item_type;
  iface->get_n_items = case_review_reviewer_pool_get_n_items;
  iface->get_item = case_review_reviewer_pool_get_item;
}

static void
case_review_reviewer_pool_finalize (GObject *object)
{
  CaseReviewReviewerPool *self = CASE_REVIEW_REVIEWER_POOL (object);

  g_ptr_array_unref (self->reviewers);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->agency_regions);

  G_OBJECT_CLASS (case_review_reviewer_pool_parent_class)->finalize (object);
}

static void
case_review_reviewer_pool_class_init (CaseReviewReviewerPoolClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = case_review_reviewer_pool_finalize;
}

static void
case_review_reviewer_pool_init (CaseReviewReviewerPool *self)
{
  self->reviewers = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->agency_regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * case_review_reviewer_pool_new:
 *
 * Creates an empty pool.
 *
 * Returns: (transfer full): a new pool
 *
 * Since: 0.1
 */
CaseReviewReviewerPool *
case_review_reviewer_pool_new (void)
{
  return g_object_new (CASE_REVIEW_TYPE_REVIEWER_POOL, NULL);
}

static void
append_reviewer (CaseReviewReviewerPool *self,
                 CaseReviewReviewer     *reviewer)
{
  g_ptr_array_add (self->reviewers, g_object_ref (reviewer));
  g_hash_table_insert (self->by_id, (gpointer) case_review_reviewer_get_id (reviewer), reviewer);
}

/**
 * case_review_reviewer_pool_add:
 * @self: a pool
 * @reviewer: a reviewer
 * @error: return location for a #GError
 *
 * Adds a reviewer.
 *
 * Returns: %TRUE on success; %FALSE with %CASE_REVIEW_ERROR_DUPLICATE when a
 *   reviewer with the same id is in the pool, or %CASE_REVIEW_ERROR_INVALID
 *   for an empty id
 *
 * Since: 0.1
 */
gboolean
case_review_reviewer_pool_add (CaseReviewReviewerPool  *self,
                               CaseReviewReviewer      *reviewer,
                               GError                 **error)
{
  const char *id;

  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER_POOL (self), FALSE);
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER (reviewer), FALSE);

  id = case_review_reviewer_get_id (reviewer);
  if (id[0] == '\0')
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID, _("reviewer: the id is empty"));
      return FALSE;
    }
  if (g_hash_table_contains (self->by_id, id))
    {
      g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_DUPLICATE,
                   _("reviewer \"%s\": a reviewer with this id is already in the pool"), id);
      return FALSE;
    }

  append_reviewer (self, reviewer);
  g_list_model_items_changed (G_LIST_MODEL (self), self->reviewers->len - 1, 0, 1);
  return TRUE;
}

/**
 * case_review_reviewer_pool_lookup:
 * @self: a pool
 * @id: a reviewer id
 *
 * Finds a reviewer.
 *
 * Returns: (transfer none) (nullable): the reviewer, or %NULL
 *
 * Since: 0.1
 */
CaseReviewReviewer *
case_review_reviewer_pool_lookup (CaseReviewReviewerPool *self,
                                  const char             *id)
{
  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER_POOL (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * case_review_reviewer_pool_set_agency_region:
 * @self: a pool
 * @agency_id: an agency id
 * @region: (nullable): the agency's region, or %NULL to derive it from the
 *   reviewers again
 *
 * Sets the region of an agency for the "avoid the same region" rule.
 *
 * Since: 0.1
 */
void
case_review_reviewer_pool_set_agency_region (CaseReviewReviewerPool *self,
                                             const char             *agency_id,
                                             const char             *region)
{
  g_return_if_fail (CASE_REVIEW_IS_REVIEWER_POOL (self));
  g_return_if_fail (agency_id != NULL);

  if (region == NULL)
    g_hash_table_remove (self->agency_regions, agency_id);
  else
    g_hash_table_insert (self->agency_regions, g_strdup (agency_id), g_strdup (region));
}

/**
 * case_review_reviewer_pool_get_agency_region:
 * @self: a pool
 * @agency_id: an agency id
 *
 * The region of an agency: the one set with
 * [method@CaseReview.ReviewerPool.set_agency_region], otherwise the region of
 * the first reviewer (by id) who works for the agency and has one.
 *
 * Returns: (nullable): the region, or %NULL when unknown
 *
 * Since: 0.1
 */
const char *
case_review_reviewer_pool_get_agency_region (CaseReviewReviewerPool *self,
                                             const char             *agency_id)
{
  const char *region, *best_id = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER_POOL (self), NULL);
  g_return_val_if_fail (agency_id != NULL, NULL);

  if ((region = g_hash_table_lookup (self->agency_regions, agency_id)) != NULL)
    return region;

  for (guint i = 0; i < self->reviewers->len; i++)
    {
      CaseReviewReviewer *reviewer = g_ptr_array_index (self->reviewers, i);

      if (g_strcmp0 (case_review_reviewer_get_agency_id (reviewer), agency_id) == 0 &&
          case_review_reviewer_get_region (reviewer) != NULL &&
          (best_id == NULL || strcmp (case_review_reviewer_get_id (reviewer), best_id) < 0))
        {
          best_id = case_review_reviewer_get_id (reviewer);
          region = case_review_reviewer_get_region (reviewer);
        }
    }
  return region;
}

static int
compare_reviewers_by_id (gconstpointer a,
                         gconstpointer b)
{
  return strcmp (case_review_reviewer_get_id (*(CaseReviewReviewer * const *) a),
                 case_review_reviewer_get_id (*(CaseReviewReviewer * const *) b));
}

/**
 * case_review_reviewer_pool_dup_fingerprint:
 * @self: a pool
 *
 * Identifies the pool's content for assignment manifests: the SHA-256 of
 * one line per reviewer in id order, each the compact JSON array
 * `[id, name, agency, region, [kinds], capacity, [conflicts]]` (absent values
 * `null`, kinds by name in their enum order), followed by one line per
 * explicitly set agency region, `["region", agency, region]`, in agency
 * order.
 *
 * Returns: (transfer full): 64 hexadecimal digits
 *
 * Since: 0.1
 */
char *
case_review_reviewer_pool_dup_fingerprint (CaseReviewReviewerPool *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GList) agencies = NULL;

  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER_POOL (self), NULL);

  sorted = g_ptr_array_copy (self->reviewers, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_reviewers_by_id);

  for (guint i = 0; i < sorted->len; i++)
    {
      CaseReviewReviewer *reviewer = g_ptr_array_index (sorted, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *line = NULL;
      const char * const *conflicts = case_review_reviewer_get_conflicts (reviewer);

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, case_review_reviewer_get_id (reviewer));
      json_builder_add_string_value (builder, case_review_reviewer_get_name (reviewer));
      if (case_review_reviewer_get_agency_id (reviewer) != NULL)
        json_builder_add_string_value (builder, case_review_reviewer_get_agency_id (reviewer));
      else
        json_builder_add_null_value (builder);
      if (case_review_reviewer_get_region (reviewer) != NULL)
        json_builder_add_string_value (builder, case_review_reviewer_get_region (reviewer));
      else
        json_builder_add_null_value (builder);
      json_builder_begin_array (builder);
      for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
        if (case_review_reviewer_may_review (reviewer, k))
          json_builder_add_string_value (builder, case_review_enforcement_kind_get_name (k));
      json_builder_end_array (builder);
      json_builder_add_int_value (builder, case_review_reviewer_get_capacity (reviewer));
      json_builder_begin_array (builder);
      for (guint c = 0; conflicts[c] != NULL; c++)
        json_builder_add_string_value (builder, conflicts[c]);
      json_builder_end_array (builder);
      json_builder_end_array (builder);

      node = json_builder_get_root (builder);
      line = json_to_string (node, FALSE);
      g_checksum_update (checksum, (const guchar *) line, strlen (line));
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }

  agencies = g_list_sort (g_hash_table_get_keys (self->agency_regions), (GCompareFunc) strcmp);
  for (GList *l = agencies; l != NULL; l = l->next)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *line = NULL;

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "region");
      json_builder_add_string_value (builder, l->data);
      json_builder_add_string_value (builder, g_hash_table_lookup (self->agency_regions, l->data));
      json_builder_end_array (builder);
      node = json_builder_get_root (builder);
      line = json_to_string (node, FALSE);
      g_checksum_update (checksum, (const guchar *) line, strlen (line));
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

typedef enum {
  COLUMN_ID,
  COLUMN_NAME,
  COLUMN_AGENCY,
  COLUMN_REGION,
  COLUMN_KINDS,
  COLUMN_CAPACITY,
  COLUMN_CONFLICTS,
  N_COLUMNS
} Column;

static const CsvColumn columns[N_COLUMNS] = {
  [COLUMN_ID] = { "编号", "id", { "人员编号", NULL, NULL }, TRUE },
  [COLUMN_NAME] = { "姓名", "name", { NULL, NULL, NULL }, TRUE },
  [COLUMN_AGENCY] = { "所在单位", "agency", { "单位", "agency_id", NULL }, FALSE },
  [COLUMN_REGION] = { "片区", "region", { "区域", NULL, NULL }, FALSE },
  [COLUMN_KINDS] = { "可评查类别", "kinds", { "评查类别", NULL, NULL }, FALSE },
  [COLUMN_CAPACITY] = { "最多案卷数", "capacity", { NULL, NULL, NULL }, FALSE },
  [COLUMN_CONFLICTS] = { "回避单位", "conflicts", { NULL, NULL, NULL }, FALSE },
};

/**
 * case_review_reviewer_pool_load_csv:
 * @self: a pool
 * @file: a reviewers CSV (columns 编号/id, 姓名/name, 所在单位/agency,
 *   片区/region, 可评查类别/kinds, 最多案卷数/capacity, 回避单位/conflicts)
 * @encoding: the file's encoding, or %CASE_REVIEW_TEXT_ENCODING_AUTO
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the pool's reviewers with those of a CSV file, read by the same
 * rules as populations (`docs/formats.md`). Kinds and conflicts are lists
 * separated by `;`, `；` or `、`; an empty kinds field means every kind, an
 * empty capacity no limit. All or nothing.
 *
 * Returns: %TRUE on success; %FALSE with a [error@CaseReview.Error] located
 *   as `file:line:column` otherwise, the pool unchanged
 *
 * Since: 0.1
 */
gboolean
case_review_reviewer_pool_load_csv (CaseReviewReviewerPool  *self,
                                    GFile                   *file,
                                    CaseReviewTextEncoding   encoding,
                                    GCancellable            *cancellable,
                                    GError                 **error)
{
  g_autoptr(GPtrArray) problem_array = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) first_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ProblemList problems;
  CsvTable table;
  CsvRecord record;
  int positions[N_COLUMNS];
  gboolean failed = FALSE;
  GError *io_error = NULL;
  guint old_n;

  g_return_val_if_fail (CASE_REVIEW_IS_REVIEWER_POOL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

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
          const char *id, *name, *agency = NULL, *region = NULL;
          g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (CaseReviewEnforcementKind));
          g_auto(GStrv) conflicts = NULL;
          guint capacity = 0;
          guint line;

#define FIELD(column) (positions[column] >= 0 ? csv_field_trim (record.fields[positions[column]]) : "")
#define AT(column) table.display_name, record.field_lines[positions[column]], positions[column] + 1

          if (!csv_table_check_width (&table, &record, &problems))
            break;

          id = FIELD (COLUMN_ID);
          name = FIELD (COLUMN_NAME);
          agency = FIELD (COLUMN_AGENCY);
          region = FIELD (COLUMN_REGION);
          line = record.field_lines[positions[COLUMN_ID]];

          if (id[0] == '\0')
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: the reviewer id is empty"), AT (COLUMN_ID));
              break;
            }
          if (g_hash_table_contains (first_lines, id))
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_DUPLICATE,
                                _("%s:%u:%d: duplicate reviewer id \"%s\" (first at line %u)"), AT (COLUMN_ID), id,
                                GPOINTER_TO_UINT (g_hash_table_lookup (first_lines, id)));
              break;
            }
          if (name[0] == '\0')
            {
              problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:%d: the reviewer's name is empty"),
                                AT (COLUMN_NAME));
              break;
            }
          if (positions[COLUMN_KINDS] >= 0)
            {
              g_auto(GStrv) names = case_review_split_flags (FIELD (COLUMN_KINDS));

              for (guint i = 0; names[i] != NULL; i++)
                {
                  CaseReviewEnforcementKind kind;

                  if (!case_review_enforcement_kind_parse (names[i], &kind))
                    {
                      problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                        _("%s:%u:%d: unknown enforcement kind \"%s\""), AT (COLUMN_KINDS), names[i]);
                      break;
                    }
                  g_array_append_val (kinds, kind);
                }
              if (!problem_list_is_empty (&problems))
                break;
            }
          if (positions[COLUMN_CAPACITY] >= 0 && FIELD (COLUMN_CAPACITY)[0] != '\0')
            {
              const char *text = FIELD (COLUMN_CAPACITY);
              guint64 value;

              if (!g_ascii_string_to_unsigned (text, 10, 0, 100000, &value, NULL))
                {
                  problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID,
                                    _("%s:%u:%d: capacity \"%s\" is not a whole number from 0 to 100000"),
                                    AT (COLUMN_CAPACITY), text);
                  break;
                }
              capacity = (guint) value;
            }
          if (positions[COLUMN_CONFLICTS] >= 0)
            conflicts = case_review_split_flags (FIELD (COLUMN_CONFLICTS));
#undef AT
#undef FIELD

          g_ptr_array_add (loaded, case_review_reviewer_new_full (id, name, agency, region,
                                                                  (CaseReviewEnforcementKind *) (gpointer) kinds->data,
                                                                  kinds->len, capacity, (const char * const *) conflicts));
          g_hash_table_insert (first_lines, g_strdup (id), GUINT_TO_POINTER (line));
        }
      if (problem_list_is_empty (&problems) && !failed && io_error == NULL && loaded->len == 0)
        problem_list_add (&problems, CASE_REVIEW_ERROR_INVALID, _("%s:%u:1: the file has a header but no reviewers"),
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

  old_n = self->reviewers->len;
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->reviewers, 0);
  for (guint i = 0; i < loaded->len; i++)
    append_reviewer (self, g_ptr_array_index (loaded, i));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->reviewers->len);
  return TRUE;
}
