"""Wirestream: a streaming enrichment pipeline for wire copy."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wirestream")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"
