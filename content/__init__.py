"""The Dual Capacity-Building Framework as data: YAML files and their models."""
