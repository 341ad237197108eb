// The search decisions in docs/assets/javascripts/search.js, tested with
// Node's built-in runner against Material's real search worker and the
// built site's index (tests/js/harness.mjs). Fast: no browser.
// Run by `make test` through tests/site/test_search_js.py.

import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

import { kb, loadIndex, siteDir, startWorker, workerFile, shippedCrisis, editions, querySet } from "./harness.mjs";

let engine;
before(async () => { engine = await startWorker(); });
const spanishDir = () => path.join(siteDir(), "es");

test("an email address typed whole is searched as one thing", () => {
  assert.equal(kb.wholeAddresses("appointments@example.com"), '"appointments@example.com"');
  assert.equal(kb.wholeAddresses("email book@clinic.org please"), 'email "book@clinic.org" please');
  assert.equal(kb.wholeAddresses('"book@clinic.org"'), '"book@clinic.org"', "already quoted");
  assert.equal(kb.wholeAddresses("@ 2 pills"), "@ 2 pills", "no address");
});

// ---- Odd and hostile input (tests/browser/test_search.py HOSTILE) --------------------
// Every one through search.js's decisions and Material's worker, as the
// browser would send it; the browser test types a sample that proves the
// page shows results as text, never as markup.

test("odd and hostile input never breaks search.js or Material's worker", async () => {
  for (const text of querySet("KB_HOSTILE")) {
    if (!text.trim()) continue;
    let outcome;
    try {
      outcome = await engine.search(text);
    } catch (error) {
      assert.fail(`${JSON.stringify(text.slice(0, 40))}: ${error.message}`);
    }
    assert.ok(Array.isArray(outcome.reply.data.items), JSON.stringify(text.slice(0, 40)));
  }
});

// ---- Material's worker protocol, as search.js expects it ------------------

test("the worker answers SETUP with READY and QUERY with RESULT items carrying terms", async () => {
  assert.deepEqual(engine.ready, { type: 1 });
  const reply = await engine.send({ type: kb.QUERY, data: "ketamine" });
  assert.equal(reply.type, kb.RESULT);
  assert.ok(Array.isArray(reply.data.items) && reply.data.items.length > 0);
  for (const group of reply.data.items) {
    assert.ok(Array.isArray(group) && group.length > 0, "items are groups, one per page");
    for (const doc of group) {
      assert.equal(typeof doc.location, "string");
      assert.equal(typeof doc.terms, "object", `${doc.location} has a terms map`);
    }
  }
  const best = reply.data.items[0][0];
  assert.equal(best.terms.ketamine, true, "a matched query word is marked true");
});

test("the worker marks a query word no result matched as false", async () => {
  const reply = await engine.send({ type: kb.QUERY, data: "ketamine zzzzqx" });
  assert.ok(reply.data.items.length === 0 || reply.data.items.flat().every((d) => d.terms.zzzzqx !== true));
});

// ---- 1. Stop words never act as prefixes -----------------------------------

test("our stop words are exactly lunr's English list in Material's worker", () => {
  const source = fs.readFileSync(workerFile(), "utf8");
  const match = source.match(/generateStopWordFilter\((\[[^\]]*\])\)/);
  assert.ok(match, "Material's worker still builds lunr's English stop-word filter");
  assert.deepEqual([...kb.STOP_WORDS].sort(), JSON.parse(match[1]).sort());
});

test("stop words are dropped; a query of only stop words goes as typed; lunr syntax is left alone", () => {
  const sep = engine.separator;
  assert.equal(kb.withoutStopWords("how do I book", sep), "book");
  assert.equal(kb.withoutStopWords("is it addictive?", sep), "addictive?", "kept chunks stay as typed");
  assert.equal(kb.withoutStopWords("non-opioid relief", sep), "non-opioid relief");
  assert.equal(kb.withoutStopWords("I, a patient", sep), "patient");
  assert.equal(kb.withoutStopWords("book a consultation", sep), "book consultation");
  assert.equal(kb.withoutStopWords("who", sep), "who");
  assert.equal(kb.withoutStopWords("can I", sep), "can I");
  assert.equal(kb.withoutStopWords("+pain -back", sep), "+pain -back");
  assert.equal(kb.withoutStopWords('"in a"', sep), '"in a"');
  assert.equal(kb.withoutStopWords("title:dose", sep), "title:dose");
});

test("edit distances in a typed query are capped at 2", () => {
  assert.equal(kb.capEdits("pain~999 dose~1"), "pain~2 dose~1");
  assert.equal(kb.queryToSend("the pain~9", engine.separator), "the pain~2", "lunr syntax: only the cap");
});

// ---- 2. Corrections ------------------------------------------------------------

test("edit distance counts a swap of two letters as one edit", () => {
  assert.equal(kb.editDistance("depresion", "depression", 2), 1);
  assert.equal(kb.editDistance("anxeity", "anxiety", 2), 1);
  assert.equal(kb.editDistance("ketamine", "ketamine", 2), 0);
  assert.equal(kb.editDistance("pain", "dissociation", 2), 3, "more than the cap is cap + 1");
});

test("missed words: long enough, not stop words, matched by no result", () => {
  const sep = engine.separator;
  const items = [{ terms: { ketamine: true, depresion: false } }];
  assert.deepEqual(kb.missedWords("ketamine depresion", items, sep), ["depresion"]);
  assert.deepEqual(kb.missedWords("ketamine", items, sep), []);
  assert.deepEqual(kb.missedWords("teh", [], sep), [], "too short to correct");
  assert.deepEqual(kb.missedWords("depresion~1", [], sep), [], "lunr syntax is the reader's own");
});

for (const [typo, word] of [["depresion", "depression"], ["ketamin", "ketamine"], ["anxeity", "anxiety"],
                             ["fibromyalga", "fibromyalgia"], ["sesion", "session"], ["addictve", "addictive"]]) {
  test(`"${typo}" is corrected to "${word}", a word of the site`, () => {
    assert.equal(engine.settings.corrections[word] > 0, true, `${word} is a word of the site or of its vocabulary`);
    assert.deepEqual(kb.corrections([typo], engine.settings.corrections), { [typo]: word });
  });
}

test("a word with no near neighbour is not corrected", () => {
  assert.deepEqual(kb.corrections(["qqqqqqq"], engine.counts), {});
});

test("a corrected search shows the corrected word, marked matched, so the page highlights it", async () => {
  const result = await engine.search("depresion");
  assert.equal(result.query, "depression");
  assert.equal(result.corrected, true);
  assert.equal(result.pages[0], "mental-health/");
  const first = result.reply.data.items[0][0];
  assert.equal(first.terms.depression, true);
  assert.equal(Object.values(first.terms).includes(false), false, "no Missing line for the corrected word");
});

test("a query that matches needs no correction", async () => {
  const result = await engine.search("ketamine infusion");
  assert.equal(result.corrected, false);
});

// ---- 3. What search does with a crisis query -------------------------------------
// Whether a query reads like crisis is crisis.js's (tests/js/crisis.test.mjs);
// here, what search.js does then, with Material's real worker and each
// edition's index and search/crisis.json.

test("a crisis query goes to search without stop words, never corrected or expanded", async () => {
  const result = await engine.search("i want to end it all");
  assert.deepEqual(result.help, ["en"]);
  assert.equal(result.crisis, true);
  assert.equal(result.corrected, false);
  assert.equal(result.sent, "want end", "stop words out: no 'i' matching a list of references");
  const decision = kb.decide("no quiero vivir", engine.settings);
  assert.deepEqual(decision.added, []);
  assert.equal(decision.mayCorrect, false);
  assert.equal(kb.retry(decision, [], engine.settings), null, "a crisis query is never retried corrected");
});

for (const [code, dir] of editions()) {
  test(`${code}: the results under crisis help are calm, the crisis section first`, async () => {
    const searcher = await startWorker({ dir });
    const { more } = shippedCrisis(dir);
    for (const typed of ["i want to die", "me quiero morir", "gusto ko nang mamatay", "我想死"]) {
      const result = await searcher.search(typed);
      assert.equal(result.crisis, true, typed);
      assert.equal(result.links[0], more.location, `${typed}: first, ${more.title}`);
      const missing = result.reply.data.items.flat().filter((item) => Object.values(item.terms).includes(false));
      assert.deepEqual(missing.map((i) => i.location), [], `${typed}: no "Not on this page"`);
    }
  });
}

test("the crisis section is the edition's own, in its language", () => {
  for (const [code, dir] of editions()) {
    const { more } = shippedCrisis(dir);
    assert.equal(more.location, "mental-health/#crisis-help", code);
    const page = fs.readFileSync(path.join(dir, "mental-health", "index.html"), "utf8");
    assert.match(page, /\bid=["']?crisis-help\b/, `${code}: the section is there`);
    assert.ok(more.title && page.includes(more.title), `${code}: titled as its page (${more.title})`);
  }
});

test("letters of full width, as Chinese input methods type them, find pages", async () => {
  const result = await engine.search("ＫＥＴＡＭＩＮＥ");
  assert.ok(result.pages.length > 0, "full-width letters are ordinary letters");
  assert.equal(result.crisis, undefined);
  assert.equal((await engine.search("ｓｕｉｃｉｄｅ")).crisis, true);
});

test("the issue's three examples: help, and never a correction", async () => {
  const english = await startWorker();
  const spanish = await startWorker({ dir: spanishDir() });
  assert.deepEqual((await english.search("i want to end it all")).help, ["en"]);
  assert.equal((await spanish.search("pensamientos suicidas")).help[0], "es");
  // Spanish on an English page: help in both, and no "quiero vivid".
  const live = await english.search("no quiero vivir");
  assert.deepEqual(live.help, ["en", "es"]);
  assert.equal(live.corrected, false);
  assert.notEqual(kb.retryQuery("quiero vivir", [], english.separator, english.counts), null,
                  "this test's assumption: without the crisis check, search.js would correct it");
  // English on a Spanish page.
  const englishOnSpanish = await spanish.search("I want to kill myself");
  assert.deepEqual(englishOnSpanish.help, ["es", "en"]);
});

// ---- 6. The patients' vocabulary (includes/<code>/search-vocabulary.yml) ------

test("each edition's index carries its own vocabulary", () => {
  const english = loadIndex().config.vocabulary;
  const spanish = loadIndex(spanishDir()).config.vocabulary;
  assert.ok(english.length >= 30 && spanish.length >= 30, `${english.length} and ${spanish.length} entries`);
  assert.ok(english.some(([find, said]) => find.includes("benzodiazepines") && said.split("|").includes("xanax")));
  assert.ok(spanish.some(([find, said]) => find.includes("benzodiazepinas") && said.split("|").includes("rivotril")));
});

test("the vocabulary adds the page words and keeps the reader's: an OR, never a replacement", async () => {
  const { settings } = engine;
  const decision = kb.decide("ketamine with klonopin", settings);
  assert.equal(decision.reader, "ketamine klonopin", "the reader's words stay");
  assert.deepEqual(decision.added.slice(0, 2), ["benzodiazepines", "diazepam"]);
  assert.equal(decision.query, "ketamine klonopin " + decision.added.join(" "));
  // A word the pages use is searched as typed: nothing is added.
  assert.deepEqual(kb.decide("diazepam", settings).added, []);
  assert.deepEqual(kb.decide("ketamine infusion", settings).added, []);
  // lunr syntax is the reader's own.
  assert.deepEqual(kb.decide("+klonopin", settings).added, []);
  // A brand the pages name (What to expect gives Valium beside diazepam) is a page word too.
  assert.deepEqual(kb.decide("valium", settings).added, []);
  // This test's assumption about the index: "klonopin" is on no page, "diazepam" is.
  assert.equal(engine.counts.klonopin, undefined);
  assert.ok(engine.counts.diazepam > 0);
});

test("expansion never pushes an exact match down: every exact query still finds its page first", async () => {
  const queries = JSON.parse(fs.readFileSync(process.env.KB_SEARCH_QUERIES, "utf8")).filter((q) => q.kind === "exact");
  assert.ok(queries.length >= 10);
  const down = [];
  for (const q of queries) {
    const { pages, query } = await engine.search(q.query);
    if (pages[0] !== q.page) down.push(`${q.query} -> ${pages.slice(0, 3)} (sent ${query})`);
  }
  assert.deepEqual(down, []);
});

for (const [typed, page, section] of [
  ["ketamine with valium", "what-to-expect/", "medicines"], ["ritalin and ketamine", "what-to-expect/", "medicines"],
  ["xanax", "what-to-expect/", "medicines"], ["percocet", "what-to-expect/", "medicines"],
  ["electroshock", "mental-health/", null], ["buy it online", "safety/", "at-home-ketamine"],
  ["where are you located", "booking/", null], ["is this sponsored", "about/", null],
]) {
  test(`"${typed}" opens ${page}${section ? "#" + section : ""} first`, async () => {
    const { pages, links } = await engine.search(typed);
    assert.equal(pages[0], page, `${typed} -> ${pages.slice(0, 3)}`);
    if (section) assert.equal(links[0], `${page}#${section}`, `the first result links to the section: ${links.slice(0, 3)}`);
  });
}

// Ranking that answers (the cases), in the query path: no page weights.
const RANKING = {
  en: [["who should not have ketamine", "safety/"], ["is it safe for me", "safety/"], ["who shouldn't take ketamine", "safety/"],
       ["how many treatments", "what-to-expect/"], ["how many sessions", "what-to-expect/"],
       ["how many infusions will I need", "what-to-expect/"], ["who wrote this", "about/"],
       ["who pays for this guide", "about/"], ["does the clinic profit", "about/"], ["who funds this", "about/"]],
  es: [["quién no debe recibir ketamina", "safety/"], ["es segura para mí", "safety/"], ["cuántas sesiones", "what-to-expect/"],
       ["cuántos tratamientos necesito", "what-to-expect/"], ["quién escribió esto", "about/"],
       ["quién paga esta guía", "about/"], ["dónde queda la clínica", "booking/"], ["ketamina con rivotril", "what-to-expect/"]],
};
for (const [code, cases] of Object.entries(RANKING)) {
  test(`${code}: questions of who may have it, how many sessions and who is behind the guide rank their answer first`, async () => {
    const searcher = code === "en" ? engine : await startWorker({ dir: spanishDir() });
    for (const [typed, page] of cases) {
      const { pages, query } = await searcher.search(typed);
      assert.equal(pages[0], page, `${typed} -> ${pages.slice(0, 3)} (sent ${query})`);
    }
  });
}

test("words the vocabulary explained are never corrected ('who pays' is not 'who says')", async () => {
  const result = await engine.search("who pays for this guide");
  assert.equal(result.corrected, false, result.query);
  assert.ok(!result.query.includes("says"), result.query);
  const spanish = await startWorker({ dir: spanishDir() });
  const oir = await spanish.search("oír voces");
  assert.ok(!oir.query.includes("veces"), oir.query);
});

test("a misspelt brand name is corrected to the brand, which the vocabulary expands", async () => {
  const result = await engine.search("klonopn");
  assert.equal(result.reader, "klonopin");
  assert.ok(result.added.includes("benzodiazepines"), result.added);
});

test("results: added words are not reported missing, and a page listed for its sections highlights them", () => {
  const groups = [[{ location: "a/", terms: {} }, { location: "a/#s", terms: { valium: false, diazepam: true } }],
                  [{ location: "b/", terms: { ketamine: true, diazepam: false } }]];
  kb.tidyResults(groups, ["diazepam", "benzodiazepines"]);
  assert.deepEqual(groups[0][0].terms, { diazepam: true }, "the page's link gets ?h=diazepam, not ?h=");
  assert.deepEqual(groups[0][1].terms, { valium: false, diazepam: true }, "the reader's own word may still be missing");
  assert.deepEqual(groups[1][0].terms, { ketamine: true }, "an added word a result lacks is not 'Missing'");
});

test("results: a word typed without its accents is not 'Not on this page' where the result has it with them", () => {
  const groups = [[{ location: "es/booking/#ask", title: "Qué preguntar", text: "<li>¿Cuánto cuesta y mi seguro cubre algo?</li>",
                     terms: { cuanto: false, cuesta: true, sesion: false } }]];
  const searched = kb.termsAsSearched(groups);
  kb.tidyResults(groups, []);
  assert.deepEqual(groups[0][0].terms, { cuanto: true, cuesta: true, sesion: false }, "sesion is not there, with or without accents");
  assert.deepEqual(searched[0].terms, { cuanto: false, cuesta: true, sesion: false }, "what search matched, for a correction");
});

test("a word typed without its accents is still corrected where a result has it with them", async () => {
  const spanish = await startWorker({ dir: spanishDir() });
  const shown = await spanish.search("cronico dolor");   // "dolor" finds results whose text has "crónico"
  assert.equal(shown.reader, "crónico dolor", "corrected, so search ranks by the word as the pages write it");
});

test("results: a page's best-scoring section comes first, so Material shows it with its text", () => {
  const groups = [[{ location: "a/", score: 9 }, { location: "a/#low", score: 2 }, { location: "a/#high", score: 5 }],
                  [{ location: "b/#s", score: 4 }, { location: "b/", score: 3 }],
                  [{ location: "c/", score: 1 }]];
  kb.bestSectionFirst(groups);
  assert.deepEqual(groups[0].map((d) => d.location), ["a/#high", "a/", "a/#low"]);
  assert.ok(groups[0][0].score >= groups[0][1].score, "Material's threshold is the first entry's score");
  assert.deepEqual(groups[1].map((d) => d.location), ["b/#s", "b/"], "a section already first stays");
  assert.deepEqual(groups[2].map((d) => d.location), ["c/"], "a page alone stays");
});

test("results: about two lines of text, from the sentence with the first highlight", () => {
  assert.equal(kb.excerpt("a danger<sup id=\"fnref:1\"><a href=\"#fn:1\">1</a></sup>; who have"), "a danger; who have");
  const long = "<p>One sentence about something else entirely. Ketamine can raise blood pressure, so the team " +
    "checks it before and after each <mark>dose</mark> and " + "keeps watching for a while ".repeat(12) + "</p><ul><li>x</li></ul>";
  const short = kb.excerpt(long);
  assert.ok(short.startsWith("… Ketamine can raise blood pressure"), short);
  assert.ok(short.includes("<mark>dose</mark>"), short);
  assert.ok(short.length <= 250 && short.endsWith(" …"), short.length);
  assert.ok(!/<(?!\/?mark>)/.test(short), "no tag but the highlights");
  const open = kb.excerpt("<mark>word</mark> " + "a ".repeat(115) + "<mark>" + "b".repeat(30) + "</mark> tail");
  assert.equal((open.match(/<mark>/g) || []).length, (open.match(/<\/mark>/g) || []).length, open);
  assert.equal(kb.excerpt("<p></p>"), "");
});

test("results: a Chinese excerpt starts at its sentence, which ends with a full-width mark", () => {
  const text = "<p>" + "這是另一句話，和問題無關。".repeat(3) + "氯胺酮會使<mark>血壓</mark>升高。</p>";
  assert.ok(kb.excerpt(text).startsWith("… 氯胺酮會使<mark>血壓</mark>"), kb.excerpt(text));
});

// ---- Chinese ---------------------------------------------------------------------

test("Chinese: a query is cut into the longest known words, its Simplified characters made Traditional", () => {
  const read = kb.chineseReader("药藥物物医醫", { 藥物: true, 副作用: true, 醫生: true, 副作: true });
  assert.equal(read("药物副作用"), "藥物 副作用");
  assert.equal(read("藥物副作用"), "藥物 副作用");
  assert.equal(read("问医生"), "问 醫生", "an unknown character stands alone");
  assert.equal(read("ketamine 藥物"), "ketamine 藥物", "other words stay as typed");
  assert.equal(read("ketamine"), "ketamine");
});

const chinese = editions().find(([code]) => code.startsWith("zh"));

test("Chinese: Simplified and Traditional queries reach the same pages, on Material's worker with the built index", async () => {
  assert.ok(chinese, "the Traditional Chinese edition is built");
  const engine = await startWorker({ dir: chinese[1] });
  const pairs = [["藥物副作用", "药物副作用"], ["醫生", "医生"], ["開車", "开车"], ["懷孕", "怀孕"],
                 ["憂鬱症", "忧郁症"], ["神經可塑性", "神经可塑性"], ["費用和保險", "费用和保险"]];
  for (const [traditional, simplified] of pairs) {
    const a = await engine.search(traditional), b = await engine.search(simplified);
    assert.ok(a.pages.length > 0, `${traditional}: no result`);
    assert.deepEqual(b.pages, a.pages, `${simplified} finds what ${traditional} finds`);
  }
  // Material's own cut keeps a query's last word (it dropped 副作用 from 藥物副作用).
  const both = await engine.search("藥物副作用");
  const terms = Object.keys(both.reply.data.items[0][0].terms);
  assert.ok(terms.includes("副作用") && terms.includes("藥物"), JSON.stringify(terms));
});

test("results open on the answering section, not on the page's key points", async () => {
  const { reply } = await engine.search("blood pressure");
  for (const group of reply.data.items.filter((g) => g.length > 1)) {
    assert.ok(group[0].location.includes("#"), `${group.map((d) => d.location)}`);
  }
  assert.ok(reply.data.items.some((g) => g.length > 1), "the query finds sections");
  const safety = reply.data.items.flat().find((d) => d.location === "safety/#who-should-not");
  assert.ok(safety && !/\d who have/.test(safety.text), `no footnote numbers in the text: ${safety && safety.text}`);
  for (const item of reply.data.items.flat()) {
    assert.ok(item.text === "" || /^<p class="search-excerpt">[^]*<\/p>$/.test(item.text), item.text);
    assert.ok(item.text.length < 300, `${item.location}: ${item.text.length} characters`);
  }
});

for (const [code, typo, word] of [["en", "fibromyalga", "fibromyalgia"], ["es", "fibromialga", "fibromialgia"]]) {
  test(`${code}: a corrected typo highlights the corrected word on every result link`, async () => {
    const searcher = code === "en" ? engine : await startWorker({ dir: spanishDir() });
    const result = await searcher.search(typo);
    assert.equal(result.reader, word);
    for (const group of result.reply.data.items) {
      for (const item of group) {
        assert.equal(Object.keys(item.terms).filter((t) => item.terms[t]).join(" "), word, `${item.location}: ?h=${word}`);
      }
    }
  });
}

// ---- 7. Robustness (review findings) ---------------------------------------------

test("words that are names of JavaScript's own properties are words like any other", () => {
  const { settings } = engine;
  for (const typed of ["constructor", "Constructor de", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
    const decision = kb.decide(typed, settings);
    assert.equal(decision.help.length, 0, typed);
  }
  assert.equal(kb.decide("kill myself constructor", settings).help[0], "en");
  assert.deepEqual(kb.corrections(["constructor"], settings.corrections), {});
});

test("a long query is decided fast (no exponential search for a phrase's words)", () => {
  const { settings } = engine;
  const typed = "no if i ".repeat(60) + "x ".repeat(15) + "one car ".repeat(60) + "x ".repeat(15) + "die";
  const start = process.hrtime.bigint();
  kb.decide(typed, settings);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms < 200, `${typed.length} characters took ${ms.toFixed(0)} ms`);
});

test("the Spanish vocabulary never adds a Spanish stop word (it would match as a prefix)", () => {
  const settings = kb.searchSettings(loadIndex(spanishDir()).config, loadIndex(spanishDir()).docs, shippedCrisis(spanishDir()));
  for (const typed of ["trd", "quién escribió", "cuántas sesiones", "dónde queda", "comprar en línea"]) {
    const { added } = kb.decide(typed, settings);
    const stop = added.filter((w) => settings.stopWords.includes(w));
    assert.deepEqual(stop, [], `${typed}: ${added}`);
  }
});

test("results: an excerpt from inside the clinic's article starts with its label; ours does not (#32)", () => {
  const clinic = { label: "From Clinic’s promotional article. Clinic provides this treatment and is paid for it.",
                   end: "End of Clinic’s promotional article.", short: "Clinic’s promotional article:" };
  // A section as the post-build step search_labels leaves it in the index
  // (its passage marked, without the long label and the end line).
  const section = "<p>Our note on the evidence comes first.</p>" +
    "<ul data-clinic-article> <li data-clinic-article>Non-Opioid Relief: Ketamine doesn’t carry the risks of " +
    "<mark>dependency</mark>.</li></ul>" +
    "<p data-clinic-article>It works.</p><p>Ketamine can lead to <mark>dependence</mark>.</p>";
  const inside = kb.excerpt(section, clinic);
  assert.ok(inside.startsWith('<span class="search-excerpt__label">Clinic’s promotional article:</span> '), inside);
  // Material returns only the blocks that match: the label's paragraph is not there.
  const alone = "<ul data-clinic-article> <li data-clinic-article>Ketamine doesn’t carry the risks of " +
    "<mark>dependency</mark>.</li></ul>";
  assert.ok(kb.excerpt(alone, clinic).includes("search-excerpt__label"), kb.excerpt(alone, clinic));
  const ours = kb.excerpt(section.replace("<mark>dependency</mark>", "dependency"), clinic);
  assert.ok(!ours.includes("search-excerpt__label") && ours.includes("<mark>dependence</mark>"), ours);
  assert.ok(!kb.excerpt("<p>Our <mark>note</mark>.</p>", clinic).includes("search-excerpt__label"));
  const later = section.replace("<mark>dependency</mark>", "dependency").replace("<mark>dependence</mark>", "x")
    .replace("It works.", "It <mark>works</mark>.");
  assert.ok(kb.excerpt(later, clinic).includes("search-excerpt__label"), kb.excerpt(later, clinic));
  // Without the configuration (another generator's index), no label and no crash.
  assert.ok(!kb.excerpt(section).includes("search-excerpt__label"));
});

// ---- Between Material and its worker (wrapWorker) ----------------------------------

// Material's side, faked: a worker whose messages we record, and a crisis
// panel whose readings we answer by hand, to see what waits for what.
function wiring(doc = { querySelector: () => null }) {
  const posted = [];
  let native = null;
  const worker = {
    postMessage: (message) => posted.push(message),
    addEventListener: (type, fn) => { if (type === "message") native = fn; },
    removeEventListener: () => {},
  };
  const readings = [];
  const shown = [];
  const panel = {
    ready: Promise.resolve(), page: () => "en", more: () => null, show: (languages) => shown.push(languages),
    match: (query) => new Promise((resolve) => readings.push({ query, resolve })),
  };
  kb.wrapWorker(worker, doc, panel);
  const delivered = [];
  worker.addEventListener("message", (event) => delivered.push(event.data));   // Material's listener
  const index = loadIndex(siteDir());
  worker.postMessage({ type: kb.SETUP, data: { config: index.config, docs: index.docs } });
  const result = (items) => native({ data: { type: kb.RESULT, data: { items } } });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { worker, posted, readings, shown, delivered, result, settle };
}

test("a query goes to search at once; its results show once its crisis reading says it is ordinary", async () => {
  const w = wiring();
  await w.settle();   // the panel is ready
  w.worker.postMessage({ type: kb.QUERY, data: "ketamine" });
  const queries = w.posted.filter((m) => m.type === kb.QUERY);
  assert.equal(queries.length, 1, "sent before its reading is in (a message the browser handles after typing)");
  w.result([[{ location: "safety/", title: "Safety", text: "<p>ketamine</p>", score: 1, terms: { ketamine: true } }]]);
  await w.settle();
  assert.equal(w.delivered.length, 0, "its results wait for the reading");
  w.readings[0].resolve([]);
  await w.settle();
  assert.equal(w.delivered.length, 1);
});

test("a query read as crisis drops the results of its ordinary reading and searches the calm query", async () => {
  const w = wiring();
  await w.settle();
  w.worker.postMessage({ type: kb.QUERY, data: "i want to die" });
  w.result([[{ location: "about/", title: "About", text: "<p>i</p>", score: 1, terms: { i: true } }]]);
  w.readings[0].resolve([{ lang: "en", rule: "wish > death", own: true }]);
  await w.settle();
  assert.equal(w.delivered.length, 0, "never the ordinary reading's results");
  const queries = w.posted.filter((m) => m.type === kb.QUERY).map((m) => m.data);
  assert.equal(queries.length, 2, queries);
  assert.ok(!/\bi\b/.test(queries[1]) && /die/.test(queries[1]), `the calm query, stop words dropped: ${queries[1]}`);
  w.result([[{ location: "mental-health/", title: "Mental health", text: "<p>die</p>", score: 1, terms: { die: true } }]]);
  await w.settle();
  assert.equal(w.delivered.length, 1, "the calm query's results show");
});

test("an ordinary reading's results are dropped, not searched again, when a newer query is on its way", async () => {
  const w = wiring();
  await w.settle();
  w.worker.postMessage({ type: kb.QUERY, data: "kill myself" });
  w.worker.postMessage({ type: kb.QUERY, data: "kill myself now" });
  w.result([]);
  w.readings[0].resolve([{ lang: "en", rule: "harm + myself", own: true }]);
  await w.settle();
  assert.equal(w.posted.filter((m) => m.type === kb.QUERY).length, 2, "no calm query for a query already replaced");
  assert.equal(w.delivered.length, 0);
});

test("results the reader has typed past are not drawn; the newest query's are", async () => {
  const w = wiring();
  await w.settle();
  w.worker.postMessage({ type: kb.QUERY, data: "k" });
  w.worker.postMessage({ type: kb.QUERY, data: "ke" });
  w.worker.postMessage({ type: kb.QUERY, data: "ket" });
  const item = (text) => [[{ location: "safety/", title: "Safety", text: `<p>${text}</p>`, score: 1, terms: { [text]: true } }]];
  w.result(item("k"));
  w.result(item("ke"));
  w.readings.forEach((r) => r.resolve([]));
  await w.settle();
  assert.equal(w.delivered.length, 0, "not the results of k and ke, which ket replaces");
  w.result(item("ket"));
  await w.settle();
  assert.equal(w.delivered.length, 1, "the newest query's results show");
  assert.match(JSON.stringify(w.delivered[0]), /ket/);
});

test("a slow reading of a query typed past never searches its correction over the newest query", async () => {
  // Under load the crisis reading of an early keystroke can come after the
  // results of every later one. Its correction must not be searched then:
  // it would be drawn over the newest query's results, with its note.
  const w = wiring();
  await w.settle();
  w.worker.postMessage({ type: kb.QUERY, data: "ketamne" });
  w.worker.postMessage({ type: kb.QUERY, data: "i want to die" });
  w.result([]);   // ketamne: nothing matched
  w.result([[{ location: "about/", title: "About", text: "<p>i</p>", score: 1, terms: { i: true } }]]);
  w.readings[0].resolve([]);
  w.readings[1].resolve([{ lang: "en", rule: "wish > death", own: true }]);
  await w.settle();
  await w.settle();
  const queries = w.posted.filter((m) => m.type === kb.QUERY).map((m) => m.data);
  assert.ok(!queries.some((q) => /ketamine/.test(q)), `no correction of a query typed past: ${queries}`);
  assert.equal(queries.length, 3, `the newest query's calm search follows: ${queries}`);
  assert.ok(/die/.test(queries[2]) && !/\bi\b/.test(queries[2]), queries[2]);
  w.result([[{ location: "mental-health/", title: "Mental health", text: "<p>die</p>", score: 1, terms: { die: true } }]]);
  await w.settle();
  assert.equal(w.delivered.length, 1, "only the calm query's results are drawn");
  assert.match(JSON.stringify(w.delivered[0]), /mental-health/);
});

test("the results are busy while any query is in flight, and not once the last is drawn", async () => {
  const busy = [];
  const result = { setAttribute: (name, value) => busy.push(`${name}=${value}`) };
  const w = wiring({ querySelector: (selector) => (selector === ".md-search-result" ? result : null) });
  await w.settle();
  w.worker.postMessage({ type: kb.QUERY, data: "k" });
  w.worker.postMessage({ type: kb.QUERY, data: "ket" });
  assert.equal(busy.at(-1), "aria-busy=true");
  const item = (text) => [[{ location: "safety/", title: "Safety", text: `<p>${text}</p>`, score: 1, terms: { [text]: true } }]];
  w.result(item("k"));
  w.readings.forEach((r) => r.resolve([]));
  await w.settle();
  assert.equal(busy.at(-1), "aria-busy=true", "ket is still on its way");
  w.result(item("ket"));
  await w.settle();
  await w.settle();
  assert.equal(busy.at(-1), "aria-busy=false");
});

test("a query whose crisis reading failed shows help and is searched calm", async () => {
  const w = wiring();
  await w.settle();
  w.worker.postMessage({ type: kb.QUERY, data: "ketamine pain" });
  w.result([[{ location: "safety/", title: "Safety", text: "<p>pain</p>", score: 1, terms: { pain: true } }]]);
  w.readings[0].resolve(null);
  await w.settle();
  assert.deepEqual(w.shown, [["en"]], "the page's help");
  assert.equal(w.delivered.length, 0, "not the ordinary reading's results");
  assert.equal(w.posted.filter((m) => m.type === kb.QUERY).length, 2, "the calm query searched instead");
});
