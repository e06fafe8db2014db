/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Validation shared by the CSV and JSON readers, and the writers. Writers
 * replace the target file atomically: on any error the old file is left as
 * it was.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "casereview-csv-writer.h"
#include "casereview-population-io.h"
#include "casereview-value-parsers.h"

/* Longer than any real case number, short enough to keep ids readable. */
#define MAX_IDENTIFIER_BYTES 256

/* Output is buffered and written in pieces of this size. */
#define WRITE_CHUNK (64 * 1024)

const char *
population_check_identifier (const char *id)
{
  if (id[0] == '\0')
    return _("the id is empty");
  if (strlen (id) > MAX_IDENTIFIER_BYTES)
    return _("the id is longer than 256 bytes");
  for (const char *p = id; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return _("the id contains a control character (a tab or a line break)");

  return NULL;
}

int
population_resolve_agency (CaseStore  *store,
                           const char *id_or_name)
{
  int index = case_store_find_agency (store, id_or_name);

  if (index < 0)
    index = case_store_find_agency_by_name (store, id_or_name);

  return index;
}

typedef struct
{
  GFileOutputStream *stream;
  GString *buffer;
  GCancellable *cancellable;
  GCancellable *abort;      /* cancelled to make close() discard the file */
} Writer;

static gboolean
writer_open (Writer        *writer,
             GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  writer->stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                   cancellable, error);
  if (writer->stream == NULL)
    return FALSE;

  writer->buffer = g_string_sized_new (WRITE_CHUNK * 2);
  writer->cancellable = cancellable;
  writer->abort = g_cancellable_new ();
  return TRUE;
}

static gboolean
writer_flush (Writer  *writer,
              gsize    threshold,
              GError **error)
{
  if (writer->buffer->len < threshold)
    return TRUE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (writer->stream), writer->buffer->str,
                                  writer->buffer->len, NULL, writer->cancellable, error))
    return FALSE;
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

/* Commits the file when @ok, otherwise discards it: closing a replace stream
 * with a cancelled cancellable removes the temporary file and keeps the old
 * one. */
static gboolean
writer_close (Writer    *writer,
              gboolean   ok,
              GError   **error)
{
  if (ok)
    ok = writer_flush (writer, 0, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (writer->stream), writer->cancellable, error);

  if (!ok)
    {
      g_cancellable_cancel (writer->abort);
      g_output_stream_close (G_OUTPUT_STREAM (writer->stream), writer->abort, NULL);
    }

  g_clear_object (&writer->stream);
  g_clear_object (&writer->abort);
  g_string_free (writer->buffer, TRUE);
  return ok;
}

gboolean
population_write_agencies_csv (CaseStore     *store,
                               GFile         *file,
                               gboolean       with_bom,
                               GCancellable  *cancellable,
                               GError       **error)
{
  Writer writer = { 0 };
  gboolean ok = TRUE;

  if (!writer_open (&writer, file, cancellable, error))
    return FALSE;

  if (with_bom)
    g_string_append (writer.buffer, "\xef\xbb\xbf");
  g_string_append (writer.buffer, "id,name,short_name,category\r\n");
  for (guint i = 0; i < case_store_get_n_agencies (store) && ok; i++)
    {
      CaseReviewAgency *agency = case_store_get_agency (store, i);

      csv_append_field (writer.buffer, case_review_agency_get_id (agency));
      g_string_append_c (writer.buffer, ',');
      csv_append_field (writer.buffer, case_review_agency_get_name (agency));
      g_string_append_c (writer.buffer, ',');
      csv_append_field (writer.buffer, case_review_agency_get_short_name (agency));
      g_string_append_c (writer.buffer, ',');
      g_string_append (writer.buffer, case_review_agency_category_get_name (case_review_agency_get_category (agency)));
      g_string_append (writer.buffer, "\r\n");
      ok = writer_flush (&writer, WRITE_CHUNK, error);
    }

  return writer_close (&writer, ok, error);
}

gboolean
population_write_cases_csv (CaseStore     *store,
                            GFile         *file,
                            gboolean       with_bom,
                            GCancellable  *cancellable,
                            GError       **error)
{
  Writer writer = { 0 };
  gboolean any_weight = FALSE;
  gboolean ok = TRUE;
  guint n_rows = case_store_get_n_rows (store);

  for (guint i = 0; i < n_rows && !any_weight; i++)
    any_weight = case_store_get_row (store, i)->has_weight;

  if (!writer_open (&writer, file, cancellable, error))
    return FALSE;

  /* CRLF line ends, as RFC 4180 and Excel expect. */
  if (with_bom)
    g_string_append (writer.buffer, "\xef\xbb\xbf");
  g_string_append (writer.buffer, "case_id,agency,kind,closed_on,amount,flags,title");
  g_string_append (writer.buffer, any_weight ? ",weight\r\n" : "\r\n");

  for (guint i = 0; i < n_rows && ok; i++)
    {
      const CaseRow *row = case_store_get_row (store, i);
      const char * const *flags = case_store_get_flags (store, row);
      g_autofree char *date = case_review_format_date (row->closed_on);
      g_autofree char *joined_flags = g_strjoinv (";", (char **) flags);

      csv_append_field (writer.buffer, row->id);
      g_string_append_c (writer.buffer, ',');
      csv_append_field (writer.buffer, case_review_agency_get_id (case_store_get_agency (store, row->agency)));
      g_string_append_printf (writer.buffer, ",%s,%s,", case_review_enforcement_kind_get_name (row->kind), date);
      if (row->amount != CASE_STORE_NO_AMOUNT)
        {
          g_autofree char *amount = case_review_format_amount (row->amount);
          g_string_append (writer.buffer, amount);
        }
      g_string_append_c (writer.buffer, ',');
      csv_append_field (writer.buffer, joined_flags);
      g_string_append_c (writer.buffer, ',');
      csv_append_field (writer.buffer, row->title);
      if (any_weight)
        {
          g_string_append_c (writer.buffer, ',');
          if (row->has_weight)
            {
              char weight[G_ASCII_DTOSTR_BUF_SIZE];
              g_string_append (writer.buffer, g_ascii_dtostr (weight, sizeof weight, row->weight));
            }
        }
      g_string_append (writer.buffer, "\r\n");

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = writer_flush (&writer, WRITE_CHUNK, error);
    }

  return writer_close (&writer, ok, error);
}

static void
append_json_node (GString  *out,
                  JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  g_string_append (out, text);
}

gboolean
population_write_json (CaseStore     *store,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  Writer writer = { 0 };
  gboolean ok = TRUE;
  guint n_rows = case_store_get_n_rows (store);

  if (!writer_open (&writer, file, cancellable, error))
    return FALSE;

  /* One object per line: the file stays diffable and is written in a
   * stream, without building the whole document in memory. */
  g_string_append (writer.buffer, "{\n\"format\": \"libcasereview-population\",\n\"version\": 1,\n\"agencies\": [\n");
  for (guint i = 0; i < case_store_get_n_agencies (store); i++)
    {
      CaseReviewAgency *agency = case_store_get_agency (store, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, case_review_agency_get_id (agency));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, case_review_agency_get_name (agency));
      json_builder_set_member_name (builder, "short_name");
      json_builder_add_string_value (builder, case_review_agency_get_short_name (agency));
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, case_review_agency_category_get_name (case_review_agency_get_category (agency)));
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);

      append_json_node (writer.buffer, node);
      g_string_append (writer.buffer, i + 1 < case_store_get_n_agencies (store) ? ",\n" : "\n");
    }
  g_string_append (writer.buffer, "],\n\"cases\": [\n");

  for (guint i = 0; i < n_rows && ok; i++)
    {
      const CaseRow *row = case_store_get_row (store, i);
      const char * const *flags = case_store_get_flags (store, row);
      g_autofree char *date = case_review_format_date (row->closed_on);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, row->id);
      json_builder_set_member_name (builder, "agency");
      json_builder_add_string_value (builder, case_review_agency_get_id (case_store_get_agency (store, row->agency)));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, case_review_enforcement_kind_get_name (row->kind));
      json_builder_set_member_name (builder, "closed_on");
      json_builder_add_string_value (builder, date);
      if (row->amount != CASE_STORE_NO_AMOUNT)
        {
          json_builder_set_member_name (builder, "amount_fen");
          json_builder_add_int_value (builder, row->amount);
        }
      if (row->has_weight)
        {
          json_builder_set_member_name (builder, "weight");
          json_builder_add_double_value (builder, row->weight);
        }
      if (flags[0] != NULL)
        {
          json_builder_set_member_name (builder, "flags");
          json_builder_begin_array (builder);
          for (guint f = 0; flags[f] != NULL; f++)
            json_builder_add_string_value (builder, flags[f]);
          json_builder_end_array (builder);
        }
      if (row->title != NULL)
        {
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, row->title);
        }
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);

      append_json_node (writer.buffer, node);
      g_string_append (writer.buffer, i + 1 < n_rows ? ",\n" : "\n");

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = writer_flush (&writer, WRITE_CHUNK, error);
    }
  g_string_append (writer.buffer, "]\n}\n");

  return writer_close (&writer, ok, error);
}
