#!/usr/bin/env bash
# Makes sure Debian's python3-onnx is available: the ONNX scoring tests (OnnxScoreSourceTests, ScoreOptionsCliTests)
# write their small models with it at test time (tests/reference/make_onnx_models.py). Fast when already installed.
set -euo pipefail
if /usr/bin/python3 -c 'import onnx' 2>/dev/null; then
  echo "onnx: $(/usr/bin/python3 -c 'import onnx; print(onnx.__version__)')"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "python3-onnx is missing; install it with: sudo apt-get install -y python3-onnx" >&2
  exit 1
fi
echo "installing python3-onnx (Debian package)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-onnx >/dev/null
echo "onnx: installed"
