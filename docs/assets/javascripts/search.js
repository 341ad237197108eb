// Search that answers, loaded once the page is quiet or when the reader
// opens search (overrides/partials/lazy-search.html), then handed Material's search
// worker. Everything happens in the browser; nothing is sent anywhere.
//
// Material 9.8 has no hook for this, so we sit between Material and its
// worker and follow its protocol: SETUP = 0, READY = 1, QUERY = 2,
// RESULT = 3 (tests/unit/test_search_protocol.py checks it after an upgrade).
//
//   1. Stop words never act as prefixes. Material adds * to every query
//      word, and lunr skips its stop-word filter for wildcard words, so
//      "a*" matched "addiction". We drop the stop words from the query
//      first: lunr's English list, or the list of the index's language
//      (its config.stop_words, the post-build step search_additions), and an edition's
//      own where lunr has none (config.edition_stop_words: Filipino). A
//      query of nothing but stop words goes as typed.
//   2. Corrections look like corrections. When a word matched nowhere, we
//      look for the nearest word the site uses (within 1 edit, 2 for long
//      words) and search again with it. Material shows those results; we
//      say "Showing results for depression" in a live region, and as the
//      corrected word is a real query word, Material highlights it on the
//      page a result opens (?h=depression), with no "Missing" line. A
//      missing accent is no edit at all: "depresion" finds "depresión".
//   3. A query that reads like crisis (crisis.js, which shows the help as
//      the reader types) goes to search without its stop words, never
//      corrected or expanded, and its results come calm: no "Not on this
//      page", the crisis section of the edition's crisis page first.
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
  if (typeof module === "object" && module.exports) module.exports = factory(require("./crisis.js"));
  else root.kbSearch = factory(root.kbCrisis);
})(this, function (crisis) {
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

  // "Crónica" -> "cronica": letters without their accents, lowercase
  // (crisis.js's, which also reads Vietnamese đ as d).
  var fold = crisis.fold;

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

  // Optimal string alignment distance, from crisis.js.
  var editDistance = crisis.editDistance;

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
  // An email address typed whole is one thing to find. Quoted, Material
  // requires each of its parts, so the pages that show the address (the
  // clinic's contact on Booking) come before those that merely share a
  // word of it ("example", "com").
  var EMAIL = /(^|\s)([^\s"@]+@[^\s"@]+\.[^\s"@]+)(?=\s|$)/g;

  function wholeAddresses(query) {
    return String(query).replace(EMAIL, function (all, before, address) { return before + '"' + address + '"'; });
  }

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
  // config.vocabulary as [[page words], "said|said|..."] (the post-build
  // step search_additions). The reader's words stay; the page words are
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

  // ---- Crisis help ----------------------------------------------------------
  //
  // Whether a query reads like crisis is crisis.js's to say (its own
  // module, with its own data: search/crisis.json). Here: what search does
  // then. The query goes to search without stop words (no "i" matching a
  // list of references), never corrected or expanded; the results carry no
  // "Not on this page" line; and the first result is the crisis section of
  // the edition's crisis page (crisis.json's `more`), in its language.

  // The results of a crisis query, calm: every "missing" word dropped, and
  // the crisis section first.
  function calmResults(groups, more) {
    (groups || []).forEach(function (group) {
      group.forEach(function (item) {
        Object.keys(item.terms || {}).forEach(function (t) { if (!item.terms[t]) delete item.terms[t]; });
      });
    });
    if (!more || !more.location || !groups) return groups;
    var found = groups.filter(function (group) {
      return group.some(function (item) { return item.location === more.location; });
    });
    groups.splice.apply(groups, [0, groups.length].concat(groups.filter(function (g) { return found.indexOf(g) < 0; })));
    var top = groups.length && groups[0].length ? groups[0][0].score : 1;
    groups.unshift([{location: more.location, title: more.title || "", text: "", score: top, terms: {}}]);
    return groups;
  }

  // ---- In the browser: between Material and its worker ---------------------

  // The parts of the search panel we use: the results (Material's) and the
  // "Showing results for" note (partials/search.html).
  function ui(doc) {
    return {
      result: doc.querySelector(".md-search-result"),
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

  // What happens to what the reader typed, decided in this order: crisis
  // help first, on the query as typed (crisis.js); then the query to send,
  // the reader's words (less stop words) and the vocabulary's additions. A
  // crisis query goes without its stop words and lunr's edit distances
  // capped (which would hang it): never expanded, never corrected. Letters
  // of full width (ＫＥＴＡＭＩＮＥ, as Chinese input methods type them) are
  // ordinary ones. `search` is searchSettings(...).
  function decide(typed, search) {
    typed = String(typed).normalize("NFKC");
    var matches = search.crisis(typed);
    if (matches.length) {
      var calm = queryToSend(typed, search.separator, search.stopWords);
      return {help: crisis.helpLanguages(matches, search.page), matches: matches, query: calm, reader: calm,
              added: [], mayCorrect: false, crisis: true};
    }
    if (search.chinese) typed = search.chinese(typed);
    var reader = queryToSend(wholeAddresses(typed), search.separator, search.stopWords);
    var vocabulary = search.expand(typed), added = vocabulary.added;
    return {help: [], matches: matches, reader: reader, added: added, covered: vocabulary.covered,
            query: forMaterial(added.length ? reader + " " + added.join(" ") : reader, search.indexed),
            mayCorrect: true, crisis: false};
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

  // What search matched, before tidyResults marks accentless words found
  // for the reader's eyes: a correction is worked out from this ("sesion" is
  // still corrected to "sesión", which ranks better).
  function termsAsSearched(groups) {
    return [].concat.apply([], groups || []).map(function (item) {
      return {terms: Object.assign({}, item.terms)};
    });
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
        // A word typed without its accents that the result has with them
        // ("cuanto", "¿Cuánto cuesta?") is on the page: not "Not on this page".
        var own = null;
        Object.keys(item.terms || {}).forEach(function (t) {
          if (item.terms[t] !== false) return;
          own = own || fold(String(item.title || "") + " " + String(item.text || "").replace(/<[^>]*>/g, " "))
            .split(/[^\p{L}\p{N}]+/u);
          var bare = fold(t);
          if (own.some(function (w) { return w.indexOf(bare) === 0; })) item.terms[t] = true;
        });
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
  //
  // The clinic's article is labelled as its promotion where it shows, in
  // search too. Material's worker returns the blocks of a section that
  // match, with their tags as the index has them; the post-build step
  // search_labels marks each block of a passage (data-clinic-article), so
  // an excerpt whose first highlight is in such a block begins with the
  // short label ("Avid Sports Medicine's promotional article:"). `clinic` is
  // the index's config.clinic_article ({label, end, short}); the long label
  // and the end line are not in the index (search_labels says why).
  var EXCERPT_LENGTH = 240;
  var BLOCK = /<(?:p|li|dt|dd|h[1-6]|td|th|figcaption|pre|blockquote)\b([^>]*)>/g;

  // Whether the block holding the first highlight (or, with none, the
  // first block) is marked as the clinic's article.
  function inClinicArticle(html) {
    var first = html.indexOf("<mark");
    var before = first >= 0 ? html.slice(0, first) : html;
    var last = null, match;
    BLOCK.lastIndex = 0;
    while ((match = BLOCK.exec(before))) {
      last = match;
      if (first < 0) break;
    }
    return !!last && /\bdata-clinic-article\b/.test(last[1]);
  }

  function excerpt(html, clinic) {
    html = String(html || "");
    var inside = !!(clinic && clinic.short) && inClinicArticle(html);
    // Footnote numbers (<sup>) would read as part of the sentence: "danger; 8 who".
    var text = html.replace(/<sup\b[^]*?<\/sup>/g, "").replace(/<(?!\/?mark[\s>])[^>]*>/g, " ")
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
    if (!cut.trim()) return "";
    if (cut.length > EXCERPT_LENGTH) {
      var end = cut.lastIndexOf(" ", EXCERPT_LENGTH);
      cut = cut.slice(0, end > 0 ? end : EXCERPT_LENGTH);
      // Never leave a highlight open, nor a tag cut in two.
      cut = cut.replace(/<[^>]*$/, "");
      if ((cut.match(/<mark/g) || []).length > (cut.match(/<\/mark>/g) || []).length) cut += "</mark>";
      cut += " …";
    }
    var label = inside ? '<span class="search-excerpt__label">' + escapeHtml(clinic.short) + "</span> " : "";
    return label + (start > 0 ? "… " : "") + cut;
  }

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function shortTexts(groups, clinic) {
    (groups || []).forEach(function (group) {
      group.forEach(function (item) {
        var short = excerpt(item.text, clinic);
        item.text = short ? '<p class="search-excerpt">' + short + "</p>" : "";
      });
    });
    return groups;
  }

  // Search's settings from the index (Material's SETUP message): its
  // separator, stop words and vocabulary, and the words its pages use (for
  // corrections and the vocabulary); and the crisis check: crisis.js's
  // matcher over search/crisis.json (`crisisData`), or a function of the
  // page's panel that gives one.
  function searchSettings(config, docs, crisisData) {
    var separator = new RegExp(config.separator);
    var counts = vocabulary(docs || [], separator);
    // The words the pages show, not their hidden keywords: "appointment",
    // a keyword of Booking, still adds the words of its Book section. (The
    // sections that list sources are not in the index: search_additions.)
    var folded = Object.create(null);
    Object.keys(vocabulary(docs || [], separator, true)).forEach(function (w) { folded[fold(w)] = true; });
    var corrections = Object.assign(Object.create(null), saidWords(config.vocabulary), counts);
    // The index language's stop words, and the edition's own where lunr has
    // none for its language (Filipino's, indexed under lunr's English).
    var stopWords = (config.stop_words || STOP_WORDS).concat(config.edition_stop_words || []);
    var match = typeof crisisData === "function" ? crisisData : crisis.matcher(crisisData || {});
    return {
      separator: separator,
      stopWords: stopWords,
      crisis: match,
      page: (crisisData && crisisData.page) || "en",
      more: crisisData && crisisData.more,
      clinic: config.clinic_article || null,
      counts: counts,
      corrections: corrections,
      expand: vocabularyExpander(config.vocabulary, function (word) { return folded[word] === true; },
                                 stopWords),
      chinese: chineseReader(config.simplified, chineseWords(counts, config.vocabulary)),
      indexed: chineseWords(counts, [])
    };
  }

  // `panel` is crisis.js's start(): it shows crisis help as the reader
  // types, and its data arrives in its own file. Queries wait for it (or
  // for it to fail), so that no crisis query is ever corrected.
  //
  // It reads each query in its own worker, and its answer comes back as a
  // message, which a browser handles after the keys being typed: waiting
  // for it before searching made the first results of "ketamine", typed at
  // once, come 30 ms later than Material's own. So each query goes to
  // Material at once, read as an ordinary one, and its results reach
  // Material (in order) only once the reading is in: ordinary, they show;
  // crisis, they are dropped and the calm query (stop words dropped,
  // nothing added, never corrected) is searched instead.
  function wrapWorker(worker, doc, panel) {
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
    var notCrisis = function () { return []; };
    var settings = searchSettings({separator: "[\\s-]+"}, [], notCrisis);
    var sent = [];   // decisions in flight, in order (the worker answers in order)
    var typedCount = 0;   // queries the reader typed; each decision knows which one it serves
    var post = worker.postMessage.bind(worker);
    var waiting = [], ready = !panel;
    // The index's settings (searchSettings reads every document: about 10 ms,
    // 40 on a slow phone) are read in a task of their own when the browser is
    // idle, or at the first query if that comes first: read in Material's
    // setup, with the index's parsing, they made one task over 50 ms when
    // search got ready after the first view (Lighthouse's Total Blocking Time).
    var setup = null;
    function current() {
      if (setup) {
        settings = searchSettings(setup.config, setup.docs, notCrisis);
        setup = null;
      }
      if (panel && ready) {
        settings.page = panel.page() || settings.page;
        settings.more = panel.more();
      }
      return settings;
    }
    var whenIdle = typeof requestIdleCallback === "function" ? requestIdleCallback
      : function (fn) { return setTimeout(fn, 0); };
    if (panel) {
      panel.ready.catch(function () {}).then(function () {
        ready = true;
        waiting.splice(0).forEach(function (message) { worker.postMessage(message); });
      });
    }
    function reading(query) {
      return panel ? panel.match(query) : Promise.resolve([]);
    }

    worker.postMessage = function (message) {
      if (message && message.type === SETUP && message.data) {
        setup = message.data;
        whenIdle(function () { current(); }, {timeout: 1000});
      }
      if (message && message.type === QUERY) {
        if (!ready) { waiting.push(message); return undefined; }
        var typed = String(message.data).normalize("NFKC");
        var decision;
        try {
          decision = decide(typed, current());   // as an ordinary query, until its reading is in
          decision.typed = typed;
          decision.reading = reading(typed);
        } catch (error) {
          // Never lose the reader's query to a fault of ours: search it as
          // typed, and show crisis help, since nothing here could rule it out.
          decision = {help: [settings.page], matches: [], reader: typed, added: [],
                      query: capEdits(typed), mayCorrect: false, crisis: true, reading: Promise.resolve([])};
          if (panel) panel.show(decision.help);
        }
        showNote(parts, "");
        decision.corrected = false;
        decision.typedAs = ++typedCount;
        sent.push(decision);
        // The results are busy (aria-busy) while any query is in flight: the
        // typed one, its calm search or its correction. Results of a query
        // typed past are not drawn, so what shows may be older than what is
        // typed until then; a screen reader, and a test, waits for the end.
        setBusy(parts, true);
        message = {type: QUERY, data: decision.query};
      }
      return post(message);
    };

    // Material's listeners get its worker's messages from us, a result once
    // its query's reading is in, and everything in the order it came.
    var listeners = [], delivering = Promise.resolve();
    var addListener = worker.addEventListener.bind(worker), removeListener = worker.removeEventListener.bind(worker);
    worker.addEventListener = function (type, fn, options) {
      if (type !== "message") return addListener(type, fn, options);
      listeners.push(fn);
    };
    worker.removeEventListener = function (type, fn, options) {
      if (type !== "message") return removeListener(type, fn, options);
      listeners = listeners.filter(function (l) { return l !== fn; });
    };
    function deliver(event) {
      listeners.forEach(function (fn) { typeof fn === "function" ? fn.call(worker, event) : fn.handleEvent(event); });
    }

    addListener("message", function (event) {
      var message = event.data;
      var asked = message && message.type === RESULT ? sent.shift() : null;
      delivering = delivering.then(function () {
        if (!asked) return deliver(event);
        return asked.reading.then(function (matches) { answer(event, asked, matches); },
                                  function () { answer(event, asked, []); });
      }).catch(function () { deliver(event); }).then(function () {
        if (!sent.length) setBusy(parts, false);
      });
    });

    function answer(event, asked, matches) {
      var message = event.data;
      if (matches === null) {
        // Reading the query failed: help shows, and the query is searched as
        // a crisis query (calm), since nothing here could rule it out.
        matches = [{lang: current().page, rule: "fault", own: false}];
        if (panel) panel.show([settings.page]);
      }
      // The reader typed on: a newer query's results will replace these
      // before anyone reads them. Drawing them would hold up the keys being
      // typed (about 30 ms a time for the many results of one letter, on a
      // slow phone more), and searching them again calm or corrected would
      // be wasted, or worse: a slow reading can come after the newest
      // query's results, and its correction would then be drawn over them.
      // So only the newest typed query, its calm search and its correction
      // are drawn or searched again.
      if (asked.typedAs !== typedCount) return undefined;
      if (asked.crisis) {
        calmResults(message.data.items, current().more);   // (the crisis data may have come in since the query)
        shortTexts(message.data.items, settings.clinic);
        return deliver(event);
      }
      if (matches.length && !asked.corrected) {
        // Read as crisis: these results were for the ordinary reading. The
        // panel shows the help; search the calm query instead.
        var calm = decide(asked.typed, Object.assign({}, settings, {crisis: function () { return matches; }}));
        calm.reading = Promise.resolve(matches);
        calm.typedAs = asked.typedAs;
        sent.push(calm);
        post({type: QUERY, data: calm.query});
        return undefined;
      }
      if (matches.length && panel) panel.show(crisis.helpLanguages(matches, settings.page));
      var matchedAsSearched = termsAsSearched(message.data.items);
      tidyResults(message.data.items, asked.added);
      bestSectionFirst(message.data.items);
      shortTexts(message.data.items, settings.clinic);
      deliver(event);
      if (asked.corrected) {
        setBusy(parts, false);
        if (!sent.length && message.data.items.length) showNote(parts, asked.reader);
        return undefined;
      }
      var again = retry(asked, matchedAsSearched, settings);
      if (!again) return undefined;
      again.corrected = true;
      again.typedAs = asked.typedAs;
      // A correction may read like crisis where the typing did not: the
      // panel then shows help beside the corrected results.
      again.reading = reading(again.reader);
      sent.push(again);
      setBusy(parts, true);
      post({type: QUERY, data: again.query});
      return undefined;
    }
    return worker;
  }

  return {
    SETUP: SETUP, QUERY: QUERY, RESULT: RESULT, STOP_WORDS: STOP_WORDS,
    queryToSend: queryToSend, retryQuery: retryQuery, wholeAddresses: wholeAddresses,
    withoutStopWords: withoutStopWords, capEdits: capEdits, missedWords: missedWords,
    vocabulary: vocabulary, editDistance: editDistance, nearestWord: nearestWord, fold: fold,
    corrections: corrections, correctedQuery: correctedQuery, chineseReader: chineseReader,
    decide: decide, retry: retry, tidyResults: tidyResults, termsAsSearched: termsAsSearched, bestSectionFirst: bestSectionFirst,
    calmResults: calmResults, excerpt: excerpt, shortTexts: shortTexts, searchSettings: searchSettings,
    vocabularyExpander: vocabularyExpander, spaced: spaced,
    wrapWorker: wrapWorker
  };
});
