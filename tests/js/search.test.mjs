// The search decisions in docs/assets/javascripts/search.js, tested with
// Node's built-in runner against Material's real search worker and the
// built site's index (tests/js/harness.mjs). Fast: no browser.
// Run by `make test` through tests/test_search_js.py.

import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

import { kb, loadIndex, siteDir, startWorker, workerFile, shippedCrisisWords } from "./harness.mjs";

let engine;
before(async () => { engine = await startWorker(); });

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
    assert.equal(engine.counts[word] > 0, true, `${word} is in the index`);
    assert.deepEqual(kb.corrections([typo], engine.counts), { [typo]: word });
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

// ---- 3. Crisis words ----------------------------------------------------------

test("crisis words match whole words and phrases, whatever the punctuation", () => {
  const phrases = shippedCrisisWords();
  for (const query of ["suicide", "Suicidal thoughts", "I want to kill myself.", "want to die", "self-harm",
                       "self harm", "hurting myself", "overdose", "no reason to live", "I am in crisis", "988",
                       "SUICIDE?", "thinking about   ending my life"]) {
    assert.equal(kb.readsLikeCrisis(query, phrases), true, query);
  }
  for (const query of ["harmless", "ketamine dose", "pain killer", "overdosed-ish", "crisp", "die cast",
                       "self", "suicidology", "", "9888"]) {
    assert.equal(kb.readsLikeCrisis(query, phrases), false, query);
  }
});

test("every shipped crisis word matches itself, and the list has the issue's examples", () => {
  const phrases = shippedCrisisWords();
  for (const phrase of phrases) assert.equal(kb.readsLikeCrisis(phrase, phrases), true, phrase);
  for (const example of ["suicide", "kill myself", "want to die", "self-harm", "hurting myself", "overdose",
                         "no reason to live", "in crisis"]) {
    assert.ok(phrases.includes(example), example);
  }
});

// ---- 4. Conversion queries land on booking first -----------------------------

for (const query of ["book a consultation", "how do I book", "make an appointment", "appointment",
                     "schedule a visit", "contact the clinic"]) {
  test(`"${query}" opens /booking/ first`, async () => {
    const { pages } = await engine.search(query);
    assert.equal(pages[0], "booking/", `${query} -> ${pages.slice(0, 3)}`);
  });
}

// ---- 5. Spanish (/es/): its own index, stop words, accents and crisis words -

const spanishDir = () => path.join(siteDir(), "es");

test("the Spanish index carries lunr's Spanish stop words, exactly as Material's lunr.es has them", () => {
  const index = loadIndex(spanishDir());
  assert.deepEqual(index.config.lang, ["es"]);
  const source = fs.readFileSync(path.join(spanishDir(), "assets", "javascripts", "lunr", "min", "lunr.es.min.js"), "utf8");
  const listed = source.match(/generateStopWordFilter\("([^"]*)"\.split\(" "\)\)/)[1].split(" ").filter(Boolean);
  assert.deepEqual(index.config.stop_words, [...new Set(listed)].sort());
  assert.equal(loadIndex().config.stop_words, undefined, "the English index keeps search.js's English list");
});

test("Spanish stop words are dropped before the prefix wildcard", () => {
  const { config } = loadIndex(spanishDir());
  const separator = new RegExp(config.separator);
  assert.equal(kb.queryToSend("dolor de espalda", separator, config.stop_words), "dolor espalda");
  assert.equal(kb.queryToSend("¿es adictiva la ketamina?", separator, config.stop_words), "adictiva ketamina?");
  assert.equal(kb.queryToSend("de la", separator, config.stop_words), "de la", "only stop words: as typed");
});

test("a missing accent costs no edit, so short words are corrected too", () => {
  assert.equal(kb.fold("Crónica DEPRESIÓN niño"), "cronica depresion nino");
  const counts = { "crónica": 2, "cronograma": 1, "depresión": 9, "depresiva": 1 };
  assert.equal(kb.nearestWord("cronica", counts, 1), "crónica");
  assert.equal(kb.nearestWord("depresion", counts, 2), "depresión");
  assert.equal(kb.nearestWord("crónica", counts, 1), null, "a word the site uses is not corrected");
});

test("Spanish searches without accents find their page", async () => {
  const spanish = await startWorker({ index: loadIndex(spanishDir()) });
  for (const [typed, page] of [["depresion", "mental-health/"], ["fibromialgia cronica", "physical-relief/"],
                               ["adiccion", "safety/"], ["vejiga", "what-to-expect/"]]) {
    const { pages } = await spanish.search(typed);
    assert.equal(pages[0], page, `${typed} -> ${pages.slice(0, 3)}`);
  }
});

test("Spanish crisis words match, with or without accents, and only whole words", () => {
  const phrases = shippedCrisisWords(spanishDir());
  for (const query of ["suicidio", "quiero quitarme la vida", "Me quiero morir.", "autolesion", "autolesión",
                       "pienso en el suicidio", "estoy en crisis", "sobredosis", "no quiero vivir mas"]) {
    assert.equal(kb.readsLikeCrisis(query, phrases), true, query);
  }
  for (const query of ["vida sana", "dolor de espalda", "crisis de ansiedad leve", "suicidología", "dosis"]) {
    assert.equal(kb.readsLikeCrisis(query, phrases), false, query);
  }
  for (const phrase of phrases) assert.equal(kb.readsLikeCrisis(phrase, phrases), true, phrase);
});
