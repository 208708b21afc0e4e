"""Each rule is written once, for one person of one dyad; this module turns it into code for many.

A rule of the model is a plain Python function of floats (and of
:class:`~nabij.model.params.Params`, always its last argument, called ``params``). Two
things are derived from that single definition:

- :func:`compile_rules` compiles rules with numba, together with every rule and helper
  they call, so that a kernel can inline them into its own loop (the engine's fused turn
  does; :mod:`nabij.engine.fused`). A helper can be swapped on the way, e.g. the logistic
  function for a vectorizable one.
- :func:`elementwise` gives a rule its array form: the arguments broadcast like numpy's, a
  compiled loop applies the rule to each element, and the result has the rule's own shape
  of output (a float, a bool, or a named tuple of them). This is the vectorized API of
  :mod:`nabij.model` (e.g. ``nabij.model.appraise_regard`` on arrays) and the reference
  turn (:func:`nabij.model.turn.take_turn`).

Named-tuple arguments (a :class:`~nabij.model.learning.Belief`, a
:class:`~nabij.model.person.PersonState`) may hold arrays; they are broadcast field by field.
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import inspect
import os
import tempfile
import types
import typing
from collections import namedtuple
from collections.abc import Callable, Iterable
from dataclasses import fields
from functools import wraps
from pathlib import Path
from typing import Any

import numba
import numpy as np
import platformdirs

from nabij.model.params import Params

__all__ = ["ParamValues", "compile_rules", "elementwise", "param_values"]

_PARAM_NAMES = tuple(f.name for f in fields(Params))
#: The model's parameters as a named tuple of floats: what compiled rules read as ``params``.
ParamValues = namedtuple("ParamValues", _PARAM_NAMES)  # type: ignore[misc]


def param_values(params: Params) -> Any:
    """``params`` as a :data:`ParamValues` tuple (what compiled code takes)."""
    return ParamValues(*(float(getattr(params, name)) for name in _PARAM_NAMES))


def _namespace() -> dict[str, Any]:
    """A fresh namespace for compiled rules. It is named after this module, which is what
    numba re-imports when it loads cached machine code that refers to its globals."""
    return {"__builtins__": builtins, "__name__": __name__}


def _callees(function: Callable[..., Any]) -> Iterable[tuple[str, Any]]:
    """The globals ``function`` refers to, by name (functions, classes, modules, constants)."""
    glob = function.__globals__
    for name in function.__code__.co_names:
        if name in glob:
            yield name, glob[name]


def compile_rules(functions: Iterable[Callable[..., Any]], env: dict[str, Any] | None = None,
                  **overrides: Any) -> dict[str, Any]:
    """Compile ``functions`` and every Python function they call, for numba, inlined.

    Returns the namespace the compiled copies run in: each function's name maps to its
    compiled version, each other global it uses to the object it names. ``overrides``
    replace helpers by name (e.g. ``sigmoid=...``) - a replacement must already be
    compiled. Pass ``env`` to extend a namespace built earlier (nothing is compiled twice).
    Two different objects under one global name are an error: rules share one namespace.
    """
    space: dict[str, Any] = _namespace() if env is None else env
    space.update(overrides)
    pending = list(functions)
    found: dict[str, Callable[..., Any]] = {}
    while pending:
        function = pending.pop()
        name = function.__name__
        if name in overrides or name in found:
            continue
        if name in space and getattr(space[name], "py_func", None) is not None:
            continue  # compiled into this namespace before
        found[name] = function
        for ref, obj in _callees(function):
            if isinstance(obj, types.FunctionType):
                pending.append(obj)
            elif ref not in overrides:
                known = space.get(ref, obj)
                if known is not obj:
                    raise ValueError(f"compile_rules: the global {ref!r} names two different "
                                     f"objects in the rules' modules; rename one")
                space[ref] = obj
    for name, function in found.items():
        copy = types.FunctionType(function.__code__, space, name, function.__defaults__)
        copy.__doc__ = function.__doc__
        space[name] = numba.njit(error_model="numpy", inline="always")(copy)
    return space


#: The namespace of the compiled rules behind every elementwise wrapper (the exact logistic).
_SHARED: dict[str, Any] = _namespace()

Spec = Any  # a leaf type (float, bool) or a named-tuple class or a tuple of specs


def _leaves(spec: Spec, path: str) -> list[tuple[str, Any]]:
    """The scalar leaves of an output spec: (access path, numpy dtype)."""
    if spec is float:
        return [(path, np.float64)]
    if spec is bool:
        return [(path, np.bool_)]
    if isinstance(spec, tuple):
        return [leaf for k, part in enumerate(spec) for leaf in _leaves(part, f"{path}[{k}]")]
    hints = typing.get_type_hints(spec)
    return [leaf for k, name in enumerate(spec._fields)
            for leaf in _leaves(hints[name], f"{path}[{k}]")]


def _rebuild(spec: Spec, flat: list[np.ndarray]) -> Any:
    """The output arrays, in the structure of ``spec``, consuming ``flat`` from the front."""
    if spec is float or spec is bool:
        return flat.pop(0)
    if isinstance(spec, tuple):
        return tuple(_rebuild(part, flat) for part in spec)
    hints = typing.get_type_hints(spec)
    return spec(*(_rebuild(hints[name], flat) for name in spec._fields))


@functools.cache
def _cache_root() -> Path | None:
    """Where compiled loops are cached: a folder named after a hash of the model's source.

    A loop inlines the rules it calls, so any edit of a rule must miss the cache; hashing
    every module of :mod:`nabij.model` guarantees it (as the engine's kernel does). ``None``
    when the folder cannot be made: loops then compile in every process.
    """
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    root = Path(platformdirs.user_cache_dir("nabij")) / "numba-rules" / digest.hexdigest()[:16]
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return root


def _source_file(root: Path | None, stem: str, source: str) -> str:
    """A file holding ``source`` (numba caches only functions whose source file exists)."""
    if root is None:
        return f"<nabij elementwise {stem}>"
    path = root / f"{stem}_{hashlib.sha256(source.encode()).hexdigest()[:12]}.py"
    if not path.exists():
        fd, tmp = tempfile.mkstemp(dir=root, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(source)
        os.replace(tmp, path)  # atomic: processes racing to write it all see a whole file
    return str(path)


def _njit_cached(function: Any, root: Path | None) -> Any:
    """``function`` compiled by numba, its machine code cached under ``root``."""
    if root is None:
        return numba.njit(error_model="numpy")(function)
    config: Any = numba.config  # numba's settings module (attributes set at run time)
    saved = config.CACHE_DIR
    config.CACHE_DIR = str(root)
    try:
        return numba.njit(cache=True, error_model="numpy")(function)
    finally:
        config.CACHE_DIR = saved


def _as_array(value: Any) -> np.ndarray:
    arr = np.asarray(value)
    return arr if arr.dtype == np.bool_ else arr.astype(np.float64, copy=False)


def elementwise(rule: Callable[..., Any], out: Spec = float) -> Callable[..., Any]:
    """The array form of a scalar ``rule``: same arguments, broadcast; same outputs, as arrays.

    ``out`` describes what the rule returns: ``float``, ``bool``, a named-tuple class (its
    fields' annotations give the leaves), or a tuple of those. The loop is compiled on
    the first call (numba); later calls with the same argument types reuse it.
    """
    signature = inspect.signature(rule)
    names = list(signature.parameters)
    takes_params = bool(names) and names[-1] == "params"
    leaves = _leaves(out, "r")
    loops: dict[tuple[Any, ...], Any] = {}

    def _loop(layout: tuple[Any, ...]) -> Any:
        if layout in loops:
            return loops[layout]
        space = compile_rules([rule], env=_SHARED)
        n_in = sum(1 if cls is None else len(cls._fields) for cls in layout)
        args, k = [], 0
        for cls in layout:
            if cls is None:
                args.append(f"a{k}[i]")
                k += 1
            else:
                alias = f"_T_{cls.__module__.replace('.', '_')}_{cls.__name__}"
                space[alias] = cls
                args.append(f"{alias}(" + ", ".join(f"a{k + m}[i]" for m in range(len(cls._fields)))
                            + ")")
                k += len(cls._fields)
        if takes_params:
            args.append("params")
        outs = [f"o{m}" for m in range(len(leaves))]
        ins = [f"a{m}" for m in range(n_in)]
        body = [f"def _loop({', '.join(outs + ins + ['params'])}):",
                f"    for i in range({outs[0]}.size):",
                f"        r = {rule.__name__}({', '.join(args)})"]
        body += [f"        {o}[i] = {path}" for o, (path, _) in zip(outs, leaves, strict=True)]
        source = "\n".join(body) + "\n"
        root = _cache_root()
        filename = _source_file(root, f"{rule.__module__.rsplit('.', 1)[-1]}_{rule.__name__}",
                                source)
        local: dict[str, Any] = {}
        exec(compile(source, filename, "exec"), space, local)  # numba compiles no *args
        loops[layout] = _njit_cached(types.FunctionType(local["_loop"].__code__, space, "_loop"),
                                     root)
        return loops[layout]

    @wraps(rule)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        values = list(bound.arguments.values())
        params = param_values(values.pop()) if takes_params else 0.0
        layout: list[Any] = []
        flat: list[np.ndarray] = []
        for value in values:
            if isinstance(value, tuple) and hasattr(value, "_fields"):
                layout.append(type(value))
                flat.extend(_as_array(v) for v in value)
            else:
                layout.append(None)
                flat.append(_as_array(value))
        arrays = np.broadcast_arrays(*flat)
        shape = arrays[0].shape if arrays else ()
        inputs = [np.ascontiguousarray(a).reshape(-1) for a in arrays]
        outputs = [np.empty(shape, dtype=dtype) for _, dtype in leaves]
        _loop(tuple(layout))(*(o.reshape(-1) for o in outputs), *inputs, params)
        return _rebuild(out, outputs)

    wrapper.__doc__ = (f"Array form of the rule (:func:`{rule.__module__}.{rule.__name__}`): "
                       "arguments broadcast, outputs are arrays.\n\n" + (rule.__doc__ or ""))
    return wrapper
