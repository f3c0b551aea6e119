//! `unakn diff` over every draft and the resolution adopted from it in session 80: applying the
//! diff to the draft gives the resolution's recitals and operative paragraphs exactly, numbers
//! included; how much of each resolution aligns to its draft.

use crate::common::*;
use std::path::Path;
use unakn::diff::{apply, diff, units, Status};
use unakn::model::Document;

fn documents(dir: &Path) -> Vec<Document> {
    files_with_extension(dir, "txt")
        .iter()
        .filter_map(|p| unakn::parse::parse(&std::fs::read(p).unwrap()).ok())
        .map(|w| w.value)
        .collect()
}

#[test]
fn applying_the_diff_to_the_draft_gives_the_adopted_text_for_every_linked_pair() {
    let Some(corpus) = corpus() else { return };
    let adopted = documents(&corpus.join("ga-80/text"));
    let drafts = documents(&corpus.join("ga-80-drafts/text"));
    let a: Vec<&Document> = adopted.iter().collect();
    let d: Vec<&Document> = drafts.iter().collect();
    let (links, _) = unakn::link::link(&a, &d);
    assert_eq!(links.len(), 128);
    let mut shares = Vec::new();
    let (mut changed, mut inserted, mut deleted) = (0, 0, 0);
    for l in &links {
        let old = drafts.iter().find(|x| x.symbol == l.draft).unwrap();
        let new = adopted.iter().find(|x| x.symbol == l.adopted).unwrap();
        let delta = diff(old, new);
        let rebuilt = apply(&delta, &units(old))
            .unwrap_or_else(|| panic!("{}: the diff does not fit {}", l.adopted, l.draft));
        let expected: Vec<_> = units(new)
            .into_iter()
            .map(|u| (u.kind, u.number, u.text))
            .collect();
        assert_eq!(rebuilt, expected, "{} from {}", l.adopted, l.draft);
        shares.push((delta.aligned, l.adopted.clone()));
        changed += delta.count(Status::Changed);
        inserted += delta.count(Status::Inserted);
        deleted += delta.count(Status::Deleted);
    }
    shares.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mean = shares.iter().map(|s| s.0).sum::<f32>() / shares.len() as f32;
    eprintln!(
        "aligned: mean {:.3}, lowest {:?}; {changed} changed, {inserted} inserted, {deleted} deleted",
        mean,
        &shares[..5]
    );
    // Most of an adopted text is its draft's: a failed alignment would show here.
    assert!(mean > 0.9, "mean share aligned {mean}");
}

/// The diff's own paragraphs: a paragraph renumbered, one changed, one inserted, one deleted,
/// one moved; and the text and HTML say so.
#[test]
fn each_kind_of_change_is_told() {
    let old = "United Nations\nA/79/L.9\nGeneral Assembly\nDistr.: Limited\n3 October 2024\n\n\
        Seventy-ninth session\nAgenda item 12\nCulture of peace\n\nFrance: draft resolution\n\n\
        Peace gardens\n\nThe General Assembly,\n\nRecalling its resolution 52/15,\n\n\
        1. Decides to proclaim 9 May International Day of Peace Gardens;\n\n\
        2. Invites all Member States to observe the Day;\n\n\
        3. Requests the Secretary-General to report at its eighty-first session;\n\n\
        4. Encourages civil society to plant gardens;\n\n\
        5. Decides to remain seized of the matter.\n";
    let new = old
        .replace("A/79/L.9", "A/79/L.9/Rev.1")
        .replace(
            "1. Decides to proclaim 9 May International Day of Peace Gardens;\n\n",
            "1. Welcomes the gardens planted so far;\n\n\
             2. Decides to proclaim 9 May International Day of Peace Gardens;\n\n",
        )
        .replace("2. Invites all Member States", "3. Invites all Member States")
        .replace(
            "3. Requests the Secretary-General to report at its eighty-first session;\n\n\
             4. Encourages civil society to plant gardens;\n\n",
            "4. Encourages civil society to plant gardens;\n\n",
        )
        .replace("5. Decides to remain seized", "5. Requests the Secretary-General to report at its eighty-second session;\n\n6. Decides to remain seized");
    let (old, new) = (
        unakn::parse::parse(old.as_bytes()).unwrap().value,
        unakn::parse::parse(new.as_bytes()).unwrap().value,
    );
    let d = diff(&old, &new);
    let status_of = |n: &str| {
        d.entries
            .iter()
            .find(|e| e.new_number.as_deref() == Some(n))
            .map(|e| e.status)
    };
    assert_eq!(status_of("1"), Some(Status::Inserted));
    assert_eq!(status_of("2"), Some(Status::Renumbered));
    assert_eq!(status_of("3"), Some(Status::Renumbered));
    // Paragraph 3 went after 4 and changed a word: moved.
    assert_eq!(status_of("5"), Some(Status::Moved));
    assert_eq!(status_of("6"), Some(Status::Renumbered));
    let rebuilt = apply(&d, &units(&old)).unwrap();
    assert_eq!(rebuilt.len(), 7);
    let text = unakn::diff::text(&d, false);
    assert!(text.contains("[-first-]{+second+}"), "{text}");
    let html = unakn::diff::html(&d, Some("Changes"));
    assert!(html.contains("<del>first</del><ins>second</ins>"), "{html}");
}
