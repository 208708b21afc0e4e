"""Dutch and English catalogues are complete and chosen from --lang or the locale."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import nabij.companion
from nabij.companion.i18n import _, num, resolve_language, set_language
from nabij.companion.prompts import REFLECTION_QUESTIONS, SESSION_SETS, session_turns

PKG = Path(nabij.companion.__file__).parent


def _msgids_in_source() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(PKG), keywords={"_": None}):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _catalogue(lang: str) -> dict[str, str]:
    with (PKG / "locale" / lang / "LC_MESSAGES" / "nabij.po").open("rb") as fh:
        return {m.id: m.string for m in read_po(fh) if m.id}  # type: ignore[misc]


def test_every_message_has_a_dutch_translation() -> None:
    source = _msgids_in_source()
    nl = _catalogue("nl")
    assert source, "no messages found"
    assert source <= set(nl), f"missing from nl.po: {sorted(source - set(nl))}"
    assert not [m for m in source if not nl[m]], "empty Dutch translations"
    assert set(_catalogue("en")) == set(nl)


def test_placeholders_survive_translation() -> None:
    import re
    for msgid, msgstr in _catalogue("nl").items():
        assert set(re.findall(r"{\w+}", msgid)) == set(re.findall(r"{\w+}", msgstr)), msgid


def test_language_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_language("nl") == "nl"
    assert resolve_language("NL_be") == "nl"
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    assert resolve_language() == "nl"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert resolve_language() == "en"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert resolve_language() == "en"  # unsupported: English
    with pytest.raises(ValueError, match="--lang"):
        resolve_language("de")


def test_switching_language_changes_text_and_numbers() -> None:
    set_language("nl")
    assert _("People") == "Personen" and num(4.5) == "4,5"
    assert REFLECTION_QUESTIONS[0].text().startswith("Bij wie")
    set_language("en")
    assert _("People") == "People" and num(4.5) == "4.5"


def test_session_set_has_three_sets_of_twelve_in_both_languages() -> None:
    assert [len(s) for s in SESSION_SETS] == [12, 12, 12]
    turns = session_turns()
    assert len(turns) == 36 and len({p.id for _, _, p in turns}) == 36
    assert all(p.en.strip() and p.nl.strip() and p.en != p.nl for _, _, p in turns)
    assert len(REFLECTION_QUESTIONS) >= 4


def test_every_companion_module_declares_an_explicit_all() -> None:
    import importlib
    import pkgutil
    for info in pkgutil.iter_modules([str(PKG)]):
        if info.name == "__main__":
            continue
        module = importlib.import_module(f"nabij.companion.{info.name}")
        assert hasattr(module, "__all__"), info.name
        for name in module.__all__:
            assert hasattr(module, name), f"{info.name}.__all__ names missing {name}"
