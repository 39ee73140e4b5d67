/*
 * Material for MkDocs (9.x), partials/javascripts/content.html, moved into a file so the
 * Content-Security-Policy can forbid inline scripts: open the tab an address (#...) points to.
 */
(function () {
  "use strict";
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
