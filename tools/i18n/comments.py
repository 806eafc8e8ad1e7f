"""Code comments in the Korean edition: each English comment of a code cell, said in Korean.

A Korean lesson's code cells are the English ones; only the text of their comments may differ.
Each comment is one entry of the lesson's .po, keyed by `<cell id>#comment` and its English text.
Comments that steer tools (`# NBVAL_IGNORE_OUTPUT`, `# noqa`, `# fmt: skip`) stay as they are.
"""

from __future__ import annotations

import io
import re
import tokenize

COMMENT_SUFFIX = "#comment"  # msgctxt = the code cell's id + this
TOOL_COMMENT = re.compile(r"^(NBVAL_\w+|noqa\b|fmt: |type: |pragma\b|ruff: )")


def comment_context(cell_id: str) -> str:
    """The msgctxt of a code cell's comment entries."""
    return cell_id + COMMENT_SUFFIX


def _comment_tokens(source: str) -> list[tokenize.TokenInfo]:
    """The comment tokens of a code cell; none if Python's tokenizer cannot read it."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):  # an unfinished cell: nothing to translate
        return []
    return [token for token in tokens if token.type == tokenize.COMMENT]


def comment_text(token: tokenize.TokenInfo) -> str:
    """A comment without its '#' and the spaces after it."""
    return token.string.lstrip("#").strip()


def comments(source: str) -> list[str]:
    """The text of each translatable comment in a code cell, in order, each once."""
    texts = [comment_text(token) for token in _comment_tokens(source)]
    return list(dict.fromkeys(t for t in texts if t and not TOOL_COMMENT.match(t)))


def _replace_comments(source: str, new_text: dict[str, str | None]) -> str:
    """The source with each comment whose text is a key replaced (None: removed)."""
    lines = source.splitlines(keepends=True)
    for token in reversed(_comment_tokens(source)):
        text = comment_text(token)
        if text not in new_text:
            continue
        row, start = token.start
        line = lines[row - 1]
        end = token.end[1]
        if new_text[text] is None:
            lines[row - 1] = line[:start].rstrip() + line[end:]
        else:
            lines[row - 1] = f"{line[:start]}# {new_text[text]}{line[end:]}"
    return "".join(lines)


def translate_comments(source: str, korean: dict[str, str]) -> str:
    """The code cell with every comment that has a Korean text replaced by it."""
    found = {text: korean[text] for text in comments(source) if korean.get(text)}
    return _replace_comments(source, found)


def without_comments(source: str) -> str:
    """The code cell with its translatable comments removed: what both editions share."""
    return _replace_comments(source, dict.fromkeys(comments(source)))
