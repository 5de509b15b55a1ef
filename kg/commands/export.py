"""kg export: see kg.cli."""
