// A one-page summary of a self-check to show a health professional: the reader's answers and
// the advice the page showed, laid out for paper and printed (or saved as PDF from the print
// dialog) on this device. Nothing is sent anywhere. The summary exists only while printing:
// it is added to the end of <body>, the print stylesheet shows it alone, and it is removed
// when printing ends.

const PRINTING = "edusite-printing";

/** The reader's answer to one question, as text ("Not answered" when there is none). */
export function answerText(item) {
  const number = item.querySelector('input[type="number"]');
  if (number) {
    const unit = item.querySelector(".edusite-quiz__unit")?.textContent.trim() ?? "";
    return number.value ? `${number.value}${unit ? ` ${unit}` : ""}` : "Not answered";
  }
  const chosen = Array.from(item.querySelectorAll("input:checked"), (input) => {
    const label = item.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    return label?.textContent.trim() || input.value;
  });
  return chosen.length ? chosen.join("; ") : "Not answered";
}

function cell(tag, text) {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

function answersTable(form) {
  const table = document.createElement("table");
  const head = document.createElement("tr");
  head.append(cell("th", "Question"), cell("th", "Answer"));
  table.append(head);
  for (const item of form.querySelectorAll("li[data-question-id]")) {
    const row = document.createElement("tr");
    const prompt = item.querySelector(".edusite-quiz__prompt")?.textContent.trim() ?? "";
    row.append(cell("td", prompt), cell("td", answerText(item)));
    if (item.dataset.redFlagTier) row.className = "edusite-summary__warning-sign";
    table.append(row);
  }
  return table;
}

/** The advice on show: the result, else the card of a warning sign answered "yes". */
function advice(form) {
  const result = form.querySelector(".edusite-quiz__result");
  const source = result?.children.length ? result : form.querySelector(".edusite-quiz__care:not(:empty)");
  if (!source) return [cell("p", "No result yet: the check was not finished.")];
  const copy = Array.from(source.children, (child) => child.cloneNode(true));
  for (const node of copy) {
    for (const button of node.querySelectorAll("button")) button.remove();
  }
  return copy;
}

/** The summary element for `form` (not yet in the page). */
export function buildSummary(form, now = new Date()) {
  const summary = document.createElement("section");
  summary.className = "edusite-summary";
  const title = form.querySelector(".edusite-quiz__title")?.textContent.trim() ?? "Self-check";
  const when = now.toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
  summary.append(
    cell("h1", `My answers: ${title}`),
    cell("p", `Made on ${when} from ${document.title} (${location.href.split("#")[0]}). `
      + "It was made on this device; nothing was sent anywhere."),
    cell("h2", "What the page advised"),
    ...advice(form),
    cell("h2", "My answers"),
    answersTable(form),
  );
  return summary;
}

/** Print `form`'s summary on its own; the page is as it was once printing ends. */
export function printSummary(form) {
  const summary = buildSummary(form);
  const root = document.documentElement;
  const done = () => {
    summary.remove();
    root.classList.remove(PRINTING);
    globalThis.removeEventListener("afterprint", done);
  };
  document.body.append(summary);
  root.classList.add(PRINTING);
  globalThis.addEventListener("afterprint", done);
  globalThis.print();
}
