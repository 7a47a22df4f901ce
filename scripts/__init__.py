"""Everything that turns data/questions.yml into pages, and checks it."""
