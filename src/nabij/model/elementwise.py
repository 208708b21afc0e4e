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

numba is optional (the ``lab`` extra): the journal uses the rules' array form but should
install light. Without numba, or with the environment variable ``NABIJ_NO_NUMBA=1``,
:func:`elementwise` applies the *same* scalar rule in a Python loop: same broadcasting,
same outputs, the same results (``tests/model/test_elementwise_fallback.py``), only slower
(fine for the journal's few hundred dyads, not for a study). Where Python's ``math`` would
raise on an input outside a rule's range (``x / 0``, ``log(0)``), that element is redone
in numpy's arithmetic, which gives ``inf`` or ``nan`` as the compiled loop does
(``error_model="numpy"``). :func:`compile_rules` needs numba and says which extra brings it.

Named-tuple arguments (a :class:`~nabij.model.learning.Belief`, a
:class:`~nabij.model.person.PersonState`) may hold arrays; they are broadcast field by field.
"""

from __future__ import annotations

import builtins
import contextlib
import functools
import hashlib
import inspect
import math
import os
import tempfile
import threading
import types
import typing
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import fields
from functools import wraps
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs

from nabij.model.params import Params

__all__ = ["CACHE_DIR_LOCK", "NO_NUMBA_ENV", "ParamValues", "cache_folder", "compile_rules", "elementwise",
           "numba_cache_dir", "numba_in_use", "param_values", "python_loops"]

#: Set this environment variable to 1 to run the rules' array form without numba even where
#: it is installed (the Python loop; tests compare the two).
NO_NUMBA_ENV = "NABIJ_NO_NUMBA"

_PARAM_NAMES = tuple(f.name for f in fields(Params))
#: The model's parameters as a named tuple of floats: what compiled rules read as ``params``.
ParamValues = namedtuple("ParamValues", _PARAM_NAMES)  # type: ignore[misc]


#: The last parameter sets converted, by identity (a Params is frozen, so its values stay):
#: the named tuple and the same floats as an array, in :data:`ParamValues` order.
_CONVERTED: dict[int, tuple[Params, Any, np.ndarray]] = {}
_CONVERTED_MAX = 64


def _converted(params: Params) -> tuple[Params, Any, np.ndarray]:
    """``params`` as a :data:`ParamValues` tuple and as an array of the same floats.

    A simulation converts the same parameter set at every rule it calls in array form, so
    the last few conversions are kept, by the object's identity (the entry holds the object,
    so its id cannot be reused while the entry lives).
    """
    entry = _CONVERTED.get(id(params))
    if entry is not None and entry[0] is params:
        return entry
    values = ParamValues(*(float(getattr(params, name)) for name in _PARAM_NAMES))
    if len(_CONVERTED) >= _CONVERTED_MAX:
        _CONVERTED.clear()
    entry = _CONVERTED[id(params)] = (params, values, np.array(values, dtype=np.float64))
    return entry


def param_values(params: Params) -> Any:
    """``params`` as a :data:`ParamValues` tuple (what compiled code takes)."""
    return _converted(params)[1]


#: Builds the :data:`ParamValues` tuple inside compiled code from the array of its floats:
#: a compiled loop takes the parameters as one array (numba unpacks an array argument in
#: well under a microsecond, a named tuple of a hundred floats in about 13).
_PARAMS_FROM_ARRAY = ("def _param_values_from(a):\n    return _ParamValues("
                      + ", ".join(f"a[{k}]" for k in range(len(_PARAM_NAMES))) + ")\n")


@functools.cache
def _import_numba() -> Any | None:
    try:
        import numba
    except ImportError:
        return None
    return numba


_PYTHON_LOOPS: ContextVar[bool] = ContextVar("nabij_python_loops", default=False)


@contextlib.contextmanager
def python_loops() -> Iterator[None]:
    """Inside this block (this thread only) the array forms run the Python loop, numba or not.

    For a few hundred elements the Python loop is as fast as the compiled one, and it skips
    the compiled loop's first compilation (seconds to tens of seconds): the journal's
    what-if runs in it. The results are the same either way.
    """
    token = _PYTHON_LOOPS.set(True)
    try:
        yield
    finally:
        _PYTHON_LOOPS.reset(token)


def numba_in_use() -> bool:
    """Whether :func:`elementwise` compiles its loops: numba is installed, ``NABIJ_NO_NUMBA``
    is not set (read at every call, so a test can switch it) and no :func:`python_loops`
    block is active."""
    if _PYTHON_LOOPS.get() or os.environ.get(NO_NUMBA_ENV, "").strip() not in ("", "0"):
        return False
    return _import_numba() is not None


def _numba() -> Any:
    """The numba module, or :class:`~nabij.extras.MissingExtraError` naming the extra."""
    numba = _import_numba()
    if numba is None:
        from nabij.extras import missing

        raise missing("numba", "lab", "Compiling the model's rules (the fast simulation kernel)")
    return numba


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
    numba = _numba()
    space: dict[str, Any] = _namespace() if env is None else env
    found = _gather(functions, space, overrides,
                    done=lambda name: getattr(space[name], "py_func", None) is not None)
    for name, function in found.items():
        copy = types.FunctionType(function.__code__, space, name, function.__defaults__)
        copy.__doc__ = function.__doc__
        space[name] = numba.njit(error_model="numpy", inline="always")(copy)
    return space


def _gather(functions: Iterable[Callable[..., Any]], space: dict[str, Any], overrides: dict[str, Any],
            done: Callable[[str], bool]) -> dict[str, Callable[..., Any]]:
    """Every function ``functions`` call (transitively) that ``space`` lacks, by name;
    every other global they use is put into ``space`` (see :func:`compile_rules`)."""
    space.update(overrides)
    pending = list(functions)
    found: dict[str, Callable[..., Any]] = {}
    while pending:
        function = pending.pop()
        name = function.__name__
        if name in overrides or name in found:
            continue
        if name in space and done(name):
            continue  # copied into this namespace before
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
    return found


#: The namespace of the compiled rules behind every elementwise wrapper (the exact logistic).
_SHARED: dict[str, Any] = _namespace()

Spec = Any  # a leaf type (float, bool) or a named-tuple class or a tuple of specs


Leaf = tuple[tuple[int, ...], Any]  # where a scalar sits in a rule's output, and its dtype


def _leaves(spec: Spec, where: tuple[int, ...] = ()) -> list[Leaf]:
    """The scalar leaves of an output spec: (index path into the output, numpy dtype)."""
    if spec is float:
        return [(where, np.float64)]
    if spec is bool:
        return [(where, np.bool_)]
    if isinstance(spec, tuple):
        return [leaf for k, part in enumerate(spec) for leaf in _leaves(part, (*where, k))]
    hints = typing.get_type_hints(spec)
    return [leaf for k, name in enumerate(spec._fields)
            for leaf in _leaves(hints[name], (*where, k))]


def _rebuild(spec: Spec, flat: list[np.ndarray]) -> Any:
    """The output arrays, in the structure of ``spec``, consuming ``flat`` from the front."""
    if spec is float or spec is bool:
        return flat.pop(0)
    if isinstance(spec, tuple):
        return tuple(_rebuild(part, flat) for part in spec)
    hints = _hints(spec)
    return spec(*(_rebuild(hints[name], flat) for name in spec._fields))


@functools.cache
def _hints(spec: Spec) -> dict[str, Any]:
    """The field types of a named-tuple output (read once per class: resolving them is slow)."""
    return typing.get_type_hints(spec)


def cache_folder() -> Path:
    """Where compiled loops are cached: a folder named after a hash of the model's source.

    A loop inlines the rules it calls, so any edit of a rule must miss the cache; hashing
    every module of :mod:`nabij.model` guarantees it (as the engine's kernel does). Each
    edit leaves a folder behind; :func:`nabij.engine.warm.clean_stale_caches` removes those
    not used for a day.
    """
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return Path(platformdirs.user_cache_dir("nabij")) / "numba-rules" / digest.hexdigest()[:16]


@functools.cache
def _cache_root() -> Path | None:
    """:func:`cache_folder`, made and marked as in use (its time stamp, once a process);
    ``None`` when it cannot be made: loops then compile in every process."""
    root = cache_folder()
    try:
        root.mkdir(parents=True, exist_ok=True)
        os.utime(root)
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


#: numba reads its cache folder from one process-wide setting (``numba.config.CACHE_DIR``),
#: twice, when a function is decorated. Threads that decorate at once (batched studies run
#: in threads) must not see each other's setting, or restore it in between: a loop's cache
#: then lands in the working directory. Every change of the setting holds this lock.
CACHE_DIR_LOCK = threading.RLock()


@contextlib.contextmanager
def numba_cache_dir(folder: str) -> Iterator[Any]:
    """numba, with its cache folder set to ``folder`` for the functions decorated in the block."""
    numba = _numba()
    with CACHE_DIR_LOCK:
        config: Any = numba.config  # numba's settings module (attributes set at run time)
        saved = config.CACHE_DIR
        config.CACHE_DIR = folder
        try:
            yield numba
        finally:
            config.CACHE_DIR = saved


def _njit_cached(function: Any, root: Path | None) -> Any:
    """``function`` compiled by numba, its machine code cached under ``root``."""
    if root is None:
        return _numba().njit(error_model="numpy")(function)
    with numba_cache_dir(str(root)) as numba:
        return numba.njit(cache=True, error_model="numpy")(function)


def _numpy_math() -> types.SimpleNamespace:
    """``math`` whose functions that raise (overflow, domain) return inf or nan instead, as
    numba's compiled code does: the rules' ``math`` while an element is redone."""
    space = {name: getattr(math, name) for name in dir(math) if not name.startswith("_")}
    space.update(exp=np.exp, expm1=np.expm1, log=np.log, log1p=np.log1p, log2=np.log2,
                 log10=np.log10, sqrt=np.sqrt, pow=np.power, sinh=np.sinh, cosh=np.cosh,
                 acos=np.arccos, asin=np.arcsin, atanh=np.arctanh, acosh=np.arccosh)
    return types.SimpleNamespace(**space)


@functools.cache
def _in_numpy_arithmetic(rule: Callable[..., Any]) -> Callable[..., Any]:
    """``rule`` and every rule it calls, copied into a namespace whose ``math`` is
    :func:`_numpy_math` (for arguments that are numpy floats: ``x / 0`` gives inf, not an error)."""
    space = _namespace()
    found = _gather([rule], space, {"math": _numpy_math()},
                    done=lambda name: isinstance(space[name], types.FunctionType))
    for name, function in found.items():
        space[name] = types.FunctionType(function.__code__, space, name, function.__defaults__)
    copied: Callable[..., Any] = space[rule.__name__]
    return copied


def _numpy_scalars(value: Any) -> Any:
    """``value`` (a float, a bool or a named tuple of them) with its floats as numpy floats."""
    if isinstance(value, tuple):
        return type(value)(*(_numpy_scalars(v) for v in value))
    return value if isinstance(value, bool) else np.float64(value)


def _apply(rule: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """``rule(*args)`` on Python floats; an element that raises there is redone in numpy's
    arithmetic, which gives inf or nan where the compiled loop does (``error_model="numpy"``)."""
    try:
        return rule(*args)
    except (ArithmeticError, ValueError):
        with np.errstate(all="ignore"):
            return _in_numpy_arithmetic(rule)(*(_numpy_scalars(a) for a in args))


def _python_loop(rule: Callable[..., Any], layout: tuple[Any, ...], inputs: list[np.ndarray],
                 params: Any, takes_params: bool, leaves: list[Leaf], n: int) -> list[np.ndarray]:
    """The rule applied element by element in Python: the array form without numba.

    ``inputs`` are the broadcast, flattened arguments (a named tuple spans one per field),
    as in the compiled loop; the rule gets Python floats and bools, as the compiled rule
    gets float64 and boolean scalars. Returns one flat array per leaf of the output.
    """
    columns = [a.tolist() for a in inputs]
    per_argument: list[list[Any]] = []
    k = 0
    for cls in layout:
        if cls is None:
            per_argument.append(columns[k])
            k += 1
        else:
            width = len(cls._fields)
            per_argument.append(list(map(cls, *columns[k:k + width])))
            k += width
    if takes_params:
        per_argument.append([params] * n)
    rows = zip(*per_argument, strict=True) if per_argument else iter([()] * n)
    results = [_apply(rule, row) for row in rows]
    flat = []
    for where, dtype in leaves:
        values = []
        for result in results:
            for index in where:
                result = result[index]
            values.append(result)
        flat.append(np.array(values, dtype=dtype).reshape(n))
    return flat


def _as_array(value: Any) -> np.ndarray:
    arr = np.asarray(value)
    return arr if arr.dtype == np.bool_ else arr.astype(np.float64, copy=False)


def _broadcast_flat(arrays: list[np.ndarray]) -> tuple[list[np.ndarray], tuple[int, ...]]:
    """The arguments broadcast against each other, each as one contiguous 1-D array (the
    compiled loop reads element ``i`` of each), and their common shape."""
    if not arrays:
        return [], ()
    if len(arrays) > 32:  # np.broadcast takes at most 32 arguments
        arrays = list(np.broadcast_arrays(*arrays))
        shape = arrays[0].shape
    else:
        shape = np.broadcast(*arrays).shape if len(arrays) > 1 else arrays[0].shape
    flat = []
    for a in arrays:
        if a.shape != shape:
            full = np.empty(shape, dtype=a.dtype)
            full[...] = a  # the broadcast copy, made in one step
            a = full
        flat.append(np.ascontiguousarray(a).reshape(-1))
    return flat, shape


def elementwise(rule: Callable[..., Any], out: Spec = float) -> Callable[..., Any]:
    """The array form of a scalar ``rule``: same arguments, broadcast; same outputs, as arrays.

    ``out`` describes what the rule returns: ``float``, ``bool``, a named-tuple class (its
    fields' annotations give the leaves), or a tuple of those. The loop is compiled on
    the first call (numba); later calls with the same argument types reuse it. Without
    numba (or with ``NABIJ_NO_NUMBA=1``) the same rule runs in a Python loop.
    """
    signature = inspect.signature(rule)
    names = list(signature.parameters)
    takes_params = bool(names) and names[-1] == "params"
    plain = all(p.kind is p.POSITIONAL_OR_KEYWORD for p in signature.parameters.values())
    leaves = _leaves(out)
    loops: dict[tuple[Any, ...], Any] = {}

    def _loop(layout: tuple[Any, ...]) -> Any:
        if layout in loops:
            return loops[layout]
        with CACHE_DIR_LOCK:  # one thread at a time extends the shared namespace
            if layout not in loops:
                loops[layout] = _build(layout)
        return loops[layout]

    def _build(layout: tuple[Any, ...]) -> Any:
        space = compile_rules([rule], env=_SHARED)
        if "_param_values_from" not in space:
            space["_ParamValues"] = ParamValues
            exec(_PARAMS_FROM_ARRAY, space)  # numba compiles no *args: the fields spelled out
            space["_param_values_from"] = _numba().njit(inline="always")(space["_param_values_from"])
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
        body = [f"def _loop({', '.join(outs + ins + ['values'])}):"]
        if takes_params:
            body.append("    params = _param_values_from(values)")
        body += [f"    for i in range({outs[0]}.size):",
                 f"        r = {rule.__name__}({', '.join(args)})"]
        body += [f"        {o}[i] = r" + "".join(f"[{k}]" for k in where)
                 for o, (where, _) in zip(outs, leaves, strict=True)]
        source = "\n".join(body) + "\n"
        root = _cache_root()
        filename = _source_file(root, f"{rule.__module__.rsplit('.', 1)[-1]}_{rule.__name__}",
                                source)
        local: dict[str, Any] = {}
        exec(compile(source, filename, "exec"), space, local)  # numba compiles no *args
        return _njit_cached(types.FunctionType(local["_loop"].__code__, space, "_loop"), root)

    @wraps(rule)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if plain and not kwargs and len(args) == len(names):  # every argument given in order
            values = list(args)
        else:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            values = list(bound.arguments.values())
        converted = _converted(values.pop()) if takes_params else None
        layout: list[Any] = []
        flat: list[np.ndarray] = []
        for value in values:
            if isinstance(value, tuple) and hasattr(value, "_fields"):
                layout.append(type(value))
                flat.extend(_as_array(v) for v in value)
            else:
                layout.append(None)
                flat.append(_as_array(value))
        inputs, shape = _broadcast_flat(flat)
        if not numba_in_use():
            n = int(np.prod(shape))
            params = converted[1] if converted is not None else 0.0
            flat_out = _python_loop(rule, tuple(layout), inputs, params, takes_params, leaves, n)
            return _rebuild(out, [o.reshape(shape) for o in flat_out])
        outputs = [np.empty(shape, dtype=dtype) for _, dtype in leaves]
        _loop(tuple(layout))(*(o.reshape(-1) for o in outputs), *inputs,
                             converted[2] if converted is not None else 0.0)
        return _rebuild(out, outputs)

    wrapper.__doc__ = (f"Array form of the rule (:func:`{rule.__module__}.{rule.__name__}`): "
                       "arguments broadcast, outputs are arrays.\n\n" + (rule.__doc__ or ""))
    return wrapper
