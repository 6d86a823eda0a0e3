//! The `jiaodui` binary: parses arguments and maps the outcome to an exit status — 0 no
//! finding at or above the threshold, 1 findings, 2 usage, config or I/O error.

use std::process::ExitCode;

fn main() -> ExitCode {
    match jiaodui::cli::run(std::env::args_os()) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`jiaodui check | head`) is not an error worth a message.
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("jiaodui: {err:#}");
            ExitCode::from(2)
        }
    }
}
