"""The review page: a local web page showing what the pipeline found in each article."""
