/// The table of contents of a zip archive (an XLSX workbook), read from its central directory.
///
/// Only what XLSX needs: entries stored (method 0) or deflated (method 8), no encryption, no ZIP64.
final class ZipArchive {
    /// One file inside the archive, as the central directory describes it.
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let file: FileInput
    private var entries: [String: Entry] = [:]

    /// Reads the central directory of `file`.
    ///
    /// - Throws: `corruptArchive` when the file is not a complete zip archive, `unsupportedFormat` for ZIP64.
    init(file: FileInput) throws(TableFileError) {
        self.file = file
        let size = try file.size()
        let end = try findEndRecord(fileSize: size)
        let directory = try file.read(count: end.directorySize, at: end.directoryOffset)
        guard directory.count == end.directorySize else { throw corrupt("central directory is cut off") }
        try readDirectory(directory, count: end.entryCount)
    }

    /// The entry named `name`, compared exactly first and then ignoring case.
    func entry(named name: String) -> Entry? {
        entries[name] ?? entries.values.first { $0.name.lowercased() == name.lowercased() }
    }

    /// A stream of the entry's uncompressed bytes.
    func contents(of entry: Entry) throws(TableFileError) -> any ByteSource {
        try ZipEntrySource(archive: self, entry: entry)
    }

    /// An error saying the archive is damaged, with `detail`.
    func corrupt(_ detail: String) -> TableFileError {
        TableFileError(code: .corruptArchive, file: file.fileName, detail: detail)
    }

    private struct EndRecord {
        var entryCount: Int
        var directorySize: Int
        var directoryOffset: Int
    }

    /// Finds the end-of-central-directory record, which sits in the last 64 KiB + 22 bytes of the file.
    private func findEndRecord(fileSize: Int) throws(TableFileError) -> EndRecord {
        let tailLength = min(fileSize, 22 + 0xFFFF)
        let tail = try file.read(count: tailLength, at: fileSize - tailLength)
        guard tail.count >= 22, let start = lastEndSignature(in: tail) else {
            throw corrupt("not a complete zip archive (end of central directory missing)")
        }
        let record = EndRecord(
            entryCount: Int(tail.littleEndian16(at: start + 10)),
            directorySize: Int(tail.littleEndian32(at: start + 12)),
            directoryOffset: Int(tail.littleEndian32(at: start + 16))
        )
        let isZip64 =
            record.entryCount == 0xFFFF || record.directorySize == 0xFFFF_FFFF
            || record.directoryOffset == 0xFFFF_FFFF
            || (start >= 20 && tail.littleEndian32(at: start - 20) == 0x0706_4B50)
        guard !isZip64 else {
            throw TableFileError(
                code: .unsupportedFormat,
                file: file.fileName,
                detail: "ZIP64 archives are not supported"
            )
        }
        guard record.directoryOffset + record.directorySize <= fileSize - tailLength + start else {
            throw corrupt("central directory points outside the file")
        }
        return record
    }

    private func lastEndSignature(in tail: [UInt8]) -> Int? {
        var index = tail.count - 22
        while index >= 0 {
            if tail.littleEndian32(at: index) == 0x0605_4B50 { return index }
            index -= 1
        }
        return nil
    }

    private func readDirectory(_ directory: [UInt8], count: Int) throws(TableFileError) {
        var offset = 0
        for _ in 0..<count {
            guard offset + 46 <= directory.count, directory.littleEndian32(at: offset) == 0x0201_4B50 else {
                throw corrupt("central directory is damaged")
            }
            let nameLength = Int(directory.littleEndian16(at: offset + 28))
            let extraLength = Int(directory.littleEndian16(at: offset + 30))
            let commentLength = Int(directory.littleEndian16(at: offset + 32))
            guard offset + 46 + nameLength <= directory.count else { throw corrupt("central directory is damaged") }
            let entry = Entry(
                name: String(decoding: directory[offset + 46..<offset + 46 + nameLength], as: UTF8.self),
                method: directory.littleEndian16(at: offset + 10),
                flags: directory.littleEndian16(at: offset + 8),
                crc: directory.littleEndian32(at: offset + 16),
                compressedSize: Int(directory.littleEndian32(at: offset + 20)),
                uncompressedSize: Int(directory.littleEndian32(at: offset + 24)),
                localHeaderOffset: Int(directory.littleEndian32(at: offset + 42))
            )
            entries[entry.name] = entry
            offset += 46 + nameLength + extraLength + commentLength
        }
    }
}

extension [UInt8] {
    /// The little-endian 16-bit number at `offset`.
    func littleEndian16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    /// The little-endian 32-bit number at `offset`.
    func littleEndian32(at offset: Int) -> UInt32 {
        UInt32(littleEndian16(at: offset)) | UInt32(littleEndian16(at: offset + 2)) << 16
    }
}
