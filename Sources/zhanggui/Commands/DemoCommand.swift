import Foundation
import ZhangguiAdapters
import ZhangguiServices
import ZhangguiStore

enum DemoCommand {
    /// The demo company's admin, created with a new random password each run.
    static let demoAdmin = "admin@demo.example"

    static let command = Command(
        name: "demo",
        summary: "run the main job on a month of real orders in a fresh database",
        help: """
            Usage: zhanggui demo [--dir DIR] [--orders FILE]

            Creates a fresh database in DIR (default out/demo-<time>), derives products and opening stock from
            the real UCI Online Retail invoices of December 2010, imports that month's invoices as the orders of
            one shop (receivers are made-up people spread over real divisions), then reviews, allocates, issues
            waybills, ships, checks the books and prints a summary with the time each step took. Last it creates
            an admin with a new random password and prints how to browse the result with `zhanggui serve`.
            The amounts of the data set are taken as yuan. See docs/DEMO.md.

            Options:
              --dir DIR      folder for the database and derived files (must not exist yet)
              --orders FILE  invoice file in the UCI layout (default
                  Data/orders/uci_online_retail/online_retail_2010-12.csv.gz)
            """,
        options: ["dir", "orders"],
        common: ["data"]
    ) { arguments in
        let workspace = Workspace(arguments)
        let directory = try FreshFolder(arguments.option("dir"), default: FreshFolder.timestamped("out/demo"))
        let orders =
            try arguments.option("orders")
            ?? workspace.dataDirectory() + "/orders/uci_online_retail/online_retail_2010-12.csv.gz"
        try requireInvoiceLayout(orders)
        let addressBook = try workspace.addressBook()
        try directory.create()
        let databasePath = directory.path + "/zhanggui.sqlite"
        let database = try SQLiteDatabase(path: databasePath)
        try Migrator.migrate(database)
        let companyID = try MainJob.createCompany(in: database, name: "示例商贸(演示)")
        let job = MainJob(database: database, companyID: companyID, addressBook: addressBook)
        Output.line("demo database: \(databasePath)")
        return try run(job, orders: orders, directory: directory.path)
    }

    /// Derives the catalogue and stock from `orders`, imports everything, runs the main job and prints the outcome.
    private static func run(_ job: MainJob, orders: String, directory: String) throws -> Int32 {
        let catalog = try job.time("derive catalogue", counting: \.products.count) {
            try DemoCatalog(invoiceFiles: [orders])
        }
        try catalog.writeProducts(to: directory + "/products.csv")
        try catalog.writeOpeningStock(to: directory + "/opening_stock.csv", main: "GZ", second: "SH", forward: "BJ")
        let products = try job.importFile(.products, path: directory + "/products.csv", step: "import products")
        let stock = try job.importFile(.openingStock, path: directory + "/opening_stock.csv", step: "import stock")
        let imported = try job.importFile(.orders, path: orders, step: "import orders")
        let (reviewed, allocated, waybills, shipped) = try job.fulfil()
        let check = try job.check()

        Output.line()
        Output.line("products \(Output.count(products.imported)), opening stock lines \(Output.count(stock.imported))")
        Output.line(
            "orders in: \(Output.count(imported.imported)) invoices (+\(Output.count(imported.cancelled)) cancelled "
                + "credit notes) from \(Output.count(imported.rowsRead)) rows; \(Output.count(imported.rowsFailed)) "
                + "rows refused (\(imported.issues.count) problems, first: "
                + "\(imported.issues.first?.description ?? "none"))"
        )
        Output.line(
            "review: \(Output.count(reviewed.approved)) approved (\(reviewed.splitParts) split across warehouses), "
                + "\(Output.count(reviewed.held)) held"
        )
        Output.line(
            "allocated \(Output.count(allocated.trades)), waybills \(Output.count(waybills)), shipped "
                + "\(Output.count(shipped.trades)) orders in \(Output.count(shipped.shipments)) parcels"
        )
        BooksCommands.printSummary(try SalesReport(database: job.database).summary(companyID: job.companyID, top: 5))
        BooksCommands.printCheck(check)
        Output.line()
        job.printTimings()
        Output.line()
        let tool = CommandLine.arguments.first ?? "zhanggui"
        let databasePath = directory + "/zhanggui.sqlite"
        Output.line("look around: \(tool) orders --db \(databasePath) --state onHold")
        Output.line("             \(tool) report --db \(databasePath)")
        let password = try AccountService.generatedPassword()
        _ = try AccountService(database: job.database).createFirstAdmin(
            companyID: job.companyID,
            email: demoAdmin,
            password: password,
            name: "演示管理员",
            now: Int64(Date().timeIntervalSince1970)
        )
        Output.line("browse it:   \(tool) serve --db \(databasePath)")
        Output.line("             then open http://127.0.0.1:8080/ and sign in as \(demoAdmin), password \(password)")
        Output.line("             (the same account signs in to the JSON API, docs/SERVER.md)")
        return check.isClean ? 0 : 1
    }

    /// Refuses an orders file that is not in the UCI Online Retail layout, before anything is derived from it.
    private static func requireInvoiceLayout(_ path: String) throws {
        let missing: [String]
        do {
            missing = try DemoCatalog.missingInvoiceColumns(path: path)
        } catch {
            throw Refusal("cannot read the orders file \(path): \(error)")
        }
        guard missing.isEmpty else {
            throw UsageError(
                "--orders \(path) is not in the UCI Online Retail layout (no column "
                    + "\(missing.joined(separator: ", "))); the demo derives its products from such invoices"
            )
        }
    }

}
