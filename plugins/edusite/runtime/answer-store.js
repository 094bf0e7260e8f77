// What the site keeps in this browser, and the reader's consent to it: the one definition of
// the storage keys (content/about.md lists them for readers; the browser tests check both).
//
// Nothing is stored until the reader ticks "Remember my answers on this device" on a quiz.
// That choice is per quiz and is itself the stored record: the key
// `edusite-quiz:v1:<quiz id>` exists exactly while the reader wants that quiz's answers
// kept, and holds them (a JSON object, `{}` before the first answer). There is no separate
// consent flag to drift out of step. Unticking removes the key; `forgetAll()` removes every
// key the site ever wrote (any `edusite-quiz:` key, including older versions, and the theme's
// own settings such as the light/dark choice, which Material keys under the site's path).
// localStorage only: no cookies, sessionStorage or IndexedDB, and nothing is sent anywhere.

export const STORAGE_PREFIX = "edusite-quiz:";
const ANSWERS_PREFIX = `${STORAGE_PREFIX}v1:`;

/** The storage to use, or null (storage disabled by the reader: nothing is kept). */
function storage(source = globalThis) {
  try {
    return source.localStorage ?? null;
  } catch {
    return null;
  }
}

export function answersKey(quizId) {
  return ANSWERS_PREFIX + quizId;
}

/** True when the reader chose to keep this quiz's answers on this device. */
export function isRemembered(quizId, store = storage()) {
  try {
    return store?.getItem(answersKey(quizId)) != null;
  } catch {
    return false;
  }
}

/** Keep (true: with `answers`, or `{}`) or stop keeping (false: deletes them) a quiz's answers. */
export function setRemembered(quizId, remember, answers = {}, store = storage()) {
  try {
    if (remember) store?.setItem(answersKey(quizId), JSON.stringify(answers));
    else store?.removeItem(answersKey(quizId));
  } catch {
    // quota or privacy mode: not keeping them is acceptable
  }
}

/** Store the answers only if the reader opted in for this quiz; returns whether it did. */
export function saveIfRemembered(quizId, answers, store = storage()) {
  if (!isRemembered(quizId, store)) return false;
  setRemembered(quizId, true, answers, store);
  return true;
}

/** The kept answers of a quiz, or null. */
export function loadAnswers(quizId, store = storage()) {
  try {
    const text = store?.getItem(answersKey(quizId));
    const value = text ? JSON.parse(text) : null;
    return value && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The key prefixes of everything this site keeps: our answers, and the theme's settings
 * (Material's keys start with its scope, the site's root path, so another site on the same
 * origin keeps its own).
 */
export function sitePrefixes(scope = globalThis.__md_scope) {
  return scope?.pathname ? [STORAGE_PREFIX, `${scope.pathname}.`] : [STORAGE_PREFIX];
}

/** Remove everything this site stored in this browser; returns how many keys went. */
export function forgetAll(store = storage(), prefixes = sitePrefixes()) {
  if (!store) return 0;
  try {
    const ours = [];
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (prefixes.some((prefix) => key?.startsWith(prefix))) ours.push(key);
    }
    for (const key of ours) store.removeItem(key);
    return ours.length;
  } catch {
    return 0;
  }
}
