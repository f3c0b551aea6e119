//! Whether a task gives means to the Organization's own work, whatever its words: resources
//! provided, allocated or secured for a United Nations body, or resources named by the
//! Organization's own budgets (`extrabudgetary`, `regular budget`).

use crate::mandate::actors::kind_of;
use crate::model::AddresseeKind;

/// `to provide extrabudgetary resources for these purposes`, `to allocate the resources to the
/// Commission`, `to address the allocation of adequate resources for the Office`, `to provide
/// the Office with adequate resources`, `that regular budget resources for the Mechanism amount
/// to ...`. Not a State's own (`to make adequate resources available across relevant
/// sectors`), nor resources a task is only conditioned on (`subject to the availability of
/// extrabudgetary resources`, `within existing resources`). `lower` is `task` in lower case.
pub(super) fn funds_the_organization(task: &str, lower: &str) -> bool {
    const MEANS: &[&str] = &["resources", "funding", "funds"];
    MEANS.iter().any(|means| {
        lower.match_indices(means).any(|(at, word)| {
            let end = at + word.len();
            let whole = !lower[..at].ends_with(|c: char| c.is_alphanumeric())
                && !lower[end..].starts_with(|c: char| c.is_alphanumeric());
            whole && means_for_the_organization(task, lower, at, end)
        })
    })
}

/// Whether the means named at `at..end` go to the Organization's work.
fn means_for_the_organization(task: &str, lower: &str, at: usize, end: usize) -> bool {
    let before: Vec<&str> = lower[..at].split_whitespace().rev().take(8).collect();
    let near = |n: usize, words: &[&str]| before.iter().take(n).any(|w| words.contains(w));
    // A condition on the task, not a gift: `subject to the availability of`, `within existing`.
    let condition = near(4, &["availability", "within", "existing", "absorbed"]);
    if condition {
        return false;
    }
    // The Organization's own budgets name these; no one else's does.
    let budget_term = near(3, &["extrabudgetary"])
        || (near(2, &["budget"]) && near(3, &["regular", "programme"]))
        || near(1, &["regular-budget"]);
    if budget_term {
        return true;
    }
    const GIVING: &[&str] = &[
        "provide",
        "providing",
        "provision",
        "allocate",
        "allocating",
        "allocation",
        "secure",
        "securing",
        "mobilize",
        "mobilizing",
        "mobilization",
        "devote",
        "devoting",
        "dedicate",
        "dedicating",
        "earmark",
        "channel",
    ];
    let Some(giving) = before.iter().position(|w| GIVING.contains(w)) else {
        return false;
    };
    // `to provide the Office with adequate resources`: the body stands between the verb and
    // `with`.
    let with = before.iter().position(|w| *w == "with");
    if with.is_some_and(|with| with < giving) {
        let head = &lower[..at];
        let with_at = head.rfind(" with ").unwrap_or(at);
        let verb_end = head[..with_at]
            .rfind(before[giving])
            .map_or(with_at, |g| g + before[giving].len());
        return is_the_organization(task[verb_end..with_at].trim());
    }
    // `resources (necessary) to|for (enable|support) <body>`.
    let mut after = &task[end..];
    for word in [" necessary", " needed", " required", " available"] {
        after = after.strip_prefix(word).unwrap_or(after);
    }
    let Some(rest) = after
        .strip_prefix(" to ")
        .or_else(|| after.strip_prefix(" for "))
    else {
        return false;
    };
    let rest = ["enable ", "allow ", "support ", "strengthen "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    is_the_organization(beneficiary(rest))
}

/// The body a gift goes to: up to a comma, a purpose or another task.
fn beneficiary(rest: &str) -> &str {
    let cut = [
        ",",
        ";",
        " to ",
        " in order",
        " so as",
        " and to ",
        " in the context",
    ]
    .iter()
    .filter_map(|c| rest.find(c))
    .min()
    .unwrap_or(rest.len());
    rest[..cut].trim()
}

/// A body of the United Nations, or its work (`the work of the Committee`, `the mandate of the
/// Independent Expert`), or one a resolution has named before by its short form (`the
/// Institute`, `the Centre`), which is how it names the body it is about.
fn is_the_organization(body: &str) -> bool {
    let mut phrase = body;
    loop {
        match kind_of(phrase) {
            Some(AddresseeKind::UnitedNationsEntity | AddresseeKind::SecretaryGeneral) => {
                return true
            }
            Some(_) => return false,
            None => {}
        }
        let mut words = phrase.split_whitespace();
        let short_form = matches!(
            (words.next(), words.next(), words.next()),
            (Some("the"), Some(w), None) if w.starts_with(char::is_uppercase)
        );
        if short_form {
            return true;
        }
        match phrase.split_once(" of ") {
            Some((_, of)) => phrase = of,
            None => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn funds(task: &str) -> bool {
        funds_the_organization(task, &task.to_ascii_lowercase())
    }

    #[test]
    fn means_given_to_the_organization() {
        for task in [
            "to provide extrabudgetary resources for these purposes",
            "to consider providing extrabudgetary resources to enable the Institute to effectively implement its mandate",
            "to provide extrabudgetary resources to the United Nations Office on Drugs and Crime for the purpose of implementing the present resolution",
            "to allocate the resources to the Commission to allow the livestreaming of all sessions",
            "to address the allocation of adequate resources for the Office in the context of the proposed programme budget for 2025",
            "to ensure the allocation of adequate resources to the United Nations Office for Disaster Risk Reduction, to support its mandate",
            "to provide the Special Rapporteur with all the resources necessary for the fulfilment of the mandate",
            "regular budget resources for the Mechanism for 2021 amount to 17 million dollars",
            "all costs relating to the Conference and its preparation shall be financed through extrabudgetary resources",
            "to provide adequate resources for the work of the Committee",
        ] {
            assert!(funds(task), "{task}");
        }
    }

    #[test]
    fn a_states_own_means_or_a_condition_are_not() {
        for task in [
            "to make adequate resources available across relevant sectors, including health",
            "to provide and enhance the necessary resources and capacity-building, upon the request of Member States, in order to treat fistula cases",
            "subject to the availability of extrabudgetary resources, to support the efforts of Member States",
            "to continue its work within existing resources",
            "to allocate sufficient resources to national programmes for the prevention of violence",
            "to provide resources to the African Union",
            "to mobilize domestic resources for development",
            "to provide the victims with the resources they need",
        ] {
            assert!(!funds(task), "{task}");
        }
    }
}
