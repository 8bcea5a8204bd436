extension ZhangguiAPI {
    struct Health: Encodable {
        let status: String
        let schema: Int
    }

    /// `GET /api/v1/health`: `{"status":"ok","schema":N}`.
    ///
    /// The schema version is the one found when the server opened the database: reading it again would take the
    /// writer's lock, and a long batch would then make a healthy server look dead.
    func health() throws -> HTTPResponse {
        try .json(Health(status: "ok", schema: schemaVersion))
    }
}
