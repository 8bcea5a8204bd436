import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSimulator

/// The couriers driven through the control API, as a script would.
@Suite struct CourierControlTests {
    let simulator = Simulator()

    func control(_ method: HTTPMethod, _ path: String, _ body: String = "") -> HTTPResponse {
        simulator.controlRouter().respond(to: HTTPRequest(method: method, path: path, body: Array(body.utf8))).response
    }

    @Test("a script takes 顺丰 down and up, adds a route step, and reads the numbers back")
    func drive() throws {
        let desk = simulator.couriers
        desk.addSFAccount(partnerID: "P", checkWord: "c")
        #expect(control(.post, "/_sim/couriers/SF/availability", #"{"up":false}"#).status == .noContent)
        let sf = simulator.courierRouter().respond(to: HTTPRequest(method: .post, path: "/std/service")).response
        #expect(sf.status == .serviceUnavailable)
        #expect(control(.post, "/_sim/couriers/SF/availability", #"{"up":true}"#).status == .noContent)

        let missing = control(
            .post,
            "/_sim/couriers/routes",
            #"{"waybill":"SF1","action":"50","time":"2026-12-01 10:00:00"}"#
        )
        #expect(missing.status == .notFound)
        let listed = control(.get, "/_sim/couriers/waybills")
        #expect(String(decoding: listed.body, as: UTF8.self) == #"{"waybills":[]}"#)
    }
}
