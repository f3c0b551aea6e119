//! The `unakn` command line: convert, load, query, serve, export, publish, demo.

mod cli;
mod commands;

use anyhow::{anyhow, Result};
use clap::Parser;
use cli::{Cli, Command, ExportFormat};
use commands::input::{BadInput, BadInputs};
use std::process::ExitCode;
use unakn::vocab::Base;

// The parser allocates many small strings; mimalloc serves them faster than the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let broken_pipe = e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                // The reader of our output went away (`| head`): nothing left to say.
                ExitCode::SUCCESS
            } else if let Some(bad) = e.downcast_ref::<BadInput>() {
                eprintln!("{bad}");
                ExitCode::from(1)
            } else if let Some(bad) = e.downcast_ref::<BadInputs>() {
                eprintln!("unakn: {bad}");
                ExitCode::from(1)
            } else {
                eprintln!("unakn: {e:#}");
                ExitCode::from(2)
            }
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::PdfText { input } => commands::pdf_text::pdf_text(&input),
        Command::Convert {
            inputs,
            to,
            output,
            base,
            verbose,
        } => {
            commands::convert::convert(&inputs, to, output.as_deref(), &Base::new(&base)?, verbose)
        }
        Command::Load {
            inputs,
            store,
            base,
            verbose,
        } => commands::load::load(&inputs, &store, &Base::new(&base)?, verbose),
        Command::Remove {
            targets,
            store,
            language,
        } => commands::remove::remove(&store, &targets, language.as_deref()),
        Command::Query {
            query,
            file,
            store,
            load,
            format,
            base,
        } => commands::query::query(
            query,
            file.as_deref(),
            store.as_deref(),
            &load,
            format,
            &Base::new(&base)?,
        ),
        Command::Demo { store } => commands::demo::demo(store.as_deref()),
        Command::Serve {
            store,
            load,
            bind,
            base,
            timeout,
            max_request_bytes,
        } => {
            if !(timeout.is_finite() && timeout > 0.0) {
                return Err(anyhow!("--timeout must be a positive number of seconds"));
            }
            commands::serve::serve(commands::serve::ServeOptions {
                store,
                load,
                bind,
                base: base.as_deref().map(Base::new).transpose()?,
                timeout: std::time::Duration::from_secs_f64(timeout),
                max_request_bytes,
            })
        }
        Command::Export {
            store,
            load,
            to,
            output,
            base,
        } => {
            let syntax = match to {
                ExportFormat::Nq => unakn::rdf::Syntax::NQuads,
                ExportFormat::Trig => unakn::rdf::Syntax::TriG,
                ExportFormat::Jsonld => unakn::rdf::Syntax::JsonLd,
            };
            commands::export::export_command(
                store.as_deref(),
                &load,
                &Base::new(&base)?,
                syntax,
                output.as_deref(),
            )
        }
        Command::Publish {
            store,
            load,
            to,
            user,
            password_file,
            base,
        } => {
            let credentials =
                commands::publish::Credentials::from_options(user, password_file.as_deref())?;
            commands::publish::publish(
                store.as_deref(),
                &load,
                &Base::new(&base)?,
                &to,
                credentials,
            )
        }
        Command::Bench {
            inputs,
            repeats,
            whole,
            store,
            copies,
            stage,
            search,
        } => {
            if let (Some(queries), Some(dir)) = (&search, &store) {
                commands::search::bench(&inputs, queries, dir, repeats)
            } else if whole {
                commands::bench::whole(&inputs, repeats, store.as_deref(), copies)
            } else {
                commands::bench::bench(&inputs, repeats, stage.as_deref())
            }
        }
        Command::Validate { files, schema } => {
            commands::validate::validate(&files, schema.as_deref())
        }
        Command::Diff {
            old,
            new,
            store,
            format,
        } => commands::diff::run(&old, &new, store.as_deref(), format),
        Command::Link {
            inputs,
            against,
            jsonl,
        } => commands::link::run(&inputs, against.as_deref(), jsonl),
        Command::Mandates {
            inputs,
            store,
            format,
            against,
        } => commands::mandates::run(&inputs, store.as_deref(), format, against.as_deref()),
        Command::Search {
            options,
            store,
            load,
        } => commands::search::run(store.as_deref(), &load, &options),
        Command::Eval {
            text_dir,
            akn_dir,
            list,
            schema,
        } => commands::eval::eval(&text_dir, &akn_dir, list, schema.as_deref()),
    }
}
