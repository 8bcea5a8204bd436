/// Migration 3: indexes that let a list page walk a company's rows in id order and stop at the page's end.
///
/// Without them the order and product lists read every row of the company through the `(company_id, state)` or
/// `(company_id, code)` index and sorted them by id before keeping one page: about 1 ms per page for 2,000 orders,
/// growing with the company. On SQLite the id is the rowid, so `(company_id, id)` costs one small index.
extension Schema {
    static let listIndexes = Migration(
        version: 3,
        name: "list pages in id order",
        statements: [
            "CREATE INDEX trades_by_company_id ON trades (company_id, id)",
            "CREATE INDEX skus_by_company_id ON skus (company_id, id)",
        ]
    )
}
