//! Fuzz target: any bytes as an evidence file (see `explainer_fuzz::evidence_file`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| explainer_fuzz::evidence_file(data));
