"""Commitments (toezeggingen): the chair's closing list and the promises made during the debate.

The closing list is read out by the chair at the end of the debate.  :func:`find_list_start`
finds the chair's turn that opens it, gated in the manner of the BZK tool 'bouwmeester': a turn of
the chair, after a bewindspersoon has answered, that announces the toezeggingen (not 'geen
toezeggingen', not 'de openstaande toezeggingen') and is followed by list items, with no long
speech after it.  From there every turn up to the chair's closing words belongs to the list.

:func:`extract` reads the items (paragraphs starting with a dash, continued over stray paragraph
breaks), and what the interjections do to them: withdrawn ('Die toezegging kan dus weg.'),
amended ('De toezegging over IPv6 wordt dus aangepast; het gaat om …'), added from the floor
(a member asks for one and the bewindspersoon or the chair accepts).  Each item gets ``by``
(resolved from the office or name in its text, else from the bewindspersoon who spoke about it
in the list, else from the in-debate promise it repeats), ``to`` (only when exactly one member
present is named), a :class:`~verslag.model.Deadline`, its status and its turns.

:func:`find_candidates` marks promises made during the debate ('ik zeg toe', 'Ik zal u dat
onderzoek toezenden.'); :func:`link_candidates` links a listed item to the one it repeats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex
from rapidfuzz import fuzz

from verslag.deadlines import parse_deadline
from verslag.model import Commitment, CommitmentCandidate, CommitmentStatus, Phase, Role, Turn, Verslag
from verslag.speakers import Resolution, Roster, fold, roster

__all__ = [
    "LINK_MIN_SCORE",
    "LIST_MAX_LATER_WORDS",
    "content_words",
    "extract",
    "find_candidates",
    "find_list_start",
    "is_list_turn",
    "link_candidates",
    "split_items",
]

#: No turn of a non-chair speaker after the start of the list may be this long (else it is not the closing list).
LIST_MAX_LATER_WORDS = 250
#: How many turns after a formula the first items may come (the chair may be interrupted first).
LIST_ITEMS_WITHIN = 4
#: Minimum score (0..1) to link a listed commitment to an in-debate candidate.
LINK_MIN_SCORE = 0.5
#: Added to the link score of a candidate made in one of the item's own turns (an item added from the floor).
OWN_TURN_BONUS = 0.3
#: A linked candidate supplies ``by`` only with at least this score.
LINK_BY_MIN_SCORE = 0.6

#: A mention of commitments: 'toezegging', 'toezeggingen'.
TOEZEGGING_RE = regex.compile(r"\btoezegging(?:en)?\b", regex.IGNORECASE)

#: Not an announcement of the list: 'Er zijn geen toezeggingen gedaan.' / 'Er zijn niet echt toezeggingen'.
NEGATED_LIST_RE = regex.compile(
    r"\bgeen\s+(?:\w+\s+)?toezegging|\bniet\s+(?:\w+\s+){0,3}toezegging|toezeggingen?\s+(?:zijn|is)\s+(?:er\s+)?niet",
    regex.IGNORECASE,
)

#: About earlier lists, not this one: 'de openstaande toezeggingen', 'eerdere toezeggingen'.
EARLIER_LIST_RE = regex.compile(
    r"\b(?:openstaande|eerdere|vorige|oude|eerder\s+gedane|lopende|uitstaande)\s+toezegging", regex.IGNORECASE
)

#: A list item opens with a dash at the start of a paragraph: '– De Minister van BZK zal het onderzoek …'.
DASH_ITEM_RE = regex.compile(r"^\s*[–—‒−-]\s*(?=\S)")

#: A dash item inside a paragraph, after the end of a sentence: '… die ik opsom. – Binnen vier weken …'.
INNER_DASH_RE = regex.compile(r"(?<=[.;:!?…])\s+[–—‒−]\s+(?=[\p{Lu}\d«])")

#: A paragraph without a dash that reads as an item (lists read out without dashes):
#: 'De minister stuurt voor de zomer een brief over … aan de Kamer.'
ITEM_FORM_RE = regex.compile(
    r"""^(?:(?:De|de)\s+(?:[Mm]inister|[Ss]taatssecretaris|bewindspersoon|regering|kabinet)\b[^.]*?
           \b(?:zal|zullen|stuurt|sturen|komt|komen|informeert|zegt|zendt|gaat|geeft|laat)\b
        |(?:De|de)\s+Kamer\s+(?:ontvangt|krijgt|wordt)\b
        |Er\s+(?:komt|zal|wordt|gaat)\b)""",
    regex.VERBOSE,
)

#: The chair withdraws an item: 'O ja, eind maart. Dat werd net toegezegd. Die toezegging kan dus weg.'
WITHDRAW_RE = regex.compile(
    r"""\b(?:toezegging|die|deze|dat|dit)\b[^.?!;]{0,60}?\b(?:kan|kunnen|mag|mogen|moet|moeten)\s+(?:dus\s+|dan\s+|wel\s+)*
          (?:weg|vervallen|geschrapt\s+worden|eraf|van\s+de\s+lijst|doorgestreept\s+worden)\b
        |\btoezegging\b[^.?!;]{0,60}?\b(?:vervalt|vervallen|schrappen\s+we|laten\s+we\s+vallen|trekken\s+we\s+in|is\s+(?:dus\s+)?(?:al\s+)?(?:ingelost|gedaan|afgedaan))\b
        |\b(?:schrappen|streep)\s+(?:we|ik)\b[^.?!;]{0,30}\btoezegging
        |\bvervalt\s+(?:dus\s+|dan\s+)?(?:die|deze|de)\s+toezegging""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: The chair changes an item: 'De toezegging over IPv6 wordt dus aangepast; het gaat om een reactie op Kamervragen.'
AMEND_RE = regex.compile(
    r"""\b(?:toezegging|die|deze)\b[^.?!;]{0,60}?\b(?:wordt|worden|is)\s+(?:dus\s+|dan\s+)?
          (?:aangepast|gewijzigd|anders\s+geformuleerd|aangevuld|veranderd|bijgesteld|geherformuleerd)\b
        |\btoezegging\b[^.?!;]{0,60}?\bluidt\s+(?:dus\s+|dan\s+)?
        |\b(?:passen|pas)\s+(?:we|ik)\s+(?:de\s+|die\s+|deze\s+)?toezegging\b[^.?!;]{0,30}?\baan\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: The topic named in an edit: 'De toezegging over IPv6 …'.
EDIT_TOPIC_RE = regex.compile(r"\btoezegging\s+(?:over|inzake|met\s+betrekking\s+tot|aan)\s+(?P<topic>[^;:,.]+)", regex.IGNORECASE)

#: A member clearly asks for an item to be added: 'We zouden ook het onderzoek van het CPB naar de indicatoren krijgen …'.
ADD_REQUEST_STRONG_RE = regex.compile(
    r"""\bik\s+mis\b|\bvergeten\b|\bnog\s+een\s+toezegging\b|\ber\s+was\s+(?:ook\s+)?(?:nog\s+)?een\s+toezegging\b
        |\b(?:zouden|zou|zullen)\s+(?:we|wij|ik)\b[^.?!]{0,120}?\b(?:krijgen|ontvangen|toegestuurd)\b
        |\b(?:we|wij|ik)\s+(?:zouden|zou|zullen)\b[^.?!]{0,120}?\b(?:krijgen|ontvangen|toegestuurd)\b
        |\bkrijgen\s+(?:we|wij)\s+(?:ook|nog)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A member asks for an item to be added, or talks of one: 'Dat was toegezegd.' (the strong forms included).
ADD_REQUEST_RE = regex.compile(
    r"""\btoezegging\b|\btoegezegd\b|\bik\s+mis\b|\bvergeten\b
        |\b(?:zouden|zou|zullen)\s+(?:we|wij|ik)\b[^.?!]{0,120}?\b(?:krijgen|ontvangen|toegestuurd)\b
        |\b(?:we|wij|ik)\s+(?:zouden|zou|zullen)\b[^.?!]{0,120}?\b(?:krijgen|ontvangen|toegestuurd)\b
        |\bkrijgen\s+(?:we|wij)\s+(?:ook|nog)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A leading address to the chair: 'Voorzitter, ik mis nog de toezegging over …'.
VOCATIVE_RE = regex.compile(r"^(?:(?:mevrouw|meneer|mijnheer)\s+de\s+)?voorzitter\s*[,.!]\s*", regex.IGNORECASE)

#: A bewindspersoon accepts: 'maar ik ga erachteraan en ik zorg dat u het krijgt.'
AFFIRM_RE = regex.compile(
    r"""\bik\s+zorg\s+(?:ervoor\s+)?dat\b|\bu\s+krijgt\b|\bkrijgt\s+u\b|\bzeg\s+(?:ik\s+)?(?:dat\s+|u\s+)?toe\b
        |\b(?:ik|wij|we)\s+(?:zal|zullen|ga|gaan)\b[^.?!]{0,80}?\b(?:sturen|toesturen|toezenden|informeren|erachteraan|achteraan)\b
        |\bdat\s+is\s+(?:goed|prima|akkoord)\b|\bakkoord\b|\bprima\b|^\s*ja\b|\bdat\s+kan\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A refusal: 'Dat kan ik niet toezeggen.' / 'Dat is geen toezegging.'
REJECT_RE = regex.compile(
    r"\bniet\s+(?:\w+\s+){0,2}toezeggen\b|\bgeen\s+toezegging\b|\bdat\s+kan\s+ik\s+niet\b|^\s*nee\b|\bniet\s+aan\s+mij\b",
    regex.IGNORECASE,
)

#: The chair explicitly adds: 'Die toezegging nemen we ook op.' / 'Dat noteren we als toezegging.'
CHAIR_ADD_RE = regex.compile(
    r"""\b(?:nemen|noteren|noteer|zetten)\s+(?:we|wij|ik)\b[^.?!]{0,40}?\b(?:op|erbij|als\s+toezegging|bij)\b
        |\bkomt\s+(?:er\s+)?(?:dus\s+)?(?:nog\s+)?bij\b|\bdat\s+is\s+(?:dan\s+)?(?:ook\s+)?(?:nog\s+)?een\s+toezegging\b|\btoegevoegd\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: The chair's closing words: 'Ik sluit deze vergadering en wens u allen smakelijk eten.'
CLOSING_RE = regex.compile(
    r"""\bsluit\s+(?:ik\s+)?(?:hierbij\s+)?(?:deze|de)\s+(?:vergadering|bijeenkomst|overleg|commissiedebat|debat|algemeen\s+overleg)
        |\bdank\s+(?:u|jullie)\s+allen\b|\bwel\s+thuis\b|\bsmakelijk\s+eten\b|\bwel\s+bekomen\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: Whom an item was made to: 'dat is een toezegging aan mevrouw Buitenweg.' / 'toegezegd aan het lid Van der Plas'.
TO_RE = regex.compile(
    r"""\b(?:toezegging(?:en)?\s+aan|toegezegd\s+aan|op\s+verzoek\s+van|naar\s+aanleiding\s+van\s+(?:een\s+|de\s+)?(?:vraag|vragen|verzoek)\s+van)
        \s+(?P<who>[^.;:()]+)""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: Someone who makes the commitment, as the item names it: 'De Minister van BZK zal …', 'Staatssecretaris Keijzer'.
ACTOR_RE = regex.compile(
    r"""\b(?:[Dd]e\s+)?(?:[Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris)(?:\s+(?:van|voor)\s+[\p{Lu}][\p{L}&/\-]*(?:(?:\s+en\s+|,\s*|\s+)[\p{Lu}][\p{L}&/\-]*)*|\s+[\p{Lu}][\p{L}'’\-]+)?""",
    regex.VERBOSE,
)

#: A promise made in the debate: 'ik wil hier wel toezeggen dat …', 'Maar ik zeg nadrukkelijk toe – … – dat …'.
PROMISE_TOEZEG_RE = regex.compile(
    r"\btoe\s+te\s+zeggen\b|\btoezeggen\b|\bzeg(?:gen)?\b(?:\s+[^\s.?!]+){0,5}?\s+toe\b|\bdie\s+toezegging\s+(?:doe|geef)\s+ik\b",
    regex.IGNORECASE,
)

#: A promise to send or inform: 'Ik zal u dat onderzoek toezenden.' / 'Die brief zal ik u binnen vier weken na vandaag toesturen.'
PROMISE_SEND_RE = regex.compile(
    r"""\b(?:ik|wij|we)\b[^.?!,;–]{0,80}?\b(?:zal|zullen|ga|gaan|wil|willen|kom|komen)\b[^.?!]{0,120}?
          \b(?:toe(?:zenden|sturen)|sturen|versturen|informeren|berichten|laten\s+weten|op\s+de\s+hoogte\s+(?:houden|stellen)
            |terug(?:komen|\s+komen)|terug\b|rapporteren|toekomen|met\s+een\s+brief)\b
        |\b(?:zal|zullen|ga|gaan|wil|kom|komen)\s+(?:ik|wij|we)\b[^.?!]{0,120}?
          \b(?:toe(?:zenden|sturen)|sturen|versturen|informeren|berichten|laten\s+weten|terug(?:komen)?|toekomen|met\s+een\s+brief)\b
        |\b(?:ik|wij|we)\s+(?:stuur|sturen|informeer|informeren|zend|zenden|bericht|berichten)\s+(?:u|de\s+Kamer|uw\s+Kamer)\b
        |\b(?:stuur|informeer|zend|bericht)\s+(?:ik|wij|we)\s+(?:u|de\s+Kamer|uw\s+Kamer)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: A promise of something the Kamer will receive: 'u krijgt van mij het beeld', 'Die krijgt u voor de zomer.'
PROMISE_RECEIVE_RE = regex.compile(
    r"\b(?:u|de\s+Kamer|uw\s+Kamer)\s+krijgt\b|\bkrijgt\s+(?:u|de\s+Kamer|uw\s+Kamer)\b|\bik\s+zorg\s+(?:ervoor\s+)?dat\s+u\b",
    regex.IGNORECASE,
)

#: A stated willingness: 'Daar ben ik toe bereid.' / 'zeg ik dat ik wel bereid ben om dat na te gaan'.
PROMISE_WILLING_RE = regex.compile(
    r"\bik\s+(?:ben\s+)?(?:\S+\s+){0,3}?bereid\b|\bben\s+ik\s+(?:\S+\s+){0,3}?bereid\b", regex.IGNORECASE
)

#: A promise only supposed: 'want dan kon ik die reactie met een week of twee toezeggen'.
CONDITIONAL_RE = regex.compile(r"\b(?:kon|zou|zouden|konden|als\s+ik|mocht)\b", regex.IGNORECASE)

#: A promise negated: 'dat kan ik niet toezeggen', 'ik ga geen brief sturen'.
PROMISE_NOT_RE = regex.compile(r"\b(?:niet|geen|nooit)\b(?!\s+alleen)", regex.IGNORECASE)

#: The promise is someone else's: 'Daar zal collega Dekker nader op terugkomen bij uw Kamer.'
FIRST_PERSON_RE = regex.compile(r"\b(?:ik|wij|we|mij|u\s+krijgt|krijgt\s+u)\b", regex.IGNORECASE)

#: A word for content comparison.
WORD_RE = regex.compile(r"[\p{L}\p{N}]+")

#: Words too common in lists and debates to tell two items apart.
_STOPWORD_TEXT = """de het een en van in op te dat die dit deze is zijn was waren wordt worden werd zal zullen zou zouden kan
    kunnen moet moeten wil willen heeft hebben had hadden ik je jij u we wij ze zij hij haar hem hun mijn ons onze uw
    er daar hier waar wat wie hoe over voor na met door bij om aan tot uit als dan ook nog niet geen wel al maar of
    want dus toch even heel zeer meer veel weer naar tegen zo nu toe per via alle alles iets niets andere ander
    eigenlijk gewoon echt natuurlijk namelijk volgens ja nee oke goed prima mogelijk graag zeker gaat gaan gaat
    toezegging toezeggingen toegezegd brief brieven kamer minister ministers staatssecretaris bewindspersoon
    bewindspersonen kabinet regering sturen stuurt toesturen toezenden informeren informeert krijgen krijgt komen
    komt reactie onderzoek relatie heer mevrouw meneer voorzitter laten weten zeggen zegt doen doet vraag vragen
    antwoord punt betreft betrekking bijvoorbeeld binnen weken week maanden maand zomer spoedig snel daarover
    hierover erover ervan daarvan wanneer zich hebben zelf opdracht gebruik lid leden collega aanpassen aangepast
    kabinetsreactie"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())


# -- small helpers --------------------------------------------------------------------------------


def _squash(s: str) -> str:
    return " ".join(s.split())


def _sentences(text: str) -> list[str]:
    from verslag.phases import sentences

    return sentences(text)


def content_words(text: str) -> set[str]:
    """The distinctive words of ``text``: folded, compounds split at hyphens, stopwords dropped."""
    out: set[str] = set()
    for w in WORD_RE.findall(fold(text)):
        if w in STOPWORDS:
            continue
        if len(w) < 3 and not any(c.isdigit() for c in w):
            continue
        if w.isdigit() and len(w) < 4:
            continue
        out.add(w)
    return out


def _shared(a: set[str], b: set[str]) -> set[str]:
    """Shared words, counting a word and a compound that starts with it ('zeekabel' ~ 'zeekabels')."""
    hits: set[str] = set()
    for x in a:
        for y in b:
            if x == y or (min(len(x), len(y)) >= 5 and (x.startswith(y) or y.startswith(x))):
                hits.add(x)
    return hits


#: A chair's remark that ends the list and is not part of the last item:
#: 'Daarmee zijn we aan het einde van dit debat gekomen.' / 'Dat waren de toezeggingen.'
REMARK_RE = regex.compile(
    r"""^(?:daarmee|hiermee|tot\s+zover|dat\s+(?:waren|was)\s+(?:de|het|alle)|ik\s+dank|dank\s+u|ik\s+sluit|
        (?:dan\s+)?zijn\s+we\s+(?:aan\s+het\s+einde|klaar|rond)|nog\s+een\s+toezegging|dan\s+(?:kom\s+ik|de\s+volgende))""",
    regex.VERBOSE | regex.IGNORECASE,
)


def _split_off_remarks(item: str) -> tuple[str, str]:
    """An item's own sentences and the chair's remark that follows it in the same paragraph."""
    sents = _sentences(item)
    for k in range(1, len(sents)):
        if REMARK_RE.match(sents[k]) or CLOSING_RE.search(sents[k]):
            return " ".join(sents[:k]), " ".join(sents[k:])
    return item, ""


def _clean_item(text: str) -> str:
    t = DASH_ITEM_RE.sub("", _squash(text))
    t = regex.sub(r"\s*(?:\.\.\.|…)\s*$", "", t)
    return t.strip()


# -- the list -------------------------------------------------------------------------------------


def _is_formula(sentence: str) -> bool:
    return bool(
        TOEZEGGING_RE.search(sentence)
        and not NEGATED_LIST_RE.search(sentence)
        and not EARLIER_LIST_RE.search(sentence)
        and not WITHDRAW_RE.search(sentence)
        and not AMEND_RE.search(sentence)
    )


def split_items(paragraphs: Sequence[str], *, dashless: bool = False) -> list[tuple[str, str]]:
    """Split a chair's turn into ``('item', text)`` and ``('remark', text)`` pieces, in order.

    An item starts with a dash (at a paragraph start or after a sentence end inside a paragraph).
    A following piece continues it when the item does not end a sentence or the piece starts in
    lower case (a stray blank line inside an item).  With ``dashless=True`` a paragraph that reads
    as an item ('De minister stuurt …') also starts one.
    """
    pieces: list[str] = []
    for para in paragraphs:
        parts = INNER_DASH_RE.split(para)
        for k, part in enumerate(parts):
            if not part.strip():
                continue
            pieces.append(("– " + part.strip()) if k > 0 else part.strip())
    out: list[tuple[str, str]] = []
    for piece in pieces:
        if DASH_ITEM_RE.match(piece):
            own, remark = _split_off_remarks(piece)
            out.append(("item", own))
            if remark:
                out.append(("remark", remark))
            continue
        if out and out[-1][0] == "item":
            prev = out[-1][1].rstrip()
            open_item = not regex.search(r"[.!?]$", prev) or prev.endswith(("...", "…"))
            if (open_item and not prev.endswith(("...", "…"))) or piece[:1].islower():
                out[-1] = ("item", prev + " " + piece)
                continue
        if dashless and ITEM_FORM_RE.match(piece):
            out.append(("item", piece))
            continue
        out.append(("remark", piece))
    return out


def _has_items(paragraphs: Sequence[str]) -> bool:
    return any(kind == "item" for kind, _ in split_items(paragraphs))


def _items_after_formula(paragraphs: Sequence[str]) -> bool:
    """Whether an item (dashed, or of item form) follows the formula sentence in this turn."""
    seen = False
    for para in paragraphs:
        for s in _sentences(para):
            if seen and (DASH_ITEM_RE.match(s) or ITEM_FORM_RE.match(s)):
                return True
            if _is_formula(s):
                seen = True
        if seen and DASH_ITEM_RE.match(para):
            return True
    return False


def is_list_turn(text: str) -> bool:
    """Whether a chair's turn still belongs to the closing list (items, edits, talk of toezeggingen)."""
    paragraphs = text.split("\n")
    if _has_items(paragraphs) or WITHDRAW_RE.search(text) or AMEND_RE.search(text) or CHAIR_ADD_RE.search(text):
        return True
    return bool(TOEZEGGING_RE.search(text)) and not CLOSING_RE.search(text)


def find_list_start(v: Verslag, start: int = 0) -> int | None:
    """The index of the chair's turn that opens the closing list of toezeggingen, searching from ``start``."""
    turns = v.turns
    n = len(turns)

    def tail_is_short(i: int) -> bool:
        return all(t.words < LIST_MAX_LATER_WORDS for t in turns[i + 1 :] if t.speaker.role != Role.CHAIR)

    for i in range(max(start, 0), n):
        t = turns[i]
        if t.speaker.role != Role.CHAIR:
            continue
        sents = _sentences(t.text)
        if any(TOEZEGGING_RE.search(s) and (NEGATED_LIST_RE.search(s) or EARLIER_LIST_RE.search(s)) for s in sents):
            continue  # 'Er zijn geen toezeggingen gedaan.' / 'de openstaande toezeggingen'
        formula = any(_is_formula(s) for s in sents)
        if formula:
            later = [turns[k].paragraphs for k in range(i + 1, min(n, i + 1 + LIST_ITEMS_WITHIN))
                     if turns[k].speaker.role == Role.CHAIR]
            if (_items_after_formula(t.paragraphs) or any(_has_items(p) for p in later)) and tail_is_short(i):
                return i
        elif _has_items(t.paragraphs) and tail_is_short(i):
            items = [x for kind, x in split_items(t.paragraphs) if kind == "item"]
            if any(ITEM_FORM_RE.match(_clean_item(x)) or regex.search(r"\b(?:Kamer|brief)\b", x) for x in items):
                return i
    return None


# -- reading the list -----------------------------------------------------------------------------


@dataclass
class _Item:
    text: str
    turns: list[int]
    order: tuple[int, int]
    status: CommitmentStatus = CommitmentStatus.LISTED
    amendment: str | None = None
    commenters: list[str] = field(default_factory=list)
    proposer: str | None = None
    accepted_by: str | None = None
    accepted: bool = False
    accept_text: str = ""
    rejected: bool = False
    cut_off: bool = False

    def add_turn(self, i: int) -> None:
        if i not in self.turns:
            self.turns.append(i)


@dataclass
class _ListState:
    items: list[_Item] = field(default_factory=list)
    proposals: list[_Item] = field(default_factory=list)
    last: _Item | None = None

    def topic(self, text: str, pool: Sequence[_Item]) -> _Item | None:
        """The one item of ``pool`` that ``text`` is about (most shared distinctive words), or None."""
        words = content_words(text)
        if not words:
            return None
        scored = sorted(((len(_shared(words, content_words(it.text))), k) for k, it in enumerate(pool)), reverse=True)
        if not scored or scored[0][0] == 0:
            return None
        if len(scored) > 1 and scored[1][0] == scored[0][0]:
            return None
        return pool[scored[0][1]]


def _edit(state: _ListState, sentence: str, rest: str, turn: int) -> bool:
    """Apply a withdrawal or amendment in ``sentence``; ``rest`` is the text after it. True if one was applied."""
    w, a = WITHDRAW_RE.search(sentence), AMEND_RE.search(sentence)
    if not (w or a):
        return False
    target: _Item | None = None
    tm = EDIT_TOPIC_RE.search(sentence)
    if tm:
        target = state.topic(tm.group("topic"), state.items)
    if target is None:
        target = state.last if state.last in state.items else (state.items[-1] if state.items else None)
    if target is None:
        return False
    target.add_turn(turn)
    if a:
        target.status = CommitmentStatus.AMENDED
        tail = sentence[a.end() :].lstrip(" ;:,–-")
        amendment = tail.strip() or rest.strip()
        target.amendment = _squash(amendment).rstrip() or None
    else:
        target.status = CommitmentStatus.WITHDRAWN
    state.last = target
    return True


def _chair_turn(state: _ListState, i: int, t: Turn, people: Roster, first: bool) -> None:
    pieces = split_items(t.paragraphs, dashless=first and not _has_items(t.paragraphs))
    pos = 0
    for kind, text in pieces:
        if kind == "item":
            item = _Item(text=_clean_item(text), turns=[i], order=(i, pos))
            item.cut_off = text.rstrip().endswith(("...", "…"))
            state.items.append(item)
            state.last = item
            pos += 1
            continue
        sents = _sentences(text)
        for k, s in enumerate(sents):
            if _is_formula(s) and not state.proposals:
                continue
            if _edit(state, s, " ".join(sents[k + 1 : k + 2]), i):
                continue
            if CHAIR_ADD_RE.search(s) and state.last in state.proposals and state.last is not None:
                state.last.add_turn(i)  # 'Dan nemen we die toezegging ook op.'
                state.last.accepted = True
                continue
            # A remark about a member's request: 'De heer Amhaouch had het over het onderzoek van het CPB.'
            for prop in state.proposals:
                named = prop.proposer is not None and any(
                    m.resolution is not None and m.resolution.name == prop.proposer for m in people.find(s)
                )
                if named or _shared(content_words(s), content_words(prop.text)):
                    prop.add_turn(i)
                    state.last = prop
                    if REJECT_RE.search(s):
                        prop.rejected = True
                    elif CHAIR_ADD_RE.search(s):
                        prop.accepted = True


def _member_turn(state: _ListState, i: int, t: Turn) -> None:
    text = t.text
    about = state.topic(text, state.items)
    strong = ADD_REQUEST_STRONG_RE.search(text) is not None
    if about is not None and not (strong and len(_shared(content_words(text), content_words(about.text))) < 2):
        about.add_turn(i)
        state.last = about
        return
    if ADD_REQUEST_RE.search(text):
        clean = VOCATIVE_RE.sub("", _squash(text))
        clean = clean[:1].upper() + clean[1:]
        prop = _Item(text=clean, turns=[i], order=(i, 0), status=CommitmentStatus.ADDED, proposer=t.speaker.name)
        state.proposals.append(prop)
        state.last = prop
        return
    if state.last is not None and state.last.cut_off and state.last.turns[-1] == i - 1:
        state.last.add_turn(i)


def _government_turn(state: _ListState, i: int, t: Turn) -> None:
    text = t.text
    name = t.speaker.name
    sents = _sentences(text)
    for k, s in enumerate(sents):
        if _edit(state, s, " ".join(sents[k + 1 : k + 2]), i):
            return
    target: _Item | None = None
    if state.last is not None and state.last.cut_off and state.last.turns[-1] == i - 1:
        target = state.last
    if target is None:
        target = state.topic(text, state.items + state.proposals)
    if target is None and state.last is not None:
        target = state.last
    if target is None:
        return
    target.add_turn(i)
    target.commenters.append(name)
    state.last = target
    if target in state.proposals:
        if REJECT_RE.search(text):
            target.rejected = True
        elif AFFIRM_RE.search(text):
            target.accepted = True
            target.accepted_by = name
            target.accept_text = text


def _actors(text: str, people: Roster) -> list[str]:
    """The bewindspersonen an item names as making it (not those after 'toezegging aan')."""
    cut = TO_RE.search(text)
    head = text[: cut.start()] if cut else text
    names: dict[str, None] = {}
    for m in ACTOR_RE.finditer(head):
        res = people.resolve(m.group(0), kind="government") or _only_with_title(m.group(0), people)
        if res is not None:
            names.setdefault(res.name, None)
    for mention in people.find(head, kind="government"):
        if mention.resolution is not None:
            names.setdefault(mention.resolution.name, None)
    return list(names)


def _only_with_title(actor: str, people: Roster) -> Resolution | None:
    """'De Minister van VWS' when no office is known: the only bewindspersoon present with that title.

    Used for list items only (they are about the people present); when any bewindspersoon's office
    is known the office must match instead.
    """
    gov = people.government()
    if not gov or any(p.office for p in gov):
        return None
    title = "staatssecretaris" if "staatssecretaris" in actor.lower() else "minister"
    hits = [p for p in gov if p.title == title]
    if len(hits) != 1:
        return None
    return Resolution(hits[0].name, 0.7, "government", f"the only {title} present (offices unknown)")


def _names_actor(text: str) -> bool:
    cut = TO_RE.search(text)
    head = text[: cut.start()] if cut else text
    return bool(ACTOR_RE.search(head))


def _to(text: str, people: Roster, members: set[str]) -> str | None:
    m = TO_RE.search(text)
    if not m:
        return None
    who = m.group("who")
    found: dict[str, None] = {}
    pieces = regex.split(r"\s*(?:,|\ben\b|\bof\b)\s*", who)
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        res = people.resolve(piece, kind="member")
        if res is None:
            hits = [mm.resolution for mm in people.find(piece, kind="member") if mm.resolution is not None]
            res = hits[0] if len(hits) == 1 else None
        if res is not None and res.name in members:
            found.setdefault(res.name, None)
        elif regex.search(r"\b(?:de\s+heer|mevrouw|meneer|het\s+lid|de\s+leden|collega)\b", piece, regex.IGNORECASE):
            return None  # a named member we cannot place: do not guess
    return next(iter(found)) if len(found) == 1 else None


def extract(v: Verslag, phases: Sequence[Phase], people: Roster | None = None) -> list[Commitment]:
    """The commitments of the closing list: the turns in the ``commitments`` phase, read in order."""
    people = people or roster(v)
    idx = [i for i, p in enumerate(phases) if p == Phase.COMMITMENTS]
    if not idx:
        return []
    state = _ListState()
    for n, i in enumerate(idx):
        t = v.turns[i]
        if t.speaker.role == Role.CHAIR:
            _chair_turn(state, i, t, people, first=(n == 0))
        elif t.speaker.role in (Role.MINISTER, Role.STATE_SECRETARY):
            _government_turn(state, i, t)
        else:
            _member_turn(state, i, t)
    # The chair's closing words accept what the bewindspersoon just agreed to ('Prima, helemaal goed.').
    kept = [p for p in state.proposals if p.accepted and not p.rejected]
    members = set(v.meta.members_present) | {p.name for p in people.members()}
    out: list[tuple[tuple[int, int], Commitment]] = []
    for it in state.items + kept:
        deadline = parse_deadline(it.text, v.meta.date)
        if it.amendment:
            deadline = parse_deadline(it.amendment, v.meta.date) or deadline
        if deadline is None and it.accept_text:
            deadline = parse_deadline(it.accept_text, v.meta.date)  # 'Ja, daar stuur ik de Kamer na de zomer een brief over.'
        by: str | None = None
        actors = _actors(it.text, people)
        if len(actors) == 1:
            by = actors[0]
        elif not actors and not _names_actor(it.text):
            speakers = set(it.commenters)
            if it.accepted_by:
                speakers = {it.accepted_by}
            if len(speakers) == 1:
                by = next(iter(speakers))
        to = it.proposer if it.proposer in members else _to(it.text, people, members)
        c = Commitment(
            text=it.text,
            by=by,
            to=to,
            deadline=deadline,
            status=it.status,
            amendment=it.amendment,
            turns=sorted(it.turns),
        )
        out.append((it.order, c))
    out.sort(key=lambda oc: oc[0])
    return [c for _, c in out]


# -- promises in the debate -----------------------------------------------------------------------


def _promise_score(sentence: str) -> float:
    if not FIRST_PERSON_RE.search(sentence):
        return 0.0
    if m := PROMISE_TOEZEG_RE.search(sentence):
        before = sentence[max(0, m.start() - 40) : m.end()]
        return 0.0 if PROMISE_NOT_RE.search(before) or CONDITIONAL_RE.search(before) else 1.0
    for pattern, score in ((PROMISE_SEND_RE, 0.8), (PROMISE_RECEIVE_RE, 0.7), (PROMISE_WILLING_RE, 0.6)):
        m = pattern.search(sentence)
        if m and not PROMISE_NOT_RE.search(m.group(0)):
            return score
    return 0.0


def find_candidates(v: Verslag) -> list[CommitmentCandidate]:
    """The promises bewindspersonen make in the debate, one per sentence, linked to their turn."""
    out: list[CommitmentCandidate] = []
    for i, t in enumerate(v.turns):
        if t.speaker.role not in (Role.MINISTER, Role.STATE_SECRETARY):
            continue
        for s in _sentences(t.text):
            score = _promise_score(s)
            if score > 0:
                out.append(CommitmentCandidate(text=_squash(s), by=t.speaker.name, turn=i, score=score))
    return out


def _context(v: Verslag, c: CommitmentCandidate, before: int = 3) -> str:
    """The candidate's sentence with the sentences before it; near the start of a turn also the turn it answers."""
    sents = _sentences(v.turns[c.turn].text)
    for k, s in enumerate(sents):
        if _squash(s) == c.text:
            text = " ".join(sents[max(0, k - before) : k + 2])
            if k < before:
                j = c.turn - 1
                while j >= 0 and v.turns[j].speaker.role == Role.CHAIR:
                    j -= 1
                if j >= 0 and v.turns[j].speaker.role not in (Role.MINISTER, Role.STATE_SECRETARY):
                    text = v.turns[j].text + " " + text
            return text
    return c.text


def _link_score(
    item: Commitment, cand: CommitmentCandidate, context: str, meeting: dt.date | None, *, own: bool = False
) -> float:
    if item.by is not None and cand.by is not None and item.by != cand.by:
        return 0.0
    a, b = content_words(item.text), content_words(context)
    shared = _shared(a, b)
    if not shared and not own:
        return 0.0  # the words must show it
    words = fuzz.token_set_ratio(" ".join(sorted(a)), " ".join(sorted(b))) / 100 if a and b else 0.0
    score = 0.5 * words + 0.15 * min(len(shared), 2)
    if item.deadline is not None:
        d = parse_deadline(context, meeting)
        if d is not None and (fold(d.text) in fold(item.deadline.text) or fold(item.deadline.text) in fold(d.text)
                              or (d.date is not None and d.date == item.deadline.date)):
            score += 0.3
    if item.to and regex.search(rf"\b{regex.escape(item.to)}\b", context, regex.IGNORECASE):
        score += 0.1
    if item.by is not None and item.by == cand.by:
        score += 0.1
    return min(score, 1.0)


def link_candidates(v: Verslag, commitments: list[Commitment], candidates: Sequence[CommitmentCandidate]) -> None:
    """Set ``Commitment.candidate`` to the in-debate promise each item repeats (and ``by`` if still unknown).

    A candidate counts if it was made before the item was read out, or in one of the item's own
    turns (an item added from the floor).  Pairs are matched best first, one to one.
    """
    contexts = [_context(v, c) for c in candidates]
    pairs: list[tuple[float, int, int]] = []
    for ci, c in enumerate(commitments):
        first = min(c.turns) if c.turns else len(v.turns)
        for k, cand in enumerate(candidates):
            own = cand.turn in c.turns
            if cand.turn >= first and not own:
                continue
            s = _link_score(c, cand, contexts[k], v.meta.date, own=own) + (OWN_TURN_BONUS if own else 0.0)
            if s >= LINK_MIN_SCORE:
                pairs.append((s, ci, k))
    used_c: set[int] = set()
    used_k: set[int] = set()
    for s, ci, k in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if ci in used_c or k in used_k:
            continue
        used_c.add(ci)
        used_k.add(k)
        c = commitments[ci]
        c.candidate = k
        if c.by is None and s >= LINK_BY_MIN_SCORE and not _names_actor(c.text):
            c.by = candidates[k].by
