//! `unakn publish`: each named graph of a store to a SPARQL 1.1 Graph Store Protocol endpoint,
//! signed in with HTTP Basic or Digest authentication when the endpoint asks for it (as
//! Virtuoso's `/sparql-graph-crud-auth` does).

use super::serve::open_store;
use anyhow::{anyhow, bail, Context, Result};
use oxhttp::model::{header, Body, HeaderValue, Method, Request, Response, StatusCode};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use unakn::rdf::Syntax;
use unakn::vocab::Base;

/// The environment variable that holds the password for `--user`.
pub const PASSWORD_VARIABLE: &str = "UNAKN_PUBLISH_PASSWORD";

/// A user name and its password. The password is never printed, logged or put in a message.
pub struct Credentials {
    user: String,
    password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Credentials({}, password hidden)", self.user)
    }
}

impl Credentials {
    /// `--user NAME` with its password from `--password-file FILE` (its first line) or else
    /// from [`PASSWORD_VARIABLE`]; none without `--user`.
    pub fn from_options(
        user: Option<String>,
        password_file: Option<&Path>,
    ) -> Result<Option<Self>> {
        let Some(user) = user else {
            if password_file.is_some() {
                bail!("--password-file goes with --user NAME");
            }
            return Ok(None);
        };
        let password = match password_file {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("reading the password file {}", path.display()))?;
                text.lines().next().unwrap_or("").to_string()
            }
            None => std::env::var(PASSWORD_VARIABLE).map_err(|_| {
                anyhow!("--user {user} needs a password: set {PASSWORD_VARIABLE} or give --password-file FILE")
            })?,
        };
        Ok(Some(Credentials { user, password }))
    }
}

/// PUTs each named graph of the store to `endpoint?graph=G`, replacing what the remote store
/// held under that name: publishing twice leaves the remote store as publishing once.
pub fn publish(
    dir: Option<&Path>,
    load: &[PathBuf],
    base: &Base,
    endpoint: &str,
    credentials: Option<Credentials>,
) -> Result<()> {
    let started = Instant::now();
    let (store, loaded) = open_store(dir, load, base)?;
    let client = oxhttp::Client::new()
        .with_global_timeout(Duration::from_secs(120))
        .with_user_agent(concat!("unakn/", env!("CARGO_PKG_VERSION")))
        .map_err(|e| anyhow!("{e}"))?;
    let mut signer = Signer {
        credentials,
        challenge: None,
        count: 0,
    };
    let separator = if endpoint.contains('?') { '&' } else { '?' };
    let graphs = store.graphs()?;
    let mut triples = 0;
    for graph in &graphs {
        let quads = store.graph_quads(graph.as_ref())?;
        triples += quads.len();
        let mut body = Vec::new();
        unakn::rdf::serialize(&quads, Syntax::NTriples, &mut body)?;
        let target: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("graph", graph.as_str())
            .finish();
        let url = format!("{endpoint}{separator}{target}");
        put_graph(&client, &mut signer, &url, &body)?;
    }
    eprintln!(
        "published {} graphs ({} triples) to {endpoint} in {:.2} s",
        graphs.len(),
        triples,
        started.elapsed().as_secs_f64()
    );
    loaded.finish()
}

/// PUTs one graph, signed as the endpoint asks. An endpoint that wants credentials may refuse a
/// request before it has read the body (Virtuoso does under load), and the connection it closes
/// then leaves no answer to read: so with credentials the challenge is asked for first by a HEAD
/// of the same IRI, and after a request cut short a signed HEAD tells whether the credentials
/// were refused or the request may go again.
fn put_graph(client: &oxhttp::Client, signer: &mut Signer, url: &str, body: &[u8]) -> Result<()> {
    const REFUSED: &str =
        "401 Unauthorized (the endpoint refused the credentials: check --user and the password)";
    let mut attempt = 0;
    loop {
        if signer.wants_challenge() {
            let response = head(client, signer, url, false)?;
            signer.asked(&response, attempt)?;
        }
        let mut request = Request::builder()
            .method(Method::PUT)
            .uri(url)
            .header(header::CONTENT_TYPE, "application/n-triples")
            .body(Body::from(body.to_vec()))
            .with_context(|| format!("building the request to {url}"))?;
        signer.sign(&mut request)?;
        let response = match client.request(request) {
            Ok(response) => response,
            Err(_) if attempt < 2 => {
                attempt += 1;
                let response = head(client, signer, url, true)?;
                if response.status() == StatusCode::UNAUTHORIZED
                    && !signer.asked(&response, attempt)?
                {
                    bail!("PUT {url}: {REFUSED}");
                }
                continue;
            }
            // In words: an io::Error in the chain would read as a closed standard output.
            Err(e) => bail!("PUT {url}: {e}"),
        };
        let status = response.status();
        if status == StatusCode::UNAUTHORIZED {
            if attempt < 2 && signer.asked(&response, attempt)? {
                attempt += 1;
                continue;
            }
            bail!("PUT {url}: {REFUSED}");
        }
        if !status.is_success() {
            let reason = response.into_body().to_string().unwrap_or_default();
            bail!("PUT {url}: {status}: {}", first_line(&reason));
        }
        return Ok(());
    }
}

/// A HEAD of `url`, signed or not.
fn head(
    client: &oxhttp::Client,
    signer: &mut Signer,
    url: &str,
    signed: bool,
) -> Result<Response<Body>> {
    let mut request = Request::builder()
        .method(Method::HEAD)
        .uri(url)
        .body(Body::empty())
        .with_context(|| format!("building the request to {url}"))?;
    if signed {
        signer.sign(&mut request)?;
    }
    client
        .request(request)
        .map_err(|e| anyhow!("HEAD {url}: {e}"))
}

fn first_line(text: &str) -> &str {
    text.trim().lines().next().unwrap_or("")
}

/// Signs requests as the endpoint last asked.
struct Signer {
    credentials: Option<Credentials>,
    /// How the endpoint asked to be signed in to; `Some(None)` when it asked nothing.
    challenge: Option<Option<Challenge>>,
    /// Requests signed with the current digest nonce (`nc`).
    count: u32,
}

impl Signer {
    /// Whether to ask the endpoint how to sign in before sending a graph.
    fn wants_challenge(&self) -> bool {
        self.credentials.is_some() && self.challenge.is_none()
    }

    /// Takes the endpoint's answer to an unsigned or refused request; whether to send the
    /// request again, signed as its `WWW-Authenticate` asks.
    fn asked(&mut self, response: &Response<Body>, attempt: usize) -> Result<bool> {
        if response.status() != StatusCode::UNAUTHORIZED {
            self.challenge = Some(None);
            return Ok(false);
        }
        let headers: Vec<String> = response
            .headers()
            .get_all(header::WWW_AUTHENTICATE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect();
        if self.credentials.is_none() {
            bail!("the endpoint asks to sign in: give --user NAME and the password in {PASSWORD_VARIABLE} or --password-file");
        }
        let challenge = Challenge::choose(&headers).ok_or_else(|| {
            anyhow!("the endpoint asks to sign in by a scheme unakn does not speak (Basic and Digest it does): {}", headers.join("; "))
        })?;
        // Signed and refused again: a stale nonce deserves one more try, a wrong password none.
        let retry = attempt == 0 || matches!(&challenge, Challenge::Digest(d) if d.stale);
        self.challenge = Some(Some(challenge));
        self.count = 0;
        Ok(retry)
    }

    fn sign(&mut self, request: &mut Request<Body>) -> Result<()> {
        let (Some(credentials), Some(Some(challenge))) = (&self.credentials, &self.challenge)
        else {
            return Ok(());
        };
        let value = match challenge {
            Challenge::Basic => basic(credentials),
            Challenge::Digest(d) => {
                self.count += 1;
                let uri = request
                    .uri()
                    .path_and_query()
                    .map_or("/", |p| p.as_str())
                    .to_string();
                d.authorization(credentials, request.method().as_str(), &uri, self.count)
            }
        };
        let value = HeaderValue::from_str(&value)
            .map_err(|_| anyhow!("the user name cannot go in an HTTP header"))?;
        request.headers_mut().insert(header::AUTHORIZATION, value);
        Ok(())
    }
}

/// How an endpoint asks to be signed in to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Challenge {
    Basic,
    Digest(Digest),
}

impl Challenge {
    /// Digest when offered (the password never crosses the wire), else Basic.
    fn choose(headers: &[String]) -> Option<Challenge> {
        let mut basic = false;
        for value in headers {
            let (scheme, params) = value
                .trim()
                .split_once(char::is_whitespace)
                .unwrap_or((value.trim(), ""));
            if scheme.eq_ignore_ascii_case("digest") {
                if let Some(d) = Digest::parse(params) {
                    return Some(Challenge::Digest(d));
                }
            } else if scheme.eq_ignore_ascii_case("basic") {
                basic = true;
            }
        }
        basic.then_some(Challenge::Basic)
    }
}

fn basic(c: &Credentials) -> String {
    format!(
        "Basic {}",
        base64(format!("{}:{}", c.user, c.password).as_bytes())
    )
}

/// A Digest challenge (RFC 7616).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Digest {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    /// `qop=auth` offered (else the RFC 2069 form, without `qop`).
    qop_auth: bool,
    algorithm: Algorithm,
    stale: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Algorithm {
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
}

impl Algorithm {
    fn name(self) -> &'static str {
        match self {
            Algorithm::Md5 => "MD5",
            Algorithm::Md5Sess => "MD5-sess",
            Algorithm::Sha256 => "SHA-256",
            Algorithm::Sha256Sess => "SHA-256-sess",
        }
    }

    fn hash(self, data: &str) -> String {
        use md5::Digest as _;
        match self {
            Algorithm::Md5 | Algorithm::Md5Sess => hex(&md5::Md5::digest(data.as_bytes())),
            Algorithm::Sha256 | Algorithm::Sha256Sess => {
                hex(&sha2::Sha256::digest(data.as_bytes()))
            }
        }
    }
}

impl Digest {
    fn parse(params: &str) -> Option<Digest> {
        let params = auth_params(params);
        let get = |name: &str| {
            params
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let algorithm = match get("algorithm")
            .unwrap_or_default()
            .to_ascii_uppercase()
            .as_str()
        {
            "" | "MD5" => Algorithm::Md5,
            "MD5-SESS" => Algorithm::Md5Sess,
            "SHA-256" => Algorithm::Sha256,
            "SHA-256-SESS" => Algorithm::Sha256Sess,
            _ => return None,
        };
        let qop = get("qop");
        let qop_auth = qop
            .as_deref()
            .is_some_and(|q| q.split(',').any(|o| o.trim().eq_ignore_ascii_case("auth")));
        if qop.is_some() && !qop_auth {
            return None; // auth-int alone would need the body hashed; no server asks only that.
        }
        Some(Digest {
            realm: get("realm").unwrap_or_default(),
            nonce: get("nonce")?,
            opaque: get("opaque"),
            qop_auth,
            algorithm,
            stale: get("stale").is_some_and(|s| s.eq_ignore_ascii_case("true")),
        })
    }

    /// The `Authorization` header for request number `count` with this nonce.
    fn authorization(&self, c: &Credentials, method: &str, uri: &str, count: u32) -> String {
        self.authorization_with(c, method, uri, count, &cnonce())
    }

    fn authorization_with(
        &self,
        c: &Credentials,
        method: &str,
        uri: &str,
        count: u32,
        cnonce: &str,
    ) -> String {
        let alg = self.algorithm;
        let mut ha1 = alg.hash(&format!("{}:{}:{}", c.user, self.realm, c.password));
        if matches!(alg, Algorithm::Md5Sess | Algorithm::Sha256Sess) {
            ha1 = alg.hash(&format!("{ha1}:{}:{cnonce}", self.nonce));
        }
        let ha2 = alg.hash(&format!("{method}:{uri}"));
        let nc = format!("{count:08x}");
        let response = if self.qop_auth {
            alg.hash(&format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", self.nonce))
        } else {
            alg.hash(&format!("{ha1}:{}:{ha2}", self.nonce))
        };
        let mut header = format!(
            "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{uri}\", algorithm={}, response=\"{response}\"",
            quote(&c.user),
            quote(&self.realm),
            quote(&self.nonce),
            alg.name()
        );
        if self.qop_auth {
            header.push_str(&format!(", qop=auth, nc={nc}, cnonce=\"{cnonce}\""));
        }
        if let Some(opaque) = &self.opaque {
            header.push_str(&format!(", opaque=\"{}\"", quote(opaque)));
        }
        header
    }
}

/// `name=value` pairs of a challenge, values unquoted.
fn auth_params(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let name: String = std::iter::from_fn(|| chars.next_if(|c| *c != '=' && *c != ','))
            .collect::<String>()
            .trim()
            .to_string();
        if name.is_empty() {
            break;
        }
        if chars.next_if_eq(&'=').is_none() {
            continue;
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'"').is_some() {
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    c => value.push(c),
                }
            }
        } else {
            value = std::iter::from_fn(|| chars.next_if(|c| *c != ','))
                .collect::<String>()
                .trim()
                .to_string();
        }
        out.push((name, value));
    }
    out
}

/// A value inside a quoted string.
fn quote(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A fresh client nonce.
fn cnonce() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // No system randomness: the time still makes the nonce unique to this request.
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        bytes[..16].copy_from_slice(&now.as_nanos().to_le_bytes());
    }
    hex(&bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mufasa() -> Credentials {
        Credentials {
            user: "Mufasa".into(),
            password: "Circle of Life".into(),
        }
    }

    #[test]
    fn digest_answers_the_rfc_7616_examples() {
        // RFC 7616, section 3.9.1: the same challenge answered with MD5 and SHA-256.
        for (algorithm, expected) in [
            ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
            (
                "SHA-256",
                "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
            ),
        ] {
            let challenge = format!(
                "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm={algorithm}, \
                 nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", \
                 opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""
            );
            let Some(Challenge::Digest(d)) = Challenge::choose(&[challenge]) else {
                panic!("a digest challenge")
            };
            let header = d.authorization_with(
                &mufasa(),
                "GET",
                "/dir/index.html",
                1,
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
            );
            assert!(
                header.contains(&format!("response=\"{expected}\"")),
                "{algorithm}: {header}"
            );
            assert!(header.contains("nc=00000001"));
            assert!(header.contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""));
            assert!(!header.contains("Circle of Life"));
        }
    }

    #[test]
    fn digest_is_preferred_and_basic_encoded() {
        let headers = vec![
            "Basic realm=\"x\"".to_string(),
            "Digest realm=\"SPARQL\", nonce=\"abc\", stale=\"true\", qop=\"auth\"".to_string(),
        ];
        let Some(Challenge::Digest(d)) = Challenge::choose(&headers) else {
            panic!("digest preferred")
        };
        assert!(d.stale && d.qop_auth && d.realm == "SPARQL" && d.nonce == "abc");
        assert_eq!(
            Challenge::choose(&["basic realm=x".to_string()]),
            Some(Challenge::Basic)
        );
        assert_eq!(Challenge::choose(&["Bearer".to_string()]), None);
        // RFC 7617's example.
        let c = Credentials {
            user: "Aladdin".into(),
            password: "open sesame".into(),
        };
        assert_eq!(basic(&c), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assert_eq!(base64(b"a"), "YQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert!(!format!("{c:?}").contains("sesame"));
    }
}
