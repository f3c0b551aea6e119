//! IRIs and vocabulary terms: every IRI unakn writes is minted here.
//!
//! ## The work IRI is derived from the symbol alone
//!
//! A citation rarely states the cited resolution's adoption date, but the AKN FRBR work IRI
//! contains it (`/akn/un/statement/deliberation/unga/2022-12-15/77-213/`). So the RDF work
//! IRI is the **date-free** AKN path under the base:
//! `{base}/akn/un/statement/deliberation/unga/77-213`, which a citation of `A/RES/77/213`
//! yields as well. The dated FRBR IRIs of the AKN file are kept as `eli:id_local`.
//! Expressions, manifestations and portions hang from the work IRI:
//! `{work}/eng@`, `{work}/eng@.xml`, `{work}/!main~para_1`.
//! Documents that are not acts (reports, letters) get `{base}/symbol/{symbol}`.

pub mod states;
mod terms;

pub use terms::{dcterms, eli, eli_dl, owl, rdf, unakn, undo, xsd};

use crate::model::{AddresseeKind, Date, DocumentKind, Language, Organ, SectionKind};
use iri_string::types::IriStr;
use oxigraph::model::NamedNode;

/// The Akoma Ntoso 3.0 namespace.
pub const AKN: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/// The namespace of the UN's own AKN elements (AKN4UN), such as a vote's list of States.
pub const AKN4UN: &str = "http://un.org/akn4un";
pub const ELI: &str = "http://data.europa.eu/eli/ontology#";
pub const UNDO: &str = "https://w3id.org/un/ontology/undo/";
pub const UNAKN: &str = "https://w3id.org/unakn#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const FRBR: &str = "http://purl.org/vocab/frbr/core#";
pub const EU_LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language/";
/// The EU Publications Office's country authority, where States have their IRIs.
pub const EU_COUNTRY: &str = "http://publications.europa.eu/resource/authority/country/";
pub const AKN_MEDIA_TYPE: &str = "https://www.iana.org/assignments/media-types/application/akn+xml";
/// Where citations link in AKN output.
pub const UNDOCS: &str = "https://undocs.org/";

/// The default base of minted IRIs: where `unakn serve` answers out of the box.
pub const DEFAULT_BASE: &str = "http://localhost:7878";

/// Prefixes used when writing Turtle and TriG.
pub const PREFIXES: &[(&str, &str)] = &[
    ("eli", ELI),
    ("undo", UNDO),
    ("unakn", UNAKN),
    ("dcterms", DCTERMS),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("xsd", XSD),
    ("owl", OWL),
    ("frbr", FRBR),
];

/// A term of a vocabulary, as a named node.
pub fn term(namespace: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{namespace}{local}"))
}

/// The base IRI that every minted IRI starts with (no trailing slash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base(String);

/// A base IRI that is not an absolute IRI.
#[derive(Debug, thiserror::Error)]
#[error("invalid base IRI <{0}>: it must be absolute, such as {DEFAULT_BASE}")]
pub struct InvalidBase(pub String);

impl Default for Base {
    fn default() -> Self {
        Base(DEFAULT_BASE.to_string())
    }
}

impl Base {
    pub fn new(iri: &str) -> Result<Self, InvalidBase> {
        let trimmed = iri.trim_end_matches('/');
        match IriStr::new(trimmed) {
            Ok(i) if i.fragment().is_none() && i.query().is_none() => Ok(Base(trimmed.to_string())),
            _ => Err(InvalidBase(iri.to_string())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Mints `{base}{path}`, checking the result is an IRI.
    pub fn mint(&self, path: &str) -> NamedNode {
        let iri = format!("{}{}", self.0, encode_path(path));
        if IriStr::new(&iri).is_ok() {
            return NamedNode::new_unchecked(iri);
        }
        // Whatever the path held, a fully percent-encoded path is an IRI path.
        let encoded: String = path
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                    char::from(b).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect();
        NamedNode::new_unchecked(format!("{}{encoded}", self.0))
    }

    /// The work IRI of the document with this symbol.
    pub fn work(&self, symbol: &str) -> NamedNode {
        self.mint(&work_path(symbol))
    }

    pub fn expression(&self, symbol: &str, language: Language) -> NamedNode {
        self.mint(&format!("{}/{}@", work_path(symbol), language.iso639_2()))
    }

    pub fn manifestation(&self, symbol: &str, language: Language) -> NamedNode {
        self.mint(&format!(
            "{}/{}@.xml",
            work_path(symbol),
            language.iso639_2()
        ))
    }

    /// The recorded vote that adopted the work: `{work}/vote`.
    pub fn vote(&self, symbol: &str) -> NamedNode {
        self.mint(&format!("{}/vote", work_path(symbol)))
    }

    /// The link of an adopted act to its draft, carrying the evidence: `{work}/draft-link`.
    pub fn draft_link(&self, symbol: &str) -> NamedNode {
        self.mint(&format!("{}/draft-link", work_path(symbol)))
    }

    /// The graph of the links between the drafts and the acts of an organ's session:
    /// `{base}/links/unga/80`.
    pub fn links(&self, actor: &str, session: i64) -> NamedNode {
        self.mint(&format!("/links/{actor}/{session}"))
    }

    /// The page of a State's votes on a server of the store: `{base}/state/FRA` (the State
    /// itself is named by its EU country authority IRI).
    pub fn state_page(&self, code: &str) -> NamedNode {
        self.mint(&format!("/state/{code}"))
    }

    /// A State that [`states`] does not know, by the name a document gives it:
    /// `{base}/akn/ontology/organization/un/state/{NAME}`.
    pub fn unknown_state(&self, name: &str) -> NamedNode {
        self.mint(&format!(
            "/akn/ontology/organization/un/state/{}",
            name.trim()
        ))
    }

    /// A portion of the work: `{work}/!main~para_1`.
    pub fn portion(&self, symbol: &str, eid: &str) -> NamedNode {
        self.mint(&format!("{}/!main~{eid}", work_path(symbol)))
    }

    /// Whether `iri` is a work, one of its expressions or manifestations, or a portion of it,
    /// given the IRI of one of its expressions (`{work}/eng@`): the inverse of the minting above.
    pub fn belongs_to_expression(iri: &str, expression: &str) -> bool {
        let Some((work, last)) = expression.rsplit_once('/') else {
            return false;
        };
        // The work itself, what hangs from it (`{work}/…`), and the parts of a multi-part
        // resolution (`{work}A`, `{work}A/…`), described in the graph of the whole.
        let own_tail = |rest: &str| {
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_uppercase());
            rest.is_empty() || rest.starts_with('/')
        };
        last.ends_with('@') && iri.strip_prefix(work).is_some_and(own_tail)
    }

    /// The work an expression IRI (`{work}/eng@`) realises, the inverse of
    /// [`Base::expression`]; `None` for any other IRI (a work's own graph is named by the work).
    pub fn work_of_expression(expression: &str) -> Option<&str> {
        let (work, last) = expression.rsplit_once('/')?;
        let code = last.strip_suffix('@')?;
        Language::from_code(code).map(|_| work)
    }

    /// The base a server bound to `address` is reached at: `http://localhost:7879` for a
    /// loopback or wildcard address (localhost names the machine itself, and keeps the default
    /// `serve` base the one every other command mints under), else the address itself.
    pub fn for_address(address: std::net::SocketAddr) -> Base {
        let ip = address.ip();
        let host = if ip.is_loopback() || ip.is_unspecified() {
            "localhost".to_string()
        } else {
            match ip {
                std::net::IpAddr::V4(v4) => v4.to_string(),
                std::net::IpAddr::V6(v6) => format!("[{v6}]"),
            }
        };
        Base(format!("http://{host}:{}", address.port()))
    }

    /// The base an IRI minted by [`Base::mint`] for a document was minted under: what precedes
    /// its AKN path (`/akn/un/...`) or symbol path (`/symbol/...`).
    pub fn of_minted(iri: &str) -> Option<Base> {
        let at = iri.rfind("/akn/un/").or_else(|| iri.rfind("/symbol/"))?;
        Base::new(&iri[..at]).ok()
    }

    pub fn organ(&self, organ: Organ) -> NamedNode {
        self.mint(&format!("/akn/ontology/organization/un/{}", organ.actor()))
    }

    /// The `n`th mandate of a division: `{work}/!main~para_7/mandate_1`.
    pub fn mandate(&self, symbol: &str, eid: &str, n: usize) -> NamedNode {
        self.mint(&format!("{}/!main~{eid}/mandate_{n}", work_path(symbol)))
    }

    /// The IRI of the actor a mandate names, where it has one: the Secretary-General and the
    /// President of the Assembly as roles, the Assembly and the other principal organs under
    /// the base, a State through the EU country authority (as the votes name them).
    pub fn addressee(&self, phrase: &str, kind: AddresseeKind) -> Option<NamedNode> {
        let name = phrase.trim().trim_start_matches("the ").trim();
        match kind {
            AddresseeKind::SecretaryGeneral => {
                Some(self.mint("/akn/ontology/role/un/secretary-general"))
            }
            AddresseeKind::PresidentOfTheGeneralAssembly => {
                Some(self.mint("/akn/ontology/role/un/president-of-the-general-assembly"))
            }
            AddresseeKind::GeneralAssembly => matches!(name, "" | "General Assembly" | "Assembly")
                .then(|| self.organ(Organ::GeneralAssembly)),
            AddresseeKind::MemberStates => states::named(name).map(|s| s.iri()),
            AddresseeKind::UnitedNationsEntity => {
                let organ = [
                    Organ::SecurityCouncil,
                    Organ::EconomicAndSocialCouncil,
                    Organ::HumanRightsCouncil,
                ]
                .into_iter()
                .find(|o| o.name() == name);
                if let Some(o) = organ {
                    return Some(self.organ(o));
                }
                let body = match name {
                    "International Court of Justice" => "icj",
                    "Secretariat" => "secretariat",
                    "Trusteeship Council" => "trusteeship-council",
                    _ => return None,
                };
                Some(self.mint(&format!("/akn/ontology/organization/un/{body}")))
            }
            AddresseeKind::Other => None,
        }
    }
}

/// Percent-encodes what an IRI path cannot hold (spaces, quotes, brackets).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' | '#' | '?' | '%' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The AKN actor of a work IRI minted for an act or a draft (`…/statement/draft/unga/…` →
/// `unga`); `None` for other IRIs.
pub fn actor_of_work(iri: &str) -> Option<&str> {
    let rest = &iri[iri.find("/akn/un/statement/")? + "/akn/un/statement/".len()..];
    let mut segments = rest.split('/');
    let _subtype = segments.next()?;
    segments.next().filter(|a| !a.is_empty())
}

/// What an act symbol says: organ, kind and number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActSymbol {
    pub organ: Organ,
    pub kind: DocumentKind,
    /// `77-213`, `2720-2023`: the number with `/` and brackets as `-`.
    pub number: String,
}

/// Reads an act symbol: `A/RES/77/213`, `A/HRC/RES/50/4`, `S/RES/2720(2023)`, `E/RES/2023/1`,
/// `A/DEC/77/555`.
/// A multi-part resolution is one work (`A/RES/78/80 A-B` is the work `78-80`), each part
/// another (`A/RES/78/80 A` is `78-80A`).
pub fn act_symbol(symbol: &str) -> Option<ActSymbol> {
    let s = without_part_range(symbol).replace(' ', "");
    let (organ, kind, number) = crate::symbol::parse_act(&s)?;
    let number = number.replace(['/', '('], "-").replace(')', "");
    Some(ActSymbol {
        organ,
        kind,
        number,
    })
}

/// The symbol without the range of parts a multi-part resolution prints after its number:
/// `A/RES/78/80 A-B` → `A/RES/78/80`.
fn without_part_range(symbol: &str) -> &str {
    let t = symbol.trim_end();
    let Some((head, range)) = t.rsplit_once(' ') else {
        return t;
    };
    let mut letters = range.split(['-', '\u{2013}']);
    let is_range = matches!(
        (letters.next(), letters.next(), letters.next()),
        (Some(a), Some(b), None)
            if [a, b].iter().all(|l| l.len() == 1 && l.bytes().all(|c| c.is_ascii_uppercase()))
    );
    if is_range {
        head.trim_end()
    } else {
        t
    }
}

/// The symbol of one part of a multi-part resolution: (`A/RES/78/80 A-B`, `A`) →
/// `A/RES/78/80 A`.
pub fn part_symbol(symbol: &str, part: &str) -> String {
    format!("{} {part}", without_part_range(symbol))
}

/// The number of one part of a multi-part resolution: (`78/80`, `A`) → `78/80 A`.
pub fn part_number(number: &str, part: &str) -> String {
    format!("{number} {part}")
}

/// What a draft's symbol says: the organ it was tabled in and its number (`C.1-80-L.17`: the
/// symbol after the organ's series, `/` as `-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSymbol {
    pub organ: Organ,
    pub number: String,
}

/// Reads a draft's symbol: `A/C.1/80/L.17`, `A/80/L.8/Rev.1`, `A/HRC/58/L.5`.
pub fn draft_symbol(symbol: &str) -> Option<DraftSymbol> {
    let (organ, rest) = crate::symbol::parse_draft(symbol.trim())?;
    Some(DraftSymbol {
        organ,
        number: rest.replace('/', "-"),
    })
}

/// The AKN subtype of a draft's FRBR IRI, whatever kind of draft: a citation of the symbol
/// alone cannot tell a draft resolution from a draft decision or an amendment, and must meet
/// the draft's own IRI.
pub const DRAFT_SUBTYPE: &str = "draft";

/// The date-free AKN path of a document: `/akn/un/statement/deliberation/unga/77-213`; for a
/// draft `/akn/un/statement/draft/unga/C.1-80-L.17`; for any other symbol `/symbol/{symbol}`.
pub fn work_path(symbol: &str) -> String {
    if let Some(a) = act_symbol(symbol) {
        return format!(
            "/akn/un/statement/{}/{}/{}",
            a.kind.subtype(),
            a.organ.actor(),
            a.number
        );
    }
    if let Some(d) = draft_symbol(symbol) {
        return format!(
            "/akn/un/statement/{DRAFT_SUBTYPE}/{}/{}",
            d.organ.actor(),
            d.number
        );
    }
    format!("/symbol/{}", symbol.replace(' ', ""))
}

/// The AKN FRBR names of a document, dated as AKN requires.
#[derive(Debug, Clone)]
pub struct FrbrNames {
    /// `/akn/un/statement/deliberation/unga/2022-12-15/77-213/`
    pub work: String,
    pub expression: String,
    pub manifestation: String,
}

impl FrbrNames {
    /// The names of the document with this symbol, dated by its work's date (an act's
    /// adoption, a draft's issue). A draft is named as the UN names its resolutions, the
    /// symbol after the organ's series standing for the number:
    /// `/akn/un/statement/draft/unga/2025-10-10/C.1-80-L.17/`.
    pub fn new(symbol: &str, date: Option<Date>, language: Language) -> Self {
        let date = date.map_or_else(|| "0000-00-00".to_string(), |d| d.to_string());
        let work = if let Some(a) = act_symbol(symbol) {
            format!(
                "/akn/un/statement/{}/{}/{date}/{}/",
                a.kind.subtype(),
                a.organ.actor(),
                a.number
            )
        } else if let Some(d) = draft_symbol(symbol) {
            format!(
                "/akn/un/statement/{DRAFT_SUBTYPE}/{}/{date}/{}/",
                d.organ.actor(),
                d.number
            )
        } else {
            format!("/akn/un/doc/{date}/{}/", symbol.replace(['/', ' '], "-"))
        };
        let expression = format!("{work}{}@/", language.iso639_2());
        let manifestation = format!("{work}{}@.xml", language.iso639_2());
        FrbrNames {
            work,
            expression,
            manifestation,
        }
    }

    pub fn work_this(&self) -> String {
        format!("{}!main", self.work)
    }
    pub fn expression_this(&self) -> String {
        format!("{}!main", self.expression)
    }
    pub fn manifestation_this(&self) -> String {
        format!("{}!main.xml", self.expression)
    }
}

/// Where a citation of `symbol` links in AKN.
pub fn undocs_link(symbol: &str) -> String {
    format!("{UNDOCS}{}", encode_path(&symbol.replace(' ', "")))
}

impl Organ {
    /// The AKN actor: `unga`, `unsc`, `unga-hrc`, `unecosoc`.
    pub fn actor(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "unga",
            Organ::SecurityCouncil => "unsc",
            Organ::HumanRightsCouncil => "unga-hrc",
            Organ::EconomicAndSocialCouncil => "unecosoc",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "General Assembly",
            Organ::SecurityCouncil => "Security Council",
            Organ::HumanRightsCouncil => "Human Rights Council",
            Organ::EconomicAndSocialCouncil => "Economic and Social Council",
        }
    }

    /// The eId of the organ's TLC in AKN references.
    pub fn tlc_id(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "generalAssembly",
            Organ::SecurityCouncil => "securityCouncil",
            Organ::HumanRightsCouncil => "humanRightsCouncil",
            Organ::EconomicAndSocialCouncil => "economicAndSocialCouncil",
        }
    }
}

impl SectionKind {
    /// The AKN element of the division.
    pub fn akn_name(self) -> &'static str {
        match self {
            SectionKind::Section => "section",
            SectionKind::Part => "part",
            SectionKind::Chapter => "chapter",
            SectionKind::Article => "article",
            SectionKind::Rule => "rule",
            SectionKind::Division => "division",
        }
    }

    /// Its eId prefix, after the AKN naming convention (`sec_II`, `art_5`, `rule_27`).
    pub fn eid_prefix(self) -> &'static str {
        match self {
            SectionKind::Section => "sec",
            SectionKind::Part => "part",
            SectionKind::Chapter => "chp",
            SectionKind::Article => "art",
            SectionKind::Rule => "rule",
            SectionKind::Division => "dvs",
        }
    }

    /// The kind an AKN element names, if it is one.
    pub fn from_akn_name(name: &str) -> Option<SectionKind> {
        Some(match name {
            "section" | "title" => SectionKind::Section,
            "division" => SectionKind::Division,
            "part" => SectionKind::Part,
            "chapter" => SectionKind::Chapter,
            "article" => SectionKind::Article,
            "rule" => SectionKind::Rule,
            _ => return None,
        })
    }
}

impl DocumentKind {
    /// The AKN `name` of the statement and the subtype in its FRBR IRI.
    pub fn akn_name(self) -> &'static str {
        match self {
            DocumentKind::Resolution => "resolution",
            DocumentKind::Decision => "decision",
        }
    }

    pub fn subtype(self) -> &'static str {
        match self {
            DocumentKind::Resolution => "deliberation",
            DocumentKind::Decision => "decision",
        }
    }
}

impl Language {
    pub fn iso639_2(self) -> &'static str {
        match self {
            Language::Arabic => "ara",
            Language::Chinese => "zho",
            Language::English => "eng",
            Language::French => "fra",
            Language::Russian => "rus",
            Language::Spanish => "spa",
        }
    }

    /// The BCP 47 tag of text literals.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::Chinese => "zh",
            Language::English => "en",
            Language::French => "fr",
            Language::Russian => "ru",
            Language::Spanish => "es",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|l| l.iso639_2() == code || l.tag() == code)
    }

    /// The EU authority table IRI.
    pub fn eu_authority(self) -> NamedNode {
        term(EU_LANGUAGE, &self.iso639_2().to_ascii_uppercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every term of the unakn vocabulary that unakn writes is defined in schemas/unakn.ttl.
    #[test]
    fn the_unakn_terms_are_defined() {
        let ttl = include_str!("../../schemas/unakn.ttl");
        for term in unakn::ALL {
            let local = &term.as_str()[unakn::NAMESPACE.len()..];
            assert!(
                ttl.contains(&format!("\nunakn:{local} a ")),
                "unakn:{local} is not defined in schemas/unakn.ttl"
            );
        }
    }

    #[test]
    fn the_base_of_an_address_and_of_a_minted_iri() {
        let at = |a: &str| Base::for_address(a.parse().unwrap()).as_str().to_string();
        assert_eq!(at("127.0.0.1:7878"), DEFAULT_BASE);
        assert_eq!(at("127.0.0.1:7879"), "http://localhost:7879");
        assert_eq!(at("0.0.0.0:8080"), "http://localhost:8080");
        assert_eq!(at("[::]:8080"), "http://localhost:8080");
        assert_eq!(at("[::1]:8080"), "http://localhost:8080");
        assert_eq!(at("192.0.2.7:80"), "http://192.0.2.7:80");
        assert_eq!(at("[2001:db8::1]:7878"), "http://[2001:db8::1]:7878");

        for base in [DEFAULT_BASE, "https://data.example.org/un", "http://h/akn"] {
            let base = Base::new(base).unwrap();
            for iri in [
                base.expression("A/RES/78/3", Language::French),
                base.portion("S/RES/2720 (2023)", "para_1"),
                base.expression("A/C.1/80/L.17", Language::English),
            ] {
                assert_eq!(Base::of_minted(iri.as_str()), Some(base.clone()), "{iri}");
            }
        }
        assert_eq!(Base::of_minted("http://example.org/other"), None);
    }

    #[test]
    fn what_belongs_to_an_expression() {
        let base = Base::default();
        let e = base.expression("A/RES/78/3", Language::English);
        let e = e.as_str();
        for own in [
            base.work("A/RES/78/3"),
            base.expression("A/RES/78/3", Language::French),
            base.manifestation("A/RES/78/3", Language::English),
            base.portion("A/RES/78/3", "para_1"),
        ] {
            assert!(Base::belongs_to_expression(own.as_str(), e), "{own}");
        }
        // The parts of a multi-part resolution are described with the whole.
        let whole = base.expression("A/RES/78/80 A-B", Language::English);
        for part in [
            base.work(&part_symbol("A/RES/78/80 A-B", "A")),
            base.portion(&part_symbol("A/RES/78/80 A-B", "B"), "para_1"),
        ] {
            assert!(
                Base::belongs_to_expression(part.as_str(), whole.as_str()),
                "{part}"
            );
        }
        for other in [base.work("A/RES/78/30"), base.work("A/RES/78/119")] {
            assert!(!Base::belongs_to_expression(other.as_str(), e), "{other}");
        }
        assert!(!Base::belongs_to_expression(e, "http://x/no-expression"));
    }

    #[test]
    fn work_iris_come_from_symbols() {
        let base = Base::default();
        let under = |path: &str| format!("http://localhost:7878{path}");
        // A multi-part resolution is one work, each part another; documents that are not acts
        // are named by their symbol.
        let part = part_symbol("A/RES/75/254 A\u{2013}C", "C");
        for (symbol, path) in [
            ("A/RES/77/213", "/akn/un/statement/deliberation/unga/77-213"),
            (
                "A/HRC/RES/50/4",
                "/akn/un/statement/deliberation/unga-hrc/50-4",
            ),
            (
                "S/RES/2720(2023)",
                "/akn/un/statement/deliberation/unsc/2720-2023",
            ),
            (
                "A/RES/78/80 A-B",
                "/akn/un/statement/deliberation/unga/78-80",
            ),
            (part.as_str(), "/akn/un/statement/deliberation/unga/75-254C"),
            ("A/77/463/Add.2", "/symbol/A/77/463/Add.2"),
        ] {
            assert_eq!(base.work(symbol).as_str(), under(path), "{symbol}");
        }
        assert_eq!(part_symbol("A/RES/78/80 A-B", "B"), "A/RES/78/80 B");
        assert_eq!(part_symbol("A/RES/78/80", "A"), "A/RES/78/80 A");
    }

    #[test]
    fn frbr_names_are_dated() {
        let n = FrbrNames::new(
            "A/RES/77/213",
            Some(Date {
                year: 2022,
                month: 12,
                day: 15,
            }),
            Language::English,
        );
        assert_eq!(
            n.work,
            "/akn/un/statement/deliberation/unga/2022-12-15/77-213/"
        );
        assert_eq!(
            n.expression,
            "/akn/un/statement/deliberation/unga/2022-12-15/77-213/eng@/"
        );
        assert_eq!(
            n.manifestation,
            "/akn/un/statement/deliberation/unga/2022-12-15/77-213/eng@.xml"
        );
    }

    #[test]
    fn bases_are_checked() {
        assert!(Base::new("not a base").is_err());
        assert_eq!(
            Base::new("https://example.org/data/").unwrap().as_str(),
            "https://example.org/data"
        );
    }
}
