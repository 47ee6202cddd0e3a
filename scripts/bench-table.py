#!/usr/bin/env python3
"""One table of whole-process timings for scripts/bench and scripts/compare-jrnl (issue 17).

Not run directly: the two scripts build the binaries, make the work directory and call this.
For each size it writes the deterministic corpus (timed), caches the key with `letters
unlock`, then times every command as a whole process, interleaved run by run (every command
of a run before the next run), and prints ONE table: medians per size, the growth per ×10
letters, and the peak memory of the exports (/usr/bin/time -f %M). With --jrnl the same
corpus goes to an encrypted jrnl journal and each command is timed for both tools side by
side, with their ratio. Nothing here asserts a time.
"""
import itertools
import argparse, json, os, statistics, subprocess, sys, tempfile, time

p = argparse.ArgumentParser()
p.add_argument("--letters", required=True)
p.add_argument("--bench", required=True)
p.add_argument("--work", required=True)
p.add_argument("--sizes", default="1000 10000 100000")
p.add_argument("--runs", type=int, default=7)
p.add_argument("--jrnl", help="jrnl executable (compare-jrnl)")
p.add_argument("--jrnl-python", help="the venv's python, to encrypt the journal with jrnl's code")
args = p.parse_args()
sizes = [int(s) for s in args.sizes.split()]
work = args.work
PASS = "benchmark passphrase, not secret"
env = dict(os.environ)


def log(text):
    print(text, file=sys.stderr, flush=True)


def run(argv, stdin=b"", extra_env=None, ok=(0,)):
    """Wall time (s) of one whole process, output to /dev/null."""
    start = time.perf_counter()
    proc = subprocess.run(argv, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env={**env, **(extra_env or {})})
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        sys.exit(f"bench: {' '.join(argv[:4])}… exited {proc.returncode}: {proc.stderr.decode()[:300]}")
    return elapsed


def peak_mib(argv):
    """Peak resident memory of one run, from /usr/bin/time -f %M (KiB)."""
    with tempfile.NamedTemporaryFile("r", dir=work) as out:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name] + argv, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=env, check=True)
        return int(out.read().strip().splitlines()[-1]) / 1024


def letters_cmd(*words):
    return [args.letters, *words]


def setup_jrnl(n):
    """The corpus as jrnl's encrypted journal, and jrnl's config (as compare-jrnl always did)."""
    subprocess.run([args.bench, "jrnl", str(n), f"{work}/journal.txt"], check=True)
    os.makedirs(f"{work}/py", exist_ok=True)
    with open(f"{work}/py/benchkeyring.py", "w") as f:
        f.write("import keyring.backend\nclass Backend(keyring.backend.KeyringBackend):\n    priority = 1\n"
                f"    def get_password(self, service, username): return {PASS!r}\n"
                "    def set_password(self, service, username, password): pass\n"
                "    def delete_password(self, service, username): pass\n")
    with open(f"{work}/jrnl.yaml", "w") as f:
        f.write("colors: {body: none, date: none, tags: none, title: none}\ndefault_hour: 9\ndefault_minute: 0\n"
                "editor: ''\nencrypt: true\nhighlight: false\nindent_character: '|'\njournals:\n"
                f"  default: {{journal: {work}/journal.enc, encrypt: true}}\nlinewrap: 79\ntagsymbols: '@'\n"
                "template: false\ntimeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n")
    env["PYTHONPATH"] = f"{work}/py"
    env["PYTHON_KEYRING_BACKEND"] = "benchkeyring.Backend"
    code = ("import sys\nfrom jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption\n"
            "e = Jrnlv3Encryption('default', {}); e.password = sys.argv[2]\n"
            "data = e.encrypt(open(sys.argv[1] + '/journal.txt', encoding='utf-8').read())\n"
            "open(sys.argv[1] + '/journal.enc', 'wb').write(data)\n")
    subprocess.run([args.jrnl_python, "-c", code, work, PASS], check=True, env=env)
    os.remove(f"{work}/journal.txt")
    J = [args.jrnl, "--config-file", f"{work}/jrnl.yaml"]
    run(J + ["one more entry to settle the file."], ok=(0, 1))
    return J


rows = []          # (name, unit) in table order
results = {}       # (name, size) -> {"letters": value, "jrnl": value}


def record(name, size, tool, value, unit="ms"):
    if (name, unit) not in rows:
        rows.append((name, unit))
    results.setdefault((name, size), {})[tool] = value


machine = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
model = next((l.split(":", 1)[1].strip() for l in machine.splitlines() if l.startswith("Model name")), "?")
started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
load_before = os.getloadavg()[0]

for n in sizes:
    for name in ("vault.db", "journal.enc"):
        if os.path.exists(f"{work}/{name}"):
            os.remove(f"{work}/{name}")
    log(f"bench: {n} letters: writing the corpus")
    start = time.perf_counter()
    subprocess.run([args.bench, "corpus", str(n), f"{work}/vault.db"], check=True, stdout=subprocess.DEVNULL)
    record("corpus (letters-bench, one batch per 1,000)", n, "letters", (time.perf_counter() - start) * 1000)
    J = setup_jrnl(n) if args.jrnl else None
    env["LETTERS_VAULT"] = f"{work}/vault.db"
    env["LETTERS_PASSPHRASE_FILE"] = f"{work}/passphrase"
    env["LETTERS_NEW_PASSPHRASE_FILE"] = f"{work}/passphrase2"
    run(letters_cmd("unlock", "--for", "15m"))
    listed = json.loads(subprocess.run(letters_cmd("list", "--json"), capture_output=True, env=env, check=True).stdout)
    listed = listed["letters"] if isinstance(listed, dict) else listed
    drafts = [l["id"] for l in listed if l["state"] == "draft" and l.get("to")]
    some = listed[len(listed) // 2]["id"]
    runs = args.runs
    # Each run of hold and send takes a draft of its own (a held letter cannot be held again).
    hold_ids, send_ids = drafts[: runs + 1], drafts[runs + 1 : 2 * runs + 2]
    text = b"a letter from the benchmark\n"
    revisions = itertools.count()
    # (row, letters argv or a function of the run, jrnl argv or None, stdin)
    cases = [
        ("write --to \"Dr. Hale\" (one short letter)", lambda r: letters_cmd("write", "-q", "--to", "Dr. Hale"),
         (J + ["a new entry from the benchmark."]) if J else None, text),
        # The same letter with no recipient to look up: the write itself.
        ("write, no --to (one short letter)", lambda r: letters_cmd("write", "-q"), None, text),
        # A new text every time: the same text again is no new revision, and saves nothing.
        ("edit (new revision, stdin)", lambda r: letters_cmd("edit", "-q", drafts[-1]), None,
         lambda: b"a new revision from the benchmark, %d\n" % next(revisions)),
        ("hold", lambda r: letters_cmd("hold", "-q", hold_ids[r]), None, b""),
        ("note", lambda r: letters_cmd("note", "-q", some), None, b"a note from the benchmark\n"),
        ("send (request: starts the cooling-off)", lambda r: letters_cmd("send", "-q", send_ids[r]), None, b""),
        ("show one", lambda r: letters_cmd("show", "-q", some), None, b""),
        ("list", lambda r: letters_cmd("list", "-q"), (J + ["--format", "short"]) if J else None, b""),
        ("list -n 20", lambda r: letters_cmd("list", "-q", "-n", "20"), (J + ["-n", "20", "--format", "short"]) if J else None, b""),
        ("list --json", lambda r: letters_cmd("list", "-q", "--json"), (J + ["--format", "json"]) if J else None, b""),
    ]
    for word, label in [("lighthouse", "search lighthouse (1 %, indexed)"), ("zeppelin", "search zeppelin (none)"),
                        ("the", "search the (most letters)"), ("café", "search café (2 %)"),
                        ("über", "search über (2 %)"), ("é", "search é (2 %)")]:
        cases.append((label, (lambda w: lambda r: letters_cmd("search", "-q", w))(word),
                      (J + ["-contains", word, "--format", "short"]) if J else None, b""))
    cases += [
        ("export md", lambda r: letters_cmd("export", "-q", "--format", "md"), (J + ["--format", "markdown"]) if J else None, b""),
        ("export json", lambda r: letters_cmd("export", "-q", "--format", "json"), (J + ["--format", "json"]) if J else None, b""),
    ]
    times = {name: ([], []) for name, *_ in cases}
    log(f"bench: {n} letters: {runs} runs of {len(cases)} commands" + (" (and jrnl's)" if J else ""))
    for name, lcmd, jcmd, stdin in cases:  # warm-up
        if not name.startswith(("hold", "send")):
            run(lcmd(0), stdin() if callable(stdin) else stdin)
        if jcmd:
            run(jcmd, ok=(0, 1))
    for r in range(runs):
        for name, lcmd, jcmd, stdin in cases:
            times[name][0].append(
                run(lcmd(r + 1 if name.startswith(("hold", "send")) else r), stdin() if callable(stdin) else stdin))
            if jcmd:
                times[name][1].append(run(jcmd, ok=(0, 1)))
    for name, *_ in cases:
        record(name, n, "letters", statistics.median(times[name][0]) * 1000)
        if times[name][1]:
            record(name, n, "jrnl", statistics.median(times[name][1]) * 1000)
    run(letters_cmd("unlock", "--for", "15m"))  # the cache lasts 15 minutes at most
    for fmt, jfmt in (("md", "markdown"), ("json", "json")):
        record(f"export {fmt}: peak memory", n, "letters",
               statistics.median(peak_mib(letters_cmd("export", "-q", "--format", fmt)) for _ in range(3)), "MiB")
        if J:
            record(f"export {fmt}: peak memory", n, "jrnl", peak_mib(J + ["--format", jfmt]), "MiB")
    # The re-key last: it makes a new key (the cache is refreshed by unlocking again).
    passes = [f"{work}/passphrase", f"{work}/passphrase2"]
    rekeys = []
    for r in range(max(1, min(runs, 3) if n < 100_000 else 1)):
        old, new = passes[r % 2], passes[(r + 1) % 2]
        rekeys.append(run(letters_cmd("passwd", "-q"), extra_env={"LETTERS_PASSPHRASE_FILE": old, "LETTERS_NEW_PASSPHRASE_FILE": new}))
    if len(rekeys) % 2:  # back to the first passphrase for the next size
        run(letters_cmd("passwd", "-q"), extra_env={"LETTERS_PASSPHRASE_FILE": passes[1], "LETTERS_NEW_PASSPHRASE_FILE": passes[0]})
    record("passwd (re-key, --kdf interactive)", n, "letters", statistics.median(rekeys) * 1000)
    subprocess.run(letters_cmd("lock"), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def fmt(value, unit):
    if value is None:
        return "—"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    return f"{value:,.1f}" if value < 1000 else f"{value:,.0f}"


print(f"machine: {os.cpu_count()} cores (nproc {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()}), "
      f"{model}; {started} to {time.strftime('%H:%M UTC', time.gmtime())}; load {load_before:.2f} before, "
      f"{os.getloadavg()[0]:.2f} after")
print(f"whole process, release binary, key cached by `letters unlock`, medians of {args.runs} interleaved runs "
      f"(ms unless MiB; peak memory: median of 3, /usr/bin/time -f %M)")
print()
if args.jrnl:
    head = "| command |" + "".join(f" jrnl {n:,} | letters {n:,} | ratio |" for n in sizes)
    print(head)
    print("|---|" + "---:|---:|---:|" * len(sizes))
    for name, unit in rows:
        cells = []
        for n in sizes:
            v = results.get((name, n), {})
            j, l = v.get("jrnl"), v.get("letters")
            ratio = (f"{j / l:,.0f}×" if unit == "ms" else f"{j / l:.1f}×") if j and l else "—"
            cells += [fmt(j, unit), fmt(l, unit), ratio]
        print(f"| {name} | " + " | ".join(cells) + " |")
else:
    steps = list(zip(sizes, sizes[1:]))
    print("| command |" + "".join(f" {n:,} |" for n in sizes) + "".join(f" ×{b // a} letters ({a // 1000}k→{b // 1000}k) |" for a, b in steps))
    print("|---|" + "---:|" * (len(sizes) + len(steps)))
    for name, unit in rows:
        values = [results.get((name, n), {}).get("letters") for n in sizes]
        growth = [f"×{b / a:.1f}" if a and b else "—" for a, b in ((results.get((name, x), {}).get("letters"),
                  results.get((name, y), {}).get("letters")) for x, y in steps)]
        print(f"| {name} | " + " | ".join(fmt(v, unit) for v in values + [] ) + "".join(f" | {g}" for g in growth) + " |")
