import Foundation
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP

/// The OAuth exchange some platforms (京东, 快手) serve beside their gateway: a code, then refresh tokens, for an app
/// named by key and secret in the form. The flow is one; each platform has its own field names, grant type,
/// refusals and answer shape.
struct SimOAuth: Sendable {
    /// A refusal in the platform's words.
    struct Refusal: Sendable {
        let code: Int
        let message: String
    }

    let platform: Platform
    /// The form field naming the app (`app_key`, `app_id`).
    let appKeyField: String
    /// The `grant_type` of a code exchange (`authorization_code`, `code`).
    let codeGrantType: String
    let badApp: Refusal
    let badCodeRequest: Refusal
    let badCode: Refusal
    let badRefreshRequest: Refusal
    let badRefresh: Refusal
    /// The platform's answer for a grant at the simulator's time (ms).
    let answer: @Sendable (SimGrant, Int64) -> JSONValue
    /// The platform's answer for a refusal.
    let failure: @Sendable (Refusal) -> JSONValue

    func accessToken(_ request: HTTPRequest, world: SimWorld) -> HTTPResponse {
        let fields = request.formFields
        guard let shop = app(fields, world: world) else { return refuse(badApp) }
        guard fields["grant_type"] == codeGrantType, let code = fields["code"] else { return refuse(badCodeRequest) }
        switch world.redeem(code: code, platform: platform, appKey: shop.appKey) {
        case .success(let grant): return GatewayRunner.json(answer(grant, world.nowMillis))
        case .failure: return refuse(badCode)
        }
    }

    func refreshToken(_ request: HTTPRequest, world: SimWorld) -> HTTPResponse {
        let fields = request.formFields
        guard let shop = app(fields, world: world) else { return refuse(badApp) }
        guard fields["grant_type"] == "refresh_token", let token = fields["refresh_token"] else {
            return refuse(badRefreshRequest)
        }
        switch world.refresh(token, platform: platform, appKey: shop.appKey) {
        case .success(let grant): return GatewayRunner.json(answer(grant, world.nowMillis))
        case .failure: return refuse(badRefresh)
        }
    }

    private func app(_ fields: FormFields, world: SimWorld) -> SimShop? {
        guard let key = fields[appKeyField], let secret = fields["app_secret"] else { return nil }
        return world.shops(platform: platform, appKey: key).first { $0.appSecret == secret }
    }

    private func refuse(_ refusal: Refusal) -> HTTPResponse { GatewayRunner.json(failure(refusal)) }
}
