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
