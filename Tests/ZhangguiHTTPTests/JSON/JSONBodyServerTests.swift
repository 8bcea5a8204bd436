import Foundation
import Testing
import ZhangguiHTTP

@Suite("bad JSON sent to the server comes back as 400 in the error shape")
struct JSONBodyServerTests {
    private func makeServer() throws -> TestServer {
        try TestServer { router in
            router.add(.post, "/api/v1/orders") { request in
                let order = try request.decodeJSON(NewOrder.self)
                return text("\(order.platformOrderID): \(order.lines.count) lines", status: .created)
            }
        }
    }

    @Test("a well-formed order is created")
    func created() async throws {
        let test = try makeServer()

        let answer = try await post(
            "/api/v1/orders",
            json: #"{"platformOrderID":"A1","paidFen":2590,"lines":[{"sku":"MUG","quantity":2}]}"#,
            to: test.server
        )

        #expect(answer.status == 201)
        #expect(answer.text == "A1: 1 lines")
    }

    @Test("malformed JSON is 400 malformed_json")
    func malformed() async throws {
        let test = try makeServer()

        let answer = try await post("/api/v1/orders", json: #"{"platformOrderID":"A1","paidFen":25"#, to: test.server)

        #expect(answer.status == 400)
        #expect(try answer.error["code"] as? String == "malformed_json")
        #expect(try (answer.error["message"] as? String)?.hasPrefix("the body is not valid JSON") == true)
        #expect(try answer.error["field"] == nil)
    }

    @Test("an unknown field is 400 naming the field")
    func unknownField() async throws {
        let test = try makeServer()

        let answer = try await post(
            "/api/v1/orders",
            json: #"{"platformOrderID":"A1","paidFen":2590,"lines":[],"discountFen":100}"#,
            to: test.server
        )

        #expect(answer.status == 400)
        #expect(
            answer.text
                == #"{"error":{"code":"unknown_field","field":"discountFen","#
                + #""message":"discountFen is not a field of this request"}}"#
        )
    }

    @Test("a wrong type is 400 naming the field")
    func wrongType() async throws {
        let test = try makeServer()

        let answer = try await post(
            "/api/v1/orders",
            json: #"{"platformOrderID":"A1","paidFen":2590,"lines":[{"sku":"MUG","quantity":"two"}]}"#,
            to: test.server
        )

        #expect(answer.status == 400)
        #expect(
            answer.text
                == #"{"error":{"code":"wrong_type","field":"lines[0].quantity","#
                + #""message":"lines[0].quantity must be a whole number"}}"#
        )
    }
}
