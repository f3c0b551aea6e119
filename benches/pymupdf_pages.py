"""The usual Python PDF tool, for the side-by-side figure of BENCHMARKS.md: PyMuPDF's plain
page text (no structure) of every page of the given PDFs, one thread; median of runs.

    python benches/pymupdf_pages.py ../shared/corpus/ga-78/pdf --repeats 5
"""
import argparse
import pathlib
import statistics
import time

import pymupdf


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    files = sorted(pathlib.Path(args.dir).glob("*.pdf"))
    data = [f.read_bytes() for f in files]

    def run():
        pages = 0
        for d in data:
            with pymupdf.open(stream=d, filetype="pdf") as doc:
                for page in doc:
                    page.get_text()
                    pages += 1
        return pages

    pages = run()  # warm-up
    times = []
    for _ in range(args.repeats):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    m = statistics.median(times)
    print(
        f"| PyMuPDF {pymupdf.version[1]} page text | {len(files)} PDFs, {pages} pages "
        f"| {pages / m:.0f} pages/s | {m * 1e3:.0f} ms ({min(times) * 1e3:.0f}–{max(times) * 1e3:.0f}) |"
    )


if __name__ == "__main__":
    main()
