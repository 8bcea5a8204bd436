import ZhangguiCore

extension WebPages {
    /// The warehouse's pages: stock and its ledger, labels and picking lists, the packing bench, imports and the
    /// background tasks.
    func addWarehouseRoutes(to router: inout Router) {
        addStockRoutes(to: &router)
        addLabelRoutes(to: &router)
        addPackingRoutes(to: &router)
        addImportRoutes(to: &router)
        addTaskRoutes(to: &router)
    }
}

/// The header's links to the warehouse's pages, each shown only to those allowed to open it.
enum WarehouseNavigation {
    static func links(_ context: PageContext) -> [HTML] {
        let texts = context.texts
        var links: [HTML] = []
        if context.can(.stockRead) { links.append("<a href=\"/stock\">\(texts(.stock))</a>") }
        if context.can(.ordersFulfil) {
            links.append("<a href=\"/labels\">\(texts(.labels))</a>")
            links.append("<a href=\"/packing\">\(texts(.packing))</a>")
        }
        if context.can(.importsRun) { links.append("<a href=\"/imports\">\(texts(.imports))</a>") }
        links.append("<a href=\"/tasks\">\(texts(.tasks))</a>")
        return links
    }
}
