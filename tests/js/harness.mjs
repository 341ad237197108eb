// Material's real search worker, run in Node on a built site's index, with
// our search.js deciding what to send, as the browser does. Used by the
// Node tests (search.test.mjs) and by benchmarks/tags_boost.py (rank.mjs).
//
// KB_SITE_DIR names the built site; pytest sets it (tests/test_search_js.py).

import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const kb = require("../../docs/assets/javascripts/search.js");

export function siteDir() {
  const dir = process.env.KB_SITE_DIR;
  if (!dir) throw new Error("KB_SITE_DIR is not set: run these through `make test` (tests/test_search_js.py)");
  return dir;
}

export function workerFile(dir = siteDir()) {
  const folder = path.join(dir, "assets", "javascripts", "workers");
  const name = fs.readdirSync(folder).find((f) => /^search\.[0-9a-f]+\.min\.js$/.test(f));
  if (!name) throw new Error(`no Material search worker in ${folder}`);
  return path.join(folder, name);
}

export function loadIndex(dir = siteDir()) {
  return JSON.parse(fs.readFileSync(path.join(dir, "search", "search_index.json"), "utf8"));
}

// The crisis words as the page ships them (data-search-crisis).
export function shippedCrisisWords(dir = siteDir()) {
  const page = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  const match = page.match(/data-search-crisis='([^']*)'/) || page.match(/data-search-crisis=(\[[^>\s]*\])/);
  if (!match) throw new Error("the home page has no data-search-crisis list");
  return JSON.parse(match[1].replace(/&#34;|&quot;/g, '"'));
}

// Starts Material's worker script in a fresh V8 context, the way a browser
// runs it: a global addEventListener("message") and postMessage, and
// importScripts for the lunr language files it loads for a language
// other than English (paths relative to the worker, as in the browser).
export async function startWorker({ index = loadIndex(), suggest = true } = {}) {
  let handler = null;
  const replies = [];
  const context = {
    console: { ...console, warn() {} },   // lunr warns about queries it rejects
    setTimeout, clearTimeout,
    addEventListener: (type, fn) => { if (type === "message") handler = fn; },
    postMessage: (message) => replies.push(message),
    importScripts: (...files) => {
      for (const file of files) vm.runInContext(fs.readFileSync(path.resolve(path.dirname(workerFile()), file), "utf8"), context);
    },
  };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(workerFile(), "utf8"), context);
  if (!handler) throw new Error("Material's worker registered no message listener");

  async function send(message) {
    replies.length = 0;
    await handler({ data: message });
    if (replies.length !== 1) throw new Error(`expected one reply to ${JSON.stringify(message).slice(0, 80)}, got ${replies.length}`);
    return JSON.parse(JSON.stringify(replies[0]));   // plain objects of this realm
  }

  const ready = await send({ type: kb.SETUP, data: { config: index.config, docs: index.docs, options: { suggest } } });
  const separator = new RegExp(index.config.separator);
  const counts = kb.vocabulary(index.docs, separator);
  const stopWords = index.config.stop_words;   // undefined: English

  // What the reader sees for what they typed: the query sent, the retry
  // with corrected words if search.js makes one, and the pages in order.
  async function search(typed) {
    let query = kb.queryToSend(typed, separator, stopWords);
    let reply = await send({ type: kb.QUERY, data: query });
    const retry = kb.retryQuery(query, reply.data.items.flat(), separator, counts, stopWords);
    if (retry) {
      const second = await send({ type: kb.QUERY, data: retry });
      if (second.data.items.length) { query = retry; reply = second; }
    }
    const pages = reply.data.items.map((group) => (group.find((d) => !d.location.includes("#")) || group[0]).location.split("#")[0]);
    return { query, corrected: query !== kb.queryToSend(typed, separator, stopWords), pages, reply };
  }

  return { ready, send, search, separator, counts, index };
}
