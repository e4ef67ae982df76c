//! The `koers` binary: `serve`, `migrate` and `seed`.

use clap::Parser;
use koers_backend::cli::{Cli, Command};
use koers_backend::db::Db;
use koers_backend::startup::Application;
use koers_backend::{seed, telemetry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    telemetry::init(&cli.common.log, cli.common.log_json);
    match &cli.command {
        Command::Serve(args) => {
            Application::build(args.settings(&cli.common))
                .await?
                .run_until_stopped()
                .await
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
    }
}
