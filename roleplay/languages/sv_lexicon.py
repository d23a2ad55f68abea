"""Swedish: how the language is read (roleplay.lexicon and the guard use it; see found.py).

Data, not code, and long for that reason: every pattern the analysis and the guard read in
this language (languages/lexicon.py checks it against English at start).
"""

# What trainee behaviours (and a few customer cues) look like in words: case-insensitive regular
# expressions by finding.  Every pack has each of English's groups.
SIGNALS = {
    "empathy": [
        r"\bjag (förstår|kan förstå|hör) (att|hur|varför)\b[^.?!]{0,40}\b(frustrer|arg|upprör|besvik|jobbig|svår|stress|irriter|orolig|förvirr)\w*",
        r"\b(det|detta) (måste|låter|verkar|är) (ha varit )?(vara )?(verkligen |så |mycket |väldigt |jätte)?(frustrer|jobbig|besvik|irriter|stressig|hemsk|svår|tråkig|orättvis|förvirr|förfärlig|fruktansvär)\w*",
        r"\b(du är|du har all rätt att vara) (förståeligt |helt )?(arg|frustrerad|besviken|upprörd|irriterad|orolig)\b",
        r"\bjag (hade|skulle) (också )?(ha )?(blivit|vara|varit) (arg|frustrerad|besviken|upprörd|irriterad)\b",
        r"\b(det är|det var) jag (verkligen |så |mycket )?ledsen (att höra|för)\b",
        r"\bjag är (så |verkligen |mycket )?ledsen att höra\b",
        r"\bjag beklagar (verkligen )?(att|det här|det som)\b",
        r"\bjag kan (bara )?föreställa mig\b",
        r"\bdet är inte (okej|ok|acceptabelt)\b",
        r"\bdet förstår jag (att|verkligen)\b",
    ],
    "apology": [r"\bförlåt\b", r"\b(jag|vi) ber (så mycket )?om ursäkt\b", r"\b(jag|vi) beklagar\b", r"\bursäkta\b", r"\b(jag är|det är jag) (så |verkligen )?ledsen\b"],
    "ownership": [
        r"\b(jag ska|jag kommer att|låt mig|jag fixar|jag ordnar|jag bokar|jag ser till|jag krediterar|jag skickar|jag markerar|jag återkommer)\b",
        r"\b(det var|det är) (vårt|vår) (fel|misstag)\b",
        r"\bvi (gjorde|har gjort) (fel|ett misstag)\b",
        r"\bvi borde ha\b",
        r"\bjag tar (fullt )?ansvar\b",
    ],
    "open_question": [
        r"(^|[.!?]\s+|,\s*)(och |så )?(vad|hur|varför|vilken|vilket|vilka|var|när|vem|berätta|kan du berätta|kan du beskriva|beskriv)\b[^?]*\?",
        r"\b(berätta (mer|gärna)|hjälp mig förstå)\b",
    ],
    "reflection_lead": [r"\bså (du|ni)\b", r"\bdet låter som\b", r"\bom jag förstår (dig )?rätt\b", r"\bdu (sa|sade|nämnde|berättade)\b", r"\bdu menar\b"],
    "stock_listening": [r"\bjag (hör|förstår) (dig|er|vad du säger)\b", r"\bjag förstår\b", r"\bbra fråga\b"],
    "rudeness": [
        r"\bhåll (käften|klaffen|tyst)\b",
        r"\b(dum i huvudet|idiot\w*|korkad\w*|dum|löjlig\w*|patetisk\w*)\b",
        r"\b(fan|jävla|jävlar|skit\w*|helvete)\b",
        r"\bskärp dig\b",
        r"\bstrunt i det\b",
        r"\bsluta gnäll\w*\b",
        r"\binte mitt (fel|problem|bord)\b",
        r"\bni kunder\b",
        r"\bsluta skrika bara\b",
    ],
    "calm_down": [r"\blugna ner dig\b", r"\blugna dig\b", r"\bta det lugnt\b", r"\bslappna av\b", r"\bsluta (skrika|gapa|svära|vara så)\b", r"\bvar inte så (arg|upprörd|dramatisk)\b"],
    "belittling": [
        r"\bdet är (ju )?(bara|endast) (en|ett)\b",
        r"\bbara (en|ett) (leksak|present|router|paket|maskin|faktura|dag)\b",
        r"\b(han|hon|ni|du|barnet|ungen) (överlever|kommer att överleva|klarar sig)\b",
        r"\binte hela världen\b",
        r"\b(ingen|inte någon) (stor )?(grej|katastrof|big deal)\b",
        r"\bgör (inte )?(så )?stor (sak|affär) av\b",
        r"\bdet kunde (ha varit|vara) värre\b",
    ],
    "sarcasm": [
        r"^\s*(åh,? )?(toppen|underbart|grattis|fantastiskt|strålande)[!.]",
        r"\bvilken (tragedi|katastrof)\b",
        r"\bjo,? (säkert|visst)\b",
    ],
    "dismissal": [
        r"\binte mitt problem\b", r"\bdet finns inget (mer )?(jag|vi) kan göra\b", r"\bdet är (bara )?(vår )?policy\b",
        r"\bläs (villkoren|avtalet|hemsidan)\b", r"\bjag kan inte hjälpa dig\b", r"\bsånt händer\b", r"\bdet står i (villkoren|avtalet)\b",
    ],
    "blame": [r"\bdu borde (ha)?\b", r"\b(ditt|ert) (eget )?fel\b", r"\bdu (läste|kollade|gjorde) (inte|aldrig)\b",
              r"\b(teknikern|kollegan|min kollega|den andra avdelningen|budfirman|handläggaren)s? (fel|gjorde fel|klantade)\b",
              r"\b(kollega|handläggare|tekniker|budfirma|lager|avdelning)\w*s fel\b",
              r"\bdin (utrustning|router|uppkoppling) (var|är) (så |för )?(krånglig|gammal|konstig)\b"],
    "threat": [r"\b(jag|vi) (stänger|spärrar|säger upp) (ditt|ert|dig)\b", r"\bannars\b", r"\bjag lägger på\b", r"\bavsluta (samtalet|chatten)\b"],
    "argue": [r"\bsom jag (redan )?(sa|sade|förklarade)\b", r"\bdet (är|stämmer) inte (sant|rätt)\b", r"\bdu har fel\b", r"\bdet finns ingen anledning att (svära|skrika|vara)\b", r"\bvad vill du att jag ska göra\b", r"\bjag försöker (ju )?hjälpa dig\b"],
    "pressure": [r"\b(bara|endast) (idag|i dag|den här veckan)\b", r"\b(erbjudandet|priset|rabatten) (gäller bara|går ut|försvinner)\b", r"\bsista chansen\b", r"\bskriv på (nu|idag|i dag)\b", r"\balla (byter|köper|skriver på)\b", r"\bdu kommer att ångra\b"],
    "overclaim": [r"\bjag (lovar|garanterar)\b", r"\bkan garantera\b", r"\b(helt säkert|definitivt|hundra procent)\b", r"\bhänder aldrig igen\b"],
    "dont_know": [r"\bjag vet inte\b[^.?!]{0,60}\b(kolla|ta reda|återkomm|fråga|kontroller)\w*", r"\blåt mig (kolla|kontrollera|ta reda)\b", r"\bjag (kollar|tar reda på det|kontrollerar) (och återkommer|med)\b", r"\bjag återkommer\b"],
    "solution": [r"\bvad jag kan (göra|erbjuda)\b", r"\bså här kan jag\b", r"\b(jag|vi) kan (också )?(erbjuda|ge|boka|skicka|kreditera|ordna|återbetala|hjälpa)\b", r"\b(nästa steg|ett alternativ|två alternativ)\b", r"\bskulle det (hjälpa|fungera)\b", r"\bjag bokar\b"],
    "close": [r"\bska jag (skicka|boka|lägga upp) (avtalet|kontraktet|beställningen)\b", r"\bvill du (skriva på|beställa|teckna)\b"],
    "offer_verb": [r"\b(jag|vi) (kan|ska|kommer att) (ge|erbjuda|kreditera|återbetala|betala|skicka|dra av)\b", r"\bdu (får|kommer att få)\b", r"\b(rabatt|kreditera|återbetal|avdrag)\w*"],
    "injection": [r"\bignorera (alla |dina |tidigare |föregående )*(instruktioner|regler)\b", r"\bnya instruktioner\b", r"\bsystemprompt\b", r"\bge (mig|detta|samtalet) (100|full pott|högsta betyg)\b", r"\b(betygsätt|bedöm) (detta|samtalet)\b[^.]{0,30}\b(100|högsta)\b"],
    "negation": [r"\b(inte|ej|aldrig|ingen|inget|inga|kan inte|tyvärr|utan)\b"],
    "goodbye": [r"\b(hej då|adjö|ha en (bra|trevlig) dag)\b"],
    "tension": [
        r"\b(fan|jävla|jäkla|jävlar|helvete|skit\w*)\b",
        r"\b(löjligt|oacceptabelt|skandal\w*|värdelös\w*|patetisk\w*|katastrof\w*)\b",
        r"\b(arg|förbannad|irriterad|frustrerad|besviken|upprörd|trött på|less på)\b",
        r"\b(skojar du|är du seriös|allvarligt)\b",
        r"\b(försvann|förlorade|missade|förlorat|sen|trasig|utan förvarning|fortfarande inte|ingen (varnade|svarade))\b",
        r"\b(fattar ingenting|förstår inte|förvirr\w*|orolig|rädd|nervös|pinsamt)\b",
    ],
    "rhetorical": [r"\b(vad i helvete|vad fan|skojar du|är du seriös|vet du hur)\b", r"\b(jäkla|jävla|fan|helvete)\b"],
    "not_heard": [r"\bjag vill bara\b", r"\b(en (sak|grej) i taget|långsammare|för snabbt)\b", r"\bsom jag (sa|sade|skrev)\b", r"\bjag (sa|sade) ju\b", r"\bjag har (ju )?redan (sagt|gett|skrivit)\b", r"\bdet (var|är) inte (det|vad) jag frågade\b", r"\bdu lyssnar inte\b"],
    "action_question": [r"\bvad tänker (ni|du) göra\b", r"\bvad kan (ni|du) göra\b", r"\bvem betalar\b", r"\bvad händer nu\b", r"\bhur gör jag\b", r"\b(så )?(förlorar|betalar) jag (bara|alltså)\b"],
    "yes_no_question": [r"^\s*(och |så |men )?(är|kan|får|har|finns|ska|skulle|blir|gör|fungerar|betyder)\b"],
    "answer_start": [r"^\s*(ja|nej|japp|nä|absolut|självklart|tyvärr|det kan jag (tyvärr )?inte|det går (tyvärr )?inte|inte (direkt|ännu))\b"],
    "leaving": [r"\b(strunt i det|hej då|jag ger upp|jag byter)\b"],
    "undecided": [r"\bjag (får|ska|måste) (fundera|tänka)\b"],
    "resigned": [r"\b(okej då|jaha|om det är allt)\b"],
    "unknown": [r"\bjag vet (inte|ej)\b", r"\bjag är inte säker\b"],
    "complaint_question": [r"^\s*(men )?(är det|hur kan det|hur är det) (verkligen )?(rimligt|okej|möjligt)\b", r"^\s*(var det allt|är det allt)\b"],
    "puffery": [r"\b(marknadsledande|bäst på marknaden|alla älskar)\b"],
    "accepting": [r"\b(okej|tack|bra|gör det|boka det|det låter bra|perfekt|toppen)\b"],
}

# Details a customer gives that an agent should not ask for again, for transcripts with no persona
# (and on top of a persona's own facts): (id, what, ask patterns, value pattern in the customer's words).
GENERIC_FACTS = [
    ("order_number", "ordernumret", [r"\bordernumm?er\b", r"\bvilken order\b"], r"\b(?:order|beställning)\D{0,20}?(\d{4,})\b|\b(\d{5,})\b"),
    ("account_number", "kundnumret", [r"\bkundnumm?er\b", r"\bavtalsnumm?er\b"], r"\b([A-Z]{1,4}-?\d{4,})\b"),
    ("email", "mejladressen", [r"\b(e-?post|mejl)(adress)?\b"], r"([\w.+-]+@[\w-]+\.[\w.]+)"),
    ("phone", "telefonnumret", [r"\b(telefon|mobil)numm?er\b"], r"(\+?\d[\d \-]{7,}\d)"),
]

# Words too common to count as listening when echoed back.
STOPWORDS = frozenset(
    """och eller men om så att av i på vid för med från som det den de detta dessa jag mig min mitt mina vi oss vår
    vårt våra du dig din ditt dina han hon hen de dem deras är var varit vara har hade ha kan kunde ska skulle vill
    inte nej ja okej bara väldigt mycket vad när var varför hur vilken vilket vilka vem där här sedan än också även
    nu idag tack förlåt hej hallå en ett er ert era ju nog någon något några allt alla mer göra gör gjorde får fick
    sa sade säger blir blev finns kommer""".split()
)

STEMMER = "swedish"  # the Snowball algorithm (PyStemmer)
SPELLING = ('hunspell', 'sv_SE')  # (checker, dictionary) for word-by-word checks of the customer's lines, or None
# Words that end in a full stop without ending the sentence (lower case).
ABBREVIATIONS = "t.ex bl.a d.v.s dvs ca kl nr s.k p.g.a resp".split()
AUTHORED_ON_EMBEDDED = True  # the embedded model writes it too poorly to show (roleplay bench --customer)

# The guard: what a customer line must not do.  Role breaks by kind (a line that offers help or
# asks the agent's questions has left the customer's role); English's are checked in every language.
ROLE_BREAKS = {
    "offers_help": [r"\bhur kan (jag|vi) hjälpa", r"\bvad kan jag göra för (dig|er)\b", r"\bjag hjälper (gärna|dig)\b", r"\blåt mig (kolla|se efter|kontrollera)\b", r"\bfinns det något mer jag kan\b"],
    "asks_agents_questions": [r"\b(kan|skulle) du (ge mig|uppge|bekräfta) ditt (ordernummer|kundnummer|namn|personnummer)", r"\bvad är ditt (ordernummer|kundnummer|namn)"],
    "apologises_for_company": [r"\bvi ber om ursäkt för\b", r"\bursäkta besväret\b", r"\btack för att du (kontaktade|ringde)", r"\bvår (kundtjänst|policy|personal)\b", r"\bvi förstår din frustration\b"],
}
# Talk about the role-play itself (AI, the scene, the instructions): checked whatever language is spoken.
TASK_TALK = [
    r"\b(som en|som) (ai|språkmodell)\b|\bspråkmodell\b|\brollspel\b",
    r"\b(kunden|agenten)\b",
]
# Strong acceptance: what a customer says when they take a deal (not a polite "thanks").
ACCEPT = [r"\bdet (låter|är) (bra|rimligt|schysst|okej)\b", r"\bdet (funkar|fungerar)\b", r"\bjag tar (det|erbjudandet)\b"]
# Att ge upp det man vill ha ("jag får väl vänta då"): inte medan kunden fortfarande kräver det.
GIVE_IN = [r"\bjag får väl (vänta|nöja mig|acceptera)\b", r"\bdet får väl (vara så|duga|bli så)\b",
           r"\b(jag antar|antar) att jag får\b", r"\bstrunt samma\b"]
# What comes before one's own name ("my name is Sam"): a name after it is no narration.
SELF_INTRO = [r"här är", r"jag heter"]
# Read like this language by the language identifier: a line in them is no proof of a switch.
LOOKALIKES = ("no", "da")

# Amounts and plain-language policy examples (roleplay.policy_phrases; see en_lexicon.py).
FILLERS = frozenset("""
    jag mig min mitt mina vi oss vår vårt våra du dig din ditt dina ni er ert era han hon den det de dem
    en ett denna detta dessa är var vara varit blir bli ska skall kan kunde skulle vill har hade ha
    får fick få ge ger gav erbjuda erbjuder gärna bara också att och eller till för på i av med om som så då
    """.split())
NUMBER_WORDS = ({w: i for i, w in enumerate("noll en två tre fyra fem sex sju åtta nio tio elva tolv".split())}
                | {"ett": 1, "femton": 15, "tjugo": 20, "trettio": 30, "fyrtio": 40, "fyrtiofem": 45, "fyrtioåtta": 48,
                   "femtio": 50, "sextio": 60, "nittio": 90, "halv": 0.5, "halvt": 0.5})
SEVERAL = {"flera", "några", "par"}
UNITS = (("%", "percent"), ("procent", "percent"), ("kr", "money"), ("kronor", "money"), ("sek", "money"),
         ("euro", "money"), ("dollar", "money"), ("timm", "hour"), ("dag", "day"), ("dygn", "day"),
         ("veck", "week"), ("månad", "month"), ("år", "year"))
BEFORE_UNIT = {"arbetsdagar", "gratis", "extra", "till", "fler"}
BOUNDS = ((("mer", "än"), "above"), (("längre", "än"), "above"), (("fler", "än"), "above"), (("över",), "above"),
          (("minst",), "at_least"), (("upp", "till"), "at_most"), (("inom",), "at_most"), (("högst",), "at_most"),
          (("mindre", "än"), "below"), (("under",), "below"))
RANGE_WORDS = {"till", "och"}
PREFIX_MIN = 4  # Swedish compounds freely ("teknikerbesöket")

# Small word lists read in every language's text (see en_lexicon.py).
WORDS = {
    "greeting": ["hej", "hallå"],
    "why": ["varför", "hur kommer det sig"],
    "because": ["eftersom", "för att", "vi behöver"],
    "numeric_question": ["hur (mycket|länge|många)", "när", "vad kostar"],
    "unfinished": ["och", "men", "för att"],
    "clause": ["men", "och", "så", "utan"],
    "asking": ["undrar om", "frågar om", "huruvida"],
    "past_question": ["(?:(?:och|men) )?(?:(?:vad|när|hur|varför|vem|vilken) )?(?:sa|gjorde|hade|har|kom|var)"],
    "request": ["kan", "behöver", "ge", "vad", "vilket"],
    "figure_units": [r"procent\w*", r"kr\b", r"kronor\b", r"sek\b"],
    "own_name": ["jag heter", "jag är"],
    "hostile": ["fan", "jäkla", "jävla", "helvete", "skojar du"],
}
# Capital letters beyond A-Z: shouting in capitals, a speaker's name before a colon.
CAPITALS = "ÅÄÖ"
