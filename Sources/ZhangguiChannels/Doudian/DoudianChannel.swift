public import ZhangguiCore
public import ZhangguiServices

/// 抖店 (specs/platform-apis.md §4).
///
/// Orders come from `order.searchList` by update time and after-sales from `afterSale.List`; pages count from 0
/// and are read from the last backwards, like TOP's and PDD's, so orders leaving the window cannot push others
/// past us.
public struct DoudianChannel: ShopChannel {
    public let platform = Platform.doudian
    let gateway: DoudianGateway

    public init(
        credentials: ShopCredentials,
        transport: any HTTPTransport = CurlTransport(),
        settings: DoudianSettings = DoudianSettings(),
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
        gateway = DoudianGateway(context: context, settings: settings)
    }

    public var maximumWindowMillis: Int64 { gateway.settings.maximumWindowMillis }

    public func orders(modifiedIn window: SyncWindow, cursor: String?) throws(ChannelError) -> ChannelPage<
        PlatformOrder
    > {
        let page = try listPage(
            "order.searchList",
            window: window,
            cursor: cursor,
            times: ("update_time_start", "update_time_end"),
            extra: ["order_by": .string("update_time")],
            listField: "shop_order_list"
        )
        return ChannelPage(
            items: try page.items.mapChannel(DoudianOrderParser.order(from:)),
            nextCursor: page.nextCursor
        )
    }

    public func order(platformOrderID: String) throws(ChannelError) -> PlatformOrder {
        try ChannelInput.checkOrderID(platformOrderID)
        let data = try gateway.call("order.orderDetail", ["shop_order_id": .string(platformOrderID)])
        guard let detail = data.object("shop_order_detail") else {
            throw data.malformed("shop_order_detail", "is missing")
        }
        return try DoudianOrderParser.order(from: detail)
    }

    public func refunds(modifiedIn window: SyncWindow, cursor: String?) throws(ChannelError) -> ChannelPage<
        PlatformRefund
    > {
        let page = try listPage(
            "afterSale.List",
            window: window,
            cursor: cursor,
            times: ("update_start_time", "update_end_time"),
            extra: ["order_by": .array([.string("update_time desc")])],
            listField: "items"
        )
        return ChannelPage(
            items: try page.items.mapChannel(DoudianRefundParser.refund(from:)),
            nextCursor: page.nextCursor
        )
    }

    /// `order.logisticsAdd` for the whole order.
    // Known limitation: a parcel with only some lines is reported for the whole order; the partial-shipping
    // call (order.logisticsAddSinglePack) takes parameters the spec does not give.
    public func confirmShipment(_ shipment: PlatformShipment) throws(ChannelError) {
        try ChannelInput.check(shipment)
        _ = try gateway.call(
            "order.logisticsAdd",
            [
                "order_id": .string(shipment.platformOrderID), "company_code": .string(shipment.courierCode),
                "logistics_code": .string(shipment.trackingNumber),
            ]
        )
    }

    /// `sku.syncStock` with an absolute quantity (`incremental` false).
    public func pushStock(_ update: PlatformStockUpdate) throws(ChannelError) {
        try ChannelInput.check(update)
        var parameters: [String: JSONValue] = [
            "product_id": .string(update.itemID), "stock_num": .int(update.quantity), "incremental": .bool(false),
        ]
        if update.skuID.isEmpty {
            parameters["code"] = .string(update.outerID)
        } else {
            parameters["sku_id"] = .string(update.skuID)
        }
        _ = try gateway.call("sku.syncStock", parameters)
    }

    /// `token.refresh`: a new pair; the refresh token lives 14 days unless the answer says otherwise.
    public func refreshAuthorization(_ current: ShopAuthorization) throws(ChannelError) -> ShopAuthorization {
        guard !current.refreshToken.isEmpty else {
            throw .authorizationExpired(code: "no-refresh-token", message: "the shop must authorise again")
        }
        let data = try gateway.call(
            "token.refresh",
            ["grant_type": .string("refresh_token"), "refresh_token": .string(current.refreshToken)],
            withToken: false
        )
        return try TokenReading.authorization(
            from: data,
            now: gateway.context.clock(),
            fields: .init(access: "access_token", accessLifetimeSeconds: "expires_in", refresh: "refresh_token"),
            previous: current,
            defaultRefreshLifetimeMillis: gateway.settings.refreshLifetimeMillis
        )
    }

    private func listPage(
        _ method: String,
        window: SyncWindow,
        cursor: String?,
        times: (start: String, end: String),
        extra: [String: JSONValue],
        listField: String
    ) throws(ChannelError) -> ChannelPage<WireObject> {
        try gateway.context.checkWindow(window, maximumMillis: maximumWindowMillis)
        let position = try PageCursor.read(cursor) ?? PageCursor(page: 0)
        var parameters = extra
        parameters[times.start] = .int(PlatformTimestamp.seconds(millis: window.startMillis))
        parameters[times.end] = .int(PlatformTimestamp.seconds(millis: window.endMillis))
        parameters["page"] = .int(position.page)
        parameters["size"] = .int(gateway.settings.pageSize)
        let data = try gateway.call(method, parameters)
        let next = Paging.backwardsNext(
            after: position,
            total: try data.int("total"),
            pageSize: gateway.settings.pageSize,
            firstPage: 0
        )
        return ChannelPage(items: try data.objects(listField), nextCursor: next?.text)
    }
}
