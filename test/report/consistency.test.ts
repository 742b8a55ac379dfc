import { renderHtml } from '../../lib/report/html';
import { renderJunit } from '../../lib/report/junit';
import { renderMarkdown } from '../../lib/report/markdown';
import { toReport } from '../../lib/report/report';
import { renderSarif } from '../../lib/report/sarif';
import { FindingKind, findingKind, ReportSource } from '../../lib/report/source';
import { Severity } from '../../lib/assessment/rule';
import { exampleSource, FIXED_NOW } from './report-fixtures';

/**
 * The same findings in every format: each renderer's output is read back into one line per finding,
 * `subject | rule | kind`, and compared with what the assessment (through the JSON report) holds.
 */

type Line = string;

const line = (subject: string, rule: string, kind: string): Line => `${subject} | ${rule} | ${kind}`;

/** The findings as the JSON report gives them, with the kind every other report shows. */
function fromJson(source: ReportSource): Line[] {
  const report = toReport(source.assessment);
  return [...report.vms, ...report.connectors].flatMap((subject) => subject.findings.map((f) => line(subject.name, f.rule,
    findingKind({ ...f, severity: f.severity as Severity, outcome: f.outcome as never }))))
    .sort();
}

interface SarifResult {
  readonly ruleId: string;
  readonly level: string;
  readonly suppressions?: unknown[];
  readonly properties: { readonly outcome: string };
  readonly locations: Array<{ readonly logicalLocations: Array<{ readonly name: string }> }>;
}

function fromSarif(source: ReportSource): Line[] {
  const log = JSON.parse(renderSarif([source], { generatedAt: FIXED_NOW }));
  return log.runs[0].results.map((r: SarifResult) => {
    const kind = r.level === 'note' ? FindingKind.INFO : r.suppressions ? FindingKind.ACKNOWLEDGED
      : r.level === 'error' ? FindingKind.ERROR : r.properties.outcome === 'unknown' ? FindingKind.UNKNOWN : FindingKind.WARNING;
    return line(r.locations[0].logicalLocations[0].name, r.ruleId, kind);
  }).sort();
}

function fromJunit(source: ReportSource): Line[] {
  const xml = renderJunit([source], { generatedAt: FIXED_NOW });
  const lines: Line[] = [];
  for (const testcase of xml.split('<testcase ').slice(1)) {
    const name = /\sname="([^"]*)"/.exec(testcase)![1];
    const failure = /<failure [^>]*type="([^"]*)"/.exec(testcase);
    for (const rule of failure ? failure[1].split(' ') : []) {
      lines.push(line(name, rule, FindingKind.ERROR));
    }
    const out = /<system-out>([\s\S]*?)<\/system-out>/.exec(testcase)?.[1] ?? '';
    for (const m of out.matchAll(/^(error|warning|unknown|acknowledged|info) (SMS-[A-Z]+\d+):/gm)) {
      lines.push(line(name, m[2], m[1]));
    }
  }
  return lines.sort();
}

function fromHtml(source: ReportSource): Line[] {
  const html = renderHtml([source], { generatedAt: FIXED_NOW });
  const lines: Line[] = [];
  for (const body of html.split(/<tbody class="(?:vm|cn) /).slice(1)) {
    const name = /data-name="([^"]*)"|<th scope="row" class="name">([^<]*)</.exec(body)!;
    const subject = name[1] ?? name[2];
    const section = body.split('</tbody>')[0];
    for (const m of section.matchAll(/<li class="f k-([a-z]+)"><span class="k">[a-z]+<\/span><a href="#rule-(SMS-[A-Z]+\d+)"/g)) {
      lines.push(line(subject, m[2], m[1]));
    }
    // A section the plan leaves out is one item that links every rule it left unknown.
    for (const m of section.matchAll(/<li class="f k-([a-z]+) ms">(.*?)<\/li>/g)) {
      for (const rule of m[2].matchAll(/<a href="#rule-(SMS-[A-Z]+\d+)"/g)) {
        lines.push(line(subject, rule[1], m[1]));
      }
    }
  }
  return lines.sort();
}

describe('every report holds the same findings', () => {
  const source = exampleSource();
  const expected = fromJson(source);

  test('the example plan has findings of every kind', () => {
    const kinds = new Set(expected.map((l) => l.split(' | ')[2]));
    expect([...kinds].sort()).toEqual(['acknowledged', 'error', 'info', 'unknown', 'warning']);
  });

  test('SARIF', () => {
    expect(fromSarif(source)).toEqual(expected);
  });

  test('JUnit', () => {
    expect(fromJunit(source)).toEqual(expected);
  });

  test('HTML', () => {
    expect(fromHtml(source)).toEqual(expected);
  });

  test('Markdown: every finding that is not information, on its VM\'s row', () => {
    const markdown = renderMarkdown([source]);
    const rows = new Map(markdown.split('\n').filter((l) => l.startsWith('| ')).map((l) => [l.split(' | ')[0].slice(2), l]));
    for (const entry of expected.filter((l) => !l.endsWith(`| ${FindingKind.INFO}`))) {
      const [subject, rule] = entry.split(' | ');
      expect({ entry, row: rows.get(subject)?.includes(`**${rule}**`) }).toEqual({ entry, row: true });
    }
  });
});
