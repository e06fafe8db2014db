# SPDX-License-Identifier: LGPL-2.1-or-later
"""The statistics module through introspection, checked against exact
arithmetic written here from the definitions: fractions.Fraction and
math.comb for the distributions and plans, 40-digit decimal bisection for the
confidence limits, Python's own shortest repr() for the rate rule."""

import csv
import math
import os
import random
from decimal import Decimal, localcontext
from fractions import Fraction

import gi
import pytest

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, GLib  # noqa: E402

M = CaseReview.StatisticalModel
TABLE = os.path.join(os.environ.get("CASE_REVIEW_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")),
                     "tests", "data", "aicpa-table-a1-sample-sizes-5pct-risk.csv")


def load_table():
    with open(TABLE, newline="", encoding="utf-8") as f:  # csv copes with the CRLF line endings
        return list(csv.DictReader(f))


def exact(x):
    """The rational a double stands for under the library's rate rule: its
    shortest round-trip decimal, which is what repr() prints."""
    return Fraction(repr(x))


def ceil_fraction(x):
    return -((-x.numerator) // x.denominator)


# --------------------------------------------------------------------------
# Exact references

def binomial_cdf_exact(k, n, p):
    q = 1 - p
    return sum(math.comb(n, i) * p**i * q**(n - i) for i in range(0, min(k, n) + 1))


def hypergeometric_cdf_exact(k, N, K, n):
    total = math.comb(N, n)
    return Fraction(sum(math.comb(K, i) * math.comb(N - K, n - i) for i in range(0, min(k, n, K) + 1)), total)


def poisson_cdf_decimal(k, mean):
    term = Decimal(1)
    total = Decimal(1)
    for i in range(1, k + 1):
        term = term * mean / i
        total += term
    return total * (-mean).exp()


def bisect_decimal(f, target, lo, hi, steps=140):
    """The root of an increasing f(x) = target in [lo, hi]."""
    for _ in range(steps):
        mid = (lo + hi) / 2
        if f(mid) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def clopper_pearson_decimal(n, k, alpha):
    """One-sided upper limit and two-sided interval, 40 digits."""
    with localcontext() as ctx:
        ctx.prec = 40
        alpha = Decimal(alpha)

        def cdf(k_, p):
            q = 1 - p
            return sum(Decimal(math.comb(n, i)) * p**i * q**(n - i) for i in range(k_ + 1))

        def upper(a):
            return Decimal(1) if k == n else bisect_decimal(lambda p: -cdf(k, p), -a, Decimal(0), Decimal(1))

        def lower(a):
            return Decimal(0) if k == 0 else bisect_decimal(lambda p: 1 - cdf(k - 1, p), a, Decimal(0), Decimal(1))

        return upper(alpha), lower(alpha / 2), upper(alpha / 2)


def relative(a, b):
    a, b = Decimal(a), Decimal(b)
    return abs(a - b) / abs(b) if b else abs(a)


# --------------------------------------------------------------------------
# AICPA Table A-1

CELLS = load_table()


def test_table_has_every_cell():
    assert len(CELLS) == 194
    assert {row["risk_of_overreliance"] for row in CELLS} == {"0.05"}


@pytest.mark.parametrize("row", CELLS, ids=lambda r: "t%s-e%s" % (r["tolerable_deviation_rate"],
                                                                    r["expected_deviation_rate"]))
def test_aicpa_cell(row):
    tolerable = CaseReview.parse_rate(row["tolerable_deviation_rate"])
    expected = CaseReview.parse_rate(row["expected_deviation_rate"])
    plan = CaseReview.AttributePlan.new(M.BINOMIAL, 0.95, tolerable, expected, 0)
    n, k = plan.get_sample_size(), plan.get_allowed_deviations()
    assert (n, k) == (int(row["sample_size"]), int(row["expected_deviations"]))
    assert k == ceil_fraction(n * Fraction(row["expected_deviation_rate"]))
    assert plan.get_achieved_risk() < 0.05
    # P(X ≤ k) with the exact rational tolerable rate, as a check of the
    # library's floating-point decision at n and n − 1.
    t = Fraction(row["tolerable_deviation_rate"])
    if n <= 400:
        assert binomial_cdf_exact(k, n, t) < Fraction(5, 100)
        k_before = ceil_fraction((n - 1) * Fraction(row["expected_deviation_rate"]))
        assert binomial_cdf_exact(k_before, n - 1, t) >= Fraction(5, 100)


def test_anchors():
    plan = CaseReview.AttributePlan.new(M.BINOMIAL, 0.95, 0.05, 0.0, 0)
    assert (plan.get_sample_size(), plan.get_allowed_deviations()) == (59, 0)
    plan = CaseReview.AttributePlan.new(M.BINOMIAL, 0.95, 0.05, 0.01, 0)
    assert (plan.get_sample_size(), plan.get_allowed_deviations()) == (93, 1)
    assert plan.get_model() == M.BINOMIAL
    assert plan.get_confidence() == 0.95
    assert plan.get_tolerable_rate() == 0.05
    assert plan.get_expected_rate() == 0.01
    assert plan.has_expected_rate()


# --------------------------------------------------------------------------
# Exact rates

def positional(x):
    """The decimal of repr(x) written out without exponent."""
    d = Decimal(repr(x))
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def random_rates(count, seed):
    rng = random.Random(seed)
    rates = [0.0, 1.0, 0.035, 0.1 + 0.2, 1e-5, 5e-324, 0.07, 0.0025, 2.0 ** -30]
    for _ in range(count):
        rates.append(rng.random() * 10.0 ** -rng.randrange(0, 12))
        rates.append(round(rng.random(), rng.randrange(1, 6)))
    return rates


def test_format_rate_is_pythons_shortest_repr():
    for x in random_rates(3000, 1):
        assert CaseReview.format_rate(x) == positional(x), repr(x)
    assert CaseReview.format_rate(0.035) == "0.035"
    assert CaseReview.format_rate(0.1 + 0.2) == "0.30000000000000004"


def test_rate_ceil_count_is_exact():
    rng = random.Random(2)
    counts = [0, 1, 59, 93, 400, 10**6, 10**8, 2**53 + 1, 2**64 - 1]
    for x in random_rates(2000, 3):
        for count in counts + [rng.randrange(1, 10**12)]:
            assert CaseReview.rate_ceil_count(x, count) == ceil_fraction(exact(x) * count), (repr(x), count)
    # jfa's bug
    assert math.ceil(400 * 0.035) == 15
    assert CaseReview.rate_ceil_count(0.035, 400) == 14


@pytest.mark.parametrize("text,value", [
    ("5%", Fraction(5, 100)), ("0.05", Fraction(5, 100)), ("3.5%", Fraction(35, 1000)),
    (" 12.5 % ", Fraction(1, 8)), ("5％", Fraction(5, 100)), ("100%", Fraction(1)), ("0", Fraction(0)),
    (".5", Fraction(1, 2)), ("0.0025", Fraction(25, 10000)), ("17.5%", Fraction(175, 1000)),
    ("0.123456789012345", Fraction("0.123456789012345")), ("0.001", Fraction(1, 1000)),
])
def test_parse_rate(text, value):
    rate = CaseReview.parse_rate(text)
    assert exact(rate) == value
    assert rate == float(value)


@pytest.mark.parametrize("text,code", [
    ("", CaseReview.Error.PARSE), ("abc", CaseReview.Error.PARSE), ("5%%", CaseReview.Error.PARSE),
    ("1e-3", CaseReview.Error.PARSE), ("百分之五", CaseReview.Error.PARSE), ("0,05", CaseReview.Error.PARSE),
    ("-5%", CaseReview.Error.INVALID), ("150%", CaseReview.Error.INVALID), ("1.01", CaseReview.Error.INVALID),
    ("0.30000000000000001", CaseReview.Error.INVALID),
])
def test_parse_rate_errors(text, code):
    with pytest.raises(GLib.Error) as info:
        CaseReview.parse_rate(text)
    assert info.value.matches(CaseReview.error_quark(), code)
    assert info.value.message.startswith("text: “%s”" % text)


def test_parse_and_format_round_trip():
    rng = random.Random(4)
    for _ in range(2000):
        digits = rng.randrange(1, 16)  # up to 15 significant digits always survive a double
        scale = rng.randrange(digits, digits + 8)
        mantissa = rng.randrange(0, 10**digits)
        value = Fraction(mantissa, 10**scale)
        text = format(Decimal(mantissa).scaleb(-scale), "f")
        rate = CaseReview.parse_rate(text)
        assert exact(rate) == value
        assert CaseReview.parse_rate(CaseReview.format_rate(rate)) == rate


# --------------------------------------------------------------------------
# Distribution functions against exact sums

def test_binomial_cdf_exact():
    for n in (1, 2, 5, 13, 40, 77):
        for p in (Fraction(1, 1000), Fraction(5, 100), Fraction(3, 10), Fraction(1, 2), Fraction(97, 100)):
            for k in range(0, n + 1, max(1, n // 9)):
                expected = binomial_cdf_exact(k, n, p)
                got = CaseReview.binomial_cdf(k, n, float(p))
                assert float(abs(Fraction(got) - expected) / expected) < 1e-12, (k, n, p)


def test_hypergeometric_cdf_exact():
    for N in (1, 7, 20, 100, 333):
        for K in sorted({0, 1, N // 20, N // 3, N - 1, N}):
            for n in sorted({0, 1, N // 4, N // 2, N}):
                for k in range(0, n + 1, max(1, n // 6)):
                    expected = hypergeometric_cdf_exact(k, N, K, n)
                    got = CaseReview.hypergeometric_cdf(k, N, K, n)
                    if expected == 0:
                        assert got == 0
                    else:
                        assert float(abs(Fraction(got) - expected) / expected) < 1e-12, (k, N, K, n)


def test_poisson_cdf_decimal():
    with localcontext() as ctx:
        ctx.prec = 40
        for mean in ("0.001", "0.5", "2.95", "10", "123.25", "1000"):
            for k in (0, 1, 2, 5, 50, 130, 900, 1100):
                expected = poisson_cdf_decimal(k, Decimal(mean))
                got = CaseReview.poisson_cdf(k, float(mean))
                if expected < Decimal("1e-300"):
                    assert got < 1e-290, (k, mean)  # underflows, as it should
                else:
                    assert relative(got, expected) < 1e-12, (k, mean)


# --------------------------------------------------------------------------
# Plans against exact brute force

def exact_plan(model, confidence, tolerable, expected, N, cap=400):
    """The smallest n with P(X ≤ ⌈n·e⌉) < 1 − confidence in exact
    arithmetic, or None. Ties (P equal to the risk) do not count as below."""
    risk = 1 - exact(confidence)
    t, e = exact(tolerable), exact(expected)
    K = ceil_fraction(t * N) if N else None
    for n in range(1, (N if model == M.HYPERGEOMETRIC else cap) + 1):
        k = ceil_fraction(e * n)
        if model == M.HYPERGEOMETRIC:
            cdf = hypergeometric_cdf_exact(k, N, K, n)
        else:
            cdf = binomial_cdf_exact(k, n, t)
        if cdf < risk:
            return n, k
    return None


HYPER_GRID = [(N, t, e, c)
              for N in (1, 2, 3, 5, 10, 17, 20, 33, 50, 64, 100, 101, 150)
              for t in (0.01, 0.05, 0.1, 0.2, 0.35)
              for e in (0.0, 0.01, 0.03, 0.05)
              for c in (0.9, 0.95, 0.99)
              if e < t]


@pytest.mark.parametrize("N,tolerable,expected,confidence", HYPER_GRID)
def test_hypergeometric_plan_brute_force(N, tolerable, expected, confidence):
    reference = exact_plan(M.HYPERGEOMETRIC, confidence, tolerable, expected, N)
    if reference is None:
        with pytest.raises(GLib.Error) as info:
            CaseReview.AttributePlan.new(M.HYPERGEOMETRIC, confidence, tolerable, expected, N)
        assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
        assert info.value.message.startswith("population_size:")
        return
    plan = CaseReview.AttributePlan.new(M.HYPERGEOMETRIC, confidence, tolerable, expected, N)
    assert (plan.get_sample_size(), plan.get_allowed_deviations()) == reference
    assert plan.get_critical_count() == ceil_fraction(exact(tolerable) * N)


def test_small_agency_needs_far_fewer_than_59():
    plan = CaseReview.AttributePlan.new(M.HYPERGEOMETRIC, 0.95, 0.05, 0.0, 100)
    n = plan.get_sample_size()
    assert n == 45
    assert plan.get_critical_count() == 5
    # P(no deviation) = C(95, n) / C(100, n)
    assert Fraction(math.comb(95, n), math.comb(100, n)) < Fraction(1, 20)
    assert Fraction(math.comb(95, n - 1), math.comb(100, n - 1)) >= Fraction(1, 20)
    assert abs(plan.get_achieved_risk() - math.comb(95, n) / math.comb(100, n)) < 1e-15


def test_exact_tie_is_not_below_the_risk():
    # N = 20, K = 1: P(X = 0 | n) = (20 − n)/20 is exactly 0.05 at n = 19.
    plan = CaseReview.AttributePlan.new(M.HYPERGEOMETRIC, 0.95, 0.05, 0.0, 20)
    assert plan.get_sample_size() == 20
    # n = 1, t = 0.95: P(X = 0) = 0.05 exactly.
    plan = CaseReview.AttributePlan.new(M.BINOMIAL, 0.95, 0.95, 0.0, 0)
    assert plan.get_sample_size() == 2


# Pairs whose plans stay within the 250 files the exact scan covers.
BINOMIAL_GRID = [(t, e, c)
                 for t in (0.1, 0.15, 0.2, 0.3, 0.5)
                 for e in (0.0, 0.01, 0.04, 0.08)
                 for c in (0.8, 0.9, 0.95)
                 if e <= t / 2]


@pytest.mark.parametrize("tolerable,expected,confidence", BINOMIAL_GRID)
def test_binomial_plan_brute_force(tolerable, expected, confidence):
    reference = exact_plan(M.BINOMIAL, confidence, tolerable, expected, 0, cap=250)
    plan = CaseReview.AttributePlan.new(M.BINOMIAL, confidence, tolerable, expected, 0)
    assert reference is not None
    assert (plan.get_sample_size(), plan.get_allowed_deviations()) == reference


def test_exact_rates_change_plans():
    # In doubles 200 · 0.035 = 7.000000000000001 would allow 8 deviations.
    plan = CaseReview.AttributePlan.new(M.BINOMIAL, 0.95, 0.065, 0.035, 0)
    assert (plan.get_sample_size(), plan.get_allowed_deviations()) == (200, 7)
    assert math.ceil(200 * 0.035) == 8


def test_plan_properties():
    rng = random.Random(5)
    for _ in range(200):
        tolerable = round(rng.uniform(0.01, 0.3), 3)
        expected = round(rng.uniform(0, tolerable * 0.7), 4)
        confidence = rng.choice([0.8, 0.9, 0.95, 0.99])
        binomial = CaseReview.AttributePlan.new(M.BINOMIAL, confidence, tolerable, expected, 0)
        poisson = CaseReview.AttributePlan.new(M.POISSON, confidence, tolerable, expected, 0)
        assert poisson.get_sample_size() >= binomial.get_sample_size()
        stricter = CaseReview.AttributePlan.new(M.BINOMIAL, min(0.999, confidence + 0.005), tolerable, expected, 0)
        assert stricter.get_sample_size() >= binomial.get_sample_size()
        N = rng.randrange(binomial.get_sample_size(), 20 * binomial.get_sample_size())
        finite = CaseReview.AttributePlan.new(M.HYPERGEOMETRIC, confidence, tolerable, expected, N)
        assert finite.get_sample_size() <= binomial.get_sample_size()
        for plan in (binomial, poisson, finite):
            assert plan.get_achieved_risk() < 1 - confidence


def test_fixed_deviations():
    plan = CaseReview.AttributePlan.new_for_deviations(M.BINOMIAL, 0.95, 0.05, 1, 0)
    assert (plan.get_sample_size(), plan.get_allowed_deviations()) == (93, 1)
    assert not plan.has_expected_rate()
    for k in range(0, 6):
        plan = CaseReview.AttributePlan.new_for_deviations(M.HYPERGEOMETRIC, 0.9, 0.1, k, 60)
        n = plan.get_sample_size()
        assert hypergeometric_cdf_exact(k, 60, 6, n) < Fraction(1, 10)
        assert hypergeometric_cdf_exact(k, 60, 6, n - 1) >= Fraction(1, 10)


def test_large_population():
    plan = CaseReview.AttributePlan.new(M.HYPERGEOMETRIC, 0.95, 0.05, 0.01, 10**8)
    assert (plan.get_sample_size(), plan.get_allowed_deviations()) == (93, 1)
    assert plan.get_critical_count() == 5 * 10**6
    assert plan.get_population_size() == 10**8
    plan = CaseReview.AttributePlan.new(M.HYPERGEOMETRIC, 0.99, 0.0002, 0.0001, 10**8)
    assert 0 < plan.get_achieved_risk() < 0.01
    assert math.isfinite(plan.get_achieved_risk())


@pytest.mark.parametrize("args,parameter", [
    ((M.BINOMIAL, 1.5, 0.05, 0.0, 0), "confidence"),
    ((M.BINOMIAL, 0.0, 0.05, 0.0, 0), "confidence"),
    ((M.BINOMIAL, 1.0, 0.05, 0.0, 0), "confidence"),
    ((M.BINOMIAL, float("nan"), 0.05, 0.0, 0), "confidence"),
    ((M.BINOMIAL, 0.95, 1.5, 0.0, 0), "tolerable_rate"),
    ((M.BINOMIAL, 0.95, -0.01, 0.0, 0), "tolerable_rate"),
    ((M.BINOMIAL, 0.95, 0.0, 0.0, 0), "tolerable_rate"),
    ((M.BINOMIAL, 0.95, 0.05, 0.05, 0), "tolerable_rate"),
    ((M.POISSON, 0.95, 0.05, 0.07, 0), "tolerable_rate"),
    ((M.BINOMIAL, 0.95, 0.05, -0.01, 0), "expected_rate"),
    ((M.BINOMIAL, 0.95, 0.05, 2.0, 0), "expected_rate"),
    ((M.HYPERGEOMETRIC, 0.95, 0.05, 0.0, 0), "population_size"),
    ((M.HYPERGEOMETRIC, 0.95, 0.05, 0.04, 10), "population_size"),
    ((M.BINOMIAL, 0.95, 0.05, 0.0, 50), "population_size"),
])
def test_plan_errors(args, parameter):
    with pytest.raises(GLib.Error) as info:
        CaseReview.AttributePlan.new(*args)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert info.value.message.startswith(parameter + ":"), info.value.message


def test_error_message_quotes_the_value():
    with pytest.raises(GLib.Error) as info:
        CaseReview.AttributePlan.new(M.BINOMIAL, 1.5, 0.05, 0.0, 0)
    assert info.value.message == "confidence: 1.5 is not between 0 and 1 (exclusive)"


# --------------------------------------------------------------------------
# Bounds

def test_bound_anchors():
    bound = CaseReview.Bound.new_upper(M.BINOMIAL, 0.95, 59, 0, 0)
    assert relative(bound.get_upper(), 1 - Decimal("0.05") ** (Decimal(1) / 59)) < 1e-14
    assert f"{bound.get_upper():.4%}" == "4.9508%"
    bound = CaseReview.Bound.new_upper(M.BINOMIAL, 0.95, 100, 1, 0)
    assert f"{bound.get_upper():.3%}" == "4.656%"
    assert bound.get_lower() == 0 and not bound.is_two_sided()


CP_GRID = [(n, k) for n in (1, 2, 5, 20, 59, 100) for k in sorted({0, 1, 2, n // 3, n - 1, n}) if 0 <= k <= n]


@pytest.mark.parametrize("n,k", CP_GRID)
def test_clopper_pearson_decimal(n, k):
    upper, lower2, upper2 = clopper_pearson_decimal(n, k, "0.05")
    one = CaseReview.Bound.new_upper(M.BINOMIAL, 0.95, n, k, 0)
    two = CaseReview.Bound.new_interval(M.BINOMIAL, 0.95, n, k, 0)
    assert relative(one.get_upper(), upper) < 1e-12
    assert relative(two.get_upper(), upper2) < 1e-12
    assert relative(two.get_lower(), lower2) < 1e-12
    assert two.is_two_sided()
    if k == 0:
        assert two.get_lower() == 0
    if k == n:
        assert two.get_upper() == 1 and one.get_upper() == 1


@pytest.mark.parametrize("n,k", [(100, 0), (100, 1), (100, 5), (50, 10), (7, 7), (1000, 30)])
def test_poisson_decimal(n, k):
    with localcontext() as ctx:
        ctx.prec = 40
        hi = Decimal(k + 50)
        upper = bisect_decimal(lambda mu: -poisson_cdf_decimal(k, mu), Decimal("-0.025"), Decimal(0), hi) / n
        lower = (bisect_decimal(lambda mu: 1 - poisson_cdf_decimal(k - 1, mu), Decimal("0.025"), Decimal(0), hi) / n
                 if k else Decimal(0))
    bound = CaseReview.Bound.new_interval(M.POISSON, 0.95, n, k, 0)
    assert relative(bound.get_upper(), upper) < 1e-12
    assert relative(bound.get_lower(), lower) < 1e-12


def hypergeometric_limits_exact(N, n, k, alpha):
    """(largest K with P(X ≤ k | K) > α, smallest K with P(X ≥ k | K) > α/2 and
    largest K with P(X ≤ k | K) > α/2), exact."""
    candidates = range(k, N - n + k + 1)
    upper = max(K for K in candidates if hypergeometric_cdf_exact(k, N, K, n) > alpha)
    upper2 = max(K for K in candidates if hypergeometric_cdf_exact(k, N, K, n) > alpha / 2)
    lower2 = 0 if k == 0 else min(K for K in candidates
                                  if 1 - hypergeometric_cdf_exact(k - 1, N, K, n) > alpha / 2)
    return upper, lower2, upper2


@pytest.mark.parametrize("N", [1, 2, 9, 20, 40, 61])
def test_hypergeometric_bounds_brute_force(N):
    for n in sorted({1, 2, N // 3, N // 2, N}):
        if not 1 <= n <= N:
            continue
        for k in sorted({0, 1, n // 4, n}):
            if k > n:
                continue
            for confidence in (0.9, 0.95):
                upper, lower2, upper2 = hypergeometric_limits_exact(N, n, k, 1 - exact(confidence))
                one = CaseReview.Bound.new_upper(M.HYPERGEOMETRIC, confidence, n, k, N)
                two = CaseReview.Bound.new_interval(M.HYPERGEOMETRIC, confidence, n, k, N)
                assert one.get_upper_count() == upper, (N, n, k, confidence)
                assert (two.get_lower_count(), two.get_upper_count()) == (lower2, upper2), (N, n, k, confidence)
                assert one.get_upper() == upper / N


def test_large_population_bounds():
    bound = CaseReview.Bound.new_interval(M.HYPERGEOMETRIC, 0.95, 10**4, 500, 10**8)
    binomial = CaseReview.Bound.new_interval(M.BINOMIAL, 0.95, 10**4, 500, 0)
    assert math.isclose(bound.get_upper(), binomial.get_upper(), rel_tol=1e-3)
    assert math.isclose(bound.get_lower(), binomial.get_lower(), rel_tol=1e-3)
    assert bound.get_lower_count() < 5 * 10**6 < bound.get_upper_count()
    bound = CaseReview.Bound.new_upper(M.BINOMIAL, 0.95, 10**8, 0, 0)
    assert relative(bound.get_upper(), 1 - Decimal("0.05") ** (Decimal(1) / 10**8)) < 1e-12


@pytest.mark.parametrize("args,parameter", [
    ((M.BINOMIAL, 0.95, 0, 0, 0), "sample_size"),
    ((M.BINOMIAL, 0.95, 10, 11, 0), "deviations"),
    ((M.BINOMIAL, 2.0, 10, 1, 0), "confidence"),
    ((M.HYPERGEOMETRIC, 0.95, 10, 1, 0), "population_size"),
    ((M.HYPERGEOMETRIC, 0.95, 120, 1, 100), "sample_size"),
])
def test_bound_errors(args, parameter):
    for constructor in (CaseReview.Bound.new_upper, CaseReview.Bound.new_interval):
        with pytest.raises(GLib.Error) as info:
            constructor(*args)
        assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
        assert info.value.message.startswith(parameter + ":"), info.value.message


# --------------------------------------------------------------------------
# Stratified estimate

def test_stratified_estimate():
    strata = [(1200, 80, 3), (300, 40, 0), (45, 45, 2)]
    estimate = CaseReview.StratifiedEstimate.new()
    for N, n, k in strata:
        estimate.add_stratum(N, n, k)
    assert estimate.get_n_strata() == 3
    result = estimate.compute(0.95)
    alpha = Fraction(5, 100) / 3
    upper = 0
    for index, (N, n, k) in enumerate(strata):
        K = max(K for K in range(k, N - n + k + 1) if hypergeometric_cdf_exact(k, N, K, n) > alpha)
        assert result.get_stratum_upper_count(index) == K
        upper += K
    assert result.get_upper_count() == upper
    assert result.get_estimated_deviations() == pytest.approx(sum(N * k / n for N, n, k in strata), rel=1e-15)
    assert result.get_estimated_rate() == pytest.approx(result.get_estimated_deviations() / 1545, rel=1e-15)
    assert result.get_upper_rate() == upper / 1545
    assert (result.get_population_size(), result.get_sample_size(), result.get_deviations()) == (1545, 165, 5)
    assert result.get_stratum_confidence() == pytest.approx(1 - 0.05 / 3, rel=1e-15)
    assert result.get_stratum_upper_count(2) == 2  # a census


def test_stratified_bound_covers_the_truth():
    """Simulated audits of a district with known deviations: the upper bound
    must cover the true total in at least 95% of draws (Bonferroni makes it
    conservative, so in practice nearly always), and the Horvitz–Thompson
    estimate must be unbiased."""
    rng = random.Random(2020)
    strata = [(200, 30, 14), (500, 50, 40), (80, 20, 2), (1000, 40, 0)]  # (N, n, true K)
    truth = sum(K for _, _, K in strata)
    covered = 0
    total_estimate = 0.0
    trials = 1500
    for _ in range(trials):
        estimate = CaseReview.StratifiedEstimate.new()
        for N, n, K in strata:
            k = sum(1 for unit in rng.sample(range(N), n) if unit < K)
            estimate.add_stratum(N, n, k)
        result = estimate.compute(0.95)
        covered += result.get_upper_count() >= truth
        total_estimate += result.get_estimated_deviations()
    assert covered / trials >= 0.95
    # Mean of 1500 unbiased estimates: the standard error is about 1.5.
    assert abs(total_estimate / trials - truth) < 6


def test_stratified_errors_leave_the_estimate_unchanged():
    estimate = CaseReview.StratifiedEstimate.new()
    with pytest.raises(GLib.Error) as info:
        estimate.compute(0.95)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    estimate.add_stratum(100, 10, 1)
    for args, parameter in [((100, 101, 1), "sample_size"), ((100, 10, 11), "deviations"),
                            ((0, 0, 0), "population_size"), ((100, 0, 0), "sample_size")]:
        with pytest.raises(GLib.Error) as info:
            estimate.add_stratum(*args)
        assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
        assert info.value.message.startswith(parameter + ":")
    assert estimate.get_n_strata() == 1
    assert estimate.compute(0.95).get_n_strata() == 1
