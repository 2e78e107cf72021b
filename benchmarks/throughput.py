"""Throughput of the full veilleur pipeline against bare `nlp.pipe` of the same spaCy model.

Each configuration runs in its own subprocess so that its peak memory is its own:
    python benchmarks/throughput.py [--articles 200] [--corpus ../shared/corpus/dev]
prints articles/s, tokens/s, peak RSS per process, and the veilleur/bare ratio, for
n_process 1 and 2. The goal: full pipeline >= 0.8x bare nlp.pipe and <= 1.5 GB per process.

On a machine shared with other work the wall-clock ratio swings with the load; `art/cpu-s`
(articles per second of CPU time of the process and its workers) and its ratio `cpu` are
steadier, and `--repeat N` runs the configurations N times in turn and keeps each one's best.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def _texts(corpus: Path, n: int) -> list[str]:
    """`n` article texts made by cycling the corpus files."""
    from veilleur.readers import read
    from veilleur.records import Article

    base = [a for a in read([str(corpus)]) if isinstance(a, Article)]
    if not base:
        raise SystemExit(f"no articles in {corpus}")
    return [base[i % len(base)].text for i in range(n)]


def _measure(mode: str, n_process: int, corpus: Path, n: int) -> dict[str, float]:
    """Run one configuration in this process and return its figures."""
    import spacy

    from veilleur.pipeline import MODEL, analyse, get_nlp
    from veilleur.pipeline import Options as PipelineOptions
    from veilleur.readers import from_text

    texts = _texts(corpus, n)
    if mode == "bare":
        nlp = spacy.load(MODEL)
        tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
        start = time.perf_counter()
        before = _cpu_seconds()
        for _doc in nlp.pipe(texts, batch_size=16, n_process=n_process):
            pass
    else:
        options = PipelineOptions(n_process=n_process, batch_size=16)
        nlp = get_nlp(options)
        tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
        articles = [from_text(t) for t in texts]
        start = time.perf_counter()
        before = _cpu_seconds()
        for _record in analyse(articles, options=options, nlp=nlp):
            pass
    elapsed = time.perf_counter() - start
    cpu = _cpu_seconds() - before
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "seconds": elapsed,
        "articles_per_s": n / elapsed,
        "tokens_per_s": tokens / elapsed,
        "peak_rss_mb": max(own, children),
        "articles_per_cpu_s": n / cpu if cpu > 0 else 0.0,
    }


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished worker processes."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def main() -> None:
    """Run every configuration in a subprocess and print them side by side."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best is kept")
    parser.add_argument("--one", nargs=2, metavar=("MODE", "N_PROCESS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        figures = _measure(args.one[0], int(args.one[1]), args.corpus, args.articles)
        sys.stdout.write(json.dumps(figures) + "\n")
        return
    best: dict[tuple[str, int], dict[str, float]] = {}
    for _ in range(max(args.repeat, 1)):
        for n_process in args.processes:
            for mode in ("bare", "veilleur"):
                cmd = [sys.executable, __file__, "--one", mode, str(n_process)]
                cmd += ["--articles", str(args.articles), "--corpus", str(args.corpus)]
                result = subprocess.run(cmd, capture_output=True, text=True, check=True)
                figures = json.loads(result.stdout.strip().splitlines()[-1])
                kept = best.get((mode, n_process))
                if kept is None or figures["articles_per_s"] > kept["articles_per_s"]:
                    best[(mode, n_process)] = figures
    header = (
        f"{'pipeline':<10} {'n_proc':>6} {'art/s':>8} {'tok/s':>9} {'peak MB':>8} {'ratio':>6}"
        f" {'art/cpu-s':>10} {'cpu':>6}"
    )
    sys.stdout.write(f"{args.articles} articles from {args.corpus}\n{header}\n")
    for (mode, n_process), f in best.items():
        bare = best[("bare", n_process)]
        ratio = f["articles_per_s"] / bare["articles_per_s"]
        cpu_ratio = f["articles_per_cpu_s"] / bare["articles_per_cpu_s"]
        sys.stdout.write(
            f"{mode:<10} {n_process:>6} {f['articles_per_s']:>8.1f} {f['tokens_per_s']:>9.0f} "
            f"{f['peak_rss_mb']:>8.0f} {ratio:>6.2f} {f['articles_per_cpu_s']:>10.1f} "
            f"{cpu_ratio:>6.2f}\n"
        )


if __name__ == "__main__":
    main()
