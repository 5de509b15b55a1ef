"""CLI commands beyond ``build`` and ``validate``, one module each.

Each module holds one command function (two for export and query); ``kg.cli`` registers
them all. Heavy libraries are imported inside the command functions.
"""
