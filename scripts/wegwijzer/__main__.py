"""`python -m wegwijzer`: the same as the `wegwijzer` command."""

import sys

from wegwijzer.tools.cli import main

sys.exit(main())
