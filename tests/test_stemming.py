from roleplay.stemming import stem, stems


def test_inflections_meet_per_language():
    assert stem("refunds", "en") == stem("refunding", "en") == stem("refund", "en")
    assert stem("återbetalningen", "sv") == stem("återbetalning", "sv")
    assert stem("hyvityksen", "fi") == stem("hyvityksestä", "fi")
    assert stem("technician", "en") != stem("tonight", "en")


def test_numbers_stay_whole_and_unknown_language_falls_back():
    assert stem("2024", "fi") == "2024"
    assert stems(["refunds", "48"], "de") == ["refund", "48"]
