import { renderHtml } from '../../lib/report/html';
import { renderJunit } from '../../lib/report/junit';
import { renderMarkdown } from '../../lib/report/markdown';
import { renderSarif } from '../../lib/report/sarif';
import { renderTable } from '../../lib/report/table';
import { RULES } from '../../lib/rules';
import { exampleSource, FIXED_NOW, HOSTILE_TEXT, mgnSource } from './report-fixtures';
import { junitSchemaErrors, JunitSchema, sarifSchemaErrors } from './schemas';

/* eslint-disable @typescript-eslint/no-explicit-any -- a SARIF log is read as plain JSON */
type Json = any;

const JUDGED_FOR = 'Judged for AWS Application Migration Service; OS matrix of 2026-12-04';

describe('reports of an MGN assessment', () => {
  describe('table', () => {
    const text = renderTable(mgnSource().assessment);

    test('names the service and the matrix date under the summary', () => {
      expect(text.split('\n').slice(0, 2)).toEqual(['25 VMs: 14 ready, 5 ready with conditions, 5 not ready, 1 unknown', JUDGED_FOR]);
    });

    test('lists the network as a subject, and an acknowledgement given through an SMS rule', () => {
      expect(text).toMatch(/^network: not-ready\n {2}MGN-CON2 +error {2}mgn\.network\.stagingIngress allows/m);
      expect(text).toContain('reason (via SMS-CON6): proxy checked by the network team');
      expect(text).toContain('reason (via SMS-NET1): second NIC is backup only');
    });

    test('lists the acknowledgements not carried, saying they are never applied, and names MGN in the info note', () => {
      expect(text).toContain('\nNot carried\nThey acknowledge rules of another service that do not carry over to MGN: they are listed, never applied under MGN.\n');
      expect(text).toMatch(/^ {2}SMS-OS2 +plan-wide: RHEL 7\.4 accepted for SMS$/m);
      expect(text).toMatch(/^ {2}SMS-FS1 +VM legacy-<script>.*\\u0001/m);
      expect(text).toMatch(/informational findings? \(what MGN will change\)/);
      expect(text).not.toContain('what SMS will change');
    });

    test('an SMS assessment says none of it', () => {
      const sms = renderTable(exampleSource().assessment);
      expect(sms).not.toMatch(/Judged for|Not carried|^network/m);
      expect(sms).toContain('(what SMS will change)');
    });
  });

  describe('markdown', () => {
    const md = renderMarkdown([mgnSource()]);

    test('titles the report for MGN and names the service and matrix date', () => {
      expect(md.startsWith('## MGN migration assessment\n')).toBe(true);
      expect(md).toContain(`_${JUDGED_FOR}._`);
    });

    test('shows the network, the details of each VM, acknowledgements via SMS rules and what is not carried', () => {
      expect(md).toContain('#### Network\n\n| Subject | Verdict | Findings | Acknowledged |');
      expect(md).toMatch(/^\| network \| ❌ not ready \| \*\*MGN-CON2\*\* error: .* \| \*\*MGN-CON4\*\* \(via SMS-CON6\): proxy checked/m);
      expect(md).toContain('| Method, tenancy, date |');
      expect(md).toContain('agent, host tenancy, judged on 2027-02-13');
      expect(md).toContain('**MGN-NET1** (via SMS-NET1): second NIC is backup only');
      expect(md).toContain('#### Not carried');
      expect(md).toContain('- **SMS-OS2** plan-wide: RHEL 7.4 accepted for SMS');
      // Plan text in the list is escaped as everywhere in the report.
      expect(md).not.toContain('<script>');
      expect(md).toContain('what MGN will change during the migration');
    });

    test('a report of an SMS and an MGN plan keeps both, under a neutral title', () => {
      const both = renderMarkdown([{ ...exampleSource(), file: 'sms.json' }, mgnSource('mgn.json')]);
      expect(both.startsWith('## Migration assessment\n')).toBe(true);
      expect(both.match(/Judged for/g)).toHaveLength(1);
      expect(both).toContain('what SMS will change during the migration');
      expect(both).toContain('what MGN will change during the migration');
    });
  });

  describe('html', () => {
    const doc = renderHtml([mgnSource()], { generatedAt: FIXED_NOW });

    test('names the service, shows the network, the details column and what is not carried', () => {
      expect(doc).toContain('<h1>MGN migration assessment</h1>');
      expect(doc).toContain(`${JUDGED_FOR}. Missing facts are reported as warnings.`);
      expect(doc).toMatch(/<h2>Network<\/h2><table class="cons-t net-t">.*<tbody class="cn nw v-not-ready"><tr>/s);
      expect(doc).toContain('<tr><th scope="row" class="name">network</th>');
      expect(doc).toContain('<th scope="col">Method, tenancy, date</th>');
      expect(doc).toContain('<td class="det">agent, host tenancy, judged on 2027-02-13</td>');
      expect(doc).toContain('<b>Acknowledged (in the VM) (via SMS-NET1):</b> second NIC is backup only');
      expect(doc).toContain('<h2>Not carried</h2><p class="dim">They acknowledge rules of another service');
      expect(doc).toContain('what MGN will change');
      expect(doc).not.toContain('AWS has deprecated SMS');
    });

    test('keeps its safety: plan text in the not-carried list is escaped, the policy unchanged', () => {
      expect(doc).not.toContain('<script>alert');
      expect(doc).toContain('&lt;script&gt;alert(');
      expect(doc).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-/);
      expect(doc.match(/<script>/g)).toHaveLength(1);
    });

    test('the details column widens only an MGN plan\'s VM table', () => {
      const sms = renderHtml([exampleSource()], { generatedAt: FIXED_NOW });
      expect(sms).not.toContain('c-det');
      expect(sms).not.toContain('<h2>Network</h2>');
      expect(doc).toContain('<col class="c-det" style="width:13%">');
      // Every finding row spans the ten columns of the table.
      expect(doc).not.toContain('colspan="9"');
    });
  });

  describe('junit', () => {
    const xml = renderJunit([mgnSource()], { generatedAt: FIXED_NOW });

    test('is valid against the Jenkins schema', async () => {
      expect(await junitSchemaErrors(xml, JunitSchema.JENKINS)).toEqual([]);
    });

    test('has a failing test case for the network, the target as properties, details per VM, via and not carried', () => {
      expect(xml).toMatch(/<testcase classname="network" name="network" time="0">\n {6}<failure message="MGN-CON2: /);
      expect(xml).toContain('<property name="target" value="mgn"/>');
      expect(xml).toContain('<property name="matrixDate" value="2026-12-04"/>');
      expect(xml).toContain('<property name="network" value="not-ready"/>');
      expect(xml).toMatch(/license: [a-z]+\nevaluationDate: 2027-02-13\nreplicationMethod: agent\ntenancy: host/);
      expect(xml).toContain('(acknowledged via SMS-NET1: second NIC is backup only)');
      expect(xml).toContain(JUDGED_FOR);
      expect(xml).toContain('not carried SMS-OS2 plan-wide (never applied under MGN): RHEL 7.4 accepted for SMS');
      expect(xml).toMatch(/<testsuite [^>]*tests="28" failures="\d+"/);
    });
  });

  describe('sarif', () => {
    const log: Json = JSON.parse(renderSarif([mgnSource()], { generatedAt: FIXED_NOW }));
    const results: Json[] = log.runs[0].results;

    test('is a valid SARIF 2.1.0 log naming MGN', () => {
      expect(sarifSchemaErrors(log)).toEqual([]);
      expect(log.runs[0].tool.driver.fullName).toMatch(/: AWS Application Migration Service readiness assessment$/);
    });

    test('network findings are results at the logical location network', () => {
      const network = results.filter((r) => r.locations[0].logicalLocations[0].name === 'network');
      expect(network.map((r) => r.ruleId)).toEqual(['MGN-CON2', 'MGN-CON4']);
      expect(network[0]).toMatchObject({ level: 'error', properties: { verdict: 'not-ready', outcome: 'fail' } });
      expect(network[1]).toMatchObject({ suppressions: [{ justification: 'proxy checked by the network team' }], properties: { acknowledgedVia: 'SMS-CON6' } });
      expect(network[0].partialFingerprints).not.toEqual(network[1].partialFingerprints);
    });

    test('VM results carry the VM\'s details, and the plan its target, matrix date, network and not-carried list', () => {
      const ofFirst = results.find((r) => r.ruleId === 'MGN-NET1');
      expect(ofFirst.properties).toMatchObject({ evaluationDate: '2027-02-13', replicationMethod: 'agent', tenancy: 'host', acknowledgedVia: 'SMS-NET1' });
      const plan = log.runs[0].properties.plans[0];
      expect(plan).toMatchObject({ target: 'mgn', matrixDate: '2026-12-04', network: { verdict: 'not-ready' } });
      expect(plan.notCarried).toHaveLength(2);
      expect(plan.notCarried[1].vm).toBe(`legacy-${HOSTILE_TEXT}`);
    });

    test('the rules are those of the packs judged by: SMS alone for SMS, SMS then MGN for both', () => {
      const sms: Json = JSON.parse(renderSarif([exampleSource()], { generatedAt: FIXED_NOW }));
      expect(sms.runs[0].tool.driver.rules.map((r: Json) => r.id)).toEqual(RULES.map((r) => r.id));
      expect(sms.runs[0].tool.driver.fullName).toMatch(/: AWS Server Migration Service readiness assessment$/);
      const both: Json = JSON.parse(renderSarif([exampleSource(), mgnSource()], { generatedAt: FIXED_NOW }));
      expect(sarifSchemaErrors(both)).toEqual([]);
      expect(both.runs[0].tool.driver.fullName).toMatch(/: AWS Server Migration Service and AWS Application Migration Service readiness/);
      for (const r of both.runs[0].results.filter((x: Json) => x.ruleIndex !== undefined)) {
        expect(both.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      }
    });
  });
});
