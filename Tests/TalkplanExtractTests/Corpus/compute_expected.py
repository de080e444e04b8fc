#!/usr/bin/env python3
"""Writes manifest.json for the announcement corpus from the wall times written in SPEC below.

The UTC instants are computed here, independently of talkplan, with Python's zoneinfo reading
the pinned TZif files TZData was built from (the `tzdata` 2026.6 wheel, IANA 2026f; see
TZData/build, which unpacks them under `x/tzdata/zoneinfo` of its work folder):

    python3 Tests/TalkplanExtractTests/Corpus/compute_expected.py ZONEINFO_DIR

The script refuses TZif files of any other version. A wall time in a DST gap or fold is
resolved as RFC 5545 / Temporal `compatible` does, which is what zoneinfo gives with fold=0:
a skipped time moves forward by the gap's length, a repeated time takes the first (earlier)
instant. A time written with an explicit offset (`GMT-3`) is read at that offset. The script
also checks every weekday written in an announcement.
"""
import datetime as dt
import json
import os
import sys
import zoneinfo

if len(sys.argv) != 2:
    sys.exit("usage: compute_expected.py ZONEINFO_DIR (the TZif files of the pinned tzdata wheel)")
TZPATH = sys.argv[1]
with open(os.path.join(TZPATH, "tzdata.zi")) as header:
    version = header.readline().strip()
if version != "# version 2026f":
    sys.exit(f"{TZPATH}: tz data {version!r}, expected the pinned 2026f")
zoneinfo.reset_tzpath([TZPATH])

P, Z, J, C, S = "Europe/Paris", "Europe/Zurich", "Asia/Jerusalem", "America/Chicago", "America/Santiago"
NY = "America/New_York"

def talk(local, zone, end=None, weekday=None, offset=None, **expect):
    return dict(local=local, zone=zone, end=end, weekday=weekday, offset=offset, expect=expect)

# file -> (options, talks). `expect` keys: zone (default: the zone the wall time is read in;
# None for a fixed offset), mode, title, speaker, warnings (substrings that must appear),
# not_warnings (substrings that must not appear), end_estimated.
SPEC = {
    # Paris
    "en-ihp-paris-before-dst.txt": ({}, [talk("2024-03-29T14:00", P, "15:00", "Friday", mode="in-person",
        title="Random Matrices", speaker="Guionnet", warnings=["zone Europe/Paris inferred"])]),
    "fr-ens-apres-changement-heure.txt": ({}, [talk("2024-04-02T14:00", P, "15:30", "Tuesday", mode="in-person",
        title="serpent brownien", speaker="Le Gall")]),
    "fr-observatoire-nuit-saut-printemps.txt": ({}, [talk("2024-03-31T02:30", P, None, "Sunday", mode="in-person",
        title="Exoplanètes", speaker="Moutou", warnings=["does not exist in Europe/Paris"])]),
    "fr-meudon-nuit-retour-heure-hiver.txt": ({}, [talk("2024-10-27T02:30", P, "03:30", "Sunday", mode="in-person",
        title="heure qui recule", speaker="Léna", warnings=["Europe/Paris", "compatible"])]),
    "en-jussieu-us-eu-consistent.eml": ({}, [talk("2024-03-14T15:00", P, None, "Thursday", mode="hybrid",
        title="Coulomb gases", speaker="Serfaty", not_warnings=["two different times"], end_estimated=True)]),
    "en-us-eu-mismatch.eml": ({}, [talk("2024-03-14T10:00", NY, None, "Thursday", mode="online",
        title="area-minimizing", speaker="De Lellis", warnings=["two different times"])]),
    "fr-ens-jeudi-31-octobre.eml": ({}, [talk("2024-10-31T14:00", P, "15:30", "Thursday", mode="in-person",
        title="Transport optimal", speaker="Peyré")]),
    "fr-spo-04-avril.txt": ({}, [talk("2024-04-04T11:00", P, None, "Thursday", mode="in-person",
        title="Apprentissage", speaker="Bach")]),
    "fr-jjmm-numerique.txt": ({}, [talk("2024-03-05T14:00", P, None, None, mode="in-person",
        title="minimax", speaker="Tsybakov")]),
    "fr-lyon-toulouse-ligne.txt": ({}, [talk("2024-03-26T10:30", P, "11:30", "Tuesday", mode="online",
        title="blocs stochastiques", speaker="Donnet")]),
    "en-reversed-range.txt": ({}, [talk("2024-06-12T16:30", P, "18:00", None, mode="in-person",
        title="domain adaptation", speaker="Courty", warnings=["read as 16:30–18:00", "day/month"])]),
    "fr-conference-une-ligne.txt": ({}, [talk("2024-11-14T18:00", P, None, "Thursday", mode="in-person",
        title="transport optimal", speaker="Villani")]),
    "en-oneline-london.txt": ({}, [talk("2024-11-07T16:00", "Europe/London", "17:00", "Thursday", mode="in-person",
        title="Sparse graphs", speaker="Jane Doe")]),
    "en-no-zone-default.txt": ({"default-zone": P}, [talk("2024-06-04T15:00", P, "16:00", "Tuesday",
        title="PAC-Bayes", speaker="Alquier", warnings=["--default-zone Europe/Paris"])]),
    # Zurich, Geneva, Lausanne
    "en-epfl-memento-online.txt": ({}, [talk("2021-05-10T16:30", Z, "17:30", "Monday", mode="online",
        title="Tensor Programs", speaker="Greg Yang")]),
    "en-eth-before-dst.eml": ({}, [talk("2024-03-28T17:15", Z, "18:15", "Thursday", mode="in-person",
        title="stochastic gauge", speaker="Hairer", warnings=["Europe/Zurich"])]),
    "en-eth-cet-written-in-summer.txt": ({}, [talk("2024-04-02T16:15", Z, None, "Tuesday", mode="in-person",
        title="Benign overfitting", speaker="Niao He", warnings=["means +01:00"])]),
    "fr-unige-geneve.txt": ({}, [talk("2024-10-30T14:15", Z, None, "Wednesday", mode="in-person",
        title="Percolation", speaker="Duminil-Copin")]),
    "de-zurich-lange-nacht.txt": ({}, [talk("2024-10-27T02:15", Z, None, "Sunday", mode="in-person",
        title="Uhr", speaker="Müller", warnings=["Europe/Zurich", "compatible"])]),
    "en-indico-cern.txt": ({}, [talk("2024-04-04T14:00", Z, "15:30", "Thursday", mode="hybrid",
        title="lattice field theory", speaker="Shanahan", not_warnings=["inferred"])]),
    "en-indico-timetable.txt": ({}, [
        talk("2024-06-03T10:15", Z, "11:00", "Monday", mode="in-person", title="Kernel methods", speaker="Jane Doe"),
        talk("2024-06-03T11:30", Z, "12:15", "Monday", mode="in-person", title="Scaling laws", speaker="John Smith"),
        talk("2024-06-03T12:15", Z, "13:00", "Monday", mode="in-person", title="Diffusion models", speaker="Maria Rossi")]),
    "en-jsonld-event.html": ({}, [talk("2024-05-16T15:00", Z, "16:00", "Thursday", mode="hybrid",
        title="Learning dynamics", speaker="Krzakala")]),
    "fr-unil-base64.eml": ({}, [talk("2024-03-25T16:00", Z, None, "Monday", mode="in-person",
        title="Percolation de Bernoulli", speaker="Tassion")]),
    "en-zoom-invite-only.eml": ({}, [talk("2024-04-02T10:00", "Europe/Amsterdam", None, None, mode="online",
        title="Optimal transport")]),
    # Jerusalem
    "en-weizmann-ist.eml": ({}, [talk("2024-03-28T11:00", J, None, "Thursday", mode="in-person",
        title="Model-based", speaker="Eldar", warnings=["IST"])]),
    "en-huji-israel-time.txt": ({}, [talk("2024-03-31T14:00", J, None, "Sunday", mode="in-person",
        title="quantum codes", speaker="Lubotzky")]),
    "he-bgu-ddmm.txt": ({}, [talk("2024-10-27T10:30", J, "12:00", None,
        title="Random walks", speaker="Yadin")]),
    "en-paris-jerusalem-joint.txt": ({}, [talk("2024-03-29T10:00", P, None, "Friday", mode="online",
        title="Helly", speaker="Kalai", not_warnings=["two different times"])]),
    "en-jerusalem-gap-stargazing.txt": ({}, [talk("2024-03-29T02:30", J, None, "Friday", mode="in-person",
        title="sky before dawn", speaker="Noa Levi", warnings=["does not exist in Asia/Jerusalem"])]),
    # Chicago and the US
    "en-uchicago-ct-after-dst.eml": ({}, [talk("2024-03-12T16:00", C, "17:00", "Tuesday", mode="in-person",
        title="Smooth dynamics", speaker="Wilkinson")]),
    "en-northwestern-noon.txt": ({}, [talk("2024-03-08T12:00", C, None, "Friday", mode="in-person",
        title="Conformal prediction", speaker="Barber")]),
    "en-chicago-cet-crosscheck.txt": ({}, [talk("2024-03-21T11:00", C, None, "Thursday", mode="hybrid",
        title="Objective-driven", speaker="LeCun", not_warnings=["two different times"])]),
    "en-uic-halloween.txt": ({}, [talk("2024-10-31T15:30", C, None, "Thursday", mode="in-person",
        title="changepoint", speaker="Haeran Cho")]),
    "en-chicago-cst-november.txt": ({}, [talk("2024-11-04T15:30", C, None, "Monday", mode="in-person",
        title="Privacy in streaming", speaker="Ravi Kumar")]),
    "en-chicago-gap-hackathon.txt": ({}, [talk("2024-03-10T02:30", C, None, "Sunday", mode="in-person",
        title="GPUs", speaker="Sam Taylor", warnings=["does not exist in America/Chicago"])]),
    "en-chicago-fold.txt": ({}, [talk("2024-11-03T01:30", C, None, "Sunday", mode="in-person",
        title="longest night", speaker="Walkowicz", warnings=["America/Chicago", "compatible"])]),
    "en-ttic-quoted-printable.eml": ({}, [talk("2024-02-15T11:30", C, None, "Thursday", mode="hybrid",
        title="Implicit Bias", speaker="Kaifeng Lyu")]),
    "en-us-mmdd.txt": ({}, [talk("2024-03-05T15:00", C, "16:00", None, mode="in-person",
        title="Randomized numerical", speaker="Tropp", warnings=["month/day"])]),
    "en-today-email.eml": ({}, [talk("2024-02-07T15:00", C, None, None, mode="in-person",
        title="Conformal inference", speaker="Candes", warnings=["\"today\""])]),
    "en-outlook-invite.eml": ({}, [talk("2024-03-12T16:00", C, "17:00", "Tuesday", mode="online",
        title="Score-based", speaker="Chenlin Meng")]),
    "en-html-seminar-page.html": ({}, [talk("2024-11-01T15:00", C, "16:00", "Friday", mode="in-person",
        title="Gaussian multiplicative chaos", speaker="Holden")]),
    "en-multipart-alternative.eml": ({}, [talk("2024-04-17T12:00", NY, None, "Wednesday", mode="in-person",
        title="Symmetries", speaker="Bruna")]),
    "en-weekday-mismatch.txt": ({}, [talk("2023-12-07T14:00", NY, None, None, mode="in-person",
        title="Stein", speaker="Chatterjee", warnings=["is a thursday, not a wednesday"])]),
    "en-markup-noise-harvard.txt": ({}, [talk("2024-04-09T16:00", NY, None, "Tuesday", mode="hybrid",
        title="Emergence of skills", speaker="Arora")]),
    "en-fall-us-eu-consistent.txt": ({}, [talk("2024-10-30T11:00", NY, None, "Wednesday", mode="hybrid",
        title="Scaling laws", speaker="Bach", not_warnings=["two different times"])]),
    "mbox-two-talks.mbox": ({}, [
        talk("2024-01-16T15:00", C, None, "Tuesday", mode="in-person", title="Sumsets", speaker="Tao"),
        talk("2024-01-18T10:30", P, "12:00", "Thursday", mode="in-person", title="gaz dilués", speaker="Saint-Raymond")]),
    # Santiago
    "es-santiago-antes-cambio.txt": ({}, [talk("2024-04-04T16:00", S, None, "Thursday", mode="in-person",
        title="descenso de gradiente", speaker="Álvarez")]),
    "es-santiago-despues-cambio.txt": ({}, [talk("2024-04-08T16:00", S, None, "Monday", mode="in-person",
        title="Flujos geométricos", speaker="Sáez")]),
    "es-santiago-medianoche-ambigua.txt": ({}, [talk("2024-04-06T23:30", S, None, "Saturday", mode="in-person",
        title="cambio de hora", speaker="Maza", warnings=["America/Santiago", "compatible"])]),
    "es-santiago-medianoche-inexistente.txt": ({}, [talk("2024-09-08T00:30", S, None, "Sunday", mode="in-person",
        title="Relojes", speaker="Pérez", warnings=["does not exist in America/Santiago"])]),
    "es-hora-de-santiago.txt": ({}, [talk("2024-09-04T12:00", S, None, "Wednesday", mode="online",
        title="Equilibrios", speaker="Cominetti")]),
    "es-sin-anio-referencia.txt": ({"reference-date": "2024-09-01"}, [talk("2024-09-10T15:30", S, None, "Tuesday",
        mode="in-person", title="supervivencia", speaker="Marchant", warnings=["year 2024 inferred"])]),
    "es-gmt-3-valparaiso.txt": ({}, [talk("2024-11-15T10:00", S, None, "Friday", offset="-03:00", mode="in-person",
        title="Control óptimo", speaker="Gajardo")]),
    "es-jornada-concepcion.txt": ({}, [
        talk("2024-12-07T10:00", S, "10:45", "Saturday", title="campo medio", speaker="Fontbona"),
        talk("2024-12-07T11:00", S, "11:45", "Saturday", title="Hawkes", speaker="Rodríguez")]),
    "es-una-linea-santiago.txt": ({"reference-date": "2024-10-20"}, [talk("2024-11-05T15:00", S, None, "Tuesday",
        mode="in-person", speaker="Juan Pérez", warnings=["year 2024 inferred"])]),
    "en-iso-block-santiago.txt": ({}, [talk("2024-09-19T17:00", S, "18:30", None, mode="in-person",
        title="aprendizaje estadístico", speaker="Amaya", not_warnings=["inferred"])]),
    "es-chile-dos-charlas-sin-anio.txt": ({"reference-date": "2024-11-01"}, [
        talk("2024-11-14T16:00", S, None, "Thursday", mode="in-person", title="difeomorfismos", speaker="Navas"),
        talk("2024-11-14T17:00", S, None, "Thursday", mode="in-person", title="entropía cero", speaker="Donoso")]),
}

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

def instant(local, zone, offset):
    wall = dt.datetime.fromisoformat(local)
    if offset:
        sign = -1 if offset[0] == "-" else 1
        hours, minutes = int(offset[1:3]), int(offset[4:6])
        aware = wall.replace(tzinfo=dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes)))
    else:
        aware = wall.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=0)
    return aware.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

def main():
    folder = os.path.dirname(os.path.abspath(__file__))
    cases = []
    for name, (options, talks) in sorted(SPEC.items()):
        assert os.path.exists(os.path.join(folder, name)), name
        expected = []
        for t in talks:
            wall = dt.datetime.fromisoformat(t["local"])
            if t["weekday"]:
                assert WEEKDAYS[wall.weekday()] == t["weekday"], (name, t["local"], WEEKDAYS[wall.weekday()])
            entry = {"local": t["local"], "start": instant(t["local"], t["zone"], t["offset"])}
            if t["end"]:
                end_local = t["local"][:11] + t["end"]
                entry["end"] = instant(end_local, t["zone"], t["offset"])
            entry.update({"zone": t["zone"]})
            entry.update(t["expect"])
            expected.append(entry)
        cases.append({"file": name, "options": options, "talks": expected})
    manifest = {
        "about": "Expected talks of the announcement corpus. Instants were computed by compute_expected.py with "
                 "Python zoneinfo on the pinned tz 2026f TZif files (the tzdata 2026.6 wheel TZData is built from; "
                 "gaps and folds resolved as `compatible`), from the wall times the announcements state; none were "
                 "taken from talkplan's output.",
        "cases": cases,
    }
    with open(os.path.join(folder, "manifest.json"), "w") as out:
        json.dump(manifest, out, indent=1, ensure_ascii=False)
        out.write("\n")
    print(f"{len(cases)} announcements, {sum(len(c['talks']) for c in cases)} talks")

main()
