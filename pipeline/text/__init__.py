"""Text helpers of the clean stage: HTML extraction, Unicode repair, offset maps, structure."""
