"""Who a request is addressed to: strict ``Host`` and request-target checks for a browser-facing server.

While the endpoint listens on a loopback address it answers only requests
addressed to a loopback name, so a web page cannot reach it through DNS
rebinding: exactly one ``Host`` header, of the form ``host[:port]`` and
nothing else (no user part, no path, no spaces), naming ``localhost``, a
``*.localhost`` name or a loopback address; a request line in absolute form
(``GET http://host/sparql``) must name such a host too.
"""

from __future__ import annotations

import ipaddress
import re
from http import HTTPStatus
from urllib.parse import urlsplit

from kg.errors import EndpointError

#: host[:port]: a DNS name or IPv4 address, or an IPv6 address in brackets.
_HOST = re.compile(r"(?:\[(?P<ip6>[0-9A-Fa-f:.]+)\]|(?P<name>[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})?))"
                   r"(?::(?P<port>[0-9]{1,5}))?")
LOOPBACK_ONLY = "this endpoint only answers requests addressed to localhost or 127.0.0.1"


def is_loopback(host: str) -> bool:
    """A loopback address, ``localhost`` or a ``*.localhost`` name (which never leaves the machine)."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        name = host.lower().rstrip(".")
        return name == "localhost" or name.endswith(".localhost")


def parse_host(value: str) -> str:
    """The host of a ``host[:port]`` value, brackets removed; EndpointError (400) for anything else.

    >>> parse_host("[::1]:7878"), parse_host("localhost")
    ('::1', 'localhost')
    """
    match = _HOST.fullmatch(value)
    if match is None or (match["port"] and int(match["port"]) > 65535):
        raise EndpointError(f"malformed Host {value[:100]!r}: give host[:port], e.g. localhost:7878")
    if match["ip6"] is not None:
        try:
            ipaddress.IPv6Address(match["ip6"])
        except ValueError:
            raise EndpointError(f"malformed Host {value[:100]!r}: not an IPv6 address") from None
        return match["ip6"]
    return match["name"]


def check_host(headers: list[str], loopback: bool) -> None:
    """The ``Host`` header values of a request; EndpointError unless it is one well-formed (loopback) host."""
    if len(headers) != 1:
        raise EndpointError(f"a request needs exactly one Host header (this one has {len(headers)})")
    host = parse_host(headers[0].strip(" \t"))
    if loopback and not is_loopback(host):
        raise EndpointError(LOOPBACK_ONLY, HTTPStatus.FORBIDDEN)


def request_path(target: str, loopback: bool) -> str:
    """The path and query of a request target; an absolute URI must name http and (a loopback) host."""
    if target.startswith("/"):
        return target
    parts = urlsplit(target)
    if parts.scheme.lower() != "http" or not parts.netloc:
        raise EndpointError(f"unsupported request target {target[:100]!r}; use a path such as /sparql")
    host = parse_host(parts.netloc)
    if loopback and not is_loopback(host):
        raise EndpointError(f"{LOOPBACK_ONLY}; the request line names {host[:100]!r}")
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
