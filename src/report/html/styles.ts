/**
 * The page's only stylesheet, inlined. Colours are CSS variables with a dark set under
 * `prefers-color-scheme: dark`; every status colour meets WCAG AA (4.5:1) on its background, and status
 * is never shown by colour alone (each badge carries a word and a symbol). Print uses the light set,
 * drops backgrounds that waste toner and keeps cards and rows whole across pages.
 */
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #57606a; --border: #d0d7de; --surface: #f6f8fa;
  --pass: #116329; --pass-bg: #dafbe1; --fail: #a40e26; --fail-bg: #ffebe9;
  --warn: #7d4e00; --warn-bg: #fff8c5; --accent: #0550ae; --grid: #e6e9ec;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --surface: #151b23;
    --pass: #56d364; --pass-bg: #0f2a19; --fail: #ff8182; --fail-bg: #3a1418;
    --warn: #e3b341; --warn-bg: #2e2410; --accent: #79c0ff; --grid: #262c36;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
}
main { max-width: 1120px; margin: 0 auto; padding: 24px 24px 48px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.05rem; margin: 18px 0 8px; }
h4 { font-size: 0.95rem; margin: 18px 0 4px; }
p { margin: 6px 0; }
code, .mono { font-family: var(--mono); font-size: 0.88em; }
.muted { color: var(--muted); }
.meta { color: var(--muted); margin: 0 0 20px; }
.meta span + span::before { content: "·"; margin: 0 8px; }

.verdict {
  display: flex; align-items: center; gap: 20px; padding: 16px 20px; margin: 16px 0 20px;
  border: 1px solid var(--border); border-left-width: 10px; border-radius: 8px;
}
.verdict.pass { border-color: var(--pass); background: var(--pass-bg); }
.verdict.fail { border-color: var(--fail); background: var(--fail-bg); }
.verdict .word { font-size: 2.2rem; font-weight: 800; letter-spacing: 0.06em; line-height: 1; }
.verdict.pass .word { color: var(--pass); }
.verdict.fail .word { color: var(--fail); }
.verdict ul { margin: 0; padding: 0; list-style: none; }
.verdict li { padding: 1px 0; }
.verdict li.fail { font-weight: 700; }
.verdict li.pass { color: var(--muted); }
.verdict.pass li.pass { color: var(--fg); }
.verdict li .mark { display: inline-block; width: 1.3em; }
.verdict li.fail .mark { color: var(--fail); }
.verdict li.pass .mark { color: var(--pass); }

.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--border); border-radius: 8px; padding: 14px 16px; background: var(--surface); }
.card.fail { border-top: 4px solid var(--fail); }
.card.pass { border-top: 4px solid var(--pass); }
.card .label { display: flex; justify-content: space-between; align-items: center; color: var(--muted);
  font-size: 0.8rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; }
.card .value { font-size: 1.9rem; font-weight: 700; margin: 4px 0 2px; font-variant-numeric: tabular-nums; }
.card .sub { color: var(--muted); font-size: 0.88rem; overflow-wrap: anywhere; }

.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 0.78rem; font-weight: 700;
  white-space: nowrap; border: 1px solid currentColor; text-transform: none; letter-spacing: 0; }
.badge.pass { color: var(--pass); background: var(--pass-bg); }
.badge.fail { color: var(--fail); background: var(--fail-bg); }
.badge.skipped, .badge.update { color: var(--warn); background: var(--warn-bg); }
.badge.create { color: var(--accent); background: transparent; }
.badge.delete { color: var(--fail); background: transparent; }

table { width: 100%; border-collapse: collapse; margin: 8px 0 4px; font-size: 0.92rem; }
th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--border); }
th { background: var(--surface); font-weight: 600; font-size: 0.82rem; color: var(--muted); }
table.counts { width: auto; min-width: min(100%, 560px); }
tfoot th, tfoot td { background: transparent; font-weight: 700; color: var(--fg); font-size: 0.92rem;
  border-top: 2px solid var(--border); border-bottom: none; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.drifted td { font-weight: 600; }
td.key { font-family: var(--mono); font-size: 0.86rem; overflow-wrap: anywhere; min-width: 12ch; }
td.summary { color: var(--muted); }
ul.changes { list-style: none; margin: 0; padding: 0; font-family: var(--mono); font-size: 0.84rem; }
ul.changes li { overflow-wrap: anywhere; padding: 1px 0; }
.path { font-weight: 700; }
.before { color: var(--fail); }
.after { color: var(--pass); }
.arrow { color: var(--muted); padding: 0 4px; }
.absent { font-style: italic; color: var(--muted); }
.note { color: var(--muted); font-size: 0.88rem; font-style: italic; }

.target { border: 1px solid var(--border); border-radius: 8px; padding: 4px 18px 14px; margin: 14px 0; }
.target h3 { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }

ol.checks { list-style: none; padding: 0; margin: 0; }
ol.checks > li { border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; margin: 8px 0; }
ol.checks > li.fail { border-left: 6px solid var(--fail); }
ol.checks > li.pass { border-left: 6px solid var(--pass); }
ol.checks > li.skipped { border-left: 6px solid var(--warn); }
.check-head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.check-name { font-weight: 700; }
.fix { margin-top: 6px; padding: 6px 10px; border-radius: 6px; background: var(--surface); }
.fix strong { color: var(--fg); }
ul.failures { margin: 6px 0 0; padding-left: 20px; font-family: var(--mono); font-size: 0.84rem; }

figure.chart { margin: 0; }
figure.chart svg { width: 100%; height: auto; display: block; font-family: inherit; }
figure.chart figcaption { color: var(--muted); font-size: 0.88rem; margin-top: 4px; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .gridline { stroke: var(--grid); stroke-width: 1; }
svg .tick { fill: var(--muted); font-size: 12px; }
svg .axis-title { fill: var(--muted); font-size: 12px; font-weight: 600; }
svg .line { fill: none; stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; }
svg .area { fill: var(--accent); opacity: 0.12; }
svg .dot { fill: var(--accent); }
svg .peak { fill: var(--bg); stroke: var(--accent); stroke-width: 2.5; }
svg .limit { stroke: var(--fail); stroke-width: 1.5; stroke-dasharray: 6 4; }
svg .limit-label { fill: var(--fail); font-size: 12px; font-weight: 600; }
svg .halo { paint-order: stroke; stroke: var(--bg); stroke-width: 4px; stroke-linejoin: round; }
.empty { padding: 18px; text-align: center; border: 1px dashed var(--border); border-radius: 8px; color: var(--muted); }

footer { margin-top: 40px; color: var(--muted); font-size: 0.82rem; }

@media (max-width: 640px) {
  main { padding: 14px; }
  .verdict { flex-direction: column; align-items: flex-start; }
  .target { padding: 2px 10px 10px; }
  table.drift thead { display: none; }
  table.drift, table.drift tbody, table.drift tr { display: block; }
  table.drift tr { border-bottom: 1px solid var(--border); padding: 6px 0; }
  table.drift td { display: block; border: none; padding: 2px 4px; }
  table.drift td:first-child, table.drift td.op { display: inline-block; }
  table.drift td.op .muted { display: inline; margin-left: 6px; }
  /* Wider tables (per-kind counts by category, leaks) scroll inside themselves, never the page. */
  table:not(.drift) { display: block; max-width: 100%; overflow-x: auto; }
}
@media print {
  :root {
    --bg: #fff; --fg: #000; --muted: #444; --border: #bbb; --surface: #fff;
    --pass-bg: #fff; --fail-bg: #fff; --warn-bg: #fff; --grid: #ddd;
  }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .card, .verdict, ol.checks > li, tr, figure.chart { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;
