public import ZhangguiCore
public import ZhangguiServices

/// 拼多多 (specs/platform-apis.md §3).
///
/// Orders come from `pdd.order.number.list.increment.get` (windows of at most 30 minutes) and refunds from
/// `pdd.refund.list.increment.get`, read from the last page backwards as PDD asks.
public struct PDDChannel: ShopChannel {
    public let platform = Platform.pinduoduo
    let gateway: PDDGateway

    public init(
        credentials: ShopCredentials,
        transport: any HTTPTransport = CurlTransport(),
        settings: PDDSettings = PDDSettings(),
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
        gateway = PDDGateway(context: context, settings: settings)
    }

    public var maximumWindowMillis: Int64 { gateway.settings.maximumWindowMillis }

    public func orders(modifiedIn window: SyncWindow, cursor: String?) throws(ChannelError) -> ChannelPage<
        PlatformOrder
    > {
        let parameters = [
            "order_status": "5", "refund_status": "5", "is_lucky_flag": "0",
        ]
        let page = try listPage(
            "pdd.order.number.list.increment.get",
            window: window,
            cursor: cursor,
            extra: parameters,
            listField: "order_sn_list"
        )
        return ChannelPage(items: try page.items.mapChannel(PDDOrderParser.order(from:)), nextCursor: page.nextCursor)
    }

    public func order(platformOrderID: String) throws(ChannelError) -> PlatformOrder {
        try ChannelInput.checkOrderID(platformOrderID)
        let body = try gateway.call("pdd.order.information.get", ["order_sn": platformOrderID])
        guard let info = body.object("order_info") else { throw body.malformed("order_info", "is missing") }
        return try PDDOrderParser.order(from: info)
    }

    public func refunds(modifiedIn window: SyncWindow, cursor: String?) throws(ChannelError) -> ChannelPage<
        PlatformRefund
    > {
        let parameters = ["after_sales_status": gateway.settings.allAfterSalesStatus, "after_sales_type": "1"]
        let page = try listPage(
            "pdd.refund.list.increment.get",
            window: window,
            cursor: cursor,
            extra: parameters,
            listField: "refund_list"
        )
        let inFen = gateway.settings.refundAmountsInFen
        let refunds = try page.items.mapChannel { (refund: WireObject) throws(ChannelError) in
            try PDDRefundParser.refund(from: refund, amountsInFen: inFen)
        }
        return ChannelPage(items: refunds, nextCursor: page.nextCursor)
    }

    public func confirmShipment(_ shipment: PlatformShipment) throws(ChannelError) {
        try ChannelInput.check(shipment)
        let body = try gateway.call(
            "pdd.logistics.online.send",
            [
                "order_sn": shipment.platformOrderID, "logistics_id": shipment.courierCode,
                "tracking_number": shipment.trackingNumber, "redelivery_type": "1",
            ]
        )
        guard body.value["is_success"]?.bool != false else {
            throw .rejected(code: "shipping-not-accepted", message: "PDD did not accept the shipment")
        }
    }

    public func pushStock(_ update: PlatformStockUpdate) throws(ChannelError) {
        try ChannelInput.check(update)
        var parameters = ["goods_id": update.itemID, "quantity": String(update.quantity), "update_type": "1"]
        if update.skuID.isEmpty { parameters["outer_id"] = update.outerID } else { parameters["sku_id"] = update.skuID }
        _ = try gateway.call("pdd.goods.quantity.update", parameters)
    }

    /// `pdd.pop.auth.token.refresh`.
    public func refreshAuthorization(_ current: ShopAuthorization) throws(ChannelError) -> ShopAuthorization {
        guard !current.refreshToken.isEmpty else {
            throw .authorizationExpired(code: "no-refresh-token", message: "the shop must authorise again")
        }
        let body = try gateway.call(
            "pdd.pop.auth.token.refresh",
            ["refresh_token": current.refreshToken],
            withToken: false
        )
        return try TokenReading.authorization(
            from: body,
            now: gateway.context.clock(),
            fields: .init(
                access: "access_token",
                accessLifetimeSeconds: "expires_in",
                refresh: "refresh_token",
                refreshLifetimeSeconds: "refresh_token_expires_in"
            ),
            previous: current
        )
    }

    private func listPage(
        _ type: String,
        window: SyncWindow,
        cursor: String?,
        extra: [String: String],
        listField: String
    ) throws(ChannelError) -> ChannelPage<WireObject> {
        try gateway.context.checkWindow(window, maximumMillis: maximumWindowMillis)
        let position = try PageCursor.read(cursor) ?? PageCursor(page: 1)
        var parameters = extra
        parameters["start_updated_at"] = PlatformTimestamp.secondsText(millis: window.startMillis)
        parameters["end_updated_at"] = PlatformTimestamp.secondsText(millis: window.endMillis)
        parameters["page"] = String(position.page)
        parameters["page_size"] = String(gateway.settings.pageSize)
        let body = try gateway.call(type, parameters)
        let next = Paging.backwardsNext(
            after: position,
            total: try body.int("total_count"),
            pageSize: gateway.settings.pageSize,
            firstPage: 1
        )
        return ChannelPage(items: try body.objects(listField), nextCursor: next?.text)
    }
}
