"""Text helpers of the clean stage: HTML extraction, Unicode repair, offset maps, structure."""

from pathlib import Path

#: the clean stage's own word lists (agencies, boilerplate openings, page-furniture classes)
DATA_DIR = Path(__file__).parent / "data"
