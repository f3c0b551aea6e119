//! A draft's tabling line, between its masthead and its title: who tabled it and as what
//! (`Argentina, Brazil and Chile: draft resolution`). Both readers of text and PDF read it
//! here; the sponsors are told apart with the names of States.

use crate::model::{DraftKind, Tabling};
use crate::vocab::states;

/// The tabling line among the head's lines (plain text, blank lines kept): the range of lines
/// it spans (a list of sponsors wraps) and what it says. `None` when no line of the head
/// tables a draft.
pub fn find(head: &[String]) -> Option<(std::ops::Range<usize>, Tabling)> {
    let last = head.iter().position(|l| ends_tabling(l))?;
    // The line runs back over its wrapped lines: those right before it that name States, and
    // across blank lines those that end open (`…, Nigeria,`), as a PDF's paragraphs do.
    let mut first = last;
    loop {
        let mut previous = first;
        while previous > 0 && head[previous - 1].trim().is_empty() {
            previous -= 1;
        }
        let Some(line) = previous.checked_sub(1).map(|p| &head[p]) else {
            break;
        };
        let adjacent = previous == first;
        if !continues_list(line) || !(adjacent || ends_open(line)) {
            break;
        }
        first = previous - 1;
    }
    // `Draft resolution submitted by …` wraps onto the lines after it, to the blank line.
    let mut end = last + 1;
    if opens_submission(&head[first]) {
        while end < head.len() && !head[end].trim().is_empty() {
            end += 1;
        }
    }
    let mut statement = String::new();
    for line in &head[first..end] {
        crate::parse::prepare::join_wrapped(&mut statement, line.trim());
    }
    read(&statement).map(|t| (first..end, t))
}

/// A note of a committee's limited series among the head's lines: its title (the lines
/// right before, which a note prints above its `Note by the Secretariat`), the line that
/// names its author, and what it says.
pub fn find_note(head: &[String]) -> Option<(std::ops::Range<usize>, usize, Tabling)> {
    let (at, note) = head
        .iter()
        .take(60)
        .enumerate()
        .find_map(|(i, l)| Some((i, note_by(l)?)))?;
    let mut end = at;
    while end > 0 && head[end - 1].trim().is_empty() {
        end -= 1;
    }
    let mut start = end;
    while start > 0
        && !head[start - 1].trim().is_empty()
        && crate::parse::masthead::committee_line(&head[start - 1]).is_none()
        && crate::parse::masthead::session_line(&head[start - 1]).is_none()
    {
        start -= 1;
    }
    (start < end).then_some((start..end, at, note))
}

/// `Note by the Secretariat`: a note of a committee's limited series, by whom.
pub fn note_by(line: &str) -> Option<Tabling> {
    let statement = line.trim().trim_end_matches('.');
    let who = statement.strip_prefix("Note by the ")?.trim();
    let one_of = [
        "Secretariat",
        "Chair",
        "Secretary-General",
        "President",
        "Bureau",
        "Rapporteur",
    ];
    one_of.iter().any(|w| who.starts_with(w)).then(|| Tabling {
        statement: statement.to_string(),
        draft: DraftKind::Note,
        sponsors: vec![who.to_string()],
        on_behalf_of: None,
        based_on: None,
    })
}

/// Reads a tabling line as printed (footnote stars allowed after the colon).
pub fn read(line: &str) -> Option<Tabling> {
    if let Some(note) = note_by(line) {
        return Some(note);
    }
    let statement = without_stars(line.trim());
    if let Some(rest) = submission(&statement) {
        // `Draft resolution submitted by the Vice-Chair …, on the basis of informal
        // consultations on draft resolution A/C.2/80/L.21`
        let (draft, rest) = rest;
        let (officer, based_on) = match rest.find(", on the basis of") {
            Some(p) => (&rest[..p], last_symbol(&rest[p..])),
            None => (rest, None),
        };
        let officer = officer
            .trim()
            .trim_start_matches("submitted by")
            .trim()
            .trim_start_matches("the ")
            .trim_end_matches(['.', ','])
            .to_string();
        return Some(Tabling {
            statement: statement.clone(),
            draft,
            sponsors: if officer.is_empty() {
                Vec::new()
            } else {
                vec![officer]
            },
            on_behalf_of: None,
            based_on,
        });
    }
    let (list, what) = statement.rsplit_once(':')?;
    let what = what.trim();
    let lower = what.to_lowercase();
    let (draft, based_on) = if lower.starts_with("amendment") {
        (DraftKind::Amendment, last_symbol(what))
    } else {
        (draft_kind(&lower)?, None)
    };
    Some(Tabling {
        statement: statement.clone(),
        draft,
        sponsors: sponsors(list),
        on_behalf_of: None,
        based_on,
    })
}

/// `draft resolution`, `revised draft resolution`, `draft decision`.
fn draft_kind(lower: &str) -> Option<DraftKind> {
    let t = lower
        .trim()
        .trim_start_matches("revised ")
        .trim_end_matches('.');
    match t {
        "draft resolution" => Some(DraftKind::DraftResolution),
        "draft decision" => Some(DraftKind::DraftDecision),
        _ => None,
    }
}

/// `Draft resolution` opening the line, and what follows it.
fn submission(statement: &str) -> Option<(DraftKind, &str)> {
    let lower = statement.to_lowercase();
    for (head, kind) in [
        ("revised draft resolution", DraftKind::DraftResolution),
        ("draft resolution", DraftKind::DraftResolution),
        ("revised draft decision", DraftKind::DraftDecision),
        ("draft decision", DraftKind::DraftDecision),
    ] {
        if lower.starts_with(head) {
            let rest = &statement[head.len()..];
            if rest.is_empty() || rest.starts_with(' ') {
                return Some((kind, rest.trim()));
            }
        }
    }
    None
}

fn opens_submission(line: &str) -> bool {
    submission(&without_stars(line.trim())).is_some()
}

/// A line that ends a tabling line: `…: draft resolution`, `…: amendment to draft resolution
/// A/C.6/80/L.14`, or a line opening with `Draft resolution`.
fn ends_tabling(line: &str) -> bool {
    let t = without_stars(line.trim());
    if opens_submission(&t) {
        return true;
    }
    let lower = t.to_lowercase();
    let what = match lower.rsplit_once(':') {
        Some((_, what)) => what.trim().to_string(),
        // `…Uruguay:` then `draft resolution` on the next line.
        None => lower.trim().to_string(),
    };
    draft_kind(&what).is_some() || (what.starts_with("amendment") && what.contains(" to draft "))
}

/// A line that can be part of a list of sponsors wrapped before its tabling words: not a
/// masthead line (agenda item, session, committee, date).
fn continues_list(line: &str) -> bool {
    let t = line.trim();
    !(t.starts_with("Agenda item")
        || crate::parse::masthead::session_line(t).is_some()
        || t.ends_with("Committee")
        || t.ends_with("Committee)")
        || crate::parse::masthead::date_line(t).is_some())
        && names_a_state(t)
}

/// A line of a list cut before its end: `…, Republic of Moldova,` or `… and`.
fn ends_open(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches('*');
    t.ends_with(',') || t.ends_with(" and")
}

/// Whether a line of a list names a State among its items (an agenda item's title, which may
/// hold commas and colons, names none as an item).
fn names_a_state(t: &str) -> bool {
    t.split([',', ':'])
        .flat_map(|item| item.split(" and "))
        .any(|n| states::named(n.trim().trim_end_matches('*')).is_some())
}

/// The text without the footnote stars a tabling line carries (`Iraq:* draft resolution`).
fn without_stars(t: &str) -> String {
    t.replace(":**", ":").replace(":*", ":").replace("*", "")
}

/// The last document symbol in the text.
fn last_symbol(text: &str) -> Option<String> {
    let mut found = None;
    for (i, _) in text.char_indices() {
        if text[..i].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        if let Some((_, symbol)) = crate::symbol::symbol_at(&text[i..]) {
            found = Some(symbol);
        }
    }
    found
}

/// The sponsors of `Argentina, Bosnia and Herzegovina, Chile and Trinidad and Tobago`: the
/// list split at its commas, and its last item at the `and` that leaves a State on each side
/// (State names hold `and` themselves).
pub fn sponsors(list: &str) -> Vec<String> {
    let list = list.trim().trim_end_matches(',');
    if list.is_empty() {
        return Vec::new();
    }
    let mut items: Vec<String> = split_outside_brackets(list, ',')
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if let Some(last) = items.pop() {
        items.extend(split_last(&last));
    }
    items
}

/// The list's last item, `Chile and Trinidad and Tobago`, as the States it names.
fn split_last(item: &str) -> Vec<String> {
    let known = |s: &str| states::named(s).is_some();
    if known(item) {
        return vec![item.to_string()];
    }
    let cuts: Vec<usize> = item.match_indices(" and ").map(|(p, _)| p).collect();
    let halves = |p: usize| (item[..p].trim(), item[p + " and ".len()..].trim());
    // A State on both sides; else a State on one side (a group or an observer on the other);
    // else the last `and`.
    let best = cuts
        .iter()
        .find(|&&p| {
            let (a, b) = halves(p);
            known(a) && known(b)
        })
        .or_else(|| {
            cuts.iter().find(|&&p| {
                let (a, b) = halves(p);
                known(a) || known(b)
            })
        })
        .or(cuts.last());
    match best {
        Some(&p) => {
            let (a, b) = halves(p);
            vec![a.to_string(), b.to_string()]
        }
        None => vec![item.to_string()],
    }
}

/// Splits at `sep` where no bracket is open: `Venezuela (Bolivarian Republic of), Chile`.
fn split_outside_brackets(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if c == sep && depth <= 0 => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

/// Whom a footnote says the sponsor speaks for: `On behalf of the Group of 77 and China.`
pub fn on_behalf_of(footnote: &str) -> Option<String> {
    let t = footnote.trim();
    let rest = t
        .strip_prefix("On behalf of ")
        .or_else(|| t.strip_prefix("on behalf of "))?;
    let rest = rest.trim().trim_end_matches('.').trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_with_and_in_their_names_stay_whole() {
        assert_eq!(
            sponsors("Argentina, Bosnia and Herzegovina, Chile and Trinidad and Tobago"),
            [
                "Argentina",
                "Bosnia and Herzegovina",
                "Chile",
                "Trinidad and Tobago"
            ]
        );
        assert_eq!(
            sponsors("Venezuela (Bolivarian Republic of), Yemen and State of Palestine"),
            [
                "Venezuela (Bolivarian Republic of)",
                "Yemen",
                "State of Palestine"
            ]
        );
        assert_eq!(sponsors("Antigua and Barbuda"), ["Antigua and Barbuda"]);
        assert_eq!(
            sponsors("United Kingdom of Great Britain and Northern Ireland and Uruguay"),
            [
                "United Kingdom of Great Britain and Northern Ireland",
                "Uruguay"
            ]
        );
    }

    #[test]
    fn each_form_of_the_line() {
        let t = read("Austria, Kazakhstan and Malaysia:* draft resolution").unwrap();
        assert_eq!(t.draft, DraftKind::DraftResolution);
        assert_eq!(t.sponsors, ["Austria", "Kazakhstan", "Malaysia"]);
        assert_eq!(
            t.statement,
            "Austria, Kazakhstan and Malaysia: draft resolution"
        );

        let t = read("United States of America: draft decision").unwrap();
        assert_eq!(t.draft, DraftKind::DraftDecision);

        let t = read("Denmark:* amendment to draft resolution A/C.2/80/L.13/Rev.1").unwrap();
        assert_eq!(t.draft, DraftKind::Amendment);
        assert_eq!(t.sponsors, ["Denmark"]);
        assert_eq!(t.based_on.as_deref(), Some("A/C.2/80/L.13/Rev.1"));

        let t = read(
            "Draft resolution submitted by the Vice-Chair of the Committee, Ana Pérez \
             (Peru), on the basis of informal consultations on draft resolution A/C.2/80/L.5",
        )
        .unwrap();
        assert_eq!(
            t.sponsors,
            ["Vice-Chair of the Committee, Ana Pérez (Peru)"]
        );
        assert_eq!(t.based_on.as_deref(), Some("A/C.2/80/L.5"));

        let t = read("Draft resolution").unwrap();
        assert!(t.sponsors.is_empty());
        assert!(read("The General Assembly,").is_none());
        assert!(read("Recalling its draft resolution").is_none());
    }

    #[test]
    fn a_wrapped_list_is_found_whole() {
        let head: Vec<String> = [
            "Agenda item 99 (b)",
            "General and complete disarmament: nuclear disarmament",
            "",
            "Algeria, Cuba, Kazakhstan, Lao People’s Democratic Republic, Mongolia,",
            "Myanmar, Nepal, Venezuela (Bolivarian Republic of) and Viet Nam:",
            "draft resolution",
            "",
            "Nuclear disarmament",
        ]
        .map(String::from)
        .to_vec();
        let (range, t) = find(&head).unwrap();
        assert_eq!(range, 3..6);
        assert_eq!(t.sponsors.len(), 9);
        assert_eq!(t.sponsors[8], "Viet Nam");
        assert_eq!(
            on_behalf_of("On behalf of the Group of 77 and China.").as_deref(),
            Some("the Group of 77 and China")
        );
    }
}
