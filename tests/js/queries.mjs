// The pages and links search shows for each query of a set, with Material's
// real worker and our search.js in Node, on one edition's built index:
//   node tests/js/queries.mjs <edition folder> <queries.json>
// prints one JSON line per query: {query, pages, links}. The query sets'
// relevance tests read it (tests/site/test_search.py, tests/site/test_search_translations.py);
// the browser checks a sample of the same queries against it.
import fs from "node:fs";
import { startWorker } from "./harness.mjs";

const [dir, file] = process.argv.slice(2);
if (!dir || !file) throw new Error("usage: node tests/js/queries.mjs <edition folder> <queries.json>");
const engine = await startWorker({ dir });
for (const query of JSON.parse(fs.readFileSync(file, "utf8"))) {
  const { pages, links } = await engine.search(query);
  console.log(JSON.stringify({ query, pages, links }));
}
