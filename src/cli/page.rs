//! `explainer page`: the stand-alone page (the built `index.html`) with an evidence set's
//! explainer already rendered into it, so the page (and an iframe showing it) paints the whole
//! explainer before and without any script, and `embed.js` takes it over. The build runs it on
//! the bundled set; a newsroom runs it on each published file it shows in an iframe.

use std::io::Write;
use std::path::Path;

use super::io::rendered;
use super::io::{emit, read_published, write_atomically};
use super::io::{io_failure, read_built};
use super::report::warn_of_language;
use super::status::{Outcome, Status};
use crate::outputs::{
    OwnPage, PublicAddress, SharedImage, card, linked_stylesheets, oembed_response, own_page,
    with_discovery,
};

/// What `explainer page` is asked for.
pub(super) struct Options<'a> {
    /// The published evidence file (default: the set bundled with the widget).
    pub file: Option<&'a Path>,
    /// The address the page loads the file from (default: the file's name).
    pub src: Option<&'a str>,
    /// The built widget's folder, whose `index.html` is the template.
    pub dist: &'a Path,
    /// The language of the words the widget adds (default: the set's `meta.language`).
    pub language: Option<&'a str>,
    /// Where to write the page (default: standard output).
    pub output: Option<&'a Path>,
    /// The page also shows other sets its address names (`?src=`): it carries `page.js`.
    pub takes_src: bool,
    /// The page's public address: its oEmbed response is written beside it.
    pub url: Option<&'a str>,
}

/// A page at its public address, and the files written beside it.
struct AtAddress {
    address: PublicAddress,
    /// `NAME.oembed.json`.
    oembed: std::path::PathBuf,
    /// `NAME.png`, the share image.
    image: std::path::PathBuf,
}

impl AtAddress {
    /// The public address of the file at `path`, beside the page.
    fn address_of(&self, path: &Path) -> String {
        self.address.beside(&file_name(path))
    }
}

/// The file `NAME.EXTENSION` beside the page `NAME.html` at `output`: its oEmbed response
/// (`oembed.json`), its share image (`png`).
fn beside(output: &Path, extension: &str) -> std::path::PathBuf {
    let stem = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    output.with_file_name(format!("{stem}.{extension}"))
}

/// The last part of `path`, as text.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub(super) fn page(options: &Options, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    // The page's address, checked before anything is read or written.
    let public = match options.url {
        None => None,
        Some(url) => {
            let address = PublicAddress::parse(url).map_err(|why| {
                let _ = writeln!(err, "explainer: --url {why}");
                Status::Failed
            })?;
            let Some(output) = options.output else {
                let _ = writeln!(
                    err,
                    "explainer: --url needs -o FILE: the page's oEmbed response is written beside it"
                );
                return Err(Status::Failed);
            };
            Some(AtAddress {
                address,
                oembed: beside(output, "oembed.json"),
                image: beside(output, "png"),
            })
        }
    };
    let template_path = options.dist.join("index.html");
    let template = String::from_utf8_lossy(&read_built(&template_path, err)?).into_owned();
    let (evidence, text, src) = match options.file {
        None => (
            explainer_evidence::load_published(crate::BUNDLED_EVIDENCE)
                .expect("the bundled set is valid"),
            crate::BUNDLED_EVIDENCE.to_owned(),
            None,
        ),
        Some(file) => {
            let (evidence, text) = read_published(file, err)?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                evidence,
                text,
                Some(options.src.map_or(name, str::to_owned)),
            )
        }
    };
    warn_of_language(options.language, err);
    let mut styles = Vec::new();
    for href in linked_stylesheets(&template) {
        let path = options.dist.join(href.trim_start_matches("./"));
        let css = String::from_utf8_lossy(&read_built(&path, err)?).into_owned();
        styles.push((href, css));
    }
    let page_script = match options.takes_src {
        false => None,
        true => {
            let path = options.dist.join("page.js");
            Some(String::from_utf8_lossy(&read_built(&path, err)?).into_owned())
        }
    };
    // The share image beside the page, made before anything is written: a set the card
    // cannot draw is refused whole.
    let drawn = match &public {
        None => None,
        Some(_) => Some(card(&evidence).map_err(|problem| {
            let file = options
                .file
                .map_or("the bundled set".into(), |f| f.display().to_string());
            let _ = writeln!(err, "{file}: {problem}; nothing written");
            Status::Invalid
        })?),
    };
    let image = public.as_ref().map(|at| at.address_of(&at.image));
    let shared = public
        .as_ref()
        .zip(image.as_deref())
        .map(|(at, image)| SharedImage {
            page: at.address.url(),
            image,
        });
    let page = OwnPage {
        template: &template,
        text: &text,
        evidence: &evidence,
        src: src.as_deref(),
        language: options.language,
        styles: &styles,
        page_script: page_script.as_deref(),
        shared: shared.as_ref(),
    };
    let made = rendered(own_page(&page))
        .map_err(|error| io_failure(err, "render", &template_path, &error))?;
    let made = match (made, &public, &drawn) {
        (Some(page), Some(at), Some(drawn)) => {
            write_atomically(&at.image, &drawn.png)
                .map_err(|error| io_failure(err, "write", &at.image, &error))?;
            let response = oembed_response(&evidence, &at.address);
            write_atomically(&at.oembed, response.as_bytes())
                .map_err(|error| io_failure(err, "write", &at.oembed, &error))?;
            let question = &evidence.document().question;
            with_discovery(
                &page,
                &at.address_of(&at.oembed),
                question,
                at.address.origin(),
            )
        }
        (made, _, _) => made,
    };
    match made {
        Some(page) => emit(options.output, page.as_bytes(), out, err),
        None => {
            let _ = writeln!(
                err,
                "explainer: {} is not the widget's page: it needs <html>, <title>, a Content-Security-Policy with style-src 'self', and <evidence-explainer own-page>…</evidence-explainer>",
                template_path.display()
            );
            Err(Status::Failed)
        }
    }
}
