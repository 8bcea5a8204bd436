public import ZhangguiCore

/// A courier's API that answers where parcels are (路由查询), such as 顺丰's `EXP_RECE_SEARCH_ROUTES`: what the
/// tracking poll asks about parcels whose courier does not push, or whose pushes were lost.
///
/// Never called inside a database transaction.
public protocol CourierRouteQuery: Sendable {
    /// The most waybill numbers one call may ask about.
    var maximumWaybillsPerCall: Int { get }

    /// Every route step the courier knows for `waybillNumbers` (at most ``maximumWaybillsPerCall``), read into
    /// events; steps that do not say where a parcel is are left out.
    /// - Throws: ``CourierError`` `.unreachable`, `.refused` or `.unreadableAnswer`.
    func routes(of waybillNumbers: [String]) throws(CourierError) -> [TrackingEvent]
}

/// Makes the route query of a courier account; nil for a service we do not poll. The interfaces give one built on
/// ZhangguiChannels.
public typealias CourierRouteQueryMaker =
    @Sendable (CourierServiceKind, _ carrierCode: String, CourierCredentials) throws -> (any CourierRouteQuery)?
