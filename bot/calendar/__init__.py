"""A school or district calendar: the days it is closed, read from an iCalendar file."""
