/// Institutions whose seminar feeds give floating times, and where they are.
///
/// A feed that says only "16:30" means the time on its organiser's campus. Names are matched
/// as whole words (acronyms in capitals only, so that German "mit" is not MIT); domains match
/// a host or any of its subdomains. Each entry names the city, whose zone is the tz database's
/// zone for it (zone.tab).
struct Institution: Sendable {
    let names: [String]
    let domains: [String]
    let city: String
    let zone: String

    init(_ names: [String], _ domains: [String], _ city: String, _ zone: String) {
        self.names = names
        self.domains = domains
        self.city = city
        self.zone = zone
    }

    static let all: [Institution] = [
        // Switzerland
        Institution(["EPFL", "Memento EPFL"], ["epfl.ch"], "Lausanne", "Europe/Zurich"),
        Institution(["UNIL", "Université de Lausanne"], ["unil.ch"], "Lausanne", "Europe/Zurich"),
        Institution(["ETH Zurich", "ETH Zürich", "ETHZ"], ["ethz.ch"], "Zurich", "Europe/Zurich"),
        Institution(["UZH", "Universität Zürich"], ["uzh.ch"], "Zurich", "Europe/Zurich"),
        Institution(["UNIGE", "Université de Genève"], ["unige.ch"], "Geneva", "Europe/Zurich"),
        Institution(["CERN"], ["cern.ch"], "Geneva", "Europe/Zurich"),
        // France
        Institution(["ENS", "ENS-PSL", "École normale supérieure", "Ecole normale supérieure"], ["ens.fr", "ens.psl.eu"], "Paris", "Europe/Paris"),
        Institution(["IHES", "IHÉS"], ["ihes.fr"], "Bures-sur-Yvette", "Europe/Paris"),
        Institution(["Institut Henri Poincaré", "IHP"], ["ihp.fr"], "Paris", "Europe/Paris"),
        Institution(["Sorbonne Université"], ["sorbonne-universite.fr"], "Paris", "Europe/Paris"),
        Institution(["Inria"], ["inria.fr"], "Paris", "Europe/Paris"),
        Institution(["Collège de France"], ["college-de-france.fr"], "Paris", "Europe/Paris"),
        // Israel
        Institution(["Weizmann Institute", "Weizmann"], ["weizmann.ac.il"], "Rehovot", "Asia/Jerusalem"),
        Institution(["Technion"], ["technion.ac.il"], "Haifa", "Asia/Jerusalem"),
        Institution(["Hebrew University", "HUJI"], ["huji.ac.il"], "Jerusalem", "Asia/Jerusalem"),
        Institution(["Tel Aviv University"], ["tau.ac.il"], "Tel Aviv", "Asia/Jerusalem"),
        // United States
        Institution(["TTIC", "Toyota Technological Institute at Chicago"], ["ttic.edu"], "Chicago", "America/Chicago"),
        Institution(["University of Chicago", "UChicago"], ["uchicago.edu"], "Chicago", "America/Chicago"),
        Institution(["Northwestern University"], ["northwestern.edu"], "Evanston", "America/Chicago"),
        Institution(["MIT", "Massachusetts Institute of Technology"], ["mit.edu"], "Cambridge, Massachusetts", "America/New_York"),
        Institution(["Harvard"], ["harvard.edu"], "Cambridge, Massachusetts", "America/New_York"),
        Institution(["Princeton University"], ["princeton.edu"], "Princeton", "America/New_York"),
        Institution(["Institute for Advanced Study"], ["ias.edu"], "Princeton", "America/New_York"),
        Institution(["NYU", "Courant Institute"], ["nyu.edu"], "New York", "America/New_York"),
        Institution(["Columbia University"], ["columbia.edu"], "New York", "America/New_York"),
        Institution(["Flatiron Institute"], ["flatironinstitute.org", "simonsfoundation.org"], "New York", "America/New_York"),
        Institution(["Carnegie Mellon", "CMU"], ["cmu.edu"], "Pittsburgh", "America/New_York"),
        Institution(["Stanford"], ["stanford.edu"], "Stanford", "America/Los_Angeles"),
        Institution(["UC Berkeley", "Simons Institute"], ["berkeley.edu"], "Berkeley", "America/Los_Angeles"),
        Institution(["Caltech"], ["caltech.edu"], "Pasadena", "America/Los_Angeles"),
        // Chile
        Institution(["CMM", "Centro de Modelamiento Matemático", "Universidad de Chile"], ["uchile.cl"], "Santiago", "America/Santiago"),
        Institution(["Pontificia Universidad Católica de Chile"], ["uc.cl"], "Santiago", "America/Santiago"),
        // United Kingdom, Italy, Austria, Germany, Canada
        Institution(["University of Oxford"], ["ox.ac.uk"], "Oxford", "Europe/London"),
        Institution(["University of Cambridge"], ["cam.ac.uk"], "Cambridge", "Europe/London"),
        Institution(["UCL", "Imperial College", "Alan Turing Institute"], ["ucl.ac.uk", "imperial.ac.uk", "turing.ac.uk"], "London", "Europe/London"),
        Institution(["ICTP", "SISSA"], ["ictp.it", "sissa.it"], "Trieste", "Europe/Rome"),
        Institution(["IST Austria", "ISTA"], ["ista.ac.at"], "Klosterneuburg", "Europe/Vienna"),
        Institution(["MPI MiS"], ["mis.mpg.de"], "Leipzig", "Europe/Berlin"),
        Institution([], ["mila.quebec"], "Montréal", "America/Toronto"),
        Institution(["Vector Institute"], ["vectorinstitute.ai"], "Toronto", "America/Toronto"),
    ]

    /// Country-code domains of countries with one zone (or one zone almost everyone uses),
    /// from the tz database's zone.tab. Generic and multi-zone domains are absent on purpose.
    static let countryDomains: [String: (country: String, zone: String)] = [
        "ch": ("Switzerland", "Europe/Zurich"), "fr": ("France", "Europe/Paris"), "de": ("Germany", "Europe/Berlin"),
        "it": ("Italy", "Europe/Rome"), "es": ("Spain", "Europe/Madrid"), "nl": ("the Netherlands", "Europe/Amsterdam"),
        "be": ("Belgium", "Europe/Brussels"), "at": ("Austria", "Europe/Vienna"), "il": ("Israel", "Asia/Jerusalem"),
        "cl": ("Chile", "America/Santiago"), "uk": ("the United Kingdom", "Europe/London"), "ie": ("Ireland", "Europe/Dublin"),
        "pt": ("Portugal", "Europe/Lisbon"), "se": ("Sweden", "Europe/Stockholm"), "no": ("Norway", "Europe/Oslo"),
        "dk": ("Denmark", "Europe/Copenhagen"), "fi": ("Finland", "Europe/Helsinki"), "pl": ("Poland", "Europe/Warsaw"),
        "cz": ("Czechia", "Europe/Prague"), "gr": ("Greece", "Europe/Athens"), "hu": ("Hungary", "Europe/Budapest"),
        "jp": ("Japan", "Asia/Tokyo"), "kr": ("South Korea", "Asia/Seoul"), "in": ("India", "Asia/Kolkata"),
        "sg": ("Singapore", "Asia/Singapore"), "hk": ("Hong Kong", "Asia/Hong_Kong"), "tw": ("Taiwan", "Asia/Taipei"),
        "nz": ("New Zealand", "Pacific/Auckland"), "za": ("South Africa", "Africa/Johannesburg"),
        "ar": ("Argentina", "America/Argentina/Buenos_Aires"), "uy": ("Uruguay", "America/Montevideo"),
    ]

    /// The institution a host belongs to.
    static func matching(host: String) -> Institution? {
        let host = host.lowercased()
        return all.first { institution in
            institution.domains.contains { host == $0 || host.hasSuffix("." + $0) }
        }
    }

    /// The first institution named in a text, with the name found.
    static func named(in text: String) -> (Institution, String)? {
        let words = wordSpans(text)
        for institution in all {
            for name in institution.names where contains(name, in: text, words: words) {
                return (institution, name)
            }
        }
        return nil
    }

    /// Whether `name` occurs in `text` as whole words; acronyms (all capitals) match only in capitals.
    private static func contains(_ name: String, in text: String, words: [Substring]) -> Bool {
        let acronym = name.allSatisfy { $0.isUppercase || !$0.isLetter }
        let nameWords = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard !nameWords.isEmpty, nameWords.count <= words.count else { return false }
        for start in 0...(words.count - nameWords.count) {
            var matched = true
            for (offset, word) in nameWords.enumerated() {
                let candidate = words[start + offset]
                if acronym ? candidate != word : candidate.lowercased() != word.lowercased() {
                    matched = false
                    break
                }
            }
            if matched { return true }
        }
        return false
    }

    private static func wordSpans(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }
}
