import Testing
import ZhangguiHTTP

@Suite("a JSON body is read in full or refused with a 400 that names the field")
struct JSONBodyTests {
    private func request(_ json: String, contentType: String = "application/json") -> HTTPRequest {
        HTTPRequest(
            method: .post,
            path: "/api/v1/orders",
            headers: ["Content-Type": contentType],
            body: Array(json.utf8)
        )
    }

    private func refusal(_ json: String, contentType: String = "application/json") -> HTTPError? {
        do {
            _ = try request(json, contentType: contentType).decodeJSON(NewOrder.self)
            return nil
        } catch {
            return error
        }
    }

    @Test("a well-formed order is decoded, optional fields may be left out")
    func decodes() throws {
        let order = try request(#"{"platformOrderID":"A1","paidFen":2590,"lines":[{"sku":"MUG","quantity":2}]}"#)
            .decodeJSON(NewOrder.self)

        #expect(
            order == NewOrder(platformOrderID: "A1", paidFen: 2590, note: nil, lines: [.init(sku: "MUG", quantity: 2)])
        )
    }

    @Test(
        "each mistake is refused with its code, field and message",
        arguments: [
            (
                #"{"platformOrderID":"A1","paidFen":2590,"lines":[],"colour":"red"}"#, "unknown_field", "colour",
                "colour is not a field of this request"
            ),
            (
                #"{"platformOrderID":"A1","paidFen":2590,"lines":[{"sku":"MUG","quantity":1,"size":"L"}]}"#,
                "unknown_field", "lines[0].size", "lines[0].size is not a field of this request"
            ),
            (
                #"{"platformOrderID":7,"paidFen":2590,"lines":[]}"#, "wrong_type", "platformOrderID",
                "platformOrderID must be a string"
            ),
            (
                #"{"platformOrderID":"A1","paidFen":"25.90","lines":[]}"#, "wrong_type", "paidFen",
                "paidFen must be a whole number"
            ),
            (
                #"{"platformOrderID":"A1","paidFen":2590,"#
                    + #""lines":[{"sku":"MUG","quantity":1},{"sku":"CUP","quantity":true}]}"#,
                "wrong_type", "lines[1].quantity", "lines[1].quantity must be a whole number"
            ),
            (
                #"{"platformOrderID":"A1","paidFen":2590,"lines":{}}"#, "wrong_type", "lines", "lines must be a list"
            ),
            (#"{"platformOrderID":"A1","lines":[]}"#, "missing_field", "paidFen", "paidFen is required"),
            (
                #"{"platformOrderID":null,"paidFen":2590,"lines":[]}"#, "missing_field", "platformOrderID",
                "platformOrderID must not be null"
            ),
            (
                #"{"platformOrderID":"A1","paidFen":1e30,"lines":[]}"#, "invalid_value", "paidFen",
                "paidFen must be a whole number within 64 bits"
            ),
            (
                #"{"platformOrderID":"A1","paidFen":2590,"lines":[{"sku":"MUG","quantity":1.5}]}"#, "invalid_value",
                "lines[0].quantity", "lines[0].quantity must be a whole number within 64 bits"
            ),
        ]
    )
    func fieldMistakes(json: String, code: String, field: String, message: String) {
        let error = refusal(json)

        #expect(error?.status == .badRequest)
        #expect(error?.code.rawValue == code)
        #expect(error?.field == field)
        #expect(error?.message == message)
    }

    @Test(
        "a body that is not a JSON object is refused without a field",
        arguments: [
            ("", "malformed_json", "the body is empty; send a JSON object"),
            ("[1, 2]", "wrong_type", "the body must be a JSON object"),
            ("\"A1\"", "wrong_type", "the body must be a JSON object"),
        ]
    )
    func bodyMistakes(json: String, code: String, message: String) {
        let error = refusal(json)

        #expect(error?.status == .badRequest)
        #expect(error?.code.rawValue == code)
        #expect(error?.field == nil)
        #expect(error?.message == message)
    }

    @Test(
        "cut-short or broken JSON is malformed, and the message says so",
        arguments: [#"{"platformOrderID":"A1""#, "{platformOrderID: A1}"]
    )
    func malformed(json: String) {
        let error = refusal(json)

        #expect(error?.code.rawValue == "malformed_json")
        #expect(error?.message.hasPrefix("the body is not valid JSON") == true)
    }

    @Test("a body not sent as application/json is 415", arguments: ["text/plain", "application/x-www-form-urlencoded"])
    func wrongMediaType(contentType: String) {
        let error = refusal(#"{"platformOrderID":"A1","paidFen":2590,"lines":[]}"#, contentType: contentType)

        #expect(error?.status == .unsupportedMediaType)
        #expect(error?.code.rawValue == "unsupported_media_type")
    }

    @Test("a charset parameter on the media type is accepted")
    func charset() throws {
        let order = try request(
            #"{"platformOrderID":"A1","paidFen":0,"lines":[]}"#,
            contentType: "Application/JSON; charset=utf-8"
        )
        .decodeJSON(NewOrder.self)

        #expect(order.platformOrderID == "A1")
    }
}
