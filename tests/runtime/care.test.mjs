// Unit tests for the page's red-flag tier choice (care.js): the most urgent tier wins.
import { test } from "node:test";
import assert from "node:assert/strict";

import { mostUrgent } from "../../plugins/edusite/runtime/care.js";

const ORDER = ["emergency", "urgent", "soon", "self-care"];

test("no red flag gives no tier", () => {
  assert.equal(mostUrgent([], ORDER), null);
});

test("the most urgent tier wins, whatever the order of the answers", () => {
  assert.equal(mostUrgent(["soon", "urgent"], ORDER), "urgent");
  assert.equal(mostUrgent(["urgent", "soon", "emergency"], ORDER), "emergency");
  assert.equal(mostUrgent(["self-care", "soon"], ORDER), "soon");
});

test("a tier the page has no card for is ignored, never ranked above a known one", () => {
  assert.equal(mostUrgent(["bogus", "soon"], ORDER), "soon");
  assert.equal(mostUrgent(["bogus"], ORDER), null);
});
