public import ZhangguiCore
public import ZhangguiServices

/// 顺丰 丰桥 over HTTPS: orders a pickup and takes its waybill number (`EXP_RECE_CREATE_ORDER`), cancels it
/// (`EXP_RECE_UPDATE_ORDER` with `dealType` 2) and reads routes (`EXP_RECE_SEARCH_ROUTES`).
///
/// 丰桥 answers an `orderId` it has seen with the first result, so calling again with the same request key never
/// gives a second number.
public struct SFClient: CourierClient, CourierRouteQuery {
    public let settings: SFSettings
    let transport: any HTTPTransport
    let clock: ChannelClock

    public var carrierCode: String { "SF" }

    /// 丰桥 takes up to 10 waybill numbers per `EXP_RECE_SEARCH_ROUTES` call: the limit of its documentation, which
    /// the spec does not quote (unconfirmed); fewer per call only costs more calls.
    public var maximumWaybillsPerCall: Int { 10 }

    public init(
        settings: SFSettings,
        transport: any HTTPTransport = CurlTransport(),
        clock: @escaping ChannelClock = systemClock
    ) {
        self.settings = settings
        self.transport = transport
        self.clock = clock
    }

    public func issueWaybill(for parcel: CourierParcel) throws(CourierError) -> IssuedWaybill {
        let data = try call("EXP_RECE_CREATE_ORDER", messageData: SFMessages.createOrder(parcel, settings: settings))
        return try SFMessages.issuedWaybill(from: data)
    }

    public func cancelWaybill(_ waybillNumber: String, requestKey: String) throws(CourierError) {
        let message = JSONValue.object([
            "orderId": .string(requestKey),
            "dealType": .int(2),
            "language": .string("zh-CN"),
        ])
        _ = try call("EXP_RECE_UPDATE_ORDER", messageData: message)
    }

    /// The routes 丰桥 knows for `waybillNumbers`, read into tracking events.
    public func routes(of waybillNumbers: [String]) throws(CourierError) -> [TrackingEvent] {
        let message = JSONValue.object([
            "language": .string("0"),
            "trackingType": .string("1"),
            "trackingNumber": .array(waybillNumbers.map { .string($0) }),
            "methodType": .string("1"),
        ])
        let data = try call("EXP_RECE_SEARCH_ROUTES", messageData: message)
        do throws(TrackingParseError) {
            return try SFTracking.events(fromRouteAnswer: data)
        } catch {
            throw CourierError(code: .unreadableAnswer, courierCode: carrierCode, detail: error.description)
        }
    }

    /// Sends one signed call and returns `apiResultData.msgData` of a successful answer.
    private func call(_ serviceCode: String, messageData: JSONValue) throws(CourierError) -> JSONValue {
        let timestamp = String(clock())
        let text = messageData.serialized()
        let digest = SFSigner.messageDigest(messageData: text, timestamp: timestamp, checkWord: settings.checkWord)
        let request = OutboundRequest.postForm(
            settings.endpoint,
            parameters: [
                ("partnerID", settings.partnerID),
                ("requestID", SFMessages.requestID(serviceCode: serviceCode, text: text, timestamp: timestamp)),
                ("serviceCode", serviceCode),
                ("timestamp", timestamp),
                ("msgDigest", digest),
                ("msgData", text),
            ]
        )
        let response: OutboundResponse
        do {
            response = try transport.send(request)
        } catch {
            throw CourierError(code: .unreachable, courierCode: carrierCode, detail: error.description)
        }
        guard response.status == 200 else {
            throw CourierError(code: .unreachable, courierCode: carrierCode, detail: "HTTP \(response.status)")
        }
        return try SFMessages.messageData(of: response.body)
    }
}
