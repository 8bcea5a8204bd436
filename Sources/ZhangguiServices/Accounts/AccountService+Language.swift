internal import ZhangguiStore

/// The language each user reads the pages in, kept with the user so it follows them from browser to browser.
extension AccountService {
    /// The signed-in user's chosen language tag (such as `zh-Hans` or `en`), nil when they never chose.
    public func preferredLanguage(of principal: Principal) throws -> String? {
        try database.read { try UserRecords($0).language(userID: principal.userID, companyID: principal.companyID) }
    }

    /// Stores the signed-in user's chosen language. The pages pass one of their own language tags.
    /// - Throws: ``AccountError`` `.invalidInput` for an empty tag or one over 16 characters.
    public func setPreferredLanguage(_ tag: String, by principal: Principal) throws {
        guard !tag.isEmpty, tag.count <= 16 else { throw AccountError(.invalidInput, detail: "language") }
        try database.write { connection in
            try UserRecords(connection).setLanguage(tag, userID: principal.userID, companyID: principal.companyID)
        }
    }
}
