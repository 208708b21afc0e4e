"""Provenance: every table or JSON file nabij writes says how it was made.

A result file that cannot say which version, seed, parameters, protocol and command made
it cannot be reproduced or cited. :func:`stamp` gathers those facts; the writers attach
them where the format allows:

- **Parquet**: in the file's schema metadata, key ``nabij`` (a JSON object), so the stamp
  travels with the file (``pyarrow.parquet.read_schema(path).metadata[b"nabij"]``);
- **CSV**: in a sidecar, ``<file>.provenance.json``, because a CSV has no place for it;
- **JSON**: under a top-level ``"provenance"`` key.

:func:`read_provenance` reads it back from any of them. The parameters are stored in full
(all of :class:`~nabij.model.params.Params`) together with a short hash, so two files made
with the same parameters can be matched at a glance. Nothing time-dependent is stored: the
same command gives byte-identical data files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import sys
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nabij.model.params import Params

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SIDECAR_SUFFIX", "command_line", "params_hash", "read_provenance", "stamp", "write_sidecar",
           "write_table"]

#: Appended to a CSV file's name for its provenance sidecar.
SIDECAR_SUFFIX = ".provenance.json"
_KEY = b"nabij"


def command_line(argv: list[str] | None = None) -> str:
    """The command as typed, starting with ``nabij`` (e.g. ``nabij simulate --seed 3``)."""
    args = sys.argv[1:] if argv is None else argv
    return shlex.join(["nabij", *args])


def params_hash(values: Mapping[str, float]) -> str:
    """A short fingerprint of a full parameter set (sorted names and values)."""
    blob = json.dumps({k: float(v) for k, v in sorted(values.items())}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def stamp(*, seed: int | str | None, protocol: str, params: Params | Mapping[str, float] | None = None,
          command: str | None = None, **extra: Any) -> dict[str, Any]:
    """The provenance of one output: version, seed, parameters (+ hash), protocol, command line.

    ``protocol`` says what was run (a protocol's name, the targets replicated, the quantities
    swept, a user experiment); ``extra`` adds anything else that determines the result
    (number of pairs, replications, the sweep's grid). ``params=None`` means the defaults.
    """
    from nabij import __version__

    values = asdict(params if isinstance(params, Params) else Params().with_(**dict(params or {})))
    return {"nabij_version": __version__, "seed": seed, "protocol": protocol,
            "command": command if command is not None else command_line(),
            "params_sha256": params_hash(values), "params": values, **extra}


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def _blob(provenance: Mapping[str, Any]) -> str:
    return json.dumps(provenance, indent=2, sort_keys=True, default=str) + "\n"


def write_sidecar(path: Path, provenance: Mapping[str, Any]) -> Path:
    """Write ``<path>.provenance.json`` beside a file that has no room for metadata (CSV)."""
    _atomic_text(_sidecar(Path(path)), _blob(provenance))
    return _sidecar(Path(path))


def write_table(frame: pd.DataFrame, path: Path, provenance: Mapping[str, Any]) -> list[Path]:
    """Write ``frame`` as CSV (+ sidecar) or Parquet (stamp inside), by ``path``'s suffix.

    Returns the files written. Raises ``ValueError`` for any other suffix.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    blob = _blob(provenance)
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        _atomic_text(path, frame.to_csv(index=False))
        _atomic_text(_sidecar(path), blob)
        return [path, _sidecar(path)]
    if suffix in (".parquet", ".pq"):
        from nabij.extras import require

        require("pyarrow", "lab", "Writing Parquet files")
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        metadata = {**(table.schema.metadata or {}), _KEY: blob.encode()}
        tmp = path.with_name(path.name + ".tmp")
        pq.write_table(table.replace_schema_metadata(metadata), tmp)
        os.replace(tmp, path)
        return [path]
    raise ValueError(f"{path.name}: use a .csv or .parquet file name (got {suffix or 'no suffix'!r})")


def _atomic_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def read_provenance(path: Path) -> dict[str, Any]:
    """The provenance of a file nabij wrote (Parquet metadata, CSV sidecar or JSON key)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        import pyarrow.parquet as pq

        metadata = pq.read_schema(path).metadata or {}
        if _KEY not in metadata:
            raise ValueError(f"{path}: no nabij provenance in its Parquet metadata")
        return dict(json.loads(metadata[_KEY]))
    if suffix == ".json" and not path.name.endswith(SIDECAR_SUFFIX):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if "provenance" not in doc:
            raise ValueError(f"{path}: no 'provenance' key")
        return dict(doc["provenance"])
    sidecar = _sidecar(path)
    if not sidecar.exists():
        raise ValueError(f"{path}: no provenance sidecar {sidecar.name} beside it")
    return dict(json.loads(sidecar.read_text(encoding="utf-8")))
