//! Fuzz target: any text as sentence markdown (see `explainer_fuzz::inline_markdown`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| explainer_fuzz::inline_markdown(data));
