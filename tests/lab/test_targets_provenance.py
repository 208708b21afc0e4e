"""Every published value in targets.toml says where it comes from.

A check marked ``verified`` claims its value was read in the source or recomputed from the
source's open data; such a claim must name where (``cite``), and a quantitative check must
also carry the size of the study it is judged at (or the published uncertainty, for a
meta-analytic value with no single N).
"""

import pytest

from nabij.lab.targets import TARGETS, load_targets

CHECKS = [(t, c) for t in TARGETS.values() for c in t.checks]


def test_verified_checks_name_their_source_and_size():
    verified = [(t, c) for t, c in CHECKS if c.verified]
    assert verified, "no check is verified; this test would check nothing"
    for t, c in verified:
        assert c.cite.strip(), f"{t.id}.{c.quantity}: verified but no cite"
        assert c.paper is not None, f"{t.id}.{c.quantity}: verified but no published value"
        assert c.paper_n is not None or c.standard_error is not None, (
            f"{t.id}.{c.quantity}: verified value without the study's N or the paper's CI/SE")


def test_every_published_value_says_where_it_comes_from():
    """Unverified values too: a value taken from notes or a secondary source must say so."""
    valued = [(t, c) for t, c in CHECKS if c.paper is not None]
    assert any(not c.verified for _, c in valued), "no unverified value: only verified ones are checked"
    for t, c in valued:
        assert c.cite.strip(), f"{t.id}.{c.quantity}: a published value without a cite"


def test_a_verified_n_is_recorded_with_how_it_was_obtained():
    for t in TARGETS.values():
        if t.paper_n is not None:
            assert t.n_note.strip(), f"{t.id}: paper_n without n_note"


#: One target with one signed r check; each test appends the fields it is about.
ONE_CHECK = """
[[target]]
id = "X1"
source = "s"
finding = "f"
design = "d"
  [[target.check]]
  quantity = "q"
  description = "q"
  metric = "r"
  direction = 1
"""


def test_the_loader_refuses_a_value_without_n_or_uncertainty():
    text = ONE_CHECK + """  paper = 0.3
"""
    with pytest.raises(ValueError, match="study's N"):
        load_targets(text)


def test_a_meta_analytic_value_may_stand_on_its_ci_alone():
    text = ONE_CHECK + """  paper = 0.14
  paper_ci = [0.10, 0.18]
  cite = "Table 1"
  verified = true
"""
    check = load_targets(text)["X1"].check("q")
    assert check.paper_n is None and check.standard_error == pytest.approx(0.08 / (2 * 1.959964))
