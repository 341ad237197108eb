// Crisis help in search: docs/assets/javascripts/crisis.js, its own module,
// tested with Node's runner on each edition's search/crisis.json (what the
// browser loads). Run by `make test` through tests/site/test_search_js.py.
//
//   - the tuned set (tests/crisis_queries.yml): every phrasing shows help on
//     every edition, no ordinary question does;
//   - the kinds of typing it reads back, one case each;
//   - its rules: order, `unless`, ordinary expressions, filler;
//   - which languages the help shows in;
//   - the crisis model: it reads as kbsite/crisis_model.py does (the same
//     probability for every query of the blind sets), and it only adds help;
//   - the blind sets (tests/crisis_blind_*.yml): every set but the newest was measured
//     before anything was fixed on them, then fixed by kinds of language,
//     and are held at 95% here; the newest set is reported, not asserted
//     (benchmarks/crisis.py prints every set).
// Its speed (the target: under 5 ms a query at the 95th percentile) is
// measured by `make bench` (benchmarks/crisis.py), not timed here: a timed
// test fails on a busy machine, and says nothing of a phone.

import { test } from "node:test";
import assert from "node:assert/strict";

import { kc, editions, shippedCrisis, querySet } from "./harness.mjs";

const found = editions();
const [english] = found.map(([, dir]) => shippedCrisis(dir)).filter((d) => d.page === "en");
const matcher = kc.matcher(english);
const fires = (query) => matcher(query).length > 0;
// The rules alone, for the tests of how they read (the model has its own).
const rules = kc.matcher({...english, model: null});
const ruleFires = (query) => rules(query).length > 0;

// ---- What each edition ships ----------------------------------------------------

test("every edition ships every language's lexicon, the help in each site language and its crisis section", () => {
  const codes = found.map(([code]) => code).sort();
  assert.ok(codes.length >= 2, `editions found: ${codes}`);
  for (const [code, dir] of found) {
    const data = shippedCrisis(dir);
    assert.equal(data.page, code);
    for (const lang of codes) assert.ok(data.languages[lang], `${code}: ${lang}'s lexicon`);
    assert.deepEqual(Object.keys(data.help).sort(), codes, `${code}: help in every site language`);
    for (const [lang, html] of Object.entries(data.help)) {
      for (const href of ["tel:988", "tel:911"]) assert.ok(html.includes(`href="${href}"`), `${code}/${lang}: ${href}`);
      assert.match(html, /href="sms:988/, `${code}/${lang}: text 988`);
      assert.ok(html.includes(`lang="${lang}"`) && html.includes(`id="search-crisis-title-${lang}"`), `${code}/${lang}`);
    }
    assert.match(data.help.es, /oprima 2/);
    assert.match(data.help.es, /href="sms:988\?&amp;body=AYUDA"/, "the Spanish text link fills in AYUDA");
    assert.ok(data.simplified.length > 100, `${code}: Simplified forms of the lexicon's characters`);
    assert.equal(data.more.location, "mental-health/#crisis-help");
  }
});

// ---- The tuned set -----------------------------------------------------------------

const tuned = querySet("KB_CRISIS_QUERIES");

test("the tuned set is as large as the issue asks", () => {
  for (const [code] of found) {
    assert.ok((tuned.crisis[code] || []).length >= 60, `${code}: at least 60 crisis phrasings`);
    assert.ok((tuned.ordinary[code] || []).length >= 30, `${code}: at least 30 ordinary questions`);
  }
});

for (const [code, dir] of found) {
  const data = shippedCrisis(dir);
  const match = kc.matcher(data);
  test(`${code} edition: every tuned crisis phrasing shows help, the page's language first; no ordinary question does`, () => {
    const missed = [], fired = [];
    for (const [lang, queries] of Object.entries(tuned.crisis)) {
      for (const query of queries) {
        const matches = match(query);
        const help = kc.helpLanguages(matches, data.page);
        if (!help.length) missed.push(`${lang}: ${query}`);
        else {
          assert.equal(help[0], code, query);
          assert.ok(matches.some((m) => m.lang === lang), `${query}: read as ${lang}, got ${JSON.stringify(matches)}`);
        }
      }
    }
    for (const [lang, queries] of Object.entries(tuned.ordinary)) {
      for (const query of queries) if (match(query).length) fired.push(`${lang}: ${query} ${JSON.stringify(match(query))}`);
    }
    const known = tuned.known_misses || [];
    assert.deepEqual(missed.filter((q) => !known.includes(q.replace(/^[^:]+: /, ""))), [], "no help for these");
    assert.deepEqual(fired, [], "help for an ordinary question");
  });
}

// ---- Normalising: the kinds of typing ----------------------------------------------

test("it reads what was typed, however it was typed", () => {
  const cases = {
    "full-width letters (Chinese input methods)": "ｉ ｗａｎｔ ｔｏ ｄｉｅ",
    "capitals and accents left out": "ME QUIERO MATAR, ya no aguanto mas",
    "curly apostrophes": "I don’t want to live",
    "drawn-out letters": "i want to diiiieeee",
    "drawn-out letters on a Spanish pronoun": "quiero morirmeeeee",
    "words run together": "iwanttodie",
    "words run together, Spanish": "noquierovivir",
    "Simplified characters": "我想结束自己的生命",
    "texting forms": "kms",
    "Filipino texting without vowels": "gsto q n mmatay",
    "numbers for letters": "k1ll mys3lf",
    "a letter hidden with a sign": "su*cide",
    "letters typed apart": "s u i c i d e",
    "dots inside a word": "t.ự t.ử",
    "Vietnamese without tone marks": "toi muon chet",
    "Vietnamese typed in Telex": "tooi muoosn cheest",
    "a Vietnamese teen-code form": "mk mun chet",
    "g dropped (-in for -ing)": "thinkin about killin myself",
    "a 2 for to, between words": "want2die",
    "a sign for a letter in a short word": "t muon tu s@t",
  };
  for (const [kind, query] of Object.entries(cases)) assert.ok(ruleFires(query), `${kind}: ${query}`);
  assert.equal(kc.normalize("ＫＥＴＡＭＩＮＥ"), "ketamine");
  assert.equal(kc.normalize("pleeease"), "please");
});

test("an ordinary expression is read as a query is, in every language", () => {
  // Filipino reads an English word it does not know as texting ("from" as
  // "form"), in a query; the English expression must be read so too, or it
  // sets nothing aside on a Filipino reading.
  const query = "how far is the therapeutic dose from an overdose";
  assert.ok(english.languages.en.ordinary.split("\n").includes("therapeutic dose from an overdose"), "this test's assumption");
  assert.deepEqual(rules(query), [], JSON.stringify(rules(query)));
});

test("a word typed with its tone marks is read with them", () => {
  assert.ok(ruleFires("tự tử"));
  assert.ok(!ruleFires("đặt lịch tư vấn"), "tư vấn is a consultation");
  assert.ok(!ruleFires("tu van mien phi"), "unmarked, it is still read as a consultation");
  assert.ok(ruleFires("thuốc lá dí vào tay"), "lá (leaf, in cigarette) is not là (is), a filler word");
});

test("a word the lexicon has as written is not a misspelling of another, in any language", () => {
  // Vietnamese "khong" (not) is one letter from "chong" (husband, in `everyone`).
  const vi = kc.compileLanguage("vi", english.languages.vi);
  const khong = kc.tokens(kc.normalize("khong"), vi, true)[0];
  const chong = vi.classes.everyone.find((e) => e.core[0].word === "chong");
  assert.ok(chong, "chồng is one of Vietnamese `everyone`");
  assert.ok(!vi.index.matches(khong)[chong.core[0].id], "khong is not read as chong");
  assert.ok(!ruleFires("tac dung phu buon non chong mat sau truyen"), "chóng mặt (dizzy) after an infusion");
  // Simplified characters of an ordinary expression are read as its Traditional ones.
  assert.ok(!ruleFires("氯胺酮会杀死脑细胞吗"), "杀死脑细胞 is 殺死腦細胞, ordinary");
});

test("an ordinary word listed as `spelled` is itself, not a misspelling of a lexicon word", () => {
  // Spanish "quedar" (to stay) is one letter from "quemar" (to burn, in `harm`).
  const es = kc.compileLanguage("es", english.languages.es);
  const quemar = es.classes.harm.find((e) => e.core[0].word === "quemar");
  assert.ok(quemar, "quemar is one of Spanish `harm`");
  const typed = (text) => kc.tokens(kc.normalize(text), es, true)[0];
  assert.ok(es.index.matches(typed("quenar"))[quemar.core[0].id], "a misspelling of quemar is still read as it");
  assert.ok(!es.index.matches(typed("quedar"))[quemar.core[0].id], "quedar, listed as spelled, is not");
  const bare = kc.compileLanguage("es", {...english.languages.es, spelled: ""});
  assert.ok(bare.index.matches(typed("quedar"))[quemar.core[0].id], "without the list, it would be");
  assert.ok(!ruleFires("cuanto me tengo que quedar despues de la infusion"));
});

test("what stops a rule is read as written or in a form of it, in every language", () => {
  // `unless` words of every language stop every language's rules, so they
  // are not read as longer words that start with them, nor as misspellings.
  assert.ok(ruleFires("cual es la forma menos dolorosa de suicidarse"), "Filipino `info` has 'intake form', not 'forma'");
  assert.ok(ruleFires("burnt out nurse having suicidal thoughts every shift"), "`info` has 'ever', not 'every'");
  assert.ok(ruleFires("painless way to die"), "'pain' does not stop `way + death`");
  assert.ok(!ruleFires("hopelessness as a symptom of depression vs burnout"), "'symptoms' is a form of 'symptom'");
  assert.ok(!ruleFires("suicide statistics in california"), "and the words themselves stop it");
});

test("a word another language knows is not cut into this one's words", () => {
  const vi = kc.compileLanguage("vi", english.languages.vi);
  // Filipino "ngayon" (now), which Vietnamese alone would cut into "ngay on".
  assert.ok(kc.cut("ngayon", vi.cuttable), "Vietnamese alone would cut it (ngay on)");
  assert.ok(!ruleFires("bukas o ngayon ba pwede mag book ng ketamine session"));
  assert.ok(!ruleFires("tylenol at advil lng iniinom ko kelangan ko pa bang sabihin sa clinic"));
});

test("words run together are cut only where the language knows the pieces", () => {
  const en = kc.compileLanguage("en", english.languages.en);
  assert.deepEqual(kc.cut("idontwanttolive", en.cuttable), ["i", "dont", "want", "to", "live"]);
  assert.equal(kc.cut("rodilla", en.cuttable), null, "short written forms (r, odd) are not pieces");
  const tokens = kc.tokens(kc.normalize("overdosing"), en, true).map((w) => w.word);
  assert.deepEqual(tokens, ["overdosing"], "a form of a lexicon word is not cut");
});

// ---- The rules -----------------------------------------------------------------------

test("classes combine by rule, close together, each word for one class", () => {
  for (const query of ["i want to die", "wish i was dead", "how many pills would kill me", "i am a burden",
                       "my brother wants to kill himself", "nobody would miss me", "where can i buy a gun",
                       "我只係屋企人嘅負累", "想一覺瞓唔醒", "gusto ko na lang matulog forever", "what dose of my meds would end it"]) {
    assert.ok(ruleFires(query), query);
  }
  for (const query of ["i want to know the price", "how many sessions", "can i die from ketamine",
                       "i want to book before my mother's death anniversary", "will ketamine kill my back pain"]) {
    assert.ok(!ruleFires(query), `${query}: ${JSON.stringify(rules(query))}`);
  }
});

test("`>` keeps an order, `unless` stops a rule, ordinary expressions count for nothing", () => {
  assert.ok(ruleFires("我好想死"));
  assert.ok(!ruleFires("死亡率 想知道"), "死 before 想, and 死亡率 is ordinary");
  assert.ok(!ruleFires("suicide prevention research"), "a question for information");
  assert.ok(ruleFires("suicide"));
  assert.ok(ruleFires("i feel suicidal, what does the research say"), "with I, help shows all the same");
  assert.ok(!ruleFires("this back pain is killing me"), "an ordinary expression, as written");
  assert.ok(!ruleFires("dying to know the price"));
  assert.ok(!ruleFires("el precio me mata"));
  assert.ok(!ruleFires("parang wala nang pag asa sa mga gamot ko sa migraine, option ba ang ketamine"),
            "`unless treatment or ...`: no hope left in a medicine");
  assert.ok(ruleFires("wala nang pag asa"), "no hope left, alone");
  assert.ok(!ruleFires("my brother passed away from an overdose, is addiction in the family a risk"),
            "`unless relative + departed`: someone else's death, both classes found");
  assert.ok(ruleFires("my brother overdosed, what do i do"), "a relative alone does not stop it");
  assert.ok(ruleFires("i overdosed"));
});

test("the help shows in the page's language, then in the language the reader wrote in", () => {
  const help = (query, page) => kc.helpLanguages(matcher(query), page);
  assert.deepEqual(help("no quiero vivir", "en"), ["en", "es"]);
  assert.deepEqual(help("I want to kill myself", "es"), ["es", "en"]);
  assert.deepEqual(help("我想自殺", "en"), ["en", "zh-Hant"]);
  assert.deepEqual(help("suicide", "es"), ["es"], "a word every language has: the page's help alone");
  assert.deepEqual(help("ketamine side effects", "en"), []);
});

// ---- The crisis model ------------------------------------------------------------------

const pythonScores = querySet("KB_MODEL_SCORES");   // kbsite.crisis_model.score, on the committed model

test("every edition ships the committed crisis model", () => {
  for (const [code, dir] of found) {
    const model = shippedCrisis(dir).model;
    assert.deepEqual(model, pythonScores.model, `${code}: search/crisis.json's model is crisis-model.json's`);
  }
});

test("the model gives every query the probability Python gives it", () => {
  const model = kc.modelReader(english.model);
  const queries = Object.keys(pythonScores.scores);
  assert.ok(queries.length >= 500, `${queries.length} queries`);
  for (const query of queries) {
    const p = model(kc.modelWords(query));
    assert.ok(Math.abs(p - pythonScores.scores[query]) < 1e-9, `${query}: ${p} in Node, ${pythonScores.scores[query]} in Python`);
  }
});

test("the model adds help at its threshold and never takes away what a rule found", () => {
  const withBias = (bias) => kc.matcher({...english, model: {...english.model, bias}});
  const always = withBias(50), never = withBias(-50);
  assert.deepEqual(always("ketamine side effects"), [{lang: "en", rule: "model 1.00", own: false}]);
  assert.deepEqual(never("ketamine side effects"), []);
  assert.deepEqual(never("i want to kill myself").map((m) => m.rule), matcher("i want to kill myself")
    .filter((m) => !m.rule.startsWith("model")).map((m) => m.rule), "the rules' findings stay when the model says no");
  assert.deepEqual(kc.helpLanguages(always("ketamine side effects"), "es"), ["es"], "the model's help is in the page's language");
});

// ---- The blind sets --------------------------------------------------------------------

function rate(set, match) {
  const rows = {};
  for (const lang of Object.keys(set.crisis)) {
    const shown = set.crisis[lang].filter((q) => match(q).length).length;
    const falseAlarms = (set.ordinary[lang] || []).filter((q) => match(q).length);
    rows[lang] = { shown, total: set.crisis[lang].length, falseAlarms };
  }
  return rows;
}

const blind = querySet("KB_CRISIS_BLIND");
test("every blind set has at least 60 crisis phrasings and 40 ordinary queries in each language", () => {
  for (const [name, set] of Object.entries(blind)) {
    for (const lang of Object.keys(set.crisis)) {
      assert.ok(set.crisis[lang].length >= 60 && set.ordinary[lang].length >= 40, `${name}/${lang}`);
    }
  }
});

for (const name of Object.keys(blind).sort()) {
  const newest = name === Object.keys(blind).sort().at(-1);
  test(`blind set ${name}: ${newest ? "reported (the newest: nothing is fixed on it)" : "at least 95% in each language, no false alarm"}`, (t) => {
    const rows = rate(blind[name], matcher);
    for (const [lang, row] of Object.entries(rows)) {
      t.diagnostic(`${name}/${lang}: ${row.shown}/${row.total} show help, ${row.falseAlarms.length} false alarms`);
      if (newest) continue;
      assert.ok(row.shown / row.total >= 0.95, `${name}/${lang}: ${row.shown}/${row.total}`);
      assert.deepEqual(row.falseAlarms, [], `${name}/${lang}: false alarms`);
    }
  });
}

// ---- The page's side of the worker ----------------------------------------------

test("a worker that is ready but never answers a reading does not hold the query for good: it reads as failed", async () => {
  const sent = [];
  const Before = globalThis.Worker;
  let terminated = false;
  globalThis.Worker = class {
    constructor() { setTimeout(() => this.onmessage({ data: { type: "ready", data: { page: "en", help: {} } } }), 0); }
    postMessage(message) { sent.push(message); }   // answers no "match"
    terminate() { terminated = true; }
  };
  try {
    const reader = kc.crisisWorker("crisis.js", "search/crisis.json", 50);
    await reader.ready;
    const started = Date.now();
    assert.equal(await reader.match("ketamine"), null, "null: the panel shows help, search searches calm");
    assert.ok(Date.now() - started < 1000);
    assert.deepEqual(sent.map((m) => m.type), ["load", "match"]);
    assert.ok(terminated, "the hung worker is stopped");
    // Later queries are read on the page's thread (here its data cannot load,
    // so none shows help), not sent to the worker to wait again.
    const later = Date.now();
    assert.deepEqual(await reader.match("ketamine price"), []);
    assert.ok(Date.now() - later < 1000);
    assert.deepEqual(sent.map((m) => m.type), ["load", "match"]);
  } finally {
    globalThis.Worker = Before;
  }
});

test("a worker that never says ready is given up: search is not held, and the page's thread reads each query", async () => {
  const sent = [];
  const Before = globalThis.Worker, fetchBefore = globalThis.fetch;
  let terminated = false;
  globalThis.Worker = class {
    postMessage(message) { sent.push(message); }   // loads for ever: no "ready", no "failed", no error
    terminate() { terminated = true; }
  };
  globalThis.fetch = async () => ({ ok: true, json: async () => english });
  try {
    const reader = kc.crisisWorker("crisis.js", "search/crisis.json", 60_000, 50);
    const waiting = reader.match("i want to kill myself");   // typed while it loads
    let settled = false;
    reader.ready.then(() => { settled = true; }, () => { settled = true; });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(settled, false, "the worker is waited for until loadWait");
    const started = Date.now();
    await assert.rejects(reader.ready, "ready fails, so search.js stops holding queries");
    assert.ok(Date.now() - started < 1000);
    assert.ok(terminated, "the hung worker is stopped");
    assert.ok((await waiting).length > 0, "the query typed while it loaded shows help, read on the page's thread");
    assert.ok((await reader.match("i dont want to be here anymore")).length > 0);
    assert.deepEqual(await reader.match("ketamine price"), []);
    assert.equal(reader.data.page, "en", "the help to show comes from the page's own copy");
    assert.deepEqual(sent.map((m) => m.type), ["load"], "nothing more sent to the worker");
  } finally {
    globalThis.Worker = Before;
    globalThis.fetch = fetchBefore;
  }
});

test("a worker given up while the data's fetch stalls: each reading still ends, as failed (help shows)", async () => {
  const Before = globalThis.Worker, fetchBefore = globalThis.fetch;
  globalThis.Worker = class { postMessage() {} terminate() {} };   // loads for ever
  globalThis.fetch = () => new Promise(() => {});   // and so does the page's own fetch
  try {
    const reader = kc.crisisWorker("crisis.js", "search/crisis.json", 50, 50);
    const waiting = reader.match("ketamine");   // typed while it loads
    await assert.rejects(reader.ready);
    const started = Date.now();
    assert.equal(await waiting, null, "null: the panel shows help, search searches calm");
    assert.equal(await reader.match("ketamine price"), null);
    assert.ok(Date.now() - started < 1000);
  } finally {
    globalThis.Worker = Before;
    globalThis.fetch = fetchBefore;
  }
});

test("a worker that fails after it was ready: what it holds reads as failed, and later queries are read on the page's thread", async () => {
  const sent = [];
  const Before = globalThis.Worker;
  let worker = null, terminated = false;
  globalThis.Worker = class {
    constructor() { worker = this; setTimeout(() => this.onmessage({ data: { type: "ready", data: { page: "en", help: {} } } }), 0); }
    postMessage(message) { sent.push(message); }
    terminate() { terminated = true; }
  };
  try {
    const reader = kc.crisisWorker("crisis.js", "search/crisis.json", 60_000);
    await reader.ready;
    const waiting = reader.match("ketamine");
    await new Promise((resolve) => setTimeout(resolve, 0));
    worker.onerror({ message: "the worker crashed" });
    assert.equal(await waiting, null, "null: help shows, search searches calm");
    assert.ok(terminated);
    assert.deepEqual(await reader.match("ketamine price"), [], "read on the page's thread (whose data cannot load here)");
    assert.deepEqual(sent.map((m) => m.type), ["load", "match"], "nothing more sent to the failed worker");
  } finally {
    globalThis.Worker = Before;
  }
});

