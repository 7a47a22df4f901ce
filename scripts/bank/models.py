"""What one question is: pydantic models with `extra="forbid"`, so a misspelt field is an
error rather than silently ignored. The vocabulary a question refers to (its topic, its
source) is data, checked by scripts/checks/; here a topic is only a slug."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=2, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
# An alias never holds ";": the CSV export joins a list with "; ".
Alias = Annotated[str, StringConstraints(
    strip_whitespace=True, min_length=2, max_length=60, pattern=r"^[^;\n]+$"
)]
_UNSAFE_IN_URL = re.compile(r"[\s<>\"'`{}|\\^\x00-\x1f\x7f]")


def https_url(url: str) -> str:
    """A URL a reference may hold: https, with a host, and no character that could end the
    link it is written into (spaces, quotes, angle brackets, braces, backslashes)."""
    if _UNSAFE_IN_URL.search(url):
        raise ValueError("a URL may not hold spaces, quotes, angle brackets, braces, "
                         "backslashes or control characters")
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
        raise ValueError("must be an https:// URL with a host")
    return url


Url = Annotated[str, StringConstraints(max_length=500), AfterValidator(https_url)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Section(enum.StrEnum):
    general = "general"
    technical = "technical"


class Status(enum.StrEnum):
    draft = "draft"  # being written: previewed by `make serve`, never published
    published = "published"


class Kind(enum.StrEnum):
    """What shape of answer a question needs (the answer standard's "kinds of question"); it
    sets the word budgets. Left out, a general question is `competency` and a technical one
    `concept`."""

    concept = "concept"
    design = "design"  # system design: a visible structure, longer budgets
    coding = "coding"  # the answer is code, checked against a reference
    competency = "competency"


class Difficulty(enum.StrEnum):
    easy = "easy"
    medium = "medium"
    hard = "hard"


class Mistake(Strict):
    mistake: Text = Field(description="A wrong or shallow answer people give, stated briefly.")
    why: Text = Field(description="Why it is wrong, and what is right.")


class FollowUp(Strict):
    question: Text = Field(description="What a good interviewer asks next.")
    answer: Text = Field(description="A short, correct answer (Markdown).")


class Reference(Strict):
    title: Text = Field(description="Authors, title, edition or venue, year (plain text).")
    url: Url = Field(description="A stable https URL: publisher page, arXiv, DOI, docs.")
    locator: Text | None = Field(
        default=None, description="Chapter, section, arXiv id or DOI that supports the answer."
    )


class TextField(BaseModel):
    """One field a reader sees, wherever it sits in a question."""

    path: tuple[Any, ...]  # inside the question, e.g. ("follow_ups", 2, "answer")
    text: str
    markdown: bool  # False: plain text, escaped wherever it is written


class Question(Strict):
    id: Slug = Field(description="Stable slug; the page lives at /questions/<id>/. Never reused.")
    title: Text = Field(description="The question as an interviewer asks it (plain text).")
    section: Section
    topic: Slug = Field(description="The id of one of the topics listed in the data file.")
    difficulty: Difficulty
    tags: list[Slug] = Field(default_factory=list, max_length=8)
    kind: Kind | None = Field(
        default=None,
        description="concept | design | coding | competency; sets the word budgets. "
        "Default: competency for a general question, concept for a technical one.",
    )
    aliases: list[Alias] = Field(
        default_factory=list, max_length=12,
        description="What a candidate might type to find this question and that the title "
        "does not say: acronyms and their expansions, synonyms, other spellings.",
    )
    source: Slug = Field(description="The id of one of the sources listed in the data file.")
    short_answer: Text = Field(description="The 30-second answer (2-4 sentences, Markdown).")
    answer: Text = Field(description="The full model answer (Markdown, math, code).")
    tips: Text | None = Field(default=None, description="How to answer: what is being tested.")
    mistakes: list[Mistake] = Field(default_factory=list, max_length=12)
    follow_ups: list[FollowUp] = Field(default_factory=list, max_length=12)
    references: list[Reference] = Field(default_factory=list, max_length=4)
    related: list[Slug] = Field(default_factory=list, max_length=12)
    reviewed: dt.date | None = Field(
        default=None, description="When a second reader last checked the answer."
    )
    status: Status = Field(
        default=Status.published,
        description="draft: work in progress, shown only by `make serve`; the answer "
        "standard applies once it is published (the default).",
    )

    @property
    def is_draft(self) -> bool:
        return self.status is Status.draft

    @property
    def answer_kind(self) -> Kind:
        if self.kind is not None:
            return self.kind
        return Kind.competency if self.section is Section.general else Kind.concept

    def text_fields(self) -> Iterator[TextField]:
        """Every field a reader sees, found from the model itself: a field added to the model
        is checked by every safety rule without anyone listing it (a test proves it)."""
        yield from _text_fields(self, ())


def _text_fields(model: BaseModel, prefix: tuple[Any, ...]) -> Iterator[TextField]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, enum.Enum):
            continue
        if isinstance(value, str):
            yield TextField(path=(*prefix, name), text=value, markdown=name in MARKDOWN_FIELDS)
        elif isinstance(value, BaseModel):
            yield from _text_fields(value, (*prefix, name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _text_fields(item, (*prefix, name, i))
                elif isinstance(item, str):
                    yield TextField(path=(*prefix, name, i), text=item, markdown=False)


# The fields rendered as Markdown; every other text field is plain text, escaped wherever it
# is written. A new field is plain text until it is named here, so it can never reach a page
# as unchecked markup.
# (`question` is a follow-up's question and `answer` its answer as well as the model answer;
# a question's own `title` is plain text.)
MARKDOWN_FIELDS = frozenset({"short_answer", "answer", "tips", "mistake", "why", "question"})
