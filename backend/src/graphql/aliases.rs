//! A schema extension that refuses documents with more aliased fields than allowed (`TOO_MANY_ALIASES`).
//! Fragments count wherever they are spread, so a fragment of aliases spread many times is caught too.

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Name, ServerError, ServerResult, Variables};
use std::collections::HashMap;
use std::sync::Arc;

/// Installs the alias limit.
pub struct AliasLimitFactory(pub usize);

impl ExtensionFactory for AliasLimitFactory {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(AliasLimit(self.0))
    }
}

struct AliasLimit(usize);

/// Counts aliases; spreads of unknown or cyclic fragments count 0 (validation refuses those anyway).
struct Counter<'a> {
    doc: &'a ExecutableDocument,
    memo: HashMap<&'a Name, usize>,
    busy: Vec<&'a Name>,
}

impl<'a> Counter<'a> {
    fn set(&mut self, set: &'a SelectionSet) -> usize {
        let mut n = 0usize;
        for item in &set.items {
            n = n.saturating_add(match &item.node {
                Selection::Field(f) => {
                    usize::from(f.node.alias.is_some()).saturating_add(self.set(&f.node.selection_set.node))
                }
                Selection::InlineFragment(i) => self.set(&i.node.selection_set.node),
                Selection::FragmentSpread(s) => self.fragment(&s.node.fragment_name.node),
            });
        }
        n
    }

    fn fragment(&mut self, name: &'a Name) -> usize {
        if let Some(n) = self.memo.get(name) {
            return *n;
        }
        if self.busy.contains(&name) {
            return 0;
        }
        let Some(def) = self.doc.fragments.get(name) else {
            return 0;
        };
        self.busy.push(name);
        let n = self.set(&def.node.selection_set.node);
        self.busy.pop();
        self.memo.insert(name, n);
        n
    }
}

/// The number of aliased fields the document's operations would select.
pub fn count_aliases(doc: &ExecutableDocument) -> usize {
    let mut c = Counter {
        doc,
        memo: HashMap::new(),
        busy: Vec::new(),
    };
    doc.operations
        .iter()
        .map(|(_, op)| c.set(&op.node.selection_set.node))
        .fold(0, usize::saturating_add)
}

#[async_trait::async_trait]
impl Extension for AliasLimit {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let doc = next.run(ctx, query, variables).await?;
        let n = count_aliases(&doc);
        if n > self.0 {
            let mut e = ServerError::new(
                format!("het document gebruikt {n} aliassen; het maximum is {}", self.0),
                None,
            );
            e.extensions
                .get_or_insert_with(Default::default)
                .set("code", "TOO_MANY_ALIASES");
            return Err(e);
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(q: &str) -> usize {
        count_aliases(&async_graphql::parser::parse_query(q).unwrap())
    }

    #[test]
    fn aliases_are_counted_through_fragments_and_spreads() {
        assert_eq!(count("{ themas { naam } }"), 0);
        assert_eq!(count("{ a: themas { b: naam } c: themas { naam } }"), 3);
        assert_eq!(
            count("{ ...F ...F } fragment F on Query { x: themas { y: naam } }"),
            4
        );
        assert_eq!(count("{ ... on Query { a: themas { naam } } }"), 1);
        assert_eq!(
            count("{ ...A } fragment A on Query { ...A z: themas { naam } }"),
            1,
            "cycles end"
        );
    }
}
