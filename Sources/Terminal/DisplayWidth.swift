/// Display width of text in a monospaced terminal, following Unicode's East Asian Width property:
/// Wide (W) and Fullwidth (F) characters take two columns, combining marks and zero-width characters none,
/// everything else one. This is what makes a column of Chinese titles line up with a column of English ones.
public enum DisplayWidth {
    /// Columns taken by one Unicode scalar.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }           // control characters
        if isZeroWidth(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Columns taken by a grapheme cluster: the width of its first non-zero-width scalar
    /// (an emoji with a variation selector or a letter with combining accents is one cell).
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            let w = of(scalar)
            if w > 0 { width = w; break }
        }
        // An emoji presentation selector turns a narrow symbol into a wide one.
        if width == 1 && character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { width = 2 }
        return width
    }

    /// Columns taken by a string. ANSI escape sequences (`ESC [ ... m`) count as zero.
    public static func of(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if let s = character.unicodeScalars.first, (0x40...0x7E).contains(s.value), s != "[" { inEscape = false }
                continue
            }
            if character == "\u{1B}" { inEscape = true; continue }
            width += of(character)
        }
        return width
    }

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
             0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E,
             0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064,
             0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,              // Hangul Jamo initials
             0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55,
             0x2E80...0x303E,              // CJK radicals, Kangxi, CJK symbols and punctuation
             0x3041...0x33FF,              // Hiragana, Katakana, Bopomofo, Hangul compat, CJK compat
             0x3400...0x4DBF,              // CJK Extension A
             0x4E00...0x9FFF,              // CJK Unified Ideographs
             0xA000...0xA4CF,              // Yi
             0xA960...0xA97F,              // Hangul Jamo Extended-A
             0xAC00...0xD7A3,              // Hangul syllables
             0xF900...0xFAFF,              // CJK compatibility ideographs
             0xFE10...0xFE19,              // vertical forms
             0xFE30...0xFE6F,              // CJK compatibility forms, small form variants
             0xFF00...0xFF60,              // Fullwidth forms
             0xFFE0...0xFFE6,              // Fullwidth signs
             0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
             0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
             0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
             0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E,
             0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
             0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC,
             0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
             0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
             0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:   // CJK Extensions B and beyond
            return true
        default:
            return false
        }
    }
}

extension String {
    /// Columns this string takes in a terminal (East Asian Wide/Fullwidth = 2).
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// Pads with spaces to `width` display columns (never truncates).
    public func padded(to width: Int, alignment: TextAlignment = .left) -> String {
        let gap = width - displayWidth
        guard gap > 0 else { return self }
        let spaces = String(repeating: " ", count: gap)
        switch alignment {
        case .left: return self + spaces
        case .right: return spaces + self
        }
    }

    /// Cuts the string so it takes at most `width` columns, ending in `…` when something was cut.
    /// Escape sequences are not expected here: truncate plain text, then colour it.
    public func truncated(to width: Int) -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        var out = ""
        var used = 0
        for character in self {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}

/// Horizontal alignment of a table cell.
public enum TextAlignment: Sendable {
    case left, right
}
