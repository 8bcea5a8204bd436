/// The request and answer bodies of every route, as docs/SERVER.md lists them, keyed by `METHOD pattern`.
/// A test checks that every route of the server has an entry, and that every write describes its request body.
enum OpenAPIBodies {
    private typealias Members = [(String, OpenAPISchema)]

    /// Named schemas shared by several routes (`components/schemas`).
    static let components: [String: OpenAPISchema] = [
        "Error": .object([
            (
                "error",
                .object(
                    required: [("code", .string), ("message", .string)],
                    optional: [("field", .string), ("row", .integer)]
                )
            )
        ]),
        "Product": .object([
            ("id", .integer), ("code", .string), ("barcode", .string), ("name", .string), ("spec", .string),
            ("weightGrams", .integer), ("listPriceFen", .integer), ("isCombo", .boolean),
        ]),
        "OrderSummary": .object(
            required: [
                ("id", .integer), ("shop", .string), ("platformOrderID", .string), ("splitSeq", .integer),
                ("state", tradeState), ("paidFen", .integer), ("isHighPriority", .boolean),
            ],
            optional: [("waybill", .string), ("holds", .string)]
        ),
        "Order": .object(required: orderRequired, optional: orderOptional),
        "ActionAnswer": .object(required: [("id", .integer), ("state", tradeState)], optional: [("parts", ids)]),
        "Created": .object([("id", .integer)]),
        "ImportReport": .object([
            ("kind", .string), ("file", .string), ("isDryRun", .boolean), ("rowsRead", .integer),
            ("imported", .integer), ("duplicates", .integer), ("cancelled", .integer), ("rowsFailed", .integer),
            (
                "issues",
                .array(.object([("file", .string), ("row", .integer), ("column", .string), ("message", .string)]))
            ),
        ]),
        "ScopeReach": .anyOf([.oneOfWords(["all"]), ids]),
        "StockNote": .object(
            required: [
                ("number", .string), ("kind", .oneOfWords(["receipt", "issue"])), ("reason", .string),
                ("totalFen", .integer), ("postedAt", .integer),
                (
                    "lines",
                    .array(
                        .object(
                            required: [
                                ("warehouse", .string), ("sku", .string), ("quantity", .integer),
                                ("valueFen", .integer),
                            ],
                            optional: [("unitCostFen", .integer)]
                        )
                    )
                ),
            ],
            optional: [("reference", .string), ("memo", .string), ("voucher", .string), ("userID", .integer)]
        ),
        "Parcels": .object([("parcels", .array(.object([("id", .integer), ("shipmentID", .integer)])))]),
        "ReorderPoint": .object([
            ("sku", .string), ("warehouse", .string), ("quantity", .integer), ("available", .integer),
        ]),
    ]

    private static let ids = OpenAPISchema.array(.integer)
    private static let permissions = OpenAPISchema.array(.string)
    private static let tradeState = OpenAPISchema.oneOfWords([
        "pendingReview", "onHold", "approved", "allocated", "waybilled", "shipped", "cancelled",
    ])

    private static let orderRequired: Members = [
        ("id", .integer), ("shop", .string), ("platformOrderID", .string), ("splitSeq", .integer),
        ("state", tradeState), ("orderedAt", .integer), ("paidFen", .integer), ("freightFen", .integer),
        ("isHighPriority", .boolean),
        (
            "receiver",
            .object([
                ("name", .string), ("phone", .string), ("province", .string), ("city", .string),
                ("district", .string), ("address", .string),
            ])
        ),
        ("buyerNote", .string), ("sellerMemo", .string),
        (
            "lines",
            .array(
                .object(
                    required: [
                        ("lineNo", .integer), ("merchantCode", .string), ("name", .string), ("quantity", .integer),
                        ("unitPriceFen", .integer), ("netFen", .integer),
                    ],
                    optional: [("skuID", .integer)]
                )
            )
        ),
        ("holds", .array(.object([("reason", .string), ("check", .string), ("detail", .string)]))),
        (
            "parts",
            .array(
                .object(
                    required: [("id", .integer), ("splitSeq", .integer), ("state", tradeState)],
                    optional: [("waybill", .string)]
                )
            )
        ),
    ]

    private static let orderOptional: Members = [
        ("paidAt", .integer), ("divisionCode", .string),
        (
            "shipment",
            .object(
                required: [("id", .integer)],
                optional: [("courier", .string), ("waybill", .string), ("shippedAt", .integer)]
            )
        ),
    ]

    /// Every route's bodies.
    static let routes: [String: RouteBodies] =
        sessionRoutes.merging(catalogueRoutes) { $1 }.merging(orderRoutes) { $1 }.merging(booksRoutes) { $1 }
        .merging(userRoutes) { $1 }.merging(stockNoteRoutes) { $1 }.merging(partRoutes) { $1 }
        .merging(alertRoutes) { $1 }.merging(labelRoutes) { $1 }.merging(afterSaleRoutes) { $1 }
        .merging(shopRoutes) { $1 }

    private static func stockNoteBody(unitCost: Bool) -> OpenAPISchema {
        let line: Members = [("warehouse", .string), ("sku", .string), ("quantity", .integer)]
        return .object(
            required: [
                ("reason", .string),
                ("lines", .array(.object(unitCost ? line + [("unitCostFen", .integer)] : line))),
            ],
            optional: [("reference", .string), ("memo", .string)]
        )
    }

    private static let stockNoteRoutes: [String: RouteBodies] = [
        "POST /api/v1/stock/receipts": .write(.json(stockNoteBody(unitCost: true)), 201, .ref("StockNote")),
        "POST /api/v1/stock/issues": .write(.json(stockNoteBody(unitCost: false)), 201, .ref("StockNote")),
        "GET /api/v1/stock/receipts": .read(
            .object(required: [("receipts", .array(.ref("StockNote")))], optional: [("next", .string)])
        ),
        "GET /api/v1/stock/issues": .read(
            .object(required: [("issues", .array(.ref("StockNote")))], optional: [("next", .string)])
        ),
        "GET /api/v1/stock/receipts/{number}": .read(.ref("StockNote")),
        "GET /api/v1/stock/issues/{number}": .read(.ref("StockNote")),
    ]

    private static let partRoutes: [String: RouteBodies] = [
        "POST /api/v1/orders/{id}/split": .write(
            .json(
                .object([
                    ("lines", .array(.object(required: [("lineNo", .integer)], optional: [("quantity", .integer)])))
                ])
            ),
            201,
            .object([
                ("id", .integer), ("state", tradeState),
                ("part", .object([("id", .integer), ("splitSeq", .integer), ("state", tradeState)])),
            ])
        ),
        "POST /api/v1/orders/merge": .write(.json(.object([("orders", ids)])), 200, .ref("Parcels")),
        "POST /api/v1/orders/{id}/unmerge": .action(200, .ref("Parcels")),
    ]

    private static let alertRoutes: [String: RouteBodies] = [
        "GET /api/v1/alerts": .read(
            .object([
                (
                    "alerts",
                    .array(
                        .object(
                            required: [
                                ("id", .integer),
                                ("kind", .oneOfWords(["lowStock", "heldOrder", "shopAuthorizationExpired"])),
                                ("raisedAt", .integer),
                            ],
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
        "GET /api/v1/reorder-points": .read(.object([("reorderPoints", .array(.ref("ReorderPoint")))])),
        "PUT /api/v1/reorder-points": .write(
            .json(.object([("sku", .string), ("warehouse", .string), ("quantity", .integer)])),
            200,
            .ref("ReorderPoint")
        ),
    ]

    /// The label routes answer a PDF (`application/pdf`).
    private static let labelRoutes: [String: RouteBodies] = [
        "POST /api/v1/labels": .action(200, .file),
        "GET /api/v1/labels": .read(.file),
        "GET /api/v1/picklist": .read(.file),
    ]

    private static let sessionRoutes: [String: RouteBodies] = [
        "GET /api/v1/health": .read(.object([("schema", .integer), ("status", .string)])),
        "GET /api/v1/openapi.json": .read(.anyObject),
        "POST /api/v1/companies": .write(
            .json(
                .object(
                    required: [("companyName", .string), ("adminEmail", .string), ("adminPassword", .string)],
                    optional: [("timeZone", .string)]
                )
            ),
            201,
            .object([("companyID", .integer), ("adminUserID", .integer)])
        ),
        "POST /api/v1/session": .write(
            .json(
                .object(
                    required: [("email", .string), ("password", .string)],
                    optional: [("totp", .string), ("recoveryCode", .string)]
                )
            ),
            201,
            .object([("csrfToken", .string), ("companyID", .integer), ("userID", .integer), ("expiresAt", .integer)])
        ),
        "DELETE /api/v1/session": .action(204),
    ]

    private static let catalogueRoutes: [String: RouteBodies] = [
        "GET /api/v1/products": .read(
            .object(required: [("products", .array(.ref("Product")))], optional: [("next", .string)])
        ),
        "GET /api/v1/products/{id}": .read(.ref("Product")),
        "GET /api/v1/stock": .read(
            .object([
                (
                    "stock",
                    .array(
                        .object([
                            ("warehouse", .string), ("sku", .string), ("onHand", .integer), ("reserved", .integer),
                            ("frozen", .integer), ("available", .integer),
                        ])
                    )
                )
            ])
        ),
        "GET /api/v1/stock/{sku}/ledger": .read(
            .object([
                ("sku", .string),
                (
                    "entries",
                    .array(
                        .object([
                            ("warehouse", .string), ("onHandDelta", .integer), ("reservedDelta", .integer),
                            ("frozenDelta", .integer), ("valueDeltaFen", .integer), ("reason", .string),
                            ("document", .string),
                        ])
                    )
                ),
            ])
        ),
        "POST /api/v1/imports/{kind}": .write(.file, 200, .ref("ImportReport")),
    ]

    private static let orderRoutes: [String: RouteBodies] = [
        "GET /api/v1/orders": .read(
            .object(required: [("orders", .array(.ref("OrderSummary")))], optional: [("next", .string)])
        ),
        "GET /api/v1/orders/{id}": .read(.ref("Order")),
        "POST /api/v1/orders/{id}/approve": .action(200, .ref("ActionAnswer")),
        "POST /api/v1/orders/{id}/hold": .write(
            .json(.object(required: [], optional: [("note", .string)]), isRequired: false),
            200,
            .ref("ActionAnswer")
        ),
        "POST /api/v1/orders/{id}/release": .action(200, .ref("ActionAnswer")),
        "POST /api/v1/orders/review": .action(
            200,
            .object([
                ("reviewed", .integer), ("approved", .integer), ("splitParts", .integer), ("held", .integer),
                ("highPriority", .integer), ("heldByReason", .map(.integer)),
            ])
        ),
        "POST /api/v1/orders/{id}/cancel": .action(200, .ref("ActionAnswer")),
        "POST /api/v1/fulfilment/allocate": .write(
            .json(.object([("orderIDs", ids)]), isRequired: false),
            200,
            .object([("trades", .integer), ("shipments", .integer), ("merged", .integer)])
        ),
        "POST /api/v1/fulfilment/waybill": .write(
            .json(.object([("orderIDs", ids)]), isRequired: false),
            200,
            .object([
                ("shipments", .integer),
                ("waiting", .array(.object([("shipmentID", .integer), ("reason", .string)]))),
            ])
        ),
        "POST /api/v1/shipments/{id}/waybill/cancel": .action(
            200,
            .object([("shipment", .integer), ("waybill", .string), ("toldCourier", .boolean)])
        ),
        "POST /api/v1/fulfilment/ship": .write(
            .json(.object([("orderIDs", ids)]), isRequired: false),
            200,
            .object([
                ("shipments", .integer), ("trades", .integer), ("units", .integer), ("revenueFen", .integer),
                ("costFen", .integer), ("unpacked", .integer),
            ])
        ),
        "POST /api/v1/packing/{waybill}/scan": .write(
            .json(.object(required: [("barcode", .string)], optional: [("count", .integer)])),
            200,
            .object([
                ("outcome", .oneOfWords(["accepted", "extra", "tooMany", "unknownBarcode"])), ("barcode", .string),
                ("lines", .array(.object([("sku", .string), ("wanted", .integer), ("scanned", .integer)]))),
                ("isComplete", .boolean),
            ])
        ),
        "POST /api/v1/packing/{waybill}/finish": .write(
            .json(.object([("weightGrams", .integer)])),
            200,
            .object(
                required: [
                    ("waybill", .string), ("shipmentID", .integer), ("weightGrams", .integer),
                    ("items", .array(.object([("sku", .string), ("quantity", .integer)]))), ("packedAt", .integer),
                ],
                optional: [("packedBy", .integer)]
            )
        ),
    ]

    private static let booksRoutes: [String: RouteBodies] = [
        "GET /api/v1/books/check": .read(
            .object([
                ("isClean", .boolean), ("stockPlaces", .integer), ("ledgerEntries", .integer), ("vouchers", .integer),
                ("voucherLines", .integer), ("trialBalanceFen", .integer), ("differences", .array(.string)),
            ])
        ),
        "GET /api/v1/books/report": .read(
            .object([
                ("orders", .integer), ("splitParts", .integer), ("highPriority", .integer),
                ("tradesByState", .map(.integer)), ("heldByReason", .map(.integer)), ("shipments", .integer),
                ("mergedShipments", .integer), ("onHand", .integer), ("reserved", .integer),
                ("stockValueFen", .integer), ("revenueFen", .integer), ("costFen", .integer),
                ("topSKUs", .array(.object([("sku", .string), ("revenueFen", .integer), ("costFen", .integer)]))),
            ])
        ),
        "GET /api/v1/audit": .read(
            .object([
                (
                    "entries",
                    .array(
                        .object(
                            required: [
                                ("id", .integer), ("at", .integer), ("action", .string), ("objectType", .string),
                                ("objectID", .string), ("requestID", .string),
                            ],
                            optional: [
                                ("userID", .integer), ("tokenID", .integer), ("before", .string), ("after", .string),
                            ]
                        )
                    )
                )
            ])
        ),
    ]

    private static let userRoutes: [String: RouteBodies] = [
        "GET /api/v1/users": .read(
            .object([
                (
                    "users",
                    .array(
                        .object([
                            ("id", .integer), ("email", .string), ("displayName", .string), ("isDisabled", .boolean),
                            ("isTOTPEnabled", .boolean), ("roleIDs", ids),
                        ])
                    )
                )
            ])
        ),
        "POST /api/v1/users": .write(
            .json(
                .object(
                    required: [("email", .string), ("password", .string), ("roleIDs", ids)],
                    optional: [("displayName", .string)]
                )
            ),
            201,
            .ref("Created")
        ),
        "POST /api/v1/users/{id}/disable": .action(204),
        "PUT /api/v1/users/{id}/roles": .write(.json(.object([("roleIDs", ids)])), 204),
        "PUT /api/v1/users/{id}/scope": .write(
            .json(.object([("shops", .ref("ScopeReach")), ("warehouses", .ref("ScopeReach"))])),
            204
        ),
        "GET /api/v1/roles": .read(
            .object([
                (
                    "roles",
                    .array(
                        .object(
                            required: [("id", .integer), ("name", .string), ("permissions", permissions)],
                            optional: [("builtIn", .string)]
                        )
                    )
                )
            ])
        ),
        "POST /api/v1/roles": .write(
            .json(.object([("name", .string), ("permissions", permissions)])),
            201,
            .ref("Created")
        ),
        "POST /api/v1/account/totp": .action(201, .object([("secret", .string), ("uri", .string)])),
        "POST /api/v1/account/totp/confirm": .write(
            .json(.object([("code", .string)])),
            200,
            .object([("recoveryCodes", .array(.string))])
        ),
        "POST /api/v1/account/password": .write(
            .json(.object([("currentPassword", .string), ("newPassword", .string)])),
            204
        ),
        "GET /api/v1/tokens": .read(
            .object([
                (
                    "tokens",
                    .array(
                        .object(
                            required: [
                                ("id", .integer), ("prefix", .string), ("name", .string), ("permissions", permissions),
                                ("createdBy", .integer), ("createdAt", .integer),
                            ],
                            optional: [("expiresAt", .integer), ("revokedAt", .integer), ("lastUsedAt", .integer)]
                        )
                    )
                )
            ])
        ),
        "POST /api/v1/tokens": .write(
            .json(
                .object(
                    required: [("name", .string), ("permissions", permissions)],
                    optional: [("expiresAt", .integer)]
                )
            ),
            201,
            .object([("id", .integer), ("token", .string), ("prefix", .string)])
        ),
        "DELETE /api/v1/tokens/{id}": .action(204),
    ]
}
