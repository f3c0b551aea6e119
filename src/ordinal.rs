//! Ordinal numbers as UN documents print them (`Seventy-seventh`, `eighty-first`, `one hundred
//! and first`, `81st`): an organ's sessions, read alike by the masthead and by the mandates.

const UNITS: [&str; 10] = [
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];
const TEENS: [&str; 10] = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS_ORDINAL: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// `Seventy-seventh` → 77, `81st` → 81; in words from 1 to 199 (`one hundred and first`).
pub fn ordinal(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let figures = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| w.strip_suffix(suffix))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if let Some(n) = figures {
        return n.parse().ok();
    }
    if w == "hundredth" || w == "one hundredth" {
        return Some(100);
    }
    let (hundreds, rest) = match w.strip_prefix("one hundred") {
        Some(r) => (100, r.trim_start().trim_start_matches("and").trim()),
        None => (0, w.as_str()),
    };
    if rest.is_empty() {
        return (hundreds > 0).then_some(100);
    }
    let below = |r: &str| -> Option<u32> {
        if let Some(p) = UNITS.iter().position(|u| !u.is_empty() && *u == r) {
            return Some(p as u32);
        }
        if let Some(p) = TEENS.iter().position(|u| *u == r) {
            return Some(10 + p as u32);
        }
        if let Some(p) = TENS_ORDINAL.iter().position(|u| !u.is_empty() && *u == r) {
            return Some(10 * p as u32);
        }
        let (tens, unit) = r.split_once('-')?;
        let t = TENS.iter().position(|u| !u.is_empty() && *u == tens)? as u32;
        let u = UNITS.iter().position(|x| !x.is_empty() && *x == unit)? as u32;
        Some(10 * t + u)
    };
    below(rest).map(|n| n + hundreds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_figures() {
        assert_eq!(ordinal("Seventy-seventh"), Some(77));
        assert_eq!(ordinal("eighty-first"), Some(81));
        assert_eq!(ordinal("eightieth"), Some(80));
        assert_eq!(ordinal("Twentieth"), Some(20));
        assert_eq!(ordinal("First"), Some(1));
        assert_eq!(ordinal("one hundred and first"), Some(101));
        assert_eq!(ordinal("81st"), Some(81));
        assert_eq!(ordinal("102nd"), Some(102));
        assert_eq!(ordinal("th"), None);
        assert_eq!(ordinal("session"), None);
    }
}
