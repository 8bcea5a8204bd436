import ZhangguiCore
import ZhangguiServices

extension ZhangguiAPI {
    /// What `zhanggui check` proves; `differences` empty when the books are clean.
    struct CheckAnswer: Encodable {
        let isClean: Bool
        let stockPlaces: Int
        let ledgerEntries: Int64
        let vouchers: Int64
        let voucherLines: Int64
        let trialBalanceFen: Int64
        let differences: [String]
    }

    struct ReportAnswer: Encodable {
        let orders: Int64
        let splitParts: Int64
        let highPriority: Int64
        let tradesByState: [String: Int64]
        let heldByReason: [String: Int64]
        let shipments: Int64
        let mergedShipments: Int64
        let onHand: Int64
        let reserved: Int64
        let stockValueFen: Int64
        let revenueFen: Int64
        let costFen: Int64
        let topSKUs: [SKUMargin]
    }

    struct SKUMargin: Encodable {
        let sku: String
        let revenueFen: Int64
        let costFen: Int64
    }

    func addBooksRoutes(to router: inout Router) {
        add(&router, .get, "/api/v1/books/check", .permission(.booksRead), "prove the books and stock agree", check)
        add(
            &router,
            .get,
            "/api/v1/books/report",
            .permission(.booksRead),
            "sales, stock and margin report",
            query: ["top"],
            report
        )
    }

    /// `GET /api/v1/books/check`: 200 with the differences listed, whether clean or not.
    func check(_: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let report = try IntegrityCheck(database: database).run(companyID: principal.companyID)
        return try .json(
            CheckAnswer(
                isClean: report.isClean,
                stockPlaces: report.stockPlaces,
                ledgerEntries: report.ledgerEntries,
                vouchers: report.vouchers,
                voucherLines: report.voucherLines,
                trialBalanceFen: report.trialBalanceFen,
                differences: report.differences
            )
        )
    }

    /// `GET /api/v1/books/report?top=`: `top` SKUs by revenue, 1–100 (default 10).
    func report(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let top = try request.integerQuery("top", default: 10, in: 1...100)
        let summary = try SalesReport(database: database).summary(companyID: principal.companyID, top: top)
        var held: [String: Int64] = [:]
        for item in summary.heldByReason { held[item.reason.rawValue] = item.trades }
        return try .json(
            ReportAnswer(
                orders: summary.orders,
                splitParts: summary.splitParts,
                highPriority: summary.highPriority,
                tradesByState: summary.tradesByState,
                heldByReason: held,
                shipments: summary.shipments,
                mergedShipments: summary.mergedShipments,
                onHand: summary.onHand,
                reserved: summary.reserved,
                stockValueFen: summary.stockValueFen,
                revenueFen: summary.revenueFen,
                costFen: summary.costFen,
                topSKUs: summary.topSKUs.map { SKUMargin(sku: $0.sku, revenueFen: $0.revenue, costFen: $0.cost) }
            )
        )
    }
}
