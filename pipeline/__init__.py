"""Wirestream: a streaming enrichment pipeline for wire copy."""

import os
from importlib.metadata import PackageNotFoundError, version

# One worker process per core: numpy's BLAS must not start threads of its own. The Russian models
# (natasha's numpy networks) run 3-6x slower with OpenBLAS threads on a busy 2-core machine
# (bench/russian.py); set before anything imports numpy, and only if the environment does not say.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

try:
    __version__ = version("wirestream")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"
