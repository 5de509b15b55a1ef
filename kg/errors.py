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
    """Base class of every error kg reports to a user."""

    exit_code = 1


class InputError(KgError):
    """An input text or folder cannot be read or holds no usable text."""

    exit_code = 3


class ModelError(KgError):
    """The language model is missing or the language is not supported."""

    exit_code = 4


class ValidationError(KgError):
    """A graph does not satisfy the SHACL shapes."""

    exit_code = 5


class DistributedError(KgError):
    """The Dask cluster cannot be reached or lost a worker."""

    exit_code = 6


class PushError(KgError):
    """The SPARQL server cannot be reached, refused the data or lost some of it."""

    exit_code = 7


class OutputError(KgError):
    """The output cannot be written."""

    exit_code = 8


class FormatError(KgError):
    """An unknown or unsupported file format was asked for."""

    exit_code = 9


class QueryError(KgError):
    """A SPARQL query is unknown, malformed or missing a parameter."""

    exit_code = 10


class EndpointError(KgError):
    """A request the endpoint refuses, or an endpoint that cannot start.

    ``status`` is the HTTP status the endpoint answers with.
    """

    exit_code = 11

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = int(status)


class LanguageDataError(KgError):
    """A language's data files are malformed: the message names the file and the key."""

    exit_code = 12


class LockError(KgError):
    """Another kg process holds the lock on the dataset being updated."""

    exit_code = 13


class QueryTimeoutError(KgError):
    """A query ran past its time limit (``kg query --timeout``)."""

    exit_code = 14
