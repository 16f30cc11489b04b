#!/usr/bin/env bash
# Sets up kgbuild on a Debian 12 machine: installs the Debian packages that
# are missing (with apt-get, as root or through sudo), installs the npm
# packages the client checks use, and builds everything into build/.
# Running it again only rebuilds what changed.
set -euo pipefail

cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-graph-dev rapidjson-dev libsqlite3-dev sqlite3 libre2-dev
  libgtest-dev libmd4c-dev libyaml-cpp-dev libicu-dev libssl-dev zlib1g-dev
  raptor2-utils python3
  clang libclang-rt-14-dev
)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

# The GraphML check needs NetworkX in the python3 that runs the tests.
python=$(command -v python3 || echo /usr/bin/python3)
if ! "$python" -c 'import networkx' >/dev/null 2>&1; then
  missing+=(python3-networkx)
  python=/usr/bin/python3
fi

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ ! -d tests/clients/node_modules ]] ||
   [[ tests/clients/package-lock.json -nt tests/clients/node_modules/.package-lock.json ]]; then
  echo "setup: installing the npm packages of tests/clients"
  npm ci --prefix tests/clients --no-audit --no-fund --loglevel=error
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DKGBUILD_PYTHON3="$python" -DKGBUILD_PYTHON3_EXECUTABLE="$python" >/dev/null
cmake --build build --parallel "$(nproc)"
