#!/usr/bin/env python3
"""Turns bench/run.sh's measurements into bench/results.md and bench/results.json, with the
machine they ran on and each target of issue 8 marked as met or missed."""
import datetime
import json
import os
import platform
import subprocess
import sys


def ms(value):
    value = value.strip()
    if value in ("", "0.00us"):
        return None  # wrk measured no completed request (all timed out)
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
        if value.endswith(unit):
            return round(float(value[: -len(unit)]) * factor, 2)
    return None


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    pg = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "show server_version"],
                        capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.system()} {platform.release()}, {java}, PostgreSQL {pg}"


def main():
    tsv, startup_ms, preset, db = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    rows = []
    with open(tsv) as f:
        for line in f:
            name, path, rps, p50, p99, sql, errors, near = line.rstrip("\n").split("\t")
            rows.append({"page": name, "path": path, "rps": float(rps or 0), "p50_ms": ms(p50), "p99_ms": ms(p99),
                         "sql_per_request": int(sql) if sql.isdigit() else None, "errors": int(errors or 0),
                         "baseline_rps": float(near or 0)})
    for r in rows:
        # against the baseline measured just before and after this page (the machine's speed moves)
        r["ratio"] = round(r["rps"] / r["baseline_rps"], 3) if r["baseline_rps"] else None
        checks = [r["ratio"] is None or r["ratio"] >= 0.25, r["p99_ms"] is not None and r["p99_ms"] < 200,
                  r["sql_per_request"] is None or r["sql_per_request"] <= 15, r["errors"] == 0]
        if r["page"] == "dashboard-county":
            checks.append(r["p50_ms"] is not None and r["p50_ms"] < 100)
        if r["page"].startswith("resident-search"):
            checks.append(r["p50_ms"] is not None and r["p50_ms"] < 50)
        if r["page"] == "visit-logging":
            checks.append(r["rps"] >= 200)
        r["meets_targets"] = all(checks)
    with open("bench/results.json", "w") as f:
        json.dump([{k: r[k] for k in ("page", "rps", "p50_ms", "p99_ms", "ratio", "sql_per_request", "baseline_rps")}
                   for r in rows],
                  f, indent=2)
        f.write("\n")
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"# Benchmark results ({preset} data set)", "",
             f"Run {when} on {machine()}; database `{db}`; heap 1 GB; wrk, 16 connections, 2 threads.",
             f"Start-up to healthy: {startup_ms / 1000:.1f} s (target under 20 s: {'met' if startup_ms < 20000 else 'MISSED'}).", "",
             "| page | path | req/s | p50 ms | p99 ms | baseline req/s nearby | ratio to baseline | SQL/request | errors | targets |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        lines.append(f"| {r['page']} | `{r['path']}` | {r['rps']:.0f} | {r['p50_ms']} | {r['p99_ms']} | {r['baseline_rps']:.0f} | "
                     f"{r['ratio']} | {r['sql_per_request']} | {r['errors']} | {'met' if r['meets_targets'] else 'MISSED'} |")
    lines += ["", "Each page's ratio is to the baseline page measured for a few seconds just before and just after it "
              "(their mean), as this machine's speed moves from minute to minute.", "",
              "Targets (issue 8): every page at least 25 % of the baseline's throughput and p99 under 200 ms; "
              "at most 15 SQL statements per page; county dashboard p50 under 100 ms; resident search p50 under 50 ms; "
              "visit logging at least 200 per second; start-up under 20 s with a 1 GB heap.", ""]
    with open("bench/results.md", "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
