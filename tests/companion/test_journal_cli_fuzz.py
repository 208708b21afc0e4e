"""Fuzzing the CLI's parsers with hypothesis: whatever is typed or piped in, no traceback.

The web routes are fuzzed the same way (``web/test_web_fuzz.py``). Here the inputs are JSON
records for ``add --json -``, files for ``import``, answers to ``add``'s questions, key slot
headers and dates; each must end in a saved record or a clear message, never an exception.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journal_helpers import ENTRY, make_journal, no_traceback, run

from nabij.companion.crypto import CryptoError, KeySlot
from nabij.companion.domain import ValidationError, parse_when

FIELDS = [*ENTRY, "when", "valence", "expected_reaction", "understanding", "validation",
          "caring", "safety_signals", "edited", "feeling_after", "fear_after", "id", "kind",
          "name", "relationship", "power", "answers", "person_a", "person_b", "turns",
          "ios_before", "ios_after", "set", "question", "answered_by", "skipped"]
ODD_TEXT = ["", " ", "²", "\ud800", "\x1b[2J", "9" * 5000, "9999-12-31T23:59:59-01:00",
            "0001-01-01T00:00:00+01:00", "2026-02-30", "nan", "-1", "1e308", "entry",
            "session", "reflection", "confidant", "both", "a"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(10**20, 10**40),
                    st.floats(allow_nan=False), st.text(max_size=30), st.sampled_from(ODD_TEXT))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=4), max_leaves=12)
records = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), values, max_size=10)
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@pytest.fixture
def journal(journal_path: Path) -> Path:
    return make_journal(journal_path, {})


def _dump(value: object) -> str:
    return json.dumps(value)  # a lone surrogate travels as \\ud800, as in a real file


@pytest.mark.slow
def test_add_json_never_raises(journal: Path) -> None:
    @FUZZ
    @given(record=records | values)
    def check(record: object) -> None:
        res = run("add", "--journal", str(journal), "--json", "-", input=_dump(record))
        no_traceback(res)
        assert res.exit_code in {0, 1, 2}

    check()
    assert run("list", "--journal", str(journal)).exit_code == 0


@pytest.mark.slow
def test_import_never_raises(journal: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.json"

    @FUZZ
    @given(content=st.binary(max_size=200) | values.map(
        lambda v: json.dumps(v).encode()) | st.lists(records, max_size=3).map(
        lambda v: json.dumps(v).encode()))
    def check(content: bytes) -> None:
        source.write_bytes(content)
        res = run("import", str(source), "--journal", str(journal))
        no_traceback(res)

    check()


@pytest.mark.slow
def test_typed_answers_never_raise(journal: Path) -> None:
    @settings(max_examples=60, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(lines=st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"],
                                                         blacklist_characters="\r\n"),
                                  max_size=12) | st.sampled_from(ODD_TEXT[:3]), max_size=30))
    def check(lines: list[str]) -> None:
        res = run("add", "--journal", str(journal), input="\n".join(lines) + "\n")
        no_traceback(res)

    check()


@settings(max_examples=300, deadline=None)
@given(slot=st.dictionaries(st.sampled_from(["v", "slot", "kdf", "time_cost",
                                             "memory_cost_kib", "parallelism", "salt",
                                             "nonce", "wrapped"]), values, max_size=9),
       complete=st.booleans())
def test_key_slot_parser_raises_only_crypto_errors(slot: dict[str, object],
                                                   complete: bool) -> None:
    base = {"v": 1, "kdf": "argon2id", "slot": "passphrase", "time_cost": 1,
            "memory_cost_kib": 8, "parallelism": 1, "salt": "AAAA", "nonce": "AAAA",
            "wrapped": "AAAA"}
    with contextlib.suppress(CryptoError):
        KeySlot.from_bytes(json.dumps({**base, **slot} if complete else slot).encode())


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40) | st.sampled_from(ODD_TEXT) | st.datetimes().map(
    lambda d: d.isoformat() + "+05:00"))
def test_dates_parse_or_raise_a_validation_error(text: str) -> None:
    with contextlib.suppress(ValidationError):
        parse_when(text)
