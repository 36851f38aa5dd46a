"""The words an educator types, each handled in its own module."""
