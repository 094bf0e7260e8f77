// Material's palette restore, moved out of its inline <script> in partials/javascripts/
// palette.html (the Content-Security-Policy forbids inline scripts). It runs parser-blocking
// right after the palette toggle's inputs, so a reader's chosen light or dark palette is on
// <body> before the first paint, with no flash of the other one.
(() => {
  const palette = __md_get("__palette");
  if (!palette?.color) return;
  if (palette.color.media === "(prefers-color-scheme)") {
    // "Automatic" palette: take the colours of the input for the system's current scheme.
    const light = matchMedia("(prefers-color-scheme: light)").matches;
    const input = document.querySelector(
      light
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']",
    );
    for (const key of ["media", "scheme", "primary", "accent"]) {
      palette.color[key] = input.getAttribute(`data-md-color-${key}`);
    }
  }
  for (const [key, value] of Object.entries(palette.color)) {
    document.body.setAttribute(`data-md-color-${key}`, value);
  }
})();
