extension OpenAPIBodies {
    private static let trackingStatus = OpenAPISchema.oneOfWords([
        "collected", "inTransit", "delivering", "delivered", "problem",
    ])

    private static let afterSaleCase = OpenAPISchema.object(
        required: [
            ("id", .integer), ("orderID", .integer), ("platformOrderID", .string),
            ("kind", .oneOfWords(["refundOnly", "returnAndRefund", "exchange", "reship"])), ("state", .string),
            ("refundFen", .integer), ("reason", .string), ("fromPlatform", .boolean), ("createdAt", .integer),
            ("updatedAt", .integer), ("actions", .array(.string)),
            (
                "lines",
                .array(
                    .object(
                        required: [("lineNo", .integer), ("merchantCode", .string), ("quantity", .integer)],
                        optional: [("condition", .oneOfWords(["sellable", "defective"]))]
                    )
                )
            ),
        ],
        optional: [("replacementOrderID", .integer)]
    )

    /// Tracking and after-sales routes (docs/TRACKING.md, docs/AFTER-SALES.md).
    static let afterSaleRoutes: [String: RouteBodies] = [
        "POST /api/v1/tracking/events": .write(
            .json(
                .object([
                    (
                        "events",
                        .array(
                            .object(
                                required: [
                                    ("courier", .string), ("waybill", .string), ("occurredAt", .integer),
                                    ("status", trackingStatus), ("action", .string),
                                ],
                                optional: [("detail", .string), ("place", .string)]
                            )
                        )
                    )
                ])
            ),
            200,
            .object([
                ("recorded", .integer), ("duplicates", .integer), ("unknownWaybills", .array(.string)),
                ("parcelsChanged", .integer), ("tradesDelivered", .integer), ("beforeShipping", .integer),
            ])
        ),
        "GET /api/v1/orders/{id}/tracking": .read(
            .object(
                required: [
                    ("id", .integer),
                    (
                        "parcels",
                        .array(
                            .object(
                                required: [
                                    ("shipmentID", .integer), ("courier", .string), ("waybill", .string),
                                    (
                                        "events",
                                        .array(
                                            .object(
                                                required: [
                                                    ("occurredAt", .integer), ("status", trackingStatus),
                                                    ("action", .string), ("detail", .string),
                                                ],
                                                optional: [("place", .string)]
                                            )
                                        )
                                    ),
                                ],
                                optional: [
                                    ("status", trackingStatus), ("statusAt", .integer), ("deliveredAt", .integer),
                                ]
                            )
                        )
                    ),
                ],
                optional: [("deliveredAt", .integer)]
            )
        ),
        "GET /api/v1/after-sales": .read(.object([("cases", .array(afterSaleCase))])),
        "GET /api/v1/after-sales/{id}": .read(afterSaleCase),
        "POST /api/v1/after-sales": .write(
            .json(
                .object(
                    required: [("orderID", .integer), ("kind", .string)],
                    optional: [
                        (
                            "lines",
                            .array(.object(required: [("lineNo", .integer)], optional: [("quantity", .integer)]))
                        ),
                        ("refundFen", .integer), ("reason", .string),
                    ]
                )
            ),
            201,
            afterSaleCase
        ),
        "POST /api/v1/after-sales/{id}/transition": .write(.json(.object([("action", .string)])), 200, afterSaleCase),
        "POST /api/v1/after-sales/{id}/receive": .write(
            .json(
                .object(
                    required: [],
                    optional: [
                        (
                            "lines",
                            .array(
                                .object([("lineNo", .integer), ("condition", .oneOfWords(["sellable", "defective"]))])
                            )
                        )
                    ]
                ),
                isRequired: false
            ),
            200,
            afterSaleCase
        ),
    ]
}
