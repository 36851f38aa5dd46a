"""The coach as a Slack app: every slack_bolt and slack_sdk import lives in this package."""
