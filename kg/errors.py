"""The one error family of kg, and its exit codes.

Every failure a user can cause (bad input, bad option, unwritable output, a
server that refuses) raises a :class:`KgError` subclass whose message says what
was wrong and what is allowed. The CLI prints the message on one line,
``kg: error: …``, and exits with the class's own code:

====  ====================  ==============================================
code  class                 when
====  ====================  ==============================================
1     KgError               any other failure kg reports
2     (usage)               unknown command or option, missing argument
3     InputError            an input cannot be read or holds no usable text
4     ModelError            the language or its spaCy model is missing
5     ValidationError       a graph does not satisfy the SHACL shapes
6     DistributedError      the Dask cluster is unreachable or lost a worker
7     PushError             a SPARQL server refused or lost pushed data
8     OutputError           the output cannot be written
9     FormatError           an unknown or unsupported file format
10    QueryError            a query is unknown, malformed or lacks a parameter
11    EndpointError         a request the endpoint refuses, or it cannot start
12    LanguageDataError     a language's data files are malformed
13    LockError             another kg process is updating the same dataset
14    QueryTimeoutError     a query ran past its time limit
130   (interrupted)         Ctrl-C; 143 for SIGTERM
====  ====================  ==============================================
"""

from __future__ import annotations

#: Exit code of a usage error (click's own).
USAGE_EXIT = 2


class KgError(Exception):
    """Base class of every error kg reports to a user; ``exit_code`` is the CLI's exit status."""

    exit_code = 1

    def __init_subclass__(cls, code: int = 1, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.exit_code = code


class InputError(KgError, code=3):
    """An input text or folder cannot be read or holds no usable text."""


class ModelError(KgError, code=4):
    """The language model is missing or the language is not supported."""


class ValidationError(KgError, code=5):
    """A graph does not satisfy the SHACL shapes."""


class DistributedError(KgError, code=6):
    """The Dask cluster cannot be reached or lost a worker."""


class PushError(KgError, code=7):
    """The SPARQL server cannot be reached, refused the data or lost some of it."""


class OutputError(KgError, code=8):
    """The output cannot be written."""


class FormatError(KgError, code=9):
    """An unknown or unsupported file format was asked for."""


class QueryError(KgError, code=10):
    """A SPARQL query is unknown, malformed or missing a parameter."""


class EndpointError(KgError, code=11):
    """A request the endpoint refuses, or an endpoint that cannot start.

    ``status`` is the HTTP status the endpoint answers with.
    """

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = int(status)


class LanguageDataError(KgError, code=12):
    """A language's data files are malformed: the message names the file and the key."""


class LockError(KgError, code=13):
    """Another kg process holds the lock on the dataset being updated."""


class QueryTimeoutError(KgError, code=14):
    """A query ran past its time limit (``kg query --timeout``)."""
