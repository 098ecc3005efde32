"""``python -m pipeline.view``: the review page without the main CLI."""

import typer

from pipeline.view.cli import view

typer.run(view)
