"""``python -m talkgraph.graph``: the same as the ``talkgraph`` command."""
from .cli import command

command()
