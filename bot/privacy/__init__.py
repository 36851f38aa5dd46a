"""Data rights: export, forget, retention, key rotation. Channel-agnostic, table-generic."""
