#!/usr/bin/env python3
"""Chose the resolutions of the mandates reference set and prints their operative units for
labelling. Run from the repository: python3 samples/mandates/select.py JSON_DIR [--session-75]

JSON_DIR holds `unakn convert --to json` of ga-78/text and ga-80/text (subfolders 78 and 80).
The choice is drawn once, with a fixed seed, stratified by session and committee (plenary
counts as one), among resolutions of at most 45 operative units (paragraphs and sub-items) so
that one long resolution does not outweigh the rest; ten of the forty are held out of tuning.

With --session-75, JSON_DIR holds the conversion of ga-75-akn/English (subfolder 75): ten more
resolutions of another session, read from the UN's own AKN, drawn later with another seed and
added to the tuning set (appended to resolutions.tsv). With --session-75-check, eight more of
session 75 (seed 20261208), appended as `check`. With --score-again, JSON_DIR as for the
first draw: ten more of sessions 78 and 80 (seed 20261209) held out in place of the first ten,
which become `tune`."""
import glob, json, random, sys

PER_STRATUM = {
    ("78", "plenary"): 5, ("78", "First Committee"): 3, ("78", "Second Committee"): 3,
    ("78", "Third Committee"): 4, ("78", "Fourth Committee"): 2, ("78", "Fifth Committee"): 3,
    ("78", "Sixth Committee"): 2, ("80", "First Committee"): 6, ("80", "Second Committee"): 6,
    ("80", "Fourth Committee"): 3, ("80", "Sixth Committee"): 3,
}


def units(blocks, section=None):
    for b in blocks:
        if "Paragraph" in b:
            p = b["Paragraph"]
            yield section, p["number"], text(p["text"]), p["items"], text(p["wrap_up"])
        elif "Section" in b:
            yield from units(b["Section"]["blocks"], b["Section"]["number"])


def text(runs):
    out = []
    for r in runs:
        for k, v in r.items():
            out.append(v if isinstance(v, str) else text(v) if isinstance(v, list) else
                       v.get("text", "") if isinstance(v, dict) and isinstance(v.get("text"), str)
                       else text(v.get("text", [])) if isinstance(v, dict) else "")
    return "".join(out)


def size(d):
    return sum(1 + len(items) for _, _, _, items, _ in units(d["body"]))


def main(json_dir):
    docs = {}
    for f in sorted(glob.glob(f"{json_dir}/*/*.json")):
        d = json.load(open(f))
        origin = (d.get("adoption") or {}).get("origin") or {}
        key = (d["symbol"].split("/")[2], origin.get("committee") or "plenary")
        if size(d) <= 45:
            docs.setdefault(key, []).append(d)
    rng = random.Random(20261206)
    chosen = []
    for key, n in PER_STRATUM.items():
        chosen += [(key, d) for d in rng.sample(docs[key], n)]
    held = set(rng.sample(range(len(chosen)), 10))
    with open("samples/mandates/resolutions.tsv", "w") as out:
        out.write("resolution\tsession\tcommittee\tuse\n")
        for i, ((session, committee), d) in enumerate(chosen):
            out.write(f"{d['symbol']}\t{session}\t{committee}\t{'score' if i in held else 'tune'}\n")
    for _, d in chosen:
        print_units(d)


SESSION_75 = {
    ("75", "plenary"): 2, ("75", "First Committee"): 2, ("75", "Second Committee"): 1,
    ("75", "Third Committee"): 2, ("75", "Fourth Committee"): 1, ("75", "Fifth Committee"): 1,
    ("75", "Sixth Committee"): 1,
}


def session_75(json_dir):
    draw_session_75(json_dir, SESSION_75, 20261207, "tune", exclude_taken=False)


# A second batch of session 75, drawn when the held-out scores fell short, to check the rules
# on resolutions read before they were run on them (`check`), then tuned on.
SESSION_75_CHECK = {
    ("75", "plenary"): 2, ("75", "Second Committee"): 2, ("75", "Third Committee"): 2,
    ("75", "Fourth Committee"): 1, ("75", "Sixth Committee"): 1,
}


def session_75_check(json_dir):
    draw_session_75(json_dir, SESSION_75_CHECK, 20261208, "check", exclude_taken=True)


def draw_session_75(json_dir, strata, seed, use, exclude_taken):
    """Draws from session 75 by committee and appends the choice to resolutions.tsv. The first
    batch was drawn before any resolution of session 75 was listed, so it excludes none (and
    replays the same way)."""
    taken = set()
    if exclude_taken:
        taken = {line.split("\t")[0] for line in open("samples/mandates/resolutions.tsv")}
    docs = {}
    for f in sorted(glob.glob(f"{json_dir}/75/*.json")):
        d = json.load(open(f))
        origin = (d.get("adoption") or {}).get("origin") or {}
        key = ("75", origin.get("committee") or "plenary")
        if 0 < size(d) <= 45 and d["symbol"] not in taken:
            docs.setdefault(key, []).append(d)
    rng = random.Random(seed)
    chosen = []
    for key, n in strata.items():
        chosen += [(key, d) for d in rng.sample(docs[key], n)]
    with open("samples/mandates/resolutions.tsv", "a") as out:
        for (session, committee), d in chosen:
            out.write(f"{d['symbol']}\t{session}\t{committee}\t{use}\n")
    for _, d in chosen:
        print_units(d)


# Session 20: the first ten held out had been scored for eight sessions and their misses were
# still unread. Ten more of sessions 78 and 80 (none already chosen) are drawn and labelled
# before any rule runs on them, to be held out in their place; the first ten become tuning.
SCORE_AGAIN = {
    ("78", "plenary"): 2, ("78", "Second Committee"): 1, ("78", "Third Committee"): 2,
    ("78", "Fifth Committee"): 1, ("78", "Sixth Committee"): 1, ("80", "First Committee"): 1,
    ("80", "Second Committee"): 1, ("80", "Fourth Committee"): 1,
}


def score_again(json_dir):
    rows = [line.rstrip("\n").split("\t") for line in open("samples/mandates/resolutions.tsv")]
    taken = {r[0] for r in rows}
    docs = {}
    for f in sorted(glob.glob(f"{json_dir}/*/*.json")):
        d = json.load(open(f))
        origin = (d.get("adoption") or {}).get("origin") or {}
        key = (d["symbol"].split("/")[2], origin.get("committee") or "plenary")
        if 0 < size(d) <= 45 and d["symbol"] not in taken:
            docs.setdefault(key, []).append(d)
    rng = random.Random(20261209)
    chosen = []
    for key, n in SCORE_AGAIN.items():
        chosen += [(key, d) for d in rng.sample(docs[key], n)]
    with open("samples/mandates/resolutions.tsv", "w") as out:
        for r in rows:
            if r[3] == "score":
                r[3] = "tune"
            out.write("\t".join(r) + "\n")
        for (session, committee), d in chosen:
            out.write(f"{d['symbol']}\t{session}\t{committee}\tscore\n")
    for _, d in chosen:
        print_units(d)


def print_units(d):
    print(f"\n## {d['symbol']}  {text(d['title'])}")
    for section, number, chapeau, items, wrap in units(d["body"]):
        sec = f"{section}." if section else ""
        print(f"{sec}{number or 'u'}: {chapeau}")
        for it in items:
            print(f"    ({it['number']}) {text(it['text'])}")
            for sub in it["items"]:
                print(f"        ({sub['number']}) {text(sub['text'])}")
        if wrap:
            print(f"    ~ {wrap}")


if __name__ == "__main__":
    if "--score-again" in sys.argv:
        score_again(sys.argv[1])
    elif "--session-75-check" in sys.argv:
        session_75_check(sys.argv[1])
    elif "--session-75" in sys.argv:
        session_75(sys.argv[1])
    else:
        main(sys.argv[1])
