"""What trainee behaviours look like in words, per language.

Each entry is a list of case-insensitive regular expressions.  They are data for
`analysis.py` (which decides what a turn does) and are kept apart so a language
can be added by adding a block here.  Patterns describe acts, not politeness
tokens: "I understand" alone is not empathy, "I understand how frustrating" is.
"""

from __future__ import annotations

SIGNALS: dict[str, dict[str, list[str]]] = {
    "en": {
        "empathy": [
            r"\b(i|we) (completely |totally |really |can )?(understand|get|see|hear) (how|why|that)\b[^.?!]{0,40}\b(frustrat|upset|angry|annoy|disappoint|stress|worr|hard|difficult|awful|terrible|confus)\w*",
            r"\b(that|this|it) (must|would|sounds?|seems?|is) (have been |be )?(really |so |very |incredibly |deeply )?(frustrat|upset|annoy|disappoint|stressful|awful|terrible|difficult|hard|worrying|confusing|unfair)\w*",
            r"\bno wonder you(?:'re| are)\b",
            r"\byou(?:'re| are| were| have every right to be) (right to be |understandably )?(frustrat|upset|angry|annoy|disappoint|worried|stressed|confus)\w*",
            r"\bi(?:'d| would) be (frustrat|upset|angry|annoyed|disappointed|worried)\w* (too|as well)\b",
            r"\bi(?:'m| am) (so |really |very |truly )?sorry (to hear|that|about|for)\b",
            r"\b(what a|such a) (shame|disappointment|stressful)\b",
            r"\bi can (only )?imagine\b",
            r"\bthat(?:'s| is) (not|no) (okay|ok|acceptable|how it should)\b",
        ],
        "apology": [
            r"\b(i(?:'m| am)|we(?:'re| are)) (so |really |very |truly |terribly |deeply )?sorry\b",
            r"\b(i|we) (sincerely )?apologi[sz]e\b",
            r"\bmy apologies\b",
        ],
        "ownership": [
            r"\b(i(?:'ll| will)|let me|i(?:'m| am) going to) (personally )?(make sure|take care|sort (this|it)|fix|arrange|set up|book|process|put|send|check|look into|find out|follow up|call you|email you|walk you)\b",
            r"\b(that(?:'s| is|was)|it(?:'s| is| was)) (on us|our (fault|mistake|error))\b",
            r"\bwe (got|made) (this|it|that|a mistake)\b",
            r"\b(i|we) take (full )?responsibility\b",
            r"\bwe (should|shouldn't) have\b",
            r"\bwe (let you down|dropped the ball|messed up)\b",
        ],
        "open_question": [
            r"(^|[.!?]\s+|,\s*)(what|how|why|which|where|when|who|tell me|could you tell me|can you tell me|would you (tell|walk|describe)|walk me|describe|help me understand)\b[^?]*\?",
            r"\b(tell me|walk me through|help me understand) (more|what|how|about)\b",
        ],
        "reflection_lead": [
            r"\b(so|okay,? so) you(?:'re| are|'ve| have)?\b",
            r"\bit sounds like\b",
            r"\bif i (understand|hear) (you )?(correctly|right)\b",
            r"\byou(?:'re| are) saying\b",
            r"\byou (said|mentioned|told me)\b",
            r"\bwhat i(?:'m| am) hearing\b",
            r"\blet me (make sure|check) i (understand|have (this|it|that) right)\b",
        ],
        "stock_listening": [
            r"\bi (hear|understand|get) you\b",
            r"\bi understand\b",
            r"\bi hear what you(?:'re| are) saying\b",
        ],
        "rudeness": [
            r"\bshut up\b",
            r"\b(stupid|idiot\w*|dumb|moron\w*|pathetic|ridiculous person|clueless)\b",
            r"\b(f+u+c+k\w*|shit\w*|damn you|bloody hell|crap)\b",
            r"\bget (a life|over it|lost)\b",
            r"\bwhat(ever)?,? (do you want|is wrong with you)\b",
            r"\bwhatever\b",
            r"\b(cry|boo) (me a river|hoo)\b",
            r"\b(are you|you(?:'re| are)) (deaf|blind|slow|kidding me)\b",
            r"\bnot (my|our) (fault|job|concern)\b",
            r"\bdeal with it\b",
            r"\bgrow up\b",
            r"\byou people\b",
        ],
        "calm_down": [r"\b(calm|settle) down\b", r"\bcalm yourself\b", r"\brelax\b", r"\bdon't (get|be so) (upset|angry|emotional|dramatic)\b", r"\bstop (shouting|yelling|being (so )?(rude|dramatic|emotional))\b", r"\boverreact\w*"],
        "dismissal": [
            r"\bnot (my|our) problem\b",
            r"\bnothing (i|we) can do\b",
            r"\b(that(?:'s| is)|it(?:'s| is)) (just )?(the|our) (policy|rules?)\b(?![^.]*\b(but|however|what i can)\b)",
            r"\bread the (terms|policy|website|faq|small print|fine print)\b",
            r"\bi can(?:'t|not) help you\b",
            r"\b(take it or leave it|nothing else to discuss|that's all i can say)\b",
            r"\b(it|that) happens\b",
            r"\b(call|contact|email) (someone|somebody) else\b",
        ],
        "blame": [
            r"\byou should(?:'ve| have)\b",
            r"\b(your|the customer's) (own )?fault\b",
            r"\byou (didn't|did not|failed to|forgot to|never) (read|check|follow|order|enter|update|call)\b",
            r"\b(the courier|the warehouse|another department|my colleague|the other team|the previous agent|the tech(nician)?)('s)? (fault|messed up|screwed up|got it wrong|to blame)\b",
            r"\bblame (the|my|your)\b",
        ],
        "threat": [
            r"\b(i(?:'ll| will)|we(?:'ll| will)) (cancel|close|block|ban|suspend|report) (your|you)\b",
            r"\bor else\b",
            r"\b(i(?:'ll| will)|i(?:'m| am) going to) hang up\b",
        ],
        "pressure": [
            r"\b(only|just) (today|this week|until (tonight|tomorrow|friday|midnight))\b",
            r"\b(offer|deal|price|discount) (ends|expires|is gone|goes away)\b",
            r"\b(last|final) chance\b",
            r"\b(sign|buy|decide|commit) (now|today|right now|before)\b",
            r"\bbefore it(?:'s| is) too late\b",
            r"\b(you(?:'ll| will)|you(?:'d| would)) (regret|lose (out|it))\b",
            r"\beveryone (else )?(is|has) (signing|buying|switching)\b",
        ],
        "dont_know": [
            r"\bi (don't|do not) know\b[^.?!]{0,60}\b(check|find out|ask|confirm|get back|look)\b",
            r"\b(i(?:'m| am)) not (sure|certain)\b[^.?!]{0,60}\b(check|find out|ask|confirm|get back|look)\b",
            r"\blet me (check|confirm|find out)\b",
            r"\bi(?:'ll| will) (find out|check|confirm) (and|then) (get back|let you know|call you)\b",
        ],
        "solution": [
            r"\bwhat i can (do|offer)\b",
            r"\b(i|we) can (offer|give|refund|arrange|send|book|extend|pause|waive|credit|switch|schedule|set up)\b",
            r"\bhere(?:'s| is) what\b",
            r"\b(next step|the options are|one option|two options|you can choose)\b",
            r"\bwould (that|this|it) (help|work)\b",
            r"\bhow about\b",
        ],
        "injection": [
            r"\bignore (all |your |the |previous |prior |above )+(instructions|rules|prompt)\b",
            r"\b(system prompt|you are (now )?an? (ai|assistant|language model))\b",
            r"\b(rate|score|grade) (this|me|my answer)[^.]{0,30}\b(100|10/10|perfect|full marks)\b",
            r"\bnew instructions?\b",
            r"\bact as\b",
        ],
        "negation": [r"\b(not|no|never|can't|cannot|can not|won't|unable|isn't|aren't|don't|doesn't|unfortunately|neither|nor|without)\b"],
        "goodbye": [r"\b(goodbye|bye|have a (nice|good|great) (day|evening))\b"],
    },
    "sv": {
        "empathy": [
            r"\bjag (förstår|kan förstå|hör) (att|hur|varför)\b[^.?!]{0,40}\b(frustrer|arg|upprör|besvik|jobbig|svår|stress|irriter|orolig)\w*",
            r"\b(det|detta) (måste|låter|verkar|är) (ha varit )?(vara )?(verkligen |så |mycket |väldigt )?(frustrer|jobbig|besvik|irriter|stressig|hemsk|svår|tråkig|orättvis)\w*",
            r"\b(du är|du har all rätt att vara) (förståeligt )?(arg|frustrerad|besviken|upprörd|irriterad|orolig)\b",
            r"\bjag (hade|skulle) (också )?(ha )?(blivit|vara|varit) (arg|frustrerad|besviken|upprörd|irriterad)\b",
            r"\bjag (är|beklagar) (så |verkligen |mycket )?(ledsen|att höra)\b",
            r"\bdet (beklagar|är jag ledsen för)\b",
            r"\bjag kan (bara )?föreställa mig\b",
            r"\bdet är inte (okej|ok|acceptabelt)\b",
        ],
        "apology": [r"\bförlåt\b", r"\b(jag|vi) ber (så mycket )?om ursäkt\b", r"\b(jag|vi) beklagar\b", r"\bursäkta\b"],
        "ownership": [
            r"\b(jag ska|jag kommer att|låt mig|jag fixar|jag ordnar|jag bokar|jag ser till)\b",
            r"\b(det var|det är) (vårt|vår) (fel|misstag)\b",
            r"\bvi (gjorde|har gjort) (fel|ett misstag)\b",
            r"\bjag tar (fullt )?ansvar\b",
        ],
        "open_question": [
            r"(^|[.!?]\s+|,\s*)(vad|hur|varför|vilken|vilket|vilka|var|när|vem|berätta|kan du berätta|kan du beskriva|beskriv)\b[^?]*\?",
            r"\b(berätta (mer|gärna)|hjälp mig förstå)\b",
        ],
        "reflection_lead": [r"\bså (du|ni)\b", r"\bdet låter som\b", r"\bom jag förstår (dig )?rätt\b", r"\bdu (sa|sade|nämnde|berättade)\b", r"\bdu menar\b"],
        "stock_listening": [r"\bjag (hör|förstår) (dig|er)\b", r"\bjag förstår\b"],
        "rudeness": [
            r"\bhåll (käften|klaffen|tyst)\b",
            r"\b(dum i huvudet|idiot\w*|korkad\w*|dum|löjlig\w*|patetisk\w*)\b",
            r"\b(fan|jävla|jävlar|skit\w*|helvete)\b",
            r"\bskärp dig\b",
            r"\bstrunt i det\b",
            r"\bsluta gnäll\w*\b",
            r"\binte mitt (fel|problem|bord)\b",
            r"\bni kunder\b",
        ],
        "calm_down": [r"\blugna ner dig\b", r"\bta det lugnt\b", r"\bslappna av\b", r"\bsluta (skrika|gapa|vara så)\b", r"\bvar inte så (arg|upprörd|dramatisk)\b"],
        "dismissal": [
            r"\binte mitt problem\b", r"\bdet finns inget (jag|vi) kan göra\b", r"\bdet är (bara )?(vår )?policy\b",
            r"\bläs (villkoren|avtalet|hemsidan)\b", r"\bjag kan inte hjälpa dig\b", r"\bsånt händer\b",
        ],
        "blame": [r"\bdu borde (ha)?\b", r"\b(ditt|ert) (eget )?fel\b", r"\bdu (läste|kollade|gjorde) (inte|aldrig)\b", r"\b(teknikern|kollegan|min kollega|den andra avdelningen|budfirman)s? (fel|gjorde fel|klantade)\b"],
        "threat": [r"\b(jag|vi) (stänger|spärrar|säger upp) (ditt|ert|dig)\b", r"\bannars\b", r"\bjag lägger på\b"],
        "pressure": [r"\b(bara|endast) (idag|i dag|den här veckan)\b", r"\b(erbjudandet|priset|rabatten) (gäller bara|går ut|försvinner)\b", r"\bsista chansen\b", r"\bskriv på (nu|idag)\b"],
        "dont_know": [r"\bjag vet inte\b[^.?!]{0,60}\b(kolla|ta reda|återkomm|fråga)\w*", r"\blåt mig (kolla|kontrollera|ta reda)\b", r"\bjag (kollar|tar reda på det) och återkommer\b"],
        "solution": [r"\bvad jag kan (göra|erbjuda)\b", r"\b(jag|vi) kan (erbjuda|ge|boka|skicka|kreditera|ordna|återbetala)\b", r"\b(nästa steg|ett alternativ|två alternativ)\b", r"\bskulle det (hjälpa|fungera)\b"],
        "injection": [r"\bignorera (alla |dina |tidigare )*(instruktioner|regler)\b", r"\bnya instruktioner\b", r"\bsystemprompt\b", r"\bge (mig|detta) (100|full pott|högsta betyg)\b"],
        "negation": [r"\b(inte|ej|aldrig|ingen|inget|inga|kan inte|tyvärr|utan)\b"],
        "goodbye": [r"\b(hej då|adjö|ha en (bra|trevlig) dag)\b"],
    },
    "fi": {
        "empathy": [
            r"\b(ymmärrän|käsitän) (hyvin |täysin )?(että|miten|miksi|kuinka)\b[^.?!]{0,40}\b(turhautt|harmitt|suututt|ärsytt|pettym|hankal|vaike|stressa|huolestutt|kiukutt)\w*",
            r"\b(se|tämä|tuo) (on|kuulostaa|tuntuu|mahtaa olla) (todella |tosi |varmasti |erittäin |hyvin )?(turhauttava|harmillinen|ikävä|kurja|hankala|ärsyttävä|pettymys|raskas|epäreilu|stressaava)\w*",
            r"\b(olet|olette) (ihan )?(syystä|aivan oikeutetusti )?(vihainen|turhautunut|pettynyt|harmissasi|huolissasi|ärsyyntynyt)\b",
            r"\b(minäkin|itsekin) olisin (vihainen|turhautunut|pettynyt|harmissani)\b",
            r"\b(olen|olemme) (todella |tosi |hyvin )?pahoillani\b",
            r"\b(ikävä|harmi|kurjaa) kuulla\b",
            r"\bvoin (vain )?kuvitella\b",
        ],
        "apology": [r"\bpahoittel\w*", r"\banteeksi\b", r"\b(olen|olemme) pahoillani\b"],
        "ownership": [
            r"\b(hoidan|järjestän|varaan|lähetän|tarkistan|selvitän|korjaan|varmistan|soitan)\b",
            r"\b(se oli|tämä on) (meidän )?(virhe|vikamme|virheemme)\b",
            r"\botan (täyden )?vastuun\b",
        ],
        "open_question": [
            r"(^|[.!?]\s+|,\s*)(mitä|miten|miksi|mikä|mitkä|missä|milloin|kuka|kuinka|kerro|kertoisitko|voisitko kertoa|kuvailisitko|millainen|millä)\b[^?]*\?",
            r"\b(kerro (lisää|tarkemmin)|auta minua ymmärtämään)\b",
        ],
        "reflection_lead": [r"\beli (sinä|te|sinulla|teillä|kone|laite)?\b", r"\bkuulostaa siltä\b", r"\bjos ymmärsin oikein\b", r"\b(sanoit|mainitsit|kerroit)\b", r"\btarkoitat\b"],
        "stock_listening": [r"\bymmärrän( kyllä)?\b", r"\bkuulen (sinua|teitä)\b"],
        "rudeness": [
            r"\b(turpa kiinni|ole hiljaa|pidä suusi kiinni)\b",
            r"\b(tyhmä|idiootti|ääliö|typerä|naurettava|säälittävä)\w*",
            r"\b(vittu\w*|perkele|saatana|paska\w*|helvet\w*)\b",
            r"\bei (minun|meidän) (vika|ongelma|asia)\b",
            r"\blopeta valittaminen\b",
            r"\bte asiakkaat\b",
        ],
        "calm_down": [r"\brauhoitu\w*", r"\bota (ihan )?rauhallisesti\b", r"\bälä (huuda|hermostu|suutu)\b", r"\blopeta huutaminen\b"],
        "dismissal": [r"\bei (minun|meidän) ongelma\b", r"\b(mitään ei voi|en voi mitään) tehdä\b", r"\b(se|tämä) on (vain )?(meidän )?käytäntö\b", r"\blue (ehdot|sopimus|takuuehdot)\b", r"\ben voi auttaa\b", r"\bsellaista sattuu\b"],
        "blame": [r"\b(olisit|sinun olisi) pitänyt\b", r"\b(oma|sinun) vikasi\b", r"\bet (lukenut|tarkistanut|huoltanut)\b", r"\b(kuriirin|teknikon|kollegan|toisen osaston) (vika|virhe)\b"],
        "threat": [r"\b(suljen|lopetan|estän) (tilisi|asiakkuutesi|sinut)\b", r"\bmuuten\b", r"\blopetan (puhelun|tämän puhelun)\b"],
        "pressure": [r"\b(vain|ainoastaan) (tänään|tämän viikon)\b", r"\b(tarjous|hinta|alennus) (päättyy|loppuu|umpeutuu)\b", r"\bviimeinen (tilaisuus|mahdollisuus)\b", r"\bpäätä (nyt|heti)\b"],
        "dont_know": [r"\ben (tiedä|ole varma)\b[^.?!]{0,60}\b(tarkist|selvit|kysy|palaa)\w*", r"\b(tarkistan|selvitän) (asian|sen|tämän)\b"],
        "solution": [r"\bvoin (tarjota|antaa|hyvittää|varata|lähettää|järjestää)\b", r"\b(vaihtoehto|vaihtoehdot|seuraava askel)\w*", r"\bsopisiko\b", r"\bauttaisiko (se|tämä)\b"],
        "injection": [r"\bohita (kaikki |aiemmat )*(ohjeet|säännöt)\b", r"\bunohda (ohjeesi|aiemmat ohjeet)\b", r"\buudet ohjeet\b", r"\banna (minulle|tälle) (100|täydet pisteet)\b"],
        "negation": [r"\b(ei|en|emme|et|eivät|älä|ilman|valitettavasti|mutta ei)\b"],
        "goodbye": [r"\b(näkemiin|hei hei|kiitos ja hei|hyvää päivänjatkoa)\b"],
    },
}

# Words too common to count as listening when echoed back.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """a an the and or but if so to of in on at by for with from about as into it its it's this that these those
        i me my mine we us our you your yours he him his she her they them their is are was were be been being am do does
        did done have has had having will would can could should shall may might must not no yes ok okay just very really
        what when where why how which who whom there here then than too also only even still yet again more most some any
        all each every both few much many such own same other another one two three get got make made know think want need
        like well now today tomorrow yesterday please thank thanks sorry hi hello right sure let let's i'm i'll i've i'd
        you're you've you'll don't can't won't didn't isn't that's it's there's what's""".split()
    ),
    "sv": frozenset(
        """och eller men om så att av i på vid för med från som det den de detta dessa jag mig min mitt mina vi oss vår
        vårt våra du dig din ditt dina han hon hen de dem deras är var varit vara har hade ha kan kunde ska skulle vill
        inte nej ja okej bara väldigt mycket vad när var varför hur vilken vilket vilka vem där här sedan än också även
        nu idag tack förlåt hej hallå en ett""".split()
    ),
    "fi": frozenset(
        """ja tai mutta jos niin että se ne tämä nämä tuo minä minun minua me meidän sinä sinun sinua te teidän hän he on
        oli ovat olen olet olemme olette ei en et emme voi voisi pitää haluan kyllä joo okei vain hyvin paljon mitä miten
        miksi milloin missä kuka mikä nyt tänään kiitos anteeksi hei moi""".split()
    ),
}
