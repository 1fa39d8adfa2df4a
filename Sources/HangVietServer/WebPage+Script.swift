extension WebPage {
    /// The page's script: tabs, photos (scaled down in the browser, then `POST /v1/scan`), a live
    /// camera on secure contexts, typed codes (`GET /v1/codes/…`) and the verdict cards. Every
    /// text from the server or the registry goes in with `textContent`, never as HTML.
    static let script = scanScript + reportScript

    /// Photos are scaled so that their longer side is at most this many pixels before upload
    /// (benchmarks/RESULTS.md §9: measured with benchmarks/scripts/downscale-reads.py, 1600 read the most).
    static let uploadLongerSide = 1600

    static let scanScript = #"""
    "use strict";
    const T = JSON.parse(document.getElementById("hv-texts").textContent);
    const LANG = document.documentElement.lang;
    const MAX_SIDE = \#(uploadLongerSide);
    const $ = (id) => document.getElementById(id);
    const state = { verdict: null, read: null, photo: null };

    function el(tag, attrs, ...children) {
      const node = document.createElement(tag);
      for (const [key, value] of Object.entries(attrs || {})) {
        if (value == null) continue;
        if (key === "class") node.className = value;
        else if (key === "text") node.textContent = value;
        else node.setAttribute(key, value);
      }
      for (const child of children) if (child != null) node.append(child);
      return node;
    }
    function status(text) { $("status").textContent = text || ""; }

    async function api(path, options = {}) {
      const headers = Object.assign({ "Accept-Language": LANG, "Accept": "application/json" }, options.headers || {});
      const response = await fetch(path, Object.assign({}, options, { headers }));
      let body = null;
      try { body = await response.json(); } catch (_) { body = null; }
      if (!response.ok) throw new Error((body && body.error && body.error.message) || (response.status + " " + response.statusText));
      return body;
    }

    // Tabs: arrow keys, Home and End move between them (WAI-ARIA tabs pattern).
    const tabs = Array.from(document.querySelectorAll("[role=tab]"));
    function selectTab(tab, focus) {
      for (const other of tabs) {
        const on = other === tab;
        other.setAttribute("aria-selected", String(on));
        other.tabIndex = on ? 0 : -1;
        $(other.getAttribute("aria-controls")).hidden = !on;
      }
      if (focus) tab.focus();
      if (tab.id === "tab-history") showHistory();
      // Verdicts belong to the scan and code tabs; the inventory and history tabs have their own.
      const verdicts = tab.id === "tab-scan" || tab.id === "tab-code";
      $("result").hidden = !verdicts;
      $("report-open").hidden = !verdicts;
    }
    tabs.forEach((tab, index) => {
      tab.addEventListener("click", () => selectTab(tab));
      tab.addEventListener("keydown", (event) => {
        const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        selectTab(tabs[(next + tabs.length) % tabs.length], true);
      });
    });

    // A link for an address that is a web address; anything else stays text.
    function sourceItem(address) {
      const space = address.indexOf(" ");
      const url = space < 0 ? address : address.slice(0, space);
      const rest = space < 0 ? "" : address.slice(space);
      if (/^https?:\/\//i.test(url)) return el("li", {}, el("a", { href: url, rel: "noopener noreferrer", text: url }), rest);
      return el("li", { text: address });
    }
    function sources(source) {
      if (!source) return null;
      const list = el("ul", { class: "sources" });
      for (const address of source.addresses || []) list.append(sourceItem(address));
      const label = T.source + (source.title ? ": " + source.title : "") + (source.retrieved ? " (" + T.retrieved + " " + source.retrieved + ")" : "");
      return el("details", {}, el("summary", { class: "sources", text: label }), list);
    }

    function isDoubtful(read) { return !!(read && read.confidence && read.confidence.level !== "confirmed"); }
    function tone(verdict, read) {
      const warned = (verdict.caveats || []).some((c) => c.code === "origin-warning" || c.code === "doubtful-read");
      if (verdict.outcome === "invalid" || isDoubtful(read) || warned) return "warn";
      return verdict.shareCategory === "confirmed" ? "good" : "plain";
    }
    function needsReport(verdict, read) {
      return verdict.outcome === "invalid" || isDoubtful(read) || (verdict.caveats || []).some((c) => c.code === "origin-warning");
    }

    function fact(item) {
      const title = el("strong", { text: item.name });
      const li = el("li", {}, title);
      if (item.kind === "brand-ownership") li.prepend(T.owner + ": ");
      if (item.ocop && item.ocop.stars) {
        li.append(" ", el("span", { class: "stars", text: "★".repeat(item.ocop.stars) + " " + item.ocop.stars + " " + T.ocopStars }),
          " — " + (item.ocop.current ? T.ocopCurrent : T.ocopExpired) + (item.ocop.expiresOn ? " (" + item.ocop.expiresOn + ")" : ""));
      }
      if (item.note) li.append(el("div", { text: item.note }));
      if (item.originWarning) li.append(el("div", { class: "old", text: item.originWarning }));
      if (item.kind === "brand-ownership") {
        const attributes = item.attributes || {};
        const shown = ["group", "country", "since", "as of", "company", "matched"].filter((key) => attributes[key]);
        if (shown.length) li.append(el("div", { class: "hint", text: shown.map((key) => T["a." + key] + ": " + attributes[key]).join(" · ") }));
      }
      li.append(sources(item.source));
      return li;
    }
    // Crowd-sourced brand tags are not companies: one line, "brands seen with this prefix".
    function brandTags(items) {
      const li = el("li", { "data-fact": "brand-tags" }, T.brandTags + ": ", el("strong", { text: items.map((item) => item.name).join(", ") }));
      li.append(el("div", { class: "hint", text: T.brandTagsNote }));
      for (const item of items) li.append(sources(item.source));
      return li;
    }

    function card(verdict, read) {
      const kind = tone(verdict, read);
      const node = el("article", { class: "card " + kind, "data-outcome": verdict.outcome, "data-tone": kind });
      node.append(el("h2", { class: "outcome", text: T["o." + verdict.outcome] || verdict.outcome },
        verdict.shareCategory ? el("span", { class: "badge", text: T["s." + verdict.shareCategory] }) : null));
      node.append(el("p", { class: "code", text: (read ? read.symbology + ": " : "") + ((verdict.code && verdict.code.digits) || verdict.input) }));
      node.append(el("p", { class: "summary", text: verdict.summary }));
      if (read && read.confidence) {
        const doubtful = isDoubtful(read);
        const line = el("p", { class: doubtful ? "old" : "hint", "data-confidence": read.confidence.level,
          text: T.readConfidence + ": " + (doubtful ? T.doubtfulRead : T.confirmedRead) + " (" + read.confidence.level + ")" });
        node.append(line);
        if ((read.confidence.alternatives || []).length) node.append(el("p", { class: "hint", text: T.alternatives + ": " + read.confidence.alternatives.join(", ") }));
      }
      const meaning = el("dl", {},
        el("dt", { text: T.meaning }), el("dd", { text: T["m." + verdict.outcome] || "" }),
        el("dt", { text: T.notMeaning }), el("dd", { text: T["n." + verdict.outcome] || "" }));
      node.append(meaning);
      const evidence = el("ul", {});
      if (verdict.issuer) evidence.append(el("li", { text: T.issuer + ": " + verdict.issuer.name + (verdict.issuer.country ? " (" + verdict.issuer.country + ")" : "") }));
      if (verdict.companyPrefix && verdict.companyPrefix.prefix) evidence.append(el("li", { text: T.companyPrefix + ": " + verdict.companyPrefix.prefix }));
      if (verdict.countryOfOrigin) evidence.append(el("li", { text: T.origin + ": " + (verdict.countryOfOrigin.name || verdict.countryOfOrigin.code || "") }));
      const registry = verdict.registry || [];
      for (const item of registry.filter((item) => !item.brandTag)) evidence.append(fact(item));
      const tags = registry.filter((item) => item.brandTag);
      if (tags.length) evidence.append(brandTags(tags));
      if (evidence.children.length) node.append(el("h3", { text: T.evidence }), evidence);
      const caveats = (verdict.caveats || []).filter((c) => c.code !== "where-to-report");
      if (caveats.length) {
        const list = el("ul", {});
        for (const caveat of caveats) list.append(el("li", { "data-caveat": caveat.code, text: caveat.message }));
        node.append(el("h3", { text: T.caveats }), list);
      }
      if (needsReport(verdict, read)) {
        const button = el("button", { type: "button", class: "secondary", text: T.reportAnyway });
        button.addEventListener("click", () => openReport(verdict, read));
        node.append(button);
      }
      return node;
    }

    function clearResult() {
      $("cards").replaceChildren();
      $("photo-figure").hidden = true;
    }
    function showVerdict(verdict, read) {
      state.verdict = verdict;
      state.read = read || null;
      $("cards").append(card(verdict, read));
      remember(verdict);
    }

    async function checkCode(code) {
      clearResult();
      state.photo = null;
      status(T.checking);
      try {
        const verdict = await api("/v1/codes/" + encodeURIComponent(code));
        status("");
        showVerdict(verdict, null);
        $("result").focus();
      } catch (error) { status(T.error + error.message); }
    }
    $("code-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const code = $("code-input").value.trim();
      if (code) checkCode(code);
    });

    // The photo, scaled so its longer side is at most MAX_SIDE and re-encoded as JPEG: the
    // outlines the server returns are then in the coordinates of what is drawn.
    async function prepare(file) {
      let bitmap;
      try { bitmap = await createImageBitmap(file, { imageOrientation: "from-image" }); } catch (_) { return { blob: file, canvas: null }; }
      const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      const canvas = el("canvas", {});
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const context = canvas.getContext("2d");
      context.imageSmoothingQuality = "high";  // antialiased, as measured in RESULTS.md
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
      return { blob: blob || file, canvas };
    }
    function hull(points) {
      const p = points.map(([x, y]) => ({ x, y })).sort((a, b) => a.x - b.x || a.y - b.y);
      const cross = (o, a, b) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
      const lower = [], upper = [];
      for (const q of p) { while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop(); lower.push(q); }
      for (const q of p.slice().reverse()) { while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop(); upper.push(q); }
      return lower.slice(0, -1).concat(upper.slice(0, -1));
    }
    function showPhoto(canvas, answer) {
      if (!canvas) return;
      const target = $("photo-canvas");
      target.width = canvas.width;
      target.height = canvas.height;
      const context = target.getContext("2d");
      context.drawImage(canvas, 0, 0);
      context.lineWidth = Math.max(3, canvas.width / 200);
      for (const code of answer.codes || []) {
        const outline = hull(code.polygon || []);
        if (outline.length < 2) continue;
        context.strokeStyle = isDoubtful(code) ? "#e07b00" : "#0b5cad";
        context.beginPath();
        outline.forEach((q, i) => (i ? context.lineTo(q.x, q.y) : context.moveTo(q.x, q.y)));
        context.closePath();
        context.stroke();
      }
      $("photo-caption").textContent = T.codesFound + (answer.codes || []).length;
      $("photo-figure").hidden = false;
    }

    async function scanBlob(blob, canvas, quiet) {
      const started = performance.now();
      const answer = await api("/v1/scan", { method: "POST", body: blob, headers: { "Content-Type": blob.type || "application/octet-stream" } });
      if (quiet && !(answer.codes || []).length) return answer;
      clearResult();
      showPhoto(canvas, answer);
      if (!(answer.codes || []).length) status(T.noCode);
      else status("");
      for (const code of answer.codes || []) showVerdict(code.verdict, code);
      document.body.dataset.scanMilliseconds = String(Math.round(performance.now() - started));
      document.body.dataset.serverMilliseconds = String(answer.milliseconds);
      return answer;
    }
    async function scanFile(file) {
      if (!file) return;
      const chosen = performance.now();
      clearResult();
      status(T.working);
      try {
        const { blob, canvas } = await prepare(file);
        state.photo = blob;
        await scanBlob(blob, canvas, false);
        document.body.dataset.photoToVerdict = String(Math.round(performance.now() - chosen));
        $("result").focus();
      } catch (error) { status(T.error + error.message); }
    }
    for (const id of ["camera-photo", "file-photo"]) {
      $(id).addEventListener("change", (event) => { scanFile(event.target.files[0]); event.target.value = ""; });
    }
    const drop = $("drop");
    drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("over");
      scanFile(event.dataTransfer.files[0]);
    });

    // The live camera: a frame every 700 ms until a code is found (secure contexts only).
    let stream = null, timer = null;
    if (window.isSecureContext && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) $("live-start").hidden = false;
    else $("camera-https").hidden = false;
    function stopLive() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (stream) stream.getTracks().forEach((track) => track.stop());
      stream = null;
      $("live").hidden = true;
    }
    async function liveFrame() {
      const video = $("live-video");
      if (!stream || !video.videoWidth) { timer = setTimeout(liveFrame, 300); return; }
      const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
      const canvas = el("canvas", {});
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      const context = canvas.getContext("2d");
      context.imageSmoothingQuality = "high";
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.9));
      try {
        const answer = await scanBlob(blob, canvas, true);
        if ((answer.codes || []).length) { state.photo = blob; stopLive(); return; }
      } catch (error) { status(T.error + error.message); }
      if (stream) timer = setTimeout(liveFrame, 700);
    }
    $("live-start").addEventListener("click", async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        $("live-video").srcObject = stream;
        await $("live-video").play();
        $("live").hidden = false;
        status(T.liveLooking);
        liveFrame();
      } catch (error) { status(T.liveUnavailable + error.message); stopLive(); }
    });
    $("live-stop").addEventListener("click", () => { stopLive(); status(""); });

    """#
}
