"""Settings shared by every pattern in the extractors."""

# Seconds any one regex search may take before it is abandoned; every pattern is
# written to be linear, and this bounds the worst case on hostile input.
TIMEOUT = 2.0
