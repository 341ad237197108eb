// The site's own scripts for every page, in one small file, deferred (it
// never holds up the first paint):
//   1. what the "Copy link" button beside every section heading does;
//   2. redirects for section links that moved (permalinks.yml);
//   3. the language switch keeps the reader's section;
//   4. the handout's QR code is ready before anyone prints;
//   5. a note's one back-link returns to the citation the reader came from.
// Search has its own scripts, search.js and crisis.js, loaded once the page
// is quiet or when the reader opens search (overrides/partials/lazy-search.html).

// Runs fn on every page. Material's instant navigation swaps pages without
// a reload; its document$ (defined by the bundle at the end of <body>, so
// present by DOMContentLoaded) emits once per page.
function onEveryPage(fn) {
  document.addEventListener("DOMContentLoaded", function () {
    if (window.document$) window.document$.subscribe(fn);
    else fn();
  });
}

// ---- 1 and 2. Section links ------------------------------------------------

// The "Copy link" button beside every section heading's permalink (¶),
// written into the page at build time (kbsite/markdown/copy_link_buttons.py).
// It copies the section's absolute, published address (canonical URL +
// #id), so a link pasted from a preview still points at the live site.
// One listener serves every button, on every page instant navigation shows.
(function () {
  var status;

  // The page's words (kbsite/markdown/copy_link_buttons.py), in its language.
  function word(key) {
    var data = document.querySelector("[data-copy-link-words]");
    try { return JSON.parse(data.getAttribute("data-copy-link-words"))[key]; } catch (error) { return ""; }
  }

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

  // When the browser will not copy (permission refused, insecure page),
  // everyone sees the link, selected, ready to copy by hand.
  function showLink(button, url) {
    var box = button.nextElementSibling;
    if (!box || !box.classList.contains("copy-link-fallback")) {
      box = document.createElement("input");
      box.type = "text";
      box.readOnly = true;
      box.className = "copy-link-fallback";
      box.setAttribute("aria-label", word("field"));
      button.after(box);
    }
    box.value = url;
    box.focus();
    box.select();
    announce(word("failed") + " " + url);
  }

  function sectionUrl(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : location.href.split("#")[0];
    return base + "#" + encodeURIComponent(id);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.copy-link");
    if (!button) return;
    var url = sectionUrl(button.parentElement.id);
    if (!navigator.clipboard) {   // insecure context or an old browser
      showLink(button, url);
      return;
    }
    navigator.clipboard.writeText(url).then(function () {
      button.textContent = word("copied");
      announce(word("done") + " " + url);
      setTimeout(function () { button.textContent = word("copy"); }, 2000);
    }, function () {
      showLink(button, url);
    });
  });
})();

// Sends an old #section link on to where that section lives now.
// The map comes from permalinks.yml (anchor_redirects), written into the
// page by hooks/knowledge_base.py only when the page has redirects.
(function () {
  function follow() {
    var data = document.querySelector("[data-anchor-redirects]");
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }  // a malformed #
    if (!data || !id || document.getElementById(id)) return;
    var redirects = JSON.parse(data.getAttribute("data-anchor-redirects"));
    // Own keys only: "#constructor" or "#__proto__" is no redirect.
    if (!Object.prototype.hasOwnProperty.call(redirects, id) || typeof redirects[id] !== "string") return;
    location.replace(new URL(redirects[id], location.href).href);
  }
  onEveryPage(follow);
  window.addEventListener("hashchange", follow);
})();

// ---- 3. The language switch keeps the reader's section ----------------------

// The switch (overrides/partials/language-switch.html) links to the same
// page in the other language; sections have the same ids in every
// language, so the section the reader is in goes along: the last heading
// of the article that has scrolled above the top quarter of the screen,
// whatever the address says (it keeps the # of the last link followed, not
// where the reader has read to since). Above the first heading, the page's
// top. Without JavaScript the link still opens the same page, at its top.
function sectionInView(doc, view) {
  var line = Math.max(view.innerHeight / 4, 0);
  var headings = doc.querySelectorAll("article h2[id], article h3[id]"), current = "";
  for (var i = 0; i < headings.length; i++) {
    if (headings[i].getBoundingClientRect().top > line) break;
    current = headings[i].id;
  }
  return current;
}
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.language-switch__link");
  if (!link) return;
  var id = sectionInView(document, window);
  link.hash = id ? "#" + id : "";
});

// ---- 4. The handout's QR code -------------------------------------------------

// The QR code of the page's address (overrides/main.html) shows only on
// paper, and is lazy so the first view never downloads it. A lazy image
// loads when print lays it out, which a quick print can outrun: once the
// page is quiet (kbOnceQuiet, overrides/partials/lazy-search.html), it
// loads (a few hundred bytes).
if (window.kbOnceQuiet) {
  window.kbOnceQuiet(function () {
    var qr = document.querySelector("img.print-qr");
    if (qr) qr.loading = "eager";
  });
}

// ---- 5. Back from a note to the citation the reader came from -----------------

// A note cited in several places has one back-link, to its first citation
// (kbsite/markdown/footnote_backlinks.py). A reader who followed a later
// citation ("fnref3:label") is taken back to that one: the note's back-link
// points there from then on, so its address, a new tab and a screen reader
// all agree with where it goes.
document.addEventListener("click", function (event) {
  var citation = event.target.closest && event.target.closest("a.footnote-ref");
  var sup = citation && citation.closest("sup[id]");
  var note = sup && document.getElementById((citation.getAttribute("href") || "").slice(1));
  var back = note && note.querySelector("a.footnote-backref");
  if (back) back.setAttribute("href", "#" + sup.id);
});
