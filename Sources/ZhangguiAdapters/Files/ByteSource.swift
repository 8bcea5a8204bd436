/// A stream of bytes delivered in chunks: a file, a gzip stream, a zip entry, or text converted to UTF-8.
protocol ByteSource: AnyObject {
    /// Appends the next chunk to `buffer`; returns false, appending nothing, once the stream has ended.
    ///
    /// A source may append an empty chunk and return true; callers simply ask again.
    func read(appendingTo buffer: inout [UInt8]) throws(TableFileError) -> Bool
}

/// The chunk size every source reads at a time.
let tableFileChunkSize = 64 * 1024

/// A file read from start to end in chunks.
final class FileByteSource: ByteSource {
    private let file: FileInput

    init(file: FileInput) {
        self.file = file
    }

    func read(appendingTo buffer: inout [UInt8]) throws(TableFileError) -> Bool {
        try file.read(upTo: tableFileChunkSize, appendingTo: &buffer)
    }
}
