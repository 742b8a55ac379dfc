"""Smoke test of the Python package: a Migration of examples/plan.json, synthesized into a temp folder.

Needs the package built from this repository (``npm run package:python``, then ``pip install ./dist/python``,
which brings aws-cdk-lib, constructs and the jsii runtime from PyPI); ``npm run test:python`` runs it when
those can be imported and says why it skips otherwise. Exits 1 naming the first check that failed.
"""

import json
import shutil
import sys
import tempfile
from pathlib import Path

import aws_cdk as cdk
import cdk_sms_migration as sms

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "examples" / "plan.json"


def check(condition: bool, what: str) -> None:
    if not condition:
        raise AssertionError(what)


def main() -> int:
    outdir = tempfile.mkdtemp(prefix="cdk-sms-migration-py-")
    try:
        # GIVEN the example plan (two waves, unscheduled VMs that are not ready), judged on a fixed day
        app = cdk.App(outdir=outdir)
        migration = sms.Migration(app, "Migration", plan=sms.MigrationPlan.from_file(str(PLAN)), as_of="2026-12-04")

        # WHEN
        assembly = app.synth()

        # THEN the provider stack and one stack per wave, as from TypeScript
        names = sorted(stack.stack_name for stack in assembly.stacks)
        check(names == ["Migration-provider", "Migration-wave-1", "Migration-wave-2"], f"stacks: {names}")
        check(migration.waves == ["wave-1", "wave-2"], f"waves: {migration.waves}")
        check(migration.environments == ["*/*"], f"environments: {migration.environments}")
        for wave in migration.waves:
            stacks = migration.wave_stacks_of(wave)
            check([s.stack_name for s in stacks] == [f"Migration-{wave}"], f"stacks of {wave}: {stacks}")

        # THEN a replication job per scheduled VM, none for an unscheduled one
        check(len(migration.defined_vms) == 20, f"VMs with a job: {migration.defined_vms}")
        job = migration.job_of("web-01")
        check(job is not None and job.node.path == "Migration/wave-1/web-01", "the job of web-01")
        # the class is known across the language boundary (the package holds jsii's JavaScript, not tsc's)
        check(isinstance(job, sms.ReplicationJob), f"the job of web-01 is a {type(job).__name__}, not a ReplicationJob")
        check(migration.job_of("legacy-01") is None, "no job for the unscheduled legacy-01")
        template = assembly.get_stack_by_name("Migration-wave-1").template
        jobs = [r for r in template["Resources"].values() if r["Type"] == "Custom::SmsReplicationJob"]
        check(len(jobs) == 10, f"jobs in the wave-1 template: {len(jobs)}")

        # THEN the assessment, its struct read from Python, and the report files beside the templates
        summary = migration.assess().summary
        check((summary.vms, summary.ready, summary.not_ready) == (25, 14, 5), f"summary: {summary}")
        report = json.loads((Path(outdir) / "Migration.sms-assessment.json").read_text())
        check(len(report["vms"]) == 25, "the JSON report lists every VM")
    except AssertionError as failed:
        print(f"test/python/smoke.py: FAILED: {failed}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(outdir, ignore_errors=True)
    print("test/python/smoke.py: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
