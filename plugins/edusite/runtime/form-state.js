// A quiz form's state: its answers as the worker expects them (FormData strings), putting
// kept answers back, and the per-field error messages shown beside the questions. Whether
// and where answers are kept is answer-store.js's business.

/** Answers as {name: string | string[]}; checkbox groups are always lists. */
export function readAnswers(form) {
  const data = new FormData(form);
  const answers = {};
  for (const input of form.querySelectorAll("input[name], select[name], textarea[name]")) {
    const name = input.name;
    if (name in answers) continue;
    if (input.type === "checkbox") answers[name] = data.getAll(name).map(String);
    else if (data.has(name)) answers[name] = String(data.get(name));
  }
  return answers;
}

/** Put saved answers back into the form's inputs. */
export function writeAnswers(form, answers) {
  for (const input of form.querySelectorAll("input[name]")) {
    const saved = answers[input.name];
    if (saved === undefined) continue;
    if (input.type === "checkbox" || input.type === "radio") {
      const values = Array.isArray(saved) ? saved : [saved];
      input.checked = values.includes(input.value);
    } else {
      input.value = Array.isArray(saved) ? "" : String(saved);
    }
  }
}

/** Show `errors` ({question_id: message}) beside their questions; clears the others. */
export function showFieldErrors(form, errors) {
  const invalid = [];
  for (const slot of form.querySelectorAll("[data-error-for]")) {
    const name = slot.getAttribute("data-error-for");
    const message = errors?.[name];
    slot.textContent = message ? String(message) : "";
    slot.hidden = !message;
    const group = slot.closest("fieldset") || slot.closest(".edusite-quiz__field");
    for (const input of form.querySelectorAll("input[name]")) {
      if (input.name !== name) continue;
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
    if (group) group.classList.toggle("edusite-quiz__invalid", Boolean(message));
    if (message) invalid.push({ name, message: String(message), group });
  }
  return invalid;
}
