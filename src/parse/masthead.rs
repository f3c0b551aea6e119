//! The first-page masthead and the small printed forms it uses: dates, ordinal sessions,
//! agenda items, organ names.

use crate::model::{AgendaItem, Date, Language, Masthead, Organ, Origin};

/// Whether a date can be a UN document's: both readers hold dates to the same rule, so a date
/// reads the same from text and from AKN (`0001-01-01` is the UN's placeholder for none).
pub fn is_plausible(year: u16, month: u8, day: u8) -> bool {
    year > 1000 && (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// A date printed as `15 December 2022` somewhere in `text`: the first one.
pub fn find_date(text: &str) -> Option<(Date, usize, usize)> {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    for k in 0..words.len().saturating_sub(2) {
        let (start, d) = words[k];
        let (_, m) = words[k + 1];
        let (ys, y) = words[k + 2];
        let y = y.trim_end_matches(|c: char| !c.is_ascii_digit());
        let (Ok(day), Some(month), Ok(year)) =
            (d.parse::<u8>(), Date::month_number(m), y.parse::<u16>())
        else {
            continue;
        };
        if is_plausible(year, month, day) && y.len() == 4 {
            return Some((Date { year, month, day }, start, ys + y.len()));
        }
    }
    None
}

/// A line that is a date and nothing else.
pub fn date_line(text: &str) -> Option<Date> {
    let t = text.trim().trim_end_matches('.');
    find_date(t)
        .filter(|&(_, s, e)| s == 0 && e == t.len())
        .map(|(d, _, _)| d)
}

/// `Seventy-seventh` → 77 (see [`crate::ordinal`]).
pub fn ordinal_number(word: &str) -> Option<u32> {
    crate::ordinal::ordinal(word)
}

/// The organ a name designates.
pub fn organ_named(text: &str) -> Option<Organ> {
    match text.trim().trim_end_matches(',') {
        "General Assembly" => Some(Organ::GeneralAssembly),
        "Security Council" => Some(Organ::SecurityCouncil),
        "Human Rights Council" => Some(Organ::HumanRightsCouncil),
        "Economic and Social Council" => Some(Organ::EconomicAndSocialCouncil),
        _ => None,
    }
}

/// The session number of a line such as `Seventy-seventh session` or
/// `Tenth emergency special session`.
pub fn session_line(text: &str) -> Option<u32> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    if !lower.ends_with("session") {
        return None;
    }
    let first = t.split_whitespace().next()?;
    let two = t.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    ordinal_number(first).or_else(|| ordinal_number(&two))
}

/// How the six languages label an agenda line: the label before the numbers (plural first) and
/// what may follow them (`Point 27 b) de l’ordre du jour`, `议程项目27(b)`).
const AGENDA_LABELS: [(&[&str], &[&str]); 6] = [
    (&["Agenda items", "Agenda item"], &[]),
    (
        &["Points", "Point"],
        &["de l’ordre du jour", "de l'ordre du jour"],
    ),
    (&["Temas", "Tema"], &["del programa"]),
    (&["Пункты", "Пункт"], &["повестки дня"]),
    (&["البنود", "البندان", "البند"], &["من جدول الأعمال"]),
    (&["议程项目"], &[]),
];

/// The letters of Arabic sub-items in their order (`(أ)`, `(ب)`, `(ج)`...): `a`, `b`, `c`...
const ARABIC_LETTERS: [&str; 12] = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل"];

/// The agenda items a masthead line names, in any of the six languages, each numbered as the
/// English masthead numbers it, so that all six versions of a resolution name the same items:
/// `Agenda item 68 (b)`, `Point 27 b) de l’ordre du jour`, `Tema 27 b) del programa`, `Пункт
/// 27 b) повестки дня`, `البند 27 (ب) من جدول الأعمال`, `议程项目27(b)` → `27 (b)`; `Agenda items
/// 13 and 117` → `13`, `117`.
pub fn agenda_numbers(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    let rest = AGENDA_LABELS.iter().find_map(|(labels, tails)| {
        let rest = labels.iter().find_map(|l| t.strip_prefix(l))?.trim();
        let rest = tails
            .iter()
            .find_map(|tail| rest.strip_suffix(tail))
            .unwrap_or(rest)
            .trim();
        // The numbers follow the label at once: `Point de vue` is no agenda line.
        rest.starts_with(|c: char| c.is_ascii_digit())
            .then_some(rest)
    })?;
    let mut items = Vec::new();
    let mut list = rest.to_string();
    for conjunction in [" and ", " et ", " y ", " и ", " و", "和", "、", "，"] {
        list = list.replace(conjunction, ",");
    }
    for item in list.split(',') {
        if let Some(number) = agenda_number(item) {
            items.push(number);
        }
    }
    (!items.is_empty()).then_some(items)
}

/// One item, `27 b)`, `27 (ب)`, `27(b)`, `68 (b).` → `27 (b)`; a number alone as it is.
fn agenda_number(item: &str) -> Option<String> {
    let item = item.trim().trim_end_matches('.').trim();
    let digits: String = item.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let letter = item[digits.len()..]
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    if letter.is_empty() {
        return Some(digits);
    }
    let latin = match ARABIC_LETTERS
        .iter()
        .position(|a| *a == letter || letter == a.trim_end_matches('ـ'))
    {
        Some(i) => ((b'a' + i as u8) as char).to_string(),
        None => letter.to_lowercase(),
    };
    Some(format!("{digits} ({latin})"))
}

/// The committee a line under the session names: `First Committee`; `Fourth Committee` from
/// `Special Political and Decolonization Committee (Fourth Committee)` or from the bracket on
/// a line of its own.
pub fn committee_line(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(open) = t.rfind('(') {
        let inner = t[open + 1..].strip_suffix(')')?;
        return inner.ends_with("Committee").then(|| inner.to_string());
    }
    // A committee's name is in capitals but for `and` (`Special Political and Decolonization
    // Committee`); a title that ends with one is not (`Organization of work of the Second
    // Committee`).
    let words: Vec<&str> = t.split_whitespace().collect();
    let named = words
        .iter()
        .all(|w| *w == "and" || w.starts_with(char::is_uppercase));
    (t.ends_with(" Committee") && words.len() <= 8 && named).then(|| t.to_string())
}

/// Reads the masthead from its lines (before `Resolution adopted by ...`).
///
/// Returns the masthead and the symbol when the masthead prints one.
pub fn read(lines: &[&str]) -> (Masthead, Option<String>) {
    let mut m = Masthead::default();
    let mut symbol = None;
    let mut agenda_numbers_seen: Vec<String> = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    let mut in_titles = false;
    let mut loose_language: Option<String> = None;
    let mut expect_language = false;
    // A PDF may set the organ and the distribution on one line: `General Assembly Distr.:
    // Limited`.
    // So may the session and the committee: `Eightieth session Special Political and
    // Decolonization Committee (Fourth Committee)`.
    let split: Vec<&str> = lines
        .iter()
        .flat_map(|raw| match raw.find(" Distr.") {
            Some(p) if !raw[..p].trim().is_empty() => vec![&raw[..p], &raw[p + 1..]],
            _ => vec![*raw],
        })
        .collect();
    // Before the agenda items only: their titles may speak of a session.
    let items_at = split
        .iter()
        .position(|l| agenda_numbers(l).is_some())
        .unwrap_or(split.len());
    let split: Vec<&str> = split
        .iter()
        .enumerate()
        .flat_map(|(i, raw)| match raw.find(" session ") {
            Some(p) if i < items_at && session_line(&raw[..p + " session".len()]).is_some() => {
                vec![&raw[..p + " session".len()], &raw[p + " session ".len()..]]
            }
            _ => vec![*raw],
        })
        .collect();
    for raw in &split {
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if t == "United Nations" && !in_titles {
            continue;
        }
        // `Original: English`, which PDF text may give as `English` then `Original:`.
        if let Some(language) = t.strip_prefix("Original:") {
            let language = language.trim();
            if !language.is_empty() {
                m.original_language = Some(language.to_string());
            } else if m.original_language.is_none() {
                m.original_language = loose_language.take();
                expect_language = m.original_language.is_none();
            }
            continue;
        }
        if Language::ALL.iter().any(|l| l.name() == t) && !in_titles {
            if expect_language {
                m.original_language = Some(t.to_string());
                expect_language = false;
            } else {
                loose_language = Some(t.to_string());
            }
            continue;
        }
        if symbol.is_none() && crate::parse::prepare::is_symbol_line(t) {
            // `A/RES/78/68*`: the star marks a reissue, not part of the symbol.
            symbol = Some(crate::parse::prepare::unstarred(t).to_string());
            continue;
        }
        if crate::parse::prepare::is_job_number(t) {
            m.job_number = Some(t.split("  ").next().unwrap_or(t).trim().to_string());
            continue;
        }
        if m.organ_name.is_none() && organ_named(t).is_some() {
            m.organ_name = Some(t.to_string());
            continue;
        }
        if t.starts_with("Distr.") {
            m.distribution = Some(t.to_string());
            continue;
        }
        if m.issue_date.is_none() && !in_titles {
            if let Some(d) = date_line(t) {
                m.issue_date = Some(d);
                continue;
            }
        }
        if let Some(s) = session_line(t) {
            m.session = Some(s);
            m.session_label = Some(t.to_string());
            continue;
        }
        if !in_titles {
            if let Some(name) = committee_line(t) {
                m.committee = Some(name);
                continue;
            }
        }
        if let Some(nums) = agenda_numbers(t) {
            agenda_numbers_seen = nums;
            in_titles = true;
            continue;
        }
        if in_titles {
            // A wrapped title continues in lower case; a capital starts the next item's title.
            let starts_upper = t.chars().next().is_some_and(char::is_uppercase);
            let new_title = starts_upper && titles.len() < agenda_numbers_seen.len();
            match titles.last_mut() {
                Some(last) if !new_title => crate::parse::prepare::join_wrapped(last, t),
                _ => titles.push(t.to_string()),
            }
        }
    }
    if titles.len() != agenda_numbers_seen.len() && !titles.is_empty() {
        // Titles could not be told apart: keep them together on the first item.
        let all = titles.join(" ");
        titles = vec![all];
    }
    m.agenda_items = agenda_numbers_seen
        .into_iter()
        .enumerate()
        .map(|(i, number)| AgendaItem {
            number,
            title: titles.get(i).cloned(),
        })
        .collect();
    (m, symbol)
}

/// The six Main Committees of the General Assembly as the six languages name them in an origin
/// line (`Troisième Commission`, `Третьего комитета`, `اللجنة الثالثة`, `第三委员会`), each as
/// (its number, the words that name it, lower-cased).
const MAIN_COMMITTEES: [(usize, [&str; 7]); 6] = [
    (
        1,
        [
            "first committee",
            "première commission",
            "primera comisión",
            "первого комитета",
            "первый комитет",
            "اللجنة الأولى",
            "第一委员会",
        ],
    ),
    (
        2,
        [
            "second committee",
            "deuxième commission",
            "segunda comisión",
            "второго комитета",
            "второй комитет",
            "اللجنة الثانية",
            "第二委员会",
        ],
    ),
    (
        3,
        [
            "third committee",
            "troisième commission",
            "tercera comisión",
            "третьего комитета",
            "третий комитет",
            "اللجنة الثالثة",
            "第三委员会",
        ],
    ),
    (
        4,
        [
            "fourth committee",
            "quatrième commission",
            "cuarta comisión",
            "четвертого комитета",
            "четвертый комитет",
            "اللجنة الرابعة",
            "第四委员会",
        ],
    ),
    (
        5,
        [
            "fifth committee",
            "cinquième commission",
            "quinta comisión",
            "пятого комитета",
            "пятый комитет",
            "اللجنة الخامسة",
            "第五委员会",
        ],
    ),
    (
        6,
        [
            "sixth committee",
            "sixième commission",
            "sexta comisión",
            "шестого комитета",
            "шестой комитет",
            "اللجنة السادسة",
            "第六委员会",
        ],
    ),
];

/// The Main Committee a text names, in any of the six languages, by its English name (`Third
/// Committee`): a work's committee is one fact whatever the language of the version read.
pub fn main_committee(text: &str) -> Option<String> {
    // `ё` is written `е` as often as not.
    let lower = text.to_lowercase().replace('ё', "е");
    MAIN_COMMITTEES
        .iter()
        .find(|(_, names)| names.iter().any(|n| lower.contains(n)))
        .map(|(n, _)| {
            let ordinal = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"][n - 1];
            format!("{ordinal} Committee")
        })
}

/// The bracketed origin line, `[on the report of the Third Committee (A/77/463/Add.2,
/// para. 87)]`, taken apart, in any of the six languages (`[sur la base du rapport de la
/// Troisième Commission (A/75/476, par. 23)]`); both readers use it, so a document reads the
/// same from either.
pub fn origin(text: String) -> Origin {
    let committee = main_committee(&text).or_else(|| other_committee(&text));
    // The report's symbol is in the first brackets that hold one: `Special Political and
    // Decolonization Committee (Fourth Committee) (A/80/537, para. 15)`.
    let inner = text
        .match_indices('(')
        .map(|(open, _)| &text[open + 1..])
        .find(|inner| crate::symbol::symbol_at(inner).is_some());
    let (document, paragraph) = match inner {
        Some(inner) => {
            let document = crate::symbol::symbol_at(inner).map(|(len, _)| inner[..len].to_string());
            (document, report_paragraph(inner))
        }
        None => (None, None),
    };
    Origin {
        text,
        committee,
        document,
        paragraph,
    }
}

/// The paragraph of the report an origin line cites, in any of the six languages: `para. 87`,
/// `par. 23`, `párr. 23`, `пункт 23`, `الفقرة 23`, `第23段`.
fn report_paragraph(inner: &str) -> Option<String> {
    let inner = &inner[..inner.find(')').unwrap_or(inner.len())];
    let after = [
        "paras. ",
        "para. ",
        "párrs. ",
        "párr. ",
        "pars. ",
        "par. ",
        "пункты ",
        "пункт ",
        "الفقرتان ",
        "الفقرات ",
        "الفقرة ",
    ]
    .iter()
    .find_map(|label| inner.find(label).map(|p| &inner[p + label.len()..]))
    .or_else(|| inner.find('第').map(|p| &inner[p + '第'.len_utf8()..]))?;
    let number = after.trim_end_matches(['段', ']', ')']).trim();
    (!number.is_empty()).then(|| number.to_string())
}

/// A committee other than the six Main Committees, as an English origin line names it: `[on
/// the report of the Ad Hoc Committee of the Whole ...]`.
fn other_committee(text: &str) -> Option<String> {
    text.find("report of the ").and_then(|p| {
        let rest = &text[p + "report of the ".len()..];
        let end = rest.find(['(', ']', ','])?;
        // `Special Political and Decolonization Committee (Fourth Committee)`: the number
        // in brackets is the name drafts and other resolutions give it.
        if let Some(numbered) = rest[end..]
            .strip_prefix('(')
            .and_then(|r| r.split_once(')'))
            .map(|(inner, _)| inner.trim())
            .filter(|inner| inner.ends_with(" Committee"))
        {
            return Some(numbered.to_string());
        }
        let name = rest[..end].trim();
        (!name.is_empty()).then(|| name.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(ordinal_number("Seventy-seventh"), Some(77));
        assert_eq!(ordinal_number("Seventy-eighth"), Some(78));
        assert_eq!(ordinal_number("Twentieth"), Some(20));
        assert_eq!(ordinal_number("First"), Some(1));
        assert_eq!(session_line("Seventy-fifth session"), Some(75));
    }

    #[test]
    fn dates() {
        assert_eq!(
            date_line("5 January 2023"),
            Some(Date {
                year: 2023,
                month: 1,
                day: 5
            })
        );
        assert_eq!(date_line("on 5 January 2023"), None);
    }

    #[test]
    fn committees() {
        assert_eq!(
            committee_line("First Committee").as_deref(),
            Some("First Committee")
        );
        assert_eq!(
            committee_line("Special Political and Decolonization Committee (Fourth Committee)")
                .as_deref(),
            Some("Fourth Committee")
        );
        assert_eq!(
            committee_line("(Fourth Committee)").as_deref(),
            Some("Fourth Committee")
        );
        assert_eq!(committee_line("Agenda item 12"), None);
        assert_eq!(
            committee_line("Organization of work of the Second Committee"),
            None
        );
    }

    /// The origin line read alike in the six languages (Source: United Nations, A/RES/75/154
    /// and A/RES/80/106).
    #[test]
    fn origin_lines_in_six_languages() {
        let lines = [
            "[on the report of the Third Committee (A/75/476, para. 23)]",
            "[sur la base du rapport de la Troisième Commission (A/75/476, par. 23)]",
            "[sobre la base del informe de la Tercera Comisión (A/75/476, párr. 23)]",
            "[по докладу Третьего комитета (A/75/476, пункт 23)]",
            "[بناء على تقرير اللجنة الثالثة (A/75/476، الفقرة 23)]",
            "[根据第三委员会的报告 (A/75/476，第23段)]",
        ];
        for line in lines {
            let o = origin(line.to_string());
            assert_eq!(o.committee.as_deref(), Some("Third Committee"), "{line}");
            assert_eq!(o.document.as_deref(), Some("A/75/476"), "{line}");
            assert_eq!(o.paragraph.as_deref(), Some("23"), "{line}");
        }
        let fourth = origin(
            "[on the report of the Special Political and Decolonization Committee (Fourth \
             Committee) (A/80/537, para. 15)]"
                .to_string(),
        );
        assert_eq!(fourth.committee.as_deref(), Some("Fourth Committee"));
        assert_eq!(fourth.document.as_deref(), Some("A/80/537"));
        let plenary =
            origin("[sans renvoi à une grande commission (A/75/L.27 et A/75/L.27/Add.1)]".into());
        assert_eq!(plenary.committee, None);
        assert_eq!(plenary.document.as_deref(), Some("A/75/L.27"));
        assert_eq!(plenary.paragraph, None);
        let whole =
            origin("[on the report of the Ad Hoc Committee of the Whole (A/S-27/19)]".into());
        assert_eq!(
            whole.committee.as_deref(),
            Some("Ad Hoc Committee of the Whole")
        );
    }

    /// The agenda line of A/RES/75/154 in its six languages (Source: United Nations).
    #[test]
    fn agenda_lines_in_six_languages() {
        for line in [
            "Agenda item 27 (b)",
            "Point 27 b) de l’ordre du jour",
            "Tema 27 b) del programa",
            "Пункт 27 b) повестки дня",
            "البند 27 (ب) من جدول الأعمال",
            "议程项目27(b)",
        ] {
            assert_eq!(
                agenda_numbers(line),
                Some(vec!["27 (b)".to_string()]),
                "{line}"
            );
        }
        assert_eq!(
            agenda_numbers("Points 13 et 117 de l’ordre du jour"),
            Some(vec!["13".into(), "117".into()])
        );
        assert_eq!(
            agenda_numbers("البند 68 (هـ) من جدول الأعمال"),
            Some(vec!["68 (e)".into()])
        );
        assert_eq!(agenda_numbers("Point de vue"), None);
        assert_eq!(agenda_numbers("Tema"), None);
    }

    #[test]
    fn agenda() {
        assert_eq!(
            agenda_numbers("Agenda item 68 (b)"),
            Some(vec!["68 (b)".to_string()])
        );
        assert_eq!(
            agenda_numbers("Agenda items 13 and 117"),
            Some(vec!["13".into(), "117".into()])
        );
    }
}
