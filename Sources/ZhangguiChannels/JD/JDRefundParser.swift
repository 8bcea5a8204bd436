import ZhangguiCore
import ZhangguiServices

/// Reads a JOS refund application (`jingdong.pop.afs.soa.refundapply.queryPageList`, `queryResult.result[]`) into a
/// ``PlatformRefund``. The spec (§2.4) names the call and its request fields only; the answer's status codes and
/// amount unit are unconfirmed, so they come from ``JDSettings`` and an unknown status is logged, never guessed.
enum JDRefundParser {
    /// - Parameter unknownStatus: told the code of a status the settings do not map; the application is then read
    ///   as still open (`requested`), which holds an unshipped order for a clerk rather than letting it ship.
    static func refund(
        from application: WireObject,
        settings: JDSettings,
        unknownStatus: (Int64) -> Void
    ) throws(ChannelError) -> PlatformRefund {
        let code = try application.requiredInt("status")
        let status = settings.refundStatusMap[code]
        if status == nil { unknownStatus(code) }
        let applied = try application.requiredGMT8Time("applyTime")
        let checked = try application.gmt8Time("checkTime") ?? applied
        let amount =
            settings.refundAmountsInFen
            ? try application.fen("applyRefundSum") : try application.yuan("applyRefundSum")
        return PlatformRefund(
            refundID: try application.requiredText("id"),
            platformOrderID: try application.requiredText("orderId"),
            kind: .refundOnly,
            status: status ?? .requested,
            amount: amount,
            reason: application.text("reason"),
            createdAtMillis: applied,
            modifiedAtMillis: max(applied, checked),
            rawPayload: application.value.serialized()
        )
    }
}
