//! `explainer`: the authoring tool. Checks evidence files and publishes them for the widget.
//! Exit codes: 0 ok, 1 invalid evidence, 2 usage or I/O error.

fn main() -> std::process::ExitCode {
    explainer::cli::main()
}
