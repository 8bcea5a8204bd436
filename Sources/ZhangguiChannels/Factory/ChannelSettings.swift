public import ZhangguiCore

/// Every platform's settings in one value, for the factory; each part defaults to the spec's facts and the
/// documented guesses for the unconfirmed ones (docs/CHANNELS.md).
public struct ChannelSettings: Sendable, Hashable {
    public var taobao: TOPSettings
    public var jd: JDSettings
    public var pinduoduo: PDDSettings
    public var doudian: DoudianSettings
    public var kuaishou: KuaishouSettings
    public var xiaohongshu: XHSSettings

    public init(
        taobao: TOPSettings = TOPSettings(),
        jd: JDSettings = JDSettings(),
        pinduoduo: PDDSettings = PDDSettings(),
        doudian: DoudianSettings = DoudianSettings(),
        kuaishou: KuaishouSettings = KuaishouSettings(),
        xiaohongshu: XHSSettings = XHSSettings()
    ) {
        self.taobao = taobao
        self.jd = jd
        self.pinduoduo = pinduoduo
        self.doudian = doudian
        self.kuaishou = kuaishou
        self.xiaohongshu = xiaohongshu
    }

    /// The production gateways (spec §0); 抖店 and 快手 append the method as a path.
    public static func productionEndpoint(of platform: Platform) -> String {
        switch platform {
        case .taobao: "https://eco.taobao.com/router/rest"
        case .jd: "https://api.jd.com/routerjson"
        case .pinduoduo: "https://gw-api.pinduoduo.com/api/router"
        case .doudian: "https://openapi-fxg.jinritemai.com"
        case .kuaishou: "https://openapi.kwaixiaodian.com"
        case .xiaohongshu: "https://ark.xiaohongshu.com/ark/open_api/v3/common_controller"
        }
    }
}
