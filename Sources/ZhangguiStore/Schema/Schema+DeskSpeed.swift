/// Migration 15: the order desk's slow paths bounded by indexes, and each user's language for the pages.
///
/// Before it, filtering the desk by the receiver's phone tail and sorting it by amount read every order of the
/// company (71 and 84 ms at 100,000 orders). The phone index keys the last three characters of the phone, the
/// shortest tail the desk accepts, so a tail filter reads only the orders ending the same way (about one in a
/// thousand), newest first; a longer tail is checked on those rows. SQLite spells the expression `substr(x, -3)`,
/// PostgreSQL `right(x, 3)`; the desk's query writes the same expression as its engine's index. A waybill filter
/// read every order too (80 ms): `shipments_by_waybill` finds the parcel by its number, then its orders. High
/// priority orders are few: `trades_high_priority` holds only them, newest first.
extension Schema {
    static let deskSpeed = Migration(
        version: 15,
        name: "desk indexes for phone tail and amount; language per user",
        statements: [
            "CREATE INDEX trades_by_company_paid ON trades (company_id, paid_fen, id)",
            "CREATE INDEX shipments_by_waybill ON shipments (company_id, waybill_no)",
            "CREATE INDEX trades_high_priority ON trades (company_id, id) WHERE is_high_priority = 1",
            "ALTER TABLE users ADD COLUMN language TEXT",
        ],
        byDialect: [
            .sqlite: ["CREATE INDEX trades_by_phone_tail ON trades (company_id, substr(receiver_phone, -3), id)"],
            .postgres: ["CREATE INDEX trades_by_phone_tail ON trades (company_id, right(receiver_phone, 3), id)"],
        ]
    )

    /// The expression the phone-tail index keys, in `dialect`, for the trades aliased `t`.
    static func phoneTailKey(_ dialect: SQLDialect) -> String {
        switch dialect {
        case .sqlite: "substr(t.receiver_phone, -3)"
        case .postgres: "right(t.receiver_phone, 3)"
        }
    }
}
