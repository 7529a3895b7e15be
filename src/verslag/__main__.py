"""``python -m verslag`` works like the ``verslag`` command."""

from verslag.cli import main

raise SystemExit(main())
