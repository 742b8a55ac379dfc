// Writes docs/rules.md from the rule catalogue. Run with `npm run docs` (after `npm run build`).
import * as fs from 'fs';
import * as path from 'path';
import { renderRulesDoc } from '../lib/report/rules-doc';

const target = path.join(__dirname, '..', 'docs', 'rules.md');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, renderRulesDoc());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
