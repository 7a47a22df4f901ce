"""Where the project lives, for the edit and report links of every page."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from scripts.bank.models import Question


@dataclass(frozen=True)
class Links:
    repo_url: str  # https://github.com/OWNER/REPO
    branch: str = "main"
    data_path: str = "data/questions.yml"

    def edit_url(self) -> str:
        return f"{self.repo_url}/edit/{self.branch}/{self.data_path}"

    def source_url(self, line: int | None = None) -> str:
        anchor = f"#L{line}" if line else ""
        return f"{self.repo_url}/blob/{self.branch}/{self.data_path}{anchor}"

    def blob_url(self, path: str) -> str:
        return f"{self.repo_url}/blob/{self.branch}/{path}"

    def report_url(self, q: Question) -> str:
        query = urlencode({
            "template": "report-a-problem.yml",
            "title": f"[{q.id}] ",
            "question-id": q.id,
        })
        return f"{self.repo_url}/issues/new?{query}"
