"""docs/targets.md carries the generated table of the targets as they are in the data."""

from pathlib import Path

from nabij.lab.targets_doc import targets_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "targets.md"


def test_targets_table_is_generated():
    text = DOC.read_text(encoding="utf-8")
    table = text.split("<!-- targets:start -->")[1].split("<!-- targets:end -->")[0]
    assert table.strip() == targets_markdown().strip(), (
        "docs/targets.md is out of date: paste the output of `python -m nabij.lab.targets_doc` "
        "between the targets markers")


def test_targets_doc_links_only_inside_the_repository():
    text = DOC.read_text(encoding="utf-8")
    assert "../shared" not in text and "http://" not in text and "https://" not in text
