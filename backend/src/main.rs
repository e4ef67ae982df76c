//! The `koers` binary: `serve`, `migrate`, `seed`, `backup`, `restore`, `user` and `token`.

use clap::Parser;
use koers_backend::cli::{Cli, Command};
use koers_backend::db::Db;
use koers_backend::startup::Application;
use koers_backend::{backup, beheer, seed, telemetry};

/// mimalloc instead of glibc's malloc: glibc kept every arena at its peak after a burst of large answers
/// (869 MB at rest after the scale bench), mimalloc returns freed pages to the system within milliseconds.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    telemetry::init(&cli.common.log, cli.common.log_json);
    match &cli.command {
        Command::Serve(args) => {
            let app = Application::build(args.settings(&cli.common))
                .await
                .unwrap_or_else(|e| weiger("serve", &e));
            app.run_until_stopped().await
        }
        Command::Migrate => {
            Db::connect(&cli.common.database_url).await?.migrate().await?;
            println!("database bijgewerkt");
            Ok(())
        }
        Command::Seed { file } => {
            let text = match file {
                Some(path) => std::fs::read_to_string(path)?,
                None => seed::BUILTIN.to_string(),
            };
            let seed = seed::parse(&text)?;
            let db = Db::connect(&cli.common.database_url).await?;
            db.migrate().await?;
            let r = seed::load(&db, &seed).await?;
            println!("seed geladen: {} nieuw, {} bestaand", r.nieuw, r.bestaand);
            Ok(())
        }
        Command::Backup { file } => {
            let v = backup::backup(&cli.common.database_url, file)
                .await
                .unwrap_or_else(|e| weiger("backup", &e));
            println!(
                "backup geschreven: {} ({} acties, {} bytes)",
                v.bestand.display(),
                v.acties,
                v.bytes
            );
            Ok(())
        }
        Command::Restore { file } => {
            let v = backup::restore(&cli.common.database_url, file)
                .await
                .unwrap_or_else(|e| weiger("restore", &e));
            println!(
                "database {} hersteld uit {} ({} acties)",
                v.database.display(),
                v.bestand.display(),
                v.acties
            );
            Ok(())
        }
        Command::Import { file, toepassen } => {
            let (out, zonder_problemen) = beheer::import(&cli.common.database_url, file, *toepassen)
                .await
                .unwrap_or_else(|e| weiger("import", &e));
            println!("{out}");
            if !zonder_problemen {
                std::process::exit(1);
            }
            Ok(())
        }
        Command::User(cmd) => {
            let out = beheer::user(&cli.common.database_url, cmd)
                .await
                .unwrap_or_else(|e| weiger("user", &e));
            println!("{out}");
            Ok(())
        }
        Command::Token(cmd) => {
            let out = beheer::token(&cli.common.database_url, cmd)
                .await
                .unwrap_or_else(|e| weiger("token", &e));
            println!("{out}");
            Ok(())
        }
    }
}

/// Ends a `koers` command with its reason (and its causes) on one line and exit code 1: these refusals are
/// for an operator, not a backtrace.
fn weiger(commando: &str, e: &anyhow::Error) -> ! {
    eprintln!("koers {commando}: {e:#}");
    std::process::exit(1)
}
