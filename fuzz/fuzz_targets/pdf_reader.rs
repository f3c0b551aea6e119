//! The PDF reader on any bytes after a PDF header: a document or a refusal, never a panic
//! that escapes, a hang or unbounded memory.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend_from_slice(data.strip_prefix(b"%PDF-1.7\n").unwrap_or(data));
    if let Ok(w) = unakn::parse::parse(&bytes) {
        let mut xml = Vec::new();
        unakn::akn::write(&w.value, &mut xml).expect("writing to memory cannot fail");
    }
});
