import TalkplanExtract
import TalkplanTime

/// The inputs of the `Extraction` benchmarks, shared with `ExtractLoop` (which runs them in a
/// plain loop, for instruction counts and wall-clock time without the benchmark framework):
///
///     mailbox   1 MB mbox of seminar announcements (about 1,400 messages: headers, labelled
///               fields, "When: Tuesday, January 9, 2024, 14:00 - 14:45 CT", an address, a Zoom
///               link, an abstract); every message holds one talk. The worst case per byte.
///     prose     1 MB of plain prose with no date or time (a mailing-list digest of discussions):
///               the path most lines of a real mailbox take (lines without digits are never
///               tokenized).
///     notice    one web page (HTML) listing 600 talks with repeated labels, French dates
///               ("Jeudi 4 avril 2024, 14h00 - 15h00") and an address: one document, many records.
///
/// Built from fixed text, identical on every run and every machine.
public enum ExtractionInputs {
    /// The options every run uses (a fixed reference date, so inferred years never change).
    public static let options = ExtractionOptions(referenceDate: PlainDate(year: 2024, month: 1, day: 1))

    /// The three inputs, by name, in the order the benchmarks list them.
    public static func all() -> [(name: String, bytes: [UInt8])] {
        [("mailbox", mailbox(bytes: 1 << 20)), ("prose", prose(bytes: 1 << 20)), ("notice", notice(talks: 600))]
    }


    public static func mailbox(bytes target: Int) -> [UInt8] {
        var text = ""
        var index = 0
        while text.utf8.count < target {
            let day = index % 28 + 1
            let hour = 9 + index % 8
            text += """
            From seminars@math.example.edu Mon Jan  1 09:00:00 2024
            From: Seminars <seminars@math.example.edu>
            To: everyone@math.example.edu
            Subject: Seminar \(index): Speaker \(index)
            Date: Mon, \(day) Jan 2024 09:00:00 -0600
            Message-ID: <seminar-\(index)@math.example.edu>

            Speaker: Speaker \(index) (University \(index % 17))
            Title: Results number \(index) on random structures
            When: Tuesday, January \(day), 2024, \(hour):00 - \(hour):45 CT
            Where: Ryerson 251, 1100 E 58th St, Chicago, IL 60637
            Zoom: https://uchicago.zoom.us/j/9\(100_000_000 + index)

            Abstract: We study a model of random structures and prove that its phases are separated
            by sharp transitions. Joint work with several coauthors; the proof combines a multiscale
            analysis with a new coupling, and we discuss open problems with numerical evidence.


            """
            index += 1
        }
        return Array(text.utf8)
    }

    public static func prose(bytes target: Int) -> [UInt8] {
        let sentences = [
            "Thanks for the pointer, the argument in the appendix indeed needs a uniform bound on the kernel.",
            "I agree with the previous message; the construction works whenever the measure is doubling.",
            "Could someone share the slides of last week's reading group? The link in the minutes is broken.",
            "A small remark on the proof: the coupling can be made monotone, which simplifies the last step.",
            "Merci pour ces précisions, la borne inférieure suit alors de l'inégalité de concentration.",
            "Gracias por el comentario; la demostración se simplifica si usamos la desigualdad de Poincaré.",
        ]
        var text = ""
        var index = 0
        while text.utf8.count < target {
            text += sentences[index % sentences.count] + (index % 5 == 4 ? "\n\n" : "\n")
            index += 1
        }
        return Array(text.utf8)
    }

    public static func notice(talks: Int) -> [UInt8] {
        var html = "<!DOCTYPE html><html><head><title>Séminaire de probabilités</title></head><body>\n"
        html += "<h1>Séminaire de probabilités</h1><p>Salle W, 45 rue d'Ulm, 75005 Paris</p>\n"
        for index in 0..<talks {
            html += "<div class=\"talk\"><p><b>Orateur :</b> Personne \(index) (Université \(index % 9))</p>\n"
            html += "<p><b>Titre :</b> Exposé numéro \(index) sur les marches aléatoires</p>\n"
            html += "<p><b>Date :</b> Jeudi \(index % 28 + 1) mars 2024, 14h00&nbsp;-&nbsp;15h00</p>\n"
            html += "<p>Résumé : nous étudions un modèle de marches aléatoires en milieu aléatoire.</p></div>\n"
        }
        html += "</body></html>\n"
        return Array(html.utf8)
    }
}
