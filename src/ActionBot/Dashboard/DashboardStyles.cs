namespace ActionBot.Dashboard;

/// <summary>The page's one stylesheet, inline: system fonts, light and dark, cards that reflow to one column on a phone.</summary>
internal static class DashboardStyles
{
    public const string Css = """
        :root{color-scheme:light dark;--bg:#f4f5f7;--card:#fff;--ink:#1b2230;--muted:#596273;--line:#e3e6ec;--field:#c4cad5;--chip:#eef1f6;--accent:#2353c2;--accent-soft:#bccdf3;--late:#b42318;--late-bg:#fdeeec;--soon:#7f4d00;--soon-bg:#fff4d9;--soon-line:#ecc26a;--ok:#1d7433;--ok-bg:#e6f3e9}
        @media (prefers-color-scheme:dark){:root{--bg:#0f1217;--card:#181c23;--ink:#e6e9ef;--muted:#9ea7b6;--line:#2a303a;--field:#3a4250;--chip:#222832;--accent:#86a8ff;--accent-soft:#34477a;--late:#ff8a80;--late-bg:#2d1818;--soon:#f3c26b;--soon-bg:#2b2313;--soon-line:#6b5525;--ok:#74c98a;--ok-bg:#17291c}}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:var(--bg);color:var(--ink)}
        a{color:var(--accent);text-decoration:none}a:hover,footer a,.banner a,p a{text-decoration:underline}
        header{background:var(--card);border-bottom:1px solid var(--line)}
        .bar,main{max-width:1200px;margin:0 auto;padding:10px 16px}
        .bar{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:6px 16px}
        h1{font-size:18px;margin:0}h1 a{color:var(--ink)}header p{margin:0;color:var(--muted);font-size:13px}
        nav a{font-size:14px;font-weight:600}header nav{display:flex;gap:16px}
        main{padding-top:14px}
        h2{font-size:15px;margin:0 0 8px}
        .banner{background:var(--soon-bg);border:1px solid var(--soon-line);border-radius:12px;padding:10px 14px;margin-bottom:12px;font-size:14px}
        .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
        .tile{display:block;background:var(--card);border:1px solid var(--line);border-radius:12px;padding:10px 14px;color:var(--ink)}
        .tile:hover{border-color:var(--accent);text-decoration:none}
        .tile .label{font-size:13px;font-weight:600;color:var(--muted)}.tile b{display:block;font-size:30px;line-height:1.2}.tile .note{font-size:12px;color:var(--muted)}
        .tile.late{background:var(--late-bg);border-color:var(--late)}.tile.late b{color:var(--late)}
        .tile.soon{background:var(--soon-bg);border-color:var(--soon-line)}.tile.soon b{color:var(--soon)}
        .tile.done b{color:var(--ok)}
        .grid{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:12px;margin:12px 0}
        #trend{grid-column:span 2}
        .card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 16px;min-width:0}
        .sub{color:var(--muted);font-size:13px;margin:-4px 0 8px}.more{font-size:13px;color:var(--muted);margin:8px 0 0}
        .empty,.muted,.zero{color:var(--muted)}
        table{width:100%;border-collapse:collapse;font-size:14px}
        th,td{text-align:left;padding:6px;border-top:1px solid var(--line);vertical-align:top}
        thead th{border-top:0;color:var(--muted);font-size:12px;font-weight:600}
        tbody th{font-weight:600}
        .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.late,a.late{color:var(--late);font-weight:700}a.soon{color:var(--soon);font-weight:700}
        .pri{display:inline-block;font-size:12px;font-weight:700;padding:0 6px;border-radius:6px;background:var(--chip);border:1px solid var(--line)}
        .badge{display:inline-block;border-radius:999px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap}
        .badge.late{background:var(--late);color:var(--card)}.badge.soon{background:var(--soon-bg);color:var(--soon);border:1px solid var(--soon-line)}
        .badge.done{background:var(--ok-bg);color:var(--ok)}
        .flag{display:inline-block;font-size:12px;font-weight:700;padding:0 6px;border-radius:6px;background:var(--soon-bg);color:var(--soon);border:1px solid var(--soon-line)}
        ul.progress{list-style:none;margin:0;padding:0}ul.progress li{padding:8px 0;border-top:1px solid var(--line)}ul.progress li:first-child{border-top:0;padding-top:0}
        .pm-title{font-weight:600;font-size:14px}
        .meter{display:block;height:6px;background:var(--chip);border-radius:3px;margin:5px 0;overflow:hidden}.meter span{display:block;height:100%;background:var(--ok)}
        .meta{display:flex;flex-wrap:wrap;align-items:center;gap:2px 12px;font-size:13px;color:var(--muted)}.meta b{color:var(--ink)}
        svg.chart{display:block;overflow:visible;margin:4px 0}svg text{fill:var(--muted);font-size:12px}svg .grid{stroke:var(--line)}
        rect.opened{fill:var(--accent)}rect.closed{fill:var(--ok)}line.backlog{stroke:var(--soon);stroke-width:2.5}circle.backlog{fill:var(--soon)}
        .legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;margin:2px 0 6px;padding:0;font-size:12px;color:var(--muted)}
        .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px}.legend .opened{background:var(--accent)}.legend .closed{background:var(--ok)}.legend .backlog{background:var(--soon)}
        ul.ttc-list{list-style:none;margin:0;padding:0}ul.ttc-list li{padding:8px 0;border-top:1px solid var(--line)}ul.ttc-list li:first-child{border-top:0;padding-top:0}
        .ttc{position:relative;height:10px;background:var(--chip);border-radius:5px;margin:6px 0}.ttc span{position:absolute;left:0;top:0;bottom:0;border-radius:5px}
        .ttc .p90,.legend .p90{background:var(--accent-soft)}.ttc .median,.legend .median{background:var(--accent)}.ttc .median.late{background:var(--late)}
        .ttc i{position:absolute;top:-4px;bottom:-4px;width:2px;margin-left:-1px;background:var(--ink)}.legend .policy{width:2px;background:var(--ink)}
        .median-value.late b{color:var(--late)}
        form.filters{display:grid;grid-template-columns:minmax(180px,2fr) repeat(6,minmax(0,1fr));gap:8px;align-items:end;margin:0 0 10px}
        form.filters label{display:flex;flex-direction:column;gap:3px;font-size:12px;font-weight:600;color:var(--muted)}
        input,select{font:inherit;font-size:14px;padding:6px 8px;border-radius:8px;border:1px solid var(--field);background:var(--card);color:var(--ink);width:100%;min-width:0}
        .actions{grid-column:1/-1;display:flex;align-items:center;gap:14px}
        button{font:inherit;font-size:14px;font-weight:600;background:var(--accent);color:var(--card);border:0;border-radius:8px;padding:7px 18px;cursor:pointer}
        table.list td.title div:first-child{font-weight:600}.from{font-size:12px;color:var(--muted)}
        tr.late td.title{box-shadow:inset 3px 0 0 var(--late)}tr.soon td.title{box-shadow:inset 3px 0 0 var(--soon-line)}
        td.title{padding-left:10px}tr.closed .title a,tr.closed .title div:first-child{color:var(--muted)}
        td.due,td.issue,.owner{white-space:nowrap}.owner{margin-right:6px}
        .pager{display:flex;justify-content:space-between;align-items:center;gap:10px;margin-top:10px;font-size:14px}
        footer{color:var(--muted);font-size:12px;padding:8px 0 20px}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        @media (max-width:1000px){.grid{grid-template-columns:repeat(2,minmax(0,1fr))}form.filters{grid-template-columns:repeat(3,minmax(0,1fr))}form.filters .search{grid-column:1/-1}}
        @media (max-width:640px){
        .bar,main{padding-left:12px;padding-right:12px}
        .grid{grid-template-columns:minmax(0,1fr)}#trend{grid-column:auto}
        .tiles{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}.tile.done{grid-column:1/-1}.tile b{font-size:26px}
        form.filters{grid-template-columns:repeat(2,minmax(0,1fr))}
        table.list thead{display:none}table.list,table.list tbody{display:block}
        table.list tr{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px;padding:8px 4px 8px 10px;border-top:1px solid var(--line)}
        table.list td{display:block;border:0;padding:0;font-size:13px}table.list td.title{flex-basis:100%;font-size:14px}table.list td.none{display:none}
        table.list tr.late{box-shadow:inset 3px 0 0 var(--late)}table.list tr.soon{box-shadow:inset 3px 0 0 var(--soon-line)}table.list tr td.title{box-shadow:none;padding-left:0}
        }
        """;
}
