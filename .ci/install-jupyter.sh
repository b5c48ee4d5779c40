#!/usr/bin/env bash
# Makes sure Jupyter's own client and frontends are available for the kernel tests (Debian packages under /usr/bin):
# jupyter_client + nbclient (protocol test), nbconvert (executes the notebooks), the classic Notebook (browser test).
# Fast when already installed: only checks that the modules import.
set -euo pipefail
if /usr/bin/python3 -c 'import jupyter_client, nbclient, nbconvert, notebook, nbformat' 2>/dev/null && [ -x /usr/bin/jupyter ]; then
  echo "jupyter: $(/usr/bin/python3 -c 'import jupyter_client, notebook; print("jupyter_client", jupyter_client.__version__, "notebook", notebook.__version__)')"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Jupyter is missing; install it with: sudo apt-get install -y python3-jupyter-client python3-nbclient jupyter-nbconvert jupyter-notebook" >&2
  exit 1
fi
echo "installing Jupyter (Debian packages)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jupyter-client python3-nbclient jupyter-nbconvert jupyter-notebook >/dev/null
echo "jupyter: installed"
