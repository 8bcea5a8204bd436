import Synchronization
public import ZhangguiCore
public import ZhangguiHTTP

/// The simulator on 127.0.0.1: one HTTP server per platform, each on its own port, and one for the control API.
/// A platform "refusing connections" has its server stopped; it comes back on the same port.
public final class SimulatorHost: Sendable {
    public let simulator: Simulator
    public let control: HTTPServer
    /// The couriers' server (顺丰 丰桥 and 中通 ZOP), on its own port.
    public let couriers: HTTPServer
    private let servers: Mutex<[Platform: HTTPServer]>
    private let ports: Mutex<[Platform: UInt16]>
    private let logger: Logger

    /// Starts every server.
    /// - Parameter basePort: the control API listens on it, the platforms on the next six ports in the order of
    ///   ``Platform/allCases``, the couriers on the one after; 0 lets the system pick every port.
    public init(simulator: Simulator = Simulator(), basePort: UInt16 = 0, logger: Logger = Logger()) throws {
        self.simulator = simulator
        self.logger = logger
        var started: [Platform: HTTPServer] = [:]
        var chosen: [Platform: UInt16] = [:]
        for (index, platform) in Platform.allCases.enumerated() {
            let port = basePort == 0 ? 0 : basePort + UInt16(index + 1)
            let server = try Self.start(simulator.router(for: platform), port: port, logger: logger)
            started[platform] = server
            chosen[platform] = server.port
        }
        let courierPort = basePort == 0 ? 0 : basePort + UInt16(Platform.allCases.count + 1)
        couriers = try Self.start(simulator.courierRouter(), port: courierPort, logger: logger)
        servers = Mutex(started)
        ports = Mutex(chosen)
        let availabilitySwitch = AvailabilitySwitch(world: simulator.world)
        control = try Self.start(
            ControlAPI.router(simulator: simulator, availability: availabilitySwitch),
            port: basePort,
            logger: logger
        )
        availabilitySwitch.install { [weak self] availability, platform in
            try self?.setAvailability(availability, of: platform)
        }
    }

    /// The base URL of a platform's gateway, such as `http://127.0.0.1:9101`.
    public func url(for platform: Platform) -> String {
        "http://127.0.0.1:\(port(for: platform))"
    }

    /// The base URL of the couriers' server: 丰桥's endpoint is this + `/std/service`, ZOP's is this.
    public var courierURL: String {
        "http://127.0.0.1:\(couriers.port)"
    }

    public func port(for platform: Platform) -> UInt16 {
        ports.withLock { $0[platform]! }
    }

    /// Makes a platform answer normally, answer 503, or refuse connections.
    public func setAvailability(_ availability: Availability, of platform: Platform) throws {
        simulator.world.setAvailability(availability, of: platform)
        let port = port(for: platform)
        let server = servers.withLock { $0.removeValue(forKey: platform) }
        if availability == .refusing {
            server?.stop(gracePeriod: .seconds(1))
            return
        }
        if let server {
            servers.withLock { $0[platform] = server }
            return
        }
        let restarted = try Self.start(simulator.router(for: platform), port: port, logger: logger)
        servers.withLock { $0[platform] = restarted }
    }

    /// Stops every server.
    public func stop() {
        control.stop(gracePeriod: .seconds(1))
        couriers.stop(gracePeriod: .seconds(1))
        let all = servers.withLock { servers in
            defer { servers.removeAll() }
            return Array(servers.values)
        }
        for server in all { server.stop(gracePeriod: .seconds(1)) }
    }

    private static func start(
        _ router: Router,
        port: UInt16,
        logger: Logger
    ) throws -> HTTPServer {
        let configuration = HTTPServer.Configuration(
            bindAddress: "127.0.0.1",
            port: port,
            threadCount: 2,
            logger: logger
        )
        return try HTTPServer(configuration: configuration, router: router)
    }
}

/// Where the control API sends "go down / come back": to the host when there is one (so "refusing" closes the
/// port), otherwise only to the world (in process, "refusing" answers 503).
final class AvailabilitySwitch: Sendable {
    typealias Handler = @Sendable (Availability, Platform) throws -> Void
    private let world: SimWorld
    private let handler = Mutex<Handler?>(nil)

    init(world: SimWorld) {
        self.world = world
    }

    func install(_ handler: @escaping Handler) {
        self.handler.withLock { $0 = handler }
    }

    func set(_ availability: Availability, of platform: Platform) throws {
        if let handler = handler.withLock({ $0 }) {
            try handler(availability, platform)
        } else {
            world.setAvailability(availability, of: platform)
        }
    }
}
