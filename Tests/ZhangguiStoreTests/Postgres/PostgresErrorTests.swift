import Testing

@testable import ZhangguiStore

@Suite("PostgreSQL errors are classified by SQLSTATE, without the values involved")
struct PostgresErrorTests {
    @Test(
        "each SQLSTATE maps to the kind services react to",
        arguments: [
            ("23505", DatabaseError.Kind.uniqueViolation),
            ("23514", .checkViolation),
            ("23503", .foreignKeyViolation),
            ("23502", .notNullViolation),
            ("P0001", .refusedByTrigger),
            ("40001", .busy),
            ("40P01", .busy),
            ("28P01", .cannotOpen),
            ("08006", .cannotOpen),
            ("42601", .other),
        ]
    )
    func kinds(sqlState: String, kind: DatabaseError.Kind) {
        let error = DatabaseError.postgres(sqlState: sqlState, message: "m")
        #expect(error.kind == kind)
        #expect(error.engineCode == sqlState)
    }

    @Test("a data exception's message loses the quoted value; other messages keep the names they quote")
    func valuesStayOut() {
        let data = DatabaseError.postgres(sqlState: "22P02", message: "invalid input syntax for type bigint: \"张三\"")
        #expect(data.description == "database other (22P02): invalid input syntax for type bigint: \"…\"")
        let unique = DatabaseError.postgres(
            sqlState: "23505",
            message: "duplicate key value violates unique constraint \"skus_company_id_code_key\""
        )
        #expect(unique.message.contains("skus_company_id_code_key"))
    }

    @Test("serialization failures and deadlocks are the conflicts worth running again")
    func retryable() {
        #expect(DatabaseError.postgres(sqlState: "40001", message: "").isRetryableConflict)
        #expect(DatabaseError.postgres(sqlState: "40P01", message: "").isRetryableConflict)
        #expect(!DatabaseError.postgres(sqlState: "23514", message: "").isRetryableConflict)
    }
}
