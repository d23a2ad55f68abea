"""Finnish: how the language is read (roleplay.lexicon and the guard use it; see found.py).

Data, not code, and long for that reason: every pattern the analysis and the guard read in
this language (languages/lexicon.py checks it against English at start).
"""

# What trainee behaviours (and a few customer cues) look like in words: case-insensitive regular
# expressions by finding.  Every pack has each of English's groups.
SIGNALS = {
    "empathy": [
        r"\b(ymmärrän|käsitän) (hyvin |täysin )?(että|miten|miksi|kuinka)\b[^.?!]{0,40}\b(turhautt|turhautu|harmitt|suututt|ärsytt|pettym|hankal|vaike|stressa|huolestutt|kiukutt|harmi)\w*",
        r"\b(se|tämä|tuo|on) (on |kuulostaa |tuntuu |mahtaa olla )?(todella |tosi |varmasti |erittäin |hyvin )?(turhauttava|harmillinen|harmillista|ikävä|ikävää|kurja|kurjaa|hankala|ärsyttävä|ärsyttävää|pettymys|raskas|raskasta|epäreilu|stressaava)\w*",
        r"\b(olet|olette) (ihan )?(syystä|aivan oikeutetusti )?(vihainen|turhautunut|pettynyt|harmissasi|huolissasi|ärsyyntynyt)\b",
        r"\b(minäkin|itsekin) olisin (vihainen|turhautunut|pettynyt|harmissani)\b",
        r"\b(olen|olemme) (todella |tosi |hyvin )?pahoillani\b",
        r"\b(ikävä|harmi|kurjaa|ikävää) kuulla\b",
        r"\bvoin (vain )?kuvitella\b",
    ],
    "apology": [r"\bpahoittel\w*", r"\banteeksi\b", r"\b(olen|olemme) pahoillani\b"],
    "ownership": [
        r"\b(hoidan|järjestän|varaan|lähetän|tarkistan|selvitän|korjaan|varmistan|soitan|palaan)\b",
        r"\b(se oli|tämä on) (meidän )?(virhe|vikamme|virheemme)\b",
        r"\botan (täyden )?vastuun\b",
    ],
    "open_question": [
        r"(^|[.!?]\s+|,\s*)(mitä|miten|miksi|mikä|mitkä|missä|milloin|kuka|kuinka|kerro|kertoisitko|kertoisitteko|voisitko kertoa|kuvailisitko|millainen|millä)\b[^?]*\?",
        r"\b(kerro (lisää|tarkemmin)|auta minua ymmärtämään)\b",
    ],
    "reflection_lead": [r"\beli (sinä|te|sinulla|teillä|kone|laite|pumppu|näytössä)?\b", r"\bkuulostaa siltä\b", r"\bjos ymmärsin oikein\b", r"\b(sanoit|mainitsit|kerroit)\b", r"\btarkoitat\b"],
    "stock_listening": [r"\bymmärrän( kyllä)?\b", r"\bkuulen (sinua|teitä)\b", r"\bhyvä kysymys\b"],
    "rudeness": [
        r"\b(turpa kiinni|ole hiljaa|pidä suusi kiinni)\b",
        r"\b(tyhmä|idiootti|ääliö|typerä|naurettava|säälittävä)\w*",
        r"\b(vittu\w*|perkele|saatana|paska\w*|helvet\w*)\b",
        r"\bei (se )?(ole )?(minun|meidän) (vika|ongelma|asia)\w*",
        r"\blopeta valittaminen\b",
        r"\bte asiakkaat\b",
        r"\b(teidän|sinun) (oma )?ongelma\w*",
    ],
    "calm_down": [r"\brauhoit\w*", r"\bota (ihan )?rauhallisesti\b", r"\bälä (huuda|hermostu|suutu)\b", r"\blopeta huutaminen\b"],
    "belittling": [
        r"\b(se|tämä|kyseessä) on (vain|pelkkä|ainoastaan) (yksi |yks )?\w+",
        r"\bvain (yksi |yks )?(lelu|lahja|kahvinkeitin|kone|laite|paketti|lasku|päivä)\b",
        r"\b(hän|te|sinä|lapsi|poika|tyttö) (selviää|selviätte|selviät|pärjää)\b",
        r"\b(ei|ei se ole) maailmanloppu\b",
        r"\bei (se ole )?(mikään )?(iso|suuri) (juttu|asia|ongelma)\b",
        r"\b(turha|älä) (tehdä|tee) (tästä )?(numeroa|draamaa)\b",
        r"\bvoisi olla pahempikin\b",
    ],
    "sarcasm": [
        r"^\s*(voi,? )?(mahtavaa|hienoa|onneksi olkoon|loistavaa)[!.]",
        r"\bmikä (tragedia|katastrofi)\b",
        r"\bvarmasti,? joo\b",
    ],
    "dismissal": [r"\bei (minun|meidän) ongelma\b", r"\b(mitään ei voi|en voi mitään) tehdä\b", r"\b(sille|asialle) ei voi mitään\b", r"\b(se|tämä) on (vain )?(meidän )?käytäntö\b", r"\blue \w*ehdot\b", r"\ben voi auttaa\b", r"\bsellaista sattuu\b"],
    "blame": [r"\b(olisit|sinun olisi) pitänyt\b", r"\bolisit (tarkistanut|lukenut|tilannut|katsonut|huoltanut)\b", r"\b(oma|sinun) vikasi\b", r"\bet (ole )?(lukenut|tarkistanut|huoltanut|puhdistanut)\b", r"\bkäyttäjän (vika|virhe)\b", r"\b(kuriirin|teknikon|kollegan|toisen osaston|varaston) (vika|virhe)\b"],
    "threat": [r"\b(suljen|lopetan|estän) (tilisi|asiakkuutesi|sinut)\b", r"\bmuuten\b", r"\blopetan (puhelun|tämän puhelun)\b"],
    "argue": [r"\bkuten (jo )?sanoin\b", r"\bse ei (ole totta|pidä paikkaansa)\b", r"\bolet väärässä\b", r"\ben (minä )?\w+ keksinyt\b", r"\bmitä haluat (minun|että) (teke|tee)\w*"],
    "pressure": [r"\b(vain|ainoastaan) (tänään|tämän viikon)\b", r"\b(tarjous|hinta|alennus) (päättyy|loppuu|umpeutuu)\b", r"\bviimeinen (tilaisuus|mahdollisuus)\b", r"\bpäätä (nyt|heti)\b", r"\ballekirjoita (nyt|heti|tänään)\b"],
    "overclaim": [r"\b(lupaan|takaan)\b", r"\b(ehdottomasti|sataprosenttisesti)\b", r"\bei (enää )?(koskaan )?toistu\b"],
    "dont_know": [r"\ben (tiedä|ole varma)\b[^.?!]{0,60}\b(tarkist|selvit|kysy|palaa)\w*", r"\b(tarkistan|selvitän) (asian|sen|tämän|hinnan)\b", r"\bpalaan (asiaan|sinulle)\b"],
    "solution": [r"\bvoin (kuitenkin |myös |nyt )?(tarjota|antaa|hyvittää|varata|lähettää|järjestää)\b", r"\b(vaihtoehto|vaihtoehdot|seuraava askel)\w*", r"\bsopisiko\b", r"\bauttaisiko (se|tämä)\b", r"\bkumpi kuulost\w*"],
    "close": [r"\b(haluatko|haluaisitko) (tilata|allekirjoittaa|tehdä tilauksen)\b", r"\blähetänkö (sopimuksen|tilauksen)\b"],
    "offer_verb": [r"\bvoin (kuitenkin |myös )?(tarjota|antaa|hyvittää)\b", r"\b(saat|saatte)\b", r"\b(alennu|hyvit|hyvity)\w*"],
    "injection": [r"\bohita (kaikki |aiemmat )*(ohjeet|säännöt)\b", r"\bunohda (ohjeesi|aiemmat ohjeet)\b", r"\buudet ohjeet\b", r"\banna (minulle|tälle) (100|täydet pisteet)\b"],
    "negation": [r"\b(ei|en|emme|et|eivät|älä|ilman|valitettavasti|mutta ei)\b"],
    "goodbye": [r"\b(näkemiin|hei hei|kiitos ja hei|hyvää päivänjatkoa)\b"],
    "tension": [
        r"\b(vittu\w*|perkele|saatana|paska\w*|helvet\w*)\b",
        r"\b(naurettava\w*|kohtuuton\w*|skandaali\w*|surkea\w*|kätevää teille)\b",
        r"\b(vihainen|suuttunut|ärsyttä\w*|turhautt\w*|pettynyt|harmitt\w*|kyllästynyt)\b",
        r"\b(rikki|hajosi|myöhässä|väär\w+|ei toimi|lakkasi)\b",
        r"\b(en ymmärrä|hämmentä\w*|huolissani|pelottaa|nolottaa)\b",
    ],
    "rhetorical": [r"\b(kuunteletko ollenkaan|oletko tosissasi|onko tämä vitsi)\b", r"\b(vittu|perkele|saatana|helvet\w*)\b"],
    "not_heard": [r"\bhaluan vain\b", r"\b(yksi (asia )?kerrallaan|hitaammin|liian nopeasti)\b", r"\bkuten (jo )?sanoin\b", r"\b(minähän|mähän) (juuri )?sanoin\b", r"\bkuunteletko\b", r"\bkerroin jo\b", r"\bei (se )?ollut (se,? )?mitä kysyin\b"],
    "action_question": [r"\bmitä (te|sinä) (sitten )?(voitte|voit|aiotte|aiot) tehdä\b", r"\bmiten voin\b", r"\bmiten (vaihto|palautus) tehdään\b", r"\bkuka maksaa\b", r"\bmenetänkö\b", r"\bjoudunko (maksamaan|itse)\b"],
    "yes_no_question": [r"^\s*\w+(ko|kö)\b"],
    "answer_start": [r"^\s*(kyllä|joo|ei|en|valitettavasti|totta kai|ilman muuta)\b"],
    "leaving": [r"\b(ei tästä tule mitään|näkemiin|unohda koko juttu)\b"],
    "undecided": [r"\b(pitää|täytyy) (miettiä|harkita)\b"],
    "resigned": [r"\b(kiitos kai|no,? hyvä on sitten)\b"],
    "unknown": [r"\ben (tiedä|ole varma)\b"],
    "complaint_question": [r"^\s*(ei kai|eikö|miten niin)\b"],
    "puffery": [r"\b(markkinoiden paras|kaikki rakastavat)\b"],
    "accepting": [r"\b(hyvä on|kiitos|selvä|okei|sopii)\b"],
}

# Details a customer gives that an agent should not ask for again, for transcripts with no persona
# (and on top of a persona's own facts): (id, what, ask patterns, value pattern in the customer's words).
GENERIC_FACTS = [
    ("order_number", "tilausnumero", [r"\btilausnumer\w*", r"\btilauksen numer\w*"], r"\b(\d{5,})\b"),
    ("account_number", "asiakasnumero", [r"\basiakasnumer\w*"], r"\b([A-Z]{1,4}-?\d{4,})\b"),
    ("email", "sähköpostiosoite", [r"\bsähköposti(osoite|osoitteesi)?\b"], r"([\w.+-]+@[\w-]+\.[\w.]+)"),
    ("phone", "puhelinnumero", [r"\bpuhelinnumer\w*"], r"(\+?\d[\d \-]{7,}\d)"),
]

# Words too common to count as listening when echoed back.
STOPWORDS = frozenset(
    """ja tai mutta jos niin että se ne tämä nämä tuo minä minun minua me meidän sinä sinun sinua te teidän hän he on
    oli ovat olen olet olemme olette ei en et emme voi voisi pitää haluan kyllä joo okei vain hyvin paljon mitä miten
    miksi milloin missä kuka mikä nyt tänään kiitos anteeksi hei moi sitä sen sitten kun vielä jo myös nyt siis
    olisi ole voin voitte teille teiltä minulle sinulle""".split()
)

STEMMER = "finnish"  # the Snowball algorithm (PyStemmer)
SPELLING = ('voikko', 'fi')  # (checker, dictionary) for word-by-word checks of the customer's lines, or None
# Words that end in a full stop without ending the sentence (lower case).
ABBREVIATIONS = "esim ns mm n klo ks puh nro".split()
AUTHORED_ON_EMBEDDED = True  # the embedded model writes it too poorly to show (roleplay bench --customer)

# The guard: what a customer line must not do.  Role breaks by kind (a line that offers help or
# asks the agent's questions has left the customer's role); English's are checked in every language.
ROLE_BREAKS = {
    "offers_help": [r"\bmiten voin (auttaa|palvella)", r"\bvoinko auttaa\b", r"\bautan (mielelläni|sinua)\b", r"\btarkistan (asian|tilanteen|tilauksesi)\b", r"\bvoinko auttaa muussa\b"],
    "asks_agents_questions": [r"\b(voisitko|voitko) (antaa|kertoa|vahvistaa) (tilausnumerosi|asiakasnumerosi|nimesi)", r"\bmikä on (tilausnumerosi|asiakasnumerosi|nimesi)"],
    "apologises_for_company": [r"\bpahoittelemme (aiheutunutta|viivästystä|häiriötä)", r"\bkiitos yhteydenotostasi\b", r"\bmeidän (asiakaspalvelumme|käytäntömme)\b", r"\bymmärrämme turhautumisesi\b"],
}
# Talk about the role-play itself (AI, the scene, the instructions): checked whatever language is spoken.
TASK_TALK = [
    r"\btekoäly\w*|\bkielimalli\w*|\broolipeli\w*",
    r"\b(asiakas|asiakaspalvelija|agentti) (sanoo|vastaa)\b",
]
# Strong acceptance: what a customer says when they take a deal (not a polite "thanks").
ACCEPT = [r"\b(kuulostaa|se on) (reilulta|hyvältä|reilu)\b", r"\bhyvä on\b", r"\bsopii\b", r"\botan (sen|tarjouksen)\b"]
# Luopuminen siitä, mitä haluaa ("kai minun pitää sitten odottaa"): ei, kun asiakas vielä vaatii sitä.
GIVE_IN = [r"\bkai (minun )?(täytyy|pitää) (sitten |vain )?(odottaa|tyytyä)\b", r"\bodotan (kai|sitten)\b",
           r"\bantaa olla\b", r"\bolkoon sitten\b", r"\bihan sama\b"]
# What comes before one's own name ("my name is Sam"): a name after it is no narration.
SELF_INTRO = [r"olen", r"täällä"]

# Amounts and plain-language policy examples (roleplay.policy_phrases; see en_lexicon.py).
FILLERS = frozenset("""
    minä minun minua minulle me meidän meille sinä sinun sinua sinulle te teidän teille hän se sen sitä
    ne niitä niille on ovat olen olemme olet oli ole olla voin voimme voit voi voisi voisimme
    saat saatte saa saada saamme annan annamme tarjoan tarjoamme mielellään vain myös ja tai että niin
    """.split())
NUMBER_WORDS = ({w: i for i, w in enumerate("nolla yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän "
                                            "kymmenen".split())}
                | {"yhden": 1, "kahden": 2, "kolmen": 3, "neljän": 4, "viiden": 5, "kuuden": 6, "puoli": 0.5,
                   "kaksikymmentä": 20, "kolmekymmentä": 30, "kahdenkymmenen": 20, "kolmenkymmenen": 30})
SEVERAL = {"useita", "useamman", "muutama", "muutaman", "pari"}
UNITS = (("%", "percent"), ("prosent", "percent"), ("euro", "money"), ("e", "money"), ("tunti", "hour"),
         ("tunni", "hour"), ("päiv", "day"), ("vuorokau", "day"), ("viiko", "week"), ("viikk", "week"),
         ("kuukau", "month"), ("kk", "month"), ("vuo", "year"))
BEFORE_UNIT = {"arkipäivän", "arkipäivää", "ilmaista", "lisä"}
BOUNDS = ((("yli",), "above"), (("enemmän", "kuin"), "above"), (("vähintään",), "at_least"),
          (("enintään",), "at_most"), (("korkeintaan",), "at_most"), (("alle",), "below"))
AFTER_BOUNDS = {"sisällä": "at_most", "kuluessa": "at_most", "aikana": "at_most"}  # "48 tunnin sisällä"
RANGE_WORDS = {"ja"}
PREFIX_MIN = 4  # Finnish compounds freely
# Consonant gradation leaves stems apart ("alennusta" alenu, "alennus"): words that share their first
# five letters are taken as one.
SHARED_START = 5

# Small word lists read in every language's text (see en_lexicon.py).
WORDS = {
    "greeting": ["hei", "moi", "terve"],
    "why": ["miksi", "minkä takia"],
    "because": ["koska", "jotta", "tarvitsemme"],
    "numeric_question": ["paljonko", "kuinka (paljon|kauan)", "milloin", "mitä .{0,20}maksaa"],
    "unfinished": ["ja", "mutta", "koska"],
    "clause": ["mutta", "ja", "joten", "vaan", "kuitenkin"],
    "asking": ["kysyt,? (voinko|voiko)", "haluat tietää,? (voinko|voiko)"],
    "past_question": ["(?:(?:ja|mutta) )?(?:oliko|kävikö|sanoiko|tuliko)", r"(?:(?:ja|mutta) )?mitä \w+ sanoi"],
    "request": ["voisitko", "tarvitsen", "mikä", "kerro"],
    "figure_units": [r"prosent\w*"],
    "own_name": ["olen", "minä olen", "nimeni on"],
    "hostile": [r"vittu\w*", "perkele", "saatana", "kuunteletko"],
}
# Capital letters beyond A-Z: shouting in capitals, a speaker's name before a colon.
CAPITALS = "ÅÄÖ"
