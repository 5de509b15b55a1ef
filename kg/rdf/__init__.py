"""From extraction records to RDF. Never imports spaCy."""
