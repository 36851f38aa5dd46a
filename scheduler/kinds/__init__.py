"""The kinds of weekly subscription the clock sends: each a small `scheduler.kind.Kind`."""
