/// What Wicket draws for an emoji sequence, so that every common terminal (tmux, xterm, the Linux
/// console, VTE) draws exactly the columns `DisplayWidth` counts.
///
/// Terminals disagree on sequences: tmux 3.3 draws "👨🏽" (a skin-tone modifier) four columns wide
/// and "👩‍👩‍👧" (a ZWJ family) two; xterm draws the family six; VTE and kitty draw the modifier
/// sequence two; "❤️" (a variation selector) is one column in tmux and xterm and two in kitty; the
/// Linux console gives every zero-width scalar a column of its own. What they all agree on is each
/// pictograph alone. So a sequence is drawn as the pictographs it is made of:
///
/// - joiners (U+200D) are left out and the parts stand side by side: "👨🏽‍💻" → "👨💻",
///   "👩‍👩‍👧" → "👩👩👧";
/// - skin-tone modifiers (U+1F3FB–U+1F3FF) after a base are left out: "👍🏽" → "👍" (one at
///   the very start of a text, with nothing to colour, is drawn as its two-column swatch);
/// - variation selectors (U+FE0E, U+FE0F) are left out, so the base keeps its own width:
///   "❤️" → "❤" (one column), "😀️" → "😀" (two);
/// - a keycap is its key: "1️⃣" → "1";
/// - the tags of a subdivision flag are left out: "🏴󠁧󠁢󠁳󠁣󠁴󠁿" → "🏴";
/// - a flag (two regional indicators) is drawn as it is: each indicator takes one column in
///   every one of those terminals, and the pair takes two wherever it shows as a flag.
///
/// Only what is drawn changes: the stored text (database, `--json`, replies) keeps every scalar.
public enum EmojiSequence {
    /// The scalars drawn for `character` when it is an emoji sequence with parts that terminals
    /// disagree on (or a letter carrying a stray skin tone); nil for every other character,
    /// which is drawn as it is.
    public static func drawnScalars(of character: Character) -> [Unicode.Scalar]? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.count > 1 else {
            return nil
        }
        let isEmoji = first.properties.isEmoji
        // A joiner after a digit, © or ® makes no picture: it stays a visible placeholder (SafeText).
        let joins = isEmoji && first.value > 0xFF
        func isLeftOut(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            // A skin tone only colours the pictograph before it; after a letter it would be a
            // two-column swatch that the letter's cluster does not count.
            case 0x1F3FB...0x1F3FF: return true
            case 0xFE0E, 0xFE0F, 0x20E3, 0xE0020...0xE007F: return isEmoji
            case 0x200D: return joins
            default: return false
            }
        }
        guard scalars.dropFirst().contains(where: isLeftOut) else {
            return nil
        }
        return [first] + scalars.dropFirst().filter { !isLeftOut($0) }
    }
}
