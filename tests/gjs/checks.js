// SPDX-License-Identifier: LGPL-2.1-or-later
// What every GJS test shares: checks that count failures instead of stopping
// at the first, a GListModel as an array, and an exit status for ctest.
import System from 'system';

let failures = 0;

export function check(condition, what) {
    if (!condition) {
        failures++;
        printerr(`FAIL: ${what}`);
    }
}

export const list = model => Array.from({length: model.get_n_items()}, (_, i) => model.get_item(i));

export function finish(name) {
    if (failures > 0) {
        printerr(`${failures} check(s) failed`);
        System.exit(1);
    }
    print(`${name}: all checks passed`);
}
