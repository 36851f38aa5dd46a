"""Benchmarks, run on purpose (`make bench` or `python -m bench NAME`), never in CI."""
