import Foundation
import WicketCore

/// Every piece of text the workstation shows, as a key; `text(_:)` gives it in the clerk's
/// language. Both tables must hold every key (`UITextTests` fails otherwise), and `{0}`, `{1}`
/// mark where `format` puts values, the same in both languages.
public enum UIText: String, CaseIterable, Sendable {
    case tabMine
    case tabUnassigned
    case tabAwaiting
    case tabWarnings
    case tabAll
    case roleClerk
    case roleSupervisor
    case roleAdmin
    case statusWorkload
    case statusHelp
    case hintOpen
    case hintAccept
    case hintMaterials
    case hintReply
    case hintTakeNext
    case hintSearch
    case hintActions
    case hintTabs
    case hintFilter
    case hintWalkIn
    case hintHelp
    case hintScroll
    case hintMaterial
    case hintSetMaterial
    case hintBack
    case hintTypeReply
    case hintSend
    case hintTemplate
    case columnLevel
    case columnNumber
    case columnStatus
    case columnService
    case columnApplicant
    case columnIDNumber
    case columnChannel
    case columnAge
    case columnDue
    case columnHolder
    case inboxEmptyMine
    case inboxEmpty
    case levelOverdue
    case levelRed
    case levelYellow
    case levelPaused
    case statusSubmitted
    case statusAwaiting
    case statusAccepted
    case statusInReview
    case statusSuspended
    case statusApproved
    case statusCompleted
    case statusDenied
    case statusRejected
    case statusWithdrawn
    case tooSmallNeeds
    case tooSmallIs
    case tooSmallAdvice
    case helpTitle
    case helpScroll
    case paneInbox
    case paneDetail
    case paneReply
    case paneDashboard
    case helpNextPane
    case helpThisHelp
    case helpQuit
    case helpBack
    case helpRedraw
    case helpTakeNext
    case helpIntake
    case helpSearch
    case helpFilter
    case helpActionMenu
    case helpDashboard
    case helpDashFigure
    case helpDashLine
    case helpDashPanel
    case helpFirstLast
    case helpDashDrill
    case helpDashPeriod
    case helpDashCustom
    case helpDashDepartment
    case helpDashBack
    case helpDashMisc
    case helpDashMarks
    case helpDashLive
    case helpMove
    case helpPage
    case helpOpenCase
    case helpTabs
    case helpDetailScroll
    case helpChooseMaterial
    case helpMarkMaterial
    case helpReveal
    case helpGoReply
    case helpReplyText
    case helpReplyCursor
    case helpReplyDelete
    case helpReplyLine
    case helpReplyTemplate
    case helpReplySend
    case helpReplyBack
    case actionAccept
    case actionRequestMaterials
    case actionReject
    case actionStartReview
    case actionApprove
    case actionDeny
    case actionDeliver
    case actionSuspend
    case actionResume
    case actionExtend
    case actionWithdraw
    case actionTransfer
    case actionClaim
    case actionRelease
    case actionAssign
    case actionNote
    case actionReply
    case actionSupplement
    case actionMaterial
    case actionRate
    case actionFollowUp
    case levelNormal
    case detailTitle
    case detailSelect
    case detailChanged
    case detailAlsoOpen
    case detailUrgent
    case detailApplicant
    case detailIDRevealed
    case detailIDMasked
    case detailChannel
    case detailHolder
    case detailService
    case detailLimits
    case detailSummary
    case detailDetails
    case sectionClock
    case clockDue
    case clockLeft
    case clockOver
    case clockUsed
    case clockPaused
    case clockPausedDays
    case clockExtended
    case clockAcceptanceBreached
    case sectionMaterials
    case materialMissing
    case materialReceived
    case materialVerified
    case materialDefective
    case sectionMessages
    case sectionNone
    case messageFrom
    case messageTo
    case sectionNotes
    case sectionRatings
    case ratingFollowUp
    case ratingNeedsFollowUp
    case sectionHistory
}

extension UIText {
    public func text(_ language: Language) -> String {
        let table = language == .zh ? Self.chinese : Self.english
        // A missing entry is a bug the catalog test catches; show the key rather than nothing.
        return table[self] ?? rawValue
    }

    /// The text with `{0}`, `{1}`… replaced by `values`.
    public func format(_ language: Language, _ values: CustomStringConvertible...) -> String {
        var result = text(language)
        for (index, value) in values.enumerated() {
            result = result.replacingOccurrences(of: "{\(index)}", with: value.description)
        }
        return result
    }
}
