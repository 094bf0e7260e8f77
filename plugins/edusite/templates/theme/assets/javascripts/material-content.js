// Material's content script, moved out of its inline <script> in partials/javascripts/
// content.html (the Content-Security-Policy forbids inline scripts). With the
// `content.tabs.link` feature it re-opens the content tabs the reader chose before; always,
// it opens the content tab that the address's #hash names.
(() => {
  if (document.currentScript.dataset.tabsLink === "True") {
    const tabs = __md_get("__tabs");
    if (Array.isArray(tabs)) {
      for (const set of document.querySelectorAll(".tabbed-set")) {
        // The earliest remembered tab that this set has wins, as in Material.
        const labels = [...set.querySelector(".tabbed-labels").getElementsByTagName("label")];
        for (const tab of tabs) {
          const chosen = labels.find((label) => label.textContent.trim() === tab);
          if (chosen) {
            document.getElementById(chosen.htmlFor).checked = true;
            break;
          }
        }
      }
    }
  }
  const target = document.getElementById(location.hash.slice(1));
  if (target?.name) target.checked = target.name.startsWith("__tabbed_");
})();
