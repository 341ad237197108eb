// Prints, as JSON lines, the pages Zensical's own search worker ranks first
// for each query, on an index Zensical wrote: `node
// benchmarks/zensical_rank.mjs WORKER INDEX QUERIES.json`. The worker is the
// file Zensical ships (assets/javascripts/workers/search.*.min.js), run as
// is: it reads messages on self.onmessage and answers with self.postMessage
// ({type: 0, data: index} -> {type: 1}; {type: 2, data: query} -> {type: 3,
// data: {items}}, each item's id its place in index.items). The query is
// what Zensical's bundle sends, with no tag filter. Used by
// benchmarks/zensical.py.
import fs from "node:fs";

const [workerFile, indexFile, queriesFile] = process.argv.slice(2);
let answer;
globalThis.self = { postMessage: (message) => answer(message) };
new Function(fs.readFileSync(workerFile, "utf8"))();
const ask = (message) => new Promise((resolve) => {
  answer = resolve;
  self.onmessage({ data: message });
});

const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
const ready = await ask({ type: 0, data: index });
if (ready.type !== 1) throw new Error(`Zensical's worker did not get ready: ${JSON.stringify(ready)}`);
// A new object each time, as the bundle sends: the worker keeps what it is given.
const filter = () => ({
  input: { type: "operator", data: { operator: "and", operands: [] } },
  aggregation: { input: [{ type: "term", data: { field: "tags" } }] },
});
for (const query of JSON.parse(fs.readFileSync(queriesFile, "utf8"))) {
  const reply = await ask({ type: 2, data: { input: query, filter: filter() } });
  if (reply.type !== 3) throw new Error(`Zensical's worker failed on ${JSON.stringify(query)}`);
  // Sections in the worker's order; a page counts at its first section.
  const pages = [...new Set(reply.data.items.map((item) => index.items[item.id].location.split("#")[0]))];
  console.log(JSON.stringify({ query, pages: pages.slice(0, 3) }));
}
