import Foundation
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// `zhanggui stock receive` and `zhanggui stock issue`: stock documents from the command line, reached through the
/// `stock` command.
enum StockNoteCommands {
    /// The words after `stock` that name a document instead of a SKU.
    static let actions: [String: StockNoteKind] = ["receive": .receipt, "issue": .issue]

    static let help = """
        Usage: zhanggui stock [SKU] [--ledger] [--limit N]
               zhanggui stock receive --warehouse CODE [--reason purchase|other] [--reference TEXT] [--memo TEXT]
                                      SKU:QUANTITY:UNIT_COST...
               zhanggui stock issue --warehouse CODE --reason damaged|sample|internalUse|other
                                    [--reference TEXT] [--memo TEXT] SKU:QUANTITY...

        Shows on hand, reserved, frozen and available per warehouse, for one SKU (商家编码) or all, at most N
        rows (default 100). With --ledger and a SKU, lists the ledger entries behind the numbers, oldest first.

        receive posts a 入库单: goods come into the warehouse at UNIT_COST yuan each (VAT excluded), which joins
        the SKU's moving-average cost. --reason purchase (default; 采购入库 without an order, booked Dr 1405 库存
        商品 / Cr 2202 应付账款) or other (其他入库, Cr 1901 待处理财产损溢).
        issue posts a 出库单: goods leave at moving-average cost, for --reason damaged (报损, Dr 5711 营业外支出),
        sample (样品, Dr 5601 销售费用), internalUse (领用, Dr 5602 管理费用) or other (其他出库, Dr 1901);
        enterprise-standard companies use 6711, 6601, 6602. An issue wanting more than is available (on hand −
        reserved − frozen) is refused, naming SKU, warehouse, wanted and available.
        Each document is numbered (RK-000001, CK-000001), posted whole with its voucher, or not at all.
        Example: zhanggui stock receive --warehouse MAIN --reference 送货单88 A-001:200:10.95 B-002:5:3.10
        """

    /// Runs `stock receive|issue` with the lines in `arguments.positional[1...]`.
    static func run(_ kind: StockNoteKind, _ arguments: Arguments) throws -> Int32 {
        let draft = try draft(kind, arguments)
        let (database, companyID) = try Workspace(arguments).openCompany()
        let actor = AuditActor(companyID: companyID, userID: nil, requestID: "cli")
        let note: StockNoteRecord
        do {
            note = try StockNoteService(database: database).post(
                draft,
                companyID: companyID,
                actor: actor,
                now: Int64(Date().timeIntervalSince1970)
            )
        } catch let error as StockNoteError {
            throw Refusal(describe(error, arguments: Array(arguments.positional.dropFirst())))
        }
        print(note)
        return 0
    }

    /// The document the options and lines describe.
    /// - Throws: ``UsageError`` for a missing or repeated option, an unknown reason, or a malformed line.
    static func draft(_ kind: StockNoteKind, _ arguments: Arguments) throws(UsageError) -> StockNoteDraft {
        if arguments.flag("ledger") { throw UsageError("--ledger shows a SKU's ledger, not a document") }
        if arguments.option("limit") != nil { throw UsageError("--limit is for listing stock, not a document") }
        let warehouses = arguments.options("warehouse")
        guard warehouses.count == 1, let warehouse = warehouses.first else {
            throw UsageError("stock \(StockNoteLines.verb(kind)) needs --warehouse CODE, once")
        }
        let reasonText = arguments.option("reason") ?? (kind == .receipt ? "purchase" : "")
        let allowed = kind.reasons.map(\.rawValue).joined(separator: ", ")
        guard !reasonText.isEmpty else { throw UsageError("stock issue needs --reason (\(allowed))") }
        guard let reason = StockNoteReason(rawValue: reasonText), kind.reasons.contains(reason) else {
            throw UsageError("--reason '\(Output.printable(reasonText))' is not one of \(allowed)")
        }
        return StockNoteDraft(
            kind: kind,
            reason: reason,
            reference: arguments.option("reference") ?? "",
            memo: arguments.option("memo") ?? "",
            lines: try StockNoteLines.parse(Array(arguments.positional.dropFirst()), kind: kind, warehouse: warehouse)
        )
    }

    /// A refusal in the command line's terms: the line as typed (counted from 1) instead of `lines[i]`.
    static func describe(_ error: StockNoteError, arguments: [String]) -> String {
        guard let line = error.line, line < arguments.count else { return error.description }
        let typed = "line \(line + 1) '\(Output.printable(arguments[line]))'"
        if error.code == .insufficientStock { return "\(error.description) (\(typed))" }
        return "\(typed), \(error.field): \(error.detail)"
    }

    private static func print(_ note: StockNoteRecord) {
        let units = note.lines.reduce(0) { $0 + $1.quantity }
        let voucher = note.voucher.map { ", voucher \($0)" } ?? ", no voucher (worth nothing)"
        Output.line(
            "\(note.kind.chineseName) \(note.number) (\(note.reason.chineseName(for: note.kind))) posted: "
                + "\(note.lines.count) line\(note.lines.count == 1 ? "" : "s"), \(Output.count(units)) units, "
                + "\(Output.yuan(note.total.fen)) yuan\(voucher)"
        )
        var table = [["仓库", "商家编码", "数量", "单价", "金额"]]
        for line in note.lines {
            table.append([
                line.warehouseCode, line.skuCode, String(line.quantity),
                line.unitCost.map { Output.yuan($0.fen) } ?? "",
                Output.yuan(line.value.fen),
            ])
        }
        Output.table(table)
    }
}
