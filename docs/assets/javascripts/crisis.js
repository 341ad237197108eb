// Crisis help in search: does what the reader typed read like someone at
// risk of suicide or self-harm? Then the search panel shows 988 and 911
// first, in the page's language and in the language of the words.
//
// Its own module, with no part of Material in it: the deciding functions
// are pure and tested in Node (tests/js/crisis.test.mjs); the browser part
// at the end reads the search box and fills one element, and starts this
// same file as a worker, which compiles the data and reads each query off
// the page's thread. Its data is
// a file the post-build step writes into each edition
// (kbsite/postbuild/crisis_data.py: search/crisis.json, from
// crisis-words.yml and includes/<folder>/crisis-help.md), so it works the
// same under any generator whose pages carry the search panel's markup.
//
// How a query is read, for each language in the data (every edition checks
// every language: Spanish typed on an English page shows Spanish help):
//   1. normalised: NFKC (full-width ｓｕｉｃｉｄｅ is suicide), lower case,
//      Simplified characters as Traditional ones, accents and tone marks
//      dropped (đ is d), apostrophes dropped, numbers for letters
//      ("su1c1d4"), dots inside a word ("t.ự"), letters typed one by one
//      ("s u i c i d e"), drawn-out letters ("pleeease");
//   2. cut into words; each language's texting forms replaced (`same`:
//      "kms" is "kill myself"); a word run together ("idontwanttolive") cut
//      into the lexicon's words; filler words left out; Chinese, written
//      without spaces, as one word per character;
//   3. the language's `ordinary` expressions ("dying to know", "kill the
//      pain") set aside: their words count for nothing;
//   4. every class of meaning found (self, wish, death, means, amount,
//      burden, hopeless, ...): a class entry matches a word in any of its
//      forms (a light stemmer), or misspelt (one letter from 5 letters,
//      two from 9);
//   5. a rule fires when its classes are all there, at different words,
//      close together (`wish + death`; `>` where the order matters);
//   6. and, beside the rules, the crisis model (crisis.json's `model`,
//      kbsite/crisis_model.py) scores the query's letters and words: at its
//      threshold or above it shows help too, for phrasings no rule foresaw.
//      It only adds help; it never hides what a rule found.
// A query that fires is never corrected or expanded by search (search.js).

(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.kbCrisis = api;
  // Loaded as a worker by start(): it reads the data and the queries there.
  if (typeof WorkerGlobalScope !== "undefined" && root instanceof WorkerGlobalScope) api.serve(root);
})(this, function () {
  "use strict";

  // This file's own address, to start it again as a worker (start()).
  var OWN_URL = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : "";

  // ---- 1. Normalising ---------------------------------------------------------

  var HAN = /\p{sc=Han}/u;
  var HAN_ALL = /\p{sc=Han}/gu;
  // Numbers typed for letters, inside a word that has letters too.
  var LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"};

  // Lower case, composed, with its accents and tone marks: "tự tử".
  function marked(text) {
    return String(text).normalize("NFC").toLowerCase();
  }

  // "Crónica" -> "cronica", "tự tử" -> "tu tu": no accents or tone marks.
  var folded = new Map();   // fold's answers: the lexicon's words come up again and again
  function fold(text) {
    text = String(text);
    var known = folded.get(text);
    if (known !== undefined) return known;
    known = foldNow(text);
    if (folded.size < 20000) folded.set(text, known);
    return known;
  }

  function foldNow(text) {
    return String(text).normalize("NFD").replace(/\p{M}+/gu, "").replace(/đ/g, "d").replace(/Đ/g, "d")
      .toLowerCase();
  }

  // Simplified characters read as the Traditional ones the lexicon uses
  // ("简繁简繁…" pairs, made at build time with OpenCC).
  function traditionalReader(pairs) {
    var map = Object.create(null), chars = Array.from(pairs || "");
    for (var i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
    return function (text) {
      return HAN.test(text) ? Array.from(text).map(function (c) { return map[c] || c; }).join("") : text;
    };
  }

  // The text as the lexicon is written, with its accents and tone marks
  // still on (each word is folded in step 2): see the file's head, step 1.
  function normalize(text, traditional) {
    var t = String(text).normalize("NFKC").toLowerCase();
    if (traditional) t = traditional(t);
    t = t.replace(/['’‘`´ʼ]/g, "").normalize("NFC");
    // "t.ự" and "k.m.s": a dot between two letters joins them.
    t = t.replace(/(\p{L})\.(?=\p{L})/gu, "$1");
    // "s*icide", "k!ll": a letter left out with a sign stands for any letter
    // (_ matches any one in editDistance).
    t = t.replace(/(\p{L})[*#!%•]+(?=\p{L})/gu, "$1_");
    // "want2die": a 2 between words is "to" in texting (English `same`).
    t = t.replace(/(\p{L}{2,})2(?=\p{L}{2,})/gu, "$1 2 ");
    // "su1c1d4rme", "k1ll mys3lf", "tu s@t": numbers for letters, where a word has
    // at least two letters and is not a number ("988", "24h" stay).
    t = t.replace(/[\p{Script=Latin}\d@$]{3,}/gu, function (word) {
      var letters = (word.match(/\p{L}/gu) || []).length;
      if (letters < 2 || letters === word.length || !/^[\p{L}013457@$]+$/u.test(word)) return word;
      // Three characters only with a sign ("s@t" is sát): "1st", "7am" stay.
      if (word.length === 3 && !/[@$]/.test(word)) return word;
      return word.replace(/[013457@$]/g, function (c) { return LEET[c]; });
    });
    // A number from 10 to 999 (a count of pills, a height) is the word
    // "qty", which the lexicon's amounts list; 911 and 988 stay themselves.
    t = t.replace(/(^|[^\p{L}\p{N}_.,])(\d{2,3})(?![\p{N}_]|[.,]\d)/gu, function (all, before, n) {
      return n === "911" || n === "988" ? all : before + "qty";
    });
    // Drawn-out letters: three or more of one letter are one ("pleeease",
    // "morirmeeee"; "killll" is "kil", which meets "kill" with its doubled
    // letters single).
    t = t.replace(/(\p{L})\1{2,}/gu, "$1");
    return t;
  }

  // ---- 2. Words ----------------------------------------------------------------

  // Spanish joins pronouns to infinitives and gerunds: "matarme" is
  // "matar" + "me", as in "me quiero matar".
  var ENCLITIC = /^(.{3,}?(?:ar|er|ir|ando|iendo))(me|te|se|nos|lo|la|le|los|las|les)$/;

  function undouble(w) {
    return /([^aeiouls])\1$/.test(w) ? w.slice(0, -1) : w;
  }

  // Light stemmers: enough that a word's forms meet, not a linguist's stem.
  // Both sides of a comparison go through the same one. A language without
  // one (Chinese, Vietnamese: words do not change form) compares words as
  // they are.
  var STEMMERS = {
    en: function (w) {
      if (w.length <= 3) return w;
      if (/ies$/.test(w)) w = w.length > 4 ? w.slice(0, -3) + "y" : w.slice(0, -1);
      else if (/^.ying$/.test(w)) w = w.slice(0, -4) + "ie";   // dying, lying
      else if (/^.ied$/.test(w)) w = w.slice(0, -1);               // died, lied
      else if (/ing$/.test(w) && w.length > 5) w = undouble(w.slice(0, -3));
      else if (/[^aeiou]in$/.test(w) && w.length > 5) w = undouble(w.slice(0, -2));   // "thinkin", "sittin"
      else if (/ed$/.test(w) && w.length > 3) w = undouble(w.slice(0, -2));
      else if (/ly$/.test(w) && w.length > 5) w = w.slice(0, -2);
      else if (/[^su]s$/.test(w)) w = w.slice(0, -1);
      return w.length > 3 ? w.replace(/e$/, "") : w;
    },
    es: function (w) {
      var m = w.match(/^(.{3,}?)(amente|aciones|acion|iendo|ando|ados|adas|idos|idas|ado|ada|ido|ida|aron|ieron|amos|emos|imos|aba|ian|ias|ia|io|ar|er|ir|as|es|os|an|en|a|e|o|s)$/);
      return m ? m[1] : w;
    },
    // Filipino (Tagalog) makes a verb's aspects from its root with affixes
    // and a doubled first syllable: tapusin and tatapusin (will end) share
    // "tapus"; magbigti, nagbigti and magbibigti "bigti"; tumalon and
    // tatalon "talon". Roughly the root, the same way on both sides: one
    // prefix, the -um-/-in- infix, a doubled syllable, then -in/-an, never
    // below 4 letters. pa-/ka- stay: magpakamatay (to kill oneself) must
    // not meet nakakamatay (deadly).
    fil: function (w) {
      w = w.replace(/-/g, "");
      if (w.length < 5) return w;
      var m = w.match(/^(?:makapag|nakapag|mag|nag|pag|mang|nang|pang|ma|na|i)(.{4,})$/);
      if (m) w = m[1];
      if ((m = w.match(/^([bcdfghklmnprstvwyz])(?:um|in)([aeiou].{2,})$/))) w = m[1] + m[2];
      else if ((m = w.match(/^(?:um|in)([aeiou].{2,})$/))) w = m[1];
      if ((m = w.match(/^([bcdfghklmnprstvwyz]?[aeiou])\1(.{2,})$/))) w = m[1] + m[2];
      if ((m = w.match(/^(.{4,}?)(?:hin|han|in|an)$/))) w = m[1];
      return w;
    }
  };

  // How a language is spelt by ear: Spanish written as it sounds ("kiero
  // bibir", "pastiyas", "sierto") meets its spelling (quiero vivir,
  // pastillas, cierto) in the single form both sides are compared by.
  var SPELLING = {
    es: function (w) {
      return w.replace(/ch/g, "\u0001").replace(/h/g, "").replace(/\u0001/g, "ch").replace(/v/g, "b")
        .replace(/ll/g, "y").replace(/z/g, "s").replace(/c([ei])/g, "s$1").replace(/qu([ei])/g, "k$1")
        .replace(/c([aou])/g, "k$1");
    }
  };

  // A word as the matcher compares it: its form without accents, as typed
  // (marked), its stem, its form with doubled letters single ("kill" and
  // "kil", "diie" and "die"), and whether it is a filler word.
  function word(text, stem, han, filler, spelling) {
    var folded = fold(text);
    var single = (spelling ? spelling(folded) : folded).replace(/(\p{L})\1+/gu, "$1");
    return {word: folded, marked: marked(text), stem: stem(folded), single: single, han: han, filler: filler};
  }

  // Optimal string alignment distance (a swap of two letters is one edit),
  // or max + 1 once it is sure to exceed max.
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows[i] = [i];
      var best = i;
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { rows[0][j] = j; continue; }
        var cost = a[i - 1] === b[j - 1] || a[i - 1] === "_" || b[j - 1] === "_" ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i][j] = d;
        best = Math.min(best, d);
      }
      if (i > 0 && best > max) return max + 1;
    }
    return rows[a.length][b.length];
  }

  // How many letters may be wrong in a lexicon word of this length.
  function typoAllowance(length) {
    return length >= 9 ? 2 : length >= 5 ? 1 : 0;
  }

  // What the words as written decide, before their forms and spellings
  // are weighed: true or false where marks (exact_marks), Chinese or a
  // filler word decide, true for the same word, stem or single form;
  // undefined where sameWord and formOf each go on in their own way.
  function asWritten(q, p) {
    if (p.exactMarks && (q.withMarks || q.marked !== q.word)) return q.marked === p.marked;
    if (q.han || p.han || q.filler || p.filler) return q.word === p.word;
    if (q.word === p.word || q.stem === p.stem || q.single === p.single) return true;
    return undefined;
  }

  // Is query word q a form (or a misspelling) of lexicon word p? In a
  // language whose marks tell words apart (`exact_marks`: Vietnamese tư vấn,
  // a consultation, and tự vẫn, suicide), a word of a query typed with marks
  // is compared with the entry as written; one typed without, without.
  function sameWord(q, p) {
    var written = asWritten(q, p);
    if (written !== undefined) return written;
    // One is the start of the other: "hopelessness" has "hopeless"; and a
    // stemmer that cut deeper on one side ("suicidas" "suic", "suicidio"
    // "suicid") still meets the other.
    if (p.stem.length >= 4 && q.stem.indexOf(p.stem) === 0) return true;
    if (q.stem.length >= 5 && p.stem.length - q.stem.length <= 2 && p.stem.indexOf(q.stem) === 0) return true;
    var allowed = Math.max(typoAllowance(p.word.length), q.word.indexOf("_") >= 0 ? 1 : 0);
    return allowed > 0 && editDistance(q.word, p.word, allowed) <= allowed;
  }

  // ---- A language's words, indexed --------------------------------------------
  //
  // A query word is compared with every word of a lexicon (thousands, in
  // five languages) on every keystroke; compared one by one, that took up
  // to 15 ms a query. So each language keeps its words once, indexed by
  // what sameWord compares: their form, stem and single form, the starts of
  // their stems, and for misspellings their length with their first letter
  // or their last three (a misspelling is looked for among words that share
  // a start or an end with it: "jarto" finds "harto"). Each
  // query word then gets the set of words it matches in one look.

  function Words(exactMarks) {
    this.exactMarks = exactMarks;
    this.list = [];
    this.seen = Object.create(null);
    this.form = Object.create(null);     // word -> ids (every word)
    this.marked = Object.create(null);   // marked form -> ids
    this.stem = Object.create(null);     // stem -> ids (not Chinese, not filler)
    this.single = Object.create(null);   // single form -> ids (likewise)
    this.start = Object.create(null);    // a stem's start, 2 letters short at most -> ids
    this.near = Object.create(null);     // first letter + length -> ids (words of 5 letters or more)
    this.itself = Object.create(null);   // words that are only themselves (a language's `spelled`)
    this.answers = Object.create(null);  // matches(), by the form of word asked about
    this.answerCount = 0;
  }

  function push(map, key, id) {
    (map[key] || (map[key] = [])).push(id);
  }

  // The word's id, adding it once.
  Words.prototype.add = function (w) {
    var key = [w.word, w.marked, w.han, w.filler].join("\u0001");
    if (key in this.seen) return (w.id = this.seen[key]);
    var id = this.list.length;
    this.list.push(w);
    this.seen[key] = w.id = id;
    push(this.form, w.word, id);
    push(this.marked, w.marked, id);
    if (w.han || w.filler) return id;
    push(this.stem, w.stem, id);
    push(this.single, w.single, id);
    for (var k = Math.max(4, w.stem.length - 2); k <= w.stem.length; k++) push(this.start, w.stem.slice(0, k), id);
    if (w.word.length >= 5) {
      push(this.near, w.word.charAt(0) + w.word.length, id);
      push(this.near, w.word.slice(-3) + w.word.length, id);
    }
    return id;
  };

  // {id: true} for the words q matches: sameWord's answer (but for a
  // misspelt first letter, and a `spelled` word, which is only itself and
  // its own forms: not a longer or shorter word sharing its start). Kept
  // for each form of word met: as the reader
  // types, each keystroke reads the words before it again, and their
  // misspellings are the costly part (the answers are never changed).
  Words.prototype.matches = function (q) {
    var key = [q.word, q.stem, q.single, q.marked, q.withMarks ? 1 : 0, q.han ? 1 : 0, q.filler ? 1 : 0].join("\u0001");
    var known = this.answers[key];
    if (known) return known;
    if (this.answerCount++ > 20000) { this.answers = Object.create(null); this.answerCount = 0; }
    return (this.answers[key] = this.lookUp(q));
  };

  Words.prototype.lookUp = function (q) {
    var found = Object.create(null), list = this.list;
    function all(ids, test) {
      (ids || []).forEach(function (id) { if (!test || test(list[id])) found[id] = true; });
    }
    if (this.exactMarks && (q.withMarks || q.marked !== q.word)) { all(this.marked[q.marked]); return found; }
    all(this.form[q.word]);
    if (q.han || q.filler) return found;
    all(this.stem[q.stem]);
    all(this.single[q.single]);
    if (this.itself[q.word]) return found;
    for (var k = 4; k < q.stem.length; k++) {
      all(this.stem[q.stem.slice(0, k)], function (p) { return p.stem.length >= 4; });
    }
    if (q.stem.length >= 5) all(this.start[q.stem]);
    var wild = q.word.indexOf("_") >= 0;
    // A word the lexicon has as written is that word, not a misspelling of
    // another: Vietnamese "khong" (not) is not "chong" (husband).
    if (!wild && this.form[q.word]) return found;
    var typo = function (p) {
      var allowed = Math.max(typoAllowance(p.word.length), wild ? 1 : 0);
      return allowed > 0 && editDistance(q.word, p.word, allowed) <= allowed;
    };
    for (var length = q.word.length - 2; length <= q.word.length + 2; length++) {
      all(this.near[q.word.charAt(0) + length], typo);
      all(this.near[q.word.slice(-3) + length], typo);
    }
    return found;
  };

  // Is this word a form of a lexicon word, or one misspelt (not merely one
  // that starts with one)?
  Words.prototype.knows = function (w) {
    var list = this.list;
    if ((this.stem[w.stem] || []).length || (this.single[w.single] || []).length) return true;
    for (var length = w.word.length - 2; length <= w.word.length + 2; length++) {
      if ((this.near[w.word.charAt(0) + length] || []).concat(this.near[w.word.slice(-3) + length] || []).some(function (id) {
        var p = list[id], allowed = typoAllowance(p.word.length);
        return allowed > 0 && editDistance(w.word, p.word, allowed) <= allowed;
      })) return true;
    }
    return false;
  };

  // Is query word q lexicon word p as written, or a form of it (the same
  // stem, or an ending of two letters at most on a word of five or more:
  // "symptom", "symptoms"; "ever" is not "every"), but
  // not a longer word that starts with it nor a misspelling? What stops a
  // rule is read so, since an `unless` word of any language stops every
  // language's rules: "painless" is not "pain", nor "nag ke ketamine" kệ.
  function formOf(q, p) {
    var written = asWritten(q, p);
    if (written !== undefined) return written;
    var short = q.stem.length < p.stem.length ? q.stem : p.stem, long = short === q.stem ? p.stem : q.stem;
    return short.length >= 5 && long.length - short.length <= 2 && long.indexOf(short) === 0;
  }

  // Does query word q match lexicon word p? With the index, one look;
  // without (a word of no compiled language), sameWord.
  function has(q, p) {
    if (p.id === undefined || !q.ids) return sameWord(q, p);
    return q.ids[p.id] === true;
  }

  // ---- The lexicon, compiled -----------------------------------------------

  // A rule as written, "not + wish > live" or "hopeless unless info or
  // treatment": its classes, for each one whether it must come after the one
  // before it (">"), and what stops it: each `or` a list of classes that
  // stop it when all are found ("unless relative + departed": a brother who
  // died of an overdose, not the reader's own).
  function parseRule(text) {
    var main = String(text).split(/\s+unless\s+/);
    var parts = main[0].trim().split(/\s*([+>])\s*/);
    var classes = [{name: parts[0], after: false}];
    for (var i = 1; i < parts.length; i += 2) classes.push({name: parts[i + 1], after: parts[i] === ">"});
    return {text: String(text), classes: classes, unless: main[1] ? main[1].trim().split(/\s+or\s+/).map(function (all) { return all.split(/\s*\+\s*/); }) : []};
  }

  // Telex, the usual way to type Vietnamese on a keyboard without its
  // layout, when the marks are not turned into letters: "tooi muoosn
  // cheest" is "tôi muốn chết". Its keys out (doubled vowels and dd, w
  // after a vowel, a tone key s f r x j after the vowels), the word as the
  // lexicon folds it ("toi muon chet").
  // Texting without vowels, as Filipino texters write ("mmtay" for mamatay,
  // "skit" for sakit): a word of one vowel at most is the lexicon's word
  // with its consonants, where only one word has them.
  var TYPING = {
    texting: function (w, lang) {
      if (w.length < 3 || (w.match(/[aeiou]/g) || []).length > 1) return null;
      return lang.skeletons[skeleton(w)] || null;
    },
    telex: function (w) {
      var m = w.match(/^([^aeiouyw]*)([aeiouyw]+)([sfrxj]?)([cmnptgh]*)([sfrxj]?)$/);
      if (!m || (m[3] && m[5])) return null;
      var vowels = m[2].replace(/aa/g, "a").replace(/ee/g, "e").replace(/oo/g, "o").replace(/(?!^)w/g, "")
        .replace(/^w/, "u");
      var plain = m[1].replace(/dd/g, "d") + vowels + m[4];
      return plain === w ? null : plain;
    }
  };

  function skeleton(w) {
    return w.replace(/[aeiou]/g, "");
  }

  // One language's data (search/crisis.json, languages.<code>), ready to
  // match: its entries' words as a query's will be, what it knows (for
  // words run together, and for telling the reader's language), and its
  // rules.
  // A list as crisis.json ships it (one string, an entry a line) or as an
  // array.
  function list(value) {
    return typeof value === "string" ? value.split("\n").filter(Boolean) : value || [];
  }

  function compileLanguage(code, data) {
    var stem = STEMMERS[code] || function (w) { return w; };
    var lang = {code: code, stem: stem, same: Object.create(null), filler: Object.create(null),
                known: Object.create(null), classes: Object.create(null), rules: [], ordinary: [],
                exactMarks: data.exact_marks === true, typing: TYPING[data.typing] || null,
                spelling: SPELLING[code] || null, letters: Object.create(null)};
    // Written forms by their folded spelling, and by their marked one too
    // ("mún" for muốn, where marks tell words apart: a word typed with
    // marks is looked up as marked).
    lang.sameMarked = Object.create(null);
    Object.keys(data.same || {}).forEach(function (k) {
      lang.same[fold(normalize(k))] = normalize(data.same[k]);
      lang.sameMarked[marked(normalize(k))] = normalize(data.same[k]);
    });
    // Filler words by their folded form, and where marks tell words apart
    // by their marked form too: Vietnamese "là" (is) is filler, "lá" (a
    // leaf, as in thuốc lá, cigarettes) is not.
    lang.fillerMarked = Object.create(null);
    list(data.filler).forEach(function (w) {
      lang.filler[fold(normalize(w))] = true;
      lang.fillerMarked[marked(normalize(w))] = true;
    });
    // The letters beyond a-z the language writes: its `letters` (Spanish
    // á, ñ, ...), and any its lexicon has (Vietnamese ơ, ư, ạ, ...). A
    // language that lists none reads every query.
    lang.gated = Boolean(data.letters);
    list(data.letters).forEach(function (c) { lang.letters[marked(c)] = true; });
    function letters(text) {
      Array.from(marked(text)).forEach(function (c) { if (/[^\x00-\x7f]/.test(c) && /\p{L}/u.test(c) && !HAN.test(c)) lang.letters[c] = true; });
    }
    Object.keys(data.classes || {}).forEach(function (name) { list(data.classes[name]).forEach(letters); });
    list(data.ordinary).forEach(letters);
    Object.keys(data.same || {}).forEach(function (k) { letters(k); letters(data.same[k]); });
    function know(text) {
      fold(normalize(text)).replace(HAN_ALL, " $& ").split(/[^\p{L}\p{N}]+/u).forEach(function (w) {
        if (w) lang.known[w] = true;
      });
    }
    Object.keys(lang.same).forEach(function (k) { lang.known[k] = true; know(lang.same[k]); });
    Object.keys(lang.filler).forEach(know);
    // Entries' words, for isFiller: read before the entries are made.
    lang.entryWords = Object.create(null);
    Object.keys(data.classes || {}).forEach(function (name) {
      list(data.classes[name]).forEach(function (text) {
        spaced(fold(normalize(text))).forEach(function (w) {
          lang.entryWords[w] = true;
        });
      });
    });
    Object.keys(data.classes || {}).forEach(function (name) {
      lang.classes[name] = list(data.classes[name]).map(function (text) { know(text); return entry(lang, text, false); })
        .filter(function (e) { return e.core.length; });
    });
    list(data.ordinary).forEach(know);
    lang.ordinary = list(data.ordinary).map(function (text) { return entry(lang, text, true); })
      .filter(function (e) { return e.all.length; });
    // Each known word of four letters or more by its consonants, where no
    // other word has the same ones (for TYPING.texting).
    lang.skeletons = Object.create(null);
    Object.keys(lang.known).forEach(function (w) {
      var key = skeleton(w);
      if (w.length < 4 || key.length < 3 || /\p{sc=Han}/u.test(w)) return;
      lang.skeletons[key] = key in lang.skeletons && lang.skeletons[key] !== w ? null : w;
    });
    // The words a run-together word may be cut into: all it knows but the
    // written forms of under four letters ("dont" in "idontwanttolive"
    // counts; "r" and "odd" would cut "rodilla" into "are overdose illa").
    lang.cuttable = Object.create(null);
    Object.keys(lang.known).forEach(function (w) {
      if (w.length >= 4 || lang.same[w] === undefined) lang.cuttable[w] = true;
    });
    lang.rules = (data.rules || []).map(parseRule).filter(function (rule) {
      return rule.classes.every(function (c) { return lang.classes[c.name]; });
    });
    // Every lexicon word, once, indexed (Words).
    lang.index = new Words(lang.exactMarks);
    Object.keys(lang.classes).forEach(function (name) {
      lang.classes[name].forEach(function (e) { e.all.forEach(function (w) { lang.index.add(w); }); });
    });
    // Ordinary words spelled right, in no class: typed, each is itself, not
    // a misspelling of a lexicon word ("quedar", to stay, is not "quemar",
    // to burn) nor a word that shares its start ("seguro", insurance, is
    // not "seguir", to go on).
    list(data.spelled).forEach(function (w) {
      var spelled = word(normalize(w), lang.stem, false, false, lang.spelling);
      lang.index.add(spelled);
      lang.index.itself[spelled.word] = true;
    });
    return lang;
  }

  // An entry's words; filler words in it are optional ("want to die" is
  // "want die"), unless without them one word would be left ("para que
  // seguir" is not "seguir"): then it must be found as written. An ordinary
  // expression is always found as written ("to die for"), and exactly.
  function entry(lang, text, ordinary, asTyped) {
    // The lexicon is lowercase and plain already (kbsite.crisis_words checks
    // it): composed is enough, and much cheaper than normalize over
    // thousands of entries.
    var all = tokens(String(text).normalize("NFC"), lang, asTyped === true);
    all.forEach(function (w) { w.exactMarks = lang.exactMarks; });
    var core = all.filter(function (w) { return !w.filler; });
    // Only filler words ("por que", why): found as written.
    if (!core.length) return {all: all, core: all, strict: true, exact: ordinary};
    return {all: all, core: core, strict: ordinary || (core.length === 1 && all.length > 1), exact: ordinary};
  }

  // "idontwanttolive" -> "i dont want to live": the fewest words this
  // language knows, at most one unknown piece (a name, a typo), and known
  // pieces covering at least two thirds of it. Null if it does not cut.
  function cut(text, known) {
    var n = text.length, best = [{cost: 0, pieces: []}];
    for (var end = 1; end <= n; end++) {
      best[end] = null;
      for (var start = Math.max(0, end - 20); start < end; start++) {
        if (!best[start]) continue;
        var piece = text.slice(start, end), isKnown = known[piece] === true;
        var unknown = best[start].pieces.filter(function (p) { return !p.known; }).length + (isKnown ? 0 : 1);
        var singles = best[start].pieces.filter(function (p) { return p.text.length === 1; }).length +
          (piece.length === 1 ? 1 : 0);
        // At most one unknown piece, of three letters or more, and one
        // piece of a single letter ("i" in "iwannadie"; not "in i i was an").
        if (unknown > 1 || (!isKnown && piece.length < 3) || singles > 1) continue;
        // A piece costs 1, and a little more the shorter it is ("ya no",
        // not "y ano"); an unknown piece costs 10.
        var cost = best[start].cost + (isKnown ? 1 + 1 / piece.length : 10);
        if (!best[end] || cost < best[end].cost) {
          best[end] = {cost: cost, pieces: best[start].pieces.concat([{text: piece, known: isKnown}])};
        }
      }
    }
    var found = best[n];
    // Two pieces at least, one of them a word of four letters or more:
    // "namang" is not "na ma ng".
    if (!found || found.pieces.length < 2 || !found.pieces.some(function (p) { return p.known && p.text.length >= 4; })) {
      return null;
    }
    var knownLetters = found.pieces.reduce(function (sum, p) { return sum + (p.known ? p.text.length : 0); }, 0);
    return knownLetters * 3 >= n * 2 ? found.pieces.map(function (p) { return p.text; }) : null;
  }

  // The words of normalised text, in one language's terms (step 2), filler
  // words marked. Chinese characters are a word each. For a query
  // (`query`), a word the language does not know may be typed in Telex or
  // run together with others.
  function tokens(text, lang, query) {
    var out = [];
    function push(raw) {
      if (!raw) return;
      if (HAN.test(raw)) {
        Array.from(raw).forEach(function (c) {
          out.push(word(c, String, HAN.test(c), lang.filler[c] === true));
        });
        return;
      }
      var key = fold(raw);
      var parts = lang.code === "es" ? (key.match(ENCLITIC) || [null, key]).slice(1) : [key];
      if (parts.length === 1) parts = [raw];   // keep the marks of a word not split
      parts.forEach(function (part) {
        if (part) out.push(word(part, lang.stem, false, isFiller(lang, part), lang.spelling));
      });
    }
    function expand(raw, again) {
      var key = fold(raw);
      // A word typed with its marks is not another's written form ("đầu",
      // head, is not "dau" for "đau", pain) where marks tell words apart.
      var typedWithMarks = lang.exactMarks && marked(raw) !== key;
      var meaning = typedWithMarks ? lang.sameMarked[marked(raw)] : lang.same[key];
      if (meaning !== undefined) {
        spaced(meaning).forEach(function (w) { if (again) expand(w, false); else push(w); });
        return;
      }
      if (query && lang.typing && !lang.known[key]) {
        var typed = lang.typing(key, lang);
        if (typed && lang.known[typed]) { push(typed); return; }
      }
      // A long word this language does not know is cut into its words, unless
      // another language knows it as written: Filipino "kelangan" (kailangan,
      // need) is not Vietnamese "kệ lang an".
      if (query && key.length >= 6 && !lang.known[key] && !knownForm(key, lang) && !(lang.foreign && lang.foreign(key))) {
        var pieces = cut(key, lang.cuttable);
        if (pieces) { pieces.forEach(function (p) { expand(p, false); }); return; }
      }
      push(raw);
    }
    var raws = spaced(text);
    // Where marks tell words apart, a query typed with marks has them where
    // they belong: its "hai" is two, not "hại" (harm).
    var withMarks = query && lang.exactMarks && /[^\x00-\x7f]/.test(fold(text) === text ? "" : text.replace(HAN_ALL, ""));
    // "s u i c i d e": three or more single letters in a row are one word,
    // where the language knows it or can cut it ("d n q" stays Filipino
    // texting: hindi, na, ko).
    if (query) raws = joinLetters(raws, lang);
    raws.forEach(function (raw) { expand(raw, true); });
    if (withMarks) out.forEach(function (w) { if (!w.han) w.withMarks = true; });
    return out;
  }

  // A filler word. Where marks tell words apart, a word typed with marks
  // is filler only as marked ("là", not "lá"), and one typed without marks
  // only if no entry has a word of that spelling ("do" is "đó", that, but
  // also "đồ", things).
  function isFiller(lang, text) {
    if (!lang.exactMarks) return lang.filler[fold(text)] === true;
    if (marked(text) !== fold(text)) return lang.fillerMarked[marked(text)] === true;
    return lang.filler[fold(text)] === true && !(lang.entryWords && lang.entryWords[fold(text)]);
  }

  function joinLetters(raws, lang) {
    var out = [];
    for (var i = 0; i < raws.length;) {
      var j = i;
      while (j < raws.length && /^\p{L}$/u.test(raws[j]) && !HAN.test(raws[j])) j++;
      var joined = fold(raws.slice(i, j).join(""));
      if (j - i >= 3 && (lang.known[joined] || knownForm(joined, lang) || cut(joined, lang.cuttable))) {
        out.push(joined);
        i = j;
      } else {
        out.push(raws[i]);
        i++;
      }
    }
    return out;
  }

  // Text as words: letters and numbers, each Chinese character apart.
  function spaced(text) {
    return String(text).replace(/[^\p{L}\p{N}_]+/gu, " ").replace(HAN_ALL, " $& ").trim().split(/\s+/)
      .filter(Boolean);
  }

  // Is this word already a form of a lexicon word ("overdosing"), or one
  // misspelt? Then it is not cut into pieces ("over" "dosing"). Not a word
  // that merely starts with one: "wanttodie" is cut.
  function knownForm(text, lang) {
    return lang.index.knows(word(text, lang.stem, false, false, lang.spelling));
  }

  // ---- 3-5. Classes and rules ------------------------------------------------

  // Where an entry is in the query, none of its words set aside:
  // [{start, end}]. As written: word after word. Otherwise its words in
  // order, with filler words and at most one other word between two of them.
  var NOWHERE = Object.freeze([]);
  function places(entry, words, blocked) {
    // An entry whose first word no query word matches is nowhere: most of
    // the lexicon, for any query (words.anyIds: every id the words match;
    // words.singles: every word's single form, for expressions read as
    // written).
    var first = entry.strict ? entry.all[0] : entry.core[0];
    if (!first || entry.stopper || !words.anyIds) {
      // (a stopper's words are read otherwise: formOf)
    } else if (entry.strict && entry.exact) {
      if (!words.singles[first.single]) return NOWHERE;
    } else if (first.id !== undefined && !words.anyIds[first.id]) {
      return NOWHERE;
    }
    var found = [];
    for (var i = 0; i < words.length; i++) {
      var same = entry.stopper ? formOf : has;
      var end = entry.strict ? written(entry.all, words, blocked, i, entry.exact, same) : inOrder(entry.core, words, blocked, i, same);
      if (end >= 0) found.push({start: i, end: end});
    }
    return found;
  }

  // An ordinary expression is found only as its words are written (with
  // doubled letters single): "killing me" sets aside "this is killing me",
  // not "pills would kill me".
  function written(expected, words, blocked, start, exact, same) {
    if (start + expected.length > words.length) return -1;
    for (var k = 0; k < expected.length; k++) {
      var q = words[start + k], p = expected[k];
      if (blocked[start + k] || !(exact ? q.single === p.single : same(q, p))) return -1;
    }
    return start + expected.length - 1;
  }

  function inOrder(expected, words, blocked, start, same) {
    if (blocked[start] || words[start].filler || !same(words[start], expected[0])) return -1;
    var at = start;
    for (var k = 1; k < expected.length; k++) {
      var others = 0, next = -1;
      for (var j = at + 1; j < words.length && others <= 1; j++) {
        if (blocked[j]) break;
        if (!words[j].filler && same(words[j], expected[k])) { next = j; break; }
        if (!words[j].filler) others++;
      }
      if (next < 0) return -1;
      at = next;
    }
    return at;
  }

  // How far apart a rule's classes may be: 3 words a class, plus 1, not
  // counting each entry's own words beyond its first; a Chinese character
  // counts half a word, a filler word nothing.
  function size(words, start, end) {
    var total = 0;
    for (var i = start; i <= end; i++) total += words[i].filler ? 0 : words[i].han ? 0.5 : 1;
    return total;
  }

  function ruleFires(rule, found, words) {
    var limit = 3 * rule.classes.length + 1;
    return (function choose(k, chosen) {
      if (k === rule.classes.length) return true;
      var spec = rule.classes[k];
      return (found[spec.name] || []).some(function (place) {
        for (var i = 0; i < chosen.length; i++) {
          if (place.start <= chosen[i].end && chosen[i].start <= place.end) return false;   // one word, one class
        }
        if (spec.after && k > 0 && place.start <= chosen[k - 1].end) return false;
        var all = chosen.concat([place]);
        var low = Math.min.apply(null, all.map(function (p) { return p.start; }));
        var high = Math.max.apply(null, all.map(function (p) { return p.end; }));
        var own = all.reduce(function (sum, p) { return sum + Math.max(0, size(words, p.start, p.end) - 1); }, 0);
        if (size(words, low, high) - own > limit) return false;
        return choose(k + 1, all);
      });
    })(0, []);
  }

  // The words of the query that are part of the language's ordinary
  // expressions ("dying to know"): true at each such word's place.
  function ordinaryPlaces(lang, words) {
    words.anyIds = Object.create(null);
    words.singles = Object.create(null);
    words.forEach(function (w) {
      w.ids = lang.index.matches(w);
      for (var id in w.ids) words.anyIds[id] = true;
      words.singles[w.single] = true;
    });
    // In the lexicon's order (an expression set aside first keeps its
    // words from a later one): as comparing every expression did.
    var candidates = [];
    Object.keys(words.singles).forEach(function (single) {
      var starting = lang.masksByFirst[single];
      if (starting) candidates.push.apply(candidates, starting);
    });
    candidates.sort(function (a, b) { return a.order - b.order; });
    var blocked = [];
    candidates.forEach(function (entry) {
      places(entry, words, blocked).forEach(function (p) {
        for (var i = p.start; i <= p.end; i++) blocked[i] = true;
      });
    });
    return blocked;
  }

  // The first rule of this language that fires on these words, or null.
  function firstRule(lang, words, blocked) {
    var found = Object.create(null);
    function classPlaces(name) {
      if (!found[name]) {
        var all = [], entries = lang.classes[name];
        for (var e = 0; e < entries.length; e++) {
          var at = places(entries[e], words, blocked);
          for (var k = 0; k < at.length; k++) all.push(at[k]);
        }
        found[name] = all;
      }
      return found[name];
    }
    for (var r = 0; r < lang.rules.length; r++) {
      var rule = lang.rules[r];
      if (!rule.classes.every(function (c) { return classPlaces(c.name).length; })) continue;
      // `unless`: its classes anywhere in the query, in any language's words
      // ("estudios" stops English "suicide" too), ordinary expressions too.
      if (rule.unless.some(function (all) {
        return all.every(function (name) {
          return (lang.unless[name] || []).some(function (entry) { return places(entry, words, []).length; });
        });
      })) continue;
      if (ruleFires(rule, found, words)) return rule.text;
    }
    return null;
  }

  // ---- The crisis model -------------------------------------------------------
  //
  // A logistic regression over hashed character n-grams and words, trained
  // by kbsite/crisis_model.py (which says why and how); every step here is
  // the same as there, and tests/js/crisis.test.mjs checks the two agree.

  function modelWords(text) {
    var t = String(text).normalize("NFKC").toLowerCase().normalize("NFD")
      .replace(/\p{Mn}/gu, "").replace(/đ/g, "d").replace(/(.)\1{2,}/gu, "$1$1")
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    return t ? t.split(" ") : [];
  }

  // Its features, from the query's words (modelWords).
  function modelFeatures(words, maxN) {
    var found = Object.create(null);
    words.forEach(function (word, i) {
      found["w:" + word] = true;
      if (i) found["b:" + words[i - 1] + " " + word] = true;
      var padded = Array.from(" " + word + " ");
      for (var n = 1; n <= maxN; n++) {
        for (var start = 0; start < Math.max(1, padded.length - n + 1); start++) {
          var piece = padded.slice(start, start + n).join("");
          if (piece.trim()) found[piece] = true;
        }
      }
    });
    return Object.keys(found);
  }

  // FNV-1a over the text's UTF-8 bytes, made here rather than by a
  // TextEncoder (an array for every feature of every keystroke).
  function fnv1a(text) {
    var value = 0x811c9dc5;
    function mix(byte) { value = Math.imul(value ^ byte, 0x01000193) >>> 0; }
    for (var i = 0; i < text.length; i++) {
      var c = text.codePointAt(i);
      if (c > 0xffff) i++;
      if (c < 0x80) {
        mix(c);
      } else if (c < 0x800) {
        mix(0xc0 | c >> 6); mix(0x80 | c & 63);
      } else if (c < 0x10000) {
        mix(0xe0 | c >> 12); mix(0x80 | c >> 6 & 63); mix(0x80 | c & 63);
      } else {
        mix(0xf0 | c >> 18); mix(0x80 | c >> 12 & 63); mix(0x80 | c >> 6 & 63); mix(0x80 | c & 63);
      }
    }
    return value;
  }

  // The model's probability that a query is a crisis one: a function of the
  // query's words (modelWords), or null when the data has no model.
  function modelReader(model) {
    if (!model) return null;
    var raw = atob(model.weights), weights = new Int8Array(raw.length);
    for (var i = 0; i < raw.length; i++) weights[i] = raw.charCodeAt(i);
    var mask = (1 << model.bits) - 1;
    return function (words) {
      var buckets = Object.create(null);
      modelFeatures(words, model.max_n).forEach(function (f) { buckets[(fnv1a(f) & mask) >>> 0] = true; });
      var found = Object.keys(buckets);
      if (!found.length) return 0;
      var sum = found.reduce(function (total, b) { return total + weights[b]; }, 0);
      return 1 / (1 + Math.exp(-(model.bias + sum * model.scale / Math.sqrt(found.length))));
    };
  }


  // The matcher for search/crisis.json's `languages` (and its Simplified
  // pairs): query -> [{lang, rule, own}], one per language that fires, in
  // the data's order. `own`: the query has a word that only this
  // language's lexicon knows ("suicidio", "ako", any Chinese character), so
  // the reader may be reading in it.
  function matcher(data) {
    var traditional = traditionalReader(data && data.simplified);
    var model = modelReader(data && data.model);
    var languages = Object.keys((data && data.languages) || {}).map(function (code) {
      return compileLanguage(code, data.languages[code]);
    });
    // Every language's ordinary expressions, in each language's words: a
    // Spanish "riesgo suicida" is ordinary on every edition, and "suicida"
    // must not fire as English "suicide" there.
    var ordinary = [].concat.apply([], Object.keys(data.languages).map(function (code) {
      return list(data.languages[code].ordinary);
    }));
    // And every language's words of the classes rules name after `unless`.
    var unlessClasses = Object.create(null);
    languages.forEach(function (lang) {
      lang.rules.forEach(function (rule) { rule.unless.forEach(function (all) { all.forEach(function (name) { unlessClasses[name] = true; }); }); });
    });
    languages.forEach(function (lang) {
      lang.foreign = function (key) {
        return languages.some(function (other) { return other !== lang && other.known[key] === true; });
      };
      // Read as a query is read (a word this language does not know may be
      // read as another, in texting: Filipino reads English "from" as
      // "form"), so that an expression written as typed is found as typed.
      lang.masks = ordinary.map(function (text) { return entry(lang, text, true, true); })
        .filter(function (e) { return e.all.length; });
      // Each by its first word as read: a query is compared only with
      // the expressions that start with one of its words (thousands of
      // them, in five languages, on every keystroke).
      lang.masksByFirst = Object.create(null);
      lang.masks.forEach(function (e, order) {
        e.order = order;
        push(lang.masksByFirst, e.all[0].single, e);
      });
      // Stoppers stay as written: they are found as written or in a form
      // of theirs (formOf), never as a misspelling or a texting guess.
      lang.unless = Object.create(null);
      Object.keys(unlessClasses).forEach(function (name) {
        lang.unless[name] = [].concat.apply([], Object.keys(data.languages).map(function (code) {
          return list((data.languages[code].classes || {})[name]);
        })).map(function (text) { var e = entry(lang, text, false); e.stopper = true; return e; })
          .filter(function (e) { return e.core.length; });
        lang.unless[name].forEach(function (e) { e.all.forEach(function (w) { lang.index.add(w); }); });
      });
    });
    return function (query) {
      var text = normalize(query, traditional);
      var typed = spaced(fold(text));
      var matches = [];
      // Letters a language never writes (ô, ư in "tôi muốn" for Spanish or
      // English) say the query is not in it: Vietnamese "mất" is not
      // Spanish "matar".
      var typedLetters = Array.from(text).filter(function (c) {
        return /[^\x00-\x7f]/.test(c) && /\p{L}/u.test(c) && !HAN.test(c) && !/\p{Lm}/u.test(c);
      });
      languages.forEach(function (lang) {
        if (lang.gated && typedLetters.some(function (c) { return !lang.letters[c]; })) return;
        var words = tokens(text, lang, true);
        if (!words.some(function (w) { return !w.filler; })) return;
        var rule = firstRule(lang, words, ordinaryPlaces(lang, words));
        if (rule === null) return;
        var own = typed.some(function (w) {
          return lang.known[w] && languages.every(function (other) { return other === lang || !other.known[w]; });
        });
        matches.push({lang: lang.code, rule: rule, own: own});
      });
      if (model) {
        var probability = model(modelWords(query));
        if (probability >= data.model.threshold) {
          matches.push({lang: data.page, rule: "model " + probability.toFixed(2), own: false});
        }
      }
      return matches;
    };
  }

  // The languages to show help in: the page's first, then each other
  // language that fired and that the reader may be reading in.
  function helpLanguages(matches, page) {
    if (!matches.length) return [];
    var codes = [page];
    matches.forEach(function (m) { if (m.own && codes.indexOf(m.lang) < 0) codes.push(m.lang); });
    return codes;
  }

  // ---- In the browser ---------------------------------------------------------
  //
  // The search panel's markup (partials/search.html): a container for the
  // detected help ([data-search-crisis], whose role=alert child is filled
  // when help shows and emptied when it hides, so screen readers announce
  // it once) above the compact crisis line, which is always there.

  function showHelp(scope, languages, help) {
    var box = scope.querySelector("[data-search-crisis]");
    var doc = scope.ownerDocument || scope;   // a shadow root's (Zensical's dialog) or the page
    if (!box) return;
    var key = languages.join(" ");
    if (box.getAttribute("data-showing") === key) return;
    box.setAttribute("data-showing", key);
    box.hidden = !languages.length;
    var live = box.querySelector("[role=alert]") || box;
    var template = doc.createElement("template");
    template.innerHTML = languages.map(function (code) { return help[code] || ""; }).join("");   // the build's own markup
    live.replaceChildren(template.content);
  }

  // In a worker (this file, started by start()): compiling the lexicons and
  // the model takes about 100 ms, and reading a query about 1 ms, which on
  // the page's own thread would block it (Lighthouse's Total Blocking Time
  // rose from 0 to 222 ms when search got ready in the background). Messages:
  // {type: "load", url} answered by {type: "ready", data: {page, more, help}} or
  // {type: "failed"}; then {type: "match", id, query} by {type: "matches",
  // id, matches}, in order. A query sent before the data is in waits for it.
  var WARM_UP = ["ketamine side effects", "cuanto cuesta la ketamina", "氯胺酮 副作用", "magkano ang ketamine",
                 "tác dụng phụ của ketamine"];

  // search/crisis.json, read.
  function fetchData(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    });
  }

  // What the page needs of the data: the help to show, in each language.
  function shown(data) {
    return {page: data.page, more: data.more, help: data.help};
  }

  function serve(scope) {
    var loaded = null;
    scope.onmessage = function (event) {
      var message = event.data || {};
      if (message.type === "load" && !loaded) {
        loaded = fetchData(message.url).then(function (data) {
          var match = matcher(data);
          // A first reading takes about 50 ms more than the next ones (the
          // engine compiles its code as it runs): read one query of each
          // kind of script before saying ready, so the reader's first
          // keystroke does not wait for it.
          WARM_UP.forEach(function (query) { match(query); });
          scope.postMessage({type: "ready", data: shown(data)});
          return match;
        });
        loaded.catch(function (error) { scope.postMessage({type: "failed", error: String(error)}); });
      } else if (message.type === "match" && loaded) {
        loaded.then(function (match) {
          // A fault of ours reading a query answers null (help shows: nothing
          // here could rule it out), never silence, which would hold its results.
          var matches;
          try { matches = match(message.query); } catch (error) { matches = null; }
          scope.postMessage({type: "matches", id: message.id, matches: matches});
        }, function () {
          scope.postMessage({type: "matches", id: message.id, matches: []});
        });
      }
    };
  }

  // The page's side of that worker: `ready` (settled once the data is in,
  // or failed), `data` ({page, more, help}, or null) and `match(query)`, a
  // promise of the query's matches (none while the data failed to load;
  // null when reading it failed, or when the worker, once ready, has not
  // answered within `answerWait` ms: a reading takes a few ms, and search.js
  // holds a query's results until it is in, so a worker that hangs must not
  // hold them for good; null shows help, the safe side). A worker that fails
  // or hangs is given up: later queries are read on the page's thread, as
  // where no worker may start. That includes a worker that never says ready
  // within `loadWait` ms: search waits on `ready`, so one that hangs while
  // loading would hold every query for good; `ready` then fails (search goes
  // on, before the page's own copy of the data is in) and the page's thread
  // reads each query, each reading again limited to `answerWait` ms (what
  // stalled the worker's fetch may stall the page's too).
  var ANSWER_WAIT = 3000;
  // Loading is the worker's start, a fetch of crisis.json (about 40 KB over
  // the wire) and about 100 ms of compiling: ten seconds is a slow phone
  // network's worth, not a working worker's.
  var LOAD_WAIT = 10000;
  function crisisWorker(scriptUrl, dataUrl, answerWait, loadWait) {
    var wait = answerWait || ANSWER_WAIT;
    var worker;
    try {
      if (!scriptUrl) throw new Error("crisis.js does not know its own address");
      worker = new Worker(scriptUrl);
    } catch (error) {
      return inThread(dataUrl);
    }
    var answers = Object.create(null), next = 0, last = {query: null, matches: null}, fallback = null;
    var loading = null, failLoading = function () {};
    // The page's thread's reading, or null (help shows) if it is not in
    // within `wait` ms.
    function fromFallback(query) {
      return new Promise(function (resolve) {
        var timer = setTimeout(function () { resolve(null); }, wait);
        fallback.match(query).then(function (matches) { clearTimeout(timer); resolve(matches); });
      });
    }
    function giveUp() {
      // What the worker holds reads as failed (help shows), and the page's
      // thread reads from now on.
      if (fallback) return;
      clearTimeout(loading);
      failLoading(new Error("crisis.js's worker was given up"));
      fallback = inThread(dataUrl);
      fallback.ready.then(function () { reader.data = reader.data || fallback.data; }, function () {});
      for (var id in answers) { answers[id](null); delete answers[id]; }
      worker.terminate();
    }
    var reader = {data: null};
    reader.ready = new Promise(function (resolve, reject) {
      failLoading = reject;   // once settled, a promise stays as it is
      worker.onmessage = function (event) {
        var message = event.data || {};
        if (message.type === "ready") { clearTimeout(loading); reader.data = message.data; resolve(); }
        else if (message.type === "failed") { clearTimeout(loading); reject(new Error(message.error)); }
        else if (message.type === "matches" && answers[message.id]) {
          answers[message.id](message.matches);
          delete answers[message.id];
        }
      };
      worker.onerror = function (event) {
        reject(new Error(event.message || "crisis.js did not start as a worker"));
        giveUp();
      };
    });
    worker.postMessage({type: "load", url: dataUrl});
    loading = setTimeout(giveUp, loadWait || LOAD_WAIT);
    reader.match = function (query) {
      // The panel and search ask about each keystroke's query: once is enough.
      if (last.query === query) return last.matches;
      if (fallback) return (last = {query: query, matches: fromFallback(query)}).matches;
      var matches = reader.ready.then(function () {
        return new Promise(function (resolve) {
          if (fallback) return resolve(fromFallback(query));
          var id = next++;
          var timer = setTimeout(function () {
            if (answers[id]) giveUp();
          }, wait);
          answers[id] = function (matches) { clearTimeout(timer); resolve(matches); };
          worker.postMessage({type: "match", id: id, query: query});
        });
      }, function () { return fallback ? fromFallback(query) : []; });
      last = {query: query, matches: matches};
      return matches;
    };
    return reader;
  }

  // The same, on the page's thread, where a worker cannot start (a browser
  // or a policy that refuses it): help must never depend on one.
  function inThread(dataUrl) {
    var match = function () { return []; };
    var reader = {data: null};
    reader.ready = fetchData(dataUrl).then(function (data) {
      match = matcher(data);
      reader.data = shown(data);
    });
    reader.match = function (query) {
      return reader.ready.then(function () {
        try { return match(query); } catch (error) { return null; }
      }, function () { return []; });
    };
    return reader;
  }

  // Starts the crisis worker on search/crisis.json of the edition's root
  // (`root`: Material's __md_scope) and watches the search box: Material's,
  // or `input` in `scope` (Zensical's dialog, startInDialog). Returns the
  // panel: `ready` (settled once the data is in, or failed, which a worker
  // given up does before the page's own copy is in), `match(query)`
  // (a promise of its matches), `page()`, `more()` (the crisis section,
  // crisis.json's `more`) and `show(languages)`; search.js asks it before a
  // query goes to search.
  function start(scope, root, input) {
    var crisis = crisisWorker(OWN_URL, new URL("search/crisis.json", root).href);
    input = input || scope.querySelector("input.md-search__input");
    var typedLast = null;
    function show(languages) {
      showHelp(scope, languages, (crisis.data && crisis.data.help) || {});
    }
    function update() {
      if (!input) return;
      var typed = String(input.value).normalize("NFKC");
      typedLast = typed;
      crisis.match(typed).then(function (matches) {
        // Only the box's latest text decides what shows; a failed reading
        // shows the page's help.
        if (typed !== typedLast || !crisis.data) return;
        show(matches === null ? [crisis.data.page] : helpLanguages(matches, crisis.data.page));
      });
    }
    // Once the data is in, or failed (a worker given up reads on the page's
    // thread): whatever the box already holds is read.
    crisis.ready.then(update, update);
    if (input) input.addEventListener("input", update);
    return {
      ready: crisis.ready,
      match: crisis.match,
      page: function () { return crisis.data ? crisis.data.page : null; },
      more: function () { return crisis.data ? crisis.data.more : null; },
      show: show
    };
  }

  // Zensical, Material's successor, draws its search dialog from its own
  // bundle, in a shadow root of an element it adds to the page, where
  // Material's markup (partials/search.html, with our crisis line) is not.
  // So the page carries the same crisis markup in a <template>
  // (partials/zensical-search.html); once the dialog's search box exists,
  // it is copied above the dialog's results with the site's stylesheet
  // (which a shadow root does not inherit), and start() watches that box.
  // The stylesheet's element rules (input, a) reach Zensical's own dialog
  // too: a canary's dialog, not Zensical's exact look, is what shows.
  // `onPanel(panel)` gets start()'s panel then. False when the page has no
  // template (a Material page).
  function startInDialog(doc, root, onPanel) {
    var template = doc.querySelector("template[data-search-crisis-template]");
    if (!template) return false;
    var done = false, watched = [];
    // The dialog's host is added to the page when Zensical's bundle starts,
    // and the dialog drawn in its shadow root, which a page's observer
    // does not see into: each shadow root is watched too.
    var observer = new MutationObserver(attach);
    function attach() {
      if (done) return;
      for (var i = 0; i < doc.body.children.length; i++) {
        var shadow = doc.body.children[i].shadowRoot;
        if (!shadow) continue;
        if (watched.indexOf(shadow) < 0) {
          watched.push(shadow);
          observer.observe(shadow, {childList: true, subtree: true});
        }
        var input = shadow.querySelector("dialog input");
        var results = shadow.querySelector("dialog [role=status]");
        if (!input || !results) continue;
        done = true;
        observer.disconnect();
        insertStyled(shadow, input, results);
        return;
      }
    }
    // The markup goes in once the stylesheet has loaded (from the cache: a
    // moment), so that the crisis line never shows unstyled, its links a
    // line of small text instead of 44 px targets.
    function insertStyled(shadow, input, results) {
      var links = Array.prototype.map.call(doc.querySelectorAll("link[rel=stylesheet]"), function (link) {
        return link.cloneNode(false);
      });
      var waiting = links.length;
      function insert() {
        results.parentNode.insertBefore(template.content.cloneNode(true), results);
        var panel = start(shadow, root, input);
        if (onPanel) onPanel(panel);
      }
      links.forEach(function (link) {
        link.onload = link.onerror = function () { if (--waiting === 0) insert(); };
        shadow.insertBefore(link, shadow.firstChild);
      });
      if (!waiting) insert();
    }
    observer.observe(doc.body, {childList: true});
    attach();
    return true;
  }

  return {
    normalize: normalize, fold: fold, traditionalReader: traditionalReader, tokens: tokens, cut: cut,
    compileLanguage: compileLanguage, parseRule: parseRule, sameWord: sameWord, editDistance: editDistance,
    STEMMERS: STEMMERS, modelWords: modelWords, modelReader: modelReader, matcher: matcher,
    helpLanguages: helpLanguages, showHelp: showHelp, serve: serve, start: start, startInDialog: startInDialog,
    crisisWorker: crisisWorker
  };
});
