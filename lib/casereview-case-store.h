/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The compact storage behind a CaseReviewPopulation: agencies, and case files
 * as fixed-size rows whose strings live in one arena, with an open-addressing
 * index by case id. A million files take about 70 bytes each plus their
 * strings; CaseReviewCaseFile objects are made only when asked for.
 * Private to the library.
 */
#pragma once

#include "casereview-agency.h"
#include "casereview-case-file.h"
#include "casereview-population.h"

G_BEGIN_DECLS

#define CASE_STORE_NO_AMOUNT (-1)

typedef struct
{
  const char *id;
  const char *title;       /* NULL when none */
  gint64      amount;      /* fen, CASE_STORE_NO_AMOUNT when none */
  double      weight;      /* valid when has_weight */
  guint32     closed_on;   /* Julian day number (GDate) */
  guint32     flag_set;    /* index into the interned flag sets; 0 = none */
  guint16     agency;      /* index into the agencies */
  guint8      kind;        /* CaseReviewEnforcementKind */
  guint8      has_weight;
} CaseRow;

typedef struct _CaseStore CaseStore;

/* Where a case id that is not in the store would go: filled by
 * case_store_lookup_case() so that case_store_insert_case() need neither hash
 * the id nor probe the index again. Valid until a row is next added. */
typedef struct
{
  guint32 hash;
  guint32 slot;
  gsize   id_len;
  guint   n_rows;      /* the store's size when probed, to catch misuse */
  guint32 index_mask;  /* the index's size when probed */
} CaseStoreProbe;

CaseStore          *case_store_new                (void);
void                case_store_free               (CaseStore                *store);

/* Agencies */
guint               case_store_get_n_agencies     (CaseStore                *store);
CaseReviewAgency   *case_store_get_agency         (CaseStore                *store,
                                                   guint                     index);
int                 case_store_find_agency        (CaseStore                *store,
                                                   const char               *id);
int                 case_store_find_agency_by_name (CaseStore               *store,
                                                   const char               *name);
guint               case_store_add_agency         (CaseStore                *store,
                                                   CaseReviewAgency         *agency);

/* Case rows */
guint               case_store_get_n_rows         (CaseStore                *store);
const CaseRow      *case_store_get_row            (CaseStore                *store,
                                                   guint                     index);
int                 case_store_find_case          (CaseStore                *store,
                                                   const char               *id);
guint               case_store_add_case           (CaseStore                *store,
                                                   const char               *id,
                                                   guint                     agency,
                                                   CaseReviewEnforcementKind kind,
                                                   guint32                   closed_on,
                                                   gint64                    amount,
                                                   gboolean                  has_weight,
                                                   double                    weight,
                                                   const char * const       *flags,
                                                   const char               *title);
/* Bulk loading: reserve room for the expected number of rows, look each id
 * up once (prefetching first if there is other work to do meanwhile), then
 * insert with the probe. case_store_insert_case() copies
 * row->id (probe->id_len bytes) and row->title; row->flag_set comes from
 * case_store_intern_flags(). */
void                case_store_reserve            (CaseStore                *store,
                                                   guint                     n_rows);
void                case_store_prefetch_case      (CaseStore                *store,
                                                   const char               *id,
                                                   gsize                     id_len);
int                 case_store_lookup_case        (CaseStore                *store,
                                                   const char               *id,
                                                   gsize                     id_len,
                                                   CaseStoreProbe           *probe);
guint32             case_store_intern_flags       (CaseStore                *store,
                                                   const char * const       *flags);
guint               case_store_insert_case        (CaseStore                *store,
                                                   const CaseStoreProbe     *probe,
                                                   const CaseRow            *row);
const char * const *case_store_get_flags          (CaseStore                *store,
                                                   const CaseRow            *row);
CaseReviewCaseFile *case_store_make_case_file     (CaseStore                *store,
                                                   guint                     index);
guint               case_store_count              (CaseStore                *store,
                                                   int                       agency,
                                                   int                       kind);
gboolean            case_store_get_date_range     (CaseStore                *store,
                                                   guint32                  *first,
                                                   guint32                  *last);
guint              *case_store_sorted_rows        (CaseStore                *store);
const guint        *case_store_peek_sorted_rows   (CaseStore                *store);
void                case_store_set_derived        (CaseStore                *store,
                                                   const char               *key,
                                                   gpointer                  data,
                                                   GDestroyNotify            free_func);
gpointer            case_store_get_derived        (CaseStore                *store,
                                                   const char               *key);
char               *case_store_dup_fingerprint    (CaseStore                *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaseStore, case_store_free)

G_END_DECLS
