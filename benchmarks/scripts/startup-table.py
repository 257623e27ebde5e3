#!/usr/bin/env python3
"""Prints hyperfine JSON exports as a Markdown table: median wall (min-max), mean CPU user+sys, ratios.

The ratio column compares each command with the first command of its file (our plugin, launcher with CDS).
"""
import json
import os
import sys


def short(command):
    """A readable name for a benchmarked command line (ours first: its name contains "check_smtp")."""
    if "check_smtp_pop3_roundtrip" in command:
        if "check_smtp_pop3_roundtrip/check_smtp_pop3_roundtrip " in command:
            return "ours, launcher with CDS archive"
        if "-XX:TieredStopAtLevel=1" in command:
            return "ours, launcher flags, no CDS archive"
        return "ours, plain java -jar (before start-up work)"
    if "check_email_delivery" in command:
        return "check_email_delivery (Perl, SMTP + IMAP)"
    return "check_smtp + check_pop (C)"


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        results = json.load(f)["results"]
    print(f"\n{os.path.basename(path)[:-5]}\n")
    print("| command | wall median ms (min-max) | CPU user + sys ms (mean) | wall ratio | CPU ratio |")
    print("|---|---|---|---|---|")
    base = results[0]
    base_cpu = base["user"] + base["system"]
    for r in results:
        cpu = r["user"] + r["system"]
        exits = sorted(set(r.get("exit_codes", [])))
        print(f"| {short(r['command'])} (exit {','.join(map(str, exits))}) | {r['median'] * 1000:.0f} "
              f"({r['min'] * 1000:.0f}-{r['max'] * 1000:.0f}) | {r['user'] * 1000:.0f} + {r['system'] * 1000:.0f} "
              f"| {r['median'] / base['median']:.2f} | {cpu / base_cpu:.2f} |")
