import TalkplanTime
import Testing
@testable import TalkplanExtract

@Suite("dates and times in text")
struct DateScannerTests {
    struct DateCase: Sendable, CustomTestStringConvertible {
        let text: String
        let day: Int
        let month: Int
        let year: Int?
        let weekday: Weekday?
        var testDescription: String { text }
    }

    static let dates: [DateCase] = [
        DateCase(text: "Wednesday, December 6th, 2023", day: 6, month: 12, year: 2023, weekday: .wednesday),
        DateCase(text: "04 Avril 2024", day: 4, month: 4, year: 2024, weekday: nil),
        DateCase(text: "Jeudi 31 octobre 2024, 14h00 - 15h30", day: 31, month: 10, year: 2024, weekday: .thursday),
        DateCase(text: "Miércoles 06 de Noviembre a las 15:00 horas", day: 6, month: 11, year: nil, weekday: .wednesday),
        DateCase(text: "le 1er avril 2025", day: 1, month: 4, year: 2025, weekday: nil),
        DateCase(text: "6 de noviembre de 2024", day: 6, month: 11, year: 2024, weekday: nil),
        DateCase(text: "Thursday the 4th of April", day: 4, month: 4, year: nil, weekday: .thursday),
        DateCase(text: "Tues. Sept 10, 2024", day: 10, month: 9, year: 2024, weekday: .tuesday),
        DateCase(text: "MIÉRCOLES 4 DE SEPTIEMBRE DE 2024", day: 4, month: 9, year: 2024, weekday: .wednesday),
        DateCase(text: "mer. 6 nov. 2024", day: 6, month: 11, year: 2024, weekday: .wednesday),
        DateCase(text: "Donnerstag, 28. März 2024", day: 28, month: 3, year: 2024, weekday: .thursday),
        DateCase(text: "2021-05-04 19:00:00", day: 4, month: 5, year: 2021, weekday: nil),
        DateCase(text: "Thursday 4 Apr 2024, 14:00 → 15:30", day: 4, month: 4, year: 2024, weekday: .thursday),
        DateCase(text: "May 4, 2021 04:00 PM Jerusalem", day: 4, month: 5, year: 2021, weekday: nil),
    ]

    @Test("dates", arguments: dates)
    func date(_ testCase: DateCase) throws {
        let found = DateScanner.scan(testCase.text)
        let date = try #require(found.dates.first).date
        #expect(date.day == testCase.day)
        #expect(date.month == testCase.month)
        #expect(date.year == testCase.year)
        #expect(date.weekday == testCase.weekday)
    }

    struct TimeCase: Sendable, CustomTestStringConvertible {
        let text: String
        let start: String
        let end: String?
        var zone: [String] = []
        var testDescription: String { text }
    }

    static let times: [TimeCase] = [
        TimeCase(text: "at* 10:30 am CT *", start: "10:30", end: nil, zone: ["CT"]),
        TimeCase(text: "12:00 PM", start: "12:00", end: nil),
        TimeCase(text: "12:30 a.m.", start: "00:30", end: nil),
        TimeCase(text: "Friday at noon", start: "12:00", end: nil),
        TimeCase(text: "a las 16.15", start: "16:15", end: nil),
        TimeCase(text: "Orador: Arie Worstman (ENS Paris) 16.15", start: "16:15", end: nil),
        TimeCase(text: "14h00 - 15h30", start: "14:00", end: "15:30"),
        TimeCase(text: "de 14 h à 15 h 30", start: "14:00", end: "15:30"),
        TimeCase(text: "3-4 pm", start: "15:00", end: "16:00"),
        TimeCase(text: "11 am - 12:30 pm", start: "11:00", end: "12:30"),
        TimeCase(text: "10:30-11:30am", start: "10:30", end: "11:30"),
        TimeCase(text: "20:30 - 19:00", start: "19:00", end: "20:30"),
        TimeCase(text: "22:00 - 01:00", start: "22:00", end: "01:00"),
        TimeCase(text: "15:00 horas", start: "15:00", end: nil),
        TimeCase(text: "3 p. m. (hora de Santiago)", start: "15:00", end: nil, zone: ["hora de Santiago", "Santiago"]),
        TimeCase(text: "16:15 (heure de Paris)", start: "16:15", end: nil, zone: ["heure de Paris", "Paris"]),
        TimeCase(text: "May 4, 2021 04:00 PM Jerusalem", start: "16:00", end: nil, zone: ["Jerusalem"]),
        TimeCase(text: "14:00 → 15:30 Europe/Zurich", start: "14:00", end: "15:30"),
        TimeCase(text: "7 de la tarde", start: "19:00", end: nil),
    ]

    @Test("times", arguments: times)
    func time(_ testCase: TimeCase) throws {
        let found = DateScanner.scan(testCase.text)
        let time = try #require(found.times.first)
        #expect(time.start.clock == testCase.start)
        #expect(time.end?.clock == testCase.end)
        for phrase in testCase.zone {
            #expect(time.zoneCandidates.contains(phrase), "candidates \(time.zoneCandidates)")
        }
    }

    @Test("explicit offsets after a time")
    func offsets() throws {
        #expect(try #require(DateScanner.scan("10:00 (GMT-3)").times.first).offset == UTCOffset(hours: -3))
        #expect(try #require(DateScanner.scan("14:00 UTC+1").times.first).offset == UTCOffset(hours: 1))
        #expect(try #require(DateScanner.scan("2024-04-04T12:00:00+02:00").times.first).offset == UTCOffset(hours: 2))
        // Outlook writes the standard offset before the zone's name: the name decides.
        let outlook = try #require(DateScanner.scan("4:00 PM-5:00 PM (UTC-06:00) Central Time (US & Canada).").times.first)
        #expect(outlook.offset == nil)
        #expect(outlook.zoneCandidates.contains("Central Time"))
        #expect(DateScanner.scan("4:00 PM-5:00 PM (UTC-06:00) Central Time (US & Canada).").times.count == 1)
    }

    @Test("numbers that are not dates or times")
    func notMentions() {
        for text in ["+1 312 626 6799 US (Chicago)", "Meeting ID: 897 0800 6582", "version 3.14159", "pi is 3.14 roughly.",
                     "Passcode: 536812", "https://example.org/2024/04/04/talk.html", "IP 10.1.2.3", "problem set 3 due",
                     "costs 12.50€", "see 1.16.15 in the notes", "4-5 people", "a 2.5 hour session"] {
            #expect(DateScanner.scan(text).isEmpty, "\(text): \(DateScanner.scan(text))")
        }
    }

    @Test("numeric dates keep an open day/month order")
    func numericOrder() throws {
        let open = try #require(DateScanner.scan("04/05/2021").dates.first).date
        #expect(open.order == .open(first: 4, second: 5))
        #expect(try #require(DateScanner.scan("13/05/2021").dates.first).date.month == 5)
        #expect(try #require(DateScanner.scan("05/13/2021").dates.first).date.day == 13)
        #expect(try #require(DateScanner.scan("4.5.2024").dates.first).date.month == 5)
        // Without a year, only next to a time or weekday.
        #expect(DateScanner.scan("[TTIC Talks] 12/6 Young Researcher Seminar").dates.isEmpty)
        #expect(DateScanner.scan("Wed 12/6 at 3pm").dates.count == 1)
    }

    @Test("month and weekday names come from CLDR, matched without case and accents")
    func names() {
        let names = DateNames.shared
        #expect(names.lookup("Noviembre")?.month == 11)
        #expect(names.lookup("MIERCOLES")?.weekday == .wednesday)
        #expect(names.lookup("févr.")?.month == 2)
        #expect(names.lookup("Thurs")?.weekday == .thursday)
        #expect(names.lookup("juil")?.month == 7)
        #expect(names.lookup("ju") == nil)
        #expect(names.lookup("mar")?.month == 3)
        #expect(names.lookup("mar")?.weekday == .tuesday)
    }
}
