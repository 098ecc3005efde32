"use strict";
// The review page: article list, one article with its annotations highlighted, dead letters.

const PALETTE = ["#ffe08a", "#b9e6ff", "#c8f0c0", "#ffc9de", "#e0d0ff", "#ffd8b0", "#c0f0ec", "#f0e6a0"];
const UNKNOWN_SPEAKER = "#e4e4e4";
const LISTS = new Set(["data-quote", "data-entity"]);
const state = { articles: [], index: -1, token: 0 };
const $ = (selector) => document.querySelector(selector);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

async function getJSON(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// Split text at every annotation boundary; each piece carries the classes of all annotations covering it.
// Offsets are Python string indices (code points), hence Array.from rather than UTF-16 slicing.
function highlight(text, annotations) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const a of annotations) { cuts.add(a.start); cuts.add(a.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= chars.length).sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = chars.slice(from, to).join("");
    const covering = annotations.filter((a) => a.start <= from && to <= a.end);
    if (!covering.length) { out.append(piece); continue; }
    const span = el("span", {}, piece);
    const titles = [];
    for (const a of covering) {
      span.classList.add(...a.classes);
      for (const [name, value] of Object.entries(a.attrs || {})) {
        const listed = LISTS.has(name) && span.getAttribute(name);  // a piece inside two quotes lists both
        span.setAttribute(name, listed ? `${listed} ${value}` : value);
      }
      if (a.colour) span.style.setProperty("--speaker", a.colour);
      if (a.title) titles.push(a.title);
    }
    span.title = titles.join(" · ");
    out.append(span);
  }
  return out;
}

function speakerColours(quotes) {
  const colours = new Map();
  for (const q of quotes) {
    if (q.speaker && !colours.has(q.speaker)) colours.set(q.speaker, PALETTE[colours.size % PALETTE.length]);
  }
  return (speaker) => colours.get(speaker) || UNKNOWN_SPEAKER;
}

function annotationsOf(record, quotes, colourOf) {
  const annotations = [];
  for (const e of record.entities) {
    for (const m of e.mentions) {
      annotations.push({ start: m.start, end: m.end, classes: ["ent", `ent-${e.label}`],
        attrs: { "data-entity": e.id }, title: `${e.name} (${e.label})` });
    }
  }
  for (const q of quotes) {
    annotations.push({ start: q.content.start, end: q.content.end, classes: ["quote"], colour: colourOf(q.speaker),
      attrs: { "data-quote": q.id, "data-speaker": q.speaker || "unknown" }, title: `quote: ${q.speaker || "unknown speaker"}` });
  }
  const designations = record.designations || {};
  for (const org of (designations.organisations || []).concat(designations.persons || [])) {  // listed persons too
    const flagged = org.designated && org.notice_missing;
    const classes = org.designated ? ["designated"] : ["registry"];
    if (flagged) classes.push("missing-notice");
    for (const m of org.mentions) {
      annotations.push({ start: m.start, end: m.end, classes,
        title: `${org.name}: ${org.designated ? "designated" : "not designated at this date"}${flagged ? ", NOTICE MISSING" : ""}` });
      if (m.notice) annotations.push({ start: m.notice.start, end: m.notice.end, classes: ["notice"], title: `notice (${m.notice.kind})` });
    }
  }
  for (const n of designations.unlinked_notices || []) {
    annotations.push({ start: n.start, end: n.end, classes: ["notice"], title: `notice (${n.kind}), not linked` });
  }
  return annotations;
}

function quotePanel(quotes, colourOf) {
  return quotes.map((q) => {
    const item = el("li", { "data-quote": q.id },
      el("span", { class: "swatch" }), " ", el("span", { class: "speaker" }, q.speaker || "unknown speaker"),
      " → ", el("q", {}, q.content.text), " ", el("small", { class: "meta" }, `${q.type}, ${q.confidence ?? "?"}`));
    item.style.setProperty("--speaker", colourOf(q.speaker));
    item.addEventListener("click", () => document.querySelector(`.text [data-quote~="${q.id}"]`)?.scrollIntoView({ block: "center" }));
    return item;
  });
}

// the same wording as the terminal (pipeline/designations/display.py): an undated listing is "listed as of" its snapshot
function listingDates(d) {
  const start = d.since ? `since ${d.since}` : d.seen ? `listed as of ${d.seen} (start not published)` : "start not published";
  return d.until ? `${start} until ${d.until}` : d.absent ? `${start}, gone by ${d.absent}` : start;
}

function listing(d) {
  return el("li", { "data-jurisdiction": d.jurisdiction },
    el("strong", {}, d.jurisdiction), ` ${d.category} `, el("span", { class: "dates" }, listingDates(d)),
    ` · ${d.authority}: ${d.list}${d.programme ? ` [${d.programme}]` : ""}${d.status ? ` — ${d.status}` : ""}`);
}

const byJurisdiction = (a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || (a.since || a.seen || "").localeCompare(b.since || b.seen || "");

// designated organisations, then listed persons (matched on a full name: the mention shown before the listed name)
function designationPanel(record) {
  const section = record.designations || {};
  const entries = (section.organisations || []).map((org) => ({ org, attrs: { "data-org": org.org_id }, who: null }))
    .concat((section.persons || []).map((org) => ({ org, attrs: { "data-person": org.person_id, class: "person" },
      who: `person “${org.mentions[0].text}” = ` })));
  return entries.map(({ org, attrs, who }) => el("li", attrs, who,
    el("strong", {}, org.name), org.designated ? "" : " — not designated at this date",
    org.designations.length ? ` — ${[...new Set(org.designations.map((d) => d.jurisdiction))].sort().join(", ")}` : "",
    el("ul", {}, ...[...org.designations].sort(byJurisdiction).concat([...org.other_designations].sort(byJurisdiction)).map(listing)),
    org.designated && org.notice_missing ? el("span", { class: "flag" }, "mentioned without notice") : null));
}

// designations the text states, one per jurisdiction named, and what the registry says (beside the notices)
function claimPanel(record) {
  return ((record.designations || {}).claims || []).map((c) => el("li", { "data-jurisdiction": c.jurisdiction, "data-verdict": c.verdict },
    el("strong", {}, c.jurisdiction), ` “${c.text}” → `, el("span", { class: "verdict" }, c.verdict.replaceAll("_", " "))));
}

function renderArticle(record) {
  const names = new Map(record.entities.map((e) => [e.id, e.name]));
  const quotes = record.quotes.map((q) => ({ ...q, speaker: names.get(q.speaker_entity) || q.speaker_name || null }));
  const colourOf = speakerColours(quotes);
  const lang = (record.clean.language || {}).code;
  const main = $("#article");
  main.replaceChildren(
    el("article", {},
      el("h2", { class: "title" }, record.title),
      el("p", { class: "meta" }, `${record.source} · ${record.published_at} · ${record.id}${lang ? ` · ${lang}` : ""}`,
        record.skipped_stages.length ? ` · skipped: ${record.skipped_stages.join(", ")}` : ""),
      el("div", { class: "text" }, highlight(record.text, annotationsOf(record, quotes, colourOf)))),
    el("section", { class: "panel" },
      el("h3", {}, `Quotes (${quotes.length})`), el("ol", { id: "quotes" }, ...quotePanel(quotes, colourOf)),
      el("h3", {}, "Designations"), el("ol", { id: "designations" }, ...designationPanel(record)),
      el("h4", {}, "Stated in the text"), el("ol", { id: "claims" }, ...claimPanel(record)),
      el("h3", {}, `Entities (${record.entities.length})`),
      el("ol", { id: "entities" }, ...record.entities.map((e) => el("li", { "data-entity": e.id },
        el("strong", {}, e.name), ` ${e.label} · ${e.mentions.length}×`, e.roles ? ` · ${e.roles.join(", ")}` : "")))));
  main.dataset.articleId = record.id;
  main.lang = lang || "";  // <q> in the panel then takes the language's own marks («» for ru)
}

function renderList() {
  $("#articles").replaceChildren(...state.articles.map((a, i) => {
    const item = el("li", { "data-id": a.id, class: i === state.index ? "selected" : null },
      el("div", {}, a.title),
      el("small", {}, `${a.source} · ${a.published_at.slice(0, 10)} · ${a.entities} entities · ${a.quotes} quotes`),
      a.missing_notice ? el("small", { class: "flag" }, " · notice missing") : null);
    item.addEventListener("click", () => select(i));
    return item;
  }));
  if (!state.articles.length) $("#articles").append(el("li", { class: "empty" }, "No article matches."));
}

async function select(index) {
  if (!state.articles.length) return;
  state.index = Math.max(0, Math.min(index, state.articles.length - 1));
  const id = state.articles[state.index].id;
  for (const item of document.querySelectorAll("#articles li")) item.classList.toggle("selected", item.dataset.id === id);
  document.querySelector(`#articles li[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "nearest" });
  history.replaceState(null, "", `#${encodeURIComponent(id)}`);
  const token = ++state.token;  // a slower earlier fetch must not overwrite a newer choice
  const record = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
  if (token === state.token) renderArticle(record);
}

async function loadList(entity) {
  state.articles = await getJSON(`/api/articles?entity=${encodeURIComponent(entity)}`);
  const wanted = decodeURIComponent(location.hash.slice(1));
  state.index = -1;
  renderList();
  await select(Math.max(0, state.articles.findIndex((a) => a.id === wanted)));
}

async function loadDeadLetters() {
  const letters = await getJSON("/api/dead-letters");
  $("#dead-count").textContent = `(${letters.length})`;
  $("#dead-letters").replaceChildren(...letters.map((d) => el("li", {},
    el("span", { class: "error-class" }, d.error_class), ` in ${d.stage}: `, el("span", { class: "reason" }, d.reason),
    el("div", { class: "meta" }, `${d.input.topic}[${d.input.partition}]@${d.input.offset}${d.article_id ? ` · ${d.article_id}` : ""}`))));
}

function onKey(event) {
  const search = $("#search");
  if (event.target === search) {
    if (event.key === "Escape" || event.key === "Enter") search.blur();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const moves = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 };
  if (event.key in moves) {
    event.preventDefault();
    select(state.index + moves[event.key]);
  } else if (event.key === "/") {
    event.preventDefault();
    search.focus();
  }
}

let searchTimer = null;
document.addEventListener("keydown", onKey);
$("#search").addEventListener("input", (event) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => loadList(event.target.value.trim()), 150);
});
loadList("");
loadDeadLetters();
