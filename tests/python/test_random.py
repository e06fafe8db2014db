# SPDX-License-Identifier: LGPL-2.1-or-later
"""CaseReview.Random from Python, checked against an independent pure-Python
implementation written from docs/random-spec.md (hashlib only)."""

import hashlib

import gi
import pytest

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, GLib  # noqa: E402

MULTIPLIER = 6364136223846793005
MASK64 = (1 << 64) - 1


class SpecPcg32:
    """PCG-XSH-RR 64/32 exactly as docs/random-spec.md describes it."""

    def __init__(self, initstate, initseq):
        self.increment = ((initseq << 1) | 1) & MASK64
        self.state = ((initstate + self.increment) * MULTIPLIER + self.increment) & MASK64

    @classmethod
    def from_seed(cls, seed, stream):
        digest = hashlib.sha256(
            b"libcasereview/pcg32/v1\0" + seed.encode("utf-8") + b"\0" + stream.encode("utf-8")
        ).digest()
        return cls(int.from_bytes(digest[0:8], "big"), int.from_bytes(digest[8:16], "big"))

    def next_u32(self):
        old = self.state
        self.state = (old * MULTIPLIER + self.increment) & MASK64
        xorshifted = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF
        rot = old >> 59
        return ((xorshifted >> rot) | (xorshifted << ((-rot) & 31))) & 0xFFFFFFFF

    def bounded(self, bound):
        threshold = (2**32 - bound) % bound
        while True:
            r = self.next_u32()
            if r >= threshold:
                return r % bound

    def next_double(self):
        a = self.next_u32() >> 5
        b = self.next_u32() >> 6
        return (a * 67108864 + b) / 9007199254740992


SEEDS = [("罗湖区2020", "demo"), ("01382438112797316654", "sample/LH01"), ("abc", ""),
         ("掷骰子 3 5 1 6", "assign/reviewers"), ("2020", "sample/深罗城罚")]


def test_reference_vector():
    rng = CaseReview.Random.new(42, 54)
    assert [rng.next_u32() for _ in range(6)] == [
        0xA15C02B7, 0x7B47F409, 0xBA1D3330, 0x83D2F293, 0xBFA4784B, 0xCBED606E]


@pytest.mark.parametrize("seed,stream", SEEDS)
def test_seeded_stream_matches_spec(seed, stream):
    rng = CaseReview.Random.new_from_seed(seed, stream)
    spec = SpecPcg32.from_seed(seed, stream)
    assert [rng.next_u32() for _ in range(200)] == [spec.next_u32() for _ in range(200)]
    for bound in (1, 2, 3, 100, 350, 2**31 + 1, 2**32 - 1):
        assert [rng.bounded(bound) for _ in range(50)] == [spec.bounded(bound) for _ in range(50)]
    assert [rng.next_double() for _ in range(50)] == [spec.next_double() for _ in range(50)]


def test_demo_draws():
    rng = CaseReview.Random.new_from_seed("罗湖区2020", "demo")
    assert [rng.bounded(100) for _ in range(5)] == [53, 76, 0, 51, 27]


def test_full_64_bit_arguments():
    state, seq = 0xFEDCBA9876543210, 0x8123456789ABCDEF
    spec = SpecPcg32(state, seq)
    expected = [spec.next_u32() for _ in range(10)]
    assert [CaseReview.Random.new(state, seq).next_u32() for _ in range(1)] == expected[:1]
    for rng in (CaseReview.Random.new(state, seq),
                CaseReview.Random.new_from_halves(state >> 32, state & 0xFFFFFFFF, seq >> 32, seq & 0xFFFFFFFF),
                CaseReview.Random.new_from_hex("fedcba9876543210", "0x8123456789abcdef")):
        assert [rng.next_u32() for _ in range(10)] == expected


def test_advance_and_copy():
    rng = CaseReview.Random.new(42, 54)
    copy = rng.copy()
    for _ in range(1000):
        copy.next_u32()
    rng.advance(1000)
    assert rng.next_u32() == copy.next_u32()


def test_errors_carry_the_domain_and_code():
    with pytest.raises(GLib.Error) as info:
        CaseReview.Random.new_from_seed("", "demo")
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert "seed" in info.value.message

    with pytest.raises(GLib.Error) as info:
        CaseReview.Random.new_from_hex("xyz", "1")
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.PARSE)
    assert "initstate" in info.value.message


def test_version():
    assert CaseReview.get_version() == "%d.%d.%d" % (
        CaseReview.MAJOR_VERSION, CaseReview.MINOR_VERSION, CaseReview.MICRO_VERSION)
    assert CaseReview.check_version(0, 0, 0)
    assert not CaseReview.check_version(CaseReview.get_major_version() + 1, 0, 0)
