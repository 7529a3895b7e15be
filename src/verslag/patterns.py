"""Named patterns for the kinds of line in a verslag's PDF text, each with a real example above it.

The patterns match one logical line (leading page-start space already removed, trailing
whitespace stripped) unless said otherwise.  They are written against the phenomena of
Tweede Kamer reports, not against one report.
"""

from __future__ import annotations

import regex

__all__ = [
    "AANVANG_RE",
    "AANWEZIG_HEAD_RE",
    "AANWEZIG_OTHERS_RE",
    "AANWEZIG_OTHERS_TAIL_RE",
    "AANWEZIG_RE",
    "AGENDA_ITEM_RE",
    "AGENDA_REF_RE",
    "CHAIR_CHANGE_RE",
    "COMMITTEE_SPLIT_RE",
    "DOSSIER_TITLE_RE",
    "DUTCH_DATE_RE",
    "FOOTER_RE",
    "FOOTER_TAIL_RE",
    "FOOTNOTE_CALL_RE",
    "GOVERNMENT_RE",
    "GRIFFIER_RE",
    "IDENTIFIER_RE",
    "INTRO_RE",
    "KIND_RE",
    "LABEL_RE",
    "MONTHS",
    "MOTIE_CLAUSE_RE",
    "MOTIE_OPENING_RE",
    "NUMBER_WORDS",
    "PERSON_SPLIT_RE",
    "PUBLICATION_LINE_RE",
    "SIGNATORY_FUNCTION_RE",
    "SIGNATORY_START_RE",
    "SLUITING_RE",
    "SUSPENSION_RE",
    "SUSPENSION_START",
    "TITLE_RE",
    "TUSSENVOEGSELS",
    "VASTGESTELD_RE",
    "VERGADERJAAR_RE",
]

#: Dutch month names → month number.
MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip

#: Dutch number words as printed in "Aanwezig zijn zes leden der Kamer".
NUMBER_WORDS: dict[str, int] = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20,
}  # fmt: skip

#: Lower-case name particles that may follow the first (capitalised) part of a surname.
TUSSENVOEGSELS = frozenset(
    ["van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "la", "le", "du", "di", "da", "del", "della", "el", "al", "von", "zu", "vom", "'s", "d'", "l'", "op'", "uit"]
)

# One part of a name: 'Otterloo', 'Nieuwenhuizen-Wijbenga', 'Öztürk', "'t", 'der', "D'Hondt", 'Koşer'.
_NAME_PART = r"(?:\p{Lu}[\p{L}\p{M}'’.\-]*|(?:van|de|der|den|het|'t|’t|ter|ten|te|in|op|la|le|du|di|da|del|della|el|al|von|zu|vom|'s|’s|d'|d’|l'|l’|uit))"
# A surname of one to six parts that starts with a capital: 'Van der Staaij', "Van 't Wout".
_NAME = rf"\p{{Lu}}[\p{{L}}\p{{M}}'’.\-]*(?:[ ]{_NAME_PART}){{0,5}}"

# De heer Van Otterloo (50PLUS):
# Mevrouw Kröger (GroenLinks-PvdA):
# Minister Grapperhaus:
# Staatssecretaris Van 't Wout:
# Minister-president Rutte:
# De voorzitter:
LABEL_RE = regex.compile(
    rf"""
    ^(?P<label>
        (?P<chair>De\ (?:voorzitter|ondervoorzitter|Voorzitter))
      | (?P<prefix>De\ heer|Mevrouw|Minister-president|Minister|Staatssecretaris|Viceminister-president|Commissaris)
        \ (?P<name>{_NAME})
        (?:\ \((?P<party>[^()\n]{{1,60}})\))?
      | (?P<other>De\ griffier)
    )
    [ ]?:$
    """,
    regex.VERBOSE,
)

# Tweede Kamer, vergaderjaar 2019–2020, 26 643, nr. 679 14
FOOTER_RE = regex.compile(
    r"""
    ^(?P<kamer>Tweede|Eerste)\ Kamer,\ vergaderjaar\ (?P<y1>\d{4})[–\-](?P<y2>\d{4}),
    \ (?P<dossier>\d[\d ]*\d(?:[\-–][A-Z0-9]+)?),\ nr\.\ (?P<number>[0-9A-Z]+)
    (?:\ (?P<page>\d+))?$
    """,
    regex.VERBOSE,
)

# 's-Gravenhage 2023 Tweede Kamer, vergaderjaar 2022–2023, 21 501-20, nr. 1850 1
# (the first page's footer, glued by the extractor to the end of the line before it)
FOOTER_TAIL_RE = regex.compile(r"^(?P<head>.*?\S)\s+(?P<footer>(?:Tweede|Eerste)\ Kamer,\ vergaderjaar\ .*)$", regex.VERBOSE)

# De vergadering wordt van 17.25 uur tot 17.42 uur geschorst.
# De vergadering wordt enkele ogenblikken geschorst.
# De vergadering wordt geschorst van 12.00 uur tot 13.00 uur.
# De vergadering wordt van 17.25 tot 17.42 uur geschorst.   De vergadering wordt om 17.25 uur geschorst.
# De vergadering wordt geschorst tot 13.00 uur.   De vergadering wordt van 12.30 uur tot 13.15 uur geschorst voor de lunch.
_T = r"\d{1,2}[.:]\d{2}"
SUSPENSION_RE = regex.compile(
    rf"""
    ^De\ vergadering\ wordt\ (?:
        (?:van\ (?P<start>{_T})(?:\ uur)?\ tot\ (?P<end>{_T})\ uur|om\ (?P<at>{_T})\ uur)\ geschorst
        (?:\ tot\ (?P<until>{_T})\ uur)?
      | geschorst\ (?:van\ (?P<start2>{_T})(?:\ uur)?\ tot\ (?P<end2>{_T})\ uur|om\ (?P<at2>{_T})\ uur
                   |tot\ (?P<until2>{_T})\ uur)
      | (?P<short>enkele\ ogenblikken|enige\ ogenblikken|enkele\ minuten|een\ ogenblik|kort|even)\ geschorst
      | (?:tot\ (?P<until3>{_T})\ uur\ )?geschorst
    )
    (?:\ voor\ de\ (?:lunch|lunchpauze|dinerpauze|avondpauze|pauze|stemmingen))?\.?$
    """,
    regex.VERBOSE,
)

#: The start of a suspension line, to find one wrapped over two lines ('De vergadering wordt geschorst van
#: 12.00 uur tot 13.00' / 'uur.').
SUSPENSION_START = "De vergadering wordt "

# Voorzitter: Diks
CHAIR_CHANGE_RE = regex.compile(rf"^Voorzitter:\ (?P<name>{_NAME})$", regex.VERBOSE)

# Griffier: Nava
GRIFFIER_RE = regex.compile(rf"^(?:Griffier|Adjunct-griffier):\ (?P<name>{_NAME})$", regex.VERBOSE)

# Aanvang 16.04 uur.
AANVANG_RE = regex.compile(r"^Aanvang\ (?P<time>\d{1,2}[.:]\d{2})\ uur\.?$", regex.VERBOSE)

# Sluiting 19.24 uur.
SLUITING_RE = regex.compile(r"^Sluiting\ (?P<time>\d{1,2}[.:]\d{2})\ uur\.?$", regex.VERBOSE)

# Aanwezig zijn zes leden der Kamer, te weten: Amhaouch, Buitenweg, Diks, Van Otterloo, Verhoeven en
# Weverling, en de heer Grapperhaus, Minister van Justitie en Veiligheid, ...
AANWEZIG_RE = regex.compile(
    r"""
    ^Aanwezig\ (?:zijn|is)\ (?P<count>\S+)\ (?:leden|lid)\ der\ Kamer,\ te\ weten:\s*
    (?P<members>.*?)
    (?:,?\s+en\s+(?P<others>(?:de\ heer|mevrouw)\ .*))?$
    """,
    regex.VERBOSE | regex.DOTALL,
)

# AANWEZIG_RE in two steps, for :func:`verslag.frontmatter.match_present` (PERF: the lazy members
# group of AANWEZIG_RE tries the optional tail at every character: 116 µs for the 142 names of a
# plenary opening, against a few µs for a head match and one search).  The head:
# Aanwezig zijn zes leden der Kamer, te weten:
AANWEZIG_HEAD_RE = regex.compile(
    r"^Aanwezig\ (?:zijn|is)\ (?P<count>\S+)\ (?:leden|lid)\ der\ Kamer,\ te\ weten:\s*", regex.VERBOSE
)
# and where the bewindspersonen start after the members: 'Verhoeven en Weverling, en de heer Grapperhaus, ...'
AANWEZIG_OTHERS_RE = regex.compile(r",?\s+en\s+(?P<others>(?:de\ heer|mevrouw)\ )", regex.VERBOSE)
# The same place found from its literal 'en' (PERF: a search that starts with optional ',?\s+' tries
# every character, 44 µs over the 142 names of h-tk-20172018-50-1; one led by 'en' skips ahead to
# each 'en', 3 µs); the ',?\s+' before it is checked by hand: 'Weverling, en de heer Grapperhaus'
AANWEZIG_OTHERS_TAIL_RE = regex.compile(r"en\s+(?P<others>(?:de\ heer|mevrouw)\ )", regex.VERBOSE)

# De vaste commissie voor Economische Zaken en Klimaat, ... hebben op 11 maart 2020 overleg gevoerd
# met de heer Grapperhaus, Minister van Justitie en Veiligheid, ..., over:
# De vaste commissie voor Financiën heeft op 4 november 2019 een wetgevingsoverleg gevoerd over:
INTRO_RE = regex.compile(
    r"""
    ^(?P<committees>.*?commissie.*?)\s+(?:heeft|hebben)\s+op\s+(?P<date>\d{1,2}\s+\p{L}+\s+\d{4})\s+
    (?:een\s+(?P<kind>\p{L}*overleg|\p{L}+\s+overleg)|overleg)\s+gevoerd
    (?:\s+met\s+(?P<government>.*?))?
    (?:,?\s+over\s*(?P<about>.*))?$
    """,
    regex.VERBOSE | regex.DOTALL | regex.IGNORECASE,
)

# ", de vaste commissie voor Binnenlandse Zaken en de vaste commissie voor Justitie en Veiligheid"
COMMITTEE_SPLIT_RE = regex.compile(
    r"(?:,\s*|\s+en\s+)(?=de\s+(?:vaste\s+|algemene\s+|tijdelijke\s+|bijzondere\s+)?commissie\b)",
    regex.IGNORECASE,
)

# "de heer Grapperhaus, Minister van Justitie en Veiligheid, mevrouw Keijzer, Staatssecretaris van ..."
# is split before each "de heer"/"mevrouw" (an office may hold commas of its own:
# "Minister van Volksgezondheid, Welzijn en Sport").
PERSON_SPLIT_RE = regex.compile(r"(?:,\s*(?:en\s+)?|\s+en\s+)(?=(?:de\s+heer|mevrouw)\s)")

# de heer Rutte, Minister-president, Minister van Algemene Zaken
GOVERNMENT_RE = regex.compile(
    rf"""
    ^(?P<salutation>de\ heer|mevrouw)\ (?P<name>{_NAME}),\s+
    (?P<office>(?:[Mm]inister-president|[Mm]inister|[Ss]taatssecretaris|[Vv]iceminister-president)\b.*?)
    [,.]?$
    """,
    regex.VERBOSE | regex.DOTALL,
)

# – de brief van de Staatssecretaris van Economische Zaken en Klimaat d.d. 21 december 2018 inzake
#   voortgangsbrief verkenning cybersecurity (Kamerstuk 26 643, nr. 586);
AGENDA_ITEM_RE = regex.compile(r"^[–\-•]\s+(?P<text>.+)$", regex.DOTALL)

# (Kamerstuk 26 643, nr. 586)   (Kamerstukken 31 288 en 26 643, nr. 680)
AGENDA_REF_RE = regex.compile(
    r"""
    \(Kamerstuk(?:ken)?\ (?P<dossier>\d[\d ]*\d(?:-[A-Z0-9]+)?)(?:\ en\ [\d ]+(?:-[A-Z0-9]+)?)?,\ nr\.\ (?P<number>[0-9A-Z]+)\)
    """,
    regex.VERBOSE,
)

# 21 december 2018
DUTCH_DATE_RE = regex.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+(?P<year>\d{4})",
    regex.IGNORECASE,
)

# VERSLAG VAN EEN ALGEMEEN OVERLEG     Nr. 679 VERSLAG VAN EEN COMMISSIEDEBAT
TITLE_RE = regex.compile(
    r"^(?:Nr\.\s*(?P<number>[0-9A-Z]+)\s+)?(?P<title>VERSLAG\s+VAN\s+EEN\s+(?P<kind>[A-Z ]+?))\s*$", regex.VERBOSE
)

# Vastgesteld 16 april 2020
VASTGESTELD_RE = regex.compile(r"^Vastgesteld\s+(?P<date>\d{1,2}\s+\p{L}+\s+\d{4})\.?$")

# Vergaderjaar 2019–2020
VERGADERJAAR_RE = regex.compile(r"^Vergaderjaar\s+(?P<y1>\d{4})[–\-](?P<y2>\d{4})$")

# Heel hartelijk welkom bij dit algemeen overleg van de vaste commissie ...
KIND_RE = regex.compile(
    r"\b(?P<kind>algemeen overleg|commissiedebat|wetgevingsoverleg|notaoverleg|notaoverleggen|begrotingsoverleg|"
    r"wetgevingsoverleggen|schriftelijk overleg|rondetafelgesprek|hoorzitting)\b",
    regex.IGNORECASE,
)

# De ondervoorzitter van de vaste commissie voor Economische Zaken en Klimaat,
# De fungerend voorzitter van de commissie,
SIGNATORY_FUNCTION_RE = regex.compile(
    r"""
    ^(?P<function>De\ (?:(?:onder|vice)?voorzitter|(?:fungerend|plaatsvervangend|waarnemend)\ (?:voorzitter|griffier)
        |(?:adjunct-|waarnemend\ )?griffier)\ van\ (?:de\ )?.*?),?$
    """,
    regex.VERBOSE,
)

# The start of a signatory's function line (the function may wrap over two lines).
SIGNATORY_START_RE = regex.compile(
    r"^De\ (?:(?:onder|vice)?voorzitter|(?:fungerend|plaatsvervangend|waarnemend)\ (?:voorzitter|griffier)|(?:adjunct-)?griffier)\ van\b",
    regex.VERBOSE,
)

# De vaste commissie voor Europese Zaken1 heeft op ...   (a footnote call glued to the last word)
FOOTNOTE_CALL_RE = regex.compile(r"(?<=\p{L})\d{1,2}$")

# kst-21501-20-1850   (the publication id printed on the first page)
IDENTIFIER_RE = regex.compile(r"^(?P<id>kst-(?P<dossier>\d+(?:-[A-Z0-9]+)?)-(?P<number>[0-9A-Z]+))$")

# 21 501-20 Europese Raad    (the dossier number and title on the first page)
DOSSIER_TITLE_RE = regex.compile(r"^(?P<dossier>\d{2}\ \d{3}(?:-[A-Z0-9]+)?)\ +(?P<title>\S.*)$", regex.VERBOSE)

# Tweede Kamer der Staten-Generaal 2    ISSN 0921 - 7371    's-Gravenhage 2023
PUBLICATION_LINE_RE = regex.compile(
    r"^(?:(?:Tweede|Eerste)\ Kamer\ der\ Staten-Generaal(?:\ \d)?|ISSN\ [\d\ \-]+|'s-Gravenhage\ \d{4})$", regex.VERBOSE
)


# The clauses of a motion (motie), each printed as a paragraph of its own; the ones after 'De Kamer,'
# and 'gehoord de beraadslaging,' follow a line that ends in a comma, not a sentence end:
#   De Kamer,
#   gehoord de beraadslaging,
#   overwegende dat het krijgen van financiering een van de gesignaleerde knelpunten is;
#   verzoekt de regering in het mkb-actieplan in te gaan op de mkb-financieringsmarkt,
#   en gaat over tot de orde van de dag.
# The line that opens a motion, a paragraph of its own whatever the line before it ends with (the
# heading 'Motie' has no end mark):
#   Motie
#   De Kamer,
MOTIE_OPENING_RE = regex.compile(r"^De\ Kamer,\s*$", regex.VERBOSE)

MOTIE_CLAUSE_RE = regex.compile(
    r"""^(?:gehoord\ de\ beraadslaging|overwegende|constaterende|van\ mening|verzoekt|spreekt\ uit
        |(?:roept|draagt)\ de\ regering|en\ gaat\ over\ tot\ de\ orde\ van\ de\ dag)\b""",
    regex.VERBOSE,
)
