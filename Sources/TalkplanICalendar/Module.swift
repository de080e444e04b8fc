/// RFC 5545 iCalendar: reading, resolving times, writing.
enum TalkplanICalendarModule {}
