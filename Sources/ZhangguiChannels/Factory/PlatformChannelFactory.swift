import ZhangguiCore
public import ZhangguiServices

/// Builds the platform client for a shop's credentials, after checking them: keys present, the endpoint an
/// `https://` URL (or `http://` to this machine, for the simulator).
public struct PlatformChannelFactory: ShopChannelFactory {
    public let settings: ChannelSettings
    let transport: any HTTPTransport
    let clock: ChannelClock
    let log: ChannelLog

    /// Logs, once, which unconfirmed facts run on their default guesses.
    public init(
        settings: ChannelSettings = ChannelSettings(),
        transport: any HTTPTransport = CurlTransport(),
        clock: @escaping ChannelClock = systemClock,
        log: ChannelLog = .standardError
    ) {
        self.settings = settings
        self.transport = transport
        self.clock = clock
        self.log = log
        logUnconfirmedDefaults()
    }

    public func channel(for credentials: ShopCredentials) throws(ChannelError) -> any ShopChannel {
        try check(credentials)
        switch credentials.platform {
        case .taobao:
            return TOPChannel(
                credentials: credentials,
                transport: transport,
                settings: settings.taobao,
                clock: clock,
                log: log
            )
        case .jd:
            return JDChannel(
                credentials: credentials,
                transport: transport,
                settings: settings.jd,
                clock: clock,
                log: log
            )
        case .pinduoduo:
            return PDDChannel(
                credentials: credentials,
                transport: transport,
                settings: settings.pinduoduo,
                clock: clock,
                log: log
            )
        case .doudian:
            return DoudianChannel(
                credentials: credentials,
                transport: transport,
                settings: settings.doudian,
                clock: clock,
                log: log
            )
        case .kuaishou:
            return KuaishouChannel(
                credentials: credentials,
                transport: transport,
                settings: settings.kuaishou,
                clock: clock,
                log: log
            )
        case .xiaohongshu:
            return XHSChannel(
                credentials: credentials,
                transport: transport,
                settings: settings.xiaohongshu,
                clock: clock,
                log: log
            )
        }
    }

    /// Refuses credentials no request could succeed with; the message names the field, never its value.
    func check(_ credentials: ShopCredentials) throws(ChannelError) {
        func refuse(_ message: String) -> ChannelError {
            .rejected(code: "bad-credentials", message: "\(credentials.platform.displayName): \(message)")
        }
        if credentials.appKey.isEmpty { throw refuse("the app key is empty") }
        if credentials.appSecret.isEmpty { throw refuse("the app secret is empty") }
        if credentials.platform == .kuaishou && credentials.signSecret.isEmpty {
            throw refuse("快手 needs the sign secret (signSecret), which differs from the app secret")
        }
        do {
            _ = try EndpointPolicy.checkedHost(of: credentials.endpoint)
        } catch {
            throw refuse("endpoint: \(error.detail)")
        }
    }

    private func logUnconfirmedDefaults() {
        var defaults: [(String, String)] = []
        if settings.jd == JDSettings() {
            defaults.append(("jd", "window 1 d, page 50, dateType 0, expiry code 19, refresh URL"))
        }
        if settings.pinduoduo == PDDSettings() {
            defaults.append(("pinduoduo", "no rate-limit code, after_sales_status 1 for all, refund amounts in yuan"))
        }
        if settings.doudian == DoudianSettings() { defaults.append(("doudian", "searchList window 1 d")) }
        if settings.kuaishou == KuaishouSettings() {
            defaults.append(("kuaishou", "status codes 10/30/40/50/70/80, queryType 2, cursor end nomore, window 1 d"))
        }
        if settings.xiaohongshu == XHSSettings() {
            defaults.append(("xiaohongshu", "expiry and rate limit read from messages"))
        }
        if settings.taobao == TOPSettings() { defaults.append(("taobao", "code 15 is a platform failure")) }
        guard !defaults.isEmpty else { return }
        log.log(.info, "channel.unconfirmed_defaults", defaults.map { ("defaults.\($0.0)", $0.1) })
    }
}
