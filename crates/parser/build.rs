//! Generates the LALRPOP parser from `grammar/lua.lalrpop` into `OUT_DIR`.

fn main() {
    let grammar_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../grammar");
    println!("cargo:rerun-if-changed={}", grammar_dir.join("lua.lalrpop").display());
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    if let Err(error) = lalrpop::Configuration::new()
        .set_in_dir(&grammar_dir)
        .set_out_dir(out_dir)
        .emit_rerun_directives(false)
        .process_dir(&grammar_dir)
    {
        panic!("generating the parser from grammar/lua.lalrpop failed: {error}");
    }
}
