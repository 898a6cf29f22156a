#![no_main]

use libfuzzer_sys::fuzz_target;

// The pdf reader alone, on whole files: its own invariants hold on any bytes, and whatever it
// reads back stays within the cap it is given.
fuzz_target!(|data: &[u8]| {
    const LIMIT: u64 = 1 << 20;
    if let Ok(x) = gongwen::input::pdf::read(data, LIMIT) {
        gongwen_fuzz::check_extracted(&x, LIMIT);
    }
});
