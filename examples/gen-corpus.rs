//! Writes a benchmark corpus of bulletin drafts: `cargo run --release --example gen-corpus --
//! --size 10MB --out bench-corpus/10MB`.
//!
//! Pages of about 4 KB (`--file-bytes`) go into one folder per issue date, eight to a folder,
//! so the date rules see an issue date as they do in a newsroom repository. The output is
//! byte-identical for the same `--seed`, `--size` and `--file-bytes`. When it is complete the
//! generator writes `CORPUS` at the top of the folder with the parameters and totals;
//! `scripts/bench-check.sh` regenerates a corpus whose `CORPUS` is missing or differs.
//! See `benches/support/corpus.rs` for what the drafts contain.

use std::fs;
use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use clap::Parser;

#[path = "../benches/support/corpus.rs"]
mod corpus;

#[derive(Parser)]
#[command(about = "Write a deterministic corpus of ~4 KB bulletin drafts")]
struct Args {
    /// Total size to write: bytes, or with a KB/MB/GB suffix (decimal: 1MB = 1,000,000 bytes).
    #[arg(long)]
    size: String,
    /// Output folder; it must be empty or absent.
    #[arg(long)]
    out: PathBuf,
    /// PRNG seed: the same seed gives the same corpus.
    #[arg(long, default_value_t = 2023)]
    seed: u64,
    /// Approximate size of one draft.
    #[arg(long, default_value_t = 4096)]
    file_bytes: usize,
    /// Slip rate per opportunity, per mille (about 40 gives a few findings per page).
    #[arg(long, default_value_t = 40)]
    error_rate: u32,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let total = parse_size(&args.size)?;
    if args.out.exists() && fs::read_dir(&args.out)?.next().is_some() {
        bail!("{} is not empty", args.out.display());
    }
    let opts = corpus::Options {
        seed: args.seed,
        file_bytes: args.file_bytes,
        error_per_mille: args.error_rate,
        ..corpus::Options::default()
    };
    let mut generator = corpus::Generator::new(opts);
    let (mut written, mut files) = (0u64, 0u64);
    let mut last_dir = String::new();
    while written < total {
        let page = generator.next_page();
        let path = args.out.join(&page.path);
        let dir = page.path.split('/').next().unwrap_or_default();
        if dir != last_dir {
            fs::create_dir_all(path.parent().expect("page paths have a folder"))
                .with_context(|| format!("cannot create {}", path.display()))?;
            last_dir = dir.to_string();
        }
        fs::write(&path, page.text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
        written += page.text.len() as u64;
        files += 1;
    }
    let mut stamp = fs::File::create(args.out.join("CORPUS"))?;
    writeln!(
        stamp,
        "size={} seed={} file_bytes={} error_rate={}\nfiles={files} bytes={written}",
        args.size, args.seed, args.file_bytes, args.error_rate
    )?;
    eprintln!(
        "gen-corpus: wrote {files} drafts, {written} bytes, to {}",
        args.out.display()
    );
    Ok(())
}

fn parse_size(text: &str) -> Result<u64> {
    let upper = text.trim().to_ascii_uppercase();
    let (digits, factor) = if let Some(n) = upper.strip_suffix("GB") {
        (n, 1_000_000_000)
    } else if let Some(n) = upper.strip_suffix("MB") {
        (n, 1_000_000)
    } else if let Some(n) = upper.strip_suffix("KB") {
        (n, 1_000)
    } else {
        (upper.as_str(), 1)
    };
    let n: u64 = digits
        .trim()
        .parse()
        .with_context(|| format!("bad size `{text}`"))?;
    Ok(n * factor)
}
