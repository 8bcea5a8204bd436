import Foundation
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// The main job run end to end — import, review, allocate, waybill, ship, check — with each step timed; shared
/// by the demo and the benchmark.
final class MainJob {
    let database: any Database
    let companyID: Int64
    let addressBook: AddressBook
    /// Real districts that made-up receivers are spread over.
    let places: [ReceiverPlace]
    private(set) var timings: [(step: String, seconds: Double, items: Int)] = []

    init(database: any Database, companyID: Int64, addressBook: AddressBook) {
        self.database = database
        self.companyID = companyID
        self.addressBook = addressBook
        places = addressBook.districtPlaces
    }

    /// Creates the company with three warehouses, tried in this order: 北京前置仓 (BJ) for 北京, 天津 and 河北 only,
    /// then 华东仓 (SH) and 华南仓 (GZ) for everywhere.
    static func createCompany(in database: any Database, name: String) throws -> Int64 {
        var plan = CompanyPlan(name: name)
        plan.warehouses = [
            Warehouse(code: "BJ", name: "北京前置仓", priority: 1, regions: ["11", "12", "13"]),
            Warehouse(code: "SH", name: "华东仓", priority: 2),
            Warehouse(code: "GZ", name: "华南仓", priority: 3),
        ]
        return try CompanySetup(database: database).create(plan)
    }

    /// Runs `body`, records its time under `step`, and returns its result.
    func time<T>(_ step: String, counting items: KeyPath<T, Int>, _ body: () throws -> T) rethrows -> T {
        let stopwatch = Stopwatch()
        let result = try body()
        timings.append((step, stopwatch.seconds, result[keyPath: items]))
        return result
    }

    func importFile(_ kind: ImportKind, path: String, step: String) throws -> ImportReport {
        let importer = FileImporter(database: database, companyID: companyID, places: places)
        return try time(step, counting: \.rowsRead) { try importer.importFile(kind, path: path) }
    }

    /// Review, allocate, waybill and ship, each timed.
    func fulfil() throws -> (ReviewSummary, AllocationSummary, Int, ShippingSummary) {
        let review = ReviewService(database: database, checkAddress: addressBook.checker)
        let reviewed = try time("review", counting: \.reviewed) { try review.reviewPending(companyID: companyID) }
        let allocated = try time("allocate", counting: \.trades) {
            try AllocationService(database: database).allocateApproved(companyID: companyID)
        }
        let courier = OfflineRangeCourier(code: "ZG")
        let waybills = try time("waybill", counting: \.self) {
            try WaybillService(database: database, courier: courier).waybillAllocated(companyID: companyID)
        }
        let shipped = try time("ship", counting: \.trades) {
            try ShippingService(database: database).shipWaybilled(companyID: companyID)
        }
        return (reviewed, allocated, waybills, shipped)
    }

    func check() throws -> IntegrityReport {
        try time("check", counting: \.ledgerEntryCount) {
            try IntegrityCheck(database: database).run(companyID: companyID)
        }
    }

    func printTimings(unit: String = "rows") {
        var table = [["step", "seconds", "items", "items/s"]]
        for timing in timings {
            let rate = timing.seconds > 0 ? Double(timing.items) / timing.seconds : 0
            table.append([
                timing.step, String(format: "%.3f", timing.seconds), Output.count(timing.items),
                Output.count(Int(rate)),
            ])
        }
        Output.table(table)
    }
}

extension IntegrityReport {
    var ledgerEntryCount: Int { Int(ledgerEntries) }
}
