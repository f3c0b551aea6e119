use super::*;

#[test]
fn markdown_footnote_syntaxes() {
    let p = prepare("Recalling its resolution 70/1,[^1] and 71/1<sup>2</sup>\n\n[^1]: Adopted in 2015.\n[^2]: Adopted in 2016.\n");
    assert_eq!(p.flavour, Flavour::Markdown);
    assert_eq!(p.footnotes.len(), 2);
    assert!(p.footnotes.iter().all(|f| f.placed));
    assert_eq!(p.footnotes[1].text, "Adopted in 2016.");
}

#[test]
fn job_numbers() {
    assert!(is_job_number("23-26260 (E)    030124"));
    assert!(is_job_number("23-26260"));
    assert!(is_job_number("22-28954 (E)"));
    assert!(!is_job_number("2022-2023"));
    assert!(!is_job_number("20-24 April"));
}

#[test]
fn glued_and_spaced_markers() {
    assert!(is_marker_at("the Secretary-General,2 and", 22, 1, None));
    assert!(is_marker_at("Summit Outcome, 1  sports", 16, 1, None));
    assert!(!is_marker_at("Article 1, paragraph 3", 8, 1, None));
    assert!(!is_marker_at("on 25 June 1993", 3, 2, None));
    assert!(!is_marker_at("COVID-19 pandemic", 6, 2, None));
}
