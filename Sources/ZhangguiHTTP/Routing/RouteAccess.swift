public import ZhangguiCore

/// Who may call a route, declared with the route so that the API's description and the refusal come from one place.
///
/// The router only carries it; the API that adds the route checks it before the handler runs (401 without a
/// principal, 403 without the permission).
public enum RouteAccess: Sendable, Hashable {
    /// Anyone, signed in or not: health, sign-in, registration, the API's description.
    case open
    /// Any signed-in user or API token, whatever their permissions.
    case signedIn
    /// A principal holding this permission.
    case permission(Permission)

    /// The permission's raw value, `signedIn` or `open`: the `x-permission` of the API's description.
    public var label: String {
        switch self {
        case .open: "open"
        case .signedIn: "signedIn"
        case .permission(let permission): permission.rawValue
        }
    }
}
