"""A second, independent implementation of libcasereview's sample draw.

Written from the published documents only -- docs/sampling-spec.md ("SPEC"),
docs/random-spec.md ("RANDOM"), docs/formats.md ("FORMATS") and, for the
attribute allocation, docs/statistics.md ("STATS") -- never from the C code.
Plain Python 3, standard library only: anyone holding the seed, the plan and
the two CSV files can rerun a draw with it and compare with a manifest.

Section references in comments ("SPEC 6") point at the paragraph implemented.

Entry points:

    load_population(agencies_csv, cases_csv) -> Population
    fingerprint(population) -> str
    draw(plan, population) -> {"frame_size", "strata", "units"}
    manifest_lists(plan, agencies_csv, cases_csv) -> the manifest's
        "population", "frame_size", "strata" and "units"

Where the documents left something open, the resolution is marked
"RESOLVED:" and was checked against the library's manifests
(tests/spec/test_sampling_spec.py).
"""

import csv
import datetime
import hashlib
import io
import math
import re
from fractions import Fraction

__all__ = [
    "SpecError", "Pcg32", "stream", "ticket", "Population", "load_population",
    "fingerprint", "draw", "manifest_lists", "attribute_sample_size",
    "KINDS",
]

MASK32 = (1 << 32) - 1
MASK64 = (1 << 64) - 1


class SpecError(Exception):
    """A plan or population the specification calls an error."""


# ---------------------------------------------------------------------------
# RANDOM "The generator: PCG32"
# ---------------------------------------------------------------------------

class Pcg32:
    """PCG-XSH-RR, 64-bit state, 32-bit output (RANDOM, "The generator")."""

    MULT = 6364136223846793005

    def __init__(self, initstate, initseq):
        # "inc = (initseq << 1) | 1, then state = (initstate + inc) * M + inc"
        self.inc = ((initseq << 1) | 1) & MASK64
        self.state = (((initstate + self.inc) & MASK64) * self.MULT + self.inc) & MASK64

    def next_u32(self):
        old = self.state
        self.state = (old * self.MULT + self.inc) & MASK64
        x = (((old >> 18) ^ old) >> 27) & MASK32
        r = old >> 59
        return ((x >> r) | (x << ((32 - r) % 32))) & MASK32

    # SPEC 1 / RANDOM "Integers below a bound": the threshold method.
    def bounded(self, n):
        if not 1 <= n < (1 << 32):
            raise ValueError("bounded(n) needs 1 <= n < 2^32")
        t = ((1 << 32) - n) % n
        while True:
            r = self.next_u32()
            if r >= t:
                return r % n

    # SPEC 1: bounded64, high word first.
    def bounded64(self, n):
        if n < 1:
            raise ValueError("bounded64(n) needs n >= 1")
        if n < (1 << 32):
            return self.bounded(n)
        t = ((1 << 64) - n) % n
        while True:
            hi = self.next_u32()
            lo = self.next_u32()
            r = (hi << 32) | lo
            if r >= t:
                return r % n

    # SPEC 1 / RANDOM "Doubles in [0, 1)".  The integer is below 2^53, so the
    # division by 2^53 is exact in IEEE doubles.
    def next_double(self):
        a = self.next_u32()
        b = self.next_u32()
        return ((a >> 5) * (1 << 26) + (b >> 6)) / float(1 << 53)


# RANDOM "Deriving a stream from a seed string"
def stream_seeds(seed, label):
    d = hashlib.sha256(b"libcasereview/pcg32/v1" + b"\0" + seed.encode("utf-8")
                       + b"\0" + label.encode("utf-8")).digest()
    return int.from_bytes(d[0:8], "big"), int.from_bytes(d[8:16], "big")


def stream(seed, label):
    return Pcg32(*stream_seeds(seed, label))


# ---------------------------------------------------------------------------
# SPEC 6 "Ticket scheme" (Rivest's consistent sampler)
# ---------------------------------------------------------------------------

def ticket_of_digest(digest):
    digits = str(int.from_bytes(digest, "big")).rjust(64, "0")
    return "0." + digits[::-1]


def ticket(seed, case_id):
    """ticket = "0." + reversed decimal digits (>= 64) of
    SHA-256(hex(SHA-256(seed)) || case_id)."""
    seed_hex = hashlib.sha256(seed.encode("utf-8")).hexdigest()
    return ticket_of_digest(hashlib.sha256((seed_hex + case_id).encode("utf-8")).digest())


def ticket_sort_key(t):
    """Compare tickets as decimal fractions: digit by digit, a missing digit
    counting as 0.  Trailing zeros change nothing, so strip them."""
    return t[2:].rstrip("0")


# ---------------------------------------------------------------------------
# FORMATS "CSV": reading a population
# ---------------------------------------------------------------------------

KINDS = ["penalty", "coercion", "inspection", "licensing", "other"]

_KIND_NAMES = {k: k for k in KINDS}
_KIND_NAMES.update({
    "处罚": "penalty", "强制": "coercion", "检查": "inspection", "许可": "licensing", "其他": "other",
    "行政处罚": "penalty", "行政强制": "coercion", "行政检查": "inspection", "行政许可": "licensing",
})

_CATEGORY_NAMES = {
    "district_department": "district_department", "municipal_branch": "municipal_branch",
    "street_office": "street_office", "other": "other",
    "district-department": "district_department", "municipal-branch": "municipal_branch",
    "street-office": "street_office",
    "区政府工作部门": "district_department", "市直派驻机构": "municipal_branch",
    "街道办事处": "street_office", "其他": "other",
}

_AGENCY_COLUMNS = {
    "id": ["id", "编号", "单位编号"],
    "name": ["name", "名称", "单位名称"],
    "short_name": ["short_name", "简称"],
    "category": ["category", "类别", "单位类别"],
}

_CASE_COLUMNS = {
    "case_id": ["case_id", "案卷编号", "案号", "案件编号", "id"],
    "agency": ["agency", "执法单位", "agency_id", "执法机关"],
    "kind": ["kind", "执法类别", "执法类型"],
    "closed_on": ["closed_on", "结案日期", "结案时间"],
    "amount": ["amount", "罚没金额", "罚没金额（元）"],
    "flags": ["flags", "风险标记"],
    "title": ["title", "案由"],
    "weight": ["weight", "风险权重"],
}


class Agency:
    def __init__(self, id, name, short_name, category):
        self.id, self.name, self.short_name, self.category = id, name, short_name, category


class Case:
    def __init__(self, id, agency, kind, closed_on, amount, flags, title, weight):
        self.id = id                # str
        self.agency = agency        # agency id
        self.kind = kind            # machine name
        self.closed_on = closed_on  # "YYYY-MM-DD", zero-padded
        self.amount = amount        # int fen or None
        self.flags = flags          # sorted tuple of str
        self.title = title          # str or None
        self.weight = weight        # float or None


class Population:
    def __init__(self, agencies, cases):
        self.agencies = agencies    # list of Agency
        self.cases = cases          # list of Case


# FORMATS "Spaces around a value are ignored".  RESOLVED: the library also
# trims tabs (but not U+3000, the ideographic space).
_BLANKS = " \t"


def _decode(data):
    """FORMATS "Encoding": UTF-8 (BOM ignored) or GB18030, decided at the
    first non-ASCII bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        # Fewer than four valid multi-byte characters before the first
        # invalid byte: GB18030; otherwise a corrupt UTF-8 file.
        before = data[:e.start].decode("utf-8")
        if sum(1 for ch in before if ord(ch) > 0x7F) >= 4:
            raise SpecError("invalid UTF-8")
        return data.decode("gb18030")


def _read_rows(path):
    """RFC 4180 rows as lists of strings; blank and all-empty rows skipped.
    Returns (header, rows)."""
    with open(path, "rb") as f:
        text = _decode(f.read())
    # RESOLVED: "all empty" means literally empty; a row of blanks is a row.
    rows = [row for row in csv.reader(io.StringIO(text, newline=""), strict=True)
            if any(field != "" for field in row)]
    if not rows:
        raise SpecError(f"{path}: empty file")
    return rows[0], rows[1:]


def _columns(header, names, path):
    """Map our field names to column indexes; English headers in any case."""
    index = {}
    for i, h in enumerate(header):
        h = h.strip(_BLANKS)
        for field, aliases in names.items():
            if h in aliases or h.lower() in aliases:
                # RESOLVED: two columns for one field (e.g. "case_id" and
                # "id") are an error in the library.
                if field in index:
                    raise SpecError(f"{path}: column {field} appears twice")
                index[field] = i
    return index


_DATE_RES = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
]


def _parse_date(text):
    for r in _DATE_RES:
        m = r.match(text)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if not 1900 <= y <= 2199:
                raise SpecError(f"year out of range: {text}")
            try:
                datetime.date(y, mo, d)
            except ValueError:
                raise SpecError(f"no such day in the calendar: {text}") from None
            return f"{y:04d}-{mo:02d}-{d:02d}"
    raise SpecError(f"invalid closing date {text!r}")


_AMOUNT_RE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$")


def _parse_amount(text):
    """Yuan, at most two decimals, thousands separators between groups of
    three, parsed digit by digit into integer fen."""
    m = _AMOUNT_RE.match(text)
    if not m:
        raise SpecError(f"bad amount {text!r}")
    fen = int(m.group(1).replace(",", "")) * 100 + int((m.group(2) or "").ljust(2, "0"))
    if fen > 9 * 10**15:
        raise SpecError("amount too large")
    return fen


def _parse_weight(text):
    """A non-negative decimal, read as the nearest double."""
    try:
        w = float(text)
    except ValueError:
        raise SpecError(f"bad weight {text!r}") from None
    if not (w >= 0 and math.isfinite(w)):
        raise SpecError(f"bad weight {text!r}")
    return w


def _check_id(text, what):
    """FORMATS "Rules": not empty, at most 256 bytes, no control character."""
    if not text or len(text.encode("utf-8")) > 256 or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
        raise SpecError(f"invalid {what} {text!r}")
    return text


def load_population(agencies_path, cases_path):
    header, rows = _read_rows(agencies_path)
    col = _columns(header, _AGENCY_COLUMNS, agencies_path)
    agencies = []
    by_id, by_name = {}, {}
    for row in rows:
        if len(row) != len(header):
            raise SpecError(f"{agencies_path}: wrong number of fields")
        get = lambda f: row[col[f]].strip(_BLANKS) if f in col else ""
        aid, name = _check_id(get("id"), "agency id"), get("name")
        if aid in by_id or name in by_name:
            raise SpecError(f"duplicate agency {aid!r}")
        short = get("short_name") or name
        cat = get("category")
        if cat and cat.lower() not in _CATEGORY_NAMES:
            raise SpecError(f"unknown category {cat!r}")
        cat = _CATEGORY_NAMES[cat.lower()] if cat else "other"
        a = Agency(aid, name, short, cat)
        agencies.append(a)
        by_id[aid] = a
        by_name[name] = a

    header, rows = _read_rows(cases_path)
    col = _columns(header, _CASE_COLUMNS, cases_path)
    cases = []
    seen = set()
    for row in rows:
        if len(row) != len(header):
            raise SpecError(f"{cases_path}: wrong number of fields")
        get = lambda f: row[col[f]].strip(_BLANKS) if f in col else ""
        cid = _check_id(get("case_id"), "case id")
        if cid in seen:
            raise SpecError(f"duplicate case id {cid!r}")
        seen.add(cid)
        ag = get("agency")
        agency = by_id.get(ag) or by_name.get(ag)
        if agency is None:
            raise SpecError(f"unknown agency {ag!r}")
        kind = _KIND_NAMES.get(get("kind").lower())
        if kind is None:
            raise SpecError(f"unknown kind {get('kind')!r}")
        closed = _parse_date(get("closed_on"))
        amount = _parse_amount(get("amount")) if get("amount") else None
        flags = tuple(sorted({f.strip(_BLANKS) for f in re.split("[;；、]", get("flags")) if f.strip(_BLANKS)},
                             key=lambda s: s.encode("utf-8")))
        title = row[col["title"]] if "title" in col else ""   # verbatim
        weight = _parse_weight(get("weight")) if get("weight") else None
        cases.append(Case(cid, agency.id, kind, closed, amount, flags, title or None, weight))
    return Population(agencies, cases)


# ---------------------------------------------------------------------------
# FORMATS "Fingerprint"
# ---------------------------------------------------------------------------

def _esc(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t")
             .replace("\n", "\\n").replace("\r", "\\r"))


def _bytes_key(s):
    return s.encode("utf-8")


def fingerprint(pop):
    out = ["libcasereview-population-v1\n"]
    for a in sorted(pop.agencies, key=lambda a: _bytes_key(a.id)):
        out.append("agency\t" + "\t".join(_esc(x) for x in (a.id, a.name, a.short_name, a.category)) + "\n")
    for c in sorted(pop.cases, key=lambda c: _bytes_key(c.id)):
        fields = [c.id, c.agency, c.kind, c.closed_on,
                  "" if c.amount is None else str(c.amount),
                  "" if c.weight is None else "%.17g" % c.weight,
                  ";".join(c.flags), c.title or ""]
        out.append("case\t" + "\t".join(_esc(x) for x in fields) + "\n")
    return hashlib.sha256("".join(out).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------
# STATS "Exact rates" and "Attribute sample-size planning" (hypergeometric)
# ---------------------------------------------------------------------------

def _rate(x):
    """A double stands for the shortest decimal that reads back as it;
    Python's repr() is exactly that decimal."""
    return Fraction(repr(float(x)))


def _ceil(fr):
    return -((-fr.numerator) // fr.denominator)


def attribute_sample_size(N, confidence, tolerable, expected):
    """Smallest n with P(X <= k) < alpha, k = ceil(n e), X ~ Hypergeometric
    (N, K = ceil(t N), n), alpha = 1 - c exactly on the decimals.  Computed
    with exact rationals, scanning n upwards (STATS: "smallest n").  STATS
    "Ties": sides within a relative 1e-10 count as a tie, and "P < alpha" is
    then false.  Returns None when no n <= N works."""
    alpha = 1 - _rate(confidence)
    t, e = _rate(tolerable), _rate(expected)
    if not (0 < alpha < 1) or not (0 <= e < t <= 1):
        raise SpecError("attribute plan: invalid rates")
    K = _ceil(t * N)
    for n in range(1, N + 1):
        k = _ceil(n * e)
        denom = math.comb(N, n)
        num = sum(math.comb(K, x) * math.comb(N - K, n - x) for x in range(0, min(k, K, n) + 1))
        p = Fraction(num, denom)
        if p < alpha and abs(p - alpha) > alpha * Fraction(1, 10**10):
            return n
    return None


# ---------------------------------------------------------------------------
# SPEC 2 The frame, SPEC 3 strata, SPEC 4 certainty
# ---------------------------------------------------------------------------

def _frame(plan, pop):
    fr = plan.get("frame") or {}
    kinds = set(fr.get("kinds") or KINDS)
    agencies = fr.get("agencies")
    known = {a.id for a in pop.agencies}
    if agencies is not None:
        for a in agencies:
            if a not in known:
                raise SpecError(f"frame.agencies: unknown agency {a!r}")
    excluded = set(fr.get("excluded_ids") or [])
    lo, hi = fr.get("closed_from"), fr.get("closed_to")
    out = []
    for c in pop.cases:
        if lo is not None and c.closed_on < lo:
            continue
        if hi is not None and c.closed_on > hi:
            continue
        if c.kind not in kinds:
            continue
        if agencies is not None and c.agency not in agencies:
            continue
        if c.id in excluded:
            continue
        out.append(c)
    return out, kinds, agencies


def _strata(plan, pop, frame, kinds, agencies):
    """SPEC 3: {key: [cases in canonical order]}, keys sorted bytewise."""
    strat = plan.get("stratification", "agency")
    groups = {}
    if strat == "agency":
        for a in pop.agencies:
            if agencies is None or a.id in agencies:
                groups[a.id] = []
        for c in frame:
            groups[c.agency].append(c)
    elif strat == "kind":
        for k in kinds:
            groups[k] = []
        for c in frame:
            groups[c.kind].append(c)
    elif strat == "agency_kind":
        for c in frame:
            groups.setdefault(c.agency + "/" + c.kind, []).append(c)
    else:
        raise SpecError(f"unknown stratification {strat!r}")
    return {key: sorted(groups[key], key=lambda c: _bytes_key(c.id))
            for key in sorted(groups, key=_bytes_key)}


# ---------------------------------------------------------------------------
# SPEC 5 Allocation
# ---------------------------------------------------------------------------

def _llround(x):
    """C llround: nearest integer, halves away from zero."""
    f = math.floor(x)
    return f + 1 if x - f >= 0.5 else f


def _expected_rate(plan, key):
    rates = plan.get("stratum_expected_rates") or {}
    return rates[key] if key in rates else plan.get("expected_rate", 0.0)


def _clamp_fixed(n, N, plan):
    """"n_h = min(max(n_h, min), max); if n_h > N_h: take_all -> N_h, else error"."""
    lo = plan.get("min_per_stratum", 0)
    hi = plan.get("max_per_stratum", 0)
    n = max(n, lo)
    if hi:
        n = min(n, hi)
    if n > N:
        if not plan.get("take_all", True):
            raise SpecError(f"allocation {n} exceeds stratum size {N}")
        n = N
    return n


def allocate(plan, sizes):
    """sizes: {key: N_h} in key order.  Returns {key: n_h}."""
    how = plan.get("allocation", "fixed")
    keys = list(sizes)
    # RESOLVED: plan checks the spec does not state, found in the library:
    # min_per_stratum above a non-zero max_per_stratum is an error; fixed
    # allocation needs per_stratum >= 1; the splitting allocations need
    # sample_size >= 1.
    if plan.get("max_per_stratum", 0) and plan.get("min_per_stratum", 0) > plan["max_per_stratum"]:
        raise SpecError("min_per_stratum exceeds max_per_stratum")
    if how == "fixed" and plan.get("per_stratum", 0) < 1:
        raise SpecError("fixed allocation needs per_stratum >= 1")
    if how in ("proportional", "equal", "neyman") and plan.get("sample_size", 0) < 1:
        raise SpecError("sample_size must be at least 1")
    if how == "fixed":
        out = {}
        for key in keys:
            if sizes[key] == 0:
                raise SpecError(f"fixed allocation: stratum {key} is empty")
            out[key] = _clamp_fixed(plan.get("per_stratum", 0), sizes[key], plan)
        return out
    if how == "attribute":
        out = {}
        for key in keys:
            N = sizes[key]
            if N == 0:
                out[key] = 0
                continue
            n = attribute_sample_size(N, plan.get("confidence", 0.95), plan.get("tolerable_rate", 0.05),
                                      _expected_rate(plan, key))
            if n is None:
                # "when no sample of at most N_h files reaches the
                # confidence (a small agency), n_h = N_h".
                n = N
            out[key] = _clamp_fixed(min(n, N), N, plan)
        return out
    if how not in ("proportional", "equal", "neyman"):
        raise SpecError(f"unknown allocation {how!r}")

    n = plan.get("sample_size", 0)
    mn = plan.get("min_per_stratum", 0)
    mx = plan.get("max_per_stratum", 0)
    if how == "proportional":
        w = {h: sizes[h] for h in keys}
    elif how == "equal":
        w = {h: 1 if sizes[h] > 0 else 0 for h in keys}
    else:
        w = {}
        for h in keys:
            p = float(_expected_rate(plan, h))
            w[h] = _llround(sizes[h] * math.sqrt(p * (1 - p)) * 2.0**20)
        if all(v == 0 for v in w.values()):
            w = {h: sizes[h] for h in keys}
    lower = {h: min(mn, sizes[h]) for h in keys}
    upper = {h: min(mx, sizes[h]) if mx else sizes[h] for h in keys}
    if n > sum(upper.values()):
        raise SpecError("sample_size exceeds what the strata can give")
    if sum(lower.values()) > n:
        raise SpecError("min_per_stratum needs more than sample_size")
    if not plan.get("take_all", True) and any(0 < sizes[h] < mn for h in keys):
        raise SpecError("a stratum is smaller than min_per_stratum")

    # Apportionment, steps 1-5.
    fixed = {}
    while True:
        free = [h for h in keys if h not in fixed]
        R = n - sum(fixed.values())
        W = sum(w[h] for h in free)
        if W == 0:
            for h in free:
                fixed[h] = lower[h]
            break
        low = [h for h in free if R * w[h] < lower[h] * W]
        if low:
            for h in low:
                fixed[h] = lower[h]
            continue
        high = [h for h in free if R * w[h] > upper[h] * W]
        if high:
            for h in high:
                fixed[h] = upper[h]
            continue
        rem = {}
        for h in free:
            fixed[h], rem[h] = divmod(R * w[h], W)
        missing = R - sum(fixed[h] for h in free)
        order = sorted(free, key=lambda h: (-rem[h], -sizes[h], _bytes_key(h)))
        for h in order[:missing]:
            fixed[h] += 1
        break
    return {h: fixed[h] for h in keys}


# ---------------------------------------------------------------------------
# SPEC 6 Selection within a stratum
# ---------------------------------------------------------------------------

def _fisher_yates(rng, m, count):
    """Partial Fisher-Yates over 0..m-1: the first `count` picks."""
    a = list(range(m))
    picks = []
    for i in range(min(count, m)):
        j = i + rng.bounded(m - i)
        a[i], a[j] = a[j], a[i]
        picks.append(a[i])
    return picks


def _sorted_positions(plan, units, positions):
    """SPEC 6 systematic: order by sort_key (case_id = canonical order;
    closed_on = date ascending, then case id)."""
    key = plan.get("sort_key", "case_id")
    if key == "case_id":
        return sorted(positions)
    if key == "closed_on":
        return sorted(positions, key=lambda i: (units[i].closed_on, _bytes_key(units[i].id)))
    raise SpecError(f"unknown sort_key {key!r}")


def _reserves_6_5(seed, key, eligible_positions_unselected, r):
    """SPEC 6.5: r simple random picks among the unselected eligible units
    (canonical order) with the stream reserve/KEY."""
    pool = sorted(eligible_positions_unselected)
    rng = stream(seed, "reserve/" + key)
    return [pool[p] for p in _fisher_yates(rng, len(pool), r)]


def _size(plan, c):
    """SPEC 6 "Sizes": amount in fen, or llround(weight * 10^6)."""
    measure = plan.get("size_measure", "amount")
    if measure == "amount":
        if c.amount is None:
            raise SpecError(f"{c.id}: no amount")
        return c.amount
    if measure == "weight":
        if c.weight is None:
            raise SpecError(f"{c.id}: no weight")
        return _llround(c.weight * 1e6)
    raise SpecError(f"unknown size_measure {measure!r}")


def _take_all_by_size(k, x):
    """SPEC 6: the set T and the final k', X."""
    T = set()
    while True:
        kp = k - len(T)
        X = sum(x[i] for i in range(len(x)) if i not in T)
        if kp == 0:
            break
        add = [i for i in range(len(x)) if i not in T and x[i] > 0 and kp * x[i] >= X]
        if not add:
            break
        T.update(add)
    kp = k - len(T)
    X = sum(x[i] for i in range(len(x)) if i not in T)
    return T, kp, X


def _select(plan, key, units, n_h):
    """One stratum.  units: the stratum's files in canonical order.
    Returns (stratum record, [unit records])."""
    seed = plan["seed"]
    scheme = plan.get("scheme", "pcg32")
    method = plan.get("method", "simple_random")
    r = plan.get("reserves", 0)
    flags = set(plan.get("certainty_flags") or [])

    # SPEC 4
    certainty = [c for c in units if flags and flags.intersection(c.flags)]
    eligible = [c for c in units if not (flags and flags.intersection(c.flags))]
    N, M, C = len(units), len(eligible), len(certainty)
    k = max(n_h - C, 0)

    # Each entry: (case, role, probability, ticket or None)
    out = [(c, "certainty", 1.0, None) for c in certainty]
    take_all = False

    if scheme == "ticket" and method != "simple_random":
        raise SpecError("the ticket scheme only has simple random sampling")

    if k >= M:
        # SPEC 6 "Take-all"
        out += [(c, "primary", 1.0, None) for c in eligible]
        take_all = N > 0
        n_res = 0
    elif scheme == "ticket":
        # SPEC 6 "Ticket scheme"
        tickets = [ticket(seed, c.id) for c in eligible]
        order = sorted(range(M), key=lambda i: (ticket_sort_key(tickets[i]), i))
        p = k / M
        out += [(eligible[i], "primary", p, tickets[i]) for i in order[:k]]
        out += [(eligible[i], "reserve", 0.0, tickets[i]) for i in order[k:k + r]]
    elif scheme != "pcg32":
        raise SpecError(f"unknown scheme {scheme!r}")
    elif method == "simple_random":
        picks = _fisher_yates(stream(seed, "sample/" + key), M, k + r)
        p = k / M
        out += [(eligible[i], "primary", p, None) for i in picks[:k]]
        out += [(eligible[i], "reserve", 0.0, None) for i in picks[k:]]
    elif method == "systematic":
        order = _sorted_positions(plan, eligible, range(M))
        U = stream(seed, "sample/" + key).bounded(M)
        chosen = [order[(U + j * M) // k] for j in range(k)]
        p = k / M
        out += [(eligible[i], "primary", p, None) for i in chosen]
        rest = set(range(M)) - set(chosen)
        out += [(eligible[i], "reserve", 0.0, None) for i in _reserves_6_5(seed, key, rest, r)]
    elif method in ("pps_systematic", "sequential_poisson"):
        x = [_size(plan, c) for c in eligible]
        T, kp, X = _take_all_by_size(k, x)
        t_sorted = sorted(T)
        out += [(eligible[i], "primary", 1.0, None) for i in t_sorted]

        def pi(i):
            return float(kp * x[i]) / float(X)

        if method == "pps_systematic":
            order = _sorted_positions(plan, eligible, [i for i in range(M) if i not in T])
            positive = [i for i in order if x[i] > 0]
            if len(positive) <= kp:
                chosen = positive
                out += [(eligible[i], "primary", 1.0, None) for i in chosen]
            else:
                U = stream(seed, "sample/" + key).bounded64(X)
                chosen = []
                j, cum = 0, 0
                for i in order:
                    cum += x[i]
                    if j < kp and x[i] > 0 and U + j * X < cum * kp:
                        chosen.append(i)
                        j += 1
                out += [(eligible[i], "primary", pi(i), None) for i in chosen]
            rest = set(range(M)) - T - set(chosen)
            out += [(eligible[i], "reserve", 0.0, None) for i in _reserves_6_5(seed, key, rest, r)]
        else:
            rng = stream(seed, "sample/" + key)
            u = [rng.next_double() for _ in range(M)]
            # RESOLVED: with k' = 0 every pi_i is 0 and no rank exists; the
            # library then draws no unit at all, reserves included.
            ranked = [i for i in range(M) if i not in T and x[i] > 0] if kp > 0 else []
            xi = {i: u[i] / pi(i) for i in ranked}
            ranked.sort(key=lambda i: (xi[i], i))
            out += [(eligible[i], "primary", pi(i), None) for i in ranked[:kp]]
            out += [(eligible[i], "reserve", 0.0, None) for i in ranked[kp:kp + r]]
    else:
        raise SpecError(f"unknown method {method!r}")

    # SPEC 7: draw indexes in the order built above.
    records = []
    for idx, (c, role, p, t) in enumerate(out):
        u = {"case_id": c.id, "agency": c.agency, "stratum": key, "role": role,
             "draw_index": idx, "inclusion_probability": p}
        if t is not None:
            # RESOLVED: only units ranked by their ticket (primary and
            # reserve units of the ticket scheme) carry one; certainty and
            # take-all units do not (checked against the library).
            u["ticket"] = t
        records.append(u)
    n_reserves = sum(1 for u in records if u["role"] == "reserve")
    stratum = {"key": key, "population_size": N, "allocated": n_h, "certainty": C,
               "selected": len(records) - n_reserves, "reserves": n_reserves,
               "take_all": take_all}
    return stratum, records


# ---------------------------------------------------------------------------
# The whole draw, and the manifest's lists (SPEC 7, 9)
# ---------------------------------------------------------------------------

# SPEC 9: "omitted fields take their defaults".  RESOLVED: the spec does not
# list them; these are the values the library writes into a manifest's plan
# for a plan JSON that gives only the seed.
PLAN_DEFAULTS = {
    "scheme": "pcg32", "method": "simple_random", "stratification": "agency",
    "allocation": "fixed", "sample_size": 0, "per_stratum": 0, "min_per_stratum": 0,
    "max_per_stratum": 0, "take_all": True, "reserves": 0, "sort_key": "case_id",
    "size_measure": "amount", "certainty_flags": [], "confidence": 0.95,
    "tolerable_rate": 0.05, "expected_rate": 0.0, "stratum_expected_rates": {},
    "frame": {"kinds": list(KINDS), "excluded_ids": []},
}


def draw(plan, pop):
    plan = {**PLAN_DEFAULTS, **plan}
    if not plan.get("seed"):
        raise SpecError("empty seed")
    frame, kinds, agencies = _frame(plan, pop)
    strata = _strata(plan, pop, frame, kinds, agencies)
    alloc = allocate(plan, {h: len(v) for h, v in strata.items()})
    out_strata, out_units = [], []
    for key, units in strata.items():
        s, us = _select(plan, key, units, alloc[key])
        out_strata.append(s)
        out_units += us
    return {"frame_size": len(frame), "strata": out_strata, "units": out_units}


def manifest_lists(plan, agencies_csv, cases_csv):
    """The manifest's population, frame_size, strata and units for `plan`
    (the manifest's "plan" object) on the two CSV files."""
    pop = load_population(agencies_csv, cases_csv)
    result = draw(plan, pop)
    result["population"] = {"fingerprint": fingerprint(pop), "n_cases": len(pop.cases)}
    return result


if __name__ == "__main__":
    import json
    import sys
    if len(sys.argv) != 4:
        sys.exit("usage: spec_sampler.py PLAN.json AGENCIES.csv CASES.csv")
    with open(sys.argv[1], encoding="utf-8") as f:
        plan = json.load(f)
    plan = plan.get("plan", plan)   # a plan, or a whole manifest
    json.dump(manifest_lists(plan, sys.argv[2], sys.argv[3]), sys.stdout, ensure_ascii=False, indent=1)
    print()
