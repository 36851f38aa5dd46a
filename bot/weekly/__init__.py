"""The weekly-schedule domain: subscriptions, local-time rules, rotation and their tables.

The clock service in `scheduler/` drives these; the coach's commands change them.
"""
