extension WebPage {
    /// The style sheet: system fonts, readable at 360 px, AA contrast, a visible focus ring.
    /// Verdict colours never overclaim: green only with evidence beyond an 893 number, amber
    /// (never red) for invalid codes, doubtful reads and origin warnings.
    static let style = #"""
    :root{--ink:#1d2329;--muted:#4a5560;--line:#c9d1d9;--accent:#0b5cad;--green:#0f5323;--green-bg:#e3f3e8;
    --amber:#5c3d00;--amber-bg:#fff1cc;--amber-line:#9a6700;--neutral-bg:#eef2f7;--neutral-line:#5b6b7f}
    *{box-sizing:border-box}
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0 auto;max-width:46rem;
    padding:0 1rem 2rem;color:var(--ink);background:#fff;line-height:1.5;font-size:1rem}
    h1{font-size:1.5rem;margin:.8rem 0 0}h1 span{font-weight:400;color:var(--muted)}
    h2{font-size:1.2rem;margin:1rem 0 .4rem}h3{font-size:1.05rem;margin:.8rem 0 .3rem}
    .tagline{margin:.2rem 0;color:var(--muted)}
    a{color:var(--accent)}
    :focus-visible{outline:3px solid #e07b00;outline-offset:2px}
    .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
    .languages a{margin-right:.8rem}.languages a[aria-current]{font-weight:700;color:var(--ink)}
    .tabs{display:flex;flex-wrap:wrap;gap:.3rem;margin:1rem 0 0;border-bottom:2px solid var(--line)}
    .tabs button{background:none;color:var(--ink);border:0;border-bottom:3px solid transparent;border-radius:0;padding:.6rem .7rem;margin:0}
    .tabs button[aria-selected=true]{border-bottom-color:var(--accent);font-weight:700;color:var(--accent)}
    .panel{padding:.8rem 0}
    button,.button{display:inline-block;font:inherit;font-weight:600;background:var(--accent);color:#fff;border:2px solid var(--accent);
    border-radius:.4rem;padding:.55rem 1rem;margin:.2rem .4rem .2rem 0;cursor:pointer;min-height:44px}
    button.secondary,.button.secondary{background:#fff;color:var(--accent)}
    input,textarea{font:inherit;padding:.5rem;border:1px solid var(--neutral-line);border-radius:.3rem;width:100%;max-width:100%}
    input[type=checkbox]{width:auto}
    input[type=file]{border:0;padding:.3rem 0}
    label{display:block;font-weight:600;margin:.6rem 0 .2rem}label.button,label.inline{display:inline-block}
    .row{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}.row input{flex:1 1 14rem}
    .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    .drop{border:2px dashed var(--line);border-radius:.6rem;padding:1rem;text-align:center}
    .drop.over{border-color:var(--accent);background:#eef5fc}
    .hint{color:var(--muted);font-size:.92rem;margin:.3rem 0}
    #live video{width:100%;max-height:60vh;background:#000;border-radius:.4rem}
    #status:empty{display:none}#status{padding:.5rem .7rem;background:var(--neutral-bg);border-radius:.3rem}
    figure{margin:1rem 0}canvas{max-width:100%;height:auto;border-radius:.4rem;border:1px solid var(--line)}
    figcaption{color:var(--muted);font-size:.92rem}
    .card{border:1px solid var(--neutral-line);border-left-width:.5rem;border-radius:.5rem;padding:.2rem 1rem .8rem;margin:1rem 0;background:var(--neutral-bg)}
    .card.good{border-color:#1a7f37;background:var(--green-bg)}.card.good .outcome{color:var(--green)}
    .card.warn{border-color:var(--amber-line);background:var(--amber-bg)}.card.warn .outcome{color:var(--amber)}
    .card .outcome{font-size:1.2rem;font-weight:700;margin:.6rem 0 .2rem}
    .card .code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.05rem;word-break:break-all}
    .card .badge{display:inline-block;font-size:.85rem;font-weight:600;padding:.05rem .5rem;border-radius:1rem;border:1px solid currentColor;margin-left:.3rem}
    .card dl{margin:.4rem 0}.card dt{font-weight:600;margin-top:.4rem}.card dd{margin:0 0 0 1rem}
    .card ul{padding-left:1.2rem;margin:.3rem 0}.card li{margin:.25rem 0}
    .sources{font-size:.88rem;color:var(--muted);overflow-wrap:anywhere}
    .stars{color:#7a4d00;font-weight:700}
    .history li{margin:.3rem 0}.history button{background:none;color:var(--accent);border:0;padding:.2rem;min-height:auto;text-decoration:underline;font-weight:400}
    .hotlines li{margin:.5rem 0}.hotlines .number{font-weight:700;font-size:1.1rem}
    .old{color:var(--amber);font-weight:600}
    #report{border:2px solid var(--amber-line);border-radius:.6rem;padding:0 1rem 1rem;margin:1rem 0}
    table{border-collapse:collapse;margin:.6rem 0;width:100%}td,th{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
    .n{text-align:right;font-variant-numeric:tabular-nums}
    .big{font-size:2rem;font-weight:700;color:var(--green)}
    .bar{display:flex;height:1.8rem;border-radius:.3rem;overflow:hidden;margin:.3rem 0 .8rem;border:1px solid var(--line)}
    .bar span{display:block;height:100%}
    .c-confirmed{background:#1a7f37}.c-registrant-only{background:#8fd19e}.c-registrant-foreign-group{background:#f2cc60}.c-other{background:#b7b7b7}
    .key{list-style:none;padding:0}.key li{margin:.2rem 0}.key span{display:inline-block;width:1rem;height:1rem;margin-right:.5rem;vertical-align:middle;border:1px solid #555}
    footer{margin-top:2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.92rem}
    @media (max-width:420px){body{padding:0 .7rem 2rem}.tabs button{padding:.5rem .45rem}}
    """#
}
