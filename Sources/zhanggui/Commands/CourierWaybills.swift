import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// `zhanggui waybill` through courier accounts: the run, `--explain` and `cancel`.
enum CourierWaybills {
    static func hasAccounts(_ arguments: Arguments) throws -> Bool {
        let (database, companyID) = try Workspace(arguments).openCompany()
        return try !CourierAccounts(database: database, box: nil).accounts(companyID: companyID).isEmpty
    }

    static func service(_ arguments: Arguments) throws -> (CourierWaybillService, Int64) {
        let (database, companyID) = try Workspace(arguments).openCompany()
        let accounts = CourierAccounts(database: database, box: try? ShopCommands.secretBox())
        return (
            CourierWaybillService(database: database, accounts: accounts, makeClient: CourierClientFactory.maker),
            companyID
        )
    }

    static func run(_ arguments: Arguments) throws -> Int32 {
        let (service, companyID) = try service(arguments)
        let summary = try service.waybillAllocated(companyID: companyID)
        Output.line("waybills issued: \(Output.count(summary.issued))")
        for waiting in summary.waiting {
            Output.line("shipment \(waiting.shipmentID) waits: \(waiting.reason)")
        }
        return 0
    }

    static func explainOrCancel(_ arguments: Arguments) throws -> Int32 {
        let (service, companyID) = try service(arguments)
        let text = arguments.option("explain") ?? (arguments.positional.count == 2 ? arguments.positional[1] : "")
        guard let shipment = Int64(text) else { throw UsageError("usage: zhanggui waybill cancel SHIPMENT") }
        if arguments.option("explain") != nil {
            guard let request = try service.explain(shipmentID: shipment, companyID: companyID) else {
                Output.line("shipment \(shipment) has no courier request (offline range, or not waybilled yet)")
                return 1
            }
            Output.line("shipment \(shipment): account \(request.accountCode), chosen by \(request.reason)")
            let number = request.waybillNumber.map { " \($0)" } ?? ""
            Output.line("request \(request.requestKey): \(request.state.rawValue)\(number)")
            if let error = request.error { Output.line("courier's last error: \(error)") }
            return 0
        }
        do {
            let cancelled = try service.cancelWaybill(shipmentID: shipment, companyID: companyID)
            let how = cancelled.toldCourier ? "cancelled with the courier" : "voided"
            Output.line(
                "waybill \(cancelled.waybillNumber) of shipment \(shipment) \(how); the parcel waits for a new one"
            )
        } catch let error as CourierError {
            throw Refusal(error.description)
        }
        return 0
    }
}
