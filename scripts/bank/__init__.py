"""The bank room: what a question is (models.py), the words the bank is organised by
(vocabulary.py: areas, topics, sources, read from the data file), reading the data file
safely (yaml_reader.py) into a validated Bank (loader.py), and the JSON Schema editors use
(schema.py). No MkDocs here, and no rule beyond the shape of the data: rules live in
scripts/checks/."""
