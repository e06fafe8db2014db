// SPDX-License-Identifier: LGPL-2.1-or-later
//
// CaseReviewRandom against the reference C++ PCG implementation
// (pcg_random.hpp from Debian's libpcg-cpp-dev) and the documented seed
// derivation (docs/random-spec.md).
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include <pcg_random.hpp>

extern "C" {
#include <libcasereview/casereview.h>
}

namespace {

struct RandomDeleter {
  void operator() (CaseReviewRandom *rng) const { case_review_random_free (rng); }
};
using RandomPtr = std::unique_ptr<CaseReviewRandom, RandomDeleter>;

struct ErrorDeleter {
  void operator() (GError *error) const { g_error_free (error); }
};

// Seeds, streams, bounds and distances for the cross-checks come from a fixed
// std::mt19937_64 so a failure is reproducible.
std::mt19937_64 &
test_source ()
{
  static std::mt19937_64 source (20201231);
  return source;
}

} // namespace

TEST (Random, ReferenceVectorFromDesignNote)
{
  RandomPtr rng (case_review_random_new (42, 54));
  const guint32 expected[] = { 0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e };

  for (guint32 value : expected)
    EXPECT_EQ (case_review_random_next_u32 (rng.get ()), value);
}

TEST (Random, MatchesPcgCppOverManySeedsAndStreams)
{
  for (int trial = 0; trial < 4000; trial++)
    {
      uint64_t state = test_source () ();
      uint64_t stream = test_source () ();
      pcg32 reference (state, stream);
      RandomPtr rng (case_review_random_new (state, stream));

      for (int i = 0; i < 64; i++)
        ASSERT_EQ (case_review_random_next_u32 (rng.get ()), reference ())
            << "state " << state << " stream " << stream << " output " << i;
    }
}

TEST (Random, StreamSelectorIgnoresTopBitLikeReference)
{
  // pcg32 keeps only 63 bits of the stream selector (increment = seq << 1 | 1).
  RandomPtr low (case_review_random_new (7, 5));
  RandomPtr high (case_review_random_new (7, 5 | (G_GUINT64_CONSTANT (1) << 63)));

  for (int i = 0; i < 16; i++)
    EXPECT_EQ (case_review_random_next_u32 (low.get ()), case_review_random_next_u32 (high.get ()));
}

TEST (Random, BoundedMatchesPcgCppThresholdMethod)
{
  std::vector<uint32_t> bounds = { 1, 2, 3, 7, 10, 100, 350, 1000, 65536, 0x7fffffffu, 0x80000000u,
                                   0x80000001u, 0xc0000000u, 0xfffffffeu, 0xffffffffu };
  for (int i = 0; i < 200; i++)
    bounds.push_back (static_cast<uint32_t> (test_source () () >> 32) | 1u);

  for (uint32_t bound : bounds)
    {
      uint64_t state = test_source () ();
      uint64_t stream = test_source () ();
      pcg32 reference (state, stream);
      RandomPtr rng (case_review_random_new (state, stream));

      for (int i = 0; i < 256; i++)
        {
          guint32 value = case_review_random_bounded (rng.get (), bound);
          ASSERT_EQ (value, reference (bound)) << "bound " << bound << " draw " << i;
          ASSERT_LT (value, bound);
        }
      // Rejections must consume the same outputs too: the streams stay in step.
      ASSERT_EQ (case_review_random_next_u32 (rng.get ()), reference ()) << "bound " << bound;
    }
}

TEST (Random, BoundedRejectsBiasedOutputs)
{
  // With bound 0xc0000000 the threshold is 2^32 mod bound = 0x40000000: a
  // quarter of outputs are rejected, so 4096 accepted draws see about
  // 4096 · (1/4) / (3/4) ≈ 1365 rejections (standard deviation ≈ 43).
  RandomPtr rng (case_review_random_new (1, 1));
  RandomPtr counter (case_review_random_new (1, 1));
  int rejected = 0;

  for (int i = 0; i < 4096; i++)
    {
      guint32 value = case_review_random_bounded (rng.get (), 0xc0000000u);
      guint32 raw;
      while ((raw = case_review_random_next_u32 (counter.get ())) < 0x40000000u)
        rejected++;
      ASSERT_EQ (value, raw % 0xc0000000u);
    }
  EXPECT_GT (rejected, 1195);
  EXPECT_LT (rejected, 1536);
}

TEST (Random, AdvanceMatchesPcgCppAndStepping)
{
  std::vector<uint64_t> deltas = { 0, 1, 2, 3, 63, 64, 1000, 123456789, G_MAXUINT64, G_MAXUINT64 - 1,
                                   G_GUINT64_CONSTANT (1) << 63 };
  for (int i = 0; i < 1000; i++)
    deltas.push_back (test_source () () >> (test_source () () % 64));

  for (uint64_t delta : deltas)
    {
      uint64_t state = test_source () ();
      uint64_t stream = test_source () ();
      pcg32 reference (state, stream);
      RandomPtr rng (case_review_random_new (state, stream));

      reference.advance (delta);
      case_review_random_advance (rng.get (), delta);
      for (int i = 0; i < 8; i++)
        ASSERT_EQ (case_review_random_next_u32 (rng.get ()), reference ()) << "delta " << delta;
    }

  // Advancing n equals drawing n.
  RandomPtr stepped (case_review_random_new (42, 54));
  RandomPtr jumped (case_review_random_new (42, 54));
  for (int i = 0; i < 1000; i++)
    case_review_random_next_u32 (stepped.get ());
  case_review_random_advance (jumped.get (), 1000);
  EXPECT_EQ (case_review_random_next_u32 (stepped.get ()), case_review_random_next_u32 (jumped.get ()));

  // The period is 2^64: advancing 2^64 - 1 and then one more step comes back.
  RandomPtr wrapped (case_review_random_new (42, 54));
  case_review_random_advance (wrapped.get (), G_MAXUINT64);
  case_review_random_next_u32 (wrapped.get ());
  EXPECT_EQ (case_review_random_next_u32 (wrapped.get ()), 0xa15c02b7u);
}

TEST (Random, NextDoubleUses53BitsFromTwoOutputs)
{
  RandomPtr rng (case_review_random_new (42, 54));
  pcg32 reference (42u, 54u);

  for (int i = 0; i < 10000; i++)
    {
      uint32_t a = reference () >> 5;
      uint32_t b = reference () >> 6;
      double expected = (a * 67108864.0 + b) / 9007199254740992.0;
      double value = case_review_random_next_double (rng.get ());

      ASSERT_EQ (value, expected);
      ASSERT_GE (value, 0.0);
      ASSERT_LT (value, 1.0);
    }
}

TEST (Random, FillEqualsRepeatedNext)
{
  // fill_u32 runs two interleaved chains; odd and even lengths, and a fill
  // followed by single draws, must all continue the one sequence.
  for (gsize length : { 0, 1, 2, 3, 7, 8, 1000, 1001 })
    {
      RandomPtr filled (case_review_random_new (3, 4));
      pcg32 reference (3u, 4u);
      std::vector<guint32> values (length + 1, 0xdeadbeef);

      case_review_random_fill_u32 (filled.get (), values.data (), length);
      for (gsize i = 0; i < length; i++)
        ASSERT_EQ (values[i], reference ()) << "length " << length << " index " << i;
      EXPECT_EQ (values[length], 0xdeadbeefu) << "wrote past the end";
      for (int i = 0; i < 5; i++)
        ASSERT_EQ (case_review_random_next_u32 (filled.get ()), reference ()) << "after length " << length;
    }
}

TEST (Random, CopyKeepsPosition)
{
  RandomPtr rng (case_review_random_new (42, 54));
  case_review_random_next_u32 (rng.get ());
  RandomPtr copy (case_review_random_copy (rng.get ()));

  for (int i = 0; i < 100; i++)
    ASSERT_EQ (case_review_random_next_u32 (rng.get ()), case_review_random_next_u32 (copy.get ()));

  // The boxed GType copies the same way.
  gpointer boxed = g_boxed_copy (CASE_REVIEW_TYPE_RANDOM, rng.get ());
  EXPECT_EQ (case_review_random_next_u32 (static_cast<CaseReviewRandom *> (boxed)),
             case_review_random_next_u32 (rng.get ()));
  g_boxed_free (CASE_REVIEW_TYPE_RANDOM, boxed);
}

TEST (Random, HalvesAndHexGiveTheSameStream)
{
  for (int trial = 0; trial < 500; trial++)
    {
      uint64_t state = test_source () ();
      uint64_t stream = test_source () ();
      RandomPtr whole (case_review_random_new (state, stream));
      RandomPtr halves (case_review_random_new_from_halves (state >> 32, state & 0xffffffffu,
                                                            stream >> 32, stream & 0xffffffffu));
      g_autofree char *state_hex = g_strdup_printf ("%" G_GINT64_MODIFIER "x", state);
      g_autofree char *stream_hex = g_strdup_printf ("0X%016" G_GINT64_MODIFIER "X", stream);
      GError *error = nullptr;
      RandomPtr hex (case_review_random_new_from_hex (state_hex, stream_hex, &error));

      ASSERT_EQ (error, nullptr);
      ASSERT_NE (hex, nullptr);
      for (int i = 0; i < 4; i++)
        {
          guint32 expected = case_review_random_next_u32 (whole.get ());
          ASSERT_EQ (case_review_random_next_u32 (halves.get ()), expected);
          ASSERT_EQ (case_review_random_next_u32 (hex.get ()), expected);
        }
    }
}

TEST (Random, BadHexIsAnErrorNamingTheArgument)
{
  struct Case { const char *state, *stream; int code; const char *mentions; };
  const Case cases[] = {
    { "", "1", CASE_REVIEW_ERROR_PARSE, "initstate" },
    { "0x", "1", CASE_REVIEW_ERROR_PARSE, "initstate" },
    { "12g4", "1", CASE_REVIEW_ERROR_PARSE, "initstate" },
    { "1", "-5", CASE_REVIEW_ERROR_PARSE, "initseq" },
    { "1", "1 ", CASE_REVIEW_ERROR_PARSE, "initseq" },
    { "1ffffffffffffffff", "1", CASE_REVIEW_ERROR_INVALID, "initstate" },
  };

  for (const Case &c : cases)
    {
      GError *error = nullptr;
      CaseReviewRandom *rng = case_review_random_new_from_hex (c.state, c.stream, &error);

      EXPECT_EQ (rng, nullptr) << c.state << " / " << c.stream;
      ASSERT_NE (error, nullptr);
      EXPECT_TRUE (g_error_matches (error, CASE_REVIEW_ERROR, c.code)) << error->message;
      EXPECT_NE (strstr (error->message, c.mentions), nullptr) << error->message;
      g_error_free (error);
    }
}

// Vectors computed independently with Python's hashlib from the byte layout in
// docs/random-spec.md: SHA-256 ("libcasereview/pcg32/v1" 0x00 seed 0x00 stream).
TEST (Random, SeedDerivationMatchesSpecVectors)
{
  struct Vector { const char *seed, *stream; uint64_t state, seq; };
  const Vector vectors[] = {
    { "罗湖区2020", "demo", G_GUINT64_CONSTANT (0x407b99feea1d2d70), G_GUINT64_CONSTANT (0xcd2bdc55ab55b77e) },
    { "01382438112797316654", "sample/LH01", G_GUINT64_CONSTANT (0xe4f53adce9b302e5), G_GUINT64_CONSTANT (0x532d5f2ffbc4874e) },
    { "abc", "", G_GUINT64_CONSTANT (0x3ddb05991de76310), G_GUINT64_CONSTANT (0x18807d47c502f22c) },
  };

  for (const Vector &v : vectors)
    {
      GError *error = nullptr;
      RandomPtr derived (case_review_random_new_from_seed (v.seed, v.stream, &error));
      pcg32 reference (v.state, v.seq);

      ASSERT_EQ (error, nullptr);
      for (int i = 0; i < 32; i++)
        ASSERT_EQ (case_review_random_next_u32 (derived.get ()), reference ()) << v.seed << "/" << v.stream;
    }

  GError *error = nullptr;
  RandomPtr demo (case_review_random_new_from_seed ("罗湖区2020", "demo", &error));
  const guint32 expected[] = { 53, 76, 0, 51, 27 };
  for (guint32 value : expected)
    EXPECT_EQ (case_review_random_bounded (demo.get (), 100), value);
}

TEST (Random, StreamsAndSeedsAreIndependent)
{
  RandomPtr a (case_review_random_new_from_seed ("2020", "sample/LH01", nullptr));
  RandomPtr b (case_review_random_new_from_seed ("2020", "sample/LH02", nullptr));
  RandomPtr c (case_review_random_new_from_seed ("2021", "sample/LH01", nullptr));
  // Moving a byte across the separator must change the stream.
  RandomPtr d (case_review_random_new_from_seed ("20201", "sample/LH0", nullptr));
  RandomPtr a_again (case_review_random_new_from_seed ("2020", "sample/LH01", nullptr));

  guint32 first_a = case_review_random_next_u32 (a.get ());
  EXPECT_NE (first_a, case_review_random_next_u32 (b.get ()));
  EXPECT_NE (first_a, case_review_random_next_u32 (c.get ()));
  EXPECT_NE (first_a, case_review_random_next_u32 (d.get ()));
  EXPECT_EQ (first_a, case_review_random_next_u32 (a_again.get ()));
}

TEST (Random, BadSeedsAreErrors)
{
  GError *error = nullptr;

  EXPECT_EQ (case_review_random_new_from_seed ("", "demo", &error), nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_TRUE (g_error_matches (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_INVALID));
  EXPECT_NE (strstr (error->message, "seed"), nullptr);
  g_clear_error (&error);

  EXPECT_EQ (case_review_random_new_from_seed ("\xb5\xd8", "demo", &error), nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_TRUE (g_error_matches (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_ENCODING));
  g_clear_error (&error);

  EXPECT_EQ (case_review_random_new_from_seed ("2020", "\xff", &error), nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_TRUE (g_error_matches (error, CASE_REVIEW_ERROR, CASE_REVIEW_ERROR_ENCODING));
  EXPECT_NE (strstr (error->message, "stream"), nullptr);
  g_clear_error (&error);
}
