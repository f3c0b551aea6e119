//! Content negotiation: which of the representations a resource offers a request prefers.

/// One media range of an `Accept` header with its quality.
#[derive(Debug, PartialEq)]
struct Range<'a> {
    kind: &'a str,
    subtype: &'a str,
    quality: f32,
}

fn ranges(accept: &str) -> Vec<Range<'_>> {
    accept
        .split(',')
        .filter_map(|part| {
            let mut fields = part.split(';');
            let media = fields.next()?.trim();
            let (kind, subtype) = media.split_once('/')?;
            let mut quality = 1.0;
            for param in fields {
                if let Some((k, v)) = param.split_once('=') {
                    if k.trim().eq_ignore_ascii_case("q") {
                        quality = v.trim().parse().unwrap_or(0.0);
                    }
                }
            }
            Some(Range {
                kind: kind.trim(),
                subtype: subtype.trim(),
                quality,
            })
        })
        .collect()
}

/// The quality `accept` gives `media` (`type/subtype`): the most specific range that matches.
fn quality(ranges: &[Range<'_>], media: &str) -> f32 {
    let (kind, subtype) = media.split_once('/').unwrap_or((media, ""));
    let mut best: Option<(u8, f32)> = None;
    for r in ranges {
        let specificity =
            if r.kind.eq_ignore_ascii_case(kind) && r.subtype.eq_ignore_ascii_case(subtype) {
                3
            } else if r.kind.eq_ignore_ascii_case(kind) && r.subtype == "*" {
                2
            } else if r.kind == "*" && r.subtype == "*" {
                1
            } else {
                continue;
            };
        if best.is_none_or(|(s, _)| specificity > s) {
            best = Some((specificity, r.quality));
        }
    }
    best.map_or(0.0, |(_, q)| q)
}

/// The offer `accept` prefers; ties go to the earlier offer. A missing or empty `Accept` takes
/// the first offer. `None`: nothing offered is acceptable (406).
pub fn choose<T: Copy>(accept: Option<&str>, offers: &[(&str, T)]) -> Option<T> {
    let accept = accept.map(str::trim).filter(|a| !a.is_empty());
    let Some(accept) = accept else {
        return offers.first().map(|(_, t)| *t);
    };
    let ranges = ranges(accept);
    let mut best: Option<(f32, T)> = None;
    for (media, t) in offers {
        let q = quality(&ranges, media);
        if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, *t));
        }
    }
    best.map(|(_, t)| t)
}

/// The languages of an `Accept-Language` header, most wanted first (primary subtags).
pub fn languages(header: Option<&str>) -> Vec<String> {
    let Some(header) = header else {
        return Vec::new();
    };
    let mut tagged: Vec<(f32, usize, String)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut fields = part.split(';');
            let tag = fields.next()?.trim();
            let primary = tag.split('-').next()?.to_ascii_lowercase();
            let q = fields
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(1.0, |v| v.trim().parse().unwrap_or(0.0));
            (q > 0.0 && !primary.is_empty() && primary != "*").then_some((q, i, primary))
        })
        .collect();
    tagged.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    tagged.into_iter().map(|(_, _, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFERS: &[(&str, u8)] = &[
        ("text/html", 0),
        ("text/turtle", 1),
        ("application/akn+xml", 2),
    ];

    #[test]
    fn browsers_get_html_and_clients_what_they_name() {
        let firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(choose(Some(firefox), OFFERS), Some(0));
        assert_eq!(choose(Some("text/turtle"), OFFERS), Some(1));
        assert_eq!(
            choose(Some("application/akn+xml, text/html;q=0.5"), OFFERS),
            Some(2)
        );
        assert_eq!(choose(Some("*/*"), OFFERS), Some(0));
        assert_eq!(choose(None, OFFERS), Some(0));
        assert_eq!(choose(Some("text/*;q=0.3, text/turtle"), OFFERS), Some(1));
    }

    #[test]
    fn nothing_acceptable_and_explicit_refusals() {
        assert_eq!(choose(Some("image/png"), OFFERS), None);
        assert_eq!(choose(Some("text/html;q=0, */*;q=0.1"), OFFERS), Some(1));
        assert_eq!(choose(Some("garbage"), OFFERS), None);
    }

    #[test]
    fn accept_language_orders_by_quality() {
        assert_eq!(
            languages(Some("fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5")),
            ["fr", "fr", "en"]
        );
        assert_eq!(languages(Some("es;q=0.2, ar")), ["ar", "es"]);
        assert!(languages(None).is_empty());
    }
}
