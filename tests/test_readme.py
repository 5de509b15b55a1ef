"""The README's examples: its Turtle parses, its commands name real commands and options."""

from __future__ import annotations

import re

from rdflib import Graph

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_turtle_example_parses():
    blocks = re.findall(r"```turtle\n(.*?)```", README, re.S)
    assert blocks
    for block in blocks:
        assert len(Graph().parse(data=block, format="turtle")) > 5


def test_every_command_in_the_table_exists():
    from kg.cli import COMMANDS

    names = set(COMMANDS)
    listed = set(re.findall(r"^\| `kg (\w+)", README, re.M))
    assert listed and listed <= names
