import Synchronization
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices

/// A transport that answers from a script and remembers every request, for tests without a network.
final class StubTransport: HTTPTransport {
    private let state: Mutex<(requests: [OutboundRequest], answers: [OutboundResponse])>

    /// Answers `bodies` in order (HTTP 200), then the last one again.
    init(_ bodies: String...) {
        state = Mutex(([], bodies.map { OutboundResponse(status: 200, body: Array($0.utf8)) }))
    }

    init(responses: [OutboundResponse]) {
        state = Mutex(([], responses))
    }

    func send(_ request: OutboundRequest) throws(TransportError) -> OutboundResponse {
        state.withLock { state in
            state.requests.append(request)
            return state.answers.count > 1 ? state.answers.removeFirst() : state.answers[0]
        }
    }

    var requests: [OutboundRequest] { state.withLock { $0.requests } }

    /// The query parameters of request `index`'s URL.
    func query(_ index: Int) -> [String: String] {
        let query = requests[index].url.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
        return Dictionary(FormEncoding.decode(String(query)) ?? [], uniquingKeysWith: { $1 })
    }

    /// The form fields of request `index` (POST body, or the query of a GET).
    func form(_ index: Int) -> [String: String] {
        let request = requests[index]
        let text =
            request.method == .post
            ? String(decoding: request.body, as: UTF8.self)
            : String(request.url.split(separator: "?", maxSplits: 1).last ?? "")
        return Dictionary(FormEncoding.decode(text) ?? [], uniquingKeysWith: { $1 })
    }
}

/// 2023-11-15 06:13:20 in GMT+8.
let fixedNow: Int64 = 1_700_000_000_000
let fixedClock: ChannelClock = { fixedNow }

func credentials(_ platform: Platform, endpoint: String = "https://gateway.test/router") -> ShopCredentials {
    ShopCredentials(
        platform: platform,
        appKey: "app-key-1",
        appSecret: "app-secret-1",
        signSecret: "sign-secret-1",
        authorization: ShopAuthorization(
            accessToken: "access-token-1",
            accessExpiresAtMillis: fixedNow + 3_600_000,
            refreshToken: "refresh-token-1"
        ),
        endpoint: endpoint
    )
}
