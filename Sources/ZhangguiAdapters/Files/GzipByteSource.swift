/// The decompressed bytes of a gzip file, read and inflated chunk by chunk.
///
/// Concatenated gzip members (as `cat a.gz b.gz` makes) are read one after another; bytes after the last member
/// that do not start another member are ignored, as gzip does.
final class GzipByteSource: ByteSource {
    private let file: FileInput
    private let inflater: Inflater
    private var input: [UInt8] = []
    private var position = 0
    private var isInputEnded = false
    private var isFinished = false

    init(file: FileInput) throws(TableFileError) {
        self.file = file
        inflater = try Inflater(framing: .gzipOrZlib, fileName: file.fileName)
    }

    func read(appendingTo buffer: inout [UInt8]) throws(TableFileError) -> Bool {
        while !isFinished {
            try fillInput(atLeast: 1)
            guard position < input.count else {
                throw TableFileError(code: .corruptArchive, file: file.fileName, detail: "gzip data ends early")
            }
            let step = try inflater.inflate(input, from: position, appendingTo: &buffer, capacity: tableFileChunkSize)
            position += step.consumed
            if step.isStreamEnd { try startNextMember() }
            if step.produced > 0 { return true }
        }
        return false
    }

    /// After one member ends: continue with the next gzip member, or finish.
    private func startNextMember() throws(TableFileError) {
        try fillInput(atLeast: 2)
        let isAnotherMember = input.count - position >= 2 && input[position] == 0x1F && input[position + 1] == 0x8B
        if isAnotherMember {
            inflater.reset()
        } else {
            isFinished = true
        }
    }

    /// Reads more compressed bytes until `count` are unread or the file ends.
    private func fillInput(atLeast count: Int) throws(TableFileError) {
        while input.count - position < count && !isInputEnded {
            input.removeFirst(position)
            position = 0
            isInputEnded = !(try file.read(upTo: tableFileChunkSize, appendingTo: &input))
        }
    }
}
