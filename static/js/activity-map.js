/* Village maps: Leaflet is fetched only when a map is shown, from our own static files.
 * Markers come from the page itself; only the tiles come from elsewhere (settings.MAP_TILE_URL),
 * and markers still show when tiles fail. */
(function () {
  "use strict";

  var loaded = {};

  function addScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.addEventListener("load", resolve);
        script.addEventListener("error", reject);
        document.head.appendChild(script);
      });
    }
    return loaded[src];
  }

  /* Leaflet finds its marker images through its stylesheet: wait for it before drawing. */
  function addStyles(hrefs) {
    return Promise.all((hrefs || "").split(/\s+/).filter(Boolean).map(function (href) {
      if (!loaded[href]) {
        loaded[href] = new Promise(function (resolve) {
          var link = document.createElement("link");
          link.rel = "stylesheet";
          link.href = href;
          link.addEventListener("load", resolve);
          link.addEventListener("error", resolve);
          document.head.appendChild(link);
        });
      }
      return loaded[href];
    }));
  }

  /* Load Leaflet (and markercluster when the element asks for it). */
  function load(source) {
    var data = source.dataset;
    var styles = addStyles((data.leafletCss || "") + " " + (data.clusterCss || ""));
    var ready = window.L ? Promise.resolve() : addScript(data.leafletJs);
    if (data.clusterJs) {
      ready = ready.then(function () {
        return window.L.markerClusterGroup ? null : addScript(data.clusterJs);
      });
    }
    return Promise.all([ready, styles]).then(function () { return window.L; });
  }

  function popupContent(marker) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = marker.url;
    link.textContent = marker.title;
    box.appendChild(link);
    if (marker.municipality) {
      box.appendChild(document.createElement("br"));
      box.appendChild(document.createTextNode(marker.municipality));
    }
    return box;
  }

  /* A map in `element` with markers [{id, title, url, lat, lon, municipality}].
   * options: source (element with the data-leaflet-* URLs), cluster (bool), center [lat, lon]. */
  function create(element, markers, options) {
    options = options || {};
    return load(options.source || element).then(function (L) {
      var map = L.map(element, { scrollWheelZoom: false, zoomControl: true });
      element.setAttribute("tabindex", "0");
      L.tileLayer(element.dataset.tileUrl, {
        attribution: element.dataset.tileAttribution,
        maxZoom: 19,
      }).addTo(map);
      var layer = options.cluster && L.markerClusterGroup
        ? L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false })
        : L.featureGroup();
      markers.forEach(function (item) {
        var marker = L.marker([item.lat, item.lon], { title: item.title, alt: item.title, riseOnHover: true });
        if (item.url) marker.bindPopup(popupContent(item));
        layer.addLayer(marker);
      });
      layer.addTo(map);
      if (markers.length) {
        map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: options.maxZoom || 15 });
      } else {
        map.setView(options.center || [50.846, 4.352], options.zoom || 12);
      }
      return map;
    });
  }

  window.VillageMap = { load: load, create: create };

  /* An activity's page: one venue, one marker, no clusters. */
  document.querySelectorAll("[data-activity-map]").forEach(function (element) {
    var lat = parseFloat(element.dataset.lat);
    var lon = parseFloat(element.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) return;
    create(element, [{ title: element.dataset.label, lat: lat, lon: lon }], { maxZoom: 16 }).catch(function () {
      element.hidden = true;
    });
  });
})();
