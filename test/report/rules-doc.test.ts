import * as fs from 'fs';
import * as path from 'path';
import { renderRulesDoc } from '../../lib/report/rules-doc';
import { RULE_IDS } from '../../lib/rules';

describe('docs/rules.md', () => {
  test('is what the catalogue generates (run `npm run docs` when this fails)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    expect(committed).toBe(renderRulesDoc());
  });

  test('has a section for every rule', () => {
    const doc = renderRulesDoc();
    for (const id of RULE_IDS) {
      expect(doc).toContain(`### ${id}\n`);
    }
  });
});
