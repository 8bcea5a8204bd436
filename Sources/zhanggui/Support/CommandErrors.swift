/// A mistake in how the command was called; the tool prints it with a pointer to the command's help and exits 2.
/// Raised before anything is opened or written.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// The command was understood but cannot be carried out — the database already has a company, an order does not
/// exist, the database file cannot be opened; the tool prints it alone and exits 1.
struct Refusal: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
