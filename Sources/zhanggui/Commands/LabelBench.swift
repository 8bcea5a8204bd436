import Foundation
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// `zhanggui bench --labels N`: how fast a batch of N labels is assembled from the database and rendered to PDF.
enum LabelBench {
    static let runs = 5

    static func run(_ arguments: Arguments) throws -> Int32 {
        if arguments.option("orders") != nil || arguments.flag("uci-year") {
            throw UsageError("give --labels N alone, without --orders or --uci-year")
        }
        let count = try arguments.integer("labels", default: 1000)
        guard count > 0 else { throw UsageError("--labels N needs at least one label") }
        let folder = try FreshFolder(
            arguments.option("dir"),
            default: "out/bench-labels-\(UUID().uuidString.prefix(8))"
        )
        let addressBook = try Workspace(arguments).addressBook()
        try folder.create()
        let database = try SQLiteDatabase(path: folder.path + "/bench.sqlite")
        Output.line("bench database: \(folder.path)/bench.sqlite")
        try Migrator.migrate(database)
        let companyID = try MainJob.createCompany(in: database, name: "基准测试")
        let job = MainJob(database: database, companyID: companyID, addressBook: addressBook)
        _ = try BenchCommand.synthetic(job, count: count, directory: folder.path)
        try prepare(job)
        let service = LabelService(database: database, renderer: PDFLabelRenderer())
        return try measure(service, companyID: companyID, expected: count, folder: folder.path)
    }

    /// Waybills every order, gives each warehouse a sender and each SKU a bin location in 华南仓.
    private static func prepare(_ job: MainJob) throws {
        let review = ReviewService(database: job.database, checkAddress: job.addressBook.checker)
        _ = try review.reviewPending(companyID: job.companyID)
        _ = try AllocationService(database: job.database).allocateApproved(companyID: job.companyID)
        _ = try WaybillService(database: job.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: job.companyID)
        let sender = Sender(
            name: "基准仓发货",
            phone: "020-55550000",
            province: "广东省",
            city: "广州市",
            district: "白云区",
            address: "示例物流园3号库"
        )
        try job.database.write { connection in
            let records = LabelRecords(connection)
            for (id, _) in try CompanyRecords(connection).warehouses(companyID: job.companyID) {
                try records.setSender(sender, warehouseID: id, companyID: job.companyID)
            }
            let catalog = try CatalogRecords(connection).index(companyID: job.companyID, currency: .cny)
            let warehouses = try CompanyRecords(connection).warehouses(companyID: job.companyID)
            guard let gz = warehouses.first(where: { $0.warehouse.code == "GZ" })?.id else { return }
            for (id, code) in catalog.codeByID {
                let number = Int(code.dropFirst(4)) ?? 0
                let location = BinLocation(String(format: "%c-%02d-%02d", 65 + number % 5, number / 50, number % 50))
                try records.setLocation(location, skuID: id, warehouseID: gz, companyID: job.companyID)
            }
        }
    }

    private static func measure(_ service: LabelService, companyID: Int64, expected: Int, folder: String) throws
        -> Int32
    {
        var assembly: [Double] = []
        var rendering: [Double] = []
        var size = 0
        var labelCount = 0
        for _ in 0..<runs {
            let assembling = Stopwatch()
            let labels = try service.labels(.unprinted, companyID: companyID)
            assembly.append(assembling.seconds)
            let rendered = Stopwatch()
            let pdf = try PDFLabelRenderer().render(labels: labels)
            rendering.append(rendered.seconds)
            size = pdf.count
            labelCount = labels.count
        }
        let printing = Stopwatch()
        let printed = try OutputFile(folder + "/labels.pdf").write { deliver in
            try service.print(.unprinted, companyID: companyID, actor: AuditActor(companyID: companyID, userID: nil)) {
                try deliver($0)
            }
        }
        let printSeconds = printing.seconds
        let (assemble, render) = (median(assembly), median(rendering))
        Output.line("labels: \(Output.count(labelCount)) in one PDF, \(runs) runs (medians)")
        Output.line("  assemble from the database  \(seconds(assemble))  \(rate(labelCount, assemble)) labels/s")
        Output.line("  render the PDF              \(seconds(render))  \(rate(labelCount, render)) labels/s")
        Output.line(
            "  assemble + render           \(seconds(assemble + render))  \(rate(labelCount, assemble + render)) labels/s"
        )
        Output.line(
            "  PDF \(Output.count(size)) bytes, \(Output.count(size / max(1, labelCount))) bytes per label; "
                + "first print with its record: \(seconds(printSeconds)) → \(folder)/labels.pdf "
                + "(batch \(printed.batchNumber ?? 0))"
        )
        Output.line("peak memory \(String(format: "%.0f", Stopwatch.peakMemoryMiB())) MiB")
        guard labelCount == expected else {
            Output.error("bench: \(labelCount) labels for \(expected) orders; the figures are not comparable")
            return 1
        }
        return 0
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    private static func seconds(_ value: Double) -> String { String(format: "%6.3f s", value) }

    private static func rate(_ count: Int, _ seconds: Double) -> String {
        Output.count(seconds > 0 ? Int(Double(count) / seconds) : 0)
    }
}
