"""``python -m pipeline`` is the ``wirestream`` command."""

from pipeline.cli import main

main()
