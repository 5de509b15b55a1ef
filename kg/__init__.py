"""kg: French news text → RDF knowledge graph.

Importing ``kg`` is cheap: spaCy and pyvis load only when a build or a view
needs them.
"""

__version__ = "0.1.0"
