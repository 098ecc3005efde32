"""Importers: official lists and curated data → :class:`~pipeline.designations.model.Organisation`."""
