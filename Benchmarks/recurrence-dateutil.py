#!/usr/bin/env python3
"""The baseline of the Recurrence benchmark's weekly workload: python-dateutil expanding it.

    python3 Benchmarks/recurrence-dateutil.py

FREQ=WEEKLY;BYDAY=FR at 15:00 America/Santiago from 2024-01-05, occurrences in 2024-01-01 ...
2034-01-01 (522, across 20 clock changes), each made an aware datetime and converted to UTC
(the instant talkplan's benchmark sums), and the same without the zone (naive wall times only,
which is less than talkplan does). The rule is built once; each run expands it again.
Prints occurrences per second (the median of 7 runs of 200 expansions) for comparison with
`swift package benchmark --target Recurrence` run in the same sitting. Needs python-dateutil.
"""
import statistics
import time
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import FR, WEEKLY, rrule

santiago = ZoneInfo("America/Santiago")
rule = rrule(WEEKLY, byweekday=FR, dtstart=datetime(2024, 1, 5, 15, 0))
start, end = datetime(2023, 12, 31, 0, 0), datetime(2034, 1, 1, 0, 0)


def expand(zoned=True):
    total = 0
    count = 0
    for wall in rule.between(start, end, inc=True):
        if zoned:
            total += int(wall.replace(tzinfo=santiago).astimezone(timezone.utc).timestamp())
        count += 1
    return count


def rate(zoned):
    rates = []
    for _ in range(7):
        began = time.perf_counter()
        occurrences = sum(expand(zoned) for _ in range(200))
        rates.append(occurrences / (time.perf_counter() - began))
    return statistics.median(rates) / 1e6


assert expand() == 522, expand()
print(f"python-dateutil, each occurrence made an instant in America/Santiago: {rate(True):.3f} M occurrences/s")
print(f"python-dateutil, naive wall times only: {rate(False):.3f} M occurrences/s")
