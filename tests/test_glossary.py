"""The Korean edition says each concept with one term: the glossary's variants appear nowhere."""

from pathlib import Path

import polib
import pytest

from gatelab.messages_ko import KOREAN

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "locale" / "ko" / "glossary.tsv"
TRANSLATIONS = sorted((ROOT / "locale" / "ko" / "notebooks").glob("*.po"))


def glossary() -> list[tuple[str, str, list[str]]]:
    """Each glossary row: the English term, its one Korean term, the variants to avoid."""
    rows = []
    for line in GLOSSARY.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, korean, avoid, *_ = [*line.split("\t"), ""]
        rows.append((english, korean, [word for word in avoid.split(",") if word]))
    return rows


def korean_texts() -> list[tuple[str, str]]:
    """(where, text) for every Korean text a student reads: translations and the catalog."""
    texts = [(f"messages_ko: {english[:40]!r}", korean) for english, korean in KOREAN.items()]
    for po_file in TRANSLATIONS:
        for entry in polib.pofile(str(po_file)):
            if not entry.obsolete and entry.msgstr:
                texts.append((f"{po_file.name} {entry.msgctxt}", entry.msgstr))
    return texts


def variants_used(texts: list[tuple[str, str]]) -> list[str]:
    """One line per variant found: where, which variant, and the term to use instead."""
    found = []
    for _english, korean, avoid in glossary():
        for where, text in texts:
            found += [f"{where}: {word!r} -> {korean}" for word in avoid if word in text]
    return found


def test_the_glossary_is_well_formed():
    rows = glossary()
    assert len(rows) >= 20
    for english, korean, avoid in rows:
        assert english and korean, (english, korean)
        assert korean not in avoid, english


def test_no_translation_uses_a_variant_the_glossary_rules_out():
    assert variants_used(korean_texts()) == []


@pytest.mark.parametrize("variant", ["원래 수업 노트", "놀이터", "은닉 뉴런"])
def test_a_variant_put_back_is_caught(variant):
    assert variants_used([("a new cell", f"여기에 {variant}가 있습니다")])
