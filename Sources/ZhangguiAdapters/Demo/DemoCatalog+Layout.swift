extension DemoCatalog {
    /// The columns of the UCI Online Retail layout that the file at `path` lacks; empty when it has them all, so the
    /// demo can refuse another file before it derives anything from it.
    /// - Throws: ``TableFileError`` when the file cannot be read.
    public static func missingInvoiceColumns(path: String) throws -> [String] {
        let header = try TableFiles.open(path: path).header
        return OnlineRetailFile.columns.filter { !header.contains($0) }
    }
}
