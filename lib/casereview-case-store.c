/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>

#include "casereview-case-file-private.h"
#include "casereview-case-store.h"

struct _CaseStore
{
  GPtrArray *agencies;           /* CaseReviewAgency */
  GHashTable *agency_by_id;      /* id → index + 1 */
  GHashTable *agency_by_name;    /* name → index + 1 */

  GArray *rows;                  /* CaseRow */
  GStringChunk *strings;         /* ids and titles */
  guint32 *index;                /* open addressing: row + 1, 0 = empty */
  guint32 index_mask;

  GPtrArray *flag_sets;          /* char ** in the arena; [0] is the empty set */
  GHashTable *flag_set_by_key;   /* "a\x1fb" → index */

  GArray *counts;                /* guint per agency × kind */
  guint32 first_closed_on;
  guint32 last_closed_on;

  char *fingerprint;             /* cached, dropped on change */
};

static const char *empty_flags[] = { NULL };

CaseStore *
case_store_new (void)
{
  CaseStore *store = g_new0 (CaseStore, 1);

  store->agencies = g_ptr_array_new_with_free_func (g_object_unref);
  store->agency_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  store->agency_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  store->rows = g_array_new (FALSE, FALSE, sizeof (CaseRow));
  store->strings = g_string_chunk_new (256 * 1024);
  store->index_mask = 1023;
  store->index = g_new0 (guint32, store->index_mask + 1);
  store->flag_sets = g_ptr_array_new ();
  g_ptr_array_add (store->flag_sets, empty_flags);
  store->flag_set_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (store->flag_set_by_key, (gpointer) "", GUINT_TO_POINTER (0));
  store->counts = g_array_new (FALSE, TRUE, sizeof (guint));

  return store;
}

void
case_store_free (CaseStore *store)
{
  if (store == NULL)
    return;

  g_ptr_array_unref (store->agencies);
  g_hash_table_unref (store->agency_by_id);
  g_hash_table_unref (store->agency_by_name);
  g_array_unref (store->rows);
  g_string_chunk_free (store->strings);
  g_free (store->index);
  for (guint i = 1; i < store->flag_sets->len; i++)
    g_free (g_ptr_array_index (store->flag_sets, i));
  g_ptr_array_unref (store->flag_sets);
  g_hash_table_unref (store->flag_set_by_key);
  g_array_unref (store->counts);
  g_free (store->fingerprint);
  g_free (store);
}

guint
case_store_get_n_agencies (CaseStore *store)
{
  return store->agencies->len;
}

CaseReviewAgency *
case_store_get_agency (CaseStore *store,
                       guint      index)
{
  return g_ptr_array_index (store->agencies, index);
}

int
case_store_find_agency (CaseStore  *store,
                        const char *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (store->agency_by_id, id)) - 1;
}

int
case_store_find_agency_by_name (CaseStore  *store,
                                const char *name)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (store->agency_by_name, name)) - 1;
}

guint
case_store_add_agency (CaseStore        *store,
                       CaseReviewAgency *agency)
{
  guint index = store->agencies->len;

  g_assert (index < G_MAXUINT16);

  g_ptr_array_add (store->agencies, g_object_ref (agency));
  g_hash_table_insert (store->agency_by_id, (gpointer) case_review_agency_get_id (agency),
                       GUINT_TO_POINTER (index + 1));
  if (!g_hash_table_contains (store->agency_by_name, case_review_agency_get_name (agency)))
    g_hash_table_insert (store->agency_by_name, (gpointer) case_review_agency_get_name (agency),
                         GUINT_TO_POINTER (index + 1));
  g_array_set_size (store->counts, store->agencies->len * CASE_REVIEW_N_ENFORCEMENT_KINDS);
  g_clear_pointer (&store->fingerprint, g_free);

  return index;
}

guint
case_store_get_n_rows (CaseStore *store)
{
  return store->rows->len;
}

const CaseRow *
case_store_get_row (CaseStore *store,
                    guint      index)
{
  return &g_array_index (store->rows, CaseRow, index);
}

/* FNV-1a: fast on the short ids case numbers are, and good enough with a
 * table kept at most half full. */
static guint32
hash_id (const char *id)
{
  guint32 hash = 2166136261u;

  for (const guint8 *p = (const guint8 *) id; *p != '\0'; p++)
    hash = (hash ^ *p) * 16777619u;

  return hash;
}

int
case_store_find_case (CaseStore  *store,
                      const char *id)
{
  guint32 slot = hash_id (id) & store->index_mask;

  for (;;)
    {
      guint32 entry = store->index[slot];

      if (entry == 0)
        return -1;
      if (strcmp (g_array_index (store->rows, CaseRow, entry - 1).id, id) == 0)
        return (int) (entry - 1);
      slot = (slot + 1) & store->index_mask;
    }
}

static void
index_insert (CaseStore *store,
              guint32    row)
{
  guint32 slot = hash_id (g_array_index (store->rows, CaseRow, row).id) & store->index_mask;

  while (store->index[slot] != 0)
    slot = (slot + 1) & store->index_mask;
  store->index[slot] = row + 1;
}

static void
index_grow (CaseStore *store)
{
  g_free (store->index);
  store->index_mask = store->index_mask * 2 + 1;
  store->index = g_new0 (guint32, store->index_mask + 1);
  for (guint32 row = 0; row < store->rows->len; row++)
    index_insert (store, row);
}

static guint32
intern_flag_set (CaseStore          *store,
                 const char * const *flags)
{
  g_auto(GStrv) normalized = NULL;
  g_autofree char *key = NULL;
  gpointer existing;
  char **set;
  guint n;

  if (flags == NULL || flags[0] == NULL)
    return 0;

  normalized = case_review_case_file_normalize_flags (flags);
  if (normalized[0] == NULL)
    return 0;

  key = g_strjoinv ("\x1f", normalized);
  if (g_hash_table_lookup_extended (store->flag_set_by_key, key, NULL, &existing))
    return GPOINTER_TO_UINT (existing);

  n = g_strv_length (normalized);
  set = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    set[i] = g_string_chunk_insert_const (store->strings, normalized[i]);
  g_ptr_array_add (store->flag_sets, set);
  g_hash_table_insert (store->flag_set_by_key, g_string_chunk_insert_const (store->strings, key),
                       GUINT_TO_POINTER (store->flag_sets->len - 1));

  return store->flag_sets->len - 1;
}

guint
case_store_add_case (CaseStore                *store,
                     const char               *id,
                     guint                     agency,
                     CaseReviewEnforcementKind kind,
                     guint32                   closed_on,
                     gint64                    amount,
                     gboolean                  has_weight,
                     double                    weight,
                     const char * const       *flags,
                     const char               *title)
{
  CaseRow row = {
    .id = g_string_chunk_insert (store->strings, id),
    /* Titles repeat a lot (the same 案由 across files): store each once. */
    .title = title != NULL ? g_string_chunk_insert_const (store->strings, title) : NULL,
    .amount = amount,
    .weight = has_weight ? weight : 0,
    .closed_on = closed_on,
    .flag_set = intern_flag_set (store, flags),
    .agency = agency,
    .kind = kind,
    .has_weight = has_weight,
  };
  guint index = store->rows->len;

  g_assert (agency < store->agencies->len);
  g_assert ((guint) kind < CASE_REVIEW_N_ENFORCEMENT_KINDS);

  g_array_append_val (store->rows, row);
  if ((guint64) store->rows->len * 2 > (guint64) store->index_mask + 1)
    index_grow (store);
  else
    index_insert (store, index);

  g_array_index (store->counts, guint, agency * CASE_REVIEW_N_ENFORCEMENT_KINDS + kind)++;
  if (index == 0 || closed_on < store->first_closed_on)
    store->first_closed_on = closed_on;
  if (index == 0 || closed_on > store->last_closed_on)
    store->last_closed_on = closed_on;
  g_clear_pointer (&store->fingerprint, g_free);

  return index;
}

const char * const *
case_store_get_flags (CaseStore     *store,
                      const CaseRow *row)
{
  return g_ptr_array_index (store->flag_sets, row->flag_set);
}

CaseReviewCaseFile *
case_store_make_case_file (CaseStore *store,
                           guint      index)
{
  const CaseRow *row = case_store_get_row (store, index);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, row->closed_on);

  return case_review_case_file_new_full (row->id,
                                         case_review_agency_get_id (case_store_get_agency (store, row->agency)),
                                         row->kind, &date, row->amount,
                                         row->has_weight ? row->weight : -1,
                                         case_store_get_flags (store, row),
                                         row->title);
}

guint
case_store_count (CaseStore *store,
                  int        agency,
                  int        kind)
{
  guint total = 0;

  for (guint a = 0; a < store->agencies->len; a++)
    {
      if (agency >= 0 && (guint) agency != a)
        continue;
      for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
        if (kind < 0 || (guint) kind == k)
          total += g_array_index (store->counts, guint, a * CASE_REVIEW_N_ENFORCEMENT_KINDS + k);
    }

  return total;
}

gboolean
case_store_get_date_range (CaseStore *store,
                           guint32   *first,
                           guint32   *last)
{
  if (store->rows->len == 0)
    return FALSE;

  *first = store->first_closed_on;
  *last = store->last_closed_on;
  return TRUE;
}

static int
compare_rows_by_id (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GArray *rows = user_data;

  return strcmp (g_array_index (rows, CaseRow, *(const guint *) a).id,
                 g_array_index (rows, CaseRow, *(const guint *) b).id);
}

/* Row indices in canonical order: case ids compared as UTF-8 byte strings. */
guint *
case_store_sorted_rows (CaseStore *store)
{
  guint *order = g_new (guint, MAX (store->rows->len, 1));

  for (guint i = 0; i < store->rows->len; i++)
    order[i] = i;
  g_qsort_with_data (order, store->rows->len, sizeof (guint), compare_rows_by_id, store->rows);

  return order;
}

static int
compare_agencies_by_id (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (case_review_agency_get_id (*(CaseReviewAgency * const *) a),
                 case_review_agency_get_id (*(CaseReviewAgency * const *) b));
}

/* Appends a field of the canonical serialization: backslash, tab, line feed
 * and carriage return are escaped so fields and records stay delimited. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: g_string_append_c (out, *p);
        }
    }
}

static void
flush_into (GChecksum *checksum,
            GString   *buffer,
            gsize      threshold)
{
  if (buffer->len >= threshold)
    {
      g_checksum_update (checksum, (const guchar *) buffer->str, buffer->len);
      g_string_truncate (buffer, 0);
    }
}

/* SHA-256 over the canonical serialization documented in docs/formats.md. */
char *
case_store_dup_fingerprint (CaseStore *store)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GString) buffer = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autofree guint *order = NULL;

  if (store->fingerprint != NULL)
    return g_strdup (store->fingerprint);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_string_sized_new (128 * 1024);
  g_string_append (buffer, "libcasereview-population-v1\n");

  /* The copy keeps the free function, so it takes references of its own. */
  agencies = g_ptr_array_copy (store->agencies, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_sort (agencies, compare_agencies_by_id);
  for (guint i = 0; i < agencies->len; i++)
    {
      CaseReviewAgency *agency = g_ptr_array_index (agencies, i);

      g_string_append (buffer, "agency\t");
      append_escaped (buffer, case_review_agency_get_id (agency));
      g_string_append_c (buffer, '\t');
      append_escaped (buffer, case_review_agency_get_name (agency));
      g_string_append_c (buffer, '\t');
      append_escaped (buffer, case_review_agency_get_short_name (agency));
      g_string_append_c (buffer, '\t');
      g_string_append (buffer, case_review_agency_category_get_name (case_review_agency_get_category (agency)));
      g_string_append_c (buffer, '\n');
    }

  order = case_store_sorted_rows (store);
  for (guint i = 0; i < store->rows->len; i++)
    {
      const CaseRow *row = case_store_get_row (store, order[i]);
      const char * const *flags = case_store_get_flags (store, row);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, row->closed_on);

      g_string_append (buffer, "case\t");
      append_escaped (buffer, row->id);
      g_string_append_c (buffer, '\t');
      append_escaped (buffer, case_review_agency_get_id (case_store_get_agency (store, row->agency)));
      g_string_append_printf (buffer, "\t%s\t%04u-%02u-%02u\t",
                              case_review_enforcement_kind_get_name (row->kind),
                              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
      if (row->amount != CASE_STORE_NO_AMOUNT)
        g_string_append_printf (buffer, "%" G_GINT64_FORMAT, row->amount);
      g_string_append_c (buffer, '\t');
      if (row->has_weight)
        {
          char weight[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append (buffer, g_ascii_formatd (weight, sizeof weight, "%.17g", row->weight));
        }
      g_string_append_c (buffer, '\t');
      for (guint f = 0; flags[f] != NULL; f++)
        {
          if (f > 0)
            g_string_append_c (buffer, ';');
          append_escaped (buffer, flags[f]);
        }
      g_string_append_c (buffer, '\t');
      append_escaped (buffer, row->title);
      g_string_append_c (buffer, '\n');
      flush_into (checksum, buffer, 64 * 1024);
    }
  flush_into (checksum, buffer, 0);

  store->fingerprint = g_strdup (g_checksum_get_string (checksum));
  return g_strdup (store->fingerprint);
}
