#!/usr/bin/env bash
# The Python package (npm run test:python): the sources jsii-pacmak generated into dist/python
# (npm run package:python) must compile, and test/python/smoke.py runs when the package and aws-cdk-lib
# can be imported (pip install ./dist/python, with PyPI); without them it is skipped, saying so.
set -euo pipefail
cd "$(dirname "$0")/../.."
# PYTHON may carry options: PYTHON="python3 -O" skips the runtime type checks of the generated code.
read -r -a PYTHON <<< "${PYTHON:-python3}"
PACKAGE=dist/python/src/cdk_sms_migration

if [ ! -f "$PACKAGE/__init__.py" ]; then
  echo "test:python: no generated Python package in dist/python: run npm run package:python first" >&2
  exit 1
fi
"${PYTHON[@]}" -m compileall -q dist/python/src test/python
echo "test:python: the generated package compiles ($("${PYTHON[@]}" --version))"

if imported=$("${PYTHON[@]}" -c "import aws_cdk, cdk_sms_migration" 2>&1); then
  "${PYTHON[@]}" test/python/smoke.py
else
  echo "test:python: smoke test SKIPPED: aws_cdk and cdk_sms_migration cannot be imported here" \
    "($(printf '%s' "$imported" | tail -n 1)); with PyPI: pip install ./dist/python && python3 test/python/smoke.py"
fi
