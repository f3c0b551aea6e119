//! The HTML page of a resolution: links within the store and out to the ODS, notes and eIds,
//! absolute on a page kept on its own, from the server's root on a served one.

use crate::common::*;
use unakn::html::{write, Page};
use unakn::model::Language;
use unakn::vocab::Base;

#[test]
fn page_links_citations_notes_and_eids() {
    let input = std::fs::read(root().join("samples/A_RES_77_213.md")).unwrap();
    let doc = unakn::parse::parse(&input).unwrap().value;
    let base = Base::default();
    let in_store = |s: &str| s == "A/RES/70/1";
    let cited_by = vec![(
        "http://localhost:7878/akn/un/statement/deliberation/unga/78-1".to_string(),
        "A/RES/78/1".to_string(),
        "A <title> & more".to_string(),
    )];
    let page = Page {
        base: &base,
        served: false,
        in_store: &in_store,
        cited_by: &cited_by,
        languages: &[Language::English, Language::French],
        lineage: None,
        state_page: None,
        mandates_page: None,
        search_page: None,
    };
    let mut out = Vec::new();
    write(&doc, &page, &mut out).unwrap();
    let html = String::from_utf8(out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains(r#"<div class="paragraph" id="para_1">"#));
    assert!(
        html.contains(r#"<i class="phrase">Recalling</i>"#),
        "{html}"
    );
    assert!(html.contains(r##"href="#note_1""##));
    assert!(html.contains(r#"<p id="note_1">"#));
    // 70/1 is in the store: its link stays here; others go to the ODS.
    assert!(
        html.contains(r#"href="http://localhost:7878/akn/un/statement/deliberation/unga/70-1""#)
    );
    assert!(html.contains("href=\"https://undocs.org/"));
    assert!(html.contains("A &lt;title&gt; &amp; more"));
    assert!(html.contains(r#"hreflang="fr">fra</a>"#));
    assert_eq!(
        html.matches("<section").count(),
        html.matches("</section>").count()
    );
    assert_eq!(html.matches("<div").count(), html.matches("</div>").count());

    // Served, the same page links within the store from the server's root, so its links
    // work at whatever address the server is reached by.
    let served = Page {
        served: true,
        ..page
    };
    let mut out = Vec::new();
    write(&doc, &served, &mut out).unwrap();
    let html = String::from_utf8(out).unwrap();
    assert!(html.contains(r#"href="/akn/un/statement/deliberation/unga/70-1""#));
    assert!(html.contains(r#"href="/akn/un/statement/deliberation/unga/78-1""#));
    assert!(html.contains(r#"href="/akn/un/statement/deliberation/unga/77-213/fra@""#));
    assert!(html.contains(r#"href="/">the SPARQL endpoint"#));
    assert!(!html.contains("href=\"http://localhost"), "{html}");
}

/// The page's own words (headings, the vote, the footer, the masthead's agenda line) speak the
/// document's language: here French (Source: United Nations, A/RES/77/213) and the UN's
/// Arabic AKN of A/RES/75/154, adopted without a vote.
#[test]
fn the_page_s_own_words_are_in_the_document_s_language() {
    let base = Base::default();
    let in_store = |_: &str| false;
    let page = Page {
        base: &base,
        served: true,
        in_store: &in_store,
        cited_by: &[],
        languages: &[Language::English, Language::French],
        lineage: None,
        state_page: None,
        mandates_page: None,
        search_page: Some("/search"),
    };
    let render = |input: &[u8]| {
        let doc = unakn::parse::parse(input).unwrap().value;
        let mut out = Vec::new();
        write(&doc, &page, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    let french = render(&std::fs::read(root().join("samples/A_RES_77_213_fr.xml")).unwrap());
    for words in [
        "Point 68 b) de l’ordre du jour",
        "<h2>Cité par</h2>",
        "Aucun document de cette base ne le cite.",
        "Autres langues :",
        "Source : Organisation des Nations Unies.",
        "Rechercher dans les résolutions",
    ] {
        assert!(french.contains(words), "{words}: {french}");
    }
    assert!(!french.contains("Cited by") && !french.contains("Other languages"));

    let Some(corpus) = corpus() else { return };
    let arabic = render(&std::fs::read(corpus.join("ga-75-akn/Arabic/75_154_A.xml")).unwrap());
    for words in [
        "dir=\"rtl\"",
        "البند 27 (ب) من جدول الأعمال",
        "<h2 id=\"vote\">التصويت</h2>",
        "اعتُمد دون تصويت.",
        "المصدر: الأمم المتحدة.",
    ] {
        assert!(arabic.contains(words), "{words}");
    }
}
