"""Designation tagging: which organisations in an article are designated, by whom, since when.

The registry itself lives in :mod:`pipeline.registry` and alias matching in
:mod:`pipeline.aliases` (shared with the NER stage); here ``notices`` finds the
notices an article carries and ``tagger`` combines the alias hits, the NER
entities (joined through their ``registry_ids``) and the notices into the record section.
"""
