// Crisis help on the held-out check set (tests/crisis_check_set.yml),
// which nobody tunes on: for each edition's index, how many crisis
// phrasings in each language show the help, and how many ordinary
// questions do (they should not). Also the matcher's time per query.
// Run by benchmarks/crisis.py (make bench), which builds the site.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const kb = require("../docs/assets/javascripts/search.js");
const site = process.env.KB_SITE_DIR;
const check = JSON.parse(fs.readFileSync(process.env.KB_CHECK_SET, "utf8"));

const editions = [["en", site], ...fs.readdirSync(site)
  .filter((d) => d !== "search" && fs.existsSync(path.join(site, d, "search", "search_index.json")))
  .map((d) => [d, path.join(site, d)])];

const rows = [];
let timings = [];
for (const [code, dir] of editions) {
  const config = JSON.parse(fs.readFileSync(path.join(dir, "search", "search_index.json"), "utf8")).config;
  const settings = kb.searchSettings(config);
  for (const kind of ["crisis", "ordinary"]) {
    for (const [lang, queries] of Object.entries(check[kind])) {
      let shown = 0;
      for (const query of queries) {
        const start = process.hrtime.bigint();
        const decision = kb.decide(query, settings);
        timings.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (decision.help.length) shown++;
      }
      rows.push({ edition: code, kind, lang, shown, total: queries.length });
    }
  }
}
timings.sort((a, b) => a - b);
console.log(JSON.stringify({ rows, p95_ms: timings[Math.floor(0.95 * (timings.length - 1))], max_ms: timings.at(-1) }));
