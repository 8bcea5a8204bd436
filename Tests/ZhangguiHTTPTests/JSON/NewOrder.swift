import ZhangguiHTTP

/// A hand-entered order, the shape of body the coming write routes will take.
struct NewOrder: JSONBody, Equatable {
    let platformOrderID: String
    let paidFen: Int64
    let note: String?
    let lines: [Line]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case platformOrderID, paidFen, note, lines
    }

    static var nestedBodies: [CodingKeys: any JSONBody.Type] { [.lines: Line.self] }

    struct Line: JSONBody, Equatable {
        let sku: String
        let quantity: Int64

        enum CodingKeys: String, CodingKey, CaseIterable {
            case sku, quantity
        }
    }
}
