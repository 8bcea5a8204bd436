public import ZhangguiCore
public import ZhangguiHTTP

/// The platform simulator: six gateways speaking each platform's wire format over one shared ``SimWorld``, and
/// the control API that drives it. Test and demo equipment only — never a fallback in the product.
///
/// In-process, ``respond(_:platform:)`` answers a request as the platform's gateway would, with no socket;
/// ``SimulatorHost`` serves the same routers on 127.0.0.1.
public final class Simulator: Sendable {
    public let world: SimWorld
    /// The couriers (顺丰 丰桥, 中通 ZOP): their accounts, waybills and routes.
    public var couriers: CourierDesk { world.couriers }
    private let routers: [Platform: Router]

    public init(world: SimWorld = SimWorld()) {
        self.world = world
        let all: [any Gateway] = [
            TOPGateway(), JDGateway(), PDDGateway(), DoudianGateway(), KuaishouGateway(), XHSGateway(),
        ]
        routers = Dictionary(uniqueKeysWithValues: all.map { ($0.platform, Self.makeRouter($0, world: world)) })
    }

    /// The routes of one platform's gateway, at the paths of its real gateway (`/router/rest`, `/routerjson`,
    /// `/api/router`, `/order/searchList`…, `/open/order/cursor/list`…, `/ark/open_api/v3/common_controller`).
    public func router(for platform: Platform) -> Router {
        routers[platform]!
    }

    /// The control API's routes (`/_sim/…`). In process, "refusing connections" answers 503 like "unavailable";
    /// ``SimulatorHost`` closes the port instead.
    public func controlRouter() -> Router {
        ControlAPI.router(simulator: self, availability: AvailabilitySwitch(world: world))
    }

    private static func makeRouter(_ gateway: any Gateway, world: SimWorld) -> Router {
        let platform = gateway.platform
        let runner = GatewayRunner(gateway: gateway, world: world)
        var router = Router()
        for (method, path) in gateway.paths {
            router.add(method, path, summary: "\(platform.displayName) gateway") { request in
                runner.respond(request)
            }
        }
        gateway.extraRoutes(world: world, into: &router)
        return router
    }

    /// The couriers' routes on one server: 丰桥 at `/std/service`, ZOP at `/<api>` (`/zto.open.createOrder` …).
    public func courierRouter() -> Router {
        var router = Router()
        let sf = SFDesk(desk: couriers)
        router.add(.post, "/std/service", summary: "顺丰 丰桥 gateway") { sf.respond($0) }
        let zto = ZTODesk(desk: couriers)
        for api in ZTODesk.apis {
            router.add(.post, "/" + api, summary: "中通 ZOP \(api)") { zto.respond($0, api: api) }
        }
        return router
    }

    /// Answers `request` as `platform`'s gateway, in process.
    public func respond(_ request: HTTPRequest, platform: Platform) -> HTTPResponse {
        routers[platform]!.respond(to: request).response
    }
}
