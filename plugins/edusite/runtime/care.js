// Care cards on the page, without Python: a self-check's red flags are known at build time
// (each warning-sign question carries `data-red-flag-tier`), and the form carries every
// tier's card as a `<template>`, most urgent first, in the site's words. So the moment a
// reader answers "yes" to a warning sign, the card of the most urgent tier answered so far
// is shown right under that question (where the reader is looking, in its own live region);
// Python is not needed, and may still be loading.

/** The most urgent of `tiers`, given the tier ids in `order` (most urgent first). */
export function mostUrgent(tiers, order) {
  let best = null;
  for (const tier of tiers) {
    const rank = order.indexOf(tier);
    if (rank === -1) continue;
    if (best === null || rank < order.indexOf(best)) best = tier;
  }
  return best;
}

/** The tier ids of `form`'s care cards, most urgent first (the build's order). */
function tierOrder(form) {
  return Array.from(form.querySelectorAll("template[data-care-tier]"), (t) => t.dataset.careTier);
}

/** A fresh copy of `form`'s card for `tier`, or null when the form has none. */
export function careCard(form, tier) {
  const template = Array.from(form.querySelectorAll("template[data-care-tier]"))
    .find((candidate) => candidate.dataset.careTier === tier);
  const card = template?.content.firstElementChild;
  return card ? card.cloneNode(true) : null;
}

/** The warning-sign questions answered "yes", in question order. */
function raisedFlags(form) {
  return Array.from(form.querySelectorAll("li[data-red-flag-tier]"))
    .filter((item) => item.querySelector('input[value="yes"]')?.checked);
}

/** The text of a question's prompt, without the number drawn in front of it. */
function promptText(item) {
  return item.querySelector(".edusite-quiz__prompt")?.textContent.trim() ?? "";
}

/**
 * Show (or clear) the card for the red flags answered "yes" so far; returns its tier or null.
 * It goes under `changed` (the question just answered) when that one says "yes", else under
 * the last question that does. Regions are only rewritten when what they say changes, so a
 * screen reader does not hear the same advice again on every click.
 */
export function showRedFlagCare(form, changed = null) {
  const raised = raisedFlags(form);
  const tier = mostUrgent(raised.map((item) => item.dataset.redFlagTier), tierOrder(form));
  const host = raised.includes(changed) ? changed : raised[raised.length - 1];
  const key = tier ? `${tier}:${raised.map((item) => item.dataset.questionId).join(",")}` : "";
  for (const region of form.querySelectorAll(".edusite-quiz__care")) {
    const mine = region.closest("li") === host ? key : "";
    if ((region.dataset.shown ?? "") === mine) continue;
    region.dataset.shown = mine;
    const card = mine ? careCard(form, tier) : null;
    region.replaceChildren(...(card ? [withReasons(card, raised)] : []));
  }
  return tier;
}

/** The card with the warning signs answered "yes" listed under its advice. */
function withReasons(card, raised) {
  const body = document.createElement("div");
  body.className = "edusite-care__body";
  const intro = document.createElement("p");
  intro.textContent = raised.length === 1
    ? "You answered yes to this warning sign:"
    : "You answered yes to these warning signs:";
  const list = document.createElement("ul");
  for (const item of raised) {
    const entry = document.createElement("li");
    entry.textContent = promptText(item);
    list.append(entry);
  }
  const rest = document.createElement("p");
  rest.textContent = "You do not need to answer the other questions.";
  body.append(intro, list, rest);
  card.append(body);
  return card;
}
