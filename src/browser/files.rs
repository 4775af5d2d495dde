//! Files in and out: download a text as a file (exports, backups of unreadable data) and
//! read a file the reader picked (imports).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a download named `filename`.
pub fn download_text(filename: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |err: wasm_bindgen::JsValue| format!("{err:?}");
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = super::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the first file chosen in a file input.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<String, String> {
    let file = input.files().and_then(|files| files.get(0)).ok_or("no file chosen")?;
    let text = JsFuture::from(file.text()).await.map_err(|err| format!("{err:?}"))?;
    text.as_string().ok_or_else(|| "the file is not text".to_owned())
}

/// The bytes of a file the reader picked or dropped (the organiser's page checks them as text).
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|err| format!("{err:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Whether the browser offers its own share sheet (Web Share API: phones, some desktops).
pub fn can_share() -> bool {
    super::window().is_some_and(|window| js_sys::Reflect::has(&window.navigator(), &"share".into()).unwrap_or(false))
}

/// Opens the browser's share sheet for a link; false when it was refused or cancelled.
pub async fn share_link(url: &str, title: &str) -> bool {
    let Some(window) = super::window() else { return false };
    let data = web_sys::ShareData::new();
    data.set_url(url);
    data.set_title(title);
    JsFuture::from(window.navigator().share_with_data(&data)).await.is_ok()
}

/// Copies text to the clipboard; false when the browser refuses.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = super::window() else { return false };
    JsFuture::from(window.navigator().clipboard().write_text(text)).await.is_ok()
}
