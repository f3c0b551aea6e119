//! parse → AKN → parse: whatever unakn reads, it reads back from its own AKN, and writing that
//! again gives the same AKN (the round trip is stable after one step).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(first) = unakn::parse::parse(data) else {
        return;
    };
    let mut xml = Vec::new();
    unakn::akn::write(&first.value, &mut xml).expect("writing to memory cannot fail");
    let second = match unakn::parse::parse(&xml) {
        Ok(w) => w.value,
        Err(e) => panic!("our own AKN does not read back: {e}\n{}", String::from_utf8_lossy(&xml)),
    };
    let mut again = Vec::new();
    unakn::akn::write(&second, &mut again).expect("writing to memory cannot fail");
    assert!(xml == again, "AKN → model → AKN changed the AKN");
});
