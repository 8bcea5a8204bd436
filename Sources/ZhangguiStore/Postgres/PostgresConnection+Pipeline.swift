import CLibPQ

extension PostgresConnection {
    /// Sends the deferred savepoint commands and then the statement `send` queues, in one round trip (libpq's
    /// pipeline mode), and returns the statement's result.
    /// - Throws: the first command's or the statement's error; the statement is not run when a command before it
    ///   failed.
    func afterDeferred(_ send: () -> Int32) throws -> OpaquePointer {
        let commands = deferred
        deferred.removeAll()
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError() }
        for command in commands where PQsendQueryParams(handle, command, 0, nil, nil, nil, nil, 0) != 1 {
            throw connectionError()
        }
        guard send() == 1, PQpipelineSync(handle) == 1 else { throw connectionError() }
        var results: [OpaquePointer] = []
        defer { for result in results { PQclear(result) } }
        for _ in 0...commands.count {
            guard let result = PQgetResult(handle) else { throw connectionError() }
            results.append(result)
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        guard let sync = PQgetResult(handle), PQresultStatus(sync) == PGRES_PIPELINE_SYNC else {
            throw connectionError()
        }
        PQclear(sync)
        guard PQexitPipelineMode(handle) == 1 else { throw connectionError() }
        for result in results where PQresultStatus(result) != PGRES_PIPELINE_ABORTED {
            if let error = error(in: result) { throw error }
        }
        return results.removeLast()
    }
}
