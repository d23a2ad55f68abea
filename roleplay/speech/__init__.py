"""Speech in and out: faster-whisper for listening, espeak-ng (via pyttsx3) for speaking.

The submodules load heavy libraries, so import what you need from them directly:
``from roleplay.speech.stt import transcribe`` / ``from roleplay.speech.tts import synthesize``.
"""
