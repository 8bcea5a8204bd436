public import ZhangguiCore
public import ZhangguiServices

/// 小红书 through the ark v3 gateway (specs/platform-apis.md §6).
///
/// `order.getOrderList` by update time (windows of at most 30 minutes, read from the last page backwards as XHS
/// asks) names the changed orders; each is then read whole with `order.getOrderDetail`.
public struct XHSChannel: ShopChannel {
    public let platform = Platform.xiaohongshu
    let gateway: XHSGateway

    /// A refresh only changes anything within this long of the access token's expiry (the 30-minute rule).
    public static let refreshLeadMillis: Int64 = 30 * 60_000

    public init(
        credentials: ShopCredentials,
        transport: any HTTPTransport = CurlTransport(),
        settings: XHSSettings = XHSSettings(),
        clock: @escaping ChannelClock = systemClock,
        log: ChannelLog = .standardError
    ) {
        let context = ChannelContext(
            credentials: credentials,
            transport: transport,
            clock: clock,
            log: log,
            fallbackRetrySeconds: settings.fallbackRetrySeconds
        )
        gateway = XHSGateway(context: context, settings: settings)
    }

    public var maximumWindowMillis: Int64 { gateway.settings.maximumWindowMillis }

    public func orders(modifiedIn window: SyncWindow, cursor: String?) throws(ChannelError) -> ChannelPage<
        PlatformOrder
    > {
        let page = try listPage(
            "order.getOrderList",
            window: window,
            cursor: cursor,
            times: (
                .int(PlatformTimestamp.seconds(millis: window.startMillis)),
                .int(PlatformTimestamp.seconds(millis: window.endMillis))
            ),
            extra: ["orderStatus": .int(0)],
            listFields: ["orderList"]
        )
        let orders = try page.items.mapChannel { (listed: WireObject) throws(ChannelError) in
            try order(platformOrderID: try listed.requiredText("orderId"))
        }
        return ChannelPage(items: orders, nextCursor: page.nextCursor)
    }

    public func order(platformOrderID: String) throws(ChannelError) -> PlatformOrder {
        try ChannelInput.checkOrderID(platformOrderID)
        let data = try gateway.call("order.getOrderDetail", ["orderId": .string(platformOrderID)])
        return try XHSOrderParser.order(from: data)
    }

    public func refunds(modifiedIn window: SyncWindow, cursor: String?) throws(ChannelError) -> ChannelPage<
        PlatformRefund
    > {
        let page = try listPage(
            "afterSale.listAfterSaleInfos",
            window: window,
            cursor: cursor,
            times: (.int(window.startMillis), .int(window.endMillis)),
            extra: [:],
            listFields: ["afterSaleBasicInfos", "afterSaleInfos", "list"]
        )
        return ChannelPage(items: try page.items.mapChannel(XHSRefundParser.refund(from:)), nextCursor: page.nextCursor)
    }

    /// `order.orderDeliver`; a parcel with some lines only is sent `unpack` with their SKU ids.
    public func confirmShipment(_ shipment: PlatformShipment) throws(ChannelError) {
        try ChannelInput.check(shipment)
        var parameters: [String: JSONValue] = [
            "orderId": .string(shipment.platformOrderID), "expressNo": .string(shipment.trackingNumber),
            "expressCompanyCode": .string(shipment.courierCode),
        ]
        if !shipment.lineIDs.isEmpty {
            parameters["unpack"] = .bool(true)
            parameters["skuIdList"] = .array(shipment.lineIDs.map { .string($0) })
        }
        _ = try gateway.call("order.orderDeliver", parameters)
    }

    /// `inventory.syncSkuStock` with the quantity to sell.
    // Known limitation: XHS reads qty as the total including stock held by unpaid orders and other channels; we
    // send the sellable quantity, so XHS may show slightly less than it could until the unpaid orders settle.
    public func pushStock(_ update: PlatformStockUpdate) throws(ChannelError) {
        try ChannelInput.check(update)
        guard !update.skuID.isEmpty else {
            throw .rejected(code: "sku-id-required", message: "XHS stock is set by skuId; this listing has none")
        }
        _ = try gateway.call("inventory.syncSkuStock", ["skuId": .string(update.skuID), "qty": .int(update.quantity)])
    }

    /// `oauth.refreshToken`, only within 30 minutes of expiry: earlier, XHS would hand back the same pair, so the
    /// current one is returned without a call.
    public func refreshAuthorization(_ current: ShopAuthorization) throws(ChannelError) -> ShopAuthorization {
        let now = gateway.context.clock()
        guard current.accessExpiresAtMillis - now <= Self.refreshLeadMillis else { return current }
        guard !current.refreshToken.isEmpty, (current.refreshExpiresAtMillis ?? Int64.max) > now else {
            throw .authorizationExpired(code: "refresh-token-expired", message: "the shop must authorise again")
        }
        let data = try gateway.call(
            "oauth.refreshToken",
            ["refreshToken": .string(current.refreshToken)],
            withToken: false
        )
        return try TokenReading.authorization(
            from: data,
            now: now,
            fields: .init(
                access: "accessToken",
                accessExpiresAtMillis: "accessTokenExpiresAt",
                refresh: "refreshToken",
                refreshExpiresAtMillis: "refreshTokenExpiresAt"
            ),
            previous: current
        )
    }

    private func listPage(
        _ method: String,
        window: SyncWindow,
        cursor: String?,
        times: (start: JSONValue, end: JSONValue),
        extra: [String: JSONValue],
        listFields: [String]
    ) throws(ChannelError) -> ChannelPage<WireObject> {
        try gateway.context.checkWindow(window, maximumMillis: maximumWindowMillis)
        let position = try PageCursor.read(cursor) ?? PageCursor(page: 1)
        var parameters = extra
        parameters["startTime"] = times.start
        parameters["endTime"] = times.end
        parameters["timeType"] = .int(2)
        parameters["pageNo"] = .int(position.page)
        parameters["pageSize"] = .int(gateway.settings.pageSize)
        let data = try gateway.call(method, parameters)
        let stated = try data.optionalInt("total")
        let counted = try data.int("totalCount")
        let total = stated ?? counted
        let next = Paging.backwardsNext(
            after: position,
            total: total,
            pageSize: gateway.settings.pageSize,
            firstPage: 1
        )
        let field = listFields.first { data.value[$0] != nil } ?? listFields[0]
        return ChannelPage(items: try data.objects(field), nextCursor: next?.text)
    }
}
