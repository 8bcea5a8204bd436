import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP

@Suite("each built-in role reaches exactly the routes its permissions allow")
struct RolePermissionTests {
    @Test(
        "every route answers a role 403 when it lacks the route's permission, and lets it through otherwise",
        arguments: BuiltInRole.allCases
    )
    func walk(role: BuiltInRole) async throws {
        let shop = try APIShop()
        let user = try await shop.signIn(role)
        let permissions = Role(role).permissions
        // Signing out comes last, so the walk keeps its session.
        let isSignOut = { (route: Router.Route) in
            route.method == .delete && route.pattern.description == "/api/v1/session"
        }
        let routes = shop.routes.filter { !isSignOut($0) } + shop.routes.filter(isSignOut)

        for route in routes {
            let path = Self.path(route.pattern.parameterNames, route.pattern.description)
            let answer = try await shop.call(route.method.rawValue, path, as: user, json: Self.body(route))

            switch route.access {
            case .permission(let permission) where !permissions.contains(permission):
                #expect(answer.status == 403, "\(role) \(route.method) \(path)")
                #expect(try answer.error["code"] as? String == "forbidden", "\(role) \(route.method) \(path)")
            default:
                #expect(![401, 403].contains(answer.status), "\(role) \(route.method) \(path): \(answer.text)")
                #expect(answer.status < 500, "\(role) \(route.method) \(path)")
            }
        }
    }

    /// The pattern with ids no company has, and codes the shop has.
    static func path(_ names: [String], _ pattern: String) -> String {
        pattern.replacingOccurrences(of: "{id}", with: "999999")
            .replacingOccurrences(of: "{sku}", with: "MUG")
            .replacingOccurrences(of: "{kind}", with: "products")
            .replacingOccurrences(of: "{number}", with: "RK-999999")
            .replacingOccurrences(of: "{waybill}", with: "ZG999999")
            .replacingOccurrences(of: "{platformSku}", with: "1001")
    }

    /// An empty object for routes that read JSON, nothing for the others.
    static func body(_ route: Router.Route) -> String? {
        let jsonRoutes = [
            "/api/v1/session", "/api/v1/companies", "/api/v1/users", "/api/v1/tokens", "/api/v1/orders/merge",
            "/api/v1/stock/receipts", "/api/v1/stock/issues", "/api/v1/packing/{waybill}/scan",
            "/api/v1/packing/{waybill}/finish",
        ]
        return route.method == .post && jsonRoutes.contains(route.pattern.description) ? "{}" : nil
    }
}
