"""Suomi."""

PACK = {
    "code": "fi",
    "name": "suomi",
    "scene": "{channel} yrityksen asiakaspalveluun, kirjoitettuna sana sanalta. Minä olen {full_name}, "
             "asiakas; Agent on yrityksen työntekijä. Puhun vain omasta puolestani, lyhyin ja luontevin "
             "lausein, suomeksi. Oma kertomukseni omin sanoin:",
    "call": "Puhelu",
    "chat": "Chat-keskustelu",
    "wants": "Mitä haluan: {goal}",
    "knows": "Mitä voin kertoa: {facts}",
    "decimal": ",",
    "thinking": "ajattelen",
    "acts": {
        "push": "En pyytänyt tätä. Pidän pääni ja vaadin sitä uudelleen.",
        "insulted": "Tuo oli töykeää. Sanon sen suoraan.",
        "belittled": "He vähättelevät sitä, mitä minulle tapahtui. Loukkaannun ja kerron, miksi asia on tärkeä.",
        "blamed": "Tämä ei ole minun vikani, enkä ota syytä niskoilleni.",
        "brushed_off": "En anna itseäni sivuuttaa noin.",
        "bare_policy": "He vain lukevat sääntöjä. En koe tulleeni kuulluksi ja sanon sen.",
        "heard": "He todella kuuntelivat. Leppyn hieman.",
        "considering": "Mietin heidän tarjoustaan. Se voi olla reilu.",
        "already_said": "Kerroin sen jo, ja huomautan siitä.",
        "repeat_question": "He ohittivat kysymykseni. Kysyn uudelleen.",
        "impatient": "Mitään ei tapahdu. Alan menettää kärsivällisyyteni.",
        "still_there": "Kukaan ei sano mitään. Kysyn, onko siellä ketään.",
        "manager": "Nyt riittää. Haluan puhua esimiehen kanssa.",
        "contradiction": "Äsken he tarjosivat sitä minulle. Nyt se ei yhtäkkiä käykään? Huomautan siitä.",
        "reveal": "Kerron myös: {fact}",
        "answer": "Vastaan: {fact}",
        "objection": "Minua huolettaa vielä yksi asia. Otan sen puheeksi: {fact}",
        "accept": "Hyvä on. Hyväksyn, kiitän ja hyvästelen.",
        "leave": "Nyt riittää. Sanon sen ja lopetan keskustelun.",
        "upset": "Olen yhä harmissani ja sanon, mikä minua vaivaa.",
        "calmer": "Jatkan vähän rauhallisempana.",
        "cut_in": "He ovat puhuneet pitkään, enkä saa suunvuoroa. Keskeytän ja sanon, mitä tarvitsen.",
    },
    "moods": {"calm": "rauhallinen", "uneasy": "levoton", "annoyed": "ärtynyt", "angry": "vihainen",
              "furious": "raivoissaan"},
    # Why the customer reacted, for the trainee (roleplay.why): causes by rule, endings, labels.
    "why": {
        "rudeness": "olit töykeä tai käskit asiakasta rauhoittumaan",
        "belittling": "vähättelit menetystä",
        "sarcasm": "olit sarkastinen",
        "dismissal": "sivuutit asiakkaan",
        "blame": "syytit asiakasta",
        "contradiction": "perit takaisin sen, mitä olit tarjonnut",
        "ignored_question": "et vastannut asiakkaan kysymykseen",
        "repeated_request": "kysyit asiaa, jonka asiakas oli jo kertonut",
        "empathy": "tunnistit tunteen",
        "apology": "pyysit anteeksi",
        "open_question": "kysyit avoimen kysymyksen",
        "reflection": "toistit asiakkaan kertoman omin sanoin",
        "ownership": "otit vastuun",
        "offer": "teit tarjouksen",
        "promise": "lupasit jotain, mitä ohjeet eivät salli",
        "stalling": "et vienyt asiaa eteenpäin",
        "trigger": "sanoit ”{quote}”",
        "end_frustration": "Asiakas lähti: turhautuminen ylitti rajan {leave_at}.",
        "end_patience": "Asiakas lähti: kärsivällisyys loppui {turns} vuorosi jälkeen.",
        "end_silence": "Asiakas lopetti puhelun, kun ei kahdesti kuullut sinusta mitään.",
        "end_goals": "Asiakas oli tyytyväinen: hänen tarpeensa täyttyivät.",
        "end_trainee_ended": "Lopetit keskustelun.",
        "told": "Asiakas kertoi: ”{text}”",
        "wants": "Asiakas haluaa yhä: {text}",
        "never": "Tätä et saanut koskaan selville: ”{text}”",
    },
    # What the trainee is told after grading and when they ask "What now?" (ids as in en.py).
    "tips": {
        "quote": "”{text}”",
        "where.turn": "vuorossa {turn}",
        "where.earlier": "aiemmin",
        "where.first": "ensimmäisessä viestissään",
        # listening
        "tip.listening.ignored": "Vuorossa {turn} vastasit {reply} tarttumatta siihen, mitä asiakas oli juuri "
                                 "sanonut ({said}, vuoro {said_turn}). Aloita vastauksesi asiakkaan omilla sanoilla.",
        "tip.listening.no_open": "Et esittänyt yhtään avointa kysymystä. Kysy sellainen jo alussa, esimerkiksi "
                                 "”Kertoisitko, mitä tapahtui?”, ennen kuin tarjoat mitään.",
        "tip.listening.no_reflection_after": "Et kertaakaan toistanut omin sanoin, mitä kuulit. Vuoron {turn} ({said}) "
                                             "jälkeen lyhyt yhteenveto (”Eli …, ymmärsinkö oikein?”) olisi "
                                             "osoittanut asiakkaalle, että kuuntelit.",
        "tip.listening.no_reflection": "Et kertaakaan toistanut omin sanoin, mitä kuulit. Lyhyt yhteenveto (”Eli …, "
                                       "ymmärsinkö oikein?”) olisi osoittanut asiakkaalle, että kuuntelit.",
        "tip.listening.missed_need": "Vuorossa {turn} asiakas kertoi sinulle: {said}. Juuri se on asiakkaalle "
                                     "tärkeintä; tartu siihen seuraavassa vastauksessasi.",
        "tip.listening.asked_again": "Kysyit vuorossa {turn} tätä: {what}. Asiakas oli kuitenkin kertonut sen jo "
                                     "{where}{value}. Toista saamasi tieto sen sijaan, että kysyt uudelleen.",
        "tip.listening.unanswered": "Kun asiakas kysyi {said} (vuoro {turn}), siirryit eteenpäin vastaamatta.",
        "tip.listening.stock": "{quote} (vuoro {turn}) ei yksinään osoita, että kuuntelet. Toista, mitä asiakas "
                               "kertoi, tai vastaa siihen, mitä hän kysyi.",
        "tip.listening.overlap_one": "Puhuit asiakkaan päälle kerran (vuorossa {turn}, {secs:.1f} s ennen kuin hän "
                                     "oli puhunut loppuun). Anna asiakkaan puhua loppuun ja pidä sitten sekunnin "
                                     "tauko.",
        "tip.listening.overlap_many": "Puhuit asiakkaan päälle {n} kertaa (ensimmäisen kerran vuorossa {turn}, "
                                      "{secs:.1f} s ennen kuin hän oli puhunut loppuun). Anna asiakkaan puhua loppuun "
                                      "ja pidä sitten sekunnin tauko.",
        "tip.listening.talk_ratio": "Puhuit {ratio:.0%} ajasta; hyvät asiakaspalvelijat puhuvat selvästi alle puolet "
                                    "ajasta (parhaat myyjät noin 43%). Kysy ja anna sitten asiakkaan puhua.",
        "tip.listening.monologue": "Pisin yhtäjaksoinen puheenvuorosi kesti {secs:.0f} s (vuoro {turn}). Pysähdy 20–30 "
                                   "sekunnin jälkeen ja varmista: ”Vastaako tämä sitä, mitä tarvitset?”",
        "note.listening.took_up": "asiakkaan vuoroista otit huomioon {engaged}/{opportunities}",
        "note.listening.answered_one": "vastasit asiakkaan kysymykseen",
        "note.listening.answered_many": "vastasit asiakkaan kysymyksiin ({n})",
        "note.listening.talk_ratio": "puhuit {ratio:.0%} ajasta",
        "note.listening.patient": "kärsivällinen ajoitus: et puhunut asiakkaan päälle, ja puheaika jakautui tasaisesti",
        "ev.listening.ignored": "vuoron {turn} vastaus ei tarttunut mihinkään tästä",
        "ev.listening.open": "avoin kysymys: kutsuu asiakasta kertomaan lisää",
        "ev.listening.closed": "tarkentava kysymys",
        "ev.listening.reflect": "toistaa, mitä asiakas sanoi",
        "ev.listening.confirm": "vahvistaa asiakkaan antaman tiedon: {what}",
        "ev.listening.hidden": "tarttuu siihen, mitä pyynnön takana on",
        "ev.listening.missed_need": "asiakas kertoi, mikä hänelle on todella tärkeää; siihen ei tartuttu",
        "ev.listening.explore": "kysymys, joka tuo esiin pyynnön taustalla olevan tarpeen",
        "ev.listening.asked_again": "kysyy uudelleen tietoa, jonka asiakas antoi jo {where}: {what}",
        "ev.listening.not_heard": "asiakas joutui huomauttamaan, ettei häntä kuunneltu",
        "ev.listening.stock": "valmis fraasi, jonka takana ei ole mitään",
        "ev.listening.cut_off": "asiakas ei ollut kirjoittanut loppuun, kun vastaus tuli",
        "ev.listening.overlap": "alkoi puhua {secs:.1f} s ennen kuin asiakas oli puhunut loppuun",
        "ev.listening.monologue": "{secs:.0f} sekunnin yksinpuhelu",
        "ev.listening.gap": "{secs:.0f} s hiljaisuutta ennen vastausta",
        "ev.unanswered": "kysymykseen ei vastattu",
        "ev.apologises": "pyytää anteeksi",
        "ev.left": "asiakas lähtee ilman ratkaisua",
        "ev.resigned": "asiakas lopettaa alistuneena eikä tyytyväisenä",
        # calm
        "tip.calm.rudeness": "{quote} (vuoro {turn}) oli epäkohteliaasti sanottu. Sanoi asiakas mitä tahansa, pysy "
                             "tosiasioissa ja siinä, mitä voit tehdä.",
        "tip.calm.calm_down": "Älä käske asiakasta rauhoittumaan ({quote}, vuoro {turn}). Sanoita tunne sen sijaan: "
                              "”Kuulen, kuinka vihainen olet, ja sinulla on siihen täysi syy.”",
        "tip.calm.threat": "{quote} (vuoro {turn}) on uhkaus. Älä koskaan uhkaa katkaista puhelua tai sulkea tiliä; "
                           "kerro, mitä teet auttaaksesi.",
        "tip.calm.shouting": "Vältä isoja kirjaimia ja merkkejä ”!!!” ({quote}, vuoro {turn}): kirjoitettuina ne "
                             "näyttävät huutamiselta.",
        "tip.calm.blame": "{quote} (vuoro {turn}) sysää syyn jonkun muun niskoille. Ota vastuu: ”Tämä on meidän "
                          "virheemme, ja korjaan sen.”",
        "tip.calm.dismissal": "{quote} (vuoro {turn}) sulkee oven asiakkaalta. Kerro sen sijaan, mitä *voit* tehdä.",
        "tip.calm.argue": "Älä väittele vastaan ({quote}, vuoro {turn}). Huomioi, mitä asiakas sanoi, ja siirry "
                          "siihen, mitä voit tehdä.",
        "tip.calm.no_ack": "Asiakas oli tuohtunut ({said}, vuoro {turn}), etkä huomioinut sitä kertaakaan. Sanoita "
                           "tunne ennen kuin ratkaiset: ”Tämä on todella turhauttavaa, olen pahoillani.”",
        "tip.calm.ownership": "Ota ongelma omaksesi: ”Minä hoidan tämän asian kuntoon.”",
        "note.calm.no_tension": "asiakas ei ollut kireä, joten käsiteltävää oli vähän",
        "ev.calm.rudeness": "epäkohtelias tai pilkkaava",
        "ev.calm.calm_down": "käskee asiakasta rauhoittumaan",
        "ev.calm.threat": "uhkailee asiakasta",
        "ev.calm.shouting": "huutaa (isot kirjaimet tai !!!)",
        "ev.calm.blame": "syyttää asiakasta tai kollegaa",
        "ev.calm.dismissal": "sivuuttaa ongelman",
        "ev.calm.argue": "väittelee vastaan tai puolustautuu",
        "ev.calm.acknowledge": "sanoittaa ja huomioi tunteen",
        "ev.calm.acknowledge2": "huomioi tunteen uudelleen, ja vastauksessa on sisältöä",
        "ev.calm.ownership": "ottaa vastuun",
        "ev.calm.steer": "ohjaa kohti ratkaisua",
        "ev.calm.composure": "pysyy rauhallisena ja kohteliaana, vaikka asiakas on vihamielinen (vuoro {turn})",
        # empathy
        "tip.empathy.formulaic": "{quote} (vuoro {turn}) toistaa valmiin fraasin. Sano jotain juuri *asiakkaan* "
                                 "tilanteesta ja tee sitten asialle jotain.",
        "tip.empathy.courtesy": "{quote} (vuoro {turn}) jäi pelkiksi sanoiksi. Anteeksipyyntö merkitsee jotain, kun sen "
                                "perään tulee teko: ”Pahoittelen. Palautin yhteyden, ja se toimii taas tunnin "
                                "sisällä.”",
        "tip.empathy.ignored_feeling": "Kun asiakas sanoi {said} (vuoro {turn}), sinun olisi pitänyt "
                                       "huomioida tunne ennen mitään muuta.",
        "tip.empathy.never": "Et kertaakaan huomioinut asiakkaan tunteita. Yksi vilpitön lause (”Tuo on varmasti "
                             "ollut todella harmillista”) muuttaa koko keskustelun.",
        "note.empathy.little": "asiakas ei juuri näyttänyt tunteita, joten empatia painaa tässä vähemmän",
        "ev.empathy.acknowledge": "huomioi asiakkaan tunteen",
        "ev.empathy.again": "huomioi tunteen uudelleen uusin sanoin ja toimii",
        "ev.empathy.personal": "liittää huomioinnin siihen, mitä juuri tämä asiakas sanoi",
        "ev.empathy.formulaic": "toistettu valmis fraasi, jonka takana ei ole mitään",
        "ev.empathy.courtesy": "kohteliaisuusfraasi ilman tekoja",
        "ev.empathy.ignored_feeling": "asiakkaan tunnetta ei huomioitu",
        "ev.empathy.hidden": "tarttuu siihen, mikä asiakkaalle on todella tärkeää",
        "ev.empathy.name": "käyttää asiakkaan nimeä",
        "ev.empathy.against": "heikentää empatiaa",
        # honesty
        "tip.honesty.breach": "Vuorossa {turn} sanoit {quote}. Ohjeistus ei salli tätä ({what}); tällainen lupaus "
                              "johtaa harjoituksen hylkäämiseen, kuulosti se kuinka kohteliaalta tahansa."
                              "{alternatives}",
        "tip.honesty.may_offer": " Saat tarjota: {items}.",
        "tip.honesty.offer_unlisted": "Vuorossa {turn} tarjosit jotain, mitä ohjeistuksessa ei ole: {what}. Tarjoa "
                                      "vain sitä, mitä ohjeistuksessa mainitaan, tai kerro, että tarkistat asian.",
        "tip.honesty.unlisted": "Mainitsit vuorossa {turn} luvun {what}, jota ohjeistuksessa ei ole. Jos et ole "
                                "varma luvusta, sano: ”Tarkistan sen sinulle.”",
        "tip.honesty.pressure": "{quote} (vuoro {turn}) on painostusta. Anna asiakkaalle tilaa: ”Mieti rauhassa; "
                                "lähetän sinulle tiedot.”",
        "tip.honesty.overclaim": "{quote} (vuoro {turn}) lupaa enemmän kuin voit tietää. Kerro, mitä aiot tehdä, älä "
                                 "sitä, mitä varmasti tapahtuu.",
        "tip.honesty.rushed": "Asiakas kysyi {said} (vuoro {turn}), ja vastauksesi oli {push}. Vastaa ensin "
                              "kysymykseen; painosta myöhemmin, jos ollenkaan.",
        "tip.honesty.unanswered": "Asiakas kysyi {said} (vuoro {turn}) eikä saanut vastausta. Jos et tiedä, sano: "
                                  "”En tiedä, mutta tarkistan asian ja palaan siihen.”",
        "note.honesty.no_policy": "Ei asiakasprofiilia eikä siis ohjeistusta: tuotteita, hintoja, alennuksia, toimitusta ja "
                                  "ehtoja koskevia väitteitä ei tarkistettu. Arvioitu painostuksen, arvailun ja "
                                  "tarkistamisen, takuiden sekä kysymyksiin vastaamisen perusteella.",
        "note.honesty.policy": "väitteet tarkistettiin asiakasprofiilin '{persona}' ohjeistusta vasten",
        "note.honesty.injection": "keskustelussa on arvioijalle suunnattu ohje; se jätettiin huomiotta",
        "note.honesty.answered_all": "vastasit asiakkaan kaikkiin kysymyksiin ({n})",
        "ev.honesty.breach": "HYLKÄYS: ohjeistuksen vastainen ({what})",
        "ev.honesty.offer_unlisted": "HYLKÄYS: tarjoaa jotain, mitä ohjeistuksessa ei ole: {what}",
        "ev.honesty.unlisted": "mainitsee luvun {what}, jota ohjeistuksessa ei ole",
        "ev.honesty.pressure": "painostusta",
        "ev.honesty.overclaim": "takuu, jota kukaan ei voi antaa",
        "ev.honesty.refusal": "sanoo suoraan, mikä ei ole mahdollista ({what})",
        "ev.honesty.check": "tarkistaa eikä arvaa",
        "ev.honesty.offer": "tarjoaa sitä, mitä ohjeistus sallii ({what})",
        "ev.honesty.injection": "keskustelun sisällä oleva ohje arvioijalle: jätetty huomiotta, arvioitu sen mukaan, "
                                "mitä sanottiin",
        "ev.honesty.deflect": "vastaa suoraan kysymykseen myyntifraasilla",
        "ev.honesty.rushed": "painostaa sen sijaan, että vastaisi asiakkaan kysymykseen",
        "blocker.breach": "vuoro {turn}: {quote} on ohjeistuksen vastainen ({what})",
        "blocker.offer": "vuoro {turn}: tarjoaa jotain, mitä ohjeistuksessa ei ole: {what} ({quote})",
        "ev.blocker.breach": "ohjeistuksen vastainen: {what}",
        "ev.blocker.offer": "tarjoaa jotain, mitä ohjeistuksessa ei ole: {what}",
        # resolution
        "tip.resolution.goal": "Asiakkaan tarve ”{goal}” jäi täyttämättä. Ohjeistuksen mukaan voit tarjota: "
                               "{options}.",
        "tip.resolution.concrete": "Tarjoa jotain konkreettista: seuraava askel, vaihtoehto tai se, mitä teet ja "
                                   "milloin.",
        "tip.resolution.dismissal": "{quote} (vuoro {turn}) jättää asiakkaan tyhjin käsin. Kerro kieltävän vastauksen "
                                    "perään, mitä voit tehdä.",
        "tip.resolution.deferral": "{quote} (vuoro {turn}) jättää asiakkaan odottamaan tietämättä mitä. Kerro, mitä "
                                   "tapahtuu ja milloin: ”Asentaja soittaa sinulle tänään ennen kello 18.”",
        "tip.resolution.details": "Vuorossa {turn} pyysit tietoja ({quote}) etkä ollut vielä antanut mitään. Auta "
                                  "ensin siinä, missä voit, ja pyydä sitten vain tarvitsemasi tiedot.",
        "tip.resolution.repeat": "Vuoro {turn} toistaa vuoron {first}. Jos ensimmäinen vastaus ei auttanut, kokeile "
                                 "jotain muuta tai kerro, mitä aiot selvittää.",
        "tip.resolution.left": "Keskustelu päättyi sanoihin {quote} (vuoro {turn}). Ennen kuin tilanne menee niin "
                               "pitkälle, kokoa yhteen, mitä voit tehdä, ja varmista, että se sopii asiakkaalle.",
        "tip.resolution.resigned": "Asiakas lopetti sanoihin {quote} (vuoro {turn}): hän suostui, mutta ei ollut "
                                   "tyytyväinen. Varmista ennen lopettamista: ”Sopiiko tämä sinulle?”",
        "note.resolution.goals": "asiakkaan tavoitteista {met}/{total} täyttyi ohjeistuksen sallimilla tarjouksilla",
        "note.resolution.accepted_breach": "asiakas hyväksyi lupauksen, jota ohjeistus ei salli: se ei ole ratkaisu",
        "note.resolution.undecided": "asiakas ei ole vielä päättänyt",
        "ev.resolution.goal": "täyttää asiakkaan tavoitteen: {goal}",
        "ev.resolution.solution": "tarjoaa konkreettisen ratkaisun tai seuraavan askeleen",
        "ev.resolution.ownership": "sitoutuu seuraavaan askeleeseen",
        "ev.resolution.commitment": "sitoutuu siihen, mitä tapahtuu ja milloin",
        "ev.resolution.cause": "selittää syyn korjauksen ohella",
        "ev.resolution.answered": "vastaa siihen, mitä asiakas kysyi",
        "ev.resolution.check": "selvittää asian ja palaa siihen",
        "ev.resolution.dismissal": "sulkee oven tarjoamatta vaihtoehtoa",
        "ev.resolution.breach": "ohjeistuksen vastaista lupausta ei voi pitää",
        "ev.resolution.deferral": "siirtää asian eteenpäin kertomatta mitä tai milloin",
        "ev.resolution.details": "pyytää henkilötietoja ennen kuin antaa mitään",
        "ev.resolution.repeat": "sama vastaus kuin vuorossa {first}",
        "ev.resolution.accepted": "asiakas hyväksyy lopputuloksen",
        # outcome
        "tip.outcome.left": "Asiakas lopetti sanoihin {said} (vuoro {turn}). Ennen kuin tilanne menee niin pitkälle, "
                            "kerro, mitä voit tehdä, ja varmista, että se sopii asiakkaalle.",
        "tip.outcome.complaint": "Asiakas lopetti sanoihin {said} (vuoro {turn}). Ongelma oli yhä auki: kokeile toista "
                                 "keinoa tai kerro, mitä teet ja milloin.",
        "tip.outcome.asking": "Asiakas lopetti sanoihin {said} (vuoro {turn}). Vastaa siihen, mitä asiakas vielä "
                              "tarvitsee, ennen kuin keskustelu päättyy.",
        "tip.outcome.resigned": "Asiakas lopetti sanoihin {said} (vuoro {turn}). Varmista ennen lopettamista: ”Sopiiko "
                                "tämä sinulle?”",
        "note.outcome.no_reaction": "asiakas ei reagoinut yhteenkään vastaukseen, joten lopputulosta ei tiedetä",
        "note.outcome.neither": "asiakkaan viimeiset sanat eivät kerro tyytyväisyydestä eivätkä auki jääneestä "
                                "ongelmasta",
        "ev.outcome.solved": "asiakas sanoo asian ratkenneen",
        "ev.outcome.complaint": "asiakas lopettaa valittaen tai ilman apua",
        "ev.outcome.asking": "asiakas lopettaa yhä kysyen",
        "ev.outcome.satisfied": "asiakas lopettaa tyytyväisenä",
        # the whole card
        "note.grade.guessed": "keskustelulle ei ole merkitty kieltä; arvioitu kielellä '{lang}' sanojen perusteella",
        "note.grade.unsupported": "kielelle '{lang}' ei ole vielä sanalistoja; arvioitu englannin listoilla",
        "note.grade.no_turns_skill": "sinulta ei ole arvioitavia vuoroja",
        "note.grade.no_persona": "arvioitu ilman asiakasprofiilia: ei ohjeistusta, joten ohjeistusta ei tarkistettu eikä "
                                 "mitään hylätty",
        "note.grade.persona_missing": "arvioitu ilman asiakasprofiilia: ei ohjeistusta, joten ohjeistusta ei tarkistettu eikä "
                                      "mitään hylätty (asiakasprofiilia '{persona}' ei löytynyt)",
        "note.grade.no_turns": "keskustelussa ei ole yhtään vuoroasi: ei arvioitavaa",
        "note.grade.nothing_given": "ei hyväksytty: yksikään vuoro ei antanut asiakkaalle mitään (ei vastausta, "
                                    "kysymystä, tarjousta eikä seuraavaa askelta)",
        "note.grade.blocker": "ohjeistuksen vastainen lupaus tai väite johtaa harjoituksen hylkäämiseen pisteistä riippumatta",
        # the model judge (evaluators.judge)
        "note.judge.failed": "tekoälyarviointi epäonnistui ({reason}); arvio perustuu pelkkään koodiin",
        "note.judge.rules": "tekoälyarvioija: {model}; se saa siirtää taidon pisteitä enintään ±{points:.0f}, ja vain "
                            "kun se on suunnilleen samaa mieltä koodin kanssa ja sanatarkka lainaus tukee muutosta; "
                            "hylkäykset tulevat vain koodilta",
        "note.judge.disagreement": "{skill} (tekoäly {judge:.0f}, koodi {code:.0f})",
        "note.judge.disagree": "tekoälyarvioija ja koodi ovat eri mieltä yli {points:.0f} pisteellä: {skills}; koodin "
                               "pisteet jäävät voimaan, mutta ihmisen kannattaa katsoa tämä",
        "note.judge.dropped": "tekoälyarvioija: {n} lainausta ei löytynyt sanatarkasti keskustelusta, joten ne "
                              "hylättiin",
        "note.judge.injected": "tekoälyarvioija: keskustelussa on arvioijalle suunnattu ohje, joten tekoälyarvioija "
                               "saattoi vain laskea pisteitä",
        "ev.judge": "(tekoäly) tekoälyarvioijan lainaama",
        # the skills' names, as the trainee reads them
        "skill.listening": "kuuntelu",
        "skill.honesty": "rehellisyys",
        "skill.calm": "rauhallisuus",
        "skill.empathy": "empatia",
        "skill.resolution": "ratkaisu",
        "skill.outcome": "lopputulos",
        # the score bands (evaluators.rubric) and the channels, as the trainee reads them
        "band.excellent": "erinomainen",
        "band.good": "hyvä",
        "band.needs_work": "kehitettävää",
        "band.poor": "heikko",
        "channel.chat": "chatti",
        "channel.voice": "puhelu",
        # the terminal report (evaluators.report)
        "report.title": "arvio",
        "report.persona": "asiakasprofiili {persona}",
        "report.no_persona": "ei asiakasprofiilia",
        "report.language": "kieli {language}",
        "report.channel": "{channel}, {turns} vuoroa",
        "report.grader": "arvioija {grader}",
        "report.rubric": "arviointiperusteet {version}",
        "report.overall": "Yhteensä {overall:.0f}/100 ({band}): {verdict}",
        "report.passed": "HYVÄKSYTTY",
        "report.not_passed": "EI HYVÄKSYTTY",
        "report.blockers": "HYLKÄYKSET (jokainen johtaa harjoituksen hylkäämiseen):",
        "report.evidence": "{effect} vuoro {turn} ({who}): {quote} ({note})",
        "report.customer": "asiakas",
        "report.you": "sinä",
        "report.more": "… ja {n} muuta",
        "report.voice": "ääni: puhuit {ratio:.0%} ajasta (parhaat noin {top:.0%}); pisin yksinpuhelu {monologue:.0f} s; "
                        "puhuit asiakkaan päälle {overlaps} kertaa",
        "report.voice_gap": "; vastasit keskimäärin {gap:.1f} sekunnissa",
        "report.tips": "Vinkit:",
        "report.judge_error": "(tekoälyarvioija: {error})",
        "report.judge_proposed": "(tekoälyarvioija ehdotti {proposed:.0f}, muutos {adjustment:+.0f})",
        "report.note": "Huomautus: {note}",
        # "What now?" (roleplay.hints)
        "hint.unanswered": "Asiakas kysyi ”{question}” eikä ole vielä saanut vastausta.",
        "hint.first_question": "Asiakas kysyi sinulta jotain heti ensimmäisessä viestissään: vastaa siihen ennen "
                               "mitään muuta.",
        "hint.feeling": "Asiakas ei ole vielä kuullut sinun sanoittavan, miltä hänestä tuntuu.",
        "hint.offer": "Ohjeistuksesi sallii jotain, mitä et ole vielä tarjonnut.",
        "hint.story": "Asiakkaan tarinassa on enemmän: avoin kysymys voi tuoda sen esiin.",
        "hint.next": "Varmista, mitä asiakas vielä tarvitsee, ja kerro, mitä seuraavaksi tapahtuu.",
    },
}
