import Testing
@testable import TalkplanICalendar

@Test func moduleLoads() {}
