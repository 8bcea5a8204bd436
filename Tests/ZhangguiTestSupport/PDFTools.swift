public import Foundation

/// poppler-utils and zbar-tools run on a PDF the tests wrote: its text, its fonts, and the barcodes on a rendering
/// of each page. `make test` installs both; without them the tests fail, saying which package is missing.
public enum PDFTools {
    /// The PDF written to a fresh temporary file.
    public static func file(_ pdf: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("label-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: url)
        return url
    }

    /// The text of each page (pdftotext, layout kept), split at form feeds.
    public static func pageTexts(_ pdf: [UInt8]) throws -> [String] {
        let url = try file(pdf)
        defer { try? FileManager.default.removeItem(at: url) }
        let text = try run("pdftotext", ["-layout", url.path, "-"], package: "poppler-utils")
        return text.split(separator: "\u{0C}", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The fonts table of pdffonts, one line per font after the header.
    public static func fonts(_ pdf: [UInt8]) throws -> [String] {
        let url = try file(pdf)
        defer { try? FileManager.default.removeItem(at: url) }
        return try run("pdffonts", [url.path], package: "poppler-utils").split(separator: "\n").dropFirst(2)
            .map(String.init)
    }

    /// The Code 128 barcodes zbarimg reads on page `page` (1-based) rendered at 300 dpi in grey.
    public static func barcodes(_ pdf: [UInt8], page: Int) throws -> [String] {
        let url = try file(pdf)
        let image = url.deletingPathExtension().path + "-p\(page)"
        defer {
            try? FileManager.default.removeItem(at: url)
            try? FileManager.default.removeItem(atPath: image + ".pgm")
        }
        _ = try run(
            "pdftoppm",
            ["-r", "300", "-gray", "-f", "\(page)", "-l", "\(page)", "-singlefile", url.path, image],
            package: "poppler-utils"
        )
        let output = try run(
            "zbarimg",
            ["--quiet", "--raw", "-Sdisable", "-Scode128.enable", image + ".pgm"],
            package: "zbar-tools"
        )
        return output.split(separator: "\n").map(String.init)
    }

    public static func run(_ tool: String, _ arguments: [String], package: String) throws -> String {
        guard
            let path = ["/usr/bin/", "/usr/local/bin/", "/bin/"].map({ $0 + tool })
                .first(where: FileManager.default.isExecutableFile(atPath:))
        else {
            throw ToolMissing(description: "\(tool) is not installed: apt-get install \(package) (make test does)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

public struct ToolMissing: Error, CustomStringConvertible {
    public let description: String
}
