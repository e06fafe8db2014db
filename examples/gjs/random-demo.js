// SPDX-License-Identifier: LGPL-2.1-or-later
// Prints the library version and the first five draws below 100 from the
// stream "demo" of the seed "罗湖区2020", like examples/c/random-demo.c.
// Run with: gjs -m random-demo.js
import CaseReview from 'gi://CaseReview?version=1.0';

const seed = '罗湖区2020';
const stream = 'demo';
const rng = CaseReview.Random.new_from_seed(seed, stream);

const draws = [];
for (let i = 0; i < 5; i++)
    draws.push(rng.bounded(100));

print(`libcasereview ${CaseReview.get_version()}`);
print(`seed ${seed} stream ${stream}: ${draws.join(' ')}`);
