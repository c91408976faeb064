/* Site search, in the reader's language only.
 *
 * The index is built after the site by scripts/sitekit/search.py (Pagefind,
 * one index per <html lang>, split into small chunks). Nothing of it is
 * downloaded until the reader puts the cursor in the search field; the chunks
 * a query needs follow as they type. Pages whose title or headings hold the
 * words come first (Pagefind weighs headings above body text); each result
 * shows a snippet of the matching text and links to the matching sections.
 *
 * Keyboard: Down and Up move between the field and the results, Enter in the
 * field opens the first result, Escape closes the search.
 */
const MAX_PAGES = 10;
const MAX_SECTIONS = 2;
const WIDE = window.matchMedia("(min-width: 60em)"); // Material's header layout breakpoint

const box = document.querySelector("[data-site-search]");
if (box) setUp(box);

function setUp(box) {
  const toggle = document.getElementById("__search"); // Material's open/closed state
  const form = box.querySelector("form");
  const input = form.elements.namedItem("q");
  const status = box.querySelector("[role=status]");
  const results = box.querySelector(".md-search-result");
  const list = results.querySelector("ol");
  const text = JSON.parse(box.dataset.strings);
  const indexUrl = new URL(box.dataset.index, document.baseURI);
  let engine = null;
  let latest = 0;

  function load() {
    if (!engine) {
      engine = import(indexUrl.href).then(async (pagefind) => {
        // Result addresses below the site's own folder, wherever it is served.
        await pagefind.options({ baseUrl: new URL("..", indexUrl).pathname, excerptLength: 24 });
        await pagefind.init();
        return pagefind;
      });
      engine.catch(() => {}); // reported by the search that needs it
    }
    return engine;
  }

  function open(state) {
    if (toggle) toggle.checked = state;
  }

  function close() {
    if (WIDE.matches) input.focus({ preventScroll: true });
    else input.blur(); // the field is hidden with the panel on small screens
    open(false);
  }

  async function search() {
    const ticket = ++latest;
    const query = words(input.value);
    if (!query) {
      show([], null);
      return;
    }
    results.setAttribute("aria-busy", "true");
    status.textContent = text.loading;
    try {
      const pagefind = await load();
      const found = await pagefind.debouncedSearch(query, {}, 150);
      if (found === null || ticket !== latest) return; // a newer query took over
      const pages = await Promise.all(found.results.slice(0, MAX_PAGES).map((r) => r.data()));
      if (ticket === latest) show(pages, found.results.length);
    } catch {
      if (ticket === latest) {
        list.replaceChildren();
        status.textContent = text.unavailable;
        results.setAttribute("aria-busy", "false");
      }
    }
  }

  function show(pages, count) {
    list.replaceChildren(...pages.map(result));
    if (count === null) status.textContent = text.hint;
    else if (count === 0) status.textContent = text.none;
    else if (count === 1) status.textContent = text.one;
    else status.textContent = text.other.replace("{n}", String(count));
    results.setAttribute("aria-busy", "false");
  }

  input.addEventListener("focus", () => {
    open(true);
    load();
  });
  input.addEventListener("input", () => {
    open(true);
    search();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) first.click();
  });
  toggle?.addEventListener("change", () => {
    if (toggle.checked) input.focus(); // the magnifier in the header on small screens
  });
  // The close arrow and the dimmed page behind the results.
  for (const label of box.querySelectorAll("label[for=__search]")) {
    label.addEventListener("click", (event) => {
      event.preventDefault();
      close();
    });
  }
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) open(false);
  });
  box.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !box.contains(event.relatedTarget)) open(false);
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const stops = [input, ...list.querySelectorAll("a")];
    const at = stops.indexOf(document.activeElement);
    if (at < 0 || stops.length < 2) return;
    event.preventDefault();
    const step = event.key === "ArrowDown" ? 1 : -1;
    stops[Math.min(Math.max(at + step, 0), stops.length - 1)].focus();
  });
}

/* The words to look up. Pagefind matches the start of words, so a single
   letter next to real words ("vitamin C") would match almost every page:
   it is left out unless it is all the reader typed. */
function words(raw) {
  const all = raw.trim().split(/\s+/).filter(Boolean);
  const long = all.filter((word) => [...word].length > 1);
  return (long.length ? long : all).join(" ");
}

/* A page: its title, then the sections with the most matches, each with a
   snippet of its matching text (or the page's snippet when no section has
   any: the words are in the title or the opening text). */
function result(page) {
  const item = element("li", "md-search-result__item");
  const sections = page.sub_results
    .filter((section) => section.url.includes("#"))
    .sort((a, b) => b.locations.length - a.locations.length)
    .slice(0, MAX_SECTIONS);
  item.append(link(page.url, "site-search__page", page.meta.title, sections.length ? null : page.excerpt));
  for (const section of sections) {
    item.append(link(section.url, "site-search__section", section.title, section.excerpt));
  }
  return item;
}

function link(url, kind, title, excerpt) {
  const anchor = element("a", "md-search-result__link");
  anchor.href = url;
  const body = element("div", "md-search-result__article md-typeset");
  const name = element("p", kind);
  name.textContent = title;
  body.append(name);
  if (excerpt) {
    const snippet = element("p", "site-search__snippet");
    snippet.append(...marked(excerpt));
    body.append(snippet);
  }
  anchor.append(body);
  return anchor;
}

/* Pagefind's snippet is text with <mark> around the matching words: keep
   exactly that, as text and <mark> elements, and nothing else. */
function marked(html) {
  const parsed = document.createElement("template");
  parsed.innerHTML = html;
  return [...parsed.content.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}

function element(name, className) {
  const node = document.createElement(name);
  node.className = className;
  return node;
}
