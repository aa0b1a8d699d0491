"""Writes a held-out set's hand labels: labels/<id>.json per document and labels-debatable.json beside them."""
import json, os


def write(labels, folder):
    """labels: id -> (items, notes); an item is (text, owner, due, section[, debatable])."""
    out_dir = os.path.join(folder, "labels")
    os.makedirs(out_dir, exist_ok=True)
    debatable = {}
    for doc_id, (items, notes) in labels.items():
        out = []
        for it in items:
            text, owner, due, section = it[:4]
            out.append({"text": text, "owner": owner, "due": due, "section": section})
            if len(it) > 4 and it[4]:
                debatable.setdefault(doc_id, []).append(text)
        with open(os.path.join(out_dir, doc_id + ".json"), "w", encoding="utf-8") as fh:
            json.dump({"id": doc_id, "items": out, "notes": notes}, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    with open(os.path.join(folder, "labels-debatable.json"), "w", encoding="utf-8") as fh:
        json.dump(debatable, fh, ensure_ascii=False, indent=2)
    print(sum(len(v[0]) for v in labels.values()), "items;", sum(len(v) for v in debatable.values()), "debatable")
