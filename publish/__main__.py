"""``python -m publish`` runs the command-line interface."""

from __future__ import annotations

from publish.cli import main

raise SystemExit(main())
