/*
 * De Wegwijzer van de Kop: "Dichtbij mij" on the map page: the 10 nearest places.
 * The position stays in the browser; only the shared GeoJSON of the site is fetched.
 * Needs dichtbij.js (WegwijzerDichtbij); the addresses come from data attributes of the section.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-dichtbij]");
  if (!box || !window.WegwijzerDichtbij || !window.fetch || !window.Promise) return;
  var D = window.WegwijzerDichtbij;
  var list = box.querySelector("[data-dichtbij-lijst]");
  var base = box.getAttribute("data-base");
  var geojson = box.getAttribute("data-geojson");
  box.hidden = false;
  D.button(box.querySelector("[data-dichtbij-knop]"), function (here) {
    return fetch(geojson).then(function (r) { return r.json(); }).then(function (data) {
      var near = D.sortByDistance(data.features, here, function (f) {
        return { lat: f.geometry.coordinates[1], lon: f.geometry.coordinates[0] };
      }).slice(0, 10);
      list.textContent = "";
      near.forEach(function (x) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = base + x.item.properties.url;
        a.textContent = x.item.properties.titel;
        li.appendChild(a);
        li.appendChild(document.createTextNode(" (" + D.formatKm(x.km) + ")"));
        list.appendChild(li);
      });
      var maps = (window.WegwijzerKaart && window.WegwijzerKaart.maps) || [];
      if (near.length && maps.length) {
        var c = near[0].item.geometry.coordinates;
        maps[0].setView([c[1], c[0]], 14);
      }
      if (list.firstChild) list.firstChild.firstChild.focus();
    });
  });
})();
