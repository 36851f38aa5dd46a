"""Messages home (`draft`): composing a short note from what the educator typed."""
