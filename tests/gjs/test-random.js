// SPDX-License-Identifier: LGPL-2.1-or-later
// CaseReview.Random from GJS: the same numbers as C and Python for the same
// seed and stream, 64-bit arguments through halves and hex strings, errors.
import GLib from 'gi://GLib';
import CaseReview from 'gi://CaseReview?version=1.0';
import {check, finish} from './checks.js';

function draws(rng, n, fn) {
    const out = [];
    for (let i = 0; i < n; i++)
        out.push(fn(rng));
    return out;
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// The reference vector of pcg32(42, 54).
const reference = draws(CaseReview.Random.new(42, 54), 6, r => r.next_u32());
check(same(reference, [0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e]),
    `pcg32(42, 54) gave ${reference.map(v => v.toString(16))}`);

// The demo stream (also asserted in C and Python).
const demo = draws(CaseReview.Random.new_from_seed('罗湖区2020', 'demo'), 5, r => r.bounded(100));
check(same(demo, [53, 76, 0, 51, 27]), `demo draws ${demo}`);

// Seed derivation: the first outputs of the documented vectors.
const lh01 = draws(CaseReview.Random.new_from_seed('01382438112797316654', 'sample/LH01'), 3, r => r.next_u32());
check(same(lh01, [3080025985, 3458739682, 417003321]), `sample/LH01 stream ${lh01}`);

// 64-bit state above 2^53: halves and hex give the stream that new() gives in C.
const viaHalves = CaseReview.Random.new_from_halves(0xfedcba98, 0x76543210, 0x81234567, 0x89abcdef);
const viaHex = CaseReview.Random.new_from_hex('fedcba9876543210', '0x8123456789abcdef');
check(same(draws(viaHalves, 10, r => r.next_u32()), draws(viaHex, 10, r => r.next_u32())),
    'halves and hex agree');

// next_double is in [0, 1) and a multiple of 2^-53.
const doubles = draws(CaseReview.Random.new(1, 2), 1000, r => r.next_double());
check(doubles.every(d => d >= 0 && d < 1 && Number.isInteger(d * 2 ** 53)), 'doubles in [0, 1) on the 2^-53 grid');

// advance(n) equals n draws; copies keep their position.
const stepped = CaseReview.Random.new(42, 54);
const jumped = stepped.copy();
draws(stepped, 1000, r => r.next_u32());
jumped.advance(1000);
check(stepped.next_u32() === jumped.next_u32(), 'advance(1000) equals 1000 draws');

// Errors carry the CaseReview domain and code.
try {
    CaseReview.Random.new_from_seed('', 'demo');
    check(false, 'empty seed must throw');
} catch (e) {
    check(e instanceof GLib.Error, `empty seed threw ${e}`);
    check(e.matches(CaseReview.error_quark(), CaseReview.Error.INVALID), `empty seed error code ${e.code}`);
}

finish('test-random.js');
