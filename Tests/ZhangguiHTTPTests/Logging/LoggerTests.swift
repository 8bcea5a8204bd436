import Testing
import ZhangguiHTTP

@Suite("log lines are key=value pairs on one line, with a constant message")
struct LoggerTests {
    @Test("fields come in order: time, level, message, the logger's metadata, then the call's")
    func fieldOrder() throws {
        let sink = MemoryLogSink()
        let logger = Logger(sink: sink).with("request.id", "r1")

        logger.info("request", ["http.method": "GET", "http.status": "200"])

        let line = try #require(sink.lines.first)
        #expect(line.hasPrefix("ts="))
        #expect(line.hasSuffix(" level=info msg=request request.id=r1 http.method=GET http.status=200"))
    }

    @Test("events below the logger's level are dropped")
    func levels() {
        let sink = MemoryLogSink()
        let logger = Logger(level: .warning, sink: sink)

        logger.info("ignored")
        logger.debug("ignored")
        logger.error("kept")

        #expect(sink.lines.count == 1)
        #expect(sink.lines.first?.contains("level=error msg=kept") == true)
    }

    @Test("values with spaces, quotes, equals signs or line breaks are quoted and stay on one line")
    func quoting() throws {
        let sink = MemoryLogSink()

        Logger(sink: sink).warning(
            "odd values",
            ["a": "two words", "b": #"say "hi""#, "c": "k=v", "d": "x\ny", "e": ""]
        )

        let line = try #require(sink.lines.first)
        #expect(line.hasSuffix(#" a="two words" b="say \"hi\"" c="k=v" d="x\ny" e="""#))
        #expect(!line.contains("\n"))
    }

    @Test("a key given again replaces the logger's value")
    func replacedKey() throws {
        let sink = MemoryLogSink()

        Logger(sink: sink).with("request.id", "r1").with("request.id", "r2").info("request")

        #expect(try #require(sink.lines.first).hasSuffix(" msg=request request.id=r2"))
    }
}
