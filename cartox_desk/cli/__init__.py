"""Command-line subcommands of `cartox-desk` (one module each, `main(argv) -> int`)."""
