import XCTest
@testable import WicketTUI

final class TextEditorTests: XCTestCase {
    let measure = DisplayWidth.standard

    // MARK: - Helpers

    private func typed(_ text: String, width: Int = 40) -> TextEditor {
        var editor = TextEditor()
        for character in text {
            XCTAssertTrue(editor.handle(.character(character), width: width, measure: measure))
        }
        return editor
    }

    private func rows(_ editor: TextEditor, width: Int) -> [String] {
        editor.layout(width: width, measure: measure).rows.map(\.text)
    }

    private func press(_ keys: [Key], on editor: inout TextEditor, width: Int = 40) {
        for key in keys {
            XCTAssertTrue(editor.handle(key, width: width, measure: measure), "\(key) should be an editing key")
        }
    }

    /// Every stored scalar is drawable: no controls, DEL, C1, bidi or other invisible
    /// format characters (a joiner inside an emoji sequence excepted).
    private func assertNothingUnsafe(_ editor: TextEditor, file: StaticString = #filePath, line: UInt = #line) {
        for stored in editor.lines {
            for scalar in stored.unicodeScalars where scalar.value != 0x200D {
                XCTAssertFalse(SafeText.isUnsafe(scalar), "stored U+\(String(scalar.value, radix: 16))", file: file, line: line)
            }
        }
    }

    private func position(_ line: Int, _ index: Int) -> EditorPosition {
        EditorPosition(line: line, index: index)
    }

    // MARK: - Typing and pasting

    func testTypingBuildsTextAndMovesCursor() {
        let editor = typed("您好 Hello")
        XCTAssertEqual(editor.text, "您好 Hello")
        XCTAssertEqual(editor.cursor, position(0, 8))
        XCTAssertFalse(editor.isEmpty)
        XCTAssertTrue(TextEditor().isEmpty)
    }

    func testInitPutsCursorAtEndAndClearEmpties() {
        var editor = TextEditor(text: "第一行\n第二行")
        XCTAssertEqual(editor.lines, ["第一行", "第二行"])
        XCTAssertEqual(editor.cursor, position(1, 3))
        editor.clear()
        XCTAssertTrue(editor.isEmpty)
        XCTAssertEqual(editor.text, "")
        XCTAssertEqual(editor.cursor, position(0, 0))
    }

    func testPasteNormalisesLineBreaks() {
        var editor = TextEditor()
        editor.insert("一\r\n二\r三\n四\u{2028}五")
        XCTAssertEqual(editor.lines, ["一", "二", "三", "四", "五"])
        XCTAssertEqual(editor.text, "一\n二\n三\n四\n五")
        XCTAssertEqual(editor.cursor, position(4, 1))
    }

    func testPasteInTheMiddleOfALineSplitsIt() {
        var editor = TextEditor(text: "请带原件")
        editor.moveLeft()
        editor.moveLeft()
        editor.insert("身份证\r\n和")
        XCTAssertEqual(editor.lines, ["请带身份证", "和原件"])
        XCTAssertEqual(editor.cursor, position(1, 1))
    }

    func testTabBecomesFourSpaces() {
        var editor = TextEditor()
        editor.insert("材料\t清单")
        XCTAssertEqual(editor.text, "材料    清单")
        XCTAssertTrue(editor.handle(.character("\t"), width: 40, measure: measure))
        XCTAssertEqual(editor.text, "材料    清单    ")
    }

    func testControlCharactersAreDropped() {
        var editor = TextEditor()
        editor.insert("a\u{0}b\u{7}c\u{8}d\u{7F}e\u{85}f\u{9C}g\u{1F}h")
        XCTAssertEqual(editor.text, "abcdefgh")
        assertNothingUnsafe(editor)
    }

    func testBidiAndInvisibleFormatCharactersAreDropped() {
        var editor = TextEditor()
        editor.insert("\u{202E}txt.exe\u{202C} \u{2066}窗口\u{2069}\u{200B}\u{FEFF}\u{200F}a\u{200D}b")
        XCTAssertEqual(editor.text, "txt.exe 窗口ab")
        assertNothingUnsafe(editor)
    }

    func testEscapeSequencesAreDroppedWhole() {
        var editor = TextEditor()
        editor.insert("red \u{1B}[1;31mALERT\u{1B}[0m done")
        XCTAssertEqual(editor.text, "red ALERT done")

        editor.clear()
        editor.insert("x\u{1B}]0;evil title\u{7}y")
        XCTAssertEqual(editor.text, "xy", "OSC ended by BEL")

        editor.clear()
        editor.insert("\u{1B}]8;;http://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\ ok")
        XCTAssertEqual(editor.text, "link ok", "OSC 8 hyperlink ended by ST")

        editor.clear()
        editor.insert("a\u{9B}2Jb\u{1B}(Bc\u{1B}7d\u{1B}Pq#0\u{1B}\\e")
        XCTAssertEqual(editor.text, "abcde", "8-bit CSI, charset designation, DECSC, DCS")

        editor.clear()
        editor.insert("\u{1B}中文\u{1B}")
        XCTAssertEqual(editor.text, "中文", "a lone ESC is dropped and what follows kept")

        editor.clear()
        editor.insert("before\u{1B}]2;never terminated\nstill the title")
        XCTAssertEqual(editor.text, "before", "an unterminated control string swallows the rest")
        assertNothingUnsafe(editor)
    }

    func testControlKeysAsCharactersAreNotUsed() {
        var editor = typed("ab")
        let before = editor
        XCTAssertFalse(editor.handle(.character("\u{1B}"), width: 40, measure: measure))
        XCTAssertFalse(editor.handle(.character("\u{202E}"), width: 40, measure: measure))
        XCTAssertEqual(editor, before)
    }

    func testEmojiJoinerSequencesAndAccentsAreKept() {
        var editor = TextEditor()
        editor.insert("👨‍👩‍👧 e\u{301}")
        XCTAssertEqual(editor.text, "👨‍👩‍👧 e\u{301}")
        XCTAssertEqual(editor.cursor, position(0, 3), "family, space and é are three Characters")
    }

    func testAccentTypedAfterItsLetterJoinsIt() {
        var editor = typed("cafe")
        editor.insert("\u{301}")
        XCTAssertEqual(editor.text, "cafe\u{301}")
        XCTAssertEqual(editor.cursor, position(0, 4))
        editor.backspace()
        XCTAssertEqual(editor.text, "caf", "the letter and its accent go together")
    }

    func testAccentWithNothingToSitOnIsDropped() {
        var editor = TextEditor()
        editor.insert("\u{301}\u{FE0F}x\n\u{301}y")
        XCTAssertEqual(editor.lines, ["x", "y"])
        XCTAssertEqual(editor.cursor, position(1, 1))
    }

    // MARK: - Deleting

    func testBackspaceRemovesWholeCJKCharacters() {
        var editor = typed("办理营业执照")
        editor.backspace()
        XCTAssertEqual(editor.text, "办理营业执")
        XCTAssertEqual(editor.cursor, position(0, 5))
        editor.moveToStart()
        editor.backspace()
        XCTAssertEqual(editor.text, "办理营业执", "backspace at the very start does nothing")
    }

    func testBackspaceRemovesWholeEmojiClusters() {
        var editor = TextEditor()
        editor.insert("好👍🏽🇨🇳e\u{301}")
        XCTAssertEqual(editor.cursor, position(0, 4))
        editor.backspace()
        XCTAssertEqual(editor.text, "好👍🏽🇨🇳")
        editor.backspace()
        XCTAssertEqual(editor.text, "好👍🏽")
        editor.backspace()
        XCTAssertEqual(editor.text, "好")
        XCTAssertEqual(editor.cursor, position(0, 1))
    }

    func testDeleteForwardRemovesWholeClusters() {
        var editor = TextEditor(text: "👍🏽🇨🇳e\u{301}中")
        editor.moveToStart()
        editor.deleteForward()
        XCTAssertEqual(editor.text, "🇨🇳e\u{301}中")
        editor.deleteForward()
        XCTAssertEqual(editor.text, "e\u{301}中")
        editor.deleteForward()
        XCTAssertEqual(editor.text, "中")
        XCTAssertEqual(editor.cursor, position(0, 0))
        editor.moveToEnd()
        editor.deleteForward()
        XCTAssertEqual(editor.text, "中", "delete at the very end does nothing")
    }

    func testBackspaceAtLineStartJoinsWithPreviousLine() {
        var editor = TextEditor(text: "第一行\n第二行")
        editor.moveToLogicalLineStart()
        XCTAssertEqual(editor.cursor, position(1, 0))
        editor.backspace()
        XCTAssertEqual(editor.lines, ["第一行第二行"])
        XCTAssertEqual(editor.cursor, position(0, 3))
    }

    func testDeleteAtLineEndJoinsNextLine() {
        var editor = TextEditor(text: "ab\n\ncd")
        editor.moveToStart()
        editor.moveToLogicalLineEnd()
        editor.deleteForward()
        XCTAssertEqual(editor.lines, ["ab", "cd"])
        editor.deleteForward()
        XCTAssertEqual(editor.lines, ["abcd"])
        XCTAssertEqual(editor.cursor, position(0, 2))
    }

    func testDeletingBetweenRegionalIndicatorsFormsOneFlag() {
        var editor = TextEditor(text: "\u{1F1E8}x\u{1F1F3}")
        XCTAssertEqual(editor.cursor, position(0, 3))
        editor.moveLeft()
        editor.backspace()
        XCTAssertEqual(editor.text, "🇨🇳")
        XCTAssertEqual(editor.cursor, position(0, 1), "the cursor goes after the flag, never inside it")
        XCTAssertEqual(editor.layout(width: 10, measure: measure).cursorColumn, 2)
        editor.backspace()
        XCTAssertEqual(editor.text, "", "one backspace removes the whole flag")
    }

    func testCtrlKAndCtrlU() {
        var editor = TextEditor(text: "第一行abc\nline two")
        editor.moveToStart()
        editor.moveRight()
        editor.moveRight()
        editor.moveRight()
        press([.ctrl("k")], on: &editor)
        XCTAssertEqual(editor.lines, ["第一行", "line two"])
        XCTAssertEqual(editor.cursor, position(0, 3))
        press([.ctrl("k")], on: &editor)
        XCTAssertEqual(editor.lines, ["第一行line two"], "Ctrl-K at a line end removes the break")
        press([.right, .right, .right, .right, .ctrl("u")], on: &editor)
        XCTAssertEqual(editor.lines, [" two"])
        XCTAssertEqual(editor.cursor, position(0, 0))
        press([.ctrl("u")], on: &editor)
        XCTAssertEqual(editor.lines, [" two"], "Ctrl-U at the very start does nothing")

        var two = TextEditor(text: "上\n下")
        two.moveToLogicalLineStart()
        press([.ctrl("u")], on: &two)
        XCTAssertEqual(two.lines, ["上下"], "Ctrl-U at a line start removes the break before it")
        XCTAssertEqual(two.cursor, position(0, 1))
    }

    // MARK: - Moving

    func testLeftAndRightCrossLineEnds() {
        var editor = TextEditor(text: "ab\ncd")
        editor.moveToStart()
        editor.moveLeft()
        XCTAssertEqual(editor.cursor, position(0, 0))
        editor.moveRight()
        editor.moveRight()
        editor.moveRight()
        XCTAssertEqual(editor.cursor, position(1, 0))
        editor.moveLeft()
        XCTAssertEqual(editor.cursor, position(0, 2))
        editor.moveToEnd()
        editor.moveRight()
        XCTAssertEqual(editor.cursor, position(1, 2))
    }

    func testUpAndDownBetweenCJKAndASCIIKeepTheDisplayColumn() {
        // Line 0 has wide characters at even columns; line 1 is ASCII.
        var editor = TextEditor(text: "一二三四五六\nabcdefghijkl")
        editor.moveToLogicalLineStart()
        for _ in 0..<3 {
            editor.moveRight()
        }
        XCTAssertEqual(editor.cursor, position(1, 3))
        editor.moveUp(width: 40, measure: measure)
        XCTAssertEqual(editor.cursor, position(0, 1), "column 3 is inside 二: land before it, at column 2")
        XCTAssertEqual(editor.layout(width: 40, measure: measure).cursorColumn, 2)
        editor.moveDown(width: 40, measure: measure)
        XCTAssertEqual(editor.cursor, position(1, 3), "the remembered column 3, not 2")

        for _ in 0..<4 {
            editor.moveRight()
        }
        XCTAssertEqual(editor.cursor, position(1, 7))
        editor.moveUp(width: 40, measure: measure)
        XCTAssertEqual(editor.cursor, position(0, 3))
        editor.moveDown(width: 40, measure: measure)
        XCTAssertEqual(editor.cursor, position(1, 7))
    }

    func testUpAndDownThroughAShortRowRememberTheColumn() {
        var editor = TextEditor(text: "abcdefghij\nab\nabcdefghij")
        editor.moveToStart()
        for _ in 0..<8 {
            editor.moveRight()
        }
        editor.moveDown(width: 20, measure: measure)
        XCTAssertEqual(editor.cursor, position(1, 2))
        editor.moveDown(width: 20, measure: measure)
        XCTAssertEqual(editor.cursor, position(2, 8))
        editor.moveUp(width: 20, measure: measure)
        editor.moveLeft() // any other move forgets the remembered column
        editor.moveDown(width: 20, measure: measure)
        XCTAssertEqual(editor.cursor, position(2, 1))
    }

    func testUpAndDownMoveByWrappedRows() {
        // Width 11: "abcdefghij " / "klmnopqrst " / "uvw".
        var editor = TextEditor(text: "abcdefghij klmnopqrst uvw")
        XCTAssertEqual(rows(editor, width: 11), ["abcdefghij ", "klmnopqrst ", "uvw"])
        editor.moveUp(width: 11, measure: measure)
        XCTAssertEqual(editor.cursor, position(0, 14))
        editor.moveUp(width: 11, measure: measure)
        XCTAssertEqual(editor.cursor, position(0, 3))
        editor.moveUp(width: 11, measure: measure)
        XCTAssertEqual(editor.cursor, position(0, 0), "up on the first row goes to the start")
        editor.moveDown(width: 11, measure: measure)
        XCTAssertEqual(editor.cursor, position(0, 14), "the column from before is still remembered")
        editor.moveDown(width: 11, measure: measure)
        XCTAssertEqual(editor.cursor, position(0, 25))
        editor.moveDown(width: 11, measure: measure)
        XCTAssertEqual(editor.cursor, position(0, 25), "down on the last row goes to the end")
    }

    func testDownFromTheEndOfAWrappedRowDoesNotLandOnTheNextRow() {
        // Width 10: line 0 is "abcdefghij" / "k", line 1 is "一二三四五" / "六七八九".
        var editor = TextEditor(text: "abcdefghijk\n一二三四五六七八九")
        editor.moveToStart()
        editor.moveToLogicalLineEnd()
        XCTAssertEqual(editor.layout(width: 10, measure: measure).cursorRow, 1)
        XCTAssertEqual(editor.layout(width: 10, measure: measure).cursorColumn, 1)
        editor.moveDown(width: 10, measure: measure)
        XCTAssertEqual(editor.cursor, position(1, 0), "column 1 is inside 一")
        editor.moveDown(width: 10, measure: measure)
        XCTAssertEqual(editor.cursor, position(1, 5))
        let layout = editor.layout(width: 10, measure: measure)
        XCTAssertEqual(layout.cursorRow, 3)
        XCTAssertEqual(layout.cursorColumn, 0)

        editor.moveToEnd()
        editor.moveUp(width: 10, measure: measure)
        XCTAssertEqual(editor.cursor, position(1, 4), "column 8 on a full row of wide characters: before 五")
        XCTAssertEqual(editor.layout(width: 10, measure: measure).cursorRow, 2)
    }

    func testHomeAndEndWorkPerVisualRow() {
        var editor = TextEditor(text: "hello world again")
        XCTAssertEqual(rows(editor, width: 12), ["hello world ", "again"])
        press([.home], on: &editor, width: 12)
        XCTAssertEqual(editor.cursor, position(0, 12))
        press([.end], on: &editor, width: 12)
        XCTAssertEqual(editor.cursor, position(0, 17))
        press([.up, .end], on: &editor, width: 12)
        XCTAssertEqual(editor.cursor, position(0, 11), "after \"world\", on the space where the row wraps")
        XCTAssertEqual(editor.layout(width: 12, measure: measure).cursorRow, 0)
        press([.home], on: &editor, width: 12)
        XCTAssertEqual(editor.cursor, position(0, 0))

        press([.ctrl("e")], on: &editor, width: 12)
        XCTAssertEqual(editor.cursor, position(0, 17), "Ctrl-E goes to the logical line end")
        press([.ctrl("a")], on: &editor, width: 12)
        XCTAssertEqual(editor.cursor, position(0, 0), "Ctrl-A goes to the logical line start")
    }

    func testEndOnAWrappedCJKRowStaysOnThatRow() {
        var editor = TextEditor(text: "一二三四五六七")
        editor.moveToStart()
        editor.moveLineEnd(width: 10, measure: measure)
        XCTAssertEqual(editor.cursor, position(0, 4))
        let layout = editor.layout(width: 10, measure: measure)
        XCTAssertEqual(layout.cursorRow, 0)
        XCTAssertEqual(layout.cursorColumn, 8)
        editor.moveRight()
        editor.moveLineStart(width: 10, measure: measure)
        XCTAssertEqual(editor.cursor, position(0, 5), "Home from the row's start position stays on row 1")
    }

    // MARK: - Layout

    func testChineseWrapsAtWidthTenAndEleven() {
        let editor = TextEditor(text: "营业执照办理需要身份证原件")
        for width in [10, 11] {
            let layout = editor.layout(width: width, measure: measure)
            XCTAssertEqual(layout.rows.map(\.text), ["营业执照办", "理需要身份", "证原件"], "width \(width)")
            XCTAssertEqual(layout.rows.map(\.startIndex), [0, 5, 10])
            XCTAssertEqual(layout.cursorRow, 2)
            XCTAssertEqual(layout.cursorColumn, 6)
        }
        let odd = TextEditor(text: "ab营业执照办理")
        XCTAssertEqual(rows(odd, width: 11), ["ab营业执照", "办理"], "办 would straddle column 11")
        XCTAssertEqual(rows(odd, width: 12), ["ab营业执照办", "理"])
        for width in 1...16 {
            for row in editor.layout(width: width, measure: measure).rows {
                XCTAssertLessThanOrEqual(measure.width(of: row.text), max(width, 2), "width \(width): \(row.text)")
            }
        }
    }

    func testClosingPunctuationDoesNotStartARow() {
        let editor = TextEditor(text: "一二三四五，六")
        XCTAssertEqual(rows(editor, width: 10), ["一二三四", "五，六"])
    }

    func testMixedChineseAndEnglishBreakAtSpaces() {
        let editor = TextEditor(text: "您好 please bring your ID card 谢谢")
        let layout = editor.layout(width: 12, measure: measure)
        XCTAssertEqual(layout.rows.map(\.text), ["您好 please ", "bring your ", "ID card 谢谢", ""])
        XCTAssertEqual(layout.rows.map(\.startIndex), [0, 10, 21, 31])
        XCTAssertEqual(layout.cursorRow, 3, "the last row is full, so the cursor at its end goes below")
        XCTAssertEqual(layout.cursorColumn, 0)
    }

    func testLongURLIsCutAtTheWidth() {
        let url = "https://zwfw.example.gov.cn/apply?id=12345"
        let editor = TextEditor(text: "see " + url)
        let layout = editor.layout(width: 16, measure: measure)
        XCTAssertEqual(layout.rows.map(\.text), ["see ", "https://zwfw.exa", "mple.gov.cn/appl", "y?id=12345"])
        XCTAssertEqual(layout.cursorRow, 3)
        XCTAssertEqual(layout.cursorColumn, 10)
    }

    func testEmptyLinesAreRows() {
        let editor = TextEditor(text: "a\n\nb\n")
        let layout = editor.layout(width: 5, measure: measure)
        XCTAssertEqual(layout.rows, [
            EditorLayout.Row(text: "a", line: 0, startIndex: 0),
            EditorLayout.Row(text: "", line: 1, startIndex: 0),
            EditorLayout.Row(text: "b", line: 2, startIndex: 0),
            EditorLayout.Row(text: "", line: 3, startIndex: 0),
        ])
        XCTAssertEqual(layout.cursorRow, 3)
        XCTAssertEqual(layout.cursorColumn, 0)

        let empty = TextEditor().layout(width: 5, measure: measure)
        XCTAssertEqual(empty.rows, [EditorLayout.Row(text: "", line: 0, startIndex: 0)])
        XCTAssertEqual(empty.cursorRow, 0)
        XCTAssertEqual(empty.cursorColumn, 0)
    }

    func testCursorAtTheEndOfAFullRowGoesToTheNextRow() {
        var editor = TextEditor(text: "abcde")
        var layout = editor.layout(width: 5, measure: measure)
        XCTAssertEqual(layout.rows.map(\.text), ["abcde", ""])
        XCTAssertEqual([layout.cursorRow, layout.cursorColumn], [1, 0])

        editor.insert("fg")
        editor.moveLeft()
        editor.moveLeft()
        layout = editor.layout(width: 5, measure: measure)
        XCTAssertEqual(layout.rows.map(\.text), ["abcde", "fg"])
        XCTAssertEqual([layout.cursorRow, layout.cursorColumn], [1, 0])

        let chinese = TextEditor(text: "一二三四五")
        layout = chinese.layout(width: 10, measure: measure)
        XCTAssertEqual(layout.rows.map(\.text), ["一二三四五", ""])
        XCTAssertEqual([layout.cursorRow, layout.cursorColumn], [1, 0])
        layout = chinese.layout(width: 11, measure: measure)
        XCTAssertEqual(layout.rows.map(\.text), ["一二三四五"], "one column is left, so the row is not full")
        XCTAssertEqual([layout.cursorRow, layout.cursorColumn], [0, 10])
    }

    func testSpaceAfterAWordThatFillsTheRowHangs() {
        var editor = TextEditor(text: "hello world")
        var layout = editor.layout(width: 5, measure: measure)
        XCTAssertEqual(layout.rows.map(\.text), ["hello", "world", ""], "the next row does not start with the space")
        XCTAssertEqual(layout.rows.map(\.startIndex), [0, 6, 11])
        editor.moveToStart()
        editor.moveLineEnd(width: 5, measure: measure)
        XCTAssertEqual(editor.cursor, position(0, 5))
        layout = editor.layout(width: 5, measure: measure)
        XCTAssertEqual([layout.cursorRow, layout.cursorColumn], [0, 5], "on the hanging space: just past the edge")
        editor.moveRight()
        layout = editor.layout(width: 5, measure: measure)
        XCTAssertEqual([layout.cursorRow, layout.cursorColumn], [1, 0])
    }

    func testTypingPastTheEdgeWrapsTheWord() {
        let editor = typed("hello wor", width: 8)
        XCTAssertEqual(rows(editor, width: 8), ["hello ", "wor"])
        let layout = editor.layout(width: 8, measure: measure)
        XCTAssertEqual([layout.cursorRow, layout.cursorColumn], [1, 3])
    }

    func testWideCharacterInAOneColumnPaneGetsItsOwnRow() {
        let editor = TextEditor(text: "中a")
        XCTAssertEqual(rows(editor, width: 1), ["中", "a", ""])
        XCTAssertEqual(rows(editor, width: 0), ["中", "a", ""], "a width below 1 counts as 1")
    }

    func testEveryCharacterOfALongReplyIsInExactlyOneRow() {
        // A few thousand characters of mixed text in one paragraph, as a pasted reply.
        let sentence = "您好，请携带身份证原件到3号窗口办理 please bring your ID card. "
        let editor = TextEditor(text: String(repeating: sentence, count: 60))
        let layout = editor.layout(width: 37, measure: measure)
        let rejoined = layout.rows.indices.map { index -> Int in
            let row = layout.rows[index]
            let next = index + 1 < layout.rows.count ? layout.rows[index + 1].startIndex : editor.lines[0].count
            return next - row.startIndex
        }.reduce(0, +)
        XCTAssertEqual(rejoined, editor.lines[0].count, "every character belongs to exactly one row")
        for row in layout.rows {
            XCTAssertLessThanOrEqual(measure.width(of: row.text), 37)
        }
    }

    // MARK: - Keys and scrolling

    func testHandleReturnsFalseForCommandKeys() {
        var editor = TextEditor(text: "草稿")
        let before = editor
        for key: Key in [.function(5), .ctrl("s"), .ctrl("n"), .tab, .backTab, .escape, .pageUp, .pageDown, .insert, .resize] {
            XCTAssertFalse(editor.handle(key, width: 20, measure: measure), "\(key)")
        }
        XCTAssertEqual(editor, before)
    }

    func testHandleReturnsTrueForEditingKeys() {
        var editor = TextEditor()
        press([.character("好"), .enter, .character("a"), .left, .right, .up, .down, .home, .end,
               .ctrl("a"), .ctrl("e"), .backspace, .delete, .ctrl("k"), .ctrl("u")], on: &editor, width: 20)
        XCTAssertEqual(editor.lines, ["好"], "the last Ctrl-U, at a line start, joined the lines")
        XCTAssertEqual(editor.cursor, position(0, 1))
    }

    func testScrollTopKeepsTheCursorVisible() {
        var editor = TextEditor(text: (1...20).map(String.init).joined(separator: "\n"))
        var layout = editor.layout(width: 10, measure: measure)
        XCTAssertEqual(layout.rows.count, 20)
        XCTAssertEqual(layout.scrollTop(previous: 0, height: 5), 15, "scrolls down just enough")
        XCTAssertEqual(layout.scrollTop(previous: 15, height: 5), 15)

        editor.moveToStart()
        layout = editor.layout(width: 10, measure: measure)
        XCTAssertEqual(layout.scrollTop(previous: 15, height: 5), 0, "scrolls up to the cursor")

        for _ in 0..<7 {
            editor.moveDown(width: 10, measure: measure)
        }
        layout = editor.layout(width: 10, measure: measure)
        XCTAssertEqual(layout.cursorRow, 7)
        XCTAssertEqual(layout.scrollTop(previous: 5, height: 5), 5, "already visible: stays")
        XCTAssertEqual(layout.scrollTop(previous: 0, height: 5), 3)

        let short = TextEditor(text: "a\nb").layout(width: 10, measure: measure)
        XCTAssertEqual(short.scrollTop(previous: 15, height: 5), 0, "no blank rows after shrinking")
    }
}
