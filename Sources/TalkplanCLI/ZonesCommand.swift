import ArgumentParser
import TalkplanTime

extension Talkplan {
    /// `talkplan zones`: the tz database in use and zone name resolution.
    struct Zones: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "zones",
            abstract: "Resolve zone names and show the tz database in use.",
            subcommands: [Resolve.self, Version.self]
        )
    }
}

extension Talkplan.Zones {
    /// `talkplan zones resolve NAME...`
    struct Resolve: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resolve what people write (IDs, aliases, Windows names, cities, countries, abbreviations) to IANA zones.",
            discussion: "Prints NAME<TAB>ZONE<TAB>how per name; an unknown or ambiguous name is reported on stderr (exit 1)."
        )

        @Argument(help: "Zone names, e.g. CT Lausanne \"Romance Standard Time\" US/Central.")
        var names: [String]

        @Option(help: ArgumentHelp("Region hint (ISO 3166 code) for ambiguous abbreviations, e.g. IL for IST.", valueName: "CC"))
        var region: String?

        @Option(help: ArgumentHelp("Date the name is used on (YYYY-MM-DD), for names whose meaning changed.", valueName: "date"))
        var date: String?

        func validate() throws {
            if let date, (try? PlainDate(iso8601: date)) == nil {
                throw ValidationError("--date expects YYYY-MM-DD, got \"\(date)\"")
            }
            if let region, region.count != 2 || !region.allSatisfy({ $0.isASCII && $0.isLetter }) {
                throw ValidationError("--region expects a two-letter ISO 3166 code such as IL, got \"\(region)\"")
            }
        }

        func run(console: Console) throws -> Int32 {
            let hint = ZoneHint(region: region?.uppercased(), date: date.flatMap { try? PlainDate(iso8601: $0) })
            var status: Int32 = 0
            for name in names {
                do {
                    let resolution = try ZoneNameResolver.shared.resolve(name, hint: hint)
                    console.print("\(name)\t\(resolution.zone.identifier)\t\(resolution.method.rawValue)")
                } catch {
                    console.diagnose(error.message)
                    status = 1
                }
            }
            return status
        }
    }

    /// `talkplan zones version`
    struct Version: ConsoleCommand {
        static let configuration = CommandConfiguration(abstract: "Print the tz database version in use (e.g. 2026f).")

        func run(console: Console) throws -> Int32 {
            if let problem = TZDatabase.loadError { throw InputFailure(problem) }
            console.print(TZDatabase.version)
            return 0
        }
    }
}
