#!/usr/bin/env python3
# usage: score.py FILE.tsv [JAR] : classify each text, print per language/expected the predicted-risk table and the misses
import csv, json, subprocess, sys, collections
f = sys.argv[1]; jar = sys.argv[2] if len(sys.argv) > 2 else '/work/main/target/saath.jar'
rows = list(csv.DictReader(open(f, encoding='utf-8'), delimiter='\t', quoting=csv.QUOTE_NONE))
inp = '\n'.join(r['text'] for r in rows) + '\n'
import os
root = os.path.dirname(os.path.dirname(os.path.abspath(jar)))   # the repository the jar was built in: its models/
out = subprocess.run(['java', '-jar', jar, 'classify'], input=inp, capture_output=True, text=True, cwd=root).stdout.splitlines()
out = [json.loads(l) for l in out if l.startswith('{')]
assert len(out) == len(rows), (len(out), len(rows))
order = ['none', 'low', 'moderate', 'high', 'imminent']
tab = collections.Counter(); bad = []
for r, o in zip(rows, out):
    pred = o.get('risk'); exp = r['expected']
    tab[(r['language'], exp, pred)] += 1
    e, p = order.index(exp), order.index(pred)
    miss = (e >= 3 and p < 3) or (e == 4 and p < 4) or (e <= 2 and p >= 3) or (e <= 1 and p >= 2)
    if miss:
        bad.append((r['language'], r.get('dialect', ''), exp, pred, o.get('intent'), r['text'][:110], ';'.join(s for s in o.get('signals', []) if not s.startswith('classifier'))[:160]))
langs = sorted({r['language'] for r in rows})
for l in langs + ['all']:
    for exp in order:
        c = {p: sum(v for (ll, ee, pp), v in tab.items() if (l == 'all' or ll == l) and ee == exp and pp == p) for p in order}
        n = sum(c.values())
        if n: print(f"{l:9} {exp:9} n={n:3}  " + '  '.join(f"{p[:4]}={c[p]}" for p in order) + f"   high+={(c['high']+c['imminent'])/n:.3f}")
if '-v' in sys.argv:
    for b in bad: print('\t'.join(map(str, b)))
