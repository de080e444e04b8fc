import Foundation
import Testing
import TalkplanTime
@testable import TalkplanExtract

/// A talk's identifier built without Foundation gives the identifier built through `NSString`
/// and string interpolation, as before.
@Suite("talk identifiers agree with the general path")
struct IdentifierFastPathTests {
    static let paths = [
        "", "/", "//", "///", "a", "a/", "a//", "/a", "//a", "/a/b.txt", "a//b//", "./x", "../", "..", ".", "x/./",
        "Tests/TalkplanExtractTests/Corpus/ens-paris.txt", "/tmp/benchin/notice.html", "notice.txt", "a b/c d.eml",
        "é/ü.txt", "dir/Zürich.html", "a/b/\u{301}", "a/\u{301}b", "a/b\u{301}/", "/\u{301}", "\u{1F600}", "x/\u{1F600}/",
        "a\\b\\c.txt", "C:\\dir\\file", "a/b\r\n", "\r\n/x", "~/x", "~", "a/b/c/",
    ]

    @Test("file names")
    func fileNames() {
        for path in Self.paths {
            #expect(AnnouncementReader.fileName(path) == AnnouncementReader.generalFileName(path), "\(path.debugDescription)")
        }
    }

    @Test("identifiers")
    func identifiers() {
        func general(file: String, start: Instant, title: String?, messageID: String?) -> String {
            let base = messageID ?? (file as NSString).lastPathComponent
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in "\(base)|\(start)|\(title ?? "")".utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        let starts = [0, 1, -1, 1_709_298_000_000, -62_135_596_800_000, 253_402_300_799_000].map(Instant.fromEpochMilliseconds)
        let titles: [String?] = [nil, "", "Landscape", "Exposé numéro 0 | x", "\u{1F600}"]
        for path in Self.paths {
            for start in starts {
                for title in titles {
                    for messageID in [nil, "<abc@x.org>", ""] as [String?] {
                        #expect(AnnouncementReader.identifier(file: path, start: start, title: title, messageID: messageID)
                                == general(file: path, start: start, title: title, messageID: messageID))
                    }
                }
            }
        }
        // Every leading-zero count of the hex form.
        for seed in 0..<4_000 {
            let title = "t\(seed)"
            #expect(AnnouncementReader.identifier(file: "f", start: starts[0], title: title, messageID: nil)
                    == general(file: "f", start: starts[0], title: title, messageID: nil))
        }
    }
}
