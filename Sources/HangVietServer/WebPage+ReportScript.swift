extension WebPage {
    /// The second half of the script: the history kept on the device, the report of a suspect
    /// product (hotlines from `GET /v1/hotlines`, sent through the share sheet or saved as a
    /// file; nothing goes to the server) and the inventory tab (`POST /v1/inventory`).
    static let reportScript = #"""
    // History: the last 20 checks, in localStorage on this device only.
    const HISTORY_KEY = "hangviet.history";
    function loadHistory() {
      try { const list = JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]"); return Array.isArray(list) ? list : []; }
      catch (_) { return []; }
    }
    function remember(verdict) {
      const entry = { input: String(verdict.input).slice(0, 512), outcome: verdict.outcome, summary: String(verdict.summary || "").slice(0, 300), time: new Date().toISOString() };
      const list = [entry].concat(loadHistory().filter((item) => item.input !== entry.input)).slice(0, 20);
      try { localStorage.setItem(HISTORY_KEY, JSON.stringify(list)); } catch (_) { /* private mode: no history */ }
    }
    function showHistory() {
      const list = $("history-list");
      list.replaceChildren();
      const items = loadHistory();
      if (!items.length) { list.append(el("li", { text: T.historyEmpty })); return; }
      for (const item of items) {
        const button = el("button", { type: "button", text: item.input });
        button.addEventListener("click", () => checkCode(item.input));
        const when = new Date(item.time).toLocaleString(LANG === "vi" ? "vi-VN" : "en-GB");
        list.append(el("li", {}, button, " — " + (T["o." + item.outcome] || item.outcome) + " · " + when));
      }
    }
    $("history-clear").addEventListener("click", () => {
      try { localStorage.removeItem(HISTORY_KEY); } catch (_) { /* nothing kept */ }
      showHistory();
      status(T.historyCleared);
    });

    // Reporting a suspect product.
    let hotlines = null;
    const THIS_YEAR = new Date().getFullYear();
    function isOld(line) {
      const year = parseInt(((line.asOf || "").match(/(19|20)\d\d/) || [""])[0], 10);
      return !year || THIS_YEAR - year >= 3 || /CHECK CURRENCY|superseded|not verified/i.test(line.statusNote || "");
    }
    async function showHotlines() {
      const list = $("hotline-list");
      if (!hotlines) {
        try { hotlines = (await api("/v1/hotlines")).filter((line) => line.scope === "national"); }
        catch (error) { list.replaceChildren(el("li", { text: T.error + error.message })); return; }
      }
      list.replaceChildren();
      for (const line of hotlines) {
        const number = line.numberOrChannel || "";
        const digits = number.replace(/[^0-9+]/g, "");
        const numberNode = /^\+?\d{3,}$/.test(digits) && /phone/i.test(line.channelType || "")
          ? el("a", { class: "number", href: "tel:" + digits, text: number }) : el("span", { class: "number", text: number });
        const item = el("li", { "data-number": number }, numberNode, " — " + line.agency);
        if (line.takes) item.append(el("div", { class: "hint", text: line.takes }));
        const dated = el("div", { class: isOld(line) ? "old" : "hint", text: T.hotlineAsOf + " " + (line.asOf || "?") + (isOld(line) ? " — " + T.hotlineOld : "") });
        if (isOld(line) && line.statusNote) dated.append(el("div", { text: line.statusNote }));
        item.append(dated, sources(line.source));
        list.append(item);
      }
    }
    function describe(verdict, read) {
      if (!verdict) return "";
      return (T["o." + verdict.outcome] || verdict.outcome) + " — " + (verdict.summary || "")
        + (read && read.confidence ? " [" + T.readConfidence + ": " + read.confidence.level + "]" : "");
    }
    function openReport(verdict, read) {
      if (verdict) { state.verdict = verdict; state.read = read || null; }
      $("report").hidden = false;
      $("report-summary").textContent = state.verdict ? T.reportCode + ": " + state.verdict.input + " — " + describe(state.verdict, state.read) : "";
      $("report-photo").disabled = !state.photo;
      showHotlines();
      $("report").focus();
    }
    $("report-open").addEventListener("click", () => openReport(null, null));
    $("report-close").addEventListener("click", () => { $("report").hidden = true; });
    function reportText() {
      const lines = [T.reportHeading, ""];
      const time = new Date();
      if (state.verdict) {
        lines.push(T.reportCode + ": " + state.verdict.input);
        lines.push(T.reportVerdict + ": " + describe(state.verdict, state.read));
      }
      lines.push(T.reportTime + ": " + time.toLocaleString(LANG === "vi" ? "vi-VN" : "en-GB") + " (" + time.toISOString() + ")");
      const place = $("report-place").value.trim();
      if (place) lines.push(T.reportPlace.replace(/\s*\(.*\)$/, "") + ": " + place);
      const notes = $("report-notes").value.trim();
      if (notes) lines.push(T.reportNotes.replace(/\s*\(.*\)$/, "") + ": " + notes);
      if (hotlines && hotlines.length) {
        lines.push("");
        for (const line of hotlines.slice(0, 4)) lines.push(line.numberOrChannel + " — " + line.agency);
      }
      return lines.join("\n") + "\n";
    }
    function download(blob, name) {
      const url = URL.createObjectURL(blob);
      const link = el("a", { href: url, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
    $("report-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = reportText();
      document.body.dataset.reportText = text;
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const files = [];
      if ($("report-photo").checked && state.photo) files.push(new File([state.photo], "hangviet-" + stamp + ".jpg", { type: "image/jpeg" }));
      const data = { title: T.reportHeading, text, files };
      if (navigator.share && (!files.length || (navigator.canShare && navigator.canShare(data)))) {
        try { await navigator.share(files.length ? data : { title: data.title, text }); return; }
        catch (error) { if (error && error.name === "AbortError") return; }
      }
      download(new Blob([text], { type: "text/plain;charset=utf-8" }), "hangviet-report-" + stamp + ".txt");
      for (const file of files) download(file, file.name);
      status(T.reportSaved);
    });

    // Inventory: the same engine as `hangviet batch`; the report comes back as HTML made by the
    // server (every text escaped there), the checked rows as CSV.
    $("inventory-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const file = $("inventory-file").files[0];
      if (!file) return;
      const result = $("inventory-result");
      result.replaceChildren();
      status(T.inventoryWorking);
      try {
        const xlsx = /\.xlsx$/i.test(file.name);
        const type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
        let query = "?name=" + encodeURIComponent(file.name);
        for (const name of ["column", "quantity", "price"]) {
          const value = $("inventory-" + name).value.trim();
          if (value) query += "&" + name + "=" + encodeURIComponent(value);
        }
        const answer = await api("/v1/inventory" + query, { method: "POST", body: file, headers: { "Content-Type": type } });
        status("");
        const fragment = document.createElement("template");
        fragment.innerHTML = answer.reportHTML;
        result.append(fragment.content);
        const button = el("button", { type: "button", id: "inventory-download", text: T.inventoryDownload });
        button.addEventListener("click", () => download(new Blob([answer.checkedCSV], { type: "text/csv;charset=utf-8" }),
          file.name.replace(/\.[^.]*$/, "") + "-hangviet.csv"));
        result.append(button);
        result.focus();
      } catch (error) { status(T.error + error.message); }
    });
    """#
}
