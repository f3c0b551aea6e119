//! AKN4UN profile checks that the XSD cannot make: references that dangle, eIds that repeat
//! or contradict the printed numbers, FRBR IRIs that disagree with each other or the content.

use crate::diag::{Code, Diagnostic, Severity};
use crate::model::Span;
use crate::xml::{self, Element};
use std::collections::HashSet;

/// Checks one AKN document; XML errors come back as a single error diagnostic.
pub fn profile(input: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    match xml::parse(input, &mut out) {
        Ok(root) => out.extend(check(&root)),
        Err(e) => out.push(Diagnostic {
            severity: Severity::Error,
            code: e.code,
            message: e.message,
            span: e.span,
        }),
    }
    out
}

/// The profile checks on a parsed document.
pub fn check(root: &Element) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // eIds are unique within each document (the schema's rule): the parts of a multi-part
    // resolution and the annexes are documents of their own. References may cross them.
    let mut eids: HashSet<(usize, String)> = HashSet::new();
    let mut declared: HashSet<String> = HashSet::new();
    let mut refs: Vec<(String, Span, &'static str)> = Vec::new();
    walk(root, 0, &mut 0, &mut |e, scope| {
        if let Some(id) = e.attr("eId") {
            if eids.insert((scope, id.to_string())) {
                declared.insert(id.to_string());
            } else {
                out.push(error(
                    Code::DuplicateEid,
                    e.span,
                    format!("eId {id:?} is used more than once"),
                ));
            }
        }
        for attr in ["refersTo", "href", "source", "as"] {
            if let Some(v) = e.attr(attr) {
                for target in v.split_whitespace() {
                    if let Some(id) = target.strip_prefix('#') {
                        refs.push((id.to_string(), e.span, attr_name(attr)));
                    }
                }
            }
        }
        if e.name == "paragraph" {
            if let (Some(id), Some(num)) = (e.attr("eId"), e.child("num")) {
                let printed = num.text().trim().trim_end_matches('.').to_string();
                let local = id.rsplit("__").next().unwrap_or(id);
                if !printed.is_empty()
                    && local.starts_with("para_")
                    && local != format!("para_{printed}")
                {
                    out.push(Diagnostic {
                        severity: Severity::Warning,
                        code: Code::EidNumber,
                        message: format!(
                            "eId {id:?} does not carry the printed number {printed:?}"
                        ),
                        span: e.span,
                    });
                }
            }
        }
    });
    for (id, span, attr) in refs {
        if !declared.contains(&id) {
            out.push(error(
                Code::DanglingReference,
                span,
                format!("{attr}=\"#{id}\" refers to no declared eId"),
            ));
        }
    }
    frbr(root, &mut out);
    out
}

fn attr_name(a: &str) -> &'static str {
    match a {
        "refersTo" => "refersTo",
        "href" => "href",
        "source" => "source",
        _ => "as",
    }
}

fn error(code: Code, span: Span, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code,
        message,
        span,
    }
}

/// Calls `f` on every element with the document it belongs to: a number counting the
/// document elements (`statement`, `doc`, `documentCollection`...) met so far.
fn walk<'a>(
    e: &'a Element,
    scope: usize,
    scopes: &mut usize,
    f: &mut impl FnMut(&'a Element, usize),
) {
    let scope = if is_document(&e.name) {
        *scopes += 1;
        *scopes
    } else {
        scope
    };
    f(e, scope);
    for c in e.elements() {
        walk(c, scope, scopes, f);
    }
}

/// The AKN document types, each its own eId scope in the schema.
fn is_document(name: &str) -> bool {
    matches!(
        name,
        "amendmentList"
            | "officialGazette"
            | "documentCollection"
            | "act"
            | "bill"
            | "debateReport"
            | "debate"
            | "statement"
            | "amendment"
            | "judgment"
            | "portion"
            | "doc"
    )
}

/// FRBR IRIs: the expression and manifestation extend the work, the language agrees, the date
/// in the work IRI is the adoption date.
fn frbr(root: &Element, out: &mut Vec<Diagnostic>) {
    let Some(identification) = root.find("identification") else {
        out.push(error(
            Code::NoIdentification,
            root.span,
            "no meta/identification".into(),
        ));
        return;
    };
    let uri = |level: &str| {
        identification
            .child(level)
            .and_then(|l| l.child("FRBRuri"))
            .and_then(|u| u.attr("value").map(|v| (v.to_string(), u.span)))
    };
    let (Some((work, work_span)), Some((expression, expr_span))) =
        (uri("FRBRWork"), uri("FRBRExpression"))
    else {
        out.push(error(
            Code::Frbr,
            identification.span,
            "FRBRWork or FRBRExpression has no FRBRuri".into(),
        ));
        return;
    };
    let work_base = work.trim_end_matches('/');
    if !expression.starts_with(work_base) {
        out.push(error(
            Code::Frbr,
            expr_span,
            format!("expression IRI {expression:?} does not extend the work IRI {work:?}"),
        ));
    }
    if let Some((manifestation, span)) = uri("FRBRManifestation") {
        if !manifestation.starts_with(work_base) {
            out.push(error(
                Code::Frbr,
                span,
                format!("manifestation IRI {manifestation:?} does not extend the work IRI"),
            ));
        }
    }
    let language = identification
        .child("FRBRExpression")
        .and_then(|e| e.child("FRBRlanguage"))
        .and_then(|l| l.attr("language"));
    if let Some(lang) = language {
        if !expression.contains(&format!("/{lang}@")) {
            out.push(error(
                Code::Frbr,
                expr_span,
                format!("expression IRI {expression:?} does not name the language {lang:?}"),
            ));
        }
    }
    let adoption = identification
        .adoption_date()
        .and_then(|d| d.attr("date").map(|v| (v.to_string(), d.span)));
    // The number printed in the preface (`77/213.`) is the one the work IRI ends with; the
    // work of a multi-part resolution adds its parts (`75-101A-B`).
    let printed = root
        .find("preface")
        .and_then(|p| p.find("docNumber"))
        .map(|n| {
            n.text()
                .trim()
                .trim_end_matches('.')
                .replace('/', "-")
                .replace(' ', "")
        });
    if let Some(number) = printed.filter(|n| n.contains('-')) {
        let last = work_base.rsplit('/').next().unwrap_or("");
        let parts = last.strip_prefix(number.as_str());
        if !parts.is_some_and(|p| p.chars().all(|c| c.is_ascii_uppercase() || c == '-')) {
            out.push(error(
                Code::Frbr,
                work_span,
                format!("work IRI {work:?} does not end with the printed number {number:?}"),
            ));
        }
    }
    if let Some((date, span)) = adoption {
        if date.starts_with("0001") {
            out.push(Diagnostic {
                severity: Severity::Warning,
                code: Code::PlaceholderDate,
                message: format!("adoption date {date} is a placeholder"),
                span,
            });
        } else if !work.contains(&format!("/{date}/")) {
            out.push(error(
                Code::Frbr,
                work_span,
                format!("work IRI {work:?} does not carry the adoption date {date}"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangling_and_duplicate() {
        let xml = r##"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="x"><meta>
            <identification source="#nobody"><FRBRWork><FRBRuri value="/akn/un/doc/2020-01-01/1/"/>
            <FRBRdate date="2020-01-01" name="adoption"/></FRBRWork><FRBRExpression>
            <FRBRuri value="/akn/un/doc/2020-01-01/1/eng@/"/><FRBRlanguage language="eng"/></FRBRExpression>
            </identification></meta><mainBody><paragraph eId="para_1"><num>2.</num></paragraph>
            <paragraph eId="para_1"/></mainBody></doc></akomaNtoso>"##;
        let codes: Vec<&str> = profile(xml).iter().map(|d| d.code.as_str()).collect();
        assert!(codes.contains(&"dangling-reference"));
        assert!(codes.contains(&"duplicate-eid"));
        assert!(codes.contains(&"eid-number"));
        assert!(!codes.contains(&"frbr"));
    }

    #[test]
    fn frbr_disagreeing_with_the_printed_number() {
        let xml = r##"<akomaNtoso><statement name="resolution"><meta><identification source="#s">
            <FRBRWork><FRBRuri value="/akn/un/statement/deliberation/unga/2020-01-01/75-1/"/>
            <FRBRdate date="2020-01-01" name="adoption"/></FRBRWork><FRBRExpression>
            <FRBRuri value="/akn/un/statement/deliberation/unga/2020-01-01/75-1/eng@/"/><FRBRlanguage language="eng"/>
            </FRBRExpression></identification><references><TLCOrganization eId="s"/></references></meta>
            <preface><p><docNumber>75/2.</docNumber></p></preface></statement></akomaNtoso>"##;
        let found: Vec<String> = profile(xml).into_iter().map(|d| d.message).collect();
        assert!(
            found.iter().any(|m| m.contains("printed number \"75-2\"")),
            "{found:?}"
        );
    }
}
