"""The enrichment stages: the interface (base), the configured order (registry) and the built-in stages."""
