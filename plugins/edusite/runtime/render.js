// Turns a quiz result (data only: see ARCHITECTURE.md "Quiz objects") into DOM nodes.
// Everything is built with createElement / createElementNS and text nodes: no innerHTML, so
// nothing a quiz or a reader wrote can become markup. Citation markers `[@key]` or
// `[@a; @b]` become links to the page's Sources entries (`#source-<key>`).

import { careCard } from "./care.js";

const SVG = "http://www.w3.org/2000/svg";
const CITATION = /\[@([^\]]+)\]/g;

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** The number the page's Sources list gives `key`, or null when the page does not list it. */
export function sourceNumber(key, doc = document) {
  const entry = doc.getElementById(`source-${key}`);
  if (!entry) return null;
  const number = entry.getAttribute("data-number") || entry.getAttribute("value");
  if (number) return number;
  const list = entry.closest("ol");
  if (!list) return null;
  const items = Array.from(list.children).filter((child) => child.tagName === "LI");
  const start = Number(list.getAttribute("start") || 1);
  return String(start + items.indexOf(entry.closest("li")));
}

/** Text with citation markers as an array of nodes (text and citation links). */
export function textWithCitations(text) {
  const nodes = [];
  let last = 0;
  for (const match of String(text ?? "").matchAll(CITATION)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const keys = match[1].split(";").map((k) => k.trim().replace(/^@/, "")).filter(Boolean);
    const sup = el("sup", { class: "citation edusite-quiz__citation" });
    keys.forEach((key, index) => {
      if (index > 0) sup.append(document.createTextNode(", "));
      const number = sourceNumber(key);
      if (number === null) {
        sup.append(document.createTextNode(`[${key}]`));
      } else {
        const link = el("a", { href: `#source-${key}`, "aria-label": `Source ${number}` });
        link.append(document.createTextNode(`[${number}]`));
        sup.append(link);
      }
    });
    nodes.push(sup);
    last = match.index + match[0].length;
  }
  if (last < String(text ?? "").length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

function safeHref(href) {
  const value = String(href ?? "");
  if (value.startsWith("#")) return value;
  try {
    const url = new URL(value, document.baseURI);
    if (url.origin === location.origin) return url.href;
  } catch {
    // fall through: not a usable link
  }
  return null;
}

function chart(block) {
  const points = Array.isArray(block.points) ? block.points : [];
  const figure = el("figure", { class: "edusite-quiz__chart" });
  const max = Math.max(1, ...points.map((p) => Number(p.value) || 0));
  const barHeight = 28;
  const labelWidth = 130;
  const width = 520;
  const height = points.length * barHeight + 10;
  const title = String(block.title ?? "");
  // role=img hides the bars from screen readers, so the label carries every value.
  const values = points.map((p) => `${p.label ?? ""}: ${p.value ?? ""}`).join(", ");
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img",
    "aria-label": values ? `${title}. ${values}` : title,
    class: "edusite-quiz__chart-svg",
  });
  const titleNode = svg("title");
  titleNode.append(document.createTextNode(title));
  root.append(titleNode);
  points.forEach((point, index) => {
    const value = Number(point.value) || 0;
    const y = index * barHeight + 5;
    const barWidth = Math.max(1, ((width - labelWidth - 60) * value) / max);
    const label = svg("text", { x: labelWidth - 8, y: y + 17, "text-anchor": "end" });
    label.append(document.createTextNode(String(point.label ?? "")));
    const bar = svg("rect", { x: labelWidth, y, width: barWidth, height: barHeight - 8, rx: 3 });
    const figureText = svg("text", { x: labelWidth + barWidth + 6, y: y + 17 });
    figureText.append(document.createTextNode(String(point.value ?? "")));
    root.append(label, bar, figureText);
  });
  const caption = el("figcaption");
  caption.append(...textWithCitations(title));
  if (block.x_label || block.y_label) {
    caption.append(document.createTextNode(` (${[block.x_label, block.y_label].filter(Boolean).join(", ")})`));
  }
  figure.append(root, caption);
  return figure;
}

function table(block) {
  const node = el("table", { class: "edusite-quiz__table" });
  if (block.caption) node.append(el("caption", {}, textWithCitations(block.caption)));
  const head = el("thead");
  const headRow = el("tr");
  for (const column of block.columns || []) headRow.append(el("th", { scope: "col" }, textWithCitations(column)));
  head.append(headRow);
  const body = el("tbody");
  for (const row of block.rows || []) {
    const tr = el("tr");
    (row || []).forEach((cell, index) => {
      tr.append(el(index === 0 ? "th" : "td", index === 0 ? { scope: "row" } : {}, textWithCitations(cell)));
    });
    body.append(tr);
  }
  node.append(head, body);
  return el("div", { class: "edusite-quiz__table-wrap md-typeset__table" }, [node]);
}

/** A self-check's closing sentence (it is not a diagnosis...), from `form`'s template: the
 * build wrote the self-check's own sentence there, else the site's (`selfcheck_closing`). */
export function closingNotice(form) {
  const text = form?.querySelector("template.edusite-quiz__closing-template")?.content.textContent.trim();
  if (!text) return null;
  return el("div", { class: "admonition info edusite-quiz__notice edusite-quiz__closing", "data-level": "info" }, [
    el("p", {}, textWithCitations(text)),
  ]);
}

/**
 * One result block as a DOM node (unknown block types are skipped).
 * `questionNumber(id)` gives a question's number in the form, to label feedback blocks;
 * `form` supplies the care cards (`care` blocks) and the closing sentence (`closing`) in the
 * site's words.
 */
export function renderBlock(block, questionNumber = () => null, form = null) {
  switch (block?.type) {
    case "care":
      return form ? careCard(form, String(block.tier ?? "")) : null;
    case "closing":
      return closingNotice(form);
    case "heading":
      return el("h4", { class: "edusite-quiz__heading" }, textWithCitations(block.text));
    case "paragraph":
      return el("p", {}, textWithCitations(block.text));
    case "notice": {
      const level = ["danger", "warning", "info", "success"].includes(block.level) ? block.level : "info";
      return el("div", { class: `admonition ${level} edusite-quiz__notice`, "data-level": level }, [
        el("p", {}, textWithCitations(block.text)),
      ]);
    }
    case "list":
      return el("ul", {}, (block.items || []).map((item) => el("li", {}, textWithCitations(item))));
    case "links":
      return el("ul", { class: "edusite-quiz__links" }, (block.items || []).map((item) => {
        const href = safeHref(item.href);
        const text = textWithCitations(item.text);
        return el("li", {}, [href ? el("a", { href }, text) : el("span", {}, text)]);
      }));
    case "table":
      return table(block);
    case "chart":
      return chart(block);
    case "feedback": {
      const verdict = block.correct === true ? "Correct. " : block.correct === false ? "Not quite. " : "";
      const state = block.correct === true ? "correct" : block.correct === false ? "incorrect" : "neutral";
      const node = el("p", { class: `edusite-quiz__feedback edusite-quiz__feedback--${state}` });
      const number = questionNumber(block.question_id);
      if (number !== null) node.append(document.createTextNode(`Question ${number}: `));
      if (verdict) node.append(el("strong", {}, [verdict]));
      node.append(...textWithCitations(block.text));
      return node;
    }
    case "score":
      return el("p", { class: "edusite-quiz__score" }, [
        el("strong", {}, [`You got ${Number(block.correct)} of ${Number(block.total)} right.`]),
      ]);
    default:
      return null;
  }
}

/** Replace the contents of `region` with the rendered blocks. */
export function renderResult(region, blocks, questionNumber = () => null) {
  const form = region.closest("form");
  const nodes = (blocks || [])
    .map((block) => renderBlock(block, questionNumber, form))
    .filter(Boolean);
  region.replaceChildren(...nodes);
}
