"""PyInstaller entry script: the `cartox-desk` console script (cartox_desk.__main__:main) as a program."""

import sys

from cartox_desk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
