//! The text reader on any bytes: a document or an error, never a panic; what it reads writes
//! AKN and RDF.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(w) = unakn::parse::parse_text(text) {
        let mut xml = Vec::new();
        unakn::akn::write(&w.value, &mut xml).expect("writing to memory cannot fail");
        let _ = unakn::rdf::quads(&w.value, &unakn::vocab::Base::default());
    }
});
