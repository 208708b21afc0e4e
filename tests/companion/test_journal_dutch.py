"""Dutch everywhere: every catalogue entry renders in both languages, no English escapes.

Three nets: (1) every message of the catalogues is rendered in English and in Dutch, with its
placeholders filled, and the Dutch must differ from the English unless the word is the same
in both languages; (2) no user-facing text in the companion's code bypasses gettext (an
English literal handed to ``raise``, ``fail``, a prompt or a plain-text response); (3) the
places people meet in the terminal, confirmations, session words, crypto errors and the
typed-twice passphrase, speak Dutch under ``--lang nl``.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from typer.testing import CliRunner, Result

import nabij.companion
from nabij.companion import crypto
from nabij.companion.cli import journal_app
from nabij.companion.i18n import _, set_language

PKG = Path(nabij.companion.__file__).parent
PW = "correct horse battery"
#: Messages whose Dutch is spelled like the English (checked by hand, kept short on purpose).
SAME_IN_BOTH = frozenset({"partner", "id", "week", "Week", "1-7", "stop", "n"})


def _messages(lang: str) -> dict[str, str]:
    with (PKG / "locale" / lang / "LC_MESSAGES" / "nabij.po").open("rb") as fh:
        return {m.id: m.string for m in read_po(fh) if m.id}  # type: ignore[misc]


def _filled(text: str) -> str:
    return text.format(**{name: f"<{name}>" for name in re.findall(r"{(\w+)}", text)})


def test_every_catalogue_entry_renders_in_both_languages() -> None:
    messages = _messages("nl")
    assert len(messages) > 250
    untranslated = []
    try:
        for msgid in messages:
            set_language("en")
            english = _filled(_(msgid))
            set_language("nl")
            dutch = _filled(_(msgid))
            assert english == _filled(msgid)
            if dutch == english and msgid not in SAME_IN_BOTH:
                untranslated.append(msgid)
    finally:
        set_language("en")
    assert not untranslated, f"not translated into Dutch: {untranslated}"


#: Calls whose text argument reaches a person (messages, prompts, error pages).
_SHOWN = {"fail", "print", "prompt", "confirm", "echo", "secho", "PlainTextResponse",
          "HTMLResponse", "_plain", "BadParameter", "ask_yes_no", "ask_int", "ask_secret"}
#: Where English is right: the language is not known yet, or it is a programming error.
_ALLOWED = {("i18n.py", "RuntimeError"), ("i18n.py", "ValueError"),
            ("__init__.py", "AttributeError"), ("cli_io.py", "AssertionError")}


def _english_words(node: ast.expr) -> bool:
    """Whether a literal (or an f-string's literal parts) holds an English word."""
    parts = [node.value] if isinstance(node, ast.Constant) and isinstance(node.value, str) else (
        [v.value for v in node.values if isinstance(v, ast.Constant)]
        if isinstance(node, ast.JoinedStr) else [])
    words = re.findall(r"[A-Za-z]{3,}", " ".join(str(p) for p in parts))
    return any(w.lower() != "nabij" for w in words)


def test_no_user_facing_english_bypasses_gettext() -> None:
    found = []
    for path in sorted(PKG.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                call, kind = node.exc, ast.unparse(node.exc.func).split(".")[-1]
                if (path.name, kind) in _ALLOWED:
                    continue
            elif isinstance(node, ast.Call):
                call = node
                kind = ast.unparse(node.func).split(".")[-1]
                if kind not in _SHOWN:
                    continue
            else:
                continue
            if any(_english_words(arg) for arg in call.args):
                found.append(f"{path.relative_to(PKG)}:{node.lineno}: {ast.unparse(call)[:80]}")
    assert not found, "English text not going through _():\n" + "\n".join(found)


def _run(*args: str, input: str | None = None, pw: str | None = PW) -> Result:
    env = {"NABIJ_PASSPHRASE": pw} if pw is not None else {}
    return CliRunner(env=env).invoke(journal_app, [*args, "--lang", "nl"], input=input)


@pytest.fixture
def journal(journal_path: Path) -> Path:
    assert _run("init", "--journal", str(journal_path)).exit_code == 0
    return journal_path


def test_confirmation_shows_j_n_and_accepts_j(journal: Path) -> None:
    typed = "\n".join(["Sam", "werk", "30", "", "60", "6", "", "", "", "", "x", "j", "", "",
                       "klein"]) + "\n"
    res = _run("add", "--journal", str(journal), input=typed)
    assert res.exit_code == 0, res.output
    assert "[j/N]" in res.output and "[y/N]" not in res.output
    assert "praatjes: het weer" in res.output  # depth anchored in examples, in Dutch
    assert "Antwoord met j of n." in res.output  # "x" is asked again, in Dutch
    data = json.loads(_run("export", "--journal", str(journal)).stdout)
    assert data["entries"][0]["edited"] is True
    shown = _run("show", data["entries"][0]["id"], "--journal", str(journal)).stdout
    assert "30/100 (meningen en alledaagse zorgen)" in shown and "neutraal" in shown


def test_session_keywords_are_dutch(journal: Path) -> None:
    typed = "\n".join(["2", "3", "allebei", "b", "misschien", "overslaan", "stoppen", "4",
                       "5"]) + "\n"
    res = _run("session", "Ann", "Bo", "--journal", str(journal), input=typed)
    assert res.exit_code == 0, res.output
    assert "typ a, b, allebei, overslaan of stop" in res.output
    assert "Typ a, b, allebei, overslaan of stop." in res.output  # "misschien" is refused
    turns = json.loads(_run("export", "--journal", str(journal)).stdout)["sessions"][0]["turns"]
    assert [(t["answered_by"], t["skipped"]) for t in turns] == [
        ("both", False), ("b", False), ("both", True)]


def test_passphrase_typed_twice_is_checked_in_dutch(tmp_path: Path) -> None:
    res = _run("init", "--journal", str(tmp_path / "j.db"), pw=None,
               input="lange wachtzin 1\nlange wachtzin 2\nlange wachtzin 1\nlange wachtzin 1\n")
    assert res.exit_code == 0, res.output
    assert "Nog een keer hetzelfde" in res.output and "niet gelijk" in res.output
    assert "Repeat" not in res.output


def test_crypto_errors_speak_dutch() -> None:
    master = crypto.new_master_key()
    sealed = bytearray(crypto.seal_record(master, "r1", b"{}"))
    sealed[-1] ^= 1
    set_language("nl")
    try:
        with pytest.raises(crypto.CryptoError, match="echtheidscontrole mislukt"):
            crypto.open_record(master, "r1", bytes(sealed))
        with pytest.raises(crypto.CryptoError, match="beschadigde kop"):
            crypto.KeySlot.from_bytes(b"\xff")
        with pytest.raises(crypto.WrongPassphraseError, match="verkeerde wachtzin"):
            crypto.unwrap_master_key(crypto.wrap_master_key(master, "een", "passphrase"), "twee")
    finally:
        set_language("en")
