// The ingest page: send URLs and files to POST /api/ingest, then poll the job until it ends.
// Plain DOM calls only; every text from the server goes in with textContent, never innerHTML.
(function () {
  "use strict";
  const form = document.getElementById("ingest");
  if (!form) return;
  const drop = document.getElementById("drop");
  const files = document.getElementById("files");
  const chosen = document.getElementById("chosen");
  const progress = document.getElementById("progress");
  const token = document.getElementById("token");
  let dropped = [];

  token.value = sessionStorage.getItem("tieline-token") || "";

  function showChosen() {
    const names = dropped.concat(Array.from(files.files)).map((f) => f.name);
    chosen.textContent = names.length ? "Chosen: " + names.join(", ") : "";
  }
  files.addEventListener("change", showChosen);
  ["dragenter", "dragover"].forEach((name) =>
    drop.addEventListener(name, (event) => { event.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach((name) =>
    drop.addEventListener(name, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    dropped = dropped.concat(Array.from(event.dataTransfer.files));
    showChosen();
  });

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function render(box, job) {
    box.replaceChildren();
    const head = el("p");
    head.append(el("strong", "Job " + job.id + ": " + job.state), " · " + job.done + " of " + job.total + " items");
    box.append(head);
    const bar = el("progress");
    bar.max = Math.max(job.total, job.done, 1);
    bar.value = job.done;
    bar.setAttribute("aria-label", "items done");
    box.append(bar);
    const list = el("ul", undefined, "plain");
    job.outcomes.forEach((o) => {
      const item = el("li");
      item.append(el("span", o.status, "status outcome-" + o.status), " ");
      if (o.article_id) {
        const link = el("a", o.title || o.origin);
        link.href = "/articles/" + encodeURIComponent(o.article_id);
        item.append(link);
      } else {
        item.append(el("span", o.origin));
      }
      if (o.reason) item.append(el("small", " — " + o.reason));
      list.append(item);
    });
    box.append(list);
    if (job.error) box.append(el("p", job.error, "outcome-failed"));
  }

  function poll(box, url) {
    fetch(url, { headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((job) => {
        render(box, job);
        if (job.state === "queued" || job.state === "running") setTimeout(() => poll(box, url), 700);
      })
      .catch((error) => box.append(el("p", "Lost track of the job: " + error, "outcome-failed")));
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData();
    const urls = document.getElementById("urls").value.trim();
    if (urls) data.append("urls", urls);
    const published = document.getElementById("published").value;
    if (published) data.append("published", published);
    dropped.concat(Array.from(files.files)).forEach((f) => data.append("files", f, f.name));
    sessionStorage.setItem("tieline-token", token.value);
    const box = el("div", "Sending…", "job");
    if (progress.querySelector(".empty")) progress.replaceChildren();
    progress.prepend(box);
    fetch("/api/ingest", {
      method: "POST",
      body: data,
      headers: { Authorization: "Bearer " + token.value, Accept: "application/json" },
    })
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        if (!ok) { box.replaceChildren(el("p", body.error || "refused", "outcome-failed")); return; }
        form.reset();
        dropped = [];
        showChosen();
        poll(box, body.url);
      })
      .catch((error) => box.replaceChildren(el("p", "Could not send: " + error, "outcome-failed")));
  });
})();
