namespace ActionBot.Dashboard;

/// <summary>The page's one small stylesheet, inline: system fonts, light and dark, cards that reflow on a phone.</summary>
internal static class DashboardStyles
{
    public const string Css = """
        :root{color-scheme:light dark;--bg:#f5f6f8;--card:#fff;--ink:#1c2230;--muted:#5d6677;--line:#e2e5eb;--accent:#2f6fde;--late:#c62828;--late-bg:#fff1f0;--ok:#2e7d32;--warn-bg:#fff8e1}
        @media (prefers-color-scheme:dark){:root{--bg:#101318;--card:#181d24;--ink:#e7eaf0;--muted:#9aa4b3;--line:#2a313c;--accent:#79a6ff;--late:#ff7070;--late-bg:#2e1a1c;--ok:#6cc070;--warn-bg:#2b2615}}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:var(--bg);color:var(--ink)}
        a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
        header{background:var(--card);border-bottom:1px solid var(--line)}
        header div,main{max-width:1100px;margin:0 auto;padding:12px 16px}
        header h1{font-size:18px;margin:0}header p{margin:0;color:var(--muted);font-size:13px}
        h2{font-size:16px;margin:20px 0 8px}
        .banner{background:var(--warn-bg);border:1px solid var(--line);border-radius:10px;padding:12px 16px;margin-bottom:12px}
        .stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:10px}
        .stat,.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
        .stat span{color:var(--muted);font-size:13px}.stat b{display:block;font-size:28px;line-height:1.2}
        .stat.late b{color:var(--late)}
        form.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end;margin:14px 0}
        form.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}
        select,button{font:inherit;padding:6px 8px;border-radius:8px;border:1px solid var(--line);background:var(--card);color:var(--ink);min-width:130px}
        button{background:var(--accent);color:#fff;border:0;min-width:0;padding:7px 16px;cursor:pointer}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:10px}
        .card h3{font-size:15px;margin:0 0 6px}.card .sub{color:var(--muted);font-size:13px;margin:0 0 6px}
        .card{margin-bottom:10px}
        svg.chart{width:100%;height:auto;display:block}svg text{fill:var(--muted);font-size:11px}
        svg .grid{stroke:var(--line)}svg polyline{stroke-width:2.5}svg .open{stroke:var(--accent);fill:var(--accent)}svg .closed{stroke:var(--ok);fill:var(--ok)}
        svg polyline.open,svg polyline.closed{fill:none}svg .bar{fill:var(--late)}
        .legend{font-size:12px;color:var(--muted)}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px}
        ul.items{list-style:none;margin:0;padding:0}
        li.item{padding:8px 10px;border-top:1px solid var(--line)}
        li.item.overdue{border-left:4px solid var(--late);background:var(--late-bg)}
        li.item.closed .title{color:var(--muted);text-decoration:line-through}
        .meta{color:var(--muted);font-size:13px;display:flex;flex-wrap:wrap;gap:2px 14px}
        .badge{display:inline-block;border-radius:999px;padding:0 8px;font-size:12px;border:1px solid var(--line)}
        .badge.late{background:var(--late);color:#fff;border-color:var(--late)}
        table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:6px 4px;border-top:1px solid var(--line)}td.n,th.n{text-align:right}
        .empty{color:var(--muted)}
        footer{color:var(--muted);font-size:12px;padding:20px 0}
        """;
}
