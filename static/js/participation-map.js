/* Co-creation maps: the ideas of a track, one idea's point, and choosing a point for a new idea.
 * Uses window.VillageMap (activity-map.js). Text comes from data- attributes and json_script. */
(function () {
  "use strict";
  if (!window.VillageMap) return;

  function center(element) {
    var lat = parseFloat(element.dataset.centerLat);
    var lon = parseFloat(element.dataset.centerLon);
    return isNaN(lat) || isNaN(lon) ? null : [lat, lon];
  }

  /* The track's ideas: drawn when the person opens the map (Leaflet needs a visible box). */
  var ideaMap = document.getElementById("idea-map");
  var markerData = document.getElementById("idea-markers");
  if (ideaMap && markerData) {
    var box = ideaMap.closest("details");
    var drawn = false;
    var draw = function () {
      if (drawn) return;
      drawn = true;
      window.VillageMap.create(ideaMap, JSON.parse(markerData.textContent), {
        cluster: true,
        center: center(ideaMap),
        zoom: 14,
      }).catch(function () { ideaMap.hidden = true; });
    };
    if (!box || box.open) draw();
    else box.addEventListener("toggle", function () { if (box.open) draw(); });
  }

  /* One idea's point. */
  document.querySelectorAll("[data-idea-point]").forEach(function (element) {
    var lat = parseFloat(element.dataset.lat);
    var lon = parseFloat(element.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) return;
    window.VillageMap.create(element, [{ title: element.dataset.label, lat: lat, lon: lon }], { maxZoom: 16 })
      .catch(function () { element.hidden = true; });
  });

  /* Choosing a point: a tap on the map fills the latitude and longitude fields. */
  var picker = document.querySelector("[data-point-picker]");
  var latInput = document.getElementById("id_latitude");
  var lonInput = document.getElementById("id_longitude");
  if (picker && latInput && lonInput) {
    picker.hidden = false;
    var mapElement = picker.querySelector(".point-picker__map");
    mapElement.dataset.tileUrl = picker.dataset.tileUrl;
    mapElement.dataset.tileAttribution = picker.dataset.tileAttribution;
    var current = function () {
      var lat = parseFloat(latInput.value);
      var lon = parseFloat(lonInput.value);
      return isNaN(lat) || isNaN(lon) ? null : [lat, lon];
    };
    var start = current();
    var markers = start ? [{ title: picker.dataset.pointLabel, lat: start[0], lon: start[1] }] : [];
    window.VillageMap.create(mapElement, markers, { source: picker, center: center(picker), zoom: 14, maxZoom: 16 })
      .then(function (map) {
        var L = window.L;
        var marker = null;
        map.eachLayer(function (layer) { if (layer instanceof L.Marker) marker = layer; });
        var place = function (latlng) {
          if (marker) marker.setLatLng(latlng);
          else marker = L.marker(latlng, { title: picker.dataset.pointLabel, alt: picker.dataset.pointLabel }).addTo(map);
        };
        map.on("click", function (event) {
          latInput.value = event.latlng.lat.toFixed(6);
          lonInput.value = event.latlng.lng.toFixed(6);
          place(event.latlng);
        });
        var typed = function () { var point = current(); if (point) place(point); };
        latInput.addEventListener("change", typed);
        lonInput.addEventListener("change", typed);
      })
      .catch(function () { picker.hidden = true; });
  }
})();
