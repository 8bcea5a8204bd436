import ZhangguiServices

/// The catalogue's message for a refusal of a service, and the status the page answers with. The services'
/// own descriptions are English and meant for logs and the JSON API; pages show the catalogue's text.
enum Messages {
    static func of(_ error: AccountError) -> (HTTPStatus, Message) {
        switch error.code {
        case .wrongCredentials: (.unauthorized, .wrongCredentials)
        case .secondFactorRequired: (.unauthorized, .secondFactorRequired)
        case .wrongSecondFactor: (.unauthorized, .wrongSecondFactor)
        case .rateLimited: (.tooManyRequests, .rateLimited)
        case .sessionInvalid, .tokenInvalid: (.unauthorized, .sessionEnded)
        case .csrfMismatch: (.forbidden, .formExpired)
        case .forbidden: (.forbidden, .forbidden)
        case .notFound: (.notFound, .notFound)
        case .emailTaken: (.conflict, .emailTaken)
        case .invalidInput: (.badRequest, .invalidInput)
        case .weakPassword: (.badRequest, .weakPassword)
        case .totpAlreadyEnabled: (.conflict, .totpAlreadyOn)
        case .totpNotStarted: (.conflict, .totpNotStarted)
        case .lastAdmin: (.conflict, .lastAdmin)
        }
    }

    static func of(_ error: OrderActionError) -> (HTTPStatus, Message) {
        switch error.code {
        case .notFound: (.notFound, .notFound)
        case .insufficientStock: (.conflict, .insufficientStock)
        case .unmapped: (.conflict, .unmappedLines)
        case .wrongState: (.conflict, .wrongState)
        }
    }

    /// A refused split, merge or unmerge: the field at fault goes in the message as its request path
    /// (`lines[1].quantity`, `orders[2]`, `receiver.phone`).
    static func of(_ error: OrderChangeError) -> (HTTPStatus, Message, [String: String]) {
        let field = ["field": error.field ?? "-"]
        return switch error.code {
        case .notFound: (.notFound, .notFound, [:])
        case .invalidRequest: (.badRequest, .changeInvalid, field)
        case .wrongState: (.conflict, .changeWrongState, field)
        case .mismatch: (.conflict, .changeMismatch, field)
        }
    }
}
