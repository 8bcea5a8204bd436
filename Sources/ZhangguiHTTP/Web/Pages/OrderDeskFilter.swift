import Foundation
import ZhangguiCore
import ZhangguiStore

/// The order desk's filters as they come in the query string, checked: a bad value names its field, and the desk
/// shows that instead of rows.
struct OrderDeskFilter {
    var query = DeskQueries.OrderFilter()
    /// The fields as typed, to fill the form again and to build the links of the next page.
    var typed: [(name: String, value: String)] = []

    /// The field whose value is not acceptable, named by its catalogue label.
    struct Invalid: Error {
        let field: Message
    }

    static let names = ["state", "shop", "hold", "from", "to", "phone", "sku", "waybill", "priority", "sort"]

    init(_ request: HTTPRequest, shopIDs: Set<Int64>?, limit: Int) throws(Invalid) {
        query.shopIDs = shopIDs
        query.limit = limit
        for name in Self.names {
            guard let value = request.queryValue(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty
            else { continue }
            typed.append((name, value))
            try set(name, value)
        }
        if let cursor = request.queryValue("cursor"), !cursor.isEmpty {
            guard let parsed = DeskQueries.Cursor(cursor) else { throw Invalid(field: .page) }
            query.cursor = parsed
        }
    }

    /// The typed value of `name`, "" when absent.
    func value(_ name: String) -> String {
        typed.last { $0.name == name }?.value ?? ""
    }

    private mutating func set(_ name: String, _ value: String) throws(Invalid) {
        switch name {
        case "state":
            guard TradeState(rawValue: value) != nil else { throw Invalid(field: .state) }
            query.state = value
        case "hold":
            guard HoldReason(rawValue: value) != nil else { throw Invalid(field: .holdReason) }
            query.holdReason = value
        case "from", "to":
            guard CivilDate.isDay(value) else { throw Invalid(field: name == "from" ? .fromDay : .toDay) }
            if name == "from" { query.fromDay = value } else { query.toDay = value }
        case "phone":
            guard (3...11).contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw Invalid(field: .phoneTail)
            }
            query.phoneTail = value
        case "priority":
            guard value == "1" else { throw Invalid(field: .highPriority) }
            query.isHighPriorityOnly = true
        case "sort":
            guard let sort = DeskQueries.Sort(rawValue: value) else { throw Invalid(field: .sort) }
            query.sort = sort
        default:
            guard value.count <= 100,
                !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else { throw Invalid(field: name == "shop" ? .shop : name == "sku" ? .sku : .waybill) }
            switch name {
            case "shop": query.shopCode = value
            case "sku": query.sku = value
            default: query.waybill = value
            }
        }
    }

    /// The query string of this filter's page starting at `cursor`, percent-encoded.
    func link(cursor: String?) -> String {
        var items = typed
        if let cursor { items.append(("cursor", cursor)) }
        let query = items.map { "\($0.name)=\(Self.encode($0.value))" }.joined(separator: "&")
        return "/orders" + (query.isEmpty ? "" : "?" + query)
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
