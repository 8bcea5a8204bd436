import Foundation
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

enum BenchCommand {
    static let command = Command(
        name: "bench",
        summary: "measure the main job: synthetic orders, or the full UCI year",
        help: """
            Usage: zhanggui bench [--orders N] [--uci-year] [--dir DIR]

            Runs import → review → allocate → waybill → ship → check on a fresh embedded database and prints the
            seconds and items per second of each step, orders per second end to end, and peak memory.

              --orders N   N synthetic two-line orders in the order template (default 20000)
              --uci-year   instead, the whole UCI Online Retail data set: 13 monthly files, 541,909 lines
              --dir DIR    where to put the database (default a fresh folder under out/)
            Build with `swift build -c release` (make bench does) for figures worth quoting.
            """,
        flags: ["uci-year"],
        options: ["orders", "dir"]
    ) { arguments in
        let workspace = Workspace(arguments)
        let directory = try DemoCommand.freshDirectory(
            arguments.option("dir") ?? "out/bench-\(UUID().uuidString.prefix(8))"
        )
        let database = try SQLiteDatabase(path: directory + "/bench.sqlite")
        try Migrator.migrate(database)
        let companyID = try MainJob.createCompany(in: database, name: "基准测试")
        let job = MainJob(database: database, companyID: companyID, addressBook: try workspace.addressBook())
        let total = Stopwatch()
        let orders: Int
        if arguments.flag("uci-year") {
            orders = try uciYear(job, workspace: workspace, directory: directory)
        } else {
            orders = try synthetic(job, count: try arguments.integer("orders", default: 20_000), directory: directory)
        }
        let (reviewed, _, _, shipped) = try job.fulfil()
        let check = try job.check()
        let seconds = total.seconds
        job.printTimings()
        let steps = job.timings.filter { !$0.step.hasPrefix("derive") && $0.step != "check" }
        let mainJobSeconds = steps.reduce(0) { $0 + $1.seconds }
        Output.line(
            "orders \(Output.count(orders)): approved \(Output.count(reviewed.approved)), held "
                + "\(Output.count(reviewed.held)), shipped \(Output.count(shipped.trades))"
        )
        Output.line(
            String(
                format:
                    "end to end (import → ship): %.2f s, %.0f orders/s; with setup and check %.2f s; "
                    + "peak memory %.0f MiB",
                mainJobSeconds,
                Double(orders) / mainJobSeconds,
                seconds,
                Stopwatch.peakMemoryMiB()
            )
        )
        BooksCommands.printCheck(check)
        return check.isClean ? 0 : 1
    }

    /// Writes and imports a catalogue of 1,000 SKUs with ample stock, then `count` two-line orders.
    private static func synthetic(_ job: MainJob, count: Int, directory: String) throws -> Int {
        var products = CSVWriter(header: ["商家编码", "商品名称", "吊牌价"])
        var stock = CSVWriter(header: ["仓库", "商家编码", "数量", "单位成本"])
        for index in 0..<1000 {
            let code = String(format: "SKU-%04d", index)
            products.append([code, "基准商品\(index)", "100.00"])
            stock.append(["GZ", code, "1000000", "40.00"])
        }
        try products.write(to: directory + "/products.csv")
        try stock.write(to: directory + "/stock.csv")
        _ = try job.importFile(.products, path: directory + "/products.csv", step: "import products")
        _ = try job.importFile(.openingStock, path: directory + "/stock.csv", step: "import stock")
        let places = job.places
        var orders = CSVWriter(header: OrderTemplateColumns.all)
        for index in 0..<count {
            let place = places[index * 7919 % places.count]
            let header = [
                "B\(index)", "BENCH", "2024-06-18 20:15:00", "2024-06-18 20:16:00", "示例买家\(index)",
                "138\(String(format: "%08d", index))", place.province, place.city, place.district, "示例路\(index % 300)号",
            ]
            for line in 0..<2 {
                let code = String(format: "SKU-%04d", (index * 2 + line) % 1000)
                orders.append(header + [code, String(1 + line), "99.00", line == 0 ? "5.00" : "", "8.00", "", ""])
            }
        }
        try orders.write(to: directory + "/orders.csv")
        let report = try job.importFile(.orders, path: directory + "/orders.csv", step: "import orders")
        return report.imported
    }

    /// Derives the catalogue from all thirteen UCI files and imports every month.
    private static func uciYear(_ job: MainJob, workspace: Workspace, directory: String) throws -> Int {
        let folder = workspace.dataDirectory + "/orders/uci_online_retail"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".csv.gz") }.sorted().map { folder + "/" + $0 }
        guard files.count == 13 else {
            throw UsageError("expected 13 monthly files in \(folder), found \(files.count)")
        }
        let catalog = try job.time("derive catalogue", counting: \.products.count) {
            try DemoCatalog(invoiceFiles: files)
        }
        try catalog.writeProducts(to: directory + "/products.csv")
        try catalog.writeOpeningStock(to: directory + "/opening_stock.csv", main: "GZ", second: "SH", forward: "BJ")
        _ = try job.importFile(.products, path: directory + "/products.csv", step: "import products")
        _ = try job.importFile(.openingStock, path: directory + "/opening_stock.csv", step: "import stock")
        var orders = 0
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            orders += try job.importFile(.orders, path: file, step: "import \(name)").imported
        }
        return orders
    }
}

/// The columns of the order import template, in order.
enum OrderTemplateColumns {
    static let all = [
        "订单编号", "店铺", "下单时间", "付款时间", "收货人", "手机", "省", "市", "区", "详细地址", "商家编码", "数量", "单价", "优惠", "运费",
        "买家留言", "卖家备注",
    ]
}
