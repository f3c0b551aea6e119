//! Mandates found against a reference set labelled by hand (`samples/mandates/`): precision and
//! recall per kind at paragraph level, and agreement per field on the mandates found.

use super::Tally;
use crate::model::{AddresseeKind, Mandate, MandateKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One labelled mandate: the columns of `reference.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    pub resolution: String,
    pub paragraph: String,
    pub section: Option<String>,
    pub addressee_kind: AddresseeKind,
    pub kind: MandateKind,
    pub due: String,
    pub recurrence: String,
}

/// What a resolution of the reference set is used for (`use` in `resolutions.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Set {
    /// `tune`: the rules were written and tuned on it.
    Tuned,
    /// `score`: set aside when drawn, never tuned on.
    HeldOut,
    /// `check`: drawn and labelled later, scored once before the rules were tuned on it.
    Check,
}

/// The reference set: which resolutions it covers and what for, what they hold.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub resolutions: BTreeMap<String, Set>,
    pub mandates: Vec<Labelled>,
}

impl Reference {
    /// Reads `resolutions.tsv` and `reference.tsv`; an error names the file and line.
    pub fn read(resolutions_tsv: &str, reference_tsv: &str) -> Result<Reference, String> {
        let mut reference = Reference::default();
        for (n, line) in resolutions_tsv.lines().enumerate().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 {
                return Err(format!("resolutions.tsv:{}: expected 4 columns", n + 1));
            }
            let set = match cols[3] {
                "tune" => Set::Tuned,
                "score" => Set::HeldOut,
                "check" => Set::Check,
                other => {
                    return Err(format!(
                        "resolutions.tsv:{}: use `{other}`: expected tune, score or check",
                        n + 1
                    ))
                }
            };
            reference.resolutions.insert(cols[0].to_string(), set);
        }
        for (n, line) in reference_tsv.lines().enumerate().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let at = |i: usize| cols.get(i).copied().unwrap_or("");
            let bad = |what: &str| format!("reference.tsv:{}: {what}", n + 1);
            reference.mandates.push(Labelled {
                resolution: at(0).to_string(),
                paragraph: at(1).to_string(),
                section: Some(at(2)).filter(|s| !s.is_empty()).map(str::to_string),
                addressee_kind: AddresseeKind::from_name(at(5))
                    .ok_or_else(|| bad("unknown addressee_kind"))?,
                kind: MandateKind::from_name(at(6)).ok_or_else(|| bad("unknown kind"))?,
                due: at(7).to_string(),
                recurrence: at(8).to_string(),
            });
        }
        Ok(reference)
    }
}

/// Precision and recall of one kind, counted in paragraphs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct KindScore {
    pub true_positives: usize,
    pub predicted: usize,
    pub expected: usize,
}

impl KindScore {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.expected)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The scores of one set of resolutions.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub resolutions: usize,
    pub kinds: BTreeMap<MandateKind, KindScore>,
    /// On reference mandates found in the same division with the same kind.
    pub addressee_kind: Tally,
    /// On those found with the same addressee kind too.
    pub due: Tally,
    pub recurrence: Tally,
    /// Disagreements, one line each, for `--list`-style reading.
    pub misses: Vec<String>,
}

/// Scores the mandates found (`symbol`, mandate) on the resolutions of `reference` in `set`.
pub fn score(found: &[(String, Mandate)], reference: &Reference, set: Set) -> Scores {
    let chosen: BTreeSet<&str> = reference
        .resolutions
        .iter()
        .filter(|(_, s)| **s == set)
        .map(|(s, _)| s.as_str())
        .collect();
    let found: Vec<&(String, Mandate)> = found
        .iter()
        .filter(|(s, _)| chosen.contains(s.as_str()))
        .collect();
    let labelled: Vec<&Labelled> = reference
        .mandates
        .iter()
        .filter(|m| chosen.contains(m.resolution.as_str()))
        .collect();
    let mut scores = Scores {
        resolutions: chosen.len(),
        ..Scores::default()
    };
    // Paragraph level: (resolution, section, paragraph without its sub-item) per kind.
    let top = |p: &str| p.split(' ').next().unwrap_or(p).to_string();
    for kind in MandateKind::ALL {
        let expected: BTreeSet<(String, Option<String>, String)> = labelled
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| (m.resolution.clone(), m.section.clone(), top(&m.paragraph)))
            .collect();
        let predicted: BTreeSet<(String, Option<String>, String)> = found
            .iter()
            .filter(|(_, m)| m.kind == kind)
            .map(|(s, m)| (s.clone(), m.section.clone(), top(&m.paragraph)))
            .collect();
        let at = |p: &(String, Option<String>, String)| match &p.1 {
            Some(section) => format!("{} {section}.{}", p.0, p.2),
            None => format!("{} {}", p.0, p.2),
        };
        for p in predicted.difference(&expected) {
            let miss = format!("{} {}: found, not labelled", at(p), kind.as_str());
            scores.misses.push(miss);
        }
        for p in expected.difference(&predicted) {
            let miss = format!("{} {}: labelled, not found", at(p), kind.as_str());
            scores.misses.push(miss);
        }
        scores.kinds.insert(
            kind,
            KindScore {
                true_positives: expected.intersection(&predicted).count(),
                predicted: predicted.len(),
                expected: expected.len(),
            },
        );
    }
    // Fields, on the mandates found in the same division with the same kind.
    type Unit<'a> = (&'a str, Option<&'a str>, &'a str, MandateKind);
    let mut by_unit: HashMap<Unit<'_>, Vec<&Mandate>> = HashMap::new();
    for (s, m) in &found {
        let unit = (
            s.as_str(),
            m.section.as_deref(),
            m.paragraph.as_str(),
            m.kind,
        );
        by_unit.entry(unit).or_default().push(m);
    }
    for l in &labelled {
        let unit = (
            l.resolution.as_str(),
            l.section.as_deref(),
            l.paragraph.as_str(),
            l.kind,
        );
        let Some(candidates) = by_unit.get(&unit) else {
            continue;
        };
        let same = candidates
            .iter()
            .find(|m| m.addressee_kind == l.addressee_kind);
        scores.addressee_kind.total += 1;
        let Some(m) = same else {
            scores.misses.push(format!(
                "{} {} {}: addressee {} labelled, {} found",
                l.resolution,
                l.paragraph,
                l.kind.as_str(),
                l.addressee_kind.as_str(),
                candidates[0].addressee_kind.as_str()
            ));
            continue;
        };
        scores.addressee_kind.matched += 1;
        let due = m.due.map(|d| d.to_string()).unwrap_or_default();
        let recurrence = m.recurrence.map(|r| r.as_str()).unwrap_or("");
        for (field, tally, labelled, found) in [
            ("due", &mut scores.due, l.due.as_str(), due.as_str()),
            (
                "recurrence",
                &mut scores.recurrence,
                l.recurrence.as_str(),
                recurrence,
            ),
        ] {
            tally.total += 1;
            if labelled == found {
                tally.matched += 1;
            } else {
                scores.misses.push(format!(
                    "{} {} {}: {field} {labelled:?} labelled, {found:?} found",
                    l.resolution,
                    l.paragraph,
                    l.kind.as_str(),
                ));
            }
        }
    }
    scores
}
