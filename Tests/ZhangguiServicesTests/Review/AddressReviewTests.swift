import Foundation
import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Review checks addresses against the real division tables")
struct AddressReviewTests {
    /// The repository's Data/divisions, three folders above this file's.
    static let divisions = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/divisions").path

    private func trade(_ id: String, province: String, city: String, district: String) -> Trade {
        var trade = makeTrade(id, lines: [("A", 1, 1000)], receiver: "收\(id)")
        trade.receiver.province = province
        trade.receiver.city = city
        trade.receiver.district = district
        return trade
    }

    @Test(
        "real divisions pass with their code, an abolished district resolves, a wrong one is held naming the field",
        arguments: Engine.all
    )
    func addressesInReview(engine: Engine) throws {
        let book = try AddressBook(directory: Self.divisions)
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 10)
        try shop.ingest([
            trade("GOOD", province: "北京", city: "北京市", district: "朝阳区"),
            trade("OLD", province: "北京", city: "北京", district: "崇文区"),
            trade("BAD", province: "浙江省", city: "杭州市", district: "朝阳区"),
        ])
        let review = ReviewService(database: shop.database, checkAddress: book.checker)

        let summary = try review.reviewPending(companyID: shop.companyID)

        #expect(summary.approved == 2)
        #expect(summary.heldByReason == [.invalidAddress: 1])
        let codes = try shop.database.read { connection in
            try connection.query("SELECT platform_order_id, division_code FROM trades ORDER BY id").map {
                "\($0.string(0))=\($0.string(1))"
            }
        }
        // 朝阳区 is 110105; 崇文区 merged into 东城区 110101 in 2010.
        #expect(codes == ["GOOD=110105", "OLD=110101", "BAD="])
        let holds = try review.holds(tradeID: try shop.tradeID("BAD"), companyID: shop.companyID)
        #expect(holds.map(\.reason) == [.invalidAddress])
        #expect(holds.first?.detail.hasPrefix("district:") == true)
    }
}
