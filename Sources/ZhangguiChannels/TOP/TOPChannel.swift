public import ZhangguiCore
public import ZhangguiServices

/// 淘宝 / 天猫 through the TOP gateway (specs/platform-apis.md §1).
///
/// Orders come from `taobao.trades.sold.increment.get` and refunds from `taobao.refunds.receive.get`, both read
/// from the last page backwards as TOP asks (the first call reads page 1 for the total, the last call reads page 1
/// again), so a trade that leaves the window while we page cannot push another past us.
public struct TOPChannel: ShopChannel {
    public let platform = Platform.taobao
    let gateway: TOPGateway

    public init(
        credentials: ShopCredentials,
        transport: any HTTPTransport = CurlTransport(),
        settings: TOPSettings = TOPSettings(),
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
        gateway = TOPGateway(context: context, settings: settings)
    }

    public var maximumWindowMillis: Int64 { gateway.settings.maximumWindowMillis }

    public func orders(modifiedIn window: SyncWindow, cursor: String?) throws(ChannelError) -> ChannelPage<
        PlatformOrder
    > {
        let page = try listPage(
            "taobao.trades.sold.increment.get",
            window: window,
            cursor: cursor,
            extra: ["fields": TOPSettings.tradeFields],
            listField: "trades",
            itemWrapper: "trade"
        )
        let orders = try page.items.mapChannel { (trade: WireObject) throws(ChannelError) -> PlatformOrder in
            if gateway.settings.fetchDetailForListedTrades {
                return try order(platformOrderID: try trade.requiredText("tid"))
            }
            return try TOPTradeParser.order(from: trade)
        }
        return ChannelPage(items: orders, nextCursor: page.nextCursor)
    }

    public func order(platformOrderID: String) throws(ChannelError) -> PlatformOrder {
        try ChannelInput.checkOrderID(platformOrderID)
        let body = try gateway.call(
            "taobao.trade.fullinfo.get",
            ["fields": TOPSettings.tradeFields, "tid": platformOrderID]
        )
        guard let trade = body["trade"] else { throw .malformedResponse(message: "trade.fullinfo.get: no trade") }
        return try TOPTradeParser.order(from: WireObject(trade, path: "trade"))
    }

    public func refunds(modifiedIn window: SyncWindow, cursor: String?) throws(ChannelError) -> ChannelPage<
        PlatformRefund
    > {
        let page = try listPage(
            "taobao.refunds.receive.get",
            window: window,
            cursor: cursor,
            extra: ["fields": TOPSettings.refundFields],
            listField: "refunds",
            itemWrapper: "refund"
        )
        let refunds = try page.items.mapChannel(TOPRefundParser.refund(from:))
        return ChannelPage(items: refunds, nextCursor: page.nextCursor)
    }

    public func confirmShipment(_ shipment: PlatformShipment) throws(ChannelError) {
        try ChannelInput.check(shipment)
        var parameters = [
            "tid": shipment.platformOrderID, "out_sid": shipment.trackingNumber, "company_code": shipment.courierCode,
        ]
        if !shipment.lineIDs.isEmpty {
            parameters["is_split"] = "1"
            parameters["sub_tid"] = shipment.lineIDs.joined(separator: ",")
        }
        let body = try gateway.call("taobao.logistics.offline.send", parameters)
        guard body["shipping"]?["is_success"]?.bool != false else {
            throw .rejected(code: "shipping-not-accepted", message: "TOP did not accept the shipment")
        }
    }

    public func pushStock(_ update: PlatformStockUpdate) throws(ChannelError) {
        try ChannelInput.check(update)
        var parameters = ["num_iid": update.itemID, "quantity": String(update.quantity), "type": "1"]
        if update.skuID.isEmpty { parameters["outer_id"] = update.outerID } else { parameters["sku_id"] = update.skuID }
        _ = try gateway.call("taobao.item.quantity.update", parameters)
    }

    /// `taobao.top.auth.token.refresh`; only apps sold through 服务市场 may refresh, others get a rejection that
    /// the services treat like an expired grant.
    public func refreshAuthorization(_ current: ShopAuthorization) throws(ChannelError) -> ShopAuthorization {
        guard !current.refreshToken.isEmpty else {
            throw .authorizationExpired(code: "no-refresh-token", message: "the shop must authorise again")
        }
        let body = try gateway.call(
            "taobao.top.auth.token.refresh",
            ["refresh_token": current.refreshToken],
            withSession: false
        )
        guard let text = body["token_result"]?.text, let token = try? JSONValue.parse(text) else {
            throw .malformedResponse(message: "top.auth.token.refresh: no token_result")
        }
        return try TokenReading.authorization(
            from: WireObject(token, path: "token_result"),
            now: gateway.context.clock(),
            fields: .init(
                access: "access_token",
                accessLifetimeSeconds: "expires_in",
                refresh: "refresh_token",
                refreshLifetimeSeconds: "re_expires_in"
            ),
            previous: current
        )
    }

    /// One page of a TOP listing, backwards from the last page after a first look at page 1.
    private func listPage(
        _ method: String,
        window: SyncWindow,
        cursor: String?,
        extra: [String: String],
        listField: String,
        itemWrapper: String
    ) throws(ChannelError) -> ChannelPage<WireObject> {
        try gateway.context.checkWindow(window, maximumMillis: maximumWindowMillis)
        let position = try PageCursor.read(cursor) ?? PageCursor(page: 1)
        var parameters = extra
        parameters["start_modified"] = PlatformTimestamp.gmt8Text(millis: window.startMillis)
        parameters["end_modified"] = PlatformTimestamp.gmt8Text(millis: window.endMillis)
        parameters["page_no"] = String(position.page)
        parameters["page_size"] = String(gateway.settings.pageSize)
        parameters["use_has_next"] = "false"
        let body = WireObject(try gateway.call(method, parameters), path: TOPGateway.responseRoot(of: method))
        let items = try body.objects(listField, wrapper: itemWrapper)
        let total = try body.int("total_results")
        return ChannelPage(
            items: items,
            nextCursor: Paging.backwardsNext(
                after: position,
                total: total,
                pageSize: gateway.settings.pageSize,
                firstPage: 1
            )?.text
        )
    }
}
