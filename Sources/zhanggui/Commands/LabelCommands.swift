import Foundation
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// Shipping labels and picking lists as PDF files.
enum LabelCommands {
    static let labels = Command(
        name: "labels",
        summary: "print the labels of waybilled parcels as one PDF, or print a batch or waybills again",
        help: """
            Usage: zhanggui labels --out FILE.pdf [--batch N | --waybill NUMBER ...] [--size WxH] [--picklist FILE]

            Without --batch or --waybill, prints a new batch (打印批次): one label per waybilled parcel whose label
            was never printed, in pick order (bin location, then SKU), numbered 1, 2, … per company. With them,
            prints labels again: each reprint is recorded with its time in the audit log, and the waybill numbers
            stay the same. Labels are recorded as printed only when FILE was written.

              --out FILE       the PDF to write (replaced if it exists)
              --batch N        print batch N again
              --waybill NUMBER print this waybill's label again (repeat for several)
              --size WxH       one size for every label: 76x130, 100x150 or 100x180 (default: each courier's size)
              --picklist FILE  also write the batch's picking list (拣货单)
            """,
        options: ["out", "batch", "waybill", "size", "picklist"],
        repeatable: ["waybill"]
    ) { arguments in
        let selection = try selection(arguments)
        let out = try outputPath(arguments, "out")
        let picklist = try arguments.option("picklist").map { _ in try outputPath(arguments, "picklist") }
        let size = try arguments.option("size").map { text in
            guard let size = LabelSize(text) else {
                throw UsageError("--size '\(text)' is not one of 76x130, 100x150, 100x180")
            }
            return size
        }
        let (database, companyID) = try Workspace(arguments).openCompany()
        let service = LabelService(database: database, renderer: PDFLabelRenderer())
        let clock = Stopwatch()
        let printed = try OutputFile(out).write { deliver in
            try service.print(
                selection,
                companyID: companyID,
                actor: AuditActor(companyID: companyID, userID: nil),
                size: size
            ) {
                try deliver($0)
            }
        }
        let what = printed.isReprint ? "printed again" : "batch \(printed.batchNumber ?? 0)"
        Output.line(
            "\(what): \(Output.count(printed.waybills.count, "label", "labels")), "
                + "\(Output.count(printed.pdf.count)) bytes → \(out) "
                + "(\(String(format: "%.2f", clock.seconds)) s)"
        )
        if let picklist {
            let listed = printed.isReprint ? selection : .batch(printed.batchNumber ?? 0)
            let title = printed.batchNumber.map { "批次 \($0)" } ?? "补打"
            let pdf = try service.renderPickList(listed, companyID: companyID, title: title)
            try OutputFile(picklist).write { deliver in try deliver(pdf) }
            Output.line("picking list (\(title)) → \(picklist)")
        }
        return 0
    }

    static let picklist = Command(
        name: "picklist",
        summary: "write the picking list (拣货单) of a print batch, or of the parcels waiting for labels",
        help: """
            Usage: zhanggui picklist --out FILE.pdf [--batch N]

            Writes a picking list: per warehouse, each SKU to pick in walking order (bin location, then SKU code),
            with its total and the orders it goes to. Without --batch, for the waybilled parcels whose labels are
            not printed yet; with it, for print batch N. Records nothing.

              --out FILE   the PDF to write (replaced if it exists)
              --batch N    the print batch
            """,
        options: ["out", "batch"]
    ) { arguments in
        let selection = try selection(arguments)
        let out = try outputPath(arguments, "out")
        let (database, companyID) = try Workspace(arguments).openCompany()
        let service = LabelService(database: database, renderer: PDFLabelRenderer())
        let title = if case .batch(let number) = selection { "批次 \(number)" } else { "待打印" }
        let list = try service.pickList(selection, companyID: companyID)
        let pdf = try service.renderPickList(selection, companyID: companyID, title: title)
        try OutputFile(out).write { deliver in try deliver(pdf) }
        Output.line(
            "picking list: \(Output.count(list.orderCount)) orders, \(Output.count(list.units)) units → \(out)"
        )
        return 0
    }

    private static func selection(_ arguments: Arguments) throws -> LabelSelection {
        let waybills = arguments.options("waybill")
        if let batch = arguments.option("batch") {
            guard waybills.isEmpty else { throw UsageError("give --batch or --waybill, not both") }
            guard let number = Int64(batch), number > 0 else {
                throw UsageError("--batch '\(batch)' is not a batch number (1, 2, …)")
            }
            return .batch(number)
        }
        return waybills.isEmpty ? .unprinted : .waybills(waybills)
    }

    private static func outputPath(_ arguments: Arguments, _ name: String) throws -> String {
        guard let path = arguments.option(name), !path.isEmpty else {
            throw UsageError("--\(name) FILE is required")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw UsageError("--\(name) \(path) is a folder")
        }
        return path
    }
}

/// A file written whole or not at all: the bytes go to a temporary file next to it, which replaces the file once
/// the work that produced them has succeeded.
struct OutputFile {
    let path: String

    init(_ path: String) {
        self.path = path
    }

    /// Runs `work`, which hands the bytes to its `deliver` argument; the file appears when `work` returns.
    func write<Result>(_ work: (_ deliver: ([UInt8]) throws -> Void) throws -> Result) throws -> Result {
        let temporary = path + ".part"
        do {
            let result = try work { bytes in
                guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
                    throw Refusal("cannot write \(path)")
                }
            }
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
            return result
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
