import WicketTUI

/// The CLI's view of WicketTUI's text safety and width rules, so the command line and the
/// workstation show applicant text the same way.
enum UntrustedText {
    static func display(_ text: String, multiline: Bool) -> String {
        SafeText.sanitize(text, options: multiline ? .multiLine : .singleLine)
    }

    static func width(_ text: String) -> Int { DisplayWidth.standard.width(of: text) }
}
