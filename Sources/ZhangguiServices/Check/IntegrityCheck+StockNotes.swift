import ZhangguiCore
import ZhangguiStore

extension IntegrityCheck {
    /// Every stock document moved exactly what its lines say through the ledger (in for a receipt, out for an
    /// issue), its total is its lines' sum, its voucher carries that total (or it has none when the goods were
    /// worth nothing), and no receipt or issue in the ledger lacks its document.
    func compareStockNotes(_ queries: IntegrityQueries, companyID: Int64, into report: inout IntegrityReport) throws {
        var ledger = try queries.stockNoteLedger(companyID: companyID)
        for note in try queries.stockNoteTotals(companyID: companyID) {
            let sign: Int64 = note.document.hasPrefix("issue:") ? -1 : 1
            let moved = ledger.removeValue(forKey: note.document) ?? (0, 0)
            if moved.quantity != sign * note.lineQuantity || moved.value != sign * note.lineValueFen {
                report.differences.append(
                    "stock document \(note.document): its lines move \(note.lineQuantity) units worth "
                        + "\(Money(fen: note.lineValueFen).decimalText), the ledger \(abs(moved.quantity)) "
                        + "worth \(Money(fen: abs(moved.value)).decimalText)"
                )
            }
            if note.totalFen != note.lineValueFen {
                report.differences.append(
                    "stock document \(note.document): total \(Money(fen: note.totalFen).decimalText), lines add up "
                        + "to \(Money(fen: note.lineValueFen).decimalText)"
                )
            }
            if (note.voucherDebitFen ?? 0) != note.totalFen {
                report.differences.append(
                    "stock document \(note.document): worth \(Money(fen: note.totalFen).decimalText), its voucher "
                        + "carries \(Money(fen: note.voucherDebitFen ?? 0).decimalText)"
                )
            }
        }
        for document in ledger.keys.sorted() {
            report.differences.append("stock ledger entries for \(document) have no stock document")
        }
    }
}
