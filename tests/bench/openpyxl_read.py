#!/usr/bin/python3
"""Comparison baseline for `workflow cmrt bench`: openpyxl (Debian python3-openpyxl) in read-only mode reading only
the Declaration and Smelter List sheets (cached values) of the same files, in one process.

usage: /usr/bin/python3 tests/bench/openpyxl_read.py [--repeat N] [--rounds N] FILE...
"""
import argparse
import resource
import statistics
import time

import warnings

import openpyxl

# Some templates have header/footer codes openpyxl cannot parse; irrelevant to reading cells.
warnings.filterwarnings("ignore", category=UserWarning)


def read(path):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        cells = 0
        for name in ("Declaration", "Smelter List"):
            if name not in wb.sheetnames:
                continue
            for row in wb[name].iter_rows(values_only=True):
                cells += sum(1 for v in row if v is not None)
        return cells
    finally:
        wb.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    batch = [f for _ in range(args.repeat) for f in args.files]
    start = time.perf_counter()
    for f in args.files:
        read(f)
    print(f"warm-up: {(time.perf_counter() - start) * 1000:.0f} ms for {len(args.files)} files")

    totals = []
    cpus = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        cpu = time.process_time()
        for f in batch:
            read(f)
        totals.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    median = statistics.median(totals)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"batch: {len(batch)} files ({len(args.files)} distinct x {args.repeat}), {args.rounds} rounds")
    print(f"total per round: min {min(totals):.0f} ms, median {median:.0f} ms; per file: median {median / len(batch):.1f} ms")
    print(f"cpu per round: min {min(cpus):.0f} ms, median {statistics.median(cpus):.0f} ms")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
