/// Keys written as text for `wicket screen --keys` and tests: characters stand for themselves
/// (Chinese too); named keys go in angle brackets: <Enter> <Esc> <Tab> <S-Tab> <Up> <Down>
/// <Left> <Right> <PgUp> <PgDn> <Home> <End> <BS> <Del> <Space> <F1>…<F12> <C-x> <lt>.
public enum KeyScript {
    public struct ParseError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func parse(_ script: String) throws -> [Key] {
        var keys: [Key] = []
        var characters = Array(script)[...]
        while let first = characters.first {
            characters = characters.dropFirst()
            guard first == "<", let close = characters.firstIndex(of: ">") else {
                keys.append(first == "\n" ? .enter : .character(first))
                continue
            }
            let name = String(characters[characters.startIndex..<close])
            characters = characters[characters.index(after: close)...]
            keys.append(try key(named: name))
        }
        return keys
    }

    static func key(named name: String) throws -> Key {
        let named: [String: Key] = [
            "enter": .enter, "cr": .enter, "esc": .escape, "tab": .tab, "s-tab": .backTab, "up": .up, "down": .down,
            "left": .left, "right": .right, "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end,
            "bs": .backspace, "del": .delete, "space": .character(" "), "lt": .character("<"),
        ]
        let lower = name.lowercased()
        if let key = named[lower] { return key }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...63).contains(number) { return .function(number) }
        if lower.hasPrefix("c-"), lower.count == 3, let letter = lower.last { return .ctrl(letter) }
        throw ParseError(message: "unknown key <\(name)> in --keys")
    }
}
