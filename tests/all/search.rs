//! `unakn search` over a persistent store: the hits of a language version, phrases, facets, a
//! removed document gone, and an index rebuilt from the store when it is lost or behind, and
//! not compared with it when known to be in line.

use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn samples(names: &[&str]) -> Vec<String> {
    names
        .iter()
        .map(|n| {
            root()
                .join("samples")
                .join(n)
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

fn store(name: &str, inputs: &[String]) -> PathBuf {
    let dir = root().join("target/search-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let mut args = vec!["load", "--store", dir.to_str().unwrap()];
    args.extend(inputs.iter().map(String::as_str));
    let out = unakn_ok(&args);
    assert!(String::from_utf8_lossy(&out.stderr).contains("search index: "));
    dir
}

fn search(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["search", "--store", dir.to_str().unwrap(), "--json"];
    all.extend(args);
    let out = unakn_ok(&all);
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (symbol, language, first hit's eId) of each group.
fn groups(v: &Value) -> Vec<(String, String, String)> {
    v["page"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["symbol"].as_str().unwrap().to_string(),
                g["language"].as_str().unwrap().to_string(),
                g["hits"][0]["eid"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn words_phrases_languages_and_facets() {
    let dir = store(
        "words",
        &samples(&[
            "A_RES_77_213.md",
            "A_RES_77_213_fr.xml",
            "A_RES_78_10.txt",
            "A_RES_80_49.txt",
        ]),
    );
    // A phrase in quotes: its words in that order only.
    let phrase = search(&dir, &["\"Vienna Declaration and Programme of Action\""]);
    let found = groups(&phrase);
    assert_eq!(found[0].0, "A/RES/77/213", "{phrase}");
    assert!(found.iter().all(|g| g.0 == "A/RES/77/213"));
    let scattered = search(&dir, &["Programme Vienna"]);
    assert!(scattered["units"].as_u64() >= phrase["units"].as_u64());

    // French words, stemmed and folded, find the French version only.
    let french = search(&dir, &["cooperation", "internationale", "--language", "fr"]);
    assert!(!groups(&french).is_empty(), "{french}");
    assert!(groups(&french).iter().all(|g| g.1 == "fr"));
    // Each hit carries its resolution, number, language and IRI.
    let hit = &french["page"][0]["hits"][0];
    assert!(hit["iri"].as_str().unwrap().contains("77-213"), "{hit}");
    assert!(hit["highlighted"].as_array().is_some_and(|h| !h.is_empty()));

    // Facets count what was found and narrow it.
    let all = search(&dir, &["General", "Assembly"]);
    let sessions = all["facets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f[0] == "session")
        .unwrap()[1]
        .clone();
    assert!(sessions.as_array().unwrap().len() >= 2, "{sessions}");
    let narrowed = search(&dir, &["General", "Assembly", "--session", "80"]);
    assert!(groups(&narrowed).iter().all(|g| g.0 == "A/RES/80/49"));
    let paragraphs = search(&dir, &["General", "Assembly", "--unit", "paragraph"]);
    assert!(paragraphs["page"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["hits"].as_array().unwrap())
        .all(|h| h["kind"] == "paragraph"));

    // Nothing found is an answer, not an error.
    let none = search(&dir, &["zzyzx"]);
    assert_eq!(none["units"], 0);
}

#[test]
fn a_removed_document_is_no_longer_found_and_a_lost_index_is_rebuilt() {
    let dir = store("remove", &samples(&["A_RES_77_213.md", "A_RES_78_10.txt"]));
    let words = ["Vienna", "Declaration"];
    assert!(!groups(&search(&dir, &words)).is_empty());
    unakn_ok(&["remove", "A/RES/77/213", "--store", dir.to_str().unwrap()]);
    assert!(groups(&search(&dir, &words))
        .iter()
        .all(|g| g.0 != "A/RES/77/213"));

    // The index lost: rebuilt from the AKN the store keeps, on the next open.
    std::fs::remove_dir_all(unakn::search::folder_of(&dir)).unwrap();
    let rebuilt = search(&dir, &["Olympic", "Truce"]);
    assert!(
        groups(&rebuilt).iter().any(|g| g.0 == "A/RES/78/10"),
        "{rebuilt}"
    );
}

/// The index records the store's state it was brought in line with. After a load, a second
/// load and a removal, a search compares no version and the index still holds exactly what the
/// store holds. A change to either one behind the other's back is compared and mended.
#[test]
fn an_index_known_in_line_is_not_compared_and_a_change_behind_its_back_is() {
    use unakn::search::{folder_of, Index};
    use unakn::store::Store;
    let dir = store("in-line", &samples(&["A_RES_77_213.md"]));
    let dir_str = dir.to_str().unwrap();
    // Whether bringing the index in line compared it with the store; either way, after it the
    // two must agree version for version.
    let compared = |when: &str| {
        let store = Store::open(&dir).unwrap();
        let index = Index::open(&folder_of(&dir)).unwrap();
        let base = store.minted_base().unwrap().unwrap_or_default();
        let done = index.bring_in_line(&store, &base).unwrap();
        assert_eq!(
            index.versions().unwrap(),
            store.digests().unwrap(),
            "{when}"
        );
        done.compared
    };
    assert!(!compared("after the first load"));
    unakn_ok(&[
        "load",
        "--store",
        dir_str,
        &samples(&["A_RES_78_10.txt"])[0],
    ]);
    assert!(!compared("after a second load"));
    unakn_ok(&["remove", "A/RES/77/213", "--store", dir_str]);
    assert!(!compared("after a removal"));

    // The store changed without its index, as by a load stopped after its first batch went
    // into the store (before the batches' links, and before the index took it): compared
    // once, then known in line again.
    let store = Store::open(&dir).unwrap();
    let base = store.minted_base().unwrap().unwrap_or_default();
    let file = root().join("samples/A_RES_77_213.md");
    let mut batches = store.batches();
    batches
        .replace_documents(&stored_quads(&[file], &base))
        .unwrap();
    drop(batches);
    drop(store);
    assert!(compared("after a load into the store alone"));
    assert!(!compared("once compared"));

    // The index changed without its store.
    let index = Index::open(&folder_of(&dir)).unwrap();
    let held: Vec<String> = index.versions().unwrap().into_keys().collect();
    index.remove(&held[..1]).unwrap();
    drop(index);
    assert!(compared("after a removal from the index alone"));
    assert!(!compared("once compared again"));
}

/// The relevance set (`samples/search/relevance.tsv`): queries written by reading one paragraph
/// each, in six languages, over sessions 75, 78 and 80. The paragraph must be among the hits
/// shown for the first three resolutions. Not all are yet: the score is printed, and may not
/// fall below what EVALUATION.md reports.
#[test]
fn the_relevance_set_finds_its_paragraphs() {
    let Some(corpus) = corpus() else { return };
    let dir = root().join("target/search-tests/relevance");
    let _ = std::fs::remove_dir_all(&dir);
    let out = unakn(&[
        "load",
        "--store",
        dir.to_str().unwrap(),
        corpus.join("ga-75-akn").to_str().unwrap(),
        corpus.join("ga-78/text").to_str().unwrap(),
        corpus.join("ga-80/text").to_str().unwrap(),
    ]);
    // One file of session 75 is not well-formed: the others load.
    assert!(String::from_utf8_lossy(&out.stderr).contains("search index: "));
    let index = unakn::search::Index::open(&unakn::search::folder_of(&dir)).unwrap();
    let set = std::fs::read_to_string(root().join("samples/search/relevance.tsv")).unwrap();
    let (mut found, mut missed) = (0, Vec::new());
    for line in set.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [code, words, symbol, paragraph] = cols[..] else {
            panic!("{line}: four columns")
        };
        let request = unakn::search::Request {
            words: words.to_string(),
            language: unakn::model::Language::from_code(code),
            limit: 3,
            ..Default::default()
        };
        let results = index.search(&request).unwrap();
        let hit = results.page.iter().any(|g| {
            g.symbol == symbol
                && g.hits
                    .iter()
                    .any(|h| h.number == paragraph || h.eid == paragraph)
        });
        if hit {
            found += 1;
        } else {
            missed.push(format!("{code} {words} → {symbol} {paragraph}"));
        }
    }
    let total = found + missed.len();
    eprintln!(
        "relevance: {found} of {total}; missed:\n{}",
        missed.join("\n")
    );
    assert!(total >= 30);
    assert!(found >= FOUND_AT_LEAST, "{found} of {total}: {missed:#?}");
}

/// The score of the relevance set as EVALUATION.md reports it: a fall below is a regression.
const FOUND_AT_LEAST: usize = 25;

/// The search inside SPARQL: `unakn:search(?unit, "words", "en")` selects the units the search
/// finds, so that it joins the graph (here: the text of each division found).
#[test]
fn a_search_joins_the_graph_in_sparql() {
    let dir = store(
        "sparql",
        &samples(&["A_RES_77_213.md", "A_RES_80_49.txt", "A_RES_78_27.txt"]),
    );
    let select = |query: &str, inputs: &[&str]| -> Vec<(String, String)> {
        let mut args = vec!["query", "--format", "json"];
        args.extend(inputs);
        args.push(query);
        let out = unakn_ok(&args);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["results"]["bindings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                (
                    b["p"]["value"].as_str().unwrap().to_string(),
                    b["t"]["value"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    let query = "PREFIX unakn: <https://w3id.org/unakn#>
        SELECT ?p ?t WHERE { ?p unakn:text ?t FILTER(unakn:search(?p, \"Secretary-General report\", \"en\")) }";
    let found = select(query, &["--store", dir.to_str().unwrap()]);
    assert!(found.len() >= 3, "{found:?}");
    for (p, text) in &found {
        let text = text.to_lowercase();
        assert!(
            text.contains("secretary-general") && text.contains("report"),
            "{p}: {text}"
        );
    }
    // Under another prefix, the same: the search is recognised by its name, not its prefix.
    let renamed = query.replace("unakn:", "u:");
    assert_eq!(
        select(&renamed, &["--store", dir.to_str().unwrap()]),
        found,
        "{renamed}"
    );
    // Every division the words are in, and no other: the same query without the search, its
    // text read here, finds no more paragraphs of its own words (sub-items are units apart).
    let all = select(
        "PREFIX unakn: <https://w3id.org/unakn#> SELECT ?p ?t WHERE { ?p unakn:text ?t }",
        &["--store", dir.to_str().unwrap()],
    );
    assert!(all.len() > found.len() * 3);
    // In memory, with the inputs loaded for the query, the same.
    let sample = root().join("samples/A_RES_80_49.txt");
    let in_memory = select(query, &["--load", sample.to_str().unwrap()]);
    assert!(!in_memory.is_empty());
    assert!(in_memory.iter().all(|r| found.contains(r)));
}

/// The count of each value of a facet, as the JSON gives them.
fn facet(v: &Value, root: &str) -> Vec<(String, u64)> {
    v["facets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f[0] == root)
        .map(|f| {
            f[1].as_array()
                .unwrap()
                .iter()
                .map(|x| {
                    (
                        x["value"].as_str().unwrap().to_string(),
                        x["count"].as_u64().unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn symbols(v: &Value) -> Vec<String> {
    let mut s: Vec<String> = groups_without_hits(v).into_iter().map(|g| g.0).collect();
    s.sort();
    s
}

/// (symbol, language) of each group, hits or none.
fn groups_without_hits(v: &Value) -> Vec<(String, String)> {
    v["page"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["symbol"].as_str().unwrap().to_string(),
                g["language"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Browsing without words: the documents the facets select, counted in documents. The UN's AKN
/// (Source: United Nations) of one Third Committee resolution in English, French and Chinese
/// (each origin line in its language, one committee), a Fourth Committee resolution adopted by
/// recorded vote under agenda item 59, and a special session's resolution adopted in plenary.
#[test]
fn browsing_by_committee_session_agenda_item_subject_and_vote() {
    let Some(corpus) = corpus() else { return };
    let files = [
        "ga-75-akn/English/75_154_E.xml",
        "ga-75-akn/French/75_154_F.xml",
        "ga-75-akn/Chinese/75_154_C.xml",
        "ga-80/akn/A_RES_80_106-2520110E.xml",
        "ga-75-akn/English/A_RES_S-32_1-2107229E.xml",
    ];
    let inputs: Vec<String> = files
        .iter()
        .map(|f| corpus.join(f).to_string_lossy().into_owned())
        .collect();
    let dir = store("browse", &inputs);

    let everything = search(&dir, &[]);
    assert_eq!(everything["groups"], 5, "{everything}");
    assert_eq!(everything["units"], 0);
    assert_eq!(
        facet(&everything, "committee"),
        [
            ("Third Committee".to_string(), 3),
            ("Fourth Committee".to_string(), 1),
            ("Plenary".to_string(), 1)
        ]
    );
    // A special session is its own: S-32, not the thirty-second.
    assert_eq!(
        facet(&everything, "session"),
        [
            ("75".to_string(), 3),
            ("80".to_string(), 1),
            ("S-32".to_string(), 1)
        ]
    );
    assert_eq!(
        facet(&everything, "vote"),
        [("without-vote".to_string(), 4), ("recorded".to_string(), 1)]
    );
    assert!(
        facet(&everything, "agenda").is_empty(),
        "counted per session only"
    );

    // One committee whatever the language of the origin line.
    let third = search(&dir, &["--committee", "Third Committee"]);
    let mut languages: Vec<(String, String)> = groups_without_hits(&third);
    languages.sort();
    assert_eq!(
        languages,
        [
            ("A/RES/75/154".to_string(), "en".to_string()),
            ("A/RES/75/154".to_string(), "fr".to_string()),
            ("A/RES/75/154".to_string(), "zh".to_string())
        ]
    );

    // The agenda items of a session, labelled with their titles; one chosen.
    let eighty = search(&dir, &["--session", "80"]);
    let items = &eighty["facets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f[0] == "agenda")
        .unwrap()[1];
    assert_eq!(items[0]["value"], "59", "{eighty}");
    assert!(
        items[0]["label"]
            .as_str()
            .unwrap()
            .starts_with("59 Eradicating colonialism"),
        "{items}"
    );
    // An agenda item is one whatever the language of the masthead that names it (`Point 27
    // b) de l’ordre du jour`, `议程项目27(b)`).
    let social = search(&dir, &["--session", "75", "--agenda", "27 (b)"]);
    let mut social_languages: Vec<String> = groups_without_hits(&social)
        .into_iter()
        .map(|g| g.1)
        .collect();
    social_languages.sort();
    assert_eq!(social_languages, ["en", "fr", "zh"], "{social}");
    // Its title in the language asked for, as that version's masthead prints it.
    let titled = |language: &str| {
        let v = search(&dir, &["--session", "75", "--lang", language]);
        v["facets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f[0] == "agenda")
            .unwrap()[1][0]["label"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(
        titled("en").starts_with("27 (b) Social development"),
        "{}",
        titled("en")
    );
    assert!(
        titled("fr").starts_with("27 (b) Développement social"),
        "{}",
        titled("fr")
    );
    assert!(
        titled("zh").starts_with("27 (b) 社会发展"),
        "{}",
        titled("zh")
    );
    let item = search(&dir, &["--session", "80", "--agenda", "59"]);
    assert_eq!(symbols(&item), ["A/RES/80/106"]);
    let wrong = unakn(&["search", "--store", dir.to_str().unwrap(), "--agenda", "59"]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("--agenda: give the session too"));

    // Adoption by recorded vote, a subject of the UN's thesaurus, a special session.
    assert_eq!(
        symbols(&search(&dir, &["--vote", "recorded"])),
        ["A/RES/80/106"]
    );
    assert_eq!(
        symbols(&search(&dir, &["--subject", "decolonization"])),
        ["A/RES/80/106"]
    );
    assert_eq!(
        symbols(&search(&dir, &["--session", "S-32"])),
        ["A/RES/S-32/1"]
    );
    // Words narrowed by the same facets: units, grouped.
    let words = search(&dir, &["colonialism", "--vote", "recorded"]);
    assert!(words["units"].as_u64().unwrap() >= 1);
    assert!(groups(&words).iter().all(|g| g.0 == "A/RES/80/106"));
}
