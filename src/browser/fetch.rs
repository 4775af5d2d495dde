//! Fetches the programme file and hands its text to the domain parser.

use gloo_net::http::Request;

use crate::domain::programme::{parse_programme, LoadError, Problem, Programme};

/// Loads and validates the programme at `url` (relative to the page, or absolute).
pub async fn fetch_programme(url: &str) -> Result<(Programme, Vec<Problem>), LoadError> {
    let network = |message: String| LoadError::Network { url: url.to_owned(), message };
    let response = Request::get(url).send().await.map_err(|err| network(err.to_string()))?;
    // gloo-net resolves Ok for 404 and 500: the status must be checked here.
    if !response.ok() {
        return Err(LoadError::Http { url: url.to_owned(), status: response.status() });
    }
    let text = response.text().await.map_err(|err| network(err.to_string()))?;
    parse_programme(&text)
}
