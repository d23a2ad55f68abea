"""Speech in and out: stt.py listens, tts.py speaks, each through a backend chosen in backends.py.

The submodules load heavy libraries, so import what you need from them directly:
``from roleplay.speech.stt import transcribe`` / ``from roleplay.speech.tts import synthesize``.
"""
