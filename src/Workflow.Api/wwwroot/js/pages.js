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

// Sortable tables: a table with class "sortable" gets a button in each column heading. The sort is stable (ties keep
// their order), reads numbers and dates as such (a cell's data-sort wins over its text), and says so in aria-sort.
document.addEventListener("DOMContentLoaded", () => {
  const number = /^[-+]?[\d\s,]*\.?\d+\s*%?$/;
  const date = /^\d{4}-\d{2}-\d{2}/;
  const key = (cell) => {
    const raw = (cell?.dataset.sort ?? cell?.textContent ?? "").trim();
    if (raw === "" || raw === "—") return { kind: 2, value: "" };
    if (number.test(raw)) return { kind: 0, value: parseFloat(raw.replace(/[\s,%]/g, "")) };
    if (date.test(raw)) return { kind: 0, value: Date.parse(raw.slice(0, 10)) };
    return { kind: 1, value: raw.toLocaleLowerCase() };
  };
  const compare = (a, b) => a.kind !== b.kind ? a.kind - b.kind
    : a.kind === 1 ? a.value.localeCompare(b.value) : a.value - b.value;

  for (const table of document.querySelectorAll("table.sortable")) {
    const body = table.tBodies[0];
    const headings = table.tHead?.rows[0]?.cells ?? [];
    if (!body) continue;
    Array.from(headings).forEach((th, column) => {
      if (th.dataset.nosort !== undefined || th.querySelector("input, button")) return;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        for (const other of headings) other.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const rows = Array.from(body.rows).map((row, index) => ({ row, index, key: key(row.cells[column]) }));
        rows.sort((a, b) => {
          // Empty cells stay last whichever way the column is sorted.
          const byKind = a.key.kind === 2 || b.key.kind === 2 ? a.key.kind - b.key.kind : 0;
          const order = byKind || (ascending ? 1 : -1) * compare(a.key, b.key);
          return order || a.index - b.index;
        });
        for (const { row } of rows) body.appendChild(row);
      });
    });
  }
});

// A printed report carries every table, including those folded into a details element on screen.
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("details:not([open])")) {
    details.setAttribute("open", "");
    details.dataset.openedForPrint = "";
  }
});
window.addEventListener("afterprint", () => {
  for (const details of document.querySelectorAll("details[data-opened-for-print]")) {
    details.removeAttribute("open");
    delete details.dataset.openedForPrint;
  }
});
