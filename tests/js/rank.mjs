// Prints, as JSON lines, the pages search shows for each query, with
// Material's real worker in Node: `node tests/js/rank.mjs queries.json
// [tags-boost]`. KB_SITE_DIR names the built site. Used by
// benchmarks/tags_boost.py to measure the tags weight.
import fs from "node:fs";
import { loadIndex, startWorker } from "./harness.mjs";

const [file, boost] = process.argv.slice(2);
const index = loadIndex();
if (boost) index.config.fields = { ...index.config.fields, tags: { ...(index.config.fields.tags || {}), boost: Number(boost) } };
const engine = await startWorker({ index });
for (const query of JSON.parse(fs.readFileSync(file, "utf8"))) {
  const { pages, query: sent } = await engine.search(query);
  console.log(JSON.stringify({ query, sent, pages: pages.slice(0, 3) }));
}
