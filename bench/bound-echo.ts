// A bound for `npm run bench`: what any assessment that writes a JSON report pays at least, whatever its
// rules. It reads the plan file given first as the floor does (readFileSync, JSON.parse), then writes its
// VMs back to the file given second as indented JSON, 256 VMs a piece (as the report is written): no schema
// check, no rule, no report object. Its output is a little smaller than the report of the same plan.
//   node bench/bound-echo.js PLAN OUT
import * as fs from 'fs';

const [planFile, out] = process.argv.slice(2);
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as { vms: unknown[] };
const fd = fs.openSync(out, 'w');
try {
  for (let i = 0; i < plan.vms.length; i += 256) {
    fs.writeSync(fd, `${JSON.stringify(plan.vms.slice(i, i + 256), null, 2)}\n`);
  }
} finally {
  fs.closeSync(fd);
}
