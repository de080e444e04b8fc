import Testing
import TalkplanExtract
import TalkplanICalendar
import TalkplanTime

@Suite("VEVENT to Talk")
struct TalkMappingTests {
    func talks(_ name: String, seed: Bool = false) throws -> ExtractionResult {
        let bytes = seed ? try Corpus.seed(name) : try Corpus.bytes(name)
        return Extractor.extract(AnnouncementInput(name: name, bytes: bytes), options: ExtractionOptions())
    }

    @Test("the ENS seed")
    func ens() throws {
        let result = try talks("ens-paris-colloquium.ics", seed: true)
        #expect(result.diagnostics.isEmpty)
        let talk = try #require(result.talks.first)
        #expect(talk.id == "17436-1712232000-1712239200@www.math.ens.psl.eu")
        #expect(talk.title == "ENS-Data Science colloquium - Lénaïc Chizat\u{00A0}(EPFL)")  // as written
        #expect(talk.speaker == "Lénaïc Chizat (EPFL)")
        #expect(talk.start.description == "2024-04-04T10:00:00Z" && talk.end.description == "2024-04-04T12:00:00Z")
        #expect(talk.zone?.identifier == "Europe/Paris")
        #expect(talk.localStart.description == "2024-04-04T12:00:00+02:00")
        #expect(talk.location == "Amphi Jaurès (29 Rue d’Ulm)")
        #expect(talk.online.isEmpty && talk.mode == .inPerson)
        #expect(talk.source == SourceLocation(file: "ens-paris-colloquium.ics", line: 27))
        #expect(talk.warnings.isEmpty)
    }

    @Test("the EPFL Memento seed")
    func memento() throws {
        let result = try talks("epfl-memento-seminar.ics", seed: true)
        let talk = try #require(result.talks.first)
        #expect(talk.speaker == "Greg Yang (Microsoft Research)")
        #expect(talk.start.description == "2021-05-10T14:30:00Z" && talk.end.description == "2021-05-10T15:30:00Z")
        #expect(talk.zone?.identifier == "Europe/Zurich")
        #expect(talk.location == nil)
        #expect(talk.online == ["https://epfl.zoom.us/j/62277760614?pwd=cGhIUlNqSGhYNU1QVVVKZWYrc0tLZz09"])
        #expect(talk.mode == .online)
        #expect(talk.warnings.count == 1)
    }

    @Test("modes: rooms, links, Zoom-only locations")
    func modes() throws {
        let ttic = try talks("google-utc-times.ics").talks
        #expect(ttic[0].mode == .hybrid)
        #expect(ttic[0].online == ["https://uchicago.zoom.us/j/91234567890?pwd=QWERTY"])
        #expect(ttic[0].speaker == "Dingli Yu (Princeton University)")
        #expect(ttic[0].localStart.description == "2023-12-06T10:30:00-06:00")
        #expect(ttic[1].status == .cancelled && ttic[1].sequence == 2)
        let jerusalem = try talks("jerusalem-dst.ics").talks[2]
        #expect(jerusalem.location == nil && jerusalem.mode == .online)
        #expect(jerusalem.speaker == "Matthieu Wyart (EPFL)")
        let conference = try talks("conference-rfc7986.ics").talks[0]
        #expect(conference.online == ["https://kyoto-u.zoom.us/j/98765432100", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"])
        #expect(conference.mode == .online && conference.location == nil)
        let outlook = try talks("outlook-romance-standard-time.ics").talks
        #expect(outlook[0].mode == .hybrid)
        #expect(outlook[0].speaker == "Francis Bach (Inria)")
        #expect(outlook[0].online.first?.hasPrefix("https://teams.microsoft.com/l/meetup-join/") == true)
        #expect(outlook[1].mode == .inPerson)
        let indico = try talks("indico-category-export.ics").talks
        #expect(indico[0].mode == .hybrid && indico[0].zone == nil && indico[0].localStart.description == "2024-03-12T13:00:00+00:00")
        #expect(indico[1].mode == .unknown)
    }

    @Test("ids: UID, UID with RECURRENCE-ID for an override; recurrence text; custom zones have no zone")
    func ids() throws {
        let google = try talks("google-x-wr-timezone.ics").talks
        #expect(google[0].id == "5k2v9r0q8n1m3l4k6j7h8g9f0e@google.com")
        #expect(google[1].id == "5k2v9r0q8n1m3l4k6j7h8g9f0e@google.com#20240409T170000")
        #expect(google[0].recurrence == "FREQ=WEEKLY;WKST=MO;UNTIL=20240611T155959Z;BYDAY=TU")
        #expect(google[2].allDay)
        let station = try talks("custom-non-iana-vtimezone.ics").talks
        #expect(station[0].zone == nil)
        #expect(station[0].localStart.description == "2024-06-12T09:30:00+05:30")
        let noUID = Extractor.extract(AnnouncementInput(name: "n.ics", bytes: bytes(calendarText([
            "BEGIN:VEVENT", "DTSTART:20240101T100000Z", "END:VEVENT", "BEGIN:VEVENT", "DTSTART:20240101T100000Z", "END:VEVENT"]))),
            options: ExtractionOptions())
        #expect(noUID.talks.map(\.id) == ["n.ics@2024-01-01T10:00:00Z", "n.ics@2024-01-01T10:00:00Z#2"])
    }

    @Test("--default-zone reaches floating times")
    func defaultZone() throws {
        let options = ExtractionOptions(defaultZone: try Zone("America/Chicago"))
        let result = Extractor.extract(AnnouncementInput(name: "f.ics", bytes: try Corpus.bytes("floating-no-evidence.ics")), options: options)
        #expect(result.talks.first?.start.description == "2024-02-15T16:00:00Z")
        #expect(result.talks.first?.zone?.identifier == "America/Chicago")
    }
}

@Suite("speaker and title")
struct SpeakerTitleTests {
    @Test("packed summaries and labelled descriptions", arguments: [
        ("ENS-Data Science colloquium - Lénaïc Chizat (EPFL)", "", "Lénaïc Chizat (EPFL)", "ENS-Data Science colloquium - Lénaïc Chizat (EPFL)"),
        ("Theory of Neural Nets Seminar: 10th May 2021", "Greg Yang (Microsoft Research)\nSpeaker: Greg Yang (Microsoft Research)\nTitle: Feature Learning",
         "Greg Yang (Microsoft Research)", "Theory of Neural Nets Seminar: 10th May 2021"),
        ("Greg Yang (Microsoft Research): Feature Learning in Infinite-Width Networks", "", "Greg Yang (Microsoft Research)",
         "Feature Learning in Infinite-Width Networks"),
        ("Séminaire Inria : Francis Bach (Inria)", "", "Francis Bach (Inria)", "Séminaire Inria : Francis Bach (Inria)"),
        ("Seminario: Javier Maass", "Expositor: Javier Maass (CMM)", "Javier Maass (CMM)", "Seminario: Javier Maass"),
        ("Reading group: Scaling laws", "", nil, "Reading group: Scaling laws"),
        ("Machine Learning Coffee - Ana Sousa (LIP Lisboa)", "Speakers: Ana Sousa (LIP Lisboa)", "Ana Sousa (LIP Lisboa)",
         "Machine Learning Coffee - Ana Sousa (LIP Lisboa)"),
        ("Probability and Stochastic Analysis Seminar", "", nil, "Probability and Stochastic Analysis Seminar"),
    ] as [(String, String, String?, String)])
    func split(_ summary: String, _ description: String, _ speaker: String?, _ title: String) {
        let result = SpeakerTitle.split(summary: summary, description: description.isEmpty ? nil : description)
        #expect(result.speaker == speaker)
        #expect(result.title == title)
    }

    @Test("stated titles")
    func statedTitle() {
        #expect(SpeakerTitle.split(summary: "x", description: "Titre : Apprentissage et quantification").statedTitle == "Apprentissage et quantification")
        #expect(SpeakerTitle.split(summary: "x", description: "Título: Simetrías").statedTitle == "Simetrías")
    }
}
