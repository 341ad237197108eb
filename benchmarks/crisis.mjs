// Crisis help on every query set (tests/crisis_queries.yml, the tuned one;
// tests/crisis_blind_*.yml and tests/crisis_check_set.yml, nobody's to
// tune on): for each set and language, how many crisis phrasings show help
// and how many ordinary questions do (they should not), on the English
// edition's search/crisis.json (every edition carries the same lexicons);
// with the rules alone too (no crisis model), to show what the model adds;
// and the matcher's time: compiling the data once, and each query after
// the first keystrokes. Run by benchmarks/crisis.py (make bench).

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const kc = require("../docs/assets/javascripts/crisis.js");
const site = process.env.KB_SITE_DIR;
const sets = JSON.parse(fs.readFileSync(process.env.KB_CRISIS_SETS, "utf8"));
const data = JSON.parse(fs.readFileSync(path.join(site, "search", "crisis.json"), "utf8"));

const compile = [];
let match;
for (let i = 0; i < 5; i++) {
  const start = process.hrtime.bigint();
  match = kc.matcher(data);
  compile.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const all = Object.values(sets).flatMap((set) => [...Object.values(set.crisis).flat(), ...Object.values(set.ordinary).flat()]);
for (const query of all) match(query);   // warm, as after the first keystrokes
const rulesAlone = kc.matcher({...data, model: null});
const timings = [];
const rows = [];
for (const [name, set] of Object.entries(sets)) {
  for (const kind of ["crisis", "ordinary"]) {
    for (const [lang, queries] of Object.entries(set[kind] || {})) {
      let shown = 0, rulesShown = 0;
      for (const query of queries) {
        if (rulesAlone(query).length) rulesShown++;
        const start = process.hrtime.bigint();
        const matches = match(query);
        timings.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (matches.length) shown++;
      }
      rows.push({ set: name, kind, lang, shown, rulesShown, total: queries.length });
    }
  }
}
timings.sort((a, b) => a - b);
console.log(JSON.stringify({
  rows, queries: timings.length,
  p50_ms: timings[Math.floor(0.5 * (timings.length - 1))], p95_ms: timings[Math.floor(0.95 * (timings.length - 1))],
  max_ms: timings.at(-1), first_compile_ms: compile[0], compile_ms: compile.slice(1).sort((a, b) => a - b)[2],
  bytes: fs.statSync(path.join(site, "search", "crisis.json")).size,
}));
