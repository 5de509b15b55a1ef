"""HTML pages as input texts: the article body, its title and date.

:func:`read_html` asks trafilatura for the main text of the page (navigation,
footers, « Lire aussi » asides and other boilerplate dropped) and the page's
title and publication date. When trafilatura finds no article (a fragment, a
page that is all list), :func:`html_text`, a standard-library reader of the
visible text, is the fallback.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from kg.text import clean

#: White space as HTML collapses it (not the no-break spaces of French typography).
_HTML_SPACE = re.compile(r"[ \t\r\f]+")
#: A text that starts like an HTML page.
HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class HtmlPage:
    """What an HTML page gives kg: its text, and its title and date when the page says them."""

    text: str
    title: str | None = None
    date: dt.date | None = None


class _TextOfHtml(HTMLParser):
    """Collects the visible text of an HTML page: no scripts, styles or tags;
    block elements end a line so sentences do not run together."""

    _HIDDEN = frozenset({"script", "style", "head", "template", "noscript", "svg"})
    _BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "title",
                         "section", "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The visible text of an HTML page, one paragraph a line, entities decoded (the fallback reader)."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = (_HTML_SPACE.sub(" ", line).strip(" ") for line in "".join(parser.parts).split("\n"))
    return clean("\n".join(line for line in lines if line))


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def read_html(markup: str) -> HtmlPage:
    """The article of an HTML page (trafilatura), or its visible text when trafilatura finds none."""
    try:
        import trafilatura  # heavy: imported on use only

        found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    except Exception:  # noqa: BLE001 — trafilatura (lxml) may fail on hostile markup: fall back
        found = None
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        return HtmlPage(html_text(markup))
    title = getattr(found, "title", None)
    return HtmlPage(clean(text.strip()), clean(" ".join(title.split())) if title and title.strip() else None,
                    _date(getattr(found, "date", None)))
