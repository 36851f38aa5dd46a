"""Microsoft Teams: every botbuilder import of the coach lives in this package."""
