#!/usr/bin/env python3
"""Record FSRS-6 test vectors from the reference `fsrs` package (PyPI, 6.x) with fuzzing off.

Run:  /work/venv/bin/python Scripts/record_fsrs_vectors.py
Writes Tests/StudyTests/Fixtures/fsrs_vectors.json, replayed by Tests/StudyTests/FSRSVectorTests.swift.

Each history is one card reviewed many times at seeded random moments: minutes apart (learning steps),
later the same day, around the due date (early, on time, late) and after long gaps (months, years), with
ratings 1-4. After every review we record the card exactly as the reference left it: due (ISO-8601, seconds,
UTC), state, step, stability and difficulty (repr = shortest round-trip, i.e. every bit), and the
retrievability the reference computed at the moment of the review (before it).

Most histories use the default scheduler (the one SPEC section 5 prescribes); a few use other settings
(no or several learning/relearning steps, another desired retention, a small maximum interval, other
parameters) so every branch of Scheduler.review_card is exercised.

Also prints the table behind the expected output of the `schedule` command test (--reviews "0:3,1:3,7:1").
"""
from __future__ import annotations

import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone

import fsrs
from importlib.metadata import version as _dist_version
from fsrs import Card, Rating, Scheduler, State

SEED = 20260126
N_DEFAULT = 220
OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "StudyTests", "Fixtures", "fsrs_vectors.json")


def iso(dt: datetime) -> str:
    assert dt.tzinfo == timezone.utc
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ") if dt.microsecond == 0 else dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def custom_configs(rng: random.Random) -> list[dict]:
    """Scheduler settings other than the default, each used by a few histories."""
    base = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    other = list(base)
    # a perturbed parameter vector, kept inside the reference bounds
    lo, hi = fsrs.scheduler.LOWER_BOUNDS_PARAMETERS, fsrs.scheduler.UPPER_BOUNDS_PARAMETERS
    for i in range(21):
        v = other[i] * rng.uniform(0.8, 1.25)
        other[i] = min(max(v, lo[i]), hi[i])
    return [
        dict(parameters=base, desired_retention=0.9, learning_steps=[], relearning_steps=[600],
             maximum_interval=36500),
        dict(parameters=base, desired_retention=0.9, learning_steps=[300], relearning_steps=[],
             maximum_interval=36500),
        dict(parameters=base, desired_retention=0.85, learning_steps=[60, 600, 3600], relearning_steps=[300, 1200],
             maximum_interval=36500),
        dict(parameters=base, desired_retention=0.95, learning_steps=[60, 600], relearning_steps=[600],
             maximum_interval=100),
        dict(parameters=other, desired_retention=0.8, learning_steps=[120, 900], relearning_steps=[900],
             maximum_interval=36500),
    ]


def make_scheduler(cfg: dict) -> Scheduler:
    return Scheduler(
        parameters=cfg["parameters"],
        desired_retention=cfg["desired_retention"],
        learning_steps=[timedelta(seconds=s) for s in cfg["learning_steps"]],
        relearning_steps=[timedelta(seconds=s) for s in cfg["relearning_steps"]],
        maximum_interval=cfg["maximum_interval"],
        enable_fuzzing=False,
    )


def next_review_time(rng: random.Random, card: Card, now: datetime) -> datetime:
    """A seeded random moment after `now`: minutes apart, same day, around the due date, or a long gap."""
    kind = rng.random()
    if kind < 0.20:  # minutes apart (learning steps, rapid re-review)
        delta = timedelta(seconds=rng.randint(0, 40 * 60))
    elif kind < 0.35:  # later the same calendar span (< 1 day, the short-term branch)
        delta = timedelta(seconds=rng.randint(3600, 86399))
    elif kind < 0.45:  # just under / just over one day, to probe the whole-day boundary
        delta = timedelta(seconds=86400 + rng.choice([-1, 0, 1, rng.randint(-600, 600)]))
    elif kind < 0.80:  # around the due date: early, on time, late
        due_gap = (card.due - now).total_seconds()
        factor = rng.choice([0.5, 0.9, 1.0, 1.0, 1.0, 1.3, 2.0, 3.0])
        delta = timedelta(seconds=max(0, int(due_gap * factor)) + rng.randint(0, 3600))
    elif kind < 0.95:  # weeks to months
        delta = timedelta(days=rng.randint(2, 200), seconds=rng.randint(0, 86399))
    else:  # long gaps: years
        delta = timedelta(days=rng.randint(365, 4000), seconds=rng.randint(0, 86399))
    return now + delta


def rating_for(rng: random.Random) -> Rating:
    return Rating(rng.choices([1, 2, 3, 4], weights=[2, 2, 5, 2])[0])


def record_history(rng: random.Random, index: int, cfg: dict | None) -> dict:
    scheduler = make_scheduler(cfg) if cfg else Scheduler(enable_fuzzing=False)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(
        days=rng.randint(0, 700), seconds=rng.randint(0, 86399))
    card = Card(card_id=1_000 + index, due=start)
    now = start
    steps = []
    for r in range(rng.randint(1, 30)):
        if r > 0:
            now = next_review_time(rng, card, now)
        rating = rating_for(rng)
        retrievability = scheduler.get_card_retrievability(card, current_datetime=now)
        card, log = scheduler.review_card(card, rating, review_datetime=now)
        assert log.review_datetime == now
        steps.append(dict(
            review=iso(now),
            rating=int(rating),
            retrievability=float(retrievability),
            due=iso(card.due),
            state=int(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
        ))
    hist = dict(card_id=card.card_id, steps=steps)
    if cfg:
        hist["scheduler"] = cfg
    return hist


def schedule_example() -> None:
    """The history behind the expected output of the `schedule` command test."""
    s = Scheduler(enable_fuzzing=False)
    base = datetime(2000, 1, 1, tzinfo=timezone.utc)
    card = Card(card_id=1, due=base)
    for day, rating in [(0, 3), (1, 3), (7, 1)]:
        now = base + timedelta(days=day)
        r = s.get_card_retrievability(card, current_datetime=now)
        before = card.state
        card, _ = s.review_card(card, Rating(rating), review_datetime=now)
        print(f"day {day} rating {rating}: R={r!r} {before.name}->{card.state.name} step={card.step} "
              f"S={card.stability!r} D={card.difficulty!r} due={iso(card.due)}", file=sys.stderr)


def main() -> None:
    rng = random.Random(SEED)
    histories = [record_history(rng, i, None) for i in range(N_DEFAULT)]
    for j, cfg in enumerate(custom_configs(rng)):
        for k in range(8):
            histories.append(record_history(rng, N_DEFAULT + 8 * j + k, cfg))
    doc = dict(
        source=f"fsrs {_dist_version('fsrs')} (PyPI), Scheduler(enable_fuzzing=False), "
               f"Scripts/record_fsrs_vectors.py seed {SEED}",
        histories=histories,
    )
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
        f.write("\n")
    n = sum(len(h["steps"]) for h in histories)
    print(f"wrote {len(histories)} histories, {n} reviews to {os.path.normpath(OUT)}")
    schedule_example()


if __name__ == "__main__":
    main()
