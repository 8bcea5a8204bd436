/// Text from another source, delivered as UTF-8 whatever encoding the file used.
///
/// Detection, in order: a UTF-8 byte-order mark (removed); a UTF-16 byte-order mark (converted with iconv);
/// otherwise plain ASCII passes through until the first chunk holding other bytes, which decides: text that
/// `encodingEvidence` calls UTF-8 stays UTF-8, anything else is read as GB18030 — the "ANSI" encoding Excel uses
/// on Chinese Windows. After the decision, bytes that are not valid in the chosen encoding raise `badEncoding` for
/// the row holding them, so a damaged file is reported rather than read as garbled text.
// Known limitation: the encoding is decided once, from the first chunk holding non-ASCII bytes. A file that mixes
// encodings (rows pasted from elsewhere) fails with `badEncoding` on the first row that differs, which is safe:
// nothing is read as garbled text.
final class TextSource: ByteSource {
    private enum Mode {
        case sniffing
        case asciiSoFar
        case utf8
        case converting(Transcoder)
    }

    private let inner: any ByteSource
    private let fileName: String
    private var mode = Mode.sniffing
    private var pending: [UInt8] = []
    private var deferredError: TableFileError?

    init(_ inner: any ByteSource, fileName: String) {
        self.inner = inner
        self.fileName = fileName
    }

    func read(appendingTo buffer: inout [UInt8]) throws(TableFileError) -> Bool {
        if let deferredError { throw deferredError }
        switch mode {
        case .sniffing: return try sniffByteOrderMark(appendingTo: &buffer)
        case .asciiSoFar: return try readUndecided(appendingTo: &buffer)
        case .utf8: return try inner.read(appendingTo: &buffer)
        case .converting: return try readMoreConverted(appendingTo: &buffer)
        }
    }

    /// Reads the first bytes and looks for a byte-order mark.
    private func sniffByteOrderMark(appendingTo buffer: inout [UInt8]) throws(TableFileError) -> Bool {
        var isEnded = false
        while pending.count < 3 && !isEnded {
            isEnded = !(try inner.read(appendingTo: &pending))
        }
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) {
            pending.removeFirst(3)
            mode = .utf8
        } else if pending.starts(with: [0xFF, 0xFE]) || pending.starts(with: [0xFE, 0xFF]) {
            let encoding = pending[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            pending.removeFirst(2)
            mode = .converting(try Transcoder(from: encoding, fileName: fileName))
            return try readConverted(appendingTo: &buffer, isEnded: isEnded)
        } else {
            mode = .asciiSoFar
            return try decide(appendingTo: &buffer, isEnded: isEnded)
        }
        return passPending(appendingTo: &buffer, isEnded: isEnded)
    }

    private func readUndecided(appendingTo buffer: inout [UInt8]) throws(TableFileError) -> Bool {
        let isEnded = !(try inner.read(appendingTo: &pending))
        return try decide(appendingTo: &buffer, isEnded: isEnded)
    }

    /// Passes ASCII through; at the first other byte, settles on UTF-8 or GB18030 once the bytes give evidence.
    private func decide(appendingTo buffer: inout [UInt8], isEnded: Bool) throws(TableFileError) -> Bool {
        guard !isASCII(pending), let firstOther = pending.firstIndex(where: { $0 >= 0x80 }) else {
            return passPending(appendingTo: &buffer, isEnded: isEnded)
        }
        switch encodingEvidence(pending) {
        case .legacy:
            mode = .converting(try Transcoder(from: "GB18030", fileName: fileName))
            return try readConverted(appendingTo: &buffer, isEnded: isEnded)
        case .none where !isEnded:
            buffer.append(contentsOf: pending[..<firstOther])
            pending.removeFirst(firstOther)
            return true
        case .utf8, .none:
            mode = .utf8
            return passPending(appendingTo: &buffer, isEnded: isEnded)
        }
    }

    private func passPending(appendingTo buffer: inout [UInt8], isEnded: Bool) -> Bool {
        let hasBytes = !pending.isEmpty
        buffer.append(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
        return hasBytes || !isEnded
    }

    private func readMoreConverted(appendingTo buffer: inout [UInt8]) throws(TableFileError) -> Bool {
        let isEnded = !(try inner.read(appendingTo: &pending))
        return try readConverted(appendingTo: &buffer, isEnded: isEnded)
    }

    /// Converts the pending bytes; a bad byte is reported on the next call, after the good text before it is used.
    private func readConverted(appendingTo buffer: inout [UInt8], isEnded: Bool) throws(TableFileError) -> Bool {
        guard case .converting(let transcoder) = mode else { return false }
        let start = buffer.count
        let outcome = transcoder.convert(pending, appendingTo: &buffer)
        pending.removeFirst(outcome.consumed)
        if outcome.isInvalid || (isEnded && !pending.isEmpty) {
            let detail = "bytes that are not valid \(transcoder.encoding) text"
            deferredError = TableFileError(code: .badEncoding, file: fileName, detail: detail)
            return true
        }
        return buffer.count > start || !isEnded
    }
}
