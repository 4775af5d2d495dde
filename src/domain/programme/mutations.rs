//! Test inputs for the readers: the bundled programme and fixtures, and mutations of them
//! (one node replaced by a value of another kind, or removed).

use serde_json::Value;

pub fn fixtures() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut texts = vec![std::fs::read_to_string(format!("{root}/public/programme.json")).expect("bundled programme")];
    for name in [
        "timed.json",
        "programme-updated.json",
        "long-words.json",
        "five-mistakes.json",
        "many-bad-events.json",
        "people.json",
        "languages.json",
        "venues.json",
    ] {
        texts.push(std::fs::read_to_string(format!("{root}/tests/fixtures/{name}")).expect("fixture"));
    }
    texts
}

/// Every node of a JSON value, as a path of keys and indices.
fn paths(value: &Value, at: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => map.iter().for_each(|(key, child)| paths(child, [at.clone(), vec![key.clone()]].concat(), out)),
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, child)| paths(child, [at.clone(), vec![i.to_string()]].concat(), out))
        }
        _ => {}
    }
}

fn node<'a>(value: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(value, |value, step| match value {
        Value::Object(map) => map.get_mut(step).expect("key"),
        Value::Array(items) => &mut items[step.parse::<usize>().expect("index")],
        _ => unreachable!("paths lead through objects and lists"),
    })
}

/// One node replaced by a value of another kind, or removed from its object.
pub fn mutate(text: &str, pick: usize, kind: u8) -> String {
    let mut root: Value = serde_json::from_str(text).expect("fixture is JSON");
    let mut all = Vec::new();
    paths(&root, Vec::new(), &mut all);
    let path = &all[pick % all.len()];
    let replacement = match kind {
        0 => Value::Null,
        1 => Value::from(7),
        2 => Value::from("text"),
        3 => Value::Array(vec![Value::from("x")]),
        4 => serde_json::json!({"en": "x"}),
        5 => Value::Bool(true),
        // serde reads `{"online": null}` as the spelling "online".
        6 => match node(&mut root, path) {
            Value::String(text) => serde_json::json!({ text.as_str(): null }),
            _ => Value::Null,
        },
        _ => {
            if let Some((last, parent)) = path.split_last() {
                if let Value::Object(map) = node(&mut root, parent) {
                    map.remove(last);
                }
            }
            return root.to_string();
        }
    };
    *node(&mut root, path) = replacement;
    root.to_string()
}
