import ZhangguiServices

/// Paging rules shared by the platforms.
enum Paging {
    /// The number of pages `total` items fill; at least one.
    static func pageCount(total: Int64, pageSize: Int64) -> Int64 {
        max(1, (total + pageSize - 1) / pageSize)
    }

    /// The next position when reading backwards: the first look (at `firstPage`, forwards) learns the total and
    /// jumps to the last page; then pages count down to `firstPage`, which is read again last. `nil` when done.
    static func backwardsNext(after position: PageCursor, total: Int64, pageSize: Int64, firstPage: Int64)
        -> PageCursor?
    {
        if !position.isBackwards {
            let lastPage = firstPage + pageCount(total: total, pageSize: pageSize) - 1
            return lastPage > firstPage ? PageCursor(page: lastPage, isBackwards: true) : nil
        }
        return position.page > firstPage ? PageCursor(page: position.page - 1, isBackwards: true) : nil
    }

    /// The next position when reading forwards by page number.
    static func forwardsNext(after position: PageCursor, hasMore: Bool) -> PageCursor? {
        hasMore ? PageCursor(page: position.page + 1) : nil
    }
}

extension Array {
    /// `map` whose transform throws ``ChannelError``, keeping the typed error.
    func mapChannel<Mapped>(_ transform: (Element) throws(ChannelError) -> Mapped) throws(ChannelError) -> [Mapped] {
        var mapped: [Mapped] = []
        mapped.reserveCapacity(count)
        for element in self { mapped.append(try transform(element)) }
        return mapped
    }
}
