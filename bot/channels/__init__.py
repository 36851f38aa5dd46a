"""Team prompts: a channel's weekly discussion prompt (`channel on|off|day|time|tz|focus`)."""
