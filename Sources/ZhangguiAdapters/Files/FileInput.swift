import Glibc

/// An open file read in chunks, closed when the last reference goes away.
final class FileInput {
    /// The file's last path component, used in every error about it.
    let fileName: String
    private let descriptor: Int32
    /// The bytes read so far by both ways of reading, for an import's progress: it may pass the file's size when
    /// a part is read twice (a workbook's directory), and stay below it when parts are never read.
    private(set) var bytesRead = 0

    /// Opens `path` for reading.
    ///
    /// - Throws: `unreadable` when the file is missing, not permitted or a directory.
    init(path: String) throws(TableFileError) {
        let fileName = FileInput.lastComponent(of: path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TableFileError(code: .unreadable, file: fileName, detail: FileInput.systemMessage(errno))
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw TableFileError(code: .unreadable, file: fileName, detail: "is a directory")
        }
        self.fileName = fileName
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The file's size in bytes.
    func size() throws(TableFileError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure() }
        return Int(status.st_size)
    }

    /// Appends up to `count` bytes from the current position to `buffer`; returns false at the end of the file.
    func read(upTo count: Int, appendingTo buffer: inout [UInt8]) throws(TableFileError) -> Bool {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        let got = buffer.withUnsafeMutableBytes { bytes in
            Glibc.read(descriptor, bytes.baseAddress! + start, count)
        }
        buffer.removeLast(count - max(got, 0))
        guard got >= 0 else { throw failure() }
        bytesRead += got
        return got > 0
    }

    /// Reads exactly `count` bytes at `offset`, or fewer when the file ends first.
    func read(count: Int, at offset: Int) throws(TableFileError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset + filled))
            }
            guard got >= 0 else { throw failure() }
            guard got > 0 else { break }
            filled += got
            bytesRead += got
        }
        bytes.removeLast(count - filled)
        return bytes
    }

    private func failure() -> TableFileError {
        TableFileError(code: .unreadable, file: fileName, detail: FileInput.systemMessage(errno))
    }

    private static func systemMessage(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "system error \(code)" }
        return String(cString: message).lowercased()
    }

    /// The part of `path` after the last slash.
    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
