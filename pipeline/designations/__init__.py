"""Designation tagging: which organisations in an article are designated, by whom, since when.

``registry`` holds the versioned data model and loader, ``importers`` build it from
official lists and curated data, ``matcher`` finds alias mentions, ``notices`` finds
the notices an article carries, and ``tagger`` combines them into the record section.
"""
