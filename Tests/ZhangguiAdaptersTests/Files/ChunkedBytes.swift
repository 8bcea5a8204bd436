@testable import ZhangguiAdapters

/// Bytes delivered a few at a time, so tests can cut records, characters and tags at every possible place.
final class ChunkedBytes: ByteSource {
    private let bytes: [UInt8]
    private let size: Int
    private var offset = 0

    init(_ bytes: [UInt8], chunkSize size: Int) {
        self.bytes = bytes
        self.size = size
    }

    func read(appendingTo buffer: inout [UInt8]) throws(TableFileError) -> Bool {
        guard offset < bytes.count else { return false }
        let end = min(offset + size, bytes.count)
        buffer.append(contentsOf: bytes[offset..<end])
        offset = end
        return true
    }
}

/// Every record of `bytes` read as CSV through `TextSource`, delivered `chunkSize` bytes at a time.
func csvRecords(_ bytes: [UInt8], chunkSize: Int) throws -> [[String]] {
    let source = TextSource(ChunkedBytes(bytes, chunkSize: chunkSize), fileName: "test.csv")
    let reader = CSVRecordReader(source: source, fileName: "test.csv")
    var records: [[String]] = []
    while let record = try reader.nextRecord() { records.append(record.fields) }
    return records
}
