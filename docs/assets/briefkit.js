// briefkit's few behaviours on top of Material. Each setup runs on every page Material's
// instant navigation shows (document$), and once per page without it.
(function () {
  function onEveryPage(setup) {
    if (window.document$) {
      window.document$.subscribe(setup);
    } else {
      document.addEventListener("DOMContentLoaded", setup);
    }
  }

  function hashTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  // A long article shows its first paragraphs and a button for the rest. The rest is
  // hidden "until found", so find in page still reaches it, and a link to a sentence
  // in it opens it. Without JavaScript (and on paper) the whole article shows.
  var SHOWN_PARAGRAPHS = 3;

  function setupArticle() {
    var article = document.querySelector(".bk-article");
    if (!article || article.dataset.ready) return;
    article.dataset.ready = "1";
    var rest = Array.prototype.slice.call(article.querySelectorAll(":scope > p"), SHOWN_PARAGRAPHS);
    var target = hashTarget();
    if (!rest.length || (target && article.contains(target))) return;
    var words = rest.reduce(function (n, p) { return n + p.textContent.split(/\s+/).length; }, 0);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button bk-article-more";
    button.textContent = "Read the rest of the article (" + words + " more words)";
    function open() {
      rest.forEach(function (p) { p.removeAttribute("hidden"); });
      button.remove();
      article.bkOpen = null;
    }
    rest.forEach(function (p) {
      p.setAttribute("hidden", "until-found");
      p.addEventListener("beforematch", open);
    });
    button.addEventListener("click", open);
    article.after(button);
    article.bkOpen = open;
  }

  window.addEventListener("beforeprint", function () {
    var article = document.querySelector(".bk-article");
    if (article && article.bkOpen) article.bkOpen();
  });

  // Highlight the exact evidence a link points at: a fact's anchor is
  // "ev-<kind>-<n>", and every piece of text it covers lists that id in data-ev.
  function highlight() {
    var target = hashTarget();
    var article = document.querySelector(".bk-article");
    if (target && article && article.bkOpen && target.closest(".bk-article [hidden]")) {
      article.bkOpen();
      target.scrollIntoView();
    }
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

  // The timeline filter: by actor, place and tag, in the page, with no framework.
  // The choice is kept in the query string (?actor=...), so a filtered view can be
  // shared and comes back on reload, on Back, and after instant navigation.
  // Without JavaScript the form stays hidden and the whole timeline shows.
  var FIELDS = { actor: "actors", place: "places", tag: "tags" };

  function setupFilter() {
    var form = document.querySelector("form.bk-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var entries = Array.prototype.slice.call(document.querySelectorAll(".bk-entry"));
    var params = new URLSearchParams(window.location.search);
    Object.keys(FIELDS).forEach(function (name) {
      var wanted = params.get(name);
      var select = form.elements[name];
      // Only a value the page offers: an unknown one would hide every entry.
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        select.value = wanted;
      }
    });

    function apply() {
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = Object.keys(FIELDS).every(function (name) {
          var wanted = form.elements[name].value;
          return !wanted || (entry.dataset[FIELDS[name]] || "").split(" ").indexOf(wanted) >= 0;
        });
        entry.hidden = !visible;
        if (visible) shown += 1;
      });
      // A heading stays only while an entry under it shows; so does its line in the
      // table of contents (Material draws one in each sidebar, and makes their links
      // absolute, so they are matched by their hash).
      var toc = {};
      document.querySelectorAll(".md-nav--secondary a.md-nav__link").forEach(function (link) {
        var id = decodeURIComponent(link.hash.slice(1));
        (toc[id] = toc[id] || []).push(link.closest(".md-nav__item"));
      });
      document.querySelectorAll(".md-content h2, .md-content h3").forEach(function (heading) {
        var level = heading.tagName;
        var any = false;
        for (var el = heading.nextElementSibling; el; el = el.nextElementSibling) {
          if (el.tagName === "H2" || (level === "H3" && el.tagName === "H3")) break;
          if (el.classList.contains("bk-entry") && !el.hidden) { any = true; break; }
        }
        heading.hidden = !any;
        (toc[heading.id] || []).forEach(function (item) {
          if (item) item.classList.toggle("bk-filtered-out", !any);
        });
      });
      form.querySelector(".bk-filter-count").textContent =
        shown === entries.length ? entries.length + " events" : shown + " of " + entries.length + " events";
    }

    function remember() {
      var url = new URL(window.location.href);
      Object.keys(FIELDS).forEach(function (name) {
        var value = form.elements[name].value;
        if (value) url.searchParams.set(name, value);
        else url.searchParams.delete(name);
      });
      // Material keeps the scroll position in history.state: keep it too.
      window.history.replaceState(window.history.state, "", url.toString());
    }

    form.addEventListener("change", function () { apply(); remember(); });
    apply();
  }

  // Relation graphs fit their column, but never with labels below 11.5px (Mermaid draws
  // them at 16px): beyond that the graph keeps its size and scrolls sideways. Material
  // draws each graph with mermaid.render into a closed shadow root, out of reach of
  // CSS, so the limit is written into the SVG that render returns.
  var GRAPH_MIN_SCALE = 11.5 / 16;
  var mermaid = window.mermaid;
  if (mermaid && mermaid.render && !mermaid.bkLimited) {
    var render = mermaid.render.bind(mermaid);
    mermaid.render = function () {
      return render.apply(null, arguments).then(function (result) {
        var svg = result.svg.replace(/max-width: ([\d.]+)px;/, function (all, width) {
          return all + " min-width: " + Math.round(width * GRAPH_MIN_SCALE) + "px;";
        });
        return Object.assign({}, result, { svg: svg });
      });
    };
    mermaid.bkLimited = true;
  }

  onEveryPage(function () {
    setupArticle();
    highlight();
    setupFilter();
  });
  window.addEventListener("hashchange", highlight);
})();
