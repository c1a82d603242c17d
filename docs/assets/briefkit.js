// Highlight the exact evidence a link points at: a fact's anchor is
// "ev-<kind>-<n>", and every piece of text it covers lists that id in data-ev.
(function () {
  function highlight() {
    document.querySelectorAll("mark.bk-ev.bk-current").forEach(function (el) {
      el.classList.remove("bk-current");
    });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!/^ev-[a-z]+-\d+$/.test(id)) return;
    document.querySelectorAll("mark.bk-ev").forEach(function (el) {
      if ((el.getAttribute("data-ev") || "").split(" ").indexOf(id) >= 0) {
        el.classList.add("bk-current");
      }
    });
  }
  window.addEventListener("hashchange", highlight);
  if (window.document$) {
    window.document$.subscribe(highlight);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", highlight);
  }
})();

// The timeline filter: by actor, place and tag, in the page, with no framework.
// Without JavaScript the form stays hidden and the whole timeline shows.
(function () {
  function setup() {
    var form = document.querySelector("form.bk-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var entries = Array.prototype.slice.call(document.querySelectorAll(".bk-entry"));
    var fields = { actor: "actors", place: "places", tag: "tags" };
    var params = new URLSearchParams(window.location.search);
    Object.keys(fields).forEach(function (name) {
      if (params.get(name)) form.elements[name].value = params.get(name);
    });

    function apply() {
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = Object.keys(fields).every(function (name) {
          var wanted = form.elements[name].value;
          return !wanted || (entry.dataset[fields[name]] || "").split(" ").indexOf(wanted) >= 0;
        });
        entry.hidden = !visible;
        if (visible) shown += 1;
      });
      // A heading stays only while an entry under it shows.
      document.querySelectorAll(".md-content h2, .md-content h3").forEach(function (heading) {
        var level = heading.tagName;
        var any = false;
        for (var el = heading.nextElementSibling; el; el = el.nextElementSibling) {
          if (el.tagName === "H2" || (level === "H3" && el.tagName === "H3")) break;
          if (el.classList.contains("bk-entry") && !el.hidden) { any = true; break; }
        }
        heading.hidden = !any;
        if (heading.id) {
          var toc = document.querySelector('.md-nav--secondary a[href="#' + heading.id + '"]');
          if (toc && toc.parentElement) toc.parentElement.hidden = !any;
        }
      });
      form.querySelector(".bk-filter-count").textContent =
        shown === entries.length ? entries.length + " events" : shown + " of " + entries.length + " events";
    }
    form.addEventListener("change", apply);
    apply();
  }
  if (window.document$) {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
