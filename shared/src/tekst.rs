//! Rules for free text that people send (titles, descriptions, names, notes): no control characters (a NUL
//! byte cannot even be stored in PostgreSQL), and a required text must show something — spaces, zero-width
//! and other invisible characters alone do not count.

/// The first character `s` may not contain: NUL and the other C0/C1 control characters except tab, line feed
/// and carriage return, and the Unicode noncharacters U+FFFE/U+FFFF.
pub fn ongeldig_teken(s: &str) -> Option<char> {
    s.chars().find(|&c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    })
}

/// Whether `c` shows nothing on its own: white space, and the format and filler characters that render
/// invisibly (zero-width space and joiners, direction marks, word joiner, soft hyphen, BOM, variation
/// selectors, tag characters, Hangul and Braille blanks …).
pub fn is_onzichtbaar_teken(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Whether `s` shows at least one visible character.
pub fn is_zichtbaar(s: &str) -> bool {
    !s.chars().all(is_onzichtbaar_teken)
}

/// `s` without invisible characters at either end (what `str::trim` does for white space).
pub fn bijgesneden(s: &str) -> &str {
    s.trim_matches(is_onzichtbaar_teken)
}

/// The form in which text is searched: lower case by the full Unicode rules (SQLite's `lower()` knows only
/// ASCII, so "évaluatie" would miss "Évaluatie"). Stored texts and search terms both go through it.
pub fn zoekvorm(s: &str) -> String {
    s.to_lowercase()
}

/// The searchable text of an actie: its title and description in [`zoekvorm`], one per line.
pub fn zoektekst(titel: &str, beschrijving: &str) -> String {
    format!("{}\n{}", zoekvorm(titel), zoekvorm(beschrijving))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_but_line_breaks_and_tabs_are_text() {
        assert_eq!(ongeldig_teken("a\0b"), Some('\0'));
        assert_eq!(ongeldig_teken("bel\u{7}"), Some('\u{7}'));
        assert_eq!(ongeldig_teken("c1\u{85}"), Some('\u{85}'));
        assert_eq!(ongeldig_teken("r\u{FFFF}"), Some('\u{FFFF}'));
        assert_eq!(ongeldig_teken("regel 1\nregel 2\r\n\tÉvaluatie – 😀"), None);
    }

    #[test]
    fn invisible_text_is_not_visible() {
        for s in [
            "",
            "   ",
            "\u{200B}\u{200B}",
            "\u{FEFF} \u{2060}",
            "\u{3164}",
            "\u{00AD}\u{200D}",
            "\u{E0041}",
        ] {
            assert!(!is_zichtbaar(s), "{s:?}");
        }
        for s in ["a", " x ", "\u{200B}Évaluatie", "😀", "١"] {
            assert!(is_zichtbaar(s), "{s:?}");
        }
        assert_eq!(bijgesneden("\u{200B} Titel \u{FEFF}"), "Titel");
    }

    #[test]
    fn search_form_folds_case_beyond_ascii() {
        assert_eq!(zoekvorm("ÉVALUATIE Ĳssel ΣΊΣΥΦΟΣ"), "évaluatie ĳssel σίσυφος");
        assert!(zoektekst("Évaluatie", "Öffentlich").contains(&zoekvorm("évaluatie")));
    }
}
