"""The customer's voice in the browser: the queue of sentences to play, the player with barge-in,
and the hooks that switch barge-in on and off with the trainee's recording.

Kept apart from the panels because it is the one part of the page that runs (JavaScript, under
gr.HTML's js_on_load or an event's js=), and the browser tests drive it through window.rpSpeech.
"""

from __future__ import annotations

from collections.abc import Sequence

from .i18n import words
from .markup import parts


def speech_queue(urls: Sequence[str], turn: int | None = None, done: bool = True, lang: str = "en") -> str:
    """The sentences of the customer's current line to play, in order; `done` once the line is complete.
    The player says the customer is speaking in the interface's language `lang`."""
    return str(parts.speech_queue(urls, turn, done, words(lang)("practice.speaking")))


# Plays each sentence's audio once, in order, as the server adds them (window.rpSpeech for tests).
# Barge-in: while the trainee records (listen() / deaf(), called from the microphone's start and stop),
# their microphone's level is watched; speech over the customer (60 ms above the floor) stops the
# customer's audio at once, drops the line's sentences still to come, and tells the server where it
# stopped (a 'click' with {cut}: which sentence, how far into it, how much of the line was heard).
SPEECH_JS = """
const S = window.rpSpeech = window.rpSpeech || {played: [], queue: [], seen: new Set(), audio: null, busy: false,
                                                cuts: [], recording: false};
const label = () => element.querySelector('.rp-speaking-label');
const box = () => element.querySelector('.rp-speaking');
const LEVEL = 0.02, HOLD_MS = 60;
function next() {
  if (S.busy || !S.queue.length) {
    if (!S.busy && box()) { box().classList.remove('on'); label().textContent = ''; }
    return;
  }
  const item = S.queue.shift();
  if (item.turn !== S.turn) { S.turn = item.turn; S.heard = 0; }
  S.busy = true;
  const a = S.audio = new Audio(item.src);
  S.current = item;
  if (box()) { box().classList.add('on'); label().textContent = box().dataset.label; }
  const done = () => { if (S.audio !== a) return; S.busy = false; S.heard += a.duration || 0; next(); };
  a.addEventListener('ended', done);
  a.addEventListener('error', () => { S.errors = (S.errors || 0) + 1; done(); });
  a.play().then(() => S.played.push(item.src)).catch((e) => { S.blocked = String(e); done(); });
}
function scan() {
  const turn = box() ? box().dataset.turn : '';
  element.querySelectorAll('[data-src]').forEach((el, part) => {
    const src = el.dataset.src;
    if (!src || S.seen.has(src)) return;
    S.seen.add(src);
    if (turn !== S.cutTurn) S.queue.push({src, turn, part});  // a line spoken over says no more
  });
  next();
}
function bargeIn(onset) {
  const a = S.audio, item = S.current;
  a.pause();
  const stopped = performance.now();
  S.queue = S.queue.filter(q => q.turn !== item.turn);
  S.cutTurn = item.turn;
  S.busy = false;
  const cut = {turn: Number(item.turn), part: item.part, at_s: a.currentTime,
               part_s: a.duration || a.currentTime || 0.001, heard_s: S.heard + a.currentTime};
  S.cuts.push({...cut, onset, stopped});
  trigger('click', {cut});
  next();
}
S.listen = async () => {
  S.recording = true;
  if (S.mic) return;
  try {
    S.mic = await navigator.mediaDevices.getUserMedia({audio: {echoCancellation: true}});
  } catch (e) { S.micError = String(e); return; }
  const ctx = new AudioContext();
  ctx.resume();
  const meter = ctx.createAnalyser();
  meter.fftSize = 512;
  ctx.createMediaStreamSource(S.mic).connect(meter);
  const buf = new Float32Array(meter.fftSize);
  let loudSince = null;
  S.watch = setInterval(() => {
    if (!S.recording || !S.busy || !S.audio || S.audio.paused) { loudSince = null; return; }
    meter.getFloatTimeDomainData(buf);
    let sum = 0;
    for (const x of buf) sum += x * x;
    if (Math.sqrt(sum / buf.length) < LEVEL) { loudSince = null; return; }
    const now = performance.now();
    if (loudSince === null) loudSince = now;
    if (now - loudSince >= HOLD_MS) { loudSince = null; bargeIn(now - HOLD_MS); }
  }, 10);
  S.closeMic = () => { clearInterval(S.watch); S.mic.getTracks().forEach(t => t.stop()); ctx.close(); S.mic = null; };
};
S.deaf = () => { S.recording = false; if (S.mic && S.closeMic) S.closeMic(); };
scan();
watch('value', scan);
"""

# A recording's name, made in the browser; its start and stop also switch barge-in on and off (SPEECH_JS).
NEW_RECORDING_JS = ("() => { window.rpSpeech && window.rpSpeech.listen(); "
                    "return Date.now().toString(36) + Math.random().toString(36).slice(2); }")
STOP_RECORDING_JS = "(...inputs) => { window.rpSpeech && window.rpSpeech.deaf(); return inputs; }"
# The customer cuts in on a long monologue: the server names the recording, the page stops it as the
# trainee's Stop button would (the turn is then taken as usual, with what was said so far).
CUT_IN_JS = """
watch('value', () => {
  if (!element.querySelector('[data-cut-in]')) return;
  const stop = document.querySelector('#rp-mic button.stop-button');  // by class: its text is translated
  if (stop) stop.click();
});
"""
