"""The search room: what Material's search index holds of each page (index.py), so that the
words a candidate types find the right question."""
