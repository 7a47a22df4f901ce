"""api/v1/questions.json, the file the flashcards, the mock interview and the study plan
read: every question's title, topic, difficulty, 30-second answer (its math typeset as
MathML) and study time, with the address of each page, and the study tracks.
Listed after the hooks that add pages, so that every page's address is known."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from scripts.bank import loader
from scripts.checks.markup import sanitised
from scripts.exports import practice
from scripts.mkdocs_hooks import context
from scripts.pages.paths import question_path, topic_path, track_path
from scripts.pages.pipeline import Renderer, new_markdown
from scripts.paths import FIGURES_DIR, ROOT


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Short answers are rendered with the site's own Markdown settings, and the practice
    # pages insert them as HTML: what goes in is the sanitiser's output (the checks have
    # already refused any answer it would change, so this changes nothing but guards).
    renderer = Renderer(new_markdown(config.markdown_extensions, config.mdx_configs or {}))

    def render(text: str) -> str:
        # Typeset after sanitising: the sanitiser allows no MathML in contributed text.
        return context.typeset_math(sanitised(renderer(text), FIGURES_DIR),
                                    practice.PRACTICE_EXPORT_PATH, config)
    sources = [
        (path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name,
         path.read_bytes())
        for path in loader.data_files(context.data_path())
    ]
    export = practice.practice_export(
        context.bank(),
        render_markdown=render,
        urls={f.src_uri: f.url for f in files},
        question_src=question_path,
        topic_src=topic_path,
        track_src=track_path,
        generated_from=practice.source_info(sources),
    )
    files.append(File.generated(config, practice.PRACTICE_EXPORT_PATH,
                                content=practice.to_json(export)))
    return files
