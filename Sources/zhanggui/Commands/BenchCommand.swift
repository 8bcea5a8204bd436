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
            Usage: zhanggui bench [--orders N] [--uci-year] [--labels N] [--dir DIR] [--db postgres://…]

            Runs import → review → allocate → waybill → ship → check on a fresh embedded database and prints the
            seconds and items per second of each step, orders per second end to end, and peak memory.

              --orders N   N synthetic two-line orders in the order template (default 20000)
              --uci-year   instead, the whole UCI Online Retail data set: 13 monthly files, 541,909 lines
              --labels N   instead, label printing: N synthetic orders waybilled, then their N labels assembled and
                           rendered to one PDF five times; prints the medians, labels per second and the PDF's size
              --dir DIR    folder for the database and generated files, must not exist yet (default a new folder
                           under out/); the run prints where its database is
              --db URL     run on this PostgreSQL database instead, which must be empty (no company); the
                           generated files still go to DIR. scripts/bench-engines.sh compares both engines
            Build with `swift build -c release` (make bench does) for figures worth quoting.
            """,
        flags: ["uci-year"],
        options: ["orders", "dir", "db", "labels"],
        common: ["data"]
    ) { arguments in
        if arguments.option("labels") != nil { return try LabelBench.run(arguments) }
        let isUCIYear = arguments.flag("uci-year")
        if isUCIYear, arguments.option("orders") != nil { throw UsageError("give --orders N or --uci-year, not both") }
        let count = try arguments.integer("orders", default: 20_000)
        let postgres = try postgresLocation(arguments)
        let folder = try FreshFolder(arguments.option("dir"), default: "out/bench-\(UUID().uuidString.prefix(8))")
        let workspace = Workspace(arguments)
        let uciFiles = isUCIYear ? try uciYearFiles(workspace: workspace) : []
        let addressBook = try workspace.addressBook()
        try folder.create()
        let directory = folder.path
        let database = try openEmpty(postgres ?? .sqlite(path: directory + "/bench.sqlite"))
        let companyID = try MainJob.createCompany(in: database, name: "基准测试")
        let job = MainJob(database: database, companyID: companyID, addressBook: addressBook)
        let total = Stopwatch()
        let orders =
            isUCIYear
            ? try uciYear(job, files: uciFiles, directory: directory)
            : try synthetic(job, count: count, directory: directory)
        let (reviewed, _, _, shipped) = try job.fulfil()
        let check = try job.check()
        let seconds = total.seconds
        job.printTimings()
        Output.line(
            "orders \(Output.count(orders)): approved \(Output.count(reviewed.approved)), held "
                + "\(Output.count(reviewed.held)), shipped \(Output.count(shipped.trades))"
        )
        printThroughput(job, orders: orders, totalSeconds: seconds)
        BooksCommands.printCheck(check)
        // The synthetic catalogue has ample stock and clean orders: all of them must ship, or the figures above
        // measured less work than they claim.
        if !arguments.flag("uci-year"), shipped.trades != orders {
            Output.error(
                "bench: only \(shipped.trades) of \(orders) synthetic orders shipped; the figures are not comparable"
            )
            return 1
        }
        return check.isClean ? 0 : 1
    }

    /// The PostgreSQL database `--db` names, nil without the option.
    /// - Throws: ``UsageError`` when `--db` is not a `postgres://` URL.
    private static func postgresLocation(_ arguments: Arguments) throws -> DatabaseLocation? {
        guard let setting = arguments.option("db") else { return nil }
        let location = DatabaseLocation(setting)
        guard case .postgres = location else {
            throw UsageError("--db takes a postgres:// URL; without it bench makes its own SQLite file")
        }
        return location
    }

    /// Opens the database at `location`, brings its schema up to date, and refuses one that holds a company.
    private static func openEmpty(_ location: DatabaseLocation) throws -> any Database {
        let database: any Database
        do {
            database = try location.open()
            try Migrator.migrate(database)
        } catch let error as DatabaseError {
            throw Refusal("cannot open database \(location.displayName): \(error.message)")
        }
        guard try database.read({ try CompanyRecords($0).firstCompanyID() }) == nil else {
            throw Refusal("bench needs an empty database; \(location.displayName) has a company already")
        }
        Output.line("bench database: \(location.displayName) (\(database.dialect.rawValue))")
        return database
    }

    /// Orders per second over the main job's steps (import to ship), the whole run's time, and peak memory.
    private static func printThroughput(_ job: MainJob, orders: Int, totalSeconds: Double) {
        let steps = job.timings.filter { !$0.step.hasPrefix("derive") && $0.step != "check" }
        let seconds = steps.reduce(0) { $0 + $1.seconds }
        let rate = seconds > 0 ? Int(Double(orders) / seconds) : 0
        Output.line(
            "end to end (import → ship): \(String(format: "%.2f", seconds)) s, \(Output.count(rate)) orders/s; "
                + "with setup and check \(String(format: "%.2f", totalSeconds)) s; "
                + "peak memory \(String(format: "%.0f", Stopwatch.peakMemoryMiB())) MiB"
        )
    }

    /// Writes and imports a catalogue of 1,000 SKUs with ample stock, then `count` two-line orders.
    static func synthetic(_ job: MainJob, count: Int, directory: String) throws -> Int {
        var products = CSVWriter(header: ["商家编码", "商品名称", "吊牌价"])
        var stock = CSVWriter(header: ["仓库", "商家编码", "数量", "单位成本"])
        for index in 0..<1000 {
            let code = String(format: "SKU-%04d", index)
            products.append([code, "基准商品\(index)", "100.00"])
            stock.append(["GZ", code, "100000", "40.00"])
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

    /// The thirteen monthly files of the UCI data set, in order.
    /// - Throws: ``Refusal`` when the folder does not hold exactly thirteen.
    private static func uciYearFiles(workspace: Workspace) throws -> [String] {
        let folder = try workspace.dataDirectory() + "/orders/uci_online_retail"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let files = names.filter { $0.hasSuffix(".csv.gz") }.sorted().map { folder + "/" + $0 }
        guard files.count == 13 else {
            throw Refusal("expected 13 monthly files in \(folder), found \(files.count)")
        }
        return files
    }

    /// Derives the catalogue from all thirteen UCI files and imports every month.
    private static func uciYear(_ job: MainJob, files: [String], directory: String) throws -> Int {
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
