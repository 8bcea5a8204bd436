import Testing

@testable import ZhangguiHTTP

@Suite("forms with a file are read as the browser sent them")
struct MultipartBodyTests {
    static func body(_ boundary: String, _ parts: [String]) -> [UInt8] {
        Array((parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--\r\n").utf8)
    }

    @Test("text fields and a file with its bytes, its name cut to the last path component")
    func fieldsAndFile() throws {
        let body = Self.body(
            "XyZ",
            [
                "Content-Disposition: form-data; name=\"csrf\"\r\n\r\nabc123",
                "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\data\\\\订单.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n订单编号,店铺\r\nA1,店",
            ]
        )
        let form = try #require(MultipartBody(body, boundary: "XyZ"))

        #expect(form.fields.map(\.name) == ["csrf"] && form.fields.map(\.value) == ["abc123"])
        #expect(form.files.count == 1)
        #expect(form.files.first?.fileName == "订单.csv")
        #expect(form.files.first?.bytes == Array("订单编号,店铺\r\nA1,店".utf8))
    }

    @Test("the boundary is read from the header, quoted or not; other types have none")
    func boundary() {
        #expect(MultipartBody.boundary(ofContentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartBody.boundary(ofContentType: "multipart/form-data; boundary=\"a b\"") == "a b")
        #expect(MultipartBody.boundary(ofContentType: "application/x-www-form-urlencoded") == nil)
    }

    @Test("a body without the boundary, or a part without a name, is not a form")
    func malformed() {
        #expect(MultipartBody(Array("no parts here".utf8), boundary: "XyZ") == nil)
        let nameless = Self.body("XyZ", ["Content-Disposition: form-data\r\n\r\nvalue"])
        #expect(MultipartBody(nameless, boundary: "XyZ") == nil)
        let unterminated = Array("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue".utf8)
        #expect(MultipartBody(unterminated, boundary: "XyZ") == nil)
    }
}
