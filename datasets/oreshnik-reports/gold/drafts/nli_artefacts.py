#!/usr/bin/env python3
"""Annotation-artefact checks for an NLI layer of oreshnik-reports (issue 17, item 4).

Usage (from the repository root):

    python3 datasets/oreshnik-reports/gold/drafts/nli_artefacts.py FILE.jsonl [FILE.jsonl ...]
        [--seeds seeds] [--contradictions datasets/oreshnik-reports/gold/contradictions.jsonl]
        [--entities datasets/oreshnik-reports/gold/entities.tsv] [--json OUT.json]

For each file it first checks the layer (every premise and hypothesis text equals the article's code
points [start, end); ids unique and in order; labels known; contradiction_id present exactly on the
contradiction pairs and, with --contradictions, each contradiction used once), then prints:

  * content-word overlap of hypothesis with premise, per label (median, mean, quartiles);
    content words = lower-cased alphabetic tokens (Unicode letters only, so apostrophes and hyphens
    split words) that are not in STOPWORDS below; overlap = |C(H) & C(P)| / |C(H)| (sets);
  * the best single overlap threshold (entailment at or above t, neutral below, never contradiction),
    its accuracy with t chosen on all pairs (an upper bound) and with t chosen without the test
    article (leave-one-article-out: the pairs whose premise is in article d are predicted with the t
    that is best on the pairs in which article d is on neither side);
  * the best overlap classifier with two thresholds (three intervals, any assignment of labels);
  * hypothesis-only classifiers, leave-one-pair-out and leave-one-article-out (the pairs whose
    hypothesis is in article d, trained on the pairs in which d is on neither side): multinomial naive Bayes
    over hypothesis content words, and a majority-by-cue vote (each hypothesis word seen at least twice
    in training votes for the label it occurs with most; the majority of votes wins, ties and no votes
    go to the training majority);
  * the shipped `lexical-overlap` baseline (a port of baseline/nli/LexicalOverlapClassifier.java);
  * structural cues: pairs within one article, hypotheses cut from their premise (same article, one span
    inside the other), spans reused as hypothesis, identical pairs, hypothesis length per label, and the
    best single threshold on hypothesis length (entailment if short, neutral if long; k on all pairs);
  * with --entities: per label, the pairs whose premise and hypothesis share an entity id.

Only the standard library is used. Offsets are code points, end exclusive; articles are read with
newline='' so that line ends count as they are stored.
"""
import argparse
import collections
import json
import math
import os
import re
import statistics
import sys

LABELS = ("contradiction", "entailment", "neutral")

# Function words left out of "content words". Negations are function words here too.
STOPWORDS = frozenset("""
a an the and or but nor so yet if then than as of to in on at by for from with without into onto over
under about after before between through during against within upon off out up down
this that these those there here which who whom whose what when where why how whether while
i me my we us our you your he him his she her it its they them their one's
be is are was were been being am do does did done has have had having
will would can could may might must shall should
not no also just only very more most much many some any all each both other such own same
s t don re ve ll d
""".split())

WORD = re.compile(r"[^\W\d_]+")


def content_words(text):
    return {w for w in WORD.findall(text.lower()) if w not in STOPWORDS}


def overlap(premise, hypothesis):
    h = content_words(hypothesis)
    if not h:
        return 0.0
    return len(h & content_words(premise)) / len(h)


def jaccard(premise, hypothesis):
    h, p = content_words(hypothesis), content_words(premise)
    return len(h & p) / len(h | p) if h | p else 0.0


# ---------------------------------------------------------------- loading and checking

def load_articles(seeds):
    out = {}
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds, name), encoding="utf-8", newline="") as f:
                out[name[:-4]] = f.read()
    return out


def load_pairs(path):
    pairs = []
    with open(path, encoding="utf-8", newline="") as f:
        for line_no, line in enumerate(f, 1):
            if line.strip():
                rec = json.loads(line)
                rec["_line"] = line_no
                pairs.append(rec)
    return pairs


def check(path, pairs, articles, contradictions):
    errors = []
    seen = set()
    previous = ""
    for r in pairs:
        where = f"{path}:{r['_line']}"
        rid = r.get("id")
        if not isinstance(rid, str) or rid in seen:
            errors.append(f"{where}:id: found {rid!r}, expected a unique string")
        elif rid <= previous:
            errors.append(f"{where}:id: found {rid!r} after {previous!r}, expected ascending ids")
        seen.add(rid)
        previous = rid if isinstance(rid, str) else previous
        for side in ("premise", "hypothesis"):
            s = r.get(side) or {}
            doc = articles.get(s.get("doc_id"))
            if doc is None:
                errors.append(f"{where}:{side}.doc_id: found {s.get('doc_id')!r}, expected one of {sorted(articles)}")
                continue
            start, end = s.get("start"), s.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc)):
                errors.append(f"{where}:{side}.start/end: found {start!r}/{end!r}, expected 0 <= start < end <= {len(doc)}")
                continue
            if doc[start:end] != s.get("text"):
                errors.append(f"{where}:{side}.text: found {s.get('text')!r}, expected the article's {doc[start:end]!r}")
        label = r.get("label")
        if label not in LABELS:
            errors.append(f"{where}:label: found {label!r}, expected one of {LABELS}")
        cid = r.get("contradiction_id")
        if (label == "contradiction") != (cid is not None):
            errors.append(f"{where}:contradiction_id: found {cid!r}, expected an id exactly on contradiction pairs")
    if contradictions is not None:
        used = collections.Counter(r.get("contradiction_id") for r in pairs if r.get("contradiction_id"))
        for cid in contradictions:
            if used[cid] != 1:
                errors.append(f"{path}:contradiction_id: found {cid} used {used[cid]} times, expected once")
        for cid in used:
            if cid not in contradictions:
                errors.append(f"{path}:contradiction_id: found {cid}, expected an id of the contradiction layer")
    return errors


# ---------------------------------------------------------------- classifiers

def best_threshold(items):
    """items: (overlap, gold). Entailment at or above t, neutral below. Returns (t, correct).
    Ties are broken towards the smallest t, so the choice is deterministic."""
    candidates = sorted({o for o, _ in items} | {math.inf})
    best = None
    for t in candidates:
        correct = sum(1 for o, g in items if g == ("entailment" if o >= t else "neutral"))
        if best is None or correct > best[1]:
            best = (t, correct)
    return best


def best_two_thresholds(items):
    """Best accuracy of any classifier that cuts overlap into three intervals and gives each interval a label."""
    values = sorted({o for o, _ in items} | {math.inf})
    best = (None, None, None, -1)
    for i, t1 in enumerate(values):
        for t2 in values[i:]:
            bins = [collections.Counter(), collections.Counter(), collections.Counter()]
            for o, g in items:
                bins[0 if o < t1 else 1 if o < t2 else 2][g] += 1
            correct = sum(max(b.values(), default=0) for b in bins)
            if correct > best[3]:
                labels = tuple(max(b, key=lambda k: (b[k], k)) if b else "-" for b in bins)
                best = (t1, t2, labels, correct)
    return best


def articles_of(r):
    return {r["premise"]["doc_id"], r["hypothesis"]["doc_id"]}


def threshold_leave_one_article_out(pairs, ov):
    docs = sorted({r["premise"]["doc_id"] for r in pairs})
    correct, chosen = 0, {}
    for d in docs:
        train = [(ov[r["id"]], r["label"]) for r in pairs if d not in articles_of(r)]
        t, _ = best_threshold(train)
        chosen[d] = t
        for r in pairs:
            if r["premise"]["doc_id"] == d:
                correct += r["label"] == ("entailment" if ov[r["id"]] >= t else "neutral")
    return correct, chosen


def majority(labels):
    c = collections.Counter(labels)
    return max(c, key=lambda k: (c[k], k == "neutral", k)) if c else "neutral"


def naive_bayes(train, words):
    """train: list of (word set, label). Multinomial NB with add-one smoothing over word sets."""
    prior = collections.Counter(g for _, g in train)
    counts = {g: collections.Counter() for g in prior}
    for ws, g in train:
        counts[g].update(ws)
    vocab = {w for ws, _ in train for w in ws}
    best = None
    for g in sorted(prior):
        total = sum(counts[g].values())
        score = math.log(prior[g] / len(train))
        for w in words:
            if w in vocab:
                score += math.log((counts[g][w] + 1) / (total + len(vocab)))
        if best is None or score > best[1]:
            best = (g, score)
    return best[0]


def cue_vote(train, words):
    seen = collections.defaultdict(collections.Counter)
    for ws, g in train:
        for w in ws:
            seen[w][g] += 1
    votes = collections.Counter()
    for w in words:
        c = seen.get(w)
        if c and sum(c.values()) >= 2:
            top = max(c.values())
            winners = [g for g in c if c[g] == top]
            if len(winners) == 1:
                votes[winners[0]] += 1
    if not votes:
        return majority([g for _, g in train])
    top = max(votes.values())
    winners = [g for g in votes if votes[g] == top]
    return winners[0] if len(winners) == 1 else majority([g for _, g in train])


def hypothesis_only(pairs, classify):
    feats = {r["id"]: (content_words(r["hypothesis"]["text"]), r["label"]) for r in pairs}
    loo = sum(classify([feats[s["id"]] for s in pairs if s is not r], feats[r["id"]][0]) == r["label"] for r in pairs)
    loao = 0
    for r in pairs:
        d = r["hypothesis"]["doc_id"]
        train = [feats[s["id"]] for s in pairs if d not in articles_of(s)]
        loao += classify(train, feats[r["id"]][0]) == r["label"]
    return loo, loao


# Port of org.corpusbench.baseline.nli.LexicalOverlapClassifier (thresholds fixed in advance).
_LO_NEG = {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "denied", "denies",
           "deny", "n't"}
_LO_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "is", "are", "was", "were", "be", "been", "has",
            "have", "had", "that", "this", "it", "its", "for", "by", "with", "as", "at", "from", "his", "her",
            "their", "which", "who", "will", "would", "s"}
_LO_WORD = re.compile(r"(?:[^\W_]|')+")
_LO_NUM = re.compile(r"\b\d+(?:[.,]\d+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|hundred|thousand)\b", re.IGNORECASE)


def lexical_overlap_baseline(p, h):
    def words(s):
        return set(_LO_WORD.findall(s.lower().replace("\u2019", "'")))

    def negated(ws):
        return any(w in _LO_NEG or w.endswith("n't") for w in ws)

    pw, hw = words(p), words(h)
    if negated(pw) != negated(hw):
        return "contradiction"
    pn = {m.lower() for m in _LO_NUM.findall(p)}
    hn = {m.lower() for m in _LO_NUM.findall(h)}
    if pn and hn and not hn <= pn:
        return "contradiction"
    hc = {w for w in hw if w not in _LO_STOP and len(w) >= 3}
    if not hc:
        return "neutral"
    return "entailment" if sum(w in pw for w in hc) / len(hc) >= 0.6 else "neutral"


# ---------------------------------------------------------------- report

def quartiles(xs):
    if len(xs) < 2:
        return (xs[0], xs[0]) if xs else (float("nan"), float("nan"))
    q = statistics.quantiles(xs, n=4, method="inclusive")
    return q[0], q[2]


def load_entities(path):
    out = collections.defaultdict(list)
    with open(path, encoding="utf-8", newline="") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            out[row["doc_id"]].append((int(row["start"]), int(row["end"]), row["entity_id"]))
    return out


def entity_ids(entities, side):
    return {e for s, t, e in entities.get(side["doc_id"], ()) if side["start"] <= s and t <= side["end"]}


def analyse(path, pairs, entities=None):
    n = len(pairs)
    ov = {r["id"]: overlap(r["premise"]["text"], r["hypothesis"]["text"]) for r in pairs}
    jac = {r["id"]: jaccard(r["premise"]["text"], r["hypothesis"]["text"]) for r in pairs}
    by = {g: [r for r in pairs if r["label"] == g] for g in LABELS}
    res = {"file": path, "pairs": n, "labels": {g: len(by[g]) for g in LABELS}}
    res["majority_rate"] = max(len(v) for v in by.values()) / n
    res["overlap"] = {}
    for g in LABELS:
        xs = sorted(ov[r["id"]] for r in by[g])
        q1, q3 = quartiles(xs)
        res["overlap"][g] = {
            "median": statistics.median(xs), "mean": statistics.fmean(xs), "q1": q1, "q3": q3,
            "zero": sum(1 for x in xs if x == 0), "jaccard_median": statistics.median(jac[r["id"]] for r in by[g]),
        }
    t, correct = best_threshold([(ov[r["id"]], r["label"]) for r in pairs])
    res["threshold_all"] = {"t": t, "accuracy": correct / n}
    ne = [r for r in pairs if r["label"] != "contradiction"]
    t2, c2 = best_threshold([(ov[r["id"]], r["label"]) for r in ne])
    res["threshold_entailment_vs_neutral"] = {"t": t2, "accuracy": c2 / len(ne), "majority": max(len(by["entailment"]), len(by["neutral"])) / len(ne)}
    c_loao, chosen = threshold_leave_one_article_out(pairs, ov)
    res["threshold_loao"] = {"accuracy": c_loao / n, "t_by_article": chosen}
    a, b, labs, c3 = best_two_thresholds([(ov[r["id"]], r["label"]) for r in pairs])
    res["two_thresholds"] = {"t1": a, "t2": b, "labels": labs, "accuracy": c3 / n}
    nb_loo, nb_loao = hypothesis_only(pairs, naive_bayes)
    cv_loo, cv_loao = hypothesis_only(pairs, cue_vote)
    res["hypothesis_only"] = {"naive_bayes_loo": nb_loo / n, "naive_bayes_loao": nb_loao / n,
                              "cue_vote_loo": cv_loo / n, "cue_vote_loao": cv_loao / n}
    lo = [lexical_overlap_baseline(r["premise"]["text"], r["hypothesis"]["text"]) for r in pairs]
    res["lexical_overlap_baseline"] = {"accuracy": sum(p == r["label"] for p, r in zip(lo, pairs)) / n,
                                       "predicted": dict(collections.Counter(lo))}
    same = {g: sum(r["premise"]["doc_id"] == r["hypothesis"]["doc_id"] for r in by[g]) for g in LABELS}

    def cut(r):
        p, h = r["premise"], r["hypothesis"]
        return p["doc_id"] == h["doc_id"] and (
            p["start"] <= h["start"] and h["end"] <= p["end"] or h["start"] <= p["start"] and p["end"] <= h["end"])

    res["same_article"] = same
    res["cut"] = {g: sum(cut(r) for r in by[g]) for g in LABELS}
    hyp_spans = collections.Counter((r["hypothesis"]["doc_id"], r["hypothesis"]["start"], r["hypothesis"]["end"]) for r in pairs)
    reused = {k: sorted({r["label"] for r in pairs if (r["hypothesis"]["doc_id"], r["hypothesis"]["start"], r["hypothesis"]["end"]) == k})
              for k, v in hyp_spans.items() if v > 1}
    res["hypotheses_reused"] = [{"span": list(k), "times": hyp_spans[k], "labels": v} for k, v in sorted(reused.items())]
    key = lambda r: (r["premise"]["doc_id"], r["premise"]["start"], r["premise"]["end"],
                     r["hypothesis"]["doc_id"], r["hypothesis"]["start"], r["hypothesis"]["end"])
    groups = collections.defaultdict(list)
    for r in pairs:
        groups[key(r)].append(r["id"])
    res["identical_pairs"] = [ids for ids in groups.values() if len(ids) > 1]
    res["hypothesis_words_median"] = {g: statistics.median(len(content_words(r["hypothesis"]["text"])) for r in by[g]) for g in LABELS}
    # Length cue: entailment when the hypothesis has at most k content words, else neutral (t = -k so that the
    # threshold helper's ">= t means entailment" applies).
    length = [(-len(content_words(r["hypothesis"]["text"])), r["label"]) for r in pairs]
    k, c = best_threshold(length)
    res["length_threshold"] = {"max_words": -k if k != math.inf else None, "accuracy": c / n}
    if entities is not None:
        res["sharing_an_entity"] = {g: sum(bool(entity_ids(entities, r["premise"]) & entity_ids(entities, r["hypothesis"]))
                                           for r in by[g]) for g in LABELS}
    return res


def fmt(x):
    return "inf" if x == math.inf else f"{x:.2f}"


def print_report(res):
    n = res["pairs"]
    print(f"## {res['file']}")
    print(f"pairs {n}: " + ", ".join(f"{g} {res['labels'][g]}" for g in LABELS) + f"; majority rate {res['majority_rate']:.2f}")
    print("overlap |C(H)&C(P)|/|C(H)| per label: median [q1, q3], mean, pairs with 0, Jaccard median")
    for g in LABELS:
        o = res["overlap"][g]
        print(f"  {g:13s} {o['median']:.2f} [{o['q1']:.2f}, {o['q3']:.2f}]  mean {o['mean']:.2f}  zero {o['zero']}  jaccard {o['jaccard_median']:.2f}")
    t = res["threshold_all"]
    print(f"best single threshold (entailment >= t, else neutral), t on all pairs: t = {fmt(t['t'])}, accuracy {t['accuracy']:.2f}")
    t = res["threshold_loao"]
    print(f"  same, t chosen without the test article: accuracy {t['accuracy']:.2f} (t per premise article: "
          + ", ".join(f"{d[:3]} {fmt(v)}" for d, v in t["t_by_article"].items()) + ")")
    t = res["threshold_entailment_vs_neutral"]
    print(f"  on entailment+neutral only: t = {fmt(t['t'])}, accuracy {t['accuracy']:.2f} (majority {t['majority']:.2f})")
    t = res["two_thresholds"]
    print(f"best two-threshold overlap classifier: [<{fmt(t['t1'])}] {t['labels'][0]}, [<{fmt(t['t2'])}] {t['labels'][1]}, "
          f"[rest] {t['labels'][2]}: accuracy {t['accuracy']:.2f}")
    h = res["hypothesis_only"]
    print(f"hypothesis-only naive Bayes: leave-one-pair-out {h['naive_bayes_loo']:.2f}, leave-one-article-out {h['naive_bayes_loao']:.2f}")
    print(f"hypothesis-only majority-by-cue: leave-one-pair-out {h['cue_vote_loo']:.2f}, leave-one-article-out {h['cue_vote_loao']:.2f}")
    b = res["lexical_overlap_baseline"]
    print(f"shipped lexical-overlap baseline: accuracy {b['accuracy']:.2f}, predicted {b['predicted']}")
    print("within one article: " + ", ".join(f"{g} {res['same_article'][g]}" for g in LABELS)
          + "; hypothesis cut from premise: " + ", ".join(f"{g} {res['cut'][g]}" for g in LABELS))
    print("hypothesis content words, median: " + ", ".join(f"{g} {res['hypothesis_words_median'][g]}" for g in LABELS))
    t = res["length_threshold"]
    print(f"hypothesis-length threshold (entailment if at most k content words, else neutral), k on all pairs: "
          f"k = {t['max_words']}, accuracy {t['accuracy']:.2f}")
    print(f"hypothesis spans used more than once: {len(res['hypotheses_reused'])}"
          + "".join(f"\n  {u['span'][0][:3]} {u['span'][1]}-{u['span'][2]} x{u['times']} {u['labels']}" for u in res["hypotheses_reused"]))
    print(f"identical pairs (same premise and hypothesis spans): {res['identical_pairs']}")
    if "sharing_an_entity" in res:
        print("pairs whose premise and hypothesis share an entity id: "
              + ", ".join(f"{g} {res['sharing_an_entity'][g]} of {res['labels'][g]}" for g in LABELS))
    print()


def _finite(x):
    if isinstance(x, dict):
        return {k: _finite(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_finite(v) for v in x]
    return "inf" if x == math.inf else x


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--seeds", default="seeds")
    ap.add_argument("--contradictions")
    ap.add_argument("--entities")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    articles = load_articles(args.seeds)
    contradictions = None
    if args.contradictions:
        with open(args.contradictions, encoding="utf-8") as f:
            contradictions = [json.loads(l)["id"] for l in f if l.strip()]
    results, failed = [], False
    for path in args.files:
        pairs = load_pairs(path)
        errors = check(path, pairs, articles, contradictions)
        for e in errors:
            print(e, file=sys.stderr)
        failed |= bool(errors)
        res = analyse(path, pairs, load_entities(args.entities) if args.entities else None)
        print_report(res)
        results.append(res)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(_finite(results), f, indent=2)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
