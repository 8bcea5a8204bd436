import Dispatch
import Foundation
import ZhangguiCore
import ZhangguiHTTP

/// `zhanggui-sim`: starts the simulator on 127.0.0.1 with one demo shop per platform, prints where each gateway
/// listens and the demo shops' keys and tokens, and runs until SIGINT or SIGTERM.
public enum SimulatorCommand {
    static let usage = """
        usage: zhanggui-sim [--port N] [--uci FILE] [--orders N] [--spacing-ms N]
          --port N        the control API's port (default 9100); the platforms listen on N+1 … N+6 in the order
                          taobao, jd, pinduoduo, doudian, kuaishou, xiaohongshu; 0 picks free ports
          --uci FILE      seed every demo shop with orders from a UCI Online Retail file (.csv or .csv.gz),
                          such as Data/orders/uci_online_retail/online_retail_2010-12.csv.gz
          --orders N      orders per shop from the file (default 50)
          --spacing-ms N  milliseconds between the seeded orders' creation times, ending now (default 60000)
          --every-ms N    after the seeded orders, one more invoice from the file arrives paid in every demo
                          shop each N milliseconds (default 0: none), so a syncing shop sees orders come in live
        """

    public static func run(_ arguments: [String]) -> Never {
        let options: Options
        do {
            options = try Options(arguments)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n\(usage)\n".utf8))
            exit(2)
        }
        let signals = StopSignals()
        let host: SimulatorHost
        do {
            host = try SimulatorHost(basePort: options.port)
            let demo = try DemoShops.create(in: host.simulator.world)
            DemoShops.openCourierAccounts(in: host.simulator.world)
            if let file = options.uciFile {
                let start = host.simulator.world.nowMillis - Int64(options.orders) * options.spacingMillis
                for shop in demo {
                    try UCISeed.seed(
                        world: host.simulator.world,
                        shopID: shop.shop.shopID,
                        path: file,
                        limit: options.orders,
                        startMillis: start,
                        spacingMillis: options.spacingMillis
                    )
                }
            }
            say(DemoShops.describe(demo, host: host))
            if let file = options.uciFile, options.everyMillis > 0 {
                let pool = try UCISeed.invoices(path: file, limit: options.orders + 2000).dropFirst(options.orders)
                OrderTrickle.start(
                    world: host.simulator.world,
                    shops: demo.map(\.shop.shopID),
                    invoices: Array(pool),
                    everyMillis: options.everyMillis
                )
            }
        } catch {
            FileHandle.standardError.write(Data("zhanggui-sim: cannot start: \(error)\n".utf8))
            exit(1)
        }
        say("stop with Ctrl-C, or: kill -TERM \(ProcessInfo.processInfo.processIdentifier)")
        signals.wait()
        host.stop()
        exit(0)
    }

    /// Writes a line to standard output at once, unbuffered, so a script reading the pipe sees it.
    private static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    struct Options {
        var port: UInt16 = 9100
        var uciFile: String?
        var orders = 50
        var spacingMillis: Int64 = 60_000
        var everyMillis = 0

        init(_ arguments: [String]) throws {
            var rest = arguments[...]
            while let name = rest.popFirst() {
                guard let value = rest.popFirst() else { throw UsageError("\(name) needs a value") }
                switch name {
                case "--port":
                    guard let port = UInt16(value) else { throw UsageError("--port needs a number from 0 to 65535") }
                    self.port = port
                case "--uci": uciFile = value
                case "--orders":
                    guard let count = Int(value), count >= 0 else { throw UsageError("--orders needs a whole number") }
                    orders = count
                case "--spacing-ms":
                    guard let spacing = Int64(value), spacing >= 0 else { throw UsageError("--spacing-ms needs ≥ 0") }
                    spacingMillis = spacing
                case "--every-ms":
                    guard let every = Int(value), every >= 0 else { throw UsageError("--every-ms needs ≥ 0") }
                    everyMillis = every
                default: throw UsageError("unknown option \(name)")
                }
            }
        }
    }

    struct UsageError: Error, CustomStringConvertible {
        let description: String

        init(_ description: String) {
            self.description = "zhanggui-sim: " + description
        }
    }
}

/// SIGINT and SIGTERM, caught so the servers stop cleanly.
private final class StopSignals {
    private let semaphore = DispatchSemaphore(value: 0)
    private let sources: [any DispatchSourceSignal]

    init() {
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [semaphore] in semaphore.signal() }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func wait() {
        semaphore.wait()
    }
}
