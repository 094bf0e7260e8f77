// Unit tests of what the site keeps in the browser (answer-store.js), with a Map-backed
// stand-in for localStorage; the browser tests check the real storage.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  answersKey, forgetAll, isRemembered, loadAnswers, saveIfRemembered, setRemembered, sitePrefixes,
} from "../../plugins/edusite/runtime/answer-store.js";

class MemoryStorage {
  constructor() { this.map = new Map(); }
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

test("nothing is stored until the reader opts in for that quiz", () => {
  const store = new MemoryStorage();
  assert.equal(saveIfRemembered("q", { a: "1" }, store), false);
  assert.equal(store.length, 0);
  assert.equal(isRemembered("q", store), false);
});

test("opting in stores the answers so far, then every change; opting out deletes them", () => {
  const store = new MemoryStorage();
  setRemembered("q", true, { a: "1" }, store);
  assert.equal(store.getItem(answersKey("q")), '{"a":"1"}');
  assert.equal(saveIfRemembered("q", { a: "2" }, store), true);
  assert.deepEqual(loadAnswers("q", store), { a: "2" });
  assert.equal(saveIfRemembered("other", { b: "1" }, store), false);
  setRemembered("q", false, undefined, store);
  assert.equal(store.length, 0);
});

test("forgetAll removes every key of the site (any version) and nothing else", () => {
  const store = new MemoryStorage();
  setRemembered("one", true, {}, store);
  setRemembered("two", true, { x: ["a"] }, store);
  store.setItem("edusite-quiz:v0:old", "{}");
  store.setItem("another-site", "keep");
  assert.equal(forgetAll(store), 3);
  assert.deepEqual([...store.map.keys()], ["another-site"]);
});

test("disabled or broken storage is no error: nothing is kept", () => {
  const broken = { getItem() { throw new Error("denied"); }, setItem() { throw new Error("denied"); } };
  assert.equal(isRemembered("q", broken), false);
  assert.equal(saveIfRemembered("q", {}, broken), false);
  setRemembered("q", true, {}, broken);
  assert.equal(loadAnswers("q", null), null);
  assert.equal(forgetAll(null), 0);
});

test("forgetAll also removes the theme's settings under this site's path, not another site's", () => {
  const store = new MemoryStorage();
  store.setItem("/guide/.__palette", "{}");
  store.setItem("/other-site/.__palette", "{}");
  setRemembered("q", true, {}, store);
  const prefixes = sitePrefixes(new URL("https://example.org/guide/"));
  assert.deepEqual(prefixes, ["edusite-quiz:", "/guide/."]);
  assert.equal(forgetAll(store, prefixes), 2);
  assert.deepEqual([...store.map.keys()], ["/other-site/.__palette"]);
});
