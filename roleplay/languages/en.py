"""English."""

PACK = {
    "code": "en",
    "name": "English",
    "scene": "A {channel} with a company's customer service, written down word for word. I am {full_name}, "
             "the customer; the Agent works for the company. I speak only for myself, in short, natural "
             "sentences, in English. My side of the story, in my own words:",
    "call": "phone call",
    "chat": "chat",
    "wants": "What I want: {goal}",
    "knows": "What I can tell them: {facts}",
    "decimal": ".",
    "thinking": "thinking",
    "acts": {
        "push": "That is not what I asked for. I push for it again and don't let it go.",
        "insulted": "That was rude. I tell them so, sharply.",
        "belittled": "They are making light of what happened to me. I'm hurt and say why it matters.",
        "blamed": "This is not my fault, and I won't take the blame.",
        "brushed_off": "I won't be brushed off like that.",
        "bare_policy": "They're just reading me the rules. I don't feel heard and I say so.",
        "heard": "They actually listened. I soften a little.",
        "considering": "I think about what they offered. It might be fair.",
        "already_said": "I already told them that, and I point it out.",
        "repeat_question": "They skipped my question. I ask it again.",
        "impatient": "Nothing is happening. I'm getting impatient.",
        "still_there": "Nobody is saying anything. I ask if they're still there.",
        "manager": "I've had enough of this. I ask to speak to a manager.",
        "contradiction": "A moment ago they offered me that. Now it's not possible? I call it out.",
        "reveal": "I also tell them: {fact}",
        "answer": "I answer: {fact}",
        "objection": "Something else still worries me. I bring it up: {fact}",
        "accept": "Fine. I accept, thank them and say goodbye.",
        "leave": "I've had enough. I say so and end the conversation.",
        "upset": "I'm still upset and I say what bothers me.",
        "calmer": "I go on, a bit calmer.",
        "cut_in": "They have been talking for a long time and I can't get a word in. I cut in and say what I need.",
    },
    "moods": {"calm": "calm", "uneasy": "uneasy", "annoyed": "annoyed", "angry": "angry", "furious": "very angry"},
    # Why the customer reacted, for the trainee (roleplay.why): causes by rule, endings, labels.
    "why": {
        "rudeness": "you were rude, or told them to calm down",
        "belittling": "you made light of the loss",
        "sarcasm": "you were sarcastic",
        "dismissal": "you brushed them off",
        "blame": "you blamed them",
        "contradiction": "you took back what you had offered",
        "ignored_question": "you did not answer their question",
        "repeated_request": "you asked for something they had already told you",
        "empathy": "you acknowledged the feeling",
        "apology": "you apologised",
        "open_question": "you asked an open question",
        "reflection": "you said their story back to them",
        "ownership": "you took ownership",
        "offer": "you put an offer on the table",
        "promise": "you promised something the policy does not allow",
        "stalling": "you did not move things forward",
        "trigger": "you said “{quote}”",
        "end_frustration": "They left: their frustration passed {leave_at}.",
        "end_patience": "They left: they ran out of patience after {turns} of your turns.",
        "end_silence": "They hung up after hearing nothing from you twice.",
        "end_goals": "They were satisfied: what they needed was met.",
        "end_trainee_ended": "You ended the conversation.",
        "told": "They told you: “{text}”",
        "wants": "They still want: {text}",
        "never": "You never learned: “{text}”",
    },
    # What the trainee is told after grading and when they ask "What now?", by id: tip.* (what to do
    # differently), note.* (how a score was reached), ev.* (beside a quote), blocker.*, hint.*.
    "tips": {
        "quote": "“{text}”",  # how a tip marks what someone said
        "where.turn": "in turn {turn}",
        "where.earlier": "earlier",
        "where.first": "in their first message",
        # listening
        "tip.listening.ignored": "In turn {turn} you replied {reply} without taking up what the customer had just "
                                 "said ({said}, turn {said_turn}). Start your reply with their own words.",
        "tip.listening.no_open": "You asked no open questions. Try one early, e.g. “Can you tell me what happened?”, "
                                 "before you offer anything.",
        "tip.listening.no_reflection_after": "You never said back what you heard. After turn {turn} ({said}), a "
                                             "one-line summary in your own words (“So …, have I got that right?”) "
                                             "would show the customer you listened.",
        "tip.listening.no_reflection": "You never said back what you heard. A one-line summary in your own words "
                                       "(“So …, have I got that right?”) would show the customer you listened.",
        "tip.listening.missed_need": "In turn {turn} the customer told you {said}. That is what really matters to "
                                     "them; take it up in your next reply.",
        "tip.listening.asked_again": "You asked for {what} in turn {turn}, but the customer gave it {where}{value}. "
                                     "Read back what you have instead of asking again.",
        "tip.listening.unanswered": "When the customer asked {said} (turn {turn}) you moved on without answering it.",
        "tip.listening.stock": "{quote} (turn {turn}) on its own doesn't show listening. Say back what the customer "
                               "told you, or answer what they asked.",
        "tip.listening.overlap_one": "You talked over the customer 1 time (first in turn {turn}, {secs:.1f} s before "
                                     "they finished). Let them finish, then pause a second.",
        "tip.listening.overlap_many": "You talked over the customer {n} times (first in turn {turn}, {secs:.1f} s "
                                      "before they finished). Let them finish, then pause a second.",
        "tip.listening.talk_ratio": "You talked {ratio:.0%} of the time; strong agents talk well under half (top sales "
                                    "performers about 43%). Ask, then let the customer talk.",
        "tip.listening.monologue": "Your longest stretch of talk was {secs:.0f} s (turn {turn}). Stop after 20–30 s "
                                   "and check in: “Does that fit what you need?”",
        "note.listening.took_up": "took up {engaged} of {opportunities} customer turns",
        "note.listening.answered_one": "answered the customer's question",
        "note.listening.answered_many": "answered the customer's {n} questions",
        "note.listening.talk_ratio": "you talked {ratio:.0%} of the time",
        "note.listening.patient": "patient timing: no talking over the customer, balanced talk time",
        "ev.listening.ignored": "turn {turn} replied without taking up anything from this",
        "ev.listening.open": "open question: invites the customer to tell more",
        "ev.listening.closed": "clarifying question",
        "ev.listening.reflect": "says back what the customer said",
        "ev.listening.confirm": "confirms {what} the customer gave",
        "ev.listening.hidden": "picks up what lies behind the request",
        "ev.listening.missed_need": "the customer let out what really matters; it was not taken up",
        "ev.listening.explore": "question that draws out the need behind the request",
        "ev.listening.asked_again": "asks again for {what}, already given {where}",
        "ev.listening.not_heard": "the customer had to point out they were not heard",
        "ev.listening.stock": "a stock phrase with nothing behind it",
        "ev.listening.cut_off": "the customer had not finished when the reply came",
        "ev.listening.overlap": "started talking {secs:.1f} s before the customer had finished",
        "ev.listening.monologue": "a monologue of {secs:.0f} s",
        "ev.listening.gap": "{secs:.0f} s of silence before replying",
        "ev.unanswered": "question not answered",
        "ev.apologises": "apologises",
        "ev.left": "the customer leaves unresolved",
        "ev.resigned": "the customer ends resigned rather than satisfied",
        # calm
        "tip.calm.rudeness": "{quote} (turn {turn}) is rude. Whatever the customer says, keep to facts and what you "
                             "can do.",
        "tip.calm.calm_down": "Don't tell the customer to calm down ({quote}, turn {turn}). Name the feeling instead: "
                              "“I can hear how angry you are, and you've every reason to be.”",
        "tip.calm.threat": "{quote} (turn {turn}) is a threat. Never threaten to end the call or close the account; "
                           "say what you will do to help.",
        "tip.calm.shouting": "Avoid capitals and “!!!” ({quote}, turn {turn}): in writing they read as shouting.",
        "tip.calm.blame": "{quote} (turn {turn}) puts the blame on someone else. Take ownership: “That's on us, and "
                          "I'm going to fix it.”",
        "tip.calm.dismissal": "{quote} (turn {turn}) closes the door on the customer. Say what you *can* do instead.",
        "tip.calm.argue": "Don't argue back ({quote}, turn {turn}). Acknowledge what they said and move to what you "
                          "can do.",
        "tip.calm.no_ack": "The customer was upset ({said}, turn {turn}) and you never acknowledged it. Name the "
                           "feeling before you solve: “That's really frustrating, I'm sorry.”",
        "tip.calm.ownership": "Take ownership of the problem: “I'm going to sort this out for you.”",
        "note.calm.no_tension": "the customer showed no tension, so there was little to handle",
        "ev.calm.rudeness": "rude or mocking",
        "ev.calm.calm_down": "tells the customer to calm down",
        "ev.calm.threat": "threatens the customer",
        "ev.calm.shouting": "shouting (capitals or !!!)",
        "ev.calm.blame": "blames the customer or a colleague",
        "ev.calm.dismissal": "dismisses the problem",
        "ev.calm.argue": "argues back or gets defensive",
        "ev.calm.acknowledge": "names and acknowledges the feeling",
        "ev.calm.acknowledge2": "acknowledges the feeling again, with substance",
        "ev.calm.ownership": "takes responsibility",
        "ev.calm.steer": "steers toward a solution",
        "ev.calm.composure": "stays calm and courteous while the customer is hostile (turn {turn})",
        # empathy
        "tip.empathy.formulaic": "{quote} (turn {turn}) repeats a stock line. Say something about *their* situation, "
                                 "and then do something about it.",
        "tip.empathy.courtesy": "{quote} (turn {turn}) came with nothing done. An apology counts when it comes with an "
                                "action: “Sorry about that. I've reset the line; it will be back within the hour.”",
        "tip.empathy.ignored_feeling": "When the customer said {said} (turn {turn}), acknowledge the feeling before "
                                       "anything else.",
        "tip.empathy.never": "You never acknowledged how the customer felt. One honest line (“That must have been "
                             "really disappointing”) changes the whole conversation.",
        "note.empathy.little": "the customer showed little feeling to acknowledge; empathy weighs less here",
        "ev.empathy.acknowledge": "acknowledges the customer's feeling",
        "ev.empathy.again": "acknowledges the feeling again, in new words, and acts",
        "ev.empathy.personal": "ties the acknowledgement to what this customer said",
        "ev.empathy.formulaic": "a stock acknowledgement repeated, with nothing behind it",
        "ev.empathy.courtesy": "stock courtesy with nothing done",
        "ev.empathy.ignored_feeling": "the customer's feeling got no acknowledgement",
        "ev.empathy.hidden": "takes up what really matters to the customer",
        "ev.empathy.name": "uses the customer's name",
        "ev.empathy.against": "works against empathy",
        # honesty
        "tip.honesty.breach": "In turn {turn} you said {quote}. The policy does not allow this ({what}); a promise "
                              "like that fails the session however polite it sounds.{alternatives}",
        "tip.honesty.may_offer": " What you may offer: {items}.",
        "tip.honesty.offer_unlisted": "In turn {turn} you offered {what}, which is not on the policy sheet. Offer only "
                                      "what the sheet lists, or say you'll check.",
        "tip.honesty.unlisted": "You quoted {what} in turn {turn}; it isn't on the policy sheet. If you're not sure of "
                                "a figure, say “Let me check that for you.”",
        "tip.honesty.pressure": "{quote} (turn {turn}) is a pressure tactic. Give the customer room: “Take the time "
                                "you need; I'll send you the details.”",
        "tip.honesty.overclaim": "{quote} (turn {turn}) promises more than you can know. Say what you will do, not "
                                 "what will certainly happen.",
        "tip.honesty.rushed": "The customer asked {said} (turn {turn}) and you answered with {push}. Answer the "
                              "question first; push later, if at all.",
        "tip.honesty.unanswered": "The customer asked {said} (turn {turn}) and got no answer. If you don't know, say "
                                  "“I don't know, I'll check and get back to you.”",
        "note.honesty.no_policy": "No persona, so no policy sheet: claims about products, prices, discounts, delivery "
                                  "and policy were not checked. Graded on pressure tactics, guessing versus checking, "
                                  "guarantees and answering questions.",
        "note.honesty.policy": "claims checked against the policy sheet of persona '{persona}'",
        "note.honesty.injection": "the transcript contains an instruction aimed at the grader; it was ignored",
        "note.honesty.answered_all": "answered all {n} of the customer's questions",
        "ev.honesty.breach": "BLOCKER: outside the policy ({what})",
        "ev.honesty.offer_unlisted": "BLOCKER: offers {what}, which is not on the policy sheet",
        "ev.honesty.unlisted": "quotes {what}, which is not on the policy sheet",
        "ev.honesty.pressure": "pressure tactic",
        "ev.honesty.overclaim": "a guarantee nobody can give",
        "ev.honesty.refusal": "says plainly what is not possible ({what})",
        "ev.honesty.check": "checks instead of guessing",
        "ev.honesty.offer": "offers what the policy allows ({what})",
        "ev.honesty.injection": "an instruction to the grader inside the conversation: ignored, graded on what was "
                                "said",
        "ev.honesty.deflect": "answers a direct question with a sales line",
        "ev.honesty.rushed": "pushes on instead of answering the customer's question",
        "blocker.breach": "turn {turn}: {quote} is outside the policy ({what})",
        "blocker.offer": "turn {turn}: offers {what}, which is not on the policy sheet ({quote})",
        "ev.blocker.breach": "outside the policy: {what}",
        "ev.blocker.offer": "offers {what}, not on the policy sheet",
        # resolution
        "tip.resolution.goal": "The customer's need “{goal}” was not met. The policy lets you offer: {options}.",
        "tip.resolution.concrete": "Offer something concrete: a next step, an option, or what you will do and when.",
        "tip.resolution.dismissal": "{quote} (turn {turn}) leaves the customer with nothing. Follow a “no” with what "
                                    "you can do.",
        "tip.resolution.deferral": "{quote} (turn {turn}) leaves the customer waiting for nothing in particular. Say "
                                   "what will happen and when: “A technician will call you before 6 pm today.”",
        "tip.resolution.details": "In turn {turn} you asked for details ({quote}) and gave nothing yet. Help with what "
                                  "you can first, then ask only for what you need.",
        "tip.resolution.repeat": "Turn {turn} repeats turn {first}. If the first answer did not help, try something "
                                 "else or say what you will find out.",
        "tip.resolution.left": "The conversation ended with {quote} (turn {turn}). Before it gets there, summarise "
                               "what you can do and check it works for them.",
        "tip.resolution.resigned": "The customer ended with {quote} (turn {turn}): they went along with it but weren't "
                                   "satisfied. Check before closing: “Does that work for you?”",
        "note.resolution.goals": "{met} of {total} customer goals met with offers the policy allows",
        "note.resolution.accepted_breach": "the customer accepted a promise the policy does not allow: that is not a "
                                           "resolution",
        "note.resolution.undecided": "the customer has not decided yet",
        "ev.resolution.goal": "meets the customer's goal: {goal}",
        "ev.resolution.solution": "offers a concrete solution or next step",
        "ev.resolution.ownership": "commits to a next step",
        "ev.resolution.commitment": "commits to what happens and when",
        "ev.resolution.cause": "explains the cause alongside the fix",
        "ev.resolution.answered": "answers what the customer asked",
        "ev.resolution.check": "will find out and come back",
        "ev.resolution.dismissal": "closes the door without an alternative",
        "ev.resolution.breach": "a promise outside the policy cannot be kept",
        "ev.resolution.deferral": "passes it on with no what and no when",
        "ev.resolution.details": "asks for personal details before giving anything",
        "ev.resolution.repeat": "the same reply as turn {first}",
        "ev.resolution.accepted": "the customer accepts the outcome",
        # outcome
        "tip.outcome.left": "The customer ended with {said} (turn {turn}). Before it gets there, say what you can do "
                            "and check it works for them.",
        "tip.outcome.complaint": "The customer ended with {said} (turn {turn}). Their problem was still open: try "
                                 "another step, or say what you will do and when.",
        "tip.outcome.asking": "The customer ended with {said} (turn {turn}). Answer what they still need before the "
                              "conversation ends.",
        "tip.outcome.resigned": "The customer ended with {said} (turn {turn}). Check before closing: “Does that work "
                                "for you?”",
        "note.outcome.no_reaction": "the customer did not react to a reply, so how they ended up is not known",
        "note.outcome.neither": "the customer's last words show neither satisfaction nor a problem left open",
        "ev.outcome.solved": "the customer says it is solved",
        "ev.outcome.complaint": "the customer ends complaining or not helped",
        "ev.outcome.asking": "the customer ends still asking",
        "ev.outcome.satisfied": "the customer ends satisfied",
        # the whole card
        "note.grade.guessed": "the transcript gives no language; graded as '{lang}' from its words",
        "note.grade.unsupported": "language '{lang}' has no word lists yet; graded with the English ones",
        "note.grade.no_turns_skill": "no trainee turns to grade",
        "note.grade.no_persona": "graded without a persona: no policy sheet, so no policy checks and no blockers",
        "note.grade.persona_missing": "graded without a persona: no policy sheet, so no policy checks and no blockers "
                                      "(persona '{persona}' was not found)",
        "note.grade.no_turns": "the transcript has no trainee turns: nothing to grade",
        "note.grade.nothing_given": "not passed: no turn gave the customer anything (no answer, question, offer or "
                                    "next step)",
        "note.grade.blocker": "a promise or claim outside the policy fails the session whatever the scores",
        # the model judge (evaluators.judge)
        "note.judge.failed": "judge failed ({reason}); fell back to the deterministic grade",
        "note.judge.rules": "judge: {model}; it may move a skill at most ±{points:.0f} points, only when it roughly "
                            "agrees with the code and a verbatim quote backs the move; blockers come from code only",
        "note.judge.disagreement": "{skill} (judge {judge:.0f}, code {code:.0f})",
        "note.judge.disagree": "judge and code disagree by more than {points:.0f} points on {skills}: the code's score "
                               "stands; worth a human look",
        "note.judge.dropped": "judge: {n} quote(s) were not word for word in the transcript and were dropped",
        "note.judge.injected": "judge: the transcript holds an instruction to the grader, so the judge could only "
                               "lower scores",
        "ev.judge": "(judge) cited by the model judge",
        # the skills' names, as the trainee reads them
        "skill.listening": "listening",
        "skill.honesty": "honesty",
        "skill.calm": "calm",
        "skill.empathy": "empathy",
        "skill.resolution": "resolution",
        "skill.outcome": "outcome",
        # the score bands (evaluators.rubric) and the channels, as the trainee reads them
        "band.excellent": "excellent",
        "band.good": "good",
        "band.needs_work": "needs work",
        "band.poor": "poor",
        "channel.chat": "chat",
        "channel.voice": "voice",
        # the terminal report (evaluators.report)
        "report.title": "scorecard",
        "report.persona": "persona {persona}",
        "report.no_persona": "no persona",
        "report.language": "language {language}",
        "report.channel": "{channel}, {turns} turns",
        "report.grader": "grader {grader}",
        "report.rubric": "rubric {version}",
        "report.overall": "Overall {overall:.0f}/100 ({band}): {verdict}",
        "report.passed": "PASSED",
        "report.not_passed": "NOT PASSED",
        "report.blockers": "BLOCKERS (each fails the session):",
        "report.evidence": "{effect} turn {turn} ({who}): {quote} ({note})",
        "report.customer": "customer",
        "report.you": "you",
        "report.more": "… and {n} more",
        "report.voice": "voice: you talked {ratio:.0%} of the time (top performers about {top:.0%}); longest monologue "
                        "{monologue:.0f} s; talked over the customer {overlaps} time(s)",
        "report.voice_gap": "; mean reply gap {gap:.1f} s",
        "report.tips": "Tips:",
        "report.judge_error": "(judge: {error})",
        "report.judge_proposed": "(judge proposed {proposed:.0f}, adjustment {adjustment:+.0f})",
        "report.note": "Note: {note}",
        # "What now?" (roleplay.hints)
        "hint.unanswered": "They asked “{question}” and have not had an answer yet.",
        "hint.first_question": "They asked you something in their first line: answer that before anything else.",
        "hint.feeling": "They have not heard you name how they feel yet.",
        "hint.offer": "Your policy sheet allows something you have not offered yet.",
        "hint.story": "There is more to their story: an open question could bring it out.",
        "hint.next": "Check what they still need, and tell them what happens next.",
    },
}
