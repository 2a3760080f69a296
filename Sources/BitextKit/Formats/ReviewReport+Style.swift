extension ReviewReport {
  /// The page's style sheet: light and dark schemes, the print layout, no external resources.
  ///
  /// Glossary entries get their hue through a class per entry (`.e3{--h:212}`), written after it.
  static let style = """
    :root{--bg:#fff;--fg:#1d1d1f;--muted:#6a6a70;--line:#dcdce0;--head:#f4f4f6;--accent:#1a5fb4;
    --gap:#fff4e0;--gap-edge:#d97a00;--low-edge:#c0262d;--bad:#c0262d;--ms:85%;--ml:86%;
    --bar:2.6rem;color-scheme:light dark}
    @media (prefers-color-scheme:dark){:root{--bg:#17171a;--fg:#e4e4e7;--muted:#9d9da6;
    --line:#34343a;--head:#222227;--accent:#78aeff;--gap:#33270f;--gap-edge:#f0a33a;
    --low-edge:#ff6b70;--bad:#ff6b70;--ms:45%;--ml:32%}}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--fg);
    font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
    main{padding:0 1rem 2rem}
    a{color:var(--accent)}
    h1{font-size:1.3rem;margin:.8rem 0 .2rem}
    h2{font-size:1.05rem;margin:.6rem 0}
    .meta{color:var(--muted);margin:0 0 .5rem;font-size:.9em}
    .file{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em}
    .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
    white-space:nowrap}
    .toolbar{position:sticky;top:0;z-index:3;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;
    align-items:center;min-height:var(--bar);padding:.3rem 1rem;background:var(--bg);
    border-bottom:1px solid var(--line)}
    .toolbar select{font:inherit;color:inherit;background:var(--head);
    border:1px solid var(--line);border-radius:4px;padding:.1rem .3rem}
    #status{color:var(--muted)}
    .keys{margin-left:auto;color:var(--muted);font-size:.85em}
    kbd{font:inherit;border:1px solid var(--line);border-radius:3px;padding:0 .3em;
    background:var(--head)}
    .summary{display:flex;flex-wrap:wrap;gap:1rem 2.5rem;align-items:flex-start}
    .summary>div{display:flex;flex-wrap:wrap;gap:0 2.5rem;align-items:flex-start}
    .summary>div>h2{flex-basis:100%}
    .counts{border-collapse:collapse;font-size:.9em;margin-bottom:.8rem}
    .counts caption{text-align:left;font-weight:600;padding-bottom:.2rem}
    .counts th,.counts td{text-align:left;padding:.1rem .9rem .1rem 0;
    border-bottom:1px solid var(--line)}
    .counts thead th{color:var(--muted);font-weight:normal}
    .counts td:last-child{text-align:right;font-variant-numeric:tabular-nums}
    .sev-error .k,td.sev-error,.sev-error>.sev{color:var(--bad)}
    .sev-warning .k,td.sev-warning,.sev-warning>.sev{color:var(--gap-edge)}
    .sev-note .k,td.sev-note,.sev-note>.sev{color:var(--muted)}
    .sev{font-size:.8em;text-transform:uppercase;letter-spacing:.03em}
    .plot{margin:.6rem 0}
    .plot svg{display:block;width:240px;height:240px;cursor:crosshair}
    .plot .frame{fill:var(--head)}
    .plot figcaption{max-width:240px;font-size:.8em;color:var(--muted);margin-top:.3rem}
    .plot .hint{display:block}
    .plot path,.plot rect{vector-effect:non-scaling-stroke}
    .plot path{fill:none}
    .plot .frame{stroke:var(--line);stroke-width:1}
    .plot .axis{fill:var(--muted);font-size:46px}
    .plot .ref{stroke:var(--muted);stroke-width:1;stroke-dasharray:3 4}
    .plot .path{stroke:var(--accent);stroke-width:1.5;stroke-linejoin:round}
    .plot .gap,.plot .low{stroke-width:5;stroke-linecap:round;stroke-linejoin:round}
    .plot .gap{stroke:var(--gap-edge)}
    .plot .low{stroke:var(--low-edge);opacity:.75}
    .sw{display:inline-block;width:.8em;height:.8em;border-radius:50%;vertical-align:-.05em}
    .sw.gap{background:var(--gap-edge)}
    .sw.low{background:var(--low-edge)}
    #findings{margin:.4rem 0 1rem}
    #findings summary{cursor:pointer}
    #findings summary h2{display:inline}
    #findings ol{margin:.3rem 0;padding-left:2.2rem;font-size:.9em;max-height:16rem;overflow:auto}
    .bitext{width:100%;border-collapse:collapse;table-layout:fixed}
    .bitext caption{text-align:left;color:var(--muted);font-size:.85em;padding:.3rem 0}
    .bitext col.c-n{width:4.6em}
    .bitext col.c-f{width:19%}
    .bitext th,.bitext td{padding:.35rem .5rem;vertical-align:top;text-align:left;
    border-top:1px solid var(--line);overflow-wrap:anywhere}
    .bitext thead th{position:sticky;top:var(--bar);z-index:2;background:var(--head);
    border-bottom:1px solid var(--line)}
    .bitext tbody th{font-weight:normal;font-variant-numeric:tabular-nums}
    .bitext tbody th a{color:inherit;text-decoration:none}
    .bitext tbody th small{display:block;color:var(--muted);font-size:.72em;white-space:nowrap}
    .bitext td:last-child p{margin:0 0 .3rem;font-size:.85em}
    tr.pb>*{border-top:2px solid var(--muted)}
    .n{color:var(--muted);font-size:.7em;font-variant-numeric:tabular-nums;margin-right:.3em;
    vertical-align:.15em;user-select:none}
    .n.p::before{content:"¶"}
    tr.omit,tr.add{background:var(--gap)}
    tr.omit>th,tr.add>th{box-shadow:inset 4px 0 var(--gap-edge)}
    tr.low>th{box-shadow:inset 4px 0 var(--low-edge)}
    tr.low>th small{color:var(--low-edge);font-weight:600}
    td.gap{color:var(--muted);font-style:italic;font-size:.9em;background:repeating-linear-gradient(
    135deg,transparent 0 7px,var(--line) 7px 8px)}
    tr:target>*,tr:focus>*{background-color:color-mix(in srgb,var(--accent) 14%,transparent)}
    tr:focus{outline:2px solid var(--accent);outline-offset:-2px}
    mark{color:inherit;border-radius:2px;padding:0 1px}
    mark.t{background:hsl(var(--h,210) var(--ms) var(--ml))}
    mark.wrong,mark.missing{outline:2px dashed var(--bad);outline-offset:1px}
    mark.x{background:none;text-decoration:underline 2px wavy var(--bad);text-underline-offset:3px}
    .sx{color:var(--bad);font-size:.68em;font-weight:600;margin-left:.15em}
    .ic{font:600 .72em ui-monospace,monospace;color:var(--muted);border:1px solid var(--line);
    border-radius:3px;padding:0 2px;margin:0 1px;white-space:nowrap}
    @media print{
    :root{--bg:#fff;--fg:#000;--muted:#555;--line:#bbb;--head:#eee;--ms:85%;--ml:86%}
    body{font-size:9pt}
    .toolbar,.plot .hint,.keys{display:none}
    .bitext thead th{position:static}
    .bitext tr{break-inside:avoid}
    #findings ol{max-height:none;overflow:visible}
    a{color:inherit;text-decoration:none}
    mark,tr.omit,tr.add,td.gap,.plot svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    }

    """
}
