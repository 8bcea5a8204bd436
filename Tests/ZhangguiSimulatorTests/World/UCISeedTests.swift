import Foundation
import Testing
import ZhangguiCore
import ZhangguiSimulator

/// Orders from the UCI Online Retail file the repository ships.
@Suite struct UCISeedTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/orders/uci_online_retail/online_retail_2010-12.csv.gz").path

    @Test("The first invoice of December 2010 (536365) becomes an order of 7 lines, its stock codes as 商家编码")
    func firstInvoice() throws {
        let fixture = SimulatorFixture()
        let (shop, _) = try fixture.shop(.pinduoduo)
        let orders = try UCISeed.seed(
            world: fixture.world,
            shopID: shop.shopID,
            path: Self.file,
            limit: 2,
            startMillis: SimulatorFixture.epoch,
            spacingMillis: 1000
        )
        #expect(orders.count == 2)
        let first = orders[0]
        #expect(first.lines.count == 7)
        #expect(first.lines.first?.outerID == "85123A")
        #expect(first.lines.first?.quantity == 6)
        #expect(first.lines.first?.unitPriceFen == 255)
        #expect(first.goodsFen == 13_912, "6×2.55 + 6×3.39 + 8×2.75 + 6×3.39 + 6×3.39 + 2×7.65 + 6×4.25 = 139.12")
        #expect(orders[1].createdMillis == SimulatorFixture.epoch + 1000)
        #expect(first.receiver.name.hasPrefix("示例"))
    }
}
