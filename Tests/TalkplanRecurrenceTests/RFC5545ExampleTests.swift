import Testing
import TalkplanRecurrence
import TalkplanTime

/// Every example of RFC 5545 §3.8.5.3 ("All examples assume the Eastern United States
/// time zone"), with the occurrences the RFC publishes. Where the RFC lists only the
/// beginning of an unbounded series ("..."), the published beginning is compared.
/// Each `or` alternative of an example is a test of its own.
@Suite("RFC 5545 §3.8.5.3 examples")
struct RFC5545ExampleTests {
    typealias F = Fixture

    @Test("Daily for 10 occurrences")
    func dailyCount() throws {
        #expect(try F.expand("19970902T090000", "FREQ=DAILY;COUNT=10") == F.local(1997, 9, Array(2...11), "EDT"))
    }

    @Test("Daily until December 24, 1997")
    func dailyUntil() throws {
        let expected = F.local(1997, 9, Array(2...30), "EDT") + F.local(1997, 10, Array(1...25), "EDT")
            + F.local(1997, 10, Array(26...31), "EST") + F.local(1997, 11, Array(1...30), "EST")
            + F.local(1997, 12, Array(1...23), "EST")
        #expect(try F.expand("19970902T090000", "FREQ=DAILY;UNTIL=19971224T000000Z") == expected)
    }

    @Test("Every other day - forever")
    func everyOtherDay() throws {
        let expected = F.local(1997, 9, Array(stride(from: 2, through: 30, by: 2)), "EDT")
            + F.local(1997, 10, Array(stride(from: 2, through: 24, by: 2)), "EDT")
            + F.local(1997, 10, [26, 28, 30], "EST")
            + F.local(1997, 11, Array(stride(from: 1, through: 29, by: 2)), "EST")
            + F.local(1997, 12, [1, 3], "EST")
        #expect(try F.expand("19970902T090000", "FREQ=DAILY;INTERVAL=2", limit: expected.count) == expected)
    }

    @Test("Every 10 days, 5 occurrences")
    func everyTenDays() throws {
        #expect(try F.expand("19970902T090000", "FREQ=DAILY;INTERVAL=10;COUNT=5")
            == F.local(1997, 9, [2, 12, 22], "EDT") + F.local(1997, 10, [2, 12], "EDT"))
    }

    static let januaries = F.local(1998, 1, Array(1...31), "EST") + F.local(1999, 1, Array(1...31), "EST")
        + F.local(2000, 1, Array(1...31), "EST")

    @Test("Every day in January, for 3 years (yearly form)")
    func januaryYearly() throws {
        #expect(try F.expand("19980101T090000", "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA")
            == Self.januaries)
    }

    @Test("Every day in January, for 3 years (daily form)")
    func januaryDaily() throws {
        #expect(try F.expand("19980101T090000", "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1") == Self.januaries)
    }

    @Test("Weekly for 10 occurrences")
    func weeklyCount() throws {
        #expect(try F.expand("19970902T090000", "FREQ=WEEKLY;COUNT=10")
            == F.local(1997, 9, [2, 9, 16, 23, 30], "EDT") + F.local(1997, 10, [7, 14, 21], "EDT")
            + F.local(1997, 10, [28], "EST") + F.local(1997, 11, [4], "EST"))
    }

    @Test("Weekly until December 24, 1997")
    func weeklyUntil() throws {
        #expect(try F.expand("19970902T090000", "FREQ=WEEKLY;UNTIL=19971224T000000Z")
            == F.local(1997, 9, [2, 9, 16, 23, 30], "EDT") + F.local(1997, 10, [7, 14, 21], "EDT")
            + F.local(1997, 10, [28], "EST") + F.local(1997, 11, [4, 11, 18, 25], "EST")
            + F.local(1997, 12, [2, 9, 16, 23], "EST"))
    }

    @Test("Every other week - forever")
    func everyOtherWeek() throws {
        let expected = F.local(1997, 9, [2, 16, 30], "EDT") + F.local(1997, 10, [14], "EDT")
            + F.local(1997, 10, [28], "EST") + F.local(1997, 11, [11, 25], "EST") + F.local(1997, 12, [9, 23], "EST")
            + F.local(1998, 1, [6, 20], "EST") + F.local(1998, 2, [3, 17], "EST")
        #expect(try F.expand("19970902T090000", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", limit: expected.count) == expected)
    }

    static let tuesdaysAndThursdays = F.local(1997, 9, [2, 4, 9, 11, 16, 18, 23, 25, 30], "EDT") + F.local(1997, 10, [2], "EDT")

    @Test("Weekly on Tuesday and Thursday for five weeks (UNTIL form)")
    func tuesdayThursdayUntil() throws {
        #expect(try F.expand("19970902T090000", "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH") == Self.tuesdaysAndThursdays)
    }

    @Test("Weekly on Tuesday and Thursday for five weeks (COUNT form)")
    func tuesdayThursdayCount() throws {
        #expect(try F.expand("19970902T090000", "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH") == Self.tuesdaysAndThursdays)
    }

    @Test("Every other week on Monday, Wednesday, and Friday until December 24, 1997")
    func mondayWednesdayFriday() throws {
        #expect(try F.expand("19970901T090000", "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR")
            == F.local(1997, 9, [1, 3, 5, 15, 17, 19, 29], "EDT") + F.local(1997, 10, [1, 3, 13, 15, 17], "EDT")
            + F.local(1997, 10, [27, 29, 31], "EST") + F.local(1997, 11, [10, 12, 14, 24, 26, 28], "EST")
            + F.local(1997, 12, [8, 10, 12, 22], "EST"))
    }

    @Test("Every other week on Tuesday and Thursday, for 8 occurrences")
    func everyOtherTuesdayThursday() throws {
        #expect(try F.expand("19970902T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH")
            == F.local(1997, 9, [2, 4, 16, 18, 30], "EDT") + F.local(1997, 10, [2, 14, 16], "EDT"))
    }

    @Test("Monthly on the first Friday for 10 occurrences")
    func firstFridayCount() throws {
        #expect(try F.expand("19970905T090000", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR")
            == F.local(1997, 9, [5], "EDT") + F.local(1997, 10, [3], "EDT") + F.local(1997, 11, [7], "EST")
            + F.local(1997, 12, [5], "EST") + F.local(1998, 1, [2], "EST") + F.local(1998, 2, [6], "EST")
            + F.local(1998, 3, [6], "EST") + F.local(1998, 4, [3], "EST") + F.local(1998, 5, [1], "EDT")
            + F.local(1998, 6, [5], "EDT"))
    }

    @Test("Monthly on the first Friday until December 24, 1997")
    func firstFridayUntil() throws {
        #expect(try F.expand("19970905T090000", "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR")
            == F.local(1997, 9, [5], "EDT") + F.local(1997, 10, [3], "EDT") + F.local(1997, 11, [7], "EST")
            + F.local(1997, 12, [5], "EST"))
    }

    @Test("Every other month on the first and last Sunday of the month for 10 occurrences")
    func firstAndLastSunday() throws {
        #expect(try F.expand("19970907T090000", "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU")
            == F.local(1997, 9, [7, 28], "EDT") + F.local(1997, 11, [2, 30], "EST") + F.local(1998, 1, [4, 25], "EST")
            + F.local(1998, 3, [1, 29], "EST") + F.local(1998, 5, [3, 31], "EDT"))
    }

    @Test("Monthly on the second-to-last Monday of the month for 6 months")
    func secondToLastMonday() throws {
        #expect(try F.expand("19970922T090000", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO")
            == F.local(1997, 9, [22], "EDT") + F.local(1997, 10, [20], "EDT") + F.local(1997, 11, [17], "EST")
            + F.local(1997, 12, [22], "EST") + F.local(1998, 1, [19], "EST") + F.local(1998, 2, [16], "EST"))
    }

    @Test("Monthly on the third-to-the-last day of the month, forever")
    func thirdToLastDay() throws {
        let expected = F.local(1997, 9, [28], "EDT") + F.local(1997, 10, [29], "EST") + F.local(1997, 11, [28], "EST")
            + F.local(1997, 12, [29], "EST") + F.local(1998, 1, [29], "EST") + F.local(1998, 2, [26], "EST")
        #expect(try F.expand("19970928T090000", "FREQ=MONTHLY;BYMONTHDAY=-3", limit: expected.count) == expected)
    }

    @Test("Monthly on the 2nd and 15th of the month for 10 occurrences")
    func secondAndFifteenth() throws {
        #expect(try F.expand("19970902T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15")
            == F.local(1997, 9, [2, 15], "EDT") + F.local(1997, 10, [2, 15], "EDT") + F.local(1997, 11, [2, 15], "EST")
            + F.local(1997, 12, [2, 15], "EST") + F.local(1998, 1, [2, 15], "EST"))
    }

    @Test("Monthly on the first and last day of the month for 10 occurrences")
    func firstAndLastDay() throws {
        #expect(try F.expand("19970930T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1")
            == F.local(1997, 9, [30], "EDT") + F.local(1997, 10, [1], "EDT") + F.local(1997, 10, [31], "EST")
            + F.local(1997, 11, [1, 30], "EST") + F.local(1997, 12, [1, 31], "EST") + F.local(1998, 1, [1, 31], "EST")
            + F.local(1998, 2, [1], "EST"))
    }

    @Test("Every 18 months on the 10th thru 15th of the month for 10 occurrences")
    func everyEighteenMonths() throws {
        #expect(try F.expand("19970910T090000", "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15")
            == F.local(1997, 9, Array(10...15), "EDT") + F.local(1999, 3, [10, 11, 12, 13], "EST"))
    }

    @Test("Every Tuesday, every other month")
    func tuesdaysEveryOtherMonth() throws {
        let expected = F.local(1997, 9, [2, 9, 16, 23, 30], "EDT") + F.local(1997, 11, [4, 11, 18, 25], "EST")
            + F.local(1998, 1, [6, 13, 20, 27], "EST") + F.local(1998, 3, [3, 10, 17, 24, 31], "EST")
        #expect(try F.expand("19970902T090000", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", limit: expected.count) == expected)
    }

    @Test("Yearly in June and July for 10 occurrences")
    func juneAndJuly() throws {
        let expected = (1997...2001).flatMap { F.local($0, 6, [10], "EDT") + F.local($0, 7, [10], "EDT") }
        #expect(try F.expand("19970610T090000", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7") == expected)
    }

    @Test("Every other year on January, February, and March for 10 occurrences")
    func januaryFebruaryMarch() throws {
        let expected = F.local(1997, 3, [10], "EST")
            + [1999, 2001, 2003].flatMap { F.local($0, 1, [10], "EST") + F.local($0, 2, [10], "EST") + F.local($0, 3, [10], "EST") }
        #expect(try F.expand("19970310T090000", "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3") == expected)
    }

    @Test("Every third year on the 1st, 100th, and 200th day for 10 occurrences")
    func yearDays() throws {
        #expect(try F.expand("19970101T090000", "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200")
            == F.local(1997, 1, [1], "EST") + F.local(1997, 4, [10], "EDT") + F.local(1997, 7, [19], "EDT")
            + F.local(2000, 1, [1], "EST") + F.local(2000, 4, [9], "EDT") + F.local(2000, 7, [18], "EDT")
            + F.local(2003, 1, [1], "EST") + F.local(2003, 4, [10], "EDT") + F.local(2003, 7, [19], "EDT")
            + F.local(2006, 1, [1], "EST"))
    }

    @Test("Every 20th Monday of the year, forever")
    func twentiethMonday() throws {
        #expect(try F.expand("19970519T090000", "FREQ=YEARLY;BYDAY=20MO", limit: 3)
            == F.local(1997, 5, [19], "EDT") + F.local(1998, 5, [18], "EDT") + F.local(1999, 5, [17], "EDT"))
    }

    @Test("Monday of week number 20, forever")
    func weekTwenty() throws {
        #expect(try F.expand("19970512T090000", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", limit: 3)
            == F.local(1997, 5, [12], "EDT") + F.local(1998, 5, [11], "EDT") + F.local(1999, 5, [17], "EDT"))
    }

    @Test("Every Thursday in March, forever")
    func thursdaysInMarch() throws {
        let expected = F.local(1997, 3, [13, 20, 27], "EST") + F.local(1998, 3, [5, 12, 19, 26], "EST")
            + F.local(1999, 3, [4, 11, 18, 25], "EST")
        #expect(try F.expand("19970313T090000", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", limit: expected.count) == expected)
    }

    @Test("Every Thursday, but only during June, July, and August, forever")
    func summerThursdays() throws {
        let expected = F.local(1997, 6, [5, 12, 19, 26], "EDT") + F.local(1997, 7, [3, 10, 17, 24, 31], "EDT")
            + F.local(1997, 8, [7, 14, 21, 28], "EDT") + F.local(1998, 6, [4, 11, 18, 25], "EDT")
            + F.local(1998, 7, [2, 9, 16, 23, 30], "EDT") + F.local(1998, 8, [6, 13, 20, 27], "EDT")
            + F.local(1999, 6, [3, 10, 17, 24], "EDT") + F.local(1999, 7, [1, 8, 15, 22, 29], "EDT")
            + F.local(1999, 8, [5, 12, 19, 26], "EDT")
        #expect(try F.expand("19970605T090000", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", limit: expected.count) == expected)
    }

    @Test("Every Friday the 13th, forever (DTSTART excluded by EXDATE)")
    func fridayThe13th() throws {
        let expected = F.local(1998, 2, [13], "EST") + F.local(1998, 3, [13], "EST") + F.local(1998, 11, [13], "EST")
            + F.local(1999, 8, [13], "EDT") + F.local(2000, 10, [13], "EDT")
        #expect(try F.expand("19970902T090000", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", exdates: ["19970902T090000"],
                             limit: expected.count) == expected)
    }

    @Test("The first Saturday that follows the first Sunday of the month, forever")
    func saturdayAfterFirstSunday() throws {
        let expected = F.local(1997, 9, [13], "EDT") + F.local(1997, 10, [11], "EDT") + F.local(1997, 11, [8], "EST")
            + F.local(1997, 12, [13], "EST") + F.local(1998, 1, [10], "EST") + F.local(1998, 2, [7], "EST")
            + F.local(1998, 3, [7], "EST") + F.local(1998, 4, [11], "EDT") + F.local(1998, 5, [9], "EDT")
            + F.local(1998, 6, [13], "EDT")
        #expect(try F.expand("19970913T090000", "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", limit: expected.count) == expected)
    }

    @Test("Every 4 years, the first Tuesday after a Monday in November, forever")
    func electionDay() throws {
        #expect(try F.expand("19961105T090000", "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", limit: 3)
            == F.local(1996, 11, [5], "EST") + F.local(2000, 11, [7], "EST") + F.local(2004, 11, [2], "EST"))
    }

    @Test("The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months")
    func thirdTuesdayWednesdayThursday() throws {
        #expect(try F.expand("19970904T090000", "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3")
            == F.local(1997, 9, [4], "EDT") + F.local(1997, 10, [7], "EDT") + F.local(1997, 11, [6], "EST"))
    }

    @Test("The second-to-last weekday of the month")
    func secondToLastWeekday() throws {
        let expected = F.local(1997, 9, [29], "EDT") + F.local(1997, 10, [30], "EST") + F.local(1997, 11, [27], "EST")
            + F.local(1997, 12, [30], "EST") + F.local(1998, 1, [29], "EST") + F.local(1998, 2, [26], "EST")
            + F.local(1998, 3, [30], "EST")
        #expect(try F.expand("19970929T090000", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", limit: expected.count) == expected)
    }

    /// The RFC publishes 09:00, 12:00 and 15:00 for `UNTIL=19970902T170000Z`, but 17:00Z is
    /// 13:00 EDT, so by the RFC's own UNTIL rule ("bounds the recurrence rule in an inclusive
    /// manner") 15:00 EDT (19:00Z) is past it. The published list is what 17:00 *local* gives,
    /// i.e. `UNTIL=19970902T210000Z`; both readings are checked.
    @Test("Every 3 hours from 9:00 AM to 5:00 PM on a specific day")
    func everyThreeHours() throws {
        #expect(try F.expand("19970902T090000", "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z")
            == ["1997-09-02T09:00:00-04:00", "1997-09-02T12:00:00-04:00", "1997-09-02T15:00:00-04:00"])
        #expect(try F.expand("19970902T090000", "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z")
            == ["1997-09-02T09:00:00-04:00", "1997-09-02T12:00:00-04:00"])
    }

    @Test("Every 15 minutes for 6 occurrences")
    func everyFifteenMinutes() throws {
        #expect(try F.expand("19970902T090000", "FREQ=MINUTELY;INTERVAL=15;COUNT=6")
            == ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15"].flatMap { F.local(1997, 9, [2], "EDT", at: $0) })
    }

    @Test("Every hour and a half for 4 occurrences")
    func everyNinetyMinutes() throws {
        #expect(try F.expand("19970902T090000", "FREQ=MINUTELY;INTERVAL=90;COUNT=4")
            == ["09:00", "10:30", "12:00", "13:30"].flatMap { F.local(1997, 9, [2], "EDT", at: $0) })
    }

    static let twentyMinutes: [String] = [2, 3].flatMap { day in
        (9...16).flatMap { hour in [0, 20, 40].flatMap { F.local(1997, 9, [day], "EDT", at: "\(F.pad(hour)):\(F.pad($0))") } }
    }

    @Test("Every 20 minutes from 9:00 AM to 4:40 PM every day (daily form)")
    func twentyMinutesDaily() throws {
        #expect(try F.expand("19970902T090000", "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40",
                             limit: Self.twentyMinutes.count) == Self.twentyMinutes)
    }

    @Test("Every 20 minutes from 9:00 AM to 4:40 PM every day (minutely form)")
    func twentyMinutesMinutely() throws {
        #expect(try F.expand("19970902T090000", "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16",
                             limit: Self.twentyMinutes.count) == Self.twentyMinutes)
    }

    @Test("WKST=MO: the days generated make a difference")
    func weekStartMonday() throws {
        #expect(try F.expand("19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO")
            == F.local(1997, 8, [5, 10, 19, 24], "EDT"))
    }

    @Test("WKST=SU: changing only WKST yields different results")
    func weekStartSunday() throws {
        #expect(try F.expand("19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU")
            == F.local(1997, 8, [5, 17, 19, 31], "EDT"))
    }

    @Test("An invalid date (February 30) is ignored")
    func februaryThirtieth() throws {
        #expect(try F.expand("20070115T090000", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5")
            == F.local(2007, 1, [15, 30], "EST") + F.local(2007, 2, [15], "EST") + F.local(2007, 3, [15, 30], "EDT"))
    }

    /// §3.3.10's worked example of several BY parts ("every Sunday in January at 8:30:00 AM
    /// and 9:30:00 AM, every other year"); the RFC gives no list, so the Sundays of January
    /// 1997 and 1999 are from a printed calendar (`cal 1 1997`, `cal 1 1999`).
    @Test("§3.3.10: several BY parts evaluated in order")
    func sundaysInJanuary() throws {
        let expected = [5, 12, 19, 26].flatMap { day in ["08:30", "09:30"].flatMap { F.local(1997, 1, [day], "EST", at: $0) } }
            + [3, 10, 17, 24, 31].flatMap { day in ["08:30", "09:30"].flatMap { F.local(1999, 1, [day], "EST", at: $0) } }
        #expect(try F.expand("19970105T083000", "FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYDAY=SU;BYHOUR=8,9;BYMINUTE=30",
                             limit: expected.count) == expected)
    }
}
