#!/usr/bin/env python3
"""Generates a synthetic news corpus with ground truth, for benchmarks.

Writes N articles (Markdown with front matter: title, source, published;
--undated leaves the date out of a fraction of them)
about M events across several topics (earthquake, flood, protest, company
results, election count, armed clash), plus truth.json that says which
sentence of which article belongs to which event and which disagreements
were planted. Deterministic for a given --seed. Standard library only.

    python3 tools/gen_corpus.py --articles 1000 --seed 1 --out /tmp/corpus

What the corpus holds, per event (a date, a place, planted figures):
  - several outlets, each with its own phrasing of the same facts, figures
    given exactly or with compatible bounds ("at least 20" for 23, "about
    300" for 296): these are traps, never disagreements;
  - for some events, one outlet attributes a different figure to a different
    source ("the Taliban said 58 soldiers were killed"; police vs
    organizers): the planted disagreements;
  - distractor events of the same kind on other dates or in the same place in
    another year, and background sentences that mention an earlier event of
    the same kind ("The clashes came three days after 11 soldiers were killed
    in an ambush near X on Oct. 8"): those sentences belong to the earlier
    event, not to the article's main one;
  - never two events of one topic in one place within a week, nor one
    company's results twice in a week (COLLISION_DAYS): those would be one
    incident with two sets of figures, which no one could tell apart.

truth.json:
  {"seed", "articles", "events": [{"id", "topic", "date", "place", "figures"}],
   "sentences": [{"doc", "index", "text", "event" (id or null), "role"}],
   "disagreements": [{"event", "measure", "subject", "claims":
                      [{"doc", "text", "value", "source"}]}],
   "compatible": [{"event", "measure", "texts": [...]}]}
"event" is null for boilerplate that tells no event ("The agency did not
respond to a request for comment."). "index" is the sentence's position in
the article body as written; scorers should match sentences by (doc, text).
"""

import argparse
import datetime
import json
import os
import random
import sys

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
          "Sept.", "Oct.", "Nov.", "Dec."]

OUTLETS = ["Northern Ledger", "Daily Courier", "Global Wire", "Harbor Times",
           "Continental Post", "Morning Herald", "Capital Tribune",
           "Frontier News Agency", "Eastern Observer", "Evening Standard Press",
           "Metro Dispatch", "Riverside Gazette"]

# Places: (town, region or country). Generic, many regions.
PLACES = [
    ("Arvika", "Varmland"), ("Ostrava", "Moravia"), ("Tarsus", "Mersin"),
    ("Salta", "northern Argentina"), ("Kisumu", "western Kenya"),
    ("Chiclayo", "northern Peru"), ("Mardan", "the northwest"),
    ("Jalalabad", "the east"), ("Kendari", "Southeast Sulawesi"),
    ("Iloilo", "the Visayas"), ("Tabriz", "the northwest"),
    ("Oaxaca", "southern Mexico"), ("Mopti", "central Mali"),
    ("Kasese", "western Uganda"), ("Cuenca", "southern Ecuador"),
    ("Erzurum", "eastern Anatolia"), ("Sylhet", "northeastern Bangladesh"),
    ("Nakuru", "the Rift Valley"), ("Gyumri", "Shirak province"),
    ("Pokhara", "western Nepal"), ("Taiz", "southwestern Yemen"),
    ("Beira", "central Mozambique"), ("Mymensingh", "northern Bangladesh"),
    ("Ica", "southern Peru"), ("Lviv", "western Ukraine"),
    ("Mosul", "northern Iraq"), ("Kandy", "central Sri Lanka"),
    ("Gonder", "northern Ethiopia"), ("Porto Alegre", "southern Brazil"),
    ("Valparaiso", "central Chile"), ("Bandung", "West Java"),
    ("Davao", "Mindanao"), ("Multan", "Punjab"), ("Herat", "western Afghanistan"),
    ("Agadez", "northern Niger"), ("Bukavu", "eastern Congo"),
]

COMPANIES = ["Norvane Systems", "Helix Freight", "Quarry Bay Mining",
             "Altmark Foods", "Brightwell Energy", "Castor Telecom",
             "Ironleaf Steel", "Pellucid Pharma", "Sundial Retail",
             "Tessellate Software", "Vantor Motors", "Wexley Insurance"]

PARTIES = [("the Civic Alliance", "the National Front"),
           ("the Labour Union Party", "the Democratic Bloc"),
           ("the Green Coalition", "the People's Movement"),
           ("the Reform Party", "the Conservative League")]

FORCES = [("Ardenian", "the Ardenian army", "insurgents", "the rebel command"),
          ("Corvish", "Corvish military officials", "militants",
           "a militant spokesman"),
          ("Lusarian", "the Lusarian defense ministry", "separatist fighters",
           "the separatists")]

ISSUES = ["rising fuel prices", "a proposed pension reform",
          "cuts to university funding", "a new mining law",
          "the cost of housing", "police violence", "water shortages"]

BOILERPLATE = [
    "The agency did not immediately respond to a request for comment.",
    "Further details were not immediately available.",
    "This story has been updated with additional reporting.",
    "Reporting was contributed by staff correspondents.",
    "The report could not be independently verified.",
]

# Days within which one topic never strikes one place twice (see main).
COLLISION_DAYS = 7

TOPICS = ["earthquake", "flood", "protest", "results", "election", "clash"]


def words_ok(n):
    return "{:,}".format(n)


def month_day(d):
    return "{} {}".format(MONTHS[d.month - 1], d.day)


def when_phrase(rng, event_day, published):
    """A phrase dating event_day that the engine can resolve against
    published (event_day <= published, at most 2 days apart)."""
    gap = (published - event_day).days
    choices = ["on " + month_day(event_day)]
    if gap <= 6:
        choices.append("on " + WEEKDAYS[event_day.weekday()])
    if gap == 1:
        choices.append("yesterday")
    return rng.choice(choices)


def bounded(rng, value, allow_bounds=True):
    """A compatible surface form for `value`: exact or a bound that holds."""
    forms = [words_ok(value)]
    if allow_bounds and value >= 10:
        forms.append("at least " + words_ok(value))
        step = 5 if value < 100 else 10 if value < 1000 else \
            100 if value < 10000 else 1000
        low = value - value % step if value % step else value - step
        if 0 < low < value:
            forms.append("at least " + words_ok(low))
            forms.append("more than " + words_ok(low))
        step = 5 if value < 100 else 10 if value < 1000 else 100
        about = int(round(value / step) * step)
        if about > 0 and abs(about - value) <= 0.05 * value + 1:
            forms.append("about " + words_ok(about))
    return rng.choice(forms)


class Event(object):
    def __init__(self, eid, topic, day, place, rng):
        self.id = eid
        self.topic = topic
        self.day = day
        self.place = place
        self.figures = {}
        self.extra = {}
        town, region = place
        if topic == "earthquake":
            self.figures["killed"] = rng.randint(3, 400)
            self.figures["wounded"] = self.figures["killed"] * rng.randint(2, 6)
            self.extra["magnitude"] = "{:.1f}".format(rng.uniform(5.2, 7.6))
        elif topic == "flood":
            self.figures["killed"] = rng.randint(2, 120)
            self.figures["displaced"] = rng.randint(20, 900) * 100
        elif topic == "protest":
            self.figures["police"] = rng.randint(3, 60) * 1000
            self.figures["organizers"] = self.figures["police"] * rng.randint(3, 5)
            self.figures["arrested"] = rng.randint(5, 150)
            self.extra["issue"] = rng.choice(ISSUES)
        elif topic == "results":
            self.extra["company"] = rng.choice(COMPANIES)
            self.figures["revenue"] = round(rng.uniform(0.4, 40.0), 1)
            self.figures["growth"] = rng.randint(2, 30)
            self.figures["jobs"] = rng.randint(2, 40) * 100
        elif topic == "election":
            self.extra["parties"] = rng.choice(PARTIES)
            total = rng.choice([60, 80, 100, 120, 150])
            won = rng.randint(total // 3, total * 2 // 3)
            self.figures["total"] = total
            self.figures["won"] = won
            self.figures["claimed"] = min(total, won + rng.randint(4, 15))
            self.figures["turnout"] = rng.randint(38, 79)
        elif topic == "clash":
            self.extra["forces"] = rng.choice(FORCES)
            self.figures["killed"] = rng.randint(5, 40)
            self.figures["claimed"] = self.figures["killed"] + rng.randint(15, 40)
            self.figures["fighters"] = rng.randint(10, 80)
        self.disagreement = rng.random() < 0.35

    def summary(self):
        return {"id": self.id, "topic": self.topic,
                "date": self.day.isoformat(),
                "place": "{}, {}".format(*self.place),
                "figures": self.figures}


# Each writer returns (title, [(sentence, role, event_id)], claims) where
# claims are (measure, subject, value, source, text, kind) for the truth
# file; kind is "main" (the agreed figure), "other" (a different source's
# figure: a planted disagreement) or "".
def write_earthquake(rng, ev, pub, conflicting):
    town, region = ev.place
    k, w = ev.figures["killed"], ev.figures["wounded"]
    when = when_phrase(rng, ev.day, pub)
    ks = bounded(rng, k)
    source = rng.choice(["the disaster management agency",
                         "the health ministry", "provincial officials"])
    leads = [
        "A magnitude {m} earthquake struck near {town} in {region} {when}, "
        "killing {ks} people, {src} said.",
        "{Ks} people were killed when a magnitude {m} earthquake hit {town} "
        "{when}, according to {src}.",
        "The death toll from the magnitude {m} quake that shook {town} {when} "
        "stood at {ks}, {src} said.",
    ]
    lead = rng.choice(leads).format(m=ev.extra["magnitude"], town=town,
                                    region=region, when=when, ks=ks,
                                    Ks=ks[0].upper() + ks[1:], src=source)
    out = [(lead, "lead", ev.id)]
    claims = [("KILLED", "people", k, source, lead, "main")]
    ws = bounded(rng, w)
    s = rng.choice([
        "The quake injured {ws} others, many of them in collapsed homes.",
        "Hospitals in {town} treated {ws} injured people, officials said.",
    ]).format(ws=ws, town=town)
    out.append((s, "detail", ev.id))
    claims.append(("WOUNDED", "people", w, source, s, "main"))
    out.append((rng.choice([
        "Rescue teams worked through the night to reach villages cut off by "
        "landslides near {town}.",
        "Aftershocks rattled {town} for hours, sending residents into the "
        "streets.",
    ]).format(town=town), "detail", ev.id))
    if conflicting:
        other = k + rng.randint(12, 60)
        s = ("Local officials in {town}, however, put the number of dead at "
             "{o}.").format(town=town, o=words_ok(other))
        out.append((s, "detail", ev.id))
        claims.append(("KILLED", "people", other, "local officials", s,
                       "other"))
    title = "Earthquake near {} kills {}".format(town, ks)
    return title, out, claims


def write_flood(rng, ev, pub, conflicting):
    town, region = ev.place
    k, d = ev.figures["killed"], ev.figures["displaced"]
    when = when_phrase(rng, ev.day, pub)
    ks = bounded(rng, k)
    src = rng.choice(["the civil protection agency", "the regional governor",
                      "emergency officials"])
    lead = rng.choice([
        "Flash floods swept through {town} in {region} {when}, killing {ks} "
        "people, {src} said.",
        "At least {k} people died after heavy rain flooded {town} {when}, "
        "{src} said.",
        "Floodwaters killed {ks} people in {town} {when}, according to {src}.",
    ]).format(town=town, region=region, when=when, ks=ks, k=words_ok(k),
              src=src)
    out = [(lead, "lead", ev.id)]
    claims = [("KILLED", "people", k, src, lead, "main")]
    ds = bounded(rng, d)
    s = rng.choice([
        "More than {d} people were displaced as the river burst its banks.",
        "The floods forced {ds} people from their homes in and around "
        "{town}.",
    ]).format(d=words_ok(d - d % 1000 if d > 1000 else d - 10), ds=ds,
              town=town)
    out.append((s, "detail", ev.id))
    out.append(("Roads and bridges around {} were washed away, and power was "
                "cut to much of the area.".format(town), "detail", ev.id))
    if conflicting:
        other = k + rng.randint(10, 40)
        s = ("Aid groups working in {town} said {o} people had died in the "
             "floods.").format(town=town, o=words_ok(other))
        out.append((s, "detail", ev.id))
        claims.append(("KILLED", "people", other, "aid groups", s, "other"))
    title = "Floods in {} leave {} dead".format(town, ks)
    return title, out, claims


def write_protest(rng, ev, pub, conflicting):
    town, region = ev.place
    p, o = ev.figures["police"], ev.figures["organizers"]
    a = ev.figures["arrested"]
    when = when_phrase(rng, ev.day, pub)
    issue = ev.extra["issue"]
    ps = bounded(rng, p)
    lead = rng.choice([
        "About {p} people marched through {town} {when} to protest {issue}, "
        "police said.",
        "Police estimated that {ps} protesters gathered in central {town} "
        "{when} against {issue}.",
        "Some {p} demonstrators rallied in {town} {when} over {issue}, "
        "according to a police estimate.",
    ]).format(p=words_ok(p), ps=ps, town=town, when=when, issue=issue)
    out = [(lead, "lead", ev.id)]
    claims = [("PARTICIPATED", "people", p, "police", lead, "main")]
    if conflicting:
        s = ("Organizers said {o} people took part in the march.").format(
            o=words_ok(o))
        out.append((s, "detail", ev.id))
        claims.append(("PARTICIPATED", "people", o, "organizers", s, "other"))
    aS = bounded(rng, a)
    s = rng.choice([
        "Police arrested {a} people after scuffles near the city hall in "
        "{town}.",
        "{A} people were detained in {town} by the end of the day, police "
        "said.",
    ]).format(a=aS, A=aS[0].upper() + aS[1:], town=town)
    out.append((s, "detail", ev.id))
    claims.append(("ARRESTED", "people", a, "police", s, "main"))
    out.append(("Protesters carried banners denouncing {} and chanted "
                "outside government offices in {}.".format(issue, town),
                "detail", ev.id))
    title = "Thousands protest {} in {}".format(issue, town)
    return title, out, claims


def write_results(rng, ev, pub, conflicting):
    c = ev.extra["company"]
    r, g, j = ev.figures["revenue"], ev.figures["growth"], ev.figures["jobs"]
    when = when_phrase(rng, ev.day, pub)
    lead = rng.choice([
        "{c} reported quarterly revenue of ${r} billion {when}, up {g}% from "
        "a year earlier.",
        "{c} said {when} that its revenue rose {g}% to ${r} billion in the "
        "quarter.",
    ]).format(c=c, r=r, g=g, when=when)
    out = [(lead, "lead", ev.id)]
    claims = [("MONEY", "revenue", r, c, lead, "main")]
    s = rng.choice([
        "The company also said it would cut {j} jobs at its plant in {town}.",
        "{c} plans to eliminate {j} positions in {town} as part of a "
        "restructuring.",
    ]).format(j=words_ok(j), town=ev.place[0], c=c)
    out.append((s, "detail", ev.id))
    claims.append(("OTHER", "jobs", j, c, s, "main"))
    out.append(("Shares of {} moved sharply in early trading after the "
                "announcement.".format(c), "detail", ev.id))
    if conflicting:
        other = j + rng.randint(3, 10) * 100
        s = ("A union representing workers in {town} said {o} jobs were at "
             "risk.").format(town=ev.place[0], o=words_ok(other))
        out.append((s, "detail", ev.id))
        claims.append(("OTHER", "jobs", other, "a union", s, "other"))
    title = "{} revenue up {}% as it trims jobs in {}".format(c, g,
                                                              ev.place[0])
    return title, out, claims


def write_election(rng, ev, pub, conflicting):
    town, region = ev.place
    winner, loser = ev.extra["parties"]
    t, w, cl, tu = (ev.figures["total"], ev.figures["won"],
                    ev.figures["claimed"], ev.figures["turnout"])
    when = when_phrase(rng, ev.day, pub)
    lead = rng.choice([
        "{W} won {w} of the {t} seats in the {town} regional council in the "
        "vote held {when}, the electoral commission said.",
        "Official results showed {w} seats for {winner} in the {t}-seat "
        "{town} council after the election {when}.",
    ]).format(W=winner[0].upper() + winner[1:], winner=winner, w=w, t=t,
              town=town, when=when)
    out = [(lead, "lead", ev.id)]
    claims = [("VOTES", "seat", w, "the electoral commission", lead, "main")]
    s = "Turnout in {} was {}%, the commission said.".format(town, tu)
    out.append((s, "detail", ev.id))
    if conflicting:
        s = ("{W} said its own count gave it {c} seats in {town}.").format(
            W=winner[0].upper() + winner[1:], c=cl, town=town)
        out.append((s, "detail", ev.id))
        claims.append(("VOTES", "seat", cl, winner, s, "other"))
    out.append(("{} conceded defeat in {} late in the evening.".format(
        loser[0].upper() + loser[1:], town), "detail", ev.id))
    title = "{} wins {} council vote".format(winner[0].upper() + winner[1:],
                                             town)
    return title, out, claims


def write_clash(rng, ev, pub, conflicting):
    town, region = ev.place
    adj, military, enemy, enemy_src = ev.extra["forces"]
    k, cl, f = ev.figures["killed"], ev.figures["claimed"], ev.figures["fighters"]
    when = when_phrase(rng, ev.day, pub)
    ks = bounded(rng, k)
    lead = rng.choice([
        "{ks} {adj} soldiers were killed in fighting with {enemy} near {town} "
        "{when}, {mil} said.",
        "{Mil} said {ks} soldiers died in clashes with {enemy} outside {town} "
        "{when}.",
        "Fighting near {town} {when} killed {ks} {adj} soldiers, according to "
        "{mil}.",
    ]).format(ks=ks, adj=adj,
              enemy=enemy, town=town, when=when, mil=military,
              Mil=military[0].upper() + military[1:])
    if lead[0].islower():
        lead = lead[0].upper() + lead[1:]
    out = [(lead, "lead", ev.id)]
    claims = [("KILLED", "soldier", k, military, lead, "main")]
    s = ("The army said its troops killed {f} {enemy} in the "
         "fighting.").format(f=bounded(rng, f), enemy=enemy)
    out.append((s, "detail", ev.id))
    if conflicting:
        s = ("{E} said {c} soldiers were killed near {town}.").format(
            E=enemy_src[0].upper() + enemy_src[1:], c=cl, town=town)
        out.append((s, "detail", ev.id))
        claims.append(("KILLED", "soldier", cl, enemy_src, s, "other"))
    out.append(("Residents of {} said the shelling lasted for several "
                "hours.".format(town), "detail", ev.id))
    title = "{} soldiers killed in fighting near {}".format(ks, town)
    return title, out, claims


WRITERS = {"earthquake": write_earthquake, "flood": write_flood,
           "protest": write_protest, "results": write_results,
           "election": write_election, "clash": write_clash}


def background(rng, ev, earlier):
    """A sentence on an earlier event of the same kind (belongs to it)."""
    town = earlier.place[0]
    date = month_day(earlier.day)
    gap = (ev.day - earlier.day).days
    after = ("{} days after".format(gap) if 1 < gap < 10 else "weeks after")
    t = ev.topic
    f = earlier.figures
    if t == "clash":
        return ("The fighting came {after} {k} soldiers were killed in an "
                "ambush near {town} on {date}.").format(
                    after=after, k=f["killed"], town=town, date=date)
    if t == "earthquake":
        return ("It was the second deadly quake in the region after a tremor "
                "near {town} killed {k} people on {date}.").format(
                    town=town, k=f["killed"], date=date)
    if t == "flood":
        return ("The disaster followed floods near {town} that killed {k} "
                "people on {date}.").format(town=town, k=f["killed"],
                                            date=date)
    if t == "protest":
        return ("A similar march in {town} on {date} drew about {p} people, "
                "police said at the time.").format(
                    town=town, date=date, p=words_ok(f["police"]))
    if t == "election":
        return ("In a separate vote in {town} on {date}, turnout was "
                "{tu}%.").format(town=town, date=date, tu=f["turnout"])
    return ("On {date}, {c} had announced {j} job cuts in {town}.").format(
        date=date, c=earlier.extra["company"], j=words_ok(f["jobs"]),
        town=town)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--events", type=int, default=0,
                    help="number of events; default articles/5 (at least 3)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--start", default="2022-01-01",
                    help="first possible event date")
    ap.add_argument("--days", type=int, default=900,
                    help="events fall within this many days of --start")
    ap.add_argument("--undated", type=float, default=0.0,
                    help="fraction of articles written without a published "
                    "date (scraped copy), for the aligner's date estimates; "
                    "default 0")
    args = ap.parse_args()
    if not 0.0 <= args.undated <= 1.0:
        sys.exit("gen_corpus: --undated must be within [0, 1]")
    # Its own stream, so that the corpus is otherwise the same as without it.
    undated_rng = random.Random(args.seed + 7919)

    rng = random.Random(args.seed)
    n = args.articles
    m = args.events or max(3, n // 5)
    start = datetime.date.fromisoformat(args.start)

    # Events: a topic, a day, a place. One in five reuses the place of an
    # earlier event of the same topic in another year (the "2022 bombing vs
    # 2023 bombing in the same city" distractor); one in four is placed a
    # few days after an earlier one of the same topic (a background trap).
    # Two events of one topic in one place within COLLISION_DAYS of each
    # other (or one company's results twice in that time) would be one
    # incident told with two sets of figures: no reader or engine could keep
    # them apart, and the truth would call a real disagreement two events.
    # Such draws are made again.
    events = []
    taken = {}  # (topic, place) or ("company", name) -> [days]

    def collides(ev):
        keys = [(ev.topic, ev.place)]
        if ev.topic == "results":
            keys.append(("company", ev.extra["company"]))
        return any(abs((d - ev.day).days) <= COLLISION_DAYS
                   for k in keys for d in taken.get(k, []))

    for i in range(m):
        topic = TOPICS[i % len(TOPICS)]
        same = [e for e in events if e.topic == topic]
        for attempt in range(50):
            r = rng.random()
            if same and r < 0.2:
                base = rng.choice(same)
                day = base.day + datetime.timedelta(
                    days=rng.choice([-1, 1]) * rng.randint(300, 420))
                place = base.place
            elif same and r < 0.45:
                base = rng.choice(same)
                day = base.day + datetime.timedelta(days=rng.randint(3, 9))
                place = rng.choice(PLACES)
            else:
                day = start + datetime.timedelta(days=rng.randrange(args.days))
                place = rng.choice(PLACES)
            ev = Event("ev{}".format(i + 1), topic, day, place, rng)
            if not collides(ev):
                break
        else:
            sys.exit("gen_corpus: cannot place {} events without collisions; "
                     "raise --days".format(m))
        taken.setdefault((ev.topic, ev.place), []).append(ev.day)
        if ev.topic == "results":
            taken.setdefault(("company", ev.extra["company"]), []).append(
                ev.day)
        events.append(ev)

    by_topic = {}
    for e in events:
        by_topic.setdefault(e.topic, []).append(e)

    os.makedirs(args.out, exist_ok=True)
    truth = {"seed": args.seed, "articles": n,
             "events": [e.summary() for e in events],
             "sentences": [], "disagreements": [], "compatible": []}
    disagreement_of = {}
    main_claims = {}
    covered = set()
    # Articles: spread round-robin over events so every event has coverage.
    order = list(range(m)) * (n // m + 1)
    for a in range(n):
        ev = events[order[a]] if a < m else events[rng.randrange(m)]
        doc = "a{:05d}".format(a + 1)
        pub = ev.day + datetime.timedelta(days=rng.choice([0, 1, 1, 2]))
        outlet = rng.choice(OUTLETS)
        # The outlet that plants the disagreement: the second article on it.
        conflicting = ev.disagreement and ev.id in covered and \
            ev.id not in disagreement_of
        covered.add(ev.id)
        title, sentences, claims = WRITERS[ev.topic](rng, ev, pub, conflicting)
        earlier = [e for e in by_topic[ev.topic]
                   if 0 < (ev.day - e.day).days <= 40]
        if earlier and rng.random() < 0.6:
            e2 = rng.choice(earlier)
            sentences.insert(rng.randint(1, len(sentences)),
                             (background(rng, ev, e2), "background", e2.id))
        if rng.random() < 0.5:
            sentences.append((rng.choice(BOILERPLATE), "boilerplate", None))
        # Paragraphs of one or two sentences, as wire copy reads.
        paragraphs, cur = [], []
        for s, _, _ in sentences:
            cur.append(s)
            if len(cur) == 2 or rng.random() < 0.6:
                paragraphs.append(" ".join(cur))
                cur = []
        if cur:
            paragraphs.append(" ".join(cur))
        with open(os.path.join(args.out, doc + ".md"), "w",
                  encoding="utf-8") as f:
            dated = undated_rng.random() >= args.undated
            f.write("---\ntitle: {}\nsource: {}\n{}---\n\n".format(
                title, outlet,
                "published: {}\n".format(pub.isoformat()) if dated else ""))
            f.write("\n\n".join(paragraphs) + "\n")
        for i, (s, role, eid) in enumerate(sentences):
            truth["sentences"].append({"doc": doc, "index": i, "text": s,
                                       "event": eid, "role": role})
        for measure, subject, value, source, text, kind in claims:
            if kind == "main":
                main_claims.setdefault((ev.id, measure), []).append(
                    {"doc": doc, "text": text, "value": value,
                     "source": source})
            elif kind == "other":
                disagreement_of[ev.id] = {
                    "event": ev.id, "measure": measure, "subject": subject,
                    "claims": [{"doc": doc, "text": text, "value": value,
                                "source": source}]}
    for eid, d in sorted(disagreement_of.items()):
        d["claims"] = main_claims.get((eid, d["measure"]), []) + d["claims"]
        truth["disagreements"].append(d)
    for (eid, measure), cl in sorted(main_claims.items()):
        if len({c["doc"] for c in cl}) > 1:
            truth["compatible"].append({"event": eid, "measure": measure,
                                        "texts": [c["text"] for c in cl]})
    with open(os.path.join(args.out, "truth.json"), "w",
              encoding="utf-8") as f:
        json.dump(truth, f, indent=1)
    print("wrote {} articles about {} events to {}".format(n, m, args.out))


if __name__ == "__main__":
    main()
