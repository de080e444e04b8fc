import Testing
@testable import TalkplanRecurrence

@Test func moduleLoads() {}
