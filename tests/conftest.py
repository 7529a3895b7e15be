"""Hypothesis settings profiles for the whole suite.

``ci`` (the default) keeps the property tests fast; ``long`` runs many examples, for a soak run:

    VERSLAG_HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_properties.py tests/test_fuzz.py

Every failure a long run finds, shrunk, becomes a named test in tests/test_regressions.py.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile("ci", max_examples=20, deadline=None, suppress_health_check=_SLOW_OK, print_blob=True)
settings.register_profile("dev", max_examples=100, deadline=None, suppress_health_check=_SLOW_OK, print_blob=True)
settings.register_profile(
    "long", max_examples=1_000, deadline=None, suppress_health_check=_SLOW_OK, print_blob=True, database=None
)
settings.load_profile(os.environ.get("VERSLAG_HYPOTHESIS_PROFILE", "ci"))
