"""Weekly nudges as the coach says them: the message, the settings, the buttons' answers."""
