"""English: how the language is read (roleplay.lexicon and the guard use it; see found.py).

Data, not code, and long for that reason: every pattern the analysis and the guard read in
this language (languages/lexicon.py checks it against English at start).
"""

# What trainee behaviours (and a few customer cues) look like in words: case-insensitive regular
# expressions by finding.  Every pack has each of English's groups.
SIGNALS = {
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
        r"\b(f*fu+c*ck\w*|shit\w*|damn you|bloody hell|crap)\b",
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
        r"\b(bloody|damn\w*|hell|crap|shit\w*|f*fu+c*ck\w*)\b",
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
}

# Details a customer gives that an agent should not ask for again, for transcripts with no persona
# (and on top of a persona's own facts): (id, what, ask patterns, value pattern in the customer's words).
GENERIC_FACTS = [
    ("order_number", "the order number", [r"\border (number|no\.?|#|id|reference)\b", r"\b(what|which) order\b"], r"\b(?:order|ref\w*)\D{0,20}?(\d{4,})\b|\b(\d{5,})\b"),
    ("account_number", "the account number", [r"\b(account|customer|membership) (number|no\.?|#|id)\b"], r"\b([A-Z]{1,4}-?\d{4,})\b"),
    ("email", "the email address", [r"\be-?mail( address)?\b"], r"([\w.+-]+@[\w-]+\.[\w.]+)"),
    ("phone", "the phone number", [r"\b(phone|mobile|contact) number\b"], r"(\+?\d[\d \-]{7,}\d)"),
    ("amount", "the amount", [r"\bhow much (were you|was it|did you|have you been)\b", r"\b(what|which) amount\b"], r"([$€£] ?\d+(?:[.,]\d\d)?|\d+(?:[.,]\d\d)? ?(?:dollars|euros?|kr|kronor))"),
]

# Words too common to count as listening when echoed back.
STOPWORDS = frozenset(
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
)

# Solving and how the customer ends up (a language without them simply finds none).
# Raters of real helpdesk dialogues (STC-3) reward these acts and punish their stock stand-ins.
SOLVING = {
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
}

STEMMER = "english"  # the Snowball algorithm (PyStemmer)
SPELLING = None  # (checker, dictionary) for word-by-word checks of the customer's lines, or None
# Words that end in a full stop without ending the sentence (lower case).
ABBREVIATIONS = "mr mrs ms dr prof st jr sr vs e.g i.e approx inc ltd".split()
AUTHORED_ON_EMBEDDED = False  # the embedded model writes it too poorly to show (roleplay bench --customer)

# The guard: what a customer line must not do.  Role breaks by kind (a line that offers help or
# asks the agent's questions has left the customer's role); English's are checked in every language.
ROLE_BREAKS = {
    "offers_help": [
        r"\bhow (can|may|could) (i|we) (help|assist)",
        r"\bwhat can i do for you\b",
        r"\bi(?:'d| would) be (happy|glad|delighted) to (help|assist)",
        r"\bis there anything else (i|we) can\b",
        r"\b(i|we) can (help|assist) you\b",
        r"\blet me (look into|see what i can do|pull up|help you)\b",
        r"\bi(?:'ll| will) (process|escalate|look into|check on|arrange|issue) (that|this|your|a)\b",
        r"\b(i|we) (can|will) (offer|refund|credit|give) you\b",
        r"\bhappy to help\b",
    ],
    "asks_agents_questions": [
        r"\b(could|can|may|would) (you|i) (please )?(provide|have|get|confirm|give me|share|tell me) (me )?(with )?(your|the) (order|account|full name|name|email|phone|number|details|reference|invoice)",
        r"\bwhat(?:'s| is) your (order|account|customer|reference|phone|email|full name)",
        r"\b(could|can) you (please )?(provide|share|give me) (more|some|additional) (details|information)",
        r"\bplease (provide|share|confirm) your\b",
        r"\bhow (can|may) i (be of )?(help|assist|service)",
    ],
    "apologises_for_company": [
        r"\b(we|i) (sincerely |truly )?apologi[sz]e for (the|any|this|your)\b",
        r"\bsorry for (the|any) (inconvenience|trouble|delay|confusion)",
        r"\bthank you for (contacting|calling|reaching out|your patience|choosing|bringing this)",
        r"\bon behalf of (the|our) (company|team)\b",
        r"\bour (records|policy|policies) (show|state|say)",
        r"\bour team (will|is|has been)\b",
        r"\bwe value (you|your)\b",
        r"\bwe understand your (frustration|concern)",
    ],
}
# Talk about the role-play itself (AI, the scene, the instructions): checked whatever language is spoken.
TASK_TALK = [
    r"\bas an? (ai|a\.i\.|language model|assistant|chatbot|virtual assistant)\b",
    r"\b(language model|ai model|large language model|llm|chatbot|openai|qwen)\b",
    r"\bi(?:'m| am) (just )?(an? )?(ai|a\.i\.|bot|assistant|language model|computer program)\b",
    r"\b(role-?play|persona|system prompt|stage direction|in character|the transcript|the dialogue|the scene)\b",
    r"\b(my|these|the above|previous|system) instructions\b",
    r"\bhere(?:'s| is) (a |an |the )?(possible |suggested )?(reply|response|line|answer|continuation)",
    r"^\s*(sure|certainly|of course)[,!.]\s*(here|i can|as)",
    r"\bi can(?:'t|not) (assist|help) with (that|this) request\b",
    r"\b(the customer|the agent|the trainee|the representative)\b",
]
# Strong acceptance: what a customer says when they take a deal (not a polite "thanks").
ACCEPT = [r"\b(that's|that is|sounds) (fair|fine|good|great)\b", r"\bthat works\b", r"^\W*deal\b", r"\b(it's|that's) a deal\b",
          r"\bi(?:'ll| will) take (it|that)\b"]  # "a deal", not "not a big deal"
# Giving up on what one wants ("I guess I'll just have to wait"): not while the customer still presses for it.
GIVE_IN = [r"\bi (guess|suppose) (i'?ll|i will|i have to|i'?d better|that'?s|it'?s|so)\b",
           r"\b(i'?ll|i will|i'?d better) (just )?(have to )?wait( a while| and see)\b", r"\bfine,? whatever\b",
           r"\bnever ?mind\b"]
# What comes before one's own name ("my name is Sam"): a name after it is no narration.
SELF_INTRO = [r"\bi'?m", r"\bi am", r"this is", r"my name is", r"it'?s"]

# Amounts and plain-language policy examples (roleplay.policy_phrases).
# Words that carry no offer of their own: who makes it ("I", "we", "you'll"), helper verbs, articles
# and the verbs of handing over ("give", "get"), so "I can give you a gift card" and "you'll get a
# gift card" both come down to "gift card".  Negations are not here: the analysis reads them; nor "I'm"
# and "we're", which make "I'm sorry" an apology where "sorry for any inconvenience" is stock courtesy.
FILLERS = frozenset("""
    i me my we us our you your he him his she her they them their it its a an the this that these those
    is are was were be been being am will would can could shall should may might must do does did have has had
    i'll we'll you'll it'll it's that's i've we've you've i'd we'd you'd let let's
    get gets got getting give gives giving given receive receives offer offers offering provide provides
    also really happy glad to of for in on at with by from as and or so then
    """.split())
# Number words, so "three months" is a number of months.  Only before a unit ("one month"), since
# "a" and "one" are often no number at all.
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
NUMBER_WORDS = ({w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
                | {"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
                   "hundred": 100, "half": 0.5}
                | {f"{t}-{o}": tv + ov for t, tv in _TENS.items() for o, ov in _ONES.items() if ov})
SEVERAL = {"several", "few", "couple"}  # "several months" and "a few days" are two or more
# A unit by the start of its word (the currency signs are shared).
UNITS = (("%", "percent"), ("percent", "percent"), ("dollar", "money"), ("buck", "money"), ("euro", "money"),
         ("pound", "money"), ("hour", "hour"), ("day", "day"), ("week", "week"), ("month", "month"), ("year", "year"))
# Between a number and its unit: "five business days", "three free months" (still words of their own).
BEFORE_UNIT = {"per", "business", "working", "free", "extra", "more", "full", "cent"}
# Words before an amount that make it a bound: (words, kind).
BOUNDS = ((("more", "than"), "above"), (("longer", "than"), "above"), (("over",), "above"), (("above",), "above"),
          (("at", "least"), "at_least"), (("up", "to"), "at_most"), (("within",), "at_most"),
          (("at", "most"), "at_most"), (("less", "than"), "below"), (("under",), "below"), (("fewer", "than"), "below"))
RANGE_WORDS = {"to", "and"}  # "3 to 5 days"
# How long a stem must be to count as the start of a longer one: English hardly compounds ("free" is not "freeze").
PREFIX_MIN = 5

# Small word lists read in every language's text (roleplay.lexicon.any_language): alternatives
# of one regular expression each, by use.
WORDS = {
    "greeting": ["hi", "hello", "hey"],
    "why": ["why", "how come"],
    "because": ["because", "since", "so that", "we need (it|this|that)", "in order to"],
    "numeric_question": ["how (much|long|many|soon)", "when", "what time", "cost", "price"],
    "unfinished": ["and", "but", "so", "because"],  # a line that ends on one has more to come
    "clause": ["and", "but", "so", "however", "while"],  # starts a new clause: negation before it is not this one's
    "not_negation": ["not only", "no problem", "no worries", "no doubt", "no rush", "no commitment", "no credit card"],
    "asking": ["whether", "asking if", "wondering if", "want to know if"],  # an offer only asked about
    # A question about what already happened ("What did the technician tell you?"): its items are not offered.
    "past_question": ["(?:(?:and|so|but) )?(?:(?:what|when|how|why|where|who|which) )?(?:did|was|were|had|has|have)"],
    "request": ["can", "could", "may", "need", "give", "provide", "tell", "confirm", "what", "which"],
    "will": ["will", "['’]ll", "shall", "going to", "is scheduled", "are scheduled", "arrives?",
             "you(?:['’]ll| will) (get|receive)"],
    "figure_units": [r"percent\b", r"per cent\b", r"dollars?\b", r"bucks\b", r"euro\w*", r"eur\b"],
    "own_name": [r"\bi'?m", r"\bi am", "my name is"],
    "hostile": ["bloody", r"damn\w*", "hell", "crap", r"shit\w*", r"f*fu+c*ck\w*", "ridiculous",
                "are you (kidding|serious)"],  # a customer's swearing: a hostile customer  # a persona's story that names its customer after these is first person
}
