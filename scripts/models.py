"""The shape of the question bank: pydantic models, the fixed vocabularies, and the rules
that span several questions (unique ids and titles, related ids that exist).

No MkDocs import here: the same models serve the validator, the page renderer, the
exports and any other site engine.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from scripts.wordcount import words

SCHEMA_VERSION = 1
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Section(enum.StrEnum):
    general = "general"
    technical = "technical"


class Status(enum.StrEnum):
    draft = "draft"  # being written: previewed by `make serve`, never published
    published = "published"


class Kind(enum.StrEnum):
    """What shape of answer a question needs (ANSWER-STYLE.md, "Kinds of question"); it sets
    the word budgets. Left out, a general question is `competency` and a technical one
    `concept`."""

    concept = "concept"
    design = "design"  # system design: a visible structure, longer budgets
    coding = "coding"  # the answer is code, checked against a reference
    competency = "competency"


class Difficulty(enum.StrEnum):
    easy = "easy"
    medium = "medium"
    hard = "hard"


@dataclass(frozen=True)
class TopicInfo:
    title: str
    section: Section
    description: str


# The fixed list of topics. A topic belongs to one section; adding one is a code review,
# not a data edit, so that the site's navigation stays deliberate.
TOPICS: dict[str, TopicInfo] = {
    "communication": TopicInfo(
        "Communication", Section.general,
        "Explaining machine learning to people who do not build it.",
    ),
    "research-awareness": TopicInfo(
        "Research awareness", Section.general,
        "Keeping up with the field and talking about papers with judgement.",
    ),
    "business-impact": TopicInfo(
        "Business impact", Section.general,
        "Connecting models and data to the outcomes a company cares about.",
    ),
    "behavioural": TopicInfo(
        "Behavioural", Section.general,
        "Stories from your own projects, told with a clear structure.",
    ),
    "fundamentals": TopicInfo(
        "Fundamentals", Section.technical,
        "The kinds of learning problems and the vocabulary every answer builds on.",
    ),
    "statistics": TopicInfo(
        "Statistics and probability", Section.technical,
        "Sampling, hypothesis tests and the language of likelihood.",
    ),
    "evaluation": TopicInfo(
        "Evaluation", Section.technical,
        "Splitting data and measuring a model honestly.",
    ),
    "generalization": TopicInfo(
        "Generalization", Section.technical,
        "Overfitting, the bias-variance trade-off and regularization.",
    ),
    "algorithms": TopicInfo(
        "Algorithms", Section.technical,
        "Classical models: support vector machines and tree ensembles.",
    ),
    "deep-learning": TopicInfo(
        "Deep learning", Section.technical,
        "Neural networks, their losses, architectures and uses.",
    ),
    "data": TopicInfo(
        "Data", Section.technical,
        "Pipelines, tools and the messy data real projects start from.",
    ),
    "unsupervised": TopicInfo(
        "Unsupervised learning", Section.technical,
        "Clustering and dimensionality reduction: structure found without labels.",
    ),
    "probability": TopicInfo(
        "Probability", Section.technical,
        "Puzzles, distributions and estimators, each answer checked by a simulation.",
    ),
    "experimentation": TopicInfo(
        "Experimentation", Section.technical,
        "A/B tests end to end: design, sample size, and what goes wrong.",
    ),
    "training": TopicInfo(
        "Training deep networks", Section.technical,
        "Optimisers, initialisation, normalisation and debugging a training run.",
    ),
    "vision": TopicInfo(
        "Computer vision", Section.technical,
        "Convolutions, receptive fields and the architectures built from them.",
    ),
    "nlp": TopicInfo(
        "Language and sequences", Section.technical,
        "Recurrent networks, sequence-to-sequence models, embeddings and text metrics.",
    ),
    "generative": TopicInfo(
        "Generative models", Section.technical,
        "Autoencoders, GANs and diffusion models.",
    ),
    "transformers": TopicInfo(
        "Transformers", Section.technical,
        "Attention, positions and the blocks every large language model is built from.",
    ),
    "llm-training": TopicInfo(
        "Training LLMs", Section.technical,
        "Scaling laws, fine-tuning, alignment and distributed training.",
    ),
    "llm-inference": TopicInfo(
        "LLM inference", Section.technical,
        "Decoding, the KV cache, quantisation and serving at scale.",
    ),
    "prompting": TopicInfo(
        "Prompting", Section.technical,
        "In-context learning, reasoning prompts, structured output and prompt injection.",
    ),
    "rag": TopicInfo(
        "Retrieval-augmented generation", Section.technical,
        "Chunking, embeddings, vector search, hybrid retrieval and re-ranking.",
    ),
    "agents": TopicInfo(
        "Agents", Section.technical,
        "LLMs that call tools in a loop, and how to keep them safe.",
    ),
    "llm-evaluation": TopicInfo(
        "Evaluating LLM applications", Section.technical,
        "Golden sets, LLM judges, hallucination, guardrails and fairness.",
    ),
    "system-design": TopicInfo(
        "ML system design", Section.technical,
        "Designing an ML system end to end, with numbers.",
    ),
    "recommender-systems": TopicInfo(
        "Recommendation, search and ads", Section.technical,
        "Candidate generation, ranking, click prediction and cold start.",
    ),
    "mlops": TopicInfo(
        "MLOps", Section.technical,
        "Rollouts, monitoring, drift, retraining and training-serving skew.",
    ),
    "ml-coding": TopicInfo(
        "ML coding", Section.technical,
        "Algorithms implemented from scratch in NumPy and checked against a library.",
    ),
    "sql-python": TopicInfo(
        "SQL and Python", Section.technical,
        "Joins, window functions and the Python an ML engineer is asked about.",
    ),
}

Topic = enum.Enum("Topic", {name.replace("-", "_"): name for name in TOPICS}, type=str)
Topic.__doc__ = "One of the fixed topics; see scripts/models.py for their titles and sections."


@dataclass(frozen=True)
class SourceInfo:
    title: str
    author: str
    date: str


SOURCES: dict[str, SourceInfo] = {
    "alldus-2022": SourceInfo(
        "Machine Learning Interview Questions", "Alldus Recruitment", "2022-06-23"
    ),
    "community": SourceInfo("Suggested by a contributor", "Contributors", ""),
    # The question packs of 2026-12: what public interview collections ask most often, in
    # the guide's own wording.
    "guide-editors": SourceInfo(
        "Frequently asked in ML interviews, worded by the guide's editors",
        "ML Interview Study Guide contributors", "2026-12-01",
    ),
}

Source = enum.Enum("Source", {name.replace("-", "_"): name for name in SOURCES}, type=str)
Source.__doc__ = "Where the question comes from (not the answer: answers are always our own)."

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=2, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# An alias never holds ";": the CSV export joins a list with "; ".
Alias = Annotated[str, StringConstraints(
    strip_whitespace=True, min_length=2, max_length=60, pattern=r"^[^;\n]+$"
)]
HttpsUrl = Annotated[
    str, StringConstraints(pattern=r"^https://[^\s/$.?#][^\s]*$", max_length=500)
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Mistake(Strict):
    mistake: Text = Field(description="A wrong or shallow answer people give, stated briefly.")
    why: Text = Field(description="Why it is wrong, and what is right.")


class FollowUp(Strict):
    question: Text = Field(description="What a good interviewer asks next.")
    answer: Text = Field(description="A short, correct answer (Markdown).")


class Reference(Strict):
    title: Text = Field(description="Authors, title, edition or venue, year.")
    url: HttpsUrl = Field(description="A stable https URL: publisher page, arXiv, DOI, docs.")
    locator: Text | None = Field(
        default=None, description="Chapter, section, arXiv id or DOI that supports the answer."
    )


class Question(Strict):
    id: Slug = Field(description="Stable slug; the page lives at /questions/<id>/. Never reused.")
    title: Text = Field(description="The question as an interviewer asks it.")
    section: Section
    topic: Topic
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
    source: Source
    short_answer: Text = Field(description="The 30-second answer (2-4 sentences, Markdown).")
    answer: Text = Field(description="The full model answer (Markdown, math, code).")
    tips: Text | None = Field(default=None, description="How to answer: what is being tested.")
    mistakes: list[Mistake] = Field(default_factory=list)
    follow_ups: list[FollowUp] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list, max_length=4)
    related: list[Slug] = Field(default_factory=list, max_length=8)
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

    @property
    def topic_info(self) -> TopicInfo:
        return TOPICS[self.topic.value]


class Bank(Strict):
    """The whole data file. Used for the JSON Schema; the loader validates item by item."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, title="ML interview question bank"
    )
    questions: list[Question]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located by its path inside the document."""

    path: tuple[Any, ...]
    message: str
    # Point at the key itself (unknown or duplicated fields) rather than at its value.
    at_key: bool = False


def _normalised_title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.casefold()).strip()


# Above this similarity two titles ask the same thing in other words ("regularization" vs
# "regularisation", "an ROC" vs "a ROC"). The most similar distinct questions of the bank
# score about 0.75.
NEAR_DUPLICATE = 0.85


def similar_titles(a: str, b: str) -> bool:
    a, b = _normalised_title(a), _normalised_title(b)
    if a == b:
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    # real_quick_ratio() and quick_ratio() are upper bounds of ratio() at a fraction of its
    # cost: most pairs stop there, so a bank of thousands is checked several times faster
    # with the same result (benchmarks/README.md).
    return (matcher.real_quick_ratio() >= NEAR_DUPLICATE
            and matcher.quick_ratio() >= NEAR_DUPLICATE
            and matcher.ratio() >= NEAR_DUPLICATE)


_TITLE_STOP_WORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "and", "or", "to", "is", "are", "what", "how", "why",
    "do", "does", "you", "your", "would", "can", "for", "with", "between", "difference",
})


def _title_words(title: str) -> set[str]:
    return {w.rstrip("s") for w in _normalised_title(title).split()
            if w not in _TITLE_STOP_WORDS and len(w) > 1}


def near_duplicates(titles: list[tuple[str, str]]) -> list[tuple[int, str]]:
    """(position, id of the earlier question) for each title nearly the same as an earlier
    one. Only titles that share a content word are compared, so a bank of thousands of
    questions is checked in well under a second instead of comparing every pair."""
    by_word: dict[str, list[int]] = {}
    found = []
    for pos, (_, title) in enumerate(titles):
        candidates = sorted({other for w in _title_words(title) for other in by_word.get(w, ())})
        for other in candidates:
            if similar_titles(title, titles[other][1]):
                found.append((pos, titles[other][0]))
                break
        for w in _title_words(title):
            by_word.setdefault(w, []).append(pos)
    return found


def cross_check(
    questions: list[tuple[int, Question]], known_ids: set[str] | None = None
) -> list[Problem]:
    """Rules no single question can check: uniqueness, links between questions, and
    the agreement of topic and section. `questions` pairs each question with its index
    in the file, so that every problem points at the right place. `known_ids` holds the
    ids of questions that failed their own checks, so links to them are not reported
    a second time."""
    problems: list[Problem] = []
    drafts = {q.id for _, q in questions if q.is_draft}
    first_id: dict[str, int] = {}
    first_title: dict[str, tuple[int, str]] = {}
    for index, q in questions:
        if q.id in first_id:
            problems.append(Problem(
                ("questions", index, "id"),
                f"duplicate id '{q.id}' (first used by questions[{first_id[q.id]}])",
            ))
        else:
            first_id[q.id] = index
        key = _normalised_title(q.title)
        if key in first_title:
            other_index, other_id = first_title[key]
            problems.append(Problem(
                ("questions", index, "title"),
                f"duplicate title (same as questions[{other_index}] '{other_id}')",
            ))
        else:
            first_title[key] = (index, q.id)
        if q.topic_info.section is not q.section:
            problems.append(Problem(
                ("questions", index, "topic"),
                f"topic '{q.topic.value}' belongs to section "
                f"'{q.topic_info.section.value}', not '{q.section.value}'",
            ))
        for field, values in (("tags", q.tags), ("related", q.related)):
            seen: set[str] = set()
            for pos, value in enumerate(values):
                if value in seen:
                    problems.append(Problem(
                        ("questions", index, field, pos), f"'{value}' is listed twice"
                    ))
                seen.add(value)
    for later, earlier_id in near_duplicates([(q.id, q.title) for _, q in questions]):
        index = questions[later][0]
        problems.append(Problem(
            ("questions", index, "title"),
            f"nearly the same title as '{earlier_id}': improve that question instead",
        ))
    for index, q in questions:
        for pos, rel in enumerate(q.related):
            if rel == q.id:
                problems.append(Problem(
                    ("questions", index, "related", pos), "a question cannot relate to itself"
                ))
            elif rel not in first_id and rel not in (known_ids or set()):
                problems.append(Problem(
                    ("questions", index, "related", pos), f"no question has the id '{rel}'"
                ))
            elif not q.is_draft and rel in drafts:
                problems.append(Problem(
                    ("questions", index, "related", pos),
                    f"'{rel}' is a draft: a published question cannot link to it yet",
                ))
    return problems


# What ANSWER-STYLE.md asks of every answer, as numbers a machine can check.
MIN_MISTAKES = 2
MIN_FOLLOW_UPS = 3
MIN_TECHNICAL_REFERENCES = 2
PLACEHOLDER = "TODO"


@dataclass(frozen=True)
class Budget:
    """Most words of prose per layer (ANSWER-STYLE.md; code and formulas not counted)."""

    short_answer: int
    answer: int
    tips: int
    mistake: int  # the mistake and why it is wrong, together
    follow_up: int  # each follow-up's answer


CONCEPT_BUDGET = Budget(short_answer=90, answer=700, tips=150, mistake=60, follow_up=80)
BUDGETS: dict[Kind, Budget] = {
    Kind.concept: CONCEPT_BUDGET,
    Kind.coding: CONCEPT_BUDGET,
    Kind.competency: CONCEPT_BUDGET,
    Kind.design: Budget(short_answer=120, answer=1100, tips=200, mistake=60, follow_up=100),
}


def word_budgets(questions: list[tuple[int, Question]]) -> list[Problem]:
    """Every layer within the words its kind of question allows."""
    problems: list[Problem] = []
    for index, q in questions:
        kind = q.answer_kind
        budget = BUDGETS[kind]
        layers: list[tuple[tuple[Any, ...], str, int]] = [
            (("short_answer",), q.short_answer, budget.short_answer),
            (("answer",), q.answer, budget.answer),
            (("tips",), q.tips or "", budget.tips),
        ]
        layers += [(("mistakes", i), f"{m.mistake}\n\n{m.why}", budget.mistake)
                   for i, m in enumerate(q.mistakes)]
        layers += [(("follow_ups", i, "answer"), f.answer, budget.follow_up)
                    for i, f in enumerate(q.follow_ups)]
        for path, text, limit in layers:
            count = words(text)
            if count > limit:
                problems.append(Problem(
                    ("questions", index, *path),
                    f"{count} words of prose, over the {limit} a {kind.value} question allows "
                    "here (code and formulas are not counted): make each point once",
                ))
    return problems


def answer_standard(questions: list[tuple[int, Question]]) -> list[Problem]:
    """The layers every published answer must have. Technical answers need references
    and a second reader's `reviewed` date; general ones teach a method and may cite less."""
    problems: list[Problem] = word_budgets([(i, q) for i, q in questions if not q.is_draft])
    for index, q in questions:
        if q.is_draft:
            continue
        where = ("questions", index)
        for field in ("short_answer", "answer", "tips"):
            text = getattr(q, field) or ""
            if PLACEHOLDER in text:
                problems.append(Problem(
                    (*where, field), f"replace the {PLACEHOLDER} placeholder before publishing"
                ))
        if not q.tips:
            problems.append(Problem((*where, "tips"), "missing 'tips' (how to answer)"))
        if len(q.mistakes) < MIN_MISTAKES:
            problems.append(Problem(
                (*where, "mistakes"),
                f"needs at least {MIN_MISTAKES} common mistakes, has {len(q.mistakes)}",
                at_key=True,
            ))
        if len(q.follow_ups) < MIN_FOLLOW_UPS:
            problems.append(Problem(
                (*where, "follow_ups"),
                f"needs at least {MIN_FOLLOW_UPS} follow-up questions, has {len(q.follow_ups)}",
                at_key=True,
            ))
        if q.section is Section.technical:
            if len(q.references) < MIN_TECHNICAL_REFERENCES:
                problems.append(Problem(
                    (*where, "references"),
                    f"a technical answer needs {MIN_TECHNICAL_REFERENCES} to 4 references, "
                    f"has {len(q.references)}",
                    at_key=True,
                ))
            if not q.related:
                problems.append(Problem(
                    (*where, "related"), "link at least one related question", at_key=True
                ))
            if q.reviewed is None:
                problems.append(Problem(
                    (*where, "reviewed"),
                    "not reviewed yet: a second reader sets this date after checking the "
                    "answer against its references",
                ))
    return problems


def json_schema() -> dict[str, Any]:
    """The JSON Schema editors use to autocomplete and flag the data file."""
    schema = Bank.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"questions.schema.v{SCHEMA_VERSION}.json"
    schema["description"] = (
        "Generated from scripts/models.py by `make schema`; do not edit by hand."
    )
    return schema
