"""The designation registry: organisations, their aliases and designations, and the importers that build it.

A neutral package: the entities and designations packages both read it, neither owns it.
"""
