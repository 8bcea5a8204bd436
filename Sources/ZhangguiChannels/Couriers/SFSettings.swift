/// What a 顺丰 丰桥 account needs (specs/platform-apis.md §7.6).
///
/// Secret: ``checkWord`` signs every call; never log it.
public struct SFSettings: Sendable, Hashable {
    /// The production gateway; the sandbox is `https://sfapi-sbox.sf-express.com/std/service`.
    public static let productionEndpoint = "https://bspgw.sf-express.com/std/service"

    /// The full URL of the `std/service` gateway.
    public var endpoint: String
    /// 顾客编码: the account's partner id.
    public var partnerID: String
    /// 校验码: the secret the digest is made with.
    public var checkWord: String
    /// 月结卡号: the monthly-billing card the parcels are charged to; empty to pay on collection.
    public var monthlyCard: String
    /// 1 顺丰特快, 2 顺丰标快 …
    public var expressTypeID: Int

    public init(
        endpoint: String = SFSettings.productionEndpoint,
        partnerID: String,
        checkWord: String,
        monthlyCard: String = "",
        expressTypeID: Int = 2
    ) {
        self.endpoint = endpoint
        self.partnerID = partnerID
        self.checkWord = checkWord
        self.monthlyCard = monthlyCard
        self.expressTypeID = expressTypeID
    }
}
