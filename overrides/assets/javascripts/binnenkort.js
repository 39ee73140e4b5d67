/*
 * De Wegwijzer van de Kop: "Binnenkort" lists (home, area, theme and guide pages, and /binnenkort/).
 *
 * The site is built on a date; an event that passes before the next build would still be listed.
 * Each item has data-ww-datum="YYYY-MM-DD" (the day of the event). This script hides every item whose
 * day is before today on the visitor's own clock, and says so when none is left. Nothing is sent anywhere.
 */
(function () {
  "use strict";

  function today() {
    var d = new Date();
    var m = d.getMonth() + 1, day = d.getDate();
    return d.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (day < 10 ? "0" : "") + day;
  }

  var now = today();
  var lists = document.querySelectorAll("[data-ww-binnenkort]");
  for (var i = 0; i < lists.length; i++) {
    var items = lists[i].querySelectorAll("[data-ww-datum]");
    var left = 0;
    for (var j = 0; j < items.length; j++) {
      var past = items[j].getAttribute("data-ww-datum") < now;
      items[j].hidden = past;
      if (!past) left++;
    }
    // On /binnenkort/ the events are grouped by month: a month with nothing left goes too.
    var months = lists[i].querySelectorAll("[data-ww-maand]");
    for (var k = 0; k < months.length; k++) {
      months[k].hidden = !months[k].querySelector("[data-ww-datum]:not([hidden])");
    }
    var empty = lists[i].querySelector(".ww-binnenkort__leeg");
    if (empty) empty.hidden = left > 0;
  }
})();
