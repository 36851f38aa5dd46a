"""The coach in the terminal."""
