"""The exports room: the bank in other shapes, each a pure function of the bank. practice.py
is the file the practice pages read (api/v1/questions.json); bank_data.py the whole bank as
JSON with its schema, and CSV; anki.py the Anki deck; pdf.py prints the printable guide to
PDF with Chromium. The caller (the MkDocs hooks) supplies what depends on the site: page URLs
and files."""
