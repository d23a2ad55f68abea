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
        "accept": "Okej. Jag tackar ja, tackar och säger hej då.",
        "leave": "Nu har jag fått nog. Jag säger det och avslutar samtalet.",
        "upset": "Jag är fortfarande upprörd och säger vad som stör mig.",
        "calmer": "Jag fortsätter, lite lugnare.",
    },
    "moods": {"calm": "lugn", "uneasy": "orolig", "annoyed": "irriterad", "angry": "arg", "furious": "rasande"},
}
