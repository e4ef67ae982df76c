//! Checks on a parsed document before async-graphql validates it (validation expands every fragment where it
//! is spread, so a document of doubling fragments would cost minutes there): spreads and directives as
//! written, and the fields, aliases and depth after expansion, computed once per fragment.

use super::refusal;
use crate::config::GraphqlLimits;
use async_graphql::parser::types::{Directive, ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Name, Positioned, ServerError};
use std::collections::HashMap;

/// What a selection set costs once expanded.
#[derive(Clone, Copy, Default)]
struct Size {
    fields: usize,
    /// Aliased fields (an alias multiplies work as a spread does).
    aliases: usize,
    /// Levels of selection sets, fragments included (what recursion follows).
    depth: usize,
    /// Levels of fields (async-graphql's depth).
    field_depth: usize,
}

struct Walker<'a> {
    doc: &'a ExecutableDocument,
    limits: &'a GraphqlLimits,
    memo: HashMap<&'a Name, Size>,
    busy: Vec<&'a Name>,
    spreads: usize,
    directives: usize,
}

impl<'a> Walker<'a> {
    fn directives(&mut self, list: &[Positioned<Directive>]) -> Result<(), ServerError> {
        self.directives = self.directives.saturating_add(list.len());
        if self.directives > self.limits.directives {
            return Err(refusal(
                "TOO_MANY_DIRECTIVES",
                format!(
                    "het document heeft meer dan {} directives",
                    self.limits.directives
                ),
            ));
        }
        Ok(())
    }

    /// The expanded size of `set`, found `depth` levels down (fragment spreads count as a level, as in
    /// async-graphql's recursion limit).
    fn set(&mut self, set: &'a SelectionSet, depth: usize) -> Result<Size, ServerError> {
        if depth > self.limits.nesting {
            return Err(refusal(
                "NESTING_TOO_DEEP",
                format!("de selectie nest dieper dan {} niveaus", self.limits.nesting),
            ));
        }
        let mut total = Size::default();
        for item in &set.items {
            let inner = match &item.node {
                Selection::Field(f) => {
                    self.directives(&f.node.directives)?;
                    let s = self.set(&f.node.selection_set.node, depth + 1)?;
                    Size {
                        fields: s.fields.saturating_add(1),
                        aliases: s.aliases.saturating_add(usize::from(f.node.alias.is_some())),
                        depth: s.depth + 1,
                        field_depth: s.field_depth + 1,
                    }
                }
                Selection::InlineFragment(i) => {
                    self.directives(&i.node.directives)?;
                    let s = self.set(&i.node.selection_set.node, depth + 1)?;
                    Size {
                        depth: s.depth + 1,
                        ..s
                    }
                }
                Selection::FragmentSpread(s) => {
                    self.directives(&s.node.directives)?;
                    self.spreads += 1;
                    if self.spreads > self.limits.spreads {
                        return Err(refusal(
                            "TOO_MANY_SPREADS",
                            format!(
                                "het document heeft meer dan {} fragment-spreads",
                                self.limits.spreads
                            ),
                        ));
                    }
                    let s = self.fragment(&s.node.fragment_name.node, depth + 1)?;
                    if depth + s.depth > self.limits.nesting {
                        return Err(refusal(
                            "NESTING_TOO_DEEP",
                            format!("de selectie nest dieper dan {} niveaus", self.limits.nesting),
                        ));
                    }
                    s
                }
            };
            total.fields = total.fields.saturating_add(inner.fields);
            total.aliases = total.aliases.saturating_add(inner.aliases);
            total.depth = total.depth.max(inner.depth);
            total.field_depth = total.field_depth.max(inner.field_depth);
            if total.fields > self.limits.fields {
                return Err(refusal(
                    "QUERY_TOO_LARGE",
                    format!(
                        "het document selecteert, met zijn fragmenten uitgeschreven, meer dan {} velden",
                        self.limits.fields
                    ),
                ));
            }
        }
        Ok(total)
    }

    /// A fragment's size, walked once; unknown fragments count 0 (validation refuses them).
    fn fragment(&mut self, name: &'a Name, depth: usize) -> Result<Size, ServerError> {
        if let Some(s) = self.memo.get(name) {
            return Ok(*s);
        }
        if self.busy.contains(&name) {
            return Err(refusal(
                "GRAPHQL_VALIDATION_FAILED",
                format!("fragment {name} bevat zichzelf"),
            ));
        }
        let Some(def) = self.doc.fragments.get(name) else {
            return Ok(Size::default());
        };
        self.busy.push(name);
        let s = self.set(&def.node.selection_set.node, depth)?;
        self.busy.pop();
        let s = Size {
            depth: s.depth + 1,
            ..s
        };
        self.memo.insert(name, s);
        Ok(s)
    }
}

/// Refuses a document with too many spreads or directives, a fragment that spreads itself, or more fields,
/// aliases or depth than allowed once fragments are expanded. Linear in the document's size.
pub fn check_document(doc: &ExecutableDocument, limits: &GraphqlLimits) -> Result<(), ServerError> {
    let mut w = Walker {
        doc,
        limits,
        memo: HashMap::new(),
        busy: Vec::new(),
        spreads: 0,
        directives: 0,
    };
    let (mut fields, mut aliases) = (0usize, 0usize);
    for (_, op) in doc.operations.iter() {
        w.directives(&op.node.directives)?;
        for v in &op.node.variable_definitions {
            w.directives(&v.node.directives)?;
        }
        let size = w.set(&op.node.selection_set.node, 0)?;
        // Checked here too (async-graphql checks the complexity first, which a deep document of lists
        // overflows: the client should hear that it is too deep).
        if size.field_depth > limits.depth {
            return Err(refusal(
                "QUERY_TOO_DEEP",
                format!("de selectie is dieper dan {} velden", limits.depth),
            ));
        }
        aliases = aliases.saturating_add(size.aliases);
        if aliases > limits.aliases {
            return Err(refusal(
                "TOO_MANY_ALIASES",
                format!(
                    "het document gebruikt {aliases} aliassen; het maximum is {}",
                    limits.aliases
                ),
            ));
        }
        fields = fields.saturating_add(size.fields);
        if fields > limits.fields {
            return Err(refusal(
                "QUERY_TOO_LARGE",
                format!("het document selecteert meer dan {} velden", limits.fields),
            ));
        }
    }
    // Fragments that no operation spreads are walked too: they are written, so their spreads and directives
    // count, and validation will look at them.
    for (name, def) in &doc.fragments {
        w.directives(&def.node.directives)?;
        w.fragment(name, 1)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(q: &str) -> Option<String> {
        let doc = async_graphql::parser::parse_query(q).unwrap();
        check_document(&doc, &GraphqlLimits::default())
            .err()
            .map(|e| format!("{:?}", e.extensions.unwrap_or_default().get("code")))
    }

    /// Fragment `F{n}` spreads `F{n-1}` twice; the operation spreads the last one.
    pub fn doubling(levels: usize) -> String {
        let mut q = format!("{{ ...F{levels} }} fragment F0 on Query {{ themas {{ id }} }}");
        for i in 1..=levels {
            q.push_str(&format!(
                " fragment F{i} on Query {{ ...F{} ...F{} }}",
                i - 1,
                i - 1
            ));
        }
        q
    }

    #[test]
    fn doubling_fragments_are_refused_by_their_expanded_size() {
        assert_eq!(code(&doubling(5)), None, "64 × 2 fields");
        assert!(code(&doubling(30)).unwrap().contains("QUERY_TOO_LARGE"));
    }

    #[test]
    fn cycles_spreads_and_directives_are_refused() {
        let c = code("{ ...F } fragment F on Query { ...F ...F }").unwrap();
        assert!(c.contains("GRAPHQL_VALIDATION_FAILED"), "{c}");
        let spreads: String = (0..101).map(|_| "...F ").collect();
        let q = format!("{{ {spreads} }} fragment F on Query {{ id: __typename }}");
        assert!(code(&q).unwrap().contains("TOO_MANY_SPREADS"));
        let dirs: String = (0..51).map(|_| "@skip(if: false) ").collect();
        assert!(
            code(&format!("{{ themas {dirs} {{ id }} }}"))
                .unwrap()
                .contains("TOO_MANY_DIRECTIVES")
        );
        assert_eq!(code("{ themas @include(if: true) { id } }"), None);
    }

    #[test]
    fn aliases_are_counted_through_fragments_where_they_are_spread() {
        let fifty: String = (0..50).map(|i| format!("a{i}: __typename ")).collect();
        assert_eq!(code(&format!("{{ {fifty} }}")), None);
        assert!(
            code(&format!("{{ {fifty} x: __typename }}"))
                .unwrap()
                .contains("TOO_MANY_ALIASES")
        );
        let twenty_five: String = (0..25).map(|i| format!("a{i}: __typename ")).collect();
        let q = format!("{{ ...F ...F }} fragment F on Query {{ {twenty_five} }}");
        let twenty_five_twice = code(&q);
        assert_eq!(twenty_five_twice, None, "25 aliases spread twice are 50");
        let q = "{ ...F ...F ...F } fragment F on Query { a: __typename b: __typename c: __typename \
                 d: __typename e: __typename f: __typename g: __typename h: __typename i: __typename \
                 j: __typename k: __typename l: __typename m: __typename n: __typename o: __typename \
                 p: __typename q: __typename }";
        assert!(code(q).unwrap().contains("TOO_MANY_ALIASES"), "17 × 3 = 51");
    }
}
