"""The companion: an encrypted practice journal that plans the next small step.

Person-facing, built on the model's learning rule (:mod:`nabij.model.learning`). Layers:
:mod:`.domain` (records and validation), :mod:`.crypto` and :mod:`.store` (encrypted
SQLite), :mod:`.journal` (domain access, export/import), :mod:`.estimators` and
:mod:`.planner` (what was learned, what to try next), :mod:`.whatif` (projections with the
engine), :mod:`.i18n` and :mod:`.prompts` (Dutch and English), :mod:`.cli` (``nabij
journal``). A practice tool, not therapy.
"""

from __future__ import annotations

__all__: list[str] = []
