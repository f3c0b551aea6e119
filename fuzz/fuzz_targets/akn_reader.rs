//! The AKN reader on any text: a document or a located error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(w) = unakn::parse::parse_akn(text) {
        let mut xml = Vec::new();
        unakn::akn::write(&w.value, &mut xml).expect("writing to memory cannot fail");
    }
});
