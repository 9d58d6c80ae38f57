"""What is wrong with a text: HTML markup, control and bidi characters.

An HTML fragment (or a text holding entity-encoded tags such as ``&lt;script&gt;``) becomes its text:
comments and ``<script>``/``<style>`` elements dropped with their content, tags dropped (block tags as
line breaks), entities decoded, and tags that appear once entities are decoded dropped too.  Control
and bidi characters are kept (so that offsets still index the text as given) and reported.
"""
from __future__ import annotations

import html
import re
from typing import Optional

_TAG_NAMES = (r"p|br|div|span|a|b|i|u|s|em|strong|small|big|sup|sub|font|center|h[1-6]|ul|ol|li|dl|dt|dd"
              r"|table|thead|tbody|tfoot|tr|td|th|caption|img|script|style|html|body|head|meta|link|title|iframe"
              r"|blockquote|q|cite|section|article|header|footer|nav|aside|main|figure|figcaption|hr|pre|code|abbr"
              r"|time|mark|label|form|input|button|select|option|noscript|svg|video|audio|source|picture|template")
_HTML_TAG = re.compile(rf"<(?:!--|/?(?:{_TAG_NAMES})(?=[\s/>]))", re.IGNORECASE)
# the same, entity-encoded («&lt;script&gt;», «&amp;lt;p&amp;gt;», «&#60;b&#62;»)
_LT, _GT = r"&(?:amp;){0,3}(?:lt|#0*60|#[xX]0*3[cC]);", r"&(?:amp;){0,3}(?:gt|#0*62|#[xX]0*3[eE]);"
_ENCODED_TAG = re.compile(rf"{_LT}(?:!--|/?(?:{_TAG_NAMES})(?=[\s/]|{_GT}))", re.IGNORECASE)
# comments, and the elements dropped with their content; an unclosed one runs to the end of the text
_SPECIAL = re.compile(r"<!--|<(script|style|noscript|template)(?=[\s/>]|\Z)", re.IGNORECASE | re.ASCII)
_CLOSE = {name: re.compile(rf"</{name}(?=[\s/>]|\Z)[^<>]*>", re.IGNORECASE | re.ASCII)
          for name in ("script", "style", "noscript", "template")}
# a tag; a quoted attribute value may hold '>' (bounded, so that a stray quote costs little)
_ANY_TAG = re.compile(r"<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^<>]*>|<\?[^<>]*>"
                      r"|</?[A-Za-z][^\s/<>\"']*(?:\"[^\"]{0,4096}\"|'[^']{0,4096}'|[^<>\"'])*>", re.DOTALL)
_LOOSE_TAG = re.compile(r"</?[A-Za-z][^\s/<>]*(?:[\s/][^<>]*)?>")     # one whose attribute quote never closes
_MARKUP = re.compile(r"<(?:[A-Za-z!?]|/[A-Za-z])")
_BLOCK = re.compile(r"</?(?:p|br|div|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|caption|blockquote"
                    r"|section|article|header|footer|nav|aside|main|figure|figcaption|hr|pre|title|html|body"
                    r"|head|form)\b", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_BLANK_LINES = re.compile(r"[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)+")
_HTML_ROUNDS = 6                     # tags hidden under this many layers of entities, or of other tags


def looks_like_html(text: str) -> bool:
    """Real tags of HTML, or entity-encoded ones («&lt;script&gt;»)."""
    return _HTML_TAG.search(text) is not None or _ENCODED_TAG.search(text) is not None


def _drop_hidden(text: str) -> tuple[str, int, int]:
    """Remove comments and <script>, <style>... elements with their content, left to right (a
    comment's «<script>» is comment, a script's «<!--» is script).  Positions are those of the text
    itself (no lower-cased copy, whose length may differ: «İ»).  Returns the text, the number of
    comments and the number of elements removed."""
    out, pos, comments, elements = [], 0, 0, 0
    while True:
        m = _SPECIAL.search(text, pos)
        if m is None:
            break
        out.append(text[pos:m.start()])
        if m.group(1) is None:                       # a comment
            comments += 1
            end = text.find("-->", m.end())
            pos = end + 3 if end >= 0 else len(text)
        else:
            elements += 1
            close = _CLOSE[m.group(1).lower()].search(text, m.end())
            pos = close.end() if close else len(text)
    out.append(text[pos:])
    return "".join(out), comments, elements


def _strip_tags(body: str) -> tuple[str, int, int]:
    """One pass: comments and hidden elements dropped, tags removed (block tags as line breaks), a tag
    left open at the very end dropped.  Returns the text, the number of tags (comments included)
    and the number of hidden elements removed."""
    body, tags, elements = _drop_hidden(body)

    def tag(m):
        nonlocal tags
        tags += 1
        return "\n" if _BLOCK.match(m.group()) else ""
    body = _ANY_TAG.sub(tag, body)
    body = _LOOSE_TAG.sub(tag, body)
    end = len(body)
    while True:                                        # «… <script src=x» with no «>» after it
        i = body.rfind("<", 0, end)
        if i < 0 or not _MARKUP.match(body, i) or body.find(">", i, end) >= 0:
            break
        end = i                                        # each stretch looked at once: linear
        tags += 1
    return body[:end], tags, elements


def strip_html(text: str) -> tuple[str, int, int]:
    """The text of an HTML fragment: comments, scripts and styles dropped, block tags as line breaks,
    other tags removed, entities decoded, runs of blank lines collapsed.  Tags that appear once
    entities are decoded («&lt;script&gt;»), or once the tags inside them are removed, are removed
    too: no tag is left.  Returns (text, tags, entities)."""
    body, tags, entities, _ = _strip_html(text)
    return body, tags, entities


def _strip_html(text: str) -> tuple[str, int, int, int]:
    """:func:`strip_html`, and the number of script, style... elements dropped with their content."""
    body, tags, entities, elements = text, 0, 0, 0
    for _ in range(_HTML_ROUNDS):
        before = body
        body, n, k = _strip_tags(body)
        tags, elements = tags + n, elements + k
        if body != before and _MARKUP.search(body):   # removing a tag may have joined the pieces of another
            continue
        found = len(_ENTITY.findall(body))
        if not found:
            break
        entities += found
        body = html.unescape(body)
        if not _MARKUP.search(body) and not _ENCODED_TAG.search(body):
            break
    if _MARKUP.search(body):
        body, n, k = _strip_tags(body)
        tags, elements = tags + n, elements + k
        body = _MARKUP.sub(lambda m: m.group()[1:], body)   # deeper than that: no '<' is left to open a tag
    body = _BLANK_LINES.sub("\n", body).strip("\n")
    return body, tags, entities, elements


# C0 and C1 controls other than tab and line breaks, and the bidi embeddings, overrides and isolates
# (LRM, RLM and ALM are ordinary in Arabic text and are not reported).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


_CONTROLS_OR_SURROGATES = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def control_reason(text: str, first: Optional[re.Match] = None) -> Optional[str]:
    """What the warning says of the control and bidi characters of ``text`` (None if it has none);
    ``first``: the first of them, when the caller has found it already."""
    if first is None:
        first = _CONTROLS.search(text)
    if first is None:
        return None
    n = len(_CONTROLS.findall(text))
    line = text.count("\n", 0, first.start()) + 1
    return (f"{n} control or bidi character(s) kept in the text (first U+{ord(first.group()):04X} at "
            f"character {first.start()}, line {line}); dates are read around them")
