// html-validate configuration for the built site (tests/site/test_html.py).
// Standards conformance and document structure; no stylistic rules.
export default {
  extends: ["html-validate:standard", "html-validate:document"],
  rules: {
    // Subresource integrity matters for files from other sites. All of ours
    // come from our own origin (the CSP enforces it), so check only those.
    "require-sri": ["error", { target: "crossorigin" }],
    // Material puts autocomplete="off" on its hidden checkbox toggles (menu,
    // search, table of contents) on purpose: otherwise Firefox restores an
    // open menu or search dialog when the page is reloaded.
    "valid-autocomplete": "off",
    // Material's hidden menu toggle (#__drawer) is labelled by the empty
    // overlay <label> that closes the menu when tapped. The checkbox is never
    // shown or focusable; its visible button has an aria-label (axe passes).
    "input-missing-label": "off",
    // Material's "Edit this page" link has rel="edit", a registered link
    // type (microformats) that browsers ignore. Harmless.
    "attribute-misuse": "off",
  },
};
