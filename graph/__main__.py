"""``python -m talkgraph.graph``: the same as the ``talkgraph`` command."""
import sys

from .cli import main

sys.exit(main())
