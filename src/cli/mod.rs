//! The `explainer` command-line tool: the commands, the exit codes, and how problems are printed.
//!
//! Each command returns an [`Outcome`]: done, or the [`Status`] it stopped with, so a failure
//! anywhere in it ends it with `?`. [`run`] turns that into one [`Status`] and `main` into an
//! exit code, so commands stay testable as functions.

mod bundle;
mod card;
mod check;
mod claimreview;
mod fingerprint;
mod import;
mod io;
mod page;
mod render;
mod report;
mod script_data;
mod short_imports;
mod snippet;
mod status;
mod studio_file;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use explainer_evidence::{Form, schema};
use io::io_failure;
pub use status::Status;

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "explainer",
    version,
    about = "Check and publish Explainer evidence sets",
    long_about = "Check and publish Explainer evidence sets.\n\nExit codes: 0 ok, 1 invalid evidence, 2 usage or I/O error.\nThe format is described in docs/evidence-format.md."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate evidence files (authored or published) and print every problem.
    ///
    /// Each problem is printed as FILE:LINE:COL: PATH: message. Warnings are printed after the
    /// errors and do not make the check fail.
    Check {
        /// The evidence files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// How to print the result.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Validate an authored evidence file and write its published form, which the widget reads.
    ///
    /// Nothing is written when the file has errors.
    Build {
        /// The authored evidence file.
        file: PathBuf,
        /// Where to write the published form (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write one HTML file holding the widget and an evidence set, for reading offline.
    ///
    /// The file carries the wasm, the scripts, the styles and the evidence, and opens from
    /// disk with no network. It is made from a built widget (trunk build --release).
    Bundle {
        /// The evidence file (authored or published); default: the set bundled with the widget.
        #[arg(long)]
        evidence: Option<PathBuf>,
        /// The built widget's folder.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// Where to write the page.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Turn a report written like the seed into an authored evidence file.
    ///
    /// The report: the question on the first line, "Executive summary" and its paragraphs, then
    /// numbered sections ("1. Title") with [n] citation markers. The sources file gives what a
    /// report lacks: source details merged by number, "label", "limits", "meta" and section
    /// "ids". Problems are reported with the report's line numbers; nothing is written then.
    Import {
        /// The report, as UTF-8 text.
        report: PathBuf,
        /// The sources file (JSON).
        #[arg(long)]
        sources: Option<PathBuf>,
        /// Where to write the evidence file (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write a standalone static HTML page of an evidence set (authored or published).
    ///
    /// Everything is expanded and every citation links to its numbered source at the end; the
    /// page needs no script and prints well. Nothing is written when the file has errors.
    Render {
        /// The evidence file.
        file: PathBuf,
        /// Where to write the page (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write the share image of an evidence set (authored or published): 1200×630, the
    /// question, the verdict's label, the publisher and date, in the set's language.
    ///
    /// Prints its alt text (the question and the label). The image is the same, byte for byte,
    /// on any machine and in Explainer Studio: it carries its own fonts. Nothing is written
    /// when the file has errors or a character the fonts cannot draw.
    Card {
        /// The evidence file.
        file: PathBuf,
        /// Where to write the image (NAME.png, or NAME.svg with --svg).
        #[arg(short, long)]
        output: PathBuf,
        /// Write an SVG (its text drawn as shapes) instead of a PNG.
        #[arg(long)]
        svg: bool,
    },
    /// Print the paste-in script embed for a published evidence file, explainer included.
    ///
    /// The <evidence-explainer> element carries the explainer already rendered, in a
    /// declarative shadow root with the widget's stylesheet, so the article shows it before
    /// any script runs; embed.js then takes it over. Render it again whenever the file or the
    /// widget changes: a stale one is rendered afresh, at the cost of the head start.
    Snippet {
        /// The published evidence file.
        file: PathBuf,
        /// The address the page loads the file from (default: the file's name).
        #[arg(long)]
        src: Option<String>,
        /// The address of the widget's folder, ending in / (default: beside the page).
        #[arg(long, default_value = "")]
        base: String,
        /// The element's id, which starts the widget's DOM ids (default: from the file name).
        #[arg(long)]
        id: Option<String>,
        /// The language of the words the widget adds, such as es or pt-BR (default: the set's
        /// meta.language, else English).
        #[arg(long)]
        language: Option<String>,
        /// Where to write the snippet (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Carry the widget's stylesheet inline (from DIST/explainer.css) instead of linking
        /// it, so the article's first paint of the explainer waits for no stylesheet. A page
        /// with a Content-Security-Policy then names it in style-src by the hash this prints.
        #[arg(long)]
        inline_style: bool,
        /// The built widget's folder, for --inline-style.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
    },
    /// Write the stand-alone page with an evidence set's explainer rendered into it.
    ///
    /// Takes the built page (DIST/index.html) and puts the explainer in it, so the page, and an
    /// iframe showing it, paints it before and without any script; embed.js then takes it over.
    /// Write the page into DIST, beside the widget's files. The build does this for the bundled
    /// set; run it for each published file an iframe shows (index.html?src=… needs script).
    Page {
        /// The published evidence file (default: the set bundled with the widget).
        file: Option<PathBuf>,
        /// The address the page loads the file from (default: the file's name).
        #[arg(long)]
        src: Option<String>,
        /// The built widget's folder.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// The language of the words the widget adds, such as es or pt-BR (default: the set's
        /// meta.language, else English).
        #[arg(long)]
        language: Option<String>,
        /// Where to write the page (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The page also shows other sets its address names (index.html?src=…): carry page.js
        /// (inline), which hides the rendered set before the first paint when the address asks
        /// for another.
        #[arg(long)]
        takes_src: bool,
        /// The page's public address (https://…): also write its oEmbed response beside it
        /// (NAME.oembed.json), so that pasting the address in WordPress or any oEmbed consumer
        /// embeds it, and its share image (NAME.png, as `explainer card` makes it) with the tags
        /// that name it to messaging apps and social sites; and name the address's origin in
        /// the page's policy.
        #[arg(long)]
        url: Option<String>,
    },
    /// Write Explainer Studio as one HTML file that works from disk, with no network.
    ///
    /// For editors who write offline: the file carries the studio, the checker, the widget for
    /// the preview and the sample. A browser will not load the served studio's wasm from a
    /// folder on disk. The build writes DIST/studio-offline.html.
    StudioFile {
        /// The built widget's folder, with the studio's files.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// Where to write the file.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write into the built scripts what the widget's code defines.
    ///
    /// embed.js gets the words it says before the widget loads, from the language tables
    /// (src/locales/*.toml); studio.js the names of the widget's files an offline file carries.
    /// The scripts as written hold empty values for them. The build runs it first.
    ScriptData {
        /// The built widget's folder.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
    },
    /// Give what each built wasm imports from its glue short names, in both files.
    ///
    /// wasm-bindgen names each import after its function and a hash, in the wasm and in its
    /// glue; the build runs this after minifying, so readers download short names instead.
    ShortImports {
        /// The built widget's folder.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
    },
    /// Give the built widget's large files content-hashed names, for a year of caching.
    ///
    /// Renames explainer-widget.js and explainer-widget_bg.wasm, and copies explainer.css, to
    /// names with the first 16 hex digits of their SHA-256, and rewrites embed.js and the pages
    /// to name them. The build runs it last; docs/embedding.md says which headers to send.
    Fingerprint {
        /// The built widget's folder.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
    },
    /// Print schema.org ClaimReview markup for the verdict, to paste into the article page.
    ///
    /// Prints a <script type="application/ld+json"> element (or, with --json, the bare JSON) and
    /// warns on standard error about what Google requires or recommends and the file lacks.
    Claimreview {
        /// The evidence file (authored or published).
        file: PathBuf,
        /// Print the bare JSON-LD instead of a script element.
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of a form, for editors to validate evidence files as they type.
    ///
    /// Evidence files name it in "$schema"; the committed copies are in schema/.
    Schema {
        /// Which form.
        #[arg(long, value_enum, default_value_t = FormArg::Authored)]
        form: FormArg,
    },
}

/// The forms, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormArg {
    /// What people write.
    Authored,
    /// What the widget reads.
    Published,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One line a problem, for people and editors.
    Text,
    /// A JSON array with one object a file, for tools.
    Json,
}

/// Runs the tool on the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    run(cli, &mut stdout.lock(), &mut stderr.lock()).into()
}

/// Runs a parsed command line, writing results to `out` and messages to `err`.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Status {
    let outcome = match cli.command {
        Command::Check { files, format } => check::check(&files, format == Format::Json, out, err),
        Command::Build { file, output } => check::build(&file, output.as_deref(), out, err),
        Command::Bundle {
            evidence,
            dist,
            output,
        } => bundle::bundle(evidence.as_deref(), &dist, &output, err),
        Command::Import {
            report,
            sources,
            output,
        } => import::import(&report, sources.as_deref(), output.as_deref(), out, err),
        Command::Card { file, output, svg } => card::card_file(&file, &output, svg, out, err),
        Command::Render { file, output } => render::render(&file, output.as_deref(), out, err),
        Command::Snippet {
            file,
            src,
            base,
            id,
            language,
            output,
            inline_style,
            dist,
        } => snippet::snippet(
            &snippet::Options {
                file: &file,
                snippet: crate::outputs::SnippetOptions {
                    file_name: "",
                    src: src.as_deref(),
                    base: &base,
                    id: id.as_deref(),
                    language: language.as_deref(),
                    style: None,
                },
                output: output.as_deref(),
                inline_style: inline_style.then_some(dist.as_path()),
            },
            out,
            err,
        ),
        Command::Page {
            file,
            src,
            dist,
            language,
            output,
            takes_src,
            url,
        } => page::page(
            &page::Options {
                file: file.as_deref(),
                src: src.as_deref(),
                dist: &dist,
                language: language.as_deref(),
                output: output.as_deref(),
                takes_src,
                url: url.as_deref(),
            },
            out,
            err,
        ),
        Command::StudioFile { dist, output } => studio_file::write(&dist, &output, err),
        Command::ScriptData { dist } => script_data::script_data(&dist, err),
        Command::Fingerprint { dist } => fingerprint::fingerprint(&dist, err),
        Command::ShortImports { dist } => short_imports::short_imports(&dist, err),
        Command::Claimreview { file, json } => claimreview::claimreview(&file, json, out, err),
        Command::Schema { form } => {
            let form = match form {
                FormArg::Authored => Form::Authored,
                FormArg::Published => Form::Published,
            };
            out.write_all(schema::schema(form).as_bytes())
                .map_err(|error| io_failure(err, "write", Path::new("standard output"), &error))
        }
    };
    outcome.err().unwrap_or(Status::Ok)
}
