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
        "accept": "Hyvä on. Hyväksyn, kiitän ja hyvästelen.",
        "leave": "Nyt riittää. Sanon sen ja lopetan keskustelun.",
        "upset": "Olen yhä harmissani ja sanon, mikä minua vaivaa.",
        "calmer": "Jatkan vähän rauhallisempana.",
    },
    "moods": {"calm": "rauhallinen", "uneasy": "levoton", "annoyed": "ärtynyt", "angry": "vihainen",
              "furious": "raivoissaan"},
}
