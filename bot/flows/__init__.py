"""Guided multi-turn conversations, saved every turn."""
