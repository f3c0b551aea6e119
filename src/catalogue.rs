//! The query catalogue: example SPARQL queries over unakn's graph, built into the binary (the
//! demo runs them, the query page offers them). The files live in `samples/queries/`, each with
//! its expected results over the samples.

/// An example query.
#[derive(Debug, Clone, Copy)]
pub struct Query {
    /// The file stem, e.g. `01_who_cites`.
    pub name: &'static str,
    /// The question it answers: its first comment line.
    pub title: &'static str,
    pub text: &'static str,
}

const fn query(name: &'static str, text: &'static str) -> Query {
    Query {
        name,
        title: first_comment(text),
        text,
    }
}

/// The first line without its `# `, computed at compile time.
const fn first_comment(text: &'static str) -> &'static str {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() && (bytes[start] == b'#' || bytes[start] == b' ') {
        start += 1;
    }
    let mut end = start;
    while end < bytes.len() && bytes[end] != b'\n' {
        end += 1;
    }
    let (_, rest) = bytes.split_at(start);
    let (line, _) = rest.split_at(end - start);
    match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(_) => "",
    }
}

/// Every query of `samples/queries/`, in file order.
pub const QUERIES: &[Query] = &[
    query(
        "01_who_cites",
        include_str!("../samples/queries/01_who_cites.rq"),
    ),
    query(
        "02_what_it_cites",
        include_str!("../samples/queries/02_what_it_cites.rq"),
    ),
    query(
        "03_recitals_recalling",
        include_str!("../samples/queries/03_recitals_recalling.rq"),
    ),
    query("04_urges", include_str!("../samples/queries/04_urges.rq")),
    query(
        "05_session_committee",
        include_str!("../samples/queries/05_session_committee.rq"),
    ),
    query(
        "06_languages",
        include_str!("../samples/queries/06_languages.rq"),
    ),
    query("07_counts", include_str!("../samples/queries/07_counts.rq")),
    query(
        "08_paragraph_text",
        include_str!("../samples/queries/08_paragraph_text.rq"),
    ),
    query(
        "09_recorded_votes",
        include_str!("../samples/queries/09_recorded_votes.rq"),
    ),
    query(
        "10_subject",
        include_str!("../samples/queries/10_subject.rq"),
    ),
    query(
        "11_draft_and_sponsors",
        include_str!("../samples/queries/11_draft_and_sponsors.rq"),
    ),
    query(
        "12_how_a_state_voted",
        include_str!("../samples/queries/12_how_a_state_voted.rq"),
    ),
    query(
        "13_drafts_and_what_became_of_them",
        include_str!("../samples/queries/13_drafts_and_what_became_of_them.rq"),
    ),
    query(
        "14_paragraphs_added_after_tabling",
        include_str!("../samples/queries/14_paragraphs_added_after_tabling.rq"),
    ),
    query(
        "15_states_against_a_resolution",
        include_str!("../samples/queries/15_states_against_a_resolution.rq"),
    ),
    query(
        "16_two_states_voting_alike",
        include_str!("../samples/queries/16_two_states_voting_alike.rq"),
    ),
    query(
        "17_recorded_votes_on_a_goal",
        include_str!("../samples/queries/17_recorded_votes_on_a_goal.rq"),
    ),
    query(
        "18_reports_due_at_a_session",
        include_str!("../samples/queries/18_reports_due_at_a_session.rq"),
    ),
    query(
        "19_recurring_mandates",
        include_str!("../samples/queries/19_recurring_mandates.rq"),
    ),
    query(
        "20_mandates_per_entity",
        include_str!("../samples/queries/20_mandates_per_entity.rq"),
    ),
    query(
        "21_mandates_with_no_end",
        include_str!("../samples/queries/21_mandates_with_no_end.rq"),
    ),
    query(
        "22_same_request_repeated",
        include_str!("../samples/queries/22_same_request_repeated.rq"),
    ),
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_catalogue_is_the_folder() {
        let mut files: Vec<String> = std::fs::read_dir("samples/queries")
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                name.strip_suffix(".rq").map(str::to_string)
            })
            .collect();
        files.sort();
        let built: Vec<&str> = super::QUERIES.iter().map(|q| q.name).collect();
        assert_eq!(files, built);
        assert_eq!(
            super::QUERIES[0].title,
            "Who cites resolution 70/1 (A/RES/70/1), and from which division?"
        );
    }
}
