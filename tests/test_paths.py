"""One data folder (ROLEPLAY_DATA) for the database and the audio, and one helper for a session's audio folder."""

from pathlib import Path

from roleplay import database, paths


def test_the_database_and_the_audio_live_in_the_one_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEPLAY_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("ROLEPLAY_DB_URL", raising=False)
    assert database.default_url() == f"sqlite:///{tmp_path / 'data' / 'roleplay.db'}"
    assert paths.audio_dir("s1") == tmp_path / "data" / "audio" / "s1" and paths.audio_dir("s1").is_dir()
    assert paths.audio_dir("s1", tmp_path / "app") == tmp_path / "app" / "audio" / "s1"  # the app's own folder
    monkeypatch.delenv("ROLEPLAY_DATA")
    assert paths.data_dir() == Path.home() / ".local" / "share" / "roleplay"
