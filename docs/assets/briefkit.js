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
