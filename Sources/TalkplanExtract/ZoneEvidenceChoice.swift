import TalkplanTime

/// The zone a talk's wall time is read in, and the warnings that say why.
struct ZoneChoice {
    var zone: Zone
    var warnings: [String] = []
    /// How cross-check warnings name it ("Asia/Jerusalem", "+02:00").
    var name: String { zone.identifier }
}

extension AnnouncementReader {
    /// Chooses the zone of a time: its own offset or zone phrase first, then the document's
    /// evidence tier by tier, then the email's Date header, then `--default-zone`.
    func chooseZone(for item: TimeItem, date: PlainDate) -> ZoneChoice {
        let record = analysis.records[item.record]
        let wall = PlainDateTime(date: date, time: item.time.start.plainTime ?? .midnight)
        // 1. An explicit offset: fixed, unless a place in the text has that offset then.
        if let offset = item.time.offset {
            let instant = wall.instant(at: offset)
            for evidence in finder.all(atLeast: .address) where evidence.zone.offset(at: instant) == offset {
                var choice = ZoneChoice(zone: evidence.zone)
                if evidence.kind != .identifier {
                    choice.warnings.append("zone \(evidence.zone.identifier) inferred from \"\(evidence.text)\" (\(evidence.kind.place)), which is at the stated offset \(offset)")
                }
                return choice
            }
            return ZoneChoice(zone: .fixed(offset))
        }
        // 2. A zone written after the time.
        if !item.time.zoneCandidates.isEmpty, let found = finder.attachedReadings(item.time.zoneCandidates, date: date) {
            var reading = found.readings[0]
            var warnings: [String] = []
            // Places to settle an ambiguous name (all of them) or to name a zone better (addresses and up).
            let places = finder.all(atLeast: found.ambiguous ? .countryMention : .address)
                .filter { $0.kind != .attached && $0.kind != .invitation }
            if found.ambiguous {
                let names = found.readings.map(\.zone.identifier).joined(separator: ", ")
                if let match = found.readings.first(where: { candidate in places.contains { $0.zone == candidate.zone } }) {
                    reading = match
                    warnings.append("\"\(found.text)\" is ambiguous (\(names)); read as \(match.zone.identifier) because of \"\(places.first { $0.zone == match.zone }!.text)\"")
                } else if let match = found.readings.first(where: { candidate in
                    places.contains { $0.zone.offset(at: wall.instant(at: .zero)) == candidate.zone.offset(at: wall.instant(at: .zero)) }
                }) {
                    reading = match
                    warnings.append("\"\(found.text)\" is ambiguous (\(names)); read as \(match.zone.identifier), the one matching the places in the text")
                } else {
                    warnings.append("\"\(found.text)\" is ambiguous (\(names)); read as \(reading.zone.identifier)")
                }
            }
            switch reading.method {
            case .iana, .alias:
                return ZoneChoice(zone: reading.zone, warnings: warnings)
            case .offset:
                return ZoneChoice(zone: reading.zone, warnings: warnings)
            case .abbreviation:
                var zone = reading.zone
                let instant = resolveInstant(wall, in: zone).instant
                // A place in the text with the same offset names the zone better (CET in Lausanne is Europe/Zurich).
                if let place = places.first(where: { $0.zone != zone && $0.zone.offset(at: instant) == zone.offset(at: instant) && $0.kind >= .address }) {
                    warnings.append("zone \(place.zone.identifier) inferred from \"\(place.text)\" (\(place.kind.place)), consistent with \"\(found.text)\" written after the time")
                    zone = place.zone
                } else {
                    warnings.append("zone \(zone.identifier) inferred from \"\(found.text)\" written after the time (\(reading.detail))")
                }
                if let implied = reading.abbreviationOffset, implied != zone.offset(at: instant) {
                    warnings.append("\"\(found.text)\" means \(implied), but \(zone.identifier) is at \(zone.offset(at: instant)) on \(date); used \(zone.offset(at: instant))")
                }
                return ZoneChoice(zone: zone, warnings: warnings)
            default:
                warnings.append("zone \(reading.zone.identifier) inferred from \"\(found.text)\" written after the time (\(reading.detail))")
                return ZoneChoice(zone: reading.zone, warnings: warnings)
            }
        }
        // 3. The document's evidence.
        if let evidence = finder.best(record: record, line: item.line) {
            var choice = ZoneChoice(zone: evidence.zone)
            if evidence.kind != .identifier && !(evidence.kind == .label && (evidence.method == .iana || evidence.method == .alias)) {
                choice.warnings.append("zone \(evidence.zone.identifier) inferred from \"\(evidence.text)\" (\(evidence.kind.place): \(evidence.detail))")
            }
            return choice
        }
        // 4. The email's Date header.
        if let sent = document.sent {
            if let abbreviation = sent.abbreviation, case .zone(let resolution) = resolver.read(abbreviation, hint: ZoneHint(region: region, date: date)),
               resolution.method == .abbreviation || resolution.method == .iana {
                return ZoneChoice(zone: resolution.zone, warnings: [
                    "zone \(resolution.zone.identifier) inferred from \"\(abbreviation)\" in the email's date header (line \(sent.line)); the announcement names none",
                ])
            }
            if let offset = sent.offset {
                if let defaultZone = options.defaultZone, defaultZone.offset(at: wall.instant(at: offset)) == offset {
                    return ZoneChoice(zone: defaultZone, warnings: [
                        "no zone in the announcement; used --default-zone \(defaultZone.identifier), which matches the email's date header offset \(offset)",
                    ])
                }
                return ZoneChoice(zone: .fixed(offset), warnings: [
                    "no zone in the announcement; read at \(offset), the offset of the email's date header (line \(sent.line))",
                ])
            }
        }
        // 5. --default-zone, else UTC.
        if let defaultZone = options.defaultZone {
            return ZoneChoice(zone: defaultZone, warnings: ["no zone in the announcement; used --default-zone \(defaultZone.identifier)"])
        }
        return ZoneChoice(zone: .utc, warnings: ["no zone in the announcement and no --default-zone; read as utc"])
    }

    /// The instant of a wall time in a zone; a gap or fold is settled with `compatible` and warned.
    func resolveInstant(_ wall: PlainDateTime, in zone: Zone) -> (instant: Instant, offset: UTCOffset, warning: String?) {
        let resolution = zone.resolve(wall)
        let instant = resolution.instant(for: wall, .compatible) ?? wall.instant(at: zone.offset(at: wall.instant(at: .zero)))
        let offset = zone.offset(at: instant)
        switch resolution {
        case .unique:
            return (instant, offset, nil)
        case .gap:
            let message = zone.rejection(of: wall, resolution).message
            let local = instant.plainDateTime(at: offset)
            return (instant, offset, "\(message); read as \(WrittenTime(hour: Int(local.time.hour), minute: Int(local.time.minute)).clock) \(offset) (compatible)")
        case .fold:
            let message = zone.rejection(of: wall, resolution).message
            return (instant, offset, "\(message); took the earlier, \(offset) (compatible)")
        }
    }
}
