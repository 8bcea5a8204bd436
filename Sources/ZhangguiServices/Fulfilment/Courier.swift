public import ZhangguiStore

/// A parcel that needs a waybill number.
public struct WaybillRequest: Sendable, Hashable {
    public let shipmentID: Int64
    public let warehouseID: Int64

    public init(shipmentID: Int64, warehouseID: Int64) {
        self.shipmentID = shipmentID
        self.warehouseID = warehouseID
    }
}

/// A courier that issues waybill numbers (电子面单号).
///
/// Implementations for couriers' APIs live in the adapters layer; ``OfflineRangeCourier`` is the built-in one.
public protocol Courier: Sendable {
    /// The courier's code as stored on shipments, such as `SF` or `ZTO`.
    var code: String { get }

    /// Issues one waybill number per request, in the same order, inside the caller's transaction.
    /// - Throws: ``CourierError`` when the courier cannot issue them all; then none is used.
    func issueWaybills(for requests: [WaybillRequest], companyID: Int64, connection: any DatabaseConnection) throws
        -> [String]

    /// Issues one waybill per request like ``issueWaybills(for:companyID:connection:)``, with the sorting code and
    /// consolidation centre the courier returns for each label. The default gives numbers without routing.
    func issueRoutedWaybills(for requests: [WaybillRequest], companyID: Int64, connection: any DatabaseConnection)
        throws -> [IssuedWaybill]
}

/// A waybill number with the routing a courier returns for its label: 大头笔 / 三段码 (the destination sorting code)
/// and 集包地 (the consolidation centre). An offline range has neither.
public struct IssuedWaybill: Sendable, Hashable {
    public let number: String
    public let sortCode: String?
    public let bagCentre: String?

    public init(number: String, sortCode: String? = nil, bagCentre: String? = nil) {
        self.number = number
        self.sortCode = sortCode
        self.bagCentre = bagCentre
    }
}

extension Courier {
    /// The numbers of ``issueWaybills(for:companyID:connection:)`` without routing: what a courier that returns no
    /// sorting codes gives.
    public func issueRoutedWaybills(
        for requests: [WaybillRequest],
        companyID: Int64,
        connection: any DatabaseConnection
    ) throws -> [IssuedWaybill] {
        try issueWaybills(for: requests, companyID: companyID, connection: connection).map { IssuedWaybill(number: $0) }
    }
}

/// Why a courier could not issue waybill numbers.
public struct CourierError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The offline number range is not configured or has too few numbers left.
        case rangeExhausted
        /// The courier's API could not be reached or answered with an HTTP error: the parcel waits and is tried again.
        case unreachable
        /// The courier refused the call; `detail` carries its error code and message.
        case refused
        /// The courier answered something its documented protocol does not allow.
        case unreadableAnswer
        /// The waybill cannot be cancelled (shipped already, or the courier does not take it back).
        case notCancellable
    }

    public let code: Code
    public let courierCode: String
    public let detail: String

    public init(code: Code, courierCode: String, detail: String) {
        self.code = code
        self.courierCode = courierCode
        self.detail = detail
    }

    public var description: String {
        courierCode.isEmpty ? detail : "courier \(courierCode): \(detail)"
    }
}

/// The offline courier: waybill numbers come from a range the seller bought from the courier in advance, so
/// shipping goes on when no courier API can be reached. Numbers are the range's prefix and a 12-digit counter;
/// each is taken once, inside the transaction that records it.
public struct OfflineRangeCourier: Courier {
    public let code: String

    public init(code: String) {
        self.code = code
    }

    public func issueWaybills(for requests: [WaybillRequest], companyID: Int64, connection: any DatabaseConnection)
        throws -> [String]
    {
        guard !requests.isEmpty else { return [] }
        guard
            let taken = try FulfilmentRecords(connection).takeWaybillNumbers(
                count: Int64(requests.count),
                courierCode: code,
                companyID: companyID
            )
        else {
            let range = try FulfilmentRecords(connection).waybillRanges(companyID: companyID)
                .first { $0.courierCode == code }
            let detail =
                if let range {
                    "only \(max(0, range.lastNumber - range.nextNumber + 1)) numbers left in the range, "
                        + "\(requests.count) shipments need one"
                } else {
                    "no number range is configured"
                }
            throw CourierError(code: .rangeExhausted, courierCode: code, detail: detail)
        }
        return (0..<Int64(requests.count)).map { WaybillNumber.text(prefix: taken.prefix, counter: taken.first + $0) }
    }
}
