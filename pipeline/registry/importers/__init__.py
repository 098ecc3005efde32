"""Importers: official lists and curated data → :class:`~pipeline.registry.model.Organisation`."""
