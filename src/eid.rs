//! AKN eIds, named as the AKN naming convention has them and carrying the printed numbers
//! (`para_7`, `sec_II__para_3__list_1__point_b`): unique and stable across conversions. The AKN,
//! HTML and RDF writers name portions alike through these.

use crate::model::{Block, Item, SectionKind};

/// eIds of blocks within one list: printed numbers where there are, positions otherwise.
fn block_eid(prefix: &str, block: &Block, position: usize) -> String {
    let local = match block {
        Block::Paragraph(p) => format!(
            "para_{}",
            p.number
                .as_deref()
                .map_or_else(|| format!("u{position}"), eid_safe)
        ),
        Block::Section(s) => format!(
            "{}_{}",
            s.kind.eid_prefix(),
            // `Rule 27` is `rule_27`: the word is in the prefix.
            s.number
                .as_deref()
                .map(|n| match s.kind {
                    SectionKind::Section => n,
                    _ => n.rsplit(' ').next().unwrap_or(n),
                })
                .map_or_else(|| format!("u{position}"), eid_safe)
        ),
        Block::Recital(_) => format!("hcontainer_{position}"),
        Block::Text(_) | Block::Table(_) => format!("hcontainer_{position}"),
    };
    under(prefix, local)
}

/// An eId inside the element whose eId is `prefix` (none: at the top): `sec_II__para_3`.
pub fn under(prefix: &str, local: String) -> String {
    if prefix.is_empty() {
        local
    } else {
        format!("{prefix}__{local}")
    }
}

/// The eId of the component holding a part of a multi-part resolution: `cmpnt_A`.
pub fn part_eid(part: &str) -> String {
    format!("cmpnt_{}", eid_safe(part))
}

/// Keeps what an eId may hold.
pub fn eid_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Makes eIds unique where printed numbers repeat (`para_3`, `para_3-2`).
fn unique(eids: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    eids.map(|eid| {
        let n = seen.entry(eid.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            format!("{eid}-{n}")
        } else {
            eid
        }
    })
    .collect()
}

/// The eIds of a list of blocks: `{prefix}__para_7`, `{prefix}__sec_II`.
pub fn block_eids(prefix: &str, blocks: &[Block]) -> Vec<String> {
    unique(
        blocks
            .iter()
            .enumerate()
            .map(|(i, b)| block_eid(prefix, b, i + 1)),
    )
}

/// The eIds of the points of a list: `{list}__point_a`.
pub fn point_eids(list: &str, items: &[Item]) -> Vec<String> {
    unique(
        items
            .iter()
            .map(|item| format!("{list}__point_{}", eid_safe(item.bare_number()))),
    )
}

/// The eId of the list in a paragraph or point.
pub fn list_eid(parent: &str) -> String {
    format!("{parent}__list_1")
}
