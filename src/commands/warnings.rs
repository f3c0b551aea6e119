//! The warnings of a batch, grouped by code: a load of thousands of UN files repairs hundreds
//! of thousands of quirks, which a summary tells by code, with how many and the first met.

use std::collections::HashMap;
use unakn::diag::{Code, Located};

/// Warnings counted by code, each with the first one met.
#[derive(Default)]
pub struct WarningTally {
    by_code: HashMap<Code, (usize, String)>,
    /// Every warning counted.
    pub total: usize,
}

impl WarningTally {
    /// Counts a document's warnings.
    pub fn add(&mut self, warnings: &[Located]) {
        for w in warnings {
            self.total += 1;
            self.by_code
                .entry(w.code)
                .or_insert_with(|| (0, w.to_string()))
                .0 += 1;
        }
    }

    /// A line per code, the most frequent first: `  1234 × footnote-unplaced, first:
    /// file:12:3: warning[footnote-unplaced]: ...`.
    pub fn lines(&self) -> Vec<String> {
        let mut codes: Vec<(&Code, &(usize, String))> = self.by_code.iter().collect();
        codes.sort_by(|a, b| {
            b.1 .0
                .cmp(&a.1 .0)
                .then_with(|| a.0.to_string().cmp(&b.0.to_string()))
        });
        codes
            .into_iter()
            .map(|(code, (count, first))| format!("  {count:>7} × {code}, first: {first}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unakn::diag::{Place, Severity};

    fn warning(file: &str, code: Code) -> Located {
        Located::new(
            file,
            Place::Whole,
            Severity::Warning,
            code,
            "a quirk repaired",
        )
    }

    #[test]
    fn warnings_are_grouped_by_code_most_frequent_first() {
        let mut tally = WarningTally::default();
        tally.add(&[
            warning("a.xml", Code::NumberApart),
            warning("a.xml", Code::FootnoteUnplaced),
        ]);
        tally.add(&[warning("b.xml", Code::FootnoteUnplaced)]);
        assert_eq!(tally.total, 3);
        let lines = tally.lines();
        assert_eq!(lines.len(), 2);
        assert!(
            lines[0].contains("2 × footnote-unplaced, first: a.xml"),
            "{lines:?}"
        );
        assert!(
            lines[1].contains("1 × number-apart, first: a.xml"),
            "{lines:?}"
        );
    }
}
