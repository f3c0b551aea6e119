//! What a line or a paragraph of text is: the tests the builder asks of each unit.

use super::*;

/// Groups lines into units (paragraphs as printed).
pub(super) fn group(lines: &[Line], flavour: Flavour) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut open = false;
    // The widest line: a line well short of it ended its paragraph.
    let width = lines
        .iter()
        .map(|l| l.text.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let mut previous_short = true;
    // The unit being read has a line that runs to the margin.
    let mut justified = false;
    for line in lines {
        if line.is_blank() {
            if open {
                if let Some(u) = units.last_mut() {
                    // A paragraph number standing alone waits for its text, and a bracketed
                    // origin for its closing bracket.
                    if !is_bare_label(&u.raw) && !is_open_bracket(&u.raw) {
                        open = false;
                    }
                }
            }
            continue;
        }
        let text = line.text.trim();
        let short_line = text.chars().count() * 4 < width * 3;
        let continue_last = match units.last() {
            None => false,
            Some(last) if open && is_open_bracket(&last.raw) => true,
            // A heading's number alone on its line (`IV`): its title is a unit of its own.
            // So is an annex's label (`Annex`, `Annex II`).
            Some(last)
                if is_heading_number(&last.raw)
                    || named_division(&last.raw).is_some()
                    || is_annex_label(&last.raw) =>
            {
                false
            }
            // `Rule 27` alone on the line after a sentence ends opens a rule.
            Some(last) if named_division(text).is_some() && ends_clause(&last.raw) => false,
            // A heading ends on its line (`II` / `Product safety regulation`, or `III. Duties
            // of authorities`) and a numbered paragraph under it opens on the next, with no
            // blank line between them.
            Some(last)
                if flavour == Flavour::PageText
                    && split_number(text).is_some()
                    && ends_heading(&last.raw, previous_short) =>
            {
                false
            }
            Some(last) if line.after_break => continues(&last.raw, text),
            Some(last) => match flavour {
                Flavour::Markdown => false,
                Flavour::PageText => {
                    open && !starts_closing(text)
                        && !(previous_short
                            && ends_clause(&last.raw)
                            && !is_bare_label(&last.raw)
                            && starts_recital(text))
                        && !(previous_short && resumes_after_items(&last.raw, text))
                        // Justified text: a line well short of the margin that ends a sentence
                        // ends its paragraph, and a capital opens the next (`We therefore
                        // commit to:` between numbered runs, `DONE at ...` after an article).
                        // Not in a title, whose lines are all short (`... Goal 14:` /
                        // `Conserve and sustainably use ...`).
                        && !(previous_short
                            && justified
                            && ends_sentence(&last.raw)
                            && !is_bare_label(&last.raw)
                            && text.starts_with(|c: char| c.is_uppercase()))
                        && (is_bare_label(&last.raw)
                            || !(starts_label(text) && ends_clause(&last.raw)))
                }
            },
        };
        if continue_last {
            let last = units.last_mut().expect("checked above");
            prepare::join_wrapped(&mut last.raw, text);
            last.span = last.span.join(line.span());
            last.heading &= line.heading;
            justified |= !short_line;
        } else {
            justified = !short_line;
            units.push(Unit {
                raw: text.to_string(),
                span: line.span(),
                heading: line.heading,
            });
        }
        open = true;
        previous_short = short_line;
        if flavour == Flavour::Markdown {
            open = false;
        }
    }
    units
}

/// The cells of a markdown table row (`| a | b |`): the text between unescaped bars, trimmed;
/// `None` for other text.
pub(super) fn table_cells(raw: &str) -> Option<Vec<&str>> {
    let inner = raw.strip_prefix('|')?.strip_suffix('|')?;
    let bytes = inner.as_bytes();
    let mut cells = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'|' => {
                cells.push(inner[start..i].trim());
                start = i + 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    cells.push(inner[start.min(inner.len())..].trim());
    cells.iter().any(|c| !c.is_empty()).then_some(cells)
}

/// `| --- | :---: |`: the rule under a markdown table's heading rows.
pub(super) fn is_table_rule(cells: &[&str]) -> bool {
    cells.iter().all(|c| {
        let dashes = c.trim_matches(':');
        dashes.len() >= 3 && dashes.bytes().all(|b| b == b'-')
    })
}

/// A line that opens a recital: a capitalised participle (`Reaffirming further`), or an
/// adverb and a participle or adjective (`Deeply concerned`).
pub(super) fn starts_recital(t: &str) -> bool {
    let Some(n) = crate::phrase::opening_phrase(t) else {
        return false;
    };
    let words: Vec<&str> = t[..n].split_whitespace().collect();
    match words.as_slice() {
        [head, ..]
            if head.ends_with("ing") && head.chars().next().is_some_and(char::is_uppercase) =>
        {
            true
        }
        [adverb, head, ..] => {
            adverb.ends_with("ly") && (head.ends_with("ed") || head.ends_with("ful"))
        }
        _ => false,
    }
}

/// The meeting line or an annex heading: never part of the paragraph above.
pub(super) fn starts_closing(t: &str) -> bool {
    meeting(t).is_some() || is_annex_label(t)
}

/// A sub-item ended by `;` on a short line, and a line in lower case after it: the text of
/// the paragraph resuming after its sub-items (`(e) ... conflict;` / `and to consider ...`),
/// not more of the sub-item, whose wrapped lines run to the margin.
pub(super) fn resumes_after_items(last: &str, line: &str) -> bool {
    split_item(last.trim()).is_some()
        && marks::strip_trailing_marks(last).ends_with(';')
        && line.starts_with(|c: char| c.is_lowercase())
}

/// `[on the report of the ... Committee` still waiting for its `]`.
pub(super) fn is_open_bracket(raw: &str) -> bool {
    raw.trim_start().starts_with('[') && !raw.contains(']') && raw.len() < 400
}

/// `12.` or `(a)` alone.
pub(super) fn is_bare_label(raw: &str) -> bool {
    let t = raw.trim();
    split_number(t).is_some_and(|(_, rest)| rest.is_empty())
        || split_item(t).is_some_and(|(_, rest)| rest.is_empty())
}

/// The text ends a sentence or opens a list: `.` `;` `:` (before any footnote marker or
/// closing quote).
fn ends_sentence(raw: &str) -> bool {
    let t = marks::strip_trailing_marks(raw).trim_end_matches(['”', '’', ')']);
    t.ends_with(['.', ';', ':'])
}

/// Where the last sentence of a paragraph begins, if that sentence ends with a colon and is
/// short (`... Goals. As a follow-up to the present declaration, we:`).
pub(super) fn trailing_lead_in(raw: &str) -> Option<usize> {
    let end = marks::strip_trailing_marks(raw).trim_end();
    if !end.ends_with(':') {
        return None;
    }
    let bytes = end.as_bytes();
    let start = (1..bytes.len().saturating_sub(1))
        .rev()
        .find(|&i| bytes[i] == b' ' && bytes[i - 1] == b'.' && bytes[i + 1].is_ascii_uppercase())?
        + 1;
    let lead_in = &end[start..];
    (lead_in.len() < 300 && lead_in.contains(' ')).then_some(start)
}

/// A unit that is a heading's title as far as it goes: no clause ending, and either numbered
/// as a heading (`III. Duties`) or a line well short of the margin (a title under its number).
fn ends_heading(raw: &str, short_line: bool) -> bool {
    !ends_clause(raw)
        && !is_bare_label(raw)
        && raw.len() < 300
        && (short_line || split_heading(raw.trim()).is_some())
}

pub(super) fn starts_label(t: &str) -> bool {
    split_number(t).is_some() || split_item(t).is_some()
}

/// The text ends a clause: `,` `;` `:` `.` (before any footnote marker).
pub(super) fn ends_clause(raw: &str) -> bool {
    let t = marks::strip_trailing_marks(raw);
    t.ends_with([',', ';', ':', '.', '”']) || t.ends_with(".)")
}

/// Whether `next` continues the paragraph `prev` across a page break or footnote block.
pub(super) fn continues(prev: &str, next: &str) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return true;
    }
    if starts_label(next) || starts_closing(next) {
        return false;
    }
    // No paragraph opens with a number that is not its label (`46/21 of 24 March 2021, ...`).
    first.is_ascii_digit() || !ends_clause(prev)
}

/// `7. text` → ("7", "text").
pub(super) fn split_number(t: &str) -> Option<(&str, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || t.as_bytes().get(digits) != Some(&b'.') {
        return None;
    }
    let rest = &t[digits + 1..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((&t[..digits], rest.trim_start()))
}

/// A number of four digits or more opens a paragraph only where it continues the numbering
/// (`1000.` after `999.`): alone, `2030. ` at the start of a line is far likelier a year.
pub(super) fn split_long_number(t: &str, expected: u32) -> Option<(&str, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(4..=9).contains(&digits) || t[..digits].parse::<u32>().ok()? != expected {
        return None;
    }
    let rest = t[digits..].strip_prefix('.')?;
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((&t[..digits], rest.trim_start()))
}

/// `(a) text` → ("a", "text"); `(iv)`, and `(12)` as a compact numbers its objectives.
pub(super) fn split_item(t: &str) -> Option<(&str, &str)> {
    let inner = t.strip_prefix('(')?;
    let close = inner.find(')')?;
    let label = &inner[..close];
    let lettered = label.len() <= 5 && label.bytes().all(|c| c.is_ascii_lowercase());
    let numbered = label.len() <= 2 && label.bytes().all(|c| c.is_ascii_digit());
    if label.is_empty() || !(lettered || numbered) {
        return None;
    }
    let rest = &inner[close + 1..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((label, rest.trim_start()))
}

pub(super) fn is_roman(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|c| matches!(c.to_ascii_lowercase(), b'i' | b'v' | b'x' | b'l'))
}

/// `I. Heading`, `A. Heading` → ("I", "Heading").
pub(super) fn split_heading(t: &str) -> Option<(&str, &str)> {
    // The number is a roman numeral or a letter: `. ` is looked for near the start only, not
    // through the whole paragraph.
    let head = &t.as_bytes()[..t.len().min(16)];
    let dot = head.windows(2).position(|w| w == b". ")?;
    let (num, rest) = (&t[..dot], &t[dot + 2..]);
    let numbered = is_roman(num) && num.bytes().all(|c| c.is_ascii_uppercase())
        || (num.len() == 1 && num.bytes().all(|c| c.is_ascii_uppercase()));
    let rest = rest.trim();
    let plain_end = marks::strip_trailing_marks(rest);
    (numbered && !rest.is_empty() && !plain_end.ends_with([',', ';']) && rest.len() < 300)
        .then_some((num, rest))
}

pub(super) fn next_letter(label: &str) -> Option<String> {
    let mut bytes = label.as_bytes().to_vec();
    let last = bytes.last_mut()?;
    if *last == b'z' {
        return None;
    }
    *last += 1;
    String::from_utf8(bytes).ok()
}

/// `54th plenary meeting`, `50th (resumed) plenary meeting`.
pub(super) fn meeting(plain: &str) -> Option<(String, Option<(Date, String)>)> {
    let t = plain.trim().trim_matches('*').trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let suffix = t.get(digits..digits + 2)?;
    if !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    let end = t.find("meeting")? + "meeting".len();
    if end > 60 {
        return None;
    }
    let rest = t[end..].trim();
    let date = masthead::date_line(rest).map(|d| (d, rest.to_string()));
    if !rest.is_empty() && date.is_none() {
        return None;
    }
    Some((t[..end].to_string(), date))
}

/// `The General Assembly,`: the enacting formula.
pub(super) fn is_formula(plain: &str) -> bool {
    plain.starts_with("The ")
        && masthead::organ_named(plain.trim_start_matches("The ").trim_end_matches(',')).is_some()
}

/// `Rule 27`, `Article 5`, `Chapter II`, `Part I`, `Action 13.` alone on its line: a division
/// named by its word, its title (if any) on the next line.
pub(super) fn named_division(plain: &str) -> Option<(SectionKind, &str)> {
    // Asked of every line: most are longer than `Recommendation 12.` or open otherwise.
    let t = plain.trim_start();
    if t.len() > 28 || !t.starts_with(['P', 'C', 'A', 'R', 'O', 'G']) {
        return None;
    }
    // `Action 13 .`, `Objective 1:` as printed.
    let t = t.trim_end().trim_end_matches(['.', ':']).trim_end();
    let (word, number) = t.split_once(' ')?;
    let kind = division_word(word)?;
    let number = number.trim();
    let numbered = (number.len() <= 4 && number.bytes().all(|c| c.is_ascii_digit()))
        || (number.len() <= 6
            && is_roman(number)
            && number.bytes().all(|c| c.is_ascii_uppercase()));
    numbered.then_some((kind, t))
}

/// The words instruments number their divisions by: those AKN names (`Part`, `Chapter`,
/// `Article`, `Rule`) and those a programme, compact or set of principles uses (`Action`,
/// `Objective`, `Goal`, `Commitment`, `Principle`, `Guideline`, `Recommendation`,
/// `Priority`), in title case or capitals.
fn division_word(word: &str) -> Option<SectionKind> {
    const OTHER_DIVISIONS: &[&str] = &[
        "Action",
        "Objective",
        "Goal",
        "Commitment",
        "Principle",
        "Guideline",
        "Recommendation",
        "Priority",
    ];
    let is = |w: &str| {
        word == w || word.eq_ignore_ascii_case(w) && word.bytes().all(|b| b.is_ascii_uppercase())
    };
    Some(match () {
        _ if is("Part") => SectionKind::Part,
        _ if is("Chapter") => SectionKind::Chapter,
        _ if is("Article") => SectionKind::Article,
        _ if is("Rule") => SectionKind::Rule,
        _ if OTHER_DIVISIONS.iter().any(|w| is(w)) => SectionKind::Division,
        _ => return None,
    })
}

/// `Rule 1 Composition of delegations` on one line (a heading set in bold, or a title without
/// a clause's ending) → (rule, `Rule 1`, `Composition of delegations`).
pub(super) fn split_named_division(
    plain: &str,
    heading: bool,
) -> Option<(SectionKind, &str, &str)> {
    let t = plain.trim();
    let first = t.find(' ')?;
    let second = first + 1 + t[first + 1..].find(' ')?;
    let (kind, num) = named_division(&t[..second])?;
    // `Action 13 . We will ...`: the full stop printed apart from the number.
    let title = t[second..]
        .trim_start()
        .trim_start_matches(['.', ':'])
        .trim();
    // A programme's action or a compact's objective is headed by a sentence of its own
    // (`Action 1. We will take bold ... behind.`).
    let sentence = kind == SectionKind::Division && title.ends_with('.') && title.len() < 400;
    let title_like = title.starts_with(|c: char| c.is_uppercase())
        && (sentence || title.len() < 200 && !ends_clause(title));
    (heading || title_like).then_some((kind, num, title))
}

/// `Preamble` alone: the heading of an annexed instrument's preamble.
pub(super) fn is_preamble_heading(plain: &str) -> bool {
    matches!(plain.trim(), "Preamble" | "PREAMBLE")
}

/// `IV`, `B`: the number of a heading alone on its line, its title on the next.
pub(super) fn is_heading_number(plain: &str) -> bool {
    // Asked of every line, like `named_division`: long ones are passed over untrimmed.
    if plain.len() > 24 {
        return false;
    }
    let t = plain.trim();
    let t = t.strip_suffix('.').unwrap_or(t);
    !t.is_empty()
        && t.len() < 6
        && t.bytes().all(|c| c.is_ascii_uppercase())
        && (is_roman(t) || t.len() == 1)
}

/// `A`, `B`: the letter of a part of a multi-part resolution, alone on its line.
pub(super) fn is_part_letter(plain: &str) -> bool {
    let t = plain.trim();
    t.len() == 1 && t.bytes().all(|c| c.is_ascii_uppercase())
}

pub(super) fn is_annex_label(plain: &str) -> bool {
    let t = plain.trim();
    let rest = t.strip_prefix("Annex").or_else(|| t.strip_prefix("ANNEX"));
    rest.is_some_and(|r| {
        let r = r.trim();
        r.is_empty() || is_annex_number(r)
    })
}

/// The number of an annex: a roman numeral (`IV`) or a capital letter (`B`).
fn is_annex_number(r: &str) -> bool {
    (is_roman(r) && r.len() < 6) || (r.len() == 1 && r.bytes().all(|c| c.is_ascii_uppercase()))
}

/// An annex's label alone (`Annex II`) → (label, ""); or, in a heading set apart by the
/// markup, its label and title on one line (`Annex I Provisional agenda`, `Annex United
/// Nations principles ...`, as a PDF's bold lines run together) → (label, title).
pub(super) fn split_annex_heading(plain: &str, heading: bool) -> Option<(&str, &str)> {
    let t = plain.trim();
    if is_annex_label(t) {
        return Some((t, ""));
    }
    if !heading {
        return None;
    }
    let rest = t
        .strip_prefix("Annex ")
        .or_else(|| t.strip_prefix("ANNEX "))?;
    let (first, after) = rest.split_once(' ').unwrap_or((rest, ""));
    // In capitals: `Annex i...` is no number.
    let numbered = is_annex_number(first)
        && first.bytes().all(|c| c.is_ascii_uppercase())
        && !first.eq_ignore_ascii_case("a");
    let (label_len, title) = if numbered {
        (t.len() - rest.len() + first.len(), after)
    } else {
        (t.len() - rest.len() - 1, rest)
    };
    let title = title.trim();
    (title.starts_with(|c: char| c.is_uppercase()) && !ends_clause(title))
        .then(|| (&t[..label_len], title))
}

pub(super) fn builder_origin(units: &[Unit], flavour: Flavour) -> Option<Origin> {
    let plain = units
        .iter()
        .take(4)
        .map(|u| inline::plain(&u.raw, flavour))
        .find(|plain| plain.starts_with('['))?;
    Some(masthead::origin(plain))
}

/// An unnumbered paragraph of the preamble that is in fact operative: it opens with an
/// operative verb in the present tense (`Endorses`, `Takes note`, `Decides:`) and ends with a
/// full stop, a semicolon or a colon. A recital ends with a comma, but one ending with `;` by
/// mistake still opens with a participle or an adjective (`Noting`, `Deeply concerned`), and
/// stays a recital.
pub(super) fn ends_operative(plain: &str) -> bool {
    let t = plain.trim_end();
    let Some(n) = crate::phrase::opening_phrase(t) else {
        return false;
    };
    let words: Vec<&str> = t[..n].split_whitespace().collect();
    let verb = words.iter().any(|w| w.ends_with('s') && *w != "its")
        && !words.iter().any(|w| w.ends_with("ing"));
    verb && t.ends_with(['.', ';', ':'])
}

pub(super) fn looks_like_recital(plain: &str) -> bool {
    let t = marks::strip_trailing_marks(plain.trim_end());
    t.ends_with(',')
        && crate::phrase::opening_phrase(t).is_some_and(|n| {
            let words: Vec<&str> = t[..n].split_whitespace().collect();
            words
                .iter()
                .any(|w| w.ends_with("ing") || w.ends_with("ed"))
                || words.len() == 1
        })
}
