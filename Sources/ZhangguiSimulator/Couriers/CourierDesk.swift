import Synchronization

/// The couriers' side of the simulator (顺丰 丰桥 and 中通 ZOP): their accounts, the waybills they issued with
/// routing, each parcel's route so far, and whether each courier is up. Every method takes the lock once.
public final class CourierDesk: Sendable {
    let state = Mutex(CourierDeskState())

    public init() {}

    /// Opens a 丰桥 account: `partnerID` (顾客编码) signing with `checkWord`.
    public func addSFAccount(partnerID: String, checkWord: String) {
        state.withLock { $0.sfCheckWords[partnerID] = checkWord }
    }

    /// Opens a ZOP application (`appKey` signing with `appSecret`) and the e-waybill accounts it may take numbers
    /// from, by account id and password.
    public func addZTOApplication(appKey: String, appSecret: String, accounts: [String: String]) {
        state.withLock {
            $0.ztoSecrets[appKey] = appSecret
            $0.ztoAccounts.merge(accounts) { _, new in new }
        }
    }

    /// Makes `courier` (`SF` or `ZTO`) answer normally (`isUp`) or with HTTP 503.
    public func setUp(_ courier: String, _ isUp: Bool) {
        state.withLock { if isUp { $0.down.remove(courier) } else { $0.down.insert(courier) } }
    }

    func sfCheckWord(partnerID: String) -> String? {
        state.withLock { $0.sfCheckWords[partnerID] }
    }

    func ztoSecret(appKey: String) -> String? {
        state.withLock { $0.ztoSecrets[appKey] }
    }

    func ztoPassword(accountID: String) -> String? {
        state.withLock { $0.ztoAccounts[accountID] }
    }

    func isUp(_ courier: String) -> Bool {
        state.withLock { !$0.down.contains(courier) }
    }

    /// Every waybill issued so far, cancelled ones included, in the order issued.
    public func waybills() -> [SimWaybill] {
        state.withLock { $0.waybills }
    }

    /// Adds a step to a parcel's route, at `time` (`yyyy-MM-dd HH:mm:ss`, 北京时间): an SF opCode or a ZTO action.
    /// - Throws: ``SimError`` when no waybill has that number.
    public func advanceRoute(waybill number: String, action: String, time: String, remark: String = "")
        throws(SimError)
    {
        let found = state.withLock { state -> Bool in
            guard let index = state.waybills.firstIndex(where: { $0.number == number }) else { return false }
            state.waybills[index].route.append(SimRouteStep(action: action, time: time, remark: remark))
            return true
        }
        guard found else { throw SimError(.notFound, "no waybill \(number)") }
    }

    /// The waybill of `requestKey` at `courier`, issuing it on first sight: the same key always gets the same
    /// number, as 丰桥 does for an `orderId` and ZOP for a `partnerOrderCode`.
    func issue(courier: String, requestKey: String, province: String, city: String) -> SimWaybill {
        state.withLock { state in
            if let known = state.waybills.first(where: { $0.courier == courier && $0.requestKey == requestKey }) {
                return known
            }
            state.issued += 1
            let waybill = SimWaybill(
                courier: courier,
                requestKey: requestKey,
                number: SimRouting.number(courier: courier, serial: state.issued),
                sortCode: SimRouting.sortCode(courier: courier, province: province, city: city),
                bagCentre: SimRouting.bagCentre(province: province),
                isCancelled: false,
                route: []
            )
            state.waybills.append(waybill)
            return waybill
        }
    }

    /// Cancels the live waybill of `courier` found by `match`; nil when there is none.
    func cancel(courier: String, where match: (SimWaybill) -> Bool) -> SimWaybill? {
        state.withLock { state in
            guard
                let index = state.waybills.firstIndex(where: { $0.courier == courier && !$0.isCancelled && match($0) })
            else { return nil }
            state.waybills[index].isCancelled = true
            return state.waybills[index]
        }
    }
}

struct CourierDeskState {
    var sfCheckWords: [String: String] = [:]
    var ztoSecrets: [String: String] = [:]
    var ztoAccounts: [String: String] = [:]
    var down: Set<String> = []
    var waybills: [SimWaybill] = []
    var issued: Int64 = 0
}

/// A waybill the simulated courier issued.
public struct SimWaybill: Sendable, Hashable {
    public let courier: String
    public let requestKey: String
    public let number: String
    public let sortCode: String
    public let bagCentre: String
    public var isCancelled: Bool
    public var route: [SimRouteStep]
}

/// One step of a simulated parcel's route.
public struct SimRouteStep: Sendable, Hashable {
    /// The SF opCode or ZTO action.
    public let action: String
    public let time: String
    public let remark: String
}

/// Numbers and routing the simulated couriers hand out: made from the receiver's province and city, so two
/// receivers in different places get different codes, and the same place always the same.
enum SimRouting {
    static func number(courier: String, serial: Int64) -> String {
        let digits = String(serial)
        let padded = String(repeating: "0", count: max(0, 10 - digits.count)) + digits
        switch courier {
        case "SF": return "SF14" + padded
        case "ZTO": return "7531" + padded
        case "YTO": return "YT" + padded
        default: return courier + padded
        }
    }

    /// 大头笔 / 三段码: three groups of digits from the province and the city.
    static func sortCode(courier: String, province: String, city: String) -> String {
        let first = 100 + checksum(province) % 900
        let second = 10 + checksum(city) % 90
        return courier == "SF" ? "\(first)W-\(second)" : "\(first)-\(second)-00"
    }

    static func bagCentre(province: String) -> String {
        "\(province)集包中心"
    }

    private static func checksum(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { ($0 * 31 + Int($1.value)) % 1_000_003 }
    }
}
