"""British and American spellings of the same word, so that a query in either finds a page
written in the other ("regularisation" finds "regularization"). Material's search cannot be
given a custom query pipeline, so the index holds both spellings of each word it can pair.

The pairs are rules of English spelling, limited to the endings where they are regular
(-isation/-ization and the -ise/-ize verbs, -yse/-yze, -our/-or, -tre/-ter, -ogue/-og, a few
doubled consonants and -ence/-ense nouns), with the common words that only look like them
left out ("precise", "advise", "hour", "metre" as a unit stays a word either way).
"""

from __future__ import annotations

import re

# Words ending in -ise that are never -ize, and -our words that are not -or words.
_ISE_ALWAYS = frozenset({
    "advise", "advertise", "arise", "chastise", "circumcise", "comprise", "compromise",
    "concise", "demise", "despise", "devise", "disguise", "enterprise", "exercise", "excise",
    "expertise", "franchise", "improvise", "incise", "merchandise", "noise", "otherwise",
    "paradise", "poise", "praise", "precise", "premise", "promise", "raise", "revise", "rise",
    "supervise", "surmise", "surprise", "televise", "treatise", "wise", "likewise", "clockwise",
    "pairwise", "elementwise", "pointwise", "stepwise", "listwise", "noisewise", "cruise",
})
_OUR = {"behaviour": "behavior", "colour": "color", "favour": "favor", "flavour": "flavor",
        "honour": "honor", "humour": "humor", "labour": "labor", "neighbour": "neighbor",
        "rumour": "rumor", "vapour": "vapor", "harbour": "harbor", "endeavour": "endeavor"}
_WORDS = {"centre": "center", "metre": "meter", "litre": "liter", "fibre": "fiber",
          "catalogue": "catalog", "dialogue": "dialog", "analogue": "analog",
          "defence": "defense", "offence": "offense", "licence": "license",
          "modelling": "modeling", "modelled": "modeled", "labelling": "labeling",
          "labelled": "labeled", "travelling": "traveling", "cancelled": "canceled",
          "signalling": "signaling", "programme": "program", "grey": "gray",
          "aluminium": "aluminum", "judgement": "judgment", "ageing": "aging"}
_PAIRS = {**_OUR, **_WORDS}
_PAIRS.update({us: uk for uk, us in list(_PAIRS.items())})
_IZE = re.compile(r"^(.{3,}?)i([sz])(ation|ations|e|es|ed|er|ers|ing)$")
_YSE = re.compile(r"^(.{2,}?(?:al|ol))y([sz])(e|es|ed|ing|er|ers)$")
_OUR_STEM = re.compile(r"^(.+?)(our|or)(s|ed|ing|al|ally|ist|ists|ite|ites|less|ful)?$")


def variants(word: str) -> set[str]:
    """The other spellings of `word` (lower case), possibly none."""
    word = word.lower()
    out: set[str] = set()
    if word in _PAIRS:
        out.add(_PAIRS[word])
    for suffix in ("s", "ed", "ing", "al", "ally", "ist", "ists", "ite", "ites"):
        stem = word.removesuffix(suffix) if word.endswith(suffix) else None
        if stem and stem in _PAIRS and stem != word:
            out.add(_PAIRS[stem] + suffix)
    if match := _IZE.match(word):
        base = match.group(1) + "i" + match.group(2) + "e"
        if base not in _ISE_ALWAYS and match.group(1) + "ise" not in _ISE_ALWAYS:
            other = "z" if match.group(2) == "s" else "s"
            out.add(f"{match.group(1)}i{other}{match.group(3)}")
    if match := _YSE.match(word):
        other = "z" if match.group(2) == "s" else "s"
        out.add(f"{match.group(1)}y{other}{match.group(3)}")
    out.discard(word)
    return out
