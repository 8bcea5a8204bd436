public import ZhangguiCore
public import ZhangguiServices

/// 京东 POP through JOS (specs/platform-apis.md §2).
///
/// Orders come from `jingdong.pop.order.enSearch` (by modification time, `dateType` configurable), read from the
/// last page backwards like the other platforms; refund applications from `refundapply.queryPageList`.
public struct JDChannel: ShopChannel {
    public let platform = Platform.jd
    let gateway: JDGateway

    public init(
        credentials: ShopCredentials,
        transport: any HTTPTransport = CurlTransport(),
        settings: JDSettings = JDSettings(),
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
        gateway = JDGateway(context: context, settings: settings)
    }

    public var maximumWindowMillis: Int64 { gateway.settings.maximumWindowMillis }

    public func orders(modifiedIn window: SyncWindow, cursor: String?) throws(ChannelError) -> ChannelPage<
        PlatformOrder
    > {
        try gateway.context.checkWindow(window, maximumMillis: maximumWindowMillis)
        let position = try PageCursor.read(cursor) ?? PageCursor(page: 1)
        let settings = gateway.settings
        let body = try gateway.call(
            "jingdong.pop.order.enSearch",
            [
                "start_date": .string(PlatformTimestamp.gmt8Text(millis: window.startMillis)),
                "end_date": .string(PlatformTimestamp.gmt8Text(millis: window.endMillis)),
                "order_state": .string(settings.listedOrderStates), "optional_fields": .string(JDSettings.orderFields),
                "page": .string(String(position.page)), "page_size": .string(String(settings.pageSize)),
                "dateType": .string(settings.modifiedDateType),
            ]
        )
        guard let result = body.object("searchorderinfo_result") else {
            throw body.malformed("searchorderinfo_result", "is missing")
        }
        let next = Paging.backwardsNext(
            after: position,
            total: try result.int("orderTotal"),
            pageSize: settings.pageSize,
            firstPage: 1
        )
        let orders = try result.objects("orderInfoList").mapChannel(JDOrderParser.order(from:))
        return ChannelPage(items: orders, nextCursor: next?.text)
    }

    public func order(platformOrderID: String) throws(ChannelError) -> PlatformOrder {
        try ChannelInput.checkOrderID(platformOrderID)
        let body = try gateway.call(
            "jingdong.pop.order.enGet",
            [
                "order_id": .string(platformOrderID), "optional_fields": .string(JDSettings.orderFields),
            ]
        )
        guard let info = body.object("orderDetailInfo")?.object("orderInfo") else {
            throw body.malformed("orderDetailInfo.orderInfo", "is missing")
        }
        return try JDOrderParser.order(from: info)
    }

    /// Refund applications before shipping (`jingdong.pop.afs.soa.refundapply.queryPageList`), listed by
    /// application time, read from the last page backwards like the orders.
    // Known limitation: JOS lists applications by when they were made, not when they last changed, so a later
    // decision on an application is not listed again. It is safe: an open application already held the order,
    // and the decision reaches us through the order (TRADE_CANCELED after payment is refunded). After-service
    // bills after shipping (`jingdong.asc.query.list`) are not listed: their answer fields are unconfirmed.
    public func refunds(modifiedIn window: SyncWindow, cursor: String?) throws(ChannelError) -> ChannelPage<
        PlatformRefund
    > {
        try gateway.context.checkWindow(window, maximumMillis: maximumWindowMillis)
        let position = try PageCursor.read(cursor) ?? PageCursor(page: 1)
        let settings = gateway.settings
        let body = try gateway.call(
            "jingdong.pop.afs.soa.refundapply.queryPageList",
            [
                "applyTimeStart": .string(PlatformTimestamp.gmt8Text(millis: window.startMillis)),
                "applyTimeEnd": .string(PlatformTimestamp.gmt8Text(millis: window.endMillis)),
                "pageIndex": .string(String(position.page)), "pageSize": .string(String(settings.pageSize)),
            ]
        )
        guard let result = body.object("queryResult") else { throw body.malformed("queryResult", "is missing") }
        let next = Paging.backwardsNext(
            after: position,
            total: try result.int("totalCount"),
            pageSize: settings.pageSize,
            firstPage: 1
        )
        let log = gateway.context.log
        let refunds = try result.objects("result").mapChannel { (application: WireObject) throws(ChannelError) in
            try JDRefundParser.refund(from: application, settings: settings) { code in
                log.log(.warning, "channel.unknown_refund_status", [("platform", "jd"), ("status", String(code))])
            }
        }
        return ChannelPage(items: refunds, nextCursor: next?.text)
    }

    public func confirmShipment(_ shipment: PlatformShipment) throws(ChannelError) {
        try ChannelInput.check(shipment)
        _ = try gateway.call(
            "jingdong.pop.order.shipment",
            [
                "orderId": .string(shipment.platformOrderID), "logiCoprId": .string(shipment.courierCode),
                "logiNo": .string(shipment.trackingNumber),
            ]
        )
    }

    public func pushStock(_ update: PlatformStockUpdate) throws(ChannelError) {
        try ChannelInput.check(update)
        guard !update.skuID.isEmpty else {
            throw .rejected(code: "sku-id-required", message: "JD stock is set by skuId; this listing has none")
        }
        _ = try gateway.call(
            "jingdong.stock.write.updateSkuStock",
            [
                "skuId": .string(update.skuID), "stockNum": .int(update.quantity),
            ]
        )
    }

    /// `oauth2/refresh_token` (unconfirmed); any failure means the seller must authorise again.
    public func refreshAuthorization(_ current: ShopAuthorization) throws(ChannelError) -> ShopAuthorization {
        guard !current.refreshToken.isEmpty else {
            throw .authorizationExpired(code: "no-refresh-token", message: "the shop must authorise again")
        }
        let credentials = gateway.context.credentials
        let request = OutboundRequest.get(
            gateway.settings.refreshTokenURL,
            parameters: [
                ("app_key", credentials.appKey), ("app_secret", credentials.appSecret),
                ("grant_type", "refresh_token"), ("refresh_token", current.refreshToken),
            ]
        )
        let answer = WireObject(try gateway.context.exchange(request, operation: "oauth2.refresh_token"), path: "token")
        guard !answer.text("access_token").isEmpty else {
            throw .authorizationExpired(
                code: answer.text("code"),
                message: gateway.context.sanitized(answer.text("msg"))
            )
        }
        return try TokenReading.authorization(
            from: answer,
            now: gateway.context.clock(),
            fields: .init(
                access: "access_token",
                accessLifetimeSeconds: "expires_in",
                refresh: "refresh_token",
                refreshExpiresAtMillis: "refresh_token_expires"
            ),
            previous: current
        )
    }
}
