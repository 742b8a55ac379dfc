#!/usr/bin/env bash
# Runs the Python smoke test where PyPI cannot be reached, given the sources of jsii's Python runtime
# (the folder packages/@jsii/python-runtime/src of the jsii repository, at or near the release of the
# installed jsii-pacmak), which no registry reachable here has. The rest comes from Debian's packages, the
# npm registry and node_modules:
#
#   JSII_PYTHON_RUNTIME_SRC=/path/to/jsii/packages/@jsii/python-runtime/src bash test/python/offline-env.sh
#
# What it puts together, in a temporary folder (or $WORK), before running test/python/check.sh:
# - Debian's attrs, cattrs, typeguard, dateutil, typing-extensions and importlib-resources, for /usr/bin/python3;
# - the runtime's Python sources with the Node.js kernel of @jsii/runtime (npm) embedded, as its build does;
#   `publication` (one no-op function) as a stub;
# - aws-cdk-lib, constructs and their jsii dependencies, generated for Python from their jsii assemblies in
#   node_modules (jsii-pacmak, as for this package);
# - this package (npm run package:python).
# Two differences from a PyPI install remain: Debian's typing-extensions (4.4) predates the Protocol
# attribute the generated code trims (4.6), so those lines are guarded, and Debian's typeguard (2.2) predates
# the typing the generated run-time type checks use, so Python runs with -O, which skips them.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNTIME_SRC="${JSII_PYTHON_RUNTIME_SRC:?set JSII_PYTHON_RUNTIME_SRC to packages/@jsii/python-runtime/src of the jsii repository}"
WORK="${WORK:-$(mktemp -d)}"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
echo "offline-env: building in $WORK"

if ! /usr/bin/python3 -c "import attr, cattrs, typeguard, dateutil, typing_extensions, importlib_resources" 2>/dev/null; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-attr python3-cattr \
    python3-typeguard python3-dateutil python3-typing-extensions python3-importlib-resources >/dev/null
fi

# The runtime: its Python sources, with the kernel bundle embedded as its build embeds it.
version=$(node -p "require('jsii-pacmak/package.json').version")
site="$WORK/site"
mkdir -p "$site"
rm -rf "$site/jsii"
cp -r "$RUNTIME_SRC/jsii" "$site/jsii"
(cd "$WORK" && npm pack --silent "@jsii/runtime@$version" >/dev/null && rm -rf package && tar xzf "jsii-runtime-$version.tgz")
embedded="$site/jsii/_embedded/jsii"
{
  echo "EMBEDDED_FILES = {"
  (cd "$WORK/package/webpack" && find . -type f | sed 's#^\./##' | sort) | while read -r file; do
    cp "$WORK/package/webpack/$file" "$embedded/${file//\//__}"
    echo "    \"${file//\//__}\": \"$file\","
  done
  echo "}"
  echo
  echo 'ENTRYPOINT = "bin__jsii-runtime.js"'
} > "$embedded/__init__.py"
printf '{"version": "%s", "jsii-runtime": {"version": "%s"}}\n' "$version" "$version" > "$site/jsii/_metadata.json"
printf 'def publish():\n    pass\n' > "$site/publication.py"

# aws-cdk-lib and what it depends on, generated for Python: one aws_cdk package holding them all.
jsii_pacmak=node_modules/.bin/jsii-pacmak
"$jsii_pacmak" --code-only --targets python --no-npmignore -o "$WORK/deps" node_modules/constructs \
  node_modules/@aws-cdk/asset-awscli-v1 node_modules/@aws-cdk/asset-node-proxy-agent-v6 node_modules/@aws-cdk/cloud-assembly-schema
"$jsii_pacmak" --code-only --targets python --no-npmignore -o "$WORK/cdk" node_modules/aws-cdk-lib
cp -r "$WORK"/deps/python/src/aws_cdk/* "$WORK/cdk/python/src/aws_cdk/"

npm run package:python >/dev/null
rm -rf "$WORK/package-python"
cp -r dist/python "$WORK/package-python"

grep -rl "__protocol_attrs__ = " "$WORK/cdk" "$WORK/deps" "$WORK/package-python" --include=__init__.py | xargs -r sed -i \
  's/^\(\s*\)typing.cast(typing.Any, cls).__protocol_attrs__ = /\1if hasattr(cls, "__protocol_attrs__"): typing.cast(typing.Any, cls).__protocol_attrs__ = /'

export PYTHONPATH="$site:$WORK/cdk/python/src:$WORK/deps/python/src:$WORK/package-python/src"
PYTHON="/usr/bin/python3 -O" bash test/python/check.sh
