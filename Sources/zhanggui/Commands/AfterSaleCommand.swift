import Foundation
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// `zhanggui after-sale`: the after-sales cases customer service works.
enum AfterSaleCommand {
    static let command = Command(
        name: "after-sale",
        summary: "after-sales cases (售后): refund only, return and refund, exchange, reship",
        help: """
            Usage: zhanggui after-sale list [--state STATE]
                   zhanggui after-sale open ORDER KIND [LINE[:UNITS]...] [--refund AMOUNT] [--reason TEXT]
                                        [--shop CODE]
                   zhanggui after-sale from-platform
                   zhanggui after-sale ID
                   zhanggui after-sale ACTION ID
                   zhanggui after-sale receive ID [LINE:defective|sellable...]

            list           the cases, newest first; --state requested, agreed, awaitingReturn, received, refunded,
                           reshipped, closed, refused or cancelled.
            open           opens a case on a shipped order. KIND is refundOnly (仅退款), returnAndRefund (退货退款),
                           exchange (换货) or reship (补发). LINE is a line number as `zhanggui order ORDER` shows
                           it, LINE:UNITS part of it; none names every line, whole. --refund is what goes back
                           (VAT included; default what the lines sold for, for refunds).
            from-platform  opens a case for each platform request that arrived after its order shipped.
            ID             one case, with the moves allowed from its state.
            ACTION         agree, awaitReturn, refund (books the reversal of revenue and output VAT), reship (makes
                           the replacement order), close, refuse or cancel. A move the case's kind and state do not
                           allow is refused naming the state; nothing changes then (exit status 1).
            receive        the returned goods come back into the warehouse they left from, at the cost they left
                           with; lines named :defective are held back from sale (frozen), the others are sellable.
            """,
        options: ["state", "refund", "reason", "shop"],
        positionals: 1...Int.max
    ) { arguments in
        let words = arguments.positional
        let (database, companyID) = try Workspace(arguments).openCompany()
        let service = AfterSaleService(database: database)
        let audit = AuditContext(
            actor: AuditActor(companyID: companyID, userID: nil, requestID: "cli"),
            at: Int64(Date().timeIntervalSince1970)
        )
        do {
            switch words[0] {
            case "list":
                let state = try arguments.option("state").map { text in
                    guard let state = AfterSaleState(rawValue: text) else { throw UsageError("no state '\(text)'") }
                    return state
                }
                let cases = try service.cases(companyID: companyID, state: state, limit: 1000)
                Output.table(try cases.map { try row($0, database, companyID) })
            case "open":
                try open(words, arguments, service, database, companyID, audit)
            case "from-platform":
                let ids = try service.openFromPlatform(companyID: companyID, audit: audit)
                Output.line(
                    "\(ids.count) cases opened"
                        + (ids.isEmpty ? "" : ": " + ids.map(String.init).joined(separator: ", "))
                )
            case "receive":
                let id = try caseID(words, at: 1)
                guard let found = try service.find(id, companyID: companyID) else { throw Refusal("no case \(id)") }
                let covered = Set(found.lines.map(\.lineID))
                let lines = try tradeLines(found.tradeID, database, companyID).filter { covered.contains($0.id) }
                let conditions = try Dictionary(words.dropFirst(2).map { try condition($0, lines: lines) }) { _, _ in
                    throw UsageError("a line is named twice; give each line one condition (LINE:defective|sellable)")
                }
                let received = try service.receiveReturn(
                    caseID: id,
                    conditions: conditions,
                    companyID: companyID,
                    audit: audit
                )
                try show(received, database, companyID)
            default:
                if let action = AfterSaleAction(rawValue: words[0]) {
                    let moved = try service.perform(
                        action,
                        caseID: try caseID(words, at: 1),
                        companyID: companyID,
                        audit: audit
                    )
                    try show(moved, database, companyID)
                } else {
                    let id = try caseID(words, at: 0)
                    guard let found = try service.find(id, companyID: companyID) else { throw Refusal("no case \(id)") }
                    try show(found, database, companyID)
                }
            }
            return 0
        } catch let error as AfterSaleError {
            Output.error("zhanggui after-sale: \(error.detail)")
            return 1
        }
    }

    private static func open(
        _ words: [String],
        _ arguments: Arguments,
        _ service: AfterSaleService,
        _ database: any Database,
        _ companyID: Int64,
        _ audit: AuditContext
    ) throws {
        guard words.count >= 3 else { throw UsageError("after-sale open takes ORDER KIND [LINE[:UNITS]...]") }
        guard let kind = AfterSaleKind(rawValue: words[2]) else {
            throw UsageError("KIND is refundOnly, returnAndRefund, exchange or reship, not '\(words[2])'")
        }
        let tradeID = try OrderLookup.tradeID(
            order: words[1],
            shop: arguments.option("shop"),
            database: database,
            companyID: companyID,
            allowingPartSuffix: true
        )
        let lines = try tradeLines(tradeID, database, companyID)
        let wanted = try words.dropFirst(3).map { word in
            let parts = word.split(separator: ":", omittingEmptySubsequences: false)
            guard let number = Int64(parts[0]), let line = lines.first(where: { $0.lineNo == number }) else {
                throw UsageError("'\(word)': no line \(parts[0]) on order \(words[1])")
            }
            guard parts.count == 1 || (parts.count == 2 && Int64(parts[1]) != nil) else {
                throw UsageError("'\(word)': LINE or LINE:UNITS")
            }
            return (lineID: line.id, quantity: parts.count == 2 ? Int64(parts[1])! : line.quantity)
        }
        let refund = try arguments.option("refund").map { text in
            do { return try Money.parse(text) } catch { throw UsageError("--refund '\(text)' is not an amount") }
        }
        let draft = AfterSaleDraft(
            tradeID: tradeID,
            kind: kind,
            lines: wanted,
            refund: refund,
            reason: arguments.option("reason") ?? ""
        )
        try show(try service.open(draft, companyID: companyID, audit: audit), database, companyID)
    }

    private static func caseID(_ words: [String], at index: Int) throws -> Int64 {
        guard index < words.count, let id = Int64(words[index]), id > 0 else {
            throw UsageError("a case ID is a whole number; run zhanggui after-sale --help")
        }
        return id
    }

    private static func condition(_ word: String, lines: [StoredLine]) throws -> (Int64, ReturnCondition) {
        let parts = word.split(separator: ":")
        guard parts.count == 2, let number = Int64(parts[0]),
            let condition = ReturnCondition(rawValue: String(parts[1]))
        else { throw UsageError("'\(word)': LINE:defective or LINE:sellable") }
        guard let line = lines.first(where: { $0.lineNo == number }) else {
            let covered = lines.map { String($0.lineNo) }.sorted().joined(separator: ", ")
            throw UsageError("'\(word)': line \(number) is not in this case; it covers line \(covered)")
        }
        return (line.id, condition)
    }

    private static func tradeLines(_ id: Int64, _ database: any Database, _ companyID: Int64) throws -> [StoredLine] {
        try trade(id, database, companyID)?.lines ?? []
    }

    private static func trade(_ id: Int64, _ database: any Database, _ companyID: Int64) throws -> StoredTrade? {
        try database.read { try TradeRecords($0, currency: .cny).trade(id: id, companyID: companyID) }
    }

    /// The order number the clerk knows (the platform's), or the internal id when the order is gone.
    private static func orderNumber(_ id: Int64, _ database: any Database, _ companyID: Int64) throws -> String {
        try trade(id, database, companyID).map { Output.printable($0.platformOrderID) } ?? "#\(id)"
    }

    private static func row(_ record: AfterSaleCaseRecord, _ database: any Database, _ companyID: Int64) throws
        -> [String]
    {
        [
            String(record.id), try orderNumber(record.tradeID, database, companyID), record.kind.chineseName,
            record.state.chineseName, Output.yuan(record.refund.fen), Output.printable(record.reason),
        ]
    }

    /// The case with its order, lines and replacement named as `zhanggui order` shows them.
    private static func show(_ record: AfterSaleCaseRecord, _ database: any Database, _ companyID: Int64) throws {
        let order = try trade(record.tradeID, database, companyID)
        let orderName = order.map { Output.printable($0.platformOrderID) } ?? "#\(record.tradeID)"
        Output.line(
            "case \(record.id) on order \(orderName): \(record.kind.rawValue) \(record.kind.chineseName), "
                + "\(record.state.rawValue) \(record.state.chineseName), refund \(Output.yuan(record.refund.fen))"
        )
        for line in record.lines {
            let name = order?.lines.first(where: { $0.id == line.lineID }).map {
                "line \($0.lineNo) (\(Output.printable($0.merchantCode)))"
            }
            Output.line(
                "  \(name ?? "line id \(line.lineID)") × \(line.quantity)"
                    + (line.condition.map { " \($0.rawValue)" } ?? "")
            )
        }
        if let replacement = record.replacementTradeID {
            Output.line("  replacement order \(try orderNumber(replacement, database, companyID))")
        }
        let actions = AfterSaleWorkflow.actions(from: record.state, kind: record.kind).map(\.rawValue)
        Output.line("  next: " + (actions.isEmpty ? "nothing (finished)" : actions.joined(separator: ", ")))
    }
}
