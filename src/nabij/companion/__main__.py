"""``python -m nabij.companion``: the journal CLI on its own."""

from nabij.companion.cli import main

main()
