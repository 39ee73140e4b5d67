/* De Wegwijzer van de Kop: the "Print deze folder" button on a leaflet (shown only when printing works). */
(function () {
  "use strict";
  var b = document.getElementById("folder-print");
  if (b && window.print) { b.hidden = false; b.addEventListener("click", function () { window.print(); }); }
})();
