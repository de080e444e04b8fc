import Foundation
@testable import TalkplanExtract

/// The project's own texts the fast-path tests read: the corpus, this folder, the seeds (their
/// copy in the fixtures) and the examples.
enum TestTexts {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = folder.deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = folder.appendingPathComponent("Corpus")
    static let seeds = root.appendingPathComponent("Tests/Fixtures/seeds")
    static let examples = root.appendingPathComponent("Examples")

    /// Every file of the folders but Swift sources, decoded as the reader decodes input.
    static func read(_ directories: [URL]) -> [String] {
        var texts: [String] = []
        let manager = FileManager.default
        for directory in directories {
            for name in (try? manager.contentsOfDirectory(atPath: directory.path)) ?? [] where !name.hasSuffix(".swift") {
                if let data = manager.contents(atPath: directory.appendingPathComponent(name).path) {
                    texts.append(TextDecoding.decode(Array(data), charset: nil))
                }
            }
        }
        return texts
    }
}
