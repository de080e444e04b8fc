import TalkplanTime

/// One piece of evidence for the zone of a talk's wall times, with its strength.
///
/// Strongest first: an IANA ID in the text; a `Time zone:` field; an explicit offset or a zone
/// written right after the time (`UTC+1`, `CT`, `CEST`, `Jerusalem`, `hora de Santiago`); a
/// city or country in the location field; an address (`Chicago, IL 60637`, `Santiago, CHILE`);
/// a country named in the text; the email's Date header; `--default-zone`.
struct ZoneEvidence: Sendable {
    enum Kind: Int, Sendable, Comparable {
        case defaultZone = 10
        case emailHeader = 20
        case countryMention = 30
        case address = 55
        case location = 60
        case invitation = 70
        case attached = 80
        case label = 95
        case identifier = 100

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        /// How the warning names where the evidence was found.
        var place: String {
            switch self {
            case .defaultZone: "--default-zone"
            case .emailHeader: "the email's date header"
            case .countryMention: "a place named in the text"
            case .address: "an address"
            case .location: "the location"
            case .invitation: "the video-meeting invitation"
            case .attached: "the time"
            case .label: "the time zone field"
            case .identifier: "a time zone id in the text"
            }
        }
    }

    var kind: Kind
    var zone: Zone
    /// As written (`CT`, `Santiago, CHILE`).
    var text: String
    /// The resolver's explanation ("abbreviation of central time", "exemplar city of ...").
    var detail: String
    var method: ZoneResolutionMethod?
    /// The document line it was found on (`nil` for header and default).
    var line: Int?
    /// For abbreviations: standard, daylight or generic.
    var abbreviationKind: AbbreviationKind?
}

/// A `City, REGION` or postal-code place found on a line, and its reading.
struct AddressPlace: Sendable {
    var text: String
    var resolution: ZoneResolution
}

/// The outcome of reading a zone phrase.
enum ZoneReading: Sendable {
    case zone(ZoneResolution)
    /// Several zones, best first (`IST` without a region).
    case ambiguous([ZoneResolution])
    case none
}

/// ``ZoneNameResolver`` with a cache and the filters free text needs: unknown words are
/// rejected without computing suggestions, and places in Antarctica or `Etc/` never count
/// (`Davis Hall` is not Antarctica/Davis).
final class ZoneEvidenceResolver: @unchecked Sendable {
    private var cache: [String: ZoneReading] = [:]
    private let resolver = ZoneNameResolver.shared
    /// Calls to the resolver left for one document (a bound on the work any input can cause).
    var budget = 400
    /// Reads refused because the budget had run out (a reading made meanwhile is not remembered).
    private(set) var refusals = 0

    /// A line read for addresses, and the region that hints its names.
    struct LineKey: Hashable {
        var text: String
        var region: String?
    }

    /// A place text read for a zone, with what may be read from it.
    struct PlaceKey: Hashable {
        var text: String
        var region: String?
        var kind: ZoneEvidence.Kind
        var allowAbbreviations: Bool
    }

    /// Per input: the addresses found on each distinct line, and the evidence of each distinct
    /// place text (``ZoneEvidenceFinder`` reads and fills them).
    private(set) var addressMemo: [LineKey: [AddressPlace]] = [:]
    private(set) var placeMemo: [PlaceKey: ZoneEvidence?] = [:]
    /// At most this many texts are remembered in each memo.
    static let memoLimit = 4_096

    /// Whether the memos are filled (tests read inputs without them to compare).
    let remembers: Bool

    init(remembering: Bool = true) {
        remembers = remembering
    }

    func remember(_ places: [AddressPlace], for key: LineKey) {
        if remembers && addressMemo.count < Self.memoLimit { addressMemo[key] = places }
    }

    func remember(_ evidence: ZoneEvidence?, for key: PlaceKey) {
        if remembers && placeMemo.count < Self.memoLimit { placeMemo[key] = .some(evidence) }
    }

    func read(_ text: String, hint: ZoneHint) -> ZoneReading {
        let trimmed = text.trimming(" \t*_,.;:()[]")
        guard trimmed.count >= 2, trimmed.count <= 60 else { return .none }
        let key = trimmed + "|" + (hint.region ?? "") + "|" + (hint.date?.description ?? "")
        if let cached = cache[key] { return cached }
        guard budget > 0 else {
            refusals += 1
            return .none
        }
        budget -= 1
        let candidates = resolver.candidates(trimmed, hint: hint).filter(Self.acceptable)
        let reading: ZoneReading
        if candidates.isEmpty {
            reading = .none
        } else {
            do {
                let resolution = try resolver.resolve(trimmed, hint: hint)
                reading = Self.acceptable(resolution) ? .zone(resolution) : (candidates.count == 1 ? .zone(candidates[0]) : .ambiguous(candidates))
            } catch {
                reading = .ambiguous(candidates)
            }
        }
        if cache.count > 10_000 { cache.removeAll() }
        cache[key] = reading
        return reading
    }

    static func acceptable(_ resolution: ZoneResolution) -> Bool {
        let id = resolution.zone.identifier
        if id.hasPrefix("Antarctica/") || id.hasPrefix("Etc/") { return false }
        if resolution.method == .windows { return false }
        return true
    }
}
