import ZhangguiServices

/// The state of a listing between pages, written into ``ChannelPage/nextCursor`` as an opaque text.
///
/// `page` is the platform's next page number (whatever its base), `lastPage` is set while paging backwards
/// (the pages still to read run from `page` down to the first), and `token` carries a platform's own cursor.
struct PageCursor: Hashable, Sendable {
    var page: Int64
    var isBackwards: Bool
    var token: String

    init(page: Int64, isBackwards: Bool = false, token: String = "") {
        self.page = page
        self.isBackwards = isBackwards
        self.token = token
    }

    var text: String {
        JSONValue.object([
            "page": .int(page), "backwards": .bool(isBackwards), "token": .string(token),
        ]).serialized()
    }

    /// Reads a cursor a channel wrote earlier.
    /// - Throws: ``ChannelError/rejected(code:message:)`` for a text no channel wrote.
    static func read(_ text: String?) throws(ChannelError) -> PageCursor? {
        guard let text else { return nil }
        guard let value = try? JSONValue.parse(text), let page = value["page"]?.int64,
            let isBackwards = value["backwards"]?.bool, let token = value["token"]?.text
        else {
            throw ChannelError.rejected(code: "bad-cursor", message: "the page cursor was not written by this channel")
        }
        return PageCursor(page: page, isBackwards: isBackwards, token: token)
    }
}
