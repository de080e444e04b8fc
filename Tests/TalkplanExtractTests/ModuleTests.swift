import Testing
@testable import TalkplanExtract

@Test func moduleLoads() {}
