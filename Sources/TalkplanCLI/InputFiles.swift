import Foundation
import TalkplanExtract

/// Reads the inputs named on a command line: files, folders (their files, recursively,
/// in name order), and `-` for stdin. Problems are reported, never fatal.
enum InputFiles {
    /// Inputs larger than this are refused rather than read into memory.
    static let maximumSize = 64 << 20

    static func read(_ paths: [String], console: Console) -> (inputs: [AnnouncementInput], failures: Int) {
        var inputs: [AnnouncementInput] = []
        var failures = 0
        for path in paths {
            if path == "-" {
                inputs.append(AnnouncementInput(name: "-", bytes: readStandardInput(console)))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                console.diagnose("\(path): no such file or folder")
                failures += 1
                continue
            }
            let files = isDirectory.boolValue ? filesInFolder(path) : [path]
            for file in files {
                do {
                    let attributes = try FileManager.default.attributesOfItem(atPath: file)
                    if let size = attributes[.size] as? Int, size > maximumSize {
                        console.diagnose("\(file): \(size) bytes is more than the \(maximumSize >> 20) MiB an announcement may have; skipped")
                        failures += 1
                        continue
                    }
                    let data = try Data(contentsOf: URL(fileURLWithPath: file))
                    inputs.append(AnnouncementInput(name: file, bytes: [UInt8](data)))
                } catch {
                    console.diagnose("\(file): cannot read: \(error.localizedDescription)")
                    failures += 1
                }
            }
        }
        return (inputs, failures)
    }

    /// Regular files under a folder, recursively, sorted by path; hidden files skipped.
    static func filesInFolder(_ path: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let full = (path as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }

    static func readStandardInput(_ console: Console) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= maximumSize {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(console.input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
