/// The language a user chose for the pages (migration 15), such as `zh-Hans` or `en`.
extension UserRecords {
    /// The user's chosen language, nil when they never chose one or are not in the company.
    public func language(userID: Int64, companyID: Int64) throws -> String? {
        try connection.queryOne("SELECT language FROM users WHERE id = ? AND company_id = ?", userID, companyID)?
            .optionalString(0)
    }

    /// Stores the user's chosen language.
    public func setLanguage(_ language: String, userID: Int64, companyID: Int64) throws {
        try connection.execute(
            "UPDATE users SET language = ? WHERE id = ? AND company_id = ?",
            language,
            userID,
            companyID
        )
    }
}
