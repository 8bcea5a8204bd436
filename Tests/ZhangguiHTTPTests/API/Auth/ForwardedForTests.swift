import Foundation
import Testing
import ZhangguiHTTP

@Suite("Behind a proxy, the failed-sign-in limit per address counts the client's address, not the proxy's")
struct ForwardedForTests {
    @Test(
        "20 failures from 203.0.113.7 through the proxy: that address waits, 203.0.113.8 does not",
        arguments: [true, false]
    )
    func perClient(trusted: Bool) async throws {
        let shop = try APIShop(trustsForwardedFor: trusted)
        // Twenty different unknown emails, so that only the address limit (20 in 15 minutes) can be reached.
        for index in 1...20 {
            _ = try await shop.call(
                "POST",
                "/api/v1/session",
                json: #"{"email":"nobody\#(index)@a.example","password":"wrong"}"#,
                headers: ["X-Forwarded-For": "198.51.100.1, 203.0.113.7"]
            )
        }

        let same = try await signIn(shop, from: "203.0.113.7")
        let other = try await signIn(shop, from: "10.0.0.1,203.0.113.8")

        #expect(same.status == 429)
        // Trusted, the header's last address is the client; untrusted, every request comes from the one peer.
        #expect(other.status == (trusted ? 201 : 429))
    }

    private func signIn(_ shop: APIShop, from forwardedFor: String) async throws -> TestAnswer {
        try await shop.call(
            "POST",
            "/api/v1/session",
            json: #"{"email":"admin@a.example","password":"\#(APIShop.password)"}"#,
            headers: ["X-Forwarded-For": forwardedFor]
        )
    }
}
