//! A linear pre-scan of a document's text, before the (recursive) parser sees it: how deep `{ [ (` nest and
//! how many tokens there are, outside strings, block strings and comments. It stops at the first limit passed.

use super::refusal;
use async_graphql::ServerError;

/// Refuses `text` when its brackets nest deeper than `max_nesting` or it has more than `max_tokens` tokens.
pub fn check_text(text: &str, max_nesting: usize, max_tokens: usize) -> Result<(), ServerError> {
    let b = text.as_bytes();
    let (mut i, mut depth, mut tokens) = (0usize, 0usize, 0usize);
    while i < b.len() {
        let c = b[i];
        i += 1;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' | b',' => continue,
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'"' if b[i..].starts_with(b"\"\"") => i = block_string_end(b, i + 2),
            b'"' => i = string_end(b, i),
            b'{' | b'[' | b'(' => {
                depth += 1;
                if depth > max_nesting {
                    return Err(refusal(
                        "NESTING_TOO_DEEP",
                        format!("het document nest dieper dan {max_nesting} niveaus"),
                    ));
                }
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            c if is_word(c) => {
                while i < b.len() && is_word(b[i]) {
                    i += 1;
                }
            }
            _ => {}
        }
        tokens += 1;
        if tokens > max_tokens {
            return Err(refusal(
                "TOO_MANY_TOKENS",
                format!("het document heeft meer dan {max_tokens} tokens"),
            ));
        }
    }
    Ok(())
}

/// Names, numbers and the dots of `...` (one token per run).
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'+' | b'.')
}

/// The index after the closing quote of a string whose opening quote ends before `i`.
fn string_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            b'\n' | b'\r' => return i,
            _ => i += 1,
        }
    }
    i
}

/// The index after the closing `"""` of a block string whose opening `"""` ends before `i`.
fn block_string_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        if b[i..].starts_with(b"\\\"\"\"") {
            i += 4;
        } else if b[i..].starts_with(b"\"\"\"") {
            return i + 3;
        } else {
            i += 1;
        }
    }
    i
}

/// How deep lists and objects nest in `value` (a scalar is 0), without recursion.
pub fn value_depth(value: &async_graphql::Value) -> usize {
    use async_graphql::Value;
    let mut max = 0;
    let mut stack = vec![(value, 0usize)];
    while let Some((v, d)) = stack.pop() {
        max = max.max(d);
        match v {
            Value::List(items) => stack.extend(items.iter().map(|x| (x, d + 1))),
            Value::Object(map) => stack.extend(map.values().map(|x| (x, d + 1))),
            _ => {}
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str, nesting: usize, tokens: usize) -> Option<String> {
        check_text(text, nesting, tokens).err().map(|e| {
            let ext = e.extensions.unwrap_or_default();
            format!("{:?}", ext.get("code"))
        })
    }

    #[test]
    fn nesting_counts_brackets_outside_strings_and_comments() {
        assert_eq!(code("{ a { b { c } } }", 3, 100), None);
        assert!(
            code("{ a { b { c { d } } } }", 3, 100)
                .unwrap()
                .contains("NESTING_TOO_DEEP")
        );
        assert!(
            code("{ a(x: [[[[1]]]]) }", 4, 100)
                .unwrap()
                .contains("NESTING_TOO_DEEP")
        );
        assert_eq!(code("{ a(x: \"[[[[[{{{{\") }", 3, 100), None, "strings");
        assert_eq!(code("{ a(x: \"\\\"[[[[[\") }", 3, 100), None, "escaped quotes");
        assert_eq!(
            code("{ a(x: \"\"\"[[[\\\"\"\"[[[[\"\"\") }", 3, 100),
            None,
            "block strings"
        );
        assert_eq!(code("{ a # [[[[[[[\n }", 3, 100), None, "comments");
        let deep = format!("{{ a(x: {}1{}) }}", "[".repeat(5000), "]".repeat(5000));
        assert!(code(&deep, 64, 100_000).unwrap().contains("NESTING_TOO_DEEP"));
    }

    #[test]
    fn tokens_are_counted() {
        assert_eq!(code("{ themas { id } }", 10, 6), None);
        assert!(
            code("{ themas { id } }", 10, 5)
                .unwrap()
                .contains("TOO_MANY_TOKENS")
        );
        assert_eq!(code("{ ...F } fragment F on Query { id }", 10, 11), None);
    }
}
