"""CLI commands beyond ``build`` and ``validate``, one module each.

Each module holds one command function (two for export and query); ``kg.cli`` lists
them all (``kg.cli.COMMANDS``) and imports a module only when its command runs. Heavy
libraries are imported inside the command functions.
"""
