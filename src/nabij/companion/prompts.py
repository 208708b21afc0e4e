"""Reflection questions and a 36-questions session set, in our own words (English and Dutch).

The reflection questions follow the themes seed 003 suggests writing about (where you do and
do not show feelings, beliefs about vulnerability, good experiences, today's small step) and
seed 001's "notice what you survived". The session set follows the *procedure* of Aron et
al. (1997): three sets of twelve questions that grow more personal, both people answer each
question in turn. The questions themselves are written for nabij; they are not the
published list. Both languages sit side by side here because they are content, not UI text.

The depth bands give the 0-100 depth scale concrete anchors, so that "depth 33" means
something to a person who has just had a conversation. The scale is seed 001's dimmer;
the bands follow the usual layering of self-disclosure from public facts through opinions
to private feelings and fears (Altman & Taylor 1973), with examples written for nabij.
"""

from __future__ import annotations

from dataclasses import dataclass

from nabij.companion.i18n import current_language

__all__ = ["DEPTH_BANDS", "REFLECTION_QUESTIONS", "SESSION_SETS", "DepthBand", "Prompt",
           "depth_band", "session_turns"]


@dataclass(frozen=True)
class Prompt:
    """One question with a stable id, in English and Dutch."""

    id: str
    en: str
    nl: str

    def text(self) -> str:
        """The question in the current language."""
        return self.nl if current_language() == "nl" else self.en


REFLECTION_QUESTIONS: tuple[Prompt, ...] = (
    Prompt("where", "With whom, and where, do I let my feelings show, and where do I keep "
           "them in?", "Bij wie en waar laat ik zien wat ik voel, en waar houd ik het binnen?"),
    Prompt("beliefs", "What do I believe about being open (for instance 'it makes me look "
           "weak')? Where did I learn that?", "Wat geloof ik over open zijn (bijvoorbeeld 'dan "
           "lijk ik zwak')? Waar heb ik dat geleerd?"),
    Prompt("good", "When did sharing something real go well? What did the other person do?",
           "Wanneer ging iets echts delen goed? Wat deed de ander toen?"),
    Prompt("survived", "What did I share recently that I was afraid of, and what actually "
           "happened?", "Wat deelde ik onlangs terwijl ik er bang voor was, en wat gebeurde "
           "er echt?"),
    Prompt("signals", "Which signals told me I was safe, or not?",
           "Aan welke signalen merkte ik dat het veilig was, of juist niet?"),
    Prompt("today", "What is one small way I could open up a little today?",
           "Op welke kleine manier kan ik mij vandaag een beetje openstellen?"),
)


def _set(n: int, pairs: tuple[tuple[str, str], ...]) -> tuple[Prompt, ...]:
    return tuple(Prompt(f"s{n}q{i}", en, nl) for i, (en, nl) in enumerate(pairs, start=1))


SESSION_SETS: tuple[tuple[Prompt, ...], ...] = (
    _set(1, (
        ("What did you do last weekend that you would happily do again?",
         "Wat deed je afgelopen weekend dat je zo weer zou doen?"),
        ("Which place would you show a visitor to your town, and why that one?",
         "Welke plek zou je een bezoeker van je woonplaats laten zien, en waarom die?"),
        ("What is a small habit of yours that other people find odd?",
         "Welke kleine gewoonte van jou vinden anderen vreemd?"),
        ("What did you want to become when you were ten?",
         "Wat wilde je worden toen je tien was?"),
        ("Which song or book has stayed with you for years?",
         "Welk liedje of boek is jarenlang bij je gebleven?"),
        ("How would a good day off look, from morning to night?",
         "Hoe ziet een goede vrije dag eruit, van 's ochtends tot 's avonds?"),
        ("What is something you learned recently that surprised you?",
         "Wat heb je onlangs geleerd dat je verraste?"),
        ("Who do you call when you have good news?",
         "Wie bel je als je goed nieuws hebt?"),
        ("What are you looking forward to this month?",
         "Waar kijk je deze maand naar uit?"),
        ("Which skill would you like to master without having to practise?",
         "Welke vaardigheid zou je willen beheersen zonder te hoeven oefenen?"),
        ("What made you laugh out loud lately?",
         "Waar moest je laatst hardop om lachen?"),
        ("What is a compliment you still remember?",
         "Welk compliment ben je nooit vergeten?"),
    )),
    _set(2, (
        ("What are you quietly proud of that few people know about?",
         "Waar ben je stiekem trots op zonder dat veel mensen het weten?"),
        ("What does friendship ask of you, and what does it give?",
         "Wat vraagt vriendschap van je, en wat geeft het je?"),
        ("When did you last change your mind about something important?",
         "Wanneer veranderde je voor het laatst van mening over iets belangrijks?"),
        ("What is a rule from your family that you kept, and one you dropped?",
         "Welke regel uit je familie heb je gehouden, en welke losgelaten?"),
        ("What do you find hard to ask other people for?",
         "Waar vind je het moeilijk om anderen om te vragen?"),
        ("Which moment from the past year would you like to live again?",
         "Welk moment van het afgelopen jaar zou je nog eens willen beleven?"),
        ("What makes you feel at home with someone?",
         "Waardoor voel je je thuis bij iemand?"),
        ("What do people often get wrong about you at first?",
         "Wat schatten mensen in het begin vaak verkeerd in aan jou?"),
        ("What is something you worry about more than you let on?",
         "Waar maak je je meer zorgen over dan je laat merken?"),
        ("When do you feel most like yourself?",
         "Wanneer voel je je het meest jezelf?"),
        ("What is a choice you made that others did not understand?",
         "Welke keuze maakte je die anderen niet begrepen?"),
        ("What have you noticed about me so far that you like?",
         "Wat is je tot nu toe aan mij opgevallen dat je fijn vindt?"),
    )),
    _set(3, (
        ("What is something you have never quite said out loud?",
         "Wat heb je nog nooit echt hardop gezegd?"),
        ("When did you last cry, and what was it about?",
         "Wanneer heb je voor het laatst gehuild, en waarom?"),
        ("What do you need from people close to you when things go badly?",
         "Wat heb je nodig van mensen dicht bij je als het slecht gaat?"),
        ("Which loss has shaped you the most?",
         "Welk verlies heeft je het meest gevormd?"),
        ("What are you afraid people would think if they really knew you?",
         "Wat ben je bang dat mensen zouden denken als ze je echt kenden?"),
        ("What would you regret not having told someone?",
         "Wat zou je spijten als je het iemand nooit had verteld?"),
        ("When have you felt truly understood?",
         "Wanneer voelde je je echt begrepen?"),
        ("What part of yourself do you find hardest to be kind to?",
         "Voor welk deel van jezelf vind je het het moeilijkst om mild te zijn?"),
        ("What would you like me to understand about you that is hard to say?",
         "Wat zou je willen dat ik van je begrijp, terwijl het moeilijk is om te zeggen?"),
        ("Tell me something about how this conversation has felt for you.",
         "Vertel me iets over hoe dit gesprek voor jou voelde."),
        ("What is a fear you would like help with?",
         "Bij welke angst zou je graag hulp willen?"),
        ("What do you appreciate about me after this conversation?",
         "Wat waardeer je aan mij na dit gesprek?"),
    )),
)


def session_turns() -> list[tuple[int, int, Prompt]]:
    """All 36 questions in order as (set, question, prompt); partners alternate who begins."""
    return [(s, q, p) for s, questions in enumerate(SESSION_SETS, start=1)
            for q, p in enumerate(questions, start=1)]


@dataclass(frozen=True)
class DepthBand:
    """A stretch of the 0-100 depth scale with a name and everyday examples, both languages."""

    low: int
    high: int
    name: Prompt
    examples: Prompt

    def label(self) -> str:
        """``20-39 opinions and everyday worries: for example ...`` in the current language."""
        return f"{self.low}-{self.high} {self.name.text()}: {self.examples.text()}"


DEPTH_BANDS: tuple[DepthBand, ...] = (
    DepthBand(0, 19, Prompt("d0", "small talk", "praatjes"), Prompt(
        "d0x", "the weather, a film you saw, what you had for lunch",
        "het weer, een film die je zag, wat je als lunch at")),
    DepthBand(20, 39, Prompt("d20", "opinions and everyday worries",
                             "meningen en alledaagse zorgen"), Prompt(
        "d20x", "what annoys you at work, an opinion you usually keep to yourself, a plan you "
        "are unsure about", "wat je dwarszit op je werk, een mening die je meestal voor je "
        "houdt, een plan waar je over twijfelt")),
    DepthBand(40, 59, Prompt("d40", "personal", "persoonlijk"), Prompt(
        "d40x", "a doubt about a big choice, how you really feel about someone in your family, "
        "a worry about money or health", "twijfel over een grote keuze, wat je echt vindt van "
        "iemand in je familie, een zorg over geld of gezondheid")),
    DepthBand(60, 79, Prompt("d60", "vulnerable", "kwetsbaar"), Prompt(
        "d60x", "something you are ashamed of, a fear about this friendship or relationship, a "
        "time you felt you failed", "iets waarvoor je je schaamt, een angst over deze "
        "vriendschap of relatie, een moment waarop je vond dat je tekortschoot")),
    DepthBand(80, 100, Prompt("d80", "the most private", "het meest privé"), Prompt(
        "d80x", "something you have told nobody, an old wound, what you fear most about "
        "yourself", "iets wat je nog aan niemand vertelde, een oude wond, waar je het bangst "
        "voor bent in jezelf")),
)


def depth_band(depth: float) -> DepthBand:
    """The band a depth (0-100; clipped) falls in."""
    value = min(100, max(0, round(depth)))
    return next(b for b in DEPTH_BANDS if b.low <= value <= b.high)
