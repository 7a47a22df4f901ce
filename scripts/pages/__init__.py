"""The pages room: pure functions from the bank to Markdown pages (no I/O, no MkDocs), and
one site map of every page they make (sitemap.py), which the build and the list of
published addresses both use. pipeline.py is the site's Markdown pipeline outside MkDocs."""
