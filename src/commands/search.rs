//! `unakn search`: the search page's search from the command line.

use super::load::load_into;
use crate::cli::SearchOptions;
use anyhow::{anyhow, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use unakn::model::Language;
use unakn::search::{Index, Request, Results, Sort};
use unakn::store::Store;
use unakn::vocab::Base;

/// Resolutions per page, as on the page.
const PAGE: usize = 10;

/// The request the options make, each checked as the page checks its query string.
fn request(options: &SearchOptions) -> Result<Request> {
    let mut r = Request {
        words: options.words.join(" "),
        sort: if options.newest {
            Sort::Newest
        } else {
            Sort::Relevance
        },
        offset: options.page.saturating_sub(1) * PAGE,
        limit: PAGE,
        ..Request::default()
    };
    for (key, option, value) in [
        ("lang", "--language", &options.language),
        ("session", "--session", &options.session),
        ("committee", "--committee", &options.committee),
        ("agenda", "--agenda", &options.agenda),
        ("subject", "--subject", &options.subject),
        ("vote", "--vote", &options.vote),
        ("unit", "--unit", &options.unit),
        ("type", "--type", &options.document_type),
    ] {
        if let Some(v) = value {
            r.set(key, v)
                .map_err(|e| named(&format!("{option} "), &e))?;
        }
    }
    r.check().map_err(|e| named("--agenda: ", &e))?;
    Ok(r)
}

/// The page's message names its key (`lang=xx: what it may be`): here the option is named.
fn named(option: &str, message: &str) -> anyhow::Error {
    let what = message.split_once(": ").map_or(message, |(_, m)| m);
    anyhow!("{option}{what}")
}

pub fn run(store_dir: Option<&Path>, load: &[PathBuf], options: &SearchOptions) -> Result<()> {
    let request = request(options)?;
    let (store, index) = match store_dir {
        Some(dir) => (
            Store::open(dir)?,
            Index::open(&unakn::search::folder_of(dir))?,
        ),
        None if !load.is_empty() => (Store::memory()?, Index::memory()?),
        None => return Err(anyhow!("give --store DIR, or --load INPUT...")),
    };
    let base = store.minted_base()?.unwrap_or_default();
    let loaded = load_into(&store, Some(&index), load, &base)?;
    index.bring_in_line(&store, &base)?;
    let results = index.search(&request)?;
    let mut out = std::io::stdout().lock();
    if options.json {
        serde_json::to_writer_pretty(&mut out, &results)?;
        writeln!(out)?;
    } else {
        write_table(&results, &request, &mut out)?;
    }
    loaded.finish()
}

/// The groups as text, the words found in [brackets].
fn write_table(results: &Results, request: &Request, out: &mut impl Write) -> Result<()> {
    let found = if request.is_browsing() {
        format!("{} documents", results.groups)
    } else {
        format!(
            "{} units found in {} documents",
            results.units, results.groups
        )
    };
    writeln!(
        out,
        "{found}; page {} of {}",
        request.offset / PAGE + 1,
        results.groups.div_ceil(PAGE).max(1)
    )?;
    // The facets, to narrow by with the option of the same name.
    for (root, values) in &results.facets {
        if values.is_empty() || request.value_of(root).is_some() {
            continue;
        }
        let listed: Vec<String> = values
            .iter()
            .take(8)
            .map(|v| format!("{} ({})", v.label, v.count))
            .collect();
        let more = if values.len() > 8 { ", …" } else { "" };
        writeln!(out, "  {root}: {}{more}", listed.join(", "))?;
    }
    for group in &results.page {
        writeln!(
            out,
            "\n{} ({}{}) {}",
            group.symbol,
            group.language,
            group
                .date
                .as_deref()
                .map(|d| format!(", {d}"))
                .unwrap_or_default(),
            group.title
        )?;
        for hit in &group.hits {
            let mut text = String::new();
            let mut at = 0;
            for &(start, end) in &hit.highlighted {
                if start < at || end > hit.fragment.len() {
                    continue;
                }
                text.push_str(&hit.fragment[at..start]);
                text.push('[');
                text.push_str(&hit.fragment[start..end]);
                text.push(']');
                at = end;
            }
            text.push_str(&hit.fragment[at..]);
            let place = format!("{} {}", hit.kind, hit.number);
            writeln!(out, "  {}: {}", place.trim(), text.trim())?;
        }
    }
    Ok(())
}

/// `unakn bench INPUTS --search QUERIES --store DIR`: what the index adds to a load, its size,
/// and how fast it answers. The inputs are loaded into two new stores under `dir`, without the
/// index and with it (in that order, then again the other way round, to even out the cache);
/// then each query is run `repeats` times over the index, in its language.
pub fn bench(inputs: &[PathBuf], queries: &Path, dir: &Path, repeats: usize) -> Result<()> {
    use std::time::Instant;
    let mut out = std::io::stdout().lock();
    // A store loaded already (by `load`, or an earlier run of this benchmark): its index timed.
    let loaded = [dir.to_path_buf(), dir.join("indexed-1")]
        .into_iter()
        .find(|d| unakn::search::folder_of(d).is_dir());
    if let Some(store_dir) = loaded {
        writeln!(
            out,
            "the index of {} (inputs not loaded again)",
            store_dir.display()
        )?;
        let index = Index::open(&unakn::search::folder_of(&store_dir))?;
        return time_queries(&index, queries, repeats, &mut out);
    }
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(anyhow!(
            "{} is not empty: give a new directory for the benchmark stores",
            dir.display()
        ));
    }
    let base = Base::default();
    let load = |name: &str, indexed: bool| -> Result<(f64, u64)> {
        let at = dir.join(name);
        let store = Store::open(&at)?;
        let index = indexed
            .then(|| Index::open(&unakn::search::folder_of(&at)))
            .transpose()?;
        let started = Instant::now();
        load_into(&store, index.as_ref(), inputs, &base)?;
        let seconds = started.elapsed().as_secs_f64();
        let size = folder_size(&unakn::search::folder_of(&at));
        Ok((seconds, size))
    };
    let (plain_1, _) = load("plain-1", false)?;
    let (indexed_1, size) = load("indexed-1", true)?;
    let (indexed_2, _) = load("indexed-2", true)?;
    let (plain_2, _) = load("plain-2", false)?;
    let index = Index::open(&unakn::search::folder_of(&dir.join("indexed-1")))?;
    writeln!(
        out,
        "load without the index {plain_1:.2} s / {plain_2:.2} s, with it {indexed_1:.2} s / {indexed_2:.2} s \
         (+{:.0}%); index {:.1} MB for {} units",
        100.0 * ((indexed_1 + indexed_2) / (plain_1 + plain_2) - 1.0),
        size as f64 / 1e6,
        index.unit_count()
    )?;
    time_queries(&index, queries, repeats, &mut out)
}

/// Each query of a file (`language TAB words`; `*` for all six languages) run `repeats` times.
fn time_queries(index: &Index, queries: &Path, repeats: usize, out: &mut impl Write) -> Result<()> {
    use std::time::Instant;
    let text = std::fs::read_to_string(queries)?;
    let mut times = Vec::new();
    let mut per_query = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut cols = line.split('\t');
        let (Some(code), Some(words)) = (cols.next(), cols.next()) else {
            continue;
        };
        let request = Request {
            words: words.to_string(),
            language: Language::from_code(code),
            limit: PAGE,
            ..Request::default()
        };
        let mut mine = Vec::new();
        let mut found = 0;
        for _ in 0..repeats.max(1) {
            let started = Instant::now();
            found = std::hint::black_box(index.search(&request)?).units;
            mine.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        mine.sort_by(f64::total_cmp);
        let median = mine[mine.len() / 2];
        per_query.push((code.to_string(), words.to_string(), median, found));
        times.extend(mine);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    writeln!(
        out,
        "{} queries × {} runs: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        per_query.len(),
        repeats.max(1),
        at(0.5),
        at(0.95),
        at(1.0)
    )?;
    per_query.sort_by(|a, b| b.2.total_cmp(&a.2));
    for (code, words, median, found) in per_query.iter().take(5) {
        writeln!(
            out,
            "  slowest: {median:.2} ms  {code}  {words} ({found} units)"
        )?;
    }
    Ok(())
}

fn folder_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.metadata().map_or(0, |m| m.len()))
        .sum()
}
