"""kg query: see kg.cli."""
