//! Files in and out: download a text as a file (exports, backups of unreadable data) and
//! read a file the reader picked (imports).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::BrowserError;

/// Offers `text` as a download named `filename`.
pub fn download_text(filename: &str, text: &str, mime: &str) -> Result<(), BrowserError> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = super::window().and_then(|w| w.document()).ok_or_else(|| BrowserError::Refused("no document".into()))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the first file chosen in a file input.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<String, BrowserError> {
    let file = input.files().and_then(|files| files.get(0)).ok_or(BrowserError::NoFileChosen)?;
    let text = JsFuture::from(file.text()).await?;
    text.as_string().ok_or(BrowserError::NotText)
}

/// A file the reader chose in a file input or dropped on the page.
pub struct PickedFile(web_sys::File);

impl PickedFile {
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// Its size in bytes, known before it is read.
    pub fn size(&self) -> f64 {
        self.0.size()
    }

    /// Its bytes (the organiser's page checks them as text).
    pub async fn bytes(&self) -> Result<Vec<u8>, BrowserError> {
        let buffer = JsFuture::from(self.0.array_buffer()).await?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

/// The files chosen in the file input that sent `event`.
pub fn chosen_files(event: &web_sys::Event) -> Vec<PickedFile> {
    let input = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok());
    files_of(input.and_then(|input| input.files()))
}

/// The files dropped with `event` (`event.dataTransfer.files`, read by name: web-sys's
/// `DataTransfer` feature alone made the delegates' wasm 0.7 KB larger, and features are
/// shared by both apps' builds).
pub fn dropped_files(event: &web_sys::DragEvent) -> Vec<PickedFile> {
    let transfer = js_sys::Reflect::get(event, &"dataTransfer".into()).ok();
    let files = transfer.and_then(|transfer| js_sys::Reflect::get(&transfer, &"files".into()).ok());
    files_of(files.and_then(|files| files.dyn_into::<web_sys::FileList>().ok()))
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<PickedFile> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.get(index)).map(PickedFile).collect()
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
