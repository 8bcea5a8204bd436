/// The uncompressed bytes of one zip entry, read chunk by chunk and checked against the entry's size and CRC-32.
final class ZipEntrySource: ByteSource {
    private let archive: ZipArchive
    private let entry: ZipArchive.Entry
    private let inflater: Inflater?
    private var input: [UInt8] = []
    private var position = 0
    private var nextOffset: Int
    private var remaining: Int
    private var produced = 0
    private var crc: UInt32 = 0
    private var isFinished = false

    /// Locates the entry's data behind its local header.
    ///
    /// - Throws: `unsupportedFormat` for encrypted entries or methods other than stored and deflate.
    init(archive: ZipArchive, entry: ZipArchive.Entry) throws(TableFileError) {
        self.archive = archive
        self.entry = entry
        let fileName = archive.file.fileName
        guard entry.flags & 1 == 0 else {
            throw TableFileError(
                code: .unsupportedFormat,
                file: fileName,
                detail: "encrypted workbooks are not supported"
            )
        }
        guard entry.method == 0 || entry.method == 8 else {
            let detail = "zip compression method \(entry.method) is not supported"
            throw TableFileError(code: .unsupportedFormat, file: fileName, detail: detail)
        }
        let header = try archive.file.read(count: 30, at: entry.localHeaderOffset)
        guard header.count == 30, header.littleEndian32(at: 0) == 0x0403_4B50 else {
            throw archive.corrupt("entry \(entry.name) is missing")
        }
        nextOffset =
            entry.localHeaderOffset + 30 + Int(header.littleEndian16(at: 26)) + Int(header.littleEndian16(at: 28))
        remaining = entry.compressedSize
        inflater = entry.method == 8 ? try Inflater(framing: .raw, fileName: fileName) : nil
    }

    func read(appendingTo buffer: inout [UInt8]) throws(TableFileError) -> Bool {
        while !isFinished {
            let start = buffer.count
            if let inflater {
                try inflateChunk(with: inflater, appendingTo: &buffer)
            } else {
                try copyStoredChunk(appendingTo: &buffer)
            }
            try account(buffer, from: start)
            if buffer.count > start { return true }
        }
        return false
    }

    private func inflateChunk(with inflater: Inflater, appendingTo buffer: inout [UInt8]) throws(TableFileError) {
        if position == input.count { try readCompressedChunk() }
        let step = try inflater.inflate(input, from: position, appendingTo: &buffer, capacity: tableFileChunkSize)
        position += step.consumed
        isFinished = step.isStreamEnd
    }

    private func copyStoredChunk(appendingTo buffer: inout [UInt8]) throws(TableFileError) {
        guard remaining > 0 else {
            isFinished = true
            return
        }
        try readCompressedChunk()
        buffer.append(contentsOf: input)
        position = input.count
    }

    private func readCompressedChunk() throws(TableFileError) {
        guard remaining > 0 else { throw archive.corrupt("entry \(entry.name) ends early") }
        input = try archive.file.read(count: min(tableFileChunkSize, remaining), at: nextOffset)
        guard !input.isEmpty else { throw archive.corrupt("entry \(entry.name) is cut off") }
        position = 0
        nextOffset += input.count
        remaining -= input.count
    }

    /// Adds the new output to the running size and CRC; at the end, checks both against the directory.
    private func account(_ buffer: [UInt8], from start: Int) throws(TableFileError) {
        crc = updatedCRC32(crc, with: buffer, in: start..<buffer.count)
        produced += buffer.count - start
        guard produced <= entry.uncompressedSize else {
            throw archive.corrupt("entry \(entry.name) is damaged (longer than recorded)")
        }
        if isFinished && (produced != entry.uncompressedSize || crc != entry.crc) {
            throw archive.corrupt("entry \(entry.name) is damaged (checksum mismatch)")
        }
    }
}
