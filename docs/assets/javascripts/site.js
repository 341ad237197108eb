// The site's own scripts, in one small file, deferred (it never holds up
// the first paint):
//   1. typo tolerance and a guard for search, applied to the search worker
//      when overrides/partials/lazy-search.html starts it;
//   2. a "Copy link" button on every section heading;
//   3. redirects for section links that moved (permalinks.yml).

// Runs fn on every page. Material's instant navigation swaps pages without
// a reload; its document$ (defined by the bundle at the end of <body>, so
// present by DOMContentLoaded) emits once per page.
function onEveryPage(fn) {
  document.addEventListener("DOMContentLoaded", function () {
    if (window.document$) window.document$.subscribe(fn);
    else fn();
  });
}

// ---- 1. Search --------------------------------------------------------------
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
// Material 9 has no hook for this. overrides/partials/lazy-search.html
// creates the search worker when the reader opens search, and passes it to
// window.kbTypoTolerantSearch, defined here, which follows Material's
// worker protocol: SETUP = 0, QUERY = 2, RESULT = 3.
(function () {
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var OPERATORS = /[~^*:+"]/;   // a query using lunr syntax is left as typed
  var MAX_EDITS = 2;

  // While a second, fuzzy search runs, the results are marked busy, for
  // screen readers (and tests) to know more results are coming.
  function setBusy(busy) {
    var results = document.querySelector(".md-search-result");
    if (results) results.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function capEdits(query) {
    return query.replace(/~(\d+)/g, function (_, n) { return "~" + Math.min(+n, MAX_EDITS); });
  }

  window.kbTypoTolerantSearch = function (worker) {
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
      if (asked && asked.retry) setBusy(false);
      if (!asked || asked.retry || sent.length) return;   // a newer query is on its way
      var query = asked.query.trim();
      if (!query || OPERATORS.test(query)) return;

      // Material marks each query word a result matched (true) or, for words
      // that are not stop words, missed (false). Retry the words no result
      // matched; with no results at all, retry every word.
      var words = query.toLowerCase().split(separator).filter(Boolean);
      var items = [].concat.apply([], message.data.items || []);
      var matched = {}, missed = {};
      items.forEach(function (item) {
        Object.keys(item.terms || {}).forEach(function (term) {
          (item.terms[term] ? matched : missed)[term] = true;
        });
      });
      var missing = words.filter(function (word) {
        if (word.length < 4) return false;
        if (!items.length) return true;
        return Object.keys(missed).some(function (term) {
          return !matched[term] && (term.indexOf(word) === 0 || word.indexOf(term) === 0);
        });
      });
      if (!missing.length) return;

      var fuzzy = words.map(function (word) {
        if (missing.indexOf(word) < 0) return word;
        return word + "~" + (word.length >= 8 ? MAX_EDITS : 1);   // longer words, more room for typos
      }).join(" ");
      sent.push({ query: fuzzy, retry: true });
      setBusy(true);
      post({ type: QUERY, data: fuzzy });
    });
    return worker;
  };
})();

// ---- 2 and 3. Section links ------------------------------------------------

// A "Copy link" button beside every section heading's permalink (¶).
// It copies the section's absolute, published address (canonical URL +
// #id), so a link pasted from a preview still points at the live site.
(function () {
  var status;

  function announce(message) {
    // One polite live region per page tells screen readers what happened.
    if (!status || !document.body.contains(status)) {
      status = document.createElement("div");
      status.id = "copy-link-status";
      status.className = "md-visually-hidden";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    status.textContent = "";
    setTimeout(function () { status.textContent = message; }, 50);
  }

  function sectionUrl(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : location.href.split("#")[0];
    return base + "#" + encodeURIComponent(id);
  }

  function addButtons() {
    var headings = document.querySelectorAll(
      "article.md-content__inner :is(h2, h3)[id] > a.headerlink");
    headings.forEach(function (permalink) {
      var heading = permalink.parentElement;
      if (heading.querySelector(".copy-link")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.setAttribute("data-search-exclude", "");
      var title = Array.prototype.filter.call(heading.childNodes, function (node) {
        return node !== permalink;
      }).map(function (node) { return node.textContent; }).join("").trim();
      var label = "Copy link to section: " + title;
      button.setAttribute("aria-label", label);
      button.title = "Copy link to this section";
      button.textContent = "Copy link";
      button.addEventListener("click", function () {
        var url = sectionUrl(heading.id);
        if (!navigator.clipboard) {   // insecure context or an old browser
          announce("Copy this link: " + url);
          return;
        }
        navigator.clipboard.writeText(url).then(function () {
          button.textContent = "Copied";
          announce("Link copied: " + url);
          setTimeout(function () { button.textContent = "Copy link"; }, 2000);
        }, function () {
          announce("Could not copy. The link is " + url);
        });
      });
      permalink.after(button);
    });
  }

  onEveryPage(addButtons);
})();

// Sends an old #section link on to where that section lives now.
// The map comes from permalinks.yml (anchor_redirects), written into the
// page by overrides/hooks/permalinks.py only when the page has redirects.
(function () {
  function follow() {
    var data = document.querySelector("[data-anchor-redirects]");
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }  // a malformed #
    if (!data || !id || document.getElementById(id)) return;
    var target = JSON.parse(data.getAttribute("data-anchor-redirects"))[id];
    if (target) location.replace(new URL(target, location.href).href);
  }
  onEveryPage(follow);
  window.addEventListener("hashchange", follow);
})();
