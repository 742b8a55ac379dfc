// Writes API.md, the API reference, from the jsii assembly (`.jsii`, written by `npm run jsii`). Run with
// `npm run docgen` (after `npm run build` and `npm run jsii`). With `--check` it writes nothing and exits 1
// when API.md is not what the assembly gives, so that CI catches a public API change without its reference.
import * as fs from 'fs';
import * as path from 'path';
import { Documentation, Language } from 'jsii-docgen';

const ROOT = path.join(__dirname, '..');
const TARGET = path.join(ROOT, 'API.md');

async function render(): Promise<string> {
  if (!fs.existsSync(path.join(ROOT, '.jsii'))) {
    throw new Error('no jsii assembly (.jsii): run `npm run jsii` first');
  }
  const docs = await Documentation.forProject(ROOT);
  try {
    const markdown = await docs.toMarkdown({ language: Language.TYPESCRIPT, allSubmodules: true });
    return markdown.render();
  } finally {
    await docs.cleanup();
  }
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const text = await render();
  if (!check) {
    fs.writeFileSync(TARGET, text);
    process.stdout.write(`wrote ${path.relative(process.cwd(), TARGET)}\n`);
    return 0;
  }
  const current = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, 'utf8') : undefined;
  if (current === text) {
    process.stdout.write('API.md is up to date\n');
    return 0;
  }
  process.stderr.write(`API.md is ${current === undefined ? 'missing' : 'stale'}: run \`npm run jsii && npm run docgen\` and commit it\n`);
  return 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`api-md: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
