// Material's real search worker, run in Node on a built site's index, with
// our search.js deciding what to send, as the browser does. Used by the
// Node tests (search.test.mjs) and by benchmarks/tags_boost.py (rank.mjs).
//
// KB_SITE_DIR names the built site; pytest sets it (tests/site/test_search_js.py).

import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const kb = require("../../docs/assets/javascripts/search.js");
export const kc = require("../../docs/assets/javascripts/crisis.js");

export function siteDir() {
  const dir = process.env.KB_SITE_DIR;
  if (!dir) throw new Error("KB_SITE_DIR is not set: run these through `make test` (tests/site/test_search_js.py)");
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

// The crisis words and help as an edition ships them (search/crisis.json,
// kbsite/postbuild/crisis_data.py).
export function shippedCrisis(dir = siteDir()) {
  const file = path.join(dir, "search", "crisis.json");
  if (!fs.existsSync(file)) throw new Error(`${file}: missing (the post-build step crisis_data writes it)`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

// Every edition's folder with its language (crisis.json's page): the
// site's own at the root, each other one in its folder.
export function editions(dir = siteDir()) {
  return [dir, ...fs.readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, "search", "crisis.json")) && d !== "search")
    .map((d) => path.join(dir, d))].map((folder) => [shippedCrisis(folder).page, folder]);
}

// A YAML set of the tests, as JSON (tests/site/test_search_js.py writes them).
export function querySet(variable) {
  const file = process.env[variable];
  if (!file) throw new Error(`${variable} is not set: run these through \`make test\` (tests/site/test_search_js.py)`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

// Starts Material's worker script in a fresh V8 context, the way a browser
// runs it: a global addEventListener("message") and postMessage, and
// importScripts for the lunr language files it loads for a language
// other than English (paths relative to the worker, as in the browser).
export async function startWorker({ dir = siteDir(), index = loadIndex(dir), crisis = shippedCrisis(dir), suggest = true } = {}) {
  let handler = null;
  const replies = [];
  const context = {
    console: { ...console, warn() {} },   // lunr warns about queries it rejects
    setTimeout, clearTimeout,
    addEventListener: (type, fn) => { if (type === "message") handler = fn; },
    postMessage: (message) => replies.push(message),
    importScripts: (...files) => {
      for (const file of files) vm.runInContext(fs.readFileSync(path.resolve(path.dirname(workerFile(dir)), file), "utf8"), context);
    },
  };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(workerFile(dir), "utf8"), context);
  if (!handler) throw new Error("Material's worker registered no message listener");

  async function send(message) {
    replies.length = 0;
    await handler({ data: message });
    if (replies.length !== 1) throw new Error(`expected one reply to ${JSON.stringify(message).slice(0, 80)}, got ${replies.length}`);
    return JSON.parse(JSON.stringify(replies[0]));   // plain objects of this realm
  }

  const ready = await send({ type: kb.SETUP, data: { config: index.config, docs: index.docs, options: { suggest } } });
  const settings = kb.searchSettings(index.config, index.docs, crisis);
  const { separator, counts } = settings;

  // What the reader sees for what they typed, decided as search.js decides
  // it (kb.decide, kb.retry, kb.tidyResults, kb.bestSectionFirst,
  // kb.shortTexts): the crisis help's languages,
  // the query sent, the retry with corrected words if one is made, and the
  // pages in order.
  async function search(typed) {
    const decision = kb.decide(typed, settings);
    let asked = decision;
    let reply = await send({ type: kb.QUERY, data: decision.query });
    if (decision.crisis) {
      kb.calmResults(reply.data.items, settings.more);
      kb.shortTexts(reply.data.items, settings.clinic);
      const links = reply.data.items.flat().map((d) => d.location);
      return { query: decision.query, reader: decision.reader, added: [], sent: decision.query, help: decision.help,
               corrected: false, crisis: true, pages: links.map((l) => l.split("#")[0]), links, reply };
    }
    const searched = kb.termsAsSearched(reply.data.items);
    kb.tidyResults(reply.data.items, decision.added);
    const again = kb.retry(decision, searched, settings);
    if (again) {
      const second = await send({ type: kb.QUERY, data: again.query });
      kb.tidyResults(second.data.items, again.added);
      if (second.data.items.length) { asked = again; reply = second; }
    }
    kb.bestSectionFirst(reply.data.items);
    kb.shortTexts(reply.data.items, settings.clinic);
    const pages = reply.data.items.map((group) => (group.find((d) => !d.location.includes("#")) || group[0]).location.split("#")[0]);
    const links = reply.data.items.flat().map((d) => d.location);
    return { query: asked.query, reader: asked.reader, added: asked.added, sent: decision.query, help: decision.help,
             corrected: asked !== decision, pages, links, reply };
  }

  return { ready, send, search, separator, counts, index, settings };
}
