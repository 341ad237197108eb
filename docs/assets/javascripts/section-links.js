// Section links: a "Copy link" button on every section heading, and
// redirects for section links that moved (permalinks.yml).

// A "Copy link" button beside every section heading's permalink (¶).
// It copies the section's absolute, published address (canonical URL +
// #id), so a link pasted from a preview still points at the live site.
(function () {
  var status;

  function announce(message) {
    // One polite live region per page tells screen readers what happened.
    if (!status || !document.body.contains(status)) {
      status = document.createElement("div");
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

  if (window.document$) window.document$.subscribe(addButtons);
  else document.addEventListener("DOMContentLoaded", addButtons);
})();

// Sends an old #section link on to where that section lives now.
// The map comes from permalinks.yml (anchor_redirects), written into the
// page by overrides/hooks/permalinks.py only when the page has redirects.
(function () {
  function follow() {
    var data = document.querySelector("script[data-anchor-redirects]");
    var id = decodeURIComponent(location.hash.slice(1));
    if (!data || !id || document.getElementById(id)) return;
    var target = JSON.parse(data.textContent)[id];
    if (target) location.replace(new URL(target, location.href).href);
  }
  // Material's instant navigation swaps pages without a reload: document$
  // emits on every page; fall back to the plain load event without it.
  if (window.document$) window.document$.subscribe(follow);
  else document.addEventListener("DOMContentLoaded", follow);
  window.addEventListener("hashchange", follow);
})();
