// Search that answers, loaded only when the reader opens search
// (overrides/partials/lazy-search.html), then handed Material's search
// worker. Everything happens in the browser; nothing is sent anywhere.
//
// Material 9.8 has no hook for this, so we sit between Material and its
// worker and follow its protocol: SETUP = 0, READY = 1, QUERY = 2,
// RESULT = 3 (tests/test_search_protocol.py checks it after an upgrade).
//
//   1. Stop words never act as prefixes. Material adds * to every query
//      word, and lunr skips its stop-word filter for wildcard words, so
//      "a*" matched "addiction". We drop the stop words from the query
//      first: lunr's English list, or the list of the index's language
//      (its config.stop_words, hooks/knowledge_base.py), and an edition's
//      own where lunr has none (config.edition_stop_words: Filipino). A
//      query of nothing but stop words goes as typed.
//   2. Corrections look like corrections. When a word matched nowhere, we
//      look for the nearest word the site uses (within 1 edit, 2 for long
//      words) and search again with it. Material shows those results; we
//      say "Showing results for depression" in a live region, and as the
//      corrected word is a real query word, Material highlights it on the
//      page a result opens (?h=depression), with no "Missing" line. A
//      missing accent is no edit at all: "depresion" finds "depresión".
//   3. Crisis words show crisis help, first, on the raw query. A query
//      that reads like distress in any of the site's languages
//      (crisis-words.yml, shipped in the index's config.crisis) shows 988
//      and 911 above the results, announced, in the page's language and in
//      the language of the words that matched. Such a query goes to search
//      as typed: it is never corrected or rewritten.
//   4. The patients' vocabulary (includes/<code>/search-vocabulary.yml)
//      adds the words our pages use for what the reader typed ("valium":
//      diazepam, benzodiazepines), as alternatives, never in place of the
//      reader's words. Words it explained are never "corrected".
//   5. A typed "word~999" would hang lunr: edit distances are capped at 2.
//   6. Results answer at a glance: a page's best-scoring section comes
//      first, so Material shows it with its text (not the page's key
//      points with the answer under "N more on this page"), and each
//      result's text is about two lines, from the sentence with the first
//      highlighted word.
//
// The deciding functions are pure and tested with Node (tests/js/).

(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.kbSearch = api;
})(this, function () {
  "use strict";

  var SETUP = 0, QUERY = 2, RESULT = 3;
  // A query using lunr's syntax (fields, boosts, fuzziness, presence,
  // wildcards, phrases) is the reader's own: left as typed.
  var OPERATORS = /[~^*:+"]|(^|\s)-/;
  var MAX_EDITS = 2;
  var LONG_WORD = 8;        // from this length a word may have 2 typos
  var SHORTEST_FIXED = 4;   // shorter words are too ambiguous to correct

  // lunr.stopWordFilter's English list, as in Material's search worker.
  var STOP_WORDS = ("a able about across after all almost also am among an and any are as at be because been " +
    "but by can cannot could dear did do does either else ever every for from get got had has have he her " +
    "hers him his how however i if in into is it its just least let like likely may me might most must my " +
    "neither no nor not of off often on only or other our own rather said say says she should since so " +
    "some than that the their them then there these they this tis to too twas us wants was we were what " +
    "when where which while who whom why will with would yet you your").split(" ");

  function words(query, separator) {
    return String(query).toLowerCase().split(separator).filter(Boolean);
  }

  function isStopWord(word, stopWords) {
    return (stopWords || STOP_WORDS).indexOf(word.toLowerCase()) >= 0;
  }

  // "Crónica" -> "cronica": letters without their accents, lowercase.
  function fold(text) {
    return String(text).normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
  }

  // "how do I book" -> "book". Each space-separated chunk stays as typed
  // ("non-opioid", "self-harm") unless its words are all stop words ("a",
  // "I,"). Only stop words: the query as typed.
  function withoutStopWords(query, separator, stopWords) {
    if (OPERATORS.test(query)) return query;
    var kept = String(query).split(/\s+/).filter(function (chunk) {
      return chunk.split(separator).some(function (w) { return w && !isStopWord(w, stopWords); });
    });
    return kept.length ? kept.join(" ") : query;
  }

  function capEdits(query) {
    return String(query).replace(/~(\d+)/g, function (_, n) { return "~" + Math.min(+n, MAX_EDITS); });
  }

  // The query's words that no result matched. Material marks each query
  // word of a result matched (true) or missed (false); with no results at
  // all, every word missed.
  function missedWords(query, items, separator, stopWords) {
    if (OPERATORS.test(query)) return [];
    var matched = {};
    items.forEach(function (item) {
      Object.keys(item.terms || {}).forEach(function (term) { if (item.terms[term]) matched[term] = true; });
    });
    return words(query, separator).filter(function (word) {
      if (word.length < SHORTEST_FIXED || isStopWord(word, stopWords)) return false;
      return !Object.keys(matched).some(function (term) { return term.indexOf(word) === 0 || word.indexOf(term) === 0; });
    });
  }

  // How often each word occurs in the index's titles, text and tags (or,
  // with `textOnly`, in what the pages show: titles and text).
  function vocabulary(docs, separator, textOnly) {
    var counts = Object.create(null);
    docs.forEach(function (doc) {
      var text = [doc.title, doc.text].concat(textOnly ? [] : doc.tags || []).join(" ").replace(/<[^>]*>/g, " ");
      words(text, separator).forEach(function (word) {
        if (/^\p{L}[\p{L}']*$/u.test(word)) counts[word] = (counts[word] || 0) + 1;
      });
    });
    return counts;
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
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i][j] = d;
        best = Math.min(best, d);
      }
      if (i > 0 && best > max) return max + 1;
    }
    return rows[a.length][b.length];
  }

  // The site's word nearest to `word`: fewest edits, then most used, then
  // alphabetical (so the choice never depends on the index's order).
  // Accents are not counted: "cronica" is 0 edits from "crónica".
  function nearestWord(word, counts, maxEdits) {
    var best = null, bestDistance = maxEdits + 1, folded = fold(word);
    Object.keys(counts).forEach(function (candidate) {
      if (candidate === word) return;
      var d = editDistance(folded, fold(candidate), maxEdits);
      if (d > maxEdits) return;
      if (d < bestDistance || (d === bestDistance &&
          (counts[candidate] > counts[best] || (counts[candidate] === counts[best] && candidate < best)))) {
        best = candidate;
        bestDistance = d;
      }
    });
    return best;
  }

  // {typo: correction} for the missed words that have a near word.
  function corrections(missed, counts) {
    var fixes = {};
    missed.forEach(function (word) {
      var fix = nearestWord(word, counts, word.length >= LONG_WORD ? MAX_EDITS : 1);
      if (fix) fixes[word] = fix;
    });
    return fixes;
  }

  function correctedQuery(query, fixes, separator) {
    // Own keys only: "constructor" is a word a reader may type.
    return words(query, separator).map(function (word) {
      return Object.prototype.hasOwnProperty.call(fixes, word) ? fixes[word] : word;
    }).join(" ");
  }

  // What goes to the worker for what the reader typed.
  function queryToSend(typed, separator, stopWords) {
    return capEdits(withoutStopWords(typed, separator, stopWords));
  }

  // The query to search again with when words matched nowhere and the
  // site has a word near each, else null. `counts` is vocabulary(docs).
  function retryQuery(query, items, separator, counts, stopWords) {
    var missed = missedWords(query, items, separator, stopWords);
    if (!missed.length) return null;
    var fixes = corrections(missed, counts);
    return Object.keys(fixes).length ? correctedQuery(query, fixes, separator) : null;
  }

  // ---- Chinese ----------------------------------------------------------------
  //
  // Chinese is written without spaces between words. The build cut the
  // index's Chinese text into words (jieba, in Material's search plugin); a
  // query is cut here the same way, taking at each point the longest word
  // the index or the vocabulary knows, once its Simplified characters are
  // the index's Traditional ones (config.simplified, kbsite/
  // simplified_forms.py): 药物副作用 is searched as 藥物 副作用. Material's
  // worker cuts each run of Chinese characters again, by the index's words,
  // but never ends a word at the run's last character: it searched 藥物副作用
  // as 藥物 alone, and 神經可塑性 as 神經. So it gets the words with spaces
  // between them, and each indexed word with one more character after it,
  // one no page has (MATERIAL_END), which its cut then drops.
  var HAN_RUN = /\p{sc=Han}+/gu;
  var LONGEST_WORD = 8;
  var MATERIAL_END = "\u3400";

  function forMaterial(query, indexed) {
    if (!indexed || !/\p{sc=Han}/u.test(query)) return query;
    return query.replace(HAN_RUN, function (run) {
      return Array.from(run).length > 1 && indexed[run] ? run + MATERIAL_END : run;
    });
  }

  function chineseReader(simplified, words) {
    var traditional = Object.create(null);
    var pairs = Array.from(simplified || "");
    for (var i = 0; i + 1 < pairs.length; i += 2) traditional[pairs[i]] = pairs[i + 1];
    return function (query) {
      if (!/\p{sc=Han}/u.test(query)) return query;
      var converted = Array.from(query).map(function (c) { return traditional[c] || c; }).join("");
      return converted.replace(HAN_RUN, function (run) {
        var chars = Array.from(run), cut = [];
        for (var at = 0; at < chars.length;) {
          var length = Math.min(LONGEST_WORD, chars.length - at);
          while (length > 1 && !words[chars.slice(at, at + length).join("")]) length--;
          cut.push(chars.slice(at, at + length).join(""));
          at += length;
        }
        return " " + cut.join(" ") + " ";
      }).replace(/\s+/g, " ").trim();
    };
  }

  // The Chinese words a query may be cut into: the index's, and the
  // vocabulary's (贊安諾 is no page's word, but a word to find).
  function chineseWords(counts, entries) {
    var words = Object.create(null);
    Object.keys(counts).forEach(function (w) { if (/\p{sc=Han}/u.test(w)) words[w] = true; });
    (entries || []).forEach(function (entry) {
      entry[0].concat(entry[1].split("|")).forEach(function (form) {
        String(form).split(/\s+/).forEach(function (w) { if (/^\p{sc=Han}+$/u.test(w)) words[w] = true; });
      });
    });
    return words;
  }

  // ---- The patients' vocabulary -----------------------------------------------
  //
  // includes/<code>/search-vocabulary.yml, shipped in the index's
  // config.vocabulary as [[page words], "said|said|..."] (overrides/
  // hooks/knowledge_base.py). The reader's words stay; the page words are
  // added as alternatives, never in their place:
  //   - a phrase ("who wrote", "how many sessions") adds its page words
  //     whenever it is in the query: it names an intent;
  //   - a single word ("xanax", "electroshock") adds them only when no page
  //     shows it (in a title or the text), so a query that matches the site
  //     as typed is searched as typed, and its exact matches stay first.

  // " Text like this " for whole-word and phrase tests: folded, apostrophes
  // dropped ("can't" is "cant"), anything else between words a space.
  function spaced(text) {
    return " " + fold(text).replace(/['’`´]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim() + " ";
  }

  function vocabularyExpander(entries, known, stopWords) {
    var rules = (entries || []).map(function (entry) {
      return {
        find: spaced(entry[0].join(" ")).trim().split(" ").filter(Boolean),
        said: entry[1].split("|").map(spaced).filter(function (form) { return form.trim(); })
      };
    });
    // The page words to add for what the reader typed (none for lunr
    // syntax), and the reader's words that the vocabulary explained, which
    // are then never "corrected" ("who pays" is not "who says").
    return function (typed) {
      var found = {added: [], covered: []};
      if (OPERATORS.test(typed)) return found;
      var text = spaced(typed);
      rules.forEach(function (rule) {
        var forms = rule.said.filter(function (form) {
          if (text.indexOf(form) < 0) return false;
          var word = form.trim();
          return word.indexOf(" ") >= 0 || !known(word);
        });
        if (!forms.length) return;
        forms.forEach(function (form) { found.covered = found.covered.concat(form.trim().split(" ")); });
        rule.find.forEach(function (word) {
          if (found.added.indexOf(word) < 0 && text.indexOf(" " + word + " ") < 0 && !isStopWord(word, stopWords)) {
            found.added.push(word);
          }
        });
      });
      return found;
    };
  }

  // The single words of the vocabulary, for corrections: "xanex" becomes
  // "xanax", which the vocabulary then expands.
  function saidWords(entries) {
    var words = Object.create(null);
    (entries || []).forEach(function (entry) {
      entry[1].split("|").forEach(function (form) {
        var word = spaced(form).trim();
        if (word && word.indexOf(" ") < 0 && /^\p{L}+$/u.test(word)) words[word] = 1;
      });
    });
    return words;
  }

  // ---- Crisis help -----------------------------------------------------------
  //
  // Someone in distress does not type the phrases in crisis-words.yml, so a
  // phrase there stands for a kind of wording, not one string. A query reads
  // like crisis when, for any language's list (every edition checks every
  // language), every word of one phrase is in it:
  //   - in any order, with other words between (within a few words);
  //   - in any form: "self-harming" has "harm", "autolesionarme" has
  //     "autolesion" (a light stemmer per language, and the start of a
  //     longer word);
  //   - misspelt: one letter wrong from 5 letters, two from 9 ("sucide");
  //   - whatever the case, accents, apostrophes and contractions ("dont",
  //     "don't" and "do not" are one; each list's `same:` map);
  //   - and a phrase's filler words (its list's `filler:`) are not needed.
  // It decides on the raw query, before anything else, and a query that
  // matches goes to search as typed: never corrected or rewritten.

  // Spanish attaches pronouns to infinitives and gerunds: "matarme" is
  // "matar" + "me", as in "me quiero matar".
  var ENCLITIC = /^(.{3,}?(?:ar|er|ir|ando|iendo))(me|te|se|nos|lo|la|le|los|las|les)$/;

  // Light stemmers: enough that a word's forms meet, not a linguist's stem.
  // Both sides of a comparison go through the same one.
  var STEMMERS = {
    en: function (w) {
      if (w.length <= 3) return w;
      if (/ies$/.test(w)) w = w.length > 4 ? w.slice(0, -3) + "y" : w.slice(0, -1);
      else if (/^.ying$/.test(w)) w = w.slice(0, -4) + "ie";   // dying, lying
      else if (/^.ied$/.test(w)) w = w.slice(0, -1);               // died, lied
      else if (/ing$/.test(w) && w.length > 5) w = undouble(w.slice(0, -3));
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
    // tatalon "talon"; uminom and iinom "inom". Roughly the root, the same
    // way on a phrase and a query: one prefix, the -um-/-in- infix, a
    // doubled syllable, then -in/-an, never below 4 letters. pa-/ka- stay:
    // magpakamatay (to kill oneself) must not meet nakakamatay (deadly).
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

  function undouble(w) {
    return /([^aeiouls])\1$/.test(w) ? w.slice(0, -1) : w;
  }

  // The query's or a phrase's words in one language's terms: folded,
  // apostrophes dropped, `same` forms replaced, pronouns split off (es),
  // filler left out. Each word is {word, stem}.
  function crisisTokens(text, lang) {
    var out = [];
    var flat = fold(text).replace(/['’‘`´]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    // Chinese has no spaces between words: each character is a word here,
    // and a phrase of them must come in order (phraseIn).
    flat = flat.replace(/\p{sc=Han}/gu, " $& ");
    flat.split(" ").forEach(function (raw) {
      if (!raw) return;
      var replaced = lang.same[raw] !== undefined ? lang.same[raw] : raw;
      replaced.split(" ").forEach(function (word) {
        if (!word) return;
        var parts = lang.code === "es" ? (word.match(ENCLITIC) || [null, word]).slice(1) : [word];
        parts.forEach(function (part) {
          if (part && !lang.filler[part]) out.push({word: part, stem: lang.stem(part), han: HAN.test(part)});
        });
      });
    });
    return out;
  }

  var HAN = /^\p{sc=Han}$/u;

  // How many letters may be wrong in a word of this length.
  function typoAllowance(length) {
    return length >= 9 ? 2 : length >= 5 ? 1 : 0;
  }

  // Is query word q a form (or a misspelling) of phrase word p?
  function sameWord(q, p) {
    if (q.word === p.word || q.stem === p.stem) return true;
    // One is the start of the other: "hopelessness" has "hopeless"; and a
    // stemmer that cut deeper on one side ("suicidas" "suic", "suicidio"
    // "suicid") still meets the other.
    if (p.stem.length >= 4 && q.stem.indexOf(p.stem) === 0) return true;
    if (q.stem.length >= 4 && p.stem.length - q.stem.length <= 2 && p.stem.indexOf(q.stem) === 0) return true;
    var allowed = typoAllowance(p.word.length);
    return allowed > 0 && editDistance(q.word, p.word, allowed) <= allowed;
  }

  // crisis-words.yml as the build ships it (the index's config.crisis):
  // each language's phrases, filler and same forms, ready to match.
  function crisisMatcher(lists) {
    var languages = Object.keys(lists || {}).map(function (code) {
      var list = lists[code];
      // Maps with no inherited keys: "constructor" is a word a reader may type.
      var lang = {code: code, same: Object.create(null), filler: Object.create(null),
                  stem: STEMMERS[code] || function (w) { return w; }};
      Object.keys(list.same || {}).forEach(function (k) { lang.same[fold(k).replace(/['’]/g, "")] = fold(list.same[k]); });
      // Shipped compact (crisis_words.py): phrases one per line, filler
      // words space-separated; lists of strings work too.
      var filler = typeof list.filler === "string" ? list.filler.split(" ") : list.filler || [];
      var phrases = typeof list.phrases === "string" ? list.phrases.split("\n") : list.phrases || [];
      filler.forEach(function (w) { if (w) lang.filler[fold(w)] = true; });
      lang.phrases = phrases.map(function (phrase) {
        return {text: phrase, words: crisisTokens(phrase, lang)};
      }).filter(function (p) { return p.words.length; });
      return lang;
    });
    return function (query) {
      var matched = [];
      var typed = fold(query).replace(/['’‘`´]/g, "").split(/[^\p{L}\p{N}]+/u);
      languages.forEach(function (lang) {
        var words = crisisTokens(query, lang);
        if (!words.length) return;
        var hit = null;
        lang.phrases.some(function (phrase) {
          if (phraseIn(phrase.words, words)) { hit = phrase.text; return true; }
          return false;
        });
        if (hit === null) return;
        // A phrase an earlier language has too (Filipino's Taglish
        // "suicide", "self harm") tells the reader's language only with
        // the reader's other words: it counts for this language when the
        // query has one of its small words (ako, ng, po), so "suicide" on
        // an English page shows English help alone, "suicidal ako" Filipino too.
        var shared = matched.some(function (m) { return m.phrase === hit; });
        if (shared && !typed.some(function (w) { return lang.filler[w]; })) return;
        matched.push({lang: lang.code, phrase: hit});
      });
      return matched;
    };
  }

  // Every phrase word at a different query word, all within a span of a
  // few words (2 per phrase word, plus 2). A phrase in Chinese characters
  // must come in its order, with at most one other character between two
  // of its own: 想死 is in 我好想去死, not in 想知道死亡率 (no spaces, so the
  // span of words is a span of characters, and words cannot be reordered).
  function phraseIn(phraseWords, queryWords) {
    var positions = phraseWords.map(function (p) {
      var at = [];
      queryWords.forEach(function (q, i) { if (sameWord(q, p)) at.push(i); });
      return at;
    });
    if (positions.some(function (at) { return !at.length; })) return false;
    if (phraseWords.every(function (p) { return p.han; })) {
      return positions[0].some(function (start) {
        var at = start;
        return positions.slice(1).every(function (next) {
          at = next.filter(function (i) { return i > at && i - at <= 2; })[0];
          return at !== undefined;
        });
      });
    }
    var span = 2 * phraseWords.length + 2;
    return (function choose(k, used, low, high) {
      // The span only grows as words are placed: give up on it as soon as it
      // is too wide (without this, a long query took seconds).
      if (high - low >= span) return false;
      if (k === positions.length) return true;
      return positions[k].some(function (i) {
        if (used.indexOf(i) >= 0) return false;
        return choose(k + 1, used.concat([i]), Math.min(low, i), Math.max(high, i));
      });
    })(0, [], Infinity, -Infinity);
  }

  // ---- In the browser: between Material and its worker ---------------------

  // The parts of the search panel we use: the results (Material's), the
  // crisis help and the "Showing results for" note (partials/search.html).
  function ui(doc) {
    return {
      result: doc.querySelector(".md-search-result"),
      crisis: doc.querySelector("[data-search-crisis]"),
      note: doc.querySelector(".search-note")
    };
  }

  function setBusy(parts, busy) {
    if (parts.result) parts.result.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function showNote(parts, query) {
    if (!parts.note) return;
    parts.note.textContent = "";
    if (!query) return;
    var emphasis = parts.note.ownerDocument.createElement("em");
    emphasis.textContent = query;
    parts.note.append(parts.note.getAttribute("data-prefix") + " ", emphasis);
  }

  // Shows the crisis help of these languages (the page's first), or hides
  // it. The help is filled in when shown and emptied when hidden, so screen
  // readers announce it (role=alert).
  function showCrisisHelp(parts, languages, help) {
    var box = parts.crisis;
    if (!box) return;
    var key = languages.join(" ");
    if (box.getAttribute("data-showing") === key) return;
    box.setAttribute("data-showing", key);
    box.hidden = !languages.length;
    var live = box.querySelector("[role=alert]");
    var html = languages.map(function (code) { return help[code] || ""; }).join("");
    var template = box.ownerDocument.createElement("template");
    template.innerHTML = html;   // the build's own markup (index config.crisis.help)
    if (live) live.replaceChildren(template.content);
  }

  // The languages to show help in for these matches: the page's own first.
  function helpLanguages(matches, pageLanguage) {
    if (!matches.length) return [];
    var codes = [pageLanguage];
    matches.forEach(function (m) { if (codes.indexOf(m.lang) < 0) codes.push(m.lang); });
    return codes;
  }

  // What happens to what the reader typed, decided in this order: crisis
  // help first, on the raw query; then the query to send, the reader's
  // words (less stop words) and the vocabulary's additions. A crisis query
  // goes as typed (only lunr's edit distances capped, which would hang
  // it): never expanded, never corrected. `search` is searchSettings(...).
  function decide(typed, search) {
    var matches = search.matcher(typed);
    if (matches.length) {
      return {help: helpLanguages(matches, search.page), matches: matches, query: capEdits(typed),
              reader: capEdits(typed), added: [], mayCorrect: false};
    }
    if (search.chinese) typed = search.chinese(typed);
    var reader = queryToSend(typed, search.separator, search.stopWords);
    var vocabulary = search.expand(typed), added = vocabulary.added;
    return {help: [], matches: matches, reader: reader, added: added, covered: vocabulary.covered,
            query: forMaterial(added.length ? reader + " " + added.join(" ") : reader, search.indexed),
            mayCorrect: true};
  }

  // After the results of decision `asked`: the search to run again with the
  // reader's unmatched words corrected (and the vocabulary applied to the
  // correction), or null.
  function retry(asked, items, search) {
    if (!asked.mayCorrect || !asked.reader.trim()) return null;
    var covered = (asked.covered || []).map(fold);
    var missed = missedWords(asked.reader, items, search.separator, search.stopWords).filter(function (word) {
      return covered.indexOf(fold(word)) < 0;
    });
    var fixes = corrections(missed, search.corrections);
    if (!Object.keys(fixes).length) return null;
    var corrected = correctedQuery(asked.reader, fixes, search.separator);
    var added = asked.added.slice();
    search.expand(corrected).added.forEach(function (w) { if (added.indexOf(w) < 0) added.push(w); });
    return {reader: corrected, added: added,
            query: forMaterial(added.length ? corrected + " " + added.join(" ") : corrected, search.indexed),
            help: [], matches: [], mayCorrect: false};
  }

  // Results as the reader should see them: the vocabulary's added words are
  // not reported "Missing" where a result lacks them, and a page listed only
  // for its sections carries their matched words, so its link highlights
  // them (Material gives it none: "?h=" and nothing after it).
  function tidyResults(groups, added) {
    (groups || []).forEach(function (group) {
      var matched = {};
      group.forEach(function (item) {
        added.forEach(function (word) { if (item.terms && item.terms[word] === false) delete item.terms[word]; });
        Object.keys(item.terms || {}).forEach(function (t) { if (item.terms[t]) matched[t] = true; });
      });
      group.forEach(function (item) {
        var terms = item.terms || {};
        if (!Object.keys(terms).some(function (t) { return terms[t]; }) && Object.keys(matched).length) {
          item.terms = Object.assign({}, matched);
        }
      });
    });
    return groups;
  }

  // The answer first, at a glance. Material shows a page's own entry first
  // whenever it scores best, with its whole opening text (the key points),
  // and the sections under "N more on this page". Put the page's
  // best-scoring section first: Material then shows that section with its
  // text, the page as its title, and the rest behind "more".
  function bestSectionFirst(groups) {
    (groups || []).forEach(function (group) {
      if (group.length < 2 || String(group[0].location).indexOf("#") >= 0) return;
      var best = 1;
      group.forEach(function (item, i) {
        if (i && String(item.location).indexOf("#") >= 0 && item.score > group[best].score) best = i;
      });
      var section = group.splice(best, 1)[0];
      // Material counts as "best" the sections that score as high as the
      // first entry: this one, so the page's own text is not shown too.
      section.score = Math.max(section.score, group[0].score);
      group.unshift(section);
    });
    return groups;
  }

  // About two lines of text per result: from the sentence with the first
  // highlighted word, as plain text with its highlights (Material's worker
  // marks them), in a paragraph the stylesheet clamps to two lines.
  var EXCERPT_LENGTH = 240;
  function excerpt(html) {
    // Footnote numbers (<sup>) would read as part of the sentence: "danger; 8 who".
    var text = String(html || "").replace(/<sup\b[^]*?<\/sup>/g, "").replace(/<(?!\/?mark[\s>])[^>]*>/g, " ")
      .replace(/\s+([.,;:!?])/g, "$1").replace(/\s+/g, " ").trim();
    if (!text) return "";
    var first = text.indexOf("<mark");
    var start = 0;
    if (first > 0) {
      var before = text.slice(0, first);
      var stop = Math.max(before.lastIndexOf(". "), before.lastIndexOf("? "), before.lastIndexOf("! "),
                          before.lastIndexOf(": "));
      start = stop >= 0 ? stop + 2 : 0;
      // Chinese ends a sentence with a full-width mark and no space.
      var wide = Math.max(before.lastIndexOf("。"), before.lastIndexOf("？"), before.lastIndexOf("！"),
                          before.lastIndexOf("："));
      if (wide + 1 > start) start = wide + 1;
      // A long sentence before the word: start a few words before it.
      if (first - start > EXCERPT_LENGTH / 2) start = text.indexOf(" ", first - 60) + 1;
    }
    var cut = text.slice(start);
    if (cut.length > EXCERPT_LENGTH) {
      var end = cut.lastIndexOf(" ", EXCERPT_LENGTH);
      cut = cut.slice(0, end > 0 ? end : EXCERPT_LENGTH);
      // Never leave a highlight open, nor a tag cut in two.
      cut = cut.replace(/<[^>]*$/, "");
      if ((cut.match(/<mark/g) || []).length > (cut.match(/<\/mark>/g) || []).length) cut += "</mark>";
      cut += " …";
    }
    return (start > 0 ? "… " : "") + cut;
  }

  function shortTexts(groups) {
    (groups || []).forEach(function (group) {
      group.forEach(function (item) {
        var short = excerpt(item.text);
        item.text = short ? '<p class="search-excerpt">' + short + "</p>" : "";
      });
    });
    return groups;
  }

  // Search's settings from the index (Material's SETUP message): its
  // separator, stop words, crisis words and vocabulary, and the words its
  // pages use (for corrections and the vocabulary).
  function searchSettings(config, docs) {
    var crisis = config.crisis || {};
    var separator = new RegExp(config.separator);
    var counts = vocabulary(docs || [], separator);
    // The words the pages show, not their hidden keywords: "appointment",
    // a keyword of Booking, still adds the words of its Book section.
    var folded = Object.create(null);
    Object.keys(vocabulary(docs || [], separator, true)).forEach(function (w) { folded[fold(w)] = true; });
    var corrections = Object.assign(Object.create(null), saidWords(config.vocabulary), counts);
    // The index language's stop words, and the edition's own where lunr has
    // none for its language (Filipino's, indexed under lunr's English).
    var stopWords = (config.stop_words || STOP_WORDS).concat(config.edition_stop_words || []);
    return {
      separator: separator,
      stopWords: stopWords,
      matcher: crisisMatcher(crisis.lists),
      help: crisis.help || {},
      page: crisis.page || "en",
      counts: counts,
      corrections: corrections,
      expand: vocabularyExpander(config.vocabulary, function (word) { return folded[word] === true; },
                                 stopWords),
      chinese: chineseReader(config.simplified, chineseWords(counts, config.vocabulary)),
      indexed: chineseWords(counts, [])
    };
  }

  function wrapWorker(worker, doc) {
    var parts = ui(doc);
    // Material reads the query when a key goes up. A Chinese input method
    // commits its characters, and a paste or dictation enters text, with no
    // key going up, so the query went unsearched: each finished input counts
    // as one (Material searches a value only once).
    var box = doc.querySelector("input.md-search__input");
    if (box) {
      box.addEventListener("input", function (event) {
        if (!event.isComposing) box.dispatchEvent(new KeyboardEvent("keyup"));
      });
    }
    var settings = searchSettings({separator: "[\\s-]+"});
    var sent = [];   // decisions in flight, in order (the worker answers in order)
    var post = worker.postMessage.bind(worker);

    worker.postMessage = function (message) {
      if (message && message.type === SETUP && message.data) {
        settings = searchSettings(message.data.config, message.data.docs);
      }
      if (message && message.type === QUERY) {
        var decision;
        try {
          decision = decide(String(message.data), settings);
        } catch (error) {
          // Never lose the reader's query to a fault of ours: search it as
          // typed, and show crisis help, since nothing here could rule it out.
          decision = {help: [settings.page], matches: [], reader: String(message.data), added: [],
                      query: capEdits(String(message.data)), mayCorrect: false};
        }
        showCrisisHelp(parts, decision.help, settings.help);
        showNote(parts, "");
        decision.corrected = false;
        sent.push(decision);
        message = {type: QUERY, data: decision.query};
      }
      return post(message);
    };

    worker.addEventListener("message", function (event) {
      var message = event.data;
      if (!message || message.type !== RESULT) return;
      var asked = sent.shift();
      if (!asked) return;
      tidyResults(message.data.items, asked.added);
      bestSectionFirst(message.data.items);
      shortTexts(message.data.items);
      if (asked.corrected) {
        setBusy(parts, false);
        if (!sent.length && message.data.items.length) showNote(parts, asked.reader);
        return;
      }
      if (sent.length) return;   // a newer query is on its way
      var items = [].concat.apply([], message.data.items || []);
      var again = retry(asked, items, settings);
      if (!again) return;
      // A correction may read like crisis where the typing did not.
      var matches = settings.matcher(again.reader);
      if (matches.length) showCrisisHelp(parts, helpLanguages(matches, settings.page), settings.help);
      again.corrected = true;
      sent.push(again);
      setBusy(parts, true);
      post({type: QUERY, data: again.query});
    });
    return worker;
  }

  return {
    SETUP: SETUP, QUERY: QUERY, RESULT: RESULT, STOP_WORDS: STOP_WORDS,
    queryToSend: queryToSend, retryQuery: retryQuery,
    withoutStopWords: withoutStopWords, capEdits: capEdits, missedWords: missedWords,
    vocabulary: vocabulary, editDistance: editDistance, nearestWord: nearestWord, fold: fold,
    corrections: corrections, correctedQuery: correctedQuery,
    crisisMatcher: crisisMatcher, crisisTokens: crisisTokens, chineseReader: chineseReader, helpLanguages: helpLanguages, STEMMERS: STEMMERS,
    decide: decide, retry: retry, tidyResults: tidyResults, bestSectionFirst: bestSectionFirst,
    excerpt: excerpt, shortTexts: shortTexts, searchSettings: searchSettings, sameWord: sameWord,
    vocabularyExpander: vocabularyExpander, spaced: spaced,
    wrapWorker: wrapWorker
  };
});
