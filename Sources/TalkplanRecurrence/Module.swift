/// RFC 5545 recurrence rules: RRULE, RDATE, EXDATE, RECURRENCE-ID.
enum TalkplanRecurrenceModule {}
