"""The one error family of kg.

Every failure a user can cause (bad input, bad option, unwritable output)
raises a :class:`KgError` subclass whose message says what was wrong and what
is allowed. The CLI prints the message on one line and exits non-zero.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error kg reports to a user."""

    exit_code = 1


class InputError(KgError):
    """An input text or folder cannot be read or holds no usable text."""

    exit_code = 2


class FormatError(KgError):
    """An unknown or unsupported file format was asked for."""

    exit_code = 2


class OutputError(KgError):
    """The output cannot be written."""

    exit_code = 3


class ModelError(KgError):
    """The language model is missing or the language is not supported."""

    exit_code = 4


class QueryError(KgError):
    """A SPARQL query is unknown, malformed or missing a parameter."""

    exit_code = 2


class ValidationError(KgError):
    """A graph does not satisfy the SHACL shapes."""

    exit_code = 5


class EndpointError(KgError):
    """A request the SPARQL endpoint (``kg serve``) refuses, or an endpoint that cannot start.

    ``status`` is the HTTP status the endpoint answers with.
    """

    exit_code = 2

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = int(status)
