// Material's storage helpers, moved out of its inline <script> in partials/javascripts/
// base.html so the Content-Security-Policy needs no 'unsafe-inline'. Same behaviour as
// Material 9.8's: settings are stored per site (under the scope's path) in localStorage.
// Globals on purpose: Material's bundle and material-palette.js call them by these names.
/* global __md_scope:writable, __md_hash:writable, __md_get:writable, __md_set:writable */
__md_scope = new URL(document.currentScript.dataset.mdScope, location);
__md_hash = (text) => [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
__md_get = (key, storage = localStorage, scope = __md_scope) =>
  JSON.parse(storage.getItem(`${scope.pathname}.${key}`));
__md_set = (key, value, storage = localStorage, scope = __md_scope) => {
  try {
    storage.setItem(`${scope.pathname}.${key}`, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the setting lasts for this page only, as in Material.
  }
};
