// kg serve's query page: YASGUI (vendored, see yasgui/NOTICE) on this endpoint, with kg's named queries.
// Everything from the data or the query files arrives as JSON in #kg-config and reaches the DOM as text.
"use strict";
(function () {
  const config = JSON.parse(document.getElementById("kg-config").textContent);
  const endpoint = new URL("sparql", window.location.href).href;  // same origin as the page, whatever its name
  const violations = [];
  document.addEventListener("securitypolicyviolation", function (e) {
    violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || "") + " " + e.sourceFile + ":" + e.lineNumber + ":" + e.columnNumber);
  });
  // YASR's table writes an IRI into href='…' unescaped, so an IRI holding ' adds attributes to the link
  // (DOMPurify then drops event handlers, not the rest). kg's version escapes the IRI and links only web IRIs.
  const escape = function (text) {
    return String(text).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  };
  const Table = Yasgui.Yasr && Yasgui.Yasr.plugins && Yasgui.Yasr.plugins.table;
  if (!Table || typeof Table.prototype.getUriLinkFromBinding !== "function") {
    throw new Error("kg-page.js: this YASGUI has no table plugin to patch; see static/yasgui/NOTICE");
  }
  Table.prototype.getUriLinkFromBinding = function (binding, prefixes) {
    const iri = binding.value;
    let shown = iri, prefixed = false;
    Object.keys(prefixes || {}).some(function (p) {
      if (iri.indexOf(prefixes[p]) !== 0) { return false; }
      shown = p + ":" + iri.substring(prefixes[p].length);
      prefixed = true;
      return true;
    });
    const compact = prefixed || this.persistentConfig.compact;
    const href = /^(https?|ftp|mailto|urn):/i.test(iri) ? iri : "#";
    return (compact ? "" : "&lt;") + "<a class='iri' target='_blank' rel='noopener noreferrer' href='" +
      escape(href) + "'>" + escape(shown) + "</a>" + (compact ? "" : "&gt;");
  };
  const prologue = Object.keys(config.prefixes).map(function (p) {
    return "PREFIX " + p + ": <" + config.prefixes[p] + ">";
  }).join("\n");
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {endpoint: endpoint, method: "POST"},
    copyEndpointOnNewTab: true,
    persistenceId: null,  // no localStorage: the page always opens on this endpoint
    populateFromUrl: false,
    endpointCatalogueOptions: {getData: function () { return [{endpoint: endpoint}]; }, keys: []},
    yasqe: {value: prologue + "\n\n" + config.query, autocompleters: ["variables"]},
    yasr: {prefixes: config.prefixes},
  });
  const select = document.getElementById("kg-examples");
  const description = document.getElementById("kg-description");
  select.addEventListener("change", function () {
    const example = config.examples[select.value];
    if (!example) { description.textContent = ""; return; }
    description.textContent = example.description;
    yasgui.addTab(true, {name: example.title, yasqe: {value: example.text}, requestConfig: {endpoint: endpoint}});
  });
  // For tools and tests: run the current tab's query, resolve with what the results table shows.
  window.kgPage = {
    yasgui: yasgui,
    violations: violations,
    run: function (query) {
      const tab = yasgui.getTab();
      if (query !== undefined) { tab.getYasqe().setValue(query); }
      return new Promise(function (resolve) {
        yasgui.once("queryResponse", function () {
          window.setTimeout(function () {
            const yasr = tab.getYasr();
            const rows = Array.from(document.querySelectorAll(".yasr .dataTable tbody tr")).map(function (tr) {
              return Array.from(tr.querySelectorAll("td")).map(function (td) { return td.textContent; });
            });
            const status = {rows: rows, bindings: yasr.results ? (yasr.results.getBindings() || []).length : -1,
                            violations: violations.slice()};
            const out = document.getElementById("kg-status");
            out.textContent = JSON.stringify(status);
            resolve(status);
          }, 200);
        });
        tab.query();
      });
    },
  };
})();
