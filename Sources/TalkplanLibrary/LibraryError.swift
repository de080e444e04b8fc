/// Why the library could not be used. Every message names the file, says what was wrong
/// and what to do; a file talkplan refuses is never written to.
public enum LibraryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path holds something that is not a talkplan library (a text file, a folder,
    /// another program's SQLite database).
    case notALibrary(path: String, what: String)
    /// An SQLite database whose pages cannot be read.
    case damaged(path: String, detail: String)
    /// A library written by a newer talkplan, with a schema this one does not know.
    case newerSchema(path: String, found: Int, known: Int)
    /// The file or its folder cannot be opened or created.
    case cannotOpen(path: String, detail: String)
    /// Another process kept the library busy for longer than the busy timeout.
    case busy(path: String)
    /// Any other database failure.
    case database(path: String, detail: String)

    public var description: String {
        switch self {
        case .notALibrary(let path, let what):
            "\(path) is not a talkplan library (\(what)); it was left untouched. "
                + "Choose another file with --library PATH or TALKPLAN_LIBRARY."
        case .damaged(let path, let detail):
            "the library \(path) is damaged (\(detail)); it was left untouched. "
                + "Restore it from a backup, or move it away and add your sources again."
        case .newerSchema(let path, let found, let known):
            "the library \(path) was written by a newer talkplan (library schema \(found); this talkplan reads "
                + "schema \(known) and older); it was left untouched. Update talkplan to use it."
        case .cannotOpen(let path, let detail):
            "cannot open the library \(path): \(detail). Check the folder's permissions, "
                + "or choose another file with --library PATH."
        case .busy(let path):
            "the library \(path) stayed busy (another talkplan is writing to it); try again in a moment."
        case .database(let path, let detail):
            "the library \(path) could not be updated: \(detail)"
        }
    }
}
