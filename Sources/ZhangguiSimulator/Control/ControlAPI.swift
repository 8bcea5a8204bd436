import Foundation
import ZhangguiCore
import ZhangguiHTTP

/// The control API under `/_sim/`: JSON in, JSON out, for tests and scripts to drive the simulator (docs/SIMULATOR.md
/// lists every route).
enum ControlAPI {
    static func router(simulator: Simulator, availability: AvailabilitySwitch) -> Router {
        let world = simulator.world
        var router = Router()
        addClockAndConfiguration(world: world, availability: availability, into: &router)
        addShopsAndTokens(world: world, into: &router)
        addOrders(world: world, into: &router)
        addRecords(world: world, into: &router)
        addCouriers(desk: world.couriers, into: &router)
        return router
    }

    private static func addClockAndConfiguration(
        world: SimWorld,
        availability: AvailabilitySwitch,
        into router: inout Router
    ) {
        router.control(.get, "/_sim/state", summary: "clock, shops and platform settings") { _ in
            try reply(StateSummary(world: world))
        }
        router.control(.post, "/_sim/clock", summary: "set or advance the clock") { request in
            let body = try decode(ClockRequest.self, request)
            if let now = body.nowMillis { world.setClock(millis: now, frozen: body.frozen ?? true) }
            if let seconds = body.advanceSeconds { world.advanceClock(seconds: seconds) }
            if let millis = body.advanceMillis { world.advanceClock(millis: millis) }
            return try reply(["nowMillis": world.nowMillis])
        }
        router.control(.post, "/_sim/platforms/{platform}/availability", summary: "up, unavailable (503) or refusing") {
            request in
            let platform = try platformParameter(request)
            let body = try decode(AvailabilityRequest.self, request)
            try availability.set(body.state, of: platform)
            return HTTPResponse(status: .noContent)
        }
        router.control(.put, "/_sim/platforms/{platform}/rate-limit", summary: "set a rate limit") { request in
            let platform = try platformParameter(request)
            let body = try decode(RateLimit.self, request)
            world.setRateLimit(body, for: platform)
            return HTTPResponse(status: .noContent)
        }
        router.control(.delete, "/_sim/platforms/{platform}/rate-limit", summary: "lift the rate limit") { request in
            world.setRateLimit(nil, for: try platformParameter(request))
            return HTTPResponse(status: .noContent)
        }
        router.control(.put, "/_sim/platforms/{platform}/limits", summary: "window, page-size and clock-skew limits") {
            request in
            let platform = try platformParameter(request)
            world.setLimits(try decode(GatewayLimits.self, request), for: platform)
            return HTTPResponse(status: .noContent)
        }
        router.control(.put, "/_sim/platforms/{platform}/token-policy", summary: "token lifetimes and refresh rules") {
            request in
            let platform = try platformParameter(request)
            world.setTokenPolicy(try decode(TokenPolicy.self, request), for: platform)
            return HTTPResponse(status: .noContent)
        }
    }

    private static func addShopsAndTokens(world: SimWorld, into router: inout Router) {
        router.control(.post, "/_sim/shops", summary: "add a shop and its application's keys") { request in
            let shop = try decode(SimShop.self, request)
            world.addShop(shop)
            return try reply(shop, status: .created)
        }
        router.control(.post, "/_sim/shops/{shop}/grants", summary: "issue a token pair") { request in
            try reply(try world.issueGrant(shopID: request.pathParameters["shop"]!), status: .created)
        }
        router.control(.post, "/_sim/shops/{shop}/codes", summary: "issue an authorisation code") { request in
            try reply(["code": try world.issueCode(shopID: request.pathParameters["shop"]!)], status: .created)
        }
        router.control(.post, "/_sim/tokens/{token}/expire", summary: "expire an access or refresh token now") {
            request in
            try world.expire(token: request.pathParameters["token"]!)
            return HTTPResponse(status: .noContent)
        }
        router.control(.post, "/_sim/tokens/{token}/revoke", summary: "revoke a grant") { request in
            try world.revoke(token: request.pathParameters["token"]!)
            return HTTPResponse(status: .noContent)
        }
    }

    private static func addOrders(world: SimWorld, into router: inout Router) {
        router.control(.post, "/_sim/shops/{shop}/orders", summary: "create an order") { request in
            let draft = try decode(OrderRequest.self, request).draft
            return try reply(try world.createOrder(shopID: request.pathParameters["shop"]!, draft), status: .created)
        }
        router.control(.get, "/_sim/shops/{shop}/orders", summary: "a shop's orders") { request in
            let orders = world.orders(shopID: request.pathParameters["shop"]!).sorted {
                $0.createdMillis < $1.createdMillis
            }
            return try reply(["orders": orders])
        }
        router.control(.post, "/_sim/shops/{shop}/orders/{order}/{change}", summary: "pay, ship, deliver, close, …") {
            request in
            let name = request.pathParameters["change"]!
            guard let change = SimWorld.OrderChange(rawValue: name) else {
                let allowed = SimWorld.OrderChange.allCases.map(\.rawValue).joined(separator: ", ")
                throw HTTPError(.notFound, code: "not_found", message: "changes are: \(allowed)")
            }
            let shop = request.pathParameters["shop"]!
            return try reply(try world.change(shopID: shop, orderID: request.pathParameters["order"]!, change))
        }
        router.control(.post, "/_sim/shops/{shop}/orders/{order}/refunds", summary: "open an after-sales request") {
            request in
            let body = try decode(RefundRequest.self, request)
            let afterSale = try world.openAfterSale(
                shopID: request.pathParameters["shop"]!,
                orderID: request.pathParameters["order"]!,
                kind: body.kind ?? .refundOnly,
                lineIDs: body.lineIDs ?? [],
                amountFen: body.amountFen,
                reason: body.reason ?? "不想要了"
            )
            return try reply(afterSale, status: .created)
        }
        router.control(.post, "/_sim/shops/{shop}/refunds/{refund}/{status}", summary: "move an after-sales request") {
            request in
            guard let status = AfterSaleStatus(rawValue: request.pathParameters["status"]!) else {
                let allowed = AfterSaleStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw HTTPError(.notFound, code: "not_found", message: "statuses are: \(allowed)")
            }
            let body = try decode(RefundUpdateRequest.self, request)
            let afterSale = try world.updateAfterSale(
                shopID: request.pathParameters["shop"]!,
                refundID: request.pathParameters["refund"]!,
                to: status,
                returnTrackingNumber: body.returnTrackingNumber
            )
            return try reply(afterSale)
        }
        router.control(.post, "/_sim/shops/{shop}/seed/uci", summary: "orders from a UCI Online Retail file") {
            request in
            let body = try decode(UCISeedRequest.self, request)
            let seeded = try UCISeed.seed(
                world: world,
                shopID: request.pathParameters["shop"]!,
                path: body.path,
                limit: body.limit ?? 100,
                startMillis: body.startMillis,
                spacingMillis: body.spacingMillis ?? 1000
            )
            return try reply(["orders": seeded.count], status: .created)
        }
    }

    private static func addRecords(world: SimWorld, into router: inout Router) {
        router.control(.get, "/_sim/shops/{shop}/shipments", summary: "shipments the gateways accepted") { request in
            try reply(["shipments": world.shipments(shopID: request.pathParameters["shop"]!)])
        }
        router.control(.get, "/_sim/shops/{shop}/after-sales", summary: "the shop's after-sales requests") { request in
            let items = world.afterSales(shopID: request.pathParameters["shop"]!).sorted {
                ($0.createdMillis, $0.refundID) < ($1.createdMillis, $1.refundID)
            }
            return try reply(["afterSales": items])
        }
        router.control(.get, "/_sim/shops/{shop}/stock-pushes", summary: "stock pushes the gateways accepted") {
            request in
            try reply(["stockPushes": world.stockPushes(shopID: request.pathParameters["shop"]!)])
        }
        router.control(.put, "/_sim/shops/{shop}/decrypt-quota", summary: "orders a shop may decrypt") { request in
            let body = try decode(DecryptQuotaRequest.self, request)
            world.setDecryptQuota(shopID: request.pathParameters["shop"]!, orders: body.orders)
            return HTTPResponse(status: .noContent)
        }
        router.control(.get, "/_sim/shops/{shop}/listings", summary: "listings and their stock") { request in
            try reply(["listings": world.listings(shopID: request.pathParameters["shop"]!)])
        }
        router.control(.put, "/_sim/shops/{shop}/listings", summary: "add a listing or set its stock") { request in
            var listing = try decode(ListingRequest.self, request)
            listing.shopID = request.pathParameters["shop"]!
            _ = try world.shop(listing.shopID)
            world.putListing(
                SimListing(
                    shopID: listing.shopID,
                    itemID: listing.itemID,
                    skuID: listing.skuID,
                    outerID: listing.outerID ?? "",
                    quantity: listing.quantity
                )
            )
            return HTTPResponse(status: .noContent)
        }
    }

    static func platformParameter(_ request: HTTPRequest) throws(HTTPError) -> Platform {
        guard let platform = Platform(rawValue: request.pathParameters["platform"] ?? "") else {
            let allowed = Platform.allCases.map(\.rawValue).joined(separator: ", ")
            throw HTTPError(.notFound, code: "not_found", message: "platforms are: \(allowed)")
        }
        return platform
    }

    static func decode<Body: Decodable>(_ type: Body.Type, _ request: HTTPRequest) throws(HTTPError) -> Body {
        let bytes = request.body.isEmpty ? Array("{}".utf8) : request.body
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch {
            throw HTTPError(.badRequest, code: "invalid_body", message: "the body is not a valid \(type)")
        }
    }

    static func reply(_ value: some Encodable, status: HTTPStatus = .ok) throws -> HTTPResponse {
        try HTTPResponse.json(value, status: status)
    }
}

extension SimError {
    /// The control API's answer for a refused change.
    var httpError: HTTPError {
        switch code {
        case .notFound: HTTPError(.notFound, code: "not_found", message: message)
        case .conflict: HTTPError(.conflict, code: "conflict", message: message)
        case .invalidArgument: HTTPError(.badRequest, code: "invalid_argument", message: message)
        }
    }
}

extension Router {
    /// Adds a control route whose ``SimError`` refusals answer 404, 409 or 400.
    mutating func control(
        _ method: HTTPMethod,
        _ pattern: String,
        summary: String,
        handler: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse
    ) {
        add(method, pattern, summary: summary) { request in
            do {
                return try handler(request)
            } catch let error as SimError {
                throw error.httpError
            }
        }
    }
}
