import Testing
import ZhangguiCore

@Suite("After-sales cases move only along their kind's path")
struct AfterSaleWorkflowTests {
    /// Walks `actions` from `requested` and returns the states passed through.
    static func walk(_ kind: AfterSaleKind, _ actions: [AfterSaleAction]) throws -> [AfterSaleState] {
        var state = AfterSaleState.requested
        var states: [AfterSaleState] = []
        for action in actions {
            state = try AfterSaleWorkflow.next(after: action, from: state, kind: kind)
            states.append(state)
        }
        return states
    }

    @Test("each kind's whole path is allowed")
    func paths() throws {
        #expect(try Self.walk(.refundOnly, [.agree, .refund, .close]) == [.agreed, .refunded, .closed])
        #expect(
            try Self.walk(.returnAndRefund, [.agree, .awaitReturn, .receive, .refund, .close])
                == [.agreed, .awaitingReturn, .received, .refunded, .closed]
        )
        #expect(
            try Self.walk(.exchange, [.agree, .awaitReturn, .receive, .reship, .close])
                == [.agreed, .awaitingReturn, .received, .reshipped, .closed]
        )
        #expect(try Self.walk(.reship, [.agree, .reship, .close]) == [.agreed, .reshipped, .closed])
    }

    @Test(
        "moves outside the path are refused, naming the state",
        arguments: [
            (AfterSaleKind.refundOnly, AfterSaleAction.receive, AfterSaleState.agreed),
            (.refundOnly, .reship, .agreed),
            (.reship, .refund, .agreed),
            (.returnAndRefund, .refund, .agreed),
            (.returnAndRefund, .refuse, .awaitingReturn),
            (.exchange, .cancel, .received),
            (.refundOnly, .agree, .closed),
            (.reship, .close, .requested),
        ]
    )
    func refused(kind: AfterSaleKind, action: AfterSaleAction, state: AfterSaleState) {
        #expect(throws: AfterSaleError.self) { try AfterSaleWorkflow.next(after: action, from: state, kind: kind) }
        do {
            _ = try AfterSaleWorkflow.next(after: action, from: state, kind: kind)
        } catch {
            #expect(error.code == .illegalTransition)
            #expect(error.detail.contains("in state \(state.rawValue) (\(state.chineseName))"))
        }
    }

    @Test("a request can be refused or withdrawn; refused and cancelled cases are finished")
    func endings() throws {
        #expect(try Self.walk(.returnAndRefund, [.refuse]) == [.refused])
        #expect(
            try Self.walk(.returnAndRefund, [.agree, .awaitReturn, .cancel]) == [.agreed, .awaitingReturn, .cancelled]
        )
        #expect(AfterSaleWorkflow.actions(from: .refused, kind: .refundOnly).isEmpty)
        #expect(AfterSaleWorkflow.actions(from: .cancelled, kind: .exchange).isEmpty)
        #expect(AfterSaleWorkflow.actions(from: .requested, kind: .reship) == [.agree, .refuse, .cancel])
        #expect(AfterSaleWorkflow.actions(from: .agreed, kind: .returnAndRefund) == [.awaitReturn, .receive, .cancel])
    }
}
