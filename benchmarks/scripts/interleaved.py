#!/usr/bin/env python3
"""Times shell commands in turn, round after round, and reports each command's median wall
time and, per round, its ratio to the last command (the reference).

hyperfine runs all of one command's repetitions, then all of the next's: when the machine's
speed drifts between the two batches (a VM losing a core for a while), the ratio drifts with
it. Here every round runs each command once, back to back, so a ratio compares runs that
shared the same spell.

Usage: interleaved.py [--rounds N] NAME=COMMAND ... REFERENCE_NAME=REFERENCE_COMMAND
Example:
  interleaved.py --rounds 10 "hangviet=xargs -a files.txt -d '\\n' hangviet scan" \\
      "zbarimg=xargs -a files.txt -d '\\n' zbarimg -q"
"""
import argparse
import statistics
import subprocess
import sys
import time


def run(command: str) -> float:
    start = time.perf_counter()
    subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    args = parser.parse_args()
    if len(args.commands) < 2 or any("=" not in c for c in args.commands) or args.rounds < 1:
        parser.error("give at least two NAME=COMMAND arguments and --rounds ≥ 1")
    named = [tuple(c.split("=", 1)) for c in args.commands]
    for _, command in named:          # one warm-up round (page cache, lazy binding)
        run(command)
    times = {name: [] for name, _ in named}
    reference = named[-1][0]
    for _ in range(args.rounds):
        for name, command in named:
            times[name].append(run(command))
    print(f"| command ({args.rounds} interleaved rounds) | median wall | min | max | median per-round ratio to {reference} | ratio range |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, _ in named:
        ratios = [a / b for a, b in zip(times[name], times[reference])]
        print(f"| {name} | {statistics.median(times[name]):.3f} s | {min(times[name]):.3f} s | "
              f"{max(times[name]):.3f} s | {statistics.median(ratios):.3f}× | {min(ratios):.3f}–{max(ratios):.3f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
