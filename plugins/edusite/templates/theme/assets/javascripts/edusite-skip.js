// Material's "Skip to content" link targets the page's first table-of-contents entry. On an
// article the title, key takeaways and the medical disclaimer come before that heading (the
// template renders them, not the Markdown), so the link would jump past them: point it at the
// article's header instead, and move the focus there (the header has tabindex="-1"), so the
// next Tab continues inside the article whatever Material's instant navigation does with the
// jump. Material re-renders the link on every instant navigation and then emits `document$`,
// so this runs again each time. Without JavaScript the link still works.
document$.subscribe(() => {
  const skip = document.querySelector("a.md-skip");
  const start = document.getElementById("article-start");
  if (skip && start) {
    skip.setAttribute("href", "#article-start");
    skip.addEventListener("click", () => start.focus());
  }
});
