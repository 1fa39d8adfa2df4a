extension WebPage {
    /// The page. `{{key}}` is a text of ``texts`` (escaped), `{{textsJSON}}` all of them for the
    /// script. No inline script or style: the Content-Security-Policy allows neither.
    static let template = #"""
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>HangViet — {{title}}</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/assets/app.css?v={{styleVersion}}">
    <script src="/assets/app.js?v={{scriptVersion}}" defer></script>
    <script type="application/json" id="hv-texts">{{textsJSON}}</script>
    </head>
    <body>
    <a class="skip" href="#main">{{skip}}</a>
    <header>
    <h1>HangViet <span>{{title}}</span></h1>
    <p class="tagline">{{tagline}}</p>
    <nav aria-label="{{languageLabel}}" class="languages"><a href="/?lang=vi" lang="vi" hreflang="vi"{{viCurrent}}>Tiếng Việt</a> <a href="/?lang=en" lang="en" hreflang="en"{{enCurrent}}>English</a></nav>
    </header>
    <main id="main">
    <div role="tablist" aria-label="{{tabsLabel}}" class="tabs">
    <button type="button" role="tab" id="tab-scan" aria-controls="panel-scan" aria-selected="true">{{tabScan}}</button>
    <button type="button" role="tab" id="tab-code" aria-controls="panel-code" aria-selected="false" tabindex="-1">{{tabCode}}</button>
    <button type="button" role="tab" id="tab-inventory" aria-controls="panel-inventory" aria-selected="false" tabindex="-1">{{tabInventory}}</button>
    <button type="button" role="tab" id="tab-history" aria-controls="panel-history" aria-selected="false" tabindex="-1">{{tabHistory}}</button>
    </div>

    <section role="tabpanel" id="panel-scan" aria-labelledby="tab-scan" class="panel">
    <p>{{scanIntro}}</p>
    <div id="drop" class="drop">
    <label class="button" for="camera-photo">{{takePhoto}}</label>
    <input type="file" id="camera-photo" accept="image/*" capture="environment" class="visually-hidden">
    <label class="button secondary" for="file-photo">{{choosePhoto}}</label>
    <input type="file" id="file-photo" accept="image/*" class="visually-hidden">
    <button type="button" id="live-start" class="secondary" hidden>{{liveCamera}}</button>
    <p class="hint">{{dropHint}}</p>
    <p class="hint" id="camera-https" hidden>{{cameraNeedsHttps}}</p>
    </div>
    <div id="live" hidden>
    <video id="live-video" playsinline muted></video>
    <button type="button" id="live-stop" class="secondary">{{liveStop}}</button>
    </div>
    </section>

    <section role="tabpanel" id="panel-code" aria-labelledby="tab-code" class="panel" hidden>
    <form id="code-form">
    <label for="code-input">{{codeLabel}}</label>
    <div class="row"><input id="code-input" name="code" autocomplete="off" autocapitalize="off" spellcheck="false" required maxlength="512" placeholder="8934563138165" aria-describedby="code-hint">
    <button type="submit">{{check}}</button></div>
    </form>
    <p class="hint" id="code-hint">{{codeHint}}</p>
    </section>

    <section role="tabpanel" id="panel-inventory" aria-labelledby="tab-inventory" class="panel" hidden>
    <p>{{inventoryIntro}}</p>
    <form id="inventory-form">
    <label for="inventory-file">{{inventoryFile}}</label>
    <div class="row"><input type="file" id="inventory-file" required accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
    <button type="submit">{{inventoryCheck}}</button></div>
    <details><summary>{{inventoryColumns}}</summary>
    <p class="hint">{{inventoryColumnsHint}}</p>
    <label for="inventory-column">{{inventoryBarcode}}</label><input id="inventory-column" maxlength="200" autocomplete="off">
    <label for="inventory-quantity">{{inventoryQuantity}}</label><input id="inventory-quantity" maxlength="200" autocomplete="off">
    <label for="inventory-price">{{inventoryPrice}}</label><input id="inventory-price" maxlength="200" autocomplete="off">
    </details>
    </form>
    <div id="inventory-result"></div>
    </section>

    <section role="tabpanel" id="panel-history" aria-labelledby="tab-history" class="panel" hidden>
    <p>{{historyIntro}}</p>
    <ol id="history-list" class="history"></ol>
    <button type="button" id="history-clear" class="secondary">{{historyClear}}</button>
    </section>

    <p id="status" role="status" aria-live="polite"></p>

    <section id="result" aria-label="{{resultLabel}}" tabindex="-1">
    <figure id="photo-figure" hidden>
    <canvas id="photo-canvas" role="img" aria-label="{{photoAlt}}"></canvas>
    <figcaption id="photo-caption"></figcaption>
    </figure>
    <div id="cards"></div>
    </section>

    <p><button type="button" id="report-open" class="secondary">{{reportAnyway}}</button></p>

    <section id="report" aria-labelledby="report-title" tabindex="-1" hidden>
    <h2 id="report-title">{{reportTitle}}</h2>
    <p>{{reportIntro}}</p>
    <ul id="hotline-list" class="hotlines"></ul>
    <form id="report-form">
    <p id="report-summary" class="hint"></p>
    <label for="report-place">{{reportPlace}}</label>
    <input id="report-place" maxlength="200" autocomplete="off">
    <label for="report-notes">{{reportNotes}}</label>
    <textarea id="report-notes" maxlength="1000" rows="3"></textarea>
    <p><input type="checkbox" id="report-photo"> <label for="report-photo" class="inline">{{reportAttachPhoto}}</label></p>
    <div class="row"><button type="submit">{{reportSend}}</button>
    <button type="button" id="report-close" class="secondary">{{close}}</button></div>
    </form>
    <p class="hint">{{reportPrivacy}}</p>
    </section>
    </main>
    <footer>
    <p>{{footer}}</p>
    <p><a href="/openapi.yaml">{{api}}</a></p>
    </footer>
    </body>
    </html>

    """#
}
