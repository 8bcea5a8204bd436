/// The id of every text the pages show; ``Catalogue`` holds each in every ``Language``.
/// Raw values are stable: `state.<TradeState>` and `hold.<HoldReason>` name states and hold reasons.
enum Message: String, CaseIterable, Sendable {
    case appName
    case languageName
    case signIn
    case signOut
    case email
    case password
    case passwordRule
    case secondFactorCode
    case registerCompany
    case companyName
    case dashboard
    case orderDesk
    case myAccount
    case problem
    case backToDashboard
    case backToOrders
    case badRequest
    case badForm
    case formExpired
    case forbidden
    case notFound
    case internalError
    case wrongCredentials
    case secondFactorRequired
    case wrongSecondFactor
    case rateLimited
    case sessionEnded
    case emailTaken
    case invalidInput
    case weakPassword
    case totpAlreadyOn
    case totpNotStarted
    case lastAdmin
    case insufficientStock
    case unmappedLines
    case wrongState
    case twoFactor
    case totpIsOn
    case totpIsOff
    case setUpTOTP
    case scanQRCode
    case orTypeSecret
    case codeFromApp
    case turnOnTOTP
    case recoveryCodesOnce
    case suggestTOTP
    case waitingForReview
    case onHold
    case toPrint
    case toShip
    case onHoldByReason
    case noHolds
    case holdReason
    case orders
    case lowStock
    case noLowStock
    case sku
    case productName
    case warehouse
    case onHand
    case reserved
    case frozen
    case available
    case badFilter
    case clearFilters
    case page
    case state
    case shop
    case fromDay
    case toDay
    case phoneTail
    case waybill
    case highPriority
    case highPriorityShort
    case sort
    case sortNewest
    case sortOldest
    case sortPaidHighest
    case sortPaidLowest
    case filter
    case all
    case firstPage
    case nextPage
    case noOrders
    case orderNumber
    case businessDay
    case receiver
    case paid
    case approve
    case hold
    case holdNote
    case release
    case cancel
    case allocateAll
    case waybillAll
    case shipAll
    case order
    case orderedAt
    case holds
    case check
    case detail
    case notes
    case buyerNote
    case sellerMemo
    case lines
    case quantity
    case unitPrice
    case discount
    case net
    case orderDiscount
    case freight
    case shipment
    case shippedAt
    case splitParts
    case history
    case noHistory
    case time
    case action
    case user
    case before
    case after
    case results
    case outcome
    case chooseOrders
    case tooManyOrders
    case noteTooLong
    case unknownAction
    case allocated
    case waybilled
    case shipped
    case statePendingReview = "state.pendingReview"
    case stateOnHold = "state.onHold"
    case stateApproved = "state.approved"
    case stateAllocated = "state.allocated"
    case stateWaybilled = "state.waybilled"
    case stateShipped = "state.shipped"
    case stateCancelled = "state.cancelled"
    case holdUnmappedSku = "hold.unmapped_sku"
    case holdStockShortage = "hold.stock_shortage"
    case holdPriceBelowCost = "hold.price_below_cost"
    case holdPriceBelowListShare = "hold.price_below_list_share"
    case holdInvalidAddress = "hold.invalid_address"
    case holdInvalidPhone = "hold.invalid_phone"
    case holdBuyerNote = "hold.buyer_note"
    case holdSellerMemo = "hold.seller_memo"
    case holdRefundInProgress = "hold.refund_in_progress"
    case holdUnpaid = "hold.unpaid"
    case holdManual = "hold.manual"
    case backToImports
    case imports
    case importKind
    case importProducts
    case importStock
    case importOrders
    case shopForUCI
    case file
    case preview
    case previewOf
    case previewWritesNothing
    case importCounts
    case noRowProblems
    case rowProblems
    case moreRowProblems
    case row
    case column
    case confirmImport
    case badFileName
    case unreadableFile
    case uploadGone
    case tasks
    case task
    case taskNumber
    case taskKind
    case progress
    case noTasks
    case taskQueued
    case taskRunning
    case taskDone
    case taskFailedState
    case taskInterrupted
    case taskFailed
    case taskMayBeLeft
    case downloadResult
    case resultGone
    case labelsPrinted
    case stock
    case skuStartsWith
    case onlyNothingAvailable
    case noStock
    case ledger
    case ledgerOf
    case olderEntries
    case backToStock
    case noLedgerEntries
    case value
    case reason
    case document
    case badField
    case packing
    case scanWaybill
    case open
    case scanItem
    case scanButton
    case barcode
    case wanted
    case scanned
    case weightGrams
    case finishPacking
    case otherParcel
    case scanAccepted
    case scanComplete
    case scanExtra
    case scanTooMany
    case scanUnknown
    case unknownParcel
    case parcelAlreadyPacked
    case parcelShipped
    case parcelIntercepted
    case badWeight
    case parcelIncomplete
    case parcelPacked
    case shipPacked
    case labels
    case labelsWaiting
    case noLabelsWaiting
    case printLabels
    case pickList
    case printBatches
    case noPrintBatches
    case printBatch
    case parcels
    case reprint
    case reprintWaybills
    case waybills
    case labelNotPrinted
    case warehouseHasNoSender
    case labelsChangedMeanwhile
    case users
    case roles
    case displayName
    case status
    case userActive
    case userDisabled
    case totpOn
    case totpOff
    case addUser
    case firstPassword
    case disable
    case changeAccess
    case save
    case permissions
    case builtInRole
    case customRole
    case defineRole
    case roleName
    case dataScope
    case allShops
    case allWarehouses
    case warehouses
    case userAdded
    case userWasDisabled
    case accessSaved
    case roleDefined
    case choosePermission
    case chooseRole
    case platform
    case shopActive = "shopStatus.active"
    case shopAuthorizationExpired = "shopStatus.authorizationExpired"
    case shopPaused = "shopStatus.paused"
    case lastSync
    case lastResult
    case lastError
    case never
    case syncNow
    case expiredBanner
    case syncReport
    case syncSkipped
    case syncStopped
    case syncUnavailable
    case noShops
    case outcomeRunning = "syncOutcome.running"
    case outcomeDone = "syncOutcome.done"
    case outcomeFailed = "syncOutcome.failed"
    case outcomeAuthorizationExpired = "syncOutcome.authorizationExpired"
    case outcomeRateLimited = "syncOutcome.rateLimited"
    case outcomeUnavailable = "syncOutcome.unavailable"
    case splitOrder
    case unitsToMove
    case split
    case mergeWith
    case merge
    case unmerge
    case splitDone
    case mergeDone
    case unmergeDone
    case changeInvalid
    case changeWrongState
    case changeMismatch
    case badOrderList
    case badQuantity
    case printTickedLabels
    case noWaybillYet
    case language
    case labelsRefused
    case shops
    case syncKindOrders = "syncKind.orders"
    case syncKindRefunds = "syncKind.refunds"
    case syncKindBackfill = "syncKind.backfill"
    case syncKindRepull = "syncKind.repull"
    case syncKindShipments = "syncKind.shipments"
    case syncKindStock = "syncKind.stock"
    case syncProblem
    case phaseReading = "taskPhase.reading"
    case phaseWriting = "taskPhase.writing"
    case phaseRendering = "taskPhase.rendering"
    case phaseWindows = "taskPhase.windows"
    case runningTasks
    case backfill
    case backfillFrom
    case backfillTo
    case backfillDone
    case warehouseNeedsSender
    case parcelWaits
    case bodyTooLarge
    case previewCounts
    case rowProblem
    case lineNumbered
    case orderNumbered
    case mergeWithItself
    case badEmail
    case badDisplayName
    case stockReasonOpening = "stockReason.opening"
    case stockReasonReceipt = "stockReason.receipt"
    case stockReasonReservation = "stockReason.reservation"
    case stockReasonRelease = "stockReason.release"
    case stockReasonShipment = "stockReason.shipment"
    case stockReasonIssue = "stockReason.issue"
    case stockReasonReturn = "stockReason.return"
    case stockReasonFreeze = "stockReason.freeze"
    case stockReasonUnfreeze = "stockReason.unfreeze"
    case permissionCatalogueRead = "permission.catalogue.read"
    case permissionCatalogueWrite = "permission.catalogue.write"
    case permissionStockRead = "permission.stock.read"
    case permissionStockWrite = "permission.stock.write"
    case permissionOrdersRead = "permission.orders.read"
    case permissionOrdersReview = "permission.orders.review"
    case permissionOrdersFulfil = "permission.orders.fulfil"
    case permissionImportsRun = "permission.imports.run"
    case permissionBooksRead = "permission.books.read"
    case permissionUsersManage = "permission.users.manage"
    case permissionAuditRead = "permission.audit.read"
    case permissionAlertsRead = "permission.alerts.read"
    case permissionSettingsManage = "permission.settings.manage"
    case builtInRoleAdmin = "builtInRole.admin"
    case builtInRoleFinance = "builtInRole.finance"
    case builtInRoleWarehouse = "builtInRole.warehouse"
    case builtInRoleCustomerService = "builtInRole.customerService"
}
