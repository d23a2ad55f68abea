"""Voice timing: who talks how much, for how long, and whether the trainee lets the customer finish.

Computed from `start`/`end` (seconds) on the turns of a voice transcript:

- talk_ratio: the trainee's share of all talking time.  In sales-call research
  top performers talk about 43% of the time, average reps 65-75%.
- longest_monologue_s: the longest stretch of trainee talk with no customer turn in between.
- overlaps: trainee turns that start before the customer's previous turn has ended
  (by more than OVERLAP_TOLERANCE_S): talking over the customer.
- response gaps: silence between the end of a customer turn and the trainee's reply;
  gaps over LONG_GAP_S are dead air.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roleplay.transcript import Transcript

TOP_PERFORMER_TALK_RATIO = 0.43
TALK_RATIO_OK = 0.60  # above this, listening loses points (service calls explain more than sales discovery)
TALK_RATIO_BAD = 0.75
MONOLOGUE_BAD_S = 90.0
OVERLAP_TOLERANCE_S = 0.25
LONG_GAP_S = 5.0


@dataclass
class VoiceMetrics:
    talk_ratio: float
    trainee_seconds: float
    customer_seconds: float
    longest_monologue_s: float
    longest_monologue_turn: int | None
    overlaps: list[tuple[int, float]] = field(default_factory=list)  # (trainee turn, seconds of overlap)
    mean_response_gap_s: float | None = None
    max_response_gap_s: float | None = None
    long_gaps: list[tuple[int, float]] = field(default_factory=list)  # (trainee turn, seconds of silence)

    def as_dict(self) -> dict:
        d = dict(vars(self))  # not asdict's deep copy: the two lists are rebuilt below
        d["overlap_count"] = len(self.overlaps)
        d["overlaps"] = [{"turn": t, "seconds": s} for t, s in self.overlaps]
        d["long_gaps"] = [{"turn": t, "seconds": s} for t, s in self.long_gaps]
        d["top_performer_talk_ratio"] = TOP_PERFORMER_TALK_RATIO
        return d


def voice_metrics(t: Transcript) -> VoiceMetrics | None:
    """The timing metrics, or None when the turns carry no timings."""
    turns = t.turns
    timed = [(i, x) for i, x in enumerate(turns) if x.start is not None and x.end is not None]
    if len(timed) < 2 or not any(x.speaker == "trainee" for _, x in timed):
        return None
    trainee = sum(x.end - x.start for _, x in timed if x.speaker == "trainee")
    customer = sum(x.end - x.start for _, x in timed if x.speaker == "customer")
    total = trainee + customer
    overlaps, gaps, long_gaps = [], [], []
    longest, longest_turn = 0.0, None
    run_start, run_end, run_turn = None, None, None
    prev_customer_end = None
    for i, x in timed:
        if x.speaker == "customer":
            if run_start is not None and run_end - run_start > longest:
                longest, longest_turn = run_end - run_start, run_turn
            run_start = None
            prev_customer_end = x.end
            continue
        if run_start is None:
            run_start, run_turn = x.start, i
            if prev_customer_end is not None:
                gap = x.start - prev_customer_end
                if gap < -OVERLAP_TOLERANCE_S:
                    overlaps.append((i, round(-gap, 1)))
                elif gap >= 0:
                    gaps.append(gap)
                    if gap > LONG_GAP_S:
                        long_gaps.append((i, round(gap, 1)))
        run_end = x.end
    if run_start is not None and run_end - run_start > longest:
        longest, longest_turn = run_end - run_start, run_turn
    return VoiceMetrics(
        talk_ratio=round(trainee / total, 3) if total > 0 else 0.0,
        trainee_seconds=round(trainee, 1),
        customer_seconds=round(customer, 1),
        longest_monologue_s=round(longest, 1),
        longest_monologue_turn=longest_turn,
        overlaps=overlaps,
        mean_response_gap_s=round(sum(gaps) / len(gaps), 2) if gaps else None,
        max_response_gap_s=round(max(gaps), 2) if gaps else None,
        long_gaps=long_gaps,
    )
