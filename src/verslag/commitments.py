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
import functools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, cast

import regex
from rapidfuzz import fuzz

from verslag.deadlines import parse_deadline
from verslag.layout import squash as _squash
from verslag.model import (
    Commitment,
    CommitmentCandidate,
    CommitmentStatus,
    Deadline,
    Phase,
    Role,
    Turn,
    Verslag,
)
from verslag.phases import has_words, sentence_span, sentences
from verslag.speakers import Resolution, Roster, fold, keytext, roster

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

#: The words that ask for an item, before the item itself: 'ik mis nog de toezegging over de korting …' →
#: 'De toezegging over de korting …' (the item's text when the chair does not read it out).
REQUEST_LEAD_RE = regex.compile(
    r"^(?:ik\s+mis\s+(?:hier\s+)?(?:nog\s+)?|er\s+was\s+(?:ook\s+)?(?:nog\s+)?|ik\s+heb\s+(?:ook\s+)?(?:nog\s+)?)"
    r"(?=(?:de|een|nog\s+een)\s+toezegging\b)",
    regex.IGNORECASE,
)

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

#: The chair explicitly adds: 'Die toezegging nemen we ook op.' / 'Dat noteren we als toezegging.' /
#: 'Dat klopt, die voeg ik toe.'
CHAIR_ADD_RE = regex.compile(
    r"""\b(?:nemen|noteren|noteer|zetten)\s+(?:we|wij|ik)\b[^.?!]{0,40}?\b(?:op|erbij|als\s+toezegging|bij)\b
        |\bkomt\s+(?:er\s+)?(?:dus\s+)?(?:nog\s+)?bij\b|\bdat\s+is\s+(?:dan\s+)?(?:ook\s+)?(?:nog\s+)?een\s+toezegging\b|\btoegevoegd\b
        |\bvoeg(?:en)?\s+(?:ik|we|wij)\b[^.?!]{0,40}?\btoe\b""",
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

#: Someone who makes the commitment, as the item names it: 'De Minister van BZK zal …', 'Staatssecretaris Keijzer'
#: (a whole word: not the 'minister' of 'de informatiebeveiliging bij ministeries').
ACTOR_RE = regex.compile(
    r"""\b(?:[Dd]e\s+)?(?:[Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris)\b(?!-)(?:\s+(?:van|voor)\s+[\p{Lu}][\p{L}&/\-]*(?:(?:\s+en\s+|,\s*|\s+)[\p{Lu}][\p{L}&/\-]*)*|\s+[\p{Lu}][\p{L}'’\-]+)?""",
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

#: An item cut off by an interjection ends in an ellipsis: '… wanneer de kabinetsreactie op het onderzoek ...'.
TRAILING_ELLIPSIS_RE = regex.compile(r"\s*(?:\.\.\.|…)\s*$")

#: A list item that ends a sentence: '– De Minister van BZK zal het onderzoek naar de Kamer sturen.'
SENTENCE_END_RE = regex.compile(r"[.!?]$")

#: A dash item about the Kamer or a letter (a list item, not a list of examples): '– … een brief naar de Kamer'.
KAMER_OR_LETTER_RE = regex.compile(r"\b(?:Kamer|brief)\b")

#: The members an item is made to, one by one: 'aan mevrouw Buitenweg en de heer Verhoeven'.
TO_SPLIT_RE = regex.compile(r"\s*(?:,|\ben\b|\bof\b)\s*")

#: A piece that names a member: 'de heer Verhoeven', 'mevrouw Buitenweg', 'het lid Van der Plas', 'collega Amhaouch'.
MEMBER_WORDS_RE = regex.compile(r"\b(?:de\s+heer|mevrouw|meneer|het\s+lid|de\s+leden|collega)\b", regex.IGNORECASE)

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
#: Words of deadlines: they say when, not what, so they never tell two items apart ('Dat wordt in het
#: najaar.' is about the item just read out, not about another item due 'In het najaar').
_DEADLINE_WORD_TEXT = """januari februari maart april mei juni juli augustus september oktober november december
    voorjaar najaar lente herfst winter zomerreces kerstreces voorjaarsreces herfstreces meireces krokusreces
    paasreces kerst kerstmis reces kwartaal halfjaar jaar jaren dag dagen werkdag werkdagen eind einde begin medio
    uiterlijk zsm spoedig begrotingsbehandeling prinsjesdag voorjaarsnota miljoenennota
    twee drie vier vijf zes zeven acht negen tien elf twaalf veertien twintig dertig zestig negentig enkele paar"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split()) | frozenset(_DEADLINE_WORD_TEXT.split())


# -- small helpers --------------------------------------------------------------------------------


_sentences = sentences


#: Texts up to this length have their content words remembered (items, sentences, interjections).
WORDS_CACHE_MAX_LEN = 4000


def _content_words(text: str) -> frozenset[str]:
    out: set[str] = set()
    for w in set(WORD_RE.findall(fold(text))):
        if w in STOPWORDS:
            continue
        if len(w) < 3 and not any(c.isdigit() for c in w):
            continue
        if w.isdigit() and len(w) < 4:
            continue
        out.add(w)
    return frozenset(out)


_content_words_cached = functools.lru_cache(maxsize=4096)(_content_words)


def _words(text: str) -> frozenset[str]:
    # PERF: content_words was recomputed for every pair of item and candidate (3,120 calls, ~28 % of
    # analyze on the fixture); now each distinct text is read once.
    return _content_words_cached(text) if len(text) <= WORDS_CACHE_MAX_LEN else _content_words(text)


def content_words(text: str) -> set[str]:
    """The distinctive words of ``text``: folded, compounds split at hyphens, stopwords dropped."""
    return set(_words(text))


@functools.lru_cache(maxsize=4096)
def _long_sorted(b: frozenset[str]) -> tuple[str, ...]:
    """The words of ``b`` of five letters or more, sorted (for the prefix test of :func:`_shared`)."""
    return tuple(sorted(y for y in b if len(y) >= 5))


def _shared(a: frozenset[str], b: frozenset[str]) -> set[str]:
    """Shared words, counting a word and a compound that starts with it ('zeekabel' ~ 'zeekabels')."""
    # PERF: was every word of ``a`` against every word of ``b`` (1,820 calls took ~10 % of analyze);
    # now a set lookup, the word's own prefixes in ``b``, and one bisection for words of ``b`` that
    # start with it.  The same words count: x == y, or both ≥ 5 letters and one starts with the other.
    hits = set(a & b)
    longs: tuple[str, ...] | None = None
    for x in a:
        if len(x) < 5 or x in hits:
            continue
        k = 5
        while k < len(x) and x[:k] not in b:  # PERF: a loop, not any() over a generator (-35 %)
            k += 1
        if k < len(x):
            hits.add(x)  # a word of b is a prefix of x
            continue
        if longs is None:
            longs = _long_sorted(b)
        i = bisect_left(longs, x)
        if i < len(longs) and longs[i].startswith(x):
            hits.add(x)  # x is a prefix of a word of b
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
    t = TRAILING_ELLIPSIS_RE.sub("", t)
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
            open_item = not SENTENCE_END_RE.search(prev) or prev.endswith(("...", "…"))
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

    # PERF: was a word count of every later turn for each chair's turn tested (quadratic); now the
    # last long turn of anyone but the chair is found once, from the end.
    last_long = next(
        (k for k in range(n - 1, -1, -1) if turns[k].speaker.role != Role.CHAIR and has_words(turns[k], LIST_MAX_LATER_WORDS)),
        -1,
    )

    def tail_is_short(i: int) -> bool:
        return last_long <= i

    for i in range(max(start, 0), n):
        t = turns[i]
        if t.speaker.role != Role.CHAIR:
            continue
        # PERF: both tests of the sentences need TOEZEGGING_RE, so a turn without 'toezegging' is not
        # split into sentences; and the cheap tail_is_short comes before the items are read (pure
        # tests, same answer).  find_list_start: kst-26643-679 0.35 -> 0.13 ms, h-tk-20142015-33-13 0.105 -> 0.048 ms.
        formula = False
        if b"toezegging" in keytext(t.text):
            sents = _sentences(t.text)
            if any(TOEZEGGING_RE.search(s) and (NEGATED_LIST_RE.search(s) or EARLIER_LIST_RE.search(s))
                   for s in sents):
                continue  # 'Er zijn geen toezeggingen gedaan.' / 'de openstaande toezeggingen'
            formula = any(_is_formula(s) for s in sents)
        if formula:
            later = [turns[k].paragraphs for k in range(i + 1, min(n, i + 1 + LIST_ITEMS_WITHIN))
                     if turns[k].speaker.role == Role.CHAIR]
            if tail_is_short(i) and (_items_after_formula(t.paragraphs) or any(_has_items(p) for p in later)):
                return i
        elif tail_is_short(i) and _has_items(t.paragraphs):
            items = [x for kind, x in split_items(t.paragraphs) if kind == "item"]
            if any(ITEM_FORM_RE.match(_clean_item(x)) or KAMER_OR_LETTER_RE.search(x) for x in items):
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
        """The one item of ``pool`` that ``text`` is about, or None.

        Each word ``text`` shares with an item counts 1 / (the number of items that share it): a word
        of one item ('woningbouw') tells more than a word of every item.  A word the item holds only
        as part of a longer or shorter one counts half ('energietransitie' ~ the 'Energie' of every
        item by the Minister voor Klimaat en Energie).  A tie is no answer.
        """
        words = _words(text)
        if not words or not pool:
            return None
        item_words = [_words(it.text) for it in pool]
        shared = [_shared(words, iw) for iw in item_words]
        df: dict[str, int] = {}
        for hits in shared:
            for w in hits:
                df[w] = df.get(w, 0) + 1
        scored = sorted(
            ((sum((1.0 if w in iw else 0.5) / df[w] for w in hits), k)
             for k, (hits, iw) in enumerate(zip(shared, item_words, strict=True))),
            reverse=True,
        )  # fmt: skip
        if scored[0][0] == 0:
            return None
        if len(scored) > 1 and abs(scored[1][0] - scored[0][0]) < 1e-9:
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
    accepted: _Item | None = None  # a request from the floor the chair has just accepted in this turn
    for kind, text in pieces:
        if kind == "item":
            if accepted is not None:
                # 'Dat klopt, die voeg ik toe. – De Minister … stuurt …': the item read out is the
                # accepted request in the chair's words.
                accepted.text = _clean_item(text)
                accepted.cut_off = text.rstrip().endswith(("...", "…"))
                accepted.add_turn(i)
                state.last, accepted = accepted, None
                continue
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
                accepted = state.last
                continue
            # A remark about a member's request: 'De heer Amhaouch had het over het onderzoek van het CPB.'
            for prop in state.proposals:
                named = prop.proposer is not None and any(
                    m.resolution is not None and m.resolution.name == prop.proposer for m in people.find(s)
                )
                if named or _shared(_words(s), _words(prop.text)):
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
    if about is not None and not (strong and len(_shared(_words(text), _words(about.text))) < 2):
        about.add_turn(i)
        state.last = about
        return
    if ADD_REQUEST_RE.search(text):
        clean = REQUEST_LEAD_RE.sub("", VOCATIVE_RE.sub("", _squash(text)), count=1)
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
    pieces = TO_SPLIT_RE.split(who)
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
        elif MEMBER_WORDS_RE.search(piece):
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


#: Substrings (lower case) that a match of each promise pattern implies, so that a pattern only runs
#: on a sentence that could match it.  PROMISE_TOEZEG_RE: 'zeg' and 'toe' ('toezeggen', 'zeg … toe',
#: 'toe te zeggen', 'die toezegging doe ik').  PROMISE_SEND_RE: one of its verbs and one of its modal
#: verbs ('Ik zal u dat onderzoek toezenden.'), or a verb sent straight to the Kamer ('Ik stuur u …').
#: PROMISE_RECEIVE_RE: 'krijgt' or 'zorg'.  PROMISE_WILLING_RE: 'bereid'.
TOEZEG_KEYS = (b"zeg",)
TOEZEG_ALSO_KEYS = (b"toe",)
SEND_KEYS = (b"stuur", b"sturen", b"informe", b"zend", b"bericht", b"laten", b"hoogte", b"terug", b"rapporteren",
             b"toekomen", b"brief")
SEND_MODAL_KEYS = (b"zal", b"zul", b"ga", b"wil", b"kom")
SEND_DIRECT_KEYS = (b"stuur", b"sturen", b"informe", b"zend", b"bericht")  # all of them SEND_KEYS too
RECEIVE_KEYS = (b"krijgt", b"zorg")
WILLING_KEYS = (b"bereid",)
#: A sentence without any of these cannot be a promise.
PROMISE_KEYS = TOEZEG_KEYS + SEND_KEYS + RECEIVE_KEYS + WILLING_KEYS


def _has(low: bytes, keys: tuple[bytes, ...]) -> bool:
    for k in keys:  # noqa: SIM110 - PERF: a loop is a third cheaper than any() over a generator here
        if k in low:
            return True
    return False


def _promise_score(sentence: str, low: bytes | None = None) -> float:
    """The promise score of ``sentence``; ``low`` is its :func:`~verslag.speakers.keytext` if known."""
    # PERF: five regex searches ran on each of the ~800 sentences of the bewindspersonen (~20 % of
    # analyze); now a pattern runs only when the sentence holds the substrings every match of it
    # implies (~50 searches on the fixture).  The score is the same: first person, then the first
    # pattern in the order below that matches.
    # PERF: the keyword tests cost more than FIRST_PERSON_RE on these short sentences, and 40 % of
    # the keyword sentences are not in the first person: that test comes first now.  The direct
    # verbs are all send verbs, so a sentence without a send verb skips both send tests.  The
    # 159 keyword sentences of kst-26643-679: 1.71 ms -> 1.31 ms.  The same score (pure tests).
    if not FIRST_PERSON_RE.search(sentence):
        return 0.0
    if low is None:
        low = keytext(sentence)
    toezeg = _has(low, TOEZEG_KEYS) and _has(low, TOEZEG_ALSO_KEYS)
    send = _has(low, SEND_KEYS) and (_has(low, SEND_MODAL_KEYS) or _has(low, SEND_DIRECT_KEYS))
    receive = _has(low, RECEIVE_KEYS)
    willing = _has(low, WILLING_KEYS)
    if not (toezeg or send or receive or willing):
        return 0.0
    if toezeg and (m := PROMISE_TOEZEG_RE.search(sentence)):
        before = sentence[max(0, m.start() - 40) : m.end()]
        return 0.0 if PROMISE_NOT_RE.search(before) or CONDITIONAL_RE.search(before) else 1.0
    for may, pattern, score in (
        (send, PROMISE_SEND_RE, 0.8),
        (receive, PROMISE_RECEIVE_RE, 0.7),
        (willing, PROMISE_WILLING_RE, 0.6),
    ):
        if not may:
            continue
        m = pattern.search(sentence)
        if m and not PROMISE_NOT_RE.search(m.group(0)):
            return score
    return 0.0


class _Sentence(NamedTuple):
    """A sentence of a turn: its span in the turn's text (before stripping), the text and its keytext."""

    # PERF: a NamedTuple, not a frozen dataclass: made three times faster (159 per analysis of
    # kst-26643-679: -0.08 ms).

    start: int
    end: int
    text: str
    low: bytes


def _promise_sentences(text: str) -> list[_Sentence]:
    """The sentences of ``text`` (as :func:`verslag.phases.sentences` gives them) that hold a promise keyword.

    The other sentences cannot score, so they are not split off at all: each keyword is found with
    a byte search in the :func:`~verslag.speakers.keytext` and only the sentence around it is cut out.
    """
    # PERF: splitting every bewindspersoon's turn into sentences cost ~2 ms on the fixture (75 k
    # characters); now only the sentences around a keyword are cut out.  Same sentences, same order.
    low = keytext(text)
    hits: list[int] = []
    for k in PROMISE_KEYS:
        q = low.find(k)
        while q >= 0:
            hits.append(q)
            q = low.find(k, q + 1)
    out: list[_Sentence] = []
    end = -1
    for q in sorted(hits):
        if q < end:
            continue  # in the sentence just taken
        a, end = sentence_span(text, q)
        raw = text[a:end]
        stripped = raw.strip()
        lead = a + len(raw) - len(raw.lstrip())
        out.append(_Sentence(a, end, stripped, low[lead : lead + len(stripped)]))
    return out


def find_candidates(v: Verslag) -> list[CommitmentCandidate]:
    """The promises bewindspersonen make in the debate, one per sentence, linked to their turn."""
    return _find_candidates(v, {})


def _find_candidates(v: Verslag, split: dict[int, object]) -> list[CommitmentCandidate]:
    """:func:`find_candidates`, leaving each turn's keyword sentences in ``split`` (by turn index)."""
    out: list[CommitmentCandidate] = []
    for i, t in enumerate(v.turns):
        if t.speaker.role not in (Role.MINISTER, Role.STATE_SECRETARY):
            continue
        keyed = split[i] = _promise_sentences(t.text)
        for s in keyed:
            score = _promise_score(s.text, s.low)
            if score > 0:
                out.append(CommitmentCandidate(text=_squash(s.text), by=t.speaker.name, turn=i, score=score))
    return out


def _context(v: Verslag, c: CommitmentCandidate, before: int = 3, split: dict[int, object] | None = None) -> str:
    """The candidate's sentence with the sentences before it; near the start of a turn also the turn it answers.

    ``split`` remembers, per turn, what was read of it between calls.
    """
    return _context_parts(v, c, before, {} if split is None else split)[0]


def _context_parts(
    v: Verslag, c: CommitmentCandidate, before: int, split: dict[int, object]
) -> tuple[str, list[str]]:
    """The context of :func:`_context` and the pieces it is joined from (a turn's text, sentences)."""
    # PERF: the candidate's whole turn was split into sentences (~30 k characters of the fixture's
    # answers, ~1.5 ms); now the candidate's sentence is found among the keyword sentences and the
    # sentences around it are cut out one by one.  A candidate text without a keyword (one not made
    # by find_candidates) is still looked up in the full split.
    text = v.turns[c.turn].text
    found: tuple[int, int] | None = None
    sents: list[str]
    k: int
    if _has(keytext(c.text), PROMISE_KEYS):
        # Every sentence that squashes to c.text holds the keyword too: the first keyword sentence
        # that does is the first sentence that does.
        keyed = cast("list[_Sentence] | None", split.get(c.turn))
        if keyed is None:
            keyed = _promise_sentences(text)
            split[c.turn] = keyed
        hit = next((x for x in keyed if _squash(x.text) == c.text), None)
        if hit is None:
            return c.text, [c.text]
        own = hit.text
        previous: list[str] = []
        p = hit.start
        while len(previous) < before:
            p -= 1
            while p >= 0 and text[p].isspace():
                p -= 1
            if p < 0:
                break
            a, b = sentence_span(text, p)
            previous.append(text[a:b].strip())
            p = a
        q = hit.end
        while q < len(text) and text[q].isspace():
            q += 1
        following = []
        if q < len(text):
            a, b = sentence_span(text, q)
            following.append(text[a:b].strip())
        sents = [*reversed(previous), own, *following]
        k = len(previous)
        found = (k, k)
    else:
        full = _sentences(text)
        squashed = [_squash(x) for x in full]
        for j, sq in enumerate(squashed):
            if sq == c.text:
                sents = full[max(0, j - before) : j + 2]
                k = j
                found = (j, j)
                break
    if found is None:
        return c.text, [c.text]
    parts = sents
    joined = " ".join(sents)
    if k < before:
        j = c.turn - 1
        while j >= 0 and v.turns[j].speaker.role == Role.CHAIR:
            j -= 1
        if j >= 0 and v.turns[j].speaker.role not in (Role.MINISTER, Role.STATE_SECRETARY):
            answered = v.turns[j].text
            return answered + " " + joined, [answered, *sents]
    return joined, parts


_UNREAD = object()


class _LinkText:
    """An item's text or a candidate's context, with what the link score needs read once."""

    def __init__(self, text: str, parts: Sequence[str] | None = None) -> None:
        self.text = text
        # The words of a text joined by spaces are those of its parts (each read once, and cached).
        self.words = frozenset().union(*map(_words, parts)) if parts is not None else _words(text)
        self.joined = " ".join(sorted(self.words))
        self._deadline: object = _UNREAD

    def deadline(self, meeting: dt.date | None) -> Deadline | None:
        """The first deadline in the text (read on first use)."""
        if self._deadline is _UNREAD:
            self._deadline = parse_deadline(self.text, meeting)
        return cast("Deadline | None", self._deadline)


def _whole_word_re(name: str) -> regex.Pattern[str]:
    """``name`` as a whole word, in any case: 'Buitenweg' in '… aan mevrouw buitenweg.'."""
    return regex.compile(rf"\b{regex.escape(name)}\b", regex.IGNORECASE)


def _link_score(
    item: Commitment,
    cand: CommitmentCandidate,
    context: str | _LinkText,
    meeting: dt.date | None,
    *,
    own: bool = False,
    item_text: _LinkText | None = None,
    to_re: regex.Pattern[str] | None = None,
) -> float:
    if item.by is not None and cand.by is not None and item.by != cand.by:
        return 0.0
    # PERF: the words, their sorted join and the context's deadline were recomputed for each of the
    # 160 pairs of the fixture (~45 % of analyze); link_candidates now passes them read once.
    ctx = context if isinstance(context, _LinkText) else _LinkText(context)
    it = item_text if item_text is not None else _LinkText(item.text)
    a, b = it.words, ctx.words
    shared = _shared(a, b)
    if not shared and not own:
        return 0.0  # the words must show it
    words = fuzz.token_set_ratio(it.joined, ctx.joined) / 100 if a and b else 0.0
    score = 0.5 * words + 0.15 * min(len(shared), 2)
    if item.deadline is not None:
        d = ctx.deadline(meeting)
        if d is not None and (fold(d.text) in fold(item.deadline.text) or fold(item.deadline.text) in fold(d.text)
                              or (d.date is not None and d.date == item.deadline.date)):
            score += 0.3
    if item.to and (to_re or _whole_word_re(item.to)).search(ctx.text):
        score += 0.1
    if item.by is not None and item.by == cand.by:
        score += 0.1
    return min(score, 1.0)


def link_candidates(v: Verslag, commitments: list[Commitment], candidates: Sequence[CommitmentCandidate]) -> None:
    """Set ``Commitment.candidate`` to the in-debate promise each item repeats (and ``by`` if still unknown).

    A candidate counts if it was made before the item was read out, or in one of the item's own
    turns (an item added from the floor).  Pairs are matched best first, one to one.
    """
    _link_candidates(v, commitments, candidates, {})


def _link_candidates(
    v: Verslag, commitments: list[Commitment], candidates: Sequence[CommitmentCandidate], split: dict[int, object]
) -> None:
    """:func:`link_candidates`; ``split`` holds the keyword sentences of turns already read (by turn index).

    PERF: structure.analyze passes what :func:`_find_candidates` read, so the candidates' turns are
    not split again for their contexts (link_candidates on kst-26643-679: 3.5 ms -> 2.6 ms).  Only within one
    analysis: the turns must not change in between.
    """
    if not commitments:
        return  # PERF: the candidates' contexts were read even without a list to link them to
    contexts: dict[int, _LinkText] = {}
    pairs: list[tuple[float, int, int]] = []
    for ci, c in enumerate(commitments):
        first = min(c.turns) if c.turns else len(v.turns)
        item_text = _LinkText(c.text)
        # PERF: the pattern of the item's member made once per item, not looked up in regex's cache for
        # each pair (4.8 µs -> 0.5 µs a pair).
        to_re = _whole_word_re(c.to) if c.to else None
        for k, cand in enumerate(candidates):
            own = cand.turn in c.turns
            if cand.turn >= first and not own:
                continue
            if k not in contexts:
                contexts[k] = _LinkText(*_context_parts(v, cand, 3, split))
            s = _link_score(c, cand, contexts[k], v.meta.date, own=own, item_text=item_text, to_re=to_re) + (
                OWN_TURN_BONUS if own else 0.0
            )
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
