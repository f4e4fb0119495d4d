#!/usr/bin/env python3
"""Builds the draft NLI layer of oreshnik-reports 1.1.0 (issue 17, item 4): drafts/nli-1.1.0.jsonl.

Run from the repository root:  python3 datasets/oreshnik-reports/gold/drafts/build_nli_1_1_0.py

Contradiction pairs are copied unchanged from gold/nli.jsonl of 1.0.1 (one per contradiction of
gold/contradictions.jsonl). Entailment and neutral pairs are written below as exact text copied from the
articles; their offsets are found here (each text must occur exactly once in its article, or the
occurrence is given) and every span is checked against the article. The script refuses a draft in which
  * an entailment pair has premise and hypothesis in one article, or a hypothesis cut from its premise;
  * a neutral pair shares no entity id (gold/entities.tsv) between premise and hypothesis;
  * an entailment or neutral pair holds both evidence spans of a contradiction of annotator A or B
    (gold/contradictions.jsonl, gold/annotator-b/contradictions.jsonl), or names one entity differently on
    its two sides (Oreshnik/Oreshino, Wolfovich/Wolffovich);
  * an entailment or neutral pair repeats another pair (contradiction pairs are kept as in 1.0.1,
    where n002 and n009 are the same sentence pair for c002 and c009).
"""
import collections
import json
import os
import sys

GOLD = "datasets/oreshnik-reports/gold"
OUT = os.path.join(GOLD, "drafts", "nli-1.1.0.jsonl")
DOCS = {d[:3]: d for d in ("000_6e15c3caa4eb7126", "001_3cbd90c8ad035dae", "002_c6b68ee50c1b1fad",
                           "003_d78e2b2912535dd7", "004_1fd1226005666fa9")}

# (premise doc, premise text, hypothesis doc, hypothesis text, note)
ENTAILMENT = [
    ("000", "In a recent statement, Belarusian Foreign Minister Vladimir Wolfovich asserted that the decisions made by the leaders of Belarus and Russia are 'not up for discussion,' signaling a firm commitment to a shared military initiative.",
     "002", "According to Wolfovich, the decision-making process involving the leaders of Belarus and Russia is not open to negotiation.",
     "Same claim in two articles: decisions of the two leaders 'not up for discussion' = 'not open to negotiation', both credited to Wolfovich."),
    ("000", "In a recent statement, Belarusian Foreign Minister Vladimir Wolfovich asserted that the decisions made by the leaders of Belarus and Russia are 'not up for discussion,' signaling a firm commitment to a shared military initiative.",
     "001", "Belarus and Russia Demonstrate Unwavering Commitment to Joint Strategic Initiative Without Room for Negotiation",
     "Headline of 001 restates 000's lead: firm commitment to a shared initiative, decisions not open to discussion (hard case: the premise is one Belarusian official speaking for both leaders)."),
    ("001", "According to Wolfovich, a high-ranking official involved in the matter, the decisions made by Belarusian President Alexander Lukashenko and his Russian counterparts are ‘not up for discussion.’",
     "000", "the decisions made by the leaders of Belarus and Russia are 'not up for discussion,'",
     "The same quoted claim; Lukashenko and his Russian counterparts are the leaders of Belarus and Russia (attribution dropped as in the guidelines' 'no intention' example)."),
    ("000", "'Everything goes according to plan, and by the end of the year, this task will be fully accomplished,' Wolfovich declared, emphasizing the unyielding cooperation between the two nations.",
     "001", "Wolfovich emphasized that the initiative is progressing ‘according to plan,’ with a definitive goal of completing the task by the end of the year.",
     "Paraphrase across articles: on plan, task done by the end of the year, said by Wolfovich."),
    ("000", "The Secretary of State, who recently met with Belarusian President Alexander Lukashenko, confirmed that the leader is 'personally keeping a tight rein on all these issues.'",
     "001", "The Secretary of State, in a recent briefing with Lukashenko, highlighted the Belarusian leader’s direct involvement in overseeing the initiative.",
     "Same speaker, same claim: personally keeping a tight rein = direct involvement in overseeing (no attribution conflict: both credit the Secretary of State)."),
    ("001", "The Secretary of State, in a recent briefing with Lukashenko, highlighted the Belarusian leader’s direct involvement in overseeing the initiative.",
     "002", "The Secretary of State’s recent engagement with President Alexander Lukashenko of Belarus has further illuminated the level of personal involvement the Belarusian leader has in overseeing these developments.",
     "A briefing is an engagement; highlighting his direct involvement illuminates his personal involvement in overseeing it."),
    ("002", "Wolfovich emphasized that Lukashenko maintains a firm grip on all matters related to the initiative, suggesting a centralized and deliberate approach to managing the complexities of the deployment.",
     "001", "Wolfovich noted that Lukashenko maintains a ‘tight rein’ on all aspects of the deployment, suggesting a high level of personal oversight.",
     "Guidelines 5.1: firm grip = tight rein, same speaker; a centralized approach to managing implies personal oversight."),
    ("000", "The deployment of the 'Oreshnik' rocket complex, a cutting-edge hypersonic missile system, is at the heart of this plan.",
     "002", "A pivotal element of this initiative is the deployment of the 'Oreshnik' rocket complex in Belarus.",
     "At the heart of the plan = a pivotal element of the initiative; 'in Belarus' is the plan's setting in both articles."),
    ("001", "According to Wolfovich, the deployment of this system in Belarus is intended to bolster the western borders of the Collective Security Treaty Organization (CSTO), a military alliance that includes Russia, Belarus, and several other nations.",
     "000", "According to Wolfovich, the system's presence in Belarus is intended to 'protect the western borders of the CSTO,'",
     "Same purpose credited to the same official (bolster = protect the CSTO's western borders); the hypothesis stops before 000's member list, so the CSTO membership conflict (c013) is not in the pair."),
    ("002", "According to Wolfovich, this move is not merely symbolic but is intended to serve a critical strategic function: the protection of the western borders of the Collective Security Treaty Organization (CSTO).",
     "004", "The deployment of the 'Oreshnik' rocket complex in Belarus has been framed as a critical measure to safeguard the western borders of the Collective Security Treaty Organization (CSTO)",
     "A critical function of protecting the CSTO's western borders = framed as a critical measure to safeguard them; the clause stops before 004's 'Wolffovich' (no name conflict in the pair)."),
    ("000", "At the end of October, Lukashenko confirmed that the 'Oreshnik' rocket complex would be placed on combat alert in Belarus by December.",
     "001", "The timeline for the deployment has been further clarified by Lukashenko himself.",
     "Lukashenko confirming the combat-alert date is Lukashenko clarifying the deployment timeline."),
    ("001", "At the end of October, the Belarusian president confirmed that the ‘Oreshnik’ rocket complex, a variant of the Oreshino system, will be placed on combat alert within the republic by December.",
     "004", "Belarusian President Alexander Lukashenko confirmed in late October that the system would be operational by December",
     "End of October = late October (guidelines 4.4), combat alert = operational, the Belarusian president = Lukashenko."),
    ("002", "President Lukashenko’s confirmation of the Oreshnik rocket complex entering combat alert status by December further solidifies the timeline for this development.",
     "000", "Lukashenko confirmed that the 'Oreshnik' rocket complex would be placed on combat alert in Belarus by December",
     "The noun phrase 'Lukashenko's confirmation of ... by December' restated as a clause."),
    ("004", "With the system set to come online in December, the coming weeks will be closely watched by both allies and adversaries, as the strategic balance in Eastern Europe and Central Asia shifts once again.",
     "000", "As the deadline for the Oreshnik's deployment approaches, the world watches closely.",
     "System coming online in December with the coming weeks closely watched by allies and adversaries = the deployment deadline approaching while the world watches."),
    ("001", "Despite the growing militarization of Belarus, Lukashenko has consistently maintained that his nation has ‘no intention of getting involved in a war.’",
     "004", "Lukashenko has repeatedly denied any intention to involve Belarus in direct conflict",
     "Consistently maintained no intention of getting involved in a war = repeatedly denied any intention to involve Belarus in conflict."),
    ("002", "This timeline has been previously communicated by Lukashenko, who has consistently maintained that Belarus has no intention of engaging in a war.",
     "001", "Lukashenko has consistently maintained that his nation has ‘no intention of getting involved in a war.’",
     "Guidelines' own example: 'no intention of engaging in a war' = 'no intention of getting involved in a war'."),
    ("004", "Lukashenko has repeatedly denied any intention to involve Belarus in direct conflict, despite the growing military footprint of Russian and Belarusian forces on its territory.",
     "001", "Despite the growing militarization of Belarus, Lukashenko has consistently maintained that his nation has ‘no intention of getting involved in a war.’",
     "Paraphrase across articles: repeatedly denied = consistently maintained, direct conflict = a war, the growing military footprint on its territory = the growing militarization of Belarus."),
    ("001", "Meanwhile, Russian officials have framed the deployment as a necessary measure to counterbalance NATO’s expansion and to protect the CSTO’s collective security interests.",
     "000", "Russian officials have framed the move as a necessary step",
     "Framed the deployment as a necessary measure = framed the move as a necessary step."),
    ("000", "The initiative has already drawn criticism from the European Union and the United States, but it has also solidified Belarus's role as a key player in Russia's geopolitical strategy.",
     "001", "Western governments have expressed concern over the potential militarization of Belarus",
     "Criticism from the EU and the US is concern expressed by Western governments about the initiative (hard case: 'militarization' is 001's word for it)."),
    ("003", "Belarus' openness to hosting Russian military systems has invoked mixed reactions from international observers, with some praising the strengthening of defense ties, and others warning of the increasing militarization of Eastern Europe.",
     "001", "The situation has sparked a mix of reactions from various stakeholders.",
     "Mixed reactions from observers (some praising, some warning) = a mix of reactions from stakeholders; low word overlap by design."),
]

NEUTRAL = [
    ("002", "A pivotal element of this initiative is the deployment of the 'Oreshnik' rocket complex in Belarus.",
     "000", "The deployment of the 'Oreshnik' rocket complex, a cutting-edge hypersonic missile system, is at the heart of this plan.",
     "Reverse of an entailment pair: the hypothesis adds that the Oreshnik is a cutting-edge hypersonic system, which the premise lacks (hard case: the addition is an apposition)."),
    ("001", "Wolfovich emphasized that the initiative is progressing ‘according to plan,’ with a definitive goal of completing the task by the end of the year.",
     "000", "'Everything goes according to plan, and by the end of the year, this task will be fully accomplished,' Wolfovich declared, emphasizing the unyielding cooperation between the two nations.",
     "Reverse of an entailment pair: the hypothesis adds the 'unyielding cooperation between the two nations' and turns a goal into a certainty (hard case)."),
    ("002", "The Secretary of State’s recent engagement with President Alexander Lukashenko of Belarus has further illuminated the level of personal involvement the Belarusian leader has in overseeing these developments.",
     "000", "This level of direct involvement underscores Lukashenko's prioritization of the initiative",
     "Lukashenko's personal involvement in both; that it shows he gives the initiative priority is not in the premise."),
    ("000", "The initiative has already drawn criticism from the European Union and the United States, but it has also solidified Belarus's role as a key player in Russia's geopolitical strategy.",
     "004", "As the CSTO continues to solidify its military coordination with Russia, Belarus's role as a key partner in this alliance is becoming increasingly prominent.",
     "A key player in Russia's strategy is not a key partner in the CSTO, nor the reverse; no membership claim is made in the premise, so no conflict with 000's CSTO list."),
    ("001", "This revelation marks a significant escalation in Belarus’s military posture, as the Oreshnik is a long-range, high-precision missile system capable of striking targets at considerable distances.",
     "004", "The Oreshnik's deployment marks a significant escalation in the organization's collective defense posture, with Belarus at the forefront of this transformation.",
     "Same words, different claims: an escalation in Belarus's own posture against one in the CSTO's collective posture."),
    ("004", "Belarusian President Alexander Lukashenko confirmed in late October that the system would be operational by December, entering battle readiness as part of a broader military modernization drive.",
     "003", "At the conclusion of the Eurasian Economic Summit held on December 6, Lukashenko addressed journalists about the military collaboration with Russia.",
     "Two statements by Lukashenko on military cooperation with Russia at different times; neither implies the other and no order between them is asserted."),
    ("004", "He argued that the 'Oreshnik' system's deployment is not merely a defensive move but a demonstration of solidarity with CSTO members, contrasting sharply with the perceived encroachment of Western military infrastructure near the organization's borders.",
     "002", "The placement of the Oreshnik system in Belarus could be interpreted as a proactive measure to bolster the CSTO’s defensive capabilities",
     "Two readings of the Oreshnik's role for the CSTO; 'not merely defensive' allows a defensive aim, so they neither follow nor conflict (interpretations, guidelines 4.4)."),
    ("002", "The CSTO, a military alliance comprising several post-Soviet states, has long been a focal point for regional security discussions.",
     "004", "The deployment of the 'Oreshnik' rocket complex in Belarus has been framed as a critical measure to safeguard the western borders of the Collective Security Treaty Organization (CSTO), according to Alexander Wolffovich, the State Secretary of the Council of National Security of Belarus.",
     "The CSTO in both; the premise says nothing of the deployment or of who framed it (no Wolfovich in the premise, so no name or role conflict)."),
    ("000", "Whether this alignment will ultimately benefit Belarus or entangle it further in the complexities of international conflict remains to be seen.",
     "003", "Whether Belarus truly becomes the host of Russian 'Oreshnik' systems remains to be seen, but the president's emphasis on hosting these systems marks another entry in Belarus' complex relationship with Russia and the wider world.",
     "Two open questions about Belarus: whether the alignment benefits it, whether it hosts the systems; the premise asserts no deployment, so no modality conflict (hard case)."),
    ("000", "His remarks came amid growing international scrutiny over Belarus's increasing alignment with Moscow, a move that has raised eyebrows among Western diplomats and analysts.",
     "003", "\"I think we can host about ten systems for now, and if there's desire from the Russian side, we can accommodate more,\" he stated, underscoring the readiness to bolster defense ties with Moscow.",
     "Belarus's ties with Moscow in both; the scrutiny of Wolfovich's remarks says nothing of how many systems Lukashenko would host."),
    ("003", "His comments, made during various meetings including the inline discussions with Russian President Vladimir Putin, have raised eyebrows and sparked discourse about Belarus' military alignment and strategic intents within the region.",
     "000", "His remarks came amid growing international scrutiny over Belarus's increasing alignment with Moscow",
     "Same topic and words (remarks, Belarus's alignment), different speakers and claims: Lukashenko's comments sparked discourse vs Wolfovich's remarks came amid scrutiny."),
    ("003", "Lukashenko's remarks came as he discussed strategic military positioning following high-level talks with Putin.",
     "003", "During their exchanges, Putin reportedly reiterated the significance of mutual defense and military capabilities.",
     "The Lukashenko-Putin talks in both; what Putin said in them is not in the premise."),
    ("003", "Lukashenko has faced scrutiny for his alliance with Russia, especially considering past tensions within the region.",
     "003", "Lukashenko's assertions came at the prelude to the summit's discussions, which were characterized by pre-existing tensions stemming from regional security dynamics.",
     "Lukashenko and regional tensions in both; when his assertions came is not in the premise (the hypothesis is one side of c010, paired here with a sentence that does not conflict with it)."),
    ("000", "According to Wolfovich, the system's presence in Belarus is intended to 'protect the western borders of the CSTO,'",
     "001", "According to Wolfovich, the deployment of this system in Belarus is intended to bolster the western borders of the Collective Security Treaty Organization (CSTO), a military alliance that includes Russia, Belarus, and several other nations.",
     "Reverse of an entailment pair: the hypothesis adds the CSTO's membership, which this clause of 000 does not give (with 000's member list in the premise the same hypothesis is contradiction pair n013, c013)."),
    ("000", "Russian officials have framed the move as a necessary step",
     "001", "Meanwhile, Russian officials have framed the deployment as a necessary measure to counterbalance NATO’s expansion and to protect the CSTO’s collective security interests.",
     "Reverse of an entailment pair: the hypothesis adds what the step is for (NATO's expansion, the CSTO's interests)."),
    ("001", "Lukashenko has consistently maintained that his nation has ‘no intention of getting involved in a war.’",
     "002", "This timeline has been previously communicated by Lukashenko, who has consistently maintained that Belarus has no intention of engaging in a war.",
     "Reverse of an entailment pair: the no-war claim is shared, but the hypothesis adds that Lukashenko had communicated the timeline before."),
    ("004", "The deployment of the 'Oreshnik' rocket complex in Belarus has been framed as a critical measure to safeguard the western borders of the Collective Security Treaty Organization (CSTO)",
     "002", "According to Wolfovich, this move is not merely symbolic but is intended to serve a critical strategic function: the protection of the western borders of the Collective Security Treaty Organization (CSTO).",
     "Reverse of an entailment pair: the hypothesis adds who framed it (Wolfovich) and that the move is not merely symbolic; the premise clause stops before 004's 'Wolffovich', so no name conflict."),
    ("004", "Lukashenko has repeatedly denied any intention to involve Belarus in direct conflict, despite the growing military footprint of Russian and Belarusian forces on its territory.",
     "000", "Despite Lukashenko's public assurances, some Belarusian citizens remain wary.",
     "Lukashenko's assurances in both; that some citizens remain wary is not in the premise."),
    ("000", "At the end of October, Lukashenko confirmed that the 'Oreshnik' rocket complex would be placed on combat alert in Belarus by December.",
     "004", "The timeline for the 'Oreshnik' complex's activation has been a focal point of recent discussions.",
     "The Oreshnik's timeline in both; that it has been a focal point of discussions does not follow from Lukashenko confirming it."),
    ("002", "A pivotal element of this initiative is the deployment of the 'Oreshnik' rocket complex in Belarus.",
     "000", "The deployment of the Oreshnik system has not gone unnoticed by global powers.",
     "The Oreshnik's deployment in both; its being noticed by global powers is not in the premise."),
]


def load_text(doc):
    with open(os.path.join("seeds", doc + ".txt"), encoding="utf-8", newline="") as f:
        return f.read()


def span(texts, key, text):
    doc = DOCS[key]
    at = texts[doc].find(text)
    if at < 0 or texts[doc].find(text, at + 1) >= 0:
        sys.exit(f"{key}: {text[:60]!r} found {'nowhere' if at < 0 else 'more than once'}")
    return {"text": text, "doc_id": doc, "start": at, "end": at + len(text)}


def inside(inner, outer):
    return inner["doc_id"] == outer["doc_id"] and outer["start"] <= inner["start"] and inner["end"] <= outer["end"]


def main():
    texts = {d: load_text(d) for d in DOCS.values()}
    with open(os.path.join(GOLD, "nli.jsonl"), encoding="utf-8") as f:
        old = [json.loads(l) for l in f if l.strip()]
    contradictions = []
    for path in ("contradictions.jsonl", "annotator-b/contradictions.jsonl"):
        with open(os.path.join(GOLD, path), encoding="utf-8") as f:
            contradictions += [json.loads(l) for l in f if l.strip()]
    entities = collections.defaultdict(list)
    with open(os.path.join(GOLD, "entities.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            doc, start, end, text, _type, eid = line.rstrip("\n").split("\t")
            entities[doc].append((int(start), int(end), text, eid))

    def ents(s):
        return {(eid, text) for st, en, text, eid in entities[s["doc_id"]] if s["start"] <= st and en <= s["end"]}

    out = []
    for r in old:
        if r["label"] == "contradiction":
            rec = {k: r[k] for k in ("premise", "hypothesis", "label", "contradiction_id")}
            rec["note"] = f"Kept from 1.0.1: the sentences holding the evidence of {r['contradiction_id']}."
            out.append(rec)
    problems = []
    for label, rows in (("entailment", ENTAILMENT), ("neutral", NEUTRAL)):
        block = []
        for pk, pt, hk, ht, note in rows:
            p, h = span(texts, pk, pt), span(texts, hk, ht)
            block.append({"premise": p, "hypothesis": h, "label": label, "note": note})
        block.sort(key=lambda r: (r["premise"]["doc_id"], r["premise"]["start"], r["hypothesis"]["doc_id"], r["hypothesis"]["start"]))
        out += block
    for i, r in enumerate(out, 1):
        r_id = f"n{i:03d}"
        out[i - 1] = {"id": r_id, **r}
    seen = set()
    for r in out:
        p, h, label = r["premise"], r["hypothesis"], r["label"]
        key = (p["doc_id"], p["start"], p["end"], h["doc_id"], h["start"], h["end"])
        if key in seen and label != "contradiction":
            problems.append(f"{r['id']}: repeats an earlier pair")
        elif key in seen:
            print(f"note: {r['id']} repeats an earlier pair (inherited from 1.0.1)")
        seen.add(key)
        if label == "contradiction":
            continue
        if label == "entailment" and p["doc_id"] == h["doc_id"]:
            problems.append(f"{r['id']}: entailment within one article")
        if inside(h, p) or inside(p, h):
            problems.append(f"{r['id']}: one span is cut from the other")
        pe, he = ents(p), ents(h)
        if label == "neutral" and not ({e for e, _ in pe} & {e for e, _ in he}):
            problems.append(f"{r['id']}: neutral pair shares no entity id")
        for eid in ("oreshnik", "wolfovich"):
            fp = {t.split()[-1] for e, t in pe if e == eid}
            fh = {t.split()[-1] for e, t in he if e == eid}
            if fp and fh and fp != fh:
                problems.append(f"{r['id']}: {eid} named {sorted(fp)} in the premise, {sorted(fh)} in the hypothesis")
        for c in contradictions:
            a, b = c["a"], c["b"]
            if (inside(a, p) and inside(b, h)) or (inside(b, p) and inside(a, h)):
                problems.append(f"{r['id']}: holds both sides of {c['id']}")
    for r in out:
        for side in ("premise", "hypothesis"):
            s = r[side]
            assert texts[s["doc_id"]][s["start"]:s["end"]] == s["text"], (r["id"], side)
    if problems:
        sys.exit("\n".join(problems))
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(tmp, OUT)
    print(f"{OUT}: {len(out)} pairs, " + ", ".join(f"{k} {v}" for k, v in sorted(collections.Counter(r['label'] for r in out).items())))


if __name__ == "__main__":
    main()
