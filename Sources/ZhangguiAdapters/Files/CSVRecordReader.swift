/// Reads CSV records from a UTF-8 byte stream, numbering them as a spreadsheet numbers rows.
///
/// Bytes are kept in one buffer that is refilled chunk by chunk; only the record being read and the unread rest of
/// the current chunk are held in memory.
final class CSVRecordReader {
    /// A quoted field this long without a closing quote is reported as unterminated rather than read to the end.
    static let maximumRecordBytes = 16 * 1024 * 1024

    private let source: any ByteSource
    private let fileName: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var isInputEnded = false
    private var nextNumber = 1
    private var expectedFieldCount = 8
    private var pendingError: TableFileError?

    init(source: any ByteSource, fileName: String) {
        self.source = source
        self.fileName = fileName
    }

    /// The next record with its row number (blank lines count), or nil at the end of the input.
    ///
    /// - Throws: `unterminatedQuote` or `badEncoding` with the row number; `corruptArchive`, `unreadable` from below.
    func nextRecord() throws(TableFileError) -> (number: Int, fields: [String])? {
        while true {
            let outcome = buffer.withUnsafeBufferPointer { bytes in
                CSVScanner(bytes: bytes, isFinal: isInputEnded)
                    .scanRecord(from: position, expectedFieldCount: expectedFieldCount)
            }
            switch outcome {
            case .record(let fields, let end):
                position = end
                expectedFieldCount = fields.count
                nextNumber += 1
                return (nextNumber - 1, fields)
            case .endOfInput: return nil
            case .needsMoreInput(let isInsideQuotes): try refill(isInsideQuotes: isInsideQuotes)
            case .invalidUTF8: throw error(.badEncoding, "text is not valid UTF-8")
            case .unterminatedQuote: throw error(.unterminatedQuote, "unterminated quoted field")
            }
        }
    }

    /// Drops the bytes already read, then reads at least as many new bytes as the unfinished record holds, so a
    /// long record is rescanned only a logarithmic number of times.
    ///
    /// When the source fails after delivering some bytes, the records in those bytes are read first and the error
    /// is raised for the record that holds the failure.
    private func refill(isInsideQuotes: Bool) throws(TableFileError) {
        if let pendingError { throw pendingError.at(row: nextNumber) }
        buffer.removeFirst(position)
        position = 0
        if isInsideQuotes && buffer.count > Self.maximumRecordBytes {
            throw error(.unterminatedQuote, "quoted field longer than 16 MiB; its closing quote is probably missing")
        }
        let start = buffer.count
        let target = start + max(tableFileChunkSize, start)
        do {
            while buffer.count < target && !isInputEnded {
                isInputEnded = !(try source.read(appendingTo: &buffer))
            }
        } catch {
            guard buffer.count > start else { throw error.at(row: nextNumber) }
            pendingError = error
        }
    }

    private func error(_ code: TableFileError.Code, _ detail: String) -> TableFileError {
        TableFileError(code: code, file: fileName, row: nextNumber, detail: detail)
    }
}
