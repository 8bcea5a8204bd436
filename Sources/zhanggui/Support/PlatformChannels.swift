import ZhangguiCore
import ZhangguiServices

/// The platform clients the tool syncs through.
///
/// Known limitation: the platform clients (ZhangguiAdapters) are not part of this build yet, so every shop's pass
/// ends with "platform unavailable" in its sync log, saying so; connecting shops, mapping SKUs and the sync log work.
/// Once the clients are in, this factory hands out theirs.
struct PlatformChannels: ShopChannelFactory {
    func channel(for credentials: ShopCredentials) throws -> any ShopChannel {
        throw ChannelError.unavailable(message: "this build has no client for \(credentials.platform.displayName) yet")
    }
}
