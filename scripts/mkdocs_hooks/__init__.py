"""The MkDocs room: thin adapters between MkDocs and the pure rooms, one file per concern,
each listed under `hooks:` in mkdocs.yml (MkDocs runs them in that order). No other room
imports MkDocs (a test proves it), so the same pages could come from another engine.

MkDocs loads each hook by its file path; what hooks share lives in context.py, imported as
a module of this package."""
