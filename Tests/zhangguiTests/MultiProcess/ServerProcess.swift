import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `zhanggui` tool, run as a child process the way an operator runs it.
enum BuiltTool {
    /// The tool next to the test runner in `.build/<configuration>/`.
    static var url: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("zhanggui")
    }

    /// The repository's `Data` folder, for the division tables the server needs.
    static var dataFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data").path
    }

    /// Runs the tool to its end and returns its exit status and standard output; standard error goes to `log`.
    static func run(_ arguments: [String], log: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// One `zhanggui serve` process on a free loopback port, stopped with SIGTERM when the test is done.
final class ServerProcess {
    let process = Process()

    private let output = Pipe()
    /// Such as `http://127.0.0.1:40123`, once ``waitUntilListening()`` returned.
    private(set) var url = ""

    /// Starts the server; it is ready once ``waitUntilListening()`` returns, so several can start side by side.
    /// - Parameter log: the file its request log (standard error) goes to.
    init(database: String, log: URL) throws {
        process.executableURL = BuiltTool.url
        process.arguments = ["serve", "--db", database, "--port", "0", "--data", BuiltTool.dataFolder]
        process.standardOutput = output
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
    }

    /// Waits for the line saying where the server listens.
    /// - Throws: ``ServerProcessError/didNotStart(_:)`` with what it printed when it ended instead.
    func waitUntilListening() throws {
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first, line.hasPrefix("listening on ") else {
            process.terminate()
            throw ServerProcessError.didNotStart(text)
        }
        url = String(line.dropFirst("listening on ".count))
    }

    /// Sends SIGTERM and waits; returns the exit status (0 after a graceful stop).
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

enum ServerProcessError: Error {
    case didNotStart(String)
    case notHTTP
}

/// Requests to several servers at once: up to 64 connections per server, no cookies.
let concurrentSession: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 64
    configuration.httpShouldSetCookies = false
    configuration.timeoutIntervalForRequest = 60
    return URLSession(configuration: configuration)
}()

/// Sends `method url` with a bearer token and an optional JSON body; returns the status and the body's text.
func send(_ method: String, _ url: String, token: String, json: String? = nil) async throws -> (Int, String) {
    var request = URLRequest(url: URL(string: url)!)
    request.httpMethod = method
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    if let json {
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
    }
    let (data, response) = try await concurrentSession.data(for: request)
    guard let response = response as? HTTPURLResponse else { throw ServerProcessError.notHTTP }
    return (response.statusCode, String(decoding: data, as: UTF8.self))
}
