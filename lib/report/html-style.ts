import { Verdict } from '../assessment/types';

/** The verdicts in the order the report shows them, with the ids of their filter radios. */
const FILTERED: readonly Verdict[] = [Verdict.READY, Verdict.READY_WITH_CONDITIONS, Verdict.NOT_READY, Verdict.UNKNOWN];

/**
 * The filter rules: a checked verdict radio hides every VM of another verdict and marks its label.
 *
 * Sibling selectors (`~`) rather than `:has()` so that the filter works in any browser of the last
 * decade with scripts off; the radios therefore sit before the controls and the plans in `<main>`.
 */
function filterRules(): string {
  const rules: string[] = [];
  for (const verdict of FILTERED) {
    rules.push(`#f-${verdict}:checked~.plans tbody.vm:not(.v-${verdict}){display:none}`);
    // A chunk not yet laid out keeps its assumed height: a filter would leave tall blank gaps.
    rules.push(`#f-${verdict}:checked~.plans .vm-chunk{content-visibility:visible}`);
  }
  const ids = ['all', ...FILTERED];
  rules.push(`${ids.map((id) => `#f-${id}:checked~.controls label[for=f-${id}]`).join(',')}{background:#24292f;color:#fff;border-color:#24292f}`);
  rules.push(`${ids.map((id) => `#f-${id}:focus-visible~.controls label[for=f-${id}]`).join(',')}{outline:2px solid #0969da;outline-offset:2px}`);
  return rules.join('\n');
}

/**
 * The report's whole style sheet, inline: a system font stack, a calm palette whose verdict colours
 * keep at least 4.5:1 contrast for text, a sticky table header, narrow-screen and print rules.
 */
export const HTML_STYLE = `
:root{color-scheme:light;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;
--ok:#116329;--ok-bg:#dafbe1;--ok-bar:#2da44e;--warn:#7d4e00;--warn-bg:#fff8c5;--warn-bar:#d4a72c;
--bad:#a40e26;--bad-bg:#ffebe9;--bad-bar:#cf222e;--unk:#424a53;--unk-bg:#eaeef2;--unk-bar:#8c959f}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
header.top,main,footer{max-width:1280px;margin:0 auto;padding:0 20px}
header.top{padding-top:24px;border-bottom:1px solid var(--line)}
h1{font-size:26px;margin:0 0 4px;font-weight:600}
h2{font-size:20px;margin:32px 0 12px;font-weight:600}
h3{font-size:16px;margin:24px 0 8px;font-weight:600}
.meta{color:var(--muted);margin:0 0 16px}
.meta time{white-space:nowrap}
.meta span+span::before{content:" \\00b7  "}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.name{unicode-bidi:isolate;overflow-wrap:anywhere}
th.name{min-width:8em}
a{color:#0969da}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;list-style:none;padding:0;margin:0}
.tile{border:1px solid var(--line);border-left-width:6px;border-radius:8px;padding:12px 16px;background:var(--soft)}
.tile b{display:block;font-size:34px;line-height:1.1;font-weight:600}
.tile .pc{color:var(--muted);font-size:13px}
.tile.v-ready{border-left-color:var(--ok-bar)}.tile.v-ready b{color:var(--ok)}
.tile.v-ready-with-conditions{border-left-color:var(--warn-bar)}.tile.v-ready-with-conditions b{color:var(--warn)}
.tile.v-not-ready{border-left-color:var(--bad-bar)}.tile.v-not-ready b{color:var(--bad)}
.tile.v-unknown{border-left-color:var(--unk-bar)}.tile.v-unknown b{color:var(--unk)}
.b{display:inline-block;padding:0 8px;border-radius:10px;border:1px solid;font-size:13px;white-space:nowrap}
.b.v-ready{color:var(--ok);background:var(--ok-bg)}
.b.v-ready-with-conditions{color:var(--warn);background:var(--warn-bg)}
.b.v-not-ready{color:var(--bad);background:var(--bad-bg)}
.b.v-unknown{color:var(--unk);background:var(--unk-bg)}
.b.v-ready::before{content:"\\2713  "}.b.v-ready-with-conditions::before{content:"! "}
.b.v-not-ready::before{content:"\\2715  "}.b.v-unknown::before{content:"? "}
.waves thead th[class*=v-]::before{content:"";display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.waves th.v-ready::before{background:var(--ok-bar)}.waves th.v-ready-with-conditions::before{background:var(--warn-bar)}
.waves th.v-not-ready::before{background:var(--bad-bar)}.waves th.v-unknown::before{background:var(--unk-bar)}
.cons{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:6px 18px}
table{border-collapse:separate;border-spacing:0;width:100%}
th,td{text-align:left;padding:6px 10px;vertical-align:top;border-bottom:1px solid var(--line)}
thead th{position:sticky;top:0;z-index:1;background:var(--soft);font-size:13px;font-weight:600;color:var(--muted)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.z{color:#8c959f}
.lic{text-transform:uppercase}
.dim{color:var(--muted)}
tbody.vm:hover>tr:first-child,tbody.cn:hover>tr:first-child{background:#fafbfc}
tr.fr>td{padding-top:0;border-bottom:1px solid var(--line)}
tbody.vm>tr:first-child:not(:last-child)>*,tbody.cn>tr:first-child:not(:last-child)>*{border-bottom:0}
tr.fr details{margin:0}
summary{cursor:pointer;color:var(--muted);font-size:13px}
.fl{list-style:none;margin:6px 0 4px;padding:0}
.f{border-left:3px solid var(--line);padding:4px 10px;margin:6px 0;break-inside:avoid}
.f.k-error{border-left-color:var(--bad-bar)}.f.k-warning{border-left-color:var(--warn-bar)}
.f.k-unknown{border-left-color:var(--unk-bar)}.f.k-acknowledged{border-left-color:#8250df}
.k{font-size:12px;text-transform:uppercase;letter-spacing:.04em;font-weight:600;margin-right:6px}
.k-error>.k{color:var(--bad)}.k-warning>.k{color:var(--warn)}.k-unknown>.k{color:var(--unk)}.k-acknowledged>.k{color:#6639ba}
.k-info>.k{color:var(--muted)}
.t{font-weight:600}
.m{overflow-wrap:anywhere}
.fix,.ack{font-size:14px;margin-top:2px}
.ack{color:#6639ba}.ack.refused{color:var(--bad)}
details.info{margin:4px 0 6px}
details.info .f{font-size:14px;color:var(--muted)}
.controls{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:28px 0 0;padding:12px 0;border-top:1px solid var(--line)}
.controls label{display:inline-block}
.controls label[for^=f-]{border:1px solid var(--line);border-radius:16px;padding:2px 12px;cursor:pointer;background:#fff;font-size:14px}
.controls .cl{color:var(--muted);font-size:14px;margin-right:4px}
input.f{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.search{margin-left:auto;display:flex;gap:6px;align-items:center;font-size:14px}
.search input{font:inherit;padding:3px 8px;border:1px solid var(--line);border-radius:6px;min-width:14em}
.waves td.chart{width:45%;min-width:120px}
.bar{display:flex;height:14px;border-radius:3px;overflow:hidden;background:var(--soft);margin-top:4px}
.bar span{display:block;height:100%;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.bar .v-ready{background:var(--ok-bar)}.bar .v-ready-with-conditions{background:var(--warn-bar)}
.bar .v-not-ready{background:var(--bad-bar)}.bar .v-unknown{background:var(--unk-bar)}
.rules dt{font-weight:600;margin-top:14px}
.rules dd{margin:2px 0 0 0}
.rules div:target{background:var(--warn-bg);outline:4px solid var(--warn-bg)}
footer{color:var(--muted);font-size:13px;padding:24px 20px 40px;border-top:1px solid var(--line);margin-top:40px}
.vm-chunk{content-visibility:auto}
.q-on .vm-chunk{content-visibility:visible}
.vms{table-layout:fixed;width:100%}
.vms th.name{overflow-wrap:anywhere}
.vms .c-name{width:17%}.vms .c-verdict{width:15%}.vms .c-lic{width:7%}.vms .c-os{width:18%}
.vms .c-hv{width:9%}.vms .c-wave{width:10%}.vms .c-n{width:8%}
@media (max-width:760px){
body{font-size:14px}
th,td{padding:5px 6px}
.waves .chart{display:none}
.vms,.vms tbody{display:block}
.vms thead{display:none}
.vms tbody>tr:first-child{display:flex;flex-wrap:wrap;gap:2px 14px;padding:8px 0 4px}
.vms tbody>tr:first-child>*{border:0;padding:0}
.vms tbody>tr:first-child>th{flex-basis:100%}
.vms tbody>tr.fr{display:block}.vms tr.fr>td{display:block;padding:0 0 8px}
.vms td.z{display:none}
.vms tr>:nth-child(7)::before{content:"errors: "}.vms tr>:nth-child(8)::before{content:"warnings: "}
.vms tr>:nth-child(9)::before{content:"unknowns: "}
.search{margin-left:0;width:100%}.search input{flex:1;min-width:0}
}
@media print{
body{font-size:11pt;color:#000}
header.top,main,footer{max-width:none;padding:0}
.controls,input.f,.search{display:none!important}
tbody.vm{display:table-row-group!important}
.vm-chunk{content-visibility:visible!important}
thead th{position:static;background:none;color:#000}
tr,.f,.tile{break-inside:avoid}
h2,h3{break-after:avoid}
a{color:#000;text-decoration:none}
summary{color:#000}
details::details-content{content-visibility:visible;display:block}
details>:not(summary){display:block}
}
${filterRules()}
`;
