public import ZhangguiCore
import ZhangguiStore

/// Checks a receiver's province, city and district and gives the division code; supplied by the adapters layer
/// from the division tables.
public typealias AddressChecker = @Sendable (_ province: String, _ city: String, _ district: String) -> AddressCheck

/// Gathers what the automatic review looks at for one stored trade.
struct ReviewFactsBuilder {
    let snapshot: StockSnapshot
    let checkAddress: AddressChecker

    /// The facts, and each line's SKU id (nil when unmapped).
    func facts(for trade: StoredTrade) -> (facts: ReviewFacts, lineSKUs: [Int64?], divisionCode: String?) {
        let address = checkAddress(trade.receiver.province, trade.receiver.city, trade.receiver.district)
        let divisionCode: String? =
            if case .valid(let code) = address { code } else { nil }
        let serving = snapshot.warehouseIDs(serving: divisionCode)
        var lineSKUs: [Int64?] = []
        var lines: [LineFacts] = []
        var available: [String: Int64] = [:]
        for line in trade.lines {
            let entry = snapshot.catalog.entry(forMerchantCode: line.merchantCode)
            lineSKUs.append(entry?.id)
            let components = (entry?.parts ?? []).map { part in
                ComboComponent(
                    skuCode: snapshot.catalog.codeByID[part.skuID] ?? "",
                    quantity: part.quantity * line.quantity
                )
            }
            for part in entry?.parts ?? [] {
                available[snapshot.catalog.codeByID[part.skuID] ?? ""] = snapshot.available(
                    skuID: part.skuID,
                    in: serving
                )
            }
            lines.append(
                LineFacts(
                    lineNumber: Int(line.lineNo),
                    merchantCode: line.merchantCode,
                    quantity: line.quantity,
                    netAmount: line.net,
                    components: components,
                    cost: entry.flatMap { cost(of: $0, quantity: line.quantity) },
                    listPrice: entry?.listPrice
                )
            )
        }
        let facts = ReviewFacts(
            lines: lines,
            available: available,
            address: address,
            paidAmount: trade.paid,
            phone: trade.receiver.phone,
            buyerNote: trade.buyerNote,
            sellerMemo: trade.sellerMemo,
            hasRefundInProgress: trade.hasRefundInProgress,
            isPaid: trade.paidAt != nil,
            servingWarehouses: serving.count
        )
        return (facts, lineSKUs, divisionCode)
    }

    /// What `quantity` units of the entry cost at moving average; nil when any component has no cost yet.
    private func cost(of entry: CatalogEntry, quantity: Int64) -> Money? {
        var total: Money?
        for part in entry.parts {
            guard let partCost = snapshot.cost(skuID: part.skuID, quantity: part.quantity * quantity) else {
                return nil
            }
            guard let sum = total else {
                total = partCost
                continue
            }
            let (fen, overflow) = sum.fen.addingReportingOverflow(partCost.fen)
            guard !overflow else { return nil }
            total = Money(fen: fen, currency: sum.currency)
        }
        return total
    }
}
