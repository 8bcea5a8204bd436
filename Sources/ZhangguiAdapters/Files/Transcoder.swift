import Glibc

/// Converts text in a legacy or UTF-16 encoding to UTF-8 with glibc's iconv, chunk by chunk.
final class Transcoder {
    /// The encoding name iconv knows, for example `GB18030` or `UTF-16LE`.
    let encoding: String
    private let converter: iconv_t
    private let fileName: String

    /// Opens a converter from `encoding` to UTF-8.
    ///
    /// - Throws: `unsupportedFormat` when this system's iconv lacks the encoding.
    init(from encoding: String, fileName: String) throws(TableFileError) {
        self.encoding = encoding
        self.fileName = fileName
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, Int(bitPattern: converter) != -1 else {
            let detail = "this system cannot decode \(encoding) text (iconv)"
            throw TableFileError(code: .unsupportedFormat, file: fileName, detail: detail)
        }
        self.converter = converter
    }

    deinit {
        iconv_close(converter)
    }

    /// What one conversion did.
    struct Outcome {
        /// Input bytes converted; the rest is an incomplete character waiting for more input, or bad bytes.
        var consumed: Int
        /// True when the input holds bytes that are not valid in the encoding, right after `consumed`.
        var isInvalid: Bool
    }

    /// Converts as much of `input` as possible, appending UTF-8 to `output`.
    func convert(_ input: [UInt8], appendingTo output: inout [UInt8]) -> Outcome {
        var consumed = 0
        while consumed < input.count {
            let room = max(64, (input.count - consumed) * 2)
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: room))
            let (read, written, failure) = convert(input, from: consumed, into: &output, at: start, room: room)
            output.removeLast(room - written)
            consumed += read
            switch failure {
            case 0, E2BIG: continue
            case EINVAL: return Outcome(consumed: consumed, isInvalid: false)
            default: return Outcome(consumed: consumed, isInvalid: true)
            }
        }
        return Outcome(consumed: consumed, isInvalid: false)
    }

    /// One iconv call: returns bytes read, bytes written and the errno it failed with (0 when it did not).
    private func convert(_ input: [UInt8], from offset: Int, into output: inout [UInt8], at start: Int, room: Int)
        -> (Int, Int, Int32)
    {
        input.withUnsafeBufferPointer { inBytes in
            output.withUnsafeMutableBufferPointer { outBytes in
                var inPointer =
                    UnsafeMutableRawPointer(mutating: inBytes.baseAddress! + offset)
                    .assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
                var outPointer =
                    UnsafeMutableRawPointer(outBytes.baseAddress! + start)
                    .assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
                var inLeft = inBytes.count - offset
                var outLeft = room
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                let failure = result == -1 ? errno : 0
                return (inBytes.count - offset - inLeft, room - outLeft, failure)
            }
        }
    }
}
