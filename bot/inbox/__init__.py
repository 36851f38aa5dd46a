"""Accepted means kept: each platform message is written down before it is acknowledged."""
