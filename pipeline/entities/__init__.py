"""Entity recognition helpers of the NER stage: gazetteer, matcher component, resolver."""
