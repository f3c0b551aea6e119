//! `<coverPage>`: the masthead as printed (organ, symbol, distribution, date, session,
//! agenda items, origin).

use super::*;

pub(super) fn write_cover_page<W: Write>(x: &mut Xml<W>, doc: &Document) -> io::Result<()> {
    let m = &doc.masthead;
    let organ_ref = format!("#{}", doc.organ.tlc_id());
    x.open("coverPage", &[("eId", "coverPage")])?;
    x.open("p", &[])?;
    x.leaf(
        "docAuthority",
        &[("refersTo", "#unitedNations")],
        "United Nations",
    )?;
    x.close("p")?;
    x.open("p", &[])?;
    x.leaf("docNumber", &[("refersTo", "#symbol")], &doc.symbol)?;
    x.close("p")?;
    x.open("p", &[])?;
    x.leaf(
        "docAuthority",
        &[("refersTo", &organ_ref)],
        m.organ_name.as_deref().unwrap_or(doc.organ.name()),
    )?;
    x.close("p")?;
    if let Some(d) = &m.distribution {
        x.open("p", &[])?;
        let concept = format!("#{}", distribution(Some(d)).0);
        x.leaf("docStatus", &[("refersTo", &concept)], d)?;
        x.close("p")?;
    }
    if let Some(date) = m.issue_date {
        x.open("p", &[])?;
        x.leaf(
            "docDate",
            &[("date", &date.to_string()), ("refersTo", "#dateOfIssuance")],
            &date.printed(),
        )?;
        x.close("p")?;
    }
    if let Some(language) = &m.original_language {
        x.open("p", &[])?;
        x.leaf(
            "inline",
            &[("name", "originalLanguage")],
            &format!("Original: {language}"),
        )?;
        x.close("p")?;
    }
    if let (Some(session), Some(label)) = (m.session, &m.session_label) {
        x.open("p", &[])?;
        x.leaf(
            "session",
            &[("value", &session.to_string()), ("refersTo", &organ_ref)],
            label,
        )?;
        x.close("p")?;
    }
    if let Some(committee) = &m.committee {
        x.open("p", &[])?;
        let id = format!("#{}", committee_id(committee));
        x.leaf("docAuthority", &[("refersTo", &id)], committee)?;
        x.close("p")?;
    }
    if !m.agenda_items.is_empty() {
        let numbers: Vec<&str> = m.agenda_items.iter().map(|a| a.number.as_str()).collect();
        let printed = crate::interface::agenda_line(doc.language, &numbers);
        x.open("p", &[])?;
        x.leaf(
            "inline",
            &[("name", "agendaItem"), ("title", &numbers.join("; "))],
            &printed,
        )?;
        x.close("p")?;
        for item in &m.agenda_items {
            if let Some(title) = &item.title {
                x.open("p", &[])?;
                x.leaf(
                    "inline",
                    &[("name", "agendaItemTitle"), ("title", &item.number)],
                    title,
                )?;
                x.close("p")?;
            }
        }
    }
    if let Some(tabling) = &doc.tabling {
        write_tabling(x, tabling)?;
    }
    if let Some(statement) = &doc.adoption.statement {
        x.open("p", &[])?;
        x.leaf("docTitle", &[], statement)?;
        x.close("p")?;
    }
    if let Some(origin) = &doc.adoption.origin {
        x.open("p", &[])?;
        x.indent()?;
        let committee = references(doc).committee.map(|(id, _)| format!("#{id}"));
        let attrs: Vec<(&str, &str)> = committee
            .as_deref()
            .map(|c| vec![("refersTo", c)])
            .unwrap_or_default();
        x.start_tag("docProponent", &attrs)?;
        match &origin.document {
            Some(d) if origin.text.contains(d.as_str()) => {
                let (before, after) = origin.text.split_once(d.as_str()).expect("checked");
                x.text(before)?;
                let symbol = crate::symbol::symbol_at(d).map_or_else(|| d.clone(), |(_, s)| s);
                x.inline_leaf("ref", &[("href", &vocab::undocs_link(&symbol))], d)?;
                x.text(after)?;
            }
            _ => x.text(&origin.text)?,
        }
        x.end_tag("docProponent")?;
        x.close("p")?;
    }
    x.close("coverPage")?;
    Ok(())
}

/// A draft's tabling line as printed, each sponsor a `docProponent` referring to its TLC
/// organization and the kind of draft a `docType`; whom the sponsor speaks for after it.
fn write_tabling<W: Write>(x: &mut Xml<W>, tabling: &Tabling) -> io::Result<()> {
    let statement = tabling.statement.as_str();
    // What is marked up, in the line's order: each sponsor where it is printed, then the kind
    // of draft (`draft resolution`, whatever its case) where it stands apart from them.
    let mut marks: Vec<(usize, usize, Option<&str>)> = Vec::new();
    let mut at = 0;
    for name in &tabling.sponsors {
        if let Some(found) = statement[at..].find(name.as_str()) {
            marks.push((at + found, at + found + name.len(), Some(name)));
            at += found + name.len();
        }
    }
    let printed = tabling.draft.printed();
    // Lower-casing keeps the byte offsets of the line's ASCII letters.
    let kind = statement
        .to_lowercase()
        .match_indices(printed)
        .map(|(start, _)| (start, start + printed.len()))
        .find(|&(start, end)| {
            statement.is_char_boundary(start)
                && statement.is_char_boundary(end)
                && marks.iter().all(|&(s, e, _)| end <= s || start >= e)
        });
    if let Some((start, end)) = kind {
        marks.push((start, end, None));
    }
    marks.sort_by_key(|&(start, _, _)| start);
    x.indent()?;
    x.start_tag("p", &[])?;
    let mut at = 0;
    for (start, end, sponsor) in marks {
        x.text(&statement[at..start])?;
        match sponsor {
            Some(name) => {
                let (id, _) = sponsor_reference(name);
                x.inline_leaf("docProponent", &[("refersTo", &format!("#{id}"))], name)?;
            }
            None => x.inline_leaf("docType", &[], &statement[start..end])?,
        }
        at = end;
    }
    x.text(&statement[at..])?;
    x.end_tag("p")?;
    if let Some(whom) = &tabling.on_behalf_of {
        x.open("p", &[])?;
        x.leaf(
            "inline",
            &[("name", "onBehalfOf")],
            &format!("On behalf of {whom}."),
        )?;
        x.close("p")?;
    }
    Ok(())
}
