import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parsePlan } from '../../lib/plan';
import { RULE_IDS } from '../../lib/rules/sms';
import { removeTempDirs, run, tempDir } from '../cli/helpers';
import { getDrivesCsv, getVhdCsv, getVmCsv, hypervEstate } from '../importers/exports';
import { CsvDialect, csvFromGrid, Grid, sampleGrids, xlsxFromGrids } from '../importers/rvtools/fixtures/generate';
import { CellValue, SAMPLE_VMS } from '../importers/rvtools/fixtures/samples';
import { applyByteEdits, applyEdits, byteEdits, contractBreach, nastyText, runs, SEED, textEdit } from './mutations';

// Mutated inventories through `cdk-sms import ... --into plan`: whatever the exports hold, the import
// merges them (exit 0, a plan that loads) or refuses them (exit 2, naming a file), never crashes, and
// a refused import leaves the --into plan exactly as it was, bytes and mode.

let dir: string;
let counter = 0;
let rvtoolsPlan: Buffer;
let hypervPlan: Buffer;
// One vCenter's VMs: the sample's second vCenter repeats names, which a new plan refuses.
const GRIDS = sampleGrids({ era: '4x', vms: SAMPLE_VMS.filter((vm) => vm.vcenter === 'vc1') });
const HYPERV = hypervEstate();

/** A fresh file name in the suite's folder. */
function fresh(name: string): string {
  counter++;
  return path.join(dir, `${counter}-${name}`);
}

/** Writes the base plan into a fresh --into file, with a mode of its own. */
function intoFile(base: Buffer): string {
  const file = fresh('plan.json');
  fs.writeFileSync(file, base);
  fs.chmodSync(file, 0o640);
  return file;
}

/** Imports the exports into a copy of the base plan; the breach of the contract, if any. */
function importBreach(kind: string, files: readonly string[], base: Buffer): string | undefined {
  const into = intoFile(base);
  let status = -1;
  const breach = contractBreach(() => {
    const result = run(['import', kind, ...files, '--into', into]);
    status = result.status;
    return result;
  }, [...files, into], [0]);
  let after: string | undefined;
  if (breach === undefined) {
    const bytes = fs.readFileSync(into);
    const mode = fs.statSync(into).mode & 0o777;
    if (status !== 0 && (!bytes.equals(base) || mode !== 0o640)) {
      after = `a refused import changed --into (mode ${mode.toString(8)})`;
    } else if (status === 0) {
      try {
        parsePlan(bytes.toString('utf8'), into, { ruleIds: new Set(RULE_IDS) });
      } catch (e) {
        after = `the merged plan does not load: ${(e as Error).message.slice(0, 300)}`;
      }
    }
  }
  for (const file of [...files, into]) {
    fs.rmSync(file, { force: true });
  }
  return breach ?? after;
}

beforeAll(() => {
  dir = tempDir();
  const workbook = fresh('RVTools_export_all.xlsx');
  fs.writeFileSync(workbook, xlsxFromGrids(GRIDS, 'raw'));
  const rvtools = fresh('rvtools-plan.json');
  const hyperv = fresh('hyperv-plan.json');
  const files = hypervFiles([getVmCsv(HYPERV), getDrivesCsv(HYPERV), getVhdCsv(HYPERV)]);
  if (run(['import', 'rvtools', workbook, '--output', rvtools]).status !== 0 || run(['import', 'hyperv', ...files, '--output', hyperv]).status !== 0) {
    throw new Error('the unmutated exports do not import');
  }
  rvtoolsPlan = fs.readFileSync(rvtools);
  hypervPlan = fs.readFileSync(hyperv);
});

afterAll(() => {
  removeTempDirs();
});

/** One change of a sheet: a cell set, a column dropped or renamed, rows dropped or repeated. */
type GridChange =
  | { readonly kind: 'cell'; readonly grid: number; readonly row: number; readonly column: number; readonly value: CellValue }
  | { readonly kind: 'drop-column' | 'rename-column'; readonly grid: number; readonly column: number; readonly value: string }
  | { readonly kind: 'drop-rows' | 'repeat-row'; readonly grid: number; readonly row: number; readonly count: number };

const index = fc.nat({ max: 1000 });

const gridChange: fc.Arbitrary<GridChange> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('cell' as const), grid: index, row: index, column: index,
    value: fc.oneof(nastyText, fc.double(), fc.boolean(), fc.constant(undefined)) as fc.Arbitrary<CellValue> }) },
  fc.record({ kind: fc.constantFrom('drop-column' as const, 'rename-column' as const), grid: index, column: index, value: nastyText }),
  fc.record({ kind: fc.constantFrom('drop-rows' as const, 'repeat-row' as const), grid: index, row: index, count: fc.integer({ min: 1, max: 300 }) }),
);

/** The sample sheets with the changes made. */
function changedGrids(changes: readonly GridChange[]): Grid[] {
  const grids = GRIDS.map((g) => ({ name: g.name, rows: g.rows.map((r) => [...r]) }));
  for (const c of changes) {
    const g = grids[c.grid % grids.length];
    if (g.rows.length === 0) {
      continue;
    }
    const width = g.rows[0].length;
    if (c.kind === 'cell') {
      g.rows[c.row % g.rows.length][c.column % Math.max(width, 1)] = c.value;
    } else if (c.kind === 'drop-column') {
      const at = c.column % Math.max(width, 1);
      g.rows = g.rows.map((r) => r.filter((_, i) => i !== at));
    } else if (c.kind === 'rename-column') {
      g.rows[0][c.column % Math.max(width, 1)] = c.value;
    } else if (c.kind === 'drop-rows') {
      g.rows.splice(c.row % g.rows.length, c.count);
    } else if (c.kind === 'repeat-row') {
      const row = g.rows[c.row % g.rows.length];
      g.rows.push(...Array.from({ length: c.count }, () => [...row]));
    }
  }
  return grids;
}

const dialect: fc.Arbitrary<CsvDialect> = fc.record({
  delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
  bom: fc.boolean(),
  groupSeparator: fc.constantFrom(undefined, ',' as const, '.' as const),
});

/** Writes Hyper-V export texts as the three files the importer reads. */
function hypervFiles(texts: readonly string[]): string[] {
  return ['vms.csv', 'drives.csv', 'vhds.csv'].map((name, i) => {
    const file = fresh(name);
    fs.writeFileSync(file, texts[i]);
    return file;
  });
}

describe('fuzz: importers and --into', () => {
  test('an RVTools workbook with changed sheets imports or is refused, never a crash', () => {
    fc.assert(fc.property(fc.array(gridChange, { minLength: 1, maxLength: 6 }), fc.constantFrom('raw' as const, 'resaved' as const),
      (changes, style) => {
        const file = fresh('RVTools_export_all.xlsx');
        fs.writeFileSync(file, xlsxFromGrids(changedGrids(changes), style));
        expect(importBreach('rvtools', [file], rvtoolsPlan)).toBeUndefined();
      }), { seed: SEED, numRuns: runs(150) });
  });

  test('an RVTools workbook with damaged bytes imports or is refused, never a crash', () => {
    const workbook = xlsxFromGrids(GRIDS, 'raw');
    fc.assert(fc.property(byteEdits, (edits) => {
      const file = fresh('RVTools_export_all.xlsx');
      fs.writeFileSync(file, applyByteEdits(workbook, edits));
      expect(importBreach('rvtools', [file], rvtoolsPlan)).toBeUndefined();
    }), { seed: SEED, numRuns: runs(150) });
  });

  test('RVTools CSV exports with changed sheets or text import or are refused, never a crash', () => {
    fc.assert(fc.property(fc.array(gridChange, { maxLength: 4 }), fc.array(textEdit, { maxLength: 3 }), dialect, (changes, edits, csv) => {
      const files = changedGrids(changes).filter((g) => g.rows.length > 0).map((g, i) => {
        const file = fresh(`RVTools_tab${g.name}.csv`);
        const text = csvFromGrid(g, csv);
        fs.writeFileSync(file, i === 0 ? applyEdits(text, edits) : text);
        return file;
      });
      expect(importBreach('rvtools', files, rvtoolsPlan)).toBeUndefined();
    }), { seed: SEED, numRuns: runs(150) });
  });

  test('Hyper-V exports with edited text import or are refused, never a crash', () => {
    const texts = [getVmCsv(HYPERV), getDrivesCsv(HYPERV), getVhdCsv(HYPERV)];
    fc.assert(fc.property(fc.nat({ max: 2 }), fc.array(textEdit, { minLength: 1, maxLength: 4 }), (which, edits) => {
      const files = hypervFiles(texts.map((text, i) => (i === which ? applyEdits(text, edits) : text)));
      expect(importBreach('hyperv', files, hypervPlan)).toBeUndefined();
    }), { seed: SEED, numRuns: runs(200) });
  });
});
