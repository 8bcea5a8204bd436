extension OpenAPIBodies {
    /// The routes of the alerts, stock-note, split-and-merge and label work, merged side by side with this file's
    /// first version.
    ///
    /// Known limitation: the stock notes, split and merge and label routes are described as free-form objects (and
    /// the label PDFs as files under a JSON content type) until their fields are written out here; docs/SERVER.md
    /// names their fields. The alerts, jobs and reorder-point routes are written out in full.
    static let mergedRoutes: [String: RouteBodies] = alertRoutes.merging(freeFormRoutes) { $1 }

    private static let alertRoutes: [String: RouteBodies] = [
        "GET /api/v1/alerts": .read(
            .object([
                (
                    "alerts",
                    .array(
                        .object(
                            required: [("id", .integer), ("kind", alertKind), ("raisedAt", .integer)],
                            optional: [
                                ("warehouse", .string), ("sku", .string), ("available", .integer),
                                ("reorderPoint", .integer), ("orderID", .integer), ("platformOrderID", .string),
                                ("heldHours", .integer), ("reminderHours", .integer), ("shop", .string),
                                ("detail", .string), ("clearedAt", .integer),
                            ]
                        )
                    )
                )
            ])
        ),
        "GET /api/v1/jobs": .read(
            .object([
                (
                    "runs",
                    .array(
                        .object(
                            required: [
                                ("id", .integer), ("job", .string), ("tick", .integer), ("intervalSeconds", .integer),
                                ("runner", .string), ("startedAt", .integer), ("outcome", .string),
                                ("detail", .string),
                            ],
                            optional: [("finishedAt", .integer)]
                        )
                    )
                )
            ])
        ),
        "GET /api/v1/reorder-points": .read(.object([("reorderPoints", .array(reorderPoint))])),
        "PUT /api/v1/reorder-points": .write(
            .json(.object([("sku", .string), ("warehouse", .string), ("quantity", .integer)])),
            200,
            reorderPoint
        ),
    ]

    private static let alertKind = OpenAPISchema.oneOfWords(["lowStock", "heldOrder", "shopAuthorizationExpired"])
    private static let reorderPoint = OpenAPISchema.object([
        ("sku", .string), ("warehouse", .string), ("quantity", .integer), ("available", .integer),
    ])

    private static let freeFormRoutes: [String: RouteBodies] = [
        "GET /api/v1/stock/receipts": .read(.anyObject),
        "GET /api/v1/stock/receipts/{number}": .read(.anyObject),
        "POST /api/v1/stock/receipts": .write(.json(.anyObject), 201, .anyObject),
        "GET /api/v1/stock/issues": .read(.anyObject),
        "GET /api/v1/stock/issues/{number}": .read(.anyObject),
        "POST /api/v1/stock/issues": .write(.json(.anyObject), 201, .anyObject),
        "POST /api/v1/orders/{id}/split": .write(.json(.anyObject), 201, .anyObject),
        "POST /api/v1/orders/merge": .write(.json(.anyObject), 200, .anyObject),
        "POST /api/v1/orders/{id}/unmerge": .write(.json(.anyObject, isRequired: false), 200, .anyObject),
        "GET /api/v1/labels": .read(.file),
        "GET /api/v1/picklist": .read(.file),
        "POST /api/v1/labels": .write(.json(.anyObject), 200, .file),
    ]
}
