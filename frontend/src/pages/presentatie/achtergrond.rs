//! While the presentation covers the screen, the page behind it (header, footer, other content) is `inert`:
//! Tab never lands there and it leaves the accessibility tree. Undone when the presentation closes.

use web_sys::Element;

/// The elements made inert for one presentation, to be released again.
pub struct Achtergrond(Vec<Element>);

impl Achtergrond {
    /// Makes every sibling of `el` and of each of its ancestors up to `<body>` inert, except those that
    /// already were (they stay as they are when released).
    pub fn maak_inert(el: &Element) -> Achtergrond {
        let mut gemaakt = Vec::new();
        let mut huidig = el.clone();
        while let Some(ouder) = huidig.parent_element() {
            let mut kind = ouder.first_element_child();
            while let Some(k) = kind {
                let overslaan = k == huidig
                    || k.has_attribute("inert")
                    || matches!(
                        k.tag_name().to_ascii_uppercase().as_str(),
                        "SCRIPT" | "STYLE" | "LINK"
                    );
                if !overslaan && k.set_attribute("inert", "").is_ok() {
                    gemaakt.push(k.clone());
                }
                kind = k.next_element_sibling();
            }
            if ouder.tag_name().eq_ignore_ascii_case("body") {
                break;
            }
            huidig = ouder;
        }
        Achtergrond(gemaakt)
    }

    /// Makes the page behind usable again.
    pub fn vrij(self) {
        for el in self.0 {
            let _ = el.remove_attribute("inert");
        }
    }
}
