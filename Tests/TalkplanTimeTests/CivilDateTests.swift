import Testing
import TalkplanTime

/// Dates in 0001...9999 with days since 1970-01-01, ISO weekday and day of year.
/// Source: Python 3 `datetime.date` — `(d - date(1970, 1, 1)).days`,
/// `d.isoweekday()`, `d.timetuple().tm_yday` (first 12 chosen by hand, the
/// rest `date.fromordinal(random.randint(...))` with seed 20240310).
let pythonDateTable: [(year: Int, month: Int, day: Int, days: Int64, weekday: Int, dayOfYear: Int)] = [
    (1970, 1, 1, 0, 4, 1),
    (1969, 12, 31, -1, 3, 365),
    (2000, 2, 29, 11016, 2, 60),
    (2038, 1, 19, 24855, 2, 19),
    (2024, 12, 30, 20087, 1, 365),
    (1, 1, 1, -719162, 1, 1),
    (9999, 12, 31, 2932896, 5, 365),
    (1600, 3, 1, -135080, 3, 61),
    (1900, 3, 1, -25508, 4, 60),
    (2100, 2, 28, 47540, 7, 59),
    (1582, 10, 15, -141427, 5, 288),
    (1582, 10, 4, -141438, 1, 277),
    (3956, 5, 16, 725507, 3, 137),
    (7717, 3, 10, 2099117, 3, 69),
    (8829, 6, 7, 2505356, 4, 158),
    (2588, 3, 30, 225809, 7, 90),
    (5151, 5, 25, 1161980, 5, 145),
    (3009, 3, 22, 379567, 3, 81),
    (7439, 5, 17, 1997647, 5, 137),
    (7396, 4, 22, 1981918, 5, 113),
    (1485, 2, 9, -177103, 1, 40),
    (7796, 7, 23, 2128107, 6, 205),
    (47, 1, 25, -702337, 5, 25),
    (9157, 3, 19, 2625075, 2, 78),
    (1722, 1, 16, -90565, 5, 16),
    (2943, 5, 28, 355528, 2, 148),
    (5793, 8, 4, 1396538, 7, 216),
    (9741, 3, 28, 2838386, 2, 87),
    (3761, 10, 12, 654434, 1, 285),
    (857, 7, 23, -406311, 1, 204),
    (8808, 3, 5, 2497592, 3, 65),
    (719, 1, 3, -456917, 5, 3),
    (7617, 6, 12, 2062687, 1, 163),
    (9750, 1, 6, 2841592, 2, 6),
    (6832, 12, 31, 1776174, 5, 366),
    (9126, 11, 3, 2613981, 3, 307),
    (6047, 11, 5, 1489402, 2, 309),
    (9791, 11, 26, 2856891, 6, 330),
    (7625, 6, 28, 2065625, 6, 179),
    (852, 9, 10, -408088, 2, 254),
    (3706, 3, 19, 634138, 5, 78),
    (8967, 8, 18, 2555831, 2, 230),
    (834, 7, 16, -414719, 7, 197),
    (1363, 8, 17, -221474, 3, 229),
    (667, 4, 4, -475818, 4, 94),
    (2253, 1, 11, 103374, 2, 11),
    (7380, 8, 6, 1976180, 7, 219),
    (2812, 1, 22, 307555, 7, 22),
    (6004, 5, 24, 1473532, 1, 145),
    (5406, 8, 31, 1255215, 7, 243),
]

/// Dates outside `datetime`'s range with days since 1970-01-01 and ISO weekday.
/// Source: Python 3 integer arithmetic `365*(y-1) + (y-1)//4 - (y-1)//100 +
/// (y-1)//400 + days_before_month + d - 719163` (floor division), checked
/// against `datetime.date.toordinal()` on 20,000 random dates in 0001...9999;
/// weekday `(n + 3) % 7 + 1`. ±100,000,000 days are the JavaScript `Date` limits.
let pythonExtendedDateTable: [(year: Int, month: Int, day: Int, days: Int64, weekday: Int)] = [
    (0, 1, 1, -719528, 6),
    (0, 2, 29, -719469, 2),
    (0, 12, 31, -719163, 7),
    (-1, 12, 31, -719529, 5),
    (-1, 1, 1, -719893, 5),
    (-4, 2, 29, -720930, 4),
    (-100, 3, 1, -755993, 4),
    (-400, 2, 29, -865566, 2),
    (-44, 3, 15, -735525, 4),
    (-999999, 1, 1, -365961662, 1),
    (999999, 12, 31, 364522971, 5),
    (10000, 1, 1, 2932897, 6),
    (12345, 6, 7, 3789548, 4),
    (-271821, 4, 20, -100000000, 2),
    (275760, 9, 13, 100000000, 6),
    (-320873, 3, 13, -117915914, 7),
    (365109, 1, 3, 132633798, 7),
    (722338, 9, 4, 263109255, 7),
    (-233094, 10, 2, -85855089, 6),
    (907788, 9, 7, 330843481, 7),
    (-921365, 2, 14, -337241140, 6),
    (-123029, 2, 8, -45654909, 5),
    (-809761, 9, 14, -296478404, 6),
    (-876036, 10, 4, -320684830, 7),
    (986947, 4, 21, 359755572, 5),
    (315823, 10, 31, 114632757, 5),
    (-870265, 10, 19, -318577001, 3),
    (-168100, 1, 8, -62116785, 1),
    (-902309, 9, 28, -330280852, 5),
    (-720712, 5, 14, -263954046, 5),
]

@Suite("PlainDate")
struct CivilDateTests {
    @Test("days since epoch, weekday and day of year match Python datetime", arguments: pythonDateTable)
    func pythonTable(row: (year: Int, month: Int, day: Int, days: Int64, weekday: Int, dayOfYear: Int)) throws {
        let date = try #require(PlainDate(year: row.year, month: row.month, day: row.day))
        #expect(date.daysSinceEpoch == row.days)
        #expect(date.weekday.rawValue == row.weekday)
        #expect(date.dayOfYear == row.dayOfYear)
        let back = PlainDate(daysSinceEpoch: row.days)
        #expect(back == date)
        #expect(Int(back.year) == row.year && Int(back.month) == row.month && Int(back.day) == row.day)
    }

    @Test("negative and six-digit years match the Python closed form", arguments: pythonExtendedDateTable)
    func extendedTable(row: (year: Int, month: Int, day: Int, days: Int64, weekday: Int)) throws {
        let date = try #require(PlainDate(year: row.year, month: row.month, day: row.day))
        #expect(date.daysSinceEpoch == row.days)
        #expect(date.weekday.rawValue == row.weekday)
        #expect(PlainDate(daysSinceEpoch: row.days) == date)
    }

    @Test func handCheckedFacts() throws {
        // 1970-01-01 was a Thursday; 2024-12-30 a Monday.
        #expect(PlainDate(year: 1970, month: 1, day: 1)?.weekday == .thursday)
        #expect(PlainDate(year: 2024, month: 12, day: 30)?.weekday == .monday)
        #expect(PlainDate(year: 2038, month: 1, day: 19)?.daysSinceEpoch == 24855)
        #expect(PlainDate(year: 2000, month: 2, day: 29) != nil)
        #expect(PlainDate(year: 1900, month: 2, day: 29) == nil)
        #expect(PlainDate.unixEpoch.daysSinceEpoch == 0)
        #expect(PlainDate(daysSinceEpoch: -1) == PlainDate(year: 1969, month: 12, day: 31))
    }

    @Test func validation() {
        #expect(PlainDate(year: 2024, month: 2, day: 30) == nil)
        #expect(PlainDate(year: 2024, month: 13, day: 1) == nil)
        #expect(PlainDate(year: 2024, month: 0, day: 1) == nil)
        #expect(PlainDate(year: 2024, month: 1, day: 0) == nil)
        #expect(PlainDate(year: 2024, month: 4, day: 31) == nil)
        #expect(PlainDate(year: 2023, month: 2, day: 29) == nil)
        #expect(PlainDate(year: 1_000_000, month: 1, day: 1) == nil)
        #expect(PlainDate(year: -1_000_000, month: 1, day: 1) == nil)
        #expect(PlainDate(year: .max, month: .max, day: .max) == nil)
        #expect(PlainDate(year: .min, month: .min, day: .min) == nil)
        #expect(PlainDate(year: 999_999, month: 12, day: 31) == PlainDate.max)
        #expect(PlainDate(year: -999_999, month: 1, day: 1) == PlainDate.min)
    }

    @Test func checkedErrorsNameTheValues() {
        #expect(throws: TimeError(message: "invalid date 2024-02-30: february 2024 has 29 days")) {
            try PlainDate.checked(year: 2024, month: 2, day: 30)
        }
        #expect(throws: TimeError(message: "invalid date 2024-13-01: month 13 is not in 1...12")) {
            try PlainDate.checked(year: 2024, month: 13, day: 1)
        }
        #expect(throws: TimeError(message: "invalid date 2024-04-00: day 0 is not in 1...30")) {
            try PlainDate.checked(year: 2024, month: 4, day: 0)
        }
        #expect(throws: TimeError(message:
            "invalid date +1000000-01-01: year 1000000 is outside the supported range -999999...999999")) {
            try PlainDate.checked(year: 1_000_000, month: 1, day: 1)
        }
        #expect(throws: TimeError(message: "invalid date -9223372036854775808-\(Int.min)-\(Int.min): year "
            + "-9223372036854775808 is outside the supported range -999999...999999")) {
            try PlainDate.checked(year: .min, month: .min, day: .min)
        }
        #expect(throws: TimeError.self) { try PlainDate.checked(year: .max, month: .max, day: .max) }
        #expect(throws: TimeError.self) { try PlainDate.checked(year: 2024, month: 2, day: .max) }
        #expect(throws: TimeError.self) { try PlainDate.checked(year: 2024, month: 2, day: .min) }
        #expect((try? PlainDate.checked(year: 2024, month: 2, day: 29)) == PlainDate(year: 2024, month: 2, day: 29))
    }

    @Test func leapYears() {
        // Source: Python `calendar.isleap`.
        let leap = [-400, -4, 0, 4, 1600, 1996, 2000, 2024, 2400]
        let common = [-100, -1, 1, 1700, 1800, 1900, 2023, 2100, 2200, 2300]
        for year in leap { #expect(PlainDate.isLeapYear(year), "\(year)") }
        for year in common { #expect(!PlainDate.isLeapYear(year), "\(year)") }
        #expect(PlainDate(year: 2000, month: 6, day: 1)?.isLeapYear == true)
        #expect(PlainDate(year: 1900, month: 6, day: 1)?.isLeapYear == false)
    }

    @Test func daysInMonth() {
        // Source: Python `calendar.monthrange(2023, m)[1]` and `(2024, m)`.
        let common = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for month in 1...12 {
            #expect(PlainDate.daysInMonth(year: 2023, month: month) == common[month - 1])
            #expect(PlainDate.daysInMonth(year: 2024, month: month) == leap[month - 1])
            #expect(PlainDate(year: 2024, month: month, day: 1)?.daysInMonth == leap[month - 1])
        }
        #expect(PlainDate.daysInMonth(year: 2024, month: 0) == 0)
        #expect(PlainDate.daysInMonth(year: 2024, month: 13) == 0)
    }

    @Test func addingDays() {
        let date = PlainDate(year: 2024, month: 2, day: 28)!
        #expect(date.adding(days: 1) == PlainDate(year: 2024, month: 2, day: 29))
        #expect(date.adding(days: 2) == PlainDate(year: 2024, month: 3, day: 1))
        #expect(date.adding(days: -59) == PlainDate(year: 2023, month: 12, day: 31))
        // Source: Python `date(2024, 2, 28) + timedelta(days=100000)` -> 2297-12-13.
        #expect(date.adding(days: 100_000) == PlainDate(year: 2297, month: 12, day: 13))
        // Clamped, never trapping.
        #expect(date.adding(days: .max) == .max)
        #expect(date.adding(days: .min) == .min)
        #expect(PlainDate.max.adding(days: 1) == .max)
        #expect(PlainDate.min.adding(days: -1) == .min)
    }

    @Test func addingMonthsConstrainsTheDay() {
        let jan31 = PlainDate(year: 2024, month: 1, day: 31)!
        #expect(jan31.adding(months: 1) == PlainDate(year: 2024, month: 2, day: 29))
        #expect(PlainDate(year: 2023, month: 1, day: 31)!.adding(months: 1) == PlainDate(year: 2023, month: 2, day: 28))
        #expect(jan31.adding(months: 2) == PlainDate(year: 2024, month: 3, day: 31))
        #expect(jan31.adding(months: 3) == PlainDate(year: 2024, month: 4, day: 30))
        #expect(jan31.adding(months: -1) == PlainDate(year: 2023, month: 12, day: 31))
        #expect(jan31.adding(months: -14) == PlainDate(year: 2022, month: 11, day: 30))
        #expect(jan31.adding(months: 12) == PlainDate(year: 2025, month: 1, day: 31))
        #expect(jan31.adding(months: 0) == jan31)
        #expect(PlainDate(year: 0, month: 1, day: 15)!.adding(months: -1) == PlainDate(year: -1, month: 12, day: 15))
        #expect(PlainDate(year: -1, month: 12, day: 15)!.adding(months: 1) == PlainDate(year: 0, month: 1, day: 15))
        #expect(jan31.adding(months: .max) == .max)
        #expect(jan31.adding(months: .min) == .min)
        #expect(PlainDate.max.adding(months: 1) == .max)
        #expect(PlainDate.min.adding(months: -1) == .min)
    }

    @Test func addingYears() {
        let leapDay = PlainDate(year: 2024, month: 2, day: 29)!
        #expect(leapDay.adding(years: 1) == PlainDate(year: 2025, month: 2, day: 28))
        #expect(leapDay.adding(years: 4) == PlainDate(year: 2028, month: 2, day: 29))
        #expect(leapDay.adding(years: -124) == PlainDate(year: 1900, month: 2, day: 28))
        #expect(leapDay.adding(years: -2024) == PlainDate(year: 0, month: 2, day: 29))
        #expect(leapDay.adding(years: .max) == .max)
        #expect(leapDay.adding(years: .min) == .min)
        #expect(PlainDate(year: 999_999, month: 1, day: 1)!.adding(years: 1) == .max)
    }

    @Test func ordering() {
        let dates = [
            PlainDate(year: -5, month: 12, day: 31)!, PlainDate(year: 0, month: 1, day: 1)!,
            PlainDate(year: 1999, month: 12, day: 31)!, PlainDate(year: 2000, month: 1, day: 1)!,
            PlainDate(year: 2000, month: 1, day: 2)!, PlainDate(year: 2000, month: 2, day: 1)!,
        ]
        #expect(dates.sorted() == dates)
        #expect(dates.shuffled().sorted() == dates)
        for (a, b) in zip(dates, dates.dropFirst()) {
            #expect(a.daysSinceEpoch < b.daysSinceEpoch)
        }
    }

    @Test func clampsOutOfRangeDayCounts() {
        #expect(PlainDate(daysSinceEpoch: .max) == .max)
        #expect(PlainDate(daysSinceEpoch: .min) == .min)
        #expect(PlainDate(daysSinceEpoch: 364_522_972) == .max)
        #expect(PlainDate(daysSinceEpoch: -365_961_663) == .min)
        #expect(PlainDate.max.daysSinceEpoch == 364_522_971)
        #expect(PlainDate.min.daysSinceEpoch == -365_961_662)
    }

    @Test func weekdayArithmetic() {
        #expect(Weekday.allCases.map(\.rawValue) == [1, 2, 3, 4, 5, 6, 7])
        #expect(Weekday.sunday.adding(days: 1) == .monday)
        #expect(Weekday.monday.adding(days: -8) == .sunday)
        #expect(Weekday.wednesday.adding(days: Int.max) == Weekday.wednesday.adding(days: Int.max % 7))
        #expect(Weekday.thursday.adding(days: Int.min) == Weekday.thursday.adding(days: Int.min % 7))
        #expect(Weekday.friday.days(until: .monday) == 3)
        #expect(Weekday.friday.days(until: .friday) == 0)
        #expect(Weekday.monday < .sunday)
        #expect("\(Weekday.saturday)" == "Saturday")
        #expect(Weekday.wednesday.shortName == "Wed")
        // Consecutive days cycle through the week.
        var date = PlainDate(year: 2024, month: 12, day: 30)!
        for expected in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday, .monday] {
            #expect(date.weekday == expected)
            date = date.adding(days: 1)
        }
    }
}
