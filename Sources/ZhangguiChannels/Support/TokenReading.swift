import ZhangguiServices

/// Reads a token answer into a ``ShopAuthorization``: lifetimes given in seconds from now, or expiry instants.
enum TokenReading {
    struct Fields {
        var access: String
        /// A lifetime in seconds from now (empty when the answer gives an instant instead).
        var accessLifetimeSeconds: String = ""
        /// An expiry instant in Unix milliseconds.
        var accessExpiresAtMillis: String = ""
        var refresh: String
        var refreshLifetimeSeconds: String = ""
        var refreshExpiresAtMillis: String = ""
    }

    static func authorization(
        from token: WireObject,
        now: Int64,
        fields: Fields,
        previous: ShopAuthorization,
        defaultRefreshLifetimeMillis: Int64? = nil
    ) throws(ChannelError) -> ShopAuthorization {
        let access = try token.requiredText(fields.access)
        let accessExpiry: Int64
        if !fields.accessExpiresAtMillis.isEmpty {
            accessExpiry = try token.requiredInt(fields.accessExpiresAtMillis)
        } else {
            accessExpiry = now + (try token.requiredInt(fields.accessLifetimeSeconds)) * 1000
        }
        let refresh = token.text(fields.refresh)
        var refreshExpiry: Int64? = nil
        if !fields.refreshExpiresAtMillis.isEmpty, let instant = try token.optionalInt(fields.refreshExpiresAtMillis) {
            refreshExpiry = instant
        } else if !fields.refreshLifetimeSeconds.isEmpty,
            let seconds = try token.optionalInt(fields.refreshLifetimeSeconds)
        {
            refreshExpiry = now + seconds * 1000
        } else if let defaultRefreshLifetimeMillis {
            refreshExpiry = now + defaultRefreshLifetimeMillis
        }
        return ShopAuthorization(
            accessToken: access,
            accessExpiresAtMillis: accessExpiry,
            refreshToken: refresh.isEmpty ? previous.refreshToken : refresh,
            refreshExpiresAtMillis: refresh.isEmpty ? previous.refreshExpiresAtMillis : refreshExpiry
        )
    }
}
