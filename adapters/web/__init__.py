"""One aiohttp server for Slack, Teams and health checks."""
