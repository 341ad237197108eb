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
//      (its config.stop_words, overrides/hooks/search_stop_words.py). A
//      query of nothing but stop words goes as typed.
//   2. Corrections look like corrections. When a word matched nowhere, we
//      look for the nearest word the site uses (within 1 edit, 2 for long
//      words) and search again with it. Material shows those results; we
//      say "Showing results for depression" in a live region, and as the
//      corrected word is a real query word, Material highlights it on the
//      page a result opens (?h=depression), with no "Missing" line. A
//      missing accent is no edit at all: "depresion" finds "depresión".
//   3. Crisis words show crisis help. A query that reads like distress
//      (crisis-words.yml) shows 988 and 911 above the results, announced.
//   4. A typed "word~999" would hang lunr: edit distances are capped at 2.
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

  // How often each word occurs in the index's titles, text and tags.
  function vocabulary(docs, separator) {
    var counts = Object.create(null);
    docs.forEach(function (doc) {
      var text = [doc.title, doc.text].concat(doc.tags || []).join(" ").replace(/<[^>]*>/g, " ");
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
    return words(query, separator).map(function (word) { return fixes[word] || word; }).join(" ");
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

  // " kill myself " is in " i want to kill myself ", "harm" is not a word
  // of "harmless": whole words and phrases only, whatever the punctuation.
  // Accents aside too: "autolesion" reads as "autolesión".
  function normalized(text) {
    return " " + fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim() + " ";
  }

  function readsLikeCrisis(query, phrases) {
    var text = normalized(query);
    return phrases.some(function (phrase) {
      var p = normalized(phrase);
      return p.trim() !== "" && text.indexOf(p) >= 0;
    });
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

  function showCrisisHelp(parts, show) {
    var box = parts.crisis;
    if (!box || show === !box.hidden) return;
    box.hidden = !show;
    var live = box.querySelector("[role=alert]");
    var template = box.querySelector("template");
    // Filled when shown, emptied when hidden, so screen readers announce it.
    if (live && template) live.replaceChildren(show ? template.content.cloneNode(true) : "");
  }

  function wrapWorker(worker, doc) {
    var parts = ui(doc);
    var phrases = [];
    try { phrases = JSON.parse(parts.crisis.getAttribute("data-search-crisis")); } catch (error) { /* no panel */ }
    var separator = /[\s-]+/, docs = [], counts = null, stopWords = STOP_WORDS;
    var sent = [];   // queries in flight, in order (the worker answers in order)
    var post = worker.postMessage.bind(worker);

    worker.postMessage = function (message) {
      if (message && message.type === SETUP && message.data) {
        separator = new RegExp(message.data.config.separator);
        docs = message.data.docs || [];
        stopWords = message.data.config.stop_words || STOP_WORDS;
        counts = null;
      }
      if (message && message.type === QUERY) {
        var typed = String(message.data);
        showCrisisHelp(parts, readsLikeCrisis(typed, phrases));
        showNote(parts, "");
        var query = queryToSend(typed, separator, stopWords);
        sent.push({query: query, corrected: false});
        message = {type: QUERY, data: query};
      }
      return post(message);
    };

    worker.addEventListener("message", function (event) {
      var message = event.data;
      if (!message || message.type !== RESULT) return;
      var asked = sent.shift();
      if (asked && asked.corrected) {
        setBusy(parts, false);
        if (!sent.length && message.data.items.length) showNote(parts, asked.query);
        return;
      }
      if (!asked || sent.length || !asked.query.trim()) return;   // a newer query is on its way
      var items = [].concat.apply([], message.data.items || []);
      if (!missedWords(asked.query, items, separator, stopWords).length) return;
      counts = counts || vocabulary(docs, separator);
      var query = retryQuery(asked.query, items, separator, counts, stopWords);
      if (!query) return;
      sent.push({query: query, corrected: true});
      setBusy(parts, true);
      post({type: QUERY, data: query});
    });
    return worker;
  }

  return {
    SETUP: SETUP, QUERY: QUERY, RESULT: RESULT, STOP_WORDS: STOP_WORDS,
    queryToSend: queryToSend, retryQuery: retryQuery,
    withoutStopWords: withoutStopWords, capEdits: capEdits, missedWords: missedWords,
    vocabulary: vocabulary, editDistance: editDistance, nearestWord: nearestWord, fold: fold,
    corrections: corrections, correctedQuery: correctedQuery, readsLikeCrisis: readsLikeCrisis,
    wrapWorker: wrapWorker
  };
});
