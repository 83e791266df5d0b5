// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // "Select all" checkbox of the escalation queue.
  for (const all of document.querySelectorAll("[data-select-all]")) {
    all.addEventListener("change", () => {
      for (const box of document.querySelectorAll(`input[type=checkbox][name="${all.dataset.selectAll}"]`)) box.checked = all.checked;
    });
  }
  // The extension date matters only for extensions.
  for (const select of document.querySelectorAll("select[name=decision]")) {
    const date = select.form?.querySelector("input[name=extendTo]");
    if (!date) continue;
    const sync = () => { date.required = select.value === "extend"; };
    select.addEventListener("change", sync);
    sync();
  }
});
