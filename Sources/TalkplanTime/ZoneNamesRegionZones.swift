/// The zones of each region, as ICU lists them, kept for the life of the process.
///
/// Reading an abbreviation or a country for a region asks for the region's canonical location
/// zones; ICU enumerates every zone of the world and checks its region on each request. The
/// list only depends on the zone data loaded once per process, so each region's list is asked
/// of ICU once and then reused (at most ``limit`` regions are kept, whatever the input).
extension ZoneNames {
    /// The region's canonical location zones, in ICU's order
    /// (`ICUBridge.zoneIDs(.canonicalLocation, region:)`).
    static func locationZones(region: String) -> [String] {
        RegionZones.shared.zones(region: region)
    }
}

/// The per-region lists behind ``ZoneNames/locationZones(region:)``.
final class RegionZones: @unchecked Sendable {
    static let shared = RegionZones()
    /// The most regions kept; real region codes are far fewer (about 250).
    static let limit = 1024

    private let lock = Lock()
    private var lists: [String: [String]] = [:]

    func zones(region: String) -> [String] {
        if let known = lock.withLock({ lists[region] }) { return known }
        let zones = ICUBridge.zoneIDs(.canonicalLocation, region: region)
        lock.withLock {
            if lists.count < Self.limit { lists[region] = zones }
        }
        return zones
    }
}
