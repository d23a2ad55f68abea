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
        "accept": "Fine. I accept, thank them and say goodbye.",
        "leave": "I've had enough. I say so and end the conversation.",
        "upset": "I'm still upset and I say what bothers me.",
        "calmer": "I go on, a bit calmer.",
    },
    "moods": {"calm": "calm", "uneasy": "uneasy", "annoyed": "annoyed", "angry": "angry", "furious": "very angry"},
}
