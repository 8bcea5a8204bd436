import CZlib

/// One zlib inflate stream: gzip (or zlib) with a header, or the raw deflate data inside a zip entry.
final class Inflater {
    /// Which framing the compressed bytes have.
    enum Framing {
        /// A gzip or zlib header, detected automatically (windowBits 15 + 32).
        case gzipOrZlib
        /// Raw deflate data without any header, as stored in zip entries (windowBits −15).
        case raw

        var windowBits: Int32 { self == .raw ? -15 : 15 + 32 }
    }

    /// What one call to `inflate` did.
    struct Step {
        /// Compressed bytes taken from the input.
        var consumed: Int
        /// Bytes appended to the output.
        var produced: Int
        /// True when the compressed stream (one gzip member) has ended.
        var isStreamEnd: Bool
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let fileName: String

    /// Prepares a stream; `fileName` names the file in errors.
    init(framing: Framing, fileName: String) throws(TableFileError) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = zhanggui_inflateInit2(stream, framing.windowBits)
        guard status == Z_OK else {
            stream.deallocate()
            throw TableFileError(code: .unreadable, file: fileName, detail: "zlib could not start (\(status))")
        }
        self.stream = stream
        self.fileName = fileName
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Starts the next gzip member of a concatenated file.
    func reset() {
        inflateReset(stream)
    }

    /// Inflates bytes of `input` from `start`, appending at most `capacity` bytes to `output`.
    ///
    /// - Throws: `corruptArchive` when the compressed data is damaged.
    func inflate(_ input: [UInt8], from start: Int, appendingTo output: inout [UInt8], capacity: Int)
        throws(TableFileError) -> Step
    {
        let outputStart = output.count
        output.append(contentsOf: repeatElement(0, count: capacity))
        let status = input.withUnsafeBufferPointer { inBytes in
            output.withUnsafeMutableBufferPointer { outBytes in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inBytes.baseAddress! + start)
                stream.pointee.avail_in = uInt(inBytes.count - start)
                stream.pointee.next_out = outBytes.baseAddress! + outputStart
                stream.pointee.avail_out = uInt(capacity)
                return CZlib.inflate(stream, Z_NO_FLUSH)
            }
        }
        let consumed = input.count - start - Int(stream.pointee.avail_in)
        let produced = capacity - Int(stream.pointee.avail_out)
        output.removeLast(capacity - produced)
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            throw TableFileError(code: .corruptArchive, file: fileName, detail: "compressed data is damaged")
        }
        return Step(consumed: consumed, produced: produced, isStreamEnd: status == Z_STREAM_END)
    }
}

/// The CRC-32 of `bytes[range]` continued from `crc`, as zip entries record it.
func updatedCRC32(_ crc: UInt32, with bytes: [UInt8], in range: Range<Int>) -> UInt32 {
    bytes.withUnsafeBufferPointer { buffer in
        UInt32(CZlib.crc32(uLong(crc), buffer.baseAddress! + range.lowerBound, uInt(range.count)))
    }
}
