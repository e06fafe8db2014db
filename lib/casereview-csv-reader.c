/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "casereview-csv-reader.h"
#include "casereview-error.h"

/* Large enough that a 100 MB file takes a hundred reads, small enough that
 * memory stays flat however large the file is. */
#define CHUNK_SIZE (1024 * 1024)

/* In auto mode, this many valid multi-byte UTF-8 characters before the first
 * invalid byte mean "a UTF-8 file with a corrupt byte", not "GB18030". */
#define UTF8_EVIDENCE 4

typedef enum {
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,
} TokenizerState;

typedef enum {
  DECODE_UNDECIDED,
  DECODE_UTF8,
  DECODE_GB18030,
} DecodeMode;

struct _CsvReader
{
  GInputStream *stream;
  char *display_name;
  CaseReviewTextEncoding requested;
  DecodeMode mode;
  GIConv iconv;

  /* Raw input not yet decoded: an incomplete character at a chunk's end. */
  guint8 *raw;
  gsize raw_len;
  gboolean raw_eof;
  goffset raw_offset;        /* file offset of raw[0] */
  goffset bytes_read;

  /* Decoded UTF-8 text the tokenizer works through. */
  GByteArray *text;
  gsize pos;
  goffset text_offset;       /* decoded bytes before text[0] */
  gboolean at_start;         /* nothing decoded yet: strip a byte-order mark */
  GError *pending_error;     /* a decoding error after the end of text */

  /* Tokenizer state, kept across refills. */
  TokenizerState state;
  guint line;
  gboolean skip_lf;          /* a CR ended the last line; swallow one LF */
  guint quote_line;          /* where the open quoted field began */
  guint record_line;
  gsize field_start;
  gboolean in_record;

  /* The current record, reused from one to the next and grown by doubling.
   * Plain arrays rather than GArrays: a million rows are eight million
   * fields, and a GArray append is a function call. */
  char *record;              /* the fields' text, each NUL-terminated */
  gsize record_len;
  gsize record_size;
  gsize *starts;             /* where each field starts in record */
  gsize *lengths;
  guint *field_lines;
  char **field_pointers;
  guint n_fields;            /* fields ended so far */
  guint fields_size;
};

static guint8 special_unquoted[256];
static guint8 special_quoted[256];

static void
init_tables (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      special_unquoted[(guint8) ','] = 1;
      special_unquoted[(guint8) '\n'] = 1;
      special_unquoted[(guint8) '\r'] = 1;
      special_unquoted[(guint8) '"'] = 1;
      special_unquoted[0] = 1;
      special_quoted[(guint8) '"'] = 1;
      special_quoted[(guint8) '\n'] = 1;
      special_quoted[0] = 1;
      g_once_init_leave (&initialized, 1);
    }
}

CsvReader *
csv_reader_new (GInputStream           *stream,
                const char             *display_name,
                CaseReviewTextEncoding  encoding)
{
  CsvReader *reader = g_new0 (CsvReader, 1);

  init_tables ();

  reader->stream = g_object_ref (stream);
  reader->display_name = g_strdup (display_name);
  reader->requested = encoding;
  reader->mode = encoding == CASE_REVIEW_TEXT_ENCODING_UTF8 ? DECODE_UTF8 :
                 encoding == CASE_REVIEW_TEXT_ENCODING_GB18030 ? DECODE_GB18030 :
                 DECODE_UNDECIDED;
  reader->iconv = (GIConv) -1;
  reader->raw = g_malloc (CHUNK_SIZE + 8);
  reader->text = g_byte_array_sized_new (CHUNK_SIZE + 8);
  reader->at_start = TRUE;
  reader->line = 1;
  reader->record_size = 1024;
  reader->record = g_malloc (reader->record_size);
  reader->fields_size = 16;
  reader->starts = g_new (gsize, reader->fields_size);
  reader->lengths = g_new (gsize, reader->fields_size);
  reader->field_lines = g_new (guint, reader->fields_size);
  reader->field_pointers = g_new (char *, reader->fields_size);

  return reader;
}

void
csv_reader_free (CsvReader *reader)
{
  if (reader == NULL)
    return;

  g_object_unref (reader->stream);
  g_free (reader->display_name);
  if (reader->iconv != (GIConv) -1)
    g_iconv_close (reader->iconv);
  g_free (reader->raw);
  g_byte_array_unref (reader->text);
  g_clear_error (&reader->pending_error);
  g_free (reader->record);
  g_free (reader->starts);
  g_free (reader->lengths);
  g_free (reader->field_lines);
  g_free (reader->field_pointers);
  g_free (reader);
}

goffset
csv_reader_get_bytes_read (CsvReader *reader)
{
  return reader->bytes_read;
}

/* How far the reader is into the text, in bytes of UTF-8: the same as
 * bytes of the file for UTF-8 files. */
goffset
csv_reader_get_text_offset (CsvReader *reader)
{
  return reader->text_offset + reader->pos;
}

CaseReviewTextEncoding
csv_reader_get_encoding (CsvReader *reader)
{
  switch (reader->mode)
    {
    case DECODE_UTF8:
      return CASE_REVIEW_TEXT_ENCODING_UTF8;
    case DECODE_GB18030:
      return CASE_REVIEW_TEXT_ENCODING_GB18030;
    case DECODE_UNDECIDED:
    default:
      /* Only ASCII so far, which is valid UTF-8. */
      return CASE_REVIEW_TEXT_ENCODING_UTF8;
    }
}

const char *
csv_reader_get_display_name (CsvReader *reader)
{
  return reader->display_name;
}

gboolean
csv_record_is_blank (const CsvRecord *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    if (record->lengths[i] != 0)
      return FALSE;

  return TRUE;
}

/* Length of a UTF-8 sequence from its lead byte, or 0 if it cannot lead. */
static guint
utf8_sequence_length (guint8 lead)
{
  if (lead < 0x80)
    return 1;
  if (lead >= 0xc2 && lead <= 0xdf)
    return 2;
  if (lead >= 0xe0 && lead <= 0xef)
    return 3;
  if (lead >= 0xf0 && lead <= 0xf4)
    return 4;
  return 0;
}

/* Whether bytes[0..len) is the start of a UTF-8 character cut off by the end
 * of a chunk (as opposed to invalid). */
static gboolean
utf8_is_incomplete_prefix (const guint8 *bytes,
                           gsize         len)
{
  guint needed = utf8_sequence_length (bytes[0]);

  if (needed < 2 || len >= needed)
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if ((bytes[i] & 0xc0) != 0x80)
      return FALSE;

  return TRUE;
}

static gsize
count_multibyte_characters (const guint8 *bytes,
                            gsize         len)
{
  gsize count = 0;

  for (gsize i = 0; i < len; i++)
    if ((bytes[i] & 0xc0) == 0xc0)
      count++;

  return count;
}

/* Checks UTF-8 as g_utf8_validate_len() does (Unicode's well-formed byte
 * sequences: no overlong forms, surrogates or code points past U+10FFFF)
 * but steps over NUL bytes, which the tokenizer reports itself with a
 * clearer message, and over ASCII eight bytes at a time. On failure, @end
 * is the first byte of the first invalid or incomplete sequence. */
static gboolean
utf8_validate (const guint8  *data,
               gsize          len,
               const guint8 **end)
{
  const guint8 *p = data;
  const guint8 *stop = data + len;

  while (p < stop)
    {
      guint8 lead = *p;
      guint8 low = 0x80, high = 0xbf;   /* the second byte's range */
      guint n;

      if (lead < 0x80)
        {
          guint64 word;

          for (p++; stop - p >= 8; p += 8)
            {
              memcpy (&word, p, 8);
              if (word & G_GUINT64_CONSTANT (0x8080808080808080))
                break;
            }
          continue;
        }

      n = utf8_sequence_length (lead);
      if (n == 0 || (gsize) (stop - p) < n)
        break;
      if (lead == 0xe0)
        low = 0xa0;        /* overlong */
      else if (lead == 0xed)
        high = 0x9f;       /* surrogates */
      else if (lead == 0xf0)
        low = 0x90;        /* overlong */
      else if (lead == 0xf4)
        high = 0x8f;       /* past U+10FFFF */
      if (p[1] < low || p[1] > high)
        break;
      if (n >= 3 && (p[2] & 0xc0) != 0x80)
        break;
      if (n == 4 && (p[3] & 0xc0) != 0x80)
        break;
      p += n;
    }

  *end = p;
  return p == stop;
}

static void
set_pending_error (CsvReader  *reader,
                   goffset     offset,
                   const char *what)
{
  if (reader->pending_error != NULL)
    return;
  reader->pending_error = g_error_new (CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_ENCODING,
                                       "%s (byte offset %" G_GOFFSET_FORMAT ")", what, offset);
}

/* Decodes raw[0..raw_len) into text, keeping an incomplete trailing character
 * in raw for the next chunk. On invalid input, decodes the valid prefix and
 * records the error for when the tokenizer reaches it. */
static void
decode_raw (CsvReader *reader)
{
  const guint8 *data = reader->raw;
  gsize len = reader->raw_len;
  gsize consumed = 0;

  if (reader->mode == DECODE_UNDECIDED)
    {
      const guint8 *end = NULL;
      gboolean ascii = TRUE;

      for (gsize i = 0; i < len && ascii; i++)
        ascii = data[i] < 0x80;

      if (!ascii)
        {
          if (utf8_validate (data, len, &end) ||
              (!reader->raw_eof && utf8_is_incomplete_prefix (end, len - (end - data))))
            reader->mode = DECODE_UTF8;
          else if (count_multibyte_characters (data, end - data) >= UTF8_EVIDENCE)
            reader->mode = DECODE_UTF8;
          else
            reader->mode = DECODE_GB18030;
        }
    }

  if (reader->mode == DECODE_GB18030)
    {
      char *in = (char *) data;
      gsize in_left = len;

      if (reader->iconv == (GIConv) -1)
        reader->iconv = g_iconv_open ("UTF-8", "GB18030");

      while (in_left > 0)
        {
          gsize out_capacity = in_left * 2 + 16;
          gsize old_len = reader->text->len;
          char *out;
          gsize out_left = out_capacity;
          gsize result;

          g_byte_array_set_size (reader->text, old_len + out_capacity);
          out = (char *) reader->text->data + old_len;
          result = g_iconv (reader->iconv, &in, &in_left, &out, &out_left);
          g_byte_array_set_size (reader->text, old_len + (out_capacity - out_left));

          if (result == (gsize) -1)
            {
              int saved_errno = errno;

              if (saved_errno == E2BIG)
                continue;
              if (saved_errno == EINVAL && !reader->raw_eof)
                break;   /* incomplete character: keep it for the next chunk */

              set_pending_error (reader, reader->raw_offset + ((guint8 *) in - data),
                                 reader->requested == CASE_REVIEW_TEXT_ENCODING_GB18030
                                   ? _("the text is not valid GB18030")
                                   : _("the text is neither UTF-8 nor GB18030"));
              in_left = 0;
              in = (char *) data + len;
              break;
            }
        }
      consumed = (guint8 *) in - data;
    }
  else
    {
      const guint8 *end = NULL;

      if (reader->mode == DECODE_UNDECIDED || utf8_validate (data, len, &end))
        consumed = len;
      else
        {
          gsize valid = end - data;

          if (!reader->raw_eof && utf8_is_incomplete_prefix (end, len - valid))
            consumed = valid;
          else
            {
              set_pending_error (reader, reader->raw_offset + valid,
                                 reader->requested == CASE_REVIEW_TEXT_ENCODING_UTF8
                                   ? _("the text is not valid UTF-8")
                                   : _("the text is not valid UTF-8 although earlier lines are"));
              consumed = len;
            }
          len = valid;
        }
      g_byte_array_append (reader->text, data, MIN (consumed, len));
    }

  /* Keep the undecoded tail at the start of raw. */
  memmove (reader->raw, data + consumed, reader->raw_len - consumed);
  reader->raw_offset += consumed;
  reader->raw_len -= consumed;

  if (reader->at_start && reader->text->len > 0)
    {
      /* A byte-order mark (EF BB BF, or U+FEFF decoded from GB18030). */
      if (reader->text->len >= 3 && memcmp (reader->text->data, "\xef\xbb\xbf", 3) == 0)
        g_byte_array_remove_range (reader->text, 0, 3);
      reader->at_start = FALSE;
    }
}

/* Makes more text available. Returns FALSE at the end of the input (no error)
 * or on failure (error set). */
static gboolean
refill (CsvReader     *reader,
        GCancellable  *cancellable,
        GError       **error)
{
  reader->text_offset += reader->text->len;
  g_byte_array_set_size (reader->text, 0);
  reader->pos = 0;

  while (reader->text->len == 0)
    {
      if (reader->pending_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&reader->pending_error));
          return FALSE;
        }
      if (reader->raw_eof && reader->raw_len == 0)
        return FALSE;

      if (!reader->raw_eof)
        {
          gssize n = g_input_stream_read (reader->stream, reader->raw + reader->raw_len,
                                          CHUNK_SIZE, cancellable, error);
          if (n < 0)
            return FALSE;
          if (n == 0)
            reader->raw_eof = TRUE;
          reader->raw_len += n;
          reader->bytes_read += n;
        }

      decode_raw (reader);

      /* A trailing incomplete character at the very end is an error, which
       * decode_raw() has recorded; nothing else can remain once at EOF. */
      if (reader->raw_eof && reader->raw_len > 0 && reader->pending_error == NULL)
        set_pending_error (reader, reader->raw_offset,
                           _("the text ends in the middle of a character"));
    }

  return TRUE;
}

static void
start_record (CsvReader *reader)
{
  reader->record_len = 0;
  reader->n_fields = 0;
  reader->record_line = reader->line;
  reader->in_record = TRUE;
}

static void
record_grow (CsvReader *reader,
             gsize      needed)
{
  while (reader->record_size - reader->record_len < needed)
    reader->record_size *= 2;
  reader->record = g_realloc (reader->record, reader->record_size);
}

static inline void
record_append (CsvReader    *reader,
               const guint8 *bytes,
               gsize         len)
{
  if (G_UNLIKELY (reader->record_size - reader->record_len < len))
    record_grow (reader, len);
  memcpy (reader->record + reader->record_len, bytes, len);
  reader->record_len += len;
}

static void
fields_grow (CsvReader *reader)
{
  reader->fields_size *= 2;
  reader->starts = g_renew (gsize, reader->starts, reader->fields_size);
  reader->lengths = g_renew (gsize, reader->lengths, reader->fields_size);
  reader->field_lines = g_renew (guint, reader->field_lines, reader->fields_size);
  reader->field_pointers = g_renew (char *, reader->field_pointers, reader->fields_size);
}

static inline void
begin_field (CsvReader *reader)
{
  if (!reader->in_record)
    start_record (reader);
  if (G_UNLIKELY (reader->n_fields == reader->fields_size))
    fields_grow (reader);
  reader->field_start = reader->record_len;
  reader->field_lines[reader->n_fields] = reader->line;
}

static inline void
end_field (CsvReader *reader)
{
  reader->starts[reader->n_fields] = reader->field_start;
  reader->lengths[reader->n_fields] = reader->record_len - reader->field_start;
  if (G_UNLIKELY (reader->record_len == reader->record_size))
    record_grow (reader, 1);
  reader->record[reader->record_len++] = '\0';
  reader->n_fields++;
}

static void
finish_record (CsvReader *reader,
               CsvRecord *record)
{
  /* Only now: record may have moved while it grew. */
  for (guint i = 0; i < reader->n_fields; i++)
    reader->field_pointers[i] = reader->record + reader->starts[i];

  record->n_fields = reader->n_fields;
  record->fields = reader->field_pointers;
  record->lengths = reader->lengths;
  record->field_lines = reader->field_lines;
  record->line = reader->record_line;
  reader->in_record = FALSE;
  reader->state = STATE_FIELD_START;
}

/* Where the run of bytes that @special does not mark, from @pos, ends.
 * Counting in a local rather than in reader->pos keeps the loop in
 * registers: the text is bytes, which may alias the reader. */
static inline gsize
scan_plain (const guint8 *text,
            gsize         pos,
            gsize         len,
            const guint8 *special)
{
  while (pos < len && !special[text[pos]])
    pos++;

  return pos;
}

static gboolean
fail_at (CsvReader  *reader,
         GError    **error,
         GError     *cause)
{
  guint column = reader->n_fields + 1;

  g_set_error (error, cause->domain, cause->code, "%s:%u:%u: %s",
               reader->display_name, reader->line, column, cause->message);
  g_error_free (cause);
  return FALSE;
}

gboolean
csv_reader_next (CsvReader     *reader,
                 CsvRecord     *record,
                 GCancellable  *cancellable,
                 GError       **error)
{
  for (;;)
    {
      const guint8 *text;
      gsize len;
      guint8 c;

      if (reader->pos == reader->text->len)
        {
          GError *local_error = NULL;

          if (!refill (reader, cancellable, &local_error))
            {
              if (local_error != NULL)
                {
                  if (local_error->domain == CASE_REVIEW_ERROR)
                    return fail_at (reader, error, local_error);
                  g_propagate_error (error, local_error);
                  return FALSE;
                }

              /* End of input: close whatever is open. */
              switch (reader->state)
                {
                case STATE_QUOTED:
                  g_set_error (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE,
                               _("%s:%u:%u: unbalanced quote: the quoted field that starts here is never closed"),
                               reader->display_name, reader->quote_line, reader->n_fields + 1);
                  return FALSE;
                case STATE_UNQUOTED:
                case STATE_QUOTE_IN_QUOTED:
                  end_field (reader);
                  finish_record (reader, record);
                  return TRUE;
                case STATE_FIELD_START:
                default:
                  if (!reader->in_record)
                    return FALSE;
                  /* "a,b," at the end: the last field is empty. */
                  begin_field (reader);
                  end_field (reader);
                  finish_record (reader, record);
                  return TRUE;
                }
            }
          continue;
        }

      text = reader->text->data;
      len = reader->text->len;

      if (reader->skip_lf)
        {
          reader->skip_lf = FALSE;
          if (text[reader->pos] == '\n')
            {
              reader->pos++;
              continue;
            }
        }

      c = text[reader->pos];
      switch (reader->state)
        {
        case STATE_FIELD_START:
          begin_field (reader);
          if (c == '"')
            {
              reader->quote_line = reader->line;
              reader->state = STATE_QUOTED;
              reader->pos++;
              break;
            }
          reader->state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case STATE_UNQUOTED:
          {
            gsize start = reader->pos;

            reader->pos = scan_plain (text, start, len, special_unquoted);
            record_append (reader, text + start, reader->pos - start);
            if (reader->pos == len)
              break;

            c = text[reader->pos++];
            if (c == ',')
              {
                end_field (reader);
                reader->state = STATE_FIELD_START;
              }
            else if (c == '\n' || c == '\r')
              {
                end_field (reader);
                finish_record (reader, record);
                reader->line++;
                reader->skip_lf = c == '\r';
                return TRUE;
              }
            else if (c == '"')
              {
                /* A quote inside an unquoted field is taken literally, as
                 * spreadsheet programs read it. */
                record_append (reader, &c, 1);
              }
            else
              {
                return fail_at (reader, error,
                                g_error_new_literal (CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE,
                                                     _("the text contains a NUL byte, which CSV text cannot")));
              }
          }
          break;

        case STATE_QUOTED:
          {
            gsize start = reader->pos;

            reader->pos = scan_plain (text, start, len, special_quoted);
            record_append (reader, text + start, reader->pos - start);
            if (reader->pos == len)
              break;

            c = text[reader->pos++];
            if (c == '"')
              reader->state = STATE_QUOTE_IN_QUOTED;
            else if (c == '\n')
              {
                record_append (reader, &c, 1);
                reader->line++;
              }
            else
              return fail_at (reader, error,
                              g_error_new_literal (CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE,
                                                   _("the text contains a NUL byte, which CSV text cannot")));
          }
          break;

        case STATE_QUOTE_IN_QUOTED:
          reader->pos++;
          if (c == '"')
            {
              record_append (reader, &c, 1);
              reader->state = STATE_QUOTED;
            }
          else if (c == ',')
            {
              end_field (reader);
              reader->state = STATE_FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            {
              end_field (reader);
              finish_record (reader, record);
              reader->line++;
              reader->skip_lf = c == '\r';
              return TRUE;
            }
          else
            {
              return fail_at (reader, error,
                              g_error_new (CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_PARSE,
                                           _("unexpected character “%c” after the closing quote of a field; "
                                             "a quote inside a quoted field is written as two quotes"),
                                           g_ascii_isprint (c) ? c : '?'));
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}
