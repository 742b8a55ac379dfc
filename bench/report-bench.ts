/**
 * Report sizes and render times for a generated 10,000-VM plan: the plan is assessed once, then each
 * format is rendered several times in this process (the median is reported, the first run included
 * in the count so a cold start shows in a small run count).
 */
import { assessPlan } from '../lib/rules';
import { parsePlan } from '../lib/plan';
import { renderReport, ReportFormat } from '../lib/report/format';
import { ReportSource } from '../lib/report/source';
import { renderTable } from '../lib/report/table';
import { RULE_IDS } from '../lib/rules';
import { generatePlan } from './plan-generator';

const VMS = 10_000;

/** Renders every format of the same assessment; returns the lines to print. */
export function benchReports(runs: number): string {
  const text = JSON.stringify(generatePlan(VMS), null, 2);
  const loaded = parsePlan(text, 'plan-10000.json', { ruleIds: new Set(RULE_IDS) });
  const source: ReportSource = { file: loaded.file, assessment: assessPlan(loaded.plan), locate: (at) => loaded.locate(at) };
  const findings = source.assessment.vms.reduce((n, vm) => n + vm.findings.length, 0);
  const renderers: Array<[string, () => string]> = [
    ['table', () => renderTable(source.assessment)],
    ...Object.values(ReportFormat).map((format): [string, () => string] => [format, () => renderReport(format, [source])]),
  ];
  const lines = [`reports: ${VMS.toLocaleString('en-US')} VMs, ${findings.toLocaleString('en-US')} findings, median of ${runs} renders`];
  for (const [name, render] of renderers) {
    const times: number[] = [];
    let output = '';
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      output = render();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const bytes = Buffer.byteLength(output, 'utf8');
    lines.push(`  ${name.padEnd(9)} ${(bytes / 1e6).toFixed(2).padStart(7)} MB  ${times[Math.floor(times.length / 2)].toFixed(0).padStart(6)} ms`
      + `  (${output.length.toLocaleString('en-US')} characters)`);
  }
  return `${lines.join('\n')}\n`;
}
