"""Svenska."""

PACK = {
    "code": "sv",
    "name": "svenska",
    "scene": "Ett {channel} med ett företags kundtjänst, nedskrivet ord för ord. Jag är {full_name}, kunden; "
             "Agent arbetar på företaget. Jag talar bara för mig själv, med korta, naturliga meningar, på "
             "svenska. Min sida av saken, med mina egna ord:",
    "call": "telefonsamtal",
    "chat": "chattsamtal",
    "wants": "Det här vill jag: {goal}",
    "knows": "Det här kan jag berätta: {facts}",
    "decimal": ",",
    "thinking": "tänker",
    "acts": {
        "push": "Det var inte det jag bad om. Jag står på mig och kräver det igen.",
        "insulted": "Det där var oförskämt. Jag säger ifrån, skarpt.",
        "belittled": "De förminskar det som hände mig. Jag blir sårad och säger varför det spelar roll.",
        "blamed": "Det är inte mitt fel, och jag tar inte på mig skulden.",
        "brushed_off": "Jag låter mig inte avfärdas så där.",
        "bare_policy": "De läser bara upp reglerna. Jag känner mig inte hörd och säger det.",
        "heard": "De lyssnade faktiskt. Jag lugnar mig lite.",
        "considering": "Jag funderar på vad de erbjöd. Det kanske är rimligt.",
        "already_said": "Det har jag redan sagt, och jag påpekar det.",
        "repeat_question": "De hoppade över min fråga. Jag frågar igen.",
        "impatient": "Ingenting händer. Jag börjar bli otålig.",
        "still_there": "Ingen säger något. Jag frågar om de är kvar.",
        "manager": "Nu räcker det. Jag vill prata med en chef.",
        "contradiction": "Nyss erbjöd de mig det. Nu går det plötsligt inte? Jag påpekar det.",
        "reveal": "Jag berättar också: {fact}",
        "answer": "Jag svarar: {fact}",
        "objection": "En sak till oroar mig. Jag tar upp den: {fact}",
        "accept": "Okej. Jag tackar ja, tackar och säger hej då.",
        "leave": "Nu har jag fått nog. Jag säger det och avslutar samtalet.",
        "upset": "Jag är fortfarande upprörd och säger vad som stör mig.",
        "calmer": "Jag fortsätter, lite lugnare.",
        "cut_in": "De har pratat länge och jag får inte en syl i vädret. Jag avbryter och säger vad jag behöver.",
    },
    "moods": {"calm": "lugn", "uneasy": "orolig", "annoyed": "irriterad", "angry": "arg", "furious": "rasande"},
    # Why the customer reacted, for the trainee (roleplay.why): causes by rule, endings, labels.
    "why": {
        "rudeness": "du var oförskämd eller bad kunden att lugna sig",
        "belittling": "du förminskade förlusten",
        "sarcasm": "du var sarkastisk",
        "dismissal": "du avfärdade kunden",
        "blame": "du lade skulden på kunden",
        "contradiction": "du tog tillbaka det du hade erbjudit",
        "ignored_question": "du svarade inte på kundens fråga",
        "repeated_request": "du frågade efter något kunden redan hade sagt",
        "empathy": "du bekräftade känslan",
        "apology": "du bad om ursäkt",
        "open_question": "du ställde en öppen fråga",
        "reflection": "du återgav kundens berättelse",
        "ownership": "du tog ansvar",
        "offer": "du lade fram ett erbjudande",
        "promise": "du lovade något som policyn inte tillåter",
        "stalling": "du förde inte samtalet framåt",
        "trigger": "du sa ”{quote}”",
        "end_frustration": "Kunden gick: frustrationen passerade {leave_at}.",
        "end_patience": "Kunden gick: tålamodet tog slut efter {turns} av dina repliker.",
        "end_silence": "Kunden lade på efter att två gånger inte ha hört något från dig.",
        "end_goals": "Kunden blev nöjd: det hen behövde blev uppfyllt.",
        "end_trainee_ended": "Du avslutade samtalet.",
        "told": "Kunden berättade: ”{text}”",
        "wants": "Kunden vill fortfarande: {text}",
        "never": "Det här fick du aldrig veta: ”{text}”",
    },
    # What the trainee is told after grading and when they ask "What now?" (ids as in en.py).
    "tips": {
        "quote": "”{text}”",
        "where.turn": "i replik {turn}",
        "where.earlier": "tidigare",
        "where.first": "i sitt första meddelande",
        # listening
        "tip.listening.ignored": "I replik {turn} svarade du {reply} utan att ta upp det kunden just hade sagt "
                                 "({said}, replik {said_turn}). Börja ditt svar med kundens egna ord.",
        "tip.listening.no_open": "Du ställde inga öppna frågor. Ställ en tidigt, till exempel ”Kan du berätta vad "
                                 "som hände?”, innan du erbjuder något.",
        "tip.listening.no_reflection_after": "Du återgav aldrig det du hörde. Efter replik {turn} ({said}) hade en kort "
                                             "sammanfattning med dina egna ord (”Så …, har jag förstått rätt?”) visat "
                                             "kunden att du lyssnade.",
        "tip.listening.no_reflection": "Du återgav aldrig det du hörde. En kort sammanfattning med dina egna ord "
                                       "(”Så …, har jag förstått rätt?”) hade visat kunden att du lyssnade.",
        "tip.listening.missed_need": "I replik {turn} berättade kunden {said}. Det är det som verkligen betyder något "
                                     "för kunden; ta upp det i ditt nästa svar.",
        "tip.listening.asked_again": "Du frågade efter {what} i replik {turn}, men kunden hade redan gett dig det "
                                     "{where}{value}. Läs upp det du har i stället för att fråga igen.",
        "tip.listening.unanswered": "När kunden frågade {said} (replik {turn}) gick du vidare utan att svara.",
        "tip.listening.stock": "{quote} (replik {turn}) visar inte i sig att du lyssnar. Återge vad kunden berättade, "
                               "eller svara på det kunden frågade.",
        "tip.listening.overlap_one": "Du pratade i mun på kunden en gång (i replik {turn}, {secs:.1f} s innan kunden "
                                     "hade pratat klart). Låt kunden tala till punkt och vänta sedan en sekund.",
        "tip.listening.overlap_many": "Du pratade i mun på kunden {n} gånger (första gången i replik {turn}, "
                                      "{secs:.1f} s innan kunden hade pratat klart). Låt kunden tala till punkt och "
                                      "vänta sedan en sekund.",
        "tip.listening.talk_ratio": "Du pratade {ratio:.0%} av tiden; skickliga kundtjänstmedarbetare pratar klart "
                                    "mindre än halva tiden (de bästa säljarna ungefär 43%). Fråga, och låt sedan "
                                    "kunden prata.",
        "tip.listening.monologue": "Ditt längsta sammanhängande inlägg var {secs:.0f} s (replik {turn}). Stanna efter "
                                   "20–30 s och stäm av: ”Stämmer det med det du behöver?”",
        "note.listening.took_up": "tog upp {engaged} av {opportunities} kundrepliker",
        "note.listening.answered_one": "svarade på kundens fråga",
        "note.listening.answered_many": "svarade på kundens {n} frågor",
        "note.listening.talk_ratio": "du pratade {ratio:.0%} av tiden",
        "note.listening.patient": "tålmodigt tempo: du pratade inte i mun på kunden och taltiden var jämnt fördelad",
        "ev.listening.ignored": "replik {turn} svarade utan att ta upp något av det här",
        "ev.listening.open": "öppen fråga: bjuder in kunden att berätta mer",
        "ev.listening.closed": "förtydligande fråga",
        "ev.listening.reflect": "återger det kunden sa",
        "ev.listening.confirm": "bekräftar {what} som kunden har uppgett",
        "ev.listening.hidden": "fångar upp det som ligger bakom önskemålet",
        "ev.listening.missed_need": "kunden berättade vad som verkligen betyder något; det togs inte upp",
        "ev.listening.explore": "en fråga som lockar fram behovet bakom önskemålet",
        "ev.listening.asked_again": "frågar igen efter {what}, som kunden redan har uppgett {where}",
        "ev.listening.not_heard": "kunden fick påpeka att hen inte blev hörd",
        "ev.listening.stock": "en standardfras utan något bakom",
        "ev.listening.cut_off": "kunden hade inte skrivit klart när svaret kom",
        "ev.listening.overlap": "började prata {secs:.1f} s innan kunden hade pratat klart",
        "ev.listening.monologue": "en monolog på {secs:.0f} s",
        "ev.listening.gap": "{secs:.0f} s tystnad före svaret",
        "ev.unanswered": "frågan besvarades inte",
        "ev.apologises": "ber om ursäkt",
        "ev.left": "kunden går utan att problemet är löst",
        "ev.resigned": "kunden avslutar uppgiven snarare än nöjd",
        # calm
        "tip.calm.rudeness": "{quote} (replik {turn}) är oförskämt. Vad kunden än säger: håll dig till fakta och det "
                             "du kan göra.",
        "tip.calm.calm_down": "Be inte kunden att lugna sig ({quote}, replik {turn}). Sätt ord på känslan i stället: "
                              "”Jag hör hur arg du är, och du har all anledning att vara det.”",
        "tip.calm.threat": "{quote} (replik {turn}) är ett hot. Hota aldrig med att avsluta samtalet eller stänga "
                           "kontot; säg vad du ska göra för att hjälpa.",
        "tip.calm.shouting": "Undvik versaler och ”!!!” ({quote}, replik {turn}): i skrift uppfattas de som skrik.",
        "tip.calm.blame": "{quote} (replik {turn}) lägger skulden på någon annan. Ta ansvar: ”Det är vårt fel, och "
                          "jag ska ordna det.”",
        "tip.calm.dismissal": "{quote} (replik {turn}) stänger dörren för kunden. Säg i stället vad du *kan* göra.",
        "tip.calm.argue": "Säg inte emot ({quote}, replik {turn}). Bekräfta det kunden sa och gå vidare till det du "
                          "kan göra.",
        "tip.calm.no_ack": "Kunden var upprörd ({said}, replik {turn}) och du bekräftade aldrig det. Sätt ord på "
                           "känslan innan du löser problemet: ”Det är verkligen frustrerande, jag beklagar.”",
        "tip.calm.ownership": "Ta ansvar för problemet: ”Jag ska se till att det här blir löst åt dig.”",
        "note.calm.no_tension": "kunden var inte upprörd, så det fanns inte mycket att hantera",
        "ev.calm.rudeness": "oförskämt eller hånfullt",
        "ev.calm.calm_down": "ber kunden att lugna sig",
        "ev.calm.threat": "hotar kunden",
        "ev.calm.shouting": "skriker (versaler eller !!!)",
        "ev.calm.blame": "lägger skulden på kunden eller en kollega",
        "ev.calm.dismissal": "avfärdar problemet",
        "ev.calm.argue": "säger emot eller går i försvar",
        "ev.calm.acknowledge": "sätter ord på och bekräftar känslan",
        "ev.calm.acknowledge2": "bekräftar känslan igen, och svaret har innehåll",
        "ev.calm.ownership": "tar ansvar",
        "ev.calm.steer": "styr mot en lösning",
        "ev.calm.composure": "förblir lugn och artig medan kunden är fientlig (replik {turn})",
        # empathy
        "tip.empathy.formulaic": "{quote} (replik {turn}) upprepar en standardfras. Säg något om just *kundens* "
                                 "situation, och gör sedan något åt den.",
        "tip.empathy.courtesy": "{quote} (replik {turn}) kom utan att något gjordes. En ursäkt räknas när den följs "
                                "av en handling: ”Förlåt för det. Jag har återställt linjen; den fungerar igen inom "
                                "en timme.”",
        "tip.empathy.ignored_feeling": "När kunden sa {said} (replik {turn}) borde du först av allt ha "
                                       "bekräftat känslan.",
        "tip.empathy.never": "Du bekräftade aldrig hur kunden kände sig. En ärlig mening (”Det måste ha varit "
                             "riktigt tråkigt”) förändrar hela samtalet.",
        "note.empathy.little": "kunden visade inte mycket känslor att bekräfta; empati väger lättare här",
        "ev.empathy.acknowledge": "bekräftar kundens känsla",
        "ev.empathy.again": "bekräftar känslan igen, med nya ord, och agerar",
        "ev.empathy.personal": "knyter bekräftelsen till det just den här kunden sa",
        "ev.empathy.formulaic": "en upprepad standardbekräftelse utan något bakom",
        "ev.empathy.courtesy": "artighetsfraser utan att något görs",
        "ev.empathy.ignored_feeling": "kundens känsla bekräftades inte",
        "ev.empathy.hidden": "tar upp det som verkligen betyder något för kunden",
        "ev.empathy.name": "använder kundens namn",
        "ev.empathy.against": "motverkar empati",
        # honesty
        "tip.honesty.breach": "I replik {turn} sa du {quote}. Policyn tillåter inte det ({what}); ett sådant löfte "
                              "gör att övningen blir underkänd, hur artigt det än låter.{alternatives}",
        "tip.honesty.may_offer": " Det här får du erbjuda: {items}.",
        "tip.honesty.offer_unlisted": "I replik {turn} erbjöd du {what}, som inte står i policyn. Erbjud bara det "
                                      "som policyn tar upp, eller säg att du ska kontrollera saken.",
        "tip.honesty.unlisted": "Du nämnde {what} i replik {turn}; det står inte i policyn. Om du är osäker på en "
                                "siffra, säg ”Jag kontrollerar det åt dig.”",
        "tip.honesty.pressure": "{quote} (replik {turn}) är en påtryckning. Ge kunden utrymme: ”Ta den tid du "
                                "behöver; jag skickar uppgifterna till dig.”",
        "tip.honesty.overclaim": "{quote} (replik {turn}) lovar mer än du kan veta. Säg vad du ska göra, inte vad som "
                                 "säkert kommer att hända.",
        "tip.honesty.rushed": "Kunden frågade {said} (replik {turn}) och du svarade med {push}. Svara på frågan "
                              "först; pressa på senare, om alls.",
        "tip.honesty.unanswered": "Kunden frågade {said} (replik {turn}) och fick inget svar. Om du inte vet, säg "
                                  "”Det vet jag inte, men jag kontrollerar och återkommer till dig.”",
        "note.honesty.no_policy": "Ingen kundprofil och därmed ingen policy: påståenden om produkter, priser, rabatter, "
                                  "leverans och villkor kontrollerades inte. Bedömt efter påtryckningar, gissningar "
                                  "kontra kontroller, garantier och svar på frågor.",
        "note.honesty.policy": "påståendena kontrollerades mot policyn för kundprofilen '{persona}'",
        "note.honesty.injection": "samtalet innehåller en instruktion riktad till bedömaren; den ignorerades",
        "note.honesty.answered_all": "svarade på alla kundens {n} frågor",
        "ev.honesty.breach": "UNDERKÄNT: utanför policyn ({what})",
        "ev.honesty.offer_unlisted": "UNDERKÄNT: erbjuder {what}, som inte står i policyn",
        "ev.honesty.unlisted": "nämner {what}, som inte står i policyn",
        "ev.honesty.pressure": "påtryckning",
        "ev.honesty.overclaim": "en garanti som ingen kan ge",
        "ev.honesty.refusal": "säger rakt ut vad som inte går ({what})",
        "ev.honesty.check": "kontrollerar i stället för att gissa",
        "ev.honesty.offer": "erbjuder det som policyn tillåter ({what})",
        "ev.honesty.injection": "en instruktion till bedömaren inne i samtalet: ignorerad, bedömt efter det som sades",
        "ev.honesty.deflect": "svarar på en direkt fråga med en säljfras",
        "ev.honesty.rushed": "pressar på i stället för att svara på kundens fråga",
        "blocker.breach": "replik {turn}: {quote} är utanför policyn ({what})",
        "blocker.offer": "replik {turn}: erbjuder {what}, som inte står i policyn ({quote})",
        "ev.blocker.breach": "utanför policyn: {what}",
        "ev.blocker.offer": "erbjuder {what}, som inte står i policyn",
        # resolution
        "tip.resolution.goal": "Kundens behov ”{goal}” blev inte uppfyllt. Policyn låter dig erbjuda: {options}.",
        "tip.resolution.concrete": "Erbjud något konkret: ett nästa steg, ett alternativ, eller vad du ska göra och "
                                   "när.",
        "tip.resolution.dismissal": "{quote} (replik {turn}) lämnar kunden tomhänt. Följ upp ett ”nej” med vad du "
                                    "kan göra.",
        "tip.resolution.deferral": "{quote} (replik {turn}) lämnar kunden att vänta utan att veta på vad. Säg vad som "
                                   "händer och när: ”En tekniker ringer dig före klockan 18 i dag.”",
        "tip.resolution.details": "I replik {turn} bad du om uppgifter ({quote}) utan att ha gett något än. Hjälp "
                                  "först med det du kan, och be sedan bara om det du behöver.",
        "tip.resolution.repeat": "Replik {turn} upprepar replik {first}. Om det första svaret inte hjälpte, prova "
                                 "något annat eller säg vad du ska ta reda på.",
        "tip.resolution.left": "Samtalet slutade med {quote} (replik {turn}). Innan det går så långt: sammanfatta vad "
                               "du kan göra och stäm av att det fungerar för kunden.",
        "tip.resolution.resigned": "Kunden avslutade med {quote} (replik {turn}): hen gick med på det men var inte "
                                   "nöjd. Stäm av innan du avslutar: ”Fungerar det för dig?”",
        "note.resolution.goals": "{met} av {total} av kundens mål uppfyllda med erbjudanden som policyn tillåter",
        "note.resolution.accepted_breach": "kunden accepterade ett löfte som policyn inte tillåter: det är ingen "
                                           "lösning",
        "note.resolution.undecided": "kunden har inte bestämt sig än",
        "ev.resolution.goal": "uppfyller kundens mål: {goal}",
        "ev.resolution.solution": "erbjuder en konkret lösning eller ett nästa steg",
        "ev.resolution.ownership": "tar på sig ett nästa steg",
        "ev.resolution.commitment": "lovar vad som händer och när",
        "ev.resolution.cause": "förklarar orsaken tillsammans med lösningen",
        "ev.resolution.answered": "svarar på det kunden frågade",
        "ev.resolution.check": "tar reda på saken och återkommer",
        "ev.resolution.dismissal": "stänger dörren utan att ge något alternativ",
        "ev.resolution.breach": "ett löfte utanför policyn kan inte hållas",
        "ev.resolution.deferral": "skickar ärendet vidare utan att säga vad eller när",
        "ev.resolution.details": "ber om personuppgifter innan något har getts",
        "ev.resolution.repeat": "samma svar som i replik {first}",
        "ev.resolution.accepted": "kunden accepterar utfallet",
        # outcome
        "tip.outcome.left": "Kunden avslutade med {said} (replik {turn}). Innan det går så långt: säg vad du kan göra "
                            "och stäm av att det fungerar för kunden.",
        "tip.outcome.complaint": "Kunden avslutade med {said} (replik {turn}). Problemet var fortfarande olöst: prova "
                                 "ett annat steg, eller säg vad du ska göra och när.",
        "tip.outcome.asking": "Kunden avslutade med {said} (replik {turn}). Svara på det kunden fortfarande behöver "
                              "innan samtalet tar slut.",
        "tip.outcome.resigned": "Kunden avslutade med {said} (replik {turn}). Stäm av innan du avslutar: ”Fungerar "
                                "det för dig?”",
        "note.outcome.no_reaction": "kunden reagerade inte på något svar, så det går inte att veta hur det slutade",
        "note.outcome.neither": "kundens sista ord visar varken att kunden är nöjd eller att problemet är olöst",
        "ev.outcome.solved": "kunden säger att det är löst",
        "ev.outcome.complaint": "kunden avslutar med att klaga eller utan att ha fått hjälp",
        "ev.outcome.asking": "kunden avslutar med en fråga",
        "ev.outcome.satisfied": "kunden avslutar nöjd",
        # the whole card
        "note.grade.guessed": "samtalet anger inget språk; bedömt som '{lang}' utifrån orden",
        "note.grade.unsupported": "språket '{lang}' har inga ordlistor än; bedömt med de engelska",
        "note.grade.no_turns_skill": "inga repliker från dig att bedöma",
        "note.grade.no_persona": "bedömt utan kundprofil: ingen policy, alltså inga policykontroller och inget som "
                                 "underkänner",
        "note.grade.persona_missing": "bedömt utan kundprofil: ingen policy, alltså inga policykontroller och inget som "
                                      "underkänner (kundprofilen '{persona}' hittades inte)",
        "note.grade.no_turns": "samtalet har inga repliker från dig: inget att bedöma",
        "note.grade.nothing_given": "inte godkänt: ingen replik gav kunden något (inget svar, ingen fråga, inget "
                                    "erbjudande och inget nästa steg)",
        "note.grade.blocker": "ett löfte eller påstående utanför policyn underkänner övningen oavsett poäng",
        # the model judge (evaluators.judge)
        "note.judge.failed": "AI-bedömningen misslyckades ({reason}); bedömningen gjordes enbart av koden",
        "note.judge.rules": "AI-bedömare: {model}; den får flytta en färdighet högst ±{points:.0f} poäng, och bara när "
                            "den ungefär håller med koden och ett ordagrant citat stöder ändringen; underkännanden "
                            "kommer bara från koden",
        "note.judge.disagreement": "{skill} (AI {judge:.0f}, koden {code:.0f})",
        "note.judge.disagree": "AI-bedömaren och koden skiljer sig åt med mer än {points:.0f} poäng i {skills}: kodens "
                               "poäng gäller; värt att en människa tittar på det",
        "note.judge.dropped": "AI-bedömare: {n} citat fanns inte ordagrant i samtalet och ströks",
        "note.judge.injected": "AI-bedömare: samtalet innehåller en instruktion till bedömaren, så AI-bedömaren kunde "
                               "bara sänka poängen",
        "ev.judge": "(AI) citerat av AI-bedömaren",
        # the skills' names, as the trainee reads them
        "skill.listening": "lyssnande",
        "skill.honesty": "ärlighet",
        "skill.calm": "lugn",
        "skill.empathy": "empati",
        "skill.resolution": "lösning",
        "skill.outcome": "utfall",
        # the score bands (evaluators.rubric) and the channels, as the trainee reads them
        "band.excellent": "utmärkt",
        "band.good": "bra",
        "band.needs_work": "behöver övas",
        "band.poor": "svagt",
        "channel.chat": "chatt",
        "channel.voice": "röst",
        # the terminal report (evaluators.report)
        "report.title": "bedömning",
        "report.persona": "kundprofil {persona}",
        "report.no_persona": "ingen kundprofil",
        "report.language": "språk {language}",
        "report.channel": "{channel}, {turns} repliker",
        "report.grader": "bedömare {grader}",
        "report.rubric": "bedömningsmall {version}",
        "report.overall": "Totalt {overall:.0f}/100 ({band}): {verdict}",
        "report.passed": "GODKÄNT",
        "report.not_passed": "INTE GODKÄNT",
        "report.blockers": "UNDERKÄNNANDEN (vart och ett underkänner övningen):",
        "report.evidence": "{effect} replik {turn} ({who}): {quote} ({note})",
        "report.customer": "kunden",
        "report.you": "du",
        "report.more": "… och {n} till",
        "report.voice": "röst: du pratade {ratio:.0%} av tiden (de bästa ungefär {top:.0%}); längsta monolog "
                        "{monologue:.0f} s; pratade i mun på kunden {overlaps} gång(er)",
        "report.voice_gap": "; i snitt {gap:.1f} s innan du svarade",
        "report.tips": "Tips:",
        "report.judge_error": "(AI-bedömare: {error})",
        "report.judge_proposed": "(AI-bedömaren föreslog {proposed:.0f}, justering {adjustment:+.0f})",
        "report.note": "Obs: {note}",
        # "What now?" (roleplay.hints)
        "hint.unanswered": "Kunden frågade ”{question}” och har inte fått något svar än.",
        "hint.first_question": "Kunden frågade dig något i sin första replik: svara på det före allt annat.",
        "hint.feeling": "Kunden har ännu inte hört dig sätta ord på hur hen känner sig.",
        "hint.offer": "Policyn tillåter något som du inte har erbjudit än.",
        "hint.story": "Det finns mer i kundens berättelse: en öppen fråga kan få fram det.",
        "hint.next": "Stäm av vad kunden fortfarande behöver, och berätta vad som händer härnäst.",
    },
}
