"""Canonical lexical forms of XSD literals (XSD 1.1, as Oxigraph prints them), on
plain strings: the one rule behind :func:`kg.rdf.terms.canonical` (rdflib terms)
and :func:`kg.rdf.oxterms.canonical` (pyoxigraph terms), so both stores print the
same values. Loads no rdflib.
"""

from __future__ import annotations

from kg.iris import XSD_IRI

TYPE_CHECKING = False  # not typing's: kg.fastpath imports this module

if TYPE_CHECKING:
    from decimal import Decimal

XSD_STRING, XSD_BOOLEAN, XSD_DECIMAL = XSD_IRI + "string", XSD_IRI + "boolean", XSD_IRI + "decimal"
XSD_INTEGER, XSD_DATE = XSD_IRI + "integer", XSD_IRI + "date"
_INTEGERS = frozenset(XSD_IRI + n for n in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int",
    "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_FLOATS = frozenset({XSD_IRI + "double", XSD_IRI + "float"})
#: The integer datatypes and xsd:decimal: their canonical form is also the one rdflib keeps.
NUMBERS = _INTEGERS | {XSD_DECIMAL}


def canonical_lexical(text: str, datatype: str) -> str:
    """The canonical form of ``text`` as a literal of ``datatype``: ``"15000.0"``
    (xsd:decimal) → ``"15000"``, ``"007"`` (xsd:integer) → ``"7"``, ``"1"``
    (xsd:boolean) → ``"true"``. Other datatypes, and invalid forms, unchanged.

    >>> canonical_lexical("15000.0", XSD_DECIMAL)
    '15000'
    """
    stripped = text.strip()
    try:
        if datatype in _INTEGERS and len(stripped) < 4000:
            return str(int(stripped))
        if datatype == XSD_DECIMAL and len(stripped) < 4000:
            from decimal import Decimal

            return _decimal_text(Decimal(stripped))
        if datatype == XSD_BOOLEAN and stripped in ("true", "false", "1", "0"):
            return "true" if stripped in ("true", "1") else "false"
        if datatype in _FLOATS and len(stripped) < 400:
            return _float_text(float(stripped))
    except (ValueError, ArithmeticError):  # decimal.InvalidOperation is an ArithmeticError
        pass
    return text


def _decimal_text(value: Decimal) -> str:
    from decimal import InvalidOperation

    if not value.is_finite():
        raise InvalidOperation
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _float_text(value: float) -> str:
    from decimal import Decimal

    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "INF" if value > 0 else "-INF"
    exact = Decimal(repr(value))
    if exact == exact.to_integral_value():
        return "-0" if str(value) == "-0.0" else str(int(exact))
    return format(exact.normalize(), "f")
