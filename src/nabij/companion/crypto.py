"""Encryption at rest: an Argon2id key-encryption key wraps a random master key (AES-GCM).

Why two keys: a passphrase change then re-wraps 32 bytes instead of re-encrypting the whole
journal, and an optional recovery key can wrap the same master key in a second slot.

* A **key slot** is a versioned header: the KDF name and parameters (time cost, memory,
  parallelism), a random salt, a nonce and the wrapped master key. The parameters travel
  with the slot, so stronger defaults later never lock out an old journal.
* A **record** is sealed as ``version byte | 12-byte nonce | AES-GCM ciphertext`` with the
  record id as associated data, so sealed rows cannot be swapped or replayed under another
  id. Plaintext is padded to a size bucket (:func:`padded_size`: at least :data:`PAD_TO`
  bytes, then powers of two), so a row's size tells neither its exact length nor its kind.

The production KDF profile is strong (t=3, 64 MiB, p=4, in line with OWASP's Argon2id
guidance); ``NABIJ_KDF_PROFILE=test`` selects a cheap profile for the test-suite only.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from typing import Any

from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from nabij.companion.i18n import _

__all__ = [
    "KDF_PROFILES",
    "PAD_TO",
    "CryptoError",
    "KdfParams",
    "KeySlot",
    "WrongPassphraseError",
    "format_recovery_key",
    "kdf_profile",
    "new_master_key",
    "new_recovery_key",
    "open_meta",
    "open_record",
    "padded_size",
    "seal_meta",
    "seal_record",
    "unwrap_master_key",
    "wrap_master_key",
]

SLOT_VERSION = 1
RECORD_VERSION = 1
KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
#: Sealed plaintext is padded to a multiple of this many bytes (length hiding, roughly).
#: The smallest padded size: every ordinary record (a person, an entry with a note of a few
#: paragraphs, a reflection, a whole 36-questions session) fits, so all kinds look alike.
PAD_TO = 4096


class CryptoError(Exception):
    """A sealed record or key slot is damaged or was tampered with."""


class WrongPassphraseError(CryptoError):
    """The passphrase (or recovery key) does not unlock this journal."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters; memory in KiB."""

    time_cost: int
    memory_cost_kib: int
    parallelism: int


#: Named KDF profiles. ``default`` is for people; ``test`` keeps the test-suite fast and must
#: never be used for a real journal (``nabij journal init`` warns when it is).
KDF_PROFILES: dict[str, KdfParams] = {
    "default": KdfParams(time_cost=3, memory_cost_kib=64 * 1024, parallelism=4),
    "test": KdfParams(time_cost=1, memory_cost_kib=8 * 1024, parallelism=1),
}


def kdf_profile() -> KdfParams:
    """The KDF parameters for new key slots: ``NABIJ_KDF_PROFILE`` or ``default``."""
    name = os.environ.get("NABIJ_KDF_PROFILE", "default")
    if name not in KDF_PROFILES:
        raise ValueError(_("NABIJ_KDF_PROFILE: must be one of {allowed}, got {value}").format(
            allowed=", ".join(sorted(KDF_PROFILES)), value=repr(name)))
    return KDF_PROFILES[name]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, name: str) -> bytes:
    if not isinstance(text, str):
        raise CryptoError(_("key slot: field {name} is missing or not text").format(name=name))
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (UnicodeEncodeError, ValueError):
        raise CryptoError(_("key slot: field {name} is not valid base64 (damaged header)")
                          .format(name=name)) from None


#: Accepted ranges of the KDF parameters read from a key slot: generous for future, stronger
#: defaults, but bounded, so a damaged or hostile header cannot ask for terabytes of memory.
PARAM_LIMITS = {"time_cost": (1, 64), "memory_cost_kib": (8, 4 * 1024 * 1024),
                "parallelism": (1, 64)}


def _param(d: dict[str, Any], name: str) -> int:
    value = d.get(name)
    low, high = PARAM_LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise CryptoError(_("key slot: {name} must be a whole number from {low} to {high}, got "
                            "{value} (damaged header)").format(name=name, low=low, high=high,
                                                               value=repr(value)[:40]))
    return value


def _derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    try:
        return hash_secret_raw(secret.encode("utf-8", "surrogatepass"), salt,
                               time_cost=params.time_cost, memory_cost=params.memory_cost_kib,
                               parallelism=params.parallelism, hash_len=KEY_BYTES, type=Type.ID)
    except (HashingError, MemoryError) as exc:
        raise CryptoError(_("key slot: the key derivation failed ({error})").format(
            error=exc)) from None


@dataclass(frozen=True)
class KeySlot:
    """A versioned header that holds the KDF parameters, salt and the wrapped master key."""

    name: str
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes
    version: int = SLOT_VERSION

    def _aad(self) -> bytes:
        p = self.params
        return (f"nabij/keyslot/v{self.version}|{self.name}|argon2id|{p.time_cost}|"
                f"{p.memory_cost_kib}|{p.parallelism}").encode()

    def to_bytes(self) -> bytes:
        """The slot as JSON bytes (it holds nothing secret without the passphrase)."""
        return json.dumps({
            "v": self.version, "slot": self.name, "kdf": "argon2id",
            "time_cost": self.params.time_cost, "memory_cost_kib": self.params.memory_cost_kib,
            "parallelism": self.params.parallelism, "salt": _b64(self.salt),
            "nonce": _b64(self.nonce), "wrapped": _b64(self.wrapped)}, sort_keys=True).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeySlot:
        """Parse a slot, refusing unknown versions or KDFs with a clear message."""
        try:
            d = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise CryptoError(_("key slot: not a nabij key slot (damaged header)")) from exc
        if not isinstance(d, dict):
            raise CryptoError(_("key slot: not a nabij key slot (damaged header)"))
        if d.get("v") != SLOT_VERSION or d.get("kdf") != "argon2id":
            raise CryptoError(_("key slot: version {version} / kdf {kdf} is not supported by "
                                "this nabij; upgrade nabij to open this journal").format(
                version=repr(d.get("v")), kdf=repr(d.get("kdf"))))
        params = KdfParams(_param(d, "time_cost"), _param(d, "memory_cost_kib"),
                           _param(d, "parallelism"))
        if not isinstance(d.get("slot"), str):
            raise CryptoError(_("key slot: field {name} is missing or not text").format(
                name="slot"))
        return cls(name=d["slot"], params=params, salt=_unb64(d.get("salt"), "salt"),
                   nonce=_unb64(d.get("nonce"), "nonce"),
                   wrapped=_unb64(d.get("wrapped"), "wrapped"))


def new_master_key() -> bytes:
    """A fresh random 256-bit master key."""
    return AESGCM.generate_key(bit_length=256)


def wrap_master_key(master: bytes, secret: str, name: str,
                    params: KdfParams | None = None) -> KeySlot:
    """Wrap ``master`` under a key derived from ``secret`` with a fresh salt and nonce."""
    if not secret:
        raise ValueError(_("passphrase: must not be empty"))
    params = params or kdf_profile()
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    slot = KeySlot(name=name, params=params, salt=salt, nonce=nonce, wrapped=b"")
    wrapped = AESGCM(_derive(secret, salt, params)).encrypt(nonce, master, slot._aad())
    return KeySlot(name=name, params=params, salt=salt, nonce=nonce, wrapped=wrapped)


def unwrap_master_key(slot: KeySlot, secret: str) -> bytes:
    """The master key, or :class:`WrongPassphraseError` if ``secret`` does not fit the slot."""
    kek = _derive(secret, slot.salt, slot.params)
    try:
        return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, slot._aad())
    except InvalidTag:
        raise WrongPassphraseError(_(
            "wrong passphrase: it does not unlock this journal. Nothing was changed; "
            "try again (check the keyboard layout and caps lock).")) from None


def _aad(record_id: str) -> bytes:
    return f"nabij/record/v{RECORD_VERSION}|{record_id}".encode()


def padded_size(length: int) -> int:
    """The bucket a plaintext of ``length`` bytes is padded to: :data:`PAD_TO`, or the next
    power of two above it (long notes). Few buckets: a size says little about content."""
    size = PAD_TO
    while size < length:
        size *= 2
    return size


def seal_meta(master: bytes, name: str, plaintext: bytes) -> bytes:
    """Seal journal metadata (e.g. the manifest of records) bound to ``name``; the associated
    data differs from every record's, so a record can never pass for metadata."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    aad = f"nabij/meta/v{RECORD_VERSION}|{name}".encode()
    return bytes([RECORD_VERSION]) + nonce + AESGCM(master).encrypt(nonce, plaintext, aad)


def open_meta(master: bytes, name: str, sealed: bytes) -> bytes:
    """Open what :func:`seal_meta` sealed; :class:`CryptoError` if damaged or swapped."""
    aad = f"nabij/meta/v{RECORD_VERSION}|{name}".encode()
    try:
        return AESGCM(master).decrypt(sealed[1:1 + NONCE_BYTES], sealed[1 + NONCE_BYTES:], aad)
    except (InvalidTag, ValueError):
        raise CryptoError(_("record {id}: failed authentication (damaged or tampered with)")
                          .format(id=name)) from None


def seal_record(master: bytes, record_id: str, plaintext: bytes) -> bytes:
    """Encrypt ``plaintext`` (padded with spaces, harmless after JSON) bound to ``record_id``."""
    padded = plaintext + b" " * (padded_size(len(plaintext)) - len(plaintext))
    nonce = secrets.token_bytes(NONCE_BYTES)
    return bytes([RECORD_VERSION]) + nonce + AESGCM(master).encrypt(nonce, padded,
                                                                    _aad(record_id))


def open_record(master: bytes, record_id: str, sealed: bytes) -> bytes:
    """Decrypt a sealed record; a damaged or swapped record raises :class:`CryptoError`."""
    if len(sealed) < 1 + NONCE_BYTES + 16 or sealed[0] != RECORD_VERSION:
        raise CryptoError(_("record {id}: unknown format or truncated").format(id=record_id))
    nonce, body = sealed[1:1 + NONCE_BYTES], sealed[1 + NONCE_BYTES:]
    try:
        return AESGCM(master).decrypt(nonce, body, _aad(record_id))
    except InvalidTag:
        raise CryptoError(_("record {id}: failed authentication (damaged or tampered "
                            "with)").format(id=record_id)) from None


_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: easy to copy by hand


def new_recovery_key() -> str:
    """A random recovery key of 25 symbols (~122 bits), five groups of five to write down."""
    return format_recovery_key("".join(secrets.choice(_ALPHABET) for _ in range(25)))


def format_recovery_key(text: str) -> str:
    """Normalise a typed recovery key: upper case, no spaces, groups of five with dashes."""
    clean = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(clean[i:i + 5] for i in range(0, len(clean), 5))
