"""What trainee behaviours (and a few customer cues) look like in words, per language.

Each entry is a list of case-insensitive regular expressions.  They are data for
`analysis.py` (which decides what a turn does) and are kept apart so a language
can be added by adding a block here.  Patterns describe acts, not politeness
tokens: "I understand" alone is not empathy, "I understand how frustrating" is.

Trainee acts: empathy … goodbye.  Customer cues (used to read the conversation
around the trainee): tension, rhetorical, not_heard, action_question,
yes_no_question, leaving, accepting.
"""

from __future__ import annotations

SIGNALS: dict[str, dict[str, list[str]]] = {
    "en": {
        "empathy": [
            r"\b(i|we) (completely |totally |really |can |fully )?(understand|get|see|hear) (how|why|that)\b[^.?!]{0,40}\b(frustrat|upset|angry|annoy|disappoint|stress|worr|hard|difficult|awful|terrible|confus|furious|scary|unsettl)\w*",
            r"\b(that|this|it) (must|would|sounds?|seems?|is|was) (have been |be )?(really |so |very |incredibly |deeply |such a |a )?(frustrat|upset|annoy|disappoint|stressful|awful|terrible|difficult|hard|worrying|confusing|unfair|heartbreak|horrible|rotten|rough|miserable|painful)\w*",
            r"\b(a|such a|what a) (horrible|nasty|rotten|awful|terrible|stressful|unpleasant|rough) (surprise|shock|way|situation|week|day|experience)\b",
            r"\bnot a (nice|pleasant|good) (surprise|experience|way)\b",
            r"\bno wonder you(?:'re| are)\b",
            r"\byou(?:'re| are| were) (understandably |rightly |completely |totally )?(frustrat|upset|angry|annoy|disappoint|worried|stressed|confus|furious)\w*",
            r"\byou have every (right|reason) to be \w+",
            r"\bi(?:'d| would) be (frustrat|upset|angry|annoyed|disappointed|worried|furious|livid|fuming)\w* (too|as well)\b",
            r"\bi(?:'m| am) (so |really |very |truly )?sorry (to hear|about your|for your)\b",
            r"\b(what a|such a) (shame|disappointment|stressful)\b",
            r"\bi can (only )?imagine\b",
            r"\bthat(?:'s| is) (not|no) (okay|ok|acceptable|how it should)\b",
            r"\b(that|this|it) (shouldn't|should not|should never) (have )?happen(ed)?\b",
            r"\b(a |such a )?(huge|big|real|massive|terrible|horrible) (blow|shock|worry|hassle)\b",
            r"\bnot an easy (call|thing|conversation|situation)\b",
            r"\b(that(?:'s| is)|it(?:'s| is)|that must be|it must be) (a lot|tough|scary|worrying|nerve-wracking|a worry)\b",
            r"\bsorry to hear\b",
            r"\b(that(?:'s| is)) a fair (worry|concern|question|point)\b",
            r"\byou(?:'ve| have) done nothing wrong\b",
            r"\bi hope (the |your )?(recovery|knee|surgery|\w+ )?(is going|goes|heals|gets better)\b",
        ],
        "apology": [
            r"\b(i(?:'m| am)|we(?:'re| are)) (so |really |very |truly |terribly |deeply )?sorry\b",
            r"^\s*sorry\b",
            r"\b(i|we) (sincerely )?apologi[sz]e\b",
            r"\bmy apologies\b",
        ],
        "ownership": [
            r"\b(i(?:'ll| will)|let me|i(?:'m| am) going to) (personally |also |now )?(make sure|take care|sort (this|it)|fix|arrange|set up|book|process|put|send|check|look into|find out|follow up|call you|email you|walk you|flag|mark|note|escalate|update|switch|pause|add|credit|refund)\b",
            r"\b(that(?:'s| is|was)|it(?:'s| is| was)) (on us|our (fault|mistake|error))\b",
            r"\bwe (got|made) (this|it|that|a mistake)\b",
            r"\b(i|we) take (full )?responsibility\b",
            r"\bwe (should|shouldn't) have\b",
            r"\bwe (let you down|dropped the ball|messed up)\b",
            r"\bi(?:'ve| have) (now )?(set|updated|extended|booked|arranged|waived|added|sent|switched|paused|put|made|changed|credited|refunded)\b",
            r"\bi(?:'m| am) (picking this up|taking this on|on it)\b",
        ],
        "open_question": [
            r"(^|[.!?]\s+|,\s*)(so,? |and |but |okay,? |ok,? )?(what|how|why|which|where|when|who|tell me|could you tell me|can you tell me|can i ask (what|why|how)|would you (tell|walk|describe)|walk me|describe|help me understand)\b[^?]*\?",
            r"\b(tell me|walk me through|help me understand) (more|what|how|about|a bit)\b",
        ],
        "reflection_lead": [
            r"\b(so|okay,? so) you(?:'re| are|'ve| have)?\b",
            r"\bit sounds like\b",
            r"\bif i (understand|hear) (you )?(correctly|right)\b",
            r"\byou(?:'re| are) saying\b",
            r"\byou (said|mentioned|told me)\b",
            r"\bwhat i(?:'m| am) hearing\b",
            r"\blet me (make sure|check) i (understand|have (this|it|that) right)\b",
            r"\bjust to (confirm|make sure|check)\b",
        ],
        "stock_listening": [
            r"\bi (hear|understand|get) you\b",
            r"\bi (totally |completely |fully )?understand\b",
            r"\bi hear what you(?:'re| are) saying\b",
            r"\bgreat question\b",
            r"\bi understand your (concern|frustration|point)\b",
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
            r"\byou clearly (don't|do not|didn't|can't)\b",
            r"\byou(?:'d| would) (be|have to be) (crazy|mad|stupid|nuts|insane)\b",
            r"\bdo you want it or not\b",
        ],
        "calm_down": [r"\b(calm|settle) down\b", r"\bcalm yourself\b", r"\brelax\b", r"\bdon't (get|be so) (upset|angry|emotional|dramatic)\b", r"\bstop (shouting|yelling|swearing|being (so )?(rude|dramatic|emotional))\b", r"\boverreact\w*"],
        "belittling": [
            r"\b(it(?:'s| is|was)|that(?:'s| is)) (only|just) (a|an|some|one|the) \w+",
            r"\bonly a (toy|present|gift|game|parcel|machine|router|bill|day|party|few)\b",
            r"\b(he|she|they|you|your (kid|son|daughter|child)|the kid)(?:'ll| will) (survive|get over it|live|be fine)\b",
            r"\bnot the end of the world\b",
            r"\b(no|not a) big deal\b",
            r"\b(first world problem|could be worse|worse things happen)\b",
            r"\b(there(?:'s| is) no need to|no need to) (make|get) (such )?a (fuss|drama)\b",
            r"\bmaking a (fuss|drama|big deal)\b",
            r"\bkids? (don't|do not) (care|remember|notice)\b",
        ],
        "sarcasm": [
            r"^\s*(oh,? )?(great|wonderful|lovely|fantastic|brilliant|congratulations)[!.]",
            r"\b(oh|wow),? (what a|how) (tragedy|tragic|terrible|awful|sad|shame)\b",
            r"\bboo[- ]hoo\b",
            r"\bsure you (did|have|do)\b",
            r"\bwell,? aren't you (special|clever)\b",
            r"\bwhat a (tragedy|catastrophe|disaster)\b",
        ],
        "dismissal": [
            r"\bnot (really )?(my|our) problem\b",
            r"\bnothing (else )?(i|we) can do\b",
            r"\b(that(?:'s| is)|it(?:'s| is)) (just )?(the|our) (policy|rules?)\b(?![^.]*\b(but|however|what i can)\b)",
            r"\bread the (terms|policy|website|faq|small print|fine print)\b",
            r"\b(it(?:'s| is)|that(?:'s| is)) (all )?in the (terms|contract|small print|fine print|conditions)\b",
            r"\bi can(?:'t|not) help you\b",
            r"\b(take it or leave it|nothing else to discuss|that's all i can say)\b",
            r"\b(it|that|these things) happens?\b",
            r"\b(call|contact|email) (someone|somebody) else\b",
            r"\bnot something (we|i) (can )?control\b",
        ],
        "blame": [
            r"\byou should(?:'ve| have)\b",
            r"\b(your|the customer's) (own )?fault\b",
            r"\byou (didn't|did not|failed to|forgot to|never) (read|check|follow|order|enter|update|call|cancel)\b",
            r"\b(the courier|the warehouse|another department|my colleague|the other team|the previous agent|the tech(nician)?|the other agent|our agent|the driver|the supplier)('s)? (fault|messed up|screwed up|got it wrong|to blame)\b",
            r"\b(courier|warehouse|driver|supplier|post office|delivery company|previous agent|other agent|other department)\b[^.!?]{0,20}\b(was|were|is|are) (late|slow|slower|to blame|wrong|the problem|at fault)\b",
            r"\b(agent|colleague|courier|warehouse|technician|department|team|driver)'s fault\b",
            r"\bnot (his|her|their) fault\b",
            r"\bblame (the|my|your)\b",
            r"\byour (setup|set-up|equipment|network) (was|is) (so |too |very )?(complicated|unusual|old|weird|complex)\b",
        ],
        "threat": [
            r"\b(i(?:'ll| will)|we(?:'ll| will)) (cancel|close|block|ban|suspend|report) (your|you)\b",
            r"\bor else\b",
            r"\b(i(?:'ll| will)|i(?:'m| am) going to) hang up\b",
            r"\b(have to|going to|will) (end|terminate|disconnect) (the|this) (call|chat|conversation)\b",
            r"\b(goes|go|going|send (it|you)|passed|hand(ed)?( it)? over|refer(red)?( it)?) to (debt )?collection(s| agency)?\b",
            r"\blegal action\b",
        ],
        "argue": [
            r"\bas i (already )?(said|told you|explained|mentioned)\b",
            r"\b(that(?:'s| is)|this is) (simply )?not (true|what happened|correct|right)\b",
            r"\byou(?:'re| are) (wrong|mistaken)\b",
            r"\bthere(?:'s| is) no need to (be rude|swear|shout|get|take)\w*",
            r"\bit(?:'s| is) not like i\b",
            r"\bi(?:'m| am) (just )?trying to help you\b",
            r"\bwhat do you (want|expect) me to do\b",
            r"\bif you(?:'d| had) (just )?(listened|read|let me)\b",
            r"\b(look|listen),\s",
            r"\bit(?:'s| is) (really |very |not )*(that )?(simple|easy|obvious|complicated|hard|difficult)\b",
            r"\bnot rocket science\b",
        ],
        "pressure": [
            r"\b(only|just) (today|this week|until (tonight|tomorrow|friday|midnight))\b",
            r"\b(offer|deal|price|discount) (ends|expires|is gone|goes away|won't last)\b",
            r"\b(last|final) chance\b",
            r"\b(sign|buy|decide|commit|order) (now|today|right now|before)\b",
            r"\bbefore it(?:'s| is) too late\b",
            r"\b(you(?:'ll| will)|you(?:'d| would)) (regret|lose (out|it))\b",
            r"\beveryone (else )?(is|has|are) (signing|buying|switching|upgrading|moving)\b",
            r"\b(lock|locks) in (the|this) price\b",
            r"\b(hurry|act (fast|now))\b",
            r"\b(only|just) (a few|\d+) (left|spots|places)\b",
        ],
        "overclaim": [
            r"\bi (can )?(guarantee|promise)\b",
            r"\b(100|a hundred|one hundred) ?(%|percent|per cent) (sure|certain|guaranteed)\b",
            r"\bwill (definitely|certainly|absolutely) (arrive|work|be|get)\b",
            r"\b(never|won't ever) happen again\b",
            r"\b(guaranteed|no doubt about it)\b",
        ],
        "dont_know": [
            r"\bi (don't|do not) know\b[^.?!]{0,60}\b(check|find out|ask|confirm|get back|look)\b",
            r"\b(i(?:'m| am)) not (sure|certain)\b[^.?!]{0,60}\b(check|find out|ask|confirm|get back|look)\w*",
            r"\blet me (check|confirm|find out|ask)\b",
            r"\bi(?:'ll| will) (find out|check|confirm|ask)\b",
            r"\bi(?:'ll| will) get back to you\b",
        ],
        "solution": [
            r"\bwhat i can (do|offer)\b",
            r"\b(i|we) can (also |still |either )?(offer|give|refund|arrange|send|book|extend|pause|waive|credit|switch|schedule|set up|add|walk you|help you|sort)\b",
            r"\bhere(?:'s| is) what\b",
            r"\b(next step|the options are|one option|two options|you can choose)\b",
            r"\bwould (that|this|it) (help|work)\b",
            r"\bhow about\b",
            r"\bwhy don't i\b",
            r"\b(click|go to|choose|select|open|tap)\b[^.?!]{0,40}\b(then|and)\b",
        ],
        "close": [
            r"\bshall i (send|set|sign|get|put|book) (you|the|it|that)\b",
            r"\bwould you like (me )?to (sign|set (it |you |that )?up|go ahead|start|order|buy|proceed)\b",
            r"\b(can|could) i (sign|set) you up\b",
            r"\b(are you )?ready to (sign|go ahead|order|commit)\b",
            r"\bsend the contract\b",
            r"\blet me (get|sign) you (set up|signed up|started|on)\b",
        ],
        "offer_verb": [
            r"\b(i|we) (can|could|will|'ll|would|am able to) (also )?(give|offer|refund|credit|waive|knock|take|send|pay|put|add|do|throw|let you have)\b",
            r"\bi(?:'ll| will) (give|offer|refund|credit|waive|knock|take|send|pay|put|add|throw)\b",
            r"\byou(?:'ll| will) get\b",
            r"\b(discount|voucher|credit|refund|% off|percent off)\b",
        ],
        "injection": [
            r"\bignore (all |your |the |any )*(previous |prior |above |earlier )*(instructions|rules|prompts?)\b",
            r"\b(system prompt|you are (now )?an? (ai|assistant|language model|grader|evaluator))\b",
            r"\b(rate|score|grade|mark) (this|me|my answers?|the conversation|this conversation)\b[^.]{0,40}\b(100|10/10|perfect|full marks|maximum|top marks)\b",
            r"\bnew instructions?\b",
            r"\bact as\b",
            r"\b(as the|dear) (grader|evaluator|judge)\b",
        ],
        "negation": [r"\b(not|no|never|can't|cannot|can not|won't|unable|isn't|aren't|don't|doesn't|unfortunately|neither|nor|without|afraid)\b"],
        "goodbye": [r"\b(goodbye|bye|have a (nice|good|great) (day|evening))\b"],
        # ---- customer cues
        "tension": [
            r"\b(bloody|damn\w*|hell|crap|shit\w*|f+u+c+k\w*)\b",
            r"\b(ridiculous|unacceptable|outrageous|disgrace\w*|joke|pathetic|useless|terrible|awful)\b",
            r"\b(furious|angry|annoyed|upset|frustrat\w*|disappoint\w*|fed up|sick of|livid|gutted|stressed)\b",
            r"\b(are you (kidding|serious)|you('re| are) kidding)\b",
            r"\b(late|broken|missed|lost|wiped|without (any )?warning|never (got|heard|arrived)|still (not|doesn't|hasn't)|twice|nobody (answered|told|warned))\b",
            r"\b(i don't (know|understand) what|confus\w*|worried|scared|nervous|you've lost me|awkward|dreading|embarrass\w*|i'm sorry to (bother|be a nuisance))\b",
            r"\b(snapped|damaged|cracked|faulty|defective|not one (human )?(reply|answer|response)|no (reply|answer|response)|nobody|no one)\b",
        ],
        "rhetorical": [
            r"\b(what the (hell|heck|fuck)|are you (kidding|serious)|seriously|do you know how|how hard (can|is) it|who does that|what kind of)\b",
            r"\b(is (anyone|anybody) (actually |even )?(there|listening|reading)|are you even (reading|listening)|does (anyone|anybody) (care|read))\b",
            r"\b(bloody|damn|hell)\b",
        ],
        "not_heard": [
            r"\b(like|as) i (said|told you|mentioned|wrote)\b",
            r"\bi (literally |just |already )+(told|gave|said)\b",
            r"\b(not|isn't) (quite |really )?(what i asked|an answer|my question)\b",
            r"\bi (already )?(put|gave|wrote) (it|that) in my (first )?(message|email)\b",
            r"\b(you're|you are) not (listening|hearing me)\b",
            r"\bi haven't asked anything\b",
            r"\bi asked (you )?(a )?(straight|simple) question\b",
            r"\bi (just|only) want(ed)? (to|my|a|the)\b",
            r"\bi(?:'ve| have) already (emailed|sent|told|given|called|explained|written)\b",
            r"\bare you even (reading|listening)\b",
            r"\b(one (step |thing )?at a time|slow down|slower,? please|too fast|you've lost me|that's a lot of steps)\b",
        ],
        "action_question": [
            r"\bwhat (are|will|can|do) you (actually |even )?(going to |gonna )?do\b",
            r"\b(can't|can|could|couldn't) you (just )?(do )?(anything|something)\b",
            r"\bwhat (can|will) (you|your company|you guys) do\b",
            r"\bwhat are my options\b",
            r"\bwho (pays|is paying|will pay)\b",
            r"\bwhat about\b",
            r"\bhow (do|can) i\b",
            r"\b(so|do) i (just )?(lose|pay for|get nothing|have to pay)\b",
        ],
        "yes_no_question": [r"^\s*(and |so |but )?(is|are|can|could|do|does|did|will|would|should|have|has|was|were|can't|won't|isn't|doesn't|shall|may)\b"],
        "answer_start": [r"^\s*(yes|yeah|yep|no|nope|not (directly|really|yet|at the moment|quite)|sure|of course|absolutely|unfortunately|i'm afraid|sadly|it does|it doesn't|we do|we don't|we can|we can't|i can|i can't|i can't promise|it's (only|just)|it is (only|just))\b"],
        "leaving": [r"\b(forget it|goodbye|i'm done|i'll (keep looking|go elsewhere|dispute|take my business)|whatever|pointless)\b"],
        "undecided": [r"\bi('ll| will) (think about it|need to think|have to think)\b", r"\bnot (deciding|signing) (anything )?today\b"],
        "resigned": [r"\bi guess( not| so)?\b", r"\bif that's all\b", r"\bfine,? whatever\b", r"\bi suppose\b"],
        "unknown": [r"\bi (don't|do not) know\b", r"\bi(?:'m| am) not (sure|certain)\b", r"\bno idea\b"],
        "complaint_question": [r"^\s*(surely|isn't (it|that)|aren't you|how (is|was|can) (that|this|it) (ok|okay|fair|acceptable|possible)|what kind of|so what)\b", r"^\s*(that's it|is that (it|all))\b"],
        "puffery": [r"\b(trusted by|the leading|best[- ]in[- ]class|world[- ]class|industry[- ]leading|number one|most (of our )?(users|customers|clients) love|great plans|really fast|you won't find anything better)\b"],
        "accepting": [r"\b(that works|that's fair|thank(s| you)|okay,? (do that|book it|go ahead)|yes,? please|book it|do that|go ahead|perfect|great|sounds good|alright)\b",
                      r"^\s*(fine|okay|ok|alright|right|yes)[,.!]?\s+(book|do|go|pause|send|set|switch|please)\b", r"\bplease do\b"],
    },
    "sv": {
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
    },
    "fi": {
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
    },
}

# Details a customer gives that an agent should not ask for again, for transcripts with no persona
# (and on top of a persona's own facts): (id, what, ask patterns, value pattern in the customer's words).
GENERIC_FACTS: dict[str, list[tuple[str, str, list[str], str]]] = {
    "en": [
        ("order_number", "the order number", [r"\border (number|no\.?|#|id|reference)\b", r"\b(what|which) order\b"], r"\b(?:order|ref\w*)\D{0,20}?(\d{4,})\b|\b(\d{5,})\b"),
        ("account_number", "the account number", [r"\b(account|customer|membership) (number|no\.?|#|id)\b"], r"\b([A-Z]{1,4}-?\d{4,})\b"),
        ("email", "the email address", [r"\be-?mail( address)?\b"], r"([\w.+-]+@[\w-]+\.[\w.]+)"),
        ("phone", "the phone number", [r"\b(phone|mobile|contact) number\b"], r"(\+?\d[\d \-]{7,}\d)"),
        ("amount", "the amount", [r"\bhow much (were you|was it|did you|have you been)\b", r"\b(what|which) amount\b"], r"([$€£] ?\d+(?:[.,]\d\d)?|\d+(?:[.,]\d\d)? ?(?:dollars|euros?|kr|kronor))"),
    ],
    "sv": [
        ("order_number", "ordernumret", [r"\bordernumm?er\b", r"\bvilken order\b"], r"\b(?:order|beställning)\D{0,20}?(\d{4,})\b|\b(\d{5,})\b"),
        ("account_number", "kundnumret", [r"\bkundnumm?er\b", r"\bavtalsnumm?er\b"], r"\b([A-Z]{1,4}-?\d{4,})\b"),
        ("email", "mejladressen", [r"\b(e-?post|mejl)(adress)?\b"], r"([\w.+-]+@[\w-]+\.[\w.]+)"),
        ("phone", "telefonnumret", [r"\b(telefon|mobil)numm?er\b"], r"(\+?\d[\d \-]{7,}\d)"),
    ],
    "fi": [
        ("order_number", "tilausnumero", [r"\btilausnumer\w*", r"\btilauksen numer\w*"], r"\b(\d{5,})\b"),
        ("account_number", "asiakasnumero", [r"\basiakasnumer\w*"], r"\b([A-Z]{1,4}-?\d{4,})\b"),
        ("email", "sähköpostiosoite", [r"\bsähköposti(osoite|osoitteesi)?\b"], r"([\w.+-]+@[\w-]+\.[\w.]+)"),
        ("phone", "puhelinnumero", [r"\bpuhelinnumer\w*"], r"(\+?\d[\d \-]{7,}\d)"),
    ],
}

# Words too common to count as listening when echoed back.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """a an the and or but if so to of in on at by for with from about as into it its it's this that these those
        i me my mine we us our you your yours he him his she her they them their is are was were be been being am do does
        did done have has had having will would can could should shall may might must not no yes ok okay just very really
        what when where why how which who whom there here then than too also only even still yet again more most some any
        all each every both few much many such own same other another one get got make made know think want need
        like well now please thank thanks sorry hi hello right sure let let's i'm i'll i've i'd
        you're you've you'll don't can't won't didn't isn't that's it's there's what's doesn't aren't wasn't haven't
        hasn't couldn't wouldn't shouldn't we're we'll we've they're he's she's i'd you'd that'll
        actually just honestly anything something everything nothing going gonna way thing things bit lot able
        great good fine sir madam mr mrs ms kind""".split()
    ),
    "sv": frozenset(
        """och eller men om så att av i på vid för med från som det den de detta dessa jag mig min mitt mina vi oss vår
        vårt våra du dig din ditt dina han hon hen de dem deras är var varit vara har hade ha kan kunde ska skulle vill
        inte nej ja okej bara väldigt mycket vad när var varför hur vilken vilket vilka vem där här sedan än också även
        nu idag tack förlåt hej hallå en ett er ert era ju nog någon något några allt alla mer göra gör gjorde får fick
        sa sade säger blir blev finns kommer""".split()
    ),
    "fi": frozenset(
        """ja tai mutta jos niin että se ne tämä nämä tuo minä minun minua me meidän sinä sinun sinua te teidän hän he on
        oli ovat olen olet olemme olette ei en et emme voi voisi pitää haluan kyllä joo okei vain hyvin paljon mitä miten
        miksi milloin missä kuka mikä nyt tänään kiitos anteeksi hei moi sitä sen sitten kun vielä jo myös nyt siis
        olisi ole voin voitte teille teiltä minulle sinulle""".split()
    ),
}

# Solving and how the customer ends up (English so far; a language without a block simply finds none).
# Raters of real helpdesk dialogues (STC-3) reward these acts and punish their stock stand-ins; kept
# apart from SIGNALS so the two grow without touching each other.
SOLVING: dict[str, dict[str, list[str]]] = {
    "en": {
        # a step the customer can take, or a fix already made
        "steps": [
            r"\b(go to|click|tap|select|choose|enter|press|long[- ]press|hold down|switch (it )?(off|on)|turn (it )?(off|on)|power (it )?(off|on)|restart|reboot|reinstall|uninstall|update (it |the \w+ )?to|upgrade (it )?to|clear (the )?(cache|data)|back up|log (in|on) to|sign in to|dial|send (an? )?(sms|text|message) to|download|unplug)\b[^.?!]{3,}",
            # words that are steps only as an instruction ("the reset wiped it" is not one)
            r"(?:^|[.!?:;,]\s*|\b(?:please|then|and|first|just|simply|now|or|to|can|could|may|should)\s+)(open|reset|insert|plug|remove the|try)\b[^.?!]{3,}",
            r"\b(visit|bring it to|take it to|go to) (the |a |our |any |your )?(nearest |nearby |local )?(business hall|service (center|centre|point|outlet)|store|shop|repair|after-sales|outlet)\b",
            r"\b(settings|menu|app store)\s*(>|-|→)\s*\w+",
            r"\b(has|have) (now )?been (fixed|resolved|restored|refunded|repaired|processed|credited|reset|unblocked|activated|reactivated|cancell?ed|unfrozen|corrected|recovered|returned|replaced|sent|shipped)\b",
            r"\b(we|i)(?:'ve| have) (now |already )?(fixed|resolved|restored|refunded|repaired|processed|credited|reset|unblocked|activated|cancell?ed|unfrozen|corrected|recovered|replaced|sent|shipped|booked|arranged)\b",
            r"\byou (can|may|could|need to|should|just need to) (try |first )?(go to|click|tap|select|open|enter|press|restart|reboot|reinstall|update|upgrade|clear|reset|log in|dial|send|download|call|visit|use|check|apply|change|switch|turn|set)\b",
            r"^\s*(please )?(try|restart|reboot|reinstall|update|clear|reset|dial|click|tap|go to|open|press)\b",
            r"\b(please|kindly) (try|restart|reboot|reinstall|update|upgrade|clear|reset|dial|click|tap|open|press|log in|switch|turn|visit|call|use|apply)\b",
        ],
        # why it happened
        "cause": [
            r"\b(because|due to|caused by|the (reason|cause) (is|was|for)|is a result of|as a result of|it(?:'s| is) (a|an) (known )?(bug|fault|issue|problem) (with|in)|this (happens|occurs) when)\b",
        ],
        # a when: a day, a time, a span
        "when": [
            r"\b(within|in|after) (\d+|one|two|three|four|five|a few|24|48|72) (working |business )?(minutes?|hours?|days?|weeks?)\b",
            r"\b(today|tonight|tomorrow|this (morning|afternoon|evening|week)|by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the end of))\b",
            r"\bbetween \d{1,2}(:\d\d)?( ?[ap]m)? and \d{1,2}\b",
            r"\b(on|by) (the )?\d{1,2}(st|nd|rd|th)?\b",
            r"\b(at|before|by) \d{1,2}(:\d\d)? ?([ap]\.?m\.?|o'clock)?\b",
        ],
        # "passed on, please wait": a promise with no what and no when
        "deferral": [
            r"\b(forward(ed)?|report(ed)?|transfer(red)?|pass(ed)?|fe(e)?d back|submit(ted)?|reflect(ed)?|escalat(ed|e)|refer(red)?) (it |this |them |your \w+ |the \w+ )?(on )?to (the |our )?(relevant|related|responsible|competent|corresponding|technical|appropriate|concerned) (department|departments|staff|personnel|colleagues|team|section|unit)\b",
            r"\b(please )?(wait|be) patient(ly)?\b|\bwait patiently\b|\bplease wait\b",
            r"\b(we|i|they|someone|staff|personnel)(?:'ll| will) (contact|reply to|get back to|call|follow up with|handle|deal with|verify|check|look into|process) (you|it|this|them|the \w+)( \w+)? (later|soon|shortly|as soon as possible|asap|in time|in due course)\b",
            r"\b(will be|is being) (handled|dealt with|processed|verified|checked|looked into) (soon|as soon as possible|shortly|in time|later)\b",
        ],
        # courtesy that stands in for help
        "courtesy": [
            r"\b(sorry|apologi[sz]e) for (the |any |your |all )?(inconvenience|inconveniences|trouble|troubles|bad experience)( caused)?\b",
            r"\bthank(s| you) (very much |so much )?for (your |the )?(understanding|support|attention|patience|feedback|suggestions?|affirmation|cooperation|concern|trust|advice|comments?|precious \w+)\b",
            r"\b(we|i)(?:'ll| will) (continue to |keep |constantly )?(improv|strengthen|optimi[sz]|enhanc|perfect)\w* (our |the )?(service|services|network|networks|work|quality|product|products)\b",
            r"\b(glad|happy|pleased|honou?red) to (serve|help|assist) you\b",
            r"\b(hope|wish) (that )?you (can|could|will) (understand|forgive|be satisfied|have a (nice|good|happy))\b|\bplease understand\b",
            r"\b(contact|consult) us (at )?any ?time\b|\bfeel free to contact us\b",
            r"\bwish you (a |an )?(happy|nice|good|pleasant)\b",
        ],
        # asks for personal details or a private channel instead of helping here
        "details_request": [
            r"\b(private|direct) (message|messages|letter|chat)\b|\b(pm|dm) (us|me)\b|\bvia pm\b|\bby pm\b",
            r"\b(provide|send|leave|tell|give|share|offer)(( us| me)? (with )?your|( us| me) (with )?the) ([\w'-]+ ){0,4}(number|name|address|account|id|contact( method| information| details)?|details|information|screenshot|screen shot|location|identity|phone)\b",
        ],
        # the customer's reaction at the end
        "end_positive": [
            r"\b(thank(s| you)|thx|got it|understood|i see|i will try|i['’]ll try|ok(ay)?|great|perfect|good)\b",
        ],
        # stronger than a complaint in the same breath: "It's solved. Thank you! But next time …"
        "end_resolved": [
            r"\b(it works|it['’]?s (working|fixed|solved|resolved|sorted)|it (is|has been) (working|fixed|solved|resolved|sorted)|works now|(problem|issue) (is |has been )?(solved|resolved|fixed))\b",
            r"\b(thumbs?[- ]up|good job|appreciate\w*|(so|very|really|more) (quick|fast|efficient|helpful|patient)|acted (very |so )?(fast|quickly)|marvel+ous)\b",
        ],
        "end_negative": [
            r"\b(same (reply|answer|response|words)|answering machine|robot|machine (comment|reply|answer)|automatic (reply|answer)|copy(ing)? and past(e|ing)|useless|rubbish|nonsense|no use|still (not|doesn['’]t|does not|can['’]t|cannot|no|hasn['’]t|isn['’]t)|doesn['’]t work|does not work|not working|didn['’]t work|did not work|nobody|no one|no response|no reply|never)\b",
            r"\b(has ?n['’]?t|has not|have ?n['’]?t|have not|was ?n['’]?t|was not|is ?n['’]?t|is not|not) (been )?(resolved|solved|fixed|handled|dealt with|answered)\b",
            r"\b(angry|furious|upset|annoyed|disappointed|frustrated|fed up|sick of|unacceptable|ridiculous|outrageous|pathetic|terrible|awful|disgust\w*|unsatisf\w*|dissatisf\w*|lectured)\b",
            r"\b(irrelevant|off[- ]topic|(don['’]t|do not) need (to|your) (reply|answer)|not the first time|you always (say|speak|reply|answer)|diplomatic)\b",
            r"\b((file|make|lodge) a complaint|complain (to|about|against)|(don['’]t|do not) want to hear|what do i need you for|what['’]?s the (point|use)|solve the (key |real )?problem)\b",
        ],
        # questions that attack rather than ask
        "insult_question": [
            r"\b(are|is) (you|your \w+|this) (so |that |really |just |even )?(lazy|stupid|useless|incompetent|a joke|an answering machine|a robot|serious|kidding|deaf|blind)\b",
            r"\bwhat (kind|sort) of (service|company|attitude|business)\b",
            r"\bhow (can|could|dare) you\b",
            r"\bis this (how|what) you\b",
            r"\bwhy (is|are|does|do) (your|the) [\w ]{0,30}(so|always) (bad|poor|slow|terrible|rubbish|awful)\b",
        ],
    },
}


def signals(language: str) -> dict[str, list[str]]:
    """The analysis's patterns of a language, by finding (English where a language has none)."""
    return SIGNALS.get(language, SIGNALS["en"])


def solving(language: str) -> dict[str, list[str]]:
    """The solving and outcome cues of a language (SOLVING); a language without them finds none."""
    return SOLVING.get(language, {})
