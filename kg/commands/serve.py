"""kg serve: see kg.cli."""
