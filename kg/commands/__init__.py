"""CLI commands beyond ``build`` and ``validate``, one module each.

Each module registers its commands on :data:`kg.cli.app`; ``kg.cli`` imports
them all. Heavy libraries are imported inside the command functions.
"""
