/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>

#include "casereview-case-file-private.h"
#include "casereview-case-store.h"

/* A hint to start loading memory that will be needed soon. */
#ifdef __GNUC__
#define prefetch(address) __builtin_prefetch (address)
#else
#define prefetch(address) ((void) (address))
#endif

/* One slot of the id index. Keeping the hash next to the row lets most
 * probes and every rehash skip the row and its id, two cache misses away. */
typedef struct
{
  guint32 row;                   /* row + 1, 0 = empty */
  guint32 hash;
} IndexSlot;

struct _CaseStore
{
  GPtrArray *agencies;           /* CaseReviewAgency */
  GHashTable *agency_by_id;      /* id → index + 1 */
  GHashTable *agency_by_name;    /* name → index + 1 */

  CaseRow *rows;
  guint n_rows;
  guint rows_size;               /* allocated */
  GStringChunk *strings;         /* ids and titles */
  GHashTable *titles;            /* the titles in strings, each stored once */
  IndexSlot *index;              /* open addressing, at most half full */
  guint32 index_mask;

  GPtrArray *flag_sets;          /* char ** in the arena; [0] is the empty set */
  GHashTable *flag_set_by_key;   /* "a\x1fb" → index */

  GArray *counts;                /* guint per agency × kind */
  guint32 first_closed_on;
  guint32 last_closed_on;

  char *fingerprint;             /* cached, dropped on change */
  guint *sorted_rows;            /* canonical order, cached likewise */
  char *derived_key;             /* one derived structure (the sampler's
                                  * strata), cached likewise */
  gpointer derived;
  GDestroyNotify derived_free;
};

static const char *empty_flags[] = { NULL };

/* A multiply-xorshift hash over 8-byte words: case ids and titles are
 * 20–60 bytes, which byte-at-a-time hashes such as g_str_hash() take
 * several times longer over. The value never leaves the process, so byte
 * order does not matter. */
static guint32
hash_bytes (const char *bytes,
            gsize       len)
{
  guint64 hash = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ len;
  guint64 word;

  for (; len >= 8; bytes += 8, len -= 8)
    {
      memcpy (&word, bytes, 8);
      hash = (hash ^ word) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      hash ^= hash >> 32;
    }
  word = 0;
  memcpy (&word, bytes, len);
  hash = (hash ^ word) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  hash ^= hash >> 29;
  hash *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);

  return (guint32) (hash >> 32);
}

static guint
hash_text (gconstpointer text)
{
  return hash_bytes (text, strlen (text));
}

CaseStore *
case_store_new (void)
{
  CaseStore *store = g_new0 (CaseStore, 1);

  store->agencies = g_ptr_array_new_with_free_func (g_object_unref);
  store->agency_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  store->agency_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  store->strings = g_string_chunk_new (256 * 1024);
  store->titles = g_hash_table_new (hash_text, g_str_equal);
  store->index_mask = 1023;
  store->index = g_new0 (IndexSlot, store->index_mask + 1);
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
  g_free (store->rows);
  g_hash_table_unref (store->titles);
  g_string_chunk_free (store->strings);
  g_free (store->index);
  for (guint i = 1; i < store->flag_sets->len; i++)
    g_free (g_ptr_array_index (store->flag_sets, i));
  g_ptr_array_unref (store->flag_sets);
  g_hash_table_unref (store->flag_set_by_key);
  g_array_unref (store->counts);
  g_free (store->fingerprint);
  g_free (store->sorted_rows);
  case_store_set_derived (store, NULL, NULL, NULL);
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
  g_clear_pointer (&store->sorted_rows, g_free);
  case_store_set_derived (store, NULL, NULL, NULL);

  return index;
}

guint
case_store_get_n_rows (CaseStore *store)
{
  return store->n_rows;
}

const CaseRow *
case_store_get_row (CaseStore *store,
                    guint      index)
{
  return &store->rows[index];
}

/* The slot holding @id, or the empty slot where it would go. */
static guint32
index_probe (CaseStore  *store,
             const char *id,
             guint32     hash)
{
  guint32 slot = hash & store->index_mask;

  for (;; slot = (slot + 1) & store->index_mask)
    {
      const IndexSlot *entry = &store->index[slot];

      if (entry->row == 0 ||
          (entry->hash == hash && strcmp (store->rows[entry->row - 1].id, id) == 0))
        return slot;
    }
}

static guint32
index_find_empty (CaseStore *store,
                  guint32    hash)
{
  guint32 slot = hash & store->index_mask;

  while (store->index[slot].row != 0)
    slot = (slot + 1) & store->index_mask;

  return slot;
}

/* Rebuilds the index with at least @n_slots slots, from the stored hashes. */
static void
index_resize (CaseStore *store,
              guint64    n_slots)
{
  IndexSlot *old = store->index;
  guint32 old_size = store->index_mask + 1;
  guint64 size = (guint64) store->index_mask + 1;

  while (size < n_slots)
    size *= 2;
  g_assert (size <= G_MAXUINT32);
  if (size == old_size)
    return;

  store->index = g_new0 (IndexSlot, size);
  store->index_mask = (guint32) (size - 1);
  for (guint32 i = 0; i < old_size; i++)
    if (old[i].row != 0)
      store->index[index_find_empty (store, old[i].hash)] = old[i];
  g_free (old);
}

static void
rows_reserve (CaseStore *store,
              guint      n_rows)
{
  guint size;

  if (n_rows <= store->rows_size)
    return;

  size = MAX (store->rows_size, 1024);
  while (size < n_rows)
    size = size <= G_MAXUINT / 2 ? size * 2 : G_MAXUINT;
  store->rows = g_renew (CaseRow, store->rows, size);
  store->rows_size = size;
}

/* Makes room for @n_rows rows in all, so that loading a large file neither
 * reallocates the rows nor rehashes the index as it goes. */
void
case_store_reserve (CaseStore *store,
                    guint      n_rows)
{
  rows_reserve (store, n_rows);
  index_resize (store, (guint64) n_rows * 2);
}

int
case_store_find_case (CaseStore  *store,
                      const char *id)
{
  CaseStoreProbe probe;

  return case_store_lookup_case (store, id, strlen (id), &probe);
}

/* Starts fetching the index slot of @id into the cache, for a lookup soon. */
void
case_store_prefetch_case (CaseStore  *store,
                          const char *id,
                          gsize       id_len)
{
  prefetch (&store->index[hash_bytes (id, id_len) & store->index_mask]);
}

/* The row of @id (@id_len bytes, NUL-terminated), or -1 with @probe filled
 * for case_store_insert_case(). */
int
case_store_lookup_case (CaseStore      *store,
                        const char     *id,
                        gsize           id_len,
                        CaseStoreProbe *probe)
{
  guint32 hash = hash_bytes (id, id_len);
  guint32 slot = index_probe (store, id, hash);

  if (store->index[slot].row != 0)
    return (int) (store->index[slot].row - 1);

  probe->hash = hash;
  probe->slot = slot;
  probe->id_len = id_len;
  probe->n_rows = store->n_rows;
  probe->index_mask = store->index_mask;
  return -1;
}

/* The index of the normalized set of @flags, adding it if new. */
guint32
case_store_intern_flags (CaseStore          *store,
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

/* Titles repeat a lot (the same 案由 across files): store each once. */
static const char *
intern_title (CaseStore  *store,
              const char *title)
{
  char *stored = g_hash_table_lookup (store->titles, title);

  if (stored == NULL)
    {
      stored = g_string_chunk_insert (store->strings, title);
      g_hash_table_add (store->titles, stored);
    }

  return stored;
}

/* Appends @row, its id copied from @id_len bytes at @row->id, into index
 * slot @slot (which must be empty) unless the index has to grow first. */
static guint
append_row (CaseStore     *store,
            const CaseRow *row,
            gsize          id_len,
            guint32        hash,
            guint32        slot)
{
  guint index = store->n_rows;
  CaseRow *stored;

  g_assert (row->agency < store->agencies->len);
  g_assert ((guint) row->kind < CASE_REVIEW_N_ENFORCEMENT_KINDS);
  g_assert (row->flag_set < store->flag_sets->len);
  g_assert (index < G_MAXUINT32 - 1);

  if ((guint64) (index + 1) * 2 > (guint64) store->index_mask + 1)
    {
      index_resize (store, (guint64) (index + 1) * 2);
      slot = index_find_empty (store, hash);
    }
  rows_reserve (store, index + 1);

  stored = &store->rows[index];
  *stored = *row;
  stored->id = g_string_chunk_insert_len (store->strings, row->id, id_len);
  stored->title = row->title != NULL ? intern_title (store, row->title) : NULL;
  if (!stored->has_weight)
    stored->weight = 0;
  store->n_rows++;
  store->index[slot].row = index + 1;
  store->index[slot].hash = hash;

  g_array_index (store->counts, guint, row->agency * CASE_REVIEW_N_ENFORCEMENT_KINDS + row->kind)++;
  if (index == 0 || row->closed_on < store->first_closed_on)
    store->first_closed_on = row->closed_on;
  if (index == 0 || row->closed_on > store->last_closed_on)
    store->last_closed_on = row->closed_on;
  g_clear_pointer (&store->fingerprint, g_free);
  g_clear_pointer (&store->sorted_rows, g_free);
  case_store_set_derived (store, NULL, NULL, NULL);

  return index;
}

/* Adds @row, whose id case_store_lookup_case() just failed to find with
 * @probe. No row may have been added in between. */
guint
case_store_insert_case (CaseStore            *store,
                        const CaseStoreProbe *probe,
                        const CaseRow        *row)
{
  guint32 slot = probe->slot;

  g_assert (probe->n_rows == store->n_rows);

  /* case_store_reserve() in between moved everything. */
  if (probe->index_mask != store->index_mask)
    slot = index_find_empty (store, probe->hash);

  return append_row (store, row, probe->id_len, probe->hash, slot);
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
    .id = id,
    .title = title,
    .amount = amount,
    .weight = weight,
    .closed_on = closed_on,
    .flag_set = case_store_intern_flags (store, flags),
    .agency = agency,
    .kind = kind,
    .has_weight = has_weight,
  };
  gsize id_len = strlen (id);
  guint32 hash = hash_bytes (id, id_len);

  g_assert (agency < store->agencies->len);
  g_assert ((guint) kind < CASE_REVIEW_N_ENFORCEMENT_KINDS);

  /* Callers check for duplicates; like them, this does not. */
  return append_row (store, &row, id_len, hash, index_find_empty (store, hash));
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
  if (store->n_rows == 0)
    return FALSE;

  *first = store->first_closed_on;
  *last = store->last_closed_on;
  return TRUE;
}

/* Sorting ids as byte strings: an MSD radix sort that sees each id through
 * an 8-byte window kept next to it. Ids share long prefixes
 * ("深罗城罚〔2020〕…"), which a comparison sort would compare again and
 * again, each time following pointers to the ids. */
typedef struct
{
  guint64     key;     /* id bytes [depth, depth + 8) big-endian, zero after the end */
  const char *id;
  guint32     row;
} SortEntry;

/* Below this, insertion sort beats another counting pass. */
#define INSERTION_SORT_MAX 32

/* In id order, rows and ids are scattered over memory: ask for them this
 * many entries ahead, so that the cache misses overlap instead of queueing. */
#define PREFETCH_DISTANCE 16

static guint64
load_key (const char *text)
{
  guint64 key = 0;

  for (guint i = 0; i < 8 && text[i] != '\0'; i++)
    key |= (guint64) (guint8) text[i] << (56 - 8 * i);

  return key;
}

/* For entries whose keys were loaded at @depth and whose ids agree before it. */
static inline gboolean
entry_less (const SortEntry *a,
            const SortEntry *b,
            gsize            depth)
{
  if (a->key != b->key)
    return a->key < b->key;

  /* Equal windows without a NUL: the ids agree up to depth + 8 and go on. */
  return (a->key & 0xff) != 0 && strcmp (a->id + depth + 8, b->id + depth + 8) < 0;
}

static void
insertion_sort (SortEntry *entries,
                gsize      n,
                gsize      depth)
{
  for (gsize i = 1; i < n; i++)
    {
      SortEntry entry = entries[i];
      gsize j = i;

      for (; j > 0 && entry_less (&entry, &entries[j - 1], depth); j--)
        entries[j] = entries[j - 1];
      entries[j] = entry;
    }
}

/* Sorts @entries (stably), whose keys were loaded at @depth and whose ids
 * agree on their first @depth + @byte bytes. @scratch has room for @n.
 * Each level of recursion is a byte further into the ids, which have at
 * most 256 (population_check_identifier()), and takes 1 KiB of stack. */
static void
radix_sort (SortEntry *entries,
            SortEntry *scratch,
            gsize      n,
            gsize      depth,
            guint      byte)
{
  guint bounds[256];
  guint shift, offset, begin;

  for (;;)
    {
      guint first;

      if (n <= INSERTION_SORT_MAX)
        {
          insertion_sort (entries, n, depth);
          return;
        }
      if (byte == 8)
        {
          depth += 8;
          byte = 0;
          for (gsize i = 0; i < n; i++)
            {
              if (i + PREFETCH_DISTANCE < n)
                prefetch (entries[i + PREFETCH_DISTANCE].id + depth);
              entries[i].key = load_key (entries[i].id + depth);
            }
        }

      shift = 56 - 8 * byte;
      memset (bounds, 0, sizeof bounds);
      for (gsize i = 0; i < n; i++)
        bounds[(entries[i].key >> shift) & 0xff]++;

      /* Shared prefixes put everything in one bucket: move on without
       * moving anything. If that byte is the NUL, the ids are all equal. */
      first = (entries[0].key >> shift) & 0xff;
      if (bounds[first] != n)
        break;
      if (first == 0)
        return;
      byte++;
    }

  /* Counts to starts, then a stable scatter leaves bounds[b] at the end of
   * bucket b. */
  offset = 0;
  for (guint b = 0; b < 256; b++)
    {
      guint count = bounds[b];

      bounds[b] = offset;
      offset += count;
    }
  for (gsize i = 0; i < n; i++)
    scratch[bounds[(entries[i].key >> shift) & 0xff]++] = entries[i];
  memcpy (entries, scratch, n * sizeof *entries);

  /* Bucket 0 holds ids that end here, all equal. */
  begin = bounds[0];
  for (guint b = 1; b < 256; b++)
    {
      if (bounds[b] - begin > 1)
        radix_sort (entries + begin, scratch + begin, bounds[b] - begin, depth, byte + 1);
      begin = bounds[b];
    }
}

/* The rows in canonical order: case ids compared as UTF-8 byte strings
 * (strcmp() order), ties in row order. */
static SortEntry *
sort_by_id (CaseStore *store)
{
  SortEntry *entries = g_new (SortEntry, MAX (store->n_rows, 1));
  g_autofree SortEntry *scratch = g_new (SortEntry, MAX (store->n_rows, 1));

  for (guint i = 0; i < store->n_rows; i++)
    {
      entries[i].key = load_key (store->rows[i].id);
      entries[i].id = store->rows[i].id;
      entries[i].row = i;
    }
  radix_sort (entries, scratch, store->n_rows, 0, 0);

  return entries;
}

/* A structure derived from the rows (such as a frame's strata), kept under
 * @key until the store changes or another is set. */
void
case_store_set_derived (CaseStore      *store,
                        const char     *key,
                        gpointer        data,
                        GDestroyNotify  free_func)
{
  if (store->derived_free != NULL && store->derived != NULL)
    store->derived_free (store->derived);
  g_free (store->derived_key);
  store->derived_key = g_strdup (key);
  store->derived = data;
  store->derived_free = free_func;
}

gpointer
case_store_get_derived (CaseStore  *store,
                        const char *key)
{
  return store->derived_key != NULL && g_strcmp0 (store->derived_key, key) == 0 ? store->derived : NULL;
}

/* The canonical order, computed once and kept until the store changes:
 * every draw on the same frame walks it. */
const guint *
case_store_peek_sorted_rows (CaseStore *store)
{
  if (store->sorted_rows == NULL)
    store->sorted_rows = case_store_sorted_rows (store);
  return store->sorted_rows;
}

/* Row indices in canonical order: case ids compared as UTF-8 byte strings. */
guint *
case_store_sorted_rows (CaseStore *store)
{
  g_autofree SortEntry *entries = sort_by_id (store);
  guint *order = g_new (guint, MAX (store->n_rows, 1));

  for (guint i = 0; i < store->n_rows; i++)
    order[i] = entries[i].row;

  return order;
}

static int
compare_agencies_by_id (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (case_review_agency_get_id (*(CaseReviewAgency * const *) a),
                 case_review_agency_get_id (*(CaseReviewAgency * const *) b));
}

/* What follows the backslash when a byte is escaped in the canonical
 * serialization; NUL is marked as well, so that one lookup per byte finds
 * both the bytes to escape and the end. */
static const char escapes[256] = {
  ['\0'] = '0', ['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r',
};

/* Appends a field of the canonical serialization: backslash, tab, line feed
 * and carriage return are escaped so fields and records stay delimited. */
static void
append_escaped (GString    *out,
                const char *text)
{
  if (text == NULL)
    return;

  for (;;)
    {
      const char *run = text;
      char pair[2] = { '\\', 0 };

      /* Copy runs of plain bytes at once. */
      while (escapes[(guint8) *text] == 0)
        text++;
      g_string_append_len (out, run, text - run);
      if (*text == '\0')
        return;
      pair[1] = escapes[(guint8) *text++];
      g_string_append_len (out, pair, 2);
    }
}

/* The last day of year 9999 in GDate's Julian days, which count from
 * 1 January of year 1 as day 1. */
#define LAST_FOUR_DIGIT_JULIAN 3652059

/* YYYY-MM-DD, as "%04u-%02u-%02u" of the GDate, with the civil-from-days
 * arithmetic of Howard Hinnant's "chrono-compatible low-level date
 * algorithms": printf and GDate per row took a quarter of the time. */
static void
append_date (GString *out,
             guint32  julian)
{
  guint32 days, era, day_of_era, year_of_era, day_of_year, shifted_month;
  guint year, month, day;
  char text[10];

  if (julian < 1 || julian > LAST_FOUR_DIGIT_JULIAN)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      g_string_append_printf (out, "%04u-%02u-%02u", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date));
      return;
    }

  /* Days since 0000-03-01, so that leap days end each 4/100/400-year era. */
  days = julian + 305;
  era = days / 146097;
  day_of_era = days - era * 146097;
  year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  shifted_month = (5 * day_of_year + 2) / 153;                  /* March = 0 */
  day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  year = year_of_era + era * 400 + (month <= 2);

  text[0] = '0' + year / 1000;
  text[1] = '0' + year / 100 % 10;
  text[2] = '0' + year / 10 % 10;
  text[3] = '0' + year % 10;
  text[4] = '-';
  text[5] = '0' + month / 10;
  text[6] = '0' + month % 10;
  text[7] = '-';
  text[8] = '0' + day / 10;
  text[9] = '0' + day % 10;
  g_string_append_len (out, text, sizeof text);
}

/* As "%" G_GINT64_FORMAT. */
static void
append_int64 (GString *out,
              gint64   value)
{
  char text[20];
  gsize start = sizeof text;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      text[--start] = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    g_string_append_c (out, '-');
  g_string_append_len (out, text + start, sizeof text - start);
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

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

/* SHA-256 over the canonical serialization documented in docs/formats.md. */
char *
case_store_dup_fingerprint (CaseStore *store)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GString) buffer = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) agency_kind_fields = NULL;
  g_autoptr(GPtrArray) flag_fields = NULL;
  g_autofree SortEntry *order = NULL;

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

  /* Few agencies, kinds and flag sets, many rows: serialize those once.
   * "\t{agency}\t{kind}\t" per agency and kind, "{flags}" per flag set. */
  agency_kind_fields = g_ptr_array_new_with_free_func (string_free);
  for (guint a = 0; a < store->agencies->len; a++)
    for (guint k = 0; k < CASE_REVIEW_N_ENFORCEMENT_KINDS; k++)
      {
        GString *field = g_string_new ("\t");

        append_escaped (field, case_review_agency_get_id (case_store_get_agency (store, a)));
        g_string_append_c (field, '\t');
        g_string_append (field, case_review_enforcement_kind_get_name ((CaseReviewEnforcementKind) k));
        g_string_append_c (field, '\t');
        g_ptr_array_add (agency_kind_fields, field);
      }
  flag_fields = g_ptr_array_new_with_free_func (string_free);
  for (guint s = 0; s < store->flag_sets->len; s++)
    {
      const char * const *flags = g_ptr_array_index (store->flag_sets, s);
      GString *field = g_string_new (NULL);

      for (guint f = 0; flags[f] != NULL; f++)
        {
          if (f > 0)
            g_string_append_c (field, ';');
          append_escaped (field, flags[f]);
        }
      g_ptr_array_add (flag_fields, field);
    }

  order = sort_by_id (store);
  for (guint i = 0; i < store->n_rows; i++)
    {
      const CaseRow *row = &store->rows[order[i].row];
      const GString *agency_kind = g_ptr_array_index (agency_kind_fields,
                                                      row->agency * CASE_REVIEW_N_ENFORCEMENT_KINDS + row->kind);
      const GString *flags = g_ptr_array_index (flag_fields, row->flag_set);

      if (i + PREFETCH_DISTANCE < store->n_rows)
        {
          const CaseRow *ahead = &store->rows[order[i + PREFETCH_DISTANCE].row];

          /* A row straddles two cache lines more often than not. */
          prefetch (ahead);
          prefetch ((const char *) (ahead + 1) - 1);
          prefetch (order[i + PREFETCH_DISTANCE].id);
        }
      if (i + PREFETCH_DISTANCE / 2 < store->n_rows)
        prefetch (store->rows[order[i + PREFETCH_DISTANCE / 2].row].title);

      g_string_append_len (buffer, "case\t", 5);
      append_escaped (buffer, order[i].id);
      g_string_append_len (buffer, agency_kind->str, agency_kind->len);
      append_date (buffer, row->closed_on);
      g_string_append_c (buffer, '\t');
      if (row->amount != CASE_STORE_NO_AMOUNT)
        append_int64 (buffer, row->amount);
      g_string_append_c (buffer, '\t');
      if (row->has_weight)
        {
          char weight[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append (buffer, g_ascii_formatd (weight, sizeof weight, "%.17g", row->weight));
        }
      g_string_append_c (buffer, '\t');
      g_string_append_len (buffer, flags->str, flags->len);
      g_string_append_c (buffer, '\t');
      append_escaped (buffer, row->title);
      g_string_append_c (buffer, '\n');
      flush_into (checksum, buffer, 64 * 1024);
    }
  flush_into (checksum, buffer, 0);

  store->fingerprint = g_strdup (g_checksum_get_string (checksum));
  return g_strdup (store->fingerprint);
}
