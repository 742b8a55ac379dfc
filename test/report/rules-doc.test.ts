import * as fs from 'fs';
import * as path from 'path';
import { renderRulesDoc, rulesDocFiles } from '../../lib/report/rules-doc';
import { MGN_RULE_PACK, RULE_IDS, SMS_RULE_PACK } from '../../lib/rules';

describe('the rule references in docs/', () => {
  test.each(rulesDocFiles().map((doc) => [doc.file, doc.text]))('docs/%s is what the catalogue generates (run `npm run docs` when this fails)',
    (file, text) => {
      const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', file), 'utf8');
      expect(committed).toBe(text);
    });

  test('rules.md has a section for every SMS rule, rules-mgn.md for every MGN rule', () => {
    const sms = renderRulesDoc(SMS_RULE_PACK);
    for (const id of RULE_IDS) {
      expect(sms).toContain(`### ${id}\n`);
    }
    const mgn = renderRulesDoc(MGN_RULE_PACK);
    for (const rule of MGN_RULE_PACK.rules) {
      expect(mgn).toContain(`### ${rule.id}\n`);
    }
    expect(mgn).toContain(`matrix of ${MGN_RULE_PACK.matrixDate}`);
    expect(mgn).not.toContain('### SMS-');
  });
});
