/* Tooltips for glossary terms and footnote references.

   One tooltip element and four listeners on the document serve every term
   and footnote reference of a page, however many it has. Material's own
   tooltips (content.tooltips, content.footnote.tooltips) set up a component
   per element when the page loads: on a treatment page, with about 90
   footnote references and 140 titled elements, that was most of the page's
   main-thread work on a phone (benchmarks/RESULTS.md, "Lighthouse").

   A glossary term (<abbr title>) shows its explanation; screen readers get it
   from the term's aria-describedby, which the build writes. A footnote
   reference shows its note, and the pointer can move onto it to follow the
   note's links; the reference still leads to the note. Escape closes the
   tooltip (WCAG 1.4.13). */
(function () {
  var HOSTS = "article abbr[title], article a.footnote-ref";
  var HIDE_DELAY = 250; /* ms: time to move the pointer onto the tooltip */
  var tip = null;
  var host = null;
  var title = null;
  var timer = 0;

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "site-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { clearTimeout(timer); });
      tip.addEventListener("mouseleave", hideSoon);
      document.body.appendChild(tip);
    }
    return tip;
  }

  function note(link) {
    var id = "";
    try { id = decodeURIComponent(link.hash.slice(1)); } catch (error) { return null; }
    var item = id ? document.getElementById(id) : null;
    if (!item) return null;
    var copy = item.cloneNode(true);
    copy.querySelectorAll(".footnote-backref").forEach(function (back) { back.remove(); });
    return copy.childNodes;
  }

  function show(element) {
    if (element === host) { clearTimeout(timer); return; }
    hide();
    var content = element.tagName === "ABBR" ? null : note(element);
    if (element.tagName !== "ABBR" && !content) return;
    var node = tooltip();
    if (content) {
      node.replaceChildren.apply(node, Array.prototype.slice.call(content));
    } else {
      /* The browser's own tooltip would show the same text a second time. */
      title = element.getAttribute("title");
      element.removeAttribute("title");
      node.textContent = title;
    }
    host = element;
    node.hidden = false;
    place(node, element.getBoundingClientRect());
  }

  function place(node, box) {
    var margin = 8;
    var width = node.offsetWidth;
    var page = document.documentElement.clientWidth;
    var left = box.left + box.width / 2 - width / 2;
    left = Math.max(margin, Math.min(left, page - width - margin));
    node.style.left = left + window.scrollX + "px";
    node.style.top = box.bottom + window.scrollY + margin + "px";
  }

  function hide() {
    clearTimeout(timer);
    if (!host) return;
    if (title !== null) host.setAttribute("title", title);
    host = null;
    title = null;
    tip.hidden = true;
    tip.replaceChildren();
  }

  function hideSoon() {
    clearTimeout(timer);
    timer = setTimeout(hide, HIDE_DELAY);
  }

  function over(event) {
    var element = event.target.closest && event.target.closest(HOSTS);
    if (element) show(element);
  }

  function out(event) {
    /* The shown term has lost its title (see show), so HOSTS no longer matches
       it: compare with the element being shown. */
    if (host && host.contains(event.target) && !host.contains(event.relatedTarget)) hideSoon();
  }

  document.addEventListener("mouseover", over);
  document.addEventListener("mouseout", out);
  document.addEventListener("focusin", over);
  document.addEventListener("focusout", out);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("hashchange", hide);
})();
