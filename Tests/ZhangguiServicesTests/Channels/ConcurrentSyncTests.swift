import Foundation
import Synchronization
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Sync passes running at once")
struct ConcurrentSyncTests {
    @Test("two passes over the same shop at once store each order once", arguments: Engine.all)
    func twoPasses(engine: Engine) throws {
        let bed = try SyncBed(engine, pageDelay: 20_000)
        for index in 1...20 {
            bed.channel.put(
                platformOrder(String(format: "C%02d", index), modified: SyncBed.midnight - Int64(index) * 1000)
            )
        }
        let sync = bed.sync
        let reports = Mutex<[SyncReport]>([])
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let report = try sync.runOnce(company: bed.companyID, shop: bed.shopID)
                reports.withLock { $0.append(report) }
            } catch {
                errors.withLock { $0.append(String(describing: error)) }
            }
        }

        #expect(errors.withLock { $0 } == [])
        let all = reports.withLock { $0 }
        #expect(all.reduce(0) { $0 + $1.orders.new } == 20)
        #expect(all.map(\.outcome) == [.done, .done])
        #expect(try bed.trades().count == 20)
        #expect(try bed.rowCounts()["platform_orders"] == 20)
    }

    @Test("nothing personal or secret reaches the sync log or the alerts", arguments: Engine.all)
    func nothingPersonal(engine: Engine) throws {
        let bed = try SyncBed(engine)
        bed.channel.put(platformOrder("P1", modified: SyncBed.midnight - 2000, lines: [("A", 0, 1000)]))
        try bed.runOnce()
        bed.channel.fail(with: .authorizationExpired(code: "27", message: "Invalid session"))
        bed.clock.millis += 60_000
        try bed.runOnce()
        let texts = try bed.runs().map(\.lastError) + bed.alerts().map(\.detail)
        #expect(!texts.isEmpty)
        for text in texts {
            for secret in ["张", "138", "示例路", "token-1", "app-secret", "oaid"] {
                #expect(!text.contains(secret), "\(text) holds \(secret)")
            }
        }
    }
}
