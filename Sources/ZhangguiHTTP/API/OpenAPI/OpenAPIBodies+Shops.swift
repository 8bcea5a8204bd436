extension OpenAPIBodies {
    private static let counts = OpenAPISchema.object([
        ("new", .integer), ("changed", .integer), ("unchanged", .integer), ("errors", .integer),
    ])

    private static let syncRun = OpenAPISchema.object(
        required: [
            ("id", .integer),
            ("kind", .oneOfWords(["orders", "refunds", "backfill", "repull", "shipments", "stock"])),
            (
                "outcome",
                .oneOfWords(["running", "done", "failed", "authorizationExpired", "rateLimited", "unavailable"])
            ),
            ("pages", .integer), ("new", .integer), ("changed", .integer), ("unchanged", .integer),
            ("errors", .integer), ("lastError", .string), ("startedAtMillis", .integer),
        ],
        optional: [("windowStartMillis", .integer), ("windowEndMillis", .integer), ("finishedAtMillis", .integer)]
    )

    private static let shop = OpenAPISchema.object(
        required: [
            ("id", .integer), ("code", .string), ("name", .string), ("platform", .string),
            ("status", .oneOfWords(["active", "authorizationExpired", "paused"])), ("shareBasisPoints", .integer),
            ("buffer", .integer), ("overlapSeconds", .integer), ("lagSeconds", .integer),
        ],
        optional: [
            ("max", .integer), ("ordersCheckpointMillis", .integer), ("refundsCheckpointMillis", .integer),
            ("backoffUntilMillis", .integer), ("lastRun", syncRun),
        ]
    )

    private static let syncReport = OpenAPISchema.object(
        required: [
            ("shop", .string), ("outcome", .string), ("orders", counts), ("refunds", counts),
            ("shipmentsConfirmed", .integer), ("shipmentsToRetry", .integer), ("stockPushed", .integer),
            ("stockRefused", .integer),
        ],
        optional: [("skipped", .string), ("error", .string)]
    )

    /// Connected shops' routes (docs/CHANNELS.md, docs/SYNC.md).
    static let shopRoutes: [String: RouteBodies] = [
        "GET /api/v1/shops": .read(.object([("shops", .array(shop))])),
        "GET /api/v1/shops/{id}": .read(shop),
        "PATCH /api/v1/shops/{id}": .write(
            .json(
                .object(
                    required: [],
                    optional: [
                        ("shareBasisPoints", .integer), ("buffer", .integer), ("max", .integer),
                        ("removeMax", .boolean), ("overlapSeconds", .integer), ("lagSeconds", .integer),
                        ("paused", .boolean),
                    ]
                )
            ),
            200,
            shop
        ),
        "GET /api/v1/shops/{id}/sync-runs": .read(.object([("runs", .array(syncRun))])),
        "POST /api/v1/shops/{id}/sync": .action(200, syncReport),
        "POST /api/v1/shops/{id}/backfill": .write(
            .json(.object([("from", .string), ("to", .string)])),
            200,
            syncReport
        ),
        "POST /api/v1/shops/{id}/repull": .write(
            .json(.object([("platformOrderID", .string)])),
            200,
            .object(
                required: [
                    ("platformOrderID", .string), ("outcome", .oneOfWords(["new", "newer", "unchanged", "failed"])),
                ],
                optional: [("error", .string)]
            )
        ),
        "GET /api/v1/shops/{id}/sku-mappings": .read(
            .object([
                (
                    "listings",
                    .array(
                        .object(
                            required: [
                                ("itemID", .string), ("skuID", .string), ("outerID", .string), ("title", .string),
                            ],
                            optional: [
                                ("sku", .string), ("mappedBy", .oneOfWords(["outerID", "barcode", "hand"])),
                                ("pushedQuantity", .integer),
                            ]
                        )
                    )
                )
            ])
        ),
        "PUT /api/v1/shops/{id}/sku-mappings/{platformSku}": .write(
            .json(.object([("sku", .string)])),
            200,
            .object([
                ("itemID", .string), ("skuID", .string), ("sku", .string), ("linesRemapped", .integer),
                ("tradesReleased", .integer),
            ])
        ),
        "GET /api/v1/shops/{id}/stock-pushes": .read(
            .object([
                (
                    "pushes",
                    .array(
                        .object(
                            required: [
                                ("itemID", .string), ("skuID", .string), ("newQuantity", .integer),
                                ("isAccepted", .boolean), ("error", .string), ("pushedAtMillis", .integer),
                            ],
                            optional: [("oldQuantity", .integer)]
                        )
                    )
                )
            ])
        ),
        "GET /api/v1/shops/{id}/after-sales": .read(
            .object([
                (
                    "requests",
                    .array(
                        .object([
                            ("id", .integer), ("refundID", .string), ("platformOrderID", .string), ("kind", .string),
                            ("status", .string), ("amountFen", .integer), ("reason", .string),
                            ("returnTrackingNumber", .string), ("outcome", .string), ("modifiedAtMillis", .integer),
                        ])
                    )
                )
            ])
        ),
    ]
}
