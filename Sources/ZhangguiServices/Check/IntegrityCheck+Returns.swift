import ZhangguiCore
import ZhangguiStore

extension IntegrityCheck {
    /// Every return in the stock ledger belongs to an after-sales case that received goods, brought some in, and
    /// is worth what the case's voucher put into inventory; every case that received goods has its entries.
    func compareReturns(
        _ queries: IntegrityQueries,
        context: CompanyContext,
        into report: inout IntegrityReport
    ) throws {
        var ledger = try queries.returnLedger(companyID: context.id)
        let cases = try queries.receivedReturns(
            companyID: context.id,
            inventoryAccount: context.account(.inventory)
        )
        for (document, inventoryFen) in cases.sorted(by: { $0.key < $1.key }) {
            guard let moved = ledger.removeValue(forKey: document) else {
                report.differences.append("\(document) received goods the stock ledger does not have")
                continue
            }
            if moved.quantity <= 0 || moved.value != inventoryFen {
                report.differences.append(
                    "\(document): the ledger brought \(moved.quantity) units worth "
                        + "\(Money(fen: moved.value).decimalText) back, its voucher "
                        + "\(Money(fen: inventoryFen).decimalText) into inventory"
                )
            }
        }
        for document in ledger.keys.sorted() {
            report.differences.append("stock ledger returns for \(document) have no received after-sales case")
        }
    }
}
