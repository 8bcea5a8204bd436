import ZhangguiCore
public import ZhangguiServices

/// Builds the client of a courier account from its stored credentials: what ``CourierWaybillService`` is given.
public enum CourierClientFactory {
    /// The client for `service`, speaking to the credentials' endpoint (the production host when empty).
    /// - Throws: ``CourierError`` `.refused` naming a credential field that is missing, or an offline account.
    public static func make(
        _ service: CourierServiceKind,
        carrierCode: String,
        credentials: CourierCredentials,
        transport: any HTTPTransport = CurlTransport()
    ) throws(CourierError) -> any CourierClient {
        func field(_ name: String) throws(CourierError) -> String {
            guard let value = credentials.fields[name], !value.isEmpty else {
                throw CourierError(code: .refused, courierCode: carrierCode, detail: "credential \(name) is missing")
            }
            return value
        }
        switch service {
        case .sf:
            let settings = SFSettings(
                endpoint: credentials.endpoint.isEmpty ? SFSettings.productionEndpoint : credentials.endpoint,
                partnerID: try field("partnerID"),
                checkWord: try field("checkWord"),
                monthlyCard: credentials.fields["monthlyCard"] ?? "",
                expressTypeID: Int(credentials.fields["expressTypeID"] ?? "") ?? 2
            )
            return SFClient(settings: settings, transport: transport)
        case .zto:
            let settings = ZTOSettings(
                endpoint: credentials.endpoint.isEmpty ? ZTOSettings.productionEndpoint : credentials.endpoint,
                appKey: try field("appKey"),
                appSecret: try field("appSecret"),
                accountID: try field("accountID"),
                accountPassword: try field("accountPassword")
            )
            return ZTOClient(settings: settings, transport: transport)
        case .cainiao, .pdd:
            let isCainiao = service == .cainiao
            let defaultEndpoint =
                isCainiao ? "https://eco.taobao.com/router/rest" : "https://gw-api.pinduoduo.com/api/router"
            let shop = ShopCredentials(
                platform: isCainiao ? .taobao : .pinduoduo,
                appKey: try field("appKey"),
                appSecret: try field("appSecret"),
                authorization: ShopAuthorization(accessToken: try field("session"), accessExpiresAtMillis: Int64.max),
                endpoint: credentials.endpoint.isEmpty ? defaultEndpoint : credentials.endpoint
            )
            let template = try field("templateURL")
            if isCainiao {
                return CainiaoWaybillClient(
                    credentials: shop,
                    carrierCode: carrierCode,
                    templateURL: template,
                    transport: transport
                )
            }
            return PDDWaybillClient(
                credentials: shop,
                carrierCode: carrierCode,
                templateURL: template,
                transport: transport
            )
        case .doudian:
            let shop = ShopCredentials(
                platform: .doudian,
                appKey: try field("appKey"),
                appSecret: try field("appSecret"),
                authorization: ShopAuthorization(accessToken: try field("session"), accessExpiresAtMillis: Int64.max),
                endpoint: credentials.endpoint.isEmpty ? "https://openapi-fxg.jinritemai.com" : credentials.endpoint
            )
            return DoudianWaybillClient(credentials: shop, carrierCode: carrierCode, transport: transport)
        case .offline:
            throw CourierError(code: .refused, courierCode: carrierCode, detail: "an offline range has no client")
        }
    }

    /// The route query of an account, over libcurl, in the shape the tracking poll takes: 顺丰's
    /// `EXP_RECE_SEARCH_ROUTES`; nil for the services we do not poll (中通 pushes to us).
    public static let routeQueryMaker: CourierRouteQueryMaker = { service, carrierCode, credentials in
        guard service == .sf else { return nil }
        return try make(service, carrierCode: carrierCode, credentials: credentials) as? SFClient
    }

    /// ``make(_:carrierCode:credentials:transport:)`` over libcurl, in the shape the waybill service takes.
    public static let maker: CourierClientMaker = { service, carrierCode, credentials in
        try make(service, carrierCode: carrierCode, credentials: credentials)
    }
}
