//! A task's verb, past `to` and what leads to another verb (`continue to`, `endeavour to`):
//! the kind's rules and the report's read it first.

/// The task's verb, past `to` and `continue to`.
pub(super) fn first_verb(part: &str) -> String {
    let mut ws = part.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    });
    let mut w = ws.next().unwrap_or_default();
    // `to continue to`, `to endeavour to`: the verb is the one they lead to.
    while matches!(
        w.as_str(),
        "to" | "and" | "continue" | "further" | "also" | "endeavour" | "endeavor" | "strive"
    ) || (w.ends_with("ly") && w.len() > 4)
    {
        w = ws.next().unwrap_or_default();
    }
    w
}
