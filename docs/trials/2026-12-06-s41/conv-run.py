#!/usr/bin/env python3
"""Run a challenge-format TSV (language risk intent category text context) as conversations through `saath serve`:
each row is one person (context messages, then the text), sent in order over POST /v1/messages; the risk and the rule
of each row's last turn are read back from the store. usage: conv-run.py FILE.tsv JAR_DIR [PORT] [-v]"""
import csv, json, os, shutil, sqlite3, subprocess, sys, tempfile, time, urllib.request

ORDER = ["none", "low", "moderate", "high", "imminent"]
args = [a for a in sys.argv[1:] if a != "-v"]
verbose = "-v" in sys.argv
path, jar_dir = args[0], args[1]
port = int(args[2]) if len(args) > 2 else 18531
rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
data = tempfile.mkdtemp(prefix="convrun")
server = subprocess.Popen(["java", "-jar", os.path.join(jar_dir, "target/saath.jar"), "serve", "--port", str(port),
                           "--data", data], cwd=jar_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    token_file = os.path.join(data, "generic-channel.token")
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=1)
            if os.path.exists(token_file):
                break
        except Exception:
            pass
        time.sleep(0.5)
    token = open(token_file).read().strip()
    sent = []
    for i, r in enumerate(rows):
        msgs = [m.strip() for m in r["context"].split(" || ") if m.strip()] + [r["text"]]
        for j, m in enumerate(msgs):
            body = json.dumps({"user": f"conv-{i}", "id": f"m-{i}-{j}", "text": m, "country": "PK" if r["language"]
                               in ("ur", "roman_ur") else ("EG" if r["language"] == "ar" else "PK")}).encode()
            req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/messages", data=body, method="POST",
                                         headers={"Authorization": "Bearer " + token,
                                                  "Content-Type": "application/json"})
            for attempt in range(20):
                try:
                    urllib.request.urlopen(req, timeout=30).read()
                    break
                except urllib.error.HTTPError as e:
                    if e.code == 429:
                        time.sleep(1)
                        continue
                    raise
            sent.append((i, j == len(msgs) - 1))
finally:
    server.terminate()
    server.wait()
db = sqlite3.connect(os.path.join(data, "saath.db"))
turns = db.execute("SELECT risk, rule_id, signals FROM turns ORDER BY created_at, rowid").fetchall()
shutil.rmtree(data)
assert len(turns) == len(sent), (len(turns), len(sent))
last = {i: turns[k] for k, (i, is_last) in enumerate(sent) if is_last}
by = {}
for i, r in enumerate(rows):
    got = last[i][0]
    key = (r["language"], r["risk"])
    by.setdefault(key, []).append(got)
    miss = ORDER.index(r["risk"]) >= 3 and ORDER.index(got) < 3
    false = ORDER.index(r["risk"]) <= 2 and ORDER.index(got) >= 3
    if verbose and (miss or false):
        print(("MISS " if miss else "FALSE") + f" {r['language']:8} {r['risk']:8}->{got:8} {last[i][1]:28} "
              f"[{r['category']}] {r['text'][:70]} || ctx: {r['context'][:90]}")
        print("      " + ";".join(x for x in (last[i][2] or "").split(";") if not x.startswith("classifier"))[:300])
print(f"{'lang':9}{'expected':10} n   read as (none/low/mod/high/imm)   high+")
for key in sorted(by, key=lambda k: (k[0], ORDER.index(k[1]))):
    got = by[key]
    counts = [got.count(o) for o in ORDER]
    print(f"{key[0]:9}{key[1]:10}{len(got):3}  {counts}   {sum(counts[3:])}")
for lang in sorted({k[0] for k in by}) + ["all"]:
    keys = [k for k in by if lang in ("all", k[0])]
    hi = [g for k in keys if ORDER.index(k[1]) >= 3 for g in by[k]]
    lo = [g for k in keys if ORDER.index(k[1]) <= 2 for g in by[k]]
    imm = [g for k in keys if k[1] == "imminent" for g in by[k]]
    print(f"{lang:9} high+ recall {sum(ORDER.index(g) >= 3 for g in hi)}/{len(hi)}  imminent "
          f"{sum(g == 'imminent' for g in imm)}/{len(imm)}  false high+ {sum(ORDER.index(g) >= 3 for g in lo)}/{len(lo)}")
