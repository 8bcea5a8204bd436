import Synchronization
import ZhangguiCore

/// Why a refresh or a code exchange was refused.
enum GrantRefusal: Error, Equatable {
    /// Unknown, used, revoked or replaced.
    case invalid
    case expired
    /// The platform does not refresh for this application.
    case notAllowed
}

extension SimWorld {
    /// Issues a new token pair to a shop, as if its seller had just authorised the application.
    /// - Parameters:
    ///   - accessToken: the token to issue instead of a random one (a spec vector's `session=test`, say).
    ///   - refreshToken: likewise for the refresh token.
    public func issueGrant(
        shopID: String,
        accessToken: String? = nil,
        refreshToken: String? = nil
    ) throws(SimError) -> SimGrant {
        try state.withLock { state throws(SimError) in
            let shop = try state.shop(shopID)
            var grant = Self.issue(to: shop, in: &state)
            grant.accessToken = accessToken ?? grant.accessToken
            grant.refreshToken = refreshToken ?? grant.refreshToken
            state.grants[state.grants.count - 1] = grant
            return grant
        }
    }

    /// Issues an authorisation code (valid 10 minutes, single use) for the shop's seller.
    public func issueCode(shopID: String) throws(SimError) -> String {
        try state.withLock { state throws(SimError) in
            _ = try state.shop(shopID)
            let code = "code" + String(state.nextNumber()) + Self.randomHex(8)
            state.codes[code] = (shopID, state.now + 600_000)
            return code
        }
    }

    /// Exchanges an authorisation code for a token pair.
    func redeem(code: String, platform: Platform, appKey: String) -> Result<SimGrant, GrantRefusal> {
        state.withLock { state in
            guard let entry = state.codes.removeValue(forKey: code), let shop = state.shops[entry.shopID],
                shop.platform == platform, shop.appKey == appKey
            else { return .failure(.invalid) }
            guard entry.expiresMillis > state.now else { return .failure(.expired) }
            return .success(Self.issue(to: shop, in: &state))
        }
    }

    /// Issues a pair for a self-developed app's own shop (抖店 `authorization_self`).
    func issueSelf(shopID: String, platform: Platform, appKey: String) -> SimGrant? {
        state.withLock { state in
            guard let shop = state.shops[shopID], shop.platform == platform, shop.appKey == appKey else { return nil }
            return Self.issue(to: shop, in: &state)
        }
    }

    /// Whether `token` is a live access token of an application with `appKey` on `platform`.
    func checkToken(_ token: String, platform: Platform, appKey: String) -> TokenCheck {
        state.withLock { state in
            guard let grant = state.grants.last(where: { $0.accessToken == token }), !grant.isRevoked,
                let shop = state.shops[grant.shopID], shop.platform == platform, shop.appKey == appKey
            else { return .invalid }
            return grant.accessExpiresMillis > state.now ? .valid(shopID: grant.shopID) : .expired
        }
    }

    /// Exchanges a refresh token by the platform's rules (rotation, grace periods, 小红书's 30-minute rule).
    func refresh(_ refreshToken: String, platform: Platform, appKey: String) -> Result<SimGrant, GrantRefusal> {
        state.withLock { state in
            guard let index = state.grants.lastIndex(where: { $0.refreshToken == refreshToken }),
                !state.grants[index].isRevoked, let shop = state.shops[state.grants[index].shopID],
                shop.platform == platform, shop.appKey == appKey
            else { return .failure(.invalid) }
            let policy = state.tokenPolicies[platform] ?? .standard(for: platform)
            let grant = state.grants[index]
            let now = state.now
            guard policy.canRefresh else { return .failure(.notAllowed) }
            if let dies = grant.refreshDiesMillis, dies <= now { return .failure(.invalid) }
            guard grant.refreshExpiresMillis > now else { return .failure(.expired) }
            if let window = policy.refreshOnlyWithinSeconds, grant.refreshDiesMillis == nil,
                grant.accessExpiresMillis - now > window * 1000
            {
                return .success(grant)
            }
            // Used again within its grace period, a replaced refresh token still dies when it first was to.
            state.grants[index].refreshDiesMillis =
                grant.refreshDiesMillis ?? now + policy.oldRefreshGraceSeconds * 1000
            if let grace = policy.oldAccessGraceSeconds {
                state.grants[index].accessExpiresMillis = min(grant.accessExpiresMillis, now + grace * 1000)
            }
            return .success(Self.issue(to: shop, in: &state))
        }
    }

    /// Makes a token (access or refresh) expire now; its pair's other token is left as it is.
    public func expire(token: String) throws(SimError) {
        try state.withLock { state throws(SimError) in
            var found = false
            for index in state.grants.indices {
                if state.grants[index].accessToken == token {
                    state.grants[index].accessExpiresMillis = state.now
                    found = true
                }
                if state.grants[index].refreshToken == token {
                    state.grants[index].refreshExpiresMillis = state.now
                    found = true
                }
            }
            guard found else { throw SimError(.notFound, "no such token") }
        }
    }

    /// Revokes the grant holding `token` (access or refresh), as a seller cancelling the authorisation.
    public func revoke(token: String) throws(SimError) {
        try state.withLock { state throws(SimError) in
            var found = false
            for index in state.grants.indices
            where state.grants[index].accessToken == token || state.grants[index].refreshToken == token {
                state.grants[index].isRevoked = true
                found = true
            }
            guard found else { throw SimError(.notFound, "no such token") }
        }
    }

    /// Every grant issued to a shop, oldest first.
    public func grants(shopID: String) -> [SimGrant] {
        state.withLock { $0.grants.filter { $0.shopID == shopID } }
    }

    private static func issue(to shop: SimShop, in state: inout WorldState) -> SimGrant {
        let policy = state.tokenPolicies[shop.platform] ?? .standard(for: shop.platform)
        let serial = state.nextNumber()
        let grant = SimGrant(
            shopID: shop.shopID,
            accessToken: "at\(serial)" + randomHex(24),
            refreshToken: "rt\(serial)" + randomHex(24),
            accessExpiresMillis: state.now + policy.accessSeconds * 1000,
            refreshExpiresMillis: state.now + policy.refreshSeconds * 1000
        )
        state.grants.append(grant)
        return grant
    }

    static func randomHex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement()! })
    }
}
