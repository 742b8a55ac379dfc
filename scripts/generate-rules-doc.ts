// Writes docs/rules.md (SMS) and docs/rules-mgn.md (MGN) from the rule catalogues. Run with `npm run docs` (after `npm run build`).
import * as fs from 'fs';
import * as path from 'path';
import { rulesDocFiles } from '../lib/report/rules-doc';

const docs = path.join(__dirname, '..', 'docs');
fs.mkdirSync(docs, { recursive: true });
for (const { file, text } of rulesDocFiles()) {
  const target = path.join(docs, file);
  fs.writeFileSync(target, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
