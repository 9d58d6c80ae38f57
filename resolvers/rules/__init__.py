"""Rule declarations, one module per family.  Import order is the order rules are tried at a
candidate position: the more specific (longer) readings first."""
from . import narrative, events, clock, hijri, absolute, spans, relative, durations, vague  # noqa: F401  (registration order)
