#!/usr/bin/env bash
# Installs, with apt, the system packages the end-to-end suite (test/e2e) needs. Idempotent: apt is
# touched only when a package is missing, and `apt-get update` then runs once. Fails loudly, so that
# `npm run test:e2e` never ends up skipping a suite because a tool is absent. Runs as root without a
# TTY (CI); elsewhere it needs sudo.
set -euo pipefail

# One package a line: the suite that needs it, and why.
PACKAGES=(
  orthanc            # orthanc.test.ts: a real DICOMweb server to compare the emulator with
  orthanc-dicomweb   # orthanc.test.ts: Orthanc's DICOMweb plugin
  python3-pydicom    # dicom-pydicom, orthanc: real-world DICOM test files, and pydicom as a reference
  dcmtk              # dicom-pydicom: DCMTK's decompressors as a reference
  gcc                # orthanc.test.ts: compiles scripts/orthanc/loopback.c
  libc6-dev          # orthanc.test.ts: headers for loopback.c
  chromium           # browser.test.ts: a real browser for GraphiQL and the demo app
  redis-server       # ops/redis-cache.test.ts: the APQ cache shared by two graph instances
  docker-compose     # ops/compose.test.ts: validates docker-compose.yml (config only; no engine here)
  openjdk-17-jre-headless  # pubsub-conformance.test.ts: Java for Google's Pub/Sub emulator
)

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing=()
for package in "${PACKAGES[@]}"; do
  installed "$package" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e-setup: installing ${missing[*]}"
  SUDO=()
  [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  # Some packages (orthanc) start a system service on install; the suite starts its own, confined
  # to loopback. A policy-rc.d that answers 101 keeps services from starting; add one for the
  # install only, unless the machine has its own (container images usually do).
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
    "${SUDO[@]}" chmod +x "$policy"
    trap '"${SUDO[@]}" rm -f "$policy"' EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  for package in "${missing[@]}"; do
    installed "$package" || { echo "e2e-setup: $package did not install" >&2; exit 1; }
  done
fi

# What the suites look for, checked the way they look for it: a skip must mean a broken setup.
/usr/bin/python3 -c 'import pydicom' || { echo 'e2e-setup: /usr/bin/python3 cannot import pydicom' >&2; exit 1; }
for tool in dcmdrle dcmdjpeg dcmdjpls gcc redis-server docker-compose; do
  command -v "$tool" >/dev/null || { echo "e2e-setup: $tool not found on PATH" >&2; exit 1; }
done
for file in /usr/sbin/Orthanc /usr/share/orthanc/plugins/libOrthancDicomWeb.so; do
  [ -f "$file" ] || { echo "e2e-setup: $file is missing" >&2; exit 1; }
done
echo "e2e-setup: ready (${#missing[@]} package(s) installed)"

# pubsub-conformance.test.ts: Google's Pub/Sub emulator is not in Debian; it comes from Google's
# Cloud SDK apt repository, added here only when the package is missing.
if ! installed google-cloud-cli-pubsub-emulator; then
  SUDO=()
  [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  echo "e2e-setup: installing google-cloud-cli-pubsub-emulator from packages.cloud.google.com"
  curl -fsSL https://packages.cloud.google.com/apt/doc/apt-key.gpg | "${SUDO[@]}" gpg --dearmor --yes -o /usr/share/keyrings/cloud.google.gpg
  echo 'deb [signed-by=/usr/share/keyrings/cloud.google.gpg] https://packages.cloud.google.com/apt cloud-sdk main' | "${SUDO[@]}" tee /etc/apt/sources.list.d/google-cloud-sdk.list >/dev/null
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends google-cloud-cli google-cloud-cli-pubsub-emulator >/dev/null
  installed google-cloud-cli-pubsub-emulator || { echo "e2e-setup: google-cloud-cli-pubsub-emulator did not install" >&2; exit 1; }
fi
