"""Dutch and English text: gettext catalogues (.po) compiled in memory with Babel.

The catalogues live in ``locale/<lang>/LC_MESSAGES/nabij.po`` inside this package. They are
compiled when first needed (``babel.messages.mofile.write_mo`` into memory), so there are no
generated .mo files to keep in sync. The language comes from ``--lang``, else the first of
``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set, else English.
"""

from __future__ import annotations

import functools
import gettext
import io
import os
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

__all__ = ["LANGUAGES", "_", "current_language", "num", "resolve_language", "set_language"]

#: The languages with a catalogue; the first is the fallback.
LANGUAGES = ("en", "nl")
DOMAIN = "nabij"

_state: dict[str, object] = {"lang": "en", "tr": gettext.NullTranslations()}


@functools.cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    if lang == LANGUAGES[0]:
        return gettext.NullTranslations()  # the messages are written in English
    po = resources.files("nabij.companion").joinpath("locale", lang, "LC_MESSAGES",
                                                     f"{DOMAIN}.po")
    try:
        fh = po.open("rb")
    except FileNotFoundError:
        raise RuntimeError(f"the {lang!r} message catalogue is missing from this installation "
                           "(package data locale/*/LC_MESSAGES/*.po); reinstall nabij") from None
    with fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def resolve_language(explicit: str | None = None) -> str:
    """``explicit`` if given, else the locale from the environment; ``en`` by default."""
    candidates = [explicit] if explicit else [os.environ.get(v) for v in
                                              ("LC_ALL", "LC_MESSAGES", "LANG")]
    for value in candidates:
        if not value:
            continue
        code = value.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
        if code in LANGUAGES:
            return code
        if explicit:
            raise ValueError(f"--lang: must be one of {', '.join(LANGUAGES)}, got {explicit!r}")
        if code not in {"c", "posix", ""}:
            break  # an unsupported language: fall back to English
    return LANGUAGES[0]


def set_language(lang: str | None = None) -> str:
    """Switch all later messages to ``lang`` (resolved as in :func:`resolve_language`)."""
    code = resolve_language(lang)
    _state["lang"] = code
    _state["tr"] = _catalogue(code)
    return code


def current_language() -> str:
    """The language messages are shown in now."""
    return str(_state["lang"])


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    tr = _state["tr"]
    assert isinstance(tr, gettext.NullTranslations)
    return tr.gettext(message)


def num(value: float, digits: int = 1) -> str:
    """A number in the current language's style (``4.5`` in English, ``4,5`` in Dutch)."""
    pattern = "0." + "0" * digits if digits > 0 else "0"
    return format_decimal(value, format=pattern, locale=current_language())
