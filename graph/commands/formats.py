"""``talkgraph formats``: the output formats ``build --format`` accepts and the input formats
``build --input-format`` forces (the readers' registry, as the exporters' is listed)."""
from __future__ import annotations

import argparse

from . import add_command


def configure(subparsers) -> None:
    parser = add_command(subparsers, "formats", "list the output and input formats",
                         "List the formats 'build --format' writes (by name or by the suffix of the file each "
                         "writes) and the input formats 'build --input-format' reads, each with an example.",
                         ["talkgraph formats"])
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.extract.readers import load_readers
    from talkgraph.graph.exporters import load_exporters

    print("output formats (build --format):")
    for exporter in sorted(load_exporters().values(), key=lambda e: e.name):
        names = exporter.name + (f", {exporter.suffix_name}" if exporter.suffix_name else "")
        print(f"  {names:14} {exporter.filename:14} {exporter.description}")
    print("\ninput formats (build --input-format; by default each file's content decides):")
    for reader in sorted(load_readers().values(), key=lambda r: r.name):
        print(f"  {reader.name:14} {reader.description}")
        for line in reader.example.splitlines():
            print(f"  {'':14}   | {line}")
    return 0
