import Testing
import TalkplanExtract
import TalkplanTime
@testable import TalkplanPlanner

private func instant(_ text: String) -> Instant { try! Instant(iso8601: text) }

private func occurrence(_ id: String, _ start: String, _ end: String, zone: String = "Europe/Paris",
                        online: [String] = ["https://zoom.us/j/1"], location: String? = nil,
                        mode: AttendanceMode = .online, cancelled: Bool = false, text: String = "") -> Occurrence {
    let z = try! Zone(zone)
    let s = instant(start)
    return Occurrence(id: id, talkID: id, title: id, speaker: nil, start: s, end: instant(end), zone: z,
                      localStart: OffsetDateTime(instant: s, offset: z.offset(at: s)), location: location,
                      online: online, mode: mode, cancelled: cancelled, text: text)
}

@Suite("overlaps")
struct OverlapTests {
    @Test("overlapping pairs, touching intervals and zero-length talks")
    func overlaps() {
        let list = [
            occurrence("a", "2024-11-04T15:00:00Z", "2024-11-04T16:00:00Z"),
            occurrence("b", "2024-11-04T15:30:00Z", "2024-11-04T17:00:00Z"),
            occurrence("c", "2024-11-04T16:00:00Z", "2024-11-04T16:30:00Z"),  // touches a, inside b
            occurrence("d", "2024-11-04T18:00:00Z", "2024-11-04T18:00:00Z"),  // zero length
        ]
        let found = Overlaps.find(in: list)
        #expect(found["a"] == ["b"])
        #expect(found["b"] == ["a", "c"])
        #expect(found["c"] == ["b"])
        #expect(found["d"] == [])
    }
}

@Suite("planner")
struct PlannerTests {
    let chicago = try! Zone("America/Chicago")

    @Test("reasons: cancelled, in person only, outside hours, busy")
    func reasons() throws {
        var profile = AttendeeProfile(zone: chicago, awake: try AwakeHours("08:00-22:00"))
        profile.busy = [BusyInterval(start: instant("2024-11-05T15:00:00Z"), end: instant("2024-11-05T16:00:00Z"))]
        let list = [
            // 2024-11-04 10:00–11:00 in Chicago (CST, -06:00): fine.
            occurrence("ok", "2024-11-04T16:00:00Z", "2024-11-04T17:00:00Z"),
            occurrence("gone", "2024-11-04T18:00:00Z", "2024-11-04T19:00:00Z", cancelled: true),
            occurrence("room", "2024-11-04T20:00:00Z", "2024-11-04T21:00:00Z", online: [], location: "Salle 1", mode: .inPerson),
            // 06:00 in Chicago: before 08:00.
            occurrence("early", "2024-11-04T12:00:00Z", "2024-11-04T13:00:00Z"),
            // 21:30–22:30 in Chicago: runs past 22:00.
            occurrence("late", "2024-11-05T03:30:00Z", "2024-11-05T04:30:00Z"),
            occurrence("meeting", "2024-11-05T15:30:00Z", "2024-11-05T16:30:00Z"),
        ]
        let plan = Dictionary(uniqueKeysWithValues: Planner.plan(list, profile: profile).map { ($0.occurrence.id, $0) })
        #expect(plan["ok"]?.joinable == true)
        #expect(plan["ok"]?.attendeeStart.isoString == "2024-11-04T10:00:00-06:00")
        #expect(plan["gone"]?.reasons == ["cancelled"])
        #expect(plan["room"]?.reasons == ["in-person-only"])
        #expect(plan["early"]?.reasons == ["outside-hours"])
        #expect(plan["late"]?.reasons == ["outside-hours"])
        #expect(plan["meeting"]?.reasons == ["busy"])
    }

    @Test("in person where the attendee is")
    func inPerson() throws {
        var profile = AttendeeProfile(zone: chicago)
        profile.inPerson = chicago
        profile.inPersonPlaces = ["Chicago"]
        let list = [
            occurrence("ttic", "2023-12-06T16:30:00Z", "2023-12-06T17:30:00Z", zone: "America/Chicago", online: [],
                       location: "TTIC 530, 6045 S Kenwood Ave, Chicago, IL", mode: .inPerson),
            occurrence("evanston", "2023-12-07T16:30:00Z", "2023-12-07T17:30:00Z", zone: "America/Chicago", online: [],
                       location: "Northwestern, Evanston", mode: .inPerson),
        ]
        let plan = Planner.plan(list, profile: profile)
        #expect(plan[0].joinable)
        #expect(plan[1].reasons == ["in-person-only"])
    }

    @Test("awake hours across midnight")
    func wrappingAwakeHours() throws {
        let hours = try AwakeHours("20:00-02:00")
        #expect(hours.contains(from: 21 * 3600, to: 23 * 3600))
        #expect(hours.contains(from: 23 * 3600, to: 25 * 3600))
        #expect(hours.contains(from: 3600 / 2, to: 3600))
        #expect(!hours.contains(from: 3600, to: 3 * 3600))
        #expect(!hours.contains(from: 12 * 3600, to: 13 * 3600))
    }

    @Test("bad awake hours and interests are explained", arguments: ["7-23", "08:00", "25:00-26:00", "08:00-08:00", "8:00-22:00"])
    func badAwake(text: String) {
        #expect(throws: TimeError.self) { try AwakeHours(text) }
    }

    @Test func interests() throws {
        #expect(try Interest(parsing: "neural=3") == Interest(word: "neural", weight: 3))
        #expect(try Interest(parsing: "learning") == Interest(word: "learning", weight: 1))
        #expect(throws: TimeError.self) { try Interest(parsing: "x=0") }
        #expect(throws: TimeError.self) { try Interest(parsing: "=2") }
    }

    @Test("the recommendation maximises total interest without overlaps")
    func selection() throws {
        var profile = AttendeeProfile(zone: chicago)
        profile.interests = [Interest(word: "neural", weight: 5), Interest(word: "symétrie", weight: 2)]
        // a (weight 1) overlaps b (weight 6); b overlaps c (weight 3, "symetries" matches without accents).
        // Best: b alone = 6 versus a + c = 4.
        let list = [
            occurrence("a", "2024-11-04T15:00:00Z", "2024-11-04T16:00:00Z", text: "graphs"),
            occurrence("b", "2024-11-04T15:30:00Z", "2024-11-04T16:45:00Z", text: "neural networks"),
            occurrence("c", "2024-11-04T16:30:00Z", "2024-11-04T17:30:00Z", text: "Symetries"),
            occurrence("d", "2024-11-04T18:00:00Z", "2024-11-04T19:00:00Z", text: "other"),
        ]
        let plan = Dictionary(uniqueKeysWithValues: Planner.plan(list, profile: profile).map { ($0.occurrence.id, $0) })
        #expect(plan["b"]?.weight == 6)
        #expect(plan["c"]?.weight == 3)
        #expect(plan.values.filter(\.selected).map(\.occurrence.id).sorted() == ["b", "d"])
        #expect(plan["a"]?.reasons == ["overlaps:b"])
        #expect(plan["a"]?.lostTo?.id == "b")
        #expect(plan["c"]?.reasons == ["overlaps:b"])
        #expect(plan["a"]?.joinable == true)
    }

    @Test("ties are broken deterministically")
    func ties() {
        let profile = AttendeeProfile(zone: chicago)
        let list = [
            occurrence("x", "2024-11-04T15:00:00Z", "2024-11-04T16:00:00Z"),
            occurrence("y", "2024-11-04T15:00:00Z", "2024-11-04T16:00:00Z"),
        ]
        let first = Planner.plan(list, profile: profile).filter(\.selected).map(\.occurrence.id)
        let second = Planner.plan(list.reversed(), profile: profile).filter(\.selected).map(\.occurrence.id)
        #expect(first == second)
        #expect(first.count == 1)
    }

    @Test("ten thousand talks plan quickly and without overlap in the selection")
    func large() {
        var generator: UInt64 = 1
        func next() -> Int64 {
            generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64(generator >> 33)
        }
        let paris = try! Zone("Europe/Paris")
        let list = (0..<10_000).map { index -> Occurrence in
            let start = 1_700_000_000 + (next() % 10_000_000)
            let s = Instant(seconds: start), e = Instant(seconds: start + 1800 + next() % 7200)
            return Occurrence(id: "t\(index)", talkID: "t\(index)", title: nil, speaker: nil, start: s, end: e, zone: paris,
                              localStart: OffsetDateTime(instant: s, offset: paris.offset(at: s)), online: ["https://zoom.us/j/1"])
        }
        let selected = Planner.plan(list, profile: AttendeeProfile(zone: chicago)).filter(\.selected).map(\.occurrence)
        for (a, b) in zip(selected.dropLast(), selected.dropFirst()) { #expect(a.end <= b.start) }
        #expect(selected.count > 100)
    }
}
