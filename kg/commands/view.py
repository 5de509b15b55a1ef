"""kg view: see kg.cli."""
