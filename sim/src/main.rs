use std::process::ExitCode;

use tokio::net::TcpListener;
use webex_sim::seed::{DEMO_ADMIN_TOKEN, DEMO_READONLY_TOKEN, PARTNER_ADMIN_TOKEN};
use webex_sim::Config;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_args(std::env::args().skip(1)) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("webex-sim: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> std::io::Result<()> {
    let started = std::time::Instant::now();
    let (app, _state) = webex_sim::app(config.clone())?;
    let listener = TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;

    println!(
        "webex-sim: Webex API simulator, seed '{}' ready in {} ms",
        config.seed.as_str(),
        started.elapsed().as_millis()
    );
    println!("  API base URL:  http://{addr}/v1");
    println!("  tokens (Authorization: Bearer <token>):");
    println!("    {DEMO_ADMIN_TOKEN:<22} Dana Admin, full admin of the demo org");
    println!("    {DEMO_READONLY_TOKEN:<22} Robin Reader, read scopes only");
    println!("    {PARTNER_ADMIN_TOKEN:<22} Pat Partner, partner admin of the demo org and Globex Retail");
    println!(
        "  sign-in:       http://{addr}/v1/authorize{}",
        if config.oauth_auto {
            " (--oauth-auto: no consent page)"
        } else {
            ""
        }
    );
    println!("  control:       http://{addr}/_sim/{{faults,reset,exchanges,tokens,latency}}");
    if config.latency_ms > 0 {
        println!(
            "  latency:       every /v1 answer waits {} ms (--latency-ms)",
            config.latency_ms
        );
    }
    if let Some(path) = &config.record {
        println!("  recording to:  {}", path.display());
    }

    let mut servers = tokio::task::JoinSet::new();
    if let Some(dir) = &config.serve_app {
        let app_listener = TcpListener::bind(config.app_addr).await?;
        let base = format!("/{}/", config.app_base.trim_matches('/')).replace("//", "/");
        println!(
            "  app:           http://{}{base} (from {})",
            app_listener.local_addr()?,
            dir.display()
        );
        let router = webex_sim::static_app::router_at(dir, &config.app_base);
        servers.spawn(async move {
            axum::serve(app_listener, router)
                .with_graceful_shutdown(shutdown())
                .await
        });
    }
    servers.spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown())
            .await
    });
    while let Some(result) = servers.join_next().await {
        result.map_err(std::io::Error::other)??;
    }
    Ok(())
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
}
