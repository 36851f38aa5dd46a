"""The self-assessment: one rating per condition or C, dated, compared with the last one."""
