"""Accepted means kept, the part every platform shares (the rows themselves: bot/inbox)."""
