// Typo tolerance and a safety guard for Material's built-in search, entirely
// in the browser.
//
// Material's search (lunr, in a web worker) matches word prefixes only, so
// "depresion" finds nothing. When a query comes back with a word that
// matched nowhere, this asks the same worker again with lunr's fuzzy form
// of that word ("depresion~1": within one edit), and Material shows those
// results instead. Nothing leaves the device: the worker is local.
//
// A typed "word~999" asks lunr for every word within 999 edits, which hangs
// the worker and with it search, so edit distances are capped at 2.
//
// Material 9 has no hook for this, so we wrap the Worker constructor before
// Material's bundle creates its search worker (this file loads in <head>),
// and follow Material's worker protocol: SETUP = 0, QUERY = 2, RESULT = 3.
(function () {
  var NativeWorker = window.Worker;
  if (!NativeWorker) return;
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var OPERATORS = /[~^*:+"]/;   // a query using lunr syntax is left as typed
  var MAX_EDITS = 2;

  function capEdits(query) {
    return query.replace(/~(\d+)/g, function (_, n) { return "~" + Math.min(+n, MAX_EDITS); });
  }

  function SearchWorker(url, options) {
    var worker = new NativeWorker(url, options);
    if (String(url).indexOf("/workers/search.") < 0) return worker;

    var separator = /[\s-]+/;
    var sent = [];                // queries in flight, in order (the worker answers in order)
    var post = worker.postMessage.bind(worker);

    worker.postMessage = function (message) {
      if (message && message.type === SETUP && message.data && message.data.config)
        separator = new RegExp(message.data.config.separator);
      if (message && message.type === QUERY) {
        message = { type: QUERY, data: capEdits(String(message.data)) };
        sent.push({ query: message.data, retry: false });
      }
      return post(message);
    };

    worker.addEventListener("message", function (event) {
      var message = event.data;
      if (!message || message.type !== RESULT) return;
      var asked = sent.shift();
      if (!asked || asked.retry || sent.length) return;   // a newer query is on its way
      var query = asked.query.trim();
      if (!query || OPERATORS.test(query)) return;

      var words = query.toLowerCase().split(separator).filter(Boolean);
      var found = {};
      (message.data.items || []).forEach(function (group) {
        group.forEach(function (item) {
          Object.keys(item.terms || {}).forEach(function (term) {
            if (item.terms[term]) found[term] = true;
          });
        });
      });
      var missing = words.filter(function (word) {
        return word.length >= 4 && !Object.keys(found).some(function (term) {
          return term.indexOf(word) === 0 || word.indexOf(term) === 0;
        });
      });
      if (!missing.length) return;

      var fuzzy = words.map(function (word) {
        if (missing.indexOf(word) < 0) return word;
        return word + "~" + (word.length >= 8 ? MAX_EDITS : 1);   // longer words, more room for typos
      }).join(" ");
      sent.push({ query: fuzzy, retry: true });
      post({ type: QUERY, data: fuzzy });
    });
    return worker;
  }
  SearchWorker.prototype = NativeWorker.prototype;
  window.Worker = SearchWorker;
})();
